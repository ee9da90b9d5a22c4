"""Home (choose a set) and summary screens; practice is in :mod:`voice_coach.tui.practice`.

Both are handed the :class:`Services` they work with and ask the app for nothing: the
home screen posts :class:`PracticeRequested` and the app opens the set.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from voice_coach.errors import explain
from voice_coach.review import STRUGGLED, WEAK, struggled_set, weak_set
from voice_coach.set_files import (
    Previews,
    SetInfo,
    SetPreview,
    available_sets,
    file_stamp,
    preview_set,
)
from voice_coach.tui.messages import MOCK_OPTION, MockChoice, MockRequested, PracticeRequested
from voice_coach.tui.services import Services
from voice_coach.tui.widgets import report_problem, set_label

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from voice_coach.attempts import Outcome
    from voice_coach.practice import PracticeSession
    from voice_coach.store import Store

# The other screens are imported when opened, not before the home screen is drawn (the
# history brings the story bank, the mic check and settings the audio devices); the app
# warms them in the background after its first frame.


class HomeScreen(Screen[None]):
    """Choose a question set."""

    BINDINGS = [
        # A priority binding, so the footer names Enter: the list's own Enter is hidden.
        Binding("enter", "practise", "Practise", id="practise", key_display="enter", priority=True),
        # Short words, so that every key and the palette fit in 80 columns; the
        # palette (ctrl+p) and the tooltips say each in full.
        Binding("p", "prepare", "Prepare", id="prepare", tooltip="Prepare for the day"),
        Binding("i", "mock_interview", "Mock", id="mock-interview", tooltip="Mock interview"),
        Binding("h", "history", "History", id="history"),
        # Shown on the history screen, where it belongs with the past; here it still works.
        Binding("g", "progress", "Progress", id="progress", show=False),
        Binding("c", "mic_check", "Mic", id="mic-check", tooltip="Mic check"),
        Binding("s", "settings", "Settings", id="settings"),
        Binding("q", "app.quit", "Quit", id="quit-home"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self._listed = False
        """Whether the sets were listed once (the first time, looked into, then validated)."""

    def use(self, services: Services) -> None:
        """Open screens with these from now on (the settings were saved meanwhile)."""
        self.services = services

    def action_mic_check(self) -> None:
        from voice_coach.tui.miccheck import MicCheckScreen

        self.app.push_screen(MicCheckScreen(self.services))

    def action_settings(self) -> None:
        from voice_coach.tui.settings import SettingsScreen

        self.app.push_screen(SettingsScreen(self.services))

    def action_progress(self) -> None:
        from voice_coach.tui.history import ProgressScreen

        self.app.push_screen(ProgressScreen(self.services))

    def action_mock_interview(self) -> None:
        """Ask how it is held, then the app opens it, as it opens a set: it owns the store
        the interview is saved in."""

        from voice_coach.tui.mock_setup import MockSetupScreen

        def chosen(choice: MockChoice | None) -> None:
            if choice is not None:
                self.post_message(MockRequested(choice))

        self.app.push_screen(MockSetupScreen(), chosen)

    def action_prepare(self) -> None:
        from voice_coach.tui.prepare import PrepareScreen

        self.app.push_screen(PrepareScreen(self.services))

    def action_history(self) -> None:
        from voice_coach.tui.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.services))

    def action_practise(self) -> None:
        """Practise the highlighted set, as choosing it with the mouse does."""
        options = self.query_one("#sets", OptionList)
        if options.highlighted is None:
            return
        option = options.get_option_at_index(options.highlighted)
        if option.id and not option.disabled:
            self.post_message(PracticeRequested(option.id))

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Choose a question set. Each question is read aloud; answer out loud and you will "
            "see whether your answer does what that question needs: for most questions, a "
            "concrete example (a situation, what you did, a result).",
            id="home-intro",
        )
        # markup=False throughout: titles, names and questions are the user's own text,
        # and "[/b]" in a set's title must show as written, not end the app.
        yield OptionList(id="sets", markup=False)
        yield Static(self.services.status.model_status, id="model-status", markup=False)
        yield Footer(compact=True)  # every key named, Enter too, in 80 columns

    def on_screen_resume(self) -> None:
        """List the sets each time the screen is shown, the first time included (it was
        listed at mount as well, and every set file read twice before the first frame).

        The first time, the sets are only looked into for the first frame (their titles,
        without the question models, which bring pydantic), then validated in the
        background: a set found broken then says so in its line, as it would have.
        """
        if self._listed:
            self.workers.cancel_group(self, "sets")  # its list would be older than this one
            self.refresh_sets()
            return
        self._listed = True
        found, problems = _set_options(self.services.store, validate=False)
        self._show_sets(found, problems)
        # Not to compete with the first frame; what the first look said is not said again.
        self.call_after_refresh(self.validate_sets, {title for _, title in problems})

    def refresh_sets(self) -> None:
        """List the sets, the struggled questions first when there are any."""
        self._show_sets(*_set_options(self.services.store, validate=True))

    @work(thread=True, exclusive=True, exit_on_error=False, group="sets")
    def validate_sets(self, said: Collection[str] = ()) -> None:
        """The sets validated, and the review sets, listed in place of the first look;
        problems titled as in ``said`` were reported by it already."""
        found, problems = _set_options(self.services.store, validate=True)
        problems = [(exc, title) for exc, title in problems if title not in said]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_sets, found, problems)

    def _show_sets(self, found: list[Option], problems: list[tuple[Exception, str]]) -> None:
        options = self.query_one("#sets", OptionList)
        for exc, title in problems:  # the sets listed can still be practised
            report_problem(self, exc, title)
        shown = [(o.id, o.disabled) for o in options.options]
        if shown and shown == [(o.id, o.disabled) for o in found]:
            # The same lines (the validated sets after the first look): each line's text
            # replaced in place. Cleared and filled again, a list laid out with a scroll
            # bar measured its lines without one, and cut the last line of some.
            for index, option in enumerate(found):
                options.replace_option_prompt_at_index(index, option.prompt)
            options.focus()
            return
        highlighted = options.highlighted
        moved = options.get_option_at_index(highlighted).id if highlighted else None
        options.clear_options()
        options.add_options(found)
        if moved is not None and any(o.id == moved for o in found):
            options.highlighted = next(i for i, o in enumerate(found) if o.id == moved)
        elif options.option_count:
            options.highlighted = min(highlighted or 0, options.option_count - 1)
        options.focus()

    def show_model_status(self, text: str) -> None:
        self.query_one("#model-status", Static).update(text)

    @on(OptionList.OptionSelected, "#sets")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(PracticeRequested(event.option.id))


def _set_options(
    store: Store, *, validate: bool
) -> tuple[list[Option], list[tuple[Exception, str]]]:
    """The home list's lines, and the problems met in making it (each with its title).

    ``validate``: each set is loaded as practice loads it, and the review sets (weak
    answers, struggled questions) come first when there are any; else only a look into
    each file (or what the last validation remembered of it), without the question
    models, and no review sets. Safe on a worker thread: it reads files and the store,
    and makes no widget.
    """
    remembered = Previews.read()
    # Validating: each valid set's preview kept afresh (a set removed is forgotten).
    previews = Previews() if validate else remembered
    found: list[Option] = []
    problems: list[tuple[Exception, str]] = []
    if validate:
        try:
            weak, struggled = weak_set(store), struggled_set(store)
        except Exception as exc:
            problems.append((exc, "Cannot read past answers"))
            weak = struggled = None
        if weak is not None:
            label = f"{weak.title}  ({len(weak.questions)} due today)"
            found.append(Option(set_label(label, weak.description), id=WEAK))
        if struggled is not None:
            label = f"{struggled.title}  ({_count(len(struggled.questions))})"
            found.append(Option(set_label(label, struggled.description), id=STRUGGLED))
    try:
        sets = available_sets()
    except Exception as exc:
        problems.append((exc, "Cannot list the question sets"))
        sets = []
    for info in sets:
        if info.name in (WEAK, STRUGGLED):  # an option id is unique: it would end the app
            found.append(
                Option(
                    f"{info.name}: cannot be used (the name is the app's own review set; "
                    "rename the file)",
                    disabled=True,
                )
            )
            continue
        found.append(Option(_set_line(info, validate, previews), id=info.name))
    found.append(
        Option(
            set_label(
                "Mock interview  (i)",
                "A whole second interview: introductions, the line manager and the "
                "panel, your best stories, your own questions and the closing; then a "
                "report card.",
            ),
            id=MOCK_OPTION,
        )
    )
    if validate and previews.entries != remembered.entries:
        previews.write()
    return found, problems


def _set_line(info: SetInfo, validate: bool, previews: Previews) -> RenderableType:
    """A set's line: its title, size and description, or why it cannot be used; a set
    validated is remembered in ``previews`` for the next first look."""
    try:
        if validate:
            from voice_coach.questions import load_question_set_file

            stamp = file_stamp(info.path)  # before it is read: a change meanwhile shows
            qs = load_question_set_file(info.path)
            previews.keep(info.path, stamp, SetPreview(qs.title, qs.description, len(qs.questions)))
            return set_label(f"{qs.title}  ({_count(len(qs.questions))})", qs.description)
        preview = preview_set(info.path, previews)
    except Exception as exc:  # any file in the sets folder may be damaged or odd
        return Text(f"{info.name}: cannot be used ({explain(exc).message})")
    if preview is None:  # validating it, next, says what is wrong
        return Text(info.name)
    return set_label(f"{preview.title}  ({_count(preview.questions)})", preview.description)


def _count(n: int) -> str:
    return f"{n} question" if n == 1 else f"{n} questions"


class SummaryScreen(Screen[None]):
    """Every answer given in the session, grouped by question, with its verdict in words.

    The title counts each question by its last answer (the session's one verdict); the
    table lists every try, the last one marked, because a redo that came out worse is
    worth seeing too.
    """

    BINDINGS = [
        # Priority, so the footer names Enter (the table's own Enter is hidden) and
        # Enter goes home rather than selecting a row.
        Binding("enter,escape", "home", "Home", id="home", key_display="enter/esc", priority=True),
        Binding("v", "review", "Transcripts & recordings", id="summary-review"),
        Binding("q", "app.quit", "Quit", id="quit-summary"),
    ]

    def __init__(self, session: PracticeSession, services: Services) -> None:
        from voice_coach.tui.history import attempt_rows

        super().__init__()
        self.session = session
        self.services = services
        self.attempts = [a for a, _ in attempt_rows(session.attempts)]
        """In the order the table shows them."""

    def compose(self) -> ComposeResult:
        from voice_coach.tui.tables import WrappingTable  # the home screen shows no table

        yield Header()
        yield Static(id="summary-title", markup=False)
        yield WrappingTable(id="summary-table")
        yield Static(id="summary-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        from voice_coach.tui.history import ATTEMPT_COLUMNS, attempt_rows
        from voice_coach.tui.tables import WrappingTable

        counts = self.session.counts()
        self.query_one("#summary-title", Static).update(
            f"Session summary: {self.session.question_set.title}: {_tally(counts)}. Saved."
        )
        table = self.query_one("#summary-table", WrappingTable)
        rows = [row for _, row in attempt_rows(self.session.attempts)]
        table.fill(ATTEMPT_COLUMNS, rows, wrap=len(ATTEMPT_COLUMNS) - 1)
        table.focus()
        self._show(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, index: int) -> None:
        """The chosen answer in a line or two: how it went, and why (what was missing)."""
        if not 0 <= index < len(self.attempts):
            return
        from voice_coach.tui.history import attempt_meta

        attempt = self.attempts[index]
        words = f" · {attempt.score.metrics.words} words" if attempt.score else ""
        note = f"\nYour note: {attempt.question.note}" if attempt.question.note else ""
        self.query_one("#summary-detail", Static).update(
            f"{attempt_meta(attempt)}{words}\n{attempt.verdict}{note}"
        )

    def action_review(self) -> None:
        """This session in history: each answer's transcript, flags and recording."""
        from voice_coach.tui.history import SessionScreen

        self.app.push_screen(SessionScreen(self.session.session_id, self.services))

    def action_home(self) -> None:
        self.app.pop_screen()


def _tally(counts: dict[Outcome, int]) -> str:
    """How the session's answers came out, in words: "2 of 3 answers had what they needed;
    1 skipped", or "1 question skipped, nothing to judge"."""
    from voice_coach.attempts import Outcome  # not imported before the home screen

    judged = counts[Outcome.GOOD] + counts[Outcome.NEEDS_WORK]
    skipped = counts[Outcome.SKIPPED]
    skips = f"{skipped} question{'s' if skipped != 1 else ''} skipped"
    if not judged:
        return f"{skips}, nothing to judge" if skipped else "no answers yet"
    said = f"{counts[Outcome.GOOD]} of {judged} answer{'s' if judged != 1 else ''} had what "
    said += "it needed" if judged == 1 else "they needed"
    return f"{said}; {skips}" if skipped else said
