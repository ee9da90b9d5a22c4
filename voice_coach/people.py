"""The people who will interview: one profile each, kept as a TOML file the user can edit.

The advice is to find out who will interview you and research each of them: their
role, their background, what they will care about. A profile holds that research, and
from it come the questions that person is likely to ask (:func:`questions_for`) and
the ones worth asking them back (:func:`questions_to_ask`).

Profiles live in a ``people`` folder in the app's data folder, one ``<id>.toml`` per
person, the id being the file's name. People edit these files by hand as they do
question sets, so a damaged one is reported by name and skipped: one bad file never
hides the others.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from voice_coach import locations
from voice_coach.errors import InputError
from voice_coach.ids import Ids, slug
from voice_coach.people_questions import (
    Relation,
    RoleFamily,
    family_of,
    likely_questions,
    worth_asking,
)
from voice_coach.questions import Interviewer, Question
from voice_coach.safety import KIB, TooComplex, load_toml, read_text, write_atomic

__all__ = [
    "Profile",
    "ProfileListing",
    "Relation",
    "RoleFamily",
    "delete_profile",
    "load_profile",
    "load_profiles",
    "make_profile",
    "new_profile_id",
    "people_dir",
    "questions_for",
    "questions_to_ask",
    "save_profile",
    "scan_profiles",
]

MAX_PROFILE_BYTES = 256 * KIB
"""A profile with pages of notes is a few KB."""
MAX_NOTES = 100_000
"""Characters of notes on one person: pages of them, well inside a profile file's limit."""
ID_MAX = 40
_ID = re.compile(rf"^[a-z0-9](?:[a-z0-9-]{{0,{ID_MAX - 2}}}[a-z0-9])?$")
ID_RULE = "lower-case letters, digits and '-', like sarah-khan"
DEFAULT_QUESTIONS = 5
"""Questions per person in a set: enough for their interests and their role to show."""

_HEADER = (
    "# An interviewer's profile for voice-coach: edit it as you like.\n"
    "# The file's name is the person's id. relation is one of: "
    + ", ".join(r.value for r in Relation)
    + ".\n"
)


class Profile(BaseModel):
    """One person who will interview, as the candidate researched them."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str = Field(pattern=_ID.pattern)
    name: str = Field(min_length=1, max_length=120)
    role: str = Field(default="", max_length=200)
    relation: Relation = Relation.PANEL
    cares_about: tuple[str, ...] = ()
    """What they will care about, as the user jotted it ("month-end close", "values")."""
    notes: str = Field(default="", max_length=MAX_NOTES)
    """The user's own research: background, links, anything else worth remembering."""

    @field_validator("name", "role")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return re.sub(r"\s+", " ", value)

    @field_validator("relation", mode="before")
    @classmethod
    def _relation(cls, value: object) -> object:
        """Written by hand as "line manager" or "Panel member" as often as "line_manager"."""
        if isinstance(value, str) and value.strip().lower() not in {r.value for r in Relation}:
            found = Relation.read(value)
            if found is None:
                choices = ", ".join(r.value for r in Relation)
                raise ValueError(f"{value!r} is not a relation: use one of {choices}")
            return found
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("cares_about", mode="before")
    @classmethod
    def _cares(cls, value: object) -> object:
        """Each interest once, trimmed; a single string is read as a comma-separated list."""
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list | tuple):
            return value
        kept: list[str] = []
        for item in value:
            if not isinstance(item, str):
                return value  # pydantic says what is wrong with it
            text = re.sub(r"\s+", " ", item).strip()
            if text and text.lower() not in (k.lower() for k in kept):
                kept.append(text)
        return tuple(kept)

    @property
    def family(self) -> RoleFamily:
        """The kind of interviewer their role and relation make them."""
        return family_of(self.role, self.relation)

    @property
    def described(self) -> str:
        """Who they are in a few words: "Finance Director, panel member"."""
        parts = [self.role] if self.role else []
        if not self.role or self.relation.label.lower() not in self.role.lower():
            parts.append(self.relation.label)
        return ", ".join(parts)

    def to_interviewer(self) -> Interviewer:
        """The person as a question set names them; their voice is the settings' one."""
        return Interviewer(id=self.id, name=self.name, role=self.role, interests=self.cares_about)


@dataclass
class ProfileListing:
    """Every profile that could be read, and a line for each file that could not."""

    profiles: list[Profile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def people_dir() -> Path:
    return locations.data_dir() / "people"


def profile_path(profile_id: str) -> Path:
    check_profile_id(profile_id)
    return people_dir() / f"{profile_id}.toml"


def check_profile_id(profile_id: str) -> str:
    """``profile_id`` when it can name a profile's file; else a clear :class:`InputError`."""
    if not _ID.match(profile_id):
        raise InputError(f"{profile_id[:80]!r} is not a profile id: use {ID_RULE}")
    return profile_id


def new_profile_id(name: str, taken: Iterable[str] = ()) -> str:
    """An id for a new person from their name, numbered when another profile has it."""
    ids = Ids(max_len=ID_MAX - 3)
    ids.taken.update(taken)
    return ids.new(name)


def profile_toml(profile: Profile) -> str:
    data = profile.model_dump(mode="json", exclude={"id"})
    data["cares_about"] = list(profile.cares_about)
    return _HEADER + tomli_w.dumps(data, multiline_strings=True)


def make_profile(**fields: Any) -> Profile:
    """A profile from fields typed into a form or a command; :class:`InputError` saying
    which field is wrong and why, never a validation dump."""
    try:
        return Profile.model_validate(fields)
    except ValidationError as exc:
        raise InputError(_problems(exc)) from None


def _problems(exc: ValidationError) -> str:
    problems = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(file)"
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        problems.append(f"{where}: {msg.removeprefix('Value error, ')}")
    return "; ".join(problems)


def parse_profile(text: str, profile_id: str, source: str) -> Profile:
    """A profile from its file's text; errors name ``source`` and the field."""
    try:
        raw: dict[str, Any] = load_toml(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{source}: not valid TOML: {exc}") from None
    except TooComplex as exc:
        raise InputError(f"{source}: {exc}; is it the right file?") from None
    raw.pop("id", None)  # the file's name is the id; a stale copy inside is not a conflict
    try:
        return Profile.model_validate({"id": profile_id, **raw})
    except ValidationError as exc:
        raise InputError(f"{source}: {_problems(exc)}") from None


def _read(path: Path) -> Profile:
    if not _ID.match(path.stem):
        raise InputError(
            f"{path}: the file's name is the person's id, and {path.stem!r} is not one "
            f"({ID_RULE}); rename it {slug(path.stem, ID_MAX)}.toml"
        )
    try:
        text = read_text(path, MAX_PROFILE_BYTES, "profile")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return parse_profile(text, path.stem, str(path))


def scan_profiles() -> ProfileListing:
    """Every profile, by name; each damaged file reported by name and skipped."""
    listing = ProfileListing()
    folder = people_dir()
    if not folder.is_dir():
        return listing
    for path in sorted(folder.glob("*.toml")):
        if path.name.startswith(".") or not path.is_file():
            continue  # a write in progress, or not a file at all
        try:
            listing.profiles.append(_read(path))
        except InputError as exc:
            listing.problems.append(str(exc))
    listing.profiles.sort(key=lambda p: (p.name.lower(), p.id))
    return listing


def load_profiles() -> list[Profile]:
    """Every profile that can be read (:func:`scan_profiles` also says which cannot)."""
    return scan_profiles().profiles


def load_profile(profile_id: str) -> Profile:
    path = profile_path(profile_id)
    if not path.is_file():
        known = ", ".join(p.id for p in load_profiles()) or "none yet"
        raise InputError(f"no profile {profile_id!r} (profiles: {known})")
    return _read(path)


def save_profile(profile: Profile, *, overwrite: bool = True) -> Path:
    """Write ``profile`` whole or not at all; without ``overwrite`` an existing person's
    file is refused, so an import never replaces research the user edited."""
    folder = people_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=locations.PRIVATE_DIR)
    path = profile_path(profile.id)
    write_atomic(path, profile_toml(profile), overwrite=overwrite)
    return path


def delete_profile(profile_id: str) -> None:
    path = profile_path(profile_id)
    try:
        path.unlink()
    except FileNotFoundError:
        raise InputError(f"no profile {profile_id!r} to delete") from None


def questions_for(
    profile: Profile, count: int = DEFAULT_QUESTIONS, ids: Ids | None = None
) -> list[Question]:
    """The questions ``profile``'s person is likely to ask, in their voice, fitted to their
    role, their relation to the job and what they care about."""
    return likely_questions(
        profile.id,
        profile.role,
        profile.relation,
        profile.cares_about,
        count=count,
        ids=ids,
    )


def questions_to_ask(profile: Profile) -> list[str]:
    """Two or three good questions the candidate could ask this person at the end."""
    return worth_asking(profile.role, profile.relation, profile.cares_about)


def by_ids(profiles: Sequence[Profile], wanted: Sequence[str]) -> list[Profile]:
    """The profiles named by ``wanted`` (ids, or names as written), in that order."""
    chosen: list[Profile] = []
    for want in wanted:
        key = want.strip()
        match = next(
            (p for p in profiles if p.id == key or p.name.lower() == key.lower()), None
        ) or next((p for p in profiles if p.id == slug(key)), None)
        if match is None:
            known = ", ".join(p.id for p in profiles) or "none yet"
            raise InputError(f"no profile {want!r} (profiles: {known})")
        if match not in chosen:
            chosen.append(match)
    return chosen
