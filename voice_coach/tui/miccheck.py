"""The microphone check screen: a quiet take, a spoken take, the report and its advice.

Recording, playback and the speaker test run in thread workers that only post
messages; the screen updates its widgets when those arrive, on the UI thread.
The devices and the voice are those of the :class:`Services` it is handed, so it runs
the same in the app and in a bare test app.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import AudioSource
from voice_coach.audio.miccheck import (
    SPEAKER_TEST_SENTENCE,
    MicCheckResult,
    MicReport,
    Step,
    run_mic_check,
)
from voice_coach.errors import VoiceCoachError
from voice_coach.tui.services import Services
from voice_coach.tui.widgets import LevelMeter

LEVEL_EVERY_S = 0.1
"""Ten meter updates a second read smoothly without flooding the message queue."""


class StepStarted(Message):
    def __init__(self, step: Step) -> None:
        super().__init__()
        self.step = step


class LevelMeasured(Message):
    """The input level; a newer one replaces an unhandled older one."""

    def __init__(self, level_db: float) -> None:
        super().__init__()
        self.level_db = level_db

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LevelMeasured)


class MicChecked(Message):
    def __init__(self, result: MicCheckResult) -> None:
        super().__init__()
        self.result = result


class MicCheckFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class SoundPlayed(Message):
    """Playback or the speaker test ended (``error`` when it could not play)."""

    def __init__(self, error: str | None = None) -> None:
        super().__init__()
        self.error = error


class MicCheckScreen(Screen[None]):
    """Measure the microphone and the room, say what to change, test the speaker."""

    DEFAULT_CSS = """
    MicCheckScreen #mic-check {
        padding: 0 1;
        height: 1fr;
    }
    MicCheckScreen #mc-step {
        text-style: bold;
        padding: 1 0 0 0;
    }
    MicCheckScreen #mc-meter {
        margin: 1 0;
    }
    MicCheckScreen #mc-report {
        height: auto;
    }
    MicCheckScreen #mc-verdict {
        height: auto;
        margin-top: 1;
        text-style: bold;
    }
    MicCheckScreen #mc-status {
        height: auto;
        margin-top: 1;
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("r", "run", "Run again", id="mic-check-run"),
        Binding("p", "play", "Play back", id="mic-check-play"),
        Binding("s", "speaker", "Speaker test", id="mic-check-speaker"),
        Binding("escape", "leave", "Back", id="mic-check-back"),
    ]

    def __init__(
        self,
        services: Services,
        silence_s: float = 3.0,
        speech_s: float = 5.0,
        *,
        source_factory: Callable[[], AudioSource] | None = None,
        autostart: bool = True,
    ) -> None:
        """``source_factory`` replaces the microphone (tests); ``autostart`` runs at once."""
        super().__init__()
        self.services = services
        self.silence_s = silence_s
        self.speech_s = speech_s
        self.source_factory = source_factory
        self.autostart = autostart
        self.state = "idle"
        """"idle", "recording", "done" or "failed"."""
        self.playing = False
        self.result: MicCheckResult | None = None
        self._stop_recording = threading.Event()
        self._stop_sound = threading.Event()
        self._last_level = 0.0

    # ---- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="mic-check"):
            yield Static(id="mc-step", markup=False)
            yield LevelMeter(id="mc-meter")
            yield Static(id="mc-report", markup=False)
            yield Static(id="mc-verdict", markup=False)
            yield Static(id="mc-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Microphone check"
        if self.autostart:
            self.action_run()
        else:
            self._show_step("Press r to check your microphone.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # None shows a key dimmed in the footer: every key stays visible.
        if action == "run":
            return None if self.state == "recording" or self.playing else True
        if action == "play":
            if self.playing:
                return True  # p again stops it
            return None if self.state == "recording" or self.result is None else True
        if action == "speaker":
            return None if self.state == "recording" or self.playing else True
        return True

    def _show_step(self, text: str) -> None:
        self.query_one("#mc-step", Static).update(text)

    def _show_status(self, text: str) -> None:
        self.query_one("#mc-status", Static).update(text)

    # ---- recording --------------------------------------------------------------

    def action_run(self) -> None:
        if self.state == "recording" or self.playing:
            return
        self.state = "recording"
        self._stop_recording.clear()
        self.query_one("#mc-report", Static).update("")
        self.query_one("#mc-verdict", Static).update("")
        self._show_status("")
        self._show_step("Opening the microphone…")
        self.refresh_bindings()
        self.record()

    @work(thread=True, exclusive=True, exit_on_error=False, group="mic-check")
    def record(self) -> None:
        try:
            source = self.source_factory() if self.source_factory else None
            result = run_mic_check(
                self.silence_s,
                self.speech_s,
                source,
                device=self.services.settings.input_device,
                on_step=self._step,
                on_level=self._level,
                stop=self._stop_recording,
            )
        except VoiceCoachError as exc:
            self.post_message(MicCheckFailed(str(exc)))
            return
        if not self._stop_recording.is_set():
            self.post_message(MicChecked(result))

    def _step(self, step: Step) -> None:
        self.post_message(StepStarted(step))

    def _level(self, level_db: float) -> None:
        """Called for every block from the worker: throttled here, before the queue."""
        now = time.monotonic()
        if now - self._last_level >= LEVEL_EVERY_S:
            self._last_level = now
            self.post_message(LevelMeasured(level_db))

    def on_step_started(self, message: StepStarted) -> None:
        if message.step == "quiet":
            self._show_step(
                f"Step 1 of 2 · Stay quiet for {self.silence_s:g} s: measuring the room…"
            )
        else:
            self._show_step(
                f"Step 2 of 2 · Now speak for {self.speech_s:g} s, as in the interview…"
            )

    def on_level_measured(self, message: LevelMeasured) -> None:
        self.query_one("#mc-meter", LevelMeter).level_db = max(-60.0, message.level_db)

    def on_mic_checked(self, message: MicChecked) -> None:
        self.result = message.result
        self.state = "done"
        report = message.result.report
        self._show_step(f"Done. Microphone: {message.result.device}")
        self.query_one("#mc-meter", LevelMeter).level_db = -60.0
        self.query_one("#mc-report", Static).update("\n".join(report.lines()))
        self.query_one("#mc-verdict", Static).update(verdict_line(report))
        self._show_status("p: hear your speech take · s: test the speaker · r: run again")
        self.refresh_bindings()

    def on_mic_check_failed(self, message: MicCheckFailed) -> None:
        self.state = "failed"
        self._show_step("✘ The microphone check could not run.")
        self.query_one("#mc-verdict", Static).update(message.error)
        self._show_status("Fix the microphone and press r to try again.")
        self.refresh_bindings()

    # ---- playback and the speaker test --------------------------------------------

    def action_play(self) -> None:
        if self.playing:
            self._stop_sound.set()
            return
        if self.result is None or self.state == "recording" or not self.result.speech.size:
            return
        self._start_sound("▶ Playing your speech take… (p: stop)")
        self.play_take(self.result)

    def action_speaker(self) -> None:
        if self.playing or self.state == "recording":
            return
        self._start_sound("▶ Speaking a test sentence: you should hear the interviewer…")
        self.speaker_test()

    def _start_sound(self, text: str) -> None:
        self.playing = True
        self._stop_sound.clear()
        self._show_status(text)
        self.refresh_bindings()

    @work(thread=True, exclusive=True, exit_on_error=False, group="mic-check-sound")
    def play_take(self, result: MicCheckResult) -> None:
        from voice_coach.audio.playback import play

        try:
            play(
                result.speech,
                SAMPLE_RATE,
                device=self.services.settings.output_device,
                stop=self._stop_sound,
            )
        except VoiceCoachError as exc:
            self.post_message(SoundPlayed(str(exc)))
            return
        self.post_message(SoundPlayed())

    @work(thread=True, exclusive=True, exit_on_error=False, group="mic-check-sound")
    def speaker_test(self) -> None:
        try:
            self.services.voice.speak(SPEAKER_TEST_SENTENCE, stop=self._stop_sound)
        except VoiceCoachError as exc:
            self.post_message(SoundPlayed(str(exc)))
            return
        self.post_message(SoundPlayed())

    def on_sound_played(self, message: SoundPlayed) -> None:
        self.playing = False
        self._show_status(f"✘ {message.error}" if message.error else "")
        if message.error:
            self.notify(message.error, title="Sound", severity="error", markup=False)
        self.refresh_bindings()

    # ---- leaving ----------------------------------------------------------------

    def action_leave(self) -> None:
        self._stop_all()
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self._stop_all()

    def _stop_all(self) -> None:
        self._stop_recording.set()
        self._stop_sound.set()


def verdict_line(report: MicReport) -> str:
    """The verdict with a mark, so it reads without colour."""
    mark = "✔" if report.verdict == "good" else "✘"
    return f"{mark} {report.advice[0].upper()}{report.advice[1:]}"
