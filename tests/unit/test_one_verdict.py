"""One verdict everywhere: what practice says of an answer is what every other place says.

A closing answer that misses its points is weak on the practice screen, in the summary,
history, export, progress and the review queue; a question passed over without a word
is "skipped" in all of them and weak in none. Spoken and typed answers get the same
findings, the CV checks included.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from voice_coach.attempts import Outcome, Status
from voice_coach.cli import main
from voice_coach.export import session_record, to_json, to_markdown
from voice_coach.live import AnswerResult
from voice_coach.practice import Phase, PracticeSession
from voice_coach.progress import answer_progress, question_progress, session_progress
from voice_coach.questions import parse_question_set
from voice_coach.review import schedule, weak_set
from voice_coach.speech.stt import Transcript, TranscriptSegment, Word
from voice_coach.store import Store

SET = """
name = "closing"
title = "Closing"
key_terms = ["route planning"]

[[questions]]
id = "story"
text = "Tell me about a time you cut costs."
expects = ["example"]
mentions = ["40%"]

[[questions]]
id = "ask-us"
text = "Do you have any questions for us?"
expects = ["asks when a decision will be made", "asks about the team"]

[[questions]]
id = "skipped"
text = "What would your first ninety days look like?"
"""

WEAK_CLOSING = "No, I think you covered everything, thanks."
STORY = (
    "So, um, last spring at Northwind our fuel bill was way over budget. I rebuilt the "
    "route planning myself, and fuel costs fell by 40% in three months."
)


def _spoken(path: Path, text: str, seconds: float = 20.0) -> AnswerResult:
    """What a recording of ``text`` gives: its words spread over it, as Whisper times them."""
    words = text.split()
    step = (seconds - 2.0) / max(len(words), 1)
    timed = tuple(
        Word(1.0 + i * step, 1.0 + (i + 0.8) * step, (" " if i else "") + w)
        for i, w in enumerate(words)
    )
    segments = (TranscriptSegment(1.0, seconds - 1.0, text, timed),) if text else ()
    return AnswerResult(path, seconds, Transcript(segments, seconds), "silence")


def _play_session(store: Store) -> PracticeSession:
    session = PracticeSession(parse_question_set(SET, "closing.toml"), store)
    session.ask()
    attempt_id, path = session.begin_answer()
    story = session.finish_spoken(attempt_id, _spoken(path, STORY))
    assert story.outcome is Outcome.GOOD, story.verdict
    assert session.next_question()
    weak = session.finish_typed(WEAK_CLOSING)
    assert weak.outcome is Outcome.NEEDS_WORK and weak.flagged, weak.verdict
    assert session.phase is Phase.FEEDBACK
    assert session.next_question()
    attempt_id, path = session.begin_answer()
    skipped = session.finish_spoken(attempt_id, _spoken(path, ""))
    assert skipped.outcome is Outcome.SKIPPED and not skipped.flagged
    assert skipped.status is Status.NO_SPEECH
    session.finish()
    return session


def test_a_weak_closing_answer_is_weak_everywhere_and_a_skip_nowhere(tmp_path: Path) -> None:
    store = Store(tmp_path)
    session = _play_session(store)

    counts = session.counts()
    assert (counts[Outcome.GOOD], counts[Outcome.NEEDS_WORK], counts[Outcome.SKIPPED]) == (1, 1, 1)

    (row,) = store.sessions()
    assert (row.answers, row.flagged, row.skipped) == (3, 1, 1)

    saved = {a.question_id: a for a in store.attempts(row.id)}
    assert saved["ask-us"].outcome is Outcome.NEEDS_WORK
    assert saved["skipped"].outcome is Outcome.SKIPPED
    assert [a for a in session.attempts] == [saved["story"], saved["ask-us"], saved["skipped"]]

    record = session_record(store, row.id)
    assert record is not None
    markdown = to_markdown([record])
    assert "3 answers, 1 need work, 1 skipped." in markdown
    assert markdown.count("needs work") == 1 and "skipped: no speech" in markdown
    assert "no_speech" not in markdown and "spoken" not in markdown
    exported = {a["question_id"]: a for a in json.loads(to_json([record]))[0]["attempts"]}
    assert exported["ask-us"]["needs_work"] is True and exported["skipped"]["needs_work"] is False

    (stats,) = session_progress(store)
    assert (stats.needs_work, stats.skipped) == (1, 1)
    assert stats.example_share == 0.5  # one good of the two that could be judged
    by_question = {q.question_id: q for q in question_progress(store)}
    assert by_question["ask-us"].examples == [False]
    assert by_question["skipped"].examples == [None]
    assert [p.outcome for p in answer_progress(store)] == [
        Outcome.GOOD,
        Outcome.NEEDS_WORK,
        Outcome.SKIPPED,
    ]

    due = {d.question_id for d in schedule(store)}
    assert due == {"ask-us"}
    weak = weak_set(store)
    assert weak is not None and [q.text for q in weak.questions] == [
        "Do you have any questions for us?"
    ]


def test_history_command_says_the_same(tmp_path: Path, isolated_home: Path) -> None:
    store = Store()
    _play_session(store)
    store.close()
    out = CliRunner().invoke(main, ["history"]).output
    assert "3 answers, 1 need work, 1 skipped" in out
    assert "✘ needs work" in out and "— skipped: no speech" in out and "✔ good answer" in out


def test_a_review_of_a_closing_question_judges_it_as_its_own_set_does(
    tmp_path: Path, isolated_home: Path
) -> None:
    """The weak-answers set borrows the question whole: its talking points decide again."""
    sets = isolated_home / "config" / "question_sets"
    sets.mkdir(parents=True)
    (sets / "closing.toml").write_text(SET)
    store = Store()
    _play_session(store)
    weak = weak_set(store)
    assert weak is not None
    review = PracticeSession(weak, store)
    again = review.finish_typed(WEAK_CLOSING)
    assert again.outcome is Outcome.NEEDS_WORK
    better = review.finish_typed(
        "Yes: when do you expect to make a decision, and how does the team work together day "
        "to day?"
    )
    assert better.outcome is Outcome.GOOD, better.verdict


def test_spoken_and_typed_get_the_same_findings(tmp_path: Path) -> None:
    store = Store(tmp_path)
    session = PracticeSession(parse_question_set(SET, "closing.toml"), store)
    attempt_id, path = session.begin_answer()
    spoken = session.finish_spoken(attempt_id, _spoken(path, STORY))
    session.redo()
    typed = session.finish_typed(STORY)
    assert spoken.score is not None and typed.score is not None
    assert spoken.outcome is typed.outcome is Outcome.GOOD
    assert spoken.mentions == typed.mentions == (("40%", True),)
    assert spoken.key_terms == typed.key_terms == (("route planning", True),)
    assert spoken.score.missing == typed.score.missing
    assert spoken.score.evidence == typed.score.evidence
    assert spoken.score.talking_points == typed.score.talking_points
    judged = {"missing", "phrasing"}
    assert {f.code for f in spoken.score.flags if f.code.group in judged} == {
        f.code for f in typed.score.flags if f.code.group in judged
    }
    # Only a spoken answer has a pace, measured over the words, not the recording.
    assert spoken.score.delivery.pace_wpm and typed.score.delivery.pace_wpm is None
