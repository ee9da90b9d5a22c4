"""How an answer was said: fillers, pace, long pauses, repetition and length.

Content decides whether an answer has an example; delivery decides whether the
interviewer stays with it. These measures need nothing but the verbatim
transcript (fillers and repetition) and, when the answer was spoken, its
duration or the speech model's word timestamps (pace and pauses). Typed answers
simply have no pace: nothing here guesses a duration for them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Protocol

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.numbers import Span
from voice_coach.scoring.text import Text

LONG_PAUSE_S = 2.0
"""A silence this long mid-answer reads as being lost, not as a breath or an emphasis."""
REPEATED_MIN_COUNT = 3
"""A content word said this often in one answer is noticeable to a listener."""
REPEATED_TOP = 5

_NUMBER_WORDS = frozenset((*lx.NUMBER_UNITS, *lx.NUMBER_TEENS, *lx.NUMBER_TENS))
_DISFLUENT = frozenset(lx.DISFLUENCIES)
_SINGLE_FILLERS = frozenset(f for f in lx.FILLER_PHRASES if " " not in f)
_PAIR_FILLERS = frozenset(
    (f.split()[0], f.split()[1]) for f in lx.FILLER_PHRASES if len(f.split()) == 2
)
_FILLER_HEADS = _DISFLUENT | _SINGLE_FILLERS | {"like"} | {a for a, _ in _PAIR_FILLERS}
assert all(len(f.split()) <= 2 for f in lx.FILLER_PHRASES), "fillers are one or two words"
_TOKEN_RE = re.compile(r"[a-z0-9']+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


class TimedWordLike(Protocol):
    """A word with timestamps, as :class:`voice_coach.speech.stt.Word` has them."""

    @property
    def start(self) -> float: ...
    @property
    def end(self) -> float: ...
    @property
    def word(self) -> str: ...


TimedWord = tuple[float, float, str]
"""(start_s, end_s, word) as the speech model reports it."""


@dataclass(frozen=True)
class Delivery:
    """Delivery measures for one answer; None where the answer's timing is unknown."""

    fillers: int = 0
    fillers_per_minute: float | None = None
    filler_spans: tuple[Span, ...] = ()
    pace_wpm: float | None = None
    """Words per minute while speaking: long pauses are left out when timestamps are known."""
    long_pauses: tuple[tuple[float, float], ...] = ()
    """(start_s, end_s) of each silence longer than :data:`LONG_PAUSE_S`."""
    repeated_words: tuple[tuple[str, int], ...] = ()
    length: str = "unknown"
    """"too_short", "short", "good", "long" or "too_long" (see the scorer's thresholds)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "fillers": self.fillers,
            "fillers_per_minute": self.fillers_per_minute,
            "filler_spans": [[s, e] for s, e in self.filler_spans],
            "pace_wpm": self.pace_wpm,
            "long_pauses": [[s, e] for s, e in self.long_pauses],
            "repeated_words": [[w, n] for w, n in self.repeated_words],
            "length": self.length,
        }


def as_tuples(words: Sequence[TimedWord | TimedWordLike]) -> list[TimedWord]:
    """Accept the speech model's Word objects as well as plain tuples."""
    out: list[TimedWord] = []
    for w in words:
        if isinstance(w, tuple):
            out.append((float(w[0]), float(w[1]), str(w[2])))
        else:
            out.append((float(w.start), float(w.end), str(w.word)))
    return out


def find_fillers(text: Text) -> list[Span]:
    """Hesitations and discourse fillers, with grammar deciding the ambiguous ones.

    "Um" is always a filler; "like", "you know" and "I mean" only when they are
    not doing grammatical work ("I'd like to", "do you know", "what I mean").
    A walk over the words already indexed, rather than another regex pass.
    """
    words, starts, ends = text.words, text.starts, text.ends
    n = len(words)
    spans: list[Span] = []
    for i, word in enumerate(words):
        if word not in _FILLER_HEADS:
            continue
        if word in _DISFLUENT:
            spans.append((starts[i], ends[i]))
            continue
        before = words[i - 1] if i else ""
        if word in _SINGLE_FILLERS:
            spans.append((starts[i], ends[i]))
        elif word == "like":
            after = words[i + 1] if i + 1 < n else ""
            if after in lx.LIKE_CONTENT_AFTER:
                continue
            if (
                not before
                or before in lx.LIKE_FILLER_BEFORE
                or after in _DISFLUENT
                or after in _NUMBER_WORDS
                or after[:1].isdigit()
            ):
                spans.append((starts[i], ends[i]))
        elif i + 1 < n and (word, words[i + 1]) in _PAIR_FILLERS:
            after = words[i + 2] if i + 2 < n else ""
            if word == "you" and (
                before in lx.YOU_KNOW_CONTENT_BEFORE or after in lx.YOU_KNOW_CONTENT_AFTER
            ):
                continue
            if word == "i" and (before in lx.I_MEAN_CONTENT_BEFORE or after == "to"):
                continue
            spans.append((starts[i], ends[i + 1]))
    return spans


def repeated_words(text: Text) -> tuple[tuple[str, int], ...]:
    """The content words said most often: the ones a listener starts to notice."""
    counts = Counter(text.words)  # counted in C; only the frequent few are then filtered
    frequent = [
        (w, n)
        for w, n in counts.items()
        if n >= REPEATED_MIN_COUNT
        and len(w) > 2
        and w not in lx.STOP_WORDS
        and w not in _DISFLUENT
        and not w[0].isdigit()
    ]
    frequent.sort(key=lambda item: -item[1])  # stable: ties stay in order of first use
    return tuple(frequent[:REPEATED_TOP])


def align_words(text: Text, words: Sequence[TimedWord]) -> list[Span | None]:
    """The transcript span of each timed word, or None where it cannot be found.

    The transcript and the timed words come from the same speech model but may
    differ in punctuation, spacing and the odd edit, so each word is searched a
    few tokens ahead of the previous match rather than assumed to line up.
    """
    spans: list[Span | None] = []
    k = 0
    tokens = text.words
    for _, _, raw in words:
        parts = _TOKEN_RE.findall(raw.translate(_APOSTROPHES).lower())
        found: Span | None = None
        if parts:
            for m in range(k, min(len(tokens), k + 8)):
                if tokens[m] == parts[0]:
                    last = min(len(tokens) - 1, m + len(parts) - 1)
                    found = (text.starts[m], text.ends[last])
                    k = last + 1
                    break
        spans.append(found)
    return spans


def pauses_and_pace(
    words: Sequence[TimedWord],
) -> tuple[list[tuple[int, int, float, float]], float | None, float | None]:
    """Long pauses (indexes of the words either side, start, end), speaking pace, time spoken.

    Pace counts words over the time from the first word to the last with long
    pauses taken out: the pause is reported on its own, and leaving it in
    would also make a normal speaker look slow.
    """
    if not words:
        return [], None, None
    ordered = sorted(range(len(words)), key=lambda i: words[i][0])
    pauses: list[tuple[int, int, float, float]] = []
    silent = 0.0
    for a, b in pairwise(ordered):
        gap = words[b][0] - words[a][1]
        if gap > LONG_PAUSE_S:
            pauses.append((a, b, words[a][1], words[b][0]))
            silent += gap
    span = max(w[1] for w in words) - words[ordered[0]][0]
    speaking = span - silent
    pace = len(words) / speaking * 60.0 if speaking > 0 else None
    return pauses, pace, span if span > 0 else None
