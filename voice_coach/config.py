"""User settings: ``config.toml`` in the config directory, every key optional.

A bad value never stops the app: it is reported by key and its default is
used, so a typo in a hand-edited file costs one notice, not a session.
The settings screen writes the same file back with :func:`save_settings`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from voice_coach import locations
from voice_coach.errors import ConfigError, InputError, explain
from voice_coach.safety import (
    MAX_CONFIG_BYTES,
    TooComplex,
    load_toml,
    printable,
    read_text,
    write_atomic,
)


class Settings(BaseModel):
    """The user's settings: validated, frozen, and the one definition of each key.

    Each field's default, bounds (``ge``/``le``) and description are what
    config.toml's comments (:data:`KEY_DOCS`), the README's checks and the
    settings form's limits and hints are read from, so a bound changed here
    changes everywhere. An invalid value cannot be constructed: it raises
    :class:`pydantic.ValidationError` naming the key.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str | None = Field(
        default=None,
        description='the speech model: a name such as "base.en" (downloaded once, when online)'
        " or a local CTranslate2 directory; unset: the bundled tiny.en",
    )
    input_device: int | str | None = Field(
        default=None,
        description='the microphone, by name ("pulse"; "name, host API" when a name is not'
        " unique) or by index; unset: the system default",
    )
    output_device: int | str | None = Field(
        default=None,
        description="the speaker or headphones, named like input_device; unset: the system default",
    )
    voice: str | None = Field(
        default=None,
        description='the interviewer\'s voice, an id from voice-coach voices such as "piper:joe"'
        ' or the espeak id "gmw/en"; unset: the natural Piper voice (espeak\'s default without it)',
    )
    speech_rate: int = Field(
        default=165, ge=80, le=400, description="the interviewer's speed in words per minute"
    )
    end_silence_s: float = Field(
        default=3.0,
        ge=0.5,
        le=30.0,
        description="seconds of silence after speech that end an answer (less after a "
        "finished sentence)",
    )
    initial_silence_s: float = Field(
        default=15.0,
        ge=1.0,
        le=120.0,
        description="thinking time: seconds of silence allowed before the first word; when"
        " they run out, nothing was heard and the question can be tried again",
    )
    max_answer_s: float = Field(
        default=240.0,
        ge=5.0,
        le=1800.0,
        description="the longest answer in seconds; recording stops there",
    )
    speak_questions: bool = Field(
        default=True, description="read each question aloud (true) or only show it (false)"
    )
    warnings: tuple[str, ...] = Field(
        default=(),
        exclude=True,
        description="problems found in the file, one line each, to show the user; not a key"
        " of the file, and not part of what the settings are",
    )

    @field_validator("model", "voice", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        # model = "" would otherwise load the current directory as a model.
        return (value.strip() or None) if isinstance(value, str) else value

    @field_validator("input_device", "output_device", mode="before")
    @classmethod
    def _device(cls, value: Any) -> Any:
        # Checked by hand: pydantic would take true as device 1 and word a union's
        # failure as two errors.
        if isinstance(value, str):
            return value.strip() or None
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("expected a device name in quotes or an index (a whole number)")
        if value < 0:
            raise ValueError("a device index is 0 or more")
        return value

    def __eq__(self, other: object) -> bool:
        # The settings, not what loading them cost: a file with one bad key and the
        # defaults it fell back to are the same settings.
        if not isinstance(other, Settings):
            return NotImplemented
        return self.model_dump() == other.model_dump()

    def __hash__(self) -> int:
        return hash(tuple(self.model_dump().items()))

    def with_overrides(self, **values: Any) -> Settings:
        """These settings with the given keys replaced (None: keep), validated like the file."""
        given = {k: v for k, v in values.items() if k in KEYS and v is not None}
        return Settings.model_validate({**self.model_dump(), **given, "warnings": self.warnings})


KEYS: tuple[str, ...] = tuple(
    name for name, info in Settings.model_fields.items() if not info.exclude
)
"""The keys config.toml may hold: every field of :class:`Settings` but ``warnings``."""


@dataclass(frozen=True)
class Bounds:
    """The inclusive range a number setting must lie in."""

    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.low:g}-{self.high:g}"


def bounds(key: str) -> Bounds | None:
    """The ``ge``/``le`` of a :class:`Settings` field, or None for a key without both."""
    low: float | None = None
    high: float | None = None
    for item in Settings.model_fields[key].metadata:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    return None if low is None or high is None else Bounds(low, high)


def describe(key: str) -> str:
    """A key's description with its bounds, as config.toml's comments say it."""
    text = Settings.model_fields[key].description or key
    limits = bounds(key)
    return f"{text} ({limits})" if limits else text


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file; unreadable files and bad keys become warnings.

    Even a config folder that cannot be created, or a file too large or nested
    too deeply to read, only costs a warning: the app and ``doctor`` must start
    to say what is wrong.
    """
    if path is None:
        try:
            path = locations.config_file()
        except OSError as exc:
            return Settings(warnings=(f"{explain(exc).line} (settings: using defaults)",))
    try:
        if not path.exists():
            return Settings()
        raw = load_toml(read_text(path, MAX_CONFIG_BYTES, "config file"))
    except (OSError, tomllib.TOMLDecodeError, TooComplex, InputError) as exc:
        reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
        reason = printable(str(reason)).removeprefix(f"{path}: ")
        return Settings(warnings=(f"{path.name}: not read ({reason}); using defaults",))
    warnings: list[str] = []
    values = {key: value for key, value in raw.items() if key in KEYS}
    for key in raw:
        if key not in values:  # a key is the user's text: it can hold escape sequences
            warnings.append(f"{path.name}: {printable(str(key))[:60]}: not a setting; ignored")
    try:
        parsed = Settings.model_validate(values)
    except ValidationError as exc:
        for key, message in _problems(exc).items():
            warnings.append(f"{path.name}: {key}: {message}; using the default")
        bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
        try:  # fields are validated one by one: without the bad keys the rest is valid
            parsed = Settings.model_validate({k: v for k, v in values.items() if k not in bad})
        except ValidationError:  # pragma: no cover - only if a check ever spans two keys
            parsed = Settings()
    return parsed.model_copy(update={"warnings": tuple(warnings)})


def _problems(exc: ValidationError) -> dict[str, str]:
    """One message per key, in plain words (pydantic prefixes a validator's own text)."""
    found: dict[str, str] = {}
    for err in exc.errors():
        # A key is the user's text: a quoted TOML key can hold escape sequences.
        key = printable(str(err["loc"][0]))[:60] if err["loc"] else "?"
        found.setdefault(key, str(err["msg"]).removeprefix("Value error, "))
    return found


HEADER = """\
# voice-coach settings (written by the settings screen; you may edit it by hand).
# Every key is optional: a commented-out key uses its default. A bad value is
# reported by name when the app starts and its default used. Comments you add
# are not kept when the settings screen saves; the file it replaces is kept as
# config.toml.bak when it was not written by voice-coach.
"""

KEY_DOCS: dict[str, str] = {key: describe(key) for key in KEYS}
"""Each key's comment in config.toml, read from the :class:`Settings` fields."""


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write ``settings`` as config.toml, atomically, readable by the user alone.

    Only values that differ from the defaults are written as keys, the rest as
    commented-out lines, so a default improved in a later version still reaches
    a user who never changed it. Values are validated first: an invalid one
    raises :class:`ConfigError` naming the key and nothing is written.
    """
    path = path or locations.config_file()
    try:
        # Validated again: model_copy(update=...) and model_construct skip validation, and
        # what is written must load back as it was.
        settings = Settings.model_validate(settings.model_dump())
    except ValidationError as exc:
        problems = "; ".join(f"{key}: {message}" for key, message in _problems(exc).items())
        raise ConfigError(f"settings not saved: {problems}") from None
    text = render_settings(settings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _keep_hand_edited(path)
        write_atomic(path, text, overwrite=True)
    except InputError as exc:  # config.toml is a folder, or its folder is a file
        raise ConfigError(f"settings not saved: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def render_settings(settings: Settings) -> str:
    """The text of config.toml for ``settings``: header, then each key documented, sorted."""
    defaults = Settings()
    parts = [HEADER]
    for name in sorted(KEY_DOCS):
        value = getattr(settings, name)
        default = getattr(defaults, name)
        lines = textwrap.wrap(
            f"{name}: {KEY_DOCS[name]}", width=88, initial_indent="# ", subsequent_indent="#   "
        )
        if value is not None and value != default:
            lines.append(tomli_w.dumps({name: value}).rstrip("\n"))
        elif default is not None:
            lines.append("# " + tomli_w.dumps({name: default}).rstrip("\n"))
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def _keep_hand_edited(path: Path) -> None:
    """Copy a config.toml voice-coach did not write to config.toml.bak before replacing it:
    its comments (and any key this version does not know) would otherwise be lost."""
    first = HEADER.splitlines()[0].encode("utf-8")
    try:
        with path.open("rb") as handle:  # the first line says who wrote it: read no more
            current: bytes | None = handle.read(len(first))
    except OSError:
        current = None
        if not path.exists():
            return
    if current == first:
        return
    backup = path.with_name(path.name + ".bak")
    with contextlib.suppress(OSError):
        shutil.copyfile(path, backup)
        os.chmod(backup, 0o600)
