"""Sets from notes, from researched interviewers and from a CV; the CLI around them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from voice_coach.authoring import Ids, import_notes, set_from_profiles, to_toml
from voice_coach.cli import main
from voice_coach.cv import key_terms, parse_cv, used
from voice_coach.cv_questions import cv_question_set
from voice_coach.errors import QuestionSetError
from voice_coach.people import Profile
from voice_coach.questions import load_question_set, parse_question_set

CVS = Path(__file__).resolve().parents[1] / "data" / "cvs"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "classic.md",
            [
                ("Operations Manager", "Northwind Logistics", 3),
                ("Shift Supervisor", "Contoso Retail", 2),
            ],
        ),
        (
            "plain.txt",
            [
                ("Senior Software Engineer", "Fabrikam Health", 3),
                ("Software Engineer", "Tailspin Travel", 2),
            ],
        ),
        (
            "odd_layout.txt",
            [("Charge Nurse", "St Mary's Hospital", 3), ("Staff Nurse", "Royal Infirmary", 2)],
        ),
    ],
)
def test_cv_roles_and_bullets(name: str, expected: list[tuple[str, str, int]]) -> None:
    roles = parse_cv((CVS / name).read_text())
    assert [(r.title, r.org, len(r.bullets)) for r in roles] == expected


def test_cv_set_walks_every_role_and_bullet() -> None:
    qs = cv_question_set((CVS / "classic.md").read_text())
    texts = [q.text for q in qs.questions]
    assert len(texts) == 2 + 5
    assert texts[0] == (
        "Walk me through your time at Northwind Logistics as Operations Manager. "
        "What did you achieve there?"
    )
    errors = next(q for q in qs.questions if "picking errors" in q.text)
    assert "how did you measure it" in errors.text
    assert "35%" in errors.mentions
    assert all(q.expects_example for q in qs.questions)
    # The education section is not a role.
    assert not any("Leeds" in t for t in texts)


def test_wrapped_bullets_are_joined() -> None:
    (charge, _) = parse_cv((CVS / "odd_layout.txt").read_text())
    assert "shortened average stays by 1.5 days" in charge.bullets[1]


def test_answer_checked_against_cv_specifics() -> None:
    mentions = ("35%", "Northwind", "£40k")
    spoken = "at northwind i redesigned the slotting and errors fell by thirty five percent"
    assert used(spoken, mentions) == [("35%", True), ("Northwind", True), ("£40k", False)]


def test_job_key_terms() -> None:
    job = (
        "We are hiring an operations manager. You will own warehouse safety and cut picking "
        "errors. Warehouse safety is our first value; picking errors cost us money. "
        "Stakeholder management with retail partners. Stakeholder management matters."
    )
    terms = key_terms(job)
    assert {"warehouse safety", "picking errors", "stakeholder management"} <= set(terms)
    assert "errors warehouse" not in terms  # phrases never straddle sentences


def test_cv_command_saves_a_user_set(tmp_path: Path) -> None:
    job = tmp_path / "job.txt"
    job.write_text("Kubernetes migrations. Kubernetes experience. API performance. API design.")
    code, out, _ = run("cv", str(CVS / "plain.txt"), "--job", str(job))
    assert code == 0 and "saved as set 'my-cv'" in out
    qs = load_question_set("my-cv")
    assert "kubernetes" in qs.key_terms
    # Two roles and five bullets, then the skills listed that no role shows in use.
    assert len(qs.questions) == 7 + 3
    assert [q.text for q in qs.questions[7:]] == [
        f"Your CV lists {skill}. Where have you used it?"
        for skill in ("Python", "Go", "PostgreSQL")
    ]


def test_cv_without_roles_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "cv.txt"
    bad.write_text("I am a person who likes work.\n")
    code, _, err = run("cv", str(bad))
    # a CV the reader cannot use is bad input: exit 2, like every other file refused
    assert code == 2 and "no roles found in the CV" in err and "Traceback" not in err


def test_import_notes() -> None:
    notes = (
        "# Round one\n- Why do you want to leave your current job?\n"
        "- they asked about the migration\n"
        "* tell me about a time you handled a difficult stakeholder\n"
        "1. What are your salary expectations?\nInterviewer seemed keen.\n"
    )
    qs = import_notes(notes, "round-one")
    assert [q.text for q in qs.questions] == [
        "Why do you want to leave your current job?",
        "Tell me about a time you handled a difficult stakeholder.",
        "What are your salary expectations?",
    ]
    assert qs.questions[1].expects_example and not qs.questions[0].expects_example
    assert parse_question_set(to_toml(qs), "round-one.toml") == qs


def test_import_notes_without_questions() -> None:
    with pytest.raises(QuestionSetError, match="no questions found"):
        import_notes("just some thoughts\n", "x")


def test_sets_import_command(tmp_path: Path) -> None:
    notes = tmp_path / "First Interview.md"
    notes.write_text("- What motivates you?\n- How do you handle pressure?\n")
    code, out, _ = run("sets", "import", str(notes))
    assert code == 0 and "set 'first-interview'" in out
    code, out, _ = run("sets", "show", "first-interview", "--json")
    assert [q["text"] for q in json.loads(out)["questions"]] == [
        "What motivates you?",
        "How do you handle pressure?",
    ]
    code, _, err = run("sets", "import", str(notes))
    assert code == 1 and "exists already" in err


def test_imported_asides_are_saved_as_notes_and_shown_apart(tmp_path: Path) -> None:
    """The reported case: a note in the notes file was read aloud as part of the question."""
    notes = tmp_path / "acme.md"
    notes.write_text(
        "- What is your experience with SAP S/4HANA? (I waffled - I only used it for 3 months)?\n"
    )
    code, _, _ = run("sets", "import", str(notes))
    assert code == 0
    code, out, _ = run("sets", "show", "acme", "--json")
    (question,) = json.loads(out)["questions"]
    assert question["text"] == "What is your experience with SAP S/4HANA?"
    assert question["note"] == "I waffled - I only used it for 3 months"
    code, out, _ = run("sets", "show", "acme")
    assert "  1. What is your experience with SAP S/4HANA?\n" in out
    assert "your note: I waffled - I only used it for 3 months" in out


def test_set_from_profiles_fits_interests_and_takes_turns() -> None:
    people = [
        Profile(id="dana", name="Dana", role="Head of Ops", cares_about=("delivery",)),
        Profile(id="li", name="Li", role="Engineer", cares_about=("code review", "testing")),
    ]
    qs = set_from_profiles("panel-x", "Panel", people)
    assert [i.id for i in qs.interviewers] == ["dana", "li"]
    assert {q.interviewer for q in qs.questions} == {"dana", "li"}
    dana = [q.text for q in qs.questions if q.interviewer == "dana"]
    li = [q.text for q in qs.questions if q.interviewer == "li"]
    assert "delivery" in dana[0]
    assert "code review" in li[0] and any("testing" in t.lower() for t in li)


def test_sets_new_asks_about_the_interviewers() -> None:
    answers = (
        "My panel\nDana Reyes\nHead of Operations\nmy line manager\ndelivery, stakeholders\n\n"
    )
    code, out, _ = run("sets", "new", "final-round", input=answers)
    assert code == 0 and "saved as set 'final-round'" in out
    qs = load_question_set("final-round")
    assert qs.title == "My panel"
    assert qs.interviewers[0].name == "Dana Reyes"
    assert any("stakeholders" in q.text and q.interviewer == "dana-reyes" for q in qs.questions)
    # A line manager asks about the first month, whatever their title.
    assert any("first month" in q.text for q in qs.questions)


def test_sets_new_asks_again_for_a_relation_it_cannot_read() -> None:
    answers = "\nDana Reyes\n\nmy aunt\nhr\n\n\n"
    code, out, _ = run("sets", "new", "round-two", input=answers)
    assert code == 0, out
    assert "say line manager, panel, HR, team member or other" in out
    qs = load_question_set("round-two")
    assert any("leave your current job" in q.text for q in qs.questions)


def test_alike_notes_are_numbered_in_order_whatever_was_taken_before() -> None:
    ids = Ids()
    assert [ids.new(t) for t in ("Why us?", "Why us?", "why-us-2", "Why us?")] == [
        "why-us",
        "why-us-2",
        "why-us-2-2",
        "why-us-3",
    ]
