"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (490 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -3.693
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 2.366,
    "claims_only": -0.504,
    "deeds": 2.778,
    "duty": -0.534,
    "habits": -1.572,
    "hypothetical": -0.058,
    "indefinite": -2.783,
    "past_share": -0.969,
    "place": 0.298,
    "present": 0.349,
    "qualities": -0.473,
    "quantified": 0.179,
    "result": 3.125,
    "situation": -0.209,
    "tenure": -2.159,
    "vague_result": -3.507,
    "we": -1.635,
}
