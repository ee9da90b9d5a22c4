"""Microphone rate fallback and resampling, with a fake PortAudio; file reading."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import soundfile

from voice_coach.audio import SAMPLE_RATE, capture
from voice_coach.audio.capture import Microphone, read_audio
from voice_coach.errors import AudioFileError, MicrophoneError


class FakeStream:
    opened: list[int] = []

    def __init__(self, *, samplerate: int, callback: Any, **kwargs: Any) -> None:
        if samplerate == 16_000:
            raise RuntimeError("Invalid sample rate")
        FakeStream.opened.append(samplerate)
        self.samplerate = samplerate
        self.callback = callback

    def start(self) -> None:
        # One second of a 440 Hz tone at the device's own rate, in blocks.
        t = np.arange(self.samplerate) / self.samplerate
        tone = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        for i in range(0, len(tone), 480):
            block = tone[i : i + 480].reshape(-1, 1)
            self.callback(block, len(block), None, None)

    def stop(self) -> None: ...

    def close(self) -> None: ...


def fake_portaudio() -> SimpleNamespace:
    return SimpleNamespace(
        query_devices=lambda device, kind: {"name": "Fake 48k mic", "default_samplerate": 48000.0},
        InputStream=FakeStream,
    )


def test_microphone_falls_back_to_its_own_rate_and_resamples(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(capture, "_portaudio", fake_portaudio)
    FakeStream.opened = []
    with Microphone() as mic:
        assert mic.device_rate == 48000 and FakeStream.opened == [48000]
        blocks = []
        while (block := mic.read(timeout=0.05)) is not None:
            blocks.append(block)
    audio = np.concatenate(blocks)
    # One second at 16 kHz, less the resampling filter's delay (a few tens of ms).
    assert SAMPLE_RATE - 800 < len(audio) <= SAMPLE_RATE
    spectrum = np.abs(np.fft.rfft(audio[1000:15000]))
    peak_hz = np.argmax(spectrum) * SAMPLE_RATE / len(audio[1000:15000])
    assert peak_hz == pytest.approx(440, abs=5)


def test_microphone_that_opens_at_no_rate_is_a_clear_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(**kwargs: Any) -> None:
        raise RuntimeError("Device unavailable")

    monkeypatch.setattr(
        capture,
        "_portaudio",
        lambda: SimpleNamespace(
            query_devices=lambda device, kind: {"name": "Busy mic", "default_samplerate": 44100.0},
            InputStream=refuse,
        ),
    )
    with pytest.raises(MicrophoneError, match="cannot open the microphone 'Busy mic'"):
        Microphone().__enter__()


def test_read_audio_resamples_and_mixes_down(tmp_path: Path) -> None:
    t = np.arange(44100 * 2) / 44100
    left = 0.4 * np.sin(2 * np.pi * 300 * t)
    stereo = np.stack([left, left], axis=1)
    path = tmp_path / "stereo.wav"
    soundfile.write(str(path), stereo, 44100)
    audio = read_audio(path)
    assert audio.dtype == np.float32
    assert len(audio) == pytest.approx(2 * SAMPLE_RATE, abs=20)
    assert np.abs(audio).max() == pytest.approx(0.4, abs=0.02)


def test_read_audio_errors(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError, match="no such audio file"):
        read_audio(tmp_path / "missing.wav")
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(b"\x00junk" * 50)
    with pytest.raises(AudioFileError, match="not a readable audio file"):
        read_audio(junk)
    noise = tmp_path / "noise.wav"
    noise.write_bytes(np.random.default_rng(3).integers(0, 256, 50_000, np.uint8).tobytes())
    with pytest.raises(AudioFileError, match="not a readable audio file") as caught:
        read_audio(noise)
    said = str(caught.value)
    assert "Errno" not in said and said.count(str(noise)) == 1, said  # the path said once


@pytest.mark.parametrize(
    ("device", "raised", "said"),
    [
        (
            None,
            RuntimeError("Error querying device -1"),
            "no microphone found: the sound system offers none",
        ),
        (7, RuntimeError("Error querying device 7"), "at device number 7: choose one in"),
        ("USB mic", ValueError("No input device matching 'USB mic'"), 'named "USB mic"'),
        ("mic", ValueError("Multiple input devices found for 'mic':\n[0] a\n[1] b"), "more than"),
    ],
)
def test_a_missing_microphone_is_said_in_the_users_terms(
    monkeypatch: pytest.MonkeyPatch, device: int | str | None, raised: Exception, said: str
) -> None:
    def query_devices(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(capture, "_portaudio", lambda: SimpleNamespace(query_devices=query_devices))
    with pytest.raises(MicrophoneError) as caught, Microphone(device):
        pass
    assert said in str(caught.value)
    assert "Error querying" not in str(caught.value) and "\n" not in str(caught.value)


def test_a_device_that_exists_but_fails_keeps_the_reason() -> None:
    """Busy or refusing the rate: PortAudio's words say something more there, so they stay."""
    from voice_coach.audio import device_missing

    said = device_missing(
        "speaker or headphones", None, "Error opening OutputStream: Device unavailable"
    )
    assert (
        said == "no usable speaker or headphones (Error opening OutputStream: Device unavailable)"
    )
