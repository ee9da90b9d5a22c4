"""A practice session, free of any UI: ask, answer, score, then redo or move on.

The TUI, the CLI and the tests drive this same object. It owns the order of
questions, scoring and saving; recording is done by :class:`~voice_coach.live.LiveAnswer`
and handed in as an :class:`~voice_coach.live.AnswerResult`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from voice_coach.errors import VoiceCoachError
from voice_coach.live import AnswerResult
from voice_coach.questions import Question, QuestionSet
from voice_coach.scoring import FlagGroup, Score, TimedWord, score_answer
from voice_coach.scoring.delivery import TimedWordLike
from voice_coach.store import Store

NO_SPEECH = "No speech detected: nothing was heard in the answer."


class AnswerKept(VoiceCoachError):
    """The recording stopped because its file could not be written (a full disk).

    Nothing is scored or saved now (the database is likely on the same full disk);
    the audio written so far stays, and recovery finishes it at the next start.
    """

    def __init__(self, attempt_id: int, result: AnswerResult) -> None:
        minutes, seconds = divmod(int(result.duration_s), 60)
        cause = (result.error or "the recording could not be written").rstrip(".")
        advice = (
            "Free some disk space, then answer again."
            if result.end_reason == "disk_full"
            else "Check the disk, then answer again."
        )
        super().__init__(
            f"{cause[:1].upper()}{cause[1:]}: the recording stopped at {minutes}:{seconds:02d}. "
            "What you said until then is kept; once there is room, it is recovered the "
            f"next time voice-coach starts. {advice}"
        )
        self.attempt_id = attempt_id
        self.result = result


def expects_example(question: Question) -> bool:
    """Whether the question is judged on a concrete accomplishment example (its kind says)."""
    return question.question_kind.spec.needs_example


Specifics = tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]]


def score_attempt(
    question: Question,
    transcript: str,
    *,
    question_set: QuestionSet | None = None,
    words: Sequence[TimedWord | TimedWordLike] | None = None,
    duration_s: float | None = None,
    previous_probe: str | None = None,
    earlier: str | None = None,
) -> tuple[Score, Specifics]:
    """Score one answer the one way every path uses: spoken, typed, follow-up, recovered, CLI.

    ``earlier`` is the answer a follow-up digs into: the verdict then weighs both
    together (a result given in the follow-up completes the story), while pace, fillers
    and length stay those of the follow-up alone.
    """
    from voice_coach.cv import used

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

    score = judge(transcript, words, duration_s)
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
    return score, (tuple(used(transcript, question.mentions)), tuple(used(transcript, key_terms)))


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
    def meets(self) -> bool | None:
        """The one verdict: did the answer do what its question needs? None when skipped."""
        return None if self.score is None else self.score.meets

    @property
    def concrete_example(self) -> bool | None:
        """What the store keeps as the verdict: the same as :attr:`meets`."""
        return self.meets

    @property
    def flagged(self) -> bool:
        """Needs work: answered, but not what the question needs. A skip is not weak."""
        return self.meets is False


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
            update={
                "id": f"{base.id}#follow-up",
                "text": self.follow_up,
                "follow_ups": (),
                "kind": base.question_kind,
            }
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
        """Score and save a recorded answer.

        Raises :class:`AnswerKept` when its file could not be finished: the attempt is
        then released, still marked "recording", for recovery to measure and complete,
        so the saved duration is always that of the file.
        """
        if result.unfinished:
            self.store.release(attempt_id)
            raise AnswerKept(attempt_id, result)
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
            score, specifics = self._score(transcript, words=words, duration_s=spoken)
            attempt = Attempt(
                attempt_id,
                self.question,
                transcript,
                "spoken",
                score,
                result.duration_s,
                result.audio_path,
                result.error,
                *specifics,
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
        score, specifics = self._score(text)
        attempt = Attempt(
            attempt_id,
            self.question,
            text,
            "typed",
            score,
            None,
            None,
            None,
            *specifics,
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

    def _score(
        self,
        transcript: str,
        *,
        words: Sequence[TimedWord | TimedWordLike] | None = None,
        duration_s: float | None = None,
    ) -> tuple[Score, Specifics]:
        earlier = None
        previous_probe = None
        base_id = self.base_question.id
        for attempt in reversed(self.attempts):
            if attempt.question.id.split("#", 1)[0] != base_id:
                continue
            if previous_probe is None and attempt.score is not None:
                previous_probe = attempt.score.probe
            if self.follow_up is not None and "#" not in attempt.question.id and attempt.transcript:
                earlier = attempt.transcript
                break
            if self.follow_up is None:
                break
        return score_attempt(
            self.question,
            transcript,
            question_set=self.question_set,
            words=words,
            duration_s=duration_s,
            previous_probe=previous_probe,
            earlier=earlier,
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
