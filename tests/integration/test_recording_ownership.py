"""A second voice-coach started during a live answer leaves it alone.

The reproduced loss: a second instance "recovered" the answer being recorded by the
first and replaced its file; the first then saved 154.6 s in the database for a file
of 20.7 s. Here the first is a real process recording a real answer, held still in
the middle of it while a second real process runs the start-up recovery on the same
data; then the first finishes, and what it saved is checked against its file.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import soundfile

from tests.conftest import speech_file
from voice_coach.questions import Question
from voice_coach.store import Store

pytestmark = pytest.mark.integration

PAUSE_AT_S = 4.0

FIRST = """
import sys
from pathlib import Path
from voice_coach.audio.capture import FileSource
from voice_coach.live import LiveAnswer
from voice_coach.practice import PracticeSession
from voice_coach.questions import load_question_set
from voice_coach.speech.stt import Transcriber
from voice_coach.store import Store

PAUSE_AT_S = float(sys.argv[2])


class PauseOnce:
    # status() is called by the recording loop right after a block is written: once
    # PAUSE_AT_S is in, the loop waits there, mid-answer, until the test says go on.
    paused = False

    def status(self, status):
        if not self.paused and status.elapsed_s >= PAUSE_AT_S:
            self.paused = True
            print(f"recording {status.elapsed_s:.3f}", flush=True)
            sys.stdin.readline()

    def transcript(self, segments):
        pass

    def recording_started(self, device):
        pass

    def recording_ended(self, reason):
        pass


transcriber = Transcriber()
transcriber.load()
session = PracticeSession(load_question_set("second-interview"), Store())
attempt_id, path = session.begin_answer()
result = LiveAnswer(FileSource(Path(sys.argv[1])), transcriber, path, listener=PauseOnce()).run()
attempt = session.finish_spoken(attempt_id, result)
print(f"done {attempt.attempt_id} {attempt.status} {result.end_reason}", flush=True)
"""

SECOND = """
from voice_coach.recovery import recover_interrupted
from voice_coach.store import Store

# What the app does at start-up once its model is loaded (without one: the decision
# to leave a live answer alone does not depend on it, and it starts faster).
print(f"recovered {[r.attempt_id for r in recover_interrupted(Store(), None)]}", flush=True)
"""


def test_a_second_instance_never_touches_a_live_answer() -> None:
    speech = speech_file("librispeech_slushy_roads.flac")
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST, str(speech), str(PAUSE_AT_S)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=os.environ.copy(),
    )
    assert first.stdin is not None and first.stdout is not None
    try:
        line = first.stdout.readline().decode()
        if not line.startswith("recording "):
            pytest.fail(f"the first instance ended before {PAUSE_AT_S} s of its answer: {line!r}")

        (live,) = Store().interrupted()
        assert live.audio_path is not None
        inode = live.audio_path.stat().st_ino

        second = subprocess.run(
            [sys.executable, "-c", SECOND],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            timeout=120,
        )
        assert second.returncode == 0, second.stderr
        assert second.stdout.strip() == "recovered []"
        # Not recovered, not rewritten, nothing written beside it.
        (still,) = Store().interrupted()
        assert still.id == live.id and still.status == "recording"
        assert live.audio_path.stat().st_ino == inode
        assert [p.name for p in live.audio_path.parent.iterdir()] == [live.audio_path.name]

        first.stdin.write(b"go on\n")
        first.stdin.flush()
        done = first.stdout.readline().decode().split()
        assert first.wait(120) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)
    assert done[:2] == ["done", str(live.id)] and done[3] == "end_of_audio"

    saved = Store().attempt(live.id)
    assert saved is not None and saved.status == "spoken" and saved.audio_path is not None
    # The whole answer is in the file, and the database says what the file holds.
    file_s = (
        soundfile.info(str(saved.audio_path)).frames
        / soundfile.info(str(saved.audio_path)).samplerate
    )
    assert saved.duration_s == pytest.approx(file_s, abs=1e-6)
    assert file_s == pytest.approx(soundfile.info(str(speech)).duration, abs=0.1)


def test_two_instances_starting_together_recover_an_answer_once() -> None:
    from voice_coach.audio.recorder import Recorder
    from voice_coach.recovery import LOCK_NAME

    speech = speech_file("librispeech_grave_doubts.flac")
    store = Store()
    attempt_id, path = store.start_attempt(
        store.create_session("s", "S"), Question(id="q", text="Q?")
    )
    with Recorder(path) as recorder:
        recorder.write(soundfile.read(str(speech), dtype="float32")[0])
    store.release(attempt_id)  # abandoned mid-answer, as by a crash
    store.close()

    starts = [
        subprocess.Popen(
            [sys.executable, "-c", SECOND],
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120)[0].strip() for p in starts]
    assert all(p.returncode == 0 for p in starts)
    # Whichever came first recovered it; the other found it done or being done.
    assert set(outputs) == {"recovered []", f"recovered [{attempt_id}]"}
    saved = Store().attempt(attempt_id)
    assert saved is not None and saved.status == "recovered" and saved.audio_path == path
    assert saved.duration_s == soundfile.info(str(path)).frames / 16000
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert (path.parent.parent.parent / LOCK_NAME).exists()
