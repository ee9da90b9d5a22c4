"""Device listing without hardware: a fake sounddevice, and PortAudio missing."""

from __future__ import annotations

import builtins
import sys
from types import SimpleNamespace
from typing import Any

import pytest

from voice_coach.audio import devices
from voice_coach.errors import MicrophoneError, PlaybackError


def _fake_sounddevice() -> Any:
    listing = [
        {"name": "Built-in Mic", "hostapi": 0, "max_input_channels": 2,
         "max_output_channels": 0, "default_samplerate": 48000.0},
        {"name": "Speakers", "hostapi": 0, "max_input_channels": 0,
         "max_output_channels": 2, "default_samplerate": 44100.0},
        {"name": "USB Headset", "hostapi": 1, "max_input_channels": 1,
         "max_output_channels": 2, "default_samplerate": 16000.0},
    ]  # fmt: skip
    return SimpleNamespace(
        query_devices=lambda: listing,
        query_hostapis=lambda: [{"name": "ALSA"}, {"name": "JACK Audio Connection Kit"}],
        default=SimpleNamespace(device=[2, 1]),
    )


def test_inputs_and_outputs_are_split_with_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", _fake_sounddevice())
    inputs = devices.input_devices()
    outputs = devices.output_devices()
    assert [(d.index, d.name, d.channels, d.is_default) for d in inputs] == [
        (0, "Built-in Mic", 2, False),
        (2, "USB Headset", 1, True),
    ]
    assert [(d.index, d.name, d.is_default) for d in outputs] == [
        (1, "Speakers", True),
        (2, "USB Headset", False),
    ]
    headset = inputs[1]
    assert headset.host_api == "JACK Audio Connection Kit"
    assert headset.default_rate == 16000.0
    assert headset.query == "USB Headset, JACK Audio Connection Kit"
    assert "(default)" in headset.label and "(default)" not in inputs[0].label


def _without_portaudio(monkeypatch: pytest.MonkeyPatch) -> None:
    """Importing sounddevice fails the way it does when libportaudio2 is absent."""
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_missing_portaudio_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_portaudio(monkeypatch)
    with pytest.raises(MicrophoneError, match=r"PortAudio is not installed.*libportaudio2"):
        devices.input_devices()
    with pytest.raises(PlaybackError, match="PortAudio is not installed"):
        devices.output_devices()
    with pytest.raises(MicrophoneError, match="PortAudio is not installed"):
        devices.check_input()


def test_a_failing_audio_system_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("Error querying device -1\nmore detail")

    fake = _fake_sounddevice()
    fake.query_devices = broken
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    with pytest.raises(MicrophoneError, match=r"cannot list the sound devices \(Error querying"):
        devices.input_devices()
