"""Question sets: TOML files of interview questions, validated strictly.

Sets ship in ``question_sets/`` (packaged with the app); a user's own sets in
``<config>/question_sets/`` override shipped ones of the same name. Every error
names the file, the line and the field, because people edit these by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from voice_coach.errors import QuestionSetInvalid
from voice_coach.scoring.kinds import QuestionKind, infer_kind

# Finding and reading the files needs no models: the home screen lists the sets with
# these before pydantic is imported. Named here too, where they have always been.
from voice_coach.set_files import MAX_NAME_LENGTH as MAX_NAME_LENGTH
from voice_coach.set_files import NAME_RULE as NAME_RULE
from voice_coach.set_files import SetInfo as SetInfo
from voice_coach.set_files import available_sets as available_sets
from voice_coach.set_files import check_set_name as check_set_name
from voice_coach.set_files import parse_set_toml, read_set_text, set_name_problem
from voice_coach.set_files import shipped_dir as shipped_dir
from voice_coach.set_files import user_dir as user_dir

EXAMPLE = "example"
"""The ``expects`` entry of behavioural questions: the answer needs an accomplishment example."""


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
    text = text.removeprefix("\ufeff")
    raw = parse_set_toml(text, source)
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
    return parse_question_set(read_set_text(path), str(path))


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
