from __future__ import annotations

import os
import re
import sqlite3
import stat
from datetime import datetime, tzinfo
from pathlib import Path

import pytest

from voice_coach import store as store_module
from voice_coach.errors import CorruptDatabase, StoreError
from voice_coach.review import STRUGGLED, WEAK
from voice_coach.store import MIGRATIONS, SCHEMA_VERSION, Migration, Store, set_aside_database


def test_round_trip(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create_session("set", "A set")
    aid, audio = store.start_attempt(sid, "q1", "Question one?")
    assert audio.parent.is_dir() and audio.suffix == ".flac"
    assert store.attempt(aid).status == "recording"  # type: ignore[union-attr]
    audio.write_bytes(b"x")
    store.complete_attempt(
        aid,
        status="spoken",
        transcript="hello",
        transcript_json={"text": "hello"},
        score={"concrete_example": False},
        concrete_example=False,
        duration_s=3.5,
        end_reason="silence",
    )
    store.finish_session(sid)
    reopened = Store(tmp_path)
    (session,) = reopened.sessions()
    assert (session.answers, session.flagged) == (1, 1)
    (attempt,) = reopened.attempts(sid)
    assert attempt.transcript == "hello" and attempt.duration_s == 3.5
    assert attempt.audio_path == audio and attempt.concrete_example is False


def test_database_is_private(tmp_path: Path) -> None:
    store = Store(tmp_path)
    mode = stat.S_IMODE(os.stat(store.path).st_mode)
    assert mode & 0o077 == 0


def test_corrupt_database_is_a_clear_error_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "voice_coach.db"
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    with pytest.raises(CorruptDatabase, match=r"cannot be read.*voice-coach db set-aside") as err:
        Store(tmp_path)
    assert err.value.path == db
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["voice_coach.db"]


def test_set_aside_keeps_the_bytes_and_a_fresh_store_starts(tmp_path: Path) -> None:
    db = tmp_path / "voice_coach.db"
    garbage = b"this is not a database" * 100
    db.write_bytes(garbage)
    (tmp_path / "voice_coach.db-wal").write_bytes(b"wal bytes")
    recording = tmp_path / "audio" / "1" / "1.flac"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"an old answer")

    aside = set_aside_database(tmp_path)

    assert re.fullmatch(r"voice_coach\.db\.corrupt-\d{8}-\d{6}", aside.name)
    assert aside.read_bytes() == garbage
    assert Path(f"{aside}-wal").read_bytes() == b"wal bytes"
    assert not db.exists() and not (tmp_path / "voice_coach.db-wal").exists()
    store = Store(tmp_path)
    sid = store.create_session("set", "A set")
    aid, audio = store.start_attempt(sid, "q1", "Question one?")
    # The new database reuses ids 1 and 1, but the old recording is not handed out again.
    assert (sid, aid) == (1, 1) and audio != recording
    assert recording.read_bytes() == b"an old answer"
    assert store.attempt(aid).audio_path == audio  # type: ignore[union-attr]


def test_set_aside_twice_in_one_second_overwrites_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Frozen:
            return cls(2024, 5, 6, 7, 8, 9)

    monkeypatch.setattr(store_module, "datetime", Frozen)
    db = tmp_path / "voice_coach.db"
    db.write_bytes(b"first")
    first = set_aside_database(tmp_path)
    db.write_bytes(b"second")
    second = set_aside_database(tmp_path)
    assert first.name == "voice_coach.db.corrupt-20240506-070809"
    assert second != first
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")


def test_set_aside_without_a_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="nothing to set aside"):
        set_aside_database(tmp_path)


def test_damaged_pages_are_reported_as_corrupt(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create_session("set", "A set")
    for i in range(200):
        store.start_attempt(sid, f"q{i}", "A question long enough to fill some pages " * 5)
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(store.path.read_bytes())
    page = 4096
    data[page * 2 : page * 4] = b"\xff" * (page * 2)
    store.path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabase) as err:
        Store(tmp_path)
    assert err.value.path == store.path


def test_newer_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "voice_coach.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE future (x)")
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="newer voice-coach") as err:
        Store(tmp_path)
    assert not isinstance(err.value, CorruptDatabase)
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


V1_SCHEMA = """
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
PRAGMA user_version = 1;
"""
"""The schema as version 1 of the code wrote it, verbatim."""


def _v1_database(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    db = root / "voice_coach.db"
    con = sqlite3.connect(db)
    con.executescript(V1_SCHEMA)
    con.executescript(
        """
        INSERT INTO sessions VALUES (1, '2024-03-01T09:00:00+00:00', '2024-03-01T09:20:00+00:00',
                                     'second-interview', 'Second interview');
        INSERT INTO sessions VALUES (2, '2024-03-02T09:00:00+00:00', NULL,
                                     'weak-answers', 'Practise my weak answers');
        INSERT INTO attempts VALUES (1, 1, 'q1', 'Tell me about a time...',
            '2024-03-01T09:01:00+00:00', 'spoken', 'audio/1/1.flac', 61.5, 'I fixed it.',
            '{"text": "I fixed it."}', '{"concrete_example": false}', 0, 'silence', NULL);
        INSERT INTO attempts VALUES (2, 2, 'second-interview--q1', 'Tell me about a time...',
            '2024-03-02T09:01:00+00:00', 'recovered', 'audio/2/2.flac', 12.0, 'recovered words',
            NULL, NULL, NULL, 'interrupted', NULL);
        INSERT INTO struggled VALUES ('second-interview', 'q3', 'Why us?',
                                      '2024-03-01T09:10:00+00:00');
        """
    )
    con.commit()
    con.close()
    os.chmod(db, 0o600)
    return db


def test_migration_from_v1_keeps_the_data_and_backs_up_first(tmp_path: Path) -> None:
    _v1_database(tmp_path)

    store = Store(tmp_path)

    assert store.schema_version == SCHEMA_VERSION == 2
    backup = tmp_path / "voice_coach.db.v1.bak"
    assert store.backup == backup and backup.exists()
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    with sqlite3.connect(backup) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM attempts").fetchone()[0] == 2
        assert "kind" not in [r[1] for r in con.execute("PRAGMA table_info(sessions)")]
    con.close()

    weak, first = store.sessions()
    assert (first.id, first.kind, first.answers, first.flagged) == (1, "practice", 1, 1)
    assert (weak.id, weak.kind, weak.finished_at) == (2, "weak", None)
    spoken = store.attempt(1)
    assert spoken is not None
    assert spoken.transcript == "I fixed it." and spoken.duration_s == 61.5
    assert spoken.score == {"concrete_example": False} and spoken.concrete_example is False
    assert spoken.audio_path == tmp_path / "audio" / "1" / "1.flac"
    recovered = store.attempt(2)
    assert recovered is not None and recovered.status == "recovered" and recovered.score is None
    assert store.struggled() == [("second-interview", "q3", "Why us?")]
    indexes = {r[0] for r in store._query("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"attempts_session", "attempts_question", "attempts_status"} <= indexes

    # New rows take the new column; a second open neither migrates nor backs up again.
    assert store.sessions()[0].to_dict()["kind"] == "weak"
    store.create_session("my-set", "Mine")
    store.close()
    again = Store(tmp_path)
    newest = again.sessions()[0]
    assert again.backup is None and (newest.set_name, newest.kind) == ("my-set", "practice")
    assert [p.name for p in tmp_path.glob("*.bak")] == ["voice_coach.db.v1.bak"]


def test_an_earlier_backup_is_not_overwritten(tmp_path: Path) -> None:
    _v1_database(tmp_path)
    (tmp_path / "voice_coach.db.v1.bak").write_bytes(b"an older copy")
    store = Store(tmp_path)
    assert store.backup == tmp_path / "voice_coach.db.v1.2.bak"
    assert (tmp_path / "voice_coach.db.v1.bak").read_bytes() == b"an older copy"


def test_a_failed_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _v1_database(tmp_path)
    broken = Migration(2, "a step that fails half way", (*MIGRATIONS[1].statements, "NOT SQL"))
    monkeypatch.setattr(store_module, "MIGRATIONS", (MIGRATIONS[0], broken))
    with pytest.raises(StoreError, match=r"cannot upgrade .* to schema 2.*left as it was"):
        Store(tmp_path)
    assert (tmp_path / "voice_coach.db.v1.bak").exists()
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        columns = [r[1] for r in con.execute("PRAGMA table_info(sessions)")]
        assert "kind" not in columns
        assert con.execute("SELECT count(*) FROM attempts").fetchone()[0] == 2
    con.close()


def test_fresh_database_is_created_at_the_latest_version_without_backup(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert store.schema_version == SCHEMA_VERSION and store.backup is None
    assert not list(tmp_path.glob("*.bak"))


def test_session_kind_follows_the_review_sets() -> None:
    store = Store()
    kinds = {}
    for name in (WEAK, STRUGGLED, "hr"):
        session = store.session(store.create_session(name, name.title()))
        assert session is not None
        kinds[name] = session.kind
    assert kinds == {WEAK: "weak", STRUGGLED: "struggled", "hr": "practice"}
    explicit = store.session(store.create_session("hr", "HR", kind="struggled"))
    assert explicit is not None and explicit.kind == "struggled"


def test_cli_set_aside_asks_first_then_moves_the_file() -> None:
    from click.testing import CliRunner

    from voice_coach import locations
    from voice_coach.cli import main

    root = locations.data_dir()
    root.mkdir(parents=True, exist_ok=True)
    db = root / "voice_coach.db"
    db.write_bytes(b"not a database at all" * 50)
    runner = CliRunner()

    history = runner.invoke(main, ["history"])
    assert history.exit_code == 1 and "voice-coach db set-aside" in history.stderr

    declined = runner.invoke(main, ["db", "set-aside"], input="n\n")
    assert declined.exit_code == 0 and "Nothing moved" in declined.stdout and db.exists()

    done = runner.invoke(main, ["db", "set-aside"], input="y\n")
    assert done.exit_code == 0 and "Moved the database to" in done.stdout
    (aside,) = root.glob("voice_coach.db.corrupt-*")
    assert str(aside) in done.stdout and aside.read_bytes() == b"not a database at all" * 50
    assert runner.invoke(main, ["history"]).exit_code == 0

    Store().close()
    again = runner.invoke(main, ["db", "set-aside", "--yes"])
    assert again.exit_code == 0
    moved = sorted(p.name for p in root.glob("voice_coach.db.corrupt-*"))
    databases = [name for name in moved if not name.endswith(("-wal", "-shm"))]
    assert len(databases) == 2 and not (root / "voice_coach.db").exists()
    # Whatever -wal/-shm files the second database had went with it, under its new name.
    assert all(name.startswith(tuple(databases)) for name in moved)

    nothing = runner.invoke(main, ["db", "set-aside", "--yes"])
    assert nothing.exit_code == 2 and "nothing to set aside" in nothing.stderr


def test_discard_empty_attempt_never_drops_a_recording() -> None:
    import numpy as np
    import soundfile

    store = Store()
    session_id = store.create_session("second-interview", "Second interview")
    empty_id, empty_audio = store.start_attempt(session_id, "q1", "Why us?")
    soundfile.write(str(empty_audio), np.zeros(0, dtype="float32"), 16000, format="FLAC")
    spoken_id, spoken_audio = store.start_attempt(session_id, "q2", "Why now?")
    soundfile.write(str(spoken_audio), np.full(1600, 0.1, dtype="float32"), 16000, format="FLAC")
    assert store.discard_empty_attempt(empty_id) is True
    assert store.attempt(empty_id) is None and not empty_audio.exists()
    assert store.discard_empty_attempt(spoken_id) is False
    assert store.attempt(spoken_id) is not None and spoken_audio.exists()
