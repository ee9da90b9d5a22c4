"""Saved practice: sessions and attempts in SQLite, answer audio as files beside it.

An attempt row is written *before* recording starts (status "recording") and
completed after, so an answer cut short by a crash still has a row and an audio
file to recover. Files are private career data: created readable by the user
alone.

The schema and its migrations are in :mod:`voice_coach.schema`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voice_coach import locations, locks
from voice_coach.errors import CorruptDatabase, StoreError
from voice_coach.schema import (
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    SET_ASIDE_COMMAND,
    Migration,
    _is_corruption,
    _numbered,
    _unreadable,
    _unused,
    set_aside_database,
)

if TYPE_CHECKING:
    # The attempts' model brings the scorer's flag codes: imported by the methods that
    # read or finish an attempt, not by opening the store before the first frame.
    from voice_coach.attempts import Attempt, Specifics, Status
    from voice_coach.questions import Question
    from voice_coach.scoring import Score

__all__ = [
    "DB_NAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SET_ASIDE_COMMAND",
    "Migration",
    "SessionRow",
    "Store",
    "set_aside_database",
]

MOCK_KIND = "mock"
"""The kind of session a whole mock interview is saved as (voice_coach.mock)."""
SESSION_KINDS = ("practice", "weak", "struggled", MOCK_KIND)
_KIND_BY_SET = {"weak-answers": "weak", "struggled": "struggled", "mock-interview": "mock"}
"""The built-in review sets (voice_coach.review.WEAK and STRUGGLED) and the kind of session
they make; review imports the store, so the names are repeated here (a test keeps them equal)."""


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
    """Attempts finished (answered, skipped or recovered); one being recorded is not yet."""
    flagged: int
    """Answers that need work (:attr:`Outcome.NEEDS_WORK`, the one rule)."""
    kind: str = "practice"
    """"practice", a review ("weak": spaced repetition, "struggled": marked questions), or
    "mock": a whole mock interview (voice_coach.mock)."""
    skipped: int = 0
    """Questions passed over without a word: neither weak nor good."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "set": self.set_name,
            "title": self.set_title,
            "answers": self.answers,
            "flagged": self.flagged,
            "needs_work": self.flagged,
            "skipped": self.skipped,
            "kind": self.kind,
        }


class Store:
    """The database and audio folder under one data directory."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or locations.data_dir()
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = self.root / DB_NAME
        self.audio_root = self.root / "audio"
        self.backup: Path | None = None
        """Where the database was copied before this open upgraded its schema, if it did."""
        fresh = not self.path.exists()
        self._lock = threading.RLock()
        self._owned: dict[int, locks.Held] = {}
        """Attempts this process is recording, each with the lock that says so."""
        try:
            old_umask = os.umask(0o077)
            try:
                self._db = sqlite3.connect(str(self.path), check_same_thread=False)
            finally:
                os.umask(old_umask)
        except sqlite3.Error as exc:
            raise _unreadable(self.path, exc) from None
        try:
            self._open()
        except sqlite3.Error as exc:
            self._db.close()
            raise _unreadable(self.path, exc) from None
        except BaseException:
            self._db.close()
            raise
        if fresh:
            os.chmod(self.path, 0o600)

    def _open(self) -> None:
        """Check, back up and upgrade, in that order: nothing is written to a database
        this code cannot read or that a newer version wrote."""
        self._db.row_factory = sqlite3.Row
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer voice-coach (schema {version}, this one "
                f"reads up to {SCHEMA_VERSION}); nothing was changed. Upgrade voice-coach."
            )
        problems = [r[0] for r in self._db.execute("PRAGMA quick_check(3)").fetchall()]
        if problems != ["ok"]:
            raise CorruptDatabase(
                f"the sessions database {self.path} is damaged ({'; '.join(problems)}); "
                f"nothing was changed. To keep it aside and start a fresh one: "
                f"{SET_ASIDE_COMMAND}",
                self.path,
            )
        has_tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if version < SCHEMA_VERSION and has_tables:
            self.backup = self._back_up(version)
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA foreign_keys = ON")
        for step in MIGRATIONS:
            if step.version > version:
                self._migrate(step)

    def _back_up(self, version: int) -> Path:
        """A consistent copy through SQLite's backup API, private like the original."""
        base = f"{DB_NAME}.v{version}"
        target = _unused(_numbered(self.root / f"{base}.bak", base + ".{n}.bak"))
        old_umask = os.umask(0o077)
        try:
            copy = sqlite3.connect(str(target))
            try:
                self._db.backup(copy)
            finally:
                copy.close()
        finally:
            os.umask(old_umask)
        os.chmod(target, 0o600)
        return target

    def _migrate(self, step: Migration) -> None:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have upgraded while this one waited for the lock.
            if db.execute("PRAGMA user_version").fetchone()[0] >= step.version:
                db.rollback()
                return
            for statement in step.statements:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {step.version}")
            db.commit()
        except sqlite3.Error as exc:
            db.rollback()
            kept = f"; a copy was kept at {self.backup}" if self.backup else ""
            raise StoreError(
                f"cannot upgrade {self.path} to schema {step.version} ({exc}); it was left as "
                f"it was{kept}"
            ) from None
        except BaseException:
            db.rollback()
            raise

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        for attempt_id in list(self._owned):
            self.release(attempt_id)
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # One connection serves the UI thread and the workers: one of them at a time.
        try:
            with self._lock, self._db:
                yield self._db
        except sqlite3.DatabaseError as exc:
            if _is_corruption(exc):
                raise _unreadable(self.path, exc) from None
            raise StoreError(f"cannot write to {self.path} ({exc})") from None

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """For modules that keep their own tables here (the story bank): the same one writer
        at a time, and the same worded errors, as the store's own writes."""
        return self._write()

    def rows(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """A read for those modules, with an unreadable database reported as the store does."""
        return self._query(sql, params)

    def create_session(self, set_name: str, set_title: str, kind: str | None = None) -> int:
        """A new session; its kind follows from the set unless given."""
        kind = kind or _KIND_BY_SET.get(set_name, "practice")
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO sessions (started_at, set_name, set_title, kind) VALUES (?, ?, ?, ?)",
                (_now(), set_name, set_title, kind),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def finish_session(self, session_id: int) -> None:
        with self._write() as db:
            db.execute("UPDATE sessions SET finished_at = ? WHERE id = ?", (_now(), session_id))

    def start_attempt(self, session_id: int, question: Question) -> tuple[int, Path]:
        """A row for an answer about to be recorded, and where its audio goes.

        The question is saved whole, as asked, so an answer recovered after a crash is
        judged as its question needed (a follow-up, a closing question, a set since
        edited), and history shows what it expected.

        The audio file is created and locked before the row is committed, so no other
        instance ever sees this attempt without its owner's lock on it (see ``locks``).
        """
        held: locks.Held | None = None
        try:
            with self._write() as db:
                cur = db.execute(
                    "INSERT INTO attempts (session_id, question_id, question_text, question_json,"
                    " created_at, status, outcome) VALUES (?, ?, ?, ?, ?, 'recording',"
                    " 'recording')",
                    (
                        session_id,
                        question.id,
                        question.text,
                        question.model_dump_json(exclude_defaults=True),
                        _now(),
                    ),
                )
                attempt_id = cur.lastrowid
                assert attempt_id is not None
                # Ids restart after a database is set aside, but its recordings stay: never
                # hand out a file that already exists.
                folder = self.root / "audio" / str(session_id)
                path = _unused(_numbered(folder / f"{attempt_id}.flac", f"{attempt_id}-{{n}}.flac"))
                rel = path.relative_to(self.root)
                db.execute(
                    "UPDATE attempts SET audio_path = ? WHERE id = ?", (str(rel), attempt_id)
                )
                try:
                    folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # audio/ too
                    folder.mkdir(exist_ok=True, mode=0o700)
                    held = locks.create_locked(path)
                except OSError as exc:
                    raise StoreError(
                        f"cannot create {path} for the answer ({exc.strerror or exc}); "
                        "check that the disk has room and the folder belongs to you"
                    ) from None
        except BaseException:
            if held is not None:  # the row was not saved: neither is its file
                held.path.unlink(missing_ok=True)
                held.release()
            raise
        assert held is not None
        self._owned[attempt_id] = held
        return attempt_id, path

    def owns(self, attempt_id: int) -> bool:
        """Whether this Store started that attempt and is recording (or finishing) it."""
        held = self._owned.get(attempt_id)
        return held is not None and held.held

    def release(self, attempt_id: int) -> None:
        """Give up ownership of a live attempt left unfinished: it becomes recoverable.

        For an answer this process will not complete (the disk filled up, the database
        could not be written): another instance, or the next start, recovers it.
        """
        held = self._owned.pop(attempt_id, None)
        if held is not None:
            held.release()

    def complete_attempt(
        self,
        attempt_id: int,
        *,
        status: Status | str,
        transcript: str,
        transcript_json: dict[str, Any] | None,
        score: Score | None,
        duration_s: float | None,
        mentions: Specifics = (),
        key_terms: Specifics = (),
        end_reason: str | None = None,
        error: str | None = None,
        keep_audio: bool = True,
    ) -> Attempt:
        """Finish an attempt and read it back, as every later reader will see it.

        Its verdict is decided here, by the one rule (:func:`outcome_of`), and saved with
        it. Its ownership ends either way, so a failure leaves it recoverable.
        """
        from voice_coach.attempts import Status, outcome_of

        status = Status(status)
        outcome = outcome_of(status, score)
        saved = None
        if score is not None:
            saved = {
                **score.to_dict(),
                "cv_mentions": [{"text": t, "used": u} for t, u in mentions],
                "job_terms": [{"text": t, "used": u} for t, u in key_terms],
            }
        try:
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
                    " score_json = ?, concrete_example = ?, outcome = ?, duration_s = ?,"
                    " end_reason = ?, error = ?, scored_at = ? WHERE id = ?",
                    (
                        str(status),
                        transcript,
                        json.dumps(transcript_json) if transcript_json is not None else None,
                        json.dumps(saved) if saved is not None else None,
                        None if score is None else int(score.meets),
                        str(outcome),
                        duration_s,
                        end_reason,
                        error,
                        _now(),
                        attempt_id,
                    ),
                )
        finally:
            self.release(attempt_id)
        found = self.attempt(attempt_id)
        if found is None:
            raise StoreError(f"answer {attempt_id} is not in {self.path}: it was deleted meanwhile")
        return found

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
        try:
            with self._lock:
                return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _unreadable(self.path, exc) from None

    def struggled(self) -> list[tuple[str, str, str]]:
        """(set name, question id, question text) of every question marked, oldest first."""
        rows = self._query(
            "SELECT set_name, question_id, question_text FROM struggled ORDER BY marked_at, rowid"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    _SESSIONS = """SELECT s.*,
                      SUM(CASE WHEN a.status != 'recording' THEN 1 ELSE 0 END) AS answers,
                      SUM(CASE WHEN a.outcome = 'needs_work' THEN 1 ELSE 0 END) AS flagged,
                      SUM(CASE WHEN a.outcome = 'skipped' THEN 1 ELSE 0 END) AS skipped
               FROM sessions s LEFT JOIN attempts a ON a.session_id = s.id
               {where} GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC"""

    def sessions(self) -> list[SessionRow]:
        return [self._session(r) for r in self._query(self._SESSIONS.format(where=""))]

    def attempts(self, session_id: int) -> list[Attempt]:
        rows = self._query("SELECT * FROM attempts WHERE session_id = ? ORDER BY id", (session_id,))
        return [self._attempt(r) for r in rows]

    def session(self, session_id: int) -> SessionRow | None:
        """One session by its key: callers that go through every session (export --all)
        then take time in proportion to the sessions, not to their square."""
        rows = self._query(self._SESSIONS.format(where="WHERE s.id = ?"), (session_id,))
        return self._session(rows[0]) if rows else None

    @staticmethod
    def _session(r: sqlite3.Row) -> SessionRow:
        return SessionRow(
            r["id"],
            r["started_at"],
            r["finished_at"],
            r["set_name"],
            r["set_title"],
            r["answers"] or 0,
            r["flagged"] or 0,
            r["kind"],
            r["skipped"] or 0,
        )

    def discard_empty_attempt(self, attempt_id: int) -> bool:
        """Drop an attempt reserved for a recording that never captured a sample.

        A microphone that failed to open leaves such a row behind; recovering it at
        the next start would only announce an empty answer. An attempt with any
        audio on disk is kept: a recording is never thrown away here.
        """
        row = self.attempt(attempt_id)
        if row is None or row.status != "recording":
            return False
        if row.audio_path is not None and row.audio_path.exists():
            try:
                import soundfile

                if soundfile.info(str(row.audio_path)).frames > 0:
                    return False
            except Exception:
                if row.audio_path.stat().st_size > 1024:
                    return False  # unreadable but not empty: leave it for recovery
            row.audio_path.unlink()
        with self._write() as db:
            db.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
        self.release(attempt_id)
        return True

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

    def answer_history(self) -> list[tuple[str, Attempt]]:
        """Every scored attempt with its session's set name, oldest first."""
        rows = self._query(
            """SELECT s.set_name AS set_name, a.* FROM attempts a
               JOIN sessions s ON s.id = a.session_id
               WHERE a.status IN ('spoken', 'typed', 'recovered', 'no_speech')
               ORDER BY a.created_at, a.id"""
        )
        return [(r["set_name"], self._attempt(r)) for r in rows]

    def interrupted(self) -> list[Attempt]:
        """Attempts still marked "recording": cut short by a crash."""
        rows = self._query("SELECT * FROM attempts WHERE status = 'recording' ORDER BY id")
        return [self._attempt(r) for r in rows]

    def attempt(self, attempt_id: int) -> Attempt | None:
        rows = self._query("SELECT * FROM attempts WHERE id = ?", (attempt_id,))
        return self._attempt(rows[0]) if rows else None

    def _attempt(self, r: sqlite3.Row) -> Attempt:
        """A row as the typed attempt it was saved from; damage in one part costs only it.

        A saved score this version cannot read leaves the verdict as saved and the
        transcript, with a note instead of the score's details.
        """
        from voice_coach.attempts import (
            Attempt,
            Outcome,
            Status,
            load_score,
            load_specifics,
            outcome_of,
        )

        status = Status.parse(r["status"])
        score = None
        mentions: Specifics = ()
        key_terms: Specifics = ()
        note = r["error"]
        if r["score_json"]:
            try:
                saved = json.loads(r["score_json"])
                score = load_score(saved)
                mentions = load_specifics(saved, "cv_mentions")
                key_terms = load_specifics(saved, "job_terms")
            except (ValueError, TypeError):
                note = "; ".join(
                    x for x in (note, "the saved feedback cannot be read by this version") if x
                )
        outcome = Outcome.parse(r["outcome"]) or outcome_of(status, score)
        return Attempt(
            id=r["id"],
            session_id=r["session_id"],
            question=_question(r),
            created_at=r["created_at"],
            status=status,
            transcript=r["transcript"] or "",
            score=score,
            outcome=outcome,
            duration_s=r["duration_s"],
            audio_path=self.root / r["audio_path"] if r["audio_path"] else None,
            end_reason=r["end_reason"],
            error=note,
            mentions=mentions,
            key_terms=key_terms,
            scored_at=r["scored_at"],
        )


def _question(r: sqlite3.Row) -> Question:
    """The question as asked; rows saved before questions were kept have its id and words."""
    # Here, not at the top: the question models bring pydantic, and the store is opened
    # before the home screen is drawn, which needs neither.
    from voice_coach.questions import Question

    if r["question_json"]:
        try:
            return Question.model_validate_json(r["question_json"])
        except ValueError:
            pass
    return Question(id=r["question_id"] or "unknown", text=r["question_text"] or "(unknown)")
