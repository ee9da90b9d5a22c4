"""Text normalisation for comparing transcripts (word error rate in tests and benchmarks).

Whisper's casing, punctuation, "3" versus "three" and British versus American
spelling are not recognition errors, so both sides are reduced to bare words.
"""

from __future__ import annotations

import re

_NUMBERS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
}  # fmt: skip
_SPELLINGS = (("draughty", "drafty"), ("school rooms", "schoolrooms"))


def normalise(text: str) -> str:
    text = text.lower().replace("-", " ")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    joined = " ".join(_NUMBERS.get(w, w) for w in text.split())
    for variant, canonical in _SPELLINGS:
        joined = joined.replace(variant, canonical)
    return joined
