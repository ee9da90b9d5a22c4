"""The interviewer's voice, for real: espeak through pyttsx3, played through PortAudio."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import soundfile

from tests.helpers import content_words_heard, record_speaker
from voice_coach.audio.capture import read_audio
from voice_coach.speech.tts import Voice

pytestmark = pytest.mark.integration


def test_synthesised_question_is_a_real_wav() -> None:
    path = Voice().synthesize("What would your first ninety days look like?")
    info = soundfile.info(str(path))
    assert info.samplerate == 22050 and info.channels == 1
    assert info.duration > 1.0


def test_question_reaches_the_speaker(virtual_audio: None, transcriber, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "Describe a time you changed a decision your manager had made."
    capture = tmp_path / "heard.wav"
    rec = record_speaker(capture)
    time.sleep(0.3)
    try:
        Voice().speak(text)
        time.sleep(0.3)
    finally:
        rec.terminate()
        rec.wait(5)
    # Greedy decoding only: the temperature fallback samples at random, and espeak's
    # voice is unusual enough for tiny.en to fall back now and then.
    segments = transcriber.transcribe(read_audio(capture), streaming=True)
    heard = " ".join(s.text for s in segments)
    assert content_words_heard(text, heard) >= 0.5, heard


def test_speech_can_be_interrupted(virtual_audio: None) -> None:
    voice = Voice()
    text = "This is a long question that goes on and on. " * 6
    voice.synthesize(text)
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    voice.speak(text, stop=stop)
    assert time.monotonic() - started < 3.0
