"""Endpointing logic on synthetic audio with a fake VAD (energy), and on real speech."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from tests.conftest import speech_file
from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import read_audio
from voice_coach.audio.endpoint import FRAME, EndpointConfig, Endpointer


def energy_vad(audio: np.ndarray) -> np.ndarray:
    frames = audio[: len(audio) // FRAME * FRAME].reshape(-1, FRAME)
    return (np.abs(frames).mean(axis=1) > 0.05).astype(np.float32)


def tone(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


def feed(endpointer: Endpointer, audio: np.ndarray, block: int = 1024) -> list[tuple[float, float]]:
    found = []
    for i in range(0, len(audio), block):
        found += [(s.start_s, s.end_s) for s in endpointer.feed(audio[i : i + block])]
        if endpointer.end_reason:
            break
    return found


def test_segments_are_cut_at_pauses() -> None:
    cfg = EndpointConfig(pad_s=0.0, end_silence_s=2.0, min_segment_s=0.0)
    ep = Endpointer(cfg, vad=energy_vad)
    audio = np.concatenate([silence(1), tone(2), silence(1), tone(1.5), silence(3)])
    segments = feed(ep, audio)
    assert len(segments) == 2
    assert segments[0] == pytest.approx((1.0, 3.0), abs=0.07)
    assert segments[1] == pytest.approx((4.0, 5.5), abs=0.07)
    assert ep.end_reason == "silence"


def test_short_fragments_are_joined_to_the_next() -> None:
    cfg = EndpointConfig(pad_s=0.0, end_silence_s=3.0, min_segment_s=3.0, hold_pause_s=1.0)
    ep = Endpointer(cfg, vad=energy_vad)
    # A 1 s fragment, a short pause, then more speech: decoded together.
    segments = feed(ep, np.concatenate([silence(1), tone(1), silence(0.7), tone(2.5), silence(4)]))
    assert segments == [pytest.approx((1.0, 5.2), abs=0.07)]
    # A fragment followed by a long pause is decoded on its own, without waiting.
    ep = Endpointer(cfg, vad=energy_vad)
    segments = feed(ep, np.concatenate([silence(1), tone(1), silence(2.5)]))
    assert segments == [pytest.approx((1.0, 2.0), abs=0.07)]
    assert ep.end_reason is None


def test_thinking_before_the_first_word_does_not_end_the_answer() -> None:
    cfg = EndpointConfig(end_silence_s=2.0, initial_silence_s=10.0)
    ep = Endpointer(cfg, vad=energy_vad)
    feed(ep, silence(6))
    assert ep.end_reason is None and not ep.speech_started
    feed(ep, silence(5))
    assert ep.end_reason == "no_speech"


def test_a_click_is_not_speech() -> None:
    cfg = EndpointConfig(initial_silence_s=4.0)
    ep = Endpointer(cfg, vad=energy_vad)
    segments = feed(ep, np.concatenate([silence(1), tone(0.1), silence(4)]))
    assert segments == [] and ep.end_reason == "no_speech"


def test_long_speech_is_cut_without_overlap() -> None:
    cfg = EndpointConfig(max_segment_s=4.0, end_silence_s=1.0)
    ep = Endpointer(cfg, vad=energy_vad)
    segments = feed(ep, np.concatenate([tone(10), silence(2)]))
    assert len(segments) >= 3
    assert all(end - start <= 4.0 + cfg.pad_s * 2 + 0.05 for start, end in segments)
    for (_, end), (start, _) in itertools.pairwise(segments):
        assert start >= end - 1e-6  # neighbours never share audio across a forced cut


def test_max_length_ends_the_answer() -> None:
    cfg = EndpointConfig(max_answer_s=5.0, max_segment_s=8.0)
    ep = Endpointer(cfg, vad=energy_vad)
    feed(ep, tone(7))
    assert ep.end_reason == "max_length"
    (last,) = ep.flush()
    assert last.end_s == pytest.approx(5.0, abs=0.2)


def test_real_speech_with_silero() -> None:
    speech = read_audio(speech_file("platforms_en.flac"))
    ep = Endpointer(EndpointConfig(end_silence_s=1.5))
    segments = feed(ep, np.concatenate([silence(2), speech, silence(3)]))
    segments += [(s.start_s, s.end_s) for s in ep.flush()]
    assert segments, "speech must be found"
    assert segments[0][0] >= 2.0 - 0.3
    assert segments[-1][1] <= 2.0 + len(speech) / SAMPLE_RATE + 0.5
    assert ep.end_reason == "silence"


def test_silero_ignores_hum_and_noise() -> None:
    rng = np.random.default_rng(1)
    t = np.arange(6 * SAMPLE_RATE) / SAMPLE_RATE
    hum = (0.3 * np.sin(2 * np.pi * 50 * t)).astype(np.float32)
    noise = (0.05 * rng.standard_normal(6 * SAMPLE_RATE)).astype(np.float32)
    for audio in (hum, noise, silence(6)):
        ep = Endpointer(EndpointConfig(initial_silence_s=5.0))
        assert feed(ep, audio) == [] and ep.flush() == []
        assert ep.end_reason == "no_speech"


def test_the_quiet_between_two_words_is_found_only_where_there_is_silence() -> None:
    ep = Endpointer(EndpointConfig(), vad=energy_vad)
    ep.feed(np.concatenate([tone(1.0), silence(0.3), tone(1.0)]))
    quiet = ep.quiet_between(int(0.9 * SAMPLE_RATE), int(1.4 * SAMPLE_RATE))
    assert quiet is not None and 1.0 * SAMPLE_RATE <= quiet <= 1.3 * SAMPLE_RATE
    assert ep.quiet_between(int(0.2 * SAMPLE_RATE), int(0.8 * SAMPLE_RATE)) is None
    assert ep.quiet_between(int(2.0 * SAMPLE_RATE), int(2.5 * SAMPLE_RATE)) is None  # not yet heard
