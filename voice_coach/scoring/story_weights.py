"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (490 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -3.537
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 1.434,
    "claims_only": -0.513,
    "deeds": 2.955,
    "duty": -0.737,
    "habits": -1.666,
    "hypothetical": -0.545,
    "past_share": -0.787,
    "place": 0.129,
    "present": 0.576,
    "qualities": -0.536,
    "quantified": 0.306,
    "result": 2.675,
    "situation": 0.500,
    "vague_result": -3.389,
    "we": -2.138,
}
