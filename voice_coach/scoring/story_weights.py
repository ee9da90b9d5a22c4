"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (490 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -3.340
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 1.214,
    "claims_only": -0.524,
    "deeds": 3.019,
    "duty": -0.865,
    "habits": -1.686,
    "hypothetical": -0.511,
    "past_share": -0.499,
    "place": 0.086,
    "present": 0.785,
    "qualities": -0.625,
    "quantified": 0.388,
    "result": 2.283,
    "situation": 0.487,
    "we": -2.245,
}
