"""One answer to one question, as saved and as read back: the one definition of each.

Every reader of a saved answer (practice feedback, the summary, history, export,
progress, comparison and the review queue) used to pick its own verdict out of a
loose dict, and they disagreed: a closing answer that missed its points was ✘ on the
practice screen and "0 flagged" in history. So the verdict of an attempt is decided
here once (:func:`outcome_of`), saved as a column, and every reader asks
:attr:`Attempt.outcome`; the score is read back as the same typed :class:`Score` the
scorer made, never as a dict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voice_coach.scoring.codes import FlagCode, FlagGroup

if TYPE_CHECKING:
    # Annotations only: pydantic and the question models are not needed to open the
    # store, and the home screen is drawn before they are imported.
    from pydantic import TypeAdapter

    from voice_coach.questions import Question, QuestionSet

    # Annotations only: delivery brings the scorer's vocabulary, not needed to read the store.
    from voice_coach.scoring import Score
    from voice_coach.scoring.delivery import TimedWord, TimedWordLike

NO_SPEECH = "No speech detected: nothing was heard in the answer."


class Status(StrEnum):
    """How an attempt was given, or how far it got."""

    RECORDING = "recording"
    """In progress, or cut short by a crash and not recovered yet."""
    SPOKEN = "spoken"
    TYPED = "typed"
    NO_SPEECH = "no_speech"
    RECOVERED = "recovered"
    """Cut short by a crash; its audio was recovered at a later start."""
    INTERRUPTED = "interrupted"
    """Cut short before any audio was written: there is nothing to recover."""

    @property
    def label(self) -> str:
        """In words, for every screen and export: codes never reach the user."""
        return _STATUS_WORDS[self]

    @classmethod
    def parse(cls, value: str) -> Status:
        """A saved status; one this version does not know reads as an interruption."""
        try:
            return cls(value)
        except ValueError:
            return cls.INTERRUPTED


_STATUS_WORDS = {
    Status.RECORDING: "recording",
    Status.SPOKEN: "answered aloud",
    Status.TYPED: "typed",
    Status.NO_SPEECH: "no speech",
    Status.RECOVERED: "recovered after an interruption",
    Status.INTERRUPTED: "interrupted before anything was recorded",
}


class Outcome(StrEnum):
    """The verdict on an attempt, for every list and count: good, needs work, or neither."""

    GOOD = "good"
    NEEDS_WORK = "needs_work"
    SKIPPED = "skipped"
    """Nothing was said: not a weak answer, and not a good one."""
    UNSCORED = "unscored"
    """Words could not be judged (a recovered answer not transcribed, nothing recorded)."""
    RECORDING = "recording"

    @property
    def label(self) -> str:
        return _OUTCOME_WORDS[self][1]

    @property
    def mark(self) -> str:
        """A sign that reads without colour."""
        return _OUTCOME_WORDS[self][0]

    @property
    def shown(self) -> str:
        """Mark and words together: "✘ needs work"."""
        return f"{self.mark} {self.label}"

    @property
    def judged(self) -> bool:
        """Counted in shares of good answers: only answers with words to judge."""
        return self in (Outcome.GOOD, Outcome.NEEDS_WORK)

    @classmethod
    def parse(cls, value: str | None) -> Outcome | None:
        try:
            return cls(value) if value else None
        except ValueError:
            return None


_OUTCOME_WORDS = {
    Outcome.GOOD: ("✔", "good answer"),
    Outcome.NEEDS_WORK: ("✘", "needs work"),
    Outcome.SKIPPED: ("—", "skipped: no speech"),
    Outcome.UNSCORED: ("·", "not scored"),
    Outcome.RECORDING: ("●", "recording"),
}


def outcome_of(status: Status | str, score: Score | None) -> Outcome:
    """THE rule for "needs work": an answer with words is judged by whether it does what
    its question needs (``Score.meets``); an answer without them is never weak."""
    if score is not None:
        return Outcome.GOOD if score.meets else Outcome.NEEDS_WORK
    status = Status.parse(str(status))
    if status is Status.RECORDING:
        return Outcome.RECORDING
    if status is Status.NO_SPEECH:
        return Outcome.SKIPPED
    return Outcome.UNSCORED


Specifics = tuple[tuple[str, bool], ...]
"""Items (a CV specific, a job term), each with whether the answer used it."""


@dataclass(frozen=True)
class Attempt:
    """One answer to one question, exactly as saved: what practice shows is what history reads."""

    id: int
    session_id: int
    question: Question
    """As it was asked: its kind, talking points and CV specifics, what it expected."""
    created_at: str
    status: Status
    transcript: str
    score: Score | None
    """None when there was nothing to judge (no speech), or a saved score unreadable here."""
    outcome: Outcome
    duration_s: float | None
    """Of the recording (the file's own length); None for a typed answer."""
    audio_path: Path | None
    end_reason: str | None = None
    error: str | None = None
    mentions: Specifics = ()
    """The question's CV specifics, each with whether the answer used it."""
    key_terms: Specifics = ()
    """The job's key terms, each with whether the answer used it."""
    scored_at: str | None = None
    """When the feedback was given (ISO 8601, UTC)."""

    @property
    def attempt_id(self) -> int:
        return self.id

    @property
    def question_id(self) -> str:
        return self.question.id

    @property
    def question_text(self) -> str:
        return self.question.text

    @property
    def base_question_id(self) -> str:
        """The question a follow-up digs into (its own id otherwise)."""
        return self.question.id.split(FOLLOW_UP_MARK, 1)[0]

    @property
    def is_follow_up(self) -> bool:
        return FOLLOW_UP_MARK in self.question.id

    @property
    def flagged(self) -> bool:
        """Needs work: answered, but not what the question needs. A skip is not weak."""
        return self.outcome is Outcome.NEEDS_WORK

    @property
    def meets(self) -> bool | None:
        """Did the answer do what its question needs? None when there was nothing to judge."""
        return None if not self.outcome.judged else self.outcome is Outcome.GOOD

    @property
    def verdict(self) -> str:
        """One sentence: the score's, or why there is none."""
        if self.score is not None:
            return self.score.verdict
        if self.outcome is Outcome.SKIPPED:
            return NO_SPEECH
        if self.status is Status.RECOVERED:
            return "Recovered after an interruption, but not transcribed: nothing to judge."
        return f"Not scored: {self.status.label}."

    def extras(self) -> dict[str, object]:
        """What is saved beside the score: CV specifics and job terms used."""
        return {
            "cv_mentions": [{"text": t, "used": u} for t, u in self.mentions],
            "job_terms": [{"text": t, "used": u} for t, u in self.key_terms],
        }

    def to_dict(self) -> dict[str, Any]:
        """For --json and export: the codes stay stable, the words are there beside them."""
        return {
            "id": self.id,
            "session_id": self.session_id,
            "question_id": self.question.id,
            "question": self.question.text,
            "kind": str(self.question.question_kind),
            "expects": list(self.question.expects),
            "created_at": self.created_at,
            "scored_at": self.scored_at,
            "status": str(self.status),
            "status_words": self.status.label,
            "outcome": str(self.outcome),
            "outcome_words": self.outcome.label,
            "verdict": self.verdict,
            "needs_work": self.flagged,
            "audio": str(self.audio_path) if self.audio_path else None,
            "duration_s": self.duration_s,
            "transcript": self.transcript,
            "concrete_example": self.meets,
            "score": {**self.score.to_dict(), **self.extras()} if self.score else None,
            "end_reason": self.end_reason,
            "error": self.error,
        }


FOLLOW_UP_MARK = "#"
"""Follow-up answers are saved under the question's id plus "#follow-up"."""


# --- Reading a saved score back ----------------------------------------------------


@cache
def _score_adapter() -> TypeAdapter[Score]:
    from pydantic import TypeAdapter

    from voice_coach.scoring import Score

    return TypeAdapter(Score)


def load_score(saved: Mapping[str, Any]) -> Score:
    """The :class:`Score` a saved dict was made from (``Score.to_dict`` read back).

    Flags this version no longer raises are dropped rather than failing the whole
    score; a dict that is not a score raises ``ValueError``.
    """
    data = dict(saved)
    flags = data.get("flags")
    if isinstance(flags, list):
        data["flags"] = [
            f
            for f in flags
            if not isinstance(f, dict) or FlagCode.parse(str(f.get("code", ""))) is not None
        ]
    if "evidence" not in data:
        data["evidence"] = {}
    from pydantic import ValidationError

    try:
        return _score_adapter().validate_python(data)
    except ValidationError as exc:
        raise ValueError(f"not a saved score ({exc.error_count()} problem(s))") from None


def load_specifics(saved: Mapping[str, Any], key: str) -> Specifics:
    items = saved.get(key)
    if not isinstance(items, list):
        return ()
    return tuple(
        (str(i.get("text", "")), bool(i.get("used")))
        for i in items
        if isinstance(i, dict) and i.get("text")
    )


# --- Scoring: the one way every path judges an answer -------------------------------


def answering_time(
    words: Sequence[TimedWord | TimedWordLike] | None, recorded_s: float | None
) -> float | None:
    """Time spent answering: from the first word to the last, not the thinking before it or
    the silence that ended the recording; the recording's length when words have no times."""
    if words:
        first, last = words[0], words[-1]
        start = first[0] if isinstance(first, tuple) else first.start
        end = last[1] if isinstance(last, tuple) else last.end
        if end > start:
            return end - start
    return recorded_s


def score_attempt(
    question: Question,
    transcript: str,
    *,
    question_set: QuestionSet | None = None,
    words: Sequence[TimedWord | TimedWordLike] | None = None,
    duration_s: float | None = None,
    previous_probe: str | None = None,
    earlier: str | None = None,
) -> tuple[Score, Specifics, Specifics]:
    """Score one answer the one way every path uses: spoken, typed, follow-up, recovered, CLI.

    ``duration_s`` is the recording's length; pace is measured over the time spent
    answering (:func:`answering_time`), so the app and ``score AUDIO`` agree.
    ``earlier`` is the answer a follow-up digs into: the verdict then weighs both
    together (a result given in the follow-up completes the story), while pace, fillers
    and length stay those of the follow-up alone. Returns the score, then the CV
    specifics and the job's key terms, each with whether the answer used it.
    """
    from voice_coach.cv import used
    from voice_coach.scoring import score_answer

    def judge(
        text: str, timed: Sequence[TimedWord | TimedWordLike] | None, duration: float | None
    ) -> Score:
        return score_answer(
            text,
            question=question.text,
            kind=question.question_kind,
            duration_s=duration,
            words=timed,
            talking_points=question.talking_points,
            follow_ups=question.follow_ups,
            previous_probe=previous_probe,
        )

    score = judge(transcript, words, answering_time(words, duration_s))
    if earlier:
        together = judge(f"{earlier.rstrip()} {transcript}", None, None)
        score = replace(
            score,
            concrete_example=together.concrete_example,
            meets_expectations=together.meets,
            missing=together.missing,
            flags=tuple(
                [f for f in score.flags if f.code.group is not FlagGroup.MISSING]
                + [
                    replace(f, spans=())
                    for f in together.flags
                    if f.code.group is FlagGroup.MISSING
                ]
            ),
            talking_points=tuple(replace(tp, spans=()) for tp in together.talking_points),
        )
    key_terms = question_set.key_terms if question_set is not None else ()
    return (
        score,
        tuple(used(transcript, question.mentions)),
        tuple(used(transcript, key_terms)),
    )


def expects_example(question: Question) -> bool:
    """Whether the question is judged on a concrete accomplishment example (its kind says)."""
    return question.question_kind.spec.needs_example
