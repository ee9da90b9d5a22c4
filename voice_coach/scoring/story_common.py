"""What every part of the story reader shares: pattern building blocks and the record
the readers fill in.

The reader is split by STAR part (``story_scene``, ``story_actions``, ``story_outcomes``)
so each module can be read on its own; the pieces several of them need live here,
once, so none of those modules has to import another.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.numbers import END, SEP, START, Span, alternation
from voice_coach.scoring.text import is_past_form, verb_tags

# --- Pattern building blocks ----------------------------------------------------

GAP = rf"(?:{SEP}{alternation((*lx.FILLERS, *lx.SUBJECT_VERB_ADVERBS))}){{0,3}}"
"""Up to three fillers or adverbs between a subject and its verb: "I, um, then rewrote"."""


def with_gaps(phrases: tuple[str, ...]) -> str:
    """Like :func:`alternation`, but lets fillers sit after a leading "I"/"we".

    Phrases are grouped by subject so the filler gap is tried once per subject,
    not once per phrase: that keeps the pattern small and fast.
    """
    by_subject: dict[str, list[str]] = {}
    others: list[str] = []
    for phrase in phrases:
        head, _, rest = phrase.partition(" ")
        if head in lx.GAP_SUBJECTS and rest:
            by_subject.setdefault(head, []).append(rest)
        else:
            others.append(phrase)
    parts = [
        alternation((head,)) + GAP + SEP + alternation(rests) for head, rests in by_subject.items()
    ]
    if others:
        parts.append(alternation(others))
    return "(?:" + "|".join(parts) + ")"


def compile_bounded(body: str) -> re.Pattern[str]:
    return re.compile(rf"{START}(?:{body}){END}")


ANY_NUMBER = r"(?:\d+|" + alternation((*lx.NUMBER_UNITS, *lx.NUMBER_TEENS, *lx.NUMBER_TENS)) + ")"

CHANGE_VERBS = frozenset(v for v in lx.CHANGE_VERBS_PAST if " " not in v)
CONDITIONAL = frozenset(lx.CONDITIONAL_MARKERS)
REACTION_SUBJECT_WORDS = 3
"""Longest noun phrase taken as the subject of an outcome: "all three patients"."""


# --- The record and its index ---------------------------------------------------


class SpanIndex:
    """Spans sorted by start, with the furthest end reached so far: "does any of them
    overlap this span?" in logarithmic time.

    Checking every match of a long answer against every scene span, one by one, grows
    with the square of the answer; this keeps the scorer linear. Overlap means some span
    starts before ``span`` ends and ends after it starts. A typical answer has a handful
    of spans: those are scanned as they are, which is quicker than any index.
    """

    __slots__ = ("_reach", "_spans", "_starts")

    _SCAN = 16
    """Up to this many spans, a plain scan."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._spans: list[Span] = list(spans)
        self._starts: list[int] | None = None
        self._reach: list[int] = []

    def _build(self) -> list[int]:
        self._spans.sort()
        self._starts = [s for s, _ in self._spans]
        self._reach = list(accumulate((e for _, e in self._spans), max))
        return self._starts

    def overlaps(self, span: Span) -> bool:
        if len(self._spans) <= self._SCAN:
            return any(span[0] < e and s < span[1] for s, e in self._spans)
        starts = self._starts if self._starts is not None else self._build()
        k = bisect_left(starts, span[1])  # the spans that start before this one ends
        return k > 0 and self._reach[k - 1] > span[0]

    def add(self, span: Span) -> None:
        """Spans found left to right are added in constant time; others re-sort later."""
        if self._starts is not None and self._spans and span >= self._spans[-1]:
            self._starts.append(span[0])
            self._reach.append(max(span[1], self._reach[-1]))
        else:
            self._starts = None
        self._spans.append(span)


@dataclass
class Found:
    """Everything matched in one answer, kept apart so flags can cite the exact words."""

    situation: list[Span] = field(default_factory=list)
    places: list[Span] = field(default_factory=list)
    """Situation spans that only name a workplace ("at my last job"), not a moment."""
    task: list[Span] = field(default_factory=list)
    own_actions: list[Span] = field(default_factory=list)
    we_actions: list[Span] = field(default_factory=list)
    results: list[Span] = field(default_factory=list)
    quantified: list[Span] = field(default_factory=list)
    changes: list[Span] = field(default_factory=list)
    """Results that are a change of amount ("errors dropped"): ones a number could measure."""
    background_numbers: list[Span] = field(default_factory=list)
    habitual: list[Span] = field(default_factory=list)
    habits: list[Span] = field(default_factory=list)
    """The habit and career-summary part of ``habitual`` (not self-descriptions)."""
    hypothetical: list[Span] = field(default_factory=list)
    duty: list[Span] = field(default_factory=list)
    cliche: list[Span] = field(default_factory=list)
    hedge: list[Span] = field(default_factory=list)
    outcome_first: list[Span] = field(default_factory=list)
    """A result told before the story, as a headline: "long story short, we halved returns"."""
    present_actions: list[Span] = field(default_factory=list)
    """ "So I call the client": steps told in the present, whether or not they count as deeds."""


def participle(word: str) -> bool:
    return (
        is_past_form(word)
        or word in lx.I_D_PARTICIPLES
        or (word.isalpha() and "VBN" in verb_tags(word))
    )
