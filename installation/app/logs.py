"""Logging for weeks unattended: rotated files in a folder, one line per event, never fatal."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

LOGGER_NAME = "installation"
LOG_FILE = "installation.log"
MAX_LOG_BYTES = 2_000_000  # about two weeks of a quiet show per file
LOG_BACKUPS = 5
LINE_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
CONTINUATION = "    "
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
          "error": logging.ERROR}


class OneLineFormatter(logging.Formatter):
    """Each event on one line: a multi-line message is joined with ' | '.

    A traceback (debug detail) follows on indented lines so the event line stays greppable.
    """

    def __init__(self) -> None:
        super().__init__(LINE_FORMAT, DATE_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        saved = record.msg, record.args, record.exc_text
        message = record.getMessage()
        record.msg, record.args = " | ".join(
            line.strip() for line in message.splitlines() if line.strip()), None
        record.exc_text = None
        exc_info, record.exc_info = record.exc_info, None
        try:
            line = super().format(record)
        finally:
            record.msg, record.args, record.exc_text = saved
            record.exc_info = exc_info
        if exc_info:
            detail = self.formatException(exc_info)
            line += "\n" + "\n".join(CONTINUATION + row for row in detail.splitlines())
        return line


class SafeRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file that survives a full or vanished disk: it counts what it lost.

    The first failure is reported once on `report` (the console); when writes work again the
    log gets one line saying how many events were lost.
    """

    def __init__(self, path: Path, report: Callable[[str], None],
                 max_bytes: int = MAX_LOG_BYTES, backups: int = LOG_BACKUPS) -> None:
        super().__init__(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8",
                         delay=True)
        self.report = report
        self.lost = 0
        self.failures = 0
        self.last_error = ""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.shouldRollover(record):
                self.doRollover()
            if self.stream is None:
                self.stream = self._open()
            if self.lost:
                events = f"{self.lost} events were" if self.lost > 1 else "1 event was"
                self._write_line(f"(log writing works again; {events} lost while it failed: "
                                 f"{self.last_error})", record)
            self.stream.write(self.format(record) + self.terminator)
            self.stream.flush()
            self.lost = 0
        except OSError as exc:
            self._failed(exc)
        except Exception:  # noqa: BLE001 - a bad log record must not stop the show either
            self.handleError(record)

    def flush(self) -> None:
        try:
            super().flush()
        except OSError as exc:
            self._failed(exc)

    def close(self) -> None:
        try:
            super().close()
        except OSError:
            self.stream = None

    def _write_line(self, text: str, like: logging.LogRecord) -> None:
        note = logging.makeLogRecord({"name": like.name, "levelno": logging.WARNING,
                                      "levelname": "WARNING", "msg": text})
        assert self.stream is not None
        self.stream.write(self.format(note) + self.terminator)

    def _failed(self, exc: OSError) -> None:
        self.lost += 1
        self.failures += 1
        self.last_error = f"{type(exc).__name__}: {exc}"
        if self.failures == 1:
            self.report(f"installation: cannot write the log file {self.baseFilename} "
                        f"({self.last_error}); the show goes on, logging to the console only")
        stream, self.stream = self.stream, None
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass

    def handleError(self, record: logging.LogRecord) -> None:
        """Never print a traceback from logging itself; count it instead."""
        self.lost += 1


FILE_ONLY = {"file_only": True}  # logging `extra=`: the console already said it


class SafeStreamHandler(logging.StreamHandler[TextIO]):
    """Console output that ignores a closed or broken stdout/stderr (e.g. under systemd)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, "file_only", False) and bool(super().filter(record))

    def handleError(self, record: logging.LogRecord) -> None:
        return


@dataclass
class LogSetup:
    """The handlers installed on the package logger, so they can be removed again."""

    logger: logging.Logger
    file: SafeRotatingFileHandler | None
    handlers: list[logging.Handler] = field(default_factory=list)
    problem: str = ""  # why there is no log file, if there is none

    @property
    def path(self) -> Path | None:
        return Path(self.file.baseFilename) if self.file else None

    def close(self) -> None:
        for handler in self.handlers:
            self.logger.removeHandler(handler)
            handler.close()


def setup_logging(folder: Path | None, level: str = "info", console: TextIO | None = None,
                  report: Callable[[str], None] | None = None) -> LogSetup:
    """Log to `folder`/installation.log (rotated) and to the console; never raises OSError."""
    stream = console if console is not None else sys.stderr
    say = report or (lambda text: _print(text, stream))
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(LEVELS.get(level, logging.INFO))
    logger.propagate = False
    setup = LogSetup(logger, None)
    shown = SafeStreamHandler(stream)
    shown.setFormatter(OneLineFormatter())
    setup.handlers.append(shown)
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            setup.file = SafeRotatingFileHandler(folder / LOG_FILE, say)
            setup.file.setFormatter(OneLineFormatter())
            setup.handlers.append(setup.file)
        except OSError as exc:
            setup.problem = f"cannot use the log folder {folder}: {exc}"
            say(f"installation: {setup.problem}; logging to the console only")
    for handler in setup.handlers:
        logger.addHandler(handler)
    return setup


def set_level(level: str) -> None:
    """Change how much is logged while running (a live config key)."""
    logging.getLogger(LOGGER_NAME).setLevel(LEVELS.get(level, logging.INFO))


def _print(text: str, stream: TextIO) -> None:
    try:
        print(text, file=stream, flush=True)
    except (OSError, ValueError):
        pass
