"""The helicopter's passes, as the picture flies them: the path itself lives in the core
(installation/core/helicopter_path.py), where the sound reads the same one."""

from installation.core.helicopter_path import (  # noqa: F401 - the picture's names for it
    DIP,
    GAP_SECONDS,
    HOVER,
    PASS_SECONDS,
    SOUND,
    SOUND_SECONDS,
    Passes,
    Place,
    first_pass,
)
