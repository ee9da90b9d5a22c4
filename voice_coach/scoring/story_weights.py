"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (650 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -3.234
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 1.696,
    "claims_only": -0.511,
    "deeds": 2.800,
    "duty": -1.484,
    "habits": -2.323,
    "hypothetical": -0.296,
    "indefinite": -1.663,
    "past_share": -1.398,
    "place": 0.053,
    "present": 0.202,
    "qualities": -0.496,
    "quantified": 0.794,
    "result": 2.909,
    "situation": 0.071,
    "tenure": -2.913,
    "vague_result": -3.720,
    "we": -2.436,
}
