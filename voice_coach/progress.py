"""Progress over time: per session, the share of answers that did what their question
needed (the one verdict, :attr:`Attempt.outcome`), fillers per minute and pace; per
question, how its answers changed. Skipped questions are counted as skipped, never
as weak."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from typing import Any

from voice_coach.attempts import Attempt, Outcome, Status
from voice_coach.compare import attempts_by_question
from voice_coach.store import Store


@dataclass(frozen=True)
class SessionStats:
    session_id: int
    started_at: str
    title: str
    answers: int
    example_share: float | None
    """Share of judged answers that did what their question needs (for a story question, a
    concrete example); None when none could be judged."""
    fillers_per_minute: float | None
    wpm: float | None
    needs_work: int = 0
    skipped: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "session": self.session_id,
            "needs_work": self.needs_work,
            "skipped": self.skipped,
            "started_at": self.started_at,
            "title": self.title,
            "answers": self.answers,
            "example_share": self.example_share,
            "fillers_per_minute": self.fillers_per_minute,
            "wpm": self.wpm,
        }


def _mean(values: list[float]) -> float | None:
    return round(fmean(values), 1) if values else None


def _delivery(attempt: Attempt) -> tuple[float | None, float | None]:
    """Fillers per minute and words per minute; None where unknown (typed, not scored)."""
    if attempt.score is None:
        return None, None
    per_min = attempt.score.delivery.fillers_per_minute
    wpm = attempt.score.delivery.pace_wpm or attempt.score.metrics.wpm
    return per_min, float(wpm) if wpm else None


def _stats(session_id: int, started: str, title: str, attempts: list[Attempt]) -> SessionStats:
    judged = [a.outcome is Outcome.GOOD for a in attempts if a.outcome.judged]
    fillers, pace = [], []
    for a in attempts:
        per_min, wpm = _delivery(a)
        if per_min is not None:
            fillers.append(per_min)
        if wpm is not None:
            pace.append(wpm)
    share = round(sum(judged) / len(judged), 2) if judged else None
    return SessionStats(
        session_id,
        started,
        title,
        len(attempts),
        share,
        _mean(fillers),
        _mean(pace),
        sum(a.outcome is Outcome.NEEDS_WORK for a in attempts),
        sum(a.outcome is Outcome.SKIPPED for a in attempts),
    )


def session_progress(store: Store) -> list[SessionStats]:
    """One row per session with answers, oldest first, for a chart over time."""
    rows = []
    for s in reversed(store.sessions()):
        attempts = [a for a in store.attempts(s.id) if a.status is not Status.RECORDING]
        if attempts:
            rows.append(_stats(s.id, s.started_at, s.set_title, attempts))
    return rows


@dataclass(frozen=True)
class AnswerPoint:
    """One answer on a chart: when, and the three measures progress is followed by."""

    attempt_id: int
    session_id: int
    at: str
    """When the answer was given (ISO 8601, UTC)."""
    status: str
    outcome: Outcome
    """The one verdict: good, needs work, skipped (nothing said) or not scored."""
    fillers_per_minute: float | None
    wpm: float | None
    """Both None for typed answers, which have no timing."""

    @property
    def met(self) -> bool | None:
        return self.outcome is Outcome.GOOD if self.outcome.judged else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "attempt": self.attempt_id,
            "session": self.session_id,
            "at": self.at,
            "status": self.status,
            "outcome": str(self.outcome),
            "concrete_example": self.met,
            "fillers_per_minute": self.fillers_per_minute,
            "wpm": self.wpm,
        }


def _point(attempt: Attempt) -> AnswerPoint:
    per_min, wpm = _delivery(attempt)
    return AnswerPoint(
        attempt.id,
        attempt.session_id,
        attempt.created_at,
        str(attempt.status),
        attempt.outcome,
        None if per_min is None else round(per_min, 1),
        None if wpm is None else round(wpm),
    )


@dataclass(frozen=True)
class QuestionProgress:
    """How the answers to one question changed, attempt by attempt (oldest first)."""

    set_name: str
    question_id: str
    question_text: str
    points: tuple[AnswerPoint, ...]

    @property
    def dates(self) -> list[str]:
        return [p.at for p in self.points]

    @property
    def examples(self) -> list[bool | None]:
        """Per attempt: did it do what the question needs? None when it could not be judged."""
        return [p.met for p in self.points]

    @property
    def outcomes(self) -> list[Outcome]:
        return [p.outcome for p in self.points]

    @property
    def fillers_per_minute(self) -> list[float | None]:
        return [p.fillers_per_minute for p in self.points]

    @property
    def wpm(self) -> list[float | None]:
        return [p.wpm for p in self.points]

    @property
    def last_at(self) -> str:
        return self.points[-1].at

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.set_name,
            "question_id": self.question_id,
            "question": self.question_text,
            "attempts": len(self.points),
            "dates": self.dates,
            "concrete_example": self.examples,
            "outcomes": [str(o) for o in self.outcomes],
            "fillers_per_minute": self.fillers_per_minute,
            "wpm": self.wpm,
            "points": [p.to_dict() for p in self.points],
        }


def question_progress(store: Store) -> list[QuestionProgress]:
    """Per question, its answers over time; the most recently practised question first.

    Answers given in a review set ("Practise my weak answers", "struggled") count for
    the question in its own set; follow-up answers are left out (they answer
    another prompt). Interrupted answers that could not be recovered are not answers.
    """
    rows = []
    for (set_name, question_id), attempts in attempts_by_question(store).items():
        rows.append(
            QuestionProgress(
                set_name,
                question_id,
                attempts[-1].question_text,
                tuple(_point(a) for a in attempts),
            )
        )
    return sorted(rows, key=lambda q: (q.last_at, q.points[-1].attempt_id), reverse=True)


def answer_progress(store: Store) -> list[AnswerPoint]:
    """Every answer, follow-ups included, oldest first: the overall series answer by answer
    (:func:`session_progress` gives it session by session)."""
    return [_point(a) for _, a in store.answer_history()]
