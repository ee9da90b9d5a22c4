"""Calibrated weights of the story decision: written by scripts/calibrate_scorer.py.

Fitted by L2-regularised logistic regression on the labelled answers that are not
held out (120 answers in tests/data), so the held-out figures in the
benchmark stay honest. Re-run the script rather than editing by hand.
"""

BIAS = -4.851
THRESHOLD = 0.5
WEIGHTS: dict[str, float] = {
    "all_three": 3.170,
    "background": 0.553,
    "claims_only": -0.362,
    "deeds": 2.915,
    "duty": -0.216,
    "habits": -1.934,
    "hypothetical": -0.621,
    "length": 0.871,
    "past_share": 0.119,
    "place": -0.115,
    "present": -0.103,
    "qualities": -0.110,
    "quantified": 0.261,
    "result": 2.759,
    "situation": -0.271,
    "we": -1.158,
}
