"""The people screen at 80x24: see each person's likely questions and what to ask them,
add, edit and delete a profile, and make a practice set from the people chosen."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from tests.unit.test_screens_standalone import (
    SIZE,
    Bare,
    StubTranscriber,
    StubVoice,
    assert_tables_fit,
    flat,
    shown,
)
from voice_coach.config import Settings
from voice_coach.people import (
    Profile,
    Relation,
    load_profile,
    load_profiles,
    people_dir,
    save_profile,
)
from voice_coach.questions import load_question_set
from voice_coach.store import Store
from voice_coach.tui.people import PeopleScreen, PeopleSetSaved, ProfileForm, SetName
from voice_coach.tui.services import Services

SARAH = Profile(
    id="sarah-khan",
    name="Sarah Khan",
    role="Finance Director",
    cares_about=("month-end close", "controls"),
    notes="ex-Deloitte [/b] audit",  # markup-like text is shown as written
)
TOM = Profile(id="tom-reed", name="Tom Reed", role="Head of FP&A", relation=Relation.LINE_MANAGER)


def plain(renderable: object) -> str:
    """What a detail pane holds, as text, all of it (the screen shows what fits)."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


async def settled(app: App[None], pilot: Pilot[None]) -> None:
    """After the keys: the profiles read again in their worker, and the screen redrawn."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


class Kept(Bare):
    def on_people_set_saved(self, message: PeopleSetSaved) -> None:
        self.received.append(message)


@pytest.fixture
def services(tmp_path: Path) -> Services:
    return Services(
        store=Store(tmp_path / "store"),
        transcriber=StubTranscriber(),  # type: ignore[arg-type]
        voice=StubVoice(),  # type: ignore[arg-type]
        settings=Settings(speak_questions=False),
        typed=True,
    )


async def test_each_person_shows_their_questions_and_what_to_ask_them(services: Services) -> None:
    save_profile(SARAH)
    save_profile(TOM)
    (people_dir() / "broken.toml").write_text("name = ")
    app = Kept(PeopleScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        text = flat(shown(app))
        assert "Sarah Khan" in text and "Tom Reed" in text
        assert "Likely to ask" in text and "You'll know I care a lot about month-end" in text
        assert "ex-Deloitte [/b] audit" in text
        assert "enter Edit" in text and "a Add" in text and "m Make set" in text
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("broken.toml" in w for w in warnings)
        assert_tables_fit(app)
        await pilot.press("down")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        detail = plain(screen.query_one("#person-detail", Static).content)
        assert "What would success look like in this role after six months?" in detail
        assert "Sarah" not in detail


async def test_add_then_edit_a_profile_in_the_form(services: Services) -> None:
    app = Kept(PeopleScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        assert "No one yet" in " ".join(n.message for n in app._notifications)
        await pilot.press("a")
        await settled(app, pilot)
        form = app.screen
        assert isinstance(form, ProfileForm)
        await pilot.press("ctrl+s")  # no name yet: refused, and said why
        await settled(app, pilot)
        assert "A name, please" in flat(shown(app))
        form.query_one("#profile-name", Input).value = "Priya Shah"
        form.query_one("#profile-role", Input).value = "Talent Partner"
        form.query_one("#profile-relation", Select).value = Relation.HR
        form.query_one("#profile-cares", Input).value = "values, notice period"
        form.query_one("#profile-notes", TextArea).text = "Runs the grad scheme"
        await pilot.press("ctrl+s")
        await settled(app, pilot)
        assert isinstance(app.screen, PeopleScreen)
        priya = load_profile("priya-shah")
        assert priya.relation is Relation.HR
        assert priya.cares_about == ("values", "notice period")
        assert priya.notes == "Runs the grad scheme"
        text = flat(shown(app))
        assert "What are the next steps, and when do you expect to make a decision?" in text

        await pilot.press("enter")
        await settled(app, pilot)
        form = app.screen
        assert isinstance(form, ProfileForm)
        assert form.query_one("#profile-name", Input).value == "Priya Shah"
        form.query_one("#profile-role", Input).value = "Head of People"
        await pilot.press("ctrl+s")
        await settled(app, pilot)
        assert [p.role for p in load_profiles()] == ["Head of People"]  # the same file

        await pilot.press("escape")  # the screen's own escape: back
        await settled(app, pilot)
        assert not isinstance(app.screen, PeopleScreen)


async def test_delete_asks_first(services: Services) -> None:
    save_profile(SARAH)
    app = Kept(PeopleScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("d")
        await settled(app, pilot)
        assert "Delete Sarah Khan's profile and your notes on them?" in flat(shown(app))
        await pilot.press("n")
        await settled(app, pilot)
        assert load_profiles() == [SARAH]
        await pilot.press("d", "y")
        await settled(app, pilot)
        assert load_profiles() == []
        assert "Add the people who will interview you" in flat(shown(app))


async def test_a_practice_set_from_the_people_chosen(services: Services) -> None:
    save_profile(SARAH)
    save_profile(TOM)
    app = Kept(PeopleScreen(services))
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("down", "space", "m")  # Tom alone
        await settled(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, SetName)
        assert "questions Tom Reed will likely ask" in flat(shown(app))
        name = dialog.query_one("#set-name", Input)
        assert name.value == "interview-tom"
        name.value = "../escape"
        await pilot.press("enter")
        await settled(app, pilot)
        assert "That name is not allowed" in flat(shown(app))
        name.value = "acme final"
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, PeopleScreen)
        qs = load_question_set("acme final")
        assert [i.id for i in qs.interviewers] == ["tom-reed"]
        assert qs.title == "Interview with Tom Reed"
        assert [m.set_name for m in app.received if isinstance(m, PeopleSetSaved)] == ["acme final"]
        assert any("Saved" in n.message and "acme final" in n.message for n in app._notifications)

        await pilot.press("space", "m")  # none chosen now: everyone; the name is taken
        await settled(app, pilot)
        app.screen.query_one("#set-name", Input).value = "acme final"
        await pilot.press("enter")
        await settled(app, pilot)
        assert "You have a set of that name already" in flat(shown(app))
        app.screen.query_one("#set-name", Input).value = "acme everyone"
        await pilot.press("enter")
        await settled(app, pilot)
        everyone = load_question_set("acme everyone")
        assert [i.id for i in everyone.interviewers] == ["sarah-khan", "tom-reed"]
        assert everyone.title == "Interview with Sarah Khan and Tom Reed"


async def test_people_come_from_the_research_notes_and_edits_are_kept(
    services: Services, tmp_path: Path
) -> None:
    """Notes read in the app save everyone in them; someone already saved (and perhaps
    edited) is kept as they are; a file that cannot be read is said, nothing is lost."""
    save_profile(SARAH)
    notes = Path(__file__).resolve().parents[1] / "data" / "people" / "acme_panel.md"
    app = Bare(PeopleScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        assert "i Import" in shown(app).splitlines()[-1]
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*str(notes), "enter")
        await settled(app, pilot)
        names = {p.name for p in load_profiles()}
        assert {"Sarah Khan", "Tom Reed", "Priya"} <= names
        assert load_profile("sarah-khan") == SARAH  # kept as the user saved it
        assert "Tom Reed" in shown(app)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*str(tmp_path / "nowhere.md"), "enter")
        await settled(app, pilot)
        assert any("nowhere.md" in str(n.message) for n in app._notifications)
        assert {p.name for p in load_profiles()} == names
