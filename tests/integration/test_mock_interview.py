"""A whole mock interview, as a user runs it: typed through the command line, and spoken
through the virtual microphone on the screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from voice_coach.cli import main
from voice_coach.mock import MOCK_KIND, MockInterview, MockPlan, ReportCard, Section, build_plan
from voice_coach.scoring.kinds import QuestionKind
from voice_coach.store import Store

pytestmark = pytest.mark.integration

STORY = (
    "Last year our month-end reporting took four days. I rewrote the spreadsheet as a small "
    "script and trained the two analysts on it. As a result the report now takes half a day "
    "and we have had no errors since."
)
OWN_QUESTIONS = (
    "Thank you. How does the team work together day to day, and when do you expect to make "
    "a decision?"
)
OFFER_HANDLED = (
    "Thank you so much, that's wonderful news. Could I have a couple of days to think it "
    "over? I'll call you by Friday with my answer."
)


def _answer_for(kind: QuestionKind) -> str:
    if kind.spec.needs_example:
        return STORY
    if kind is QuestionKind.OFFER:
        return OFFER_HANDLED
    if kind is QuestionKind.QUESTIONS_FOR_US:
        return OWN_QUESTIONS
    return "First I would listen to everyone involved, then agree a plan with you."


def _dry_run(plan: MockPlan, store: Store) -> tuple[list[str], ReportCard]:
    """The same interview run on the domain alone: the lines a user would type (a
    follow-up comes only after a weak answer, so which lines depends on the judge)."""
    mock = MockInterview(plan, store)
    typed: list[str] = []
    question = mock.start()
    while question is not None:
        typed.append(_answer_for(question.question_kind))
        probe = mock.answered(mock.session.finish_typed(typed[-1]))
        question = mock.ask_follow_up(probe) if probe else mock.next_question()
    return typed, mock.finish()


def test_a_typed_mock_interview_on_the_command_line_is_reported_and_saved(
    tmp_path: Path,
) -> None:
    seed = 9
    plan = build_plan(seed=seed, offer=True)
    typed, expected = _dry_run(plan, Store(tmp_path / "dry-run"))
    result = CliRunner().invoke(
        main,
        ["mock", "--typed", "--seed", str(seed), "--offer", "--no-speak", "--json"],
        input="\n".join(typed) + "\n",
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    card = json.loads(result.stdout)
    # The spoken sequence went to stderr: greeting, introductions, then the questions.
    said = result.stderr
    assert said.index("Hello") < said.index("I'm ") < said.index(plan.steps[0].question.text)
    assert said.index(plan.steps[-2].question.text) < said.index(plan.steps[-1].question.text)
    assert [a["question_id"] for a in card["answers"]] == [s.question.id for s in plan.steps]
    assert [a["outcome"] for a in card["answers"]] == [str(a.outcome) for a in expected.answers]
    assert card["offer"] is True
    closing = {c["point"]: c["done"] for c in card["closing"]}
    assert closing == {
        "asked_decision": True,
        "asked_time": True,
        "said_when": True,
        "did_not_accept": True,
    }
    assert card["closing_handled"] is True
    sessions = Store().sessions()
    assert [s.kind for s in sessions] == [MOCK_KIND]
    again = CliRunner().invoke(main, ["mock", "--report", str(card["session_id"]), "--json"])
    assert json.loads(again.stdout)["closing"] == card["closing"]


def test_report_of_a_session_that_is_not_a_mock_interview_is_refused() -> None:
    result = CliRunner().invoke(main, ["mock", "--report", "99"])
    assert result.exit_code == 2
    assert "no mock interview" in result.stderr


def test_sections_of_the_plan_on_the_command_line_follow_the_options() -> None:
    result = CliRunner().invoke(
        main, ["mock", "--typed", "--seed", "4", "--remote", "--no-offer", "--no-speak"], input=""
    )
    assert result.exit_code == 0, result.stderr
    plan = build_plan(seed=4, remote=True, offer=False)
    assert plan.sections[0] is Section.REMOTE
    assert plan.steps[0].question.text in result.stdout
    assert "can you hear us" in result.stdout


async def test_a_typed_mock_interview_on_the_screen_ends_on_its_report_card(
    transcriber,  # type: ignore[no-untyped-def]
) -> None:
    from tests.helpers import rendered_text, wait_for
    from voice_coach.config import Settings
    from voice_coach.tui.app import VoiceCoachApp
    from voice_coach.tui.mock import MockScreen
    from voice_coach.tui.mock_setup import MockSetupScreen

    app = VoiceCoachApp(
        settings=Settings(speak_questions=False), typed=True, transcriber=transcriber
    )
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, MockSetupScreen), 10, "the choices")
        await pilot.press("enter")  # in person, the close left to chance
        await wait_for(pilot, lambda: isinstance(app.screen, MockScreen), 10, "mock screen")
        screen = app.screen
        assert isinstance(screen, MockScreen)
        plan = screen.interview.plan
        asked: list[str] = []
        while screen.state != "report":
            await wait_for(
                pilot, lambda: screen.state in ("typing", "report"), 10, "the answer box"
            )
            if screen.state == "report":
                break
            question = screen.interview.session.question
            asked.append(question.id)
            screen.query_one("#mock-typed").value = _answer_for(question.question_kind)
            await pilot.press("enter")
        report = screen.report
        assert report is not None
        shown = rendered_text(screen.query_one("#mock-report").content)
        assert shown.startswith("Report card")
        # Greeting and introductions first, every planned question in order, then goodbye.
        assert screen.said[0] == plan.steps[0].before[0].text
        texts = [s.question.text for s in plan.steps]
        assert [t for t in screen.said if t in texts] == texts
        assert [i for i in asked if "#" not in i] == [s.question.id for s in plan.steps]
        assert screen.said[-1] == plan.farewell[-1].text
        assert report.closing_handled
    (session,) = Store().sessions()
    assert session.kind == MOCK_KIND and session.finished_at


def _short_plan(seed: int) -> MockPlan:
    """The interview in miniature, to keep a spoken run short: the opening question (with
    the greeting and introductions), the candidate's own questions, and the offer."""
    from dataclasses import replace

    plan = build_plan(seed=seed, offer=True)
    steps = (plan.steps[0], *plan.steps[-2:])
    qs = plan.question_set.model_copy(update={"questions": tuple(s.question for s in steps)})
    return replace(plan, steps=steps, question_set=qs)


async def test_a_spoken_mock_interview_through_the_microphone(
    virtual_audio: None,
    transcriber,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    """Answers rendered with the app's own voice and played into the virtual microphone:
    recorded, transcribed and judged as in practice, in the planned order, saved as a
    mock interview whose report card reads the spoken closing."""
    from tests.helpers import play_into_mic, wait_for
    from voice_coach.config import Settings
    from voice_coach.speech.tts import Voice
    from voice_coach.tui.app import VoiceCoachApp
    from voice_coach.tui.mock import MockScreen
    from voice_coach.tui.screens import HomeScreen

    plan = _short_plan(seed=9)
    settings = Settings(speak_questions=False, end_silence_s=1.5, initial_silence_s=30.0)
    voice = Voice(settings.voice, settings.speech_rate, settings.output_device)
    rendered = {
        kind: voice.synthesize(_answer_for(kind))
        for kind in {s.question.question_kind for s in plan.steps}
    }
    app = VoiceCoachApp(settings=settings, transcriber=transcriber)
    async with app.run_test(size=(110, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), 10, "the home screen")
        screen = MockScreen(MockInterview(plan, app.services.store), app.services)
        await app.push_screen(screen)
        answered: list[str] = []
        while screen.state != "report":
            await wait_for(
                pilot, lambda: screen.state in ("listening", "report"), 60, "the microphone"
            )
            if screen.state == "report":
                break
            question = screen.interview.session.question
            player = play_into_mic(rendered[question.question_kind])
            turn = screen.turn
            await wait_for(
                pilot,
                lambda t=turn: screen.turn != t or screen.state == "report",
                90,
                "the answer to end",
            )
            player.wait()
            answered.append(question.id)
        report = screen.report
        assert report is not None
    assert [i for i in answered if "#" not in i] == [s.question.id for s in plan.steps]
    store = Store()
    (session,) = store.sessions()
    assert session.kind == MOCK_KIND
    attempts = store.attempts(session.id)
    assert attempts and all(str(a.status) == "spoken" for a in attempts)
    assert [a.question_id for a in report.answers] == [s.question.id for s in plan.steps]
    closing = {c.point: c.done for c in report.closing}
    assert all(closing.values()), (closing, [a.transcript for a in attempts])


def _one_question_a_part() -> None:
    """The user's own copies of the line-manager, panel and time-to-shine sets (a user's
    set overrides the shipped one of its name), each down to one question: a general one
    from the line manager and the panel, a story for time to shine. The interview drawn
    then has every kind of step a whole one has (greeting and introductions, a hand-over
    into each part, short answers and a long story, the candidate's own questions, an
    offer and the farewell) in five answers instead of eight."""
    from voice_coach.authoring import save_user_set
    from voice_coach.questions import load_question_set

    for name, kind in (
        ("line-manager", QuestionKind.GENERAL),
        ("panel", QuestionKind.GENERAL),
        ("time-to-shine", QuestionKind.STORY),
    ):
        full = load_question_set(name)
        kept = next(q for q in full.questions if q.question_kind is kind)
        save_user_set(full.model_copy(update={"questions": (kept,)}), overwrite=True)


def test_a_spoken_mock_interview_on_the_command_line(
    virtual_audio: None, isolated_home: Path, tmp_path: Path
) -> None:
    """`voice-coach mock` without --typed: each answer played into the virtual microphone
    once the command says it is listening, then the report card from what was heard.
    Sat with one question a part (see ``_one_question_a_part``): every step once is what
    the command line adds to the interview the screen test sits."""
    import os
    import subprocess
    import sys

    from tests.helpers import play_into_mic
    from voice_coach.config import Settings
    from voice_coach.speech.tts import Voice

    config = isolated_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text("end_silence_s = 1.5\ninitial_silence_s = 30.0\n")
    _one_question_a_part()
    seed = 9
    plan = build_plan(seed=seed, offer=True)
    assert [s.section for s in plan.steps] == [
        Section.LINE_MANAGER,
        Section.PANEL,
        Section.TIME_TO_SHINE,
        Section.YOUR_QUESTIONS,
        Section.CLOSING,
    ]
    settings = Settings()
    voice = Voice(settings.voice, settings.speech_rate, settings.output_device)
    texts = {s.question.text: s.question.question_kind for s in plan.steps}
    rendered = {kind: voice.synthesize(_answer_for(kind)) for kind in set(texts.values())}
    command = [sys.executable, "-m", "voice_coach", "mock", "--seed", str(seed), "--offer"]
    proc = subprocess.Popen(
        [*command, "--no-speak", "--json"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stderr is not None and proc.stdout is not None
    kind = None
    asked: list[str] = []
    for line in proc.stderr:
        if line.startswith("[question"):
            text = line.split(": ", 1)[1].strip()
            asked.append(text)
            kind = texts[text]
        elif line.startswith("  Listening on") and kind is not None:
            play_into_mic(rendered[kind]).wait()
    card = json.loads(proc.stdout.read())
    assert proc.wait(timeout=60) == 0
    assert asked == [s.question.text for s in plan.steps]
    assert [a["question_id"] for a in card["answers"]] == [s.question.id for s in plan.steps]
    store = Store()
    (session,) = store.sessions()
    assert session.kind == MOCK_KIND
    assert all(str(a.status) == "spoken" for a in store.attempts(session.id))
    closing = {c["point"]: c["done"] for c in card["closing"]}
    assert all(closing.values()), closing


async def test_the_home_list_opens_a_mock_interview(transcriber) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import wait_for
    from voice_coach.config import Settings
    from voice_coach.tui.app import VoiceCoachApp
    from voice_coach.tui.mock import MockScreen
    from voice_coach.tui.mock_setup import MockSetupScreen

    app = VoiceCoachApp(
        settings=Settings(speak_questions=False), typed=True, transcriber=transcriber
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("end", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MockSetupScreen), 10, "the choices")
        await pilot.press("down", "space", "enter")  # a video call
        await wait_for(pilot, lambda: isinstance(app.screen, MockScreen), 10, "mock screen")
        assert app.screen.interview.plan.remote  # type: ignore[attr-defined]
        await pilot.press("escape")  # leaving early still saves the interview
        await wait_for(pilot, lambda: not isinstance(app.screen, MockScreen), 10, "home")
    (session,) = Store().sessions()
    assert session.kind == MOCK_KIND and session.finished_at
