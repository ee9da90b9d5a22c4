"""MicCheckScreen in a tiny host app, fed from arrays instead of a microphone."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import numpy as np
from textual.app import App
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import AudioSource, FileSource
from voice_coach.config import Settings
from voice_coach.errors import MicrophoneError
from voice_coach.speech.tts import Voice
from voice_coach.store import Store
from voice_coach.tui.miccheck import MicCheckScreen
from voice_coach.tui.services import Services


class NoModel:
    """The mic check never transcribes."""

    name = "none"
    loaded = False

    def load(self) -> None:
        pass


def services() -> Services:
    """Default devices and voice, over a store in the test's own home."""
    return Services(
        store=Store(),
        transcriber=NoModel(),  # type: ignore[arg-type]
        voice=Voice(),
        settings=Settings(),
    )


class Host(App[None]):
    def __init__(self, screen: MicCheckScreen) -> None:
        super().__init__()
        self.check_screen = screen

    def on_mount(self) -> None:
        self.push_screen(self.check_screen)


def takes(silence_s: float, speech_s: float) -> Callable[[], AudioSource]:
    rng = np.random.default_rng(3)
    quiet = rng.standard_normal(int(silence_s * SAMPLE_RATE)) * 10 ** (-70 / 20)
    t = np.arange(int(speech_s * SAMPLE_RATE)) / SAMPLE_RATE
    talk = 0.2 * np.sin(2 * np.pi * 200 * t) * ((t % 0.5) < 0.3)
    audio = np.concatenate([quiet, talk]).astype(np.float32)
    return lambda: FileSource.from_array(audio, realtime=True)


async def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


def text_of(screen: MicCheckScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_report_at_80x24_with_every_key_in_the_footer() -> None:
    screen = MicCheckScreen(services(), 0.5, 1.0, source_factory=takes(0.5, 1.0))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(lambda: screen.state == "recording", 30, "recording")
        await wait_for(lambda: "Step 2 of 2" in text_of(screen, "#mc-step"), 30, "speak step")
        await wait_for(lambda: screen.state == "done", 60, "the report")
        await pilot.pause()
        assert "Signal/noise" in text_of(screen, "#mc-report")
        assert text_of(screen, "#mc-verdict").startswith("✔ Good")
        keys = {k.key for k in screen.query(FooterKey)}
        assert {"r", "p", "s", "escape"} <= keys
        # Everything fits above the footer at 80x24.
        for selector in ("#mc-report", "#mc-verdict", "#mc-status"):
            region = screen.query_one(selector).region
            assert region.bottom <= 23 and region.right <= 80, selector
        assert screen.result is not None and screen.result.speech_file is not None


async def test_run_again_and_back() -> None:
    screen = MicCheckScreen(services(), 0.3, 0.5, source_factory=takes(0.3, 0.5))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(lambda: screen.state == "done", 60, "the first report")
        first = screen.result
        await pilot.press("r")
        assert screen.state == "recording"
        assert screen.check_action("run", ()) is None  # dimmed, still shown, while recording
        await wait_for(lambda: screen.state == "done", 60, "the second report")
        assert screen.result is not first
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_no_microphone_is_shown_not_raised() -> None:
    def no_mic() -> AudioSource:
        raise MicrophoneError("no microphone found: the sound system offers none")

    screen = MicCheckScreen(services(), 0.3, 0.5, source_factory=no_mic)
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(lambda: screen.state == "failed", 30, "the failure")
        await pilot.pause()
        assert "no microphone found" in text_of(screen, "#mc-verdict")
        assert screen.check_action("play", ()) is None  # nothing to play back
        assert screen.check_action("run", ()) is True
