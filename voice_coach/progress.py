"""Progress over time: per session, the share of answers with a concrete example, fillers
per minute and pace; per question, how its answers changed."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from typing import Any

from voice_coach.compare import attempts_by_question
from voice_coach.store import AttemptRow, Store


@dataclass(frozen=True)
class SessionStats:
    session_id: int
    started_at: str
    title: str
    answers: int
    example_share: float | None
    """Share of answers to example questions that gave one; None when none were asked."""
    fillers_per_minute: float | None
    wpm: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "session": self.session_id,
            "started_at": self.started_at,
            "title": self.title,
            "answers": self.answers,
            "example_share": self.example_share,
            "fillers_per_minute": self.fillers_per_minute,
            "wpm": self.wpm,
        }


def _mean(values: list[float]) -> float | None:
    return round(fmean(values), 1) if values else None


def _delivery(attempt: AttemptRow) -> tuple[float | None, float | None]:
    """Fillers per minute and words per minute; None where unknown (typed, not scored)."""
    score = attempt.score or {}
    delivery = score.get("delivery") or {}
    per_min = delivery.get("fillers_per_minute")
    wpm = delivery.get("pace_wpm") or (score.get("metrics") or {}).get("wpm")
    return (
        None if per_min is None else float(per_min),
        float(wpm) if wpm else None,
    )


def _stats(session_id: int, started: str, title: str, attempts: list[AttemptRow]) -> SessionStats:
    judged = [a.concrete_example for a in attempts if a.concrete_example is not None]
    fillers, pace = [], []
    for a in attempts:
        per_min, wpm = _delivery(a)
        if per_min is not None:
            fillers.append(per_min)
        if wpm is not None:
            pace.append(wpm)
    share = round(sum(judged) / len(judged), 2) if judged else None
    return SessionStats(
        session_id, started, title, len(attempts), share, _mean(fillers), _mean(pace)
    )


def session_progress(store: Store) -> list[SessionStats]:
    """One row per session with answers, oldest first, for a chart over time."""
    rows = []
    for s in reversed(store.sessions()):
        attempts = [a for a in store.attempts(s.id) if a.status != "recording"]
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
    concrete_example: bool | None
    """None where the question asks for no example, or nothing was heard."""
    fillers_per_minute: float | None
    wpm: float | None
    """Both None for typed answers, which have no timing."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "attempt": self.attempt_id,
            "session": self.session_id,
            "at": self.at,
            "status": self.status,
            "concrete_example": self.concrete_example,
            "fillers_per_minute": self.fillers_per_minute,
            "wpm": self.wpm,
        }


def _point(attempt: AttemptRow) -> AnswerPoint:
    per_min, wpm = _delivery(attempt)
    return AnswerPoint(
        attempt.id,
        attempt.session_id,
        attempt.created_at,
        attempt.status,
        attempt.concrete_example,
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
        return [p.concrete_example for p in self.points]

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
