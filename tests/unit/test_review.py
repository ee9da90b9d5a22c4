"""Spaced repetition of weak answers, and the struggled set, on a real store."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from voice_coach.practice import PracticeSession
from voice_coach.questions import parse_question_set
from voice_coach.review import WEAK, schedule, struggled_set, weak_set
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
    assert weak.questions[0].expects_example


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
