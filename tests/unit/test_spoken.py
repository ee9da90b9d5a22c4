"""What the interviewer's voice says: the interviewer's words, never the user's notes or marks.

Seen in use: an imported note read aloud ("...S/4HANA? (I waffled - I only used it for 3
months)?") and Markdown in CV questions ("your time at Brightwell Logistics** ...").
The families below are the files people really give: notes typed after an interview,
CVs in Markdown and plain text.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from voice_coach.authoring import import_notes, to_toml
from voice_coach.cv import read_document
from voice_coach.cv_questions import cv_question_set
from voice_coach.questions import (
    Question,
    QuestionSet,
    available_sets,
    load_question_set_file,
    parse_question_set,
)
from voice_coach.speech.spoken import plain_text, split_note, spoken_text

CVS = sorted((Path(__file__).parents[1] / "data" / "cvs").iterdir())

MARKS = re.compile(r"[()\[\]{}*`_~<>#]|\]\(|https?://")
"""Nothing a voice would read as a symbol or that only makes sense on paper."""

NOTES = """\
# First round at Acme (12 March) — notes
- What is your experience with SAP S/4HANA? (I waffled - I only used it for 3 months)?
- Why do you want to leave your current job? NB: they seemed to care about notice period
  - I said "growth", too vague
- **Tell me about a time you disagreed with your manager** — I froze
- How do you prioritise competing deadlines - give me an example?
- [ ] Where do you see yourself in five years [asked by HR]
- note: ask about pay next time
- What do you know about us? -- good answer, keep it
* _How would you handle a difficult stakeholder?_ (Note to self: use the Contoso story)
1. What salary are you looking for? (they said the band is 45-50k)
2. Describe a project you led [pause] (smiles)
Interviewer seemed keen.
"""
NOTE_WORDS = (
    "waffled",
    "3 months",
    "notice period",
    "growth",
    "froze",
    "asked by HR",
    "pay next",
    "keep it",
    "Contoso",
    "45-50k",
    "pause",
    "smiles",
)
"""Words that are only in the user's notes: none may be spoken."""


def _imported() -> QuestionSet:
    return import_notes(NOTES, "acme-round-one")


def _cv_questions() -> list[Question]:
    return [q for path in CVS for q in cv_question_set(read_document(path)).questions]


def test_the_reported_note_is_kept_apart_and_the_question_ends_properly() -> None:
    question = _imported().questions[0]
    assert question.text == "What is your experience with SAP S/4HANA?"
    assert question.note == "I waffled - I only used it for 3 months"
    assert spoken_text(question.text) == "What is your experience with SAP S/4HANA?"


def test_imported_notes_become_the_interviewers_words_and_notes_beside_them() -> None:
    qs = _imported()
    assert [(q.text, q.note) for q in qs.questions] == [
        ("What is your experience with SAP S/4HANA?", "I waffled - I only used it for 3 months"),
        (
            "Why do you want to leave your current job?",
            'they seemed to care about notice period; I said "growth", too vague',
        ),
        ("Tell me about a time you disagreed with your manager.", "I froze"),
        # the dash here is the interviewer's own: the words after it are put to "you"
        ("How do you prioritise competing deadlines - give me an example?", None),
        ("Where do you see yourself in five years?", "asked by HR"),
        ("What do you know about us?", "good answer, keep it"),
        ("How would you handle a difficult stakeholder?", "use the Contoso story"),
        ("What salary are you looking for?", "they said the band is 45-50k"),
        ("Describe a project you led.", "pause; smiles"),
    ]


@pytest.mark.parametrize("question", _imported().questions, ids=lambda q: q.id)
def test_nothing_of_a_note_is_spoken(question: Question) -> None:
    said = spoken_text(question.text)
    assert said and not MARKS.search(said) and not MARKS.search(question.text)
    assert not [w for w in NOTE_WORDS if w.lower() in said.lower()]
    assert said.endswith(("?", "."))


def test_notes_survive_the_set_file_and_a_hand_written_note_loads() -> None:
    qs = _imported()
    assert parse_question_set(to_toml(qs), "acme.toml") == qs
    written = parse_question_set(
        'name = "mine"\ntitle = "Mine"\n[[questions]]\nid = "why"\n'
        'text = "Why us?"\nnote = "Mention the Leeds office"\n',
        "mine.toml",
    )
    assert written.questions[0].note == "Mention the Leeds office"


@pytest.mark.parametrize("question", _cv_questions(), ids=lambda q: q.id)
def test_cv_questions_carry_no_markdown(question: Question) -> None:
    assert not MARKS.search(question.text), question.text
    assert not MARKS.search(spoken_text(question.text))


def test_a_markdown_cv_names_its_roles_and_claims_in_words() -> None:
    qs = cv_question_set(read_document(Path(__file__).parents[1] / "data/cvs/markdown_heavy.md"))
    by_text = {q.text: q for q in qs.questions}
    assert (
        "Walk me through your time at Brightwell Logistics as Operations Lead. "
        "What did you achieve there?" in by_text
    )
    assert (
        "Walk me through your time at Harbour & Co as Warehouse Supervisor. "
        "What did you achieve there?" in by_text
    )
    cut = next(q for q in qs.questions if "late deliveries" in q.text)
    assert "You say you cut late deliveries by 28% by re-routing the night shift:" in cut.text
    assert cut.note == "see case study" and "28%" in cut.mentions
    struck = next(q for q in qs.questions if "safety briefing" in q.text)
    assert "every day" not in struck.text  # struck through in the CV: taken back
    sap = next(q for q in qs.questions if "SAP" in q.text)
    assert "S/4HANA" in spoken_text(sap.text)


def test_shipped_sets_are_said_as_written() -> None:
    for info in available_sets():
        for q in load_question_set_file(info.path).questions:
            for text in (q.text, *q.follow_ups):
                assert spoken_text(text) == text


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("[pause] So, tell me about yourself. (smiles)", "So, tell me about yourself."),
        (
            "Give an example, e.g. a deadline you missed.",
            "Give an example, for example a deadline you missed.",
        ),
        (
            "What does R&D mean to you, i.e. day to day?",
            "What does R and D mean to you, that is day to day?",
        ),
        ("Were you the manager/lead?", "Were you the manager or lead?"),
        ("How did you use CI/CD and/or TDD?", "How did you use CI CD and or TDD?"),
        ("What is your experience with SAP S/4HANA?", "What is your experience with SAP S/4HANA?"),
        ("Do you offer 24/7 support?", "Do you offer 24/7 support?"),
        ("Read [our values](https://acme.example/values) first.", "Read our values first."),
        ("## **Why** `Acme`?", "Why Acme?"),
        ("Python vs. Go, etc.", "Python versus Go, and so on."),
        ("Work w/ others or w/o help?", "Work with others or without help?"),
        ("Why leave? NB: they liked me", "Why leave?"),
        ("(they asked about salary)", ""),
    ],
)
def test_spoken_text_says_the_words_and_no_marks(written: str, said: str) -> None:
    assert spoken_text(written) == said


def test_split_note_keeps_an_interviewers_aside_after_a_dash() -> None:
    assert split_note("Tell me about a time - any time - you failed") == (
        "Tell me about a time - any time - you failed",
        None,
    )
    assert split_note("Why this company - I said culture?") == (
        "Why this company?",
        "I said culture",
    )


def test_plain_text_keeps_names_with_underscores() -> None:
    assert plain_text("Used **snake_case** in `my_module`") == "Used snake_case in my_module"


PASTED_UNITS = ["(", "[", "*", "_", "[a](", "(x - I ", "e.g. ", "a/b/"]
"""Repeated, the shapes that once made cleaning a line take time in its length squared."""


@pytest.mark.parametrize("unit", PASTED_UNITS)
def test_cleaning_a_long_line_leaves_no_marks_and_keeps_the_question(unit: str) -> None:
    """A paragraph pasted as one line, or a file that is not notes, is cleaned whole. That
    its cost grows with the line's length, not its square, is measured by
    scripts/bench_costs.py ("spoken text, pasted line"), not timed here."""
    line = unit * 20_000
    assert not set(spoken_text(line)) & set("()[]*_")
    (question,) = import_notes(f"What is this? {line}\n", "x").questions
    assert question.text.startswith("What is this?")


FRAGMENTS = (
    "What is your experience with SAP S/4HANA?",
    "Tell me about a time you led a team",
    "(I waffled",
    "- I only used it for 3 months)",
    "[pause]",
    "(smiles)",
    "**bold**",
    "_em_",
    "`code`",
    "[link](https://example.com/x)",
    "NB: they liked this",
    " - ",
    " — ",
    "e.g.",
    "R&D",
    "manager/lead",
    "?)",
    "?",
    "(",
    ")",
    "[",
    "]",
    "{aside}",
    "## ",
    "* ",
    "note: ask again",
    "and then what happened?",
    "I froze",
    "24/7",
    "~~gone~~",
    "<br>",
)


def _line(rng: random.Random) -> str:
    return " ".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 7)))


def test_whatever_a_notes_line_holds_no_mark_is_spoken() -> None:
    """Lines made of the pieces real notes have, in any order and any number."""
    rng = random.Random(13)
    for _ in range(2000):
        line = _line(rng)
        said = spoken_text(line)
        assert not MARKS.search(said), (line, said)
        assert spoken_text(said) == said, line  # cleaning twice changes nothing more
        question, note = split_note(line)
        assert not re.search(r"[()\[\]{}*`]", question), (line, question)
        assert note is None or (note.strip() == note and note), (line, note)


def test_an_imported_file_of_such_lines_speaks_no_mark() -> None:
    rng = random.Random(7)
    notes = "\n".join(f"- {_line(rng)}" for _ in range(300))
    for q in import_notes(notes, "fuzz").questions:
        assert q.text and not MARKS.search(spoken_text(q.text)), q.text
        assert not re.search(r"[()\[\]{}*`]", q.text), q.text
