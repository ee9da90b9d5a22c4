"""A shorter encoder window for the short pieces of a live answer.

Whisper's encoder always sees 30 seconds: faster-whisper pads every piece of audio to
3,000 mel frames, so a 2-second piece costs the encoder as much as a 30-second one, and
on two cores that fixed cost is most of every live decode (each provisional pass, each
segment's final decode, the wait after the key). The encoder itself takes any length
(CTranslate2 slices its position embeddings; whisper.cpp calls this ``audio_ctx``), so for
a piece of a live answer the padding is cut to what the decoder needs to see the audio end.

Cut too short, the decoder no longer knows where the audio ends: measured on the shared
recordings and 24 spoken answers, a window of the piece plus 2 s repeated whole
sentences ("Today, only platforms 1 and 3 are used. Today, only platforms 1 and 3 are
used.") and a window of a 2.5 s piece plus 3 s gave no words at all, where a window of at
least 10 s, and 3 s more than the piece, read the same words as the full window (68
pieces, WER 28.7% against 29.1% with the full window; the pieces differed word for word
about as often as two runs of the full window differ on a busy machine). The padding
after the audio is made what Whisper was trained on, the log-mel of silence
(faster-whisper pads with zeros, a faint hum in log-mel): with zeros, the decoder went on
past the end of a cut window ("...for a fortnight. right. And..."). The caller still
checks each decode (:func:`suspicious`) and decodes again with a window 13 s longer than the
piece (:data:`RETRY_MARGIN_FRAMES`) when it
looks like a failure, so a rare miss costs time, never words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

MIN_FRAMES = 1000
"""The shortest window: 10 s (a mel frame is 10 ms)."""
MARGIN_FRAMES = 300
"""Padding kept after the audio: 3 s, so the decoder sees where the audio ends."""

RETRY_MARGIN_FRAMES = 1300
"""The margin of a decode done again after a short window's failure: 13 s of silence after
the audio, twice to four times a window's usual length. The full 30 s window, as the retry
was, cost the speech path's peak memory: its encoder's attention scores alone are 54 MB
(6 heads x 1500^2 x 4 bytes) against 24 MB at 20 s, and a retry's full window set the peak
of a whole benchmark run (416 MB; 380 MB with this margin, the same words:
``scripts/bench_speech.py --runs 2``)."""

REPEAT_WORDS = 4
"""Four words or more said twice in a row is how a short window's decoder loops."""


SILENCE_BELOW_PEAK = 2.0
"""Whisper's log-mel is clamped 8 (log10) below its loudest value and scaled by a quarter:
silence is the loudest frame's value less 2."""


def audio_frames(features: np.ndarray) -> int:
    """How many mel frames of ``features`` hold audio: faster-whisper pads the rest of the
    30 s window with zeros, and no frame of real audio is exactly zero throughout."""
    total = int(features.shape[-1])
    used = np.flatnonzero(np.any(features.reshape(-1, total) != 0, axis=0))
    return int(used[-1]) + 1 if used.size else 0


STEP_FRAMES = 500
"""Windows come in steps of 5 s (10, 15, 20, 25 or 30 s): the CPU backend keeps what it
built for each input shape it has seen, and with a window of any length the speech path
peaked at 396 MB streaming the benchmark's recordings and 2-minute answer, against 337 MB
in steps (``scripts/bench_speech.py --runs 1 --no-live``), and 470 MB over a whole run."""


def frames_to_keep(features: np.ndarray, margin: int = MARGIN_FRAMES) -> int:
    """How many mel frames the encoder needs to see: the audio's and a margin, at least
    :data:`MIN_FRAMES`, rounded up to a :data:`STEP_FRAMES` step, never more than given."""
    needed = max(MIN_FRAMES, audio_frames(features) + margin)
    keep = -(-needed // STEP_FRAMES) * STEP_FRAMES
    return min(int(features.shape[-1]), keep)


def short_window(features: np.ndarray, margin: int = MARGIN_FRAMES) -> np.ndarray:
    """``features`` cut to :func:`frames_to_keep`, the padding after the audio silent."""
    audio, keep = audio_frames(features), frames_to_keep(features, margin)
    window = np.array(features[..., :keep], dtype=features.dtype)
    if 0 < audio < keep:
        window[..., audio:] = float(window[..., :audio].max()) - SILENCE_BELOW_PEAK
    return window


TAIL_FRAMES = 10
"""A window with this little audio (0.1 s) is the end of a piece, left over: see
:meth:`EncoderWindow.encode`."""

SILENT_LOG_MEL = -1.5
"""Whisper's log-mel of digital silence: log10 of its floor (-10), shifted by 4 and scaled by
a quarter, as in its feature extractor."""


class EncoderWindow:
    """Wraps a faster-whisper model's ``encode`` so that, while :attr:`short` is set, it
    encodes only :func:`frames_to_keep` frames. Set it only while holding the lock that
    serialises decodes (the transcriber's): it applies to the decode under way."""

    def __init__(self, model: Any) -> None:
        self._encode: Callable[[np.ndarray], Any] = model.encode
        self.short = False
        self.margin = MARGIN_FRAMES
        """Frames of silence after the audio while :attr:`short` is set."""
        self._silence: dict[tuple[int, ...], Any] = {}
        """The encoding of a short window of silence, by feature shape: computed once."""
        # An instance attribute wins over the class's method: faster-whisper calls
        # self.encode(segment) once per 30 s window it decodes.
        model.encode = self.encode

    def encode(self, features: np.ndarray) -> Any:
        """Encode ``features``, cut to :func:`frames_to_keep` while :attr:`short` is set.

        faster-whisper goes on from the last word's end: a piece whose last word ends a few
        frames before the audio does is decoded in a second window holding only those frames
        (measured: 2 frames after every live piece of the shared recordings), and its encoder
        cost as much as the piece's own. So a window of at most :data:`TAIL_FRAMES` of audio
        is encoded as silence, once, and the encoding reused: a hundredth of a second is the
        end of a word already heard, and the decoder finds nothing there either way.
        """
        if self.short and frames_to_keep(features, self.margin) < features.shape[-1]:
            if audio_frames(features) <= TAIL_FRAMES:
                shape = (*features.shape[:-1], MIN_FRAMES)
                if shape not in self._silence:
                    silent = np.full(shape, SILENT_LOG_MEL, dtype=features.dtype)
                    self._silence[shape] = self._encode(silent)
                return self._silence[shape]
            features = short_window(features, self.margin)
        return self._encode(features)


def suspicious(text: str, seconds: float) -> bool:
    """Whether a short-window decode of ``seconds`` of speech looks like one of its known
    failures: no words for a piece the endpointer heard speech in, or a run of words said
    twice over. A speaker who really repeats four words running costs one more decode."""
    words = [w for w in (_bare(w) for w in text.split()) if w]
    if not words:
        return seconds >= 0.5
    n = len(words)
    return any(
        words[i : i + k] == words[i + k : i + 2 * k]
        for k in range(REPEAT_WORDS, n // 2 + 1)
        for i in range(n - 2 * k + 1)
    )


def _bare(word: str) -> str:
    return "".join(c for c in word.lower() if c.isalnum() or c == "'")
