"""A recording process killed with SIGKILL mid-answer loses at most about a second of it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import soundfile

from tests.conftest import speech_file
from voice_coach.recovery import recover_interrupted
from voice_coach.store import Store

pytestmark = pytest.mark.integration

RECORDER = """
import sys
from pathlib import Path
from voice_coach.audio.capture import FileSource
from voice_coach.live import LiveAnswer
from voice_coach.practice import PracticeSession
from voice_coach.questions import load_question_set
from voice_coach.speech.stt import Transcriber
from voice_coach.store import Store

session = PracticeSession(load_question_set("second-interview"), Store())
session.finish_typed("An earlier answer that must survive.")
attempt_id, path = session.begin_answer()
transcriber = Transcriber()
transcriber.load()
print("recording", flush=True)
LiveAnswer(FileSource(Path(sys.argv[1]), realtime=True), transcriber, path).run()
"""


def test_sigkill_mid_answer_is_recovered(transcriber, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    speech = speech_file("librispeech_slushy_roads.flac")
    proc = subprocess.Popen(
        [sys.executable, "-c", RECORDER, str(speech)],
        stdout=subprocess.PIPE,
        env=os.environ.copy(),
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"recording"
    time.sleep(5.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)

    store = Store()
    (interrupted,) = store.interrupted()
    assert interrupted.audio_path is not None
    recovered = recover_interrupted(store, transcriber)
    assert [r.attempt_id for r in recovered] == [interrupted.id]
    # Killed after 5 s: at most about a second (the flush interval) may be missing.
    assert 3.8 <= recovered[0].duration_s <= 5.5
    assert recovered[0].transcript.lower().startswith("going along slushy country roads")

    (session,) = store.sessions()
    earlier, again = store.attempts(session.id)
    assert (
        earlier.status == "typed" and earlier.transcript == "An earlier answer that must survive."
    )
    assert again.status == "recovered" and again.duration_s == recovered[0].duration_s
    # The file now opens anywhere: its header was finished on recovery.
    assert soundfile.info(str(again.audio_path)).duration == pytest.approx(
        again.duration_s, abs=0.01
    )
    assert store.interrupted() == []
