"""The SDL audio device through SDL's queue: opened quietly, fed, watched for loss, closed."""

from __future__ import annotations

import ctypes
import ctypes.util
from pathlib import Path
from typing import Any

import numpy as np

INIT_AUDIO = 0x10  # SDL_INIT_AUDIO
AUDIO_F32 = 0x8120  # SDL's AUDIO_F32SYS on a little-endian machine
SDL_AUDIO_STOPPED = 0  # SDL_GetAudioDeviceStatus of a device SDL has given up on
FRAME_BYTES = 8  # one float32 sample for each of two channels

# Why a queue and ctypes: with a callback, SDL's audio thread must take the GIL for every
# block, so a frame being drawn (pygame holds the GIL while it blits) or a block being rendered
# delays the sound card: gaps. With SDL_QueueAudio the audio thread copies from SDL's own
# queue and never waits on Python; ctypes also lets go of the GIL in every SDL call, so closing
# cannot deadlock with SDL's thread either. pygame's AudioDevice offers only the callback.


class AudioSpec(ctypes.Structure):
    _fields_ = [("freq", ctypes.c_int), ("format", ctypes.c_uint16),
                ("channels", ctypes.c_uint8), ("silence", ctypes.c_uint8),
                ("samples", ctypes.c_uint16), ("padding", ctypes.c_uint16),
                ("size", ctypes.c_uint32), ("callback", ctypes.c_void_p),
                ("userdata", ctypes.c_void_p)]


class DeviceError(Exception):
    """SDL could not open an audio device (its own words)."""


def pygame_sdl() -> ctypes.CDLL | None:
    """The SDL2 library pygame itself loaded (the same instance), or None if not found."""
    import pygame

    bundled = sorted((Path(pygame.__file__).parent.parent / "pygame_ce.libs").glob("libSDL2-2*"))
    name = str(bundled[0]) if bundled else ctypes.util.find_library("SDL2")
    if name is None:
        return None
    try:
        library = ctypes.CDLL(name)
        u32 = ctypes.c_uint32
        for function, args, result in (
                ("SDL_InitSubSystem", [u32], ctypes.c_int),
                ("SDL_QuitSubSystem", [u32], None),
                ("SDL_GetError", [], ctypes.c_char_p),
                ("SDL_OpenAudioDevice", [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(AudioSpec),
                                         ctypes.POINTER(AudioSpec), ctypes.c_int], u32),
                ("SDL_QueueAudio", [u32, ctypes.c_void_p, u32], ctypes.c_int),
                ("SDL_GetQueuedAudioSize", [u32], u32),
                ("SDL_ClearQueuedAudio", [u32], None),
                ("SDL_PauseAudioDevice", [u32, ctypes.c_int], None),
                ("SDL_GetAudioDeviceStatus", [u32], ctypes.c_int),
                ("SDL_CloseAudioDevice", [u32], None)):
            getattr(library, function).argtypes = args
            getattr(library, function).restype = result
    except (OSError, AttributeError):
        return None
    return library


class SdlDevice:
    """An open SDL output device fed through SDL's queue: float32 stereo frames."""

    def __init__(self, library: ctypes.CDLL, device_id: int) -> None:
        self.library = library
        self.device_id = device_id

    def queue(self, block: np.ndarray) -> None:
        data = np.ascontiguousarray(block, dtype=np.float32)
        if self.library.SDL_QueueAudio(self.device_id, data.ctypes.data, data.nbytes) < 0:
            raise DeviceError(_sdl_error(self.library))

    def queued(self) -> int:
        """Frames queued and not yet taken by the device."""
        return int(self.library.SDL_GetQueuedAudioSize(self.device_id)) // FRAME_BYTES

    def clear(self) -> None:
        self.library.SDL_ClearQueuedAudio(self.device_id)

    def play(self) -> None:
        self.library.SDL_PauseAudioDevice(self.device_id, 0)

    def stopped(self) -> bool:
        """True once SDL has given up on the device (unplugged, sound server gone)."""
        return int(self.library.SDL_GetAudioDeviceStatus(self.device_id)) == SDL_AUDIO_STOPPED

    def close(self) -> None:
        """Silence and close the device, and give back its hold on SDL's audio subsystem."""
        self.library.SDL_PauseAudioDevice(self.device_id, 1)
        self.library.SDL_CloseAudioDevice(self.device_id)
        self.library.SDL_QuitSubSystem(INIT_AUDIO)


def open_device(name: str | None, sample_rate: int, buffer: int) -> SdlDevice:
    """Open an SDL output device for float32 stereo (the audio subsystem only, never the
    mixer), paused, with ALSA's own complaints kept off stderr; DeviceError if SDL cannot."""
    library = pygame_sdl()
    if library is None:
        raise DeviceError("the SDL library pygame uses was not found")
    quiet_alsa()
    # Each device holds one reference to the audio subsystem, given back when it is closed: once
    # none is left SDL shuts its driver down, so a sound server that died and came back is
    # connected to afresh (SDL's PulseAudio driver keeps one connection for its lifetime).
    if library.SDL_InitSubSystem(INIT_AUDIO) < 0:
        raise DeviceError(_sdl_error(library))
    wanted = AudioSpec(freq=sample_rate, format=AUDIO_F32, channels=2, samples=buffer)
    device_id = library.SDL_OpenAudioDevice(name.encode("utf-8") if name else None, 0,
                                            ctypes.byref(wanted), None, 0)
    if not device_id:
        error = _sdl_error(library)
        library.SDL_QuitSubSystem(INIT_AUDIO)
        raise DeviceError(error)
    return SdlDevice(library, int(device_id))


def _sdl_error(library: ctypes.CDLL) -> str:
    return (library.SDL_GetError() or b"unknown SDL error").decode("utf-8", "replace")


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
