"""A set's talking points are written about the candidate; the feedback speaks to them."""

from __future__ import annotations

import pytest

from voice_coach.scoring.concepts import to_the_user


@pytest.mark.parametrize(
    ("point", "advice"),
    [
        ("focuses on winning back the client's confidence", "focus on winning back"),
        ("causes no surprises", "cause no surprises"),
        ("chooses one example", "choose one example"),
        ("discusses their goals", "discuss your goals"),
        ("says when they will respond", "say when you will respond"),
        ("is honest about their gaps", "be honest about your gaps"),
        ("has a question ready", "have a question ready"),
        ("asks about the team", "ask about the team"),
        ("thanks the interviewer", "thank the interviewer"),
        ("studies the brief", "study the brief"),
    ],
)
def test_a_third_person_point_becomes_advice(point: str, advice: str) -> None:
    assert to_the_user(point).startswith(advice)


@pytest.mark.parametrize("point", ["process over people", "honesty about gaps", "a clear answer"])
def test_a_point_that_starts_with_no_verb_is_left_as_written(point: str) -> None:
    assert to_the_user(point) == point
