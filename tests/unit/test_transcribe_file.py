"""A whole file is transcribed completely and the same way every time: speech found by the
voice detector, decoded in windows cut at pauses, every piece checked for words, a piece the
window missed decoded on its own, what cannot be read named. A fake model and an energy
detector stand in for Whisper and Silero."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from voice_coach.audio import SAMPLE_RATE
from voice_coach.speech import stt
from voice_coach.speech.stt import (
    FILE_WINDOW_S,
    PIECE_S,
    RECHECK_LOGPROB,
    RECHECK_SPEEDS,
    Transcriber,
    Transcript,
)


def speech(*word_ids: int, seconds_each: float = 1.0) -> np.ndarray:
    """Audio the fake model reads: each second holds one word, its id in the sample value."""
    n = int(seconds_each * SAMPLE_RATE)
    return np.concatenate([np.full(n, i / 1000, dtype=np.float32) for i in word_ids])


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


def energy_timestamps(audio: np.ndarray, options: Any) -> list[dict[str, int]]:
    """Silero's contract on the fake audio: runs of sound split at pauses of the asked
    length, cut at the maximum length, padded."""
    loud = np.flatnonzero(audio != 0)
    if not len(loud):
        return []
    gap = options.min_silence_duration_ms * SAMPLE_RATE // 1000
    breaks = np.flatnonzero(np.diff(loud) > gap)
    starts = [loud[0], *loud[breaks + 1]]
    ends = [*loud[breaks] + 1, loud[-1] + 1]
    pad = options.speech_pad_ms * SAMPLE_RATE // 1000
    longest = int(options.max_speech_duration_s * SAMPLE_RATE)
    chunks = []
    for start, end in zip(starts, ends, strict=True):
        run = [
            {"start": int(at), "end": int(min(end, at + longest))}
            for at in range(start, end, longest)
        ]
        run[0]["start"] = max(0, run[0]["start"] - pad)
        run[-1]["end"] = min(len(audio), run[-1]["end"] + pad)
        chunks += run
    return chunks


@dataclass
class RawWord:
    start: float
    end: float
    word: str
    probability: float


@dataclass
class RawSegment:
    """What faster-whisper yields, as far as the transcriber reads it."""

    text: str
    start: float
    end: float
    words: list[RawWord]
    avg_logprob: float = -0.3
    no_speech_prob: float = 0.05
    compression_ratio: float = 1.4


@dataclass
class FakeModel:
    """Hears one word a second from :func:`speech` audio, with configurable failures."""

    missed_in_windows: set[int] = field(default_factory=set)
    """Word ids not heard when decoded with more than a piece's worth of audio."""
    unreadable: set[int] = field(default_factory=set)
    """Word ids heard with low probability wherever they are, as words that change with
    every decode of a different length (reversed speech: invented text)."""
    unsure: set[int] = field(default_factory=set)
    """Word ids heard with low probability, as the same word in every decode (a robotic
    voice, an accent: real speech the model is unsure of)."""
    doubted_logprob: float = -0.8
    """The avg_logprob of a segment with an unreadable or unsure word."""
    loops_at_beam_1: set[int] = field(default_factory=set)
    """Word ids whose decode at beam 1 loops."""
    echoes: bool = False
    """Given text before, say that text instead of what was spoken."""
    calls: list[dict[str, Any]] = field(default_factory=list)

    def transcribe(self, audio: np.ndarray, **options: Any) -> tuple[Any, None]:
        self.calls.append({"seconds": len(audio) / SAMPLE_RATE, **options})
        ids = [round(v * 1000) for v in audio[SAMPLE_RATE // 2 :: SAMPLE_RATE]]
        window = len(audio) > (PIECE_S + 1) * SAMPLE_RATE
        context = options["initial_prompt"].removeprefix(stt.FILLER_PROMPT).strip()
        if self.echoes and context:
            text = " ".join(context.split()[-4:])
            words = [RawWord(0.0, 1.0, w, 0.9) for w in text.split()]
            return iter([RawSegment(text, 0.0, 1.0, words)]), None
        segments: list[RawSegment] = []
        words: list[RawWord] = []
        for second, word_id in enumerate([*ids, 0]):
            if not word_id or (window and word_id in self.missed_in_windows):
                if words:  # a pause (or a word not heard) ends a segment
                    segments.append(self._segment(words, options["beam_size"]))
                    words = []
                continue
            doubted = word_id in self.unreadable or word_id in self.unsure
            name = f"x{len(audio)}n{word_id}" if word_id in self.unreadable else f"w{word_id}"
            words.append(RawWord(second + 0.1, second + 0.9, name, 0.2 if doubted else 0.95))
        return iter(segments), None

    def _segment(self, words: list[RawWord], beam_size: int) -> RawSegment:
        ids = [int(w.word.rsplit("n", 1)[-1].lstrip("w")) for w in words]
        looping = beam_size == 1 and any(i in self.loops_at_beam_1 for i in ids)
        text = " ".join(w.word for w in words)
        ratio = 9.0 if looping else 1.4
        doubted = self.unreadable | self.unsure
        logprob = self.doubted_logprob if any(i in doubted for i in ids) else -0.3
        return RawSegment(
            text, words[0].start, words[-1].end, words, logprob, compression_ratio=ratio
        )


@pytest.fixture(autouse=True)
def _energy_vad(monkeypatch: pytest.MonkeyPatch) -> None:
    import faster_whisper.vad

    monkeypatch.setattr(faster_whisper.vad, "get_speech_timestamps", energy_timestamps)


def transcriber_with(model: FakeModel) -> Transcriber:
    transcriber = Transcriber()
    transcriber._model = model
    return transcriber


def heard(transcript: Transcript) -> list[str]:
    return [w.word for w in transcript.words]


def long_answer() -> tuple[np.ndarray, list[int]]:
    """A minute and a half: 12 stretches of 5-8 words with 1-3 s pauses."""
    parts, ids, next_id = [silence(1)], [], 1
    for n in range(12):
        count = 5 + n % 4
        stretch = list(range(next_id, next_id + count))
        parts += [speech(*stretch), silence(1 + n % 3)]
        ids += stretch
        next_id += count
    return np.concatenate(parts), ids


def test_every_word_is_heard_in_order_in_windows_cut_at_pauses() -> None:
    audio, ids = long_answer()
    model = FakeModel()
    transcript = transcriber_with(model).transcribe_audio(audio)
    assert heard(transcript) == [f"w{i}" for i in ids]
    assert transcript.unread == () and transcript.unread_note() is None
    assert transcript.duration_s == pytest.approx(len(audio) / SAMPLE_RATE)
    # A window for two or three stretches, not a decode per piece; none over Whisper's
    # 30 s; never sampled.
    assert len(model.calls) == 4  # 12 stretches, 100 s
    assert all(c["seconds"] <= FILE_WINDOW_S for c in model.calls)
    assert all(c["temperature"] == 0.0 for c in model.calls)
    # Word times are in the file's time: each word is where its second of audio is.
    for word in transcript.words:
        middle = int((word.start + word.end) / 2 * SAMPLE_RATE)
        assert audio[middle] * 1000 == pytest.approx(int(word.word[1:]))
    assert all(a.end <= b.start for a, b in itertools.pairwise(transcript.words))


def test_the_same_audio_gives_the_same_transcript_and_the_same_decodes() -> None:
    audio, _ = long_answer()
    first, second = FakeModel(missed_in_windows={9}), FakeModel(missed_in_windows={9})
    assert transcriber_with(first).transcribe_audio(audio) == transcriber_with(
        second
    ).transcribe_audio(audio)
    assert first.calls == second.calls


def test_the_text_before_is_the_context_of_each_window() -> None:
    audio, _ = long_answer()
    model = FakeModel()
    transcript = transcriber_with(model).transcribe_audio(audio)
    assert model.calls[0]["initial_prompt"] == stt.FILLER_PROMPT
    for call in model.calls[1:]:
        context = call["initial_prompt"].removeprefix(stt.FILLER_PROMPT).split()
        assert context and context[-1] in heard(transcript)


def test_a_piece_a_window_missed_is_decoded_on_its_own() -> None:
    """The window's decode skipped a whole stretch (as a 30 s window judged silent did):
    that window is decoded again piece by piece, and nothing is lost."""
    audio, ids = long_answer()
    model = FakeModel(missed_in_windows=set(ids[5:12]))
    transcript = transcriber_with(model).transcribe_audio(audio)
    assert heard(transcript) == [f"w{i}" for i in ids]
    assert transcript.unread == ()
    assert any(c["seconds"] <= PIECE_S + 1 for c in model.calls)


def test_what_cannot_be_read_is_left_out_and_named() -> None:
    audio = np.concatenate(
        [silence(1), speech(1, 2, 3, 4, 5, 6), silence(2), speech(7, 8, 9, 10, 11), silence(2)]
    )
    model = FakeModel(unreadable={7, 8, 9, 10, 11})
    transcript = transcriber_with(model).transcribe_audio(audio)
    assert heard(transcript) == ["w1", "w2", "w3", "w4", "w5", "w6"]
    ((start, end),) = transcript.unread
    assert start == pytest.approx(9.0, abs=0.25) and end == pytest.approx(14.0, abs=0.25)
    assert transcript.unread_note() == (
        "could not make out the speech at 0:08-0:14; it is left out of the transcript"
    )
    assert transcript.to_dict()["unread"] == [{"start": round(start, 2), "end": round(end, 2)}]


def test_doubted_words_beside_clear_ones_are_named_too() -> None:
    """A piece with words is not enough: a sentence left out for doubt is still named."""
    audio = np.concatenate([silence(1), speech(1, 2, 3), silence(1), speech(4, 5), silence(2)])
    transcript = transcriber_with(FakeModel(unreadable={4, 5})).transcribe_audio(audio)
    assert heard(transcript) == ["w1", "w2", "w3"]
    ((start, end),) = transcript.unread
    assert start == pytest.approx(5.0, abs=0.3) and end == pytest.approx(7.0, abs=0.5)


def test_nothing_readable_gives_no_text_rather_than_invented_words() -> None:
    """Reversed speech: Whisper writes fluent sentences the model itself doubts."""
    audio = np.concatenate([silence(1), speech(*range(1, 15)), silence(1)])
    transcript = transcriber_with(FakeModel(unreadable=set(range(1, 15)))).transcribe_audio(audio)
    assert transcript.text == "" and transcript.unread


def test_speech_the_model_is_unsure_of_is_kept_when_a_second_listen_hears_it_too() -> None:
    """A robotic voice or an accent: the model doubts real words, but hears the same ones
    when the piece is played a little slower and a little faster."""
    audio = np.concatenate(
        [silence(1), speech(1, 2, 3, 4, 5, 6), silence(2), speech(7, 8, 9, 10, 11), silence(2)]
    )
    model = FakeModel(unsure={7, 8, 9, 10, 11})
    transcript = transcriber_with(model).transcribe_audio(audio)
    assert heard(transcript) == [f"w{i}" for i in range(1, 12)]
    assert transcript.unread == ()
    # The window, its two pieces, and the doubted piece at each speed: nothing else.
    piece_s = 5 + 2 * stt.PAD_MS / 1000
    listens = [piece_s / speed for speed in RECHECK_SPEEDS]
    assert [c["seconds"] for c in model.calls][-2:] == pytest.approx(listens, abs=0.01)
    assert len(model.calls) == 5
    assert all(c["temperature"] == 0.0 for c in model.calls)
    again = FakeModel(unsure={7, 8, 9, 10, 11})
    assert transcriber_with(again).transcribe_audio(audio) == transcript
    assert again.calls == model.calls


@pytest.mark.parametrize(
    "model",
    [
        FakeModel(unsure={7, 8, 9, 10, 11}, doubted_logprob=RECHECK_LOGPROB - 0.2),
        FakeModel(unreadable={7, 8, 9, 10, 11}),
    ],
    ids=["hopeless", "invented"],
)
def test_doubted_words_a_second_listen_cannot_confirm_stay_out(model: FakeModel) -> None:
    """Decoded with too little confidence to be worth a second listen, or read as different
    words at another speed (invented text): left out and named, never kept."""
    audio = np.concatenate(
        [silence(1), speech(1, 2, 3, 4, 5, 6), silence(2), speech(7, 8, 9, 10, 11), silence(2)]
    )
    transcript = transcriber_with(model).transcribe_audio(audio)
    assert heard(transcript) == [f"w{i}" for i in range(1, 7)]
    ((start, end),) = transcript.unread
    assert start == pytest.approx(9.0, abs=0.25) and end == pytest.approx(14.0, abs=0.25)


def test_a_looping_piece_is_decoded_again_with_a_beam() -> None:
    audio = np.concatenate([silence(1), speech(1, 2, 3, 4, 5, 6), silence(1)])
    model = FakeModel(loops_at_beam_1={3})
    transcript = transcriber_with(model).transcribe_audio(audio)
    assert heard(transcript) == [f"w{i}" for i in range(1, 7)]
    assert [c["beam_size"] for c in model.calls] == [1, 1, 5]  # window, piece, piece again


def test_a_decode_that_repeats_its_context_is_done_again_without_it() -> None:
    """Prompted with the sentence before, Whisper can 'hear' that sentence again."""
    audio = np.concatenate([silence(1), speech(1, 2, 3, 4, 5), silence(30), speech(6, 7, 8)])
    model = FakeModel()
    transcriber = transcriber_with(model)
    model.echoes = True  # only a decode given context echoes it
    transcript = transcriber.transcribe_audio(audio)
    # The second window echoed "w2 w3 w4 w5" and was decoded again with no context.
    assert heard(transcript)[-3:] == ["w6", "w7", "w8"]
    assert model.calls[-1]["initial_prompt"] == stt.FILLER_PROMPT


def test_silence_is_never_decoded() -> None:
    model = FakeModel()
    transcript = transcriber_with(model).transcribe_audio(silence(40))
    assert model.calls == [] and transcript.text == "" and transcript.duration_s == 40.0


def test_long_silences_do_not_end_a_file() -> None:
    """A live answer ends after a silence or at a maximum length; a file is read to its end."""
    audio = np.concatenate([silence(20), speech(1, 2), silence(250), speech(3, 4), silence(1)])
    transcript = transcriber_with(FakeModel()).transcribe_audio(audio)
    assert heard(transcript) == ["w1", "w2", "w3", "w4"]


def test_progress_is_told_in_file_seconds_up_to_the_end() -> None:
    audio, _ = long_answer()
    told: list[tuple[float, float]] = []
    transcriber_with(FakeModel()).transcribe_audio(audio, lambda d, t: told.append((d, t)))
    total = len(audio) / SAMPLE_RATE
    assert len(told) >= 3 and told[-1] == (total, total)
    assert all(t == total for _, t in told)
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(told))


@pytest.mark.parametrize(
    ("text", "avg_logprob", "probabilities", "readable"),
    [
        ("We shipped it.", -0.3, [0.9, 0.95, 0.99], True),  # clear speech
        ("Honestly my manager", -0.45, [0.4, 0.62, 0.9], True),  # misheard, without doubt
        ("Today only platforms", -0.5, [0.5, 0.56, 0.7], True),  # speech in noise
        ("You're not going", -0.74, [0.6, 0.77, 0.9], False),  # reversed: fluent, doubted
        ("I'm gonna say", -0.8, [0.1, 0.3, 0.9], False),  # most words guessed
        ("of rocky Ithaca", -0.44, [0.3, 0.37, 0.9], True),  # a name, decoded without doubt
        ("Check the logs", -0.9, [0.9, 0.95, 0.99], True),  # confident in a hard stretch
        # Reversed speech going round a phrase, even with a fair log probability.
        ("We are the best, and we are the best", -0.31, [0.55, 0.6, 0.7], False),
        # A speaker repeating themselves, clearly heard.
        ("Ask what you can do, ask what you can do", -0.3, [0.9, 0.95, 0.99], True),
    ],
)
def test_a_segment_is_read_only_if_the_model_believes_its_words(
    text: str, avg_logprob: float, probabilities: list[float], readable: bool
) -> None:
    words = [RawWord(i, i + 1, f"w{i}", p) for i, p in enumerate(probabilities)]
    segment = RawSegment(text, 0.0, 3.0, words, avg_logprob=avg_logprob)
    assert stt._readable(segment) is readable


@pytest.mark.parametrize(
    ("text", "ratio", "loops"),
    [
        ("the the the the the the the the the the the the", 9.0, True),
        # Reversed speech, every word confident, compressing to exactly the limit.
        ("Now, I'm using an S-R-P-D-R-O-F-F-F-F-F-F-F-F-F-F-F-F-F-F-F-F-F", 2.4, True),
        ("No, no, no, I said we ship on Friday.", 1.3, False),
        ("Ask what you can do, ask what you can do", 1.6, False),
    ],
)
def test_a_loop_is_never_speech(text: str, ratio: float, loops: bool) -> None:
    segment = RawSegment(text, 0.0, 3.0, [RawWord(0, 1, "w", 0.99)], compression_ratio=ratio)
    assert stt._loops(segment) is loops
    assert stt._is_speech(segment) is not loops


def test_channels_out_of_phase_do_not_cancel() -> None:
    from voice_coach.audio.capture import downmix

    voice = np.sin(np.linspace(0, 300, 16_000)).astype(np.float32)
    assert np.allclose(np.abs(downmix(np.stack([voice, -voice], axis=1))), np.abs(voice))
    assert np.allclose(downmix(voice[:, None]), voice)
    # Two different voices, one per channel, are both kept at half their level, as an
    # average keeps them (the quieter one perhaps inverted, which nobody hears).
    other = 0.5 * np.cos(np.linspace(0, 770, 16_000)).astype(np.float32)
    mixed = downmix(np.stack([voice, other], axis=1))
    assert any(np.allclose(mixed, (voice + sign * other) / 2, atol=1e-6) for sign in (1, -1))


def _doubted(text: str) -> RawSegment:
    return RawSegment(text, 0.0, 2.0, [], avg_logprob=-0.95)


def test_doubted_segments_that_go_round_a_phrase_get_no_second_listen() -> None:
    """Reversed speech read as the same phrase in two segments of one piece: going round,
    not speech. Segments that share no four words in a row are each judged alone."""
    went_round = [
        _doubted(" I'm here for this massive bit of the"),
        _doubted(" U.S."),
        _doubted(" So, I'm here for this massive bit of the U.S."),
    ]
    assert [stt._goes_round(s, went_round) for s in went_round] == [True, False, True]
    told = [_doubted(" We moved the fuel contract"), _doubted(" and the fuel bill fell by half")]
    assert not any(stt._goes_round(s, told) for s in told)
