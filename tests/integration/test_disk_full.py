"""A real disk filling up mid-answer: a small tmpfs holds the whole data directory.

The reproduced loss: the screen stayed at "Transcribing..." with no word, leaving gave a
traceback, and a restart on the still-full disk failed silently and left a 0-byte file.
Here: the recording stops with words a user can act on, what was said is kept, a start
on the still-full disk says so and touches nothing, and once there is room the answer
is recovered with the duration of its file.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from tests.conftest import speech_file, speech_transcript
from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import FileSource, read_audio
from voice_coach.live import LiveAnswer
from voice_coach.practice import AnswerKept, PracticeSession
from voice_coach.questions import load_question_set
from voice_coach.recovery import recover_interrupted
from voice_coach.speech.stt import Transcriber
from voice_coach.store import Store

pytestmark = pytest.mark.integration

SIZE = "640k"
"""The database takes about a tenth of it; the rest holds some 20 s of speech."""


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@pytest.fixture
def small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data directory on a tmpfs of :data:`SIZE` (mounting needs root, as in CI)."""
    point = tmp_path / "small-disk"
    point.mkdir()
    mounted = _mount("-t", "tmpfs", "-o", f"size={SIZE},mode=0700", "tmpfs", str(point))
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.strip()}): needs root")
    home = point / "home"
    monkeypatch.setenv("VOICE_COACH_HOME", str(home))
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_full_disk_mid_answer_is_kept_and_recovered_once_there_is_room(
    small_disk: Path,
    transcriber: Transcriber,
) -> None:
    name = "librispeech_slushy_roads.flac"
    speech = read_audio(speech_file(name))
    long_answer = np.concatenate([speech] * 5)  # over a minute: more than the disk holds

    store = Store()
    session = PracticeSession(load_question_set("second-interview"), store)
    session.finish_typed("An earlier answer that must survive.")
    attempt_id, path = session.begin_answer()
    result = LiveAnswer(FileSource.from_array(long_answer), transcriber, path).run()
    assert result.end_reason == "disk_full"
    with pytest.raises(AnswerKept) as stopped:
        session.finish_spoken(attempt_id, result)
    # What happened, that what was said is kept, and what to do.
    message = str(stopped.value)
    assert message.startswith("The disk is full: the recording stopped at 0:")
    assert "What you said until then is kept" in message and "Free some disk space" in message
    kept_bytes = path.read_bytes()
    assert len(read_audio(path)) / SAMPLE_RATE > 5.0

    # Started again on the still-full disk: said plainly, nothing touched, no 0-byte file.
    (still_full,) = recover_interrupted(Store(), transcriber)
    assert still_full.kept and "the disk is full" in (still_full.error or "")
    assert path.read_bytes() == kept_bytes
    assert [p.name for p in path.parent.iterdir()] == [path.name]

    # Room again: the next start recovers it, and saves the duration its file holds.
    remounted = _mount("-o", f"remount,size={4 * 1024}k", str(small_disk))
    assert remounted.returncode == 0, remounted.stderr
    (recovered,) = recover_interrupted(Store(), transcriber)
    assert not recovered.kept and recovered.error is None
    first_words = " ".join(speech_transcript(name).lower().split()[:4])
    assert recovered.transcript.lower().startswith(first_words)
    earlier, again = Store().attempts(session.session_id)
    assert earlier.transcript == "An earlier answer that must survive."
    assert again.status == "recovered" and again.audio_path == path
    # Judged as the question it answered, saved whole when it was asked.
    assert again.question == session.question and again.score is not None
    assert again.outcome.judged
    info = soundfile.info(str(path))
    assert again.duration_s == info.frames / info.samplerate
    assert again.duration_s == pytest.approx(recovered.duration_s)
    assert (again.duration_s or 0) > 5.0
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert Store().interrupted() == []


SET_TOML = """
name = "test-set"
title = "Test set"

[[questions]]
id = "led-project"
text = "Tell me about a project you led."
"""


async def test_the_practice_screen_says_the_disk_is_full_and_leaving_works(
    small_disk: Path,
    transcriber: Transcriber,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual.widgets import Static

    from tests.helpers import wait_for
    from voice_coach.config import Settings
    from voice_coach.tui import practice
    from voice_coach.tui.app import VoiceCoachApp
    from voice_coach.tui.practice import PracticeScreen
    from voice_coach.tui.screens import HomeScreen

    speech = read_audio(speech_file("librispeech_slushy_roads.flac"))
    long_answer = np.concatenate([speech] * 5)
    # The answer comes from a file as fast as it is read: the disk fills in a moment.
    monkeypatch.setattr(
        practice, "Microphone", lambda device=None: FileSource.from_array(long_answer)
    )
    set_file = tmp_path / "test-set.toml"
    set_file.write_text(SET_TOML)
    app = VoiceCoachApp(
        settings=Settings(speak_questions=False, initial_silence_s=30.0, max_answer_s=600),
        start_set=str(set_file),
        transcriber=transcriber,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), 10, "practice")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await wait_for(pilot, lambda: screen.state == "stopped", 60, "the recording to stop")
        said = str(screen.query_one("#state", Static).content)
        assert said.startswith("The disk is full: the recording stopped at ")
        assert "What you said until then is kept" in said and "Free some disk space" in said
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), 10, "home")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code in (0, None)
    (kept,) = Store().interrupted()  # kept for recovery at the next start
    assert kept.audio_path is not None and kept.audio_path.stat().st_size > 10_000

    def notices(app: VoiceCoachApp) -> str:
        return " | ".join(n.message for n in app._notifications)

    # The next start, the disk still full: the user is told, and the answer stays.
    restarted = VoiceCoachApp(settings=Settings(), transcriber=transcriber)
    async with restarted.run_test(size=(100, 30)) as pilot:
        await wait_for(
            pilot, lambda: "could not be recovered yet" in notices(restarted), 60, "the notice"
        )
        assert "the disk is full" in notices(restarted)
        await pilot.press("q")
    assert Store().interrupted() == [kept]

    # Room again: the start after recovers it.
    remounted = _mount("-o", f"remount,size={4 * 1024}k", str(small_disk))
    assert remounted.returncode == 0, remounted.stderr
    with_room = VoiceCoachApp(settings=Settings(), transcriber=transcriber)
    async with with_room.run_test(size=(100, 30)) as pilot:
        await wait_for(
            pilot, lambda: "were recovered" in notices(with_room), 120, "the recovery notice"
        )
        await pilot.press("q")
    recovered = Store().attempt(kept.id)
    assert recovered is not None and recovered.status == "recovered"
