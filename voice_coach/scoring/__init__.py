"""Scoring spoken answers for a concrete accomplishment example (situation, action, result).

The rest of the app imports from here only, so the modules behind it can change.
"""

from voice_coach.scoring.numbers import NumberMention, Span, find_numbers
from voice_coach.scoring.scorer import Flag, Metrics, Score, score_answer

__all__ = ["Flag", "Metrics", "NumberMention", "Score", "Span", "find_numbers", "score_answer"]
