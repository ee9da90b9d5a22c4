"""The practice session without any UI: order, scoring, saving, CV specifics."""

from __future__ import annotations

from pathlib import Path

from voice_coach.cv_questions import cv_question_set
from voice_coach.practice import PracticeSession
from voice_coach.questions import parse_question_set
from voice_coach.store import Store

CVS = Path(__file__).resolve().parents[1] / "data" / "cvs"

SET = """
name = "two"
title = "Two"
[[questions]]
id = "a"
text = "Tell me about a success."
expects = ["example"]
[[questions]]
id = "b"
text = "Any questions for us?"
expects = ["asks about next steps"]
"""


def test_walks_the_set_and_keeps_the_last_attempt(tmp_path: Path) -> None:
    store = Store(tmp_path)
    session = PracticeSession(parse_question_set(SET, "two.toml"), store)
    first = session.finish_typed("I am a hard worker.")
    assert first.meets is False
    redo = session.finish_typed(
        "Last year at my previous job our invoices took four days. I wrote a script and "
        "I trained the team, and invoicing dropped to one day."
    )
    assert redo.meets is True
    assert session.next_question() and session.question.id == "b"
    session.finish_typed("When will you make a decision?")
    assert not session.next_question()
    session.finish()
    assert [a.attempt_id for a in session.summary()] == [redo.attempt_id, 3]
    (row,) = store.sessions()
    assert row.answers == 3 and row.flagged == 1 and row.finished_at


def test_cv_answers_are_checked_against_the_cv(tmp_path: Path) -> None:
    job = "Warehouse safety matters. We want warehouse safety. Picking errors. Picking errors."
    qs = cv_question_set((CVS / "classic.md").read_text(), job_text=job)
    session = PracticeSession(qs, Store(tmp_path))
    session.next_question()  # "You wrote 'Cut warehouse picking errors by 35%...'"
    attempt = session.finish_typed(
        "at northwind i redesigned the slotting plan and picking errors fell by thirty five percent"
    )
    assert attempt.mentions == (("35%", True),)
    assert dict(attempt.key_terms) == {"picking errors": True, "warehouse safety": False}
    saved = Store(tmp_path).attempt(attempt.attempt_id)
    assert saved is not None and saved.score is not None
    assert saved.mentions == (("35%", True),) and saved == attempt


def test_follow_up_replaces_the_question_until_moving_on(tmp_path: Path) -> None:
    session = PracticeSession(parse_question_set(SET, "two.toml"), Store(tmp_path))
    first = session.finish_typed(
        "Last year at my old job we rebuilt the billing system and it went live in March."
    )
    assert first.score is not None and first.score.probe
    session.ask_follow_up(first.score.probe)
    assert session.question.text == first.score.probe
    assert session.question.id == "a#follow-up" and session.question.expects_example
    answer = session.finish_typed("I wrote the migration scripts myself and errors fell by half.")
    saved = Store(tmp_path).attempt(answer.attempt_id)
    assert saved is not None and saved.question_text == first.score.probe
    session.redo()
    assert session.question.id == "a"
    session.ask_follow_up("Anything else?")
    assert session.next_question() and session.question.id == "b"


def test_talking_points_are_checked_for_closing_questions(tmp_path: Path) -> None:
    session = PracticeSession(parse_question_set(SET, "two.toml"), Store(tmp_path))
    session.next_question()
    missed = session.finish_typed("No, I think you covered everything, thank you.")
    assert missed.flagged and missed.meets is False
    asked = session.finish_typed("Yes: what are the next steps in the process from here?")
    assert not asked.flagged


def test_a_follow_up_is_judged_together_with_the_answer_it_follows(tmp_path: Path) -> None:
    session = PracticeSession(parse_question_set(SET, "two.toml"), Store(tmp_path))
    first = session.finish_typed(
        "Last year at my old job our invoicing took four days every month, so I wrote a script "
        "that matched the delivery records to the invoices and I trained two colleagues to run it."
    )
    assert first.meets is False and first.score is not None
    assert "no result" in first.score.missing
    session.ask_follow_up("What was the result?")
    answer = session.finish_typed("Invoicing went down to one day and billing errors fell by half.")
    assert answer.meets is True, answer.score.missing if answer.score else None
    assert answer.question.question_kind is first.question.question_kind


def test_the_same_probe_is_not_asked_twice_in_a_row(tmp_path: Path) -> None:
    session = PracticeSession(parse_question_set(SET, "two.toml"), Store(tmp_path))
    weak = "We always work hard as a team and we deliver things on time."
    first = session.finish_typed(weak)
    again = session.finish_typed(weak)
    assert first.score is not None and again.score is not None
    assert first.score.probe and again.score.probe
    assert first.score.probe != again.score.probe
