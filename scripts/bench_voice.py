"""Benchmark the interviewer's voice per engine: how soon the first word can play, and how
fast speech renders against its own length.

Why this exists: Piper sounds natural but costs more CPU than espeak; speaking sentence
by sentence is what keeps the wait before a question short. This measures both on the
questions users hear (the shipped sets), with no cache (a fresh VOICE_COACH_HOME).

Per voice, over the questions:

* load_s: loading the engine (Piper's model; espeak's engine thread) on first use;
* first_audio_s: from asking to the first audio ready to play: Piper's first sentence
  (as ``Voice.speak`` streams it); espeak's whole render (it renders in one piece);
* whole_s: rendering the whole question (what ``prepare`` does ahead of time);
* rtf: whole_s / seconds of speech (below 1: faster than it is spoken);
* peak_dbfs, rms_dbfs: the level of what is played (espeak and Piper should match);
* wer: the app's transcriber (bundled tiny.en) on the rendered audio, over all questions.

It is a benchmark, not a test: it exits 0 whatever it measures. Progress goes to stderr so
``--json`` on stdout stays one JSON object.

Usage: ``python scripts/bench_voice.py [--json] [--questions N] [--voices ID,ID] [--no-wer]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_VOICES = "piper:joe,piper:joe-low,piper:joe-high,espeak:"


def shipped_questions(count: int) -> list[str]:
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


def db(x: float) -> float:
    return float(20 * np.log10(max(x, 1e-9)))


def measure(voice_id: str, questions: list[str], transcriber: Any) -> dict[str, Any]:
    import soundfile

    from voice_coach.speech import piper_voice, tts

    voice = tts.Voice(voice_id or None)
    started = time.perf_counter()
    spec = voice.spec  # loads Piper's model, or finds it cannot
    if spec.engine == "espeak":
        tts.espeak_voices()
    load_s = time.perf_counter() - started
    first, whole, speech, peaks, rms, heard = [], [], [], [], [], []
    for i, text in enumerate(questions):
        print(f"  {voice_id or 'espeak'}: question {i + 1}/{len(questions)}", file=sys.stderr)
        if spec.engine == "piper":
            assert spec.piper is not None
            t0 = time.perf_counter()
            sentences = piper_voice.model().sentences(text, spec.piper, voice.rate)
            next(iter(sentences))
            first.append(time.perf_counter() - t0)
            for _ in sentences:
                pass
        t0 = time.perf_counter()
        path = voice.synthesize(text, timeout=120)
        took = time.perf_counter() - t0
        whole.append(took)
        if spec.engine != "piper":
            first.append(took)
        audio, rate = soundfile.read(str(path), dtype="float32")
        speech.append(len(audio) / rate)
        peaks.append(db(float(np.max(np.abs(audio)))))
        rms.append(db(float(np.sqrt(np.mean(audio**2)))))
        if transcriber is not None:
            import soxr

            from voice_coach.audio import SAMPLE_RATE

            pcm = soxr.resample(audio, rate, SAMPLE_RATE).astype(np.float32)
            heard.append(" ".join(s.text for s in transcriber.transcribe(pcm)))
    row: dict[str, Any] = {
        "voice": spec.id,
        "engine": spec.engine,
        "questions": len(questions),
        "load_s": round(load_s, 3),
        "first_audio_s": round(statistics.median(first), 3),
        "first_audio_max_s": round(max(first), 3),
        "whole_s": round(statistics.median(whole), 3),
        "speech_s": round(statistics.median(speech), 2),
        "rtf": round(sum(whole) / sum(speech), 3),
        "peak_dbfs": round(max(peaks), 1),
        "rms_dbfs": round(statistics.median(rms), 1),
    }
    if transcriber is not None:
        import jiwer

        from voice_coach.speech.normalise import normalise

        row["wer"] = round(
            float(
                jiwer.wer(
                    [normalise(q) for q in questions], [normalise(h) or "<empty>" for h in heard]
                )
            ),
            3,
        )
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--voices", default=DEFAULT_VOICES, help="comma-separated voice ids")
    parser.add_argument("--no-wer", action="store_true", help="skip transcribing the speech")
    args = parser.parse_args()
    os.environ["VOICE_COACH_HOME"] = tempfile.mkdtemp(prefix="bench-voice-")
    questions = shipped_questions(args.questions)
    transcriber = None
    if not args.no_wer:
        from voice_coach.speech.stt import Transcriber

        transcriber = Transcriber()
        transcriber.load()
    rows = [measure(v.strip(), questions, transcriber) for v in args.voices.split(",")]
    result = {"cpu_count": os.cpu_count(), "voices": rows}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    columns = [
        ("voice", "voice", 16),
        ("load_s", "load s", 7),
        ("first_audio_s", "1st audio s", 11),
        ("first_audio_max_s", "max", 6),
        ("whole_s", "whole s", 8),
        ("speech_s", "speech s", 9),
        ("rtf", "rtf", 6),
        ("peak_dbfs", "peak dB", 8),
        ("rms_dbfs", "rms dB", 7),
        ("wer", "WER", 6),
    ]
    print("  ".join(f"{title:>{w}}" for _, title, w in columns))
    for row in rows:
        print("  ".join(f"{row.get(key, '-')!s:>{w}}" for key, _, w in columns))
    print(f"(medians over {len(questions)} shipped questions; rtf over all; {os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
