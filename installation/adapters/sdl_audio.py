"""The SDL audio device: opened quietly, watched for loss, closed without holding the GIL."""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

INIT_AUDIO = 0x10  # SDL_INIT_AUDIO
SDL_AUDIO_STOPPED = 0  # SDL_GetAudioDeviceStatus of a device SDL has given up on

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
        library.SDL_GetAudioDeviceStatus.argtypes = [ctypes.c_uint32]
        library.SDL_GetAudioDeviceStatus.restype = ctypes.c_int
        library.SDL_QuitSubSystem.argtypes = [ctypes.c_uint32]
    except (OSError, AttributeError):
        return None
    return library


def open_device(name: str | None, sample_rate: int, channels: int, buffer: int,
                callback: Callable[[Any, memoryview], None]) -> Any:
    """Open an SDL output device for float32 samples (the audio subsystem only, never the
    mixer), ALSA's own complaints kept off stderr; SDL's error is raised as it comes."""
    from pygame._sdl2 import audio, sdl2

    quiet_alsa()
    # Each device holds one reference to the audio subsystem, given back when it is closed: once
    # none is left SDL shuts its driver down, so a sound server that died and came back is
    # connected to afresh (SDL's PulseAudio driver keeps one connection for its lifetime).
    sdl2.init_subsystem(sdl2.INIT_AUDIO)
    try:
        return audio.AudioDevice(devicename=name, iscapture=False, frequency=sample_rate,
                                 audioformat=audio.AUDIO_F32, numchannels=channels,
                                 chunksize=buffer, allowed_changes=0, callback=callback)
    except Exception:
        library = pygame_sdl()
        if library is not None:
            library.SDL_QuitSubSystem(INIT_AUDIO)
        raise


def device_stopped(device: Any, library: ctypes.CDLL | None) -> bool:
    """True once SDL has given up on an open device (unplugged, sound server gone)."""
    from pygame._sdl2.audio import AudioDevice

    if library is None or not isinstance(device, AudioDevice):
        return False
    return int(library.SDL_GetAudioDeviceStatus(device.deviceid)) == SDL_AUDIO_STOPPED


def close_device(device: Any, library: ctypes.CDLL | None) -> None:
    """Silence and close a pygame AudioDevice; the callback may run once more meanwhile."""
    from pygame._sdl2.audio import AudioDevice

    if library is None or not isinstance(device, AudioDevice):
        device.pause(1)
        device.close()
        return
    library.SDL_PauseAudioDevice(device.deviceid, 1)
    library.SDL_CloseAudioDevice(device.deviceid)
    library.SDL_QuitSubSystem(INIT_AUDIO)  # the device's reference (see open_device)


# ALSA's library prints its own complaints ("ALSA lib pcm.c:2666: Unknown PCM default", eight
# lines on a machine without a sound card) to stderr on every attempt to open a device. They go
# to a handler of ours instead; the show says what failed in one line of its own. The handler
# must live as long as the process (ALSA keeps the pointer): it is kept here, set once.
AlsaHandler = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                               ctypes.c_int, ctypes.c_char_p)
_alsa: dict[str, Any] = {}


def quiet_alsa() -> bool:
    """Keep ALSA's messages off stderr (the last one is kept for the log); False if there is
    no ALSA library to quiet. Safe to call again."""
    if "handler" in _alsa:
        return True
    name = ctypes.util.find_library("asound")
    if name is None:
        return False
    try:
        library = ctypes.CDLL(name)  # the instance SDL loads too: the handler is shared
        setter = library.snd_lib_error_set_handler
    except (OSError, AttributeError):
        return False

    def keep(file: bytes | None, line: int, function: bytes | None, err: int,
             fmt: bytes | None) -> None:
        _alsa["last"] = (fmt or b"").decode("utf-8", "replace")

    _alsa["library"], _alsa["handler"] = library, AlsaHandler(keep)
    setter.argtypes = [AlsaHandler]
    setter(_alsa["handler"])
    return True


def last_alsa_message() -> str:
    """The format of ALSA's last complaint (its arguments are not kept), or empty."""
    return str(_alsa.get("last", ""))
