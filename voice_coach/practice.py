"""A practice session, free of any UI: ask, answer, score, then redo or move on.

The TUI, the CLI and the tests drive this same object. It owns the order of
questions, scoring and saving; recording is done by :class:`~voice_coach.live.LiveAnswer`
and handed in as an :class:`~voice_coach.live.AnswerResult`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from voice_coach.live import AnswerResult
from voice_coach.questions import Question, QuestionSet
from voice_coach.scoring import Score, score_answer
from voice_coach.store import Store

NO_SPEECH = "No speech detected: nothing was heard in the answer."


def expects_example(question: Question) -> bool:
    """Behavioural questions, and questions that say nothing of what they expect."""
    return question.expects_example or not question.expects


@dataclass(frozen=True)
class Attempt:
    """One answer to one question, as saved."""

    attempt_id: int
    question: Question
    transcript: str
    status: str
    """"spoken", "typed" or "no_speech"."""
    score: Score | None
    """None when there was nothing to score (no speech)."""
    duration_s: float | None
    audio_path: Path | None
    error: str | None = None
    mentions: tuple[tuple[str, bool], ...] = ()
    """The question's CV specifics, each with whether the answer used it."""
    key_terms: tuple[tuple[str, bool], ...] = ()
    """The job's key terms, each with whether the answer used it."""

    def extras(self) -> dict[str, object]:
        """What is saved beside the score: CV specifics and job terms used."""
        return {
            "cv_mentions": [{"text": t, "used": u} for t, u in self.mentions],
            "job_terms": [{"text": t, "used": u} for t, u in self.key_terms],
        }

    @property
    def verdict(self) -> str:
        return self.score.verdict if self.score else NO_SPEECH

    @property
    def concrete_example(self) -> bool | None:
        """Whether the answer gave an example; None where the question asks for none."""
        if self.score is None or not expects_example(self.question):
            return None
        return self.score.concrete_example

    @property
    def flagged(self) -> bool:
        """Something a good answer to this question needs is missing."""
        if self.score is None:
            return True
        if expects_example(self.question):
            return not self.score.concrete_example
        return any(f.code == "talking_point_missed" for f in self.score.flags)


@dataclass
class PracticeSession:
    """Walks through a question set, keeping every attempt."""

    question_set: QuestionSet
    store: Store
    session_id: int = 0
    index: int = 0
    attempts: list[Attempt] = field(default_factory=list)
    finished: bool = False

    def __post_init__(self) -> None:
        if not self.session_id:
            self.session_id = self.store.create_session(
                self.question_set.name, self.question_set.title
            )

    follow_up: str | None = None
    """The interviewer's follow-up being answered, if any: it replaces the question
    until the user moves on or redoes the original."""

    @property
    def base_question(self) -> Question:
        return self.question_set.questions[self.index]

    @property
    def question(self) -> Question:
        base = self.base_question
        if self.follow_up is None:
            return base
        # A follow-up digs into the same story: it expects what the original expected.
        return base.model_copy(
            update={"id": f"{base.id}#follow-up", "text": self.follow_up, "follow_ups": ()}
        )

    def ask_follow_up(self, text: str) -> None:
        self.follow_up = text

    def redo(self) -> None:
        self.follow_up = None

    @property
    def position(self) -> str:
        return f"{self.index + 1}/{len(self.question_set.questions)}"

    @property
    def is_last(self) -> bool:
        return self.index >= len(self.question_set.questions) - 1

    def begin_answer(self) -> tuple[int, Path]:
        """Reserve the attempt and its audio file before recording starts (crash safety)."""
        return self.store.start_attempt(self.session_id, self.question.id, self.question.text)

    def finish_spoken(self, attempt_id: int, result: AnswerResult) -> Attempt:
        transcript = result.transcript.text
        if not transcript:
            attempt = Attempt(
                attempt_id,
                self.question,
                "",
                "no_speech",
                None,
                result.duration_s,
                result.audio_path,
                result.error,
            )
        else:
            words = result.transcript.words
            # Time spent answering: from the first word to the last, not the thinking
            # before it or the silence that ended the recording.
            spoken = words[-1].end - words[0].start if words else result.duration_s
            score = score_answer(
                transcript,
                question=self.question.text,
                duration_s=spoken,
                expects_example=expects_example(self.question),
                words=words,
                talking_points=self.question.talking_points,
            )
            attempt = Attempt(
                attempt_id,
                self.question,
                transcript,
                "spoken",
                score,
                result.duration_s,
                result.audio_path,
                result.error,
            )
        self.store.complete_attempt(
            attempt_id,
            status=attempt.status,
            transcript=transcript,
            transcript_json=result.transcript.to_dict(),
            score={**attempt.score.to_dict(), **attempt.extras()} if attempt.score else None,
            concrete_example=attempt.concrete_example,
            duration_s=result.duration_s,
            end_reason=result.end_reason,
            error=result.error,
        )
        self.attempts.append(attempt)
        return attempt

    def finish_typed(self, text: str, attempt_id: int | None = None) -> Attempt:
        """Score a typed answer (no microphone, or the user prefers to type)."""
        if attempt_id is None:
            attempt_id, _ = self.begin_answer()
        score = score_answer(
            text,
            question=self.question.text,
            duration_s=None,
            expects_example=expects_example(self.question),
            talking_points=self.question.talking_points,
        )
        attempt = Attempt(
            attempt_id,
            self.question,
            text,
            "typed",
            score,
            None,
            None,
            None,
            *self._specifics(text),
        )
        self.store.complete_attempt(
            attempt_id,
            status="typed",
            transcript=text,
            transcript_json=None,
            score={**score.to_dict(), **attempt.extras()},
            concrete_example=attempt.concrete_example,
            duration_s=None,
            keep_audio=False,
        )
        self.attempts.append(attempt)
        return attempt

    def _specifics(
        self, transcript: str
    ) -> tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]]:
        from voice_coach.cv import used

        return (
            tuple(used(transcript, self.question.mentions)),
            tuple(used(transcript, self.question_set.key_terms)),
        )

    def next_question(self) -> bool:
        """Move on; False when there is none left."""
        self.follow_up = None
        if self.is_last:
            return False
        self.index += 1
        return True

    def finish(self) -> None:
        if not self.finished:
            self.finished = True
            self.store.finish_session(self.session_id)

    def summary(self) -> list[Attempt]:
        """The last attempt at each question answered, in the order asked."""
        latest: dict[str, Attempt] = {}
        for attempt in self.attempts:
            latest[attempt.question.id.split("#", 1)[0]] = attempt
        return list(latest.values())
