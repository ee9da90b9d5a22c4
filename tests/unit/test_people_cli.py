"""voice-coach people: research the interviewers on the command line, and make a set of them."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from voice_coach.cli import main
from voice_coach.people import load_profile, people_dir
from voice_coach.questions import load_question_set

NOTES = Path(__file__).resolve().parents[1] / "data" / "people"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_add_list_show_edit_remove_round_trip() -> None:
    code, out, _ = run("people", "list")
    assert code == 0 and "No people yet" in out
    code, out, _ = run(
        "people", "add", "--name", "Sarah Khan", "--role", "Finance Director",
        "--relation", "panel member", "--cares-about", "month-end close, controls",
        "--cares-about", "cost", "--notes", "ex-Deloitte; very direct",
    )  # fmt: skip
    assert code == 0 and "Saved Sarah Khan as sarah-khan" in out
    code, out, _ = run("people", "list")
    assert out == (
        "sarah-khan: Sarah Khan (Finance Director, panel member); "
        "cares about month-end close, controls, cost\n"
    )
    code, out, _ = run("people", "show", "sarah-khan")
    assert code == 0
    assert "Questions Sarah Khan is likely to ask:\n  1. You'll know I care a lot about " in out
    assert "Questions you could ask Sarah Khan:\n  - How does the finance team" in out
    assert "ex-Deloitte; very direct" in out
    code, out, _ = run("people", "show", "sarah-khan", "--json")
    shown = json.loads(out)
    assert shown["relation"] == "panel" and len(shown["likely_questions"]) == 5
    assert 2 <= len(shown["questions_to_ask"]) <= 3

    code, out, _ = run("people", "edit", "sarah-khan", "--relation", "line manager")
    assert code == 0 and "Saved Sarah Khan" in out
    edited = load_profile("sarah-khan")
    assert edited.relation.label == "line manager"
    assert edited.cares_about == ("month-end close", "controls", "cost")  # untouched
    code, out, _ = run("people", "show", "sarah-khan")
    assert "What would success look like in this role after six months?" in out

    code, out, _ = run("people", "remove", "sarah-khan", input="n\n")
    assert "Nothing deleted." in out and (people_dir() / "sarah-khan.toml").exists()
    code, out, _ = run("people", "remove", "sarah-khan", "--yes")
    assert code == 0 and not (people_dir() / "sarah-khan.toml").exists()


def test_a_second_person_of_the_same_name_gets_their_own_id() -> None:
    run("people", "add", "--name", "Sam Lee")
    code, out, _ = run("people", "add", "--name", "Sam Lee", "--role", "CFO")
    assert code == 0 and "as sam-lee-2" in out
    assert load_profile("sam-lee").role == ""


def test_bad_input_is_one_clear_line() -> None:
    code, _, err = run("people", "add", "--name", "Jo", "--relation", "my aunt")
    assert code == 2 and "'my aunt': say line manager, panel, HR, team member or other" in err
    code, _, err = run("people", "add", "--name", "Jo " * 60)
    assert code == 2 and "name: String should have at most 120 characters" in err
    assert "Traceback" not in err and "validation error" not in err
    code, _, err = run("people", "show", "nobody")
    assert code == 2 and "no profile 'nobody'" in err and "Traceback" not in err
    code, _, err = run("people", "import", str(NOTES / "missing.md"))
    assert code != 0 and "missing.md" in err and "Traceback" not in err


def test_import_then_a_set_from_the_people(tmp_path: Path) -> None:
    code, out, _ = run("people", "import", str(NOTES / "acme_panel.md"))
    assert code == 0
    assert (
        "Saved Sarah Khan as sarah-khan (Finance Director, panel member); cares about "
        "month-end close, controls, cost"
    ) in out
    assert "Saved Tom Reed as tom-reed (Head of FP&A, line manager)" in out
    # Imported again after the user edited a profile: their edit is kept unless --force.
    run("people", "edit", "tom-reed", "--notes", "my own notes")
    code, out, _ = run("people", "import", str(NOTES / "acme_panel.md"))
    assert "Kept the saved profile of Tom Reed (tom-reed)" in out
    assert load_profile("tom-reed").notes == "my own notes"

    code, out, _ = run("sets", "new", "acme final", "--from-people", "sarah-khan", "Tom Reed")
    assert code == 0 and "saved as set 'acme-final'" in out
    assert "Asked by: Sarah Khan, Tom Reed" in out
    qs = load_question_set("acme-final")
    assert [i.id for i in qs.interviewers] == ["sarah-khan", "tom-reed"]
    asked = {q.interviewer for q in qs.questions}
    assert asked == {"sarah-khan", "tom-reed", None}  # and the general questions
    code, out, _ = run("sets", "new", "everyone", "--from-people")
    assert code == 0 and "Asked by: Priya, Sarah Khan, Tom Reed" in out


def test_people_named_without_from_people_is_a_usage_error() -> None:
    code, _, err = run("sets", "new", "acme", "sarah-khan")
    assert code == 2 and "--from-people" in err


def test_a_damaged_profile_is_named_and_the_list_goes_on() -> None:
    run("people", "add", "--name", "Dana Okafor", "--role", "COO")
    (people_dir() / "broken.toml").write_text("name = \n")
    code, out, err = run("people", "list")
    assert code == 0 and out.startswith("dana-okafor: Dana Okafor (COO, panel member)")
    assert "skipped" in err and "broken.toml: not valid TOML" in err


def test_edit_in_the_editor_asks_again_until_the_file_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run("people", "add", "--name", "Dana Okafor", "--role", "COO")
    drafts = iter(
        [
            'name = "Dana Okafor"\nrelation = "my aunt"\n',  # not a relation: asked again
            'name = "Dana Okafor"\nrole = "COO"\nrelation = "line manager"\n'
            'cares_about = ["stakeholders"]\n',
        ]
    )
    monkeypatch.setattr(click, "edit", lambda text, extension: next(drafts))
    code, out, err = run("people", "edit", "dana-okafor", input="y\n")
    assert code == 0, err
    assert "'my aunt' is not a relation" in err and "Saved Dana Okafor" in out
    dana = load_profile("dana-okafor")
    assert (dana.relation.label, dana.cares_about) == ("line manager", ("stakeholders",))


def test_a_set_from_someone_not_saved_names_who_is() -> None:
    run("people", "add", "--name", "Dana Okafor")
    code, _, err = run("sets", "new", "acme", "--from-people", "sarah")
    assert code == 2 and "no profile 'sarah' (profiles: dana-okafor)" in err
