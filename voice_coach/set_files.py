"""Question-set files: where they are, what they may be named, and a quick look inside.

Everything here works on the files as text and TOML, without the question models of
:mod:`voice_coach.questions`, which bring pydantic: the home screen lists the sets before
its first frame with these, and validates them after it. Every error names the file, as
the models' own errors do.
"""

from __future__ import annotations

import contextlib
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from voice_coach import locations
from voice_coach.errors import InputError, QuestionSetError, QuestionSetInvalid
from voice_coach.safety import MAX_SET_BYTES, TooComplex, load_json, load_toml, read_text

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


@dataclass(frozen=True)
class SetInfo:
    """A set found on disk, for listing without loading every question."""

    name: str
    path: Path
    source: str  # "shipped" or "user"


def shipped_dir() -> Path:
    """The sets that come with the app, beside this module. The package is installed as
    files (the sets are read as paths everywhere), so ``importlib.resources`` would find
    the same folder, after importing its zip-file support, before the first frame."""
    return Path(__file__).with_name("question_sets")


def user_dir() -> Path:
    return locations.config_dir() / "question_sets"


def available_sets() -> list[SetInfo]:
    """Shipped and user sets by name, user sets overriding shipped ones."""
    found: dict[str, SetInfo] = {}
    for source, folder in (("shipped", shipped_dir()), ("user", user_dir())):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.stem] = SetInfo(path.stem, path, source)
    return sorted(found.values(), key=lambda s: s.name)


def read_set_text(path: Path) -> str:
    """A set file's text; every way it cannot be read is a :class:`QuestionSetError`
    naming the file (the TUI catches those)."""
    if path.is_dir():
        raise QuestionSetInvalid(f"{path}: a folder, not a question-set file")
    if path.exists() and not path.is_file():  # a pipe or device would block the listing
        raise QuestionSetInvalid(f"{path}: not a regular file")
    try:
        return read_text(path, MAX_SET_BYTES, "question set")
    except FileNotFoundError:
        raise QuestionSetInvalid(f"{path}: no such file") from None
    except OSError as exc:
        raise QuestionSetError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except InputError as exc:  # too large, not UTF-8
        raise QuestionSetInvalid(str(exc)) from None


def parse_set_toml(text: str, source: str) -> dict[str, Any]:
    """A set's TOML as a table, not yet validated; ``source`` names it in errors."""
    import tomllib  # not before the first frame: the sets' previews are remembered

    text = text.removeprefix("\ufeff")  # a byte-order mark, as some Windows editors save
    try:
        return load_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise QuestionSetInvalid(f"{source}: not valid TOML: {exc}") from None
    except TooComplex as exc:
        raise QuestionSetInvalid(f"{source}: {exc}; is it the right file?") from None


@dataclass(frozen=True)
class SetPreview:
    """What the list of sets shows of a set, read from its file without validating it."""

    title: str
    description: str
    questions: int


def preview_set(path: Path, remembered: Previews | None = None) -> SetPreview | None:
    """The set's title, description and number of questions, when its file has them as a
    valid set would; None when it does not (validating it says what is wrong).

    Taken from ``remembered`` when the file is as it was when last validated; else read
    from the file. A file that cannot be read or is not TOML raises here as
    :func:`voice_coach.questions.load_question_set_file` does, with the same message.
    A preview is not a promise: the set is valid only once validated.
    """
    if remembered is not None:
        known = remembered.get(path)
        if known is not None:
            return known
    raw = parse_set_toml(read_set_text(path), str(path))
    title, description = raw.get("title"), raw.get("description", "")
    questions = raw.get("questions")
    if not (isinstance(title, str) and title and isinstance(description, str)):
        return None
    if not (isinstance(questions, list) and questions):
        return None
    return SetPreview(title, description, len(questions))


PREVIEWS_FILE = "set_previews.json"
"""In the cache folder: each valid set's preview, as its last validation found it."""


def file_stamp(path: Path) -> tuple[int, int] | None:
    """What tells that a file changed: its modification time (in ns) and size; None when
    it cannot be read."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class Previews:
    """The sets' previews as their last validation found them, for the home screen's
    first frame.

    Parsing every set's TOML for its title and size was the largest part of drawing the
    home screen (a tenth of the time from launch to the first frame): the validation
    after the first frame knows them anyway, so it keeps them here, each with the stamp
    its file had, and the next launch reads one small file instead. A file changed
    since (another stamp) is read again; the validation that follows corrects whatever
    a preview got wrong, as it does for a preview read from the file.
    """

    def __init__(self, entries: Mapping[str, tuple[tuple[int, int], SetPreview]] | None = None):
        self.entries = dict(entries or {})

    @classmethod
    def read(cls) -> Previews:
        """The previews kept by the last validation; none when the file is missing or
        damaged (the sets are then read, as on a first launch)."""
        try:
            raw = load_json((locations.cache_dir() / PREVIEWS_FILE).read_text("utf-8"))
            entries = {
                str(name): (
                    (int(entry["mtime_ns"]), int(entry["size"])),
                    SetPreview(
                        str(entry["title"]), str(entry["description"]), int(entry["questions"])
                    ),
                )
                for name, entry in raw.items()
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls()
        return cls(entries)

    def get(self, path: Path) -> SetPreview | None:
        """The preview of ``path`` when the file is as it was when it was kept."""
        known = self.entries.get(str(path))
        if known is None or known[0] != file_stamp(path):
            return None
        return known[1]

    def keep(self, path: Path, stamp: tuple[int, int] | None, preview: SetPreview) -> None:
        """Keep the preview of a set just validated; ``stamp`` was taken before its file
        was read, so a change made meanwhile is seen as a change next time."""
        if stamp is not None:
            self.entries[str(path)] = (stamp, preview)

    def write(self) -> None:
        """Save the previews (a cache: a failure to write is not worth a word)."""
        from voice_coach.safety import write_atomic

        data = {
            name: {"mtime_ns": stamp[0], "size": stamp[1], **asdict(preview)}
            for name, (stamp, preview) in sorted(self.entries.items())
        }
        with contextlib.suppress(OSError, InputError):
            write_atomic(
                locations.cache_dir() / PREVIEWS_FILE,
                json.dumps(data, ensure_ascii=False, indent=1),
                overwrite=True,
            )
