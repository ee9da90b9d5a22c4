"""The story bank in the app: the stories with what each shows, one story to read and
edit, removal after a yes, export to a file; and a small panel the practice screen can
show before an answer ("Stories that fit this question").

Every screen is handed the :class:`Services` it works with; stories are read and written
through :class:`~voice_coach.story_bank.StoryBank` on the store, as the CLI does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, SelectionList, Static, TextArea

from voice_coach.attempts import Attempt
from voice_coach.errors import VoiceCoachError
from voice_coach.store import Store
from voice_coach.stories import Story, Tag, stories_for, stories_markdown
from voice_coach.story_bank import StoryBank, job_requirement_texts
from voice_coach.tui.services import Services
from voice_coach.tui.tables import Row, WrappingTable
from voice_coach.tui.widgets import Confirm, report_problem

STORY_COLUMNS = ("#", "Story · what it shows")


def story_rows(stories: Sequence[Story]) -> list[Row]:
    """One row a story: its number, then its title with what it shows on the line below
    (one wrapping column: side by side, the tags left the title a word a line at 80)."""
    return [(str(s.id), (str(s.id), f"{s.title}\n  {s.tag_words}")) for s in stories]


# --- "Stories that fit this question": for the practice screen ---------------------------


def fitting_stories(question: str, stories: Sequence[Story], limit: int = 3) -> Text:
    """The titles of the banked stories that fit a question, best first, to glance at before
    answering; an empty text when none fits (nothing is better than a wrong hint)."""
    found = stories_for(question, stories, limit=limit)
    if not found:
        return Text("")
    text = Text("Stories that fit this question:", style="bold")
    for story, _ in found:
        text.append("\n  • ")
        text.append(story.title)
        if story.tags:
            text.append(f"  ({story.tag_words})", style="dim")
    return text


class StoriesHint(Static):
    """A few lines naming the banked stories that fit the question on screen.

    Self-contained: the practice screen mounts one and calls :meth:`show_for` with each
    new question; it hides itself when no story fits.
    """

    DEFAULT_CSS = """
    StoriesHint { height: auto; padding: 0 1; color: $text-muted; }
    StoriesHint.-empty { display: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False, classes="-empty")

    def show_for(self, question: str, stories: Sequence[Story], limit: int = 3) -> None:
        text = fitting_stories(question, stories, limit)
        self.update(text)
        self.set_class(not text.plain, "-empty")


# --- The list -------------------------------------------------------------------------


class StoriesScreen(Screen[None]):
    """The banked stories, each with what it shows; open one to read or edit it."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="stories-open", key_display="enter", priority=True),
        Binding("n", "new", "New story", id="stories-new"),
        Binding("d", "delete", "Remove", id="stories-delete"),
        Binding("x", "export", "Export", id="stories-export"),
        Binding("escape", "app.pop_screen", "Back", id="stories-back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.bank = StoryBank(services.store)
        self.stories: list[Story] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Your stories, told once and well. Save one from an answer with "
            "voice-coach stories save, or press n to write one.",
            id="stories-intro",
            markup=False,
        )
        yield WrappingTable(id="stories")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Story bank"
        self.refresh_list()
        self.query_one("#stories", WrappingTable).focus()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        try:
            self.stories = self.bank.all()
        except Exception as exc:
            report_problem(self, exc, "Cannot read the story bank")
            self.stories = []
        table = self.query_one("#stories", WrappingTable)
        cursor = table.cursor_row if table.row_count else 0
        table.fill(STORY_COLUMNS, story_rows(self.stories), wrap=1, cursor=cursor)

    def _current(self) -> Story | None:
        table = self.query_one("#stories", WrappingTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((s for s in self.stories if str(s.id) == key), None)

    def action_open(self) -> None:
        story = self._current()
        if story is not None:
            self.app.push_screen(StoryScreen(self.services, story))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_new(self) -> None:
        self.app.push_screen(StoryScreen(self.services, None))

    def action_delete(self) -> None:
        story = self._current()
        if story is None or story.id is None:
            return
        number = story.id

        def answered(remove: bool | None) -> None:
            if not remove:
                return
            try:
                self.bank.delete(number)
            except Exception as exc:
                report_problem(self, exc, "Story not removed")
                return
            self.notify(f"Removed “{story.title}”.", markup=False)
            self.refresh_list()

        self.app.push_screen(
            Confirm(
                f"Remove the story “{story.title}”?"
                + (
                    " The answer it came from stays in your history."
                    if story.source_attempt_id
                    else ""
                )
            ),
            answered,
        )

    def action_export(self) -> None:
        def chosen(path: str | None) -> None:
            if path:
                self._export(Path(path).expanduser(), list(self.stories))

        self.app.push_screen(ExportStories(), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="stories-export")
    def _export(self, path: Path, stories: list[Story]) -> None:
        """Written in a worker: a slow or full disk never freezes the screen."""
        import json

        from voice_coach.errors import InputError
        from voice_coach.export import EXPORT_MODE
        from voice_coach.safety import refuse_app_data, write_atomic

        try:
            if path.exists():
                raise InputError(f"{path} exists already; choose another name")
            refuse_app_data(path)
            if path.suffix.lower() == ".json":
                text = json.dumps([s.to_dict() for s in stories], indent=2) + "\n"
            else:
                text = stories_markdown(stories)
            write_atomic(path, text, overwrite=False, mode=EXPORT_MODE)
        except Exception as exc:
            self.app.call_from_thread(report_problem, self, exc, "Stories not exported")
            return
        n = len(stories)
        written = f"{n} {'story' if n == 1 else 'stories'} written to {path}."
        self.app.call_from_thread(lambda: self.notify(written, markup=False))


# --- One story --------------------------------------------------------------------------


class StoryScreen(Screen[None]):
    """One story to read and edit: its title, situation, action, result and what it shows."""

    DEFAULT_CSS = """
    StoryScreen #story-form { padding: 0 1; height: 1fr; }
    StoryScreen Label { text-style: bold; margin-top: 1; }
    StoryScreen TextArea { height: 4; }
    StoryScreen SelectionList { height: auto; max-height: 11; }
    StoryScreen #story-supports { color: $text-muted; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="story-save"),
        Binding("escape", "leave", "Back", id="story-back"),
    ]

    def __init__(self, services: Services, story: Story | None) -> None:
        super().__init__()
        self.bank = StoryBank(services.store)
        self.story = story
        """None for a new story."""

    def compose(self) -> ComposeResult:
        story = self.story
        yield Header()
        with VerticalScroll(id="story-form"):
            yield Label("Title")
            yield Input(story.title if story else "", id="story-title", placeholder="A few words")
            for name, hint in (
                ("situation", "Where and when, and what was at stake"),
                ("action", "What you did yourself"),
                ("result", "What came of it: a number if there is one"),
            ):
                yield Label(f"{name.capitalize()} · {hint}")
                yield TextArea(story.parts[name] if story else "", id=f"story-{name}")
            yield Label("What it shows")
            yield SelectionList[str](
                *((t.label, str(t), bool(story and t in story.tags)) for t in Tag),
                id="story-tags",
            )
            if story and story.supports:
                yield Static(
                    "Evidence for: " + "; ".join(story.supports), id="story-supports", markup=False
                )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Story #{self.story.id}" if self.story else "New story"
        self.query_one("#story-title", Input).focus()

    def _edited(self) -> Story:
        parts = {
            name: self.query_one(f"#story-{name}", TextArea).text
            for name in ("situation", "action", "result")
        }
        title = self.query_one("#story-title", Input).value
        tags = self.query_one("#story-tags", SelectionList).selected
        base = self.story.model_dump() if self.story else {}
        return Story.model_validate({**base, **parts, "title": title, "tags": tags})

    def _changed(self) -> bool:
        try:
            edited = self._edited()
        except ValidationError:
            return True
        return self.story is None or edited != self.story

    def action_save(self) -> None:
        try:
            edited = self._edited()
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(p) for p in problem["loc"]) or "story"
            message = problem["msg"].removeprefix("Value error, ")
            self.notify(f"{where}: {message}", title="Not saved", severity="error", markup=False)
            return
        try:
            saved = self.bank.update(edited) if self.story else self.bank.add(edited)
        except Exception as exc:
            report_problem(self, exc, "Story not saved")
            return
        self.story = saved
        self.sub_title = f"Story #{saved.id}"
        self.notify(f"Saved “{saved.title}”.", markup=False)

    def action_leave(self) -> None:
        if not self._changed() or (self.story is None and not self._has_words()):
            self.app.pop_screen()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.app.pop_screen()

        self.app.push_screen(Confirm("Leave without saving your changes?"), answered)

    def _has_words(self) -> bool:
        return any(
            self.query_one(f"#story-{n}", TextArea).text.strip()
            for n in ("situation", "action", "result")
        ) or bool(self.query_one("#story-title", Input).value.strip())


# --- Small dialogs ------------------------------------------------------------------------


class ExportStories(ModalScreen[str | None]):
    """Where to write the stories: a Markdown file, or JSON when the name ends in .json."""

    DEFAULT_CSS = """
    ExportStories { align: center middle; }
    ExportStories > Vertical {
        width: 70; height: auto; border: thick $accent; background: $surface; padding: 1 2;
    }
    """

    BINDINGS = [
        Binding("enter", "write", "Write", id="export-write", key_display="enter", priority=True),
        Binding("escape", "dismiss(None)", "Cancel", id="export-cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "Write your stories to a file (Markdown; JSON if the name ends in .json). "
                "Only you can read it.",
                markup=False,
            )
            yield Input(str(Path("~") / "my-stories.md"), id="export-path")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def action_write(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        self.dismiss(path or None)


def bank_answer(screen: Screen[None], store: Store, attempt: Attempt) -> None:
    """Save the story an answer told, marked with the saved job's requirements it proves,
    in a worker (reading the job is a parse), and say how it went on ``screen``: the
    story's title, or what the answer lacks for one. The practice feedback and history
    both bank this way."""

    def bank() -> None:
        try:
            story = StoryBank(store).save_from(attempt, job_requirement_texts())
        except VoiceCoachError as exc:
            screen.app.call_from_thread(screen.notify, str(exc), title="Not banked", markup=False)
            return
        except Exception as exc:
            screen.app.call_from_thread(report_problem, screen, exc, "Story not banked")
            return
        screen.app.call_from_thread(
            screen.notify, f"Banked as story {story.id}: {story.title}", title="Story", markup=False
        )

    screen.run_worker(bank, thread=True, exclusive=True, exit_on_error=False, group="bank")
