"""Saved practice: sessions and attempts in SQLite, answer audio as files beside it.

An attempt row is written *before* recording starts (status "recording") and
completed after, so an answer cut short by a crash still has a row and an audio
file to recover. Files are private career data: created readable by the user
alone.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from voice_coach import locations
from voice_coach.errors import StoreError

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    set_name TEXT NOT NULL,
    set_title TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS attempts (
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
);
CREATE INDEX IF NOT EXISTS attempts_session ON attempts(session_id);
CREATE TABLE IF NOT EXISTS struggled (
    set_name TEXT NOT NULL,
    question_id TEXT NOT NULL,
    question_text TEXT NOT NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (set_name, question_id)
);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SessionRow:
    id: int
    started_at: str
    finished_at: str | None
    set_name: str
    set_title: str
    answers: int
    flagged: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "set": self.set_name,
            "title": self.set_title,
            "answers": self.answers,
            "flagged": self.flagged,
        }


@dataclass(frozen=True)
class AttemptRow:
    id: int
    session_id: int
    question_id: str
    question_text: str
    created_at: str
    status: str
    """"recording" (in progress or interrupted), "spoken", "typed" or "no_speech"."""
    audio_path: Path | None
    duration_s: float | None
    transcript: str
    concrete_example: bool | None
    score: dict[str, Any] | None
    end_reason: str | None
    error: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "session_id": self.session_id,
            "question_id": self.question_id,
            "question": self.question_text,
            "created_at": self.created_at,
            "status": self.status,
            "audio": str(self.audio_path) if self.audio_path else None,
            "duration_s": self.duration_s,
            "transcript": self.transcript,
            "concrete_example": self.concrete_example,
            "score": self.score,
            "end_reason": self.end_reason,
            "error": self.error,
        }


class Store:
    """The database and audio folder under one data directory."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or locations.data_dir()
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = self.root / "voice_coach.db"
        self.audio_root = self.root / "audio"
        fresh = not self.path.exists()
        self._lock = threading.RLock()
        try:
            old_umask = os.umask(0o077)
            try:
                self._db = sqlite3.connect(str(self.path), check_same_thread=False)
            finally:
                os.umask(old_umask)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer voice-coach (schema {version}); upgrade"
                )
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._db.commit()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"the sessions database {self.path} cannot be read ({exc}); nothing was changed. "
                "Move the file aside to start a fresh one."
            ) from None
        if fresh:
            os.chmod(self.path, 0o600)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # One connection serves the UI thread and the workers: one of them at a time.
        try:
            with self._lock, self._db:
                yield self._db
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to {self.path} ({exc})") from None

    def create_session(self, set_name: str, set_title: str) -> int:
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO sessions (started_at, set_name, set_title) VALUES (?, ?, ?)",
                (_now(), set_name, set_title),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def finish_session(self, session_id: int) -> None:
        with self._write() as db:
            db.execute("UPDATE sessions SET finished_at = ? WHERE id = ?", (_now(), session_id))

    def start_attempt(
        self, session_id: int, question_id: str, question_text: str
    ) -> tuple[int, Path]:
        """A row for an answer about to be recorded, and where its audio goes."""
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO attempts (session_id, question_id, question_text, created_at, status)"
                " VALUES (?, ?, ?, ?, 'recording')",
                (session_id, question_id, question_text, _now()),
            )
            attempt_id = cur.lastrowid
            assert attempt_id is not None
            rel = Path("audio") / str(session_id) / f"{attempt_id}.flac"
            db.execute("UPDATE attempts SET audio_path = ? WHERE id = ?", (str(rel), attempt_id))
        folder = self.root / rel.parent
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return attempt_id, self.root / rel

    def complete_attempt(
        self,
        attempt_id: int,
        *,
        status: str,
        transcript: str,
        transcript_json: dict[str, Any] | None,
        score: dict[str, Any] | None,
        concrete_example: bool | None,
        duration_s: float | None,
        end_reason: str | None = None,
        error: str | None = None,
        keep_audio: bool = True,
    ) -> None:
        with self._write() as db:
            if not keep_audio:
                row = db.execute(
                    "SELECT audio_path FROM attempts WHERE id = ?", (attempt_id,)
                ).fetchone()
                if row and row["audio_path"]:
                    (self.root / row["audio_path"]).unlink(missing_ok=True)
                db.execute("UPDATE attempts SET audio_path = NULL WHERE id = ?", (attempt_id,))
            db.execute(
                "UPDATE attempts SET status = ?, transcript = ?, transcript_json = ?,"
                " score_json = ?, concrete_example = ?, duration_s = ?, end_reason = ?,"
                " error = ? WHERE id = ?",
                (
                    status,
                    transcript,
                    json.dumps(transcript_json) if transcript_json is not None else None,
                    json.dumps(score) if score is not None else None,
                    None if concrete_example is None else int(concrete_example),
                    duration_s,
                    end_reason,
                    error,
                    attempt_id,
                ),
            )

    def mark_struggled(self, set_name: str, question_id: str, question_text: str) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO struggled VALUES (?, ?, ?, ?)",
                (set_name, question_id, question_text, _now()),
            )

    def unmark_struggled(self, set_name: str, question_id: str) -> None:
        with self._write() as db:
            db.execute(
                "DELETE FROM struggled WHERE set_name = ? AND question_id = ?",
                (set_name, question_id),
            )

    def _query(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def struggled(self) -> list[tuple[str, str, str]]:
        """(set name, question id, question text) of every question marked, oldest first."""
        rows = self._query(
            "SELECT set_name, question_id, question_text FROM struggled ORDER BY marked_at, rowid"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def sessions(self) -> list[SessionRow]:
        rows = self._query(
            """SELECT s.*, COUNT(a.id) AS answers,
                      SUM(CASE WHEN a.concrete_example = 0 THEN 1 ELSE 0 END) AS flagged
               FROM sessions s LEFT JOIN attempts a ON a.session_id = s.id
               GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC"""
        )
        return [
            SessionRow(
                r["id"],
                r["started_at"],
                r["finished_at"],
                r["set_name"],
                r["set_title"],
                r["answers"],
                r["flagged"] or 0,
            )
            for r in rows
        ]

    def attempts(self, session_id: int) -> list[AttemptRow]:
        rows = self._query("SELECT * FROM attempts WHERE session_id = ? ORDER BY id", (session_id,))
        return [self._attempt(r) for r in rows]

    def session(self, session_id: int) -> SessionRow | None:
        return next((s for s in self.sessions() if s.id == session_id), None)

    def delete_session(self, session_id: int) -> int:
        """Delete a session, its attempts and their audio; returns how many answers went."""
        attempts = self.attempts(session_id)
        with self._write() as db:
            db.execute("DELETE FROM attempts WHERE session_id = ?", (session_id,))
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        for attempt in attempts:
            if attempt.audio_path is not None:
                attempt.audio_path.unlink(missing_ok=True)
        folder = self.audio_root / str(session_id)
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        return len(attempts)

    def answer_history(self) -> list[tuple[str, AttemptRow]]:
        """Every scored attempt with its session's set name, oldest first."""
        rows = self._query(
            """SELECT s.set_name AS set_name, a.* FROM attempts a
               JOIN sessions s ON s.id = a.session_id
               WHERE a.status IN ('spoken', 'typed', 'recovered', 'no_speech')
               ORDER BY a.created_at, a.id"""
        )
        return [(r["set_name"], self._attempt(r)) for r in rows]

    def interrupted(self) -> list[AttemptRow]:
        """Attempts still marked "recording": cut short by a crash."""
        rows = self._query("SELECT * FROM attempts WHERE status = 'recording' ORDER BY id")
        return [self._attempt(r) for r in rows]

    def attempt(self, attempt_id: int) -> AttemptRow | None:
        rows = self._query("SELECT * FROM attempts WHERE id = ?", (attempt_id,))
        return self._attempt(rows[0]) if rows else None

    def _attempt(self, r: sqlite3.Row) -> AttemptRow:
        return AttemptRow(
            id=r["id"],
            session_id=r["session_id"],
            question_id=r["question_id"],
            question_text=r["question_text"],
            created_at=r["created_at"],
            status=r["status"],
            audio_path=self.root / r["audio_path"] if r["audio_path"] else None,
            duration_s=r["duration_s"],
            transcript=r["transcript"] or "",
            concrete_example=None if r["concrete_example"] is None else bool(r["concrete_example"]),
            score=json.loads(r["score_json"]) if r["score_json"] else None,
            end_reason=r["end_reason"],
            error=r["error"],
        )
