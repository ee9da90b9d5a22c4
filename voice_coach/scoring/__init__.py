"""Judging spoken answers: what each kind of question needs, and whether an answer does it.

The rest of the app imports from here only, so the modules behind it can change. The
names are loaded on first use: the story reader compiles its patterns when imported,
and a screen that only needs a question's kind should not wait for that.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from voice_coach.scoring.codes import Flag, FlagCode, FlagGroup
    from voice_coach.scoring.delivery import Delivery, TimedWord
    from voice_coach.scoring.kinds import QuestionKind, infer_kind
    from voice_coach.scoring.numbers import NumberMention, Span, find_numbers
    from voice_coach.scoring.scorer import (
        STAR_PARTS,
        Metrics,
        Score,
        has_told_enough,
        score_answer,
    )
    from voice_coach.scoring.talking_points import TalkingPoint

_WHERE = {
    "Flag": "codes",
    "FlagCode": "codes",
    "FlagGroup": "codes",
    "Delivery": "delivery",
    "TimedWord": "delivery",
    "QuestionKind": "kinds",
    "infer_kind": "kinds",
    "NumberMention": "numbers",
    "Span": "numbers",
    "find_numbers": "numbers",
    "STAR_PARTS": "scorer",
    "Metrics": "scorer",
    "Score": "scorer",
    "score_answer": "scorer",
    "has_told_enough": "scorer",
    "TalkingPoint": "talking_points",
}

__all__ = [
    "STAR_PARTS",
    "Delivery",
    "Flag",
    "FlagCode",
    "FlagGroup",
    "Metrics",
    "NumberMention",
    "QuestionKind",
    "Score",
    "Span",
    "TalkingPoint",
    "TimedWord",
    "find_numbers",
    "has_told_enough",
    "infer_kind",
    "score_answer",
]
assert sorted(__all__) == sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"voice_coach.scoring.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
