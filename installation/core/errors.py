"""Problems found in user files, and the error types each layer raises."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_CONFIG = 3
EXIT_TIMELINE = 4
EXIT_DISPLAY = 5
EXIT_AUDIO = 6
EXIT_VIDEO = 7
EXIT_INTERNAL = 70
EXIT_BROKEN_PIPE = 141  # the shell's code for a pipe closed early (128 + SIGPIPE)


@dataclass(frozen=True)
class Problem:
    """One mistake in a user's file, worded for the person who made it."""

    file: str
    line: int | None
    where: str
    key: str
    expected: str
    found: str
    hint: str = ""

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        subject = ", ".join(part for part in (self.where, f"key '{self.key}'" if self.key else "")
                            if part)
        head = f"{place}: {subject}" if subject else place
        text = f"{head}: expected {self.expected}; found {self.found}"
        return f"{text}. {self.hint}" if self.hint else text


class InstallationError(Exception):
    """A known failure with a one-line message and an exit code (see README)."""

    exit_code = EXIT_INTERNAL

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems

    @classmethod
    def found(cls, name: str, what: str, problems: list[Problem]) -> InstallationError:
        """One error for all the problems in a file, listed in the order of its lines."""
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        ordered = sorted(problems, key=lambda p: p.line or 0)
        return cls(f"{name}: {count} in the {what}", tuple(ordered))

    def report(self) -> str:
        """The full text a user sees: the summary, then one line per problem."""
        lines = [str(self)] + [f"  {p}" for p in self.problems]
        return "\n".join(lines)


class ConfigError(InstallationError):
    """The operator's config.toml (or a command-line option) is wrong."""

    exit_code = EXIT_CONFIG


class TimelineError(InstallationError):
    """A curator's timeline file is wrong."""

    exit_code = EXIT_TIMELINE


class DisplayError(InstallationError):
    """No display could be opened."""

    exit_code = EXIT_DISPLAY


class UsageError(InstallationError):
    """The command line itself is wrong."""

    exit_code = EXIT_USAGE
