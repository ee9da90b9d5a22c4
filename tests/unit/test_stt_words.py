"""What the transcriber makes of Whisper's own segments: punctuation Whisper emits as a
word or a segment of its own is not a word said."""

from __future__ import annotations

from types import SimpleNamespace

from voice_coach.speech.stt import _convert, _is_speech


def raw(text: str, words: list[tuple[float, float, str]]) -> SimpleNamespace:
    return SimpleNamespace(
        start=words[0][0] if words else 0.0,
        end=words[-1][1] if words else 0.0,
        text=text,
        words=[SimpleNamespace(start=s, end=e, word=w) for s, e, w in words],
        avg_logprob=-0.2,
        no_speech_prob=0.01,
        compression_ratio=1.2,
    )


def test_a_lone_full_stop_joins_the_word_before_it() -> None:
    segment = _convert(
        raw(
            " for a fortnight. . He'll come",
            [
                (0.0, 0.2, " for"),
                (0.2, 0.3, " a"),
                (0.3, 0.8, " fortnight."),
                (0.8, 0.9, " ."),
                (1.2, 1.4, " He'll"),
                (1.4, 1.6, " come"),
            ],
        ),
        offset_s=10.0,
    )
    assert [w.word for w in segment.words] == ["for", "a", "fortnight.", "He'll", "come"]
    assert segment.words[2].end == 10.8
    assert segment.text == "for a fortnight. He'll come"


def test_a_mark_after_a_bare_word_is_kept_on_it() -> None:
    segment = _convert(
        raw(
            " we shipped it ?",
            [(0.0, 0.3, " we"), (0.3, 0.6, " shipped"), (0.6, 0.8, " it"), (0.8, 0.9, " ?")],
        ),
        0.0,
    )
    assert [w.word for w in segment.words] == ["we", "shipped", "it?"]


def test_a_segment_of_punctuation_alone_is_not_speech() -> None:
    assert not _is_speech(raw(" .", [(0.0, 0.1, " .")]))
    assert _is_speech(raw(" Yes.", [(0.0, 0.3, " Yes.")]))
