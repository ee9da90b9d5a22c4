#!/usr/bin/env python3
"""How the cost of ``export --all``, ``cv`` and the scorer grows with their input.

Each workload runs at 1x, 2x, 4x and 8x its base size; the table gives the time at
each, the growth from 1x to 8x, and the exponent that growth implies
(log2(t8 / t1) / 3): about 1 when the cost is linear in the input, about 2 when it is
quadratic. Linear is the promise: a user with years of sessions, a long CV or a
twenty-minute answer waits in proportion, not in the square.

Workloads, run the way a user runs them:

* ``export --all`` (Markdown and JSON) through the command line, on a data home of N
  practice sessions with two scored answers each;
* ``cv FILE --json`` through the command line, on a CV of N bullets in roles of
  sixteen (a long CV is a few hundred; the file limit allows about 16,000);
* the scorer on ``'In 2019 at Acme, I '`` repeated N times (the shape that once took
  52 s at N = 20,000), and on the labelled answers of tests/data joined N at a time;
* cleaning for the voice (``spoken_text``) and importing notes (``import_notes``), on
  one line of each markup shape that was once quadratic, repeated N times.

Each point is the best of ``--runs`` runs, so a busy machine inflates it less. It is a
benchmark, not a test: it exits 0 whatever it measures. Progress goes to stderr so
``--json`` output on stdout stays one JSON object.

    scripts/bench_costs.py            # table
    scripts/bench_costs.py --json     # one JSON object
    scripts/bench_costs.py --quick    # base sizes a quarter as large
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from click.testing import CliRunner  # noqa: E402

from voice_coach.cli import main as cli  # noqa: E402
from voice_coach.scoring import score_answer  # noqa: E402
from voice_coach.scoring.dataset import load  # noqa: E402

FACTORS = (1, 2, 4, 8)
STORY = (
    "Last spring our release checks took two days. I wrote a script that ran them in "
    "parallel and I trained the team to use it. As a result releases went out in three hours."
)
REPEATED = "In 2019 at Acme, I "


@dataclass(frozen=True)
class Workload:
    name: str
    unit: str
    base: int
    """The input size at 1x, in ``unit``."""
    prepare: Callable[[int, Path], Callable[[], object]]
    """Builds the input of a size in a scratch folder; returns what is timed."""


@contextmanager
def _home(folder: Path) -> Iterator[None]:
    """A private VOICE_COACH_HOME for the commands run inside: nothing touches the user's."""
    old = os.environ.get("VOICE_COACH_HOME")
    os.environ["VOICE_COACH_HOME"] = str(folder)
    try:
        yield
    finally:
        if old is None:
            del os.environ["VOICE_COACH_HOME"]
        else:
            os.environ["VOICE_COACH_HOME"] = old


def _run_cli(folder: Path, *args: str) -> Callable[[], object]:
    def run() -> object:
        with _home(folder):
            result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
        if result.exit_code != 0:
            raise RuntimeError(f"voice-coach {' '.join(args)}: {result.output[-300:]}")
        return result.output

    return run


def _sessions(n: int, folder: Path) -> None:
    """N finished sessions of two typed, scored answers each, in ``folder``'s data home."""
    from voice_coach.questions import Question
    from voice_coach.store import Store

    score = score_answer(STORY, question="Tell me about a time you improved a process.")
    with _home(folder):
        store = Store()
        try:
            for i in range(n):
                session = store.create_session("second-interview", f"Second interview {i}")
                for q in ("improved-process", "hard-decision"):
                    question = Question(id=q, text=f"Question {q}?")
                    attempt_id, _ = store.start_attempt(session, question)
                    store.complete_attempt(
                        attempt_id,
                        status="typed",
                        transcript=STORY,
                        transcript_json=None,
                        score=score,
                        duration_s=30.0,
                        keep_audio=False,
                    )
                store.finish_session(session)
        finally:
            store.close()


def export_markdown(n: int, folder: Path) -> Callable[[], object]:
    _sessions(n, folder)
    return _run_cli(folder, "export", "--all")


def export_json(n: int, folder: Path) -> Callable[[], object]:
    _sessions(n, folder)
    return _run_cli(folder, "export", "--all", "--format", "json")


def cv(n: int, folder: Path) -> Callable[[], object]:
    lines = ["Experience", ""]
    for r in range(math.ceil(n / 16)):
        lines.append(f"Project Manager at Acme {r} (2015 - 2019)")
        lines += [
            f"- Cut invoice time by {b + 10}% for {b + 2} teams across the Northern region"
            for b in range(16)
        ]
    path = folder / "cv.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _run_cli(folder, "cv", str(path), "--json")


def scorer_repeated(n: int, folder: Path) -> Callable[[], object]:
    text = REPEATED * n
    return lambda: score_answer(text, question="Tell me about a time you led a team.")


def scorer_answers(n: int, folder: Path) -> Callable[[], object]:
    answers = [item.answer for item in load(ROOT / "tests" / "data")]
    text = " ".join(answers[i % len(answers)] for i in range(n))
    return lambda: score_answer(text, question="Tell me about a time you improved a process.")


PASTED_UNITS = ("(", "[", "*", "_", "[a](", "(x - I ", "e.g. ", "a/b/")
"""As in tests/unit/test_spoken.py: repeated, the shapes that were once quadratic to clean."""


def spoken_pasted(n: int, folder: Path) -> Callable[[], object]:
    from voice_coach.authoring import import_notes
    from voice_coach.speech.spoken import spoken_text

    lines = [unit * n for unit in PASTED_UNITS]

    def run() -> object:
        for line in lines:
            spoken_text(line)
            import_notes(f"What is this? {line}\n", "x")
        return None

    return run


WORKLOADS = (
    Workload("export --all (md)", "sessions", 250, export_markdown),
    Workload("export --all (json)", "sessions", 250, export_json),
    Workload("cv", "bullets", 1000, cv),
    Workload("scorer, repeated clause", "repeats", 2500, scorer_repeated),
    Workload("scorer, labelled answers", "answers", 100, scorer_answers),
    # A paragraph pasted as one line, or a file that is not notes, read aloud or imported.
    Workload("spoken text, pasted line", "repeats", 5000, spoken_pasted),
)


def measure(workload: Workload, runs: int, shrink: int) -> dict[str, Any]:
    points = []
    for factor in FACTORS:
        size = max(1, workload.base // shrink) * factor
        print(f"{workload.name}: {size} {workload.unit}…", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="vc-bench-") as scratch:
            timed = workload.prepare(size, Path(scratch))
            timed()  # once untimed: imports, compiled patterns and caches are not the input
            best = math.inf
            for _ in range(runs):
                start = time.perf_counter()
                timed()
                best = min(best, time.perf_counter() - start)
        points.append({"factor": factor, "size": size, "seconds": best})
    first, last = points[0]["seconds"], points[-1]["seconds"]
    growth = last / first if first > 0 else math.inf
    return {
        "workload": workload.name,
        "unit": workload.unit,
        "points": points,
        "growth_8x": growth,
        "exponent": math.log2(growth) / math.log2(FACTORS[-1]) if growth > 0 else 0.0,
    }


def print_table(results: list[dict[str, Any]]) -> None:
    heads = [f"{f}x" for f in FACTORS]
    print(f"{'workload':<26} {'1x size':>14} " + " ".join(f"{h:>8}" for h in heads), end="")
    print(f" {'8x/1x':>7} {'exponent':>9}")
    for r in results:
        size = f"{r['points'][0]['size']} {r['unit']}"
        times = " ".join(f"{p['seconds']:7.3f}s" for p in r["points"])
        print(f"{r['workload']:<26} {size:>14} {times} {r['growth_8x']:6.1f}x {r['exponent']:9.2f}")
    print("\nexponent = log2(t8/t1)/3: about 1 is linear in the input, about 2 quadratic.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--runs", type=int, default=3, help="runs per point; the best counts")
    parser.add_argument("--quick", action="store_true", help="base sizes a quarter as large")
    parser.add_argument(
        "--only", action="append", default=[], help="only workloads whose name contains this"
    )
    args = parser.parse_args(argv)
    chosen = [w for w in WORKLOADS if not args.only or any(o in w.name for o in args.only)]
    results = [measure(w, max(1, args.runs), 4 if args.quick else 1) for w in chosen]
    if args.json:
        print(json.dumps({"factors": FACTORS, "results": results}, indent=2))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
