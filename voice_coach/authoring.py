"""Making question sets: from first-interview notes, from the people who will interview,
and writing them as TOML the user can edit by hand."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import tomli_w

from voice_coach.errors import InputError, QuestionSetError
from voice_coach.ids import Ids
from voice_coach.ids import slug as slug  # where the command line has always found it
from voice_coach.people import DEFAULT_QUESTIONS, Profile, questions_for
from voice_coach.questions import (
    EXAMPLE,
    Question,
    QuestionSet,
    check_set_name,
    user_dir,
)
from voice_coach.safety import write_atomic
from voice_coach.speech.spoken import plain_text, split_note

_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|\[[ xX]\])\s+")
_QUOTES = '"“”'
_QUESTION_START = re.compile(
    r"^(?:what|why|how|when|where|who|which|tell|describe|walk|give|can|could|would|do|did|"
    r"have|are|is|talk|explain|if|share)\b",
    re.IGNORECASE,
)
_BEHAVIOURAL = re.compile(
    r"\b(?:a time|an example|tell me about|describe a|walk me through|when you|achiev|proud|"
    r"accomplish|situation)\b",
    re.IGNORECASE,
)


def question(text: str, ids: Ids, **fields: object) -> Question:
    """A question with an id derived from its text, unique among those ``ids`` gave."""
    expects = fields.pop("expects", None)
    if expects is None:
        expects = (EXAMPLE,) if _BEHAVIOURAL.search(text) else ()
    return Question(id=ids.new(text), text=text, expects=expects, **fields)  # type: ignore[arg-type]


def import_notes(text: str, name: str, title: str | None = None) -> QuestionSet:
    """Questions from notes taken after a first interview: one per line or a Markdown list.

    Headings, blank lines and lines that read as notes rather than questions (no
    question mark, no question word) are skipped, so rough notes work as they are.
    What the user wrote to themself beside a question (in brackets, after "NB:", after a
    dash, or on an indented line below it) becomes the question's note: shown on
    screen, never read aloud, as the interviewer never said it.
    """
    ids = Ids()
    found: list[tuple[str, list[str]]] = []
    """Each question's words and its notes, which later indented lines may add to."""
    indent_of_last = -1
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        line = _BULLET.sub("", stripped).strip().strip(_QUOTES).strip()
        words, note = split_note(line)
        words = words.strip(_QUOTES).strip()
        if len(words) < 8 or not (words.endswith("?") or _QUESTION_START.match(words)):
            if found and indent > indent_of_last:  # a remark indented under the question
                remark = plain_text(line)
                if remark:
                    found[-1][1].append(remark)
            continue
        words = words[0].upper() + words[1:]
        if not words.endswith(("?", ".")):
            imperative = re.match(r"(?:tell|describe|walk|give|talk|explain|share)\b", words, re.I)
            words += "." if imperative else "?"
        found.append((words, [note] if note else []))
        indent_of_last = indent
    if not found:
        raise QuestionSetError("no questions found in the notes (one question per line, please)")
    questions = [question(words, ids, note="; ".join(notes) or None) for words, notes in found]
    return QuestionSet(
        name=name,
        title=title or f"From my notes: {name}",
        description="Questions from a previous interview, imported from notes.",
        questions=tuple(questions),
    )


GENERAL_QUESTIONS = (
    "Why do you want this role, and why now?",
    "Tell me about an achievement from your last role that you are proud of.",
    "What questions do you have for us?",
)
"""Asked at every interview, whoever is on the panel: they close a set made from the people."""


def set_from_profiles(
    name: str,
    title: str,
    profiles: Sequence[Profile],
    general: Sequence[str] = (),
    *,
    per_person: int = DEFAULT_QUESTIONS,
) -> QuestionSet:
    """A set of the questions each person is likely to ask, fitted to their role, their
    relation to the job and what they care about, asked in turns by them."""
    ids = Ids(max_len=60)
    asked = [questions_for(profile, per_person, ids) for profile in profiles]
    # Turn by turn, as a panel asks: each person's first question, then each one's second.
    questions = [q for turn in itertools.zip_longest(*asked) for q in turn if q is not None]
    for text in general:
        questions.append(question(text, ids))
    if not questions:
        raise QuestionSetError("describe at least one interviewer or question")
    people = [p.to_interviewer() for p in profiles]
    if len(people) > 1:  # several people sound like several people, as the shipped panel
        people = [
            person.model_copy(update={"voice": person.voice or PANEL_VOICES[i % 3]})
            for i, person in enumerate(people)
        ]
    return QuestionSet(
        name=name,
        title=title,
        description="Questions fitted to the people you researched.",
        interviewers=tuple(people),
        questions=tuple(questions),
    )


PANEL_VOICES = ("piper:joe", "piper:joe-low", "piper:joe-high")
"""The voices a panel of the user's own people speaks in, one each in turn (as the shipped
panel set's); where Piper cannot run, each falls back to espeak."""


def to_toml(question_set: QuestionSet) -> str:
    data = question_set.model_dump(exclude_defaults=True, mode="json")
    return tomli_w.dumps(data)


def save_user_set(question_set: QuestionSet, *, overwrite: bool = False) -> Path:
    """Write a set into the user's question-set folder, where it overrides a shipped one.

    The name is checked again here, the one door every new set goes through, so
    no caller can write outside the folder; the file is replaced whole or not
    at all, so a full disk never leaves half a set in place of the old one.
    """
    check_set_name(question_set.name)
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{question_set.name}.toml"
    exists = f"{path} exists already; choose another name or use --force"
    if path.exists() and not overwrite:
        raise QuestionSetError(exists)
    try:
        write_atomic(path, to_toml(question_set), overwrite=overwrite)
    except InputError as exc:  # created meanwhile by another window, or a folder of that name
        raise QuestionSetError(exists if path.is_file() else str(exc)) from None
    return path
