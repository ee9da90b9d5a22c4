"""Tables of the user's text: cells shown as written, and one long column that wraps.

Apart from :mod:`voice_coach.tui.widgets` because Textual's table is a large module the
home screen does not show: it is imported with the first screen that has a table.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable


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
