"""The SDL audio device through SDL's queue: opened quietly, fed, watched for loss, closed."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

INIT_AUDIO = 0x10  # SDL_INIT_AUDIO
AUDIO_F32 = 0x8120  # SDL's AUDIO_F32SYS on a little-endian machine
SDL_AUDIO_STOPPED = 0  # SDL_GetAudioDeviceStatus of a device SDL has given up on
FRAME_BYTES = 8  # one float32 sample for each of two channels
PULSE_LATENCY_MS = 2000  # the sound server's own buffer (libpulse reads PULSE_LATENCY_MSEC)

# Why the sound server holds two seconds: SDL asks PulseAudio to buffer one device buffer
# only (4096 frames: 85 ms), and refills it when half is gone. On a busy 2-core machine SDL's
# audio thread or the server itself now and then waits longer than that for the processor:
# the server plays silence (recorded through a null sink, load average 7.5: 60+ gaps of 15 to
# 278 ms in 10 minutes, while SDL's own queue never ran dry). paplay buffers 2 s and has none.
# Half a second was not enough either: the server gives half of it to the sink and keeps the
# other half (270 ms) for the stream, and beside two busy processes (load average 10) SDL's
# side was late by up to 1.1 s: gaps of 90-850 ms with SDL's queue full (the server's log:
# "Implicit underrun"). With two seconds the stream holds about one (980 ms). The show plays
# its sound that much ahead (DeviceOutput.heard_now), so it stays in step.

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
                ("SDL_GetCurrentAudioDriver", [], ctypes.c_char_p),
                ("SDL_OpenAudioDevice", [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(AudioSpec),
                                         ctypes.POINTER(AudioSpec), ctypes.c_int], u32),
                ("SDL_QueueAudio", [u32, ctypes.c_void_p, u32], ctypes.c_int),
                ("SDL_GetQueuedAudioSize", [u32], u32),
                ("SDL_ClearQueuedAudio", [u32], None),
                ("SDL_LockAudioDevice", [u32], None),
                ("SDL_UnlockAudioDevice", [u32], None),
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

    def __init__(self, library: ctypes.CDLL, device_id: int, latency: int) -> None:
        self.library = library
        self.device_id = device_id
        self.latency = latency  # frames between leaving the queue and being heard

    def queue(self, block: np.ndarray) -> None:
        data = np.ascontiguousarray(block, dtype=np.float32)
        if self.library.SDL_QueueAudio(self.device_id, data.ctypes.data, data.nbytes) < 0:
            raise DeviceError(_sdl_error(self.library))

    def queued(self) -> int:
        """Frames queued and not yet taken by the device."""
        return int(self.library.SDL_GetQueuedAudioSize(self.device_id)) // FRAME_BYTES

    def clear(self) -> None:
        self.library.SDL_ClearQueuedAudio(self.device_id)

    def replace(self, make: Callable[[int], np.ndarray | None]) -> bool:
        """Queue `make(frames still queued)` in place of what is queued (None: leave it), SDL's
        audio thread held off meanwhile: it takes nothing between the count and the clear.
        True if it was replaced."""
        # SDL's queue calls take the same lock themselves; SDL's mutexes are recursive.
        self.library.SDL_LockAudioDevice(self.device_id)
        try:
            block = make(self.queued())
            if block is not None:
                self.clear()
                self.queue(block)
        finally:
            self.library.SDL_UnlockAudioDevice(self.device_id)
        return block is not None

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
    os.environ.setdefault("PULSE_LATENCY_MSEC", str(PULSE_LATENCY_MS))  # an operator's wins
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
    return SdlDevice(library, int(device_id), latency(library, sample_rate, buffer))


def latency(library: ctypes.CDLL, sample_rate: int, buffer: int) -> int:
    """Frames the sound spends after SDL's queue: one device buffer, or through PulseAudio
    the server's buffer (PULSE_LATENCY_MSEC) if that is longer."""
    if library.SDL_GetCurrentAudioDriver() != b"pulseaudio":
        return buffer
    try:
        server_ms = float(os.environ.get("PULSE_LATENCY_MSEC", PULSE_LATENCY_MS))
    except ValueError:
        server_ms = PULSE_LATENCY_MS
    return max(buffer, round(server_ms * sample_rate / 1000))


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
