"""The labelled answers the scorer is measured and calibrated on, read one way everywhere.

Files written at different times and in slightly different shapes become one list of
``Labelled`` records, so the benchmark, the calibration script and the tests count the
same things. The held-out files (and the older file's "heldout" block) are never used
to fit or tune anything: their figures are the honest estimate. Each closing topic
that gets new readers gets its own pair of files (``answers_closing.jsonl`` to tune on,
``closing_heldout.jsonl`` to measure), so its figures can be read apart from the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voice_coach.scoring.kinds import QuestionKind, infer_kind

FILES = (
    "answers.jsonl",
    "answers_spoken.jsonl",
    "answers_more.jsonl",
    "answers_retold.jsonl",
    "answers_closing.jsonl",
    "heldout.jsonl",
    "closing_heldout.jsonl",
)
HELDOUT_FILES = frozenset({"heldout.jsonl", "closing_heldout.jsonl"})
HELDOUT_TAG = "heldout"


@dataclass(frozen=True)
class Labelled:
    id: str
    question: str
    kind: QuestionKind
    answer: str
    concrete_example: bool
    meets: bool | None
    """None where the label does not say (older non-story answers label talking points only)."""
    heldout: bool
    style: str
    star: dict[str, list[str]] = field(hash=False)
    points: dict[str, list[str]] = field(hash=False)
    """Concept id -> the words that show it (empty: not covered)."""
    talking_points: tuple[tuple[str, bool], ...] = ()
    """The older file's free-worded talking points with whether each is covered."""
    tags: tuple[str, ...] = ()
    source: str = ""
    """The file it came from: a change that helps one file and hurts another shows."""

    @property
    def needs_example(self) -> bool:
        return self.kind.spec.needs_example


def _from_row(row: dict[str, Any], *, heldout_file: bool, source: str = "") -> Labelled:
    if "kind" in row:
        kind = QuestionKind.parse(row["kind"])
        meets = bool(row["meets_expectations"])
    elif row.get("expects_example", True):
        kind = QuestionKind.STORY
        meets = bool(row["concrete_example"])
    else:
        kind = infer_kind(row["question"])
        if kind.spec.needs_example:
            kind = QuestionKind.GENERAL
        meets = None
    tags = tuple(row.get("tags", ()))
    style = row.get("style") or ("asr" if "asr" in tags else "written")
    return Labelled(
        id=row["id"],
        question=row["question"],
        kind=kind,
        answer=row["answer"],
        concrete_example=bool(row["concrete_example"]),
        meets=meets,
        heldout=heldout_file or HELDOUT_TAG in tags,
        style=style,
        star={k: list(v) for k, v in row.get("star", {}).items()},
        points={k: list(v) for k, v in (row.get("points") or {}).items()},
        talking_points=tuple(
            (tp["text"], bool(tp["covered"])) for tp in row.get("talking_points", ())
        ),
        tags=tags,
        source=source,
    )


def load(directory: Path) -> list[Labelled]:
    """Every labelled answer in ``directory`` (files that are missing are skipped)."""
    items: list[Labelled] = []
    for name in FILES:
        path = directory / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    items.append(
                        _from_row(json.loads(line), heldout_file=name in HELDOUT_FILES, source=name)
                    )
    return items
