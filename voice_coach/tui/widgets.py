"""Small widgets of the practice screen, and how every screen shows the user's text.

Set titles, interviewer names, questions, answers and file names are the user's own
words. Textual reads a plain string as markup in most widgets, so "[/b]" in any of
them would end the app with a traceback: text widgets here are made with
``markup=False``, table cells with :func:`voice_coach.tui.tables.cell`, and problems
are reported with :func:`report_problem`, never raised out of a screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Static

from voice_coach.errors import explain, log_error

if TYPE_CHECKING:  # an annotation; the module brings numpy, imported after the first frame
    from voice_coach.speech.interim import LiveText

METER_WIDTH = 30


class LevelMeter(Static):
    """Microphone level as a bar *and* a number, so it reads without colour."""

    DEFAULT_CSS = """
    LevelMeter { height: 1; width: auto; }
    """

    level_db: reactive[float] = reactive(-60.0)
    """Input level in dBFS: -60 silence, 0 clipping."""

    def render(self) -> str:
        filled = round((self.level_db + 60) / 60 * METER_WIDTH)
        filled = max(0, min(METER_WIDTH, filled))
        return f"Mic {'█' * filled}{'░' * (METER_WIDTH - filled)} {self.level_db:5.0f} dB"


def report_problem(widget: Widget, exc: BaseException, title: str) -> None:
    """A problem with the user's data or the disk, said in one line; the app goes on.

    Errors the user can act on are shown as they are worded; anything else is a bug,
    worded by :func:`explain` and logged with its traceback for a report.
    """
    problem = explain(exc)
    if not problem.expected:
        log_error(exc)
    widget.notify(problem.message, title=title, severity="error", timeout=15)


def show_note(widget: Static, note: str | None) -> None:
    """The user's own aside under a question: on screen, never read aloud, and gone
    with the question, so a note from one question never sits under the next."""
    widget.update(f"Your note: {note}" if note else "")
    widget.set_class(bool(note), "-shown")


def set_label(title: str, description: str) -> RenderableType:
    """A set's title over its whole description, wrapped and indented under it.

    Cut to one line, descriptions lost the words that tell sets apart ("The person you
    would report to wants to know how you…"); the list scrolls instead. Text objects,
    never markup: titles and descriptions are the user's own words.
    """
    if not description:
        return Text(title)
    return Group(Text(title), Padding(Text(description, style="dim"), (0, 0, 0, 2)))


class Confirm(ModalScreen[bool]):
    """A yes-or-no question before something that cannot be undone (deleting a profile or
    a story, leaving unsaved changes): ``y`` does it, ``n`` or escape keeps things as
    they are."""

    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical {
        width: 64; height: auto; border: thick $warning; background: $surface; padding: 1 2;
    }
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no", key_display="n/esc"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"{self.question}\n\ny: yes · n or escape: no", markup=False)
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


PROVISIONAL_STYLE = "dim italic"


def live_words(text: LiveText) -> Text:
    """An answer's words as it is given: final ones plain, provisional ones dimmed and in
    italics after them, so the user sees what may still change."""
    shown = Text(text.final)
    if text.provisional:
        shown.append(" " if text.final else "")
        shown.append(text.provisional, style=PROVISIONAL_STYLE)
    return shown
