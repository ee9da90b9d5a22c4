"""The sound devices PortAudio offers, and a quick check that a microphone works.

Used by the settings screen (to offer a choice) and by checks before practice,
so a wrong device is found before an answer is lost, not during it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from voice_coach.audio.capture import Microphone
from voice_coach.errors import MicrophoneError, PlaybackError, VoiceCoachError, first_line

Kind = Literal["input", "output"]


@dataclass(frozen=True)
class DeviceInfo:
    index: int
    name: str
    host_api: str
    channels: int
    """Input channels for an input device, output channels for an output device."""
    default_rate: float
    is_default: bool

    @property
    def query(self) -> str:
        """What to save in config.toml: ``"name, host API"`` matches this device alone
        (sounddevice's exact match) and, unlike the index, survives a device being added."""
        return f"{self.name}, {self.host_api}"

    @property
    def label(self) -> str:
        default = " (default)" if self.is_default else ""
        return f"{self.name} · {self.host_api}{default}"


@dataclass(frozen=True)
class InputCheck:
    """A microphone that opened and delivered audio."""

    name: str
    rate: int
    """The rate the device was opened at (16 kHz, or its own rate, resampled)."""
    peak: float
    """Loudest sample heard, 0-1: 0 exactly suggests a muted or disconnected input."""


def _sounddevice(error: type[VoiceCoachError]) -> Any:
    try:
        import sounddevice
    except (OSError, ImportError) as exc:  # OSError: libportaudio2 missing
        raise error(
            f"PortAudio is not installed ({first_line(exc)}); install libportaudio2 "
            "(scripts/run does)"
        ) from None
    return sounddevice


def input_devices() -> list[DeviceInfo]:
    """Devices that can record; raises :class:`MicrophoneError` without PortAudio."""
    return _devices("input", MicrophoneError)


def output_devices() -> list[DeviceInfo]:
    """Devices that can play; raises :class:`PlaybackError` without PortAudio."""
    return _devices("output", PlaybackError)


def _devices(kind: Kind, error: type[VoiceCoachError]) -> list[DeviceInfo]:
    sd = _sounddevice(error)
    try:
        devices = sd.query_devices()
        host_apis = sd.query_hostapis()
        default = _default_index(sd, kind)
    except Exception as exc:  # PortAudioError: the audio system itself failed
        raise error(f"cannot list the sound devices ({first_line(exc)})") from None
    found: list[DeviceInfo] = []
    for index, info in enumerate(devices):
        channels = int(info[f"max_{kind}_channels"])
        if channels <= 0:
            continue
        found.append(
            DeviceInfo(
                index=index,
                name=str(info["name"]),
                host_api=str(host_apis[info["hostapi"]]["name"]),
                channels=channels,
                default_rate=float(info["default_samplerate"]),
                is_default=index == default,
            )
        )
    return found


def _default_index(sd: Any, kind: Kind) -> int:
    pair = sd.default.device
    try:
        value = pair[0 if kind == "input" else 1]
    except (TypeError, IndexError):
        value = pair
    return int(value) if value is not None else -1


def check_input(device: int | str | None = None, seconds: float = 0.3) -> InputCheck:
    """Open the microphone, hear ``seconds`` of audio and close it again.

    Raises :class:`MicrophoneError` with the reason when the device is unknown,
    cannot be opened, or opens but delivers nothing (a stalled sound server).
    """
    _sounddevice(MicrophoneError)
    peak = 0.0
    heard = 0
    wanted = int(seconds * 16_000)
    with Microphone(device) as mic:
        # Microphone.read raises once nothing has come for its first-data grace period.
        deadline = time.monotonic() + seconds + 10.0
        while heard < wanted and time.monotonic() < deadline:
            block = mic.read(timeout=0.5)
            if block is None or block.size == 0:
                continue
            heard += block.size
            peak = max(peak, float(np.max(np.abs(block))))
        if heard < wanted:
            raise MicrophoneError(f"the microphone {mic.device_name!r} delivered no audio")
        return InputCheck(name=mic.device_name, rate=mic.device_rate, peak=peak)

