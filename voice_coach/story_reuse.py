"""Noticing a banked story told again: a new answer that re-tells one is compared with
the bank's telling, part by part, so the candidate sees what the rehearsed version had
that this telling lost (a result's number, the situation) or what it gained.

Pure functions of a transcript, its score and the stories: the practice screen, history
and ``voice-coach score`` all show the same comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from voice_coach.stories import PARTS, Story, content_words

if TYPE_CHECKING:
    from voice_coach.scoring import Score

__all__ = ["REUSE_THRESHOLD", "StoryReuse", "compare_with_bank", "similarity"]


REUSE_THRESHOLD = 0.3
"""Share of the smaller telling's content words the two tellings share, above which a new
answer re-tells a banked story. Set on the pairs in ``tests/data/story_tellings.json``:
re-tellings share 0.4-0.9 of their words, different stories by the same speaker at most
0.18; the held-out pairs (0.63 and 0.78 against at most 0.18) fall the same way."""


def similarity(a: str, b: str) -> float:
    """How much two tellings share: of the shorter one's content words (and numbers), the
    share the other uses too. A re-telling is often shorter; this does not punish that."""
    wa, wb = content_words(a) | _numbers(a), content_words(b) | _numbers(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _numbers(text: str) -> set[str]:
    from voice_coach.scoring import find_numbers
    from voice_coach.scoring.text import lowered

    return {f"#{n.value:g}" for n in find_numbers(lowered(text)) if n.value is not None}


@dataclass(frozen=True)
class StoryReuse:
    """A new answer re-telling a banked story, and how this telling differs from the bank's."""

    story: Story
    similarity: float
    banked_only: tuple[str, ...]
    """Parts ("situation", "action", "result") the banked telling has and this one lacks."""
    told_only: tuple[str, ...]
    """Parts this telling has and the banked one lacks."""
    numbers_kept: tuple[str, ...]
    """The banked result's numbers, as the bank words them, said again this time."""
    numbers_dropped: tuple[str, ...]
    """The banked result's numbers this telling left out."""

    def lines(self) -> list[str]:
        """The comparison in a few plain sentences, for the feedback."""
        lines = [f"This answer re-tells your banked story “{self.story.title}”."]
        if self.banked_only:
            lines.append(
                f"The banked version has {_parts(self.banked_only)}; this time you left "
                f"{'it' if len(self.banked_only) == 1 else 'them'} out."
            )
        if self.told_only:
            lines.append(
                f"This telling adds {_parts(self.told_only)}, which the banked version "
                "lacks: consider updating the story."
            )
        if self.numbers_dropped:
            lines.append(
                f"The banked result gives {_and(self.numbers_dropped)}; this time you did "
                "not say it: the number is what makes a result stick."
                if len(self.numbers_dropped) == 1
                else f"The banked result gives {_and(self.numbers_dropped)}; this time you "
                "did not say them: the numbers are what make a result stick."
            )
        elif self.numbers_kept:
            lines.append(f"You kept the result's numbers ({_and(self.numbers_kept)}).")
        if len(lines) == 1:
            lines.append("It has the same parts as the banked version.")
        return lines

    def to_dict(self) -> dict[str, object]:
        return {
            "story_id": self.story.id,
            "title": self.story.title,
            "similarity": round(self.similarity, 3),
            "banked_only": list(self.banked_only),
            "told_only": list(self.told_only),
            "numbers_kept": list(self.numbers_kept),
            "numbers_dropped": list(self.numbers_dropped),
            "lines": self.lines(),
        }


def _parts(parts: Sequence[str]) -> str:
    words = {"situation": "the situation", "action": "what you did", "result": "the result"}
    return _and([words[p] for p in parts])


def _and(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def compare_with_bank(transcript: str, score: Score, stories: Sequence[Story]) -> StoryReuse | None:
    """The banked story a new answer re-tells (the closest above :data:`REUSE_THRESHOLD`),
    compared part by part with the bank's telling; None when it tells none of them."""
    from voice_coach.scoring import find_numbers
    from voice_coach.scoring.text import lowered

    if not transcript.strip() or not stories:
        return None
    best = max(stories, key=lambda s: similarity(transcript, s.text))
    share = similarity(transcript, best.text)
    if share < REUSE_THRESHOLD:
        return None
    star = score.star or score.evidence
    told = {p for p in PARTS if star.get(p)}
    banked = {p for p in PARTS if best.parts[p]}
    said = {n.value for n in find_numbers(lowered(transcript)) if n.value is not None}
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[float] = set()
    for n in find_numbers(lowered(best.result)):
        if n.value is None or n.value in seen:
            continue  # "four" and, later, "four days": one number, named as first said
        seen.add(n.value)
        words = best.result[n.span[0] : n.span[1]]
        (kept if n.value in said else dropped).append(words)
    return StoryReuse(
        story=best,
        similarity=share,
        banked_only=tuple(p for p in PARTS if p in banked - told),
        told_only=tuple(p for p in PARTS if p in told - banked),
        numbers_kept=tuple(dict.fromkeys(kept)),
        numbers_dropped=tuple(dict.fromkeys(dropped)),
    )
