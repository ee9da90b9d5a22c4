#!/usr/bin/env python3
"""How well, and how fast, the scorer judges the labelled answers in tests/data/answers.jsonl.

Prints the confusion matrix of the "no concrete example" verdict, its precision,
recall and F1 (overall, on the held-out answers and on the rest), how well the
STAR spans agree with the labels, talking-point agreement, and answers scored
per second on one core.

The answers tagged "heldout" were written before any rule was tuned and have
never been looked at one by one while tuning: their figures are the honest
estimate of how the scorer does on answers it has not seen. ``--errors`` lists
the misjudged answers for the *other* answers only, so it cannot be used to
tune against the held-out ones by accident.

    scripts/bench_scorer.py            # table
    scripts/bench_scorer.py --json     # one JSON object
    scripts/bench_scorer.py --errors   # also list misjudged (non-held-out) answers
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voice_coach.scoring import STAR_PARTS, Score, score_answer  # noqa: E402

DATA = ROOT / "tests" / "data" / "answers.jsonl"
HELDOUT = "heldout"
SPEED_SECONDS = 2.0
"""How long each speed measurement runs: long enough to average out the odd hiccup."""
TYPICAL_WORDS = 150


def load(path: Path = DATA) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score_item(item: dict[str, Any]) -> Score:
    return score_answer(
        item["answer"],
        question=item["question"],
        expects_example=item.get("expects_example", True),
        talking_points=[tp["text"] for tp in item.get("talking_points", ())],
    )


def flag_metrics(pairs: Iterable[tuple[bool, bool]]) -> dict[str, Any]:
    """Confusion matrix and P/R/F1 where the positive class is "no concrete example".

    ``pairs`` are (labelled concrete, predicted concrete).
    """
    tp = fp = fn = tn = 0
    for gold, pred in pairs:
        if not gold and not pred:
            tp += 1
        elif not pred:
            fp += 1
        elif not gold:
            fn += 1
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": tp + fp + fn + tn,
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 0.0,
    }


def label_spans(answer: str, texts: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for text in texts:
        start = answer.find(text)
        if start >= 0:
            spans.append((start, start + len(text)))
    return spans


def _overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def span_metrics(items: list[dict[str, Any]], scores: list[Score]) -> dict[str, dict[str, Any]]:
    """Per STAR part: share of labelled spans a predicted span overlaps (recall), and share
    of predicted spans that overlap a labelled one (precision), over every answer."""
    out: dict[str, dict[str, Any]] = {}
    for part in STAR_PARTS:
        labelled = found = predicted = correct = 0
        for item, score in zip(items, scores, strict=True):
            gold = label_spans(item["answer"], item["star"].get(part, ()))
            pred = list(score.star.get(part, ()))
            labelled += len(gold)
            found += sum(_overlap(g, pred) for g in gold)
            predicted += len(pred)
            correct += sum(_overlap(p, gold) for p in pred)
        out[part] = {
            "labelled": labelled,
            "recall": found / labelled if labelled else None,
            "predicted": predicted,
            "precision": correct / predicted if predicted else None,
        }
    return out


def talking_point_metrics(items: list[dict[str, Any]], scores: list[Score]) -> dict[str, Any]:
    agree = total = 0
    for item, score in zip(items, scores, strict=True):
        for gold, found in zip(item.get("talking_points", ()), score.talking_points, strict=False):
            total += 1
            agree += gold["covered"] == found.covered
    return {"points": total, "agreement": agree / total if total else None}


def speed(answers: list[str], seconds: float = SPEED_SECONDS) -> float:
    """Answers per second, scoring the list over and over in this one process (one core)."""
    for answer in answers:
        score_answer(answer)  # warm caches and compiled patterns
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for answer in answers:
            score_answer(answer, duration_s=60.0)
        done += len(answers)
    return done / (time.perf_counter() - start)


def typical_answers(answers: list[str], words: int = TYPICAL_WORDS) -> list[str]:
    """Answers of ``words`` words (a minute or so spoken), cut from the labelled ones joined
    end to end: the length the speed requirement is stated for."""
    out: list[str] = []
    current: list[str] = []
    for answer in answers:
        current.extend(answer.split())
        if len(current) >= words:
            out.append(" ".join(current[:words]))
            current = []
    return out


def run(path: Path = DATA, *, speed_seconds: float = SPEED_SECONDS) -> dict[str, Any]:
    items = load(path)
    scores = [score_item(item) for item in items]
    heldout = [HELDOUT in item.get("tags", ()) for item in items]
    pairs = [
        (item["concrete_example"], s.concrete_example)
        for item, s in zip(items, scores, strict=True)
    ]
    answers = [item["answer"] for item in items]
    typical = typical_answers(answers)
    errors = [
        {
            "id": item["id"],
            "labelled": item["concrete_example"],
            "predicted": score.concrete_example,
            "flags": [f.code for f in score.flags],
        }
        for item, score, held in zip(items, scores, heldout, strict=True)
        if item["concrete_example"] != score.concrete_example and not held
    ]
    return {
        "answers": len(items),
        "no_example_labelled": sum(not item["concrete_example"] for item in items),
        "heldout_answers": sum(heldout),
        "flag": {
            "overall": flag_metrics(pairs),
            "heldout": flag_metrics(p for p, h in zip(pairs, heldout, strict=True) if h),
            "tuned": flag_metrics(p for p, h in zip(pairs, heldout, strict=True) if not h),
        },
        "spans": span_metrics(items, scores),
        "talking_points": talking_point_metrics(items, scores),
        "speed": {
            "answers_per_second": speed(answers, speed_seconds),
            "mean_words": sum(len(a.split()) for a in answers) / len(answers),
            "typical_answers_per_second": speed(typical, speed_seconds),
            "typical_mean_words": sum(len(a.split()) for a in typical) / len(typical),
        },
        "errors_not_heldout": errors,
    }


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def print_table(result: dict[str, Any], *, show_errors: bool) -> None:
    print(
        f"{result['answers']} answers, {result['no_example_labelled']} labelled without a "
        f"concrete example, {result['heldout_answers']} held out"
    )
    overall = result["flag"]["overall"]["confusion"]
    print("\nConfusion matrix (all answers)      predicted: no example   example")
    print(f"  labelled no concrete example           {overall['tp']:8d} {overall['fn']:9d}")
    print(f"  labelled concrete example              {overall['fp']:8d} {overall['tn']:9d}")
    print('\n"No concrete example" flag      n  precision  recall      F1  accuracy')
    for name in ("overall", "heldout", "tuned"):
        m = result["flag"][name]
        print(
            f"  {name:<24} {m['n']:5d}     {_pct(m['precision'])}  {_pct(m['recall'])}  "
            f"{_pct(m['f1'])}    {_pct(m['accuracy'])}"
        )
    print("\nSTAR spans       labelled  found (recall)   predicted  on a label (precision)")
    for part, m in result["spans"].items():
        print(
            f"  {part:<12} {m['labelled']:8d}        {_pct(m['recall'])}    {m['predicted']:8d}"
            f"        {_pct(m['precision'])}"
        )
    tp = result["talking_points"]
    print(f"\nTalking points: {tp['points']} labelled, agreement {_pct(tp['agreement'])}")
    sp = result["speed"]
    print(
        f"\nSpeed (one core): {sp['answers_per_second']:,.0f} answers/s on the dataset "
        f"(mean {sp['mean_words']:.0f} words); {sp['typical_answers_per_second']:,.0f} "
        f"answers/s at {sp['typical_mean_words']:.0f} words"
    )
    if show_errors:
        print("\nMisjudged answers (held-out ones are never listed):")
        for e in result["errors_not_heldout"]:
            print(f"  {e['id']}: labelled {e['labelled']}, predicted {e['predicted']} {e['flags']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--errors", action="store_true", help="list misjudged tuned answers")
    parser.add_argument("--data", type=Path, default=DATA, help="labelled answers (JSONL)")
    parser.add_argument(
        "--speed-seconds", type=float, default=SPEED_SECONDS, help="time per speed run"
    )
    args = parser.parse_args(argv)
    result = run(args.data, speed_seconds=args.speed_seconds)
    if args.json:
        if not args.errors:
            result.pop("errors_not_heldout")
        print(json.dumps(result, indent=2))
    else:
        print_table(result, show_errors=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
