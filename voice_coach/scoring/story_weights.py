"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (330 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -4.769
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 1.153,
    "background": 2.037,
    "claims_only": -0.287,
    "deeds": 1.627,
    "duty": -0.734,
    "habits": -2.239,
    "hypothetical": -1.475,
    "length": 5.532,
    "past_share": 0.093,
    "place": 0.093,
    "present": 1.004,
    "qualities": -0.376,
    "quantified": 0.281,
    "result": 1.521,
    "situation": 0.407,
    "we": -2.760,
}
