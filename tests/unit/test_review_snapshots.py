"""The review screens as the user sees them at 80x24, checked against saved snapshots.

Update after an intended change: ``scripts/test tests/unit/test_review_snapshots.py
--snapshot-update``, then look at the SVGs in the report before committing them.
"""

from __future__ import annotations

from typing import Any

import pytest

from voice_coach import store as store_module
from voice_coach.config import Settings
from voice_coach.scoring import score_answer
from voice_coach.store import Store
from voice_coach.tui.app import VoiceCoachApp

QUESTION = "Tell me about a time you improved a process."
WEAK = "I always work hard and I think we would usually get things done as a team."
STRONG = (
    "Last spring our release checks took two days. I wrote a script that ran them in parallel "
    "and I trained the team to use it. As a result releases went out in three hours."
)


class FakeTranscriber:
    """Stands in for the model: the review screens never transcribe."""

    name = "fake"
    loaded = True

    def load(self) -> None:
        pass


def _answer(store: Store, session_id: int, text: str, duration_s: float) -> None:
    attempt_id, _audio = store.start_attempt(session_id, "improved-process", QUESTION)
    score = score_answer(text, question=QUESTION, duration_s=duration_s)
    store.complete_attempt(
        attempt_id,
        status="typed",
        transcript=text,
        transcript_json=None,
        score=score.to_dict(),
        concrete_example=score.concrete_example,
        duration_s=duration_s,
        keep_audio=False,
    )


@pytest.fixture
def history(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sessions on fixed dates: a weak answer, then a better one."""
    for day, text, seconds in (("2026-11-20", WEAK, 20.0), ("2026-11-22", STRONG, 35.0)):
        monkeypatch.setattr(store_module, "_now", lambda day=day: f"{day}T09:30:00+00:00")
        store = Store()
        session_id = store.create_session("second-interview", "Second interview")
        _answer(store, session_id, text, seconds)
        store.finish_session(session_id)
        store.close()


def _app() -> VoiceCoachApp:
    return VoiceCoachApp(
        settings=Settings(speak_questions=False),
        transcriber=FakeTranscriber(),  # type: ignore[arg-type]
    )


def test_history_screen(history: None, snap_compare: Any) -> None:
    assert snap_compare(_app(), press=["h"], terminal_size=(80, 24))


def test_session_screen(history: None, snap_compare: Any) -> None:
    assert snap_compare(_app(), press=["h", "enter"], terminal_size=(80, 24))
