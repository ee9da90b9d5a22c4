"""Every flag the scorer can raise, defined once: its code, its words and its group.

History, export, comparison, progress and the feedback screen all show flags. When
each kept its own table of codes they drifted apart ("no_speech" on one screen, a
different wording on another), so the wording lives here, as data, next to the
code, and every reader looks it up instead of spelling it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from voice_coach.scoring.spans import Span


class FlagGroup(StrEnum):
    """Where a flag belongs on the feedback screen."""

    MISSING = "missing"
    """A part the question needs is not there: these decide the verdict."""
    PHRASING = "phrasing"
    DELIVERY = "delivery"


@dataclass(frozen=True)
class _Info:
    label: str
    """A few words, for lists and comparisons: "no result"."""
    group: FlagGroup
    missing: str = ""
    """How it reads inside the one-line verdict ("No concrete example yet: ...")."""


class FlagCode(StrEnum):
    """Stable ids: they are stored with every score and keyed on by history and statistics."""

    HYPOTHETICAL = "hypothetical"
    NO_SITUATION = "no_situation"
    HABITUAL = "habitual"
    WE_ONLY = "we_only"
    NO_ACTION = "no_action"
    NO_RESULT = "no_result"
    NOT_AN_EPISODE = "not_an_episode"
    POINT_MISSED = "talking_point_missed"
    OFF_THE_POINT = "off_the_point"
    ACCEPTED_ON_THE_SPOT = "accepted_on_the_spot"
    OUTCOME_FIRST = "outcome_first"
    RESULT_NOT_QUANTIFIED = "result_not_quantified"
    DUTY_PHRASING = "duty_phrasing"
    CLICHE = "cliche"
    HEDGE = "hedge"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    FAST_PACE = "fast_pace"
    SLOW_PACE = "slow_pace"
    MANY_FILLERS = "many_fillers"
    LONG_PAUSE = "long_pause"

    @property
    def label(self) -> str:
        return FLAG_INFO[self].label

    @property
    def group(self) -> FlagGroup:
        return FLAG_INFO[self].group

    @property
    def missing(self) -> str:
        return FLAG_INFO[self].missing

    @classmethod
    def parse(cls, value: str) -> FlagCode | None:
        """A stored code, or None for one this version no longer raises."""
        try:
            return cls(value)
        except ValueError:
            return None


FLAG_INFO: dict[FlagCode, _Info] = {
    FlagCode.HYPOTHETICAL: _Info(
        "what you would do instead of what you did",
        FlagGroup.MISSING,
        "what you would do, not what you did",
    ),
    FlagCode.NO_SITUATION: _Info(
        "no specific situation", FlagGroup.MISSING, "no specific situation"
    ),
    FlagCode.HABITUAL: _Info("habits instead of one episode", FlagGroup.MISSING),
    FlagCode.WE_ONLY: _Info("only what 'we' did", FlagGroup.MISSING, "only what 'we' did"),
    FlagCode.NO_ACTION: _Info(
        "nothing you did yourself", FlagGroup.MISSING, "nothing you did yourself"
    ),
    FlagCode.NO_RESULT: _Info("no result", FlagGroup.MISSING, "no result"),
    FlagCode.NOT_AN_EPISODE: _Info(
        "a general account, not one real time", FlagGroup.MISSING, "it stays general"
    ),
    FlagCode.POINT_MISSED: _Info("a talking point missed", FlagGroup.MISSING),
    FlagCode.OFF_THE_POINT: _Info("does not yet do what the question needs", FlagGroup.MISSING),
    FlagCode.ACCEPTED_ON_THE_SPOT: _Info(
        "decided on the spot", FlagGroup.MISSING, "you decided on the spot"
    ),
    FlagCode.OUTCOME_FIRST: _Info("the result told first", FlagGroup.PHRASING),
    FlagCode.RESULT_NOT_QUANTIFIED: _Info("a result without a number", FlagGroup.PHRASING),
    FlagCode.DUTY_PHRASING: _Info(
        "duties instead of deeds ('I was responsible for')", FlagGroup.PHRASING
    ),
    FlagCode.CLICHE: _Info("clichés", FlagGroup.PHRASING),
    FlagCode.HEDGE: _Info("hedging", FlagGroup.PHRASING),
    FlagCode.TOO_SHORT: _Info("too short", FlagGroup.DELIVERY),
    FlagCode.TOO_LONG: _Info("too long", FlagGroup.DELIVERY),
    FlagCode.FAST_PACE: _Info("speaking fast", FlagGroup.DELIVERY),
    FlagCode.SLOW_PACE: _Info("speaking slowly", FlagGroup.DELIVERY),
    FlagCode.MANY_FILLERS: _Info("many fillers", FlagGroup.DELIVERY),
    FlagCode.LONG_PAUSE: _Info("long pauses", FlagGroup.DELIVERY),
}
assert set(FLAG_INFO) == set(FlagCode), "every code has its words"


@dataclass(frozen=True)
class Flag:
    """One thing to fix, worded for the user, with the words that caused it."""

    code: FlagCode
    message: str
    advice: str
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": str(self.code),
            "message": self.message,
            "advice": self.advice,
            "spans": [[s, e] for s, e in self.spans],
        }


def merge_spans(spans: list[Span] | tuple[Span, ...]) -> tuple[Span, ...]:
    """Sorted, with overlapping spans joined, so the UI highlights each word once."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)
