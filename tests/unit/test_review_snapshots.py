"""The review screens as the user sees them at 80x24, checked against saved snapshots.

Update after an intended change: ``scripts/test tests/unit/test_review_snapshots.py
--snapshot-update``, then look at the SVGs in the report before committing them.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen

from voice_coach import store as store_module
from voice_coach.attempts import Status
from voice_coach.config import Settings
from voice_coach.practice import PracticeSession
from voice_coach.questions import Question, parse_question_set
from voice_coach.scoring import score_answer
from voice_coach.store import Store
from voice_coach.tui.app import VoiceCoachApp
from voice_coach.tui.services import Services

QUESTION = "Tell me about a time you improved a process."
WEAK = "I always work hard and I think we would usually get things done as a team."
STRONG = (
    "Last spring our release checks took two days. I wrote a script that ran them in parallel "
    "and I trained the team to use it. As a result releases went out in three hours."
)
LONG = (
    "Tell me about a time you had to give a customer news they did not want to hear after "
    "weeks of waiting, and what you did to keep their trust afterwards."
)


class FakeTranscriber:
    """Stands in for the model: the review screens never transcribe."""

    name = "fake"
    loaded = True

    def load(self) -> None:
        pass


def _answer(store: Store, session_id: int, text: str, duration_s: float) -> None:
    attempt_id, _audio = store.start_attempt(
        session_id, Question(id="improved-process", text=QUESTION)
    )
    store.complete_attempt(
        attempt_id,
        status=Status.TYPED,
        transcript=text,
        transcript_json=None,
        score=score_answer(text, question=QUESTION, duration_s=duration_s),
        duration_s=duration_s,
        keep_audio=False,
    )


def _skip(store: Store, session_id: int) -> None:
    """A long question passed over without a word: skipped, not weak."""
    attempt_id, _audio = store.start_attempt(session_id, Question(id="news", text=LONG))
    store.complete_attempt(
        attempt_id,
        status=Status.NO_SPEECH,
        transcript="",
        transcript_json=None,
        score=None,
        duration_s=6.0,
        keep_audio=False,
    )


def _on(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    """Everything saved from now on is saved at 09:30 UTC on ``day``."""
    monkeypatch.setattr(store_module, "_now", lambda: f"{day}T09:30:00+00:00")


@pytest.fixture
def history(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sessions on fixed dates: a weak answer, then a better one and a skipped question."""
    for day, text, seconds in (("2026-11-20", WEAK, 20.0), ("2026-11-22", STRONG, 35.0)):
        _on(monkeypatch, day)
        store = Store()
        session_id = store.create_session("second-interview", "Second interview")
        _answer(store, session_id, text, seconds)
        if text is STRONG:
            _skip(store, session_id)
        store.finish_session(session_id)
        store.close()


def _app() -> VoiceCoachApp:
    return VoiceCoachApp(
        settings=Settings(speak_questions=False),
        transcriber=FakeTranscriber(),  # type: ignore[arg-type]
    )


class Bare(App[None]):
    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self.first = screen

    def on_mount(self) -> None:
        self.push_screen(self.first)


async def _settled(pilot: Any) -> None:
    """The speech model's worker done, so the status line reads the same every run."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
def test_home_screen(size: tuple[int, int], snap_compare: Any) -> None:
    """Each set's whole description, wrapped; every key named in the footer, Enter too."""
    assert snap_compare(_app(), terminal_size=size, run_before=_settled)


def test_history_screen(history: None, snap_compare: Any) -> None:
    assert snap_compare(_app(), press=["h"], terminal_size=(80, 24))


def test_session_screen(history: None, snap_compare: Any) -> None:
    assert snap_compare(_app(), press=["h", "enter"], terminal_size=(80, 24))


def test_attempts_side_by_side(history: None, snap_compare: Any) -> None:
    assert snap_compare(_app(), press=["h", "enter", "c"], terminal_size=(80, 24))


def test_progress_screen(history: None, snap_compare: Any) -> None:
    assert snap_compare(_app(), press=["g"], terminal_size=(80, 24))


def test_summary_screen(monkeypatch: pytest.MonkeyPatch, snap_compare: Any) -> None:
    """Every try at each question, the last marked; the title counts the last ones."""
    from voice_coach.tui.screens import SummaryScreen

    _on(monkeypatch, "2026-12-01")
    store = Store()
    question_set = parse_question_set(
        f'''name = "two"
title = "Second interview"
[[questions]]
id = "improved-process"
text = "{QUESTION}"
expects = ["example"]
[[questions]]
id = "news"
text = "{LONG}"
''',
        "two.toml",
    )
    session = PracticeSession(question_set, store)
    session.finish_typed(WEAK)
    session.finish_typed(STRONG)
    session.next_question()
    session.finish_typed("I told them straight away and I called them every week after that.")
    session.finish()
    services = Services(
        store=store,
        transcriber=FakeTranscriber(),  # type: ignore[arg-type]
        voice=None,  # type: ignore[arg-type]  # the summary speaks nothing
        settings=Settings(speak_questions=False),
    )
    assert snap_compare(Bare(SummaryScreen(session, services)), terminal_size=(80, 24))


async def test_what_changed_between_attempts(history: None) -> None:
    from tests.helpers import rendered_text
    from voice_coach.tui.history import AttemptsScreen

    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen)
        changes = rendered_text(app.screen.query_one("#changes").content)
        assert "▲ example added" in changes, changes
        assert str(app.screen.query_one("#before-box").border_title) == "Attempt 1"
        await pilot.press("up")  # the first attempt has nothing before it
        await pilot.pause()
        first = rendered_text(app.screen.query_one("#changes").content)
        assert "The first attempt" in first


async def test_progress_per_question(history: None) -> None:
    from textual.widgets import DataTable

    from voice_coach.tui.history import ProgressScreen

    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        table = app.screen.query_one("#question-table", DataTable)
        assert table.row_count == 2
        row = [cell.plain for cell in table.get_row_at(1)]
        assert row[:3] == [QUESTION, "2", "✘✔"]  # two tries: needs work, then good
        assert row[4] == "48 → 58"  # words per minute, oldest first
        skipped = [cell.plain for cell in table.get_row_at(0)]
        assert skipped[:3] == [LONG, "1", "—"]  # whole, and a skip is not a weak answer


async def test_home_keys_open_settings_and_palette_lists_actions(history: None) -> None:
    from voice_coach.tui.screens import HomeScreen
    from voice_coach.tui.settings import SettingsScreen

    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"History", "Progress", "Mic check", "Settings"} <= titles
        assert "Practise: second-interview" in titles
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
