"""The brief for the day: everything the user prepared, on one page they can print.

Built from what the user saved through the app's own paths (profiles from a notes file,
the CV and job description, answers given in practice, a story banked from one), never
from hand-made records, so the brief says what the rest of the app says.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from voice_coach import preparation
from voice_coach.brief import REMOTE_CHECKLIST, REMOTE_QUESTIONS, build_brief
from voice_coach.cli import main
from voice_coach.people import save_profile
from voice_coach.people_notes import parse_people_notes
from voice_coach.practice import PracticeSession
from voice_coach.questions import Question, QuestionSet
from voice_coach.store import Store
from voice_coach.stories import stories_for
from voice_coach.story_bank import StoryBank

DATA = Path(__file__).resolve().parents[1] / "data"

PROUD = Question(id="proud", text="Walk me through something you achieved that you are proud of.")
FIRST_MONTHS = Question(
    id="first-months", text="What would you concentrate on during your first three months?"
)
LATER = "Tell me about a time you made a process faster and more reliable."

SPOKEN_STORY = (
    "So, um, we cut the month-end close from ten days to four. Basically the close was "
    "always late and the auditors were, you know, unhappy. I map every step, I automate "
    "the bank reconciliations in SAP, and I train the team on a new checklist. Now we close "
    "in four days and the last audit had no findings."
)
WEAK = "I think I'm a hard worker and, um, I get on with people."


@pytest.fixture
def prepared(tmp_path: Path) -> Store:
    """A user who did what the advice says: researched three people, saved a CV and the
    job, practised two questions, and banked the good answer as a story."""
    for person in parse_people_notes((DATA / "people" / "acme_panel.md").read_text(), "notes"):
        save_profile(person)
    preparation.save_document("cv", DATA / "cvs" / "finance_ops.md")
    preparation.save_document("job", DATA / "jobs" / "finance_ops.md")
    store = Store(tmp_path / "store")
    session = PracticeSession(
        QuestionSet(name="mine", title="Mine", questions=(PROUD, FIRST_MONTHS)), store
    )
    good = session.finish_typed(SPOKEN_STORY)
    StoryBank(store).save_from(good)
    session.next_question()
    session.finish_typed(WEAK)
    session.finish()
    return store


def test_a_story_saved_from_an_answer_is_offered_later_and_the_brief_lists_it(
    prepared: Store,
) -> None:
    (story,) = StoryBank(prepared).all()
    offered = stories_for(LATER, [story])
    assert offered and offered[0][0].id == story.id
    assert not stories_for("Tell me about a time you disagreed with your manager.", [story])
    text = build_brief(prepared, today=date(2026, 12, 3)).markdown()
    stories_part = text.split("## Your best stories")[1].split("\n## ")[0]
    assert f"### {story.title}" in stories_part
    assert "Result:" in stories_part and "ten days to four" in stories_part
    month_end = next(line for line in text.splitlines() if "month-end close to tight" in line)
    assert story.title in month_end  # the requirement it proves names it


def test_each_interviewer_comes_with_what_they_may_ask_and_what_to_ask_them(
    prepared: Store,
) -> None:
    text = build_brief(prepared).markdown()
    people = text.split("## Who interviews you")[1].split("## The job")[0]
    for name in ("Sarah Khan", "Tom Reed", "Priya"):
        section = people.split(f"### {name}")[1].split("### ")[0]
        assert "May ask:" in section
        asks = [line for line in section.splitlines() if line.startswith("- **Ask:**")]
        assert 2 <= len(asks) <= 3
        assert all(line.rstrip().endswith("?") for line in asks)
    # Notes written over several lines read as separate remarks, not one run-on line.
    assert "Background: ex-Deloitte audit" in people and "2021; gave a talk" in people


def test_the_weakest_requirements_say_how_the_cv_shows_them(prepared: Store) -> None:
    text = build_brief(prepared).markdown()
    sap = next(line for line in text.splitlines() if "SAP S/4HANA" in line and "**" in line)
    assert "thin evidence on your CV (basic)" in sap and "essential" in sap
    assert "no evidence on your CV" in text


def test_a_question_answered_weakly_is_there_with_the_answer_and_what_it_lacked(
    prepared: Store,
) -> None:
    text = build_brief(prepared).markdown()
    hard = text.split("## Questions you found hard")[1].split("## The close")[0]
    assert f"### {FIRST_MONTHS.text}" in hard
    assert "Your last answer:" in hard and "hard worker" in hard
    assert "Still to add:" in hard
    assert PROUD.text not in hard  # answered well, never weak


def test_the_close_follows_the_advice_and_a_video_call_adds_its_checklist(
    prepared: Store,
) -> None:
    in_person = build_brief(prepared).markdown()
    close = in_person.split("## The close")[1]
    assert "when they expect to make a decision" in close
    assert "ask for time" in close and "say when you will reply" in close
    assert "Before the video call" not in in_person
    remote = build_brief(prepared, remote=True).markdown()
    assert "## Before the video call" in remote
    assert all(f"- [ ] {item}" in remote for item in REMOTE_CHECKLIST)
    assert all(question in remote for question in REMOTE_QUESTIONS)


def test_with_nothing_prepared_each_part_says_how_to_fill_it(tmp_path: Path) -> None:
    text = build_brief(Store(tmp_path / "empty")).markdown()
    assert "No interviewer profiles yet" in text
    assert "No job description saved" in text
    assert "No stories banked yet" in text
    assert "## The close" in text


def test_the_printable_page_is_the_same_brief_without_markdown_marks(prepared: Store) -> None:
    made = build_brief(prepared, remote=True)
    page = made.html()
    assert page.startswith("<!doctype html>") and "@page" in page
    assert "<h1>Interview brief" in page and "<h2>The close</h2>" in page
    words = re.sub(r"<[^>]+>", " ", page.split("<body>")[1])
    assert "**" not in words and "###" not in words
    assert "Sarah Khan" in words


def test_the_command_writes_a_private_file_and_never_over_another(
    prepared: Store, tmp_path: Path
) -> None:
    out = tmp_path / "brief.html"
    runner = CliRunner()
    result = runner.invoke(main, ["brief", "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "<h2>Who interviews you</h2>" in out.read_text()
    assert os.stat(out).st_mode & 0o777 == 0o600
    again = runner.invoke(main, ["brief", "-o", str(out)])
    assert again.exit_code == 2 and "exists already" in again.output
    assert "<h2>" in out.read_text()  # the old file is untouched
    shown = runner.invoke(main, ["brief", "--remote"])
    assert shown.exit_code == 0 and "## Before the video call" in shown.output


async def test_the_brief_screen_shows_it_and_saves_it(prepared: Store, tmp_path: Path) -> None:
    from tests.unit.test_screens_standalone import Bare, StubTranscriber, StubVoice
    from voice_coach.config import Settings
    from voice_coach.tui.brief import BriefScreen
    from voice_coach.tui.services import Services

    services = Services(
        store=prepared,
        transcriber=StubTranscriber(),  # type: ignore[arg-type]
        voice=StubVoice(),  # type: ignore[arg-type]
        settings=Settings(),
    )
    screen = BriefScreen(services)
    app = Bare(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.brief is not None and not screen.brief.remote
        footer = ""
        for _ in range(100):  # the footer's bindings are drawn after a refresh of their own
            lines = "\n".join(s.text for s in app.screen._compositor.render_strips())
            footer = lines.splitlines()[-1]
            if "^s Save" in footer:
                break
            await pilot.pause()
        assert "^s Save" in footer and "esc Back" in footer
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.brief.remote
        out = tmp_path / "day.md"
        screen.query_one("#brief-path").value = str(out)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "## Before the video call" in out.read_text()
        await pilot.press("ctrl+s")  # exists: told, and only a second press replaces it
        await pilot.pause()
        assert any("exists" in str(n.message) for n in app._notifications)
