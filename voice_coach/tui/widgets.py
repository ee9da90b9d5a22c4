"""Small widgets of the practice screen, and how every screen shows the user's text.

Set titles, interviewer names, questions, answers and file names are the user's own
words. Textual reads a plain string as markup in most widgets, so "[/b]" in any of
them would end the app with a traceback: text widgets here are made with
``markup=False``, table cells with :func:`cell`, and problems are reported with
:func:`report_problem`, never raised out of a screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from voice_coach.errors import explain, log_error

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


def report_problem(widget: Widget, exc: BaseException, title: str) -> None:
    """A problem with the user's data or the disk, said in one line; the app goes on.

    Errors the user can act on are shown as they are worded; anything else is a bug,
    worded by :func:`explain` and logged with its traceback for a report.
    """
    problem = explain(exc)
    if not problem.expected:
        log_error(exc)
    widget.notify(problem.message, title=title, severity="error", timeout=15)
