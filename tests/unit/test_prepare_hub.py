"""Preparing in the app: one key on the home screen reaches every part of the advice
(the people, the CV against the job, notes of the first interview, stories, the brief),
and a set made from notes can be practised at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_review_snapshots import _app
from tests.unit.test_screens_standalone import flat, shown
from voice_coach.questions import available_sets
from voice_coach.store import Store
from voice_coach.tui.prepare import PARTS, NotesImportScreen, PrepareScreen
from voice_coach.tui.services import Services

NOTES = """\
# Notes after the first interview, 12 Nov

- Tell me about a time you had to deliver bad news to a client (I rambled, no result)
- why do you want to leave your current job?
- What do you know about our customers
  they cared a lot about the Leeds depot
Salary came up at the end, said 38-40k
"""


@pytest.mark.parametrize(("index", "screen"), list(enumerate(part for part, *_ in PARTS)))
async def test_every_part_of_preparing_opens_from_the_home_screen(index: int, screen: str) -> None:
    expected = {
        "people": "PeopleScreen",
        "cv": "PrepareCvScreen",
        "notes": "NotesImportScreen",
        "stories": "StoriesScreen",
        "brief": "BriefScreen",
    }[screen]
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        await pilot.press(*["down"] * index, "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == expected
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)


async def test_a_set_made_from_notes_is_on_the_home_list_and_practised_at_once(
    tmp_path: Path, silent_microphone: None
) -> None:
    notes = tmp_path / "first interview.md"
    notes.write_text(NOTES)
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(NotesImportScreen(app.services))
        await pilot.pause()
        await pilot.press(*str(notes))
        await pilot.press("enter")  # on to the name
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = flat(shown(app))
        assert "Saved 3 question(s) as the set first-interview" in said
        assert "first-interview" in {info.name for info in available_sets()}
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen.query_one("#question")  # the practice screen
        assert "deliver bad news to a client" in flat(shown(app))


async def test_notes_that_cannot_be_read_are_said_in_a_line_and_nothing_is_saved(
    tmp_path: Path,
) -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(NotesImportScreen(app.services))
        await pilot.pause()
        await pilot.press(*str(tmp_path / "missing.md"), "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        result = app.screen.query_one("#notes-result")
        assert result.has_class("-error")
        assert "missing.md" in flat(shown(app))
        assert "first-interview" not in {info.name for info in available_sets()}


STORY_SET = """
name = "stories"
title = "Stories"
[[questions]]
id = "proud"
text = "Walk me through something you achieved that you are proud of."
expects = ["example"]
[[questions]]
id = "faster"
text = "Tell me about a time you made a process faster and more reliable."
expects = ["example"]
"""

def _services(store: Store, *, typed: bool = False) -> Services:
    """What the screens are handed, with the store the test reads back."""
    from tests.unit.test_screens_standalone import StubTranscriber, StubVoice
    from voice_coach.config import Settings

    return Services(
        store=store,
        transcriber=StubTranscriber(),  # type: ignore[arg-type]
        voice=StubVoice(),  # type: ignore[arg-type]
        settings=Settings(speak_questions=False),
        typed=typed,
    )


TOLD = (
    "So, um, we cut the month-end close from ten days to four. Basically the close was "
    "always late and the auditors were, you know, unhappy. I map every step, I automate "
    "the bank reconciliations in SAP, and I train the team on a new checklist. Now we close "
    "in four days and the last audit had no findings."
)


async def test_a_good_story_is_banked_from_its_feedback_and_offered_for_the_next_question(
    tmp_path: Path,
) -> None:
    from tests.unit.test_screens_standalone import Bare
    from voice_coach.practice import PracticeSession
    from voice_coach.questions import parse_question_set
    from voice_coach.store import Store
    from voice_coach.story_bank import StoryBank
    from voice_coach.tui.practice import PracticeScreen

    store = Store(tmp_path / "store")
    services = _services(store, typed=True)
    screen = PracticeScreen(
        PracticeSession(parse_question_set(STORY_SET, "s.toml"), store), services
    )
    app = Bare(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Stories that fit" not in flat(shown(app))  # nothing banked yet
        screen.query_one("#typed").value = TOLD  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert "b Bank story" in shown(app).splitlines()[-1]
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (story,) = StoryBank(store).all()
        assert story.source_attempt_id == screen.session.attempts[0].id
        assert "b Bank story" not in shown(app).splitlines()[-1]  # once is enough
        await pilot.press("n")
        await pilot.pause()
        drawn = flat(shown(app))
        assert "Stories that fit this question:" in drawn and story.title in drawn


async def test_an_answer_in_history_is_banked_and_a_retelling_is_compared_with_it(
    tmp_path: Path,
) -> None:
    from tests.unit.test_screens_standalone import Bare
    from voice_coach.practice import PracticeSession
    from voice_coach.questions import parse_question_set
    from voice_coach.store import Store
    from voice_coach.story_bank import StoryBank
    from voice_coach.tui.history import SessionScreen

    store = Store(tmp_path / "store")
    services = _services(store)
    session = PracticeSession(parse_question_set(STORY_SET, "s.toml"), store)
    session.finish_typed(TOLD)
    session.next_question()
    session.finish_typed(
        "Right, so the close used to take ten days and the auditors were unhappy. I "
        "automate the bank reconciliations in SAP and I train the team on a checklist."
    )
    session.finish()
    app = Bare(SessionScreen(session.session_id, services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("b")  # the first answer, highlighted
        await app.workers.wait_for_complete()
        await pilot.pause()
        (story,) = StoryBank(store).all()
        assert any(story.title in str(n.message) for n in app._notifications)
        await pilot.press("down")
        await pilot.pause()
        from tests.helpers import rendered_text

        text = rendered_text(app.screen.query_one("#answer-detail").content)  # type: ignore[attr-defined]
        assert "story bank" in text.lower() and story.title in text
