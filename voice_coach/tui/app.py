"""The voice_coach app: choose a set, answer questions aloud, read the feedback.

Every blocking step (model load, speech, recording, transcription) runs in a
thread worker and reports back with messages; widgets are touched only here,
on the UI thread.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import ModalScreen, Screen

from voice_coach import privacy
from voice_coach.errors import VoiceCoachError, explain, log_error
from voice_coach.review import STRUGGLED, WEAK, struggled_set, weak_set
from voice_coach.set_files import available_sets
from voice_coach.speech.model_spec import BUNDLED
from voice_coach.store import Store
from voice_coach.tui.messages import (
    MOCK_OPTION,
    MockChoice,
    MockRequested,
    ModelFailed,
    ModelLoaded,
    PracticeRequested,
    SettingsRead,
    SettingsSaved,
)
from voice_coach.tui.screens import HomeScreen
from voice_coach.tui.services import RunStatus, Services

if TYPE_CHECKING:
    from voice_coach.config import Settings

    # numpy and the speech engines: built after the first frame (see Services), not
    # imported before the home screen is drawn.
    from voice_coach.speech.stt import Transcriber
    from voice_coach.speech.tts import Voice


class VoiceCoachApp(App[None]):
    CSS_PATH = Path(__file__).with_name("voice_coach.tcss")
    TITLE = "voice-coach"
    SUB_TITLE = "interview rehearsal"

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        read_settings: Callable[[], Settings] | None = None,
        start_set: str | None = None,
        typed: bool = False,
        store: Store | None = None,
        transcriber: Transcriber | None = None,
        voice: Voice | None = None,
    ) -> None:
        """``read_settings``, when no ``settings`` are given: how to read them, once the home
        screen is drawn (validating them brings pydantic); the defaults without either."""
        super().__init__()
        self.start_set = start_set
        # The transcriber's own name for it, without building one (that brings numpy).
        model_name = (
            transcriber.name
            if transcriber
            else (settings.model or "").strip() or BUNDLED
            if settings
            else None
        )
        self.services = Services(
            store=store or Store(),
            transcriber=transcriber,
            voice=voice,
            settings=settings,
            typed=typed,
            status=RunStatus(model_status=_loading(model_name)),
            read_settings=read_settings,
        )
        self.fatal_error: str | None = None
        self._settings_told = False
        """Whether what was wrong in the settings file was said (once, whoever read it)."""
        self._toasts: list[tuple[Notification, Screen[object] | None]] = []
        """Each notice shown and the screen it was raised on (see :meth:`notify`)."""

    def compose(self) -> ComposeResult:
        yield from ()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notices are plain text, always, whatever a caller asks, and belong to the
        screen they were raised on.

        They carry set names, file names and error messages that quote the user's own
        words; read as markup, "[/b]" in any of them would end the app with a traceback.
        A notice about one screen ("No recording for this answer") read over the next
        one is about the wrong thing, so each is remembered with its screen and taken
        down when that screen is left (a dialog or the palette opened over it is not
        leaving it). Every screen's ``notify`` comes here. Textual 8 has no notice
        scoped to a screen, so the app keeps the pairing itself.
        """
        notification = Notification(
            message,
            title,
            severity,
            self.NOTIFICATION_TIMEOUT if timeout is None else timeout,
            markup=False,
        )
        self._toasts.append((notification, self._base_screen()))
        self.post_message(Notify(notification))

    def _base_screen(self) -> Screen[object] | None:
        """The screen the user is on: the top one that is not a dialog over another."""
        return next(
            (s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen)), None
        )

    def _screen_changed(self, _screen: Screen[object]) -> None:
        """Take down the notices of a screen the user has left; keep the rest running."""
        base = self._base_screen()
        alive = [(n, owner) for n, owner in self._toasts if n.time_left > 0]
        kept = [n for n, owner in alive if owner is base]
        if len(kept) == len(alive):
            self._toasts = alive
            return
        self.clear_notifications()
        self._toasts = []
        for n in kept:  # shown again for the time they had left
            self.notify(n.message, title=n.title, severity=n.severity, timeout=n.time_left)

    def get_default_screen(self) -> HomeScreen:
        """The home screen is the app's first screen, the one under all others: pushed over
        Textual's blank default one, that one was built and laid out for no one."""
        return HomeScreen(self.services)

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._screen_changed)
        if self.services.settings_read:
            self.on_settings_read(SettingsRead(self.services.settings))
        # The settings are read on the model's worker otherwise, after the first frame.
        # After the first frame: the model's worker imports numpy and the speech engines,
        # which would otherwise hold the interpreter while the home screen is drawn.
        self.call_after_refresh(self.load_model)
        # The launcher keeps the cycle collector off until the first frame is drawn
        # (voice_coach.launch); elsewhere it is on already, and this changes nothing.
        self.call_after_refresh(gc.enable)
        self.call_after_refresh(self.tighten_folders)
        if self.start_set:
            self.call_after_refresh(self.start_practice, self.start_set)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The main actions in the command palette (ctrl+p), by name.

        Practice and review are offered from the home screen only: a recording in
        progress must not be left behind by a screen opened over it.
        """
        if isinstance(screen, HomeScreen):
            yield SystemCommand(
                "Practise my weak answers",
                "Questions whose last answer was flagged or struggled, due today first",
                lambda: self.start_practice(WEAK),
            )
            yield SystemCommand(
                "Practise struggled questions",
                "The questions you marked with m",
                lambda: self.start_practice(STRUGGLED),
            )
            try:
                found = available_sets()
            except Exception:  # the home screen says why; the other commands still work
                found = []
            for info in found:
                yield SystemCommand(
                    # The palette reads its titles as markup; a set's name is the user's.
                    f"Practise: {escape(info.name)}",
                    "Start a session on this question set",
                    lambda name=info.name: self.start_practice(name),
                )
            yield SystemCommand(
                "Mock interview",
                "A whole second interview, then a report card",
                lambda: self.start_mock(MockChoice()),
            )
            yield SystemCommand(
                "Mock interview (video call)",
                "The same, held as a video call: the tech, and the remote questions",
                lambda: self.start_mock(MockChoice(remote=True)),
            )
            yield SystemCommand(
                "Prepare",
                "The people, your CV against the job, notes, stories and the brief",
                screen.action_prepare,
            )
            yield SystemCommand(
                "Brief for the day",
                "One page to print: the people, your stories, hard questions, the close",
                self.open_brief,
            )
            yield SystemCommand("History", "Past sessions and answers", screen.action_history)
            yield SystemCommand("Progress", "Your progress over time", screen.action_progress)
            yield SystemCommand(
                "Mic check", "Noise, level, clipping; hear yourself back", screen.action_mic_check
            )
            yield SystemCommand(
                "Settings", "Devices, voice, speech rate, model, silence", screen.action_settings
            )
        yield from super().get_system_commands(screen)

    def open_brief(self) -> None:
        from voice_coach.tui.brief import BriefScreen

        self.push_screen(BriefScreen(self.services))

    def on_practice_requested(self, message: PracticeRequested) -> None:
        self.start_practice(message.set_name)

    def on_mock_requested(self, message: MockRequested) -> None:
        self.start_mock(message.choice)

    def _mock_chosen(self, choice: MockChoice | None) -> None:
        if choice is not None:
            self.start_mock(choice)

    def start_mock(self, choice: MockChoice) -> None:
        """Open a mock interview; a set it draws on that cannot be read is said in a
        notice, and the home screen stays."""
        try:
            # The interview brings the whole scorer: imported when asked for, after the
            # home screen is up (and warmed in the background meanwhile).
            from voice_coach.tui.mock import MockScreen, new_mock_interview

            interview = new_mock_interview(self.services.store, choice)
        except Exception as exc:
            problem = explain(exc)
            if not problem.expected:
                log_error(exc)
            self.notify(problem.message, title="Cannot start the mock interview", severity="error")
            return
        self.push_screen(MockScreen(interview, self.services))

    def on_settings_saved(self, message: SettingsSaved) -> None:
        """Saved settings apply from the next answer on: new services for every screen
        opened from now, and a changed voice that failed before is given another try."""
        before, after = self.services.settings, message.settings
        self.services = self.services.with_settings(after)
        if (before.voice, before.output_device) != (after.voice, after.output_device):
            self.services.status.voice_error = None
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):  # settings open from the home screen only
                screen.use(self.services)

    def start_practice(self, set_name: str) -> None:
        """Open a set (or a review set) on the practice screen; a set that cannot be read
        is said in a notice, and the home screen stays."""
        if set_name == MOCK_OPTION:  # the home list's mock interview entry: ask how it's held
            from voice_coach.tui.mock_setup import MockSetupScreen

            self.push_screen(MockSetupScreen(), self._mock_chosen)
            return
        from voice_coach.practice import PracticeSession
        from voice_coach.tui.practice import PracticeScreen

        store = self.services.store
        try:
            if set_name == WEAK:
                weak = weak_set(store)
                if weak is None:
                    self.notify("Nothing is due: no weak answer waits for practice today.")
                    return
                question_set = weak
            elif set_name == STRUGGLED:
                found = struggled_set(store)
                if found is None:
                    self.notify("No question is marked as struggled yet (press m after an answer).")
                    return
                question_set = found
            else:
                from voice_coach.questions import load_question_set

                question_set = load_question_set(set_name)
            session = PracticeSession(question_set, store)
        except Exception as exc:  # a damaged or hostile set file: said, and the app goes on
            problem = explain(exc)
            if not problem.expected:
                log_error(exc)
            self.notify(
                problem.message, title="Cannot open the question set", severity="error", timeout=15
            )
            return
        self.push_screen(PracticeScreen(session, self.services))

    def on_settings_read(self, message: SettingsRead) -> None:
        """Say what was wrong in the settings file, on the home screen, so the notices stay;
        and name the model being loaded, now that the settings say which."""
        if self._settings_told:
            return
        self._settings_told = True
        settings = message.settings
        for warning in settings.warnings:
            self.notify(warning, title="Settings", severity="warning", timeout=10)
        if self.services.status.model_status == _loading(None):
            name = (settings.model or "").strip() or BUNDLED
            self.services.status.model_status = _loading(name)
            self._refresh_model_status()

    @work(thread=True, exit_on_error=False, group="privacy")
    def tighten_folders(self) -> None:
        """Take group and other permissions off what an older version left in the app's
        folders: a stat per file, so after the first frame rather than before it (the
        command line's commands do it first thing, see :func:`privacy.harden`)."""
        privacy.tighten_app_folders()

    @work(thread=True, exclusive=True, exit_on_error=False, group="model")
    def load_model(self) -> None:
        self.post_message(SettingsRead(self.services.settings))  # read here when not given
        try:
            self.services.transcriber.load()
        except VoiceCoachError as exc:
            self.post_message(ModelFailed(str(exc)))
            _warm_scorer()
            self._warm_voice()
            return
        self.post_message(ModelLoaded(self.services.transcriber.name))
        _warm_scorer()
        self._warm_voice()
        self.recover()

    def _warm_voice(self) -> None:
        """Load the interviewer's voice now (Piper's model takes a second or two), so the
        first question starts speaking at once; a voice that cannot load is said when a
        question is first spoken, as before."""
        if not self.services.settings.speak_questions:
            return
        try:
            _ = self.services.voice.spec
        except Exception as exc:  # said when it is first used
            log_error(exc)

    @work(thread=True, exclusive=True, exit_on_error=False, group="recovery")
    def recover(self) -> None:
        """Answers cut short by a crash last time: saved, transcribed, marked recovered."""
        from voice_coach.recovery import recover_interrupted

        try:
            found = recover_interrupted(self.services.store, self.services.transcriber)
        except VoiceCoachError as exc:
            self.call_from_thread(self.notify, str(exc), title="Recovery", severity="error")
            return
        kept = [r for r in found if r.kept]
        found = [r for r in found if not r.kept]
        for left in kept:  # a full disk, say: kept as it was, tried again next start
            self.call_from_thread(
                self.notify, left.error or "", title="Recovery", severity="error", markup=False
            )
        if found:
            seconds = sum(r.duration_s for r in found)
            self.call_from_thread(
                self.notify,
                f"{len(found)} answer(s) interrupted last time were recovered "
                f"({seconds:.0f} s of audio); see voice-coach history.",
                title="Recovered",
            )

    def on_model_loaded(self, message: ModelLoaded) -> None:
        self.services.status.model_status = f"Speech model {message.name} ready."
        self._refresh_model_status()

    def on_model_failed(self, message: ModelFailed) -> None:
        self.services.status.model_error = message.error
        self.services.status.model_status = "Speech model unavailable: answers can be typed."
        self.notify(message.error, title="Speech model", severity="error", timeout=20)
        self._refresh_model_status()

    def _refresh_model_status(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_model_status(self.services.status.model_status)


def _loading(model: str | None) -> str:
    """The model status while it loads; without a name until the settings are read."""
    return f"Loading speech model {model}…" if model else "Loading the speech model…"


def _warm_scorer() -> None:
    """Compile the judge's patterns and load its verb tables in the background, before the
    first answer, so feedback appears the moment an answer ends rather than a second later."""
    from voice_coach.scoring import score_answer

    score_answer("Last year I rewrote the rota and we never missed a shift again.")
    # The other screens, imported after the home screen is drawn, so the first of each
    # opens without a pause.
    import voice_coach.tui.history
    import voice_coach.tui.miccheck
    import voice_coach.tui.mock
    import voice_coach.tui.practice
    import voice_coach.tui.settings  # noqa: F401
