"""A whole file is decoded the way a live answer is: cut at pauses, each piece with the text
before it. A fake decoder and an energy VAD stand in for the models."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from tests.unit.test_endpoint import energy_vad, silence, tone
from voice_coach.audio import SAMPLE_RATE, endpoint
from voice_coach.speech.stt import FILE_BEAMS, FILE_PIECES, Transcriber, TranscriptSegment, Word


class PieceDecoder(Transcriber):
    """Records each call and 'hears' one word per second of the audio it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[dict[str, Any]] = []

    def transcribe(
        self,
        audio: np.ndarray,
        *,
        offset_s: float = 0.0,
        previous_text: str = "",
        streaming: bool = False,
        **options: Any,
    ) -> list[TranscriptSegment]:
        n = len(self.calls)
        self.calls.append(
            {
                "offset_s": offset_s,
                "seconds": len(audio) / SAMPLE_RATE,
                "previous_text": previous_text,
                "streaming": streaming,
                **options,
            }
        )
        count = max(1, round(len(audio) / SAMPLE_RATE))
        words = tuple(Word(offset_s + i, offset_s + i + 0.5, f"w{n}.{i}") for i in range(count))
        text = " ".join(w.word for w in words)
        return [TranscriptSegment(offset_s, offset_s + len(audio) / SAMPLE_RATE, text, words)]


@pytest.fixture(autouse=True)
def _energy_vad(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(endpoint, "silero", lambda: energy_vad)


def test_pieces_are_cut_at_pauses_and_decoded_in_order_with_what_came_before() -> None:
    audio = np.concatenate(
        [silence(1), tone(6), silence(1), tone(7), silence(1.5), tone(20), silence(1)]
    )
    decoder = PieceDecoder()
    transcript = decoder.transcribe_audio(audio)
    calls = decoder.calls
    assert len(calls) >= 5  # three stretches, the 20 s one cut into pieces
    assert all(c["streaming"] for c in calls)  # temperature 0 only: the same text every run
    assert all(c["seconds"] <= FILE_PIECES.max_segment_s + 2 * FILE_PIECES.pad_s for c in calls)
    assert calls[0]["previous_text"] == ""
    assert all(a["offset_s"] < b["offset_s"] for a, b in itertools.pairwise(calls))
    # Each piece is given everything heard before it.
    said = [" ".join(s.text for s in transcript.segments[:i]) for i in range(len(calls))]
    assert [c["previous_text"] for c in calls] == said
    # Word times are in the file's time, in order, and every stretch of speech was decoded.
    words = transcript.words
    assert all(a.start <= b.start for a, b in itertools.pairwise(words))
    assert calls[0]["offset_s"] == pytest.approx(1.0 - FILE_PIECES.pad_s, abs=0.07)
    assert any(abs(c["offset_s"] - (8.0 - FILE_PIECES.pad_s)) < 0.07 for c in calls)
    assert any(abs(c["offset_s"] - (16.5 - FILE_PIECES.pad_s)) < 0.07 for c in calls)
    for second in [*np.arange(1, 7, 0.1), *np.arange(8, 15, 0.1), *np.arange(16.5, 36.5, 0.1)]:
        assert any(c["offset_s"] <= second <= c["offset_s"] + c["seconds"] for c in calls)
    assert transcript.words[-1].end <= len(audio) / SAMPLE_RATE
    assert transcript.duration_s == pytest.approx(len(audio) / SAMPLE_RATE)


def test_silence_is_never_decoded() -> None:
    decoder = PieceDecoder()
    transcript = decoder.transcribe_audio(silence(40))
    assert decoder.calls == [] and transcript.text == "" and transcript.duration_s == 40.0


def test_long_silences_do_not_end_a_file() -> None:
    """A live answer ends after a silence, before any speech, or at its maximum length; a
    file is transcribed to its end whatever its silences and its length."""
    first = FILE_PIECES.initial_silence_s + 2
    gap = FILE_PIECES.max_answer_s  # longer than end_silence_s too
    audio = np.concatenate([silence(first), tone(6), silence(gap), tone(6), silence(1)])
    decoder = PieceDecoder()
    decoder.transcribe_audio(audio)
    starts = [c["offset_s"] + FILE_PIECES.pad_s for c in decoder.calls]
    assert starts == pytest.approx([first, first + 6 + gap], abs=0.07)


def test_file_pieces_are_decoded_with_the_file_beams() -> None:
    decoder = PieceDecoder()
    decoder.transcribe_audio(np.concatenate([silence(1), tone(6), silence(1)]))
    assert [c["beam_sizes"] for c in decoder.calls] == [FILE_BEAMS]


@dataclass
class RawSegment:
    """What faster-whisper yields, as far as the transcriber reads it."""

    text: str
    compression_ratio: float = 1.2
    start: float = 0.0
    end: float = 2.0
    avg_logprob: float = -0.3
    no_speech_prob: float = 0.05
    words: tuple[()] = ()


class LoopingModel:
    """Loops at the beam sizes in ``loops``; records each decode's beam size."""

    def __init__(self, loops: set[int]) -> None:
        self.loops = loops
        self.beams: list[int] = []

    def transcribe(self, audio: np.ndarray, **options: Any) -> tuple[Any, None]:
        beam = options["beam_size"]
        self.beams.append(beam)
        text = " and I did it" * 40 if beam in self.loops else f" Heard with beam {beam}."
        ratio = 12.0 if beam in self.loops else 1.2
        return iter([RawSegment(text, ratio)]), None


@pytest.mark.parametrize(
    ("loops", "tried", "text"),
    [
        (set(), [5], "Heard with beam 5."),
        ({5}, [5, 1], "Heard with beam 1."),
        ({5, 1}, [5, 1], None),  # every decode loops: nothing, never the loop
    ],
)
def test_a_looping_decode_is_tried_again_with_the_next_beam(
    loops: set[int], tried: list[int], text: str | None
) -> None:
    transcriber = Transcriber()
    model = LoopingModel(loops)
    transcriber._model = model
    found = transcriber.transcribe(silence(2), streaming=True, beam_sizes=(5, 1))
    assert model.beams == tried
    assert [s.text for s in found] == ([text] if text else [])


def test_without_streaming_only_the_first_beam_is_used() -> None:
    """Whisper's own temperature fallback handles loops there."""
    transcriber = Transcriber()
    model = LoopingModel({5})
    transcriber._model = model
    assert transcriber.transcribe(silence(2), beam_sizes=(5, 1)) == []
    assert model.beams == [5]
