"""Question sets: TOML files of interview questions, validated strictly.

Sets ship in ``question_sets/`` (packaged with the app); a user's own sets in
``<config>/question_sets/`` override shipped ones of the same name. Every error
names the file, the line and the field, because people edit these by hand.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from voice_coach import locations
from voice_coach.errors import InputError, QuestionSetError, QuestionSetInvalid
from voice_coach.safety import MAX_SET_BYTES, TooComplex, load_toml, read_text
from voice_coach.scoring.kinds import QuestionKind, infer_kind

EXAMPLE = "example"
"""The ``expects`` entry of behavioural questions: the answer needs an accomplishment example."""


MAX_NAME_LENGTH = 64
NAME_RULE = (
    f"1-{MAX_NAME_LENGTH} letters, digits, spaces, '-', '_' or '.', starting and ending with "
    "a letter or digit (for example acme-2nd-round)"
)


def set_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a set, or None when it can.

    A set's name becomes a file name in the user's sets folder, so it must
    stay inside it (no separators, not ``.``/``..``, not hidden) and be safe
    to print (no control characters). Letters of any alphabet are welcome, and
    spaces inside, as people name sets by hand ("Acme final round").
    """
    if not name:
        return "it is empty"
    if len(name) > MAX_NAME_LENGTH:
        return f"it is {len(name)} characters long"
    bad = next((ch for ch in name if not (ch.isalnum() or ch in " -_.")), None)
    if bad is not None:
        shown = (
            repr(bad)
            if bad.isprintable()
            else f"U+{ord(bad):04X} {unicodedata.name(bad, 'a control character')}"
        )
        return f"it contains {shown}"
    if not name[0].isalnum():
        return f"it starts with {name[0]!r}"
    if not name[-1].isalnum():
        return f"it ends with {name[-1]!r}"
    return None


def check_set_name(name: str) -> str:
    """``name`` when it can name a set; else :class:`QuestionSetInvalid` saying what is allowed."""
    problem = set_name_problem(name)
    if problem is not None:
        raise QuestionSetInvalid(
            f"set name {name[:80]!r} is not allowed ({problem}): use {NAME_RULE}"
        )
    return name


class Interviewer(BaseModel):
    """A person on the other side of the table: who they are shapes what they ask."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    role: str = ""
    interests: tuple[str, ...] = ()
    voice: str | None = None
    """A voice id from ``voice-coach voices`` ("piper:joe-low", or an espeak id), so
    each panel member sounds like a different person; unset: the settings' voice."""


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    interviewer: str | None = None
    expects: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    """Specifics the answer should use: the names and numbers a CV bullet gives."""
    kind: QuestionKind | None = None
    """What a good answer must do; unset, it is read from ``expects`` and the question's words."""
    note: str | None = None
    """The user's own aside ("I waffled here", "they cared about notice period"): shown
    under the question, never spoken, so ``text`` stays the interviewer's words."""

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        return QuestionKind.parse(value) if isinstance(value, str) else value

    @property
    def question_kind(self) -> QuestionKind:
        """The declared kind; else a story when ``expects`` asks for an example (or for
        nothing at all); else the kind the question's own words show."""
        if self.kind is not None:
            return self.kind
        inferred = infer_kind(self.text)
        if self.expects_example:
            return inferred if inferred.spec.needs_example else QuestionKind.STORY
        if self.expects and inferred.spec.needs_example:
            return QuestionKind.GENERAL  # the author listed talking points, not an example
        return inferred

    @property
    def expects_example(self) -> bool:
        return EXAMPLE in self.expects

    @property
    def talking_points(self) -> tuple[str, ...]:
        return tuple(e for e in self.expects if e != EXAMPLE)


class QuestionSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    title: str = Field(min_length=1)
    description: str = ""
    interviewers: tuple[Interviewer, ...] = ()
    key_terms: tuple[str, ...] = ()
    """The job description's key terms; feedback shows which an answer used."""
    questions: tuple[Question, ...] = Field(min_length=1)

    @field_validator("name")
    @classmethod
    def _safe_name(cls, name: str) -> str:
        problem = set_name_problem(name)
        if problem is not None:
            raise ValueError(f"not allowed ({problem}): use {NAME_RULE}")
        return name

    @model_validator(mode="after")
    def _known_interviewers(self) -> QuestionSet:
        ids = [i.id for i in self.interviewers]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate interviewer id")
        if ids:
            for q in self.questions:
                if q.interviewer is not None and q.interviewer not in ids:
                    raise ValueError(
                        f"question {q.id!r}: interviewer {q.interviewer!r} is not one of "
                        f"the set's interviewers ({', '.join(ids)})"
                    )
        return self

    def interviewer_of(self, question: Question) -> Interviewer | None:
        """The named interviewer asking ``question``, when the set names them."""
        return next((i for i in self.interviewers if i.id == question.interviewer), None)

    @field_validator("questions")
    @classmethod
    def _unique_ids(cls, questions: tuple[Question, ...]) -> tuple[Question, ...]:
        seen: set[str] = set()
        for q in questions:
            if q.id in seen:
                raise ValueError(f"duplicate question id {q.id!r}")
            seen.add(q.id)
        return questions


@dataclass(frozen=True)
class SetInfo:
    """A set found on disk, for listing without loading every question."""

    name: str
    path: Path
    source: str  # "shipped" or "user"


def shipped_dir() -> Path:
    return Path(str(resources.files("voice_coach") / "question_sets"))


def user_dir() -> Path:
    return locations.config_dir() / "question_sets"


def _line_of(text: str, loc: tuple[int | str, ...]) -> int | None:
    """Best-effort line number of a validation error's location in the TOML text."""
    lines = text.splitlines()
    start = 0
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        headers = [
            i for i, line in enumerate(lines) if re.match(r"\s*\[\[\s*questions\s*\]\]", line)
        ]
        if loc[1] < len(headers):
            start = headers[loc[1]]
            field = str(loc[2]) if len(loc) > 2 else None
            end = headers[loc[1] + 1] if loc[1] + 1 < len(headers) else len(lines)
            if field:
                for i in range(start, end):
                    if re.match(rf"\s*{re.escape(field)}\s*=", lines[i]):
                        return i + 1
            return start + 1
    if loc:
        for i, line in enumerate(lines):
            if re.match(rf"\s*{re.escape(str(loc[0]))}\s*=", line):
                return i + 1
    return None


def parse_question_set(text: str, source: str) -> QuestionSet:
    """Validate a set's TOML text; ``source`` names it in errors."""
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some Windows editors save
    try:
        raw: dict[str, Any] = load_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise QuestionSetInvalid(f"{source}: not valid TOML: {exc}") from None
    except TooComplex as exc:
        raise QuestionSetInvalid(f"{source}: {exc}; is it the right file?") from None
    try:
        return QuestionSet.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            field = ".".join(str(p) for p in loc) or "(file)"
            line = _line_of(text, loc)
            where = f"{source}:{line}" if line else source
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            msg = msg.removeprefix("Value error, ")  # pydantic's wording for our own checks
            problems.append(f"{where}: {field}: {msg}")
        raise QuestionSetInvalid("; ".join(problems)) from None


def load_question_set_file(path: Path) -> QuestionSet:
    if path.is_dir():
        raise QuestionSetInvalid(f"{path}: a folder, not a question-set file")
    if path.exists() and not path.is_file():  # a pipe or device would block the listing
        raise QuestionSetInvalid(f"{path}: not a regular file")
    try:
        text = read_text(path, MAX_SET_BYTES, "question set")
    except FileNotFoundError:
        raise QuestionSetInvalid(f"{path}: no such file") from None
    except OSError as exc:
        raise QuestionSetError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except InputError as exc:  # too large, not UTF-8: the TUI catches question-set errors
        raise QuestionSetInvalid(str(exc)) from None
    return parse_question_set(text, str(path))


def available_sets() -> list[SetInfo]:
    """Shipped and user sets by name, user sets overriding shipped ones."""
    found: dict[str, SetInfo] = {}
    for source, folder in (("shipped", shipped_dir()), ("user", user_dir())):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.stem] = SetInfo(path.stem, path, source)
    return sorted(found.values(), key=lambda s: s.name)


def load_question_set(name_or_path: str) -> QuestionSet:
    """A set by name (as listed) or by file path."""
    if not name_or_path.strip():
        raise QuestionSetInvalid("no set name given; voice-coach sets list shows them")
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        return load_question_set_file(path)
    for info in available_sets():
        if info.name == name_or_path:
            return load_question_set_file(info.path)
    names = ", ".join(s.name for s in available_sets()) or "none"
    raise QuestionSetInvalid(f"no question set named {name_or_path!r} (available: {names})")
