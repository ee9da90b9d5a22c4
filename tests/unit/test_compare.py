from __future__ import annotations

from typing import Any

from voice_coach.attempts import Attempt, Outcome, Status, load_score, outcome_of, score_attempt
from voice_coach.compare import (
    Change,
    attempts_by_question,
    compare_attempts,
    previous_attempt,
    same_question,
)
from voice_coach.questions import Question
from voice_coach.review import WEAK
from voice_coach.scoring import QuestionKind, Score, score_answer
from voice_coach.store import Store

WEAK_ANSWER = (
    "Um, we usually, um, work hard as a team and, uh, we always deliver things on time, "
    "you know, um, because we care."
)
STORY = (
    "Last year at Acme our monthly invoicing took four days. I wrote a script that matched "
    "delivery records to invoices and I trained two colleagues to run it. After that invoicing "
    "took one day and billing errors fell by 30 percent."
)
QUESTION = Question(id="q1", text="Tell me about a time you improved something.", kind="story")


def score(
    *,
    example: bool = True,
    parts: tuple[str, ...] = ("situation", "action", "result"),
    flags: tuple[str, ...] = (),
    fillers_per_minute: float | None = 2.0,
    fillers: int = 1,
    wpm: float | None = 140.0,
    duration_s: float | None = 90.0,
    words: int = 200,
    length: str = "good",
) -> Score:
    """A Score read back from a saved dict, with only what a test sets: the numbers exact."""
    saved: dict[str, Any] = {
        "transcript": "",
        "concrete_example": example,
        "flags": [{"code": c, "message": c, "advice": "", "spans": []} for c in flags],
        "metrics": {"words": words, "duration_s": duration_s, "wpm": wpm},
        "evidence": {
            p: ([[0, 4]] if p in parts else []) for p in ("situation", "action", "result")
        },
        "delivery": {
            "fillers": fillers,
            "fillers_per_minute": fillers_per_minute,
            "pace_wpm": wpm,
            "length": length,
        },
        "talking_points": [],
    }
    loaded = load_score(saved)
    assert [str(f.code) for f in loaded.flags] == list(flags), "a flag code this version lacks"
    return loaded


def row(
    score: Score | None,
    *,
    transcript: str = "",
    status: Status = Status.SPOKEN,
    attempt_id: int = 1,
    duration_s: float | None = None,
    question: Question = QUESTION,
) -> Attempt:
    """An attempt as the store reads it back, its verdict by the one rule."""
    return Attempt(
        id=attempt_id,
        session_id=1,
        question=question,
        created_at=f"2024-03-0{attempt_id}T09:00:00+00:00",
        status=status,
        transcript=transcript,
        score=score,
        outcome=outcome_of(status, score),
        duration_s=duration_s,
        audio_path=None,
    )


def kinds(changes: list[Change]) -> dict[str, bool | None]:
    return {c.kind: c.better for c in changes}


def test_example_added_and_result_quantified() -> None:
    before = score(example=False, parts=("situation",), flags=("no_action", "no_result"))
    after = score()
    changes = compare_attempts(row(before), row(after, attempt_id=2))
    texts = [c.text for c in changes]
    assert changes[0] == Change(
        "example", "example added: situation, your action and a result", True
    )
    assert "result now quantified" in texts
    # The example change explains the missing parts: they are not listed again.
    assert not {"action", "result", "flag_fixed"} & set(kinds(changes))


def test_example_lost_names_the_missing_part() -> None:
    before = score()
    after = score(example=False, parts=("situation", "action"), flags=("no_result",))
    changes = kinds(compare_attempts(row(before), row(after, attempt_id=2)))
    assert changes["example"] is False and changes["result"] is False
    assert "flag_new" not in changes


def test_result_gains_a_number() -> None:
    before = score(flags=("result_not_quantified",))
    changes = compare_attempts(row(before), row(score(), attempt_id=2))
    assert changes == [Change("quantified", "result now quantified", True)]


def test_fillers_down_per_minute() -> None:
    before = score(fillers_per_minute=6.1, fillers=9, flags=("many_fillers",))
    after = score(fillers_per_minute=2.0, fillers=3)
    changes = compare_attempts(row(before), row(after, attempt_id=2))
    assert changes == [Change("fillers", "fillers down from 6.1 to 2.0 per minute", True)]


def test_small_filler_wobble_is_not_a_change() -> None:
    changes = compare_attempts(
        row(score(fillers_per_minute=2.0)), row(score(fillers_per_minute=2.6), attempt_id=2)
    )
    assert changes == []


def test_typed_answers_compare_filler_counts() -> None:
    before = score(fillers_per_minute=None, fillers=2, wpm=None, duration_s=None)
    after = score(fillers_per_minute=None, fillers=0, wpm=None, duration_s=None)
    changes = compare_attempts(
        row(before, status=Status.TYPED), row(after, status=Status.TYPED, attempt_id=2)
    )
    assert changes == [Change("fillers", "fillers down from 2 to 0", True)]


def test_shorter_is_better_only_when_it_was_too_long() -> None:
    long_to_good = compare_attempts(
        row(score(duration_s=160.0, length="long")),
        row(score(duration_s=110.0), attempt_id=2),
    )
    assert long_to_good == [Change("length", "shorter: 2:40 -> 1:50", True)]
    good_to_short = compare_attempts(
        row(score(duration_s=80.0)),
        row(score(duration_s=25.0, length="too_short", flags=("too_short",)), attempt_id=2),
    )
    assert good_to_short == [Change("length", "shorter: 1:20 -> 0:25", False)]
    within_good = compare_attempts(
        row(score(duration_s=100.0)), row(score(duration_s=70.0), attempt_id=2)
    )
    assert within_good == [Change("length", "shorter: 1:40 -> 1:10", None)]


def test_longer_is_better_when_it_was_too_short() -> None:
    changes = compare_attempts(
        row(score(duration_s=20.0, length="too_short", flags=("too_short",))),
        row(score(duration_s=75.0), attempt_id=2),
    )
    assert changes == [Change("length", "longer: 0:20 -> 1:15", True)]


def test_typed_length_is_estimated_from_words() -> None:
    before = score(duration_s=None, wpm=None, fillers_per_minute=None, words=50)
    after = score(duration_s=None, wpm=None, fillers_per_minute=None, words=250)
    (change,) = compare_attempts(
        row(before, status=Status.TYPED), row(after, status=Status.TYPED, attempt_id=2)
    )
    assert change == Change("length", "longer: about 0:20 -> 1:40", True)


def test_pace_judged_by_the_scorer_range() -> None:
    changes = compare_attempts(row(score(wpm=190.0)), row(score(wpm=150.0), attempt_id=2))
    assert changes == [Change("pace", "slower: 190 -> 150 words per minute", True)]
    changes = compare_attempts(row(score(wpm=150.0)), row(score(wpm=95.0), attempt_id=2))
    assert changes == [Change("pace", "slower: 150 -> 95 words per minute", False)]


def test_ownership_more_i() -> None:
    we = "we planned it and we built it and our team shipped it, then I checked it"
    i = "I planned it and I built it and I shipped it with my team, then we celebrated"
    changes = compare_attempts(
        row(score(), transcript=we), row(score(), transcript=i, attempt_id=2)
    )
    assert changes == [Change("ownership", "ownership: more 'I' (25% -> 80% of I/we)", True)]


def test_other_flags_fixed_and_new() -> None:
    changes = compare_attempts(
        row(score(flags=("cliche", "hedge"))), row(score(flags=("hedge", "habitual")), attempt_id=2)
    )
    assert changes == [
        Change("flag_fixed", "fixed: clichés", True),
        Change("flag_new", "new: habits instead of one episode", False),
    ]


def test_missing_scores_are_said_not_raised() -> None:
    heard = row(score())
    silent = row(None, status=Status.NO_SPEECH, attempt_id=2)
    assert silent.outcome is Outcome.SKIPPED
    (answered,) = compare_attempts(silent, heard)
    assert answered == Change("answered", "answered this time (before: nothing was heard)", True)
    (lost,) = compare_attempts(heard, silent)
    assert lost == Change("answered", "nothing to compare this time: nothing was heard", False)
    recovered = row(None, status=Status.RECOVERED, attempt_id=3)
    (change,) = compare_attempts(silent, recovered)
    assert change.better is None and "recovered" in change.text
    # A skip is not a weak answer: skipping after a weak answer is no "example lost".
    weak = row(score(example=False, parts=("situation",), flags=("no_action", "no_result")))
    assert kinds(compare_attempts(weak, silent)) == {"answered": False}


def test_real_scores_of_a_weak_answer_and_a_story() -> None:
    # Typed, as the CLI's tests do: no timing, so length comes from the word count.
    before = score_answer(WEAK_ANSWER)
    after = score_answer(STORY)
    changes = compare_attempts(
        row(before, transcript=WEAK_ANSWER, status=Status.TYPED),
        row(after, transcript=STORY, status=Status.TYPED, attempt_id=2),
    )
    found = kinds(changes)
    assert found["example"] is True
    assert found["quantified"] is True
    assert found["fillers"] is True
    assert found["length"] is True
    assert found["ownership"] is True
    assert all(c.better is not False for c in changes), changes


def _answer(store: Store, session: int, qid: str, text: str) -> int:
    aid, _ = store.start_attempt(session, Question(id=qid, text="Question?"))
    store.complete_attempt(
        aid,
        status=Status.TYPED,
        transcript=text,
        transcript_json=None,
        score=score_answer(text),
        duration_s=None,
        keep_audio=False,
    )
    return aid


def test_attempts_grouped_by_question_across_review_sets() -> None:
    store = Store()
    first = store.create_session("second-interview", "Second interview")
    a1 = _answer(store, first, "q1", WEAK_ANSWER)
    _answer(store, first, "q1#follow-up", STORY)
    a2 = _answer(store, first, "q2", STORY)
    interrupted, _ = store.start_attempt(first, Question(id="q1", text="Question?"))  # recording
    review = store.create_session(WEAK, "Practise my weak answers")
    a3 = _answer(store, review, "second-interview--q1", STORY)

    grouped = attempts_by_question(store)
    assert {k: [a.id for a in v] for k, v in grouped.items()} == {
        ("second-interview", "q1"): [a1, a3],
        ("second-interview", "q2"): [a2],
    }
    with_follow_ups = attempts_by_question(store, include_follow_ups=True)
    assert ("second-interview", "q1#follow-up") in with_follow_ups

    latest = store.attempt(a3)
    assert latest is not None
    assert [a.id for a in same_question(store, latest)] == [a1, a3]
    earlier = previous_attempt(store, latest)
    assert earlier is not None and earlier.id == a1
    assert kinds(compare_attempts(earlier, latest))["example"] is True
    first_try = store.attempt(a1)
    assert first_try is not None and previous_attempt(store, first_try) is None
    assert interrupted not in [a.id for a in grouped[("second-interview", "q1")]]


WHY = Question(id="why", text="Why do you want to work here?", kind=QuestionKind.MOTIVATION)


def test_a_question_that_needs_no_story_is_compared_by_its_own_verdict() -> None:
    """A reason specific to the job is what this question needs: gaining it is the change,
    not a story it never asked for (both answers lack one)."""
    vague, _, _ = score_attempt(WHY, "Honestly I just need a job.")
    reason_text = (
        "I want to work here because your company builds billing tools for small shops, "
        "which is exactly the problem I care about. I have spent three years at Acme making "
        "invoicing faster, and I want to keep doing that on a bigger scale with your team."
    )
    reason, _, _ = score_attempt(WHY, reason_text)
    assert not vague.concrete_example and not reason.concrete_example
    before = row(vague, transcript="Honestly I just need a job.", status=Status.TYPED, question=WHY)
    after = row(reason, transcript=reason_text, status=Status.TYPED, attempt_id=2, question=WHY)
    assert (before.outcome, after.outcome) == (Outcome.NEEDS_WORK, Outcome.GOOD)
    changes = compare_attempts(before, after)
    assert changes[0] == Change("example", "now does what the question needs", True)
    assert kinds(compare_attempts(after, before))["example"] is False
