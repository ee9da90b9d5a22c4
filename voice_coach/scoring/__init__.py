"""Scoring spoken answers for a concrete accomplishment example (situation, action, result).

The rest of the app imports from here only, so the modules behind it can change.
"""

from voice_coach.scoring.delivery import Delivery, TimedWord
from voice_coach.scoring.numbers import NumberMention, Span, find_numbers
from voice_coach.scoring.codes import Flag, FlagCode, FlagGroup
from voice_coach.scoring.kinds import QuestionKind, infer_kind
from voice_coach.scoring.scorer import STAR_PARTS, Metrics, Score, score_answer
from voice_coach.scoring.talking_points import TalkingPoint

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
    "infer_kind",
    "score_answer",
]
