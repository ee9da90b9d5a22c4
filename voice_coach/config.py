"""User settings: ``config.toml`` in the config directory, every key optional.

A bad value never stops the app: it is reported by key and its default is
used, so a typo in a hand-edited file costs one notice, not a session.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from voice_coach import locations


class _SettingsModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model: str | None = None
    input_device: int | str | None = None
    output_device: int | str | None = None
    voice: str | None = None
    speech_rate: int = Field(default=165, ge=80, le=400)
    end_silence_s: float = Field(default=3.0, ge=0.5, le=30.0)
    initial_silence_s: float = Field(default=15.0, ge=1.0, le=120.0)
    max_answer_s: float = Field(default=240.0, ge=5.0, le=1800.0)
    speak_questions: bool = True


@dataclass(frozen=True)
class Settings:
    """Resolved settings; see the README for what each key does."""

    model: str | None = None
    """A model name (``base.en``) or a CTranslate2 directory; None is the bundled tiny.en."""
    input_device: int | str | None = None
    output_device: int | str | None = None
    voice: str | None = None
    speech_rate: int = 165
    """Words per minute of the interviewer's voice."""
    end_silence_s: float = 3.0
    """Silence after speech that ends an answer: long enough for a pause to think."""
    initial_silence_s: float = 15.0
    """Silence before the first word that ends an answer as 'no speech'."""
    max_answer_s: float = 240.0
    speak_questions: bool = True
    warnings: tuple[str, ...] = field(default=(), compare=False)
    """Problems found in the file, one line each, to show the user."""

    def with_overrides(self, **values: Any) -> Settings:
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in values.items() if k in known and v is not None})


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file; unreadable files and bad keys become warnings."""
    path = path or locations.config_file()
    if not path.exists():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(warnings=(f"{path.name}: not read ({exc}); using defaults",))
    warnings: list[str] = []
    values = dict(raw)
    while True:
        try:
            parsed = _SettingsModel(**values)
            break
        except ValidationError as exc:
            bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
            for err in exc.errors():
                key = str(err["loc"][0]) if err["loc"] else "?"
                warnings.append(f"{path.name}: {key}: {err['msg']}; using the default")
            if not bad & values.keys():
                parsed = _SettingsModel()
                break
            for key in bad:
                values.pop(key, None)
    return Settings(**parsed.model_dump(), warnings=tuple(warnings))
