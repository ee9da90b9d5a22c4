"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (490 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -3.497
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 1.351,
    "claims_only": -0.565,
    "deeds": 2.690,
    "duty": -0.732,
    "habits": -1.646,
    "hypothetical": -0.509,
    "past_share": -0.776,
    "place": 0.198,
    "present": 0.831,
    "qualities": -0.568,
    "quantified": 0.438,
    "result": 2.603,
    "situation": 0.586,
    "we": -2.267,
}
