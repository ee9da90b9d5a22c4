"""Judge one answer the way an interviewer would: by what its question needs.

A story question needs a concrete accomplishment example (see ``story.py``); an offer on
the spot needs a request for time and a day for the answer; "any questions for us?"
needs questions, above all when a decision will be made (see ``kinds.py`` and
``concepts.py``). Whatever the kind, the answer gets one verdict, ``meets_expectations``,
what is missing in plain words, flags that carry the words behind them, and the
follow-up an interviewer would ask next.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from voice_coach.scoring import flags as fl
from voice_coach.scoring.codes import Flag, FlagCode, merge_spans
from voice_coach.scoring.concepts import BLOCKERS, CONCEPTS, concept_for_point, to_the_user
from voice_coach.scoring.delivery import (
    Delivery,
    TimedWord,
    TimedWordLike,
    align_words,
    as_tuples,
    find_fillers,
    pauses_and_pace,
    repeated_words,
)
from voice_coach.scoring.kinds import QuestionKind, infer_kind
from voice_coach.scoring.numbers import Span
from voice_coach.scoring.probes import choose_probe
from voice_coach.scoring.story import Evidence, analyse_story
from voice_coach.scoring.story_scene import HYPOTHETICAL_QUESTION_RE
from voice_coach.scoring.talking_points import TalkingPoint, match_talking_points
from voice_coach.scoring.text import Text, lowered

STAR_PARTS = ("situation", "task", "action", "result")
EVIDENCE_PARTS = ("situation", "action", "result", "quantified")
POINTS_NEEDED = 0.5
"""Share of a set's own (free-worded) talking points a good answer covers."""

_WORD_CHAR_RE = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Metrics:
    """Delivery numbers; duration is None for typed answers, so wpm is too."""

    words: int
    duration_s: float | None
    wpm: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"words": self.words, "duration_s": self.duration_s, "wpm": self.wpm}


@dataclass(frozen=True)
class Score:
    """The scorer's judgement of one answer, with the evidence behind it."""

    transcript: str
    concrete_example: bool
    flags: tuple[Flag, ...]
    metrics: Metrics
    evidence: dict[str, tuple[Span, ...]] = field(hash=False)
    """Keys "situation", "action", "result" and "quantified" (results with a number in
    them): the words that triggered each rule.
    Kept out of the hash because dicts have none."""
    star: dict[str, tuple[Span, ...]] = field(default_factory=dict, hash=False)
    """Keys "situation", "task", "action", "result": whole clauses, for highlighting."""
    talking_points: tuple[TalkingPoint, ...] = ()
    probe: str | None = None
    """The follow-up question an interviewer would most likely ask next."""
    delivery: Delivery = field(default_factory=Delivery)
    kind: QuestionKind = QuestionKind.STORY
    meets_expectations: bool | None = None
    """Does the answer do what its question needs? None only for scores saved by an older
    version, which judged every answer as a story (``concrete_example`` then decides)."""
    missing: tuple[str, ...] = ()
    """What the answer still needs, in plain words ("a result", "says when they will respond")."""

    @property
    def meets(self) -> bool:
        """The one verdict: every screen, list and statistic asks this, never anything else."""
        if self.meets_expectations is None:
            return self.concrete_example
        return self.meets_expectations

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types only, so sessions can be stored and compared as text."""
        return {
            "transcript": self.transcript,
            "kind": str(self.kind),
            "meets_expectations": self.meets,
            "missing": list(self.missing),
            "concrete_example": self.concrete_example,
            "flags": [f.to_dict() for f in self.flags],
            "metrics": self.metrics.to_dict(),
            "evidence": {
                part: [[s, e] for s, e in self.evidence.get(part, ())] for part in EVIDENCE_PARTS
            },
            "star": {part: [[s, e] for s, e in self.star.get(part, ())] for part in STAR_PARTS},
            "talking_points": [tp.to_dict() for tp in self.talking_points],
            "probe": self.probe,
            "delivery": self.delivery.to_dict(),
        }

    @property
    def verdict(self) -> str:
        """One sentence for the UI, built from the same facts as the flags."""
        if self.kind.spec.needs_example:
            if self.meets:
                return "Concrete example: situation, your action and a result."
            return f"No concrete example yet: {_listed(self.missing) or 'it stays general'}."
        if self.meets:
            covered = [tp.text for tp in self.talking_points if tp.covered]
            if covered:
                return f"Does what this question needs: {_listed(covered)}."
            return "A direct answer: this question does not need a story."
        return f"Not there yet: {_listed(self.missing) or 'add a little more'}."


def _listed(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def count_words(transcript: str) -> int:
    """Whitespace-separated tokens with a letter or digit in them: a lone dash is no word."""
    return sum(1 for t in transcript.split() if t.isalnum() or _WORD_CHAR_RE.search(t))


def _points(
    text: Text, kind: QuestionKind, points: Sequence[str]
) -> tuple[tuple[TalkingPoint, ...], list[str], list[str], int, int]:
    """The talking points with whether each is covered, read by meaning where a concept knows it.

    A set point that names the same act as a concept ("asks for time to think") is read
    by that concept, not by its words. Without set points, the kind's own essentials
    are the talking points (an offer needs "asks for time to consider"). Returns the
    points, the required concept ids missed, the blockers said, and how many of the
    set's other points there were and were covered (most of them should be).
    """
    spec = kind.spec
    low = text.low
    points = [p for p in points if p.strip()]
    concepts = [concept_for_point(p) for p in points]
    free = iter(
        match_talking_points(
            text, tuple(p for p, c in zip(points, concepts, strict=True) if c is None)
        )
    )
    set_points: list[TalkingPoint] = []
    for point, concept in zip(points, concepts, strict=True):
        if concept is None:
            set_points.append(next(free))
        else:
            spans = merge_spans(concept.reader(low))
            set_points.append(TalkingPoint(point, bool(spans), spans))
    said = {c.id: tp.covered for c, tp in zip(concepts, set_points, strict=True) if c is not None}
    results = [*set_points]
    # The set's own points are the expectations when it lists any (an essential of the
    # kind among them is required); the kind's essentials are the default otherwise.
    missed = [c for c in spec.essentials if c in said and not said[c]]
    required = set(said) & set(spec.essentials)
    if not points:
        for concept_id in (*spec.essentials, *spec.extras):
            concept = CONCEPTS[concept_id]
            spans = merge_spans(concept.reader(low))
            results.append(TalkingPoint(concept.text, bool(spans), spans))
            if not spans and concept_id in spec.essentials:
                missed.append(concept_id)
    set_points = [
        tp for tp, c in zip(set_points, concepts, strict=True) if c is None or c.id not in required
    ]
    blockers = [b for b, c in BLOCKERS.items() if kind is QuestionKind.OFFER and c.reader(low)]
    covered = sum(tp.covered for tp in set_points)
    return tuple(results), missed, blockers, len(set_points), covered


def has_told_enough(transcript: str, kind: QuestionKind) -> bool:
    """Whether an answer so far may be whole, for the live end of turn: a question that
    needs an example has heard a result. "Last year our backlog doubled in two months." and
    a pause is the scene set, not the answer told; the speaker is cut off if that ends it.
    Other questions need no particular part before they may end."""
    if not kind.spec.needs_example:
        return True
    return bool(analyse_story(Text(lowered(transcript))).results)


def score_answer(
    transcript: str,
    *,
    question: str | None = None,
    kind: QuestionKind | str | None = None,
    duration_s: float | None = None,
    expects_example: bool | None = None,
    words: Sequence[TimedWord | TimedWordLike] | None = None,
    talking_points: Sequence[str] = (),
    follow_ups: Sequence[str] = (),
    previous_probe: str | None = None,
) -> Score:
    """Score one answer against what its question needs.

    ``kind`` is the question's declared kind; without it the kind is inferred from
    ``question`` (and an answer with no question at all is read as a story).
    ``expects_example`` is the older way to say the same: True is a story question,
    False a question judged on its talking points. ``words`` are the speech model's
    (start_s, end_s, word) timestamps: with them, long pauses are found and pace leaves
    those pauses out (and they give the duration when ``duration_s`` is None).
    ``talking_points`` are what the question set says a good answer covers;
    ``follow_ups`` are the set's own follow-up questions, asked before generic ones,
    and ``previous_probe`` the one asked last, never asked twice in a row.
    """
    if isinstance(kind, str):
        kind = QuestionKind.parse(kind)
    if kind is None:
        if expects_example is True:
            kind = QuestionKind.STORY
        elif question:
            kind = infer_kind(question)
            if expects_example is False and kind.spec.needs_example:
                kind = QuestionKind.GENERAL
        else:
            kind = QuestionKind.STORY if expects_example is None else QuestionKind.GENERAL
    needs_example = kind.spec.needs_example

    low = lowered(transcript)
    text = Text(low)
    story = analyse_story(text, situation_given=kind is QuestionKind.CV_DETAIL)

    timed = as_tuples(words) if words else []
    pauses, timed_pace, timed_span = pauses_and_pace(timed)
    if duration_s is None and timed_span is not None:
        duration_s = timed_span
    n_words = count_words(transcript)
    wpm = n_words / duration_s * 60.0 if duration_s else None
    metrics = Metrics(words=n_words, duration_s=duration_s, wpm=wpm)

    flags: list[Flag] = []
    missing: list[str] = []
    concrete = story.concrete
    if needs_example and not concrete:
        hypothetical_question = bool(
            question and HYPOTHETICAL_QUESTION_RE.search(lowered(question))
        )
        part_flags = fl.missing_part_flags(
            story,
            situation=bool(story.situation) or kind is QuestionKind.CV_DETAIL,
            action=bool(story.own_actions),
            result=bool(story.results),
            hypothetical_question=hypothetical_question,
        )
        if not any(f.code.missing for f in part_flags):
            part_flags.append(fl.not_an_episode_flag(story))
        flags.extend(part_flags)
        missing.extend(f.code.missing for f in part_flags if f.code.missing)
    length_flags, length = fl.length_flags(
        n_words, duration_s, needs_example, brief=kind.spec.brief
    )
    flags.extend(length_flags)
    if needs_example and story.results:
        flags.extend(fl.result_flags(story, concrete=concrete))
    flags.extend(fl.phrasing_flags(story, expects_example=needs_example))

    filler_spans = find_fillers(text)
    pause_spans: list[tuple[Span | None, Span | None]] = []
    if pauses:
        aligned = align_words(text, timed)
        pause_spans = [(aligned[a], aligned[b]) for a, b, _, _ in pauses]
    delivery = Delivery(
        fillers=len(filler_spans),
        fillers_per_minute=len(filler_spans) / duration_s * 60.0 if duration_s else None,
        filler_spans=tuple(filler_spans),
        pace_wpm=timed_pace if timed_pace is not None else wpm,
        long_pauses=tuple((start, end) for _, _, start, end in pauses),
        repeated_words=repeated_words(text),
        length=length,
    )
    flags.extend(fl.delivery_flags(text, delivery, n_words, pause_spans))

    points, missed, blockers, n_free, covered_free = _points(text, kind, talking_points)
    flags.extend(fl.talking_point_flags(points))
    flags.extend(fl.blocker_flags(blockers))
    if needs_example:
        meets = concrete
    else:
        enough_free = n_free == 0 or covered_free >= math.ceil(POINTS_NEEDED * n_free)
        meets = not missed and not blockers and enough_free and n_words > 0
        missing.extend(BLOCKERS[b].text for b in blockers)
        missing.extend(to_the_user(CONCEPTS[c].text) for c in missed)
        if not enough_free:
            missing.extend(
                to_the_user(tp.text)
                for tp in points
                if not tp.covered and to_the_user(tp.text) not in missing
            )
    concept_gaps = [*blockers, *missed]
    for tp in points:
        concept = None if tp.covered else concept_for_point(tp.text)
        if concept is not None and concept.id not in concept_gaps:
            concept_gaps.append(concept.id)
    if not concept_gaps and any(not tp.covered for tp in points):
        concept_gaps.append("any_point")

    return Score(
        transcript=transcript,
        concrete_example=concrete,
        flags=tuple(flags),
        metrics=metrics,
        evidence={
            "situation": story.situation,
            "action": story.own_actions,
            "result": story.results,
            "quantified": story.quantified,
        },
        star=story.star,
        talking_points=points,
        probe=choose_probe(
            transcript,
            text,
            kind=kind,
            story=story if needs_example else None,
            flags=flags,
            missing=concept_gaps,
            follow_ups=follow_ups,
            previous=previous_probe,
        ),
        delivery=delivery,
        kind=kind,
        meets_expectations=meets,
        missing=tuple(missing),
    )


__all__ = [
    "EVIDENCE_PARTS",
    "STAR_PARTS",
    "Evidence",
    "Flag",
    "FlagCode",
    "Metrics",
    "Score",
    "score_answer",
]
