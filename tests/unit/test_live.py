"""The live pipeline's control flow, with a fake transcriber and synthetic sources."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import soundfile

from tests.unit.test_endpoint import energy_vad, silence, tone
from voice_coach.audio import endpoint
from voice_coach.audio.capture import FileSource
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.errors import MicrophoneError
from voice_coach.live import LiveAnswer, LiveOptions
from voice_coach.speech.stt import Transcript, TranscriptSegment, Word


class FakeTranscriber:
    """Says 'word' once per second of audio it is given, so segments are countable."""

    def __init__(self) -> None:
        self.calls: list[float] = []
        self.lock = threading.Lock()

    def transcribe(
        self,
        audio: np.ndarray,
        *,
        offset_s: float = 0.0,
        previous_text: str = "",
        streaming: bool = False,
    ) -> list[TranscriptSegment]:
        with self.lock:
            self.calls.append(offset_s)
        n = max(1, round(len(audio) / 16000))
        words = tuple(Word(offset_s + i, offset_s + i + 0.5, "word") for i in range(n))
        return [TranscriptSegment(offset_s, offset_s + n, " ".join(["word"] * n), words)]

    def transcribe_audio(self, audio: np.ndarray, progress: object = None) -> Transcript:
        """A whole file's transcript, as recovery asks for it."""
        return Transcript(tuple(self.transcribe(audio)), len(audio) / 16000)


class FailingSource(FileSource):
    """A microphone that dies after some blocks, as when it is unplugged."""

    def __init__(self, audio: np.ndarray, blocks: int) -> None:
        src = FileSource.from_array(audio)
        self.__dict__.update(src.__dict__)
        self.left = blocks

    def read(self, timeout: float = 0.5) -> np.ndarray | None:
        self.left -= 1
        if self.left < 0:
            raise MicrophoneError("the microphone stopped delivering audio")
        return super().read(timeout)


def _patch_vad(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(endpoint, "silero", lambda: energy_vad)


def test_each_pause_is_transcribed_and_audio_saved(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _patch_vad(monkeypatch)
    audio = np.concatenate([silence(1), tone(3.5), silence(1.5), tone(3.5), silence(3)])
    fake = FakeTranscriber()
    path = tmp_path / "a.flac"
    result = LiveAnswer(
        FileSource.from_array(audio),
        fake,
        path,
        EndpointConfig(end_silence_s=2.0, min_segment_s=3.0),  # type: ignore[arg-type]
        options=LiveOptions.plain(),  # final decodes only: provisional ones would add calls
    ).run()
    assert result.end_reason == "silence"
    assert len(fake.calls) == 2
    assert result.transcript.text.split() == ["word"] * len(result.transcript.words)
    assert soundfile.info(str(path)).duration == result.duration_s > 10.0


def test_device_failure_keeps_the_audio_so_far(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _patch_vad(monkeypatch)
    audio = np.concatenate([silence(0.5), tone(3), silence(5)])
    fake = FakeTranscriber()
    path = tmp_path / "b.flac"
    blocks = int(2.5 * 16000 / 1024)  # dies mid-speech
    result = LiveAnswer(FailingSource(audio, blocks), fake, path).run()  # type: ignore[arg-type]
    assert result.end_reason == "error" and "stopped delivering" in (result.error or "")
    assert result.transcript.text  # the speech before the failure was transcribed
    assert soundfile.info(str(path)).duration > 2.0


def test_stop_ends_the_answer(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _patch_vad(monkeypatch)
    live = LiveAnswer(
        FileSource.from_array(tone(30), realtime=True),
        FakeTranscriber(),
        tmp_path / "c.flac",  # type: ignore[arg-type]
    )
    threading.Timer(0.5, live.stop).start()
    result = live.run()
    assert result.end_reason == "stopped"
    assert result.duration_s < 3.0
    assert result.transcript.text  # the open segment is flushed and transcribed
