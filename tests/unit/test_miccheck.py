"""Mic-check analysis on synthetic takes: each verdict, the levels, recording from a source."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
import soundfile

from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import FileSource
from voice_coach.audio.miccheck import (
    FLOOR_DB,
    analyse,
    frame_levels_db,
    level_db,
    record,
    run_mic_check,
)

RNG = np.random.default_rng(7)


def noise(seconds: float, rms_db: float) -> np.ndarray:
    return (RNG.standard_normal(int(seconds * SAMPLE_RATE)) * 10 ** (rms_db / 20)).astype(
        np.float32
    )


def voice_like(seconds: float, amplitude: float, talk_share: float = 0.6) -> np.ndarray:
    """Bursts of a 180 Hz tone with harmonics, on for ``talk_share`` of each 0.5 s."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    tone = np.sin(2 * np.pi * 180 * t) + 0.5 * np.sin(2 * np.pi * 360 * t)
    tone /= np.max(np.abs(tone))
    gate = (t % 0.5) < 0.5 * talk_share
    return (amplitude * tone * gate).astype(np.float32)


def test_level_of_a_full_scale_sine_is_minus_3_dbfs() -> None:
    t = np.arange(SAMPLE_RATE) / SAMPLE_RATE
    assert level_db(np.sin(2 * np.pi * 440 * t)) == pytest.approx(-3.01, abs=0.02)
    assert level_db(np.zeros(100)) == FLOOR_DB
    assert level_db(np.zeros(0)) == FLOOR_DB
    assert len(frame_levels_db(np.zeros(SAMPLE_RATE))) == 20  # 50 ms frames


def test_good_take() -> None:
    room = noise(3, -65)
    report = analyse(room, voice_like(5, 0.2) + noise(5, -65))
    assert report.verdict == "good" and report.speech_heard
    assert report.noise_floor_db == pytest.approx(-65, abs=1)
    assert -20 < report.speech_level_db < -12
    assert report.snr_db == pytest.approx(report.speech_level_db - report.noise_floor_db)
    assert report.snr_db > 40
    assert report.clipped_samples == 0
    assert report.advice.startswith("good")


def test_quiet_voice_says_move_closer() -> None:
    report = analyse(noise(3, -85), voice_like(5, 0.008) + noise(5, -85))
    assert report.verdict == "too_quiet"
    assert report.snr_db > 20  # quiet, not drowned: the advice is about level
    assert "move closer" in report.advice and "gain" in report.advice


def test_clipping_says_lower_the_gain() -> None:
    loud = np.clip(voice_like(5, 1.6), -1.0, 1.0)
    report = analyse(noise(3, -60), loud)
    assert report.verdict == "clipping"
    assert report.clipped_samples > 1000
    assert report.clipped_share == pytest.approx(report.clipped_samples / loud.size)
    assert report.peak_db == pytest.approx(0.0, abs=0.01)
    assert "lower the gain" in report.advice.replace("input gain", "gain")


def test_a_few_clipped_samples_are_not_clipping() -> None:
    speech = voice_like(5, 0.2)
    speech[1000:1010] = 1.0
    report = analyse(noise(3, -60), speech)
    assert report.clipped_samples == 10 and report.verdict == "good"


def test_noisy_room() -> None:
    report = analyse(noise(3, -32), voice_like(5, 0.2) + noise(5, -32))
    assert report.verdict == "noisy"
    assert 6 <= report.snr_db < 15
    assert "quieter room" in report.advice


def test_nothing_said_is_no_speech() -> None:
    room = noise(3, -50)
    report = analyse(room, noise(5, -50))
    assert report.verdict == "no_speech" and not report.speech_heard
    assert "no speech heard" in report.advice


def test_digital_silence_is_no_speech_at_the_floor() -> None:
    report = analyse(np.zeros(3 * SAMPLE_RATE, np.float32), np.zeros(5 * SAMPLE_RATE, np.float32))
    assert report.verdict == "no_speech"
    assert report.noise_floor_db == FLOOR_DB and report.peak_db == FLOOR_DB


def test_a_cough_in_the_silence_does_not_raise_the_floor() -> None:
    room = noise(3, -60)
    room[SAMPLE_RATE : SAMPLE_RATE + 2400] = voice_like(0.15, 0.5, talk_share=1.0)
    assert analyse(room, voice_like(5, 0.2)).noise_floor_db == pytest.approx(-60, abs=1)


def test_short_speech_in_a_long_take_still_counts() -> None:
    # 1.5 s of talk in a 5 s take: the 90th percentile still lands on speech.
    speech = np.concatenate(
        [voice_like(1.5, 0.2, talk_share=1.0), np.zeros(int(3.5 * SAMPLE_RATE))]
    )
    report = analyse(noise(3, -70), speech.astype(np.float32) + noise(5, -70))
    assert report.verdict == "good"


def test_report_dict_and_lines() -> None:
    report = analyse(noise(3, -65), voice_like(5, 0.2))
    data = report.to_dict()
    assert set(data) == {
        "noise_floor_db",
        "speech_level_db",
        "snr_db",
        "peak_db",
        "clipped_samples",
        "clipped_share",
        "verdict",
        "advice",
    }
    assert data["verdict"] == "good" and isinstance(data["clipped_samples"], int)
    assert all(len(line) < 60 for line in report.lines())


def test_record_counts_samples_and_reports_levels() -> None:
    audio = voice_like(2, 0.3)
    levels: list[float] = []
    with FileSource.from_array(audio) as source:
        got = record(1.0, source, on_level=levels.append)
    assert len(got) == SAMPLE_RATE and got.dtype == np.float32
    assert np.array_equal(got, audio[:SAMPLE_RATE])
    assert len(levels) >= 10 and max(levels) > -20


def test_record_ends_early_at_the_end_of_a_source_or_on_stop() -> None:
    with FileSource.from_array(voice_like(0.5, 0.3)) as source:
        assert len(record(3.0, source)) == SAMPLE_RATE // 2
    stop = threading.Event()
    stop.set()
    with FileSource.from_array(voice_like(2, 0.3)) as source:
        assert len(record(1.0, source, stop=stop)) == 0


def test_run_mic_check_prompts_in_order_and_saves_takes(isolated_home: Path) -> None:
    audio = np.concatenate([noise(1, -70), voice_like(2, 0.2) + noise(2, -70)])
    steps: list[str] = []
    result = run_mic_check(1.0, 2.0, FileSource.from_array(audio), on_step=steps.append)
    assert steps == ["quiet", "speak"]
    assert result.report.verdict == "good"
    assert len(result.silence) == SAMPLE_RATE and len(result.speech) == 2 * SAMPLE_RATE
    # The block that straddles the two takes is split, not lost.
    assert np.array_equal(np.concatenate([result.silence, result.speech]), audio)
    assert result.speech_file is not None and result.silence_file is not None
    assert isolated_home in result.speech_file.parents
    data, rate = soundfile.read(str(result.speech_file), dtype="float32")
    assert rate == SAMPLE_RATE and len(data) == 2 * SAMPLE_RATE
    assert np.allclose(data, result.speech, atol=1e-3)
