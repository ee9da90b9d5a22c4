"""The practice and mock interview screens draw an answer's words while it is given:
provisional ones dimmed and in italics after the final ones, then the final text alone."""

from __future__ import annotations

import dataclasses
import threading

import numpy as np
import pytest
from rich.segment import Segment

from tests.helpers import wait_for
from tests.unit.test_endpoint import energy_vad, silence, tone
from tests.unit.test_live_text import WAIT_S, GatedSource, GridTranscriber
from tests.unit.test_screens_standalone import Bare, World
from tests.unit.test_screens_standalone import world as world  # the fixture
from voice_coach.audio import endpoint
from voice_coach.config import Settings
from voice_coach.practice import Phase, PracticeSession
from voice_coach.tui import mock, practice
from voice_coach.tui.mock import MockScreen
from voice_coach.tui.practice import PracticeScreen


def drawn_words(app: Bare) -> list[Segment]:
    """Every drawn piece of text on the screen that holds a heard word ("w0", "w1", ...)."""
    strips = app.screen._compositor.render_strips()
    return [seg for strip in strips for seg in strip if seg.text.strip().startswith("w")]


def provisional(seg: Segment) -> bool:
    return bool(seg.style and seg.style.italic)  # Textual draws "dim" as a paler colour


async def test_provisional_words_show_dimmed_while_the_answer_is_given(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = GridTranscriber()
    seen = threading.Event()

    def hold_until_seen() -> None:
        assert seen.wait(WAIT_S), "the provisional words never reached the screen"

    audio = np.concatenate([tone(3), silence(4)])
    monkeypatch.setattr(endpoint, "silero", lambda: energy_vad)
    monkeypatch.setattr(
        practice, "Microphone", lambda device: GatedSource(audio, {2.5: hold_until_seen})
    )
    services = dataclasses.replace(
        world.services,
        transcriber=fake,  # type: ignore[arg-type]
        typed=False,
        settings=Settings(speak_questions=False, end_silence_s=2.0),
    )
    session = PracticeSession(world.question_set, services.store)
    app = Bare(PracticeScreen(session, services))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(
            pilot,
            lambda: any(provisional(s) for s in drawn_words(app)),
            WAIT_S,
            "provisional words on the screen",
        )
        assert session.phase is Phase.LISTENING
        assert "w0" in "".join(s.text for s in drawn_words(app) if provisional(s))
        seen.set()
        await wait_for(pilot, lambda: session.phase is Phase.FEEDBACK, WAIT_S, "the feedback")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not any(provisional(s) for s in drawn_words(app))


async def test_the_mock_interview_shows_provisional_words_too(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = GridTranscriber()
    seen = threading.Event()

    def hold_until_seen() -> None:
        assert seen.wait(WAIT_S), "the provisional words never reached the screen"

    audio = np.concatenate([tone(3), silence(4)])
    monkeypatch.setattr(endpoint, "silero", lambda: energy_vad)
    monkeypatch.setattr(
        mock, "Microphone", lambda device: GatedSource(audio, {2.5: hold_until_seen})
    )
    services = dataclasses.replace(
        world.services,
        transcriber=fake,  # type: ignore[arg-type]
        typed=False,
        settings=Settings(speak_questions=False, end_silence_s=2.0),
    )
    screen = MockScreen(mock.new_mock_interview(services.store), services)
    app = Bare(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(
            pilot,
            lambda: any(provisional(s) for s in drawn_words(app)),
            WAIT_S,
            "provisional words on the screen",
        )
        assert screen.state == "listening"
        turn = screen.turn
        seen.set()
        await wait_for(pilot, lambda: screen.turn != turn, WAIT_S, "the answer to end")
