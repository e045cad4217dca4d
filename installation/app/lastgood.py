"""The last good timeline, kept in the log folder so a broken file at start-up still plays."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from installation.app.status import write_atomically
from installation.core.errors import TimelineError
from installation.core.timeline import Timeline, load_timeline, parse_timeline

LAST_GOOD_PREFIX = "last-good-"
PATH_HASH_CHARS = 8  # of the absolute path's SHA-256: tells timelines with one name apart
log = logging.getLogger("installation.lastgood")


def last_good_path(folder: Path, timeline: Path) -> Path:
    """Where the copy of a timeline is kept: one per timeline file, named and hashed by its
    absolute path, so a preview of a file with the same name elsewhere never replaces it."""
    where = str(timeline.resolve()).encode("utf-8", "surrogateescape")
    digest = hashlib.sha256(where).hexdigest()[:PATH_HASH_CHARS]
    return folder / f"{LAST_GOOD_PREFIX}{timeline.stem}-{digest}{timeline.suffix}"


def save_last_good(folder: Path, timeline: Path, text: str) -> bool:
    """Keep a copy of timeline text that loaded; False (never an error) if it cannot be kept."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(last_good_path(folder, timeline), text)
    except OSError as exc:
        log.warning("cannot keep a copy of the last good timeline in %s (%s)", folder, exc)
        return False
    return True


def load_or_last_good(path: Path, folder: Path) -> tuple[Timeline, TimelineError | None]:
    """The timeline at `path`; if it is broken, the last good copy and the error.

    The copy is read as if it were at `path`, so the files it names resolve as before.
    With no good copy the original error is raised: there is nothing to play.
    """
    try:
        text = path.read_text(encoding="utf-8")
        timeline = parse_timeline(text, str(path), path)
    except (OSError, UnicodeDecodeError, TimelineError) as exc:
        error = exc if isinstance(exc, TimelineError) else _unreadable(path)
        copy = last_good_path(folder, path)
        try:
            timeline = parse_timeline(copy.read_text(encoding="utf-8"), str(path), path)
        except (OSError, UnicodeDecodeError, TimelineError):
            raise error from None
        log.error("%s | playing the last good copy (%s) until the file is fixed",
                  error.report(), copy)
        return timeline, error
    save_last_good(folder, path, text)
    return timeline, None


def _unreadable(path: Path) -> TimelineError:
    try:
        load_timeline(path)
    except TimelineError as exc:
        return exc
    return TimelineError(f"{path}: the timeline could not be read")
