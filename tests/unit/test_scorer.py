"""Behaviour of the concrete-example scorer on answers people actually give.

Each answer is written the way it would be said: some punctuated like a typed
answer, some as raw speech-to-text (lowercase, no punctuation, fillers). Half
contain a concrete accomplishment example and half fail in one of the usual
ways, so a scorer that says "yes" (or "no") to everything fails here.
"""

from __future__ import annotations

import dataclasses
import json
import time

import pytest

from voice_coach.scoring import Flag, Score, Span, find_numbers, score_answer

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


def test_story_without_numbers_counts_but_is_told_to_add_one() -> None:
    score = score_answer(STORY_WITHOUT_NUMBERS)
    assert score.concrete_example
    nudge = flag(score, "result_not_quantified")
    assert "renewed" in texts(score, nudge.spans)
    assert "number" in nudge.advice


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
        score_answer(HYPOTHETICAL, question="What would you do if a project fell behind?"),
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
    assert "didnt lose" in texts(story, story.evidence["result"])


# --- Question types, length, delivery ------------------------------------------------


def test_closing_question_does_not_ask_for_an_example() -> None:
    answer = (
        "Yes, thank you. I'd like to know how the team measures success in the first six "
        "months, what the biggest challenge for this role will be, and what the next steps in "
        "the process are."
    )
    score = score_answer(answer, expects_example=False, duration_s=20.0)
    assert not score.concrete_example
    assert codes(score) == []
    assert score.verdict == "No accomplishment example, and this question does not need one."


def test_example_is_still_detected_when_not_expected() -> None:
    score = score_answer(QUANTIFIED_STORY, expects_example=False)
    assert score.concrete_example
    assert score.verdict == CONCRETE_VERDICT


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
    assert set(data) == {"transcript", "concrete_example", "flags", "metrics", "evidence"}
    assert data["transcript"] == WE_ONLY
    assert data["concrete_example"] is False
    assert set(data["metrics"]) == {"words", "duration_s", "wpm"}
    assert data["metrics"]["wpm"] == pytest.approx(data["metrics"]["words"] / 40.0 * 60)
    assert set(data["evidence"]) == {"situation", "action", "result"}
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


# --- Speed ------------------------------------------------------------------------------


def test_scores_at_least_a_thousand_answers_per_second() -> None:
    answers = CONCRETE + NOT_CONCRETE
    score_answer(answers[0])  # warm up
    rounds = 100
    start = time.perf_counter()
    for _ in range(rounds):
        for answer in answers:
            score_answer(answer, duration_s=60.0)
    rate = rounds * len(answers) / (time.perf_counter() - start)
    assert rate >= 1000, f"{rate:.0f} answers/s"
