"""The closing acts read by meaning, on families of wordings told the way people talk.

"Asks about the team" was once read as "asks about the working environment", so "how big
is the team?" did not count. Each family below is one way of meaning an act (the team by
its size, by who is in it, by who the candidate would work with...), written in several
wordings, spoken, typed and as speech-to-text gives them (lower case, no punctuation), with
the replies that come close without doing it: a statement about the team asks nothing,
"I have no questions" asks nothing, "I'm a team player" is about the speaker.
"""

from __future__ import annotations

import pytest

from voice_coach.scoring import score_answer
from voice_coach.scoring.concepts import concept_for_point
from voice_coach.scoring.concepts_offer import accepts_now, asks_time, says_when, thanks
from voice_coach.scoring.concepts_questions import asks_decision, asks_question, asks_team
from voice_coach.scoring.text import lowered

ANY_QUESTIONS = "Do you have any questions for us?"
DECISION_AND_TEAM = ("asks when a decision will be made", "asks about the team")
OFFER = "We'd like to offer you the job. What do you think?"


def _said(reader: object, answer: str) -> bool:
    assert callable(reader)
    return bool(reader(lowered(answer)))


# --- What the set author's words mean --------------------------------------------------


@pytest.mark.parametrize(
    ("point", "concept"),
    [
        ("asks about the team", "asks_team"),
        ("Asks about the team", "asks_team"),
        ("asks who they would work with", "asks_team"),
        ("asks about the people they would work with", "asks_team"),
        ("asks how the team works together day to day", "asks_environment"),
        ("asks about the working environment", "asks_environment"),
        ("asks at least one question about the team or the work itself", "asks_question"),
        ("asks when a decision will be made", "asks_decision"),
        ("asks for the offer in writing", "asks_writing"),
    ],
)
def test_a_set_point_names_the_concept_it_means(point: str, concept: str) -> None:
    found = concept_for_point(point)
    assert found is not None and found.id == concept


@pytest.mark.parametrize(
    "point",
    [
        "asks about challenges facing the team",  # the challenges, not the team
        "shares progress regularly in writing",  # about the candidate's updates, not an offer
    ],
)
def test_a_point_that_only_shares_a_word_is_read_by_its_own_words(point: str) -> None:
    assert concept_for_point(point) is None


# --- Asks about the team ---------------------------------------------------------------

TEAM_FAMILIES: dict[str, tuple[str, ...]] = {
    "what it is like": (
        "What's the team like?",
        "so um what are the team like then",
        "Could you tell me a bit about the team?",
        "what's everybody like in the office",
        "I'd love to hear a bit more about the team I'd be joining.",
    ),
    "its size": (
        "How big is the team?",
        "how many of you are there",
        "Roughly how many people are in the department?",
        "is it quite a small team",
    ),
    "who is in it and how it is made up": (
        "Who's on the team at the moment?",
        "what's the mix like on the team is it mostly senior people",
        "Is it a new team, or have people been there a long time?",
        "Would I be joining an established team?",
    ),
    "who they would work with": (
        "Who would I be working with day to day?",
        "who would i be working alongside",
        "Who would I be sitting with?",
        "Um, who else would I, like, be working with on the project?",
        "Could you tell me about the people I'd be working with?",
    ),
    "who they would report to": (
        "Who would I report to?",
        "who would i be reporting into",
        "Who'd be my line manager?",
        "What's my manager like?",
    ),
    "how it works": (
        "How does the team split the work?",
        "how do you all work together as a team",
    ),
}


@pytest.mark.parametrize(
    "question",
    [q for family in TEAM_FAMILIES.values() for q in family],
)
def test_a_question_about_the_team_asks_about_the_team(question: str) -> None:
    assert _said(asks_team, question)
    assert _said(asks_question, question)  # and it is a real question, too


@pytest.mark.parametrize(
    "reply",
    [
        "The team sounds great.",
        "the team sounds lovely and i cant wait to hear from you",
        "I'd love to meet the team.",
        "I have no questions.",
        "No, I don't have any questions about the team, you covered it.",
        "I'm a real team player, so I'm sure I'd fit in. What's the salary?",
        "In my current team we use Jira. Do you use it too?",
        "Is it mostly Teams calls or Slack?",
        "How many people have applied for the role?",
        "What would my first project be?",
        "When will I hear back?",
        "The team sounds great — what are the next steps?",
    ],
)
def test_telling_about_a_team_or_asking_something_else_is_not_asking_about_the_team(
    reply: str,
) -> None:
    assert not _said(asks_team, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "What is the team like?",
        "Could you tell me about the team I would join?",
        "How big is the team?",
        "Who would I be working with day to day?",
    ],
)
def test_the_team_point_is_covered_by_a_question_about_the_team(reply: str) -> None:
    score = score_answer(reply, question=ANY_QUESTIONS, talking_points=DECISION_AND_TEAM)
    covered = {tp.text: tp.covered for tp in score.talking_points}
    assert covered["asks about the team"]
    assert not covered["asks when a decision will be made"]
    assert not score.meets
    assert score.missing == ("ask when a decision will be made",)


@pytest.mark.parametrize(
    "reply",
    [
        "Yes: when do you expect to make a decision, and who would I work with on the team?",
        "um whats the team like and when will i hear back",
        "How many of you are there? And, er, what's the timeline from here?",
        "Who would I report to? And is there another round after this?",
    ],
)
def test_a_question_about_the_team_and_one_about_the_decision_meet_both_points(
    reply: str,
) -> None:
    score = score_answer(reply, question=ANY_QUESTIONS, talking_points=DECISION_AND_TEAM)
    assert score.meets, score.missing
    assert all(tp.covered and tp.spans for tp in score.talking_points)


def test_no_questions_covers_neither_point() -> None:
    for reply in ("I have no questions.", "no i think youve covered everything thanks"):
        score = score_answer(reply, question=ANY_QUESTIONS, talking_points=DECISION_AND_TEAM)
        assert not score.meets
        assert not any(tp.covered for tp in score.talking_points)


# --- Asks when a decision will be made --------------------------------------------------

DECISION_FAMILIES: dict[str, tuple[str, ...]] = {
    "the timeline": ("What's the timeline?", "whats the timescale for all this"),
    "hearing the outcome": (
        "When might I hear back?",
        "will i hear either way",
        "Would we find out this week?",
        "How soon might I know?",
    ),
    "the decision": ("How soon will you decide?", "when are you hoping to make a decision"),
    "after this interview": (
        "What happens after today?",
        "what's next after this",
        "So what's the process after this interview?",
        "Is there anything after this, like a test?",
    ),
    "the stages": (
        "Is there another round?",
        "Will there be a second interview?",
        "how many stages are there",
        "Is this the last stage?",
        "Are there more interviews after this one?",
        "What does the rest of the process look like?",
    ),
}


@pytest.mark.parametrize(
    "question",
    [q for family in DECISION_FAMILIES.values() for q in family],
)
def test_asking_about_the_process_from_here_asks_when_a_decision_will_be_made(
    question: str,
) -> None:
    assert _said(asks_decision, question)
    # and it is not, on its own, a question about the job
    assert not _said(asks_question, question)


@pytest.mark.parametrize(
    "reply",
    [
        "I have no questions.",
        "I'm sure you'll be in touch.",
        "What happens after this project ends?",
        "What's next for the company?",
        "I'd love to hear more about the team.",
        "I know the decision will be hard — what's the team like?",
    ],
)
def test_the_future_of_the_work_or_a_statement_is_not_asking_about_the_decision(
    reply: str,
) -> None:
    assert not _said(asks_decision, reply)


@pytest.mark.parametrize(
    "question",
    [
        "I'm curious what a typical day looks like.",
        "im just wondering what the first month looks like",
        "Will I be managing anyone?",
        "would i be leading the project",
    ],
)
def test_a_question_told_as_curiosity_or_about_leading_is_a_question(question: str) -> None:
    assert _said(asks_question, question)


# --- An offer on the spot ---------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "um can i sleep on it and get back to you tomorrow",
        "Oh, thank you! Could I have until Friday to think it over?",
        "I'd love to take a day or two and come back to you on Monday.",
        "could i let you know on friday",
        "Would it be okay to give you an answer tomorrow?",
        "Would you be okay if I slept on it and rang you first thing?",
        "Can we talk again Thursday, once I've had a think?",
        "Thanks, um, can I think it over and ring you back later today?",
        "so um yeah honestly i'd just like a bit of time to think like maybe till monday",
    ],
)
def test_asking_to_answer_later_asks_for_time_and_says_when(reply: str) -> None:
    assert _said(asks_time, reply)
    assert _said(says_when, reply)
    score = score_answer(reply, question=OFFER)
    assert score.meets, score.missing


@pytest.mark.parametrize(
    "reply",
    [
        "I should let you know that I have another offer.",
        "I'd like to confirm the start date.",
        "Yes, I'll take it.",
    ],
)
def test_telling_or_accepting_is_not_asking_for_time(reply: str) -> None:
    assert not _said(asks_time, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "No, thank you, I'm going to turn it down.",
        "i'll have to say no im afraid",
        "I will have to decline, sorry.",
        "Yes, I'll take it!",
    ],
)
def test_deciding_on_the_spot_is_heard_with_its_contractions(reply: str) -> None:
    assert _said(accepts_now, reply)


def test_surprise_is_not_thanks() -> None:
    assert not _said(thanks, "Right, um, wow. Can I have till Wednesday?")
    assert _said(thanks, "Oh wow, thank you!")
    assert _said(thanks, "That's smashing, ta very much.")
