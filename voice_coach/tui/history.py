"""Review in the terminal: past sessions, their answers, and each recorded answer played back.

Every screen here is handed the :class:`Services` it reads from; none asks the app.
What they show is in words (an answer "typed", "no speech", "needs work"), never the
codes they are saved under, and every attempt is listed, grouped by question.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from voice_coach.attempts import Attempt
from voice_coach.audio import clock
from voice_coach.audio.playback import play_file
from voice_coach.errors import VoiceCoachError, log_error
from voice_coach.export import when
from voice_coach.store import MOCK_KIND
from voice_coach.stories import Story
from voice_coach.story_bank import StoryBank, reuse_among
from voice_coach.story_reuse import StoryReuse
from voice_coach.tui.feedback import feedback
from voice_coach.tui.services import Services
from voice_coach.tui.stories import bank_answer
from voice_coach.tui.tables import Row, WrappingTable
from voice_coach.tui.widgets import report_problem


class ReportCardScreen(Screen[None]):
    """A mock interview's report card, as it was shown at the end of the interview."""

    BINDINGS = [
        Binding("escape,enter", "app.pop_screen", "Back", id="report-back"),
    ]

    def __init__(self, text: str, session_id: int) -> None:
        super().__init__()
        self.text = text
        self.session_id = session_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="report-box"):
            yield Static(self.text, id="report", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Mock interview #{self.session_id}: report card"
        self.query_one("#report-box").focus()


ATTEMPT_COLUMNS = ("#", "Try", "Verdict", "Time", "Question")
"""An attempt's row in a session's table (:func:`attempt_rows`); the question wraps."""


def attempt_meta(attempt: Attempt) -> str:
    """How an answer went, in words: verdict, how it was given, length, when the feedback
    was shown ("✘ needs work · typed · feedback 2026-12-01 22:31")."""
    meta = [attempt.outcome.shown, attempt.status.label]
    if attempt.duration_s:
        meta.append(clock(attempt.duration_s))
    if attempt.scored_at:
        meta.append(f"feedback {when(attempt.scored_at)}")
    return " · ".join(meta)


def attempt_detail(attempt: Attempt, reuse: StoryReuse | None = None) -> RenderableType:
    """The saved verdict, flags and transcript of one answer: the feedback as it was shown.

    The user's own note on the question ("I waffled here") is shown under it, as it was
    on the practice screen: it is never spoken, so this is where it is read again. With
    ``reuse``, the banked story the answer re-tells, compared with it.
    """
    note = attempt.question.note
    return Group(
        Text(attempt.question_text, style="bold"),
        *([Text(f"Your note: {note}", style="italic")] if note else []),
        Text(attempt_meta(attempt)),
        feedback(attempt, live=False, reuse=reuse),
    )


def attempt_rows(attempts: Sequence[Attempt]) -> list[tuple[Attempt, Row]]:
    """Every attempt, grouped by question in the order the questions were first asked,
    each group oldest first; rows to show under :data:`ATTEMPT_COLUMNS`.

    A question is written out once, on its first attempt's row; a follow-up says which
    follow-up it answered. When a question was tried more than once its last try is
    marked: that one is what the session's counts are made of.
    """
    groups: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        groups.setdefault(attempt.base_question_id, []).append(attempt)
    rows: list[tuple[Attempt, Row]] = []
    for number, group in enumerate(groups.values(), 1):
        for n, a in enumerate(group, 1):
            if a.is_follow_up:
                question = f"Follow-up: {a.question_text}"
            else:
                question = a.question_text if n == 1 else ""
            tried = f"{n} (last)" if n == len(group) > 1 else str(n)
            cells = (
                str(number) if n == 1 else "",
                tried,
                a.outcome.shown,
                clock(a.duration_s) if a.duration_s else "",
                question,
            )
            rows.append((a, (str(a.id), cells)))
    return rows


class HistoryScreen(Screen[None]):
    """Sessions by date, newest first, with how many answers need work and how many
    questions were skipped (a skip is not a weak answer)."""

    BINDINGS = [
        # A priority binding, so the footer names Enter: the table's own Enter is hidden.
        Binding("enter", "open", "Open", id="history-open", key_display="enter", priority=True),
        Binding("g", "progress", "Progress", id="history-progress"),
        Binding("escape", "app.pop_screen", "Back", id="history-back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        yield Header()
        yield WrappingTable(id="sessions")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "History"
        table = self.query_one("#sessions", WrappingTable)
        try:
            sessions = self.services.store.sessions()
        except Exception as exc:
            report_problem(self, exc, "Cannot read the history")
            sessions = []
        rows: list[Row] = [
            (str(s.id), (str(s.id), when(s.started_at), s.set_title, str(s.answers),
                         str(s.flagged), str(s.skipped)))
            for s in sessions
        ]  # fmt: skip
        table.fill(("#", "Date", "Set", "Answers", "Need work", "Skipped"), rows, wrap=2)
        if not rows:
            self.notify("No sessions yet: practise a set first.")
        table.focus()

    def action_open(self) -> None:
        """The highlighted session, as a click on its row opens it."""
        table = self.query_one("#sessions", WrappingTable)
        if table.row_count:
            self._open(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_progress(self) -> None:
        self.app.push_screen(ProgressScreen(self.services))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def _open(self, key: str | None) -> None:
        if key is not None:
            self.app.push_screen(SessionScreen(int(key), self.services))


class SessionScreen(Screen[None]):
    """One session: every answer, grouped by question, each with its transcript, flags
    and recording."""

    BINDINGS = [
        Binding("p", "play", "Play/stop", id="play", tooltip="Play or stop the answer"),
        Binding("c", "compare", "Compare", id="compare", tooltip="Compare the attempts"),
        Binding("b", "bank", "Bank story", id="bank-story", tooltip="Save this story to reuse"),
        Binding("r", "report", "Report card", id="report-card"),
        Binding("escape", "leave", "Back", id="session-back"),
    ]

    def __init__(self, session_id: int, services: Services) -> None:
        super().__init__()
        self.session_id = session_id
        self.services = services
        self.attempts: list[Attempt] = []
        """In the order the table shows them."""
        self._stop = threading.Event()
        self._playing = False
        self._mock = False
        """A mock interview: its report card is one key away."""
        self._stories: list[Story] | None = None
        """The story bank, read once for all the answers shown (again after a banking)."""

    def _banked(self) -> list[Story]:
        if self._stories is None:
            try:
                self._stories = StoryBank(self.services.store).all()
            except VoiceCoachError as exc:
                log_error(exc)
                self._stories = []
        return self._stories

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "report":
            return self._mock  # only a mock interview has a report card
        return True

    def action_bank(self) -> None:
        row = self.query_one("#answers", DataTable).cursor_row
        if 0 <= row < len(self.attempts):
            self._stories = None  # read again: the answers below may re-tell this story
            bank_answer(self, self.services.store, self.attempts[row])

    def action_report(self) -> None:
        if not self._mock:
            return
        from voice_coach.mock import report_for_session

        try:
            card = report_for_session(self.services.store, self.session_id)
        except Exception as exc:
            report_problem(self, exc, "Cannot make the report card")
            return
        self.app.push_screen(ReportCardScreen(card.text(), self.session_id))

    def compose(self) -> ComposeResult:
        yield Header()
        yield WrappingTable(id="answers")
        with VerticalScroll(id="answer-box"):
            yield Static(id="answer-detail", markup=False)
        yield Static(id="playback", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Session #{self.session_id}"
        try:
            saved = self.services.store.attempts(self.session_id)
            row = self.services.store.session(self.session_id)
        except Exception as exc:
            report_problem(self, exc, "Cannot read the session")
            saved, row = [], None
        if row is not None and row.kind == MOCK_KIND:
            self._mock = True
            self.sub_title = f"Mock interview #{self.session_id} (r: report card)"
            self.refresh_bindings()
        rows = attempt_rows(saved)
        self.attempts = [a for a, _ in rows]
        table = self.query_one("#answers", WrappingTable)
        table.fill(ATTEMPT_COLUMNS, [row for _, row in rows], wrap=len(ATTEMPT_COLUMNS) - 1)
        table.focus()
        if self.attempts:
            self._show(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, index: int) -> None:
        if 0 <= index < len(self.attempts):
            attempt = self.attempts[index]
            detail = _detail(self, attempt, self._banked())
            self.query_one("#answer-detail", Static).update(detail)

    def action_play(self) -> None:
        if self._playing:
            self._stop.set()
            return
        row = self.query_one("#answers", DataTable).cursor_row
        if not 0 <= row < len(self.attempts):
            return
        attempt = self.attempts[row]
        if attempt.audio_path is None or not attempt.audio_path.exists():
            self.notify("No recording for this answer (typed, or deleted).")
            return
        self._stop.clear()
        self._playing = True
        self.query_one("#playback", Static).update("▶ playing… (p: stop)")
        self.play(attempt)

    @work(thread=True, exclusive=True, exit_on_error=False, group="playback")
    def play(self, attempt: Attempt) -> None:
        assert attempt.audio_path is not None
        device = self.services.settings.output_device
        error: str | None = None

        def position(played_s: float, total_s: float) -> None:
            self.app.call_from_thread(self._position, played_s, total_s)

        try:
            play_file(attempt.audio_path, device=device, stop=self._stop, on_position=position)
        except VoiceCoachError as exc:
            error = str(exc)
        self.app.call_from_thread(self._played, error)

    def _position(self, played_s: float, total_s: float) -> None:
        if self._playing:
            self.query_one("#playback", Static).update(
                f"▶ {clock(played_s)} / {clock(total_s)}   (p: stop)"
            )

    def _played(self, error: str | None) -> None:
        self._playing = False
        self.query_one("#playback", Static).update("")
        if error:
            self.notify(error, title="Playback", severity="error")

    def action_compare(self) -> None:
        row = self.query_one("#answers", DataTable).cursor_row
        if 0 <= row < len(self.attempts):
            self._stop.set()
            self.app.push_screen(AttemptsScreen(self.attempts[row], self.services))

    def action_leave(self) -> None:
        self._stop.set()
        self.app.pop_screen()


class AttemptsScreen(Screen[None]):
    """Every attempt at one question; the chosen one beside the attempt before it.

    What changed is listed first, in words, because that is what the user came to
    see: did the example arrive, is the result a number now, are the fillers down.
    """

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="attempts-back")]

    DEFAULT_CSS = """
    AttemptsScreen #attempts { height: auto; max-height: 6; }
    AttemptsScreen #changes { height: auto; max-height: 8; padding: 0 1; }
    AttemptsScreen #side-by-side { height: 1fr; }
    AttemptsScreen .attempt-column { width: 1fr; border: round $primary 50%; }
    """

    def __init__(self, attempt: Attempt, services: Services) -> None:
        super().__init__()
        self.attempt = attempt
        self.services = services
        self.attempts: list[Attempt] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield WrappingTable(id="attempts")
        yield Static(id="changes", markup=False)
        with Horizontal(id="side-by-side"):
            with VerticalScroll(id="before-box", classes="attempt-column"):
                yield Static(id="before", markup=False)
            with VerticalScroll(id="after-box", classes="attempt-column"):
                yield Static(id="after", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        from voice_coach.compare import same_question

        self.sub_title = "Attempts at one question"
        try:
            self.attempts = same_question(self.services.store, self.attempt) or [self.attempt]
        except Exception as exc:
            report_problem(self, exc, "Cannot read the other attempts")
            self.attempts = [self.attempt]
        table = self.query_one("#attempts", WrappingTable)
        rows: list[Row] = [
            (str(a.id), (str(n), when(a.created_at), a.outcome.shown, a.status.label,
                         clock(a.duration_s) if a.duration_s else ""))
            for n, a in enumerate(self.attempts, 1)
        ]  # fmt: skip
        chosen = next((i for i, a in enumerate(self.attempts) if a.id == self.attempt.id), 0)
        table.fill(("#", "Date", "Verdict", "How", "Time"), rows, wrap=3, cursor=chosen)
        table.focus()
        self._show(chosen)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, index: int) -> None:
        from voice_coach.compare import compare_attempts

        if not 0 <= index < len(self.attempts):
            return
        later = self.attempts[index]
        earlier = self.attempts[index - 1] if index > 0 else None
        self.query_one("#after-box").border_title = f"Attempt {index + 1}"
        self.query_one("#after", Static).update(_detail(self, later))
        before = self.query_one("#before", Static)
        changes = self.query_one("#changes", Static)
        if earlier is None:
            self.query_one("#before-box").border_title = "No earlier attempt"
            before.update("")
            changes.update(
                "The first attempt at this question: redo it to see what changes."
                if len(self.attempts) == 1
                else "The first attempt: pick a later one to see what changed."
            )
            return
        self.query_one("#before-box").border_title = f"Attempt {index}"
        before.update(_detail(self, earlier))
        marks = {True: ("▲ ", "green"), False: ("▼ ", "red"), None: ("• ", "")}
        lines = [Text("What changed since the attempt before:", style="bold")]
        try:
            found = compare_attempts(earlier, later)
        except Exception as exc:  # a damaged saved score: the attempts still show
            report_problem(self, exc, "Cannot compare these attempts")
            found = []
        for change in found:
            mark, style = marks[change.better]
            lines.append(Text.assemble((mark, style), change.text))
        if len(lines) == 1:
            lines.append(Text("• nothing the scorer can tell apart"))
        changes.update(Group(*lines))


class ProgressScreen(Screen[None]):
    """Progress over sessions, as sparklines with the figures beside them."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="progress-back")]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        from textual.widgets import Sparkline

        yield Header()
        with VerticalScroll(id="progress"):
            for key, label in _METRICS:
                yield Static(label, id=f"label-{key}", classes="metric-label", markup=False)
                yield Sparkline([], id=f"spark-{key}", summary_function=max)
            yield WrappingTable(id="progress-table")
            yield Static("By question (oldest attempt first)", classes="metric-label")
            yield WrappingTable(id="question-table")
        yield Footer()

    def on_mount(self) -> None:
        from textual.widgets import Sparkline

        from voice_coach.progress import session_progress

        self.sub_title = "Progress"
        try:
            rows = session_progress(self.services.store)
        except Exception as exc:
            report_problem(self, exc, "Cannot read your progress")
            rows = []
        for key, label in _METRICS:
            values = [getattr(r, key) for r in rows if getattr(r, key) is not None]
            self.query_one(f"#spark-{key}", Sparkline).data = [float(v) for v in values]
            trend = "  ".join(_fmt(key, v) for v in values[-8:]) or "no data yet"
            self.query_one(f"#label-{key}", Static).update(f"{label}: {trend}")
        self.query_one("#progress-table", WrappingTable).fill(
            ("Date", "Set", "Answers", "Good", "Fillers/min", "Words/min"),
            [
                (None, (when(r.started_at)[:10], r.title, str(r.answers),
                        *(_fmt(key, getattr(r, key)) for key, _ in _METRICS)))
                for r in rows
            ],
            wrap=1,
        )  # fmt: skip
        if not rows:
            self.notify("No answers yet: practise a set first.")
        self._show_questions()

    def _show_questions(self) -> None:
        from voice_coach.progress import question_progress

        try:
            questions = question_progress(self.services.store)
        except Exception as exc:
            report_problem(self, exc, "Cannot read your progress")
            questions = []
        self.query_one("#question-table", WrappingTable).fill(
            ("Question", "Tries", "Verdicts", "Fillers/min", "Words/min"),
            [
                (None, (q.question_text, str(len(q.points)),
                        "".join(o.mark for o in q.outcomes[-6:]),
                        _series("fillers_per_minute", q.fillers_per_minute),
                        _series("wpm", q.wpm)))
                for q in questions
            ],
            wrap=0,
        )  # fmt: skip


def _detail(
    screen: Screen[None], attempt: Attempt, stories: Sequence[Story] = ()
) -> RenderableType:
    """An answer's detail (with the banked story among ``stories`` it re-tells), or what
    stands in for it when its saved score is damaged."""
    try:
        return attempt_detail(attempt, reuse_among(stories, attempt))
    except Exception as exc:
        report_problem(screen, exc, "Cannot show this answer")
        return Text(attempt.transcript or attempt.question_text)


def _series(key: str, values: list[float | None]) -> str:
    """The last few values, oldest first: a trend readable without colour."""
    shown = [_fmt(key, v) for v in values[-3:] if v is not None]
    return " → ".join(shown) or "-"


_METRICS = (
    ("example_share", "Good answers (they did what the question needs)"),
    ("fillers_per_minute", "Fillers per minute (fewer is better)"),
    ("wpm", "Words per minute (120-160 reads best)"),
)


def _fmt(key: str, value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0%}" if key == "example_share" else f"{value:.0f}"
