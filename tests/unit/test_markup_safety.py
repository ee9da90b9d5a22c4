"""A user's text is shown as it was written, never read as markup, and never ends the app.

Set titles, interviewer names, questions, answers and the names of files all come
from the user; "[/b]" or "[bold]" in any of them once ended the app with a
traceback. Each case runs the real app through a pilot and reads the screen.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.console import Console
from rich.text import Text
from textual.app import App
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Select, Static

from tests.helpers import wait_for
from voice_coach.attempts import Status
from voice_coach.audio.capture import AudioSource
from voice_coach.config import Settings
from voice_coach.questions import Question, user_dir
from voice_coach.speech.tts import Voice
from voice_coach.store import Store
from voice_coach.tui.app import VoiceCoachApp
from voice_coach.tui.practice import PracticeScreen
from voice_coach.tui.screens import HomeScreen
from voice_coach.tui.services import Services

MARKUP = "x [/] y [/bold] [b]z[/b] [link=file:///]"
"""Closing tags with nothing open, a style that would hide its brackets, a link."""


class FakeTranscriber:
    name = "fake"
    loaded = True

    def load(self) -> None:
        pass


def _app(start_set: str | None = None) -> VoiceCoachApp:
    return VoiceCoachApp(
        settings=Settings(speak_questions=False),
        start_set=start_set,
        typed=True,
        transcriber=FakeTranscriber(),  # type: ignore[arg-type]
    )


def _services(settings: Settings | None = None) -> Services:
    """What a screen run on its own is handed: a store in the test's home, no model."""
    settings = settings or Settings(speak_questions=False)
    return Services(
        store=Store(),
        transcriber=FakeTranscriber(),  # type: ignore[arg-type]
        voice=Voice(settings.voice, settings.speech_rate, settings.output_device),
        settings=settings,
    )


def _write_set(name: str = "odd") -> Path:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(
        f"""name = "{name}"
title = "Title {MARKUP}"
description = "About {MARKUP}"

[[interviewers]]
id = "boss"
name = "Boss {MARKUP}"
role = "Role {MARKUP}"

[[questions]]
id = "q1"
text = "Question {MARKUP}?"
interviewer = "boss"
"""
    )
    return path


def _plain(content: object) -> str:
    if isinstance(content, str):
        return content  # shown as it is: these widgets never read markup
    if isinstance(content, Text | Content):
        return content.plain
    console = Console(record=True, width=200, color_system=None)
    console.print(content)
    return console.export_text()


def _shown(app: App[None]) -> str:
    """Everything the current screen shows in its text widgets, option lists and tables."""
    parts: list[str] = []
    for widget in app.screen.query(Widget):
        if isinstance(widget, Static):
            parts.append(_plain(widget.content))
        elif isinstance(widget, OptionList):
            for i in range(widget.option_count):
                parts.append(_plain(widget.get_option_at_index(i).prompt))
        elif isinstance(widget, DataTable):
            for r in range(widget.row_count):
                parts += [_plain(cell) for cell in widget.get_row_at(r)]
    # Without the [S]/[A]/[R] marks the feedback puts into a transcript, which are not markup.
    return re.sub(r"\[[SAR]\]", "", "\n".join(parts))


async def test_a_set_with_markup_in_its_title_lists_as_written() -> None:
    _write_set()
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        options = app.screen.query_one("#sets", OptionList)
        count = options.option_count
        prompts = [_plain(options.get_option_at_index(i).prompt) for i in range(count)]
        assert any(f"Title {MARKUP}" in p for p in prompts), prompts
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert any("odd" in t for t in titles)
        # The command palette shows every set by name: it opens and lists without a crash.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_interviewer_and_question_with_markup_show_literally() -> None:
    _write_set()
    app = _app(start_set="odd")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), 10, "practice")
        await wait_for(pilot, lambda: f"Question {MARKUP}?" in _shown(app), 10, "the question")
        shown = _shown(app)
        assert f"Boss {MARKUP}, Role {MARKUP}" in shown
        # An answer with markup in it, typed, scored and shown back as written.
        screen = app.screen
        await wait_for(pilot, lambda: screen.state == "typing", 10, "the answer box")
        typed = screen.query_one("#typed")
        typed.value = f"I said {MARKUP} to them."  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_for(pilot, lambda: f"I said {MARKUP} to them." in _shown(app), 20, "feedback")
        await pilot.press("f")
        await wait_for(pilot, lambda: app.screen is not screen, 10, "the summary")
        await wait_for(pilot, lambda: f"Question {MARKUP}?" in _shown(app), 10, "the summary")


async def test_a_set_name_that_is_markup_is_reported_as_written() -> None:
    app = _app(start_set="[/bold]")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        notes = [n.message for n in app._notifications]
        assert any("[/bold]" in n for n in notes), notes


async def test_history_and_progress_show_markup_literally() -> None:
    store = Store()
    sid = store.create_session("odd", f"Title {MARKUP}")
    attempt_id, _ = store.start_attempt(sid, Question(id="q1", text=f"Question {MARKUP}?"))
    store.complete_attempt(
        attempt_id,
        status=Status.TYPED,
        transcript=f"I said {MARKUP}.",
        transcript_json=None,
        score=None,
        duration_s=3.0,
        error=f"Note {MARKUP}",
        keep_audio=False,
    )
    store.finish_session(sid)
    store.close()
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert f"Title {MARKUP}" in _shown(app)
        await pilot.press("enter")
        await pilot.pause()
        shown = _shown(app)
        assert f"Question {MARKUP}?" in shown and f"I said {MARKUP}." in shown
        assert f"Note {MARKUP}" in shown
        await pilot.press("escape", "escape", "g")
        await pilot.pause()
        assert f"Title {MARKUP}" in _shown(app)


async def test_a_set_that_cannot_be_read_is_listed_not_fatal() -> None:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken [b].toml").write_text('name = "broken"\ntitle = [\n')
    (folder / "nul.toml").write_bytes(b"\x00\xff\xfe")
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = _shown(app)
        assert "broken [b]: cannot be used" in shown, shown
        assert "nul: cannot be used" in shown, shown


class Host(App[None]):
    """A bare app, as the screens' own tests use: no notices made plain on their behalf."""

    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self.first = screen

    def on_mount(self) -> None:
        self.push_screen(self.first)


async def test_device_and_voice_names_with_markup_show_literally() -> None:
    from voice_coach.tui.settings import SettingsScreen

    screen = SettingsScreen(_services(Settings(input_device="[/b] mic", voice="[/bold]")))
    app = Host(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = _shown(app)
        assert "[/b] mic" in shown, shown
        labels = [
            _plain(prompt)
            for select in screen.query(Select)
            for prompt, _ in select._options  # what the list offers
        ]
        assert "[/b] mic (from config.toml; not found now)" in labels or any(
            "[/b] mic" in label for label in labels
        ), labels
        assert any("[/bold]" in label for label in labels), labels


async def test_a_microphone_error_quoting_markup_is_shown_literally() -> None:
    from voice_coach.errors import MicrophoneError
    from voice_coach.tui.miccheck import MicCheckScreen

    def broken() -> AudioSource:
        raise MicrophoneError("cannot open the microphone '[/b] USB [red]': device busy")

    screen = MicCheckScreen(_services(), 0.2, 0.2, source_factory=broken)
    app = Host(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.state == "failed"
        assert "'[/b] USB [red]': device busy" in _shown(app)


async def test_a_user_set_named_like_a_review_set_does_not_break_the_list() -> None:
    store = Store()
    store.mark_struggled("second-interview", "q", "A question?")
    store.close()
    _write_set("struggled")
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = _shown(app)
        assert "struggled: cannot be used" in shown and "Questions I struggled with" in shown
