"""Errors a user can cause or fix: each carries a message fit to show as it is.

Anything derived from :class:`VoiceCoachError` is shown to the user as one line
(CLI: on stderr with a non-zero exit; TUI: a notice). :func:`explain` words the
errors the operating system and the parsers raise (a full disk, a read-only
folder, a file that is not UTF-8, a number too long to read) the same way, so
one boundary can turn any of them into a line that names the file and says
what to do. Anything else is a bug: still one line, with the traceback kept in
a log (:func:`log_error`).
"""

from __future__ import annotations

import datetime
import errno
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from voice_coach import locations

EXIT_FAILURE = 1
"""Something failed that the input did not cause: a full disk, a missing device."""
EXIT_BAD_INPUT = 2
"""A file, name or value the user gave cannot be used (click uses 2 for usage errors too)."""


class VoiceCoachError(Exception):
    """A problem the user can understand and act on; ``str(error)`` is the message."""

    exit_code = EXIT_FAILURE


class InputError(VoiceCoachError):
    """A file, name or value the user gave that cannot be used as it is."""

    exit_code = EXIT_BAD_INPUT


class LimitError(InputError):
    """Input beyond what the app reads: too large, nested too deeply, a number too long.

    Limits exist so a damaged or hostile file is refused in a moment, with its
    name, rather than exhausting memory or the stack.
    """


class MicrophoneError(VoiceCoachError):
    """No input device, or it could not be opened or failed while recording."""


class PlaybackError(VoiceCoachError):
    """No output device, or playback failed."""


class VoiceError(VoiceCoachError):
    """The text-to-speech engine is missing or failed."""


class ModelError(VoiceCoachError):
    """The speech model is missing, unreadable, or could not be downloaded."""


class AudioFileError(VoiceCoachError):
    """An audio file that cannot be read."""


class QuestionSetError(VoiceCoachError):
    """A question set that is missing or malformed."""


class ConfigError(VoiceCoachError):
    """A configuration value that is not valid."""


class StoreError(VoiceCoachError):
    """The sessions database cannot be read or written."""


class CorruptDatabase(StoreError):
    """The sessions database is damaged or not a database: the UI can offer to set it aside."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class QuestionSetInvalid(QuestionSetError, InputError):
    """A set the user named or wrote that cannot be used (no such set, a file that does not
    validate, an unsafe name): bad input, exit 2."""


@dataclass(frozen=True)
class Problem:
    """What the user is told about an error: one line and the exit code."""

    message: str
    exit_code: int
    expected: bool
    """False for a bug: the message points at the log, where the traceback is."""
    fix: str = ""
    """What to do, when it is not in ``message`` already; :attr:`line` joins them."""
    reason: str = ""
    """For an OS error, what went wrong without the file's name ("the disk is full")."""

    @property
    def line(self) -> str:
        return f"{self.message}; {self.fix}" if self.fix else self.message


def first_line(exc: BaseException | None) -> str:
    """An exception in one line, for a message that goes on: libraries put tracebacks, C
    error dumps or nothing at all in theirs, and a user reads only the first line anyway."""
    if exc is None:
        return "unknown error"
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def explain(exc: BaseException) -> Problem:
    """One line for any exception, naming the file involved where there is one."""
    if isinstance(exc, VoiceCoachError):
        return Problem(str(exc), exc.exit_code, expected=True)
    if isinstance(exc, OSError):
        what, reason, fix = _os_message(exc)
        return Problem(what, EXIT_FAILURE, expected=True, fix=fix, reason=reason)
    if isinstance(exc, UnicodeDecodeError):
        return Problem(
            f"a file is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8",
            EXIT_BAD_INPUT,
            expected=True,
        )
    if isinstance(exc, RecursionError):
        return Problem(
            "the input is nested too deeply to read; simplify the file", EXIT_BAD_INPUT, True
        )
    if isinstance(exc, ValueError) and "integer string conversion" in str(exc):
        return Problem(
            "the input holds a number too long to read (over 4300 digits); fix the file",
            EXIT_BAD_INPUT,
            expected=True,
        )
    if isinstance(exc, OverflowError):  # a number given for a C or SQLite integer
        return Problem(
            f"a number is too large ({exc}); check the numbers you gave", EXIT_BAD_INPUT, True
        )
    if isinstance(exc, MemoryError):
        return Problem(
            "out of memory: the input is too large; try a smaller file", EXIT_FAILURE, True
        )
    kind = type(exc).__name__
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else kind
    return Problem(f"internal error ({kind}: {detail}); this is a bug", EXIT_FAILURE, False)


_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("the disk is full", "free some space and try again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space and try again"),
    errno.EROFS: ("the file system is read-only", "{mount}"),
    errno.EACCES: ("permission denied", "{writable}"),
    errno.EPERM: ("operation not permitted", "{writable}"),
    errno.ENOENT: ("no such file or folder", "check the path"),
    errno.ENOTDIR: ("a file is in the way where a folder should be", "{folder}"),
    errno.EEXIST: ("a file is in the way where a folder should be", "{folder}"),
    errno.EISDIR: ("it is a folder, not a file", "give the path of a file"),
    errno.ENAMETOOLONG: ("the name is too long", "use a shorter name"),
    errno.EIO: (
        "an input/output error (a failing disk or a lost network drive?)",
        "check the disk or reconnect the drive, then try again",
    ),
}


def _os_message(exc: OSError) -> tuple[str, str, str]:
    """``cannot use PATH: REASON``, the reason alone, and the fix, aimed at the app's home
    when the file is the app's."""
    path = exc.filename if exc.filename is not None else exc.filename2
    name = os.fsdecode(path) if isinstance(path, str | bytes) else None
    reason, fix = _REASONS.get(
        exc.errno or -1, (exc.strerror or type(exc).__name__, "check the file and try again")
    )
    if name is not None and exc.errno in (errno.ENOTDIR, errno.EEXIST):
        name = str(_in_the_way(Path(name)))
    ours = name is not None and in_app_home(Path(name))
    home = "set VOICE_COACH_HOME to a folder you can write" if ours else ""
    fix = fix.format(
        writable=(
            "make it writable by you, or " + home
            if ours
            else "check that it is readable and writable by you"
        ),
        folder=("move that file away, or " + home) if ours else "check the path",
        mount="mount it read-write" + (", or " + home if ours else ""),
    )
    where = f"cannot use {name}: " if name else ""
    return f"{where}{reason}", reason, fix


def _in_the_way(path: Path) -> Path:
    """The file that stands where a folder of ``path`` should be (the error names the
    folder that could not be made, which does not help the user find what to move)."""
    for candidate in (path, *path.parents):
        if candidate.exists() and not candidate.is_dir():
            return candidate
    return path


def in_app_home(path: Path) -> bool:
    """Whether ``path`` (followed through links) is in one of the app's own folders."""
    home = locations.home()
    roots = (*locations.roots(), *((home,) if home else ()))
    target = _resolved(path)
    return any(target.is_relative_to(_resolved(root)) for root in roots)


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):
        return path.expanduser().absolute()


LOG_NAME = "voice-coach.log"
LOG_MAX_BYTES = 1024**2
"""One megabyte, then the log starts over (the previous one kept as ``.1``)."""


def log_error(exc: BaseException, argv: list[str] | None = None) -> Path | None:
    """Append ``exc``'s traceback to the log in the data folder; its path, or None.

    None when the data folder cannot be used, which is often the error being
    reported: then the one line on stderr is all there is, and ``--debug``
    prints the traceback.
    """
    folder = locations.roots()[0]
    path = folder / LOG_NAME
    stamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    command = " ".join(argv if argv is not None else sys.argv[1:])
    text = f"--- {stamp} voice-coach {command}\n" + "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.is_file() and path.stat().st_size > LOG_MAX_BYTES:
            os.replace(path, path.with_name(LOG_NAME + ".1"))
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="replace") as handle:
            handle.write(text)
    except (OSError, ValueError):
        return None
    return path
