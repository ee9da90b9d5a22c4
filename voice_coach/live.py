"""One spoken answer, live: record it, find the speech, transcribe as it goes.

The audio loop (capture -> disk -> endpointer) and the transcription loop run in
separate threads joined by a queue, so decoding a segment never delays
recording, and by the time the answer ends only its last piece is left to
decode. Everything is reported through a listener, which keeps this module free
of any UI: the TUI, the CLI and the tests all drive it the same way.
"""

from __future__ import annotations

import math
import queue
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import AudioSource, EndOfAudio
from voice_coach.audio.endpoint import EndpointConfig, Endpointer
from voice_coach.audio.recorder import Recorder, RecordingWriteError
from voice_coach.errors import VoiceCoachError
from voice_coach.speech.stt import Transcriber, Transcript, TranscriptSegment, join_text

LEVEL_INTERVAL_S = 0.1
"""Level updates at most ten times a second: a meter needs no more, a UI queue no more."""

UNFINISHED = ("disk_full", "write_error")
"""End reasons that leave the answer's file unfinished (see AnswerResult.unfinished)."""

WARN_BEFORE_END_S = 1.5
"""How long before silence ends the answer the user is warned, so they can go on."""


@dataclass(frozen=True)
class LiveStatus:
    """What a level meter and a timer need, sent about ten times a second."""

    level_db: float
    """Input level of the latest block in dBFS (-60 is silence, 0 is clipping)."""
    elapsed_s: float
    speech_started: bool
    in_speech: bool
    silence_s: float
    ends_in_s: float | None
    """Seconds until silence ends the answer, when that is close; None otherwise."""
    waiting_for_first_word: bool


@dataclass(frozen=True)
class AnswerResult:
    audio_path: Path
    duration_s: float
    transcript: Transcript
    end_reason: str
    """"silence", "no_speech", "max_length", "stopped" (the user), "end_of_audio", "error"
    (the device), or "disk_full" / "write_error" (the file could not be written further)."""
    error: str | None = None
    """What went wrong with the device or the disk, if anything: the audio so far is saved."""

    @property
    def unfinished(self) -> bool:
        """The file could not be finished: what is on disk waits for recovery, which
        measures and rewrites it once the disk can take it."""
        return self.end_reason in UNFINISHED

    @property
    def no_speech(self) -> bool:
        return not self.transcript.text


class AnswerListener(Protocol):
    """Receives live updates; called from worker threads."""

    def status(self, status: LiveStatus) -> None: ...

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None: ...

    def recording_started(self, device: str) -> None:
        """The microphone is open: from now on, speech is heard."""
        ...

    def recording_ended(self, reason: str) -> None:
        """Recording stopped; the last piece is being transcribed."""
        ...


class _Silent:
    def recording_started(self, device: str) -> None:
        return None

    def status(self, status: LiveStatus) -> None:
        return None

    def recording_ended(self, reason: str) -> None:
        return None

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        return None


class LiveAnswer:
    """Records one answer from ``source`` into ``audio_path`` until it ends."""

    def __init__(
        self,
        source: AudioSource,
        transcriber: Transcriber,
        audio_path: Path,
        config: EndpointConfig | None = None,
        listener: AnswerListener | None = None,
    ) -> None:
        self.source = source
        self.transcriber = transcriber
        self.audio_path = audio_path
        self.config = config or EndpointConfig()
        self.listener = listener or _Silent()
        self._stop = threading.Event()
        self._segments: list[TranscriptSegment] = []
        self._work: queue.Queue[tuple[float, np.ndarray] | None] = queue.Queue()
        """Segments to decode, as (offset in seconds, audio); None ends the loop."""
        self._transcribe_error: BaseException | None = None
        self._abandon = threading.Event()
        """Set when the file cannot be written: pending pieces are dropped, not decoded,
        so the user hears at once what happened (recovery transcribes it later)."""

    def stop(self) -> None:
        """End the answer now (the user pressed the key); safe from any thread."""
        self._stop.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    def run(self) -> AnswerResult:
        """Blocking: call it from a worker thread."""
        endpointer = Endpointer(self.config)
        decoder = threading.Thread(target=self._decode_loop, name="voice-coach-stt", daemon=True)
        decoder.start()
        reason = "stopped"
        error: str | None = None
        last_status = 0.0
        recorder = Recorder(self.audio_path)
        try:
            with recorder, self.source as source:
                self.listener.recording_started(getattr(source, "device_name", "audio"))
                while True:
                    if self._stop.is_set():
                        reason = "stopped"
                        break
                    try:
                        block = source.read(timeout=0.25)
                    except EndOfAudio:
                        reason = "end_of_audio"
                        break
                    if block is None:
                        continue
                    recorder.write(block)
                    for segment in endpointer.feed(block):
                        self._submit(endpointer, segment.start, segment.end)
                    now = time.monotonic()
                    if now - last_status >= LEVEL_INTERVAL_S:
                        last_status = now
                        self.listener.status(_status(block, endpointer, self.config))
                    if endpointer.end_reason:
                        reason = endpointer.end_reason
                        break
        except RecordingWriteError:
            pass  # kept in recorder.error, with what closing the file said
        except VoiceCoachError as exc:
            # The device failed mid-answer: keep what was recorded and transcribe it.
            reason, error = "error", str(exc)
        finally:
            if recorder.error is not None:
                reason = "disk_full" if recorder.error.disk_full else "write_error"
                error = str(recorder.error)
                self._abandon.set()
            self.listener.recording_ended(reason)
            if not self._abandon.is_set():
                for segment in endpointer.flush():
                    self._submit(endpointer, segment.start, segment.end)
            self._work.put(None)
            decoder.join()
        if self._transcribe_error is not None:
            error = error or f"transcription failed: {self._transcribe_error}"
        transcript = Transcript(tuple(self._segments), endpointer.samples / SAMPLE_RATE)
        return AnswerResult(self.audio_path, recorder.duration_s, transcript, reason, error)

    def _submit(self, endpointer: Endpointer, start: int, end: int) -> None:
        self._work.put((start / SAMPLE_RATE, endpointer.audio[start:end].copy()))

    def _decode_loop(self) -> None:
        while True:
            item = self._work.get()
            if item is None:
                return
            if self._abandon.is_set():
                continue
            offset_s, audio = item
            try:
                found = self.transcriber.transcribe(
                    audio,
                    offset_s=offset_s,
                    previous_text=join_text(self._segments),
                    streaming=True,
                )
            except BaseException as exc:  # keep recording; report at the end
                self._transcribe_error = exc
                continue
            if found:
                self._segments.extend(found)
                self.listener.transcript(tuple(self._segments))


def _status(block: np.ndarray, endpointer: Endpointer, config: EndpointConfig) -> LiveStatus:
    rms = float(np.sqrt(np.mean(np.square(block)))) if len(block) else 0.0
    level_db = max(-60.0, 20 * math.log10(rms)) if rms > 0 else -60.0
    ends_in: float | None = None
    if endpointer.speech_started and not endpointer.in_speech:
        remaining = config.end_silence_s - endpointer.silence_s
        if remaining <= WARN_BEFORE_END_S:
            ends_in = max(0.0, remaining)
    elif not endpointer.speech_started:
        remaining = config.initial_silence_s - endpointer.samples / SAMPLE_RATE
        if remaining <= WARN_BEFORE_END_S * 2:
            ends_in = max(0.0, remaining)
    return LiveStatus(
        level_db=level_db,
        elapsed_s=endpointer.samples / SAMPLE_RATE,
        speech_started=endpointer.speech_started,
        in_speech=endpointer.in_speech,
        silence_s=endpointer.silence_s,
        ends_in_s=ends_in,
        waiting_for_first_word=not endpointer.speech_started,
    )
