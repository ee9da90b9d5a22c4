"""What the user sees when things break: the sound server dies, no microphone, no voice,
a broken model, a long session.

The server tests stop the shared virtual PulseAudio on purpose and always start it
again before they return, so the rest of the suite (and other people's runs) keep a
sound server; keep them quick.
"""

from __future__ import annotations

import asyncio
import subprocess
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
import soundfile

from tests.conftest import REPO, speech_file
from tests.helpers import normalise, play_into_mic, rendered_text, wait_for
from voice_coach.attempts import Outcome
from voice_coach.audio.capture import STALL_S, Microphone
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.live import LiveAnswer, LiveStatus
from voice_coach.speech.stt import TranscriptSegment

pytestmark = pytest.mark.integration

KILL_AFTER_S = 3.0
"""Speech heard before the server goes: JFK has said "And so my fellow Americans" by then.
Timed from the first speech the app hears, because the sound server takes from a tenth of a
second to two seconds to start delivering a new stream (and playing the recording)."""

FIRST_WAIT_S = 8.0
"""The microphone's grace for a first block, plus the server's own start-up."""


def _stop_sound_server() -> None:
    subprocess.run(["pactl", "exit"], capture_output=True, check=False, timeout=10)


def _restart_sound_server() -> None:
    """scripts/virtual-audio start: the server, its sinks and the default mic and speaker."""
    subprocess.run(
        [str(REPO / "scripts" / "virtual-audio"), "start"],
        cwd=REPO,
        capture_output=True,
        check=True,
        timeout=30,
    )
    sources = subprocess.run(
        ["pactl", "list", "short", "sources"], capture_output=True, text=True, check=False
    ).stdout
    assert "micfeed.monitor" in sources, "the virtual sound server did not come back"


class _KillWhileSpeaking:
    """Starts speaking into the mic once it is open, and stops the server mid-sentence."""

    def __init__(self, speech: Path) -> None:
        self.speech = speech
        self.player: subprocess.Popen[bytes] | None = None
        self.started_at: float | None = None
        self.killed_at: float | None = None
        self.kill_done_at: float | None = None
        self.speech_at_s = 0.0
        """Where in the recording speech was first heard."""
        self.ended_at: float | None = None
        self.segments: tuple[TranscriptSegment, ...] = ()
        self._timer: threading.Timer | None = None

    def recording_started(self, device: str) -> None:
        self.started_at = time.monotonic()
        self.player = play_into_mic(self.speech)

    def _kill(self) -> None:
        self.killed_at = time.monotonic()
        _stop_sound_server()
        self.kill_done_at = time.monotonic()

    def status(self, status: LiveStatus) -> None:
        if status.speech_started and self._timer is None:
            self.speech_at_s = status.elapsed_s
            self._timer = threading.Timer(KILL_AFTER_S, self._kill)
            self._timer.start()

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        self.segments = segments

    def recording_ended(self, reason: str) -> None:
        self.ended_at = time.monotonic()

    def cleanup(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        if self.player is not None:
            self.player.kill()
            self.player.wait(5)


def test_sound_server_stopped_mid_answer_keeps_the_audio_and_words(
    virtual_audio: None,
    transcriber,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    path = tmp_path / "answer.flac"
    listener = _KillWhileSpeaking(speech_file("jfk.flac"))
    live = LiveAnswer(
        Microphone(), transcriber, path, EndpointConfig(initial_silence_s=10.0), listener
    )
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(live.run()), daemon=True)
    try:
        worker.start()
        worker.join(KILL_AFTER_S + FIRST_WAIT_S + 30)
        assert not worker.is_alive(), "LiveAnswer.run() hung after the sound server stopped"
    finally:
        listener.cleanup()
        _restart_sound_server()
    (result,) = outcome
    assert listener.killed_at is not None and listener.ended_at is not None
    assert listener.started_at is not None and listener.kill_done_at is not None
    # The stall is noticed rather than waited out: the join above is the hang guard; how
    # fast it is noticed depends on the machine's load, so it is not asserted here.

    assert result.end_reason == "error"  # type: ignore[attr-defined]
    assert "microphone stopped" in (result.error or "")  # type: ignore[attr-defined]
    # What was said before the server went is on disk and readable: at least the speech
    # heard before the stop was asked for (less what was in flight), at most the time the
    # stream was open. Bounds from the clock, so a loaded machine's delays can't fail them.
    info = soundfile.info(str(path))
    assert info.duration >= listener.speech_at_s + KILL_AFTER_S - 1.0
    assert info.duration <= listener.kill_done_at - listener.started_at + 1.0
    assert result.duration_s == pytest.approx(info.duration, abs=0.1)  # type: ignore[attr-defined]
    heard = normalise(result.transcript.text)  # type: ignore[attr-defined]
    assert "fellow americans" in heard, heard
    # Nothing invented past the end of what was recorded.
    words = [w for seg in result.transcript.segments for w in seg.words]  # type: ignore[attr-defined]
    assert words and words[-1].end <= info.duration + 0.1


# ---- the app -------------------------------------------------------------------------------

SET_TOML = """
name = "failures"
title = "Failure drills"

[[questions]]
id = "led-project"
text = "Tell me about a project you led and what came of it."
expects = ["example"]

[[questions]]
id = "conflict"
text = "Tell me about a disagreement with a colleague and how you resolved it."
expects = ["example"]
"""

TYPED_ANSWER = (
    "Last year at my previous company our release process took two days. I wrote a deployment "
    "script and I trained the team to use it, and release time dropped to two hours."
)


def _set_file(tmp_path: Path) -> Path:
    path = tmp_path / "failures.toml"
    path.write_text(SET_TOML)
    return path


def _notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{n.title}: {n.message}" for n in app._notifications]


def _typing(screen) -> bool:  # type: ignore[no-untyped-def]
    """The engine is in its typing phase and the screen has turned to it (the box is
    focused): when a dead microphone moved the engine there from a worker, the screen
    follows a message later, and clears the box as it does."""
    return bool(screen.state == "typing" and screen.query_one("#typed").has_focus)


async def _type_answer(pilot, screen, text: str) -> None:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: _typing(screen), 15, "typed mode")
    screen.query_one("#typed").value = text
    await pilot.press("enter")
    await wait_for(pilot, lambda: screen.state == "feedback", 15, "feedback on the typed answer")


async def test_app_sound_server_stopped_mid_answer(
    virtual_audio: None,
    transcriber,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    from voice_coach.config import Settings
    from voice_coach.store import Store
    from voice_coach.tui.app import VoiceCoachApp
    from voice_coach.tui.practice import PracticeScreen
    from voice_coach.tui.widgets import LevelMeter

    settings = Settings(speak_questions=False, end_silence_s=2.0, initial_silence_s=30.0)
    app = VoiceCoachApp(
        settings=settings, start_set=str(_set_file(tmp_path)), transcriber=transcriber
    )
    player: subprocess.Popen[bytes] | None = None
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), 10, "practice")
            screen = app.screen
            assert isinstance(screen, PracticeScreen)
            opened_by = time.monotonic()
            await wait_for(pilot, lambda: screen.state == "listening", 30, "listening")
            player = play_into_mic(speech_file("jfk.flac"))
            meter = screen.query_one("#meter", LevelMeter)
            await wait_for(pilot, lambda: meter.level_db > -40, 10, "speech on the level meter")
            await asyncio.sleep(KILL_AFTER_S)
            _stop_sound_server()
            stopped_by = time.monotonic()
            await wait_for(
                pilot,
                lambda: screen.state not in ("listening", "transcribing"),
                STALL_S + 20,
                "the answer to end after the sound server stopped",
            )
            # The user is told, on screen, and the words spoken so far are scored.
            notices = " | ".join(_notices(app))
            assert "microphone stopped" in notices, (notices, screen.state, screen.session.phase)
            assert screen.state == "feedback", screen.state
            shown = normalise(rendered_text(screen.query_one("#feedback").content))
            assert "fellow americans" in shown, shown
            # Practice goes on: the next question, with no sound server, offers typing.
            await pilot.press("n")
            await _type_answer(pilot, screen, TYPED_ANSWER)
            shown = rendered_text(screen.query_one("#feedback").content).lower()
            assert "release time dropped to two hours" in shown
    finally:
        if player is not None:
            player.kill()
            player.wait(5)
        _restart_sound_server()

    store = Store()
    (session,) = store.sessions()
    spoken, typed = store.attempts(session.id)
    assert spoken.status == "spoken" and "microphone stopped" in (spoken.error or "")
    assert "fellow americans" in normalise(spoken.transcript)
    assert spoken.audio_path is not None and spoken.audio_path.exists()
    # The recording holds at least the speech heard before the stop (less what was in
    # flight), at most the time the app had been listening: clock bounds, load-proof.
    duration = soundfile.info(str(spoken.audio_path)).duration
    assert KILL_AFTER_S - 1.0 <= duration <= stopped_by - opened_by + 1.0
    assert spoken.duration_s == pytest.approx(duration, abs=0.1)
    assert typed.status == "typed" and typed.outcome is Outcome.GOOD


def _saved_attempts():  # type: ignore[no-untyped-def]
    from voice_coach.store import Store

    store = Store()
    (session,) = store.sessions()
    return store.attempts(session.id)


@pytest.mark.parametrize("how", ["unknown-device", "dead-sound-server"])
async def test_app_without_a_microphone_offers_typing(
    transcriber,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    from voice_coach.config import Settings
    from voice_coach.tui.app import VoiceCoachApp
    from voice_coach.tui.practice import PracticeScreen

    if how == "unknown-device":
        settings = Settings(speak_questions=False, input_device="no-such-microphone-xyz")
    else:
        # No sound server at all: neither the question's voice nor the microphone works.
        # sounddevice listed its devices at import; opening one now reaches the dead socket.
        (tmp_path / "dead").mkdir()
        monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'dead' / 'native'}")
        settings = Settings()
    app = VoiceCoachApp(
        settings=settings, start_set=str(_set_file(tmp_path)), transcriber=transcriber
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), 10, "practice")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await wait_for(pilot, lambda: _typing(screen), 30, "typed mode offered")
        # The box opens with the engine's phase; the notice saying why follows it.
        await wait_for(
            pilot, lambda: "No microphone" in " | ".join(_notices(app)), 10, "the notice"
        )
        notices = " | ".join(_notices(app))
        assert "No microphone" in notices and "Type your answer instead" in notices, notices
        assert "Traceback" not in notices
        assert "project you led" in str(screen.query_one("#question").content)
        await _type_answer(pilot, screen, TYPED_ANSWER)
        shown = rendered_text(screen.query_one("#feedback").content).lower()
        assert "concrete example" in shown and "release time dropped" in shown
        # The next question goes straight to typing: no second wait for a microphone.
        await pilot.press("n")
        await _type_answer(pilot, screen, "I would always try to listen first.")
    first, second = _saved_attempts()
    assert (first.status, first.outcome, first.audio_path) == ("typed", Outcome.GOOD, None)
    assert second.status == "typed" and second.outcome is Outcome.NEEDS_WORK


async def test_back_to_the_microphone_once_it_works_again(  # type: ignore[no-untyped-def]
    virtual_audio: None, transcriber, tmp_path: Path
) -> None:
    """Typing after a failed microphone is not for the rest of the session: ctrl+r retries."""
    from voice_coach.config import Settings
    from voice_coach.tui.app import VoiceCoachApp
    from voice_coach.tui.practice import PracticeScreen

    settings = Settings(speak_questions=False, input_device="no-such-microphone-xyz")
    app = VoiceCoachApp(
        settings=settings, start_set=str(_set_file(tmp_path)), transcriber=transcriber
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), 10, "practice")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await wait_for(pilot, lambda: _typing(screen), 30, "typed mode offered")
        # The default microphone works: the next answer is recorded with it.
        screen.services = replace(screen.services, settings=Settings(speak_questions=False))
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: screen.state == "listening", 15, "listening again")
        await pilot.press("space")
        # Ended before a word: not judged, and nothing saved; the question can be retried.
        await wait_for(pilot, lambda: screen.state == "nothing_heard", 30, "the answer to end")
    # The reservation left by the microphone that failed is gone too: no empty answer to
    # "recover" at the next start.
    assert _saved_attempts() == []
    from voice_coach.store import Store

    assert Store().interrupted() == []


def _without_tts(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """pyttsx3 missing, or installed with a driver that fails, in a fresh engine thread;
    Piper missing too, or it would speak: no engine at all."""
    import sys
    import types

    from voice_coach.speech import piper_voice, tts

    monkeypatch.setattr(tts._Engine, "_instance", None)
    monkeypatch.setitem(sys.modules, "piper", None)
    monkeypatch.setattr(piper_voice, "_model", None)
    if how == "not-installed":
        monkeypatch.setitem(sys.modules, "pyttsx3", None)
    else:
        broken = types.ModuleType("pyttsx3")

        def init(*args: object, **kwargs: object) -> None:
            raise OSError("libespeak.so.1: cannot open shared object file: No such file")

        broken.init = init  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "pyttsx3", broken)


@pytest.mark.parametrize(
    ("how", "reason"),
    [
        ("not-installed", "pyttsx3 is not installed"),
        ("broken-driver", "libespeak.so.1: cannot open shared object file"),
    ],
)
def test_voice_without_tts_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, how: str, reason: str
) -> None:
    from voice_coach.errors import VoiceError
    from voice_coach.speech.tts import Voice

    _without_tts(monkeypatch, how)
    with pytest.raises(VoiceError) as info:
        Voice().synthesize("Tell me about yourself.", timeout=10)
    message = str(info.value)
    assert reason in message and "Questions are shown as text" in message, message
    assert "\n" not in message
    with pytest.raises(VoiceError):
        Voice().voices()


@pytest.mark.parametrize("how", ["not-installed", "broken-driver"])
async def test_app_without_tts_shows_questions_as_text(
    virtual_audio: None,
    transcriber,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    from voice_coach.config import Settings
    from voice_coach.tui.app import VoiceCoachApp
    from voice_coach.tui.practice import PracticeScreen

    _without_tts(monkeypatch, how)
    app = VoiceCoachApp(
        settings=Settings(), start_set=str(_set_file(tmp_path)), transcriber=transcriber
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), 10, "practice")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        # Not spoken, but shown, with a notice; and the microphone opens as usual.
        await wait_for(pilot, lambda: screen.state == "listening", 30, "listening")
        assert "project you led" in str(screen.query_one("#question").content)
        notices = " | ".join(_notices(app))
        assert "Question shown as text" in notices and "text-to-speech" in notices, notices
        await pilot.press("t")
        await _type_answer(pilot, screen, TYPED_ANSWER)
        # The next question is shown, not tried aloud again (one notice); typing was for
        # that one answer (t), so the microphone listens again.
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.state == "listening", 30, "the next question")
        assert "disagreement" in str(screen.query_one("#question").content)
        assert sum("Question shown as text" in n for n in _notices(app)) == 1
        await pilot.press("t")
        await _type_answer(pilot, screen, "I would always try to listen first.")
    assert [a.status for a in _saved_attempts()] == ["typed", "typed"]


async def test_app_with_a_corrupt_model_directory(tmp_path: Path) -> None:
    from voice_coach.config import Settings
    from voice_coach.tui.app import VoiceCoachApp
    from voice_coach.tui.practice import PracticeScreen
    from voice_coach.tui.screens import HomeScreen

    model = tmp_path / "model"
    model.mkdir()
    (model / "model.bin").write_bytes(b"\x00garbage" * 1000)
    (model / "config.json").write_text("{not json")
    app = VoiceCoachApp(settings=Settings(model=str(model), speak_questions=False))
    async with app.run_test(size=(100, 40)) as pilot:
        status = app.services.status
        await wait_for(pilot, lambda: status.model_error is not None, 30, "the model to fail")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        status = str(app.screen.query_one("#model-status").content)
        assert "answers can be typed" in status, status
        notices = " | ".join(_notices(app))
        assert f"the speech model in {model} cannot be read" in notices, notices
        assert "Traceback" not in notices
        # Practice still works: the answer is typed and scored.
        app.start_practice(str(_set_file(tmp_path)))
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), 10, "practice")
        screen = app.screen
        await _type_answer(pilot, screen, TYPED_ANSWER)
        assert "release time dropped" in rendered_text(screen.query_one("#feedback").content)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), 5, "home again")
    (attempt,) = _saved_attempts()
    assert attempt.status == "typed" and attempt.outcome is Outcome.GOOD
