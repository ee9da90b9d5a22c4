"""What every concept reader shares: where the spans are, where the sentences are.

The readers are grouped by the moment of the interview they judge (``concepts_offer``,
``concepts_questions``, ``concepts_content``); the few helpers all of them use live
here so those modules never import one another.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from voice_coach.scoring.numbers import Span

Reader = Callable[[str], list[Span]]


def find_spans(pattern: re.Pattern[str], low: str) -> list[Span]:
    return [m.span() for m in pattern.finditer(low)]


def sentence_spans(low: str) -> list[Span]:
    """Sentences, or (with no punctuation, as speech-to-text often gives) stretches of ~25 words."""
    spans: list[Span] = []
    start = 0
    for m in re.finditer(r"[.!?]+(?:\s|$)|\n", low):
        if low[start : m.end()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if low[start:].strip():
        spans.append((start, len(low)))
    out: list[Span] = []
    for a, b in spans:
        words = list(re.finditer(r"\S+", low[a:b]))
        if len(words) <= 40:
            out.append((a, b))
            continue
        for i in range(0, len(words), 25):
            chunk = words[i : i + 30]
            out.append((a + chunk[0].start(), a + chunk[-1].end()))
    return out


FILLER_RE = re.compile(r"\b(?:um+|uh+|er+|erm+|like|you know|i mean|sort of|kind of)\b|,")
"""Fillers and commas, blanked before a clause is weighed: "you know" is not a "you"."""
