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
least 10 s, and 3 s more than the piece, read the same words as the full window. The
caller still checks each decode (:func:`suspicious`) and decodes again with the full
window when it looks like either failure, so a rare miss costs time, never words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

MIN_FRAMES = 1000
"""The shortest window: 10 s (a mel frame is 10 ms)."""
MARGIN_FRAMES = 300
"""Padding kept after the audio: 3 s, so the decoder sees where the audio ends."""

REPEAT_WORDS = 4
"""Four words or more said twice in a row is how a short window's decoder loops."""


def frames_to_keep(features: np.ndarray) -> int:
    """How many mel frames of ``features`` (padded to the full window with zeros, as
    faster-whisper pads them) the encoder needs to see: the audio's frames and a margin,
    at least :data:`MIN_FRAMES`, an even number (the encoder halves it), never more than
    given."""
    total = int(features.shape[-1])
    columns = features.reshape(-1, total) if features.ndim > 1 else features.reshape(1, -1)
    used = np.flatnonzero(np.any(columns != 0, axis=0))
    audio = int(used[-1]) + 1 if used.size else 0
    keep = max(MIN_FRAMES, audio + MARGIN_FRAMES)
    keep += keep % 2
    return min(total, keep)


class EncoderWindow:
    """Wraps a faster-whisper model's ``encode`` so that, while :attr:`short` is set, it
    encodes only :func:`frames_to_keep` frames. Set it only while holding the lock that
    serialises decodes (the transcriber's): it applies to the decode under way."""

    def __init__(self, model: Any) -> None:
        self._encode: Callable[[np.ndarray], Any] = model.encode
        self.short = False
        # An instance attribute wins over the class's method: faster-whisper calls
        # self.encode(segment) once per 30 s window it decodes.
        model.encode = self.encode

    def encode(self, features: np.ndarray) -> Any:
        if self.short:
            keep = frames_to_keep(features)
            if keep < features.shape[-1]:
                features = np.ascontiguousarray(features[..., :keep])
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
