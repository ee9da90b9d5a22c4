"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (490 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -3.464
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 1.601,
    "claims_only": -0.403,
    "deeds": 2.907,
    "duty": -0.760,
    "habits": -1.686,
    "hypothetical": -0.505,
    "past_share": -1.108,
    "place": 0.249,
    "present": 0.718,
    "qualities": -0.548,
    "quantified": 0.210,
    "result": 2.686,
    "situation": 0.584,
    "vague_result": -3.371,
    "we": -1.978,
}
