"""Review in the terminal: past sessions, their answers, and each recorded answer played back."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, cast

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
from voice_coach.errors import VoiceCoachError
from voice_coach.tui.widgets import cell, report_problem

if TYPE_CHECKING:
    from voice_coach.tui.app import VoiceCoachApp


def attempt_detail(attempt: Attempt) -> RenderableType:
    """The saved verdict, flags and transcript of one answer: the feedback as it was shown."""
    from voice_coach.tui.feedback import feedback

    meta = [attempt.outcome.shown, attempt.status.label]
    if attempt.duration_s:
        meta.append(clock(attempt.duration_s))
    if attempt.scored_at:
        meta.append(f"feedback {attempt.scored_at[:16].replace('T', ' ')}")
    return Group(
        Text(attempt.question_text, style="bold"), Text("   ".join(meta)), feedback(attempt)
    )


class HistoryScreen(Screen[None]):
    """Sessions by date, newest first, with how many answers were flagged."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="history-back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="sessions", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "History"
        table = self.query_one("#sessions", DataTable)
        table.add_columns("#", "Date", "Set", "Answers", "Flagged")
        store = cast("VoiceCoachApp", self.app).store
        try:
            sessions = store.sessions()
        except Exception as exc:
            report_problem(self, exc, "Cannot read the history")
            sessions = []
        for s in sessions:
            table.add_row(
                str(s.id), s.started_at[:16].replace("T", " "), cell(s.set_title),
                str(s.answers), str(s.flagged), key=str(s.id),
            )  # fmt: skip
        if not table.row_count:
            self.notify("No sessions yet: practise a set first.")
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.push_screen(SessionScreen(int(event.row_key.value)))


class SessionScreen(Screen[None]):
    """One session: its answers, each with its transcript, flags and recording."""

    BINDINGS = [
        Binding("p", "play", "Play/stop answer", id="play"),
        Binding("c", "compare", "Compare attempts", id="compare"),
        Binding("escape", "leave", "Back", id="session-back"),
    ]

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.attempts: list[Attempt] = []
        self._stop = threading.Event()
        self._playing = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="answers", cursor_type="row")
        with VerticalScroll(id="answer-box"):
            yield Static(id="answer-detail", markup=False)
        yield Static(id="playback", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Session #{self.session_id}"
        store = cast("VoiceCoachApp", self.app).store
        try:
            self.attempts = store.attempts(self.session_id)
        except Exception as exc:
            report_problem(self, exc, "Cannot read the session")
        table = self.query_one("#answers", DataTable)
        table.add_columns("Verdict", "Time", "Question")
        for a in self.attempts:
            table.add_row(cell(_verdict(a)), _duration(a), cell(a.question_text), key=str(a.id))
        table.focus()
        if self.attempts:
            self._show(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, index: int) -> None:
        if 0 <= index < len(self.attempts):
            self.query_one("#answer-detail", Static).update(_detail(self, self.attempts[index]))

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
        device = cast("VoiceCoachApp", self.app).settings.output_device
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
            self.app.push_screen(AttemptsScreen(self.attempts[row]))

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

    def __init__(self, attempt: Attempt) -> None:
        super().__init__()
        self.attempt = attempt
        self.attempts: list[Attempt] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="attempts", cursor_type="row")
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
        store = cast("VoiceCoachApp", self.app).store
        try:
            self.attempts = same_question(store, self.attempt) or [self.attempt]
        except Exception as exc:
            report_problem(self, exc, "Cannot read the other attempts")
            self.attempts = [self.attempt]
        table = self.query_one("#attempts", DataTable)
        table.add_columns("#", "Date", "Verdict", "Time")
        for n, a in enumerate(self.attempts, 1):
            table.add_row(
                str(n), a.created_at[:16].replace("T", " "), cell(_verdict(a)), _duration(a),
                key=str(a.id),
            )  # fmt: skip
        chosen = next((i for i, a in enumerate(self.attempts) if a.id == self.attempt.id), 0)
        table.move_cursor(row=chosen)
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

    def compose(self) -> ComposeResult:
        from textual.widgets import Sparkline

        yield Header()
        with VerticalScroll(id="progress"):
            for key, label in _METRICS:
                yield Static(label, id=f"label-{key}", classes="metric-label", markup=False)
                yield Sparkline([], id=f"spark-{key}", summary_function=max)
            yield DataTable(id="progress-table", cursor_type="row")
            yield Static("By question (oldest attempt first)", classes="metric-label")
            yield DataTable(id="question-table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        from textual.widgets import Sparkline

        from voice_coach.progress import session_progress

        self.sub_title = "Progress"
        try:
            rows = session_progress(cast("VoiceCoachApp", self.app).store)
        except Exception as exc:
            report_problem(self, exc, "Cannot read your progress")
            rows = []
        for key, label in _METRICS:
            values = [getattr(r, key) for r in rows if getattr(r, key) is not None]
            self.query_one(f"#spark-{key}", Sparkline).data = [float(v) for v in values]
            trend = "  ".join(_fmt(key, v) for v in values[-8:]) or "no data yet"
            self.query_one(f"#label-{key}", Static).update(f"{label}: {trend}")
        table = self.query_one("#progress-table", DataTable)
        table.add_columns("Date", "Set", "Answers", "Examples", "Fillers/min", "Words/min")
        for r in rows:
            figures = [_fmt(key, getattr(r, key)) for key, _ in _METRICS]
            table.add_row(r.started_at[:10], cell(r.title), str(r.answers), *figures)
        if not rows:
            self.notify("No answers yet: practise a set first.")
        self._show_questions()

    def _show_questions(self) -> None:
        from voice_coach.progress import question_progress

        table = self.query_one("#question-table", DataTable)
        table.add_columns("Question", "Tries", "Example", "Fillers/min", "Words/min")
        marks: dict[bool | None, str] = {True: "✔", False: "✘", None: "·"}
        try:
            questions = question_progress(cast("VoiceCoachApp", self.app).store)
        except Exception as exc:
            report_problem(self, exc, "Cannot read your progress")
            questions = []
        for q in questions:
            text = q.question_text
            table.add_row(
                cell(text if len(text) <= 34 else text[:33] + "…"),
                str(len(q.points)),
                "".join(marks[e] for e in q.examples[-6:]),
                _series("fillers_per_minute", q.fillers_per_minute),
                _series("wpm", q.wpm),
            )


def _detail(screen: Screen[None], attempt: Attempt) -> RenderableType:
    """An answer's detail, or what stands in for it when its saved score is damaged."""
    try:
        return attempt_detail(attempt)
    except Exception as exc:
        report_problem(screen, exc, "Cannot show this answer")
        return Text(attempt.transcript or attempt.question_text)


def _series(key: str, values: list[float | None]) -> str:
    """The last few values, oldest first: a trend readable without colour."""
    shown = [_fmt(key, v) for v in values[-3:] if v is not None]
    return " → ".join(shown) or "-"


def _verdict(attempt: Attempt) -> str:
    return attempt.outcome.shown


def _duration(attempt: Attempt) -> str:
    return f"{attempt.duration_s:.0f} s" if attempt.duration_s else ""



_METRICS = (
    ("example_share", "Answers with a concrete example"),
    ("fillers_per_minute", "Fillers per minute (fewer is better)"),
    ("wpm", "Words per minute (120-160 reads best)"),
)


def _fmt(key: str, value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0%}" if key == "example_share" else f"{value:.0f}"
