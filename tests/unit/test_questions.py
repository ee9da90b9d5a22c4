"""Question-set loading: shipped sets are valid, bad files give precise errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice_coach.errors import QuestionSetError
from voice_coach.questions import (
    available_sets,
    load_question_set,
    load_question_set_file,
    parse_question_set,
)

GOOD = """
name = "mine"
title = "Mine"

[[questions]]
id = "a"
text = "Tell me about a success."
expects = ["example"]

[[questions]]
id = "b"
text = "Any questions for us?"
expects = ["asks about next steps"]
"""


def test_every_shipped_set_is_valid() -> None:
    shipped = [s for s in available_sets() if s.source == "shipped"]
    assert shipped
    for info in shipped:
        qs = load_question_set_file(info.path)
        assert len(qs.questions) >= 8, info.name


def test_good_set_parses() -> None:
    qs = parse_question_set(GOOD, "mine.toml")
    assert [q.id for q in qs.questions] == ["a", "b"]
    assert qs.questions[0].expects_example and not qs.questions[1].expects_example
    assert qs.questions[1].talking_points == ("asks about next steps",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name = ", "mine.toml: not valid TOML"),
        (GOOD.replace('title = "Mine"\n', ""), "mine.toml: title: Field required"),
        (GOOD.replace('id = "b"', 'id = "a"'), "duplicate question id 'a'"),
        (
            GOOD.replace('text = "Any questions for us?"', "text = 3"),
            "mine.toml:12: questions.1.text",
        ),
        (
            GOOD.replace('id = "b"', 'id = "b"\ncolour = "red"'),
            "mine.toml:12: questions.1.colour: unknown key",
        ),
        ('name = "x"\ntitle = "X"\nquestions = []\n', "questions"),
    ],
)
def test_bad_sets_name_file_line_and_field(text: str, expected: str) -> None:
    with pytest.raises(QuestionSetError) as info:
        parse_question_set(text, "mine.toml")
    assert expected in str(info.value)


def test_user_set_overrides_shipped(isolated_home: Path) -> None:
    folder = isolated_home / "config" / "question_sets"
    folder.mkdir(parents=True)
    (folder / "second-interview.toml").write_text(GOOD)
    info = {s.name: s for s in available_sets()}["second-interview"]
    assert info.source == "user"
    assert load_question_set("second-interview").title == "Mine"


def test_unknown_set_lists_the_available_ones() -> None:
    with pytest.raises(QuestionSetError, match=r"available: .*second-interview"):
        load_question_set("nope")
