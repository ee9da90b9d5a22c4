"""Live text while an answer is given: provisional words, a pause decode reused as the final
one, agreed words kept when the key ends the answer mid-segment, and a shorter end silence
after a finished sentence. A fake transcriber and a source that waits for the decode
thread at set points make each run the same, whatever the machine's speed."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from tests.unit.test_endpoint import energy_vad, silence, tone
from voice_coach.audio import SAMPLE_RATE, endpoint
from voice_coach.audio.capture import EndOfAudio
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.live import LiveAnswer, LiveOptions, LiveStatus
from voice_coach.scoring import QuestionKind, has_told_enough
from voice_coach.speech.interim import LiveText, StablePrefix, sounds_finished
from voice_coach.speech.stt import TranscriptSegment, Word

BLOCK = 1024
WAIT_S = 20.0
"""How long a gate waits for the decode thread before the test fails (never on time)."""


class GridTranscriber:
    """Hears one word every half second of answer time, named by when it was said ("w4"
    at 2.0 s), so decodes of overlapping audio agree and a cut one can be checked; or,
    given ``sentence``, hears that sentence in any audio."""

    name = "fake"
    loaded = True

    def __init__(
        self,
        sentence: str | None = None,
        word_s: float = 0.3,
        *,
        audible: bool = False,
        stop_every: int | None = None,
    ) -> None:
        self.sentence = sentence
        self.stop_every = stop_every
        """Close a sentence after every this many words ("w3." with 4)."""
        self.word_s = word_s
        """How long each word lasts: under 0.5 s, a gap follows it."""
        self.audible = audible
        """Hear a word only where the audio has sound, as Whisper would."""
        self.calls: list[tuple[float, float]] = []
        """(offset, end) in seconds of each decode, once it is done."""
        self.done = threading.Condition()

    def load(self) -> None:
        return None

    def transcribe(
        self,
        audio: np.ndarray,
        *,
        offset_s: float = 0.0,
        previous_text: str = "",
        streaming: bool = False,
    ) -> list[TranscriptSegment]:
        end_s = offset_s + len(audio) / SAMPLE_RATE
        first = math.ceil(offset_s * 2 - 1e-9)
        stop = self.stop_every
        words = tuple(
            Word(k / 2, k / 2 + self.word_s, f"w{k}." if stop and (k + 1) % stop == 0 else f"w{k}")
            for k in range(first, int(end_s * 2) + 1)
            if k / 2 + self.word_s <= end_s + 1e-9
            and (not self.audible or _sounds(audio, k / 2 - offset_s, self.word_s))
        )
        if self.sentence is not None:
            said = self.sentence.split()
            words = tuple(Word(offset_s, end_s, w) for w in said)
        found = (
            [
                TranscriptSegment(
                    words[0].start, words[-1].end, " ".join(w.word for w in words), words
                )
            ]
            if words
            else []
        )
        with self.done:
            self.calls.append((offset_s, end_s))
            self.done.notify_all()
        return found

    def wait(self, ready: Callable[[], bool]) -> None:
        with self.done:
            assert self.done.wait_for(ready, timeout=WAIT_S), "the decode thread never got there"


def _sounds(audio: np.ndarray, at_s: float, length_s: float) -> bool:
    """Whether the middle of a word's span has sound (its edges may touch the next)."""
    edge = length_s / 4
    span = audio[int((at_s + edge) * SAMPLE_RATE) : int((at_s + length_s - edge) * SAMPLE_RATE)]
    return bool(len(span)) and float(np.max(np.abs(span))) > 0.01


class GatedSource:
    """Audio handed over as fast as it is read, except that before the block at each gate's
    second it waits until the gate's condition holds (the decode thread has caught up)."""

    device_name = "gated"

    def __init__(self, audio: np.ndarray, gates: dict[float, Callable[[], None]]) -> None:
        self.audio = audio
        self.gates = sorted(gates.items())
        self.pos = 0

    def __enter__(self) -> GatedSource:
        return self

    def __exit__(self, *args: object) -> None:
        return None

    def read(self, timeout: float = 0.5) -> np.ndarray | None:
        if self.pos >= len(self.audio):
            raise EndOfAudio
        while self.gates and self.pos >= self.gates[0][0] * SAMPLE_RATE:
            self.gates.pop(0)[1]()
        block = self.audio[self.pos : self.pos + BLOCK]
        self.pos += BLOCK
        return block


class Heard:
    """A listener that keeps every update."""

    def __init__(self) -> None:
        self.texts: list[LiveText] = []
        self.finals: list[str] = []

    def status(self, status: LiveStatus) -> None:
        return None

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        self.finals.append(" ".join(s.text for s in segments))

    def recording_started(self, device: str) -> None:
        return None

    def recording_ended(self, reason: str) -> None:
        return None

    def live_text(self, text: LiveText) -> None:
        self.texts.append(text)


@pytest.fixture(autouse=True)
def _energy_vad(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(endpoint, "silero", lambda: energy_vad)


def _run(
    tmp_path: Path,
    source: GatedSource,
    fake: GridTranscriber,
    config: EndpointConfig,
    listener: Heard | None = None,
    options: LiveOptions | None = None,
    told_enough: Callable[[str], bool] | None = None,
) -> LiveAnswer:
    return LiveAnswer(
        source,  # type: ignore[arg-type]
        fake,  # type: ignore[arg-type]
        tmp_path / "answer.flac",
        config,
        listener,
        options or LiveOptions(smart_end=False),
        told_enough=told_enough,
    )


def test_words_show_as_provisional_while_spoken_then_the_final_ones_replace_them(
    tmp_path: Path,
) -> None:
    fake, heard = GridTranscriber(), Heard()
    shown = threading.Event()

    def provisional_shown() -> None:
        fake.wait(lambda: bool(fake.calls))
        assert shown.wait(WAIT_S)

    audio = np.concatenate([tone(3), silence(3)])
    config = EndpointConfig(end_silence_s=2.0, min_segment_s=0.0)
    live = _run(tmp_path, GatedSource(audio, {2.5: provisional_shown}), fake, config, heard)
    original = heard.live_text

    def live_text(text: LiveText) -> None:
        original(text)
        if text.provisional:
            shown.set()

    heard.live_text = live_text  # type: ignore[method-assign]
    result = live.run()
    first = next(t for t in heard.texts if t.provisional)
    assert first.final == "" and first.provisional.startswith("w0 w1")
    assert not heard.finals[: heard.texts.index(first)]  # shown before any final words
    assert heard.texts[-1] == LiveText(result.transcript.text, "")
    assert result.transcript.text.startswith("w0 w1 w2")


def test_a_pause_decode_is_the_final_one_when_nothing_more_is_said(tmp_path: Path) -> None:
    fake = GridTranscriber()
    speech_end = 0.5 + 2.0 + 0.2  # the held fragment's end, padding included

    def paused() -> None:
        fake.wait(lambda: any(end >= speech_end - 0.01 for _, end in fake.calls))

    audio = np.concatenate([silence(0.5), tone(2), silence(1.5)])
    config = EndpointConfig(min_segment_s=5.0, end_silence_s=30.0)
    live = _run(tmp_path, GatedSource(audio, {3.4: paused}), fake, config)
    result = live.run()
    assert result.end_reason == "end_of_audio"
    spoken = [c for c in fake.calls if c[1] >= speech_end - 0.01]
    assert len(spoken) == 1, f"decoded again at the end: {fake.calls}"
    assert result.transcript.text == "w1 w2 w3 w4"  # 0.3 s to just under 2.7 s, each once


def test_a_pause_decode_that_heard_past_the_segment_is_the_final_one_when_silence_ends_it(
    tmp_path: Path,
) -> None:
    fake = GridTranscriber(audible=True)
    speech_end = 0.5 + 2.0 + 0.2  # the held fragment's end, padding included

    def paused() -> None:
        fake.wait(lambda: any(end >= speech_end - 0.01 for _, end in fake.calls))

    # Gated 0.43 s into the pause: the pause decode is made before the pause (0.5 s) holds
    # the fragment, so it hears more silence than the fragment's padding.
    audio = np.concatenate([silence(0.5), tone(2), silence(4)])
    config = EndpointConfig(min_segment_s=5.0, end_silence_s=1.5)
    live = _run(tmp_path, GatedSource(audio, {2.93: paused}), fake, config)
    result = live.run()
    assert result.end_reason == "silence"
    spoken = [c for c in fake.calls if c[1] >= speech_end - 0.01]
    assert len(spoken) == 1, f"decoded again: {fake.calls}"
    assert spoken[0][1] > speech_end + 0.05, "the pause decode did not hear past the fragment"
    assert result.transcript.text == "w1 w2 w3 w4"


def test_passes_and_the_key_mid_segment_decode_only_what_follows_the_agreed_words(
    tmp_path: Path,
) -> None:
    fake = GridTranscriber()

    def passes(n: int) -> Callable[[], None]:
        return lambda: fake.wait(lambda: len(fake.calls) >= n)

    audio = tone(5.0)  # one stretch of speech, no pause: stopped mid-segment
    config = EndpointConfig(min_segment_s=5.0, max_segment_s=20.0, end_silence_s=30.0)
    reuse = LiveOptions(smart_end=False, reuse_in_final=True)
    gates = {2.0: passes(1), 3.2: passes(2), 4.4: passes(3)}
    live = _run(tmp_path, GatedSource(audio, gates), fake, config, options=reuse)
    result = live.run()
    assert fake.calls[2][0] > 1.5, f"the third pass heard it all again: {fake.calls}"
    last_offset, last_end = fake.calls[-1]
    assert last_offset > 2.0, f"the whole segment was decoded again: {fake.calls}"
    assert last_end == pytest.approx(len(audio) / SAMPLE_RATE, abs=0.1)
    words = result.transcript.text.split()
    assert words == [f"w{k}" for k in range(len(words))]  # none lost, none twice
    assert len(words) == 10


def test_words_said_without_a_gap_are_never_cut_between(tmp_path: Path) -> None:
    """Fluent speech, each word running into the next: no place to cut the audio without
    clipping a word, so the final decode hears the whole segment."""
    fake = GridTranscriber(word_s=0.5)

    def passes(n: int) -> Callable[[], None]:
        return lambda: fake.wait(lambda: len(fake.calls) >= n)

    audio = tone(5.0)
    config = EndpointConfig(min_segment_s=5.0, max_segment_s=20.0, end_silence_s=30.0)
    reuse = LiveOptions(smart_end=False, reuse_in_final=True)
    gates = {2.0: passes(1), 3.2: passes(2), 4.4: passes(3)}
    result = _run(tmp_path, GatedSource(audio, gates), fake, config, options=reuse).run()
    assert fake.calls[-1][0] == pytest.approx(0.0, abs=0.3), fake.calls  # from the start
    words = result.transcript.text.split()
    assert words == [f"w{k}" for k in range(len(words))] and len(words) >= 9


def test_by_default_the_final_decode_hears_the_whole_segment(tmp_path: Path) -> None:
    """Provisional passes may skip the words they agreed on; the final decode does not:
    the rest of a sentence decoded alone was misheard on a real recording."""
    fake = GridTranscriber()

    def passes(n: int) -> Callable[[], None]:
        return lambda: fake.wait(lambda: len(fake.calls) >= n)

    audio = tone(5.0)
    config = EndpointConfig(min_segment_s=5.0, max_segment_s=20.0, end_silence_s=30.0)
    gates = {2.0: passes(1), 3.2: passes(2), 4.4: passes(3)}
    result = _run(tmp_path, GatedSource(audio, gates), fake, config).run()
    assert fake.calls[2][0] > 1.5, f"the third provisional pass heard it all: {fake.calls}"
    assert fake.calls[-1][0] == pytest.approx(0.0, abs=0.3), fake.calls
    words = result.transcript.text.split()
    assert words == [f"w{k}" for k in range(len(words))] and len(words) == 10


@pytest.mark.parametrize("commit", [True, False])
def test_sentences_two_passes_agree_on_are_final_before_the_answer_ends(
    tmp_path: Path, commit: bool
) -> None:
    """Once two passes read a sentence alike and heard the next word begin, its words are
    final: the decode when the answer ends hears only the sentence under way."""
    fake = GridTranscriber(stop_every=4)  # "w0 w1 w2 w3. w4 ... w7. w8 ..."

    def heard_to(second: float) -> Callable[[], None]:
        return lambda: fake.wait(lambda: any(end >= second for _, end in fake.calls))

    audio = tone(6.0)
    config = EndpointConfig(min_segment_s=5.0, max_segment_s=20.0, end_silence_s=30.0)
    gates = {t: heard_to(t) for t in (2.5, 3.1, 4.5, 5.1)}
    heard = Heard()
    options = LiveOptions(smart_end=False, commit_sentences=commit)
    result = _run(tmp_path, GatedSource(audio, gates), fake, config, heard, options).run()
    said = [f"w{k}." if (k + 1) % 4 == 0 else f"w{k}" for k in range(12)]
    assert result.transcript.text.split() == said
    last_start = fake.calls[-1][0]
    if commit:
        assert last_start == pytest.approx(3.9, abs=0.05), fake.calls
        assert heard.finals[0] == "w0 w1 w2 w3.", "the first sentence was final at once"
        assert len(result.transcript.segments) == 3
    else:
        assert last_start == pytest.approx(0.0, abs=0.3), fake.calls


def test_words_before_a_breath_stay_provisional_until_the_segment_closes(
    tmp_path: Path,
) -> None:
    """No sentence ends, and the speaker takes a breath too short to close the segment:
    the words before it are not made final there, and the final decode hears the segment
    whole (cut at a breath after a comma, the rest of a real sentence was misheard)."""
    fake = GridTranscriber(audible=True)

    def heard_to(second: float) -> Callable[[], None]:
        return lambda: fake.wait(lambda: any(end >= second for _, end in fake.calls))

    audio = np.concatenate([tone(2.0), silence(0.3), tone(2.0)])
    config = EndpointConfig(min_segment_s=5.0, max_segment_s=20.0, end_silence_s=30.0)
    gates = {t: heard_to(t) for t in (3.0, 3.6)}
    heard = Heard()
    options = LiveOptions(smart_end=False)
    result = _run(tmp_path, GatedSource(audio, gates), fake, config, heard, options).run()
    assert result.transcript.text.split() == [f"w{k}" for k in (0, 1, 2, 3, 5, 6, 7, 8)]
    assert fake.calls[-1][0] == pytest.approx(0.0, abs=0.3), fake.calls
    assert heard.finals == [result.transcript.text]


WHOLE_ANSWER = (
    "We had four hundred tickets waiting and customers heard nothing for two weeks, so I "
    "sorted them by age and took the oldest ones myself. That's how we cut the backlog in half."
)


@pytest.mark.parametrize(
    ("said", "finished"),
    [
        (WHOLE_ANSWER, True),
        ("And then I, um...", False),
        # A first sentence and a pause is someone thinking what to say next.
        ("That's how we cut the backlog in half.", False),
        ("Sure. That's a good question.", False),
        # A closing reply is short and whole.
        ("Thank you. Could I have a few days to think it over? I'll call you on Friday.", True),
    ],
)
def test_a_finished_answer_ends_after_a_shorter_silence(
    tmp_path: Path, said: str, finished: bool
) -> None:
    fake = GridTranscriber(said)

    def paused() -> None:
        fake.wait(lambda: any(end >= 2.1 for _, end in fake.calls))

    audio = np.concatenate([tone(2), silence(8)])
    config = EndpointConfig(min_segment_s=5.0, end_silence_s=3.0)
    live = _run(tmp_path, GatedSource(audio, {2.9: paused}), fake, config, options=LiveOptions())
    result = live.run()
    assert result.end_reason == "silence"
    assert result.transcript.text == said
    if finished:
        assert result.duration_s < 2 + 3.0
    else:
        assert result.duration_s >= 2 + 3.0


SCENE_SET = (
    "At my last job the warehouse team was always behind on picking, and nobody could say why."
)


@pytest.mark.parametrize(("said", "finished"), [(WHOLE_ANSWER, True), (SCENE_SET, False)])
def test_a_story_question_ends_early_only_once_a_result_is_told(
    tmp_path: Path, said: str, finished: bool
) -> None:
    """A finished sentence of 16 words that only sets the scene, then a pause: the speaker
    is about to say what they did, and is not cut off. The whole story still ends early."""
    fake = GridTranscriber(said)
    asked = threading.Event()

    def told(text: str) -> bool:
        enough = has_told_enough(text, QuestionKind.STORY)
        if text == said:
            asked.set()
        return enough

    told("")  # the scorer's patterns compiled first, as the practice session does

    def paused() -> None:  # until the pause's decode has been judged
        assert asked.wait(WAIT_S), "the decode thread never asked"

    audio = np.concatenate([tone(2), silence(8)])
    config = EndpointConfig(min_segment_s=5.0, end_silence_s=3.0)
    source = GatedSource(audio, {2.9: paused})
    result = _run(tmp_path, source, fake, config, options=LiveOptions(), told_enough=told).run()
    assert result.transcript.text == said
    assert (result.duration_s < 2 + 3.0) is finished, result.duration_s


LONG_FINISHED = (
    "So we sat down with every team one by one, listened to what slowed them down, "
    "and in the end we cut the backlog in half."
)


def test_a_speaker_who_pauses_long_between_sentences_is_not_cut_off_at_such_a_pause(
    tmp_path: Path,
) -> None:
    """After a finished sentence the shorter silence (1.2 s) would end the answer; but this
    speaker already came back from a 1.1 s pause after one, so 1.35 s is still theirs."""
    fake = GridTranscriber(LONG_FINISHED)

    def heard_to(second: float) -> Callable[[], None]:
        return lambda: fake.wait(lambda: any(end >= second for _, end in fake.calls))

    audio = np.concatenate([tone(2), silence(1.1), tone(2), silence(1.35), tone(2), silence(8)])
    config = EndpointConfig(min_segment_s=5.0, end_silence_s=3.0)
    # Each pause decoded as it is made (the audio is fed faster than real time).
    gates = {2.6: heard_to(2.2), 5.7: heard_to(5.3), 8.95: heard_to(8.6)}
    live = _run(tmp_path, GatedSource(audio, gates), fake, config, options=LiveOptions())
    result = live.run()
    assert result.end_reason == "silence"
    assert result.duration_s > 2 + 1.1 + 2 + 1.35 + 2, "ended at the second pause"
    assert result.duration_s < 2 + 1.1 + 2 + 1.35 + 2 + 3.0, "waited the full silence"


def test_the_shorter_silence_follows_the_users_setting() -> None:
    assert EndpointConfig(end_silence_s=3.0).finished_silence_s == pytest.approx(1.2)
    assert EndpointConfig(end_silence_s=10.0).finished_silence_s == pytest.approx(4.0)
    assert EndpointConfig(end_silence_s=2.0).finished_silence_s == pytest.approx(1.0)
    assert EndpointConfig(end_silence_s=0.8).finished_silence_s == pytest.approx(0.8)


def test_the_users_end_silence_still_applies_when_shorter(tmp_path: Path) -> None:
    fake = GridTranscriber("And then I, um...")
    audio = np.concatenate([tone(2), silence(8)])
    config = EndpointConfig(min_segment_s=5.0, end_silence_s=1.0)
    result = _run(tmp_path, GatedSource(audio, {}), fake, config, options=LiveOptions()).run()
    assert result.end_reason == "silence" and result.duration_s < 2 + 1.5


@pytest.mark.parametrize(
    ("text", "finished"),
    [
        ("And that's how we cut the backlog in half.", True),
        ("We shipped it in March!", True),
        ("Did it work? It did.", True),
        ("And then I, um...", False),
        ("And then I, um.", False),
        ("and then I", False),
        ("We moved the team to", False),
        ("So the first thing was,", False),
        ("It was, uh.", False),
        ("Because.", False),
        ("", False),
        ("We grew revenue by 20%.", True),
        ("And we did it.", True),
        ("The biggest lesson for me was that.", False),
        ("That's what it was.", False),  # in doubt: the full silence, never a cut
        ("My manager asked me to lead the migration end.", False),  # "and", misheard
        ("We saw it through to the end.", True),
    ],
)
def test_what_sounds_finished(text: str, finished: bool) -> None:
    assert sounds_finished(text) is finished


def _words(text: str) -> list[Word]:
    return [Word(i, i + 0.5, w) for i, w in enumerate(text.split())]


def test_a_word_is_stable_once_two_passes_agree_and_is_never_rewritten() -> None:
    prefix = StablePrefix()
    stable, unstable = prefix.update(_words("we cut the back"))
    assert stable == [] and [w.word for w in unstable] == ["we", "cut", "the", "back"]
    stable, unstable = prefix.update(_words("we cut the backlog in"))
    assert [w.word for w in stable] == ["we", "cut", "the"]
    assert [w.word for w in unstable] == ["backlog", "in"]
    # A later pass that hears the start differently does not rewrite what was agreed.
    stable, unstable = prefix.update(_words("we cup the backlog in half."))
    assert [w.word for w in stable] == ["we", "cut", "the", "backlog", "in"]
    assert [w.word for w in unstable] == ["half."]
