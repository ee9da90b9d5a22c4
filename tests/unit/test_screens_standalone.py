"""Every screen runs on the services it is handed, in a bare app, at 80x24.

A screen that needs the whole app to run (its store, its settings, its voice) cannot be
tested alone, and ties the screens to the app in a circle. Here each screen is given a
:class:`Services` over a store in ``tmp_path``, with stand-ins for the speech model and
the voice, and pushed onto an ``App`` that knows nothing of voice_coach. What they show
is checked too: words, not codes; whole questions; columns that fit 80 columns.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, OptionList

from voice_coach.attempts import Attempt, Status
from voice_coach.config import Settings
from voice_coach.practice import PracticeSession
from voice_coach.questions import QuestionSet, parse_question_set
from voice_coach.store import Store
from voice_coach.tui.history import AttemptsScreen, HistoryScreen, ProgressScreen, SessionScreen
from voice_coach.tui.messages import PracticeRequested, SettingsSaved
from voice_coach.tui.miccheck import MicCheckScreen
from voice_coach.tui.practice import PracticeScreen
from voice_coach.tui.screens import HomeScreen, SummaryScreen
from voice_coach.tui.services import Services
from voice_coach.tui.settings import SettingsScreen

LONG = (
    "Tell me about a time you had to give a customer news they did not want to hear after "
    "weeks of waiting, and what you did to keep their trust afterwards."
)
SET = f"""
name = "standalone"
title = "Standalone screens"
[[questions]]
id = "improved"
text = "Tell me about a time you improved a process."
expects = ["example"]
[[questions]]
id = "news"
text = "{LONG}"
expects = ["example"]
"""
WEAK = "I always work hard and I think we would usually get things done as a team."
STRONG = (
    "Last spring our release checks took two days. I wrote a script that ran them in parallel "
    "and I trained the team to use it. As a result releases went out in three hours."
)
SIZE = (80, 24)


class StubTranscriber:
    """The speech model, never needed by these screens: answers are typed."""

    name = "stub"
    loaded = True

    def load(self) -> None:
        pass


class StubVoice:
    """The interviewer's voice: records what it was asked to say."""

    spec = "stub"
    notice = None

    def __init__(self) -> None:
        self.said: list[str] = []
        self.prepared: list[str] = []

    def speak(self, text: str, stop: threading.Event | None = None) -> None:
        self.said.append(text)

    def prepare(self, text: str) -> None:
        self.prepared.append(text)

    def with_voice(self, voice: str | None) -> StubVoice:
        return self


@dataclass
class World:
    services: Services
    question_set: QuestionSet
    session: PracticeSession
    """A finished session: two tries at the first question, nothing said to the second."""
    skipped: Attempt


@pytest.fixture
def world(tmp_path: Path) -> World:
    store = Store(tmp_path / "store")
    question_set = parse_question_set(SET, "standalone.toml")
    session = PracticeSession(question_set, store)
    session.finish_typed(WEAK)
    session.finish_typed(STRONG)
    assert session.next_question()
    attempt_id, _ = store.start_attempt(session.session_id, session.question)
    skipped = store.complete_attempt(
        attempt_id,
        status=Status.NO_SPEECH,
        transcript="",
        transcript_json=None,
        score=None,
        duration_s=6.0,
        keep_audio=False,
    )
    session.attempts.append(skipped)  # as a spoken answer with nothing in it ends
    session.finish()
    services = Services(
        store=store,
        transcriber=StubTranscriber(),  # type: ignore[arg-type]
        voice=StubVoice(),  # type: ignore[arg-type]
        settings=Settings(speak_questions=False),
        typed=True,
    )
    return World(services, question_set, session, skipped)


class Bare(App[None]):
    """An app that knows nothing of voice_coach: it shows one screen and keeps the
    messages that screens send up to it."""

    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self.first = screen
        self.received: list[Message] = []

    def on_mount(self) -> None:
        self.push_screen(self.first)

    def on_practice_requested(self, message: PracticeRequested) -> None:
        self.received.append(message)

    def on_settings_saved(self, message: SettingsSaved) -> None:
        self.received.append(message)


def _first_typed(world: World) -> Attempt:
    return world.session.attempts[0]


SCREENS: dict[str, Callable[[World], Screen[None]]] = {
    "home": lambda w: HomeScreen(w.services),
    "history": lambda w: HistoryScreen(w.services),
    "session": lambda w: SessionScreen(w.session.session_id, w.services),
    "attempts": lambda w: AttemptsScreen(_first_typed(w), w.services),
    "progress": lambda w: ProgressScreen(w.services),
    "summary": lambda w: SummaryScreen(w.session, w.services),
    "mic check": lambda w: MicCheckScreen(w.services, autostart=False),
    "settings": lambda w: SettingsScreen(w.services),
    "practice": lambda w: PracticeScreen(
        PracticeSession(w.question_set, w.services.store), w.services
    ),
}


def shown(app: App[None]) -> str:
    """The screen as it is drawn, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """Drawn text with the table's cell borders and line ends made single spaces, so a
    question wrapped over several lines reads as one."""
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\s+", " ", " ".join(lines))


def column_text(app: App[None], table: DataTable[object], index: int) -> str:
    """What one column of a table shows, its wrapped lines read one after another."""
    columns = table.ordered_columns
    left = table.region.x + sum(c.get_render_width(table) for c in columns[:index])
    right = left + columns[index].get_render_width(table)
    lines = shown(app).splitlines()[table.region.y + 1 : table.region.bottom]  # no header
    return flat("\n".join(line[left:right] for line in lines))


def assert_tables_fit(app: App[None]) -> None:
    for table in app.screen.query(DataTable):
        assert table.max_scroll_x == 0, f"#{table.id} scrolls sideways at {SIZE}"
        widths = sum(c.get_render_width(table) for c in table.ordered_columns)
        assert widths <= table.scrollable_content_region.width, f"#{table.id} is cut off"


@pytest.mark.parametrize("name", list(SCREENS))
async def test_each_screen_runs_on_its_services_in_a_bare_app(world: World, name: str) -> None:
    screen = SCREENS[name](world)
    app = Bare(screen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        problems = [n.message for n in app._notifications if n.severity == "error"]
        assert problems == []
        assert_tables_fit(app)


async def test_the_summary_lists_every_try_in_words(world: World) -> None:
    app = Bare(SummaryScreen(world.session, world.services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = shown(app)
        # Counted by each question's last answer: the redo was good, the second was skipped.
        assert "1 of 1 answer had what it needed; 1 question skipped" in flat(text), text
        table = app.screen.query_one("#summary-table", DataTable)
        assert table.row_count == 3  # both tries at the first question, and the skip
        tries = [table.get_row_at(r)[1].plain for r in range(table.row_count)]
        assert tries == ["1", "2 (last)", "1"]
        assert "✘ needs work" in text and "✔ good answer" in text
        assert "— skipped: no speech" in text
        assert LONG in flat(text), text  # wrapped, not cut
        assert "typed" in text and "feedback 20" in text  # the detail line of the first row
        await pilot.press("down", "down")
        await pilot.pause()
        detail = flat(shown(app))
        assert "no speech · 0:06" in detail, detail
        assert "no_speech" not in detail and "needs_work" not in detail
        await pilot.press("v")  # the same session's transcripts and recordings
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session_id == world.session.session_id


async def test_session_and_history_show_words_and_whole_questions(world: World) -> None:
    app = Bare(HistoryScreen(world.services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = shown(app)
        assert "Need work" in text and "Skipped" in text and "Flagged" not in text
        row = app.screen.query_one("#sessions", DataTable).get_row_at(0)
        assert [c.plain for c in row[3:]] == ["3", "1", "1"]  # answers, need work, skipped
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        text = shown(app)
        assert LONG in flat(text), text
        assert re.search(r"typed · feedback \d{4}-\d\d-\d\d \d\d:\d\d", text), text
        await pilot.press("down", "down")
        await pilot.pause()
        text = shown(app)
        assert "— skipped: no speech · no speech · 0:06" in text, text
        for code in ("no_speech", "needs_work", "spoken"):
            assert code not in text
        assert_tables_fit(app)


async def test_progress_questions_wrap_whole(world: World) -> None:
    app = Bare(ProgressScreen(world.services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#question-table", DataTable)
        questions = [table.get_row_at(r)[0].plain for r in range(table.row_count)]
        assert LONG in questions
        assert table.region.bottom <= SIZE[1] - 1  # above the footer
        assert LONG in column_text(app, table, 0)
        assert_tables_fit(app)


async def test_home_asks_the_app_to_start_practice(world: World) -> None:
    app = Bare(HomeScreen(world.services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#sets", OptionList)
        wanted = options.get_option_at_index(options.highlighted or 0).id
        await pilot.press("enter")
        await pilot.pause()
        assert [m.set_name for m in app.received if isinstance(m, PracticeRequested)] == [wanted]


async def test_settings_are_sent_to_the_app_not_written_into_it(world: World) -> None:
    from voice_coach.config import load_settings

    app = Bare(SettingsScreen(world.services))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.query_one("#speak-questions").toggle()  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = [m for m in app.received if isinstance(m, SettingsSaved)]
        assert saved.settings.speak_questions is True
        assert load_settings().speak_questions is True


async def test_the_mic_check_speaks_with_the_voice_it_was_given(world: World) -> None:
    app = Bare(MicCheckScreen(world.services, autostart=False))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        voice = world.services.voice
        assert isinstance(voice, StubVoice) and len(voice.said) == 1


async def test_the_app_applies_saved_settings_to_its_services(world: World) -> None:
    from voice_coach.tui.app import VoiceCoachApp

    app = VoiceCoachApp(
        settings=Settings(speak_questions=False),
        store=world.services.store,
        transcriber=StubTranscriber(),  # type: ignore[arg-type]
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        app.services.status.voice_error = "no engine"
        home.post_message(SettingsSaved(Settings(speech_rate=200, voice="gmw/en")))
        await pilot.pause()
        assert app.services.settings.speech_rate == 200
        assert app.services.voice.rate == 200 and app.services.voice.voice == "gmw/en"
        assert app.services.store is world.services.store  # the same store, model, status
        assert app.services.status.voice_error is None  # a new voice gets a new try
        assert home.services is app.services  # what it opens next uses them


async def test_the_app_opens_the_set_the_home_screen_asks_for(world: World) -> None:
    from voice_coach.tui.app import VoiceCoachApp

    app = VoiceCoachApp(
        settings=Settings(speak_questions=False),
        store=world.services.store,
        typed=True,
        transcriber=StubTranscriber(),  # type: ignore[arg-type]
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.post_message(PracticeRequested("second-interview"))
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.services is app.services


async def test_a_wider_terminal_gives_the_question_the_room(world: World) -> None:
    app = Bare(SessionScreen(world.session.session_id, world.services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#answers", DataTable)
        await pilot.press("down", "down")
        narrow = table.ordered_columns[-1].width
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        assert table.ordered_columns[-1].width > narrow
        assert table.cursor_row == 2  # still on the answer that was chosen
        assert_tables_fit(app)
        assert LONG in flat(shown(app))
