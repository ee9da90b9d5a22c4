"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (650 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -3.337
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 1.785,
    "claims_only": -0.494,
    "deeds": 2.793,
    "duty": -1.447,
    "habits": -2.111,
    "hypothetical": -0.256,
    "indefinite": -1.667,
    "past_share": -1.297,
    "place": 0.119,
    "present": 0.206,
    "qualities": -0.482,
    "quantified": 0.591,
    "result": 3.001,
    "situation": -0.059,
    "tenure": -3.019,
    "vague_result": -3.751,
    "we": -2.258,
}
