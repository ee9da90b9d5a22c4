"""The mock interview screen: each interviewer's lines, then the question, then the answer.

The interview's flow is :class:`voice_coach.mock.MockInterview`'s (which question comes
next, whether a follow-up is asked, the clock, the report card). This screen says the
lines and the question aloud in a worker, records or takes a typed answer, shows the
clocks, and ends on the report card. Unlike the practice screen it gives no feedback
between answers: in an interview nobody does.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from voice_coach.attempts import Attempt
from voice_coach.audio import clock
from voice_coach.audio.capture import Microphone
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.errors import VoiceCoachError
from voice_coach.live import LiveStatus
from voice_coach.mock import Line, MockInterview, ReportCard, build_plan, find_cv_set
from voice_coach.practice import NothingSaid, Phase
from voice_coach.questions import Question
from voice_coach.speech.interim import LiveText
from voice_coach.speech.stt import TranscriptSegment, join_text
from voice_coach.tui.mock_setup import MockChoice
from voice_coach.tui.widgets import live_words, report_problem, show_note

if TYPE_CHECKING:
    from voice_coach.store import Store
    from voice_coach.tui.services import Services


class LineSaid(Message):
    """An interviewer began saying a line (or the question): show it as it is said."""

    def __init__(self, who: str, text: str, turn: int, *, question: bool = False) -> None:
        super().__init__()
        self.who = who
        self.text = text
        self.turn = turn
        self.question = question


class TurnSpoken(Message):
    """Every line and the question were said (or could not be: ``error``)."""

    def __init__(self, turn: int, error: str | None = None) -> None:
        super().__init__()
        self.turn = turn
        self.error = error


class AnswerEnded(Message):
    """A spoken answer was saved and judged (or none came: ``attempt`` None, ``error``)."""

    def __init__(
        self, attempt: Attempt | None, turn: int, error: str | None = None, *, again: bool = False
    ) -> None:
        super().__init__()
        self.attempt = attempt
        self.turn = turn
        self.error = error
        self.again = again
        """Nothing was said before the answer was ended: listen again."""


class FarewellSaid(Message):
    """The closing lines were said: the report card may show."""


class LiveUpdated(Message):
    """The words heard so far in the answer being given (replaces an unhandled older one)."""

    def __init__(self, text: LiveText) -> None:
        super().__init__()
        self.text = text

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LiveUpdated)


def new_mock_interview(store: Store, choice: MockChoice | None = None) -> MockInterview:
    """A mock interview as the user chose it, with their CV set if there is one."""
    choice = choice or MockChoice()
    plan = build_plan(
        seed=choice.seed, remote=choice.remote, offer=choice.offer, cv_set=find_cv_set()
    )
    return MockInterview(plan, store)


class MockScreen(Screen[None]):
    """A whole interview, one question at a time, ending on the report card."""

    BINDINGS = [
        Binding("space", "done", "Done", id="mock-done"),
        Binding("t", "type_answer", "Type", id="mock-type"),
        Binding("ctrl+n", "skip", "Skip", id="mock-skip"),
        Binding("escape", "leave", "Leave", id="mock-leave"),
    ]

    DEFAULT_CSS = """
    MockScreen #mock-said { height: auto; max-height: 9; color: $text-muted; }
    MockScreen #mock-question { margin: 1 0; text-style: bold; }
    MockScreen #mock-note { color: $text-muted; text-style: italic; display: none; }
    MockScreen #mock-note.-shown { display: block; }
    MockScreen #mock-typed { display: none; }
    MockScreen.-typing #mock-typed { display: block; }
    MockScreen #mock-report-box { display: none; }
    MockScreen.-report #mock-report-box { display: block; height: 1fr; }
    MockScreen.-report #mock-live { display: none; }
    """

    def __init__(self, interview: MockInterview, services: Services) -> None:
        super().__init__()
        self.interview = interview
        self.services = services
        self.report: ReportCard | None = None
        self.said: list[str] = []
        """Every line and question said so far, in order, as shown: what tests read."""
        self._turn = 0
        self._shown: list[str] = []
        self._stop_speaking = threading.Event()
        self._speaking = False

    @property
    def turn(self) -> int:
        """How many times something was put to the candidate: a question, a follow-up, the
        farewell. It moves on when the interviewer does."""
        return self._turn

    @property
    def state(self) -> str:
        """In one word: "speaking", the engine's phase, or "report" at the end."""
        if self.report is not None:
            return "report"
        if self._speaking:
            return "speaking"
        return str(self.interview.session.phase)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="mock-live"):
            yield Static(id="mock-position", markup=False)
            yield Static(id="mock-clock", markup=False)
            yield Static(id="mock-said", markup=False)
            yield Static(id="mock-question", markup=False)
            yield Static(id="mock-note", markup=False)
            yield Static(id="mock-state", markup=False)
            yield Static(id="mock-transcript", markup=False)
            yield Input(placeholder="Type your answer and press Enter", id="mock-typed")
        with VerticalScroll(id="mock-report-box") as box:
            box.border_title = "Report card"
            yield Static(id="mock-report", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        session = self.interview.session
        session.listener = self
        session.typed_only = session.typed_only or self.services.typed
        plan = self.interview.plan
        # The number sits the same interview again (the choices before it ask for it).
        self.sub_title = f"{plan.question_set.title} · interview no. {plan.seed}"
        self.set_interval(1.0, self._tick)
        self._put(self.interview.start())

    def on_unmount(self) -> None:
        """Quitting mid-interview stops the lines being read and ends a recording now (the
        answer is kept): the app cannot exit before its worker threads end."""
        self._stop_speaking.set()
        self.interview.session.stop_answer()

    # ---- the engine's events (any thread: only post) --------------------------------

    def phase_changed(self, phase: Phase) -> None:
        return None  # the screen moves on the answer's end, not on each phase

    def status(self, status: LiveStatus) -> None:
        return None

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        self.post_message(LiveUpdated(LiveText(join_text(segments))))

    def live_text(self, text: LiveText) -> None:
        self.post_message(LiveUpdated(text))

    def recording_started(self, device: str) -> None:
        return None

    def recording_ended(self, reason: str) -> None:
        return None

    # ---- drawing ----------------------------------------------------------------

    def _tick(self) -> None:
        if self.report is not None:
            return
        answer = (
            "" if self._speaking else f" · this answer {clock(self.interview.answer_elapsed_s)}"
        )
        self.query_one("#mock-clock", Static).update(
            f"Interview {clock(self.interview.elapsed_s)}{answer}"
        )

    def _state_line(self, text: str) -> None:
        self.query_one("#mock-state", Static).update(text)
        self.set_class(self.state == "typing", "-typing")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.state
        if action == "done":
            return state in ("speaking", "listening")
        if action == "type_answer":
            return state in ("speaking", "asking", "preparing", "listening")
        if action == "skip":
            return state != "report"
        return True

    # ---- asking -----------------------------------------------------------------

    def _put(self, question: Question) -> None:
        """Say what comes before the question, then the question; the answer follows."""
        self._turn += 1
        self._stop_speaking.set()
        self._stop_speaking = threading.Event()
        session = self.interview.session
        plan = self.interview.plan
        step = self.interview.step
        person = plan.question_set.interviewer_of(question)
        who = f" · {person.name}, {person.role}" if person else ""
        where = "follow-up" if session.follow_up else f"question {session.position}"
        self.query_one("#mock-position", Static).update(f"{step.section.label} · {where}{who}")
        self._shown = []
        self.query_one("#mock-said", Static).update("")
        self.query_one("#mock-question", Static).update("")
        show_note(self.query_one("#mock-note", Static), question.note)
        self.query_one("#mock-transcript", Static).update("")
        lines = [*self.interview.lines_before, Line(question.interviewer or "", question.text)]
        if self.services.settings.speak_questions and not self.services.status.voice_error:
            self._speaking = True
            self._state_line("The interviewer is speaking… (space: skip to your answer)")
            self.speak(lines, self._turn, self._stop_speaking)
        else:
            for n, line in enumerate(lines):
                self._show_line(self._speaker_name(line), line.text, question=n == len(lines) - 1)
            self.post_message(TurnSpoken(self._turn))

    def _speaker_name(self, line: Line) -> str:
        person = self.interview.plan.speaker(line)
        return person.name if person else "Interviewer"

    def _show_line(self, who: str, text: str, *, question: bool = False) -> None:
        self.said.append(text)
        if question:
            self.query_one("#mock-question", Static).update(f"{who}: {text}")
            return
        self._shown.append(f"{who}: {text}")
        self.query_one("#mock-said", Static).update("\n".join(self._shown))

    @work(thread=True, exclusive=True, exit_on_error=False, group="mock-speech")
    def speak(self, lines: list[Line], turn: int, stop: threading.Event) -> None:
        """Each line in its speaker's voice; a line skipped (space) skips the rest too."""
        base = self.services.voice
        error = None
        for n, line in enumerate(lines):
            last = n == len(lines) - 1
            self.post_message(LineSaid(self._speaker_name(line), line.text, turn, question=last))
            if stop.is_set() or error:
                continue
            person = self.interview.plan.speaker(line)
            try:
                try:
                    base.with_voice(person.voice if person else None).speak(line.text, stop=stop)
                except VoiceCoachError:
                    base.speak(line.text, stop=stop)  # an interviewer's voice may be missing
            except VoiceCoachError as exc:
                error = str(exc)
        self.post_message(TurnSpoken(turn, error))

    def on_line_said(self, message: LineSaid) -> None:
        if message.turn == self._turn:
            self._show_line(message.who, message.text, question=message.question)

    def on_turn_spoken(self, message: TurnSpoken) -> None:
        if message.turn != self._turn:
            return
        self._speaking = False
        if message.error and not self.services.status.voice_error:
            self.services.status.voice_error = message.error
            self.notify(message.error, title="Shown as text", severity="warning", timeout=12)
        self.interview.question_said()  # the answer's clock starts when the question is said
        session = self.interview.session
        if session.typed_only or session.phase is Phase.TYPING:
            self._start_typing()
        else:
            self._state_line("Listening… answer aloud; a pause ends it (space: done, t: type)")
            self.listen(self._turn)

    # ---- answering --------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="mock-answer")
    def listen(self, turn: int) -> None:
        settings = self.services.settings
        config = EndpointConfig(
            end_silence_s=settings.end_silence_s,
            initial_silence_s=settings.initial_silence_s,
            max_answer_s=settings.max_answer_s,
        )
        try:
            live = self.interview.session.start_answer(
                Microphone(settings.input_device), self.services.transcriber, config
            )
            attempt = live.run() if live is not None else None
        except NothingSaid:
            # A key pressed before a word was said: not an answer. Listen again.
            self.post_message(AnswerEnded(None, turn, again=True))
            return
        except VoiceCoachError as exc:
            self.post_message(AnswerEnded(None, turn, str(exc)))
            return
        self.post_message(AnswerEnded(attempt, turn))

    def on_live_updated(self, message: LiveUpdated) -> None:
        if self.state == "listening":
            self.query_one("#mock-transcript", Static).update(live_words(message.text))

    def on_answer_ended(self, message: AnswerEnded) -> None:
        if message.turn != self._turn or self.report is not None:
            return
        if message.attempt is not None:
            self._answered(message.attempt)
        elif message.again:
            self.interview.session.try_again()
            self._state_line("Nothing was said yet: listening again (t: type instead).")
            self.listen(self._turn)
        elif self.interview.session.phase is not Phase.TYPING or message.error:
            if message.error:
                self.notify(message.error, title="Type this answer", severity="warning")
            self._start_typing()

    def _start_typing(self) -> None:
        if self.interview.session.phase is not Phase.TYPING:
            self.interview.session.type_instead()
        typed = self.query_one("#mock-typed", Input)
        typed.value = ""
        self._state_line("Type your answer, then press Enter (ctrl+n: skip the question).")
        typed.focus()

    @on(Input.Submitted, "#mock-typed")
    def _typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify("The answer is empty (ctrl+n skips the question).", severity="warning")
            return
        ended = self.interview.now()
        try:
            attempt = self.interview.session.finish_typed(text)
        except Exception as exc:
            report_problem(self, exc, "Answer not saved")
            return
        self._answered(attempt, ended)

    def _answered(self, attempt: Attempt, ended: float | None = None) -> None:
        """The next thing the interviewer says: a follow-up, the next question, goodbye."""
        probe = self.interview.answered(attempt, ended_at=ended)
        if probe:
            self._put(self.interview.ask_follow_up(probe))
            return
        following = self.interview.next_question()
        if following is not None:
            self._put(following)
        else:
            self._farewell()

    # ---- the end ----------------------------------------------------------------

    def _farewell(self) -> None:
        self._turn += 1
        self._shown = []
        self.set_class(False, "-typing")
        lines = list(self.interview.plan.farewell)
        for line in lines:
            self._show_line(self._speaker_name(line), line.text)
        self.query_one("#mock-question", Static).update("")
        show_note(self.query_one("#mock-note", Static), None)
        if self.services.settings.speak_questions and not self.services.status.voice_error:
            self._speaking = True
            self.say_farewell(lines, self._stop_speaking)
        else:
            self.post_message(FarewellSaid())

    @work(thread=True, exclusive=True, exit_on_error=False, group="mock-speech")
    def say_farewell(self, lines: list[Line], stop: threading.Event) -> None:
        for line in lines:
            person = self.interview.plan.speaker(line)
            try:
                self.services.voice.with_voice(person.voice if person else None).speak(
                    line.text, stop=stop
                )
            except VoiceCoachError:
                break
        self.post_message(FarewellSaid())

    def on_farewell_said(self, message: FarewellSaid) -> None:
        self._speaking = False
        self._show_report()

    def _show_report(self) -> None:
        try:
            self.report = self.interview.finish()
        except VoiceCoachError as exc:  # not marked finished (a full disk): answers are kept
            self.notify(str(exc), title="Interview not marked finished", severity="warning")
            self.report = self.interview.report()
        self.query_one("#mock-report", Static).update(self.report.text())
        self.add_class("-report")
        self.query_one("#mock-report-box").focus()
        self.refresh_bindings()

    # ---- actions ----------------------------------------------------------------

    def action_done(self) -> None:
        if self._speaking:
            self._stop_speaking.set()
        elif self.state == "listening":
            self.interview.session.stop_answer()

    def action_type_answer(self) -> None:
        self._stop_speaking.set()
        self.interview.session.type_instead()
        self.workers.cancel_group(self, "mock-answer")
        if not self._speaking:
            self._start_typing()

    def action_skip(self) -> None:
        """Pass over this question: nothing weak is recorded, the interview goes on."""
        if self.report is not None:
            return
        self._stop_speaking.set()
        following = self.interview.skip()
        if following is not None:
            self._put(following)
        else:
            self._farewell()

    def action_leave(self) -> None:
        """Leave: an interview ended early is still saved, with the answers given."""
        self._stop_speaking.set()
        if self.report is None:
            try:
                self.interview.finish()
            except VoiceCoachError as exc:
                self.notify(str(exc), title="Interview not marked finished", severity="warning")
        self.app.pop_screen()
