"""Question-set loading: shipped sets are valid, bad files give precise errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from voice_coach.errors import QuestionSetError, QuestionSetInvalid
from voice_coach.questions import (
    available_sets,
    check_set_name,
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


PANEL = """
name = "panel"
title = "Panel"

[[interviewers]]
id = "dana"
name = "Dana"
voice = "gmw/en-gb-x-rp"

[[questions]]
id = "a"
text = "Tell me about a success."
interviewer = "dana"
"""


def test_interviewers_are_checked() -> None:
    qs = parse_question_set(PANEL, "panel.toml")
    person = qs.interviewer_of(qs.questions[0])
    assert person is not None and person.voice == "gmw/en-gb-x-rp"
    with pytest.raises(QuestionSetError, match="interviewer 'sam' is not one of"):
        parse_question_set(PANEL.replace('interviewer = "dana"', 'interviewer = "sam"'), "p.toml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name = [", "not valid TOML"),
        (GOOD.replace('title = "Mine"\n', ""), "title: Field required"),
        (GOOD.replace('text = "Any questions for us?"', "text = 3"), "questions.1.text"),
        (GOOD.replace('id = "b"', 'id = "a"'), "duplicate question id"),
        ('name = "x"\ntitle = "X"\nquestions = []\n', "questions"),
        (GOOD.replace('id = "b"', 'id = "b"\ncolour = "red"'), "colour: unknown key"),
    ],
    ids=["bad-toml", "missing-field", "wrong-type", "duplicate-id", "empty-set", "unknown-key"],
)
def test_sets_check_refuses_bad_files(tmp_path, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from voice_coach.cli import main

    good = tmp_path / "good.toml"
    good.write_text(GOOD)
    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    result = CliRunner().invoke(main, ["sets", "check", str(good), str(bad)])
    assert result.exit_code == 2
    assert f"{bad}" in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{good}: ok (2 questions)" in result.stdout


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("level = " + "9" * 5000, "mine.toml: a number is too long (over 4300 digits)"),
        ("level = " + "9" * 25, "mine.toml: a whole number of 25 digits is out of range"),
        ("level = " + "[" * 3000 + "]" * 3000, "mine.toml: nested more than 32 levels deep"),
        ("level = " + "{a = " * 100 + "1" + "}" * 100, "mine.toml: nested more than 32 levels"),
    ],
    ids=["huge-int", "int-over-64-bits", "deep-array", "deep-inline-table"],
)
def test_hostile_numbers_and_nesting_are_bad_input(extra: str, expected: str) -> None:
    with pytest.raises(QuestionSetInvalid) as info:
        parse_question_set(extra + "\n" + GOOD, "mine.toml")
    assert str(info.value).startswith(expected)
    assert info.value.exit_code == 2


def test_a_set_file_too_large_or_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_text(GOOD + "#" * (9 * 1024 * 1024))
    with pytest.raises(QuestionSetInvalid, match=r"big\.toml: larger than the 8 MB"):
        load_question_set_file(big)
    latin = tmp_path / "latin.toml"
    latin.write_bytes(GOOD.replace("Mine", "Caf\xe9").encode("latin-1"))
    with pytest.raises(QuestionSetInvalid, match=r"latin\.toml: not UTF-8 text"):
        load_question_set_file(latin)
    with pytest.raises(QuestionSetError, match="a folder, not a question-set file"):
        load_question_set_file(tmp_path)
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(QuestionSetInvalid, match=r"fifo\.toml: not a regular file"):
        load_question_set_file(fifo)  # refused, not read: reading would wait for a writer


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../../x", "it contains '/'"),
        ("/etc/passwd", "it contains '/'"),
        ("a\\b", "it contains '\\\\'"),
        ("esc\x1b[31m", "U+001B"),
        ("two\nlines", "U+000A"),
        (" lead", "it starts with ' '"),
        ("trail. ", "it ends with ' '"),
        ("tab\there", "U+0009"),
        ("nbsp\u00a0x", "U+00A0"),
        (".", "it starts with '.'"),
        ("..", "it starts with '.'"),
        (".hidden", "it starts with '.'"),
        ("-rf", "it starts with '-'"),
        ("a" * 65, "it is 65 characters long"),
        ("", "it is empty"),
        ("bidi\u202e", "U+202E"),
    ],
)
def test_unsafe_set_names_are_refused_saying_what_is_allowed(name: str, why: str) -> None:
    with pytest.raises(QuestionSetInvalid) as info:
        check_set_name(name)
    message = str(info.value)
    assert why in message
    assert "use 1-64 letters, digits, spaces, '-', '_' or '.', starting and ending with" in message
    assert message.isprintable()  # the name is shown escaped, never raw


@pytest.mark.parametrize(
    "name", ["acme", "acme-2nd_round.v2", "Acme final round", "été-2025", "面试", "a" * 64]
)
def test_ordinary_set_names_pass(name: str) -> None:
    assert check_set_name(name) == name


def test_a_set_file_with_an_unsafe_name_is_invalid() -> None:
    with pytest.raises(QuestionSetInvalid, match=r"mine\.toml:2: name: not allowed"):
        parse_question_set(GOOD.replace('name = "mine"', 'name = "../x"'), "mine.toml")
