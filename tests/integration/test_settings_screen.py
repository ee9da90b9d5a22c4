"""The settings screen, keyboard only at 80x24, on real PortAudio and the real espeak voice."""

from __future__ import annotations

import asyncio
import time
import tomllib
from pathlib import Path

import numpy as np
import pytest
import soundfile
from textual.app import App
from textual.widgets import Input, Select, Static

from tests.helpers import captured_so_far, record_speaker, rendered_text
from voice_coach import locations
from voice_coach.config import Settings, load_settings
from voice_coach.speech.tts import Voice
from voice_coach.store import Store
from voice_coach.tui.messages import SettingsSaved
from voice_coach.tui.services import Services
from voice_coach.tui.settings import DiscardChanges, SettingsScreen

pytestmark = pytest.mark.integration

SIZE = (80, 24)


class NoModel:
    """The settings screen never transcribes."""

    name = "none"
    loaded = False

    def load(self) -> None:
        pass


class Host(App[None]):
    """The smallest app the screen runs in: it hands the screen its services and applies
    a save as VoiceCoachApp does, from the :class:`SettingsSaved` message."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        settings = settings or Settings()
        self.services = Services(
            store=Store(),
            transcriber=NoModel(),  # type: ignore[arg-type]
            voice=Voice(settings.voice, settings.speech_rate),
            settings=settings,
        )

    def on_mount(self) -> None:
        self.push_screen(SettingsScreen(self.services))

    def on_settings_saved(self, message: SettingsSaved) -> None:
        self.services = self.services.with_settings(message.settings)


async def _settled(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the screen's workers are done and every message they and the keys sent
    is handled: a pause handles what is queued, and a message the screen passes up to
    the app (a save) is queued while it does, so a second pause handles that."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def _ready(pilot) -> SettingsScreen:  # type: ignore[no-untyped-def]
    """Wait until devices and voices are listed (thread workers) and the form is filled."""
    await _settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def _tab_to(pilot, field_id: str) -> None:  # type: ignore[no-untyped-def]
    """Move the focus with tab alone, as a keyboard-only user does."""
    for _ in range(12):
        if getattr(pilot.app.focused, "id", None) == field_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reaches #{field_id}")


async def _type_into(pilot, field_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Tab to a text field and replace its text."""
    await _tab_to(pilot, field_id)
    field = pilot.app.focused
    assert isinstance(field, Input)
    field.action_select_all()
    await pilot.press("backspace", *text)


def _voiced_seconds(path: Path) -> float:
    """How long the recording holds sound: 20 ms frames louder than a faint hiss."""
    audio, rate = soundfile.read(path, dtype="float32", always_2d=True)
    return _voiced(audio[:, 0], rate)


def _voiced(mono: np.ndarray, rate: int) -> float:
    frame = rate // 50
    frames = mono[: len(mono) // frame * frame].reshape(-1, frame)
    return float((np.sqrt((frames**2).mean(axis=1)) > 0.02).sum()) / 50


def _notices(app: App[None]) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _text(widget: Static) -> str:
    """What the widget says, unfolded: a long path in a message is not cut at 80 columns."""
    return rendered_text(widget.render(), width=400).strip()


async def test_rate_and_silence_are_saved_and_load_back(virtual_audio: None) -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await _type_into(pilot, "speech-rate", "200")
        await _type_into(pilot, "end-silence", "2.5")
        await pilot.press("ctrl+s")
        await _settled(pilot)
        path = locations.config_file()
        assert any(f"Saved to {path}" in n for n in _notices(app)), _notices(app)
        raw = tomllib.loads(path.read_text())
        assert raw == {"speech_rate": 200, "end_silence_s": 2.5}
        loaded = load_settings()
        assert (loaded.speech_rate, loaded.end_silence_s) == (200, 2.5)
        # The running app uses them from now on: its settings and a voice at the new rate.
        assert app.services.settings == loaded
        assert app.services.voice.rate == 200
        # Saved: escape goes straight back, nothing to ask.
        await pilot.press("escape")
        await _settled(pilot)
        assert not isinstance(app.screen, (SettingsScreen, DiscardChanges))


async def test_invalid_rate_is_refused_and_nothing_saved(virtual_audio: None) -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await _type_into(pilot, "speech-rate", "500")
        await _type_into(pilot, "end-silence", "2")
        await pilot.press("ctrl+s")
        await _settled(pilot)
        assert not locations.config_file().exists()
        assert any("Not saved" in n and "speech rate" in n for n in _notices(app)), _notices(app)
        error = screen.query_one("#speech-rate-error", Static)
        assert error.has_class("-shown") and "80 to 400" in _text(error)
        assert app.focused is not None and app.focused.id == "speech-rate"
        assert app.services.settings == Settings()
        # Corrected, the same keys save it.
        await _type_into(pilot, "speech-rate", "120")
        await _settled(pilot)
        assert not error.has_class("-shown")
        await pilot.press("ctrl+s")
        await _settled(pilot)
        assert load_settings().speech_rate == 120 and load_settings().end_silence_s == 2.0


async def test_silence_out_of_range_and_missing_model_dir_are_refused(
    virtual_audio: None, tmp_path: Path
) -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await _type_into(pilot, "end-silence", "45")
        await _type_into(pilot, "model", str(tmp_path / "no-such-model"))
        await pilot.press("ctrl+s")
        await _settled(pilot)
        assert not locations.config_file().exists()
        assert "0.5 to 30" in _text(screen.query_one("#end-silence-error", Static))
        assert "does not exist" in _text(screen.query_one("#model-error", Static))


async def test_unsaved_changes_are_asked_about_on_escape(virtual_audio: None) -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await _type_into(pilot, "speech-rate", "190")
        await pilot.press("escape")
        await _settled(pilot)
        assert isinstance(app.screen, DiscardChanges)
        await pilot.press("escape")  # keep editing
        await _settled(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape", "d")  # discard
        await _settled(pilot)
        assert not isinstance(app.screen, (SettingsScreen, DiscardChanges))
        assert not locations.config_file().exists()
        assert app.services.settings.speech_rate == Settings().speech_rate


async def test_save_from_the_question_on_escape(virtual_audio: None) -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await _type_into(pilot, "speech-rate", "140")
        await pilot.press("escape", "s")
        await _settled(pilot)
        assert not isinstance(app.screen, (SettingsScreen, DiscardChanges))
        assert load_settings().speech_rate == 140


async def test_a_listed_microphone_is_chosen_by_keyboard_and_saved(virtual_audio: None) -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        select = screen.query_one("#input-device", Select)
        assert app.focused is select
        assert "microphone(s) found" in _text(screen.query_one("#input-device-hint", Static))
        # Options: the system default, then PortAudio's devices ("pulse" comes first).
        await pilot.press("enter", "down", "enter")
        await _settled(pilot)
        assert select.value == "pulse, ALSA"
        await pilot.press("ctrl+s")
        await _settled(pilot)
        assert load_settings().input_device == "pulse, ALSA"


async def test_a_saved_device_name_is_kept_as_written(virtual_audio: None) -> None:
    """A hand-written "pulse" matches a listed device; showing the form must not change it."""
    app = Host(Settings(input_device="pulse", output_device="gone-usb-headset"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        assert screen.query_one("#input-device", Select).value == "pulse"
        assert screen.query_one("#output-device", Select).value == "gone-usb-headset"
        assert "not connected now" in _text(screen.query_one("#output-device-hint", Static))
        assert not screen.has_unsaved_changes()


async def test_voice_test_speaks_through_the_speaker(virtual_audio: None, tmp_path: Path) -> None:
    app = Host()
    out = tmp_path / "speaker.wav"
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        english = screen.query_one("#voice", Select)
        english.value = "gmw/en-us"
        await _type_into(pilot, "speech-rate", "220")
        await pilot.press("shift+tab")  # t is typed in a text box, so leave it first
        capture = record_speaker(out)
        try:
            await pilot.press("t")
            await asyncio.wait_for(app.workers.wait_for_complete(), timeout=30)
            # Not a fixed pause: wait until the sentence has come through the buffers.
            deadline = time.monotonic() + 10
            while _voiced(*captured_so_far(out)) <= 1.5 and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
        finally:
            capture.terminate()
            capture.wait()
        assert not any("Voice test" in n and "fail" in n for n in _notices(app)), _notices(app)
        assert _voiced_seconds(out) > 1.5, "the test sentence was not heard on the speaker"
        # Testing the voice saves nothing.
        assert not locations.config_file().exists()


async def test_with_the_real_app(virtual_audio: None, transcriber) -> None:  # type: ignore[no-untyped-def]
    from voice_coach.tui.app import VoiceCoachApp

    app = VoiceCoachApp(settings=Settings(speak_questions=True), transcriber=transcriber)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(SettingsScreen(app.services))
        await _ready(pilot)
        await _type_into(pilot, "speech-rate", "175")
        await _tab_to(pilot, "speak-questions")
        await pilot.press("space")  # off
        await pilot.press("ctrl+s")
        await _settled(pilot)
        settings = app.services.settings
        assert settings.speech_rate == 175 and settings.speak_questions is False
        assert app.services.voice.rate == 175
        saved = load_settings()
        assert saved.speech_rate == 175 and saved.speak_questions is False
