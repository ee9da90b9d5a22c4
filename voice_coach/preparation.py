"""The CV and job description the user is preparing with, remembered as plain text.

The CV's questions, the readiness view, the story bank's requirement tags and the
brief for the day all read the same two documents. Asking for their files again in
every command and screen would be tiresome and would let them drift apart, so the
text extracted once (PDF and Markdown alike, through :func:`voice_coach.cv.read_document`)
is kept in a private ``prepare`` folder in the app's data folder. The text is kept,
not the path: the user's file may move, and a PDF is read once only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

from voice_coach import locations
from voice_coach.cv import read_document
from voice_coach.errors import InputError
from voice_coach.safety import write_atomic

DocumentKind = Literal["cv", "job"]
KINDS: tuple[DocumentKind, ...] = get_args(DocumentKind)
WORDS: dict[DocumentKind, str] = {"cv": "CV", "job": "job description"}
"""How each kind is named to the user."""


def prepare_dir() -> Path:
    """Where the remembered documents are (made private on first use)."""
    folder = locations.data_dir() / "prepare"
    folder.mkdir(parents=True, exist_ok=True, mode=locations.PRIVATE_DIR)
    return folder


def _path(kind: DocumentKind) -> Path:
    if kind not in KINDS:
        raise InputError(f"unknown document kind {kind!r}: one of {', '.join(KINDS)}")
    return prepare_dir() / f"{kind}.txt"


def save_text(kind: DocumentKind, text: str) -> Path:
    """Remember ``text`` as the user's ``kind``, replacing the one before, whole or not at all."""
    path = _path(kind)
    write_atomic(path, text, overwrite=True)
    return path


def save_document(kind: DocumentKind, path: Path) -> Path:
    """Read the file at ``path`` (text, Markdown or PDF) and remember its text; where it is
    kept. A file that cannot be read raises the reader's one-line error and changes nothing."""
    return save_text(kind, read_document(path))


def saved_text(kind: DocumentKind) -> str | None:
    """The remembered text of ``kind``, or None when none was saved."""
    path = _path(kind)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return text if text.strip() else None


def forget(kind: DocumentKind) -> bool:
    """Forget the remembered ``kind``; whether there was one."""
    path = _path(kind)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
