"""The story bank screens under Pilot, at 80x24, in a bare app that knows nothing of
voice_coach: list, open and edit, write a new one, remove after a yes, export; the
"stories that fit" panel; and the feedback's story-bank note."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, SelectionList, TextArea

from voice_coach.config import Settings
from voice_coach.practice import PracticeSession
from voice_coach.questions import parse_question_set
from voice_coach.store import Store
from voice_coach.stories import Story, Tag
from voice_coach.story_bank import StoryBank, reuse_of
from voice_coach.tui.feedback import feedback
from voice_coach.tui.services import Services
from voice_coach.tui.stories import (
    Confirm,
    StoriesHint,
    StoriesScreen,
    StoryScreen,
    fitting_stories,
)
from voice_coach.tui.tables import WrappingTable

SIZE = (80, 24)
CLOSE = Story(
    title="Cut the month-end close from ten days to four at a logistics firm",
    situation="Last year the month-end close took ten days and the auditors complained.",
    action="I automated the bank reconciliations with a script and moved approvals online.",
    result="We closed in four days and the auditors signed off with no findings.",
    tags=(Tag.TECHNICAL, Tag.IMPROVEMENT, Tag.NUMBERS),
)
ROTA = Story(
    title="Settled a rota dispute between two team leads",
    situation="Two of my team leads argued about the night rota every week.",
    action="I listened to each of them, then we rebuilt the rota together with rules for swaps.",
    result="The arguments stopped and sickness fell by a third.",
    tags=(Tag.CONFLICT, Tag.LEADERSHIP),
)


class StubTranscriber:
    name = "stub"
    loaded = True

    def load(self) -> None:
        pass


class StubVoice:
    def speak(self, text: str, stop: threading.Event | None = None) -> None:
        pass


@pytest.fixture
def services(tmp_path: Path) -> Services:
    store = Store(tmp_path / "store")
    bank = StoryBank(store)
    bank.add(CLOSE)
    bank.add(ROTA)
    return Services(
        store=store,
        transcriber=StubTranscriber(),  # type: ignore[arg-type]
        voice=StubVoice(),  # type: ignore[arg-type]
        settings=Settings(speak_questions=False),
        typed=True,
    )


class Bare(App[None]):
    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self.first = screen

    def on_mount(self) -> None:
        self.push_screen(self.first)


async def test_the_list_shows_each_story_with_what_it_shows_within_80_columns(
    services: Services,
) -> None:
    app = Bare(StoriesScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#stories", WrappingTable)
        assert table.row_count == 2
        first = [str(c) for c in table.get_row_at(0)]
        assert first[1].splitlines() == [
            CLOSE.title,
            "  technical win, change and improvement, numbers and cost",
        ]
        assert table.region.right <= SIZE[0] and table.region.bottom <= SIZE[1] - 1
        keys = {k for k, b in app.screen.active_bindings.items() if b.binding.show}
        assert {"enter", "n", "d", "x", "escape"} <= keys


async def test_open_edit_and_save_a_story(services: Services) -> None:
    app = Bare(StoriesScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        assert screen.query_one("#story-result", TextArea).text == ROTA.result
        assert screen.query_one("#story-tags", SelectionList).selected == ["leadership", "conflict"]
        screen.query_one("#story-title", Input).value = "Ended a rota feud between two leads"
        screen.query_one("#story-tags", SelectionList).select("teamwork")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # saved: leaves without asking
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        table = app.screen.query_one("#stories", WrappingTable)
        assert str(table.get_row_at(1)[1]).startswith("Ended a rota feud between two leads\n")
    saved = StoryBank(services.store).require(2)
    assert saved.title == "Ended a rota feud between two leads"
    assert saved.tags == (Tag.LEADERSHIP, Tag.CONFLICT, Tag.TEAMWORK)
    assert saved.result == ROTA.result


async def test_unsaved_changes_are_not_dropped_without_asking(services: Services) -> None:
    app = Bare(StoriesScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#story-title", Input).value = "Something else"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        # An empty title is refused in words, and nothing is saved.
        app.screen.query_one("#story-title", Input).value = "  "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert StoryBank(services.store).require(1).title == CLOSE.title


async def test_write_a_new_story(services: Services) -> None:
    app = Bare(StoriesScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StoryScreen) and screen.sub_title == "New story"
        screen.query_one("#story-title", Input).value = "Won back a lost client"
        screen.query_one("#story-result", TextArea).text = "They renewed for two more years."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.sub_title == "Story #3"
    assert StoryBank(services.store).require(3).result == "They renewed for two more years."


async def test_remove_asks_first(services: Services) -> None:
    app = Bare(StoriesScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert len(StoryBank(services.store).all()) == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [s.title for s in StoryBank(services.store).all()] == [ROTA.title]
        assert app.screen.query_one("#stories", WrappingTable).row_count == 1


async def test_export_writes_the_stories_to_the_file_named(
    services: Services, tmp_path: Path
) -> None:
    target = tmp_path / "mine.md"
    app = Bare(StoriesScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        text = target.read_text()
        assert text.startswith("# My stories") and f"## {ROTA.title}" in text
        # Never over an existing file.
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_text() == text


class HintApp(App[None]):
    def compose(self) -> ComposeResult:
        yield StoriesHint(id="hint")


async def test_the_hint_names_the_stories_that_fit_and_hides_otherwise() -> None:
    stories = [CLOSE.model_copy(update={"id": 1}), ROTA.model_copy(update={"id": 2})]
    app = HintApp()
    async with app.run_test(size=SIZE) as pilot:
        hint = app.query_one(StoriesHint)
        hint.show_for("Tell me about a time you disagreed with a colleague.", stories)
        await pilot.pause()
        assert hint.display and "-empty" not in hint.classes
        shown = fitting_stories("Tell me about a time you disagreed with a colleague.", stories)
        assert shown.plain.splitlines() == [
            "Stories that fit this question:",
            f"  • {ROTA.title}  (leadership, conflict)",
        ]
        hint.show_for("What would you do in your first ninety days?", stories)
        await pilot.pause()
        assert "-empty" in hint.classes and not hint.region.height


def test_feedback_shows_a_retold_story_apart(tmp_path: Path) -> None:
    store = Store(tmp_path)
    StoryBank(store).add(CLOSE)
    question_set = parse_question_set(
        'name = "s"\ntitle = "S"\n[[questions]]\nid = "q"\n'
        'text = "Tell me about a time you improved a process."\n',
        "s.toml",
    )
    session = PracticeSession(question_set, store)
    attempt = session.finish_typed(
        "So, um, at the logistics firm the month-end close was taking ten days and the "
        "auditors complained. I automated the bank reconciliations with a script and moved "
        "the approvals online. After that we closed much faster."
    )
    reuse = reuse_of(store, attempt)
    assert reuse is not None
    console = Console(width=80, record=True)
    console.print(feedback(attempt, reuse=reuse))
    text = console.export_text()
    assert "From your story bank" in text
    assert "re-tells your banked story" in text and "four days" in text
    console = Console(width=80, record=True)
    console.print(feedback(attempt))
    assert "story bank" not in console.export_text()


async def test_a_title_with_markup_in_it_shows_as_written(services: Services) -> None:
    bank = StoryBank(services.store)
    odd = bank.add(Story(title="[/b]Fixed the [red]export", result="It [b]worked[/b]."))
    app = Bare(StoriesScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#story-title", Input).value == odd.title
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = [n for n in app._notifications if odd.title in n.message]
        assert saved and not any(n.markup for n in saved)  # shown as written
        await pilot.press("escape", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert odd.id not in [s.id for s in bank.all()]
