"""The screens at 80x24 and 100x30: whole set descriptions, every key named in the footer
(Enter too), notices that stay with the screen they were raised on, and the user's own
note on a question shown while it is asked and where its answer is reviewed."""

from __future__ import annotations

import dataclasses

import pytest
from textual.widgets import Footer
from textual.widgets._toast import Toast

from tests.unit.test_review_snapshots import _app
from tests.unit.test_screens_standalone import Bare, World, flat, shown
from tests.unit.test_screens_standalone import world as world  # the fixture
from voice_coach.config import Settings
from voice_coach.practice import PracticeSession
from voice_coach.questions import available_sets, load_question_set_file, parse_question_set
from voice_coach.tui.history import HistoryScreen, SessionScreen
from voice_coach.tui.practice import PracticeScreen
from voice_coach.tui.screens import HomeScreen, SummaryScreen

SIZES = [(80, 24), (100, 30)]


def footer_line(app: object) -> str:
    return shown(app).splitlines()[-1]  # type: ignore[arg-type]


def assert_footer_fits(app: object) -> None:
    footer = app.screen.query_one(Footer)  # type: ignore[attr-defined]
    assert footer.max_scroll_x == 0, f"the footer is cut off: {footer_line(app)!r}"


@pytest.mark.parametrize("size", SIZES)
async def test_home_names_every_key_and_fits(size: tuple[int, int]) -> None:
    app = _app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        line = footer_line(app)
        for key in ("enter Practise", "p Prepare", "i Mock", "h History", "s Settings", "q Quit"):
            assert key in line, line
        assert "^p palette" in line
        assert_footer_fits(app)


@pytest.mark.parametrize("size", SIZES)
async def test_home_shows_each_description_whole(size: tuple[int, int]) -> None:
    app = _app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        drawn = flat(shown(app))
        assert "…" not in drawn
        first = load_question_set_file(available_sets()[0].path)
        assert first.description in drawn.replace("▎ ▊ ", "").replace(" ▎ ▊", "")


async def test_enter_on_home_practises_the_highlighted_set(silent_microphone: None) -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#question")  # the practice screen, on the second set


async def test_history_names_enter_and_enter_opens_the_session(world: World) -> None:
    app = Bare(HistoryScreen(world.services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "enter Open" in footer_line(app) and "esc Back" in footer_line(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_summary_names_enter_and_enter_goes_home(world: World) -> None:
    app = Bare(SummaryScreen(world.session, world.services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "enter/esc Home" in footer_line(app)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SummaryScreen)


def toasts(app: object) -> list[str]:
    """The notices drawn over the current screen."""
    return [str(t.render()) for t in app.screen.query(Toast)]  # type: ignore[attr-defined]


async def test_a_notice_stays_with_the_screen_it_was_raised_on() -> None:
    app = _app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("h")  # no sessions yet: the history screen says so
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert any("No sessions yet" in t for t in toasts(app))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not toasts(app), "the history screen's notice followed the user home"


async def test_a_notice_on_home_stays_under_the_palette_and_goes_with_the_screen() -> None:
    app = _app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.start_practice("no-such-set")  # said in a notice, and the home screen stays
        await pilot.pause()
        assert any("no question set named" in t for t in toasts(app))
        app.action_command_palette()  # a dialog over the home screen is not leaving it
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert any("no question set named" in t for t in toasts(app))
        await pilot.press("g")
        await pilot.pause()
        await pilot.pause()
        assert not [t for t in toasts(app) if "no question set named" in t]


NOTED = """
name = "noted"
title = "Noted"
[[questions]]
id = "sap"
text = "What is your experience with SAP S/4HANA?"
note = "I waffled - I only used it for 3 months"
expects = ["example"]
"""


async def test_the_users_note_shows_in_the_summary_and_the_session(world: World) -> None:
    session = PracticeSession(parse_question_set(NOTED, "noted.toml"), world.services.store)
    session.finish_typed("I used it for three months at Acme to run the stock counts.")
    session.finish()
    app = Bare(SummaryScreen(session, world.services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Your note: I waffled - I only used it for 3 months" in flat(shown(app))
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert "Your note: I waffled - I only used it for 3 months" in flat(shown(app))


async def test_the_users_note_shows_under_the_question_and_is_never_spoken(world: World) -> None:
    """The note is the user's, not the interviewer's: read on screen while the question is
    asked, absent from what the voice says, and gone when a question without one comes."""
    services = dataclasses.replace(world.services, settings=Settings(speak_questions=True))
    question_set = parse_question_set(NOTED + UNNOTED, "noted.toml")
    screen = PracticeScreen(PracticeSession(question_set, services.store), services)
    app = Bare(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Your note: I waffled - I only used it for 3 months" in flat(shown(app))
        await app.workers.wait_for_complete()
        said = services.voice.said  # type: ignore[attr-defined]
        assert said and all("waffled" not in text and "3 months" not in text for text in said)
        await pilot.press("ctrl+n")  # skip: the next question has no note
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Why this company?" in flat(shown(app))
        assert "Your note" not in flat(shown(app))


UNNOTED = """
[[questions]]
id = "why"
text = "Why this company?"
"""


class _CountingVoice:
    """A voice that notes when it was loaded (``spec`` loads Piper's model)."""

    def __init__(self) -> None:
        self.loaded = 0

    @property
    def spec(self) -> str:
        self.loaded += 1
        return "stub"


@pytest.mark.parametrize("speak", [True, False])
async def test_the_voice_loads_in_the_background_when_questions_are_spoken(speak: bool) -> None:
    """Loaded before the first question is put, so it starts at once; not at all when the
    user reads questions instead of hearing them."""
    from tests.unit.test_review_snapshots import FakeTranscriber
    from voice_coach.tui.app import VoiceCoachApp

    voice = _CountingVoice()
    app = VoiceCoachApp(
        settings=Settings(speak_questions=speak),
        transcriber=FakeTranscriber(),  # type: ignore[arg-type]
        voice=voice,  # type: ignore[arg-type]
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert voice.loaded == (1 if speak else 0)


@pytest.mark.parametrize(
    ("label", "read"),
    [
        ("HR", "HR"),
        ("hr", "HR"),
        ("senior", "a senior team member"),
        ("head", "the head of department"),
        ("line manager", "the line manager"),
        ("panel", "the panel"),
    ],
)
def test_who_asks_reads_as_english(label: str, read: str) -> None:
    from voice_coach.tui.practice import asker

    assert asker(label) == read
