"""Progress over time: per session, the share of answers with a concrete example, fillers
per minute and pace; per question, how its answers changed."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from typing import Any

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


def _stats(session_id: int, started: str, title: str, attempts: list[AttemptRow]) -> SessionStats:
    judged = [a.concrete_example for a in attempts if a.concrete_example is not None]
    fillers, pace = [], []
    for a in attempts:
        score = a.score or {}
        per_min = (score.get("delivery") or {}).get("fillers_per_minute")
        wpm = (score.get("delivery") or {}).get("pace_wpm") or (score.get("metrics") or {}).get(
            "wpm"
        )
        if per_min is not None:
            fillers.append(float(per_min))
        if wpm:
            pace.append(float(wpm))
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
