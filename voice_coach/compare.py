"""Two answers to the same question, compared: what got better, what got worse.

Rehearsal pays off when the user can see the difference a retry made, so each
change is one plain sentence with a verdict. The verdicts reuse the scorer's own
thresholds (what length reads best, what pace, how many fillers) rather than new
ones, so this screen never disagrees with the feedback the user already saw.

Answers with nothing to compare (no speech, a recovered answer that could not be
transcribed) give one change that says so instead of an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from voice_coach.attempts import FOLLOW_UP_MARK, Attempt, Outcome
from voice_coach.audio import clock
from voice_coach.review import struggled_key
from voice_coach.scoring import flags as sc
from voice_coach.scoring.codes import FlagCode
from voice_coach.store import Store

if TYPE_CHECKING:
    from voice_coach.scoring import Score

QuestionKey = tuple[str, str]
"""(set name, question id) of the question as its own set defines it."""

FILLERS_STEP = 1.0
"""Fillers per minute that count as a change: below that, one "um" more or less moves it."""
PACE_STEP = 10.0
"""Words per minute that count as a change: pace moves this much from breathing alone."""
LENGTH_STEP_S = 15.0
"""Seconds that count as longer or shorter: a sentence, give or take."""
OWNERSHIP_STEP = 0.2
"""Change in the share of "I" among I/we words that counts as more or less ownership."""
OWNERSHIP_MIN_WORDS = 3
"""Fewer I/we words than this in either answer, and the share says nothing."""

_I_WORDS = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself"})
_WE_WORDS = frozenset({"we", "we're", "we've", "we'd", "we'll", "us", "our", "ours"})
_WORD = re.compile(r"[a-z']+")

_PARTS = ("situation", "action", "result")
_PART_WORDS = {"situation": "a specific situation", "action": "what you did", "result": "a result"}

_FLAGS_WITH_OWN_CHANGE: dict[FlagCode, str] = {
    FlagCode.NO_SITUATION: "situation",
    FlagCode.NO_ACTION: "action",
    FlagCode.NO_RESULT: "result",
    FlagCode.WE_ONLY: "ownership",
    FlagCode.RESULT_NOT_QUANTIFIED: "quantified",
    FlagCode.MANY_FILLERS: "fillers",
    FlagCode.FAST_PACE: "pace",
    FlagCode.SLOW_PACE: "pace",
    FlagCode.TOO_SHORT: "length",
    FlagCode.TOO_LONG: "length",
}
"""Flags a dedicated change already explains; reported as flags only if it did not."""


@dataclass(frozen=True)
class Change:
    """One difference between two answers to the same question."""

    kind: str
    """Stable id for colours and icons: "example", "situation", "action", "result",
    "quantified", "fillers", "pace", "length", "ownership", "talking_points",
    "flag_fixed", "flag_new", "answered", "unscored"."""
    text: str
    better: bool | None
    """True better, False worse, None neither (or it cannot be told)."""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "better": self.better}


def question_key(set_name: str, question_id: str) -> QuestionKey:
    """The question an attempt answered, wherever it was asked: a review set's question
    points back to its own set."""
    return struggled_key(set_name, question_id)


def is_follow_up(attempt: Attempt) -> bool:
    return attempt.is_follow_up


def attempts_by_question(
    store: Store, *, include_follow_ups: bool = False
) -> dict[QuestionKey, list[Attempt]]:
    """Every finished attempt grouped by question, oldest first.

    Follow-ups are left out unless asked for: each answers the interviewer's
    follow-up, not the question, so they are not retries of it (when included,
    they are grouped under the question's id plus "#follow-up").
    """
    grouped: dict[QuestionKey, list[Attempt]] = {}
    for set_name, attempt in store.answer_history():
        if is_follow_up(attempt) and not include_follow_ups:
            continue
        base, mark, rest = attempt.question_id.partition(FOLLOW_UP_MARK)
        set_key, qid = question_key(set_name, base)
        grouped.setdefault((set_key, qid + mark + rest), []).append(attempt)
    return grouped


def same_question(store: Store, attempt: Attempt) -> list[Attempt]:
    """Every finished attempt at the question ``attempt`` answered, oldest first
    (``attempt`` among them once it is finished)."""
    session = store.session(attempt.session_id)
    if session is None:
        return []
    base, mark, rest = attempt.question_id.partition(FOLLOW_UP_MARK)
    set_key, qid = question_key(session.set_name, base)
    grouped = attempts_by_question(store, include_follow_ups=bool(mark))
    return grouped.get((set_key, qid + mark + rest), [])


def previous_attempt(store: Store, attempt: Attempt) -> Attempt | None:
    """The attempt at the same question just before this one, to compare with."""
    earlier = [a for a in same_question(store, attempt) if a.id != attempt.id]
    before = [a for a in earlier if (a.created_at, a.id) < (attempt.created_at, attempt.id)]
    return before[-1] if before else None


# --- The comparison -----------------------------------------------------------


def _codes(score: Score) -> set[FlagCode]:
    return {f.code for f in score.flags}


def _has_part(score: Score, part: str) -> bool:
    return bool(score.evidence.get(part))


def _quantified(score: Score) -> bool:
    """A result with a number in it; scores saved before "quantified" was kept are judged
    by their flag, as they were then."""
    if "quantified" in score.evidence:
        return bool(score.evidence["quantified"])
    return _has_part(score, "result") and FlagCode.RESULT_NOT_QUANTIFIED not in _codes(score)


def _seconds(attempt: Attempt, score: Score) -> tuple[float | None, bool]:
    """How long the answer took, and whether that is estimated (typed, at speaking pace)."""
    if score.metrics.duration_s:
        return float(score.metrics.duration_s), False
    if attempt.duration_s:
        return float(attempt.duration_s), False
    if score.metrics.words:
        return float(score.metrics.words) / sc.TYPED_WPM * 60.0, True
    return None, False


def _outside(value: float, low: float, high: float) -> float:
    """How far a value lies outside a range; 0 inside it."""
    return max(low - value, value - high, 0.0)


def _length_range(attempt: Attempt) -> tuple[float, float]:
    """What reads best to the scorer: one to two minutes for a story; otherwise
    anything from "not cut off" to two minutes."""
    if attempt.score is not None and not attempt.score.kind.spec.needs_example:
        return sc.MIN_SECONDS_NO_EXAMPLE, sc.GOOD_SECONDS_NO_EXAMPLE
    return sc.GOOD_SECONDS


def _ownership(transcript: str) -> tuple[int, int]:
    words = _WORD.findall(transcript.lower().replace("\u2019", "'"))
    return sum(w in _I_WORDS for w in words), sum(w in _WE_WORDS for w in words)


def _better(before: float, after: float) -> bool | None:
    """Lower is better; equal is no verdict."""
    return None if before == after else after < before


def compare_attempts(earlier: Attempt, later: Attempt) -> list[Change]:
    """What changed from ``earlier`` to ``later`` (two answers to one question), most
    important first: the example and its parts, then delivery, then other flags."""
    if earlier.score is None or later.score is None:
        return _unscored(earlier, later)
    before, after = earlier.score, later.score
    changes: list[Change] = []

    story = later.score.kind.spec.needs_example
    gained = earlier.outcome is Outcome.NEEDS_WORK and later.outcome is Outcome.GOOD
    lost = earlier.outcome is Outcome.GOOD and later.outcome is Outcome.NEEDS_WORK
    example_added = gained and story
    if example_added:
        changes.append(
            Change("example", "example added: situation, your action and a result", True)
        )
    elif gained:
        changes.append(Change("example", "now does what the question needs", True))
    elif lost and story:
        changes.append(Change("example", "example lost", False))
    elif lost:
        changes.append(Change("example", "no longer does what the question needs", False))
    if not example_added:
        for part in _PARTS:
            had, has = _has_part(before, part), _has_part(after, part)
            if has and not had:
                changes.append(Change(part, f"{_PART_WORDS[part]} added", True))
            elif had and not has:
                changes.append(Change(part, f"{_PART_WORDS[part]} missing now", False))
    if _quantified(after) and not _quantified(before):
        changes.append(Change("quantified", "result now quantified", True))
    elif _quantified(before) and not _quantified(after) and _has_part(after, "result"):
        changes.append(Change("quantified", "the result lost its number", False))

    changes.extend(_ownership_change(earlier.transcript, later.transcript, before, after))
    changes.extend(_talking_points_change(before, after))
    changes.extend(_fillers_change(before, after))
    changes.extend(_pace_change(before, after))
    changes.extend(_length_change(earlier, later, before, after))
    reported = {c.kind for c in changes}
    if "example" in reported:
        # A new or lost example already says the parts (and the "I") came or went.
        reported |= {*_PARTS, "ownership"}
    changes.extend(_flag_changes(before, after, reported))
    return changes


def _unscored(earlier: Attempt, later: Attempt) -> list[Change]:
    def why(a: Attempt) -> str:
        if a.outcome is Outcome.SKIPPED:
            return "nothing was heard"
        if a.status == "recovered":
            return "recovered after a crash, not transcribed"
        if a.score is None and a.transcript:
            return "its saved feedback cannot be read"
        return "not scored"

    if earlier.score is None and later.score is not None:
        return [Change("answered", f"answered this time (before: {why(earlier)})", True)]
    if later.score is None and earlier.score is not None:
        return [Change("answered", f"nothing to compare this time: {why(later)}", False)]
    return [Change("unscored", f"nothing to compare: {why(later)}", None)]


def _ownership_change(
    text_before: str, text_after: str, before: Score, after: Score
) -> list[Change]:
    i_before, we_before = _ownership(text_before)
    i_after, we_after = _ownership(text_after)
    if min(i_before + we_before, i_after + we_after) < OWNERSHIP_MIN_WORDS:
        if FlagCode.WE_ONLY in _codes(before) and FlagCode.WE_ONLY not in _codes(after):
            return [Change("ownership", "ownership: now says what you did, with 'I'", True)]
        return []
    share_before = i_before / (i_before + we_before)
    share_after = i_after / (i_after + we_after)
    if abs(share_after - share_before) < OWNERSHIP_STEP:
        return []
    more = share_after > share_before
    return [
        Change(
            "ownership",
            f"ownership: {'more' if more else 'less'} 'I' "
            f"({share_before:.0%} -> {share_after:.0%} of I/we)",
            more,
        )
    ]


def _talking_points_change(before: Score, after: Score) -> list[Change]:
    points_before, points_after = before.talking_points, after.talking_points
    if not points_after or len(points_before) != len(points_after):
        return []
    covered_before = sum(p.covered for p in points_before)
    covered_after = sum(p.covered for p in points_after)
    if covered_before == covered_after:
        return []
    return [
        Change(
            "talking_points",
            f"talking points covered: {covered_before} -> {covered_after} of {len(points_after)}",
            covered_after > covered_before,
        )
    ]


def _fillers_change(before: Score, after: Score) -> list[Change]:
    rate_before = before.delivery.fillers_per_minute
    rate_after = after.delivery.fillers_per_minute
    flag_changed = (FlagCode.MANY_FILLERS in _codes(before)) != (
        FlagCode.MANY_FILLERS in _codes(after)
    )
    if rate_before is not None and rate_after is not None:
        if abs(rate_after - rate_before) < FILLERS_STEP and not flag_changed:
            return []
        if rate_after == rate_before:
            return []
        word = "down" if rate_after < rate_before else "up"
        return [
            Change(
                "fillers",
                f"fillers {word} from {rate_before:.1f} to {rate_after:.1f} per minute",
                _better(rate_before, rate_after),
            )
        ]
    count_before, count_after = before.delivery.fillers, after.delivery.fillers
    if count_before == count_after:
        return []
    word = "down" if count_after < count_before else "up"
    return [
        Change(
            "fillers",
            f"fillers {word} from {count_before} to {count_after}",
            _better(count_before, count_after),
        )
    ]


def _pace_change(before: Score, after: Score) -> list[Change]:
    def pace(score: Score) -> float | None:
        value = score.delivery.pace_wpm or score.metrics.wpm
        return float(value) if value else None

    pace_before, pace_after = pace(before), pace(after)
    if pace_before is None or pace_after is None or abs(pace_after - pace_before) < PACE_STEP:
        return []
    low, high = sc.PACE_WPM
    off_before, off_after = _outside(pace_before, low, high), _outside(pace_after, low, high)
    word = "faster" if pace_after > pace_before else "slower"
    return [
        Change(
            "pace",
            f"{word}: {pace_before:.0f} -> {pace_after:.0f} words per minute",
            None if off_before == off_after == 0 else _better(off_before, off_after),
        )
    ]


def _length_change(
    earlier: Attempt, later: Attempt, before: Score, after: Score
) -> list[Change]:
    """Shorter is better only above what reads best, longer only below it: the scorer's
    one-to-two-minute range for a story (it flags under 30 s and over 3 minutes)."""
    seconds_before, guessed_before = _seconds(earlier, before)
    seconds_after, guessed_after = _seconds(later, after)
    if seconds_before is None or seconds_after is None:
        return []
    label_changed = before.delivery.length != after.delivery.length
    if abs(seconds_after - seconds_before) < LENGTH_STEP_S and not label_changed:
        return []
    if round(seconds_after) == round(seconds_before):
        return []
    low, high = _length_range(later)
    off_before = _outside(seconds_before, low, high)
    off_after = _outside(seconds_after, low, high)
    word = "shorter" if seconds_after < seconds_before else "longer"
    about = "about " if guessed_before or guessed_after else ""
    return [
        Change(
            "length",
            f"{word}: {about}{clock(seconds_before)} -> {clock(seconds_after)}",
            None if off_before == off_after == 0 else _better(off_before, off_after),
        )
    ]


def _flag_changes(
    before: Score, after: Score, reported: set[str]
) -> list[Change]:
    codes_before, codes_after = _codes(before), _codes(after)
    changes: list[Change] = []
    for code in sorted(codes_before - codes_after):
        if _FLAGS_WITH_OWN_CHANGE.get(code) in reported:
            continue
        changes.append(Change("flag_fixed", f"fixed: {_flag_words(code)}", True))
    for code in sorted(codes_after - codes_before):
        if _FLAGS_WITH_OWN_CHANGE.get(code) in reported:
            continue
        changes.append(Change("flag_new", f"new: {_flag_words(code)}", False))
    return changes


def _flag_words(code: FlagCode) -> str:
    return code.label
