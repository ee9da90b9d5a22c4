"""Behaviour of the concrete-example scorer on answers people actually give.

Each answer is written the way it would be said: some punctuated like a typed
answer, some as raw speech-to-text (lowercase, no punctuation, fillers). Half
contain a concrete accomplishment example and half fail in one of the usual
ways, so a scorer that says "yes" (or "no") to everything fails here.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from voice_coach.attempts import load_score, score_attempt
from voice_coach.questions import Question
from voice_coach.scoring import (
    Delivery,
    Flag,
    Metrics,
    QuestionKind,
    Score,
    Span,
    find_numbers,
    score_answer,
)

CONCRETE_VERDICT = "Concrete example: situation, your action and a result."

# --- Answers with a concrete example ---------------------------------------------

QUANTIFIED_STORY = (
    "Last year at my previous company our checkout page was failing for about one in twenty "
    "customers. I traced the problem to a timeout in the payment service, I rewrote the retry "
    "logic and I added monitoring. As a result checkout errors dropped by 80 percent and we "
    "recovered about forty thousand dollars a month in sales."
)
STORY_WITHOUT_NUMBERS = (
    "When I was at a small logistics firm, our biggest client was about to cancel because "
    "their weekly reports kept arriving late. I sat down with their operations lead, I rebuilt "
    "the report so it ran overnight, and I trained their team to read it. The client renewed "
    "their contract and they still use that report today."
)
ASR_STORY = (
    "um so like last year at my previous job uh our support team was drowning in tickets you "
    "know and i um set up a simple triage board and i wrote templates for the common questions "
    "and uh basically it cut our response time from two days to about four hours"
)
FAILURE_STORY = (
    "In my first job I pushed a change on a Friday afternoon that took the site down for an "
    "hour. I rolled it back, I wrote up what happened for the whole company and I added a "
    "release checklist with a second reviewer. We never had a Friday outage again after that."
)
SPOKEN_MULTIPLIER_STORY = (
    "Two years ago I was running the newsletter at a small charity and hardly anyone opened "
    "it. I interviewed ten of our volunteers, I rewrote the newsletter around their stories "
    "and I moved it to Thursday mornings. Within three months the open rate doubled."
)
ASR_NURSING_STORY = (
    "during my placement on a busy surgical ward the handover notes were often incomplete and "
    "patients missed medication i designed a one page handover sheet and i ran short sessions "
    "with the night staff and within a month missed doses fell from around six a week to one"
)

# --- Answers without one ---------------------------------------------------------

NUMBERS_WITHOUT_STORY = (
    "I have ten years of experience in sales. I have managed teams of up to 15 people and "
    "budgets of 2 million dollars, and I consistently exceed my targets by 20 percent. I am "
    "very results driven and I love working with numbers."
)
HYPOTHETICAL = (
    "If a project was falling behind, I would first talk to the team to understand the "
    "blockers. Then I'd probably reprioritise the backlog with the product owner, and I would "
    "keep the stakeholders informed every week so nobody is surprised. I think communication "
    "is key in that situation."
)
HABITUAL = (
    "I always make sure I understand what the customer needs before I start. I usually set up "
    "a call, I listen carefully, and I follow up in writing. I'm a hard worker and very detail "
    "oriented, and my managers have always said that I am reliable."
)
WE_ONLY = (
    "In my last role we had a slow release process that took two weeks. We decided to "
    "automate the pipeline, we moved everything to containers and we wrote a lot of tests. In "
    "the end we cut the release time from two weeks to one day and the team was much happier."
)
YEARS_OF_EXPERIENCE = (
    "I have been a project manager for twelve years, since 2012, across three companies. I "
    "have delivered projects in banking, retail and healthcare, and I have worked with teams "
    "of all sizes, from five to fifty people. I have a PMP certification and I'm very organised."
)
FUTURE_TARGET = (
    "In my current role I manage the growth team and our goal is to grow sign ups by 20 "
    "percent next year. I plan to hire two more analysts and we aim to double the number of "
    "experiments we run, because I really believe in testing everything before we commit."
)
NO_RESULT = (
    "Last year at my previous company I was asked to lead the migration of our billing system "
    "to a new provider. I planned the work in phases, I organised a weekly meeting with "
    "finance, and I wrote the runbook for the cutover weekend with the support team."
)
ASR_HABITUAL = (
    "um yeah so basically i'm really good with customers i always stay calm and i usually "
    "manage to turn angry customers around you know i just listen and i try to find a "
    "solution that works for everyone and uh i think that's why people like working with me"
)

CONCRETE = [
    QUANTIFIED_STORY,
    STORY_WITHOUT_NUMBERS,
    ASR_STORY,
    FAILURE_STORY,
    SPOKEN_MULTIPLIER_STORY,
    ASR_NURSING_STORY,
]
NOT_CONCRETE = [
    NUMBERS_WITHOUT_STORY,
    HYPOTHETICAL,
    HABITUAL,
    WE_ONLY,
    YEARS_OF_EXPERIENCE,
    FUTURE_TARGET,
    NO_RESULT,
    ASR_HABITUAL,
]


def texts(score: Score, spans: tuple[Span, ...]) -> list[str]:
    """The transcript words each span points at."""
    return [score.transcript[start:end] for start, end in spans]


def codes(score: Score) -> list[str]:
    return [f.code for f in score.flags]


def flag(score: Score, code: str) -> Flag:
    matching = [f for f in score.flags if f.code == code]
    assert matching, f"no {code!r} flag in {codes(score)}"
    return matching[0]


# --- The yes/no decision -----------------------------------------------------------


@pytest.mark.parametrize("answer", CONCRETE)
def test_answers_with_a_concrete_example_are_recognised(answer: str) -> None:
    score = score_answer(answer)
    assert score.concrete_example, (score.verdict, score.evidence)
    assert score.verdict == CONCRETE_VERDICT
    missing = {"no_situation", "hypothetical", "we_only", "no_action", "no_result"}
    assert not missing & set(codes(score))
    assert all(score.evidence[part] for part in ("situation", "action", "result"))


@pytest.mark.parametrize("answer", NOT_CONCRETE)
def test_answers_without_a_concrete_example_are_flagged(answer: str) -> None:
    score = score_answer(answer)
    assert not score.concrete_example, score.evidence
    assert score.verdict.startswith("No concrete example yet: ")
    missing = {"no_situation", "hypothetical", "we_only", "no_action", "no_result"}
    assert missing & set(codes(score))


# --- What the flags and evidence say ------------------------------------------------


def test_quantified_story_evidence_points_at_the_words() -> None:
    score = score_answer(QUANTIFIED_STORY)
    assert {"Last year", "at my previous company"} <= set(texts(score, score.evidence["situation"]))
    assert texts(score, score.evidence["action"]) == ["I traced", "I rewrote", "I added"]
    result = texts(score, score.evidence["result"])
    assert "80 percent" in result
    assert "forty thousand dollars" in result
    assert "result_not_quantified" not in codes(score)


def test_a_result_that_is_not_an_amount_is_not_asked_for_a_number() -> None:
    """ "The client renewed" is an outcome, not an amount: asking for a number misfires."""
    score = score_answer(STORY_WITHOUT_NUMBERS)
    assert score.concrete_example
    assert "result_not_quantified" not in codes(score)


def test_a_change_of_amount_without_a_number_is_asked_for_one() -> None:
    score = score_answer(
        "Last year our stock counts were always wrong. I redesigned the count sheets and I "
        "retrained the night team, and after that the errors dropped a lot."
    )
    assert score.concrete_example
    nudge = flag(score, "result_not_quantified")
    assert any("dropped" in t for t in texts(score, nudge.spans))
    assert "how much" in nudge.advice.lower()


def test_asr_output_without_punctuation_or_capitals() -> None:
    score = score_answer(ASR_STORY)
    assert "last year" in texts(score, score.evidence["situation"])
    assert "i wrote" in texts(score, score.evidence["action"])
    # a filler between "I" and the verb does not hide the action
    assert any(t.startswith("i um set") for t in texts(score, score.evidence["action"]))
    assert {"two days", "four hours"} <= set(texts(score, score.evidence["result"]))


def test_spoken_multiplier_is_a_quantified_result() -> None:
    score = score_answer(SPOKEN_MULTIPLIER_STORY)
    assert "doubled" in texts(score, score.evidence["result"])
    assert "result_not_quantified" not in codes(score)


def test_numbers_without_a_story_are_background_not_results() -> None:
    score = score_answer(NUMBERS_WITHOUT_STORY)
    assert score.evidence["result"] == ()
    no_result = flag(score, "no_result")
    assert {"ten years", "15", "2 million dollars", "20 percent"} <= set(
        texts(score, no_result.spans)
    )
    assert "background" in no_result.message
    assert "I am very results driven" in texts(score, flag(score, "no_situation").spans)


def test_hypothetical_answer_names_would() -> None:
    score = score_answer(HYPOTHETICAL)
    hypothetical = flag(score, "hypothetical")
    assert texts(score, hypothetical.spans) == ["I would", "I'd", "I would"]
    assert "would" in hypothetical.message
    # one flag explains the missing situation and action; no pile-up
    assert "no_action" not in codes(score)
    assert "no_situation" not in codes(score)
    assert score.verdict == (
        "No concrete example yet: what you would do, not what you did and no result."
    )
    # an imagined scene ("if a project was falling behind") is not a situation
    assert score.evidence["situation"] == ()


def test_hypothetical_question_gets_matching_advice() -> None:
    plain = flag(score_answer(HYPOTHETICAL), "hypothetical")
    asked = flag(
        score_answer(
            HYPOTHETICAL, question="What would you do if a project fell behind?", kind="story"
        ),
        "hypothetical",
    )
    assert asked.message == plain.message
    assert asked.advice != plain.advice
    assert "question" in asked.advice


def test_habitual_answer_is_no_specific_situation() -> None:
    score = score_answer(HABITUAL)
    no_situation = flag(score, "no_situation")
    assert {"I always", "I usually", "I'm a hard worker"} <= set(texts(score, no_situation.spans))
    assert "habits" in no_situation.message
    assert score.verdict == (
        "No concrete example yet: no specific situation, nothing you did yourself and no result."
    )


def test_asr_habitual_answer() -> None:
    score = score_answer(ASR_HABITUAL)
    spans = texts(score, flag(score, "no_situation").spans)
    assert "i always" in spans
    assert "i usually" in spans


def test_we_only_story_asks_what_you_did() -> None:
    score = score_answer(WE_ONLY)
    assert score.evidence["situation"] and score.evidence["result"]
    assert score.evidence["action"] == ()
    we_only = flag(score, "we_only")
    assert texts(score, we_only.spans) == ["We decided", "we moved", "we wrote", "we cut"]
    assert "'I'" in we_only.advice
    assert score.verdict == "No concrete example yet: only what 'we' did."


def test_years_of_experience_and_dates_are_not_results() -> None:
    score = score_answer(YEARS_OF_EXPERIENCE)
    assert score.evidence["result"] == ()
    assert {"twelve years", "2012"} <= set(texts(score, flag(score, "no_result").spans))
    # "since 2012" is a career span, not the time of an episode
    assert score.evidence["situation"] == ()
    assert "I have delivered" in texts(score, flag(score, "no_situation").spans)


def test_future_target_is_not_a_result() -> None:
    score = score_answer(FUTURE_TARGET)
    assert score.evidence["result"] == ()
    assert "20 percent" in texts(score, flag(score, "no_result").spans)


def test_story_without_an_outcome_is_no_result() -> None:
    score = score_answer(NO_RESULT)
    assert score.evidence["situation"] and score.evidence["action"]
    assert codes(score) == ["no_result"]
    assert score.verdict == "No concrete example yet: no result."
    assert flag(score, "no_result").spans == ()


def test_reported_would_inside_a_real_story_is_not_hypothetical() -> None:
    answer = (
        "Last year my manager asked if I would take over a failing project. I reorganised the "
        "backlog, I met the client every week, and we delivered the first release on time."
    )
    score = score_answer(answer)
    assert score.concrete_example
    assert "hypothetical" not in codes(score)
    assert "on time" in texts(score, score.evidence["result"])


def test_hedges_and_past_perfect_are_not_hypothetical() -> None:
    assert "hypothetical" not in codes(score_answer("I'd say I'm a hard worker and I'm reliable."))
    past_perfect = (
        "Last spring I'd already built the new intake form when our biggest customer "
        "complained, so I added their fields the same day and they renewed."
    )
    score = score_answer(past_perfect)
    assert "hypothetical" not in codes(score)
    assert score.concrete_example


def test_i_as_subject_of_a_change_verb_is_the_action_not_the_result() -> None:
    # "I improved our processes" reports what the speaker did; the outcome is missing.
    answer = (
        "In my last job I handled customer complaints and I improved our processes. I also "
        "helped train new staff and I took part in several projects."
    )
    score = score_answer(answer)
    assert not score.concrete_example
    assert "no_result" in codes(score)


def test_a_level_told_after_the_actions_is_the_outcome_before_them_the_problem() -> None:
    story = (
        "In my last job our support queue had a backlog of four hundred tickets. I set up a "
        "triage rota and I wrote macros for the top ten issues, and within a month the backlog "
        "was under fifty."
    )
    score = score_answer(story)
    assert score.concrete_example
    assert "fifty" in texts(score, score.evidence["result"])
    setup_only = (
        "In my last job the backlog was under fifty tickets most weeks. I set up a triage rota "
        "and I wrote macros for the top ten issues."
    )
    assert flag(score_answer(setup_only), "no_result")


def test_a_later_time_followed_by_what_happened_is_the_outcome() -> None:
    story = (
        "When the pandemic hit, our restaurant lost its dine-in trade overnight. I set up "
        "online ordering in a weekend and I redesigned the menu for delivery. Within six weeks "
        "takeaway sales covered our rent again."
    )
    score = score_answer(story)
    assert score.concrete_example
    assert "Within six weeks" in texts(score, score.evidence["result"])


def test_asr_that_drops_apostrophes() -> None:
    habit = score_answer("im a hard worker and ive always been reliable")
    assert {"im a hard worker", "ive always"} <= set(
        texts(habit, flag(habit, "no_situation").spans)
    )
    story = score_answer(
        "last christmas i was working at a toy shop and the till crashed on the busiest day i "
        "set up a paper log and i took card payments on my phone and we didnt lose a single sale"
    )
    assert story.concrete_example
    assert any("didnt lose" in t for t in texts(story, story.evidence["result"]))


# --- Question types, length, delivery ------------------------------------------------


def test_closing_question_does_not_ask_for_an_example() -> None:
    answer = (
        "Yes, thank you. I'd like to know how the team measures success in the first six "
        "months, what the biggest challenge for this role will be, and what the next steps in "
        "the process are."
    )
    score = score_answer(answer, expects_example=False, duration_s=16.0)  # 135 wpm
    assert not score.concrete_example
    assert codes(score) == []
    assert score.meets
    assert score.verdict == "A direct answer: this question does not need a story."


def test_example_is_still_detected_when_not_expected() -> None:
    score = score_answer(QUANTIFIED_STORY, expects_example=False)
    assert score.concrete_example and score.meets
    assert score.verdict == "A direct answer: this question does not need a story."


def test_too_short_does_not_flip_concrete() -> None:
    short = "Last year I rewrote our deploy script and it cut deploy time by half."
    score = score_answer(short)
    assert score.concrete_example
    assert "too_short" in codes(score)
    assert "14 words" in flag(score, "too_short").message


def test_too_short_by_duration_only_when_known() -> None:
    assert "too_short" not in codes(score_answer(QUANTIFIED_STORY))
    assert "too_short" not in codes(score_answer(QUANTIFIED_STORY, duration_s=75.0))
    rushed = score_answer(QUANTIFIED_STORY, duration_s=20.0)
    assert "too_short" in codes(rushed)
    assert rushed.concrete_example


def test_metrics_words_and_wpm() -> None:
    answer = "I fixed it - um - and it worked."
    score = score_answer(answer, duration_s=3.5)
    assert score.metrics.words == 7  # the dashes are not words
    assert score.metrics.duration_s == 3.5
    assert score.metrics.wpm == pytest.approx(7 / 3.5 * 60)

    typed = score_answer(QUANTIFIED_STORY)
    assert typed.metrics.words == len(QUANTIFIED_STORY.split())
    assert typed.metrics.duration_s is None
    assert typed.metrics.wpm is None
    assert score_answer("hello", duration_s=0.0).metrics.wpm is None


def test_empty_answer() -> None:
    score = score_answer("")
    assert not score.concrete_example
    assert score.metrics.words == 0
    assert {"no_situation", "no_action", "no_result", "too_short"} <= set(codes(score))


# --- Offsets and serialisation ---------------------------------------------------------


def test_spans_index_the_original_text_even_with_unusual_characters() -> None:
    # curly apostrophes, and a capital whose lowercase is two characters, must not shift offsets
    answer = (
        "\u0130stanbul office, last year: I\u2019d probably say we\u2019re fine. "
        "Then I rebuilt the router."
    )
    score = score_answer(answer)
    assert "last year" in texts(score, score.evidence["situation"])
    assert texts(score, score.evidence["action"]) == ["I rebuilt"]


def test_to_dict_is_plain_json_with_the_agreed_shape() -> None:
    score = score_answer(WE_ONLY, duration_s=40.0)
    data = score.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {
        "transcript",
        "kind",
        "meets_expectations",
        "missing",
        "concrete_example",
        "flags",
        "metrics",
        "evidence",
        "star",
        "talking_points",
        "probe",
        "delivery",
    }
    assert data["transcript"] == WE_ONLY
    assert data["concrete_example"] is False
    assert set(data["metrics"]) == {"words", "duration_s", "wpm"}
    assert data["metrics"]["wpm"] == pytest.approx(data["metrics"]["words"] / 40.0 * 60)
    assert set(data["evidence"]) == {"situation", "action", "result", "quantified"}
    for flag_data in data["flags"]:
        assert set(flag_data) == {"code", "message", "advice", "spans"}
        for span in flag_data["spans"]:
            assert isinstance(span, list) and len(span) == 2
    we_only = next(f for f in data["flags"] if f["code"] == "we_only")
    start, end = we_only["spans"][0]
    assert WE_ONLY[start:end] == "We decided"
    for spans in data["evidence"].values():
        assert all(isinstance(s, list) and len(s) == 2 for s in spans)


def test_score_is_immutable_and_hashable() -> None:
    score = score_answer(QUANTIFIED_STORY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        score.concrete_example = False  # type: ignore[misc]
    assert hash(score) == hash(score_answer(QUANTIFIED_STORY))


# --- Numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("twenty percent", "percent", 20.0),
        ("forty-two %", "percent", 42.0),
        ("two weeks", "duration", 2.0),
        ("forty thousand", "count", 40_000.0),
        ("$40k", "money", 40_000.0),
        ("one hundred and twenty", "count", 120.0),
        ("3x", "multiplier", 3.0),
        ("doubled", "multiplier", None),
        ("halved", "multiplier", None),
        ("in 2019", "year", 2019.0),
        ("back in twenty nineteen", "year", 2019),
    ],
)
def test_numbers_as_said_and_as_written(text: str, kind: str, value: float | None) -> None:
    (found,) = find_numbers(text)
    assert found.kind == kind
    assert found.value == value


def test_a_count_is_not_mistaken_for_a_year() -> None:
    kinds = [n.kind for n in find_numbers("we grew to 2000 users in 2019")]
    assert kinds == ["count", "year"]
    assert find_numbers("no one, one of them") == ()


# --- STAR spans -------------------------------------------------------------------------


def test_star_spans_are_whole_clauses_with_a_task() -> None:
    answer = (
        "Last autumn our support inbox had a backlog of six hundred emails. I was asked to clear "
        "it before the product launch. I sorted the emails by topic, I wrote replies for the ten "
        "most common questions and I trained two temps to send them. Within two weeks the "
        "backlog was under fifty."
    )
    score = score_answer(answer)
    assert score.concrete_example
    assert set(score.star) == {"situation", "task", "action", "result"}
    assert "Last autumn our support inbox had a backlog of six hundred emails" in texts(
        score, score.star["situation"]
    )
    assert "I was asked to clear it before the product launch" in texts(score, score.star["task"])
    assert texts(score, score.star["action"]) == [
        "I sorted the emails by topic",
        "I wrote replies for the ten most common questions",
        "I trained two temps to send them",
    ]
    assert any("backlog was under fifty" in t for t in texts(score, score.star["result"]))
    # the evidence keeps the few trigger words, for code that highlights those
    assert "I sorted" in texts(score, score.evidence["action"])


def test_coordinated_verbs_share_the_speaker() -> None:
    answer = (
        "Last month a guest complained that her room was cold. I apologised, moved her to a "
        "warmer room and called maintenance, and she left a glowing review."
    )
    actions = texts(score_answer(answer), score_answer(answer).star["action"])
    assert any(t.startswith("moved her") for t in actions)
    assert any(t.startswith("called maintenance") for t in actions)


def test_time_phrases_after_the_actions_are_not_the_situation() -> None:
    answer = (
        "Two years ago our warehouse kept running out of packing boxes. I set up a reorder "
        "alert and I moved the deliveries to Mondays. The following month we did not run out "
        "once."
    )
    situation = texts(score_answer(answer), score_answer(answer).star["situation"])
    assert situation == ["Two years ago our warehouse kept running out of packing boxes"]


# --- Results: what others did, what changed, and what was the problem -------------------------


def test_other_peoples_reactions_after_the_actions_are_results() -> None:
    answer = (
        "In my first week at the council, a resident rang in tears because her bin had been "
        "missed for a month. I checked the round sheets, I found her street had been dropped "
        "from the new route and I added it back. She wrote to the chief executive to thank us."
    )
    score = score_answer(answer)
    assert score.concrete_example
    assert any(t.startswith("She wrote") for t in texts(score, score.star["result"]))
    assert "result_not_quantified" in codes(score)


def test_a_change_told_before_any_action_is_the_problem_not_the_result() -> None:
    answer = (
        "Last spring our website conversion dropped by a third after a redesign. I went "
        "through the analytics and I put the old checkout button back."
    )
    score = score_answer(answer)
    assert not score.concrete_example
    assert codes(score)[:1] == ["no_result"]
    assert score.evidence["result"] == ()


def test_a_story_told_in_the_present_tense_still_counts() -> None:
    answer = (
        "so this is about three years back and a customer is screaming at my colleague at the "
        "till and i go over and i take him to the side and i listen to the whole story and "
        "the customer calmed down and actually apologised to her"
    )
    score = score_answer(answer)
    assert score.concrete_example, score.evidence
    assert "i take" in texts(score, score.evidence["action"])


def test_cv_bullets_are_not_an_episode() -> None:
    answer = (
        "In my current role I increased repeat orders by 25 percent and I cut returns by a "
        "fifth. I also reduced the average delivery time from four days to two."
    )
    score = score_answer(answer)
    assert not score.concrete_example
    assert "no_situation" in codes(score)


def test_a_workplace_with_habits_in_it_is_not_an_episode() -> None:
    answer = (
        "At my last company I was always the one who stayed late to fix things. I helped "
        "everyone with their laptops and people said I was the best."
    )
    score = score_answer(answer)
    assert not score.concrete_example
    assert "no_situation" in codes(score)


def test_a_scene_about_others_before_the_speaker_acts_is_the_situation() -> None:
    answer = (
        "While volunteering at a food bank, a delivery of two hundred frozen meals arrived "
        "with the freezer already full. I rang three local cafes, I borrowed space in their "
        "freezers and I drove the meals over in my car. Not one meal was wasted."
    )
    score = score_answer(answer)
    assert score.concrete_example
    situation = texts(score, score.star["situation"])
    assert any(t.startswith("a delivery of two hundred frozen meals arrived") for t in situation)


def test_an_undated_story_with_deeds_and_a_measured_outcome_is_an_episode() -> None:
    answer = (
        "I took over our volunteer rota when sign-ups were falling. I moved it to a shared "
        "calendar, I called every lapsed volunteer and I paired new people with regulars. "
        "Weekly sign-ups went from twelve to thirty."
    )
    assert score_answer(answer).concrete_example
    undated_claims = "I increased sign-ups by 40 percent and I reduced no-shows by half."
    assert not score_answer(undated_claims).concrete_example


# --- Coaching flags ------------------------------------------------------------------------


def test_duty_phrasing_is_flagged_with_its_words() -> None:
    answer = (
        "In my last role I was responsible for payroll for three hundred staff. My duties "
        "included running the monthly payroll and answering queries from employees."
    )
    score = score_answer(answer)
    duty = flag(score, "duty_phrasing")
    assert texts(score, duty.spans) == ["responsible for", "My duties included"]
    assert "deed" in duty.advice
    # the role is a workplace, not an episode
    assert "no_situation" in codes(score)
    # a closing question is not expected to tell of deeds
    assert "duty_phrasing" not in codes(score_answer(answer, expects_example=False))


def test_cliches_are_flagged() -> None:
    score = score_answer(
        "I'm a real self-starter and a team player who always goes above and beyond."
    )
    assert texts(score, flag(score, "cliche").spans) == [
        "self-starter",
        "team player",
        "above and beyond",
    ]


def test_hedges_are_flagged_from_two_but_not_nouns() -> None:
    hedgy = score_answer(
        "I guess I kind of led the project, and it maybe went okay, I think, more or less."
    )
    assert texts(hedgy, flag(hedgy, "hedge").spans) == [
        "I guess",
        "kind of",
        "maybe",
        "more or less",
    ]
    once = score_answer("Maybe the best example is last year, when I rebuilt the rota.")
    assert "hedge" not in codes(once)
    noun = score_answer("What kind of support do you offer, and what sort of team is it?")
    assert "hedge" not in codes(noun)


def test_habitual_flag_explains_the_missing_situation() -> None:
    score = score_answer(HABITUAL)
    habitual = flag(score, "habitual")
    assert {"I always", "I usually"} <= set(texts(score, habitual.spans))
    assert "no specific situation" in habitual.message
    assert "no_situation" in codes(score)  # the verdict's missing part stays the same
    assert "habitual" not in codes(score_answer(QUANTIFIED_STORY))


def test_too_long_answers_are_flagged_by_time_or_by_words() -> None:
    spoken = score_answer(QUANTIFIED_STORY, duration_s=200.0)
    assert "too_long" in codes(spoken)
    assert spoken.delivery.length == "too_long"
    typed = score_answer(" ".join([QUANTIFIED_STORY] * 9))  # ~500 words
    assert "too_long" in codes(typed)
    assert "said aloud" in flag(typed, "too_long").message
    assert "too_long" not in codes(score_answer(QUANTIFIED_STORY, duration_s=90.0))


def test_length_verdicts() -> None:
    assert score_answer(QUANTIFIED_STORY, duration_s=20.0).delivery.length == "too_short"
    assert score_answer(QUANTIFIED_STORY, duration_s=45.0).delivery.length == "short"
    assert score_answer(QUANTIFIED_STORY, duration_s=90.0).delivery.length == "good"
    assert score_answer(QUANTIFIED_STORY, duration_s=150.0).delivery.length == "long"


def test_pace_flags_only_when_the_duration_is_known_and_the_answer_long_enough() -> None:
    words = score_answer(QUANTIFIED_STORY).metrics.words  # 66
    assert "fast_pace" in codes(score_answer(QUANTIFIED_STORY, duration_s=words / 200 * 60))
    assert "slow_pace" in codes(score_answer(QUANTIFIED_STORY, duration_s=words / 90 * 60))
    steady = score_answer(QUANTIFIED_STORY, duration_s=words / 140 * 60)
    assert not {"fast_pace", "slow_pace"} & set(codes(steady))
    assert steady.delivery.pace_wpm == pytest.approx(140)
    assert not {"fast_pace", "slow_pace"} & set(codes(score_answer(QUANTIFIED_STORY)))
    short = score_answer("Yes, I rewrote it and it worked.", duration_s=1.0)
    assert "fast_pace" not in codes(short)


# --- Delivery ------------------------------------------------------------------------------


def _timed(
    text: str, *, gap_before: dict[int, float] | None = None
) -> list[tuple[float, float, str]]:
    """Word timestamps at 150 wpm (0.3 s a word, 0.1 s between), with chosen extra gaps."""
    out: list[tuple[float, float, str]] = []
    t = 0.0
    for i, word in enumerate(text.split()):
        t += (gap_before or {}).get(i, 0.0)
        out.append((t, t + 0.3, word))
        t += 0.4
    return out


def test_fillers_are_counted_from_the_verbatim_transcript() -> None:
    answer = (
        "um so like last year i uh rebuilt the rota and you know it was like forty hours "
        "shorter i mean i'd like to think it helped and do you know what it did"
    )
    score = score_answer(answer, duration_s=30.0)
    fillers = texts(score, score.delivery.filler_spans)
    assert fillers == ["um", "like", "uh", "you know", "like", "i mean"]
    assert score.delivery.fillers == 6
    assert score.delivery.fillers_per_minute == pytest.approx(12.0)
    many = flag(score, "many_fillers")
    assert texts(score, many.spans) == fillers
    assert "'like' x2" in many.message
    # without a duration there is a count but no rate, and no flag
    typed = score_answer(answer)
    assert typed.delivery.fillers == 6
    assert typed.delivery.fillers_per_minute is None
    assert "many_fillers" not in codes(typed)


def test_long_pauses_come_from_word_timestamps() -> None:
    answer = "Last year I rewrote our deploy script and it cut deploy time by half."
    words = _timed(answer, gap_before={7: 3.5})  # a long silence before "and"
    score = score_answer(answer, words=words)
    start, end = score.delivery.long_pauses[0]
    assert end - start == pytest.approx(3.6)
    pause = flag(score, "long_pause")
    assert texts(score, pause.spans) == ["script", "and"]
    assert "3.6 seconds" in pause.message
    # pace leaves the pause out; the duration (none was given) comes from the words
    assert score.delivery.pace_wpm == pytest.approx(14 / (words[-1][1] - 3.6) * 60)
    assert score.metrics.duration_s == pytest.approx(words[-1][1])
    steady = score_answer(answer, words=_timed(answer))
    assert steady.delivery.long_pauses == ()
    assert "long_pause" not in codes(steady)


def test_word_objects_from_the_speech_model_are_accepted() -> None:
    class Word:
        def __init__(self, start: float, end: float, word: str) -> None:
            self.start, self.end, self.word = start, end, word

    answer = "Last year I rewrote our deploy script and it cut deploy time by half."
    words = _timed(answer, gap_before={7: 3.0})
    as_objects = score_answer(answer, words=[Word(*w) for w in words])
    assert as_objects.delivery == score_answer(answer, words=words).delivery


def test_repeated_words_leave_out_grammar() -> None:
    answer = (
        "The report was late, so I rebuilt the report, tested the report with finance and "
        "sent the report to the client, and the client renewed with the client team."
    )
    assert score_answer(answer).delivery.repeated_words == (("report", 4), ("client", 3))


# --- Talking points ------------------------------------------------------------------------

CLOSING_POINTS = (
    "asks at least one question about the team or the work itself",
    "asks when a decision will be made",
    "asks about the next steps",
)


def test_talking_points_match_paraphrases_not_exact_strings() -> None:
    answer = (
        "Thanks, yes. What are the people in the team like to work with? And what's the "
        "timescale for hearing back, and what happens after this round?"
    )
    score = score_answer(answer, expects_example=False, talking_points=CLOSING_POINTS)
    assert [tp.covered for tp in score.talking_points] == [True, True, True]
    assert [tp.text for tp in score.talking_points] == list(CLOSING_POINTS)
    decision = score.talking_points[1]
    said = " ".join(texts(score, decision.spans))
    assert "timescale" in said and "hearing back" in said
    assert "talking_point_missed" not in codes(score)
    assert score.meets
    assert score.verdict.startswith("Does what this question needs: asks at least one question")


def test_missed_talking_points_are_flagged_one_by_one() -> None:
    answer = "Not really, you've covered everything. Thanks for your time."
    score = score_answer(answer, expects_example=False, talking_points=CLOSING_POINTS)
    assert [tp.covered for tp in score.talking_points] == [False, False, False]
    missed = [f for f in score.flags if f.code == "talking_point_missed"]
    assert [f.message for f in missed] == [f"Not covered: {p}." for p in CLOSING_POINTS]
    assert all(f.spans == () for f in missed)
    assert not score.meets
    assert score.verdict.startswith("Not there yet: ask at least one question")


def test_asking_points_need_a_question_even_without_a_question_mark() -> None:
    points = ("asks about the next steps",)
    told = score_answer(
        "the next steps are clear to me", expects_example=False, talking_points=points
    )
    asked = score_answer(
        "um could you tell me about the next steps", expects_example=False, talking_points=points
    )
    assert not told.talking_points[0].covered
    assert asked.talking_points[0].covered


def test_talking_points_ignore_what_the_answer_should_not_do_and_take_any_example() -> None:
    points = (
        "raises problems early rather than at the deadline",
        "names anything that must be settled first, such as notice period or start date",
    )
    answer = (
        "If I can see something slipping I'll flag it straight away. The only thing to sort "
        "out is my notice."
    )
    score = score_answer(answer, expects_example=False, talking_points=points)
    assert [tp.covered for tp in score.talking_points] == [True, True]


# --- Follow-up probe -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "probe"),
    [
        (HYPOTHETICAL, "Can you tell me about a time you actually did that?"),
        (
            HABITUAL,
            'You said "I always make sure". Can you give me one specific example, a time '
            "when that actually happened?",
        ),
        (
            NO_RESULT,
            'You said "I wrote the runbook for the cutover weekend with the support team". '
            "What was the result?",
        ),
        (QUANTIFIED_STORY, "What would you do differently if it happened again?"),
    ],
)
def test_probe_targets_the_weakest_part(answer: str, probe: str) -> None:
    assert score_answer(answer).probe == probe


def test_we_only_probe_quotes_the_team_action() -> None:
    probe = score_answer(WE_ONLY).probe
    assert (
        probe
        == 'You said "We decided to automate the pipeline". What was your personal contribution?'
    )


def test_unquantified_change_probe_asks_how_it_was_measured() -> None:
    answer = (
        "Last year our stock counts were always wrong. I redesigned the count sheets and I "
        "retrained the night team, and after that the errors dropped a lot."
    )
    probe = score_answer(answer).probe
    assert probe == 'You said "after that the errors dropped a lot". How did you measure that?'
    reaction = score_answer(STORY_WITHOUT_NUMBERS).probe
    assert reaction == "What would you do differently if it happened again?"


def test_closing_answers_get_a_probe_only_when_something_is_missing() -> None:
    assert (
        score_answer("Yes.", expects_example=False).probe == "Could you say a bit more about that?"
    )
    missed = score_answer(
        "What does a normal week look like for the team, and who would I be working with most?",
        expects_example=False,
        talking_points=CLOSING_POINTS,
    )
    # The probe asks about what was missed: here, the decision and the next steps.
    assert missed.probe == "Is there anything you'd like to know about the process from here?"


# --- Contract -------------------------------------------------------------------------------


def test_new_fields_serialise_with_the_agreed_keys() -> None:
    answer = "Um, when would you let me know?"
    data = score_answer(
        answer,
        expects_example=False,
        words=_timed(answer, gap_before={3: 2.5}),
        talking_points=("asks when a decision will be made",),
    ).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data["star"]) == {"situation", "task", "action", "result"}
    assert data["talking_points"] == [
        {"text": "asks when a decision will be made", "covered": True, "spans": [[4, 18], [19, 30]]}
    ]  # "when would you" ... "let me know", in a question
    assert data["probe"] == "Could you say a bit more about that?"
    assert set(data["delivery"]) == {
        "fillers",
        "fillers_per_minute",
        "filler_spans",
        "pace_wpm",
        "long_pauses",
        "repeated_words",
        "length",
    }
    assert data["delivery"]["fillers"] == 1
    assert data["delivery"]["filler_spans"] == [[0, 2]]
    assert len(data["delivery"]["long_pauses"]) == 1


def test_score_can_still_be_built_without_the_new_fields() -> None:
    score = Score(
        transcript="x",
        concrete_example=False,
        flags=(),
        metrics=Metrics(words=1, duration_s=None, wpm=None),
        evidence={},
    )
    assert score.star == {}
    assert score.talking_points == ()
    assert score.probe is None
    assert score.delivery == Delivery()
    assert set(score.to_dict()["star"]) == {"situation", "task", "action", "result"}


# --- Saved and read back: the one score every reader sees -----------------------------------


@pytest.mark.parametrize(
    "answer", [*CONCRETE, *NOT_CONCRETE, "", "Um, when would you let me know?"]
)
def test_a_saved_score_reads_back_as_the_score_it_was(answer: str) -> None:
    """What the store keeps is Score.to_dict() as JSON; load_score gives the same Score back,
    with its spans, pauses and talking points, so no reader parses a dict its own way."""
    score = score_answer(
        answer,
        question="Do you have any questions for us?",
        words=_timed(answer, gap_before={3: 2.5}) if answer else None,
        talking_points=("asks when a decision will be made",),
    )
    assert load_score(json.loads(json.dumps(score.to_dict()))) == score
    story = score_answer(answer, kind=QuestionKind.STORY, duration_s=75.0)
    assert load_score(json.loads(json.dumps(story.to_dict()))) == story


def test_a_score_saved_before_verdicts_by_kind_keeps_its_story_verdict() -> None:
    saved = score_answer(QUANTIFIED_STORY).to_dict()
    del saved["meets_expectations"], saved["kind"], saved["missing"]
    old = load_score(saved)
    assert old.meets_expectations is None and old.kind is QuestionKind.STORY
    assert old.meets is old.concrete_example is True


@pytest.mark.parametrize(
    "saved",
    [{}, {"transcript": "x"}, {"transcript": "x", "concrete_example": "perhaps", "flags": []}],
    ids=["empty", "no verdict", "a verdict that is no bool"],
)
def test_what_is_no_score_is_a_value_error(saved: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="not a saved score"):
        load_score(saved)


# --- score_attempt: the one way every path judges an answer --------------------------------


def test_score_attempt_measures_pace_from_the_first_word_to_the_last() -> None:
    """The thinking before the first word and the silence that ends a recording are not
    speaking time: the app and `score AUDIO` both measure pace over the words."""
    question = Question(id="q", text="Tell me about a success.", mentions=("checkout",))
    words = [(start + 5.0, end + 5.0, w) for start, end, w in _timed(QUANTIFIED_STORY)]
    spoken = words[-1][1] - words[0][0]
    score, mentions, key_terms = score_attempt(
        question, QUANTIFIED_STORY, words=words, duration_s=words[-1][1] + 4.0
    )
    assert score.metrics.duration_s == pytest.approx(spoken)
    assert score.metrics.wpm == pytest.approx(score.metrics.words / spoken * 60)
    assert mentions == (("checkout", True),) and key_terms == ()
    # Without word times, the recording's length is all there is.
    untimed, _, _ = score_attempt(question, QUANTIFIED_STORY, duration_s=80.0)
    assert untimed.metrics.duration_s == 80.0
    typed, _, _ = score_attempt(question, QUANTIFIED_STORY)
    assert typed.metrics.duration_s is None and typed.metrics.wpm is None


def test_score_attempt_judges_a_follow_up_together_with_the_answer_it_digs_into() -> None:
    question = Question(id="q#follow-up", text="And what came of it?", kind=QuestionKind.STORY)
    result = "Checkout errors dropped by 80 percent within a month."
    alone, _, _ = score_attempt(question, result)
    together, _, _ = score_attempt(question, result, earlier=NO_RESULT)
    assert not alone.meets and together.meets
    # Delivery stays the follow-up's own.
    assert together.metrics.words == alone.metrics.words
    assert together.transcript == result
