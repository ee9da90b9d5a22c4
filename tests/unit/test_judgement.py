"""The judgement on the cases users and unseen answers showed were wrong.

Each test is a pattern of speech, not one answer: minimal pairs that must be judged
alike, closing replies in several wordings, and the coaching that misfired. The
labelled data in tests/data measures the rest (see test_scorer_eval.py).
"""

from __future__ import annotations

import pytest

from voice_coach.scoring import QuestionKind, infer_kind, score_answer

ACTIONS = " I rewrote the import script and I trained two colleagues to run it."


def parts(text: str, **kwargs: object) -> dict[str, bool]:
    score = score_answer(text, **kwargs)  # type: ignore[arg-type]
    return {part: bool(score.evidence[part]) for part in ("situation", "action", "result")}


# --- Story detection: minimal pairs ------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        "the pass rate went from 62 to 89 percent",
        "the pass rate had gone from 62 to 89 percent",
        "the pass rate had risen to 89 percent",
    ],
)
def test_a_change_is_a_result_in_any_tense(change: str) -> None:
    text = f"Last year our pass rate was poor.{ACTIONS} By the summer {change}."
    assert parts(text)["result"]


@pytest.mark.parametrize(
    "when",
    ["In March", "Last March", "Back in 2021", "During the 2020 lockdown", "Early last year"],
)
def test_a_date_said_any_way_sets_the_scene(when: str) -> None:
    text = f"{when} our invoicing took four days.{ACTIONS} After that it took one day."
    assert parts(text)["situation"]


@pytest.mark.parametrize(
    "deed",
    [
        "My fix was a script that matched the records to the invoices.",
        "The new rota was drawn up by me over a weekend.",
        "What I did was write a script that matched the records.",
        "So I call the supplier and I ask for the records and I match them myself.",
    ],
)
def test_a_deed_told_without_i_and_a_past_verb_is_still_the_speakers(deed: str) -> None:
    text = f"Last March our invoicing took four days. {deed} After that it took one day."
    assert parts(text)["action"]


def test_an_outcome_told_first_is_the_result_not_the_task() -> None:
    score = score_answer(
        "Long story short, we cut customer returns by half in three months. So we had this "
        "problem where every third parcel came back, and I went through two hundred return "
        "notes myself and found most were sizing, so I rewrote the size guide and added a fit "
        "note to every product page."
    )
    assert score.meets
    told_first = score.transcript.index("we cut")
    assert any(s <= told_first < e for s, e in score.star["result"])
    assert not any(s <= told_first < e for s, e in score.star["task"])
    assert "outcome_first" in {f.code for f in score.flags}


def test_one_story_without_a_date_or_a_number_is_an_example() -> None:
    score = score_answer(
        "A customer rang in furious because her pension payment had gone to the wrong account. "
        "I stayed on the line, I phoned the payments team myself and I got them to reissue it "
        "that afternoon. She wrote to my manager to thank me, and the complaint was withdrawn."
    )
    assert score.concrete_example


@pytest.mark.parametrize(
    "told",
    [
        # present tense, fillers, no punctuation: as speech-to-text gives it
        "um so last winter our lorry jacks on an icy slip road and i set up the cones i ring the "
        "police and the office and i get the load moved onto a second truck and the customer "
        "still got their delivery that day",
        "so friday night a ticket comes through with a severe nut allergy and i stop the pass i "
        "make a fresh pesto myself in a clean blender and i walk the plate out and um they were "
        "fine they came back for their anniversary and asked for me by name",
    ],
)
def test_stories_told_in_the_present_are_examples(told: str) -> None:
    assert score_answer(told).concrete_example


@pytest.mark.parametrize(
    "general",
    [
        "Over the next year I would normally sit down with each person every month, and I "
        "always make sure the team knows the targets. I usually find that works well.",
        "Over my career I have consistently grown revenue by thirty percent year on year and "
        "I have always exceeded my targets.",
        "There was a time a customer was upset and I calmed them down and it was fine in the "
        "end, they were happy. I think it's just about staying calm really.",
    ],
)
def test_habits_track_records_and_vague_stories_are_not_examples(general: str) -> None:
    score = score_answer(general)
    assert not score.concrete_example
    assert score.missing


# --- Coaching ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "not_a_plan",
    [
        "I'd describe myself as calm. Last year I ran the Christmas rota and cut overtime by a "
        "third, and the team kept it the next year.",
        "I'd have to say the warehouse move. In March I planned it over a weekend and we "
        "opened on the Monday with no lost orders.",
    ],
)
def test_politeness_with_would_is_not_a_hypothetical(not_a_plan: str) -> None:
    assert "hypothetical" not in {f.code for f in score_answer(not_a_plan).flags}


def test_a_real_plan_instead_of_a_deed_is_a_hypothetical() -> None:
    score = score_answer(
        "I would sit down with the client, I would listen to the complaint and I would offer "
        "a refund if it was our fault, and then I would follow up in writing."
    )
    assert "hypothetical" in {f.code for f in score.flags}


# --- Closing questions: the advice the app is built on ------------------------------

OFFER = "We've been really impressed and we'd like to offer you the job today. What do you say?"


@pytest.mark.parametrize(
    "reply",
    [
        "Thank you so much... Could I have until Friday to think it over?",
        "Wow, thank you. Could I sleep on it and reply tomorrow?",
        "That's brilliant news. I'd like forty-eight hours to decide, and I'll call you on "
        "Wednesday.",
        "Thanks! Can I come back to you by Monday?",
        "cheers that's great news can i mull it over and give you a bell thursday",
        "Thank you, I'm delighted. I'd like to talk it through with my partner tonight; would it "
        "be alright if I rang you first thing tomorrow?",
        "That's fantastic, thank you. I just need to talk it over with my family tonight, and "
        "I'll ring you tomorrow before lunch.",
    ],
)
def test_a_reply_to_an_offer_that_asks_for_time_and_says_when_is_right(reply: str) -> None:
    score = score_answer(reply, question=OFFER)
    assert score.kind is QuestionKind.OFFER
    assert score.meets, score.missing
    assert "too_short" not in {f.code for f in score.flags}


@pytest.mark.parametrize(
    ("reply", "missing"),
    [
        ("Thank you! Could I have some time to think about it?", "say when you will respond"),
        ("Yes! I accept. When do I start?", "don't decide on the spot"),
        ("Thanks, I'll get back to you.", "say when you will respond"),
    ],
)
def test_a_reply_to_an_offer_that_decides_or_leaves_no_date_needs_work(
    reply: str, missing: str
) -> None:
    score = score_answer(reply, question=OFFER)
    assert not score.meets
    assert missing in score.missing


def test_any_questions_wants_a_question_and_when_they_will_decide() -> None:
    question = "What questions do you have for us?"
    good = score_answer(
        "Yes, what does a typical week look like for the team, and when do you expect to make "
        "a decision?",
        question=question,
    )
    assert good.kind is QuestionKind.QUESTIONS_FOR_US and good.meets
    assert "No concrete example" not in good.verdict
    none = score_answer("No, I think you've covered everything, thanks.", question=question)
    assert not none.meets
    assert "ask when a decision will be made" in none.missing


def test_a_remote_interview_wants_questions_about_the_working_environment() -> None:
    question = "Is there anything you'd like to know about how we work remotely?"
    asked = score_answer(
        "Yes, how does the team keep in touch day to day, and are there core hours?",
        question=question,
    )
    assert asked.kind is QuestionKind.REMOTE_ENVIRONMENT and asked.meets
    pay_only = score_answer("Is the salary the same if I work from home?", question=question)
    assert not pay_only.meets


# --- Kinds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Tell me about a time you handled a difficult customer.", QuestionKind.STORY),
        ("How would you approach your first ninety days?", QuestionKind.PLAN),
        ("Why do you want to work here?", QuestionKind.MOTIVATION),
        ("Tell me about yourself.", QuestionKind.ABOUT_YOU),
        ("What are your salary expectations?", QuestionKind.SALARY),
        ("What is your greatest weakness?", QuestionKind.STRENGTHS),
        ("Your CV says you cut invoice time from five days to one. How?", QuestionKind.CV_DETAIL),
        ("Do you have any questions for us?", QuestionKind.QUESTIONS_FOR_US),
        ("We'd like to offer you the role. What do you say?", QuestionKind.OFFER),
        (
            "Anything you'd like to ask about how we work remotely?",
            QuestionKind.REMOTE_ENVIRONMENT,
        ),
    ],
)
def test_the_kind_is_read_from_any_questions_words(question: str, kind: QuestionKind) -> None:
    assert infer_kind(question) is kind


def test_a_question_without_a_kind_is_not_judged_as_a_story() -> None:
    score = score_answer(
        "I like to plan my week on a Monday.", question="How do you stay organised?"
    )
    assert score.kind is QuestionKind.GENERAL
    assert not any(f.code in ("no_situation", "no_action", "no_result") for f in score.flags)


# --- Follow-ups ----------------------------------------------------------------------


def test_follow_ups_listen_to_the_answer() -> None:
    about = score_answer(
        "I'm a payroll officer at a county council, I run the monthly payroll for four "
        "thousand staff and I moved us onto a new system last year without a late payment. "
        "I'm applying because I want to lead a team, and this role does that.",
        question="Tell me about yourself.",
    )
    assert about.probe != "What would you do differently if it happened again?"
    own = score_answer(
        "Tell me about a time...",
        question="Tell me about a time you improved a process.",
        follow_ups=("Who else was involved?",),
    )
    assert own.probe is not None
    we_only = score_answer(
        "Last year we rebuilt the checkout and conversion went up by ten percent."
    )
    assert (
        we_only.probe == 'You said "we rebuilt the checkout". What was your personal contribution?'
    )


def test_the_sets_own_follow_up_is_asked_when_nothing_is_missing() -> None:
    story = (
        "Last year at Acme our invoicing took four days. I wrote a script that matched the "
        "records and I trained two colleagues to run it, and invoicing now takes one day."
    )
    score = score_answer(story, kind="story", follow_ups=("Who else was involved?",))
    assert score.probe == "Who else was involved?"


def test_a_probe_is_never_asked_twice_in_a_row() -> None:
    text = "Last year we rebuilt the checkout and conversion went up by ten percent."
    first = score_answer(text)
    again = score_answer(text, previous_probe=first.probe)
    assert again.probe and again.probe != first.probe
