from __future__ import annotations

from voice_coach.attempts import Outcome, Status, load_score
from voice_coach.progress import answer_progress, question_progress, session_progress
from voice_coach.questions import Question
from voice_coach.review import STRUGGLED
from voice_coach.scoring import Score, score_answer
from voice_coach.store import Store

STORY = (
    "Last year at Acme our monthly invoicing took four days. I wrote a script that matched "
    "delivery records to invoices and I trained two colleagues to run it. After that invoicing "
    "took one day and billing errors fell by 30 percent."
)
WEAK = "Um, we usually work hard as a team and, uh, we always deliver things on time."


def spoken(fillers_per_minute: float, wpm: float, example: bool) -> Score:
    """A saved score read back, with exact delivery numbers."""
    return load_score(
        {
            "transcript": "words",
            "concrete_example": example,
            "flags": [],
            "metrics": {"words": 150, "duration_s": 60.0, "wpm": wpm},
            "delivery": {"fillers": 3, "fillers_per_minute": fillers_per_minute, "pace_wpm": wpm},
        }
    )


def answer(
    store: Store,
    session: int,
    qid: str,
    score: Score | None,
    *,
    status: Status = Status.SPOKEN,
    text: str = "Tell me about a time you improved something.",
) -> int:
    aid, _ = store.start_attempt(session, Question(id=qid, text=text))
    store.complete_attempt(
        aid,
        status=status,
        transcript="words" if score else "",
        transcript_json=None,
        score=score,
        duration_s=60.0,
    )
    return aid


def test_question_series_follow_the_question_into_review_sets() -> None:
    store = Store()
    first = store.create_session("second-interview", "Second interview")
    a1 = answer(store, first, "q1", spoken(6.14, 182.4, False))
    answer(store, first, "q1#follow-up", spoken(1.0, 150.0, True))
    a2 = answer(store, first, "q2", None, status=Status.NO_SPEECH, text="Why us?")
    review = store.create_session(STRUGGLED, "Questions I struggled with")
    a3 = answer(store, review, "second-interview--q1", spoken(2.0, 150.0, True))
    interrupted = Question(id="second-interview--q2", text="Why us?")
    store.start_attempt(review, interrupted)  # interrupted: not an answer

    q1, q2 = question_progress(store)

    assert (q1.set_name, q1.question_id) == ("second-interview", "q1")
    assert [p.attempt_id for p in q1.points] == [a1, a3]
    assert q1.examples == [False, True]
    assert q1.outcomes == [Outcome.NEEDS_WORK, Outcome.GOOD]
    assert q1.fillers_per_minute == [6.1, 2.0]
    assert q1.wpm == [182, 150]
    assert q1.dates == sorted(q1.dates) and len(q1.dates) == 2
    assert (q2.question_id, q2.question_text, q2.examples) == ("q2", "Why us?", [None])
    assert [p.attempt_id for p in q2.points] == [a2] and q2.points[0].status == "no_speech"
    # Nothing said: skipped, neither weak nor good.
    assert q2.outcomes == [Outcome.SKIPPED] and q2.points[0].met is None

    data = q1.to_dict()
    assert data["set"] == "second-interview" and data["attempts"] == 2
    assert data["concrete_example"] == [False, True]
    assert data["outcomes"] == ["needs_work", "good"]
    assert data["points"][1]["session"] == review


def test_typed_answers_have_no_timing_but_count_for_examples() -> None:
    store = Store()
    sid = store.create_session("hr", "HR")
    for text in (WEAK, STORY):
        aid, _ = store.start_attempt(sid, Question(id="q1", text="Tell me about a time..."))
        store.complete_attempt(
            aid,
            status=Status.TYPED,
            transcript=text,
            transcript_json=None,
            score=score_answer(text),
            duration_s=None,
            keep_audio=False,
        )
    (q,) = question_progress(store)
    assert q.examples == [False, True]
    assert q.fillers_per_minute == [None, None] and q.wpm == [None, None]


def test_overall_series_answer_by_answer_and_session_by_session() -> None:
    store = Store()
    first = store.create_session("hr", "HR")
    answer(store, first, "q1", spoken(4.0, 120.0, False))
    answer(store, first, "q1#follow-up", spoken(2.0, 140.0, True))
    answer(store, first, "q2", None, status=Status.NO_SPEECH)  # skipped
    second = store.create_session("hr", "HR")
    answer(store, second, "q1", spoken(1.0, 150.0, True))
    answer(store, second, "q2", None, status=Status.NO_SPEECH)  # skipped again

    points = answer_progress(store)
    assert [p.outcome for p in points] == [
        Outcome.NEEDS_WORK,
        Outcome.GOOD,
        Outcome.SKIPPED,
        Outcome.GOOD,
        Outcome.SKIPPED,
    ]
    assert [p.met for p in points] == [False, True, None, True, None]
    assert [p.session_id for p in points] == [first, first, first, second, second]
    sessions = session_progress(store)
    # A skip is neither weak nor good: it leaves the share of good answers as it was.
    assert [s.example_share for s in sessions] == [0.5, 1.0]
    assert [(s.answers, s.needs_work, s.skipped) for s in sessions] == [(3, 1, 1), (2, 0, 1)]
    assert [s.fillers_per_minute for s in sessions] == [3.0, 1.0]


def test_a_session_of_skips_has_no_share_of_good_answers() -> None:
    store = Store()
    sid = store.create_session("hr", "HR")
    answer(store, sid, "q1", None, status=Status.NO_SPEECH)
    (stats,) = session_progress(store)
    assert (stats.answers, stats.example_share, stats.needs_work, stats.skipped) == (1, None, 0, 1)


def test_nothing_practised_is_an_empty_list() -> None:
    store = Store()
    store.create_session("hr", "HR")
    assert question_progress(store) == [] and answer_progress(store) == []


def test_cli_progress_by_question() -> None:
    import json

    from click.testing import CliRunner

    from voice_coach.cli import main

    store = Store()
    sid = store.create_session("second-interview", "Second interview")
    answer(store, sid, "q1", spoken(6.0, 180.0, False))
    answer(store, sid, "q1", spoken(2.0, 150.0, True))
    runner = CliRunner()
    result = runner.invoke(main, ["progress", "--by-question", "--json"])
    assert result.exit_code == 0
    (q,) = json.loads(result.stdout)
    assert (q["set"], q["question_id"], q["attempts"]) == ("second-interview", "q1", 2)
    assert q["concrete_example"] == [False, True] and q["fillers_per_minute"] == [6.0, 2.0]
    text = runner.invoke(main, ["progress", "--by-question"])
    assert text.exit_code == 0 and "second-interview/q1" in text.stdout and "✘✔" in text.stdout
