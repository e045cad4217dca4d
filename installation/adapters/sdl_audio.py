"""Pause and close an SDL audio device without holding the GIL (pygame's own calls hold it)."""

from __future__ import annotations

import ctypes
import ctypes.util
from pathlib import Path
from typing import Any

# Why: SDL calls the device callback (Python) with the device lock held, so the callback waits
# for the GIL. pygame's AudioDevice.pause/close wait for that lock (or for SDL's audio thread)
# while holding the GIL: a deadlock whenever a callback is due at the moment of closing. ctypes
# releases the GIL for the length of a foreign call, so the callback can finish first.


def pygame_sdl() -> ctypes.CDLL | None:
    """The SDL2 library pygame itself loaded (the same instance), or None if not found."""
    import pygame

    bundled = sorted((Path(pygame.__file__).parent.parent / "pygame_ce.libs").glob("libSDL2-2*"))
    name = str(bundled[0]) if bundled else ctypes.util.find_library("SDL2")
    if name is None:
        return None
    try:
        library = ctypes.CDLL(name)
        library.SDL_PauseAudioDevice.argtypes = [ctypes.c_uint32, ctypes.c_int]
        library.SDL_CloseAudioDevice.argtypes = [ctypes.c_uint32]
    except (OSError, AttributeError):
        return None
    return library


def close_device(device: Any, library: ctypes.CDLL | None) -> None:
    """Silence and close a pygame AudioDevice; the callback may run once more meanwhile."""
    from pygame._sdl2.audio import AudioDevice

    if library is None or not isinstance(device, AudioDevice):
        device.pause(1)
        device.close()
        return
    library.SDL_PauseAudioDevice(device.deviceid, 1)
    library.SDL_CloseAudioDevice(device.deviceid)
