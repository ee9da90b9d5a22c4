from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
from datetime import datetime, tzinfo
from pathlib import Path

import pytest

from voice_coach import schema
from voice_coach import store as store_module
from voice_coach.attempts import Outcome, Status, load_score, score_attempt
from voice_coach.errors import CorruptDatabase, StoreError
from voice_coach.export import session_record, to_json, to_markdown
from voice_coach.questions import Question, QuestionSet
from voice_coach.review import STRUGGLED, WEAK, schedule
from voice_coach.scoring import QuestionKind, Score, score_answer
from voice_coach.store import MIGRATIONS, SCHEMA_VERSION, Migration, Store, set_aside_database

Q1 = Question(id="q1", text="Question one?")
WEAK_ANSWER = "I always work hard."
STORY = (
    "Last year at Acme our monthly invoicing took four days. I wrote a script that matched "
    "delivery records to invoices and I trained two colleagues to run it. After that invoicing "
    "took one day and billing errors fell by 30 percent."
)
WHY = Question(
    id="why",
    text="Why do you want to work here?",
    kind=QuestionKind.MOTIVATION,
    expects=("the problem you want to solve",),
    follow_ups=("What would you change first?",),
    mentions=("Acme", "three years"),
)
WHY_SET = QuestionSet(
    name="mine", title="Mine", key_terms=("billing", "Kubernetes"), questions=(WHY,)
)
WHY_ANSWER = (
    "I want to work here because your company builds billing tools for small shops, and "
    "the problem I want to solve is slow invoicing. I have spent three years at Acme "
    "making invoicing faster, and I want to keep doing that with your team."
)
PLAN = Question(id="plan", text="What would you prioritise in your first ninety days?", kind="plan")


def timed(
    text: str, *, start: float = 2.0, pause_after: int = 10
) -> list[tuple[float, float, str]]:
    """Words with times, as the transcriber gives them: a thinking pause before the first,
    and a long pause after ``pause_after`` words."""
    words, t = [], start
    for i, word in enumerate(text.split()):
        if i == pause_after:
            t += 4.0
        words.append((round(t, 2), round(t + 0.3, 2), word))
        t += 0.4
    return words


def test_round_trip(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create_session("set", "A set")
    aid, audio = store.start_attempt(sid, Q1)
    assert audio.parent.is_dir() and audio.suffix == ".flac"
    live = store.attempt(aid)
    assert live is not None
    assert (live.status, live.outcome, live.scored_at, live.score) == (
        Status.RECORDING,
        Outcome.RECORDING,
        None,
        None,
    )
    audio.write_bytes(b"x")
    score = score_answer(WEAK_ANSWER, kind=QuestionKind.STORY, duration_s=3.5)
    store.complete_attempt(
        aid,
        status="spoken",
        transcript=WEAK_ANSWER,
        transcript_json={"text": WEAK_ANSWER},
        score=score,
        duration_s=3.5,
        end_reason="silence",
    )
    store.finish_session(sid)
    reopened = Store(tmp_path)
    (session,) = reopened.sessions()
    assert (session.answers, session.flagged, session.skipped) == (1, 1, 0)
    (attempt,) = reopened.attempts(sid)
    assert attempt.transcript == WEAK_ANSWER and attempt.duration_s == 3.5
    assert attempt.audio_path == audio and attempt.end_reason == "silence"
    assert attempt.outcome is Outcome.NEEDS_WORK and attempt.flagged and attempt.meets is False
    assert attempt.to_dict()["concrete_example"] is False


def test_an_attempt_reads_back_as_it_was_saved(tmp_path: Path) -> None:
    """The typed record round-trips: the Score the scorer made (spans, pauses, talking
    points and all), the CV specifics and key terms, the question as asked, the verdict."""
    store = Store(tmp_path)
    sid = store.create_session(WHY_SET.name, WHY_SET.title)
    aid, audio = store.start_attempt(sid, WHY)
    words = timed(WHY_ANSWER)
    score, mentions, key_terms = score_attempt(
        WHY, WHY_ANSWER, question_set=WHY_SET, words=words, duration_s=words[-1][1] + 3.0
    )
    # What makes this a searching round trip: every part of the score is filled in.
    assert score.meets and not score.concrete_example and score.kind is QuestionKind.MOTIVATION
    assert score.talking_points and score.talking_points[0].spans
    assert score.delivery.long_pauses and score.metrics.wpm and score.evidence
    assert mentions == (("Acme", True), ("three years", True))
    assert key_terms == (("billing", True), ("Kubernetes", False))

    completed = store.complete_attempt(
        aid,
        status=Status.SPOKEN,
        transcript=WHY_ANSWER,
        transcript_json={"text": WHY_ANSWER},
        score=score,
        mentions=mentions,
        key_terms=key_terms,
        duration_s=words[-1][1] + 3.0,
    )
    store.close()

    attempt = Store(tmp_path).attempt(aid)
    assert attempt == completed  # what practice shows is what history reads
    assert attempt is not None
    assert attempt.score == score
    assert (attempt.mentions, attempt.key_terms) == (mentions, key_terms)
    assert attempt.question == WHY
    assert attempt.question.question_kind is QuestionKind.MOTIVATION
    assert attempt.question.expects == ("the problem you want to solve",)
    # Judged by what its question needs, not by whether it told a story.
    assert attempt.outcome is Outcome.GOOD and attempt.meets is True and not attempt.flagged
    assert attempt.status is Status.SPOKEN and attempt.audio_path == audio
    assert attempt.scored_at is not None and attempt.error is None
    assert attempt.verdict == score.verdict
    saved = attempt.to_dict()
    assert (saved["kind"], saved["expects"], saved["outcome"]) == (
        "motivation",
        ["the problem you want to solve"],
        "good",
    )
    assert saved["score"]["cv_mentions"] == [
        {"text": "Acme", "used": True},
        {"text": "three years", "used": True},
    ]


def test_a_typed_skip_and_a_recovered_answer_have_their_own_outcomes(tmp_path: Path) -> None:
    """A skipped question is neither weak nor good; an answer without words to judge is
    not scored: neither counts as needing work."""
    store = Store(tmp_path)
    sid = store.create_session("set", "A set")
    outcomes = []
    for status, text, score in (
        (Status.TYPED, STORY, score_answer(STORY)),
        (Status.TYPED, WEAK_ANSWER, score_answer(WEAK_ANSWER)),
        (Status.NO_SPEECH, "", None),
        (Status.RECOVERED, "", None),
        (Status.INTERRUPTED, "", None),
    ):
        aid, _ = store.start_attempt(sid, Q1)
        attempt = store.complete_attempt(
            aid, status=status, transcript=text, transcript_json=None, score=score, duration_s=None
        )
        outcomes.append(attempt.outcome)
    store.start_attempt(sid, Q1)  # being recorded: not an answer yet
    assert outcomes == [
        Outcome.GOOD,
        Outcome.NEEDS_WORK,
        Outcome.SKIPPED,
        Outcome.UNSCORED,
        Outcome.UNSCORED,
    ]
    (session,) = store.sessions()
    assert (session.answers, session.flagged, session.skipped) == (5, 1, 1)
    assert session.to_dict()["needs_work"] == 1
    skipped = store.attempts(sid)[2]
    assert not skipped.flagged and skipped.meets is None and skipped.score is None
    assert skipped.verdict.startswith("No speech detected")


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
    aid, audio = store.start_attempt(sid, Q1)
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

    monkeypatch.setattr(schema, "datetime", Frozen)
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
        question = Question(id=f"q{i}", text="A question long enough to fill some pages " * 5)
        store.start_attempt(sid, question)
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

    assert store.schema_version == SCHEMA_VERSION == 4
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
    assert (weak.id, weak.kind, weak.finished_at, weak.flagged) == (2, "weak", None, 0)
    spoken = store.attempt(1)
    assert spoken is not None
    assert spoken.transcript == "I fixed it." and spoken.duration_s == 61.5
    # Version 1 kept only the story verdict; it is the verdict still, though a score that
    # small is no Score this version can show: said so, not raised.
    assert spoken.outcome is Outcome.NEEDS_WORK and spoken.flagged
    assert spoken.score is None and "cannot be read" in (spoken.error or "")
    assert spoken.question == Question(id="q1", text="Tell me about a time...")
    assert spoken.scored_at == "2024-03-01T09:01:00+00:00"
    assert spoken.audio_path == tmp_path / "audio" / "1" / "1.flac"
    recovered = store.attempt(2)
    assert recovered is not None and recovered.status == "recovered" and recovered.score is None
    assert recovered.outcome is Outcome.UNSCORED and not recovered.flagged
    assert store.struggled() == [("second-interview", "q3", "Why us?")]
    indexes = {r[0] for r in store._query("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"attempts_session", "attempts_question", "attempts_status", "attempts_outcome"} <= (
        indexes
    )

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
    monkeypatch.setattr(store_module, "MIGRATIONS", (MIGRATIONS[0], broken, *MIGRATIONS[2:]))
    with pytest.raises(StoreError, match=r"cannot upgrade .* to schema 2.*left as it was"):
        Store(tmp_path)
    assert (tmp_path / "voice_coach.db.v1.bak").exists()
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        columns = [r[1] for r in con.execute("PRAGMA table_info(sessions)")]
        assert "kind" not in columns
        assert con.execute("SELECT count(*) FROM attempts").fetchone()[0] == 2
    con.close()


# ---- schema 2 to 3: one verdict per attempt, kept as a column ---------------------------


def _v2_database(root: Path) -> Path:
    """A database as version 2 of the code wrote it: its own statements, verbatim."""
    root.mkdir(parents=True, exist_ok=True)
    db = root / "voice_coach.db"
    con = sqlite3.connect(db)
    for step in MIGRATIONS[:2]:
        assert step.version <= 2
        for statement in step.statements:
            con.execute(statement)
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()
    os.chmod(db, 0o600)
    return db


def _saved(score: Score, mentions: tuple[tuple[str, bool], ...] = ()) -> str:
    """score_json as version 2 saved it: the score's dict and the specifics used."""
    return json.dumps(
        {
            **score.to_dict(),
            "cv_mentions": [{"text": t, "used": u} for t, u in mentions],
            "job_terms": [],
        }
    )


def test_migration_from_v2_gives_every_attempt_its_one_verdict(tmp_path: Path) -> None:
    db = _v2_database(tmp_path)
    plan_score, _, _ = score_attempt(PLAN, STORY)  # a story where steps were asked for
    why_score, why_mentions, _ = score_attempt(WHY, WHY_ANSWER)  # a reason, and no story
    assert (plan_score.meets, plan_score.concrete_example) == (False, True)
    assert (why_score.meets, why_score.concrete_example) == (True, False)
    con = sqlite3.connect(db)
    con.executescript(
        """
        INSERT INTO sessions (id, started_at, finished_at, set_name, set_title) VALUES
            (1, '2024-03-01T09:00:00+00:00', '2024-03-01T09:20:00+00:00', 'mine', 'Mine'),
            (2, '2024-03-01T09:02:30+00:00', NULL, 'mine', 'Mine');
        """
    )
    rows = [
        # Saved before the one verdict, the column held the story flag: the score's own
        # meets_expectations decides, both ways.
        (1, 1, "plan", PLAN.text, "spoken", STORY, _saved(plan_score), 1),
        (2, 1, "why", WHY.text, "spoken", WHY_ANSWER, _saved(why_score, why_mentions), 0),
        (3, 2, "plan", PLAN.text, "no_speech", "", None, None),
        (4, 2, "why", WHY.text, "recording", None, None, None),
    ]
    con.executemany(
        "INSERT INTO attempts (id, session_id, question_id, question_text, status, transcript,"
        " score_json, concrete_example, created_at, duration_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
        " ?7, ?8, '2024-03-01T09:0' || ?1 || ':00+00:00', 30.0)",
        rows,
    )
    con.commit()
    con.close()

    store = Store(tmp_path)

    assert store.schema_version == SCHEMA_VERSION == 4
    assert store.backup == tmp_path / "voice_coach.db.v2.bak"
    columns = [r[1] for r in store._query("PRAGMA table_info(attempts)")]
    assert {"outcome", "question_json", "scored_at"} <= set(columns)
    weak, good, skipped, recording = (store.attempt(i) for i in (1, 2, 3, 4))
    assert weak is not None and good is not None
    assert skipped is not None and recording is not None
    assert [a.outcome for a in (weak, good, skipped, recording)] == [
        Outcome.NEEDS_WORK,
        Outcome.GOOD,
        Outcome.SKIPPED,
        Outcome.RECORDING,
    ]
    saved = {r["id"]: r["outcome"] for r in store._query("SELECT id, outcome FROM attempts")}
    assert saved == {1: "needs_work", 2: "good", 3: "skipped", 4: "recording"}
    # The saved scores read back as the Scores they were, with their specifics.
    assert weak.score == plan_score and good.score == why_score
    assert good.mentions == why_mentions and good.error is None
    assert not skipped.flagged and skipped.score is None
    assert weak.scored_at == "2024-03-01T09:01:00+00:00" and recording.scored_at is None
    # Questions saved before they were kept whole: their id and words.
    assert weak.question == Question(id="plan", text=PLAN.text)

    first, second = sorted(store.sessions(), key=lambda s: s.id)
    assert (first.answers, first.flagged, first.skipped) == (2, 1, 0)
    assert (second.answers, second.flagged, second.skipped) == (1, 0, 1)
    # The review queue reads the same verdict: only the weak answer is due.
    assert [(d.set_name, d.question_id) for d in schedule(store)] == [("mine", "plan")]
    assert [a.id for a in store.interrupted()] == [4]
    store.close()
    again = Store(tmp_path)
    assert again.backup is None and again.attempt(2) == good


def test_a_score_damaged_before_the_upgrade_does_not_stop_it(tmp_path: Path) -> None:
    """Malformed JSON in one row (SQLite's json functions raise on it) costs that row its
    score, not the upgrade: the column's verdict is kept where there is one."""
    db = _v2_database(tmp_path)
    con = sqlite3.connect(db)
    con.execute(
        "INSERT INTO sessions (id, started_at, set_name, set_title) VALUES (1, ?, 's', 'S')",
        ("2024-03-01T09:00:00+00:00",),
    )
    con.executemany(
        "INSERT INTO attempts (id, session_id, question_id, question_text, created_at, status,"
        " transcript, score_json, concrete_example) VALUES (?, 1, 'q', 'Q?',"
        " '2024-03-01T09:01:00+00:00', 'spoken', 'words', ?, ?)",
        [(1, '{"meets_expectations": tru', 0), (2, "[1, 2]", 1), (3, "{bad", None)],
    )
    con.commit()
    con.close()

    store = Store(tmp_path)

    assert store.schema_version == SCHEMA_VERSION
    outcomes = [a.outcome for a in store.attempts(1)]
    assert outcomes == [Outcome.NEEDS_WORK, Outcome.GOOD, Outcome.UNSCORED]
    assert all(a.score is None and "cannot be read" in (a.error or "") for a in store.attempts(1))
    (session,) = store.sessions()
    assert (session.answers, session.flagged, session.skipped) == (3, 1, 0)


DAMAGES = {
    "cut short": lambda saved: saved[: len(saved) // 2],
    "not an object": lambda saved: json.dumps([1, 2, 3]),
    "a string": lambda saved: json.dumps("feedback"),
    "flags of the wrong shape": lambda saved: json.dumps({**json.loads(saved), "flags": "x"}),
    "an unknown kind": lambda saved: json.dumps({**json.loads(saved), "kind": "riddle"}),
    "no metrics": lambda saved: json.dumps(
        {k: v for k, v in json.loads(saved).items() if k != "metrics"}
    ),
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_score_costs_only_the_score(tmp_path: Path, damage: str) -> None:
    store = Store(tmp_path)
    sid = store.create_session("set", "A set")
    aid, _ = store.start_attempt(sid, Q1)
    store.complete_attempt(
        aid,
        status="spoken",
        transcript=WEAK_ANSWER,
        transcript_json=None,
        score=score_answer(WEAK_ANSWER),
        duration_s=4.0,
        error="microphone stopped",
    )
    other, _ = store.start_attempt(sid, Q1)
    story = store.complete_attempt(
        other,
        status="typed",
        transcript=STORY,
        transcript_json=None,
        score=score_answer(STORY),
        duration_s=None,
    )
    (saved,) = store._query("SELECT score_json FROM attempts WHERE id = ?", (aid,))[0]
    with store._write() as db:
        db.execute(
            "UPDATE attempts SET score_json = ? WHERE id = ?",
            (DAMAGES[damage](saved), aid),
        )

    attempt = store.attempt(aid)
    assert attempt is not None
    assert attempt.score is None and attempt.mentions == () and attempt.key_terms == ()
    # The verdict saved with it stands, and so do the words; a note says what was lost,
    # after the error it already had.
    assert attempt.outcome is Outcome.NEEDS_WORK and attempt.flagged
    assert attempt.transcript == WEAK_ANSWER and attempt.duration_s == 4.0
    assert attempt.error is not None
    assert attempt.error.startswith("microphone stopped; ") and "cannot be read" in attempt.error
    # Every reader goes on: the lists, the counts, the other answer, an export.
    assert [a.id for a in store.attempts(sid)] == [aid, other]
    assert store.attempt(other) == story
    (session,) = store.sessions()
    assert (session.answers, session.flagged) == (2, 1)
    assert [a.id for _, a in store.answer_history()] == [aid, other]
    record = session_record(store, sid)
    assert record is not None
    assert "cannot be read" in to_markdown([record])
    assert json.loads(to_json([record]))[0]["attempts"][0]["score"] is None


def test_a_damaged_question_reads_back_as_its_id_and_words(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create_session("set", "A set")
    aid, _ = store.start_attempt(sid, WHY)
    with store._write() as db:
        db.execute("UPDATE attempts SET question_json = '{\"id\": 3' WHERE id = ?", (aid,))
    attempt = store.attempt(aid)
    assert attempt is not None and attempt.question == Question(id=WHY.id, text=WHY.text)


def test_a_saved_score_with_a_flag_this_version_dropped_keeps_the_rest() -> None:
    score = score_answer(WEAK_ANSWER)
    saved = score.to_dict()
    saved["flags"] = [*saved["flags"], {"code": "retired_flag", "message": "m", "advice": ""}]
    assert load_score(saved) == score


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
    empty_id, empty_audio = store.start_attempt(session_id, Question(id="q1", text="Why us?"))
    soundfile.write(str(empty_audio), np.zeros(0, dtype="float32"), 16000, format="FLAC")
    spoken_id, spoken_audio = store.start_attempt(session_id, Question(id="q2", text="Why now?"))
    soundfile.write(str(spoken_audio), np.full(1600, 0.1, dtype="float32"), 16000, format="FLAC")
    assert store.discard_empty_attempt(empty_id) is True
    assert store.attempt(empty_id) is None and not empty_audio.exists()
    assert store.discard_empty_attempt(spoken_id) is False
    assert store.attempt(spoken_id) is not None and spoken_audio.exists()
