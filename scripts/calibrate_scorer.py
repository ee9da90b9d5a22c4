#!/usr/bin/env python3
"""Fit the story decision's weights on the labelled answers that are not held out.

The story reader finds evidence (a dated moment, the speaker's past deeds, an outcome,
habits, plans, "we"...); how much each piece counts is not a matter of taste but of
what coaches labelled. This fits a logistic regression (L2-regularised, so a handful
of answers cannot pull one weight to an extreme) on every non-held-out labelled answer
and writes ``voice_coach/scoring/story_weights.py``. The held-out answers are never
read here.

    scripts/calibrate_scorer.py           # fit and write the weights
    scripts/calibrate_scorer.py --check   # fit and print, write nothing
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voice_coach.scoring import dataset  # noqa: E402
from voice_coach.scoring.kinds import QuestionKind  # noqa: E402
from voice_coach.scoring.story import _analyse, story_features  # noqa: E402
from voice_coach.scoring.text import Text, lowered  # noqa: E402

OUT = ROOT / "voice_coach" / "scoring" / "story_weights.py"
L2 = 0.3
"""Regularisation strength: enough that a weight needs several answers behind it."""
STEPS = 5000
RATE = 0.5


def features_of(item: dataset.Labelled) -> dict[str, float]:
    text = Text(lowered(item.answer))
    return story_features(text, _analyse(text), situation_given=item.kind is QuestionKind.CV_DETAIL)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    w = np.zeros(x.shape[1])
    b = 0.0
    n = len(y)
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / n + L2 * w / n
        grad_b = float(np.mean(p - y))
        w -= RATE * grad_w
        b -= RATE * grad_b
    return w, b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the fit, write nothing")
    args = parser.parse_args(argv)
    items = [i for i in dataset.load(ROOT / "tests" / "data") if not i.heldout]
    rows = [features_of(i) for i in items]
    names = sorted(rows[0])
    x = np.array([[r[n] for n in names] for r in rows])
    y = np.array([1.0 if i.concrete_example else 0.0 for i in items])
    folds = 5
    order = np.random.default_rng(0).permutation(len(y))
    correct = 0
    for k in range(folds):
        test = order[k::folds]
        train = np.setdiff1d(order, test)
        wk, bk = fit(x[train], y[train])
        pk = 1.0 / (1.0 + np.exp(-(x[test] @ wk + bk)))
        correct += int(np.sum((pk >= 0.5) == (y[test] == 1)))
    print(f"{folds}-fold cross-validated accuracy {correct / len(y):.3f}")
    w, b = fit(x, y)
    p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
    accuracy = float(np.mean((p >= 0.5) == (y == 1)))
    print(f"{len(items)} answers ({int(y.sum())} concrete), training accuracy {accuracy:.3f}")
    for name, weight in sorted(zip(names, w, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:14} {weight:+.2f}")
    print(f"  {'bias':14} {b:+.2f}")
    if args.check:
        return 0
    lines = [
        '"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.',
        "",
        "Fitted by L2-regularised logistic regression on the labelled answers that are not",
        f"held out ({len(items)} answers in tests/data), so the held-out figures in the",
        "benchmark stay honest. Re-run the script rather than editing by hand.",
        '"""',
        "",
        f"BIAS = {b:.3f}",
        "THRESHOLD = 0.5",
        "WEIGHTS: dict[str, float] = {",
        *(f'    "{n}": {v:.3f},' for n, v in zip(names, w, strict=True)),
        "}",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
