"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (330 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -4.949
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 1.798,
    "background": 2.257,
    "claims_only": -0.226,
    "deeds": 1.802,
    "duty": -0.705,
    "habits": -2.396,
    "hypothetical": -1.387,
    "length": 4.687,
    "past_share": 0.252,
    "place": 0.196,
    "present": 0.309,
    "qualities": -0.297,
    "quantified": 0.066,
    "result": 1.491,
    "situation": 0.134,
    "we": -2.282,
}
