"""The shorter encoder window for live pieces: what it keeps, and when a decode is redone."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from voice_coach.speech.stt import Transcriber
from voice_coach.speech.window import (
    MARGIN_FRAMES,
    MIN_FRAMES,
    SILENT_LOG_MEL,
    STEP_FRAMES,
    TAIL_FRAMES,
    EncoderWindow,
    frames_to_keep,
    short_window,
    suspicious,
)

FULL = 3000


def padded(audio_frames: int) -> np.ndarray:
    """Mel features as faster-whisper hands them to the encoder: the audio's frames (never
    all zero: log-mel of silence is negative), then zeros up to the full window."""
    features = np.zeros((80, FULL), np.float32)
    features[:, :audio_frames] = -0.5
    return features


def test_a_short_piece_keeps_the_minimum_window() -> None:
    assert frames_to_keep(padded(250)) == MIN_FRAMES


def test_a_longer_piece_keeps_its_audio_and_the_margin_in_a_few_window_sizes() -> None:
    keep = frames_to_keep(padded(901))
    assert 901 + MARGIN_FRAMES <= keep < 901 + MARGIN_FRAMES + STEP_FRAMES
    sizes = {frames_to_keep(padded(n)) for n in range(1, FULL + 1, 7)}
    assert sizes == {1000, 1500, 2000, 2500, 3000}


def test_a_piece_near_the_full_window_keeps_all_of_it() -> None:
    assert frames_to_keep(padded(2900)) == FULL
    assert frames_to_keep(padded(FULL)) == FULL


def test_the_padding_after_the_audio_is_log_mel_silence() -> None:
    features = padded(400)
    features[3, 10] = 1.5  # the loudest value: silence is 2 below it
    window = short_window(features)
    assert window.shape == (80, MIN_FRAMES)
    assert np.array_equal(window[:, :400], features[:, :400])
    assert np.all(window[:, 400:] == np.float32(-0.5))


def test_a_batch_axis_is_allowed() -> None:
    assert frames_to_keep(padded(1500)[None]) == frames_to_keep(padded(1500))


class FakeModel:
    """Records the frames its encoder was given."""

    def __init__(self) -> None:
        self.encoded: list[int] = []

    def encode(self, features: np.ndarray) -> Any:
        self.encoded.append(int(features.shape[-1]))
        return features


def test_the_window_is_cut_only_while_asked() -> None:
    model = FakeModel()
    window = EncoderWindow(model)
    model.encode(padded(300))
    window.short = True
    model.encode(padded(300))
    window.short = False
    model.encode(padded(300))
    assert model.encoded == [FULL, MIN_FRAMES, FULL]


def test_the_left_over_end_of_a_piece_is_encoded_as_silence_once() -> None:
    """faster-whisper decodes the frames after the last word in a window of their own."""
    model = FakeModel()
    window = EncoderWindow(model)
    window.short = True
    first = model.encode(padded(2))
    again = model.encode(padded(2))
    assert model.encoded == [MIN_FRAMES] and again is first
    assert np.all(first == np.float32(SILENT_LOG_MEL))
    model.encode(padded(TAIL_FRAMES + 1))  # a piece of its own: encoded
    window.short = False
    model.encode(padded(2))  # a whole file's window: as given
    assert model.encoded == [MIN_FRAMES, MIN_FRAMES, FULL]


@pytest.mark.parametrize(
    "text",
    [
        "Today, only platforms 1 and 3 are used. Today, only platforms 1 and 3 are used.",
        "and then we moved the team to weekly triage, we moved the team to weekly triage",
    ],
)
def test_a_sentence_said_twice_over_is_suspicious(text: str) -> None:
    assert suspicious(text, 5.0)


@pytest.mark.parametrize(
    "text",
    [
        "I, I looked at the mock SATs and realised nearly all the marks were lost.",
        "So, um, so, um, we cut the backlog in half.",
        "The horizon seems extremely distant.",
    ],
)
def test_ordinary_speech_with_short_repeats_is_not(text: str) -> None:
    assert not suspicious(text, 5.0)


def test_no_words_for_speech_is_suspicious_but_not_for_a_click() -> None:
    assert suspicious("", 2.5)
    assert not suspicious("", 0.3)


class ScriptedModel:
    """A faster-whisper stand-in: answers each decode in turn and notes the encoder window
    each was given (faster-whisper calls ``self.encode`` on the padded features)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.windows: list[int] = []
        self.options: list[dict[str, Any]] = []

    def encode(self, features: np.ndarray) -> Any:
        self.windows.append(int(features.shape[-1]))
        return features

    def transcribe(self, audio: np.ndarray, **options: Any) -> tuple[list[Any], None]:
        self.options.append(options)
        self.encode(padded(len(audio) // 160))
        text = self.texts.pop(0)
        return ([Segment(text)] if text else []), None


class Segment:
    def __init__(self, text: str) -> None:
        self.text = text
        self.start, self.end = 0.0, 2.0
        self.words: list[Any] = []
        self.avg_logprob, self.no_speech_prob, self.compression_ratio = -0.2, 0.01, 1.2


def scripted(texts: list[str]) -> tuple[Transcriber, ScriptedModel]:
    transcriber = Transcriber()
    model = ScriptedModel(texts)
    transcriber._model = model
    return transcriber, model


def test_a_live_piece_is_decoded_with_the_short_window() -> None:
    transcriber, model = scripted(["We cut the backlog in half."])
    found = transcriber.transcribe(np.zeros(16000 * 3, np.float32), streaming=True)
    assert [s.text for s in found] == ["We cut the backlog in half."]
    assert model.windows == [MIN_FRAMES]


def test_a_looping_short_decode_is_redone_with_a_wider_window() -> None:
    looped = "Today, only platforms 1 and 3 are used. Today, only platforms 1 and 3 are used."
    transcriber, model = scripted([looped, "Today, only platforms 1 and 3 are used."])
    found = transcriber.transcribe(np.zeros(16000 * 4, np.float32), streaming=True)
    assert [s.text for s in found] == ["Today, only platforms 1 and 3 are used."]
    assert model.windows == [MIN_FRAMES, 2000]  # 4 s of audio and 13 s of silence


def test_speech_read_as_nothing_is_redone_with_a_wider_window() -> None:
    transcriber, model = scripted(["", "I think you've covered everything, thanks."])
    found = transcriber.transcribe(np.zeros(16000 * 2, np.float32), streaming=True)
    assert [s.text for s in found] == ["I think you've covered everything, thanks."]
    assert model.windows == [MIN_FRAMES, 1500]


def test_a_whole_file_keeps_the_full_window() -> None:
    transcriber, model = scripted(["We cut the backlog in half."])
    transcriber.transcribe(np.zeros(16000 * 3, np.float32))
    assert model.windows == [FULL]


def test_a_live_decode_may_say_only_what_its_audio_can_hold() -> None:
    """A decoder that loops is stopped after the tokens a piece's speech could need, both
    times; a whole file is not bounded."""
    looped = "Today, only platforms 1 and 3 are used. Today, only platforms 1 and 3 are used."
    transcriber, model = scripted([looped, "Today, only platforms 1 and 3 are used."])
    transcriber.transcribe(np.zeros(16000 * 3, np.float32), streaming=True)
    budgets = [o.get("max_new_tokens") for o in model.options]
    assert budgets[0] == budgets[1] and budgets[0] is not None and 30 <= budgets[0] <= 60
    transcriber, model = scripted(["We cut the backlog in half."])
    transcriber.transcribe(np.zeros(16000 * 3, np.float32))
    assert "max_new_tokens" not in model.options[0]
