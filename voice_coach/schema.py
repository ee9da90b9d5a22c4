"""The database's schema, how it grows, and what is done with one that cannot be read.

The schema grows by :data:`MIGRATIONS`, one transaction per step, after a copy of
the database is taken (see :class:`voice_coach.store.Store`); a database this code
cannot read is never written to, and :func:`set_aside_database` moves it aside (never
deletes it) so a fresh one can start. Kept apart from the store so the history of the
schema reads as one list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from voice_coach import locations
from voice_coach.errors import CorruptDatabase, StoreError

SET_ASIDE_COMMAND = "voice-coach db set-aside"
"""What a user runs to keep an unreadable database aside and start a fresh one."""


@dataclass(frozen=True)
class Migration:
    """One step of the schema: applied in a single transaction, so it happens whole or not."""

    version: int
    """The ``PRAGMA user_version`` this step produces."""
    why: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "sessions, their attempts, and the questions marked as struggled",
        (
            """CREATE TABLE IF NOT EXISTS sessions (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                set_name TEXT NOT NULL,
                set_title TEXT NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS attempts (
                id INTEGER PRIMARY KEY,
                session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                question_id TEXT NOT NULL,
                question_text TEXT NOT NULL,
                created_at TEXT NOT NULL,
                status TEXT NOT NULL,
                audio_path TEXT,
                duration_s REAL,
                transcript TEXT,
                transcript_json TEXT,
                score_json TEXT,
                concrete_example INTEGER,
                end_reason TEXT,
                error TEXT
            )""",
            "CREATE INDEX IF NOT EXISTS attempts_session ON attempts(session_id)",
            """CREATE TABLE IF NOT EXISTS struggled (
                set_name TEXT NOT NULL,
                question_id TEXT NOT NULL,
                question_text TEXT NOT NULL,
                marked_at TEXT NOT NULL,
                PRIMARY KEY (set_name, question_id)
            )""",
        ),
    ),
    Migration(
        2,
        "what kind of session each was (so first tries and reviews can be told apart), and "
        "indexes for a question's history and for the crash check at start-up",
        (
            "ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'practice'",
            "UPDATE sessions SET kind = 'weak' WHERE set_name = 'weak-answers'",
            "UPDATE sessions SET kind = 'struggled' WHERE set_name = 'struggled'",
            "CREATE INDEX IF NOT EXISTS attempts_question ON attempts(question_id, created_at)",
            "CREATE INDEX IF NOT EXISTS attempts_status ON attempts(status)",
        ),
    ),
    Migration(
        3,
        "one verdict per attempt (good, needs work, skipped...) kept as a column so every "
        "list and count reads the same one; the question as it was asked; when the "
        "feedback was given",
        (
            "ALTER TABLE attempts ADD COLUMN outcome TEXT",
            "ALTER TABLE attempts ADD COLUMN question_json TEXT",
            "ALTER TABLE attempts ADD COLUMN scored_at TEXT",
            # Saved scores say whether the answer met its question's needs; older ones
            # only whether it told a story. A score with neither counts as not scored.
            """UPDATE attempts SET outcome = CASE
                WHEN status = 'recording' THEN 'recording'
                WHEN score_json IS NOT NULL AND json_valid(score_json)
                     AND json_type(score_json, '$.meets_expectations') IN ('true', 'false')
                    THEN CASE WHEN json_extract(score_json, '$.meets_expectations')
                         THEN 'good' ELSE 'needs_work' END
                WHEN score_json IS NOT NULL AND concrete_example IS NOT NULL
                    THEN CASE WHEN concrete_example THEN 'good' ELSE 'needs_work' END
                WHEN status = 'no_speech' THEN 'skipped'
                ELSE 'unscored' END""",
            "UPDATE attempts SET scored_at = created_at WHERE status != 'recording'",
            "CREATE INDEX IF NOT EXISTS attempts_outcome ON attempts(outcome)",
        ),
    ),
    Migration(
        4,
        "the story bank: the candidate's accomplishment stories, each with its situation, "
        "action and result, what it shows (tags) and the job requirements it supports; the "
        "answer it came from is kept as a link that a deleted session only clears",
        (
            """CREATE TABLE IF NOT EXISTS stories (
                id INTEGER PRIMARY KEY,
                title TEXT NOT NULL,
                situation TEXT NOT NULL DEFAULT '',
                action TEXT NOT NULL DEFAULT '',
                result TEXT NOT NULL DEFAULT '',
                tags_json TEXT NOT NULL DEFAULT '[]',
                supports_json TEXT NOT NULL DEFAULT '[]',
                source_attempt_id INTEGER REFERENCES attempts(id) ON DELETE SET NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS stories_source ON stories(source_attempt_id)",
        ),
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1].version

DB_NAME = "voice_coach.db"
_SIDE_FILES = ("-wal", "-shm")
"""SQLite's write-ahead log and its index: they belong to the database and move with it."""


def _unused(candidates: Iterator[Path], *, with_side_files: bool = False) -> Path:
    """The first name not taken (nor its -wal/-shm), so nothing is ever overwritten."""
    for path in candidates:
        taken = [path, *(Path(f"{path}{s}") for s in _SIDE_FILES)] if with_side_files else [path]
        if not any(p.exists() for p in taken):
            return path
    raise AssertionError("unreachable: candidates are endless")


def _numbered(first: Path, pattern: str) -> Iterator[Path]:
    yield first
    n = 2
    while True:
        yield first.with_name(pattern.format(n=n))
        n += 1


def set_aside_database(root: Path | None = None) -> Path:
    """Move the database (and its -wal/-shm files) to ``voice_coach.db.corrupt-<time>``.

    Nothing is deleted or overwritten, so a damaged database can still be rescued by
    hand; the audio folder stays, since its recordings are still good. The next
    :class:`Store` starts a fresh database. Close any open Store on it first.
    """
    root = root or locations.data_dir()
    db = root / DB_NAME
    if not db.exists():
        raise StoreError(f"there is no sessions database at {db}: nothing to set aside")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"{DB_NAME}.corrupt-{stamp}"
    target = _unused(_numbered(root / base, base + "-{n}"), with_side_files=True)
    try:
        for suffix in _SIDE_FILES:
            side = Path(f"{db}{suffix}")
            if side.exists():
                side.rename(f"{target}{suffix}")
        db.rename(target)
    except OSError as exc:
        raise StoreError(f"cannot move {db} aside ({exc}); nothing was deleted") from None
    return target


def _is_corruption(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _unreadable(path: Path, exc: sqlite3.Error) -> StoreError:
    """Corruption can be set aside; anything else (permissions, a full disk) cannot."""
    if _is_corruption(exc) or not isinstance(exc, sqlite3.OperationalError):
        return CorruptDatabase(
            f"the sessions database {path} cannot be read ({exc}); nothing was changed. "
            f"To keep it aside and start a fresh one: {SET_ASIDE_COMMAND}",
            path,
        )
    return StoreError(
        f"the sessions database {path} cannot be opened ({exc}); nothing was changed. "
        "Check that it and its folder belong to you and the disk has room."
    )
