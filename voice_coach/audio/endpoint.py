"""Endpointing: where speech is, where a segment ends, and when the answer is over.

Silero VAD (bundled with faster-whisper) scores each 32 ms frame as audio
arrives. Speech is cut into segments at natural pauses, so each can be
transcribed while the person goes on talking; a long stretch without a pause is
cut at its quietest point, so the last piece left to decode at the end stays
short. The answer ends after a silence following speech, after a longer
silence before any speech, or at a maximum length.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from voice_coach.audio import SAMPLE_RATE

FRAME = 512
"""Silero's frame at 16 kHz (32 ms)."""

CONTEXT_FRAMES = 32
"""Frames of already-scored audio re-run before new ones, so the model has context."""

BATCH_FRAMES = 4
"""Score frames in small batches: one model call per ~128 ms of audio."""


@dataclass(frozen=True)
class EndpointConfig:
    threshold: float = 0.5
    """A frame with this speech probability or more is speech."""
    neg_threshold: float = 0.35
    """Inside speech, a frame must drop below this to count as silence (hysteresis)."""
    min_pause_s: float = 0.5
    """A pause this long ends a segment."""
    min_segment_s: float = 5.0
    """A shorter stretch of speech is held and joined to the next one: Whisper decodes a
    two-word fragment poorly without the sentence around it."""
    hold_pause_s: float = 2.0
    """A held fragment is decoded anyway after this much silence, so the screen keeps up."""
    max_segment_s: float = 9.0
    """Cut longer stretches of speech, so no single piece takes long to decode."""
    min_speech_s: float = 0.25
    """Shorter bursts (a click, a cough) are not speech."""
    pad_s: float = 0.2
    """Audio kept either side of a segment so word edges survive."""
    end_silence_s: float = 3.0
    finished_silence_ratio: float = 0.4
    """After speech that sounds finished (see :meth:`Endpointer.expect_end`), a closed
    sentence and not a thinking pause, the answer ends after this share of
    ``end_silence_s`` (1.2 s of the default 3 s): the user's setting still decides, a
    user who asked for long pauses gets longer ones here too."""
    finished_silence_min_s: float = 1.0
    """But never less than this (nor more than ``end_silence_s``): a breath between two
    sentences is not the end."""

    @property
    def finished_silence_s(self) -> float:
        shorter = max(self.finished_silence_min_s, self.finished_silence_ratio * self.end_silence_s)
        return min(self.end_silence_s, shorter)

    initial_silence_s: float = 15.0
    max_answer_s: float = 240.0


@dataclass(frozen=True)
class Segment:
    """A piece of speech, as sample offsets into the answer's audio (padding included)."""

    start: int
    end: int

    @property
    def start_s(self) -> float:
        return self.start / SAMPLE_RATE

    @property
    def end_s(self) -> float:
        return self.end / SAMPLE_RATE


def silero() -> Callable[[np.ndarray], np.ndarray]:
    """The bundled Silero model as frames -> speech probability per frame."""
    from voice_coach import privacy

    # Silero runs on onnxruntime, whose telemetry is off only if it is switched off
    # before the library loads; the package import did that, this keeps it so here.
    privacy.disable_telemetry()
    from faster_whisper.vad import get_vad_model

    model = get_vad_model()

    def probs(audio: np.ndarray) -> np.ndarray:
        return np.asarray(model(audio), dtype=np.float32).reshape(-1)

    return probs


class Endpointer:
    """Feed it audio blocks; it reports finished segments and the end of the answer."""

    def __init__(
        self,
        config: EndpointConfig | None = None,
        vad: Callable[[np.ndarray], np.ndarray] | None = None,
    ) -> None:
        self.config = config or EndpointConfig()
        self._vad = vad or silero()
        self._buffer = np.zeros(SAMPLE_RATE * 30, dtype=np.float32)
        self._length = 0
        self._probs: list[float] = []
        self._triggered = False
        self._seg_start = 0
        self._seg_speech_frames = 0
        self._temp_end: int | None = None
        self._seg_after_cut = False
        self._held: tuple[int, int] | None = None
        """A finished but short segment (start, end) waiting to be joined to the next."""
        self._last_speech_end: int | None = None
        self.end_silence_s = self.config.end_silence_s
        """The silence after speech that ends the answer now (see :meth:`expect_end`)."""
        self.end_reason: str | None = None
        """None while the answer goes on; then "silence", "no_speech" or "max_length"."""

    @property
    def _audio(self) -> np.ndarray:
        return self._buffer[: self._length]

    @property
    def audio(self) -> np.ndarray:
        """All audio fed so far (a view: copy what you keep)."""
        return self._audio

    @property
    def samples(self) -> int:
        return self._length

    @property
    def speech_started(self) -> bool:
        return self._last_speech_end is not None

    @property
    def silence_s(self) -> float:
        """Silence since the last speech (or since the start, before any)."""
        scored = len(self._probs) * FRAME
        since = self._last_speech_end if self._last_speech_end is not None else 0
        return max(0.0, (scored - since) / SAMPLE_RATE)

    @property
    def in_speech(self) -> bool:
        return self._triggered

    @property
    def last_speech_end(self) -> int | None:
        """Sample where the latest speech ended (None before any): a decode whose audio
        reaches here has heard everything said so far."""
        return self._last_speech_end

    def expect_end(self, finished: bool, *, at_least_s: float = 0.0) -> None:
        """Whether what was said so far sounds finished: the answer then ends after
        ``finished_silence_s`` of silence (or ``at_least_s``, if longer) instead of the full
        ``end_silence_s``, which it never exceeds."""
        cfg = self.config
        shorter = min(cfg.end_silence_s, max(cfg.finished_silence_s, at_least_s))
        self.end_silence_s = shorter if finished else cfg.end_silence_s
        self._check_end()

    def quiet_between(self, start: int, end: int) -> int | None:
        """The middle of the longest run of silent frames wholly inside ``start``-``end``
        (samples), if it is at least two frames: where the audio between two words can be
        cut without splitting a sound. Silero's score falls slowly after speech, so a
        pause too short to close a segment may be silent only in its middle. Safe from
        another thread: scored frames never change."""
        first, last = -(-start // FRAME), min(end // FRAME, len(self._probs))
        best: tuple[int, int] = (0, 0)
        run_start = None
        for frame in range(first, last + 1):
            quiet = frame < last and self._probs[frame] < self.config.neg_threshold
            if quiet and run_start is None:
                run_start = frame
            elif not quiet and run_start is not None:
                if frame - run_start > best[1] - best[0]:
                    best = (run_start, frame)
                run_start = None
        if best[1] - best[0] < 2:
            return None
        return (best[0] + best[1]) * FRAME // 2

    def pending(self) -> Segment | None:
        """The segment :meth:`flush` would give if the answer ended now, without ending
        anything: the speech not yet handed over, to be decoded provisionally."""
        if self._triggered and self._seg_speech_frames * FRAME >= self._min_speech:
            return self._padded(self._seg_start, len(self._audio), self._seg_after_cut)
        if self._held is not None:
            return self._padded(*self._held, self._seg_after_cut)
        return None

    def copy(self, start: int, end: int) -> np.ndarray:
        """A copy of the audio between two sample offsets already fed. Safe from another
        thread: fed samples never change, and a grown buffer is a new array."""
        return self._buffer[start:end].copy()

    def feed(self, block: np.ndarray) -> list[Segment]:
        """Add audio; returns the segments it completed."""
        # Grow by doubling: appending to one array per block would copy the answer quadratically.
        needed = self._length + len(block)
        if needed > len(self._buffer):
            grown = np.zeros(max(needed, 2 * len(self._buffer)), dtype=np.float32)
            grown[: self._length] = self._audio
            self._buffer = grown
        self._buffer[self._length : needed] = block
        self._length = needed
        done: list[Segment] = []
        while len(self._audio) - len(self._probs) * FRAME >= BATCH_FRAMES * FRAME:
            done.extend(self._score(BATCH_FRAMES))
        self._check_end()
        return done

    def flush(self) -> list[Segment]:
        """Segments still open when the answer ends, if they hold speech."""
        pending = (len(self._audio) - len(self._probs) * FRAME) // FRAME
        segments = self._score(pending) if pending else []
        if self._triggered and self._seg_speech_frames * FRAME >= self._min_speech:
            segments.append(self._segment(self._seg_start, len(self._audio)))
        elif self._held is not None:
            segments.append(self._segment(*self._held))
        self._held = None
        self._triggered = False
        return segments

    @property
    def _min_speech(self) -> float:
        return self.config.min_speech_s * SAMPLE_RATE

    def _segment(self, start: int, end: int, *, cut_at_end: bool = False) -> Segment:
        segment = self._padded(start, end, self._seg_after_cut, cut_at_end=cut_at_end)
        self._seg_after_cut = cut_at_end
        return segment

    def _padded(
        self, start: int, end: int, after_cut: bool, *, cut_at_end: bool = False
    ) -> Segment:
        # No padding across a forced cut: the neighbours would share (and repeat) a word.
        pad = int(self.config.pad_s * SAMPLE_RATE)
        start_pad = 0 if after_cut else pad
        end_pad = 0 if cut_at_end else pad
        return Segment(max(0, start - start_pad), min(len(self._audio), end + end_pad))

    def _score(self, n_frames: int) -> list[Segment]:
        first = len(self._probs)
        ctx = min(first, CONTEXT_FRAMES)
        window = self._audio[(first - ctx) * FRAME : (first + n_frames) * FRAME]
        probs = self._vad(window)[ctx : ctx + n_frames]
        done: list[Segment] = []
        cfg = self.config
        for i, p in enumerate(probs):
            frame = first + i
            pos = frame * FRAME
            self._probs.append(float(p))
            if p >= cfg.threshold:
                self._temp_end = None
                if not self._triggered:
                    self._triggered = True
                    if self._held is not None:
                        self._seg_start = self._held[0]
                        self._held = None
                    else:
                        self._seg_after_cut = False
                        self._seg_start = pos
                        self._seg_speech_frames = 0
                self._seg_speech_frames += 1
                if self._seg_speech_frames * FRAME >= self._min_speech:
                    self._last_speech_end = pos + FRAME
            elif self._triggered and p < cfg.neg_threshold:
                if self._temp_end is None:
                    self._temp_end = pos
                if pos + FRAME - self._temp_end >= cfg.min_pause_s * SAMPLE_RATE:
                    if self._seg_speech_frames * FRAME >= self._min_speech:
                        if self._temp_end - self._seg_start < cfg.min_segment_s * SAMPLE_RATE:
                            self._held = (self._seg_start, self._temp_end)
                        else:
                            done.append(self._segment(self._seg_start, self._temp_end))
                    self._triggered = False
                    self._temp_end = None
            elif self._held is not None and pos - self._held[1] >= cfg.hold_pause_s * SAMPLE_RATE:
                done.append(self._segment(*self._held))
                self._held = None
            if self._triggered and pos + FRAME - self._seg_start >= cfg.max_segment_s * SAMPLE_RATE:
                cut = self._quietest(self._seg_start, pos + FRAME)
                done.append(self._segment(self._seg_start, cut, cut_at_end=True))
                self._seg_start = cut
                self._seg_speech_frames = max(1, (pos + FRAME - cut) // FRAME)
        return done

    def _quietest(self, start: int, end: int) -> int:
        """The least speech-like frame in the last part of a long segment: the best cut."""
        lo = max(
            start // FRAME + int(1.0 * SAMPLE_RATE / FRAME),
            end // FRAME - int(3.0 * SAMPLE_RATE / FRAME),
        )
        hi = end // FRAME
        if lo >= hi:
            return end
        window = self._probs[lo:hi]
        return (lo + int(np.argmin(window))) * FRAME

    def _check_end(self) -> None:
        if self.end_reason:
            return
        cfg = self.config
        scored_s = len(self._probs) * FRAME / SAMPLE_RATE
        if scored_s >= cfg.max_answer_s:
            self.end_reason = "max_length"
        elif self.speech_started:
            if not self._triggered and self.silence_s >= self.end_silence_s:
                self.end_reason = "silence"
        elif scored_s >= cfg.initial_silence_s:
            self.end_reason = "no_speech"
