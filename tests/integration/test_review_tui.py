"""Review for real: a saved answer is played through PortAudio to the virtual speaker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.conftest import speech_file, speech_transcript
from tests.helpers import content_words_heard, normalise, record_speaker, wait_for
from voice_coach.attempts import Status
from voice_coach.audio.capture import read_audio
from voice_coach.config import Settings
from voice_coach.questions import Question
from voice_coach.store import Store
from voice_coach.tui.app import VoiceCoachApp
from voice_coach.tui.history import SessionScreen

pytestmark = pytest.mark.integration


async def test_answer_plays_with_its_position_and_stops(  # type: ignore[no-untyped-def]
    virtual_audio: None, transcriber, tmp_path: Path
) -> None:
    source = speech_file("jfk.flac")
    store = Store()
    session_id = store.create_session("second-interview", "Second interview")
    attempt_id, audio_path = store.start_attempt(
        session_id, Question(id="q1", text="Why this role?")
    )
    shutil.copy(source, audio_path)
    text = speech_transcript("jfk.flac")
    store.complete_attempt(
        attempt_id, status=Status.SPOKEN, transcript=text, transcript_json=None, score=None,
        duration_s=11.0,
    )  # fmt: skip
    app = VoiceCoachApp(settings=Settings(speak_questions=False), transcriber=transcriber)
    heard_file = tmp_path / "heard.wav"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SessionScreen), 5, "session")
        label = app.screen.query_one("#playback", Static)
        rec = record_speaker(heard_file)
        try:
            await pilot.press("p")
            await wait_for(pilot, lambda: "/ 0:11" in str(label.content), 5, "the position")
            await wait_for(pilot, lambda: "▶ 0:03" in str(label.content), 8, "it to move on")
            await pilot.press("p")  # stop
            await wait_for(pilot, lambda: str(label.content) == "", 3, "playback to stop")
        finally:
            rec.terminate()
            rec.wait(5)
    heard = transcriber.transcribe(read_audio(heard_file), streaming=True)
    heard_text = " ".join(s.text for s in heard)
    # About three seconds were played: the opening words, and not the speech's end.
    assert content_words_heard("And so my fellow Americans", heard_text) >= 0.5, heard_text
    assert "for your country" not in normalise(heard_text), heard_text
