"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (490 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -3.787
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 2.274,
    "claims_only": -0.502,
    "deeds": 2.889,
    "duty": -0.522,
    "habits": -1.614,
    "hypothetical": -0.265,
    "past_share": -0.986,
    "place": 0.417,
    "present": 0.451,
    "qualities": -0.443,
    "quantified": 0.263,
    "result": 3.026,
    "situation": -0.240,
    "vague_result": -3.351,
    "we": -1.525,
}
