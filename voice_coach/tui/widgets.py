"""Small widgets of the practice screen, and how every screen shows the user's text.

Set titles, interviewer names, questions, answers and file names are the user's own
words. Textual reads a plain string as markup in most widgets, so "[/b]" in any of
them would end the app with a traceback: text widgets here are made with
``markup=False``, table cells with :func:`cell`, and problems are reported with
:func:`report_problem`, never raised out of a screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Static

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


def cell(text: str) -> Text:
    """A table cell shown as written (a DataTable reads a plain string as markup), laid out
    as the table lays out its own strings: one line, no trailing newline."""
    return Text(text, no_wrap=True, end="")


def wrapping(text: str) -> Text:
    """A table cell shown as written that wraps onto more lines in a column of fixed width."""
    return Text(text, end="")


Row = tuple[str | None, Sequence[str]]
"""A row's key (None for none) and its cells, as plain text."""


class WrappingTable(DataTable[Text]):
    """A table whose one long column (a question, a set's title) wraps to the width the
    other columns leave.

    Questions run to a hundred characters and more. Cut at a fixed width they lose the
    words that tell two questions apart; left whole, they push the table wider than the
    terminal and the verdicts scroll out of sight. So each other column is exactly as
    wide as its widest cell, the long one takes what is left, and its rows are as tall
    as their text needs. Widths are worked out here rather than by the table, from the
    cells themselves, so no column is ever cut; the table is laid out again when its
    width changes.
    """

    min_wrap = 16
    """Below this the long column stops shrinking: a sideways scroll reads better than a
    column of single words."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row")
        self._labels: tuple[str, ...] = ()
        self._rows: list[Row] = []
        self._wrap: int | None = None
        self._laid_out_at = -1
        self._cursor = 0
        """The row to put the cursor on once laid out (before, the table has no rows)."""

    def fill(
        self, labels: Sequence[str], rows: Sequence[Row], *, wrap: int | None, cursor: int = 0
    ) -> None:
        """Show ``rows`` under ``labels`` with the cursor on row ``cursor``; column ``wrap``
        (an index) wraps, if given."""
        self._labels = tuple(labels)
        self._rows = list(rows)
        self._wrap = wrap
        self._cursor = cursor
        self._lay_out()

    def _room(self) -> int:
        """The width the columns may take: the table's own, less a vertical scrollbar's
        when the table may scroll (one sized to all its rows never shows one)."""
        height = self.styles.height
        sized_to_rows = height is not None and height.is_auto and self.styles.max_height is None
        return self.size.width - (0 if sized_to_rows else self.styles.scrollbar_size_vertical)

    def column_widths(self, room: int) -> list[int]:
        """Each column's width without its padding: the widest cell, the rest for ``wrap``."""
        widths = [
            max([cell_len(label)] + [cell_len(cells[i]) for _, cells in self._rows])
            for i, label in enumerate(self._labels)
        ]
        if self._wrap is not None:
            others = sum(w for i, w in enumerate(widths) if i != self._wrap)
            left = room - others - 2 * self.cell_padding * len(widths)
            widest = widths[self._wrap]
            widths[self._wrap] = min(widest, max(left, self.min_wrap))
        return widths

    def _lay_out(self) -> None:
        room = self._room()
        if room <= 0:
            return  # not laid out yet: the first resize does it
        if self._laid_out_at > 0:
            self._cursor = self.cursor_row  # laid out again: the cursor stays where it is
        self._laid_out_at = room
        self.clear(columns=True)
        for label, width in zip(self._labels, self.column_widths(room), strict=True):
            self.add_column(cell(label), width=width)
        for key, cells in self._rows:
            self.add_row(
                *(wrapping(c) if i == self._wrap else cell(c) for i, c in enumerate(cells)),
                height=None if self._wrap is not None else 1,
                key=key,
            )
        if self._rows:
            self.move_cursor(row=min(max(self._cursor, 0), len(self._rows) - 1), animate=False)

    def on_resize(self, event: events.Resize) -> None:
        if self._room() != self._laid_out_at and self._labels:
            self._lay_out()


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
