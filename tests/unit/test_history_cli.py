"""show, export and delete on saved sessions, without any UI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from voice_coach.attempts import Outcome
from voice_coach.cli import main
from voice_coach.live import AnswerResult
from voice_coach.practice import PracticeSession
from voice_coach.questions import load_question_set
from voice_coach.speech.stt import Transcript
from voice_coach.store import Store

STORY = (
    "Last year at my previous company our invoicing took four days. I wrote a script "
    "and I trained the team to use it, and invoicing dropped to one day."
)


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def practise() -> int:
    session = PracticeSession(load_question_set("second-interview"), Store())
    session.finish_typed("I am a hard worker and a team player.")
    session.next_question()
    session.finish_typed(STORY)
    session.finish()
    return session.session_id


def test_show_json_and_markdown() -> None:
    sid = practise()
    code, out, _ = run("show", str(sid), "--json")
    assert code == 0
    (data,) = json.loads(out)
    assert data["id"] == sid and data["answers"] == 2 and data["flagged"] == 2
    # One verdict per answer, whatever the question needs: the second asks for a plan's
    # priorities, and a story about the past does not give them.
    assert [a["concrete_example"] for a in data["attempts"]] == [False, False]
    assert [a["outcome"] for a in data["attempts"]] == ["needs_work", "needs_work"]
    assert data["needs_work"] == 2 and data["skipped"] == 0
    assert [a["score"]["kind"] for a in data["attempts"]] == ["story", "plan"]
    code, out, _ = run("show", str(sid))
    assert code == 0 and out.startswith("# Second interview")
    assert f"> {STORY}" in out and "needs work" in out


def test_a_skipped_question_is_skipped_in_history_not_flagged() -> None:
    session = PracticeSession(load_question_set("second-interview"), Store())
    attempt_id, path = session.begin_answer()
    skipped = session.finish_spoken(
        attempt_id, AnswerResult(path, 9.0, Transcript((), 9.0), "no_speech")
    )
    assert skipped.outcome is Outcome.SKIPPED
    session.next_question()
    session.finish_typed(STORY)
    session.finish()
    code, out, _ = run("history", "--json")
    assert code == 0
    (data,) = json.loads(out)
    assert (data["answers"], data["flagged"], data["skipped"]) == (2, 1, 1)
    first, second = data["attempts"]
    assert (first["outcome"], first["needs_work"], first["concrete_example"]) == (
        "skipped",
        False,
        None,
    )
    assert first["score"] is None and first["verdict"].startswith("No speech detected")
    assert second["outcome"] == "needs_work"
    code, out, _ = run("show", str(session.session_id))
    assert code == 0 and "2 answers, 1 need work, 1 skipped." in out
    assert "skipped: no speech" in out


def test_export_to_file(tmp_path: Path) -> None:
    practise()
    practise()
    target = tmp_path / "all.json"
    code, out, _ = run("export", "--all", "--format", "json", "-o", str(target))
    assert code == 0 and "2 session(s)" in out
    assert len(json.loads(target.read_text())) == 2
    code, _, err = run("export")
    assert code == 2 and "SESSION number or --all" in err


def test_delete_asks_first() -> None:
    sid = practise()
    code, out, _ = run("delete", str(sid), input="n\n")
    assert code == 0 and "Nothing deleted" in out and Store().session(sid) is not None
    code, out, _ = run("delete", str(sid), input="y\n")
    assert code == 0 and "2 answer(s)" in out and Store().session(sid) is None
    code, _, err = run("show", str(sid))
    assert code == 2 and f"no session #{sid}" in err


def test_progress_over_sessions() -> None:
    practise()
    second = PracticeSession(load_question_set("second-interview"), Store())
    second.finish_typed(STORY)
    second.finish()
    code, out, _ = run("progress", "--json")
    assert code == 0
    first, last = json.loads(out)
    # Only example questions count: the first session had one weak example answer.
    assert first["example_share"] == 0.0 and last["example_share"] == 1.0
    assert first["answers"] == 2 and last["answers"] == 1
    assert first["wpm"] is None  # typed answers have no pace
    code, out, _ = run("progress")
    assert code == 0 and "0%" in out and "100%" in out
