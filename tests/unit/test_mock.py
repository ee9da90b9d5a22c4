"""The mock interview: its plan (what is said, by whom, in which order) and its report card."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from voice_coach.attempts import Outcome
from voice_coach.mock import (
    LEAD,
    ClosingPoint,
    MockInterview,
    MockPlan,
    ReportCard,
    Section,
    build_plan,
    report_for_session,
    section_of,
)
from voice_coach.questions import Question, QuestionSet, load_question_set
from voice_coach.scoring.kinds import QuestionKind
from voice_coach.store import MOCK_KIND, Store
from voice_coach.tui.mock_setup import MockChoice, MockSetupScreen

STORY = (
    "Last year our month-end reporting took four days. I rewrote the spreadsheet as a small "
    "script and trained the two analysts on it. As a result the report now takes half a day "
    "and we have had no errors since."
)
PLAN = (
    "First I would find out what matters most to the client, then agree the priority with "
    "you, and tell the people who have to wait when they can expect their work."
)
OWN_QUESTIONS = (
    "Thank you. How does the team work together day to day, what would success look like in "
    "the first six months, and when do you expect to make a decision?"
)
NO_QUESTIONS = "No, I think you have covered everything, thank you."
OFFER_HANDLED = (
    "Thank you so much, that's wonderful news. Could I have a couple of days to think it "
    "over? I'll call you by Friday with my answer."
)
OFFER_ACCEPTED = "Yes! I accept, thank you. When can I start?"


def _cv_loader(name: str) -> QuestionSet:
    if name == "my-cv":
        return QuestionSet(
            name="my-cv",
            title="My CV",
            questions=(
                Question(
                    id="cut-costs",
                    text="You wrote 'Cut costs by 20%'. How did you do it?",
                    expects=("example",),
                    mentions=("20%",),
                ),
            ),
        )
    return load_question_set(name)


def _answer_for(question: Question, *, closing_right: bool) -> str:
    kind = question.question_kind
    if kind.spec.needs_example:
        return STORY
    if kind is QuestionKind.OFFER:
        return OFFER_HANDLED if closing_right else OFFER_ACCEPTED
    if kind in (QuestionKind.QUESTIONS_FOR_US, QuestionKind.REMOTE_ENVIRONMENT):
        return OWN_QUESTIONS if closing_right else NO_QUESTIONS
    return PLAN


def _run(
    plan: MockPlan, store: Store, *, closing_right: bool
) -> tuple[MockInterview, ReportCard, list[str]]:
    """A whole interview with typed answers; returns what was asked, in order."""
    mock = MockInterview(plan, store)
    asked: list[str] = []
    question: Question | None = mock.start()
    while question is not None:
        asked.append(question.id)
        attempt = mock.session.finish_typed(_answer_for(question, closing_right=closing_right))
        probe = mock.answered(attempt)
        question = mock.ask_follow_up(probe) if probe else mock.next_question()
    return mock, mock.finish(), asked


# ---- the plan ------------------------------------------------------------------------


def test_an_interview_opens_with_a_greeting_and_every_interviewer_introducing_themselves() -> None:
    plan = build_plan(seed=3, offer=False)
    opening = plan.steps[0].before
    assert opening[0].speaker == LEAD
    assert opening[0].text.startswith("Hello")
    introduced = [line.speaker for line in opening[1:] if line.text.startswith("I'm ")]
    assert introduced[0] == LEAD
    assert set(introduced) == {i.id for i in plan.question_set.interviewers}
    for person in plan.question_set.interviewers:
        said = next(
            line.text for line in opening if line.speaker == person.id and "I'm" in line.text
        )
        assert person.name in said


def test_questions_come_by_section_then_own_questions_then_the_closing() -> None:
    plan = build_plan(seed=11, offer=True, cv_set="my-cv", load=_cv_loader)
    assert plan.sections == (
        Section.LINE_MANAGER,
        Section.PANEL,
        Section.TIME_TO_SHINE,
        Section.CV,
        Section.YOUR_QUESTIONS,
        Section.CLOSING,
    )
    kinds = [s.question.question_kind for s in plan.steps]
    assert kinds[-1] is QuestionKind.OFFER
    assert kinds[-2] is QuestionKind.QUESTIONS_FOR_US
    shine = [s for s in plan.steps if s.section is Section.TIME_TO_SHINE]
    assert len(shine) >= 2 and all(s.question.question_kind.spec.needs_example for s in shine)
    assert all(section_of(s.question.id) is s.section for s in plan.steps)


def test_every_line_before_a_question_is_said_by_the_interviewer_who_asks_it() -> None:
    plan = build_plan(seed=5, remote=True, offer=True)
    ids = {i.id for i in plan.question_set.interviewers}
    for n, step in enumerate(plan.steps):
        assert step.question.interviewer in ids
        if n == 0:
            continue
        assert [line.speaker for line in step.before] == [step.question.interviewer]
        if step.section is not plan.steps[n - 1].section and step.section is not Section.CLOSING:
            assert step.before[0].text.startswith("Thank you. Let's move on to")


def test_the_same_seed_gives_the_same_interview() -> None:
    first, again = build_plan(seed=42), build_plan(seed=42)
    assert first.steps == again.steps
    assert first.farewell == again.farewell
    others = {tuple(s.question.id for s in build_plan(seed=n).steps) for n in range(1, 8)}
    assert len(others) > 1


def test_a_remote_part_only_in_a_video_interview() -> None:
    for seed in range(1, 6):
        remote = build_plan(seed=seed, remote=True)
        in_person = build_plan(seed=seed, remote=False)
        assert remote.sections[0] is Section.REMOTE
        assert "can you hear us" in remote.steps[0].before[0].text
        assert any(
            s.question.question_kind is QuestionKind.REMOTE_ENVIRONMENT for s in remote.steps
        )
        assert Section.REMOTE not in in_person.sections
        assert not any(
            s.question.question_kind is QuestionKind.REMOTE_ENVIRONMENT for s in in_person.steps
        )


def test_the_closing_holds_an_offer_on_the_spot_or_we_will_be_in_touch() -> None:
    offered = build_plan(seed=1, offer=True)
    assert offered.steps[-1].section is Section.CLOSING
    assert "in touch" not in " ".join(line.text for line in offered.farewell)
    not_offered = build_plan(seed=1, offer=False)
    assert Section.CLOSING not in not_offered.sections
    assert "We'll be in touch" in not_offered.farewell[0].text
    left_to_chance = {build_plan(seed=n).offer for n in range(1, 30)}
    assert left_to_chance == {True, False}


def test_no_cv_part_without_a_cv_set() -> None:
    assert Section.CV not in build_plan(seed=2).sections


# ---- the interview and its report card -----------------------------------------------


def test_closing_handled_as_the_advice_says(tmp_path: Path) -> None:
    store = Store(tmp_path)
    plan = build_plan(seed=9, offer=True, remote=True)
    mock, report, asked = _run(plan, store, closing_right=True)
    assert [i for i in asked if "#" not in i] == [s.question.id for s in plan.steps]
    assert report.closing_handled
    assert {c.point for c in report.closing} == set(ClosingPoint)
    assert [a.section for a in report.answers] == [s.section for s in plan.steps]
    assert all(a.outcome is Outcome.GOOD for a in report.answers if a.section is Section.CLOSING)
    assert "handled as the advice says" in report.text()
    session = store.session(mock.session.session_id)
    assert session is not None and session.kind == MOCK_KIND and session.finished_at


def test_accepting_on_the_spot_and_asking_nothing_is_reported(tmp_path: Path) -> None:
    store = Store(tmp_path)
    plan = build_plan(seed=9, offer=True)
    _, report, _ = _run(plan, store, closing_right=False)
    done = {c.point: c.done for c in report.closing}
    assert done == {
        ClosingPoint.ASKED_DECISION: False,
        ClosingPoint.ASKED_TIME: False,
        ClosingPoint.SAID_WHEN: False,
        ClosingPoint.DID_NOT_ACCEPT: False,
    }
    assert not report.closing_handled
    weak = {a.question for a in report.practise}
    assert plan.steps[-1].question.text in weak  # the offer, by name
    text = report.text()
    assert "Practise again:" in text and plan.steps[-1].question.text in text
    assert ClosingPoint.ASKED_TIME.advice in text


def test_without_an_offer_the_closing_is_asking_when_they_decide(tmp_path: Path) -> None:
    _, report, _ = _run(build_plan(seed=4, offer=False), Store(tmp_path), closing_right=True)
    assert [c.point for c in report.closing] == [ClosingPoint.ASKED_DECISION]
    assert report.closing_handled


def test_one_follow_up_at_most_when_an_answer_misses_something(tmp_path: Path) -> None:
    plan = build_plan(seed=9, offer=False)
    mock = MockInterview(plan, Store(tmp_path))
    mock.start()
    first = mock.session.finish_typed("I'm not sure.")
    assert first.outcome is Outcome.NEEDS_WORK
    probe = mock.answered(first)
    assert probe
    follow = mock.ask_follow_up(probe)
    assert follow.text == probe and mock.lines_before == ()
    again = mock.session.finish_typed("Still not sure.")
    assert mock.answered(again) is None  # a follow-up is never followed up
    mock.next_question()
    good = mock.session.finish_typed(_answer_for(mock.session.question, closing_right=True))
    if good.outcome is Outcome.GOOD:
        assert mock.answered(good) is None


def test_a_saved_mock_interview_reads_back_as_the_same_report(tmp_path: Path) -> None:
    store = Store(tmp_path)
    mock, report, _ = _run(build_plan(seed=9, offer=True), store, closing_right=False)
    again = report_for_session(store, mock.session.session_id)
    assert [(a.question_id, a.outcome) for a in again.answers] == [
        (a.question_id, a.outcome) for a in report.answers
    ]
    assert again.closing == report.closing and again.offer
    assert report.to_dict()["closing_handled"] is False


@pytest.mark.parametrize("question_id", ["ordinary-week", "panel-only"])
def test_ids_without_a_section_have_none(question_id: str) -> None:
    assert section_of(question_id) is None


class _FakeClock:
    """A clock the test moves by hand: the interview's and the answer's times are then
    the test's own numbers, never the machine's speed."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_clocks_run_from_the_greeting_and_from_each_question(tmp_path: Path) -> None:
    clock = _FakeClock()
    mock = MockInterview(build_plan(seed=2, offer=False), Store(tmp_path), clock=clock)
    question = mock.start()
    clock.now += 30  # the greeting, the introductions, the question read aloud
    mock.question_said()
    clock.now += 45
    ended = mock.now()
    attempt = mock.session.finish_typed(_answer_for(question, closing_right=True))
    clock.now += 5  # judging the answer is not the candidate's time
    mock.answered(attempt, ended_at=ended)
    assert mock.answer_seconds[attempt.id] == 45
    assert mock.elapsed_s == 80
    report = mock.finish()
    clock.now += 100
    assert report.total_s == 80 and mock.elapsed_s == 80
    assert report.answers[0].seconds == 45


def test_a_skipped_question_is_not_weak_and_the_interview_goes_on(tmp_path: Path) -> None:
    plan = build_plan(seed=2, offer=False)
    mock = MockInterview(plan, Store(tmp_path))
    mock.start()
    following = mock.skip()
    assert following is not None and following.id == plan.steps[1].question.id
    assert mock.lines_before == plan.steps[1].before
    report = mock.report()
    assert report.practise == () and report.answers == ()


def test_show_and_export_of_a_mock_interview_carry_its_report_card(tmp_path: Path) -> None:
    """`show ID`, `export` and the JSON all hold what the user sat the interview for."""
    from voice_coach.export import session_record, to_json, to_markdown

    store = Store(tmp_path)
    mock, report, _ = _run(build_plan(seed=9, offer=True), store, closing_right=False)
    record = session_record(store, mock.session.session_id)
    assert record is not None and record.report is not None
    markdown = to_markdown([record])
    assert "## Report card" in markdown
    assert (
        "Practise again:" in markdown
        and "The closing (an offer on the spot): not handled yet" in markdown
    )
    assert "the interview took" in markdown  # read back from when it started and ended
    card = json.loads(to_json([record]))[0]["report_card"]
    assert card["closing_handled"] is False and card["practise"] == [
        a.question for a in report.practise
    ]
    practice = store.create_session("standard", "Standard")
    plain = session_record(store, practice)
    assert plain is not None and plain.report is None
    assert "Report card" not in to_markdown([plain])


async def test_a_mock_interview_in_history_opens_its_report_card(tmp_path: Path) -> None:
    from tests.unit.test_screens_standalone import Bare, flat, shown
    from voice_coach.config import Settings
    from voice_coach.tui.history import ReportCardScreen, SessionScreen
    from voice_coach.tui.services import Services

    store = Store(tmp_path)
    mock, _, _ = _run(build_plan(seed=9, offer=True), store, closing_right=True)
    services = Services(store=store, transcriber=None, voice=None, settings=Settings())  # type: ignore[arg-type]
    app = Bare(SessionScreen(mock.session.session_id, services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "r Report card" in shown(app).splitlines()[-1]
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReportCardScreen)
        assert "Report card (the interview took" in flat(shown(app))
        assert "handled as the advice says" in app.screen.text  # further down: it scrolls
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
    practice = store.create_session("standard", "Standard")
    app = Bare(SessionScreen(practice, services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Report card" not in shown(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([], MockChoice()),
        (["down", "space", "tab", "down", "space", "tab", "4", "2"], MockChoice(True, True, 42)),
        (["tab", "down", "down", "space"], MockChoice(False, False, None)),
    ],
)
async def test_the_user_chooses_how_the_interview_is_held_before_it_starts(
    keys: list[str], expected: MockChoice
) -> None:
    """In person or a video call, an offer or "we'll be in touch", and a number to sit the
    same interview again: chosen with the keys the dialog names, started with enter."""
    from textual.app import App

    chosen: list[MockChoice | None] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(MockSetupScreen(), chosen.append)

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys, "enter")
        await pilot.pause()
    assert chosen == [expected]
    plan = build_plan(seed=expected.seed, remote=expected.remote, offer=expected.offer)
    if expected.offer is not None:
        assert plan.offer is expected.offer
    assert (Section.REMOTE in plan.sections) is expected.remote


async def test_escape_leaves_the_choices_without_an_interview() -> None:
    from textual.app import App

    chosen: list[MockChoice | None] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(MockSetupScreen(), chosen.append)

    async with Host().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert chosen == [None]


def test_an_interview_left_early_is_reported_for_what_happened(tmp_path: Path) -> None:
    """Left before a word: no "every answer did what it needed", no close marked down."""
    store = Store(tmp_path)
    mock = MockInterview(build_plan(seed=9, offer=True), store)
    mock.start()
    empty = mock.finish()
    assert not empty.closing_reached and not empty.closing_handled
    text = empty.text()
    assert "ended before any question was answered" in text
    assert "Nothing to practise again" not in text and "✘" not in text
    assert "The closing: not reached" in text
    mock = MockInterview(build_plan(seed=9, offer=True), store)
    mock.start()
    mock.answered(mock.session.finish_typed(STORY))
    one = mock.finish()
    assert "1 of 1 answers did what the question needed." in one.text() or one.practise
    assert "The closing: not reached" in one.text()
    again = report_for_session(store, mock.session.session_id)
    assert not again.closing_reached and "The closing: not reached" in again.text()


@pytest.mark.parametrize(
    ("role", "said"),
    [
        ("Team Manager", "I'm Sam Lee, the team manager."),
        ("HR Partner", "I'm Sam Lee, the HR partner."),
        ("CFO", "I'm Sam Lee, the CFO."),
        ("", "I'm Sam Lee."),
    ],
)
def test_interviewers_introduce_their_role_as_people_say_it(role: str, said: str) -> None:
    from voice_coach.mock import _introduction
    from voice_coach.questions import Interviewer

    assert _introduction(Interviewer(id="s", name="Sam Lee", role=role)) == said
