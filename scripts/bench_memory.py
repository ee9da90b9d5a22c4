#!/usr/bin/env python3
"""Memory over a long practice session: does anything grow answer after answer?

Why this exists: a leak per answer or per second of audio (segments kept, queues,
listeners, open files) would only show after half an hour of practice. This runs answers
of about 90 s of real speech (clips of ``../shared/speech`` in a random order, with
thinking pauses under the end silence) through the whole pipeline the app uses: the
capture source, FLAC on disk, the endpointer, the streaming transcriber, the scorer and
the store, and reads the process's settled RSS after each answer.

It was a test until it took 18 minutes of a loaded CI machine; memory belongs in a
benchmark. It is not a test: it exits 0 whatever it measures, and prints the budget
beside what it got. Progress goes to stderr so ``--json`` on stdout stays one object.

    scripts/bench_memory.py                 # 20 answers of ~90 s: a 30-minute session
    scripts/bench_memory.py --answers 4     # a quick look
    scripts/bench_memory.py --json
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLIPS = (
    "jfk.flac",
    "platforms_en.flac",
    "librispeech_slushy_roads.flac",
    "librispeech_grave_doubts.flac",
    "two_speakers_left.flac",
    "two_speakers_right.flac",
)
BUDGET_MB = 50.0
"""Growth from the first answer to the last that would be worth a look."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def trimmed(audio: np.ndarray, rate: int) -> np.ndarray:
    """Without the silence at either end, so gaps between clips are the pauses chosen."""
    loud = np.flatnonzero(np.abs(audio) > 0.02)
    margin = rate // 10
    return audio[max(0, loud[0] - margin) : loud[-1] + margin]


def long_answer(
    clips: list[np.ndarray], rng: random.Random, seconds: float, rate: int
) -> np.ndarray:
    """About ``seconds`` of real speech with thinking pauses, then the silence that ends it."""
    parts: list[np.ndarray] = []
    total = 0
    while total < seconds * rate:
        clip = rng.choice(clips)
        pause = np.zeros(int(rng.uniform(0.3, 1.2) * rate), np.float32)
        parts += [clip, pause]
        total += len(clip) + len(pause)
    parts.append(np.zeros(4 * rate, np.float32))
    return np.concatenate(parts)


def settled_rss_mb(process: Any) -> float:
    """RSS once garbage is collected and free heap handed back, so what is left is kept."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: measure as it is
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # glibc keeps freed arenas otherwise
    return float(process.memory_info().rss) / 2**20


def run(answers: int, answer_s: float, speech_dir: Path) -> dict[str, Any]:
    import psutil

    from voice_coach.audio import SAMPLE_RATE
    from voice_coach.audio.capture import FileSource, read_audio
    from voice_coach.audio.endpoint import EndpointConfig
    from voice_coach.live import LiveAnswer
    from voice_coach.practice import PracticeSession
    from voice_coach.questions import parse_question_set
    from voice_coach.speech.stt import Transcriber
    from voice_coach.store import Store

    clips = [trimmed(read_audio(speech_dir / name), SAMPLE_RATE) for name in CLIPS]
    questions = "\n".join(
        f'[[questions]]\nid = "q{i}"\ntext = "Tell me about a time you led project {i}."\n'
        'expects = ["example"]\n'
        for i in range(answers)
    )
    question_set = parse_question_set(f'name = "long"\ntitle = "Long"\n{questions}', "long.toml")
    transcriber = Transcriber()
    transcriber.load()
    session = PracticeSession(question_set, Store())
    rng = random.Random(7)
    process = psutil.Process()
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    rss: list[float] = []
    audio_s = 0.0
    ended: list[str] = []
    for i in range(answers):
        attempt_id, audio_path = session.begin_answer()
        source = FileSource.from_array(long_answer(clips, rng, answer_s, SAMPLE_RATE))
        result = LiveAnswer(source, transcriber, audio_path, EndpointConfig()).run()
        session.finish_spoken(attempt_id, result)
        audio_s += result.duration_s
        ended.append(result.end_reason)
        del source, result
        rss.append(settled_rss_mb(process))
        log(f"answer {i + 1}/{answers}: RSS {rss[-1]:.0f} MB")
        session.next_question()
    session.finish()
    growth = rss[-1] - rss[0]
    return {
        "answers": answers,
        "audio_minutes": round(audio_s / 60, 1),
        "wall_s": round(time.monotonic() - started, 1),
        "rss_mb": [round(m, 1) for m in rss],
        "rss_first_mb": round(rss[0], 1),
        "rss_peak_mb": round(max(rss), 1),
        "growth_mb": round(growth, 1),
        "budget_growth_mb": BUDGET_MB,
        "within_budget": growth <= BUDGET_MB,
        "ended_by_silence": ended.count("silence"),
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--answers", type=int, default=20, help="answers in the session")
    parser.add_argument("--answer-s", type=float, default=90.0, help="seconds of each answer")
    parser.add_argument(
        "--speech-dir", type=Path, default=ROOT.parent / "shared" / "speech",
        help="recordings (default: ../shared/speech)",
    )  # fmt: skip
    args = parser.parse_args()
    missing = [name for name in CLIPS if not (args.speech_dir / name).is_file()]
    if missing:
        log(f"no recordings in {args.speech_dir} ({', '.join(missing)}): give --speech-dir")
        return
    with tempfile.TemporaryDirectory(prefix="vc-bench-memory-") as home:
        os.environ["VOICE_COACH_HOME"] = home  # the session is saved there, then removed
        found = run(args.answers, args.answer_s, args.speech_dir)
    if args.json:
        print(json.dumps(found, indent=2))
        return
    print(f"{'answers':>8} {'audio min':>10} {'wall s':>8} {'RSS 1st':>8} {'peak':>7} "
          f"{'growth':>7} {'budget':>7} {'load':>10}")  # fmt: skip
    print(
        f"{found['answers']:>8} {found['audio_minutes']:>10} {found['wall_s']:>8} "
        f"{found['rss_first_mb']:>8} {found['rss_peak_mb']:>7} {found['growth_mb']:>7} "
        f"{found['budget_growth_mb']:>7} {found['load_before']:>4}→{found['load_after']:<5}"
    )
    print("RSS after each answer (MB): " + ", ".join(f"{m:.0f}" for m in found["rss_mb"]))


if __name__ == "__main__":
    main()
