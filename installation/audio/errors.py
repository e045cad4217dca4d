"""The error the sound raises when it cannot do what a command asked."""

from __future__ import annotations

from installation.core.errors import EXIT_AUDIO, InstallationError


class AudioError(InstallationError):
    """Sound could not be rendered, decoded or exported."""

    exit_code = EXIT_AUDIO


class BuildCancelled(Exception):  # noqa: N818 - a request, not a failure
    """The score engine was asked to stop while it was being built (the show is quitting)."""
