"""Home (choose a set), practice (ask, listen, feedback) and summary screens."""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from voice_coach.audio.capture import Microphone
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.errors import VoiceCoachError, explain
from voice_coach.live import LiveAnswer, LiveStatus
from voice_coach.practice import AnswerKept, Attempt, PracticeSession
from voice_coach.questions import available_sets, load_question_set_file
from voice_coach.review import STRUGGLED, WEAK, struggled_key, struggled_set, weak_set
from voice_coach.speech.stt import TranscriptSegment, join_text
from voice_coach.speech.tts import Voice
from voice_coach.tui.feedback import feedback
from voice_coach.tui.messages import (
    AnswerEnded,
    AnswerFailed,
    AnswerScored,
    ListeningStarted,
    MicrophoneUnavailable,
    QuestionSpoken,
    RecordingStopped,
    StatusUpdated,
    TranscriptUpdated,
)
from voice_coach.tui.widgets import LevelMeter, cell, report_problem

if TYPE_CHECKING:
    from voice_coach.tui.app import VoiceCoachApp


class HomeScreen(Screen[None]):
    """Choose a question set."""

    BINDINGS = [
        Binding("h", "history", "History", id="history"),
        Binding("g", "progress", "Progress", id="progress"),
        Binding("c", "mic_check", "Mic check", id="mic-check"),
        Binding("s", "settings", "Settings", id="settings"),
        Binding("q", "app.quit", "Quit", id="quit-home"),
    ]

    def action_mic_check(self) -> None:
        from voice_coach.tui.miccheck import MicCheckScreen

        self.app.push_screen(MicCheckScreen())

    def action_settings(self) -> None:
        from voice_coach.tui.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_progress(self) -> None:
        from voice_coach.tui.history import ProgressScreen

        self.app.push_screen(ProgressScreen())

    def action_history(self) -> None:
        from voice_coach.tui.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Choose a question set. Each question is read aloud; answer out loud and you will "
            "hear back whether your answer gives a concrete example: a situation, what you did, "
            "and the result.",
            id="home-intro",
        )
        # markup=False throughout: titles, names and questions are the user's own text,
        # and "[/b]" in a set's title must show as written, not end the app.
        yield OptionList(id="sets", markup=False)
        yield Static(cast("VoiceCoachApp", self.app).model_status, id="model-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_sets()

    def on_screen_resume(self) -> None:
        self.refresh_sets()

    def refresh_sets(self) -> None:
        """List the sets, the struggled questions first when there are any."""
        options = self.query_one("#sets", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        store = cast("VoiceCoachApp", self.app).store
        try:
            weak, struggled = weak_set(store), struggled_set(store)
        except Exception as exc:  # the sets below can still be practised
            report_problem(self, exc, "Cannot read past answers")
            weak = struggled = None
        if weak is not None:
            options.add_option(
                Option(
                    f"{weak.title}  ({len(weak.questions)} due today)\n  {weak.description}",
                    id=WEAK,
                )
            )
        if struggled is not None:
            options.add_option(
                Option(
                    f"{struggled.title}  ({_count(len(struggled.questions))})\n"
                    f"  {struggled.description}",
                    id=STRUGGLED,
                )
            )
        try:
            found = available_sets()
        except Exception as exc:
            report_problem(self, exc, "Cannot list the question sets")
            found = []
        for info in found:
            if info.name in (WEAK, STRUGGLED):  # an option id is unique: it would end the app
                options.add_option(
                    Option(
                        f"{info.name}: cannot be used (the name is the app's own review set; "
                        "rename the file)",
                        disabled=True,
                    )
                )
                continue
            try:
                qs = load_question_set_file(info.path)
                label = f"{qs.title}  ({_count(len(qs.questions))})"
                if qs.description:
                    # One line each, so a whole list fits at 80x24.
                    first = qs.description.split(". ")[0].split(": ")[0].rstrip(".")
                    label += f"\n  {first[:60] + '…' if len(first) > 60 else first}"
            except Exception as exc:  # any file in the sets folder may be damaged or odd
                label = f"{info.name}: cannot be used ({explain(exc).message})"
            options.add_option(Option(label, id=info.name))
        if options.option_count:
            options.highlighted = min(highlighted or 0, options.option_count - 1)
        options.focus()

    def show_model_status(self, text: str) -> None:
        self.query_one("#model-status", Static).update(text)

    @on(OptionList.OptionSelected, "#sets")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            cast("VoiceCoachApp", self.app).start_practice(event.option.id)


def _count(n: int) -> str:
    return f"{n} question" if n == 1 else f"{n} questions"


class PracticeScreen(Screen[None]):
    """One question at a time: spoken, answered, transcribed live, scored."""

    BINDINGS = [
        Binding("space", "done", "Done", id="done"),
        Binding("t", "type_answer", "Type", id="type"),
        Binding("ctrl+r", "speak_instead", "Speak", id="speak-instead"),
        Binding("a", "follow_up", "Follow-up", id="follow-up"),
        Binding("m", "mark", "Struggled", id="mark"),
        Binding("r", "redo", "Redo", id="redo"),
        Binding("n", "next", "Next", id="next"),
        Binding("f", "finish", "Finish", id="finish"),
        Binding("escape", "leave", "Back", id="back"),
    ]

    def __init__(self, session: PracticeSession) -> None:
        super().__init__()
        self.session = session
        self.state = "idle"
        """"speaking", "loading", "listening", "transcribing", "typing" or "feedback"."""
        self._live: LiveAnswer | None = None
        self._stop_speaking = threading.Event()
        self._attempt_id: int | None = None
        self._listen_turn = 0
        """Bumped when typing takes over: a recording worker from an older turn keeps
        its audio on disk but must not overwrite the typed answer that took its attempt."""
        self._last_probe: str | None = None
        self._typed_only = False
        """Answers are typed: asked for (--typed), chosen (t), or no microphone."""

    @property
    def vc_app(self) -> VoiceCoachApp:
        return cast("VoiceCoachApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="practice"):
            yield Static(id="position", markup=False)
            yield Static(id="question", markup=False)
            yield Static(id="state", markup=False)
            with Horizontal(id="live"):
                yield LevelMeter(id="meter")
                yield Static(id="timer", markup=False)
            yield Static(id="cue", markup=False)
            with VerticalScroll(id="transcript-box") as box:
                box.border_title = "Transcript"
                yield Static(id="transcript", markup=False)
            yield Input(placeholder="Type your answer and press Enter", id="typed")
            with VerticalScroll(id="feedback-box") as fb:
                fb.border_title = "Feedback"
                yield Static(id="feedback", markup=False)
        yield Footer(compact=True)  # eight actions must fit in 80 columns

    def on_mount(self) -> None:
        self._typed_only = self.vc_app.typed
        self.sub_title = self.session.question_set.title
        self.ask()

    # ---- state -------------------------------------------------------------

    def _set_state(self, state: str, text: str) -> None:
        self.state = state
        self.set_class(state == "feedback", "-feedback")
        self.set_class(state == "typing", "-typing")
        self.set_class(state == "listening", "-recording")
        self.query_one("#state", Static).update(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "done":
            return self.state in ("speaking", "listening")
        if action == "type_answer":
            return self.state in ("speaking", "listening", "loading")
        if action == "speak_instead":
            return self._typed_only and self.state in ("typing", "feedback")
        if action in ("redo", "next", "finish"):
            return self.state in ("feedback", "stopped")
        if action == "follow_up":
            return self.state == "feedback" and bool(self._last_probe)
        if action == "mark":
            return self.state in ("feedback", "listening", "typing")
        return True

    # ---- asking ------------------------------------------------------------

    def ask(self) -> None:
        q = self.session.question
        person = self.session.question_set.interviewer_of(q)
        if person is not None:
            who = f" · {person.name}" + (f", {person.role}" if person.role else "")
        elif q.interviewer:
            who = f" · asked by the {q.interviewer}"
        else:
            who = ""
        follow = " · follow-up" if self.session.follow_up else ""
        self.query_one("#position", Static).update(f"Question {self.session.position}{follow}{who}")
        self.query_one("#question", Static).update(q.text)
        self.query_one("#transcript", Static).update("")
        self.query_one("#cue", Static).update("")
        self.query_one("#timer", Static).update("")
        self.query_one("#meter", LevelMeter).level_db = -60.0
        self._attempt_id = None
        if self.vc_app.settings.speak_questions and not self.vc_app.voice_error:
            self._set_state("speaking", "Speaking the question… (space: skip and answer now)")
            self._stop_speaking.clear()
            self.speak(q.text)
        else:
            self._set_state("idle", "")
            self.post_message(QuestionSpoken())

    def _prepare_next_question(self) -> None:
        """Synthesise the next question while this one is answered, so it starts at once.

        Safe from any thread: it only queues work for the TTS thread.
        """
        questions = self.session.question_set.questions
        following = self.session.index + 1
        if (
            following < len(questions)
            and self.vc_app.settings.speak_questions
            and not self.vc_app.voice_error
        ):
            # Returns a future at once; the TTS thread renders after the current question.
            self._voice_for(following).prepare(questions[following].text)

    def _voice_for(self, index: int) -> Voice:
        qs = self.session.question_set
        person = qs.interviewer_of(qs.questions[index])
        return self.vc_app.voice.with_voice(person.voice if person else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="speech")
    def speak(self, text: str) -> None:
        voice = self._voice_for(self.session.index)
        try:
            try:
                voice.synthesize(text)
            except VoiceCoachError:
                voice = self.vc_app.voice  # an interviewer's voice may be missing here
                voice.synthesize(text)
            self._prepare_next_question()  # queued behind this one, rendered while it plays
            voice.speak(text, stop=self._stop_speaking)
        except VoiceCoachError as exc:
            self.post_message(QuestionSpoken(str(exc)))
            return
        self.post_message(QuestionSpoken())

    def on_question_spoken(self, message: QuestionSpoken) -> None:
        if message.error and not self.vc_app.voice_error:
            self.vc_app.voice_error = message.error
            self.notify(
                message.error, title="Question shown as text", severity="warning", timeout=12
            )
        if self.state != "speaking" and self.state != "idle":
            return
        if self._typed_only:
            self._start_typing()
        else:
            self._start_listening()

    # ---- listening ---------------------------------------------------------

    def _start_listening(self) -> None:
        if not self.vc_app.transcriber.loaded:
            self._set_state("loading", "Loading the speech model… (t: type instead)")
        else:
            self._set_state("loading", "Opening the microphone…")
        self.listen()

    @work(thread=True, exclusive=True, exit_on_error=False, group="answer")
    def listen(self) -> None:
        app = self.vc_app
        turn = self._listen_turn
        try:
            app.transcriber.load()
        except VoiceCoachError as exc:
            self.post_message(AnswerFailed(str(exc)))
            return
        settings = app.settings
        config = EndpointConfig(
            end_silence_s=settings.end_silence_s,
            initial_silence_s=settings.initial_silence_s,
            max_answer_s=settings.max_answer_s,
        )
        if turn != self._listen_turn:
            return  # typing took over while the model loaded
        try:
            attempt_id, audio_path = self.session.begin_answer()
        except VoiceCoachError as exc:
            self.post_message(AnswerFailed(str(exc)))
            return
        self._attempt_id = attempt_id
        mic = Microphone(settings.input_device)
        live = LiveAnswer(mic, app.transcriber, audio_path, config, listener=self)
        self._live = live
        result = live.run()
        self._live = None
        if self.state == "typing" or turn != self._listen_turn:
            return  # the user chose to type instead: the typed answer takes this attempt
        if result.end_reason == "error" and result.duration_s == 0:
            self.post_message(MicrophoneUnavailable(result.error or "no microphone"))
            return
        try:
            attempt = self.session.finish_spoken(attempt_id, result)
        except AnswerKept as exc:
            self.post_message(RecordingStopped(str(exc)))
            return
        except VoiceCoachError as exc:
            self.post_message(AnswerFailed(str(exc)))
            return
        self.post_message(AnswerScored(attempt))

    # AnswerListener, called from worker threads: only post messages.
    def status(self, status: LiveStatus) -> None:
        self.post_message(StatusUpdated(status))

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        self.post_message(TranscriptUpdated(segments))

    def recording_started(self, device: str) -> None:
        self.post_message(ListeningStarted(device))

    def recording_ended(self, reason: str) -> None:
        self.post_message(AnswerEnded())

    def on_listening_started(self, message: ListeningStarted) -> None:
        if self.state == "loading":
            self._set_state(
                "listening", f"Listening on {message.device}… start when ready (space: done)"
            )

    def on_status_updated(self, message: StatusUpdated) -> None:
        if self.state != "listening":
            return
        s = message.status
        self.query_one("#meter", LevelMeter).level_db = s.level_db
        minutes, seconds = divmod(int(s.elapsed_s), 60)
        self.query_one("#timer", Static).update(f"{minutes}:{seconds:02d}")
        cue = ""
        if s.waiting_for_first_word:
            cue = "Take your time to think; recording until you start speaking."
            if s.ends_in_s is not None:
                cue = f"No speech yet: stopping in {s.ends_in_s:.0f} s unless you start."
        elif s.ends_in_s is not None:
            cue = f"Silence: ending the answer in {s.ends_in_s:.1f} s. Keep talking to go on."
        self.query_one("#cue", Static).update(cue)

    def on_transcript_updated(self, message: TranscriptUpdated) -> None:
        self.query_one("#transcript", Static).update(join_text(message.segments))

    def on_answer_ended(self, message: AnswerEnded) -> None:
        if self.state == "listening":
            self._set_state("transcribing", "Transcribing the end of your answer…")

    def on_answer_scored(self, message: AnswerScored) -> None:
        if message.attempt.error:
            # The device failed mid-answer: say so at once, not only below the feedback.
            self.notify(
                f"{message.attempt.error}. What you said so far is saved and scored.",
                title="Recording interrupted",
                severity="warning",
                timeout=15,
            )
        self._show_feedback(message.attempt)

    def on_recording_stopped(self, message: RecordingStopped) -> None:
        """A full disk: said in plain words on the screen and in a notice; nothing is lost."""
        self.query_one("#cue", Static).update("")
        self._set_state("stopped", "")
        self.query_one("#state", Static).update(Text(message.text))
        self.notify(
            message.text, title="Recording stopped", severity="error", timeout=30, markup=False
        )

    def on_microphone_unavailable(self, message: MicrophoneUnavailable) -> None:
        self.notify(
            f"{message.error}. Type your answer instead.",
            title="No microphone",
            severity="error",
            timeout=15,
        )
        self._typed_only = True
        self._start_typing()

    def on_answer_failed(self, message: AnswerFailed) -> None:
        self.notify(message.error, title="Cannot record", severity="error", timeout=15)
        self._start_typing()

    # ---- typing ------------------------------------------------------------

    def _start_typing(self) -> None:
        self._set_state("typing", "Type your answer, then press Enter.")
        typed = self.query_one("#typed", Input)
        typed.value = ""
        typed.focus()

    @on(Input.Submitted, "#typed")
    def _typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify("The answer is empty.", severity="warning")
            return
        try:
            attempt = self.session.finish_typed(text, self._attempt_id)
        except Exception as exc:
            report_problem(self, exc, "Answer not scored")
            return
        self._show_feedback(attempt)

    # ---- feedback ----------------------------------------------------------

    def _show_feedback(self, attempt: Attempt) -> None:
        self._last_probe = attempt.score.probe if attempt.score else None
        self.query_one("#feedback", Static).update(feedback(attempt))
        last = " (last question)" if self.session.is_last else ""
        self._set_state("feedback", f"r: redo · n: next question{last} · f: finish")
        self.query_one("#feedback-box").focus()

    # ---- actions -----------------------------------------------------------

    def action_done(self) -> None:
        if self.state == "speaking":
            self._stop_speaking.set()
        elif self.state == "listening" and self._live is not None:
            self._live.stop()

    def action_type_answer(self) -> None:
        self._listen_turn += 1
        self._stop_speaking.set()
        if self._live is not None:
            self._live.stop()
            self._live = None
        self.workers.cancel_group(self, "answer")
        self._typed_only = True
        self._start_typing()

    def action_speak_instead(self) -> None:
        """Back to the microphone after typing: a device plugged back in, or another chosen.

        If it fails again the user is told and typing is offered, as at the start.
        """
        self._typed_only = False
        self.refresh_bindings()
        if self.state == "typing":
            if self._attempt_id is not None:
                # On failure it is left for recovery at the next start: nothing is lost.
                with contextlib.suppress(VoiceCoachError):
                    self.vc_app.store.discard_empty_attempt(self._attempt_id)
                self._attempt_id = None
            self._start_listening()
        else:
            self.notify("The next answer will be spoken.")

    def action_mark(self) -> None:
        """Toggle 'struggled' on this question: it joins the built-in set for later."""
        store = self.vc_app.store
        q = self.session.question
        set_name, question_id = struggled_key(self.session.question_set.name, q.id)
        try:
            marked = {(s, i) for s, i, _ in store.struggled()}
            if (set_name, question_id) in marked:
                store.unmark_struggled(set_name, question_id)
                self.notify("No longer marked as struggled.")
            else:
                store.mark_struggled(set_name, question_id, q.text)
                self.notify("Marked as struggled: it is in 'Questions I struggled with'.")
        except VoiceCoachError as exc:
            self.notify(str(exc), severity="error")

    def action_follow_up(self) -> None:
        """Answer the interviewer's follow-up aloud, as in a real interview."""
        if self._last_probe:
            self.session.ask_follow_up(self._last_probe)
            self.ask()

    def action_redo(self) -> None:
        self.session.redo()
        self.ask()

    def action_next(self) -> None:
        if self.session.next_question():
            self.ask()
        else:
            self.action_finish()

    def action_finish(self) -> None:
        self._stop_speaking.set()
        if self._live is not None:
            self._live.stop()
        self._finish_session()
        self.app.switch_screen(SummaryScreen(self.session))

    def action_leave(self) -> None:
        self._stop_speaking.set()
        if self._live is not None:
            self._live.stop()
        self._finish_session()
        self.app.pop_screen()

    def _finish_session(self) -> None:
        """Leaving never fails: a session the database cannot mark finished (a full disk)
        keeps its answers all the same; the user is told, and goes on."""
        try:
            self.session.finish()
        except VoiceCoachError as exc:
            self.notify(
                str(exc), title="Session not marked finished", severity="warning", markup=False
            )


class SummaryScreen(Screen[None]):
    """Each question answered in the session, with its verdict."""

    BINDINGS = [
        Binding("escape,enter", "home", "Home", id="home"),
        Binding("q", "app.quit", "Quit", id="quit-summary"),
    ]

    def __init__(self, session: PracticeSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary-title", markup=False)
        yield DataTable(id="summary-table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        attempts = self.session.summary()
        examples = sum(1 for a in attempts if a.meets)
        self.query_one("#summary-title", Static).update(
            f"Session summary: {self.session.question_set.title}: "
            f"{examples} of {len(attempts)} answers had what they needed. Saved."
        )
        table = self.query_one("#summary-table", DataTable)
        table.add_columns("#", "Verdict", "Words", "Time", "Question")
        for i, a in enumerate(attempts, 1):
            if a.score is None:
                mark = "— no speech"
            elif not a.flagged:
                mark = "✔ good answer"
            else:
                mark = "✘ needs work: " + (", ".join(a.score.missing[:2]) or "see feedback")
            words = str(a.score.metrics.words) if a.score else "0"
            time = f"{a.duration_s:.0f} s" if a.duration_s else a.status
            table.add_row(str(i), cell(mark), words, time, cell(a.question.text))
        table.focus()

    def action_home(self) -> None:
        self.app.pop_screen()
