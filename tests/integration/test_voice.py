"""The interviewer's voice, for real: Piper and espeak, played through PortAudio to the
virtual speaker and heard back by the app's own transcriber."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from tests.helpers import content_words_heard, record_speaker, wait_until_captured, wer
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


# -- Piper, the natural voice --------------------------------------------------------------


def _shipped_questions(count: int) -> list[str]:
    """Questions from the shipped sets, taken in turn from each set so every author's
    wording is in: the voice must read what users will hear, not a chosen sentence."""
    from voice_coach.questions import available_sets, load_question_set_file

    per_set = [
        [q.text for q in load_question_set_file(info.path).questions]
        for info in sorted(available_sets(), key=lambda i: i.name)
        if info.source == "shipped"
    ]
    picked: list[str] = []
    for round_ in range(max(len(q) for q in per_set)):
        for questions in per_set:
            if round_ < len(questions) and len(picked) < count:
                picked.append(questions[round_])
    return picked


def _hear(voice: Voice, text: str, capture: Path, transcriber) -> str:  # type: ignore[no-untyped-def]
    """Speak ``text`` (rendering as it plays, nothing cached) and transcribe the speaker."""
    rec = record_speaker(capture)
    try:
        voice.speak(text)
        # Speaking cached the whole: the capture must hold all of it, from its first sound.
        wait_until_captured(capture, voice.synthesize(text), timeout=20)
    finally:
        rec.terminate()
        rec.wait(5)
    segments = transcriber.transcribe(read_audio(capture), streaming=True)
    return " ".join(s.text for s in segments)


def test_piper_is_the_default_voice() -> None:
    voice = Voice()
    assert voice.spec.engine == "piper" and voice.spec.id == "piper:joe"
    path = voice.synthesize("What would your first ninety days look like?")
    audio, rate = soundfile.read(str(path), dtype="float32")
    assert rate == 22050
    # Levelled: never at full scale (Piper's own normalisation), and not faint either.
    assert 0.5 < float(np.max(np.abs(audio))) <= 0.71


def test_piper_questions_are_heard_word_for_word(
    virtual_audio: None,
    transcriber,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """The first question of each shipped set, read as it plays and heard back: every
    author's wording, some 130 words, so a single misheard word moves the rate by less than
    a hundredth. Each question is heard in real time, so the sample is one a set, not more.
    """
    import jiwer

    from voice_coach.questions import available_sets
    from voice_coach.speech.normalise import normalise

    sets = sum(1 for info in available_sets() if info.source == "shipped")
    questions = _shipped_questions(sets)
    assert len(questions) == sets >= 8
    voice = Voice("piper:joe")
    heard = [
        _hear(voice, text, tmp_path / f"heard-{i}.wav", transcriber)
        for i, text in enumerate(questions)
    ]
    refs = [normalise(q) for q in questions]
    hyps = [normalise(h) or "<empty>" for h in heard]
    rate = jiwer.wer(refs, hyps)
    worst = max(zip(refs, hyps, strict=True), key=lambda p: jiwer.wer(p[0], p[1]))
    assert rate <= 0.05, f"WER {rate:.3f} over {sets} questions; worst: {worst}"


@pytest.mark.parametrize("voice_id", ["piper:joe-low", "piper:joe-high"])
def test_the_panel_voices_are_understood(
    voice_id: str,
    virtual_audio: None,
    transcriber,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    text = "Pick a difficult problem you solved and explain it to us. What made it hard?"
    heard = _hear(Voice(voice_id), text, tmp_path / "heard.wav", transcriber)
    assert wer(text, heard) <= 0.15, heard


def test_the_panel_sounds_like_three_people() -> None:
    """Three voices a tenth or more apart in pitch, and the shift is what is heard.

    Measured on one Piper render moved by each voice's factor: Piper draws noise afresh
    for every render, so two renders of one voice differ by more than a tenth now and
    then, and comparing separate renders failed on a run where nothing was wrong.
    """
    from voice_coach.questions import load_question_set
    from voice_coach.speech.piper_voice import SAMPLE_RATE, shift_pitch
    from voice_coach.speech.voices import parse_voice

    panel = load_question_set("panel")
    ids = [person.voice for person in panel.interviewers]
    assert len(set(ids)) == 3
    styles = [parse_voice(i).piper for i in ids]
    assert all(styles)
    factors = sorted(style.pitch for style in styles if style is not None)
    assert factors[1] >= 1.1 * factors[0] and factors[2] >= 1.1 * factors[1], factors
    text = "Tell me about a time you had to change your plan at short notice."
    base, rate = soundfile.read(str(Voice("piper:joe").synthesize(text)), dtype="float32")
    assert rate == SAMPLE_RATE
    for factor in factors:
        heard = _spectrum_shift(base, shift_pitch(base, factor), rate)
        assert heard == pytest.approx(factor, rel=0.03), (factor, heard)


def _spectrum_shift(before: np.ndarray, after: np.ndarray, rate: int) -> float:
    """By what factor every frequency of ``after`` sits above ``before``'s: their average
    spectra on a log-frequency axis slid over each other until they match best. The whole
    spectrum moves with the pitch, so this reads the shift far more steadily than a
    frame-by-frame pitch estimate (that one was off by 6% on a deep voice). The slope of
    each spectrum is compared, not its level: the tilt every voice has would otherwise
    pull the best match towards no shift at all."""
    grid = np.geomspace(80.0, 4000.0, 2400)
    step = float(grid[1] / grid[0])

    def curve(audio: np.ndarray) -> np.ndarray:
        n, hop = 4096, 1024
        window = np.hanning(n)
        spectra = [
            np.abs(np.fft.rfft(audio[i : i + n] * window)) for i in range(0, len(audio) - n, hop)
        ]
        freqs = np.fft.rfftfreq(n, 1 / rate)
        slope = np.diff(np.log(np.interp(grid, freqs, np.mean(spectra, axis=0)) + 1e-9))
        return (slope - slope.mean()) / slope.std()

    a, b = curve(before), curve(after)
    reach = int(np.log(1.35) / np.log(step))  # up to 35% either way
    scores = [
        float(np.dot(a[max(0, -k) : len(a) - max(0, k)], b[max(0, k) : len(b) - max(0, -k)]))
        / (len(a) - abs(k))
        for k in range(-reach, reach + 1)
    ]
    return float(step ** (int(np.argmax(scores)) - reach))


def test_without_piper_espeak_speaks_with_one_notice(
    virtual_audio: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    from tests.helpers import _samples_from_first_sound, captured_so_far
    from voice_coach.speech import piper_voice, tts

    monkeypatch.setitem(sys.modules, "piper", None)
    monkeypatch.setattr(tts, "_notice_given", False)
    piper_voice.reset()
    try:
        capture = tmp_path / "heard.wav"
        first, second = Voice(), Voice("piper:joe-high")
        text = "Why do you want this job?"
        rec = record_speaker(capture)
        try:
            first.speak(text)
            wait_until_captured(capture, first.synthesize(text), timeout=15)
        finally:
            rec.terminate()
            rec.wait(5)
        assert _samples_from_first_sound(*captured_so_far(capture)) > 0.5
        assert first.spec.engine == "espeak"
        second.synthesize(text)
        notices = [n for n in (first.notice, second.notice) if n]
        assert len(notices) == 1 and "Piper is not installed" in notices[0]
    finally:
        piper_voice.reset()


# -- the commands ----------------------------------------------------------------------------


def _run(*args: str) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from voice_coach.cli import main

    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_voices_json_lists_both_engines_and_one_default() -> None:
    import json

    code, out, _ = _run("voices", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {r["engine"] for r in rows} == {"piper", "espeak"}
    assert [r["id"] for r in rows if r["default"]] == ["piper:joe"]
    assert all(set(r) == {"id", "name", "engine", "languages", "default"} for r in rows)
    assert {"piper:joe", "piper:joe-low", "piper:joe-high"} <= {r["id"] for r in rows}


@pytest.mark.parametrize("voice_id", ["piper:joe-high", "gmw/en-gb-x-rp", "espeak:gmw/en"])
def test_say_out_writes_a_wav(voice_id: str, tmp_path: Path) -> None:
    out = tmp_path / "said.wav"
    code, _, err = _run("say", "Thank you for coming in.", "--voice", voice_id, "--out", str(out))
    assert code == 0, err
    info = soundfile.info(str(out))
    assert info.samplerate == 22050 and info.channels == 1 and info.duration > 0.8


@pytest.mark.parametrize("voice_id", ["piper:nobody", "gmw/no-such-voice", "festival:kal"])
def test_say_with_an_unknown_voice_is_one_line_and_exit_2(voice_id: str, tmp_path: Path) -> None:
    code, _, err = _run("say", "Hello.", "--voice", voice_id, "--out", str(tmp_path / "x.wav"))
    assert code == 2
    assert err.count("\n") == 1 and "voice-coach voices" in err and "Traceback" not in err
    assert not (tmp_path / "x.wav").exists()


def test_say_plays_through_the_speaker(virtual_audio: None, tmp_path: Path) -> None:
    capture = tmp_path / "heard.wav"
    text = "Tell me about yourself."
    rec = record_speaker(capture)
    try:
        code, _, err = _run("say", text)
        assert code == 0, err
        wait_until_captured(capture, Voice().synthesize(text), timeout=15)
    finally:
        rec.terminate()
        rec.wait(5)
