"""Spaced repetition of weak answers, and the struggled set, on a real store."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from voice_coach.attempts import Outcome, Status
from voice_coach.live import AnswerResult
from voice_coach.practice import PracticeSession
from voice_coach.questions import parse_question_set
from voice_coach.review import WEAK, schedule, struggled_set, weak_set
from voice_coach.scoring import QuestionKind
from voice_coach.speech.stt import Transcript
from voice_coach.store import Store

SET = """
name = "two"
title = "Two"
[[questions]]
id = "a"
text = "Tell me about a success."
expects = ["example"]
[[questions]]
id = "b"
text = "Tell me about a failure."
expects = ["example"]
"""
GOOD = (
    "Last year at my previous job our invoices took four days. I wrote a script and "
    "I trained the team, and invoicing dropped to one day."
)
WEAK_ANSWER = "I always work hard."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path)


def session(store: Store) -> PracticeSession:
    return PracticeSession(parse_question_set(SET, "two.toml"), store)


def skip(s: PracticeSession) -> None:
    """The question is asked and nothing is said: the recording ends without a word."""
    attempt_id, path = s.begin_answer()
    attempt = s.finish_spoken(attempt_id, AnswerResult(path, 8.0, Transcript((), 8.0), "no_speech"))
    assert attempt.status is Status.NO_SPEECH and attempt.outcome is Outcome.SKIPPED


def test_weak_last_answer_is_due_today(store: Store) -> None:
    s = session(store)
    s.finish_typed(WEAK_ANSWER)  # a: weak
    s.next_question()
    s.finish_typed(GOOD)  # b: fine, never weak: not scheduled
    (due,) = schedule(store)
    assert (due.set_name, due.question_id, due.due) == ("two", "a", date.today())
    weak = weak_set(store)
    assert weak is not None and weak.name == WEAK
    assert [q.text for q in weak.questions] == ["Tell me about a success."]
    # Its set is not on disk (parsed from text here): it is judged as its words say, a story.
    assert weak.questions[0].question_kind is QuestionKind.STORY


def test_good_answers_push_the_question_back(store: Store) -> None:
    s = session(store)
    s.finish_typed(WEAK_ANSWER)
    s.finish_typed(GOOD)
    (due,) = schedule(store)
    assert due.streak == 1 and due.due == date.today() + timedelta(days=1)
    s.finish_typed(GOOD)
    (due,) = schedule(store)
    assert due.streak == 2 and due.due == date.today() + timedelta(days=2)
    assert weak_set(store) is None
    assert weak_set(store, today=date.today() + timedelta(days=2)) is not None


def test_practising_the_weak_set_counts_for_the_original_question(store: Store) -> None:
    s = session(store)
    s.finish_typed(WEAK_ANSWER)
    weak = weak_set(store)
    assert weak is not None
    again = PracticeSession(weak, store)
    again.finish_typed(GOOD)
    (due,) = schedule(store)
    assert (due.set_name, due.question_id, due.streak) == ("two", "a", 1)


def test_marked_questions_are_scheduled_and_listed(store: Store) -> None:
    store.mark_struggled("two", "b", "Tell me about a failure.")
    assert [d.question_id for d in schedule(store)] == ["b"]
    marked = struggled_set(store)
    assert marked is not None and marked.questions[0].id == "two--b"


def test_a_skipped_question_is_not_weak(store: Store) -> None:
    """Nothing said is a skip, not a weak answer: it is never due for review."""
    s = session(store)
    skip(s)  # a
    s.next_question()
    skip(s)  # b
    assert schedule(store) == [] and weak_set(store) is None
    (row,) = store.sessions()
    assert (row.answers, row.flagged, row.skipped) == (2, 0, 2)


def test_a_skip_neither_clears_nor_extends_a_streak(store: Store) -> None:
    s = session(store)
    s.finish_typed(WEAK_ANSWER)
    skip(s)
    (due,) = schedule(store)
    assert (due.question_id, due.streak, due.due) == ("a", 0, date.today())  # still weak
    s.finish_typed(GOOD)
    skip(s)
    (due,) = schedule(store)
    assert due.streak == 1 and due.due == date.today() + timedelta(days=1)  # not reset


def test_an_answer_that_could_not_be_judged_is_not_weak(store: Store) -> None:
    """A recovered answer nobody could transcribe has no verdict: not weak, not good."""
    s = session(store)
    attempt_id, _ = s.begin_answer()
    attempt = store.complete_attempt(
        attempt_id,
        status=Status.RECOVERED,
        transcript="",
        transcript_json=None,
        score=None,
        duration_s=12.0,
        end_reason="interrupted",
    )
    assert attempt.outcome is Outcome.UNSCORED
    assert schedule(store) == []


SET_NOT_ON_DISK = """
name = "gone"
title = "A set since deleted"
[[questions]]
id = "first-90"
text = "What would you prioritise in your first ninety days?"
expects = ["example"]
"""


def test_a_weak_question_whose_set_is_gone_is_asked_as_it_was_saved(store: Store) -> None:
    question_set = parse_question_set(SET_NOT_ON_DISK, "gone.toml")
    s = PracticeSession(question_set, store)
    attempt = s.finish_typed(WEAK_ANSWER)
    assert attempt.question.question_kind is QuestionKind.STORY  # the author asked for one
    assert attempt.flagged
    weak = weak_set(store)
    assert weak is not None
    (again,) = weak.questions
    assert again.expects == ("example",)
    assert again.question_kind is QuestionKind.STORY  # read from the words: a plan
