"""``voice-coach stories``: save from a practised answer, write, edit, list for a question,
export, remove; and ``score`` noticing a banked story told again. No UI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from voice_coach.cli import main
from voice_coach.practice import PracticeSession
from voice_coach.questions import load_question_set
from voice_coach.store import Store

STORY = (
    "Um, so last year at my old company our invoicing takes like four days every month. "
    "So I, you know, I write a script that matches the delivery notes to the invoices and I "
    "train the two clerks to run it. And, yeah, invoicing dropped to one day."
)
WAFFLE = "I am a hard worker and a team player, I think."


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def practised() -> tuple[int, int]:
    """Two answers as practice saves them: (a waffle, a story)."""
    store = Store()
    session = PracticeSession(load_question_set("second-interview"), store)
    waffle = session.finish_typed(WAFFLE)
    session.next_question()
    story = session.finish_typed(STORY)
    session.finish()
    store.close()
    return waffle.id, story.id


def test_save_an_answer_then_find_it_for_a_question_and_export_it(tmp_path: Path) -> None:
    waffle, story = practised()

    code, out, err = run("stories", "save", str(waffle))
    assert code == 2 and out == ""
    assert f"answer {waffle} has no story to bank yet" in err and err.count("\n") == 1

    code, out, err = run("stories", "save", str(story))
    assert code == 0, err
    assert out.startswith("Banked story #1  Invoicing dropped to one day")
    assert "Action: I write a script that matches the delivery notes to the invoices" in out
    assert " um" not in out.lower() and "you know" not in out

    code, out, _ = run("stories", "list", "--for", "Describe a time you made a process faster.")
    assert code == 0 and out.startswith("#1  Invoicing dropped to one day")
    code, out, _ = run(
        "stories", "list", "--for", "Tell me about a time you disagreed with someone."
    )
    assert out == "None of your stories fits that question.\n"

    target = tmp_path / "stories.md"
    code, out, _ = run("stories", "export", "--out", str(target))
    assert code == 0 and out == f"1 story written to {target}\n"
    text = target.read_text()
    assert text.startswith("# My stories\n\n## Invoicing dropped to one day")
    assert "**Result:** " in text and "*Shows:*" in text
    code, _, err = run("stories", "export", "--out", str(target))
    assert code == 2 and "exists already" in err
    code, out, _ = run("stories", "export", "--format", "json")
    [saved] = json.loads(out)
    assert saved["source_attempt_id"] == story and saved["tag_words"]


def test_write_edit_and_remove_a_story() -> None:
    code, out, err = run(
        "stories", "add",
        "--situation", "Our biggest supplier put their prices up twelve percent.",
        "--action", "I got a competing quote and negotiated a two-year contract.",
        "--result", "We paid four percent more instead of twelve.",
        "--tag", "numbers and cost",
    )  # fmt: skip
    assert code == 0, err
    assert out == "Banked story #1  Paid four percent more instead of twelve  (numbers and cost)\n"

    code, out, _ = run(
        "stories", "edit", "1", "--title", "Held a price rise to four percent",
        "--tag", "conflict", "--tag", "numbers", "--supports", "Negotiation",
    )  # fmt: skip
    assert code == 0
    assert out == (
        "Saved story #1  Held a price rise to four percent  (conflict, numbers and cost)\n"
    )
    code, out, _ = run("stories", "show", "1", "--json")
    shown = json.loads(out)
    assert shown["supports"] == ["Negotiation"]
    assert shown["result"] == "We paid four percent more instead of twelve."

    for args, message in (
        (("edit", "1"), "nothing to change"),
        (("edit", "1", "--title", " "), "title: String should have at least 1 character"),
        (("add", "--title", "x"), "give at least one of --situation, --action and --result"),
        (("add", "--result", "Fine.", "--tag", "bravery"), "no tag 'bravery'; the tags are"),
        (("show", "9"), "there is no story 9"),
        (("save", "42"), "there is no answer 42"),
    ):
        code, _, err = run("stories", *args)
        assert code == 2 and message in err and err.count("\n") == 1, (args, err)

    code, out, _ = run("stories", "remove", "1", input="n\n")
    assert "Nothing removed." in out
    code, out, _ = run("stories", "remove", "1", "--yes")
    assert out == "Removed story #1.\n"
    code, out, _ = run("stories", "list")
    assert out.startswith("No stories yet.")


def test_score_says_when_an_answer_retells_a_banked_story() -> None:
    _, story = practised()
    assert run("stories", "save", str(story))[0] == 0
    again = (
        "At my old company invoicing used to take four days, so I wrote a script to match the "
        "delivery notes against the invoices, and I trained the clerks on it. It made a big "
        "difference."
    )
    code, out, _ = run("score", "--question", "Tell me about an improvement you made.",
                       "--text", again)  # fmt: skip
    assert code == 0
    bank = out.split("\nFrom your story bank:\n", 1)[1]
    assert "re-tells your banked story “Invoicing dropped to one day”" in bank
    assert "The banked result gives one day; this time you did not say it" in bank

    code, out, _ = run("score", "--text", again, "--json")
    assert json.loads(out)["story_reuse"]["title"] == "Invoicing dropped to one day"
    code, out, _ = run("score", "--text", WAFFLE, "--json")
    assert json.loads(out)["story_reuse"] is None
