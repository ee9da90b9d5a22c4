"""Preparing for the day, as the advice orders it: the people, the CV against the job,
questions from the notes of the first interview, the stories, and the brief to print.

One screen lists them, so the home screen needs one key for all of it; each opens its
own screen. Making a set from notes lives here, being one form.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from voice_coach.errors import explain, log_error
from voice_coach.tui.messages import PracticeRequested
from voice_coach.tui.services import Services
from voice_coach.tui.widgets import set_label

PARTS: tuple[tuple[str, str, str], ...] = (
    (
        "people",
        "The people who will interview you",
        "Your research on each one, the questions they are likely to ask, what to ask them; "
        "a practice set in their words.",
    ),
    (
        "cv",
        "Your CV against the job",
        "Each requirement with strong, thin or no evidence on your CV; a practice set that "
        "probes every number, date and claim.",
    ),
    (
        "notes",
        "Questions from your notes of the first interview",
        "The questions you were asked last time, to rehearse the ones you struggled with.",
    ),
    (
        "stories",
        "Your stories",
        "The accomplishments you will tell, with what each shows and the requirements it "
        "proves.",
    ),
    (
        "brief",
        "The brief for the day",
        "One page to print: the people and what to ask them, your stories, your answers to "
        "the hard questions, and the close.",
    ),
)


class PrepareScreen(Screen[None]):
    """Everything to prepare before the day, one entry per part of the advice."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="prepare-open", key_display="enter", priority=True),
        Binding("escape", "app.pop_screen", "Back", id="prepare-hub-back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Prepare the way the advice says: research who interviews you, know your CV in "
            "fine detail, and come with examples of what you achieved.",
            id="prepare-intro",
        )
        options = [
            Option(set_label(title, about), id=part)
            for part, title, about in PARTS
        ]
        yield OptionList(*options, id="prepare-parts")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Prepare"
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open(event.option.id)

    def action_open(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id:
                self.open(option.id)

    def open(self, part: str) -> None:
        """Open a part's screen; imported here, so the home screen starts without them."""
        if part == "people":
            from voice_coach.tui.people import PeopleScreen

            self.app.push_screen(PeopleScreen(self.services))
        elif part == "cv":
            from voice_coach.tui.prepare_cv import PrepareCvScreen

            self.app.push_screen(PrepareCvScreen(self.services))
        elif part == "notes":
            self.app.push_screen(NotesImportScreen(self.services))
        elif part == "stories":
            from voice_coach.tui.stories import StoriesScreen

            self.app.push_screen(StoriesScreen(self.services))
        elif part == "brief":
            from voice_coach.tui.brief import BriefScreen

            self.app.push_screen(BriefScreen(self.services))


class NotesSetMade(Message):
    """A set was made from the notes (``set_name``), or could not be (``error``)."""

    def __init__(self, set_name: str | None, count: int = 0, error: str | None = None) -> None:
        super().__init__()
        self.set_name = set_name
        self.count = count
        self.error = error


class NotesImportScreen(Screen[None]):
    """Questions from the notes taken after a first interview, as a set to practise:
    one question per line or a Markdown list; asides in brackets become notes."""

    BINDINGS = [
        Binding("ctrl+s", "make", "Make the set", id="notes-make", priority=True),
        Binding("ctrl+o", "practise", "Practise it", id="notes-practise"),
        Binding("escape", "app.pop_screen", "Back", id="notes-back"),
    ]

    DEFAULT_CSS = """
    NotesImportScreen #notes-form { padding: 1 2; height: auto; }
    NotesImportScreen Label { margin-top: 1; }
    NotesImportScreen #notes-result { padding: 1 2; }
    NotesImportScreen #notes-result.-error { color: $error; }
    """

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.made: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="notes-form"):
            yield Label("Your notes file (text, Markdown or PDF):")
            yield Input(placeholder="for example ~/notes/first-interview.md", id="notes-path")
            yield Label("Name of the new set (letters, digits and dashes):")
            yield Input("first-interview", id="notes-name", restrict=r"[a-z0-9-]*")
        yield Static("", id="notes-result", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Questions from your notes"
        self.query_one("#notes-path").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "notes-path":
            self.query_one("#notes-name").focus()
        else:
            self.action_make()

    def action_make(self) -> None:
        raw = self.query_one("#notes-path", Input).value.strip()
        name = self.query_one("#notes-name", Input).value.strip()
        if not raw:
            self._said("Give the file your notes are in.", error=True)
            return
        self._said("Reading your notes…")
        self.make(Path(raw).expanduser(), name)

    @work(thread=True, exclusive=True, exit_on_error=False, group="notes")
    def make(self, path: Path, name: str) -> None:
        from voice_coach.authoring import import_notes, save_user_set
        from voice_coach.cv import read_document

        try:
            made = import_notes(read_document(path), name)
            save_user_set(made)
        except Exception as exc:
            problem = explain(exc)
            if not problem.expected:
                log_error(exc)
            self.post_message(NotesSetMade(None, error=problem.message))
            return
        self.post_message(NotesSetMade(made.name, len(made.questions)))

    def on_notes_set_made(self, message: NotesSetMade) -> None:
        if message.error:
            self._said(message.error, error=True)
            return
        self.made = message.set_name
        self._said(
            f"Saved {message.count} question(s) as the set {message.set_name}: it is on the "
            "home list. ctrl+o practises it now."
        )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practise":
            return self.made is not None
        return True

    def action_practise(self) -> None:
        if self.made is not None:
            self.post_message(PracticeRequested(self.made))

    def _said(self, text: str, *, error: bool = False) -> None:
        result = self.query_one("#notes-result", Static)
        result.update(text)
        result.set_class(error, "-error")
