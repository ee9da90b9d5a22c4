"""Files and text from outside the app, handled as if hostile: read within limits,
parsed within limits, written without losing the old copy, shown without escapes.

People edit question sets and config.toml by hand, paste CVs and notes, and
feed batches from other tools. A damaged or deliberately odd file must cost
them one clear line, never a hung or crashed app, and never a terminal taken
over by escape sequences hidden in a set's text.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from voice_coach.errors import InputError, LimitError, in_app_home

KIB = 1024
MIB = 1024 * KIB

MAX_CONFIG_BYTES = 256 * KIB
"""config.toml: a complete, commented file is about 2 KB."""
MAX_SET_BYTES = 8 * MIB
"""A question set: a CV walked bullet by bullet gives a few hundred KB."""
MAX_ANSWER_BYTES = 1 * MIB
"""One answer (``score --text-file``): twenty minutes of speech is about 20 KB."""
MAX_BATCH_LINE_BYTES = 1 * MIB
"""One line of ``score --batch``; the file itself is read a line at a time, so any
number of lines is fine."""
MAX_DEPTH = 32
"""Nesting of tables and lists in TOML and JSON. A question set needs three
levels; no reader of these files needs more than a handful."""
INT_RANGE = (-(2**63), 2**63 - 1)
"""TOML's integers are 64-bit (the spec asks parsers to refuse the rest); JSON
input is held to the same range."""


def _size(n: int) -> str:
    return f"{n / MIB:g} MB" if n >= MIB else f"{n / KIB:g} KB"


def read_text(path: Path, limit: int, what: str) -> str:
    """The UTF-8 text of ``path`` (a byte-order mark dropped), refused over ``limit`` bytes.

    Raises :class:`LimitError` or :class:`InputError` naming the file; an
    :class:`OSError` is left to the caller, who knows whether a missing file is
    an error or a default.
    """
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise LimitError(
            f"{path}: larger than the {_size(limit)} a {what} may be; is it the right file?"
        )
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x}); "
            "save it as UTF-8"
        ) from None


class TooComplex(ValueError):
    """Parsed input beyond :data:`MAX_DEPTH` or :data:`INT_RANGE`, or too long a number."""


def load_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads`` within limits; raises ``TOMLDecodeError`` or :class:`TooComplex`."""
    import tomllib  # not before the first frame, which reads no TOML

    try:
        data = tomllib.loads(text)
    except RecursionError:
        # tomllib recurses once per level of nesting: [[[[...]]]] exhausts the stack.
        raise TooComplex(f"nested more than {MAX_DEPTH} levels deep") from None
    except tomllib.TOMLDecodeError:
        raise
    except ValueError as exc:  # int() refuses over 4300 digits, before tomllib can word it
        raise TooComplex(_number_message(exc)) from None
    check_structure(data)
    return data


def load_json(text: str) -> Any:
    """``json.loads`` within limits; raises ``ValueError`` (a :class:`TooComplex` for limits)."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise TooComplex(f"nested more than {MAX_DEPTH} levels deep") from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:
        raise TooComplex(_number_message(exc)) from None
    check_structure(data)
    return data


def _number_message(exc: ValueError) -> str:
    if "integer string conversion" in str(exc):
        return "a number is too long (over 4300 digits)"
    return str(exc)


def check_structure(data: Any) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` and integers outside :data:`INT_RANGE`.

    Walked with an explicit stack, so the check itself cannot run out of stack.
    """
    low, high = INT_RANGE
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list | tuple):
            if depth >= MAX_DEPTH:
                raise TooComplex(f"nested more than {MAX_DEPTH} levels deep")
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
        elif isinstance(value, int) and not isinstance(value, bool) and not low <= value <= high:
            digits = len(str(abs(value)))
            raise TooComplex(f"a whole number of {digits} digits is out of range (over 2^63)")


# ---- text shown on a terminal -------------------------------------------------------------

_ESCAPE_SEQUENCE = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]?                     # CSI: colours, cursor moves, erase
    | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC: window title, hyperlinks, clipboard
    | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?       # DCS, SOS, PM, APC strings
    | \x1b[ -/]*[0-~]?                             # any other escape
    | \x9b[0-?]*[ -/]*[@-~]?                       # the 8-bit CSI
    | [\x90\x98\x9d\x9e\x9f][^\x07\x9c\x1b]*(?:\x07|\x9c|\x1b\\)?  # 8-bit strings
    """,
    re.VERBOSE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls but tab and newline, and the bidirectional overrides that make
text display in another order than it reads."""
_LINE_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with terminal control sequences and control characters removed.

    Everything the CLI prints from a user's file (set titles, interviewer
    names, questions, CV text) goes through here, so a file cannot recolour,
    retitle or clear the terminal, write to its clipboard or hide text. With
    ``lines`` False line breaks become spaces, so one field stays one line.
    Not a way to make text safe for markup: the TUI escapes that separately.
    """
    text = text.replace("\r\n", "\n") if lines else _LINE_BREAKS.sub(" ", text)
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


# ---- writing a user's file --------------------------------------------------------------


def refuse_app_data(path: Path) -> None:
    """Refuse to write a user's output over the app's own data (database, sets, config).

    ``export -o`` pointed at the database would destroy every session; the
    check follows links, so a link to the database is refused too.
    """
    if in_app_home(path):
        raise InputError(
            f"{path} is (or leads to) a file of voice-coach's own data; write the export "
            "somewhere else (your home folder, for example)"
        )


def write_atomic(path: Path, text: str, *, overwrite: bool, mode: int = 0o600) -> None:
    """Write ``text`` to ``path`` whole or not at all: a temporary file in the same
    folder, flushed to disk, then renamed over (or linked to) the name.

    A full disk or a crash mid-write leaves the old file as it was and no
    partial new one. Without ``overwrite`` an existing file is refused, checked
    by the rename itself (a hard link) so a file appearing meanwhile is not lost.
    """
    check_output(path, overwrite=overwrite)
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # named after the file the user asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _sync_folder(folder)


def check_output(path: Path, *, overwrite: bool) -> None:
    """Refuse, before any work, an output path that is a folder, is in a folder that does
    not exist, or names an existing file without ``overwrite`` (``--force``)."""
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the name of a file to write")
    if not path.parent.is_dir():
        raise InputError(f"{path.parent} is not a folder; create it first or check the path")
    if not overwrite and path.exists():
        raise InputError(f"{path} exists already; use --force to replace it")


def _link_new(tmp: Path, path: Path) -> None:
    """Give ``tmp``'s content the name ``path``, failing if ``path`` exists."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise InputError(f"{path} exists already; use --force to replace it") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links (FAT, some network drives): check, then rename.
        if path.exists():
            raise InputError(f"{path} exists already; use --force to replace it") from None
        os.replace(tmp, path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; harmless where folders cannot be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
