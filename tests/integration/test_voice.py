"""The interviewer's voice, for real: espeak through pyttsx3, played through PortAudio."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import soundfile

from tests.helpers import content_words_heard, record_speaker, wait_until_captured
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
    voice = Voice()
    rendered = voice.synthesize(text)
    rec = record_speaker(capture)
    try:
        voice.speak(text)
        # Not a fixed pause: wait until the whole question has come through the buffers.
        wait_until_captured(capture, rendered, timeout=15)
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
    length_s = soundfile.info(str(voice.synthesize(text))).duration
    assert length_s > 10.0
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    voice.speak(text, stop=stop)
    # Stopped, not played to the end: measured against the speech's own length (which
    # no CPU load shortens), not against a fixed allowance a busy machine could exceed.
    assert time.monotonic() - started < length_s / 2
