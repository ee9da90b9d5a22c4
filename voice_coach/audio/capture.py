"""Audio sources that deliver 16 kHz mono float32 blocks.

The microphone and a file share one small interface so the practice loop, the
benchmarks and the tests run the very same code path.
"""

from __future__ import annotations

import queue
import time
from pathlib import Path
from types import TracebackType
from typing import Protocol

import numpy as np
import soxr

from voice_coach.audio import SAMPLE_RATE, device_missing
from voice_coach.errors import AudioFileError, MicrophoneError, first_line

BLOCK_S = 0.064
"""Block length of file sources; microphones deliver what the device chooses (~25 ms)."""

STALL_S = 2.0
"""A stream that delivers nothing for this long has failed (device unplugged, server gone)."""

FIRST_DATA_S = 6.0
"""Grace before the first block: a sound server can take seconds to start a stream."""

INPUT_LATENCY_S = 0.1
"""Asked of PortAudio: without it, ALSA's pulse plugin buffers about 2 s before the first
callback, which delays the level meter and endpointing by as much."""


class AudioSource(Protocol):
    """A source of 16 kHz mono float32 blocks; used as a context manager."""

    def __enter__(self) -> AudioSource: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def read(self, timeout: float = 0.5) -> np.ndarray | None:
        """The next block, None when nothing came within ``timeout``; raises at the end."""
        ...


class EndOfAudio(Exception):
    """A finite source (a file) has no more audio."""


def _portaudio() -> object:
    try:
        import sounddevice
    except OSError as exc:  # libportaudio2 missing
        raise MicrophoneError(
            f"PortAudio is not installed ({exc}); install libportaudio2 (scripts/run does)"
        ) from None
    return sounddevice


class Microphone:
    """The default (or a chosen) input device.

    Opens at 16 kHz where the device accepts it, otherwise at its own rate with
    a streaming resampler, so any microphone works.
    """

    def __init__(self, device: int | str | None = None) -> None:
        self.device = device
        self.device_name = "?"
        self.device_rate = SAMPLE_RATE
        self._queue: queue.Queue[np.ndarray] = queue.Queue()
        self._stream: object | None = None
        self._resampler: soxr.ResampleStream | None = None
        self._last_data = 0.0
        self._got_data = False

    def _callback(self, indata: np.ndarray, frames: int, when: object, status: object) -> None:
        self._queue.put(indata[:, 0].copy())

    def __enter__(self) -> Microphone:
        sd = _portaudio()
        try:
            info = sd.query_devices(self.device, kind="input")  # type: ignore[attr-defined]
        except Exception as exc:  # PortAudioError, ValueError for a bad name
            reason = device_missing("microphone", self.device, first_line(exc))
            raise MicrophoneError(reason) from None
        self.device_name = str(info["name"])
        last_exc: Exception | None = None
        for rate in (SAMPLE_RATE, int(info["default_samplerate"] or 48_000)):
            try:
                stream = sd.InputStream(  # type: ignore[attr-defined]
                    device=self.device,
                    samplerate=rate,
                    channels=1,
                    dtype="float32",
                    latency=INPUT_LATENCY_S,
                    callback=self._callback,
                )
                stream.start()
            except Exception as exc:
                last_exc = exc
                continue
            self._stream = stream
            self.device_rate = rate
            if rate != SAMPLE_RATE:
                self._resampler = soxr.ResampleStream(rate, SAMPLE_RATE, 1, dtype="float32")
            self._last_data = time.monotonic()
            return self
        raise MicrophoneError(
            f"cannot open the microphone {self.device_name!r}: {first_line(last_exc)}"
        ) from None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()  # type: ignore[attr-defined]
                stream.close()  # type: ignore[attr-defined]
            except Exception:
                pass  # a device that vanished cannot be closed cleanly; nothing is lost

    def read(self, timeout: float = 0.5) -> np.ndarray | None:
        try:
            block = self._queue.get(timeout=timeout)
        except queue.Empty:
            limit = STALL_S if self._got_data else FIRST_DATA_S
            if time.monotonic() - self._last_data > limit:
                raise MicrophoneError(
                    "the microphone stopped delivering audio "
                    "(unplugged, or the sound server stopped)"
                ) from None
            return None
        self._last_data = time.monotonic()
        self._got_data = True
        if self._resampler is not None:
            block = self._resampler.resample_chunk(block)
        return block


class FileSource:
    """A recording played as if spoken: in real time, or as fast as it is read.

    ``tail_silence_s`` appends silence so endpointing can end the answer the way
    a person falling silent would.
    """

    def __init__(self, path: Path, *, realtime: bool = False, tail_silence_s: float = 0.0) -> None:
        self.path = path
        self.realtime = realtime
        audio = read_audio(path)
        if tail_silence_s:
            audio = np.concatenate([audio, np.zeros(int(tail_silence_s * SAMPLE_RATE), np.float32)])
        self._audio = audio
        self._pos = 0
        self._started = 0.0

    @classmethod
    def from_array(cls, audio: np.ndarray, *, realtime: bool = False) -> FileSource:
        source = cls.__new__(cls)
        source.path = Path("<array>")
        source.realtime = realtime
        source._audio = audio.astype(np.float32)
        source._pos = 0
        source._started = 0.0
        return source

    def __enter__(self) -> FileSource:
        self._started = time.monotonic()
        return self

    def __exit__(self, *args: object) -> None:
        return None

    def read(self, timeout: float = 0.5) -> np.ndarray | None:
        if self._pos >= len(self._audio):
            raise EndOfAudio
        n = int(SAMPLE_RATE * BLOCK_S)
        if self.realtime:
            due = self._started + (self._pos + n) / SAMPLE_RATE
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        block = self._audio[self._pos : self._pos + n]
        self._pos += n
        return block


def read_audio(path: Path) -> np.ndarray:
    """Any file PyAV or libsndfile reads, as 16 kHz mono float32."""
    if not path.is_file():
        raise AudioFileError(f"{path}: no such audio file")
    try:
        import soundfile

        data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
        audio = downmix(data)
        if rate != SAMPLE_RATE:
            audio = soxr.resample(audio, rate, SAMPLE_RATE).astype(np.float32)
        return audio
    except Exception:
        pass
    try:
        from faster_whisper import decode_audio

        audio = np.asarray(decode_audio(str(path), sampling_rate=SAMPLE_RATE), dtype=np.float32)
    except Exception as exc:
        # PyAV's message repeats the path after an errno ("[Errno 1094995529] Invalid data
        # found when processing input: '...'"); its strerror alone says what went wrong.
        why = getattr(exc, "strerror", None) or first_line(exc)
        raise AudioFileError(f"{path}: not a readable audio file ({why})") from None
    if audio.size == 0:
        # PyAV reads some garbage files as an empty stream instead of failing.
        raise AudioFileError(f"{path}: not a readable audio file (no audio found in it)")
    return audio


def downmix(data: np.ndarray) -> np.ndarray:
    """Frames x channels as one channel, without letting channels cancel.

    A plain average of a stereo file whose second channel is the first inverted (a
    microphone wired out of phase) is silence. So each channel's polarity is matched to the
    loudest channel's first: copies of one voice add up, and different voices on different
    channels (two microphones) are both kept, as an average keeps them.
    """
    if data.shape[1] == 1:
        return np.ascontiguousarray(data[:, 0], dtype=np.float32)
    loudest = data[:, int(np.argmax(np.einsum("ij,ij->j", data, data)))]
    signs = np.where(loudest @ data < 0, -1.0, 1.0).astype(np.float32)
    return (data @ signs / data.shape[1]).astype(np.float32)

