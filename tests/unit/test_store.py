from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from voice_coach.errors import StoreError
from voice_coach.store import Store


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
    with pytest.raises(StoreError, match=r"cannot be read.*Move the file aside"):
        Store(tmp_path)
    assert db.read_bytes() == before
