"""The practice screen: the question, the live answer, the feedback.

The session engine (:class:`~voice_coach.practice.PracticeSession`) owns the flow:
its phase, which attempt a recording belongs to, what happens when typing takes
over. This screen speaks the question, runs the engine's blocking steps in workers,
turns the engine's events into messages, and draws.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from voice_coach.attempts import Attempt, Outcome
from voice_coach.audio import clock
from voice_coach.audio.capture import Microphone
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.errors import VoiceCoachError, log_error
from voice_coach.live import LiveStatus
from voice_coach.practice import (
    AnswerKept,
    MicrophoneFailed,
    NothingSaid,
    Phase,
    PracticeSession,
)
from voice_coach.questions import Question
from voice_coach.review import struggled_key
from voice_coach.speech.interim import LiveText
from voice_coach.speech.stt import TranscriptSegment, join_text
from voice_coach.speech.tts import Voice
from voice_coach.stories import Story
from voice_coach.story_bank import StoryBank, reuse_among
from voice_coach.tui.feedback import feedback
from voice_coach.tui.messages import (
    AnswerFailed,
    AnswerScored,
    ListeningStarted,
    LiveTextUpdated,
    MicrophoneUnavailable,
    QuestionSpoken,
    RecordingStopped,
    StatusUpdated,
    TranscriptUpdated,
)
from voice_coach.tui.stories import StoriesHint, bank_answer
from voice_coach.tui.widgets import LevelMeter, live_words, report_problem, show_note

if TYPE_CHECKING:
    from voice_coach.tui.services import Services


TYPING_HINT = "Type your answer, then press Enter (ctrl+n: skip the question)."


ASKERS = {
    "hr": "HR",
    "head": "the head of department",
    "senior": "a senior team member",
    "team member": "a team member",
    "panel": "the panel",
}
"""How a set's interviewer labels read after "asked by": "asked by the HR" and "asked by
the senior" are not English."""


def asker(label: str) -> str:
    return ASKERS.get(label.strip().lower(), f"the {label.strip()}")


class PhaseChanged(Message):
    """The engine moved to another phase (posted from any thread)."""

    def __init__(self, phase: Phase) -> None:
        super().__init__()
        self.phase = phase

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, PhaseChanged)


class PracticeScreen(Screen[None]):
    """One question at a time: spoken, answered, transcribed live, scored."""

    BINDINGS = [
        Binding("space", "done", "Done", id="done"),
        Binding("space", "try_again", "Try again", id="try-again"),
        Binding("t", "type_answer", "Type", id="type"),
        Binding("ctrl+r", "speak_instead", "Speak", id="speak-instead"),
        Binding("a", "follow_up", "Follow-up", id="follow-up"),
        Binding("m", "mark", "Struggled", id="mark"),
        Binding("r", "redo", "Redo", id="redo"),
        Binding("n", "next", "Next", id="next"),
        # The answer box takes every letter, n too: skipping from inside it needs a chord.
        Binding("ctrl+n", "next", "Skip", id="skip", show=False),
        Binding("f", "finish", "Finish", id="finish"),
        Binding("b", "bank", "Bank story", id="bank", tooltip="Save this story to reuse it"),
        Binding("escape", "leave", "Back", id="back"),
    ]

    def __init__(self, session: PracticeSession, services: Services) -> None:
        super().__init__()
        self.session = session
        self.services = services
        self._speaking = False
        self._stop_speaking = threading.Event()
        """Stops the question being read; a new one for each question put, so a skipped
        question's reading cannot outlive the skip."""
        self._asked = 0
        self._stories: list[Story] = []
        """The story bank as read when this question was put: its hint, then its feedback."""
        self._bankable: Attempt | None = None
        """A good story just told: b banks it."""
        """Questions put so far: tells a stale QuestionSpoken from the current one's."""
        self._typing_open = False
        self._drawn: Phase | None = None
        """The result phase (feedback, nothing heard) whose words are on the screen."""

    @property
    def state(self) -> str:
        """What the screen shows, in one word: the engine's phase, and whether the question
        is being read aloud ("speaking") or just shown ("idle")."""
        phase = self.session.phase
        if phase in (Phase.FEEDBACK, Phase.NOTHING_HEARD) and self._drawn is not phase:
            # The engine is there, but its result reaches this screen a message later:
            # until it is drawn, the screen still shows the answer being finished.
            return "transcribing"
        if phase is Phase.ASKING:
            return "speaking" if self._speaking else "idle"
        if phase is Phase.PREPARING:
            return "loading"
        return str(phase)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="practice"):
            yield Static(id="position", markup=False)
            yield Static(id="question", markup=False)
            yield Static(id="note", markup=False)
            yield StoriesHint(id="stories-hint")
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
        self.session.listener = self
        self.session.typed_only = self.session.typed_only or self.services.typed
        self.sub_title = self.session.question_set.title
        self._put(self.session.ask())

    def on_unmount(self) -> None:
        """Quitting the app mid-question stops the reading and ends a recording now (the
        answer is kept and scored, as after "done"): the app cannot exit before its worker
        threads end, and a microphone left listening held it open for the whole thinking
        time, or for as long as the user went on talking."""
        self._stop_speaking.set()
        self.session.stop_answer()

    # ---- the engine's events (any thread: only post) ------------------------

    def phase_changed(self, phase: Phase) -> None:
        self.post_message(PhaseChanged(phase))

    def status(self, status: LiveStatus) -> None:
        self.post_message(StatusUpdated(status))

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        self.post_message(TranscriptUpdated(segments))

    def live_text(self, text: LiveText) -> None:
        self.post_message(LiveTextUpdated(text))

    def recording_started(self, device: str) -> None:
        self.post_message(ListeningStarted(device))

    def recording_ended(self, reason: str) -> None:
        return None  # the phase says it

    # ---- drawing -------------------------------------------------------------

    def _show_state(self, text: str | Text | None = None) -> None:
        state = self.state
        self.set_class(state == "feedback", "-feedback")
        self.set_class(state == "typing", "-typing")
        self.set_class(state == "listening", "-recording")
        if text is not None:
            self.query_one("#state", Static).update(text)
        self.refresh_bindings()

    def on_phase_changed(self, message: PhaseChanged) -> None:
        if self.session.phase is Phase.NOTHING_HEARD:
            self._drawn = Phase.NOTHING_HEARD  # drawn just below
        words = {
            "loading": "Loading the speech model… (t: type instead)"
            if not self.services.transcriber.loaded
            else "Opening the microphone…",
            "transcribing": "Transcribing the end of your answer…",
            "typing": TYPING_HINT,
            "nothing_heard": self._nothing_heard(),
        }
        if self.state == "typing":
            self._start_typing()  # the box is ready the moment the phase says typing
        else:
            self._show_state(words.get(self.state))

    def _nothing_heard(self) -> str:
        """Why the answer ended without a word, and what can be done: never a bare ✘."""
        keys = "press space to try again, t to type, n to skip"
        if self.session.silence_reason == "stopped":
            return f"The answer ended before anything was said, so nothing was saved: {keys}."
        waited = self.services.settings.initial_silence_s
        return f"Nothing was heard in {waited:g} s — take your time: {keys}."

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.state
        if action == "done":
            return state in ("speaking", "loading", "listening")
        if action == "try_again":
            return state == "nothing_heard"
        if action == "type_answer":
            return state in ("speaking", "listening", "loading", "nothing_heard")
        if action == "speak_instead":
            return state == "typing" or (self.session.typed_only and state == "feedback")
        if action == "next":
            return state != "finished"  # a skip, at any moment
        if action == "redo":
            return state in ("feedback", "stopped")
        if action == "finish":
            return state in ("feedback", "stopped", "nothing_heard")
        if action == "follow_up":
            return bool(self.session.last_probe)
        if action == "mark":
            return state in ("feedback", "listening", "typing", "nothing_heard")
        if action == "bank":
            return state == "feedback" and self._bankable is not None
        return True

    # ---- asking ------------------------------------------------------------

    def _put(self, q: Question) -> None:
        """Show the question the engine asks, and read it aloud unless that is off.

        In a typed session the answer box opens at once, while the question is read, so
        what the user types goes into it and never reaches the screen's keys.
        """
        self._typing_open = False
        self._drawn = None
        self._asked += 1
        self._stop_speaking.set()  # a question skipped while read stops now
        self._stop_speaking = threading.Event()
        person = self.session.question_set.interviewer_of(q)
        if person is not None:
            who = f" · {person.name}" + (f", {person.role}" if person.role else "")
        elif q.interviewer:
            who = f" · asked by {asker(q.interviewer)}"
        else:
            who = ""
        follow = " · follow-up" if self.session.follow_up else ""
        self.query_one("#position", Static).update(f"Question {self.session.position}{follow}{who}")
        self.query_one("#question", Static).update(q.text)
        show_note(self.query_one("#note", Static), q.note)
        self._stories = self._banked()
        self.query_one(StoriesHint).show_for(q.text, self._stories)
        self.query_one("#transcript", Static).update("")
        self.query_one("#cue", Static).update("")
        self.query_one("#timer", Static).update("")
        self.query_one("#meter", LevelMeter).level_db = -60.0
        if self.services.settings.speak_questions and not self.services.status.voice_error:
            self._speaking = True
            self._show_state("Speaking the question… (space: skip and answer now)")
            self.speak(q.text, self._asked, self._stop_speaking)
        else:
            self._speaking = False
            self._show_state("")
            self.post_message(QuestionSpoken(asked=self._asked))
        if self.session.typed_only:
            self._start_typing()

    def _banked(self) -> list[Story]:
        """The user's banked stories, read afresh for each question (one was perhaps just
        banked from history); a store that cannot be read gives no hint, not an error."""
        try:
            return StoryBank(self.services.store).all()
        except Exception as exc:
            log_error(exc)
            return []

    def _prepare_next_question(self) -> None:
        """Synthesise the next question while this one is answered, so it starts at once.

        Safe from any thread: it only queues work for the TTS thread.
        """
        questions = self.session.question_set.questions
        following = self.session.index + 1
        if (
            following < len(questions)
            and self.services.settings.speak_questions
            and not self.services.status.voice_error
        ):
            # Returns a future at once; the TTS thread renders after the current question.
            self._voice_for(following).prepare(questions[following].text)

    def _voice_for(self, index: int) -> Voice:
        qs = self.session.question_set
        person = qs.interviewer_of(qs.questions[index])
        return self.services.voice.with_voice(person.voice if person else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="speech")
    def speak(self, text: str, asked: int, stop: threading.Event) -> None:
        voice = self._voice_for(self.session.index)
        try:
            try:
                _ = voice.spec  # an interviewer's voice may be missing here
            except VoiceCoachError:
                voice = self.services.voice
            # Sentence by sentence: the first words play while the rest is rendered.
            voice.speak(text, stop=stop)
        except VoiceCoachError as exc:
            self.post_message(QuestionSpoken(str(exc), asked))
            return
        if voice.notice:  # the natural voice could not run: said once, questions go on
            self.app.call_from_thread(
                self.notify, voice.notice, title="Voice", severity="warning", timeout=12
            )
        self._prepare_next_question()  # rendered while the user answers
        self.post_message(QuestionSpoken(asked=asked))

    def on_question_spoken(self, message: QuestionSpoken) -> None:
        if message.asked != self._asked:
            return  # a skipped question's reading, ended after the next was put
        self._speaking = False
        if message.error and not self.services.status.voice_error:
            self.services.status.voice_error = message.error
            self.notify(
                message.error, title="Question shown as text", severity="warning", timeout=12
            )
        if self.session.phase is Phase.TYPING:
            self._show_state()  # the reading ended: the state word changes
            return
        if self.session.phase is not Phase.ASKING:
            return
        if self.session.typed_only:
            self._start_typing()
        else:
            self.listen()

    # ---- listening ---------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="answer")
    def listen(self) -> None:
        settings = self.services.settings
        config = EndpointConfig(
            end_silence_s=settings.end_silence_s,
            initial_silence_s=settings.initial_silence_s,
            max_answer_s=settings.max_answer_s,
        )
        try:
            turn = self.session.start_answer(
                Microphone(settings.input_device), self.services.transcriber, config
            )
            if turn is None:
                return  # typing took over while the model loaded
            attempt = turn.run()
            if not turn.current:
                return  # skipped or left while recording: saved, but not shown
        except NothingSaid:
            return  # the phase says it, and offers to try again
        except MicrophoneFailed as exc:
            self.post_message(MicrophoneUnavailable(str(exc)))
            return
        except AnswerKept as exc:
            self.post_message(RecordingStopped(str(exc)))
            return
        except VoiceCoachError as exc:
            self.post_message(AnswerFailed(str(exc)))
            return
        if attempt is not None:
            self.post_message(AnswerScored(attempt))

    def on_listening_started(self, message: ListeningStarted) -> None:
        if self.state == "listening":
            self._show_state(f"Listening on {message.device}… start when ready (space: done)")

    def on_status_updated(self, message: StatusUpdated) -> None:
        if self.state != "listening":
            return
        s = message.status
        self.query_one("#meter", LevelMeter).level_db = s.level_db
        self.query_one("#timer", Static).update(clock(s.elapsed_s))
        cue = ""
        if s.waiting_for_first_word:
            cue = "Take your time to think; recording until you start speaking."
            if s.ends_in_s is not None:
                cue = f"Thinking time ends in {s.ends_in_s:.0f} s: start speaking to answer."
        elif s.ends_in_s is not None:
            cue = f"Silence: ending the answer in {s.ends_in_s:.1f} s. Keep talking to go on."
        self.query_one("#cue", Static).update(cue)

    def on_transcript_updated(self, message: TranscriptUpdated) -> None:
        self.query_one("#transcript", Static).update(join_text(message.segments))

    def on_live_text_updated(self, message: LiveTextUpdated) -> None:
        if self.session.phase in (Phase.LISTENING, Phase.TRANSCRIBING):
            self.query_one("#transcript", Static).update(live_words(message.text))

    def on_answer_scored(self, message: AnswerScored) -> None:
        if self.session.phase is not Phase.FEEDBACK:
            return  # nothing heard (said in words, not as a ✘), or the user moved on
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
        self._show_state(Text(message.text))
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
        self._start_typing()

    def on_answer_failed(self, message: AnswerFailed) -> None:
        self.notify(message.error, title="Cannot record", severity="error", timeout=15)
        self._start_typing()

    # ---- typing ------------------------------------------------------------

    def _start_typing(self) -> None:
        """Open the answer box, once per answer: called again (the engine's phase, then the
        notice that the microphone failed), it keeps what the user already typed."""
        if self.session.phase is not Phase.TYPING:
            self.session.type_instead()
        self._drawn = None
        self._show_state(TYPING_HINT)
        typed = self.query_one("#typed", Input)
        if not self._typing_open:
            typed.value = ""
            self._typing_open = True
        typed.focus()

    @on(Input.Submitted, "#typed")
    def _typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify("The answer is empty.", severity="warning")
            return
        try:
            attempt = self.session.finish_typed(text)
        except Exception as exc:
            report_problem(self, exc, "Answer not scored")
            return
        self._show_feedback(attempt)

    # ---- feedback ----------------------------------------------------------

    def action_bank(self) -> None:
        if self._bankable is not None:
            bank_answer(self, self.services.store, self._bankable)
            self._bankable = None
            self.refresh_bindings()

    def _show_feedback(self, attempt: Attempt) -> None:
        # "Press a to answer it aloud" is only true when the follow-up is spoken.
        self._drawn = Phase.FEEDBACK
        story_asked = attempt.question.question_kind.spec.needs_example
        good_story = attempt.outcome is Outcome.GOOD and story_asked
        self._bankable = attempt if good_story else None
        typed = self.session.typed_only
        reuse = reuse_among(self._stories, attempt)  # the bank as read for this question
        self.query_one("#feedback", Static).update(feedback(attempt, live=not typed, reuse=reuse))
        last = " (last question)" if self.session.is_last else ""
        follow = (
            " · a: type your answer to the follow-up"
            if typed and attempt.score and attempt.score.probe
            else ""
        )
        self._show_state(f"r: redo · n: next question{last} · f: finish{follow}")
        self.query_one("#feedback-box").focus()

    # ---- actions -----------------------------------------------------------

    def action_try_again(self) -> None:
        """Nothing was heard: the same question is put again and the answer listened for."""
        self._put(self.session.try_again())

    def action_done(self) -> None:
        if self.state == "speaking":
            self._stop_speaking.set()
        elif self.state in ("loading", "listening"):
            self.session.stop_answer()

    def action_type_answer(self) -> None:
        self._stop_speaking.set()
        self.session.type_instead()
        self.workers.cancel_group(self, "answer")
        self._start_typing()

    def action_speak_instead(self) -> None:
        """Back to the microphone after typing: a device plugged back in, or another chosen.

        If it fails again the user is told and typing is offered, as at the start.
        """
        if self.session.speak_instead():
            self.listen()
        else:
            self.refresh_bindings()
            self.notify("The next answer will be spoken.")

    def action_mark(self) -> None:
        """Toggle 'struggled' on this question: it joins the built-in set for later."""
        store = self.services.store
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
        if self.session.last_probe:
            self._put(self.session.ask_follow_up())

    def action_redo(self) -> None:
        self._put(self.session.redo())

    def action_next(self) -> None:
        """Move on at any moment: a recording stops, and is saved only if words were said
        (the engine decides); never a "no speech" answer."""
        self._stop_speaking.set()
        if self.session.skip():
            self._put(self.session.question)
        else:
            self.action_finish()

    def action_finish(self) -> None:
        from voice_coach.tui.screens import SummaryScreen

        self._stop_speaking.set()
        self._finish_session()
        self.app.switch_screen(SummaryScreen(self.session, self.services))

    def action_leave(self) -> None:
        self._stop_speaking.set()
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
