"""Ids made from text: a question's from its words, a person's from their name.

Kept apart from :mod:`voice_coach.authoring` so that the modules authoring builds on
(the people, their questions) can make ids too without importing it back.
"""

from __future__ import annotations

import re


def slug(text: str, max_len: int = 40) -> str:
    """A kebab-case id from any text."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = "-".join(words)[:max_len].strip("-")
    return out or "q"


class Ids:
    """Question ids from their text, numbered when taken ("tell-me-about-a-time-2").

    Remembers where each base's numbering got to: notes or a CV with thousands of
    alike lines would otherwise recount from 2 every time, and the cost would grow
    with the square of the input.
    """

    def __init__(self, max_len: int = 40) -> None:
        self.taken: set[str] = set()
        self._next: dict[str, int] = {}
        self._max_len = max_len

    def new(self, text: str) -> str:
        base = slug(text, self._max_len)
        candidate = base
        if candidate in self.taken:
            n = self._next.get(base, 2)
            candidate = f"{base}-{n}"
            while candidate in self.taken:
                n += 1
                candidate = f"{base}-{n}"
            self._next[base] = n + 1
        self.taken.add(candidate)
        return candidate
