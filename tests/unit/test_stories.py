"""The story bank: a story saved from a spoken answer, offered for the questions it fits
(and not the ones it does not), noticed when it is told again, kept in the database.

Answers are written the way people talk: fillers, the present tense, the outcome first.
The re-telling threshold was set on the stories of ``tests/data/story_tellings.json``
not marked ``held_out``; the held-out ones check it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from voice_coach.attempts import Attempt
from voice_coach.errors import InputError
from voice_coach.practice import score_attempt
from voice_coach.questions import Question
from voice_coach.schema import MIGRATIONS
from voice_coach.scoring import score_answer
from voice_coach.store import Store
from voice_coach.stories import (
    MIN_FIT,
    Story,
    Tag,
    clean_spoken,
    infer_tags,
    question_tags,
    stories_by_requirement,
    stories_for,
    story_from_attempt,
    story_from_parts,
    story_parts,
    tag_requirements,
)
from voice_coach.story_bank import StoryBank
from voice_coach.story_reuse import REUSE_THRESHOLD, compare_with_bank, similarity

DATA = Path(__file__).resolve().parents[1] / "data" / "story_tellings.json"
TELLINGS = {s["id"]: s for s in json.loads(DATA.read_text())["stories"]}

IMPROVE = Question(id="improve", text="Tell me about a time you improved a process.")
CLOSE = TELLINGS["close"]["first"]
"""Outcome first, present tense, "um", "you know", "like", a stammered "I, um, I"."""
ROTA = TELLINGS["rota"]["first"]
WAFFLE = (
    "Um, I'd say I'm a really hard worker, you know, I always try to get on with everyone "
    "and I think teamwork is, like, really important to me in general."
)


def _answered(store: Store, question: Question, transcript: str) -> Attempt:
    """An answer as practice saves it: scored by the real scorer, completed in the store."""
    session = store.create_session("mine", "Mine")
    attempt_id, _ = store.start_attempt(session, question)
    score, mentions, terms = score_attempt(question, transcript)
    return store.complete_attempt(
        attempt_id,
        status="typed",
        transcript=transcript,
        transcript_json=None,
        score=score,
        duration_s=None,
        mentions=mentions,
        key_terms=terms,
    )


def _written(title: str, situation: str, action: str, result: str) -> Story:
    return story_from_parts(
        {"situation": situation, "action": action, "result": result}, title=title
    )


OTHERS = (
    _written(
        "Calmed an angry client after a missed delivery",
        "A client's order for their shop opening was lost by the courier.",
        "I called the client myself, apologised, and got a replacement sent by same-day van.",
        "The client renewed their contract the following year.",
    ),
    _written(
        "Mentored a new analyst to run the forecast alone",
        "A new analyst joined the team just before the budget season.",
        "I mentored her for six weeks and we paired on the first two forecasts.",
        "She ran the quarterly forecast on her own by the spring.",
    ),
)


def test_a_story_saved_from_an_answer_is_offered_for_a_later_question_it_fits(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path)
    bank = StoryBank(store)
    for story in OTHERS:
        bank.add(story)
    attempt = _answered(store, IMPROVE, CLOSE)
    assert attempt.score is not None and attempt.score.concrete_example

    saved = bank.add(story_from_attempt(attempt))

    assert saved.id is not None and saved.source_attempt_id == attempt.id
    assert saved.title == "Cut the month-end close from ten days to four"
    for part in (saved.situation, saved.action, saved.result):
        low = f" {part.lower()} "
        assert part and not any(f in low for f in (" um", "you know", " like ", "basically"))
    assert "I automate the bank reconciliations with a script" in saved.action
    assert "ten days to four" in saved.result and "logistics firm" in saved.situation
    assert {Tag.TECHNICAL, Tag.NUMBERS} <= set(saved.tags)

    # A different question, in other words, that this story answers: offered first.
    fits = stories_for("Tell me about a time you made something at work run faster.", bank.all())
    assert fits and fits[0][0].id == saved.id
    fits = stories_for("Describe a time you used technology to fix a slow process.", bank.all())
    assert fits and fits[0][0].id == saved.id
    # One it does not fit: not offered at all.
    disagreed = stories_for("Tell me about a time you disagreed with your manager.", bank.all())
    assert saved.id not in [s.id for s, _ in disagreed]


def test_a_question_s_tags_say_what_it_asks_for() -> None:
    assert question_tags("Tell me about a time you disagreed with your manager.") == (Tag.CONFLICT,)
    assert Tag.FAILURE in question_tags("What's the biggest mistake you've made at work?")
    assert Tag.PRESSURE in question_tags("How do you handle a tight deadline?")
    assert question_tags("Why do you want this job?") == ()


def test_a_story_s_own_words_say_what_it_shows() -> None:
    assert Tag.CONFLICT in infer_tags(ROTA)
    assert Tag.FAILURE in infer_tags(TELLINGS["invoice_error"]["first"])
    assert Tag.PRESSURE in infer_tags(TELLINGS["outage"]["first"])
    assert Tag.CONFLICT not in infer_tags(CLOSE)


def test_a_conflict_story_is_offered_for_a_disagreement_and_not_for_money() -> None:
    rota = story_from_parts(story_parts(ROTA, score_answer(ROTA).star))
    close = story_from_parts(story_parts(CLOSE, score_answer(CLOSE).star))
    fits = stories_for(
        "Tell me about a time two people on your team did not get on.", [close, rota]
    )
    assert fits and fits[0][0] is rota
    fits = stories_for("Tell me about a conflict at work and how you handled it.", [close, rota])
    assert [s for s, _ in fits] == [rota]
    assert all(f >= MIN_FIT for _, f in fits)
    assert stories_for("What would you do in your first ninety days?", [close, rota]) == []


def test_an_answer_without_a_story_cannot_be_banked(tmp_path: Path) -> None:
    store = Store(tmp_path)
    attempt = _answered(store, IMPROVE, WAFFLE)
    with pytest.raises(InputError) as caught:
        story_from_attempt(attempt)
    message = str(caught.value)
    assert f"answer {attempt.id} has no story to bank yet" in message
    assert "situation, what you did and the result" in message
    assert "\n" not in message


def test_spoken_padding_is_cleaned_and_the_words_kept() -> None:
    assert clean_spoken("so, um, basically I, I rewrote the, you know, retry logic") == (
        "I rewrote the retry logic."
    )
    assert clean_spoken("and, yeah, by March we close in four days,") == (
        "By March we close in four days."
    )
    # A "like" that does grammatical work stays.
    assert (
        clean_spoken("it looked like a bug in the export") == "It looked like a bug in the export."
    )


def test_requirements_a_story_evidences_are_marked() -> None:
    story = story_from_parts(story_parts(CLOSE, score_answer(CLOSE).star))
    requirements = [
        "Experience automating financial reconciliations",
        "Leads month-end close and reporting",
        "Fluent German",
        "Manages a team of five",
    ]
    tagged = tag_requirements(story, requirements)
    assert tagged.supports == (
        "Experience automating financial reconciliations",
        "Leads month-end close and reporting",
    )
    # Marked once, a requirement then fits the story fully.
    assert stories_for("Leads month-end close and reporting", [tagged])[0][1] == 1.0
    mapped = stories_by_requirement(requirements, [tagged, *OTHERS])
    firsts = [(r, found[0].title if found else None) for r, found in mapped]
    assert firsts[:3] == [
        ("Experience automating financial reconciliations", tagged.title),
        ("Leads month-end close and reporting", tagged.title),
        ("Fluent German", None),
    ]


# --- Re-telling a banked story ----------------------------------------------------------


def _banked(name: str, number: int) -> Story:
    first = TELLINGS[name]["first"]
    story = story_from_parts(story_parts(first, score_answer(first).star))
    return story.model_copy(update={"id": number})


@pytest.mark.parametrize("held_out", [False, True], ids=["tuning", "held-out"])
def test_retellings_and_other_stories_fall_either_side_of_the_threshold(held_out: bool) -> None:
    names = list(TELLINGS)
    bank = {n: _banked(n, i) for i, n in enumerate(names, 1)}
    checked = 0
    for name in names:
        again = TELLINGS[name]["again"]
        for other in names:
            if held_out != (TELLINGS[name]["held_out"] or TELLINGS[other]["held_out"]):
                continue
            share = similarity(again, bank[other].text)
            if other == name:
                assert share >= REUSE_THRESHOLD + 0.05, (name, share)
            else:
                assert share < REUSE_THRESHOLD - 0.05, (name, other, share)
            checked += 1
    assert checked >= 6


def test_a_retelling_told_differently_is_noticed_and_compared() -> None:
    stories = [_banked(n, i) for i, n in enumerate(TELLINGS, 1)]
    # Told for another question, shorter, in the past tense, without the numbers.
    again = (
        "Yeah so I went through the whole month-end close step by step with the accountants, "
        "and I wrote a script for the bank reconciliations, and, um, the approvals went into "
        "the workflow system. After that the close was a lot quicker and the auditors were happy."
    )
    reuse = compare_with_bank(again, score_answer(again), stories)
    assert reuse is not None
    assert reuse.story.title == "Cut the month-end close from ten days to four"
    assert reuse.numbers_dropped == ("ten days", "four") and not reuse.numbers_kept
    text = " ".join(reuse.lines())
    assert "re-tells your banked story “Cut the month-end close from ten days to four”" in text
    assert "The banked result gives ten days and four; this time you did not say them" in text

    told = TELLINGS["close"]["again"]
    reuse = compare_with_bank(told, score_answer(told), stories)
    assert reuse is not None and reuse.story.title.startswith("Cut the month-end close")
    assert set(reuse.numbers_kept) >= {"four"}


def test_a_different_story_is_not_taken_for_a_banked_one() -> None:
    stories = [_banked("close", 1), _banked("rota", 2), _banked("supplier", 3)]
    other = TELLINGS["onboarding"]["first"]
    assert compare_with_bank(other, score_answer(other), stories) is None
    assert compare_with_bank(WAFFLE, score_answer(WAFFLE), stories) is None
    assert compare_with_bank(CLOSE, score_answer(CLOSE), []) is None


def test_the_comparison_names_the_parts_one_telling_lacks() -> None:
    banked = Story(
        id=7,
        title="Cut the month-end close from ten days to four",
        action="I automated the bank reconciliations with a script.",
        result="The close went from ten days to four.",
    )
    told = (
        "Um, at the logistics firm last year the close was taking ten days. So I automated the "
        "bank reconciliations with a script, and the close went down to four days."
    )
    reuse = compare_with_bank(told, score_answer(told), [banked])
    assert reuse is not None
    assert reuse.told_only == ("situation",) and reuse.banked_only == ()
    assert reuse.numbers_kept == ("ten days", "four") and not reuse.numbers_dropped
    assert "This telling adds the situation, which the banked version lacks" in " ".join(
        reuse.lines()
    )


# --- Keeping stories -------------------------------------------------------------------


def test_stories_round_trip_through_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path)
    bank = StoryBank(store)
    story = Story(
        title="Halved the returns backlog",
        situation="Returns were piling up before Christmas.",
        action="I split the backlog by courier and ran two shifts.",
        result="The backlog halved in a week.",
        tags=("delivery under pressure", Tag.TEAMWORK),
        supports=("Leads a small team", "Leads a small team", " "),
    )
    saved = bank.add(story)
    assert saved.tags == (Tag.TEAMWORK, Tag.PRESSURE) and saved.supports == ("Leads a small team",)
    assert saved.created_at and saved.created_at == saved.updated_at
    store.close()

    bank = StoryBank(Store(tmp_path))
    again = bank.require(saved.id or 0)
    assert again == saved
    edited = bank.update(again.model_copy(update={"title": "Cleared the returns backlog"}))
    assert edited.title == "Cleared the returns backlog" and edited.created_at == saved.created_at
    assert [s.title for s in bank.all()] == ["Cleared the returns backlog"]
    assert bank.delete(saved.id or 0) and not bank.delete(saved.id or 0)
    with pytest.raises(InputError, match="there is no story"):
        bank.require(saved.id or 0)


def test_a_story_outlives_the_session_it_came_from(tmp_path: Path) -> None:
    store = Store(tmp_path)
    bank = StoryBank(store)
    attempt = _answered(store, IMPROVE, CLOSE)
    saved = bank.save_from(attempt)
    store.delete_session(attempt.session_id)
    kept = bank.require(saved.id or 0)
    assert kept.source_attempt_id is None and kept.result == saved.result


def test_a_tag_this_version_does_not_know_is_dropped_not_fatal(tmp_path: Path) -> None:
    store = Store(tmp_path)
    bank = StoryBank(store)
    saved = bank.add(Story(title="T", result="It worked.", tags=(Tag.CONFLICT,)))
    with store.transaction() as db:
        db.execute(
            "UPDATE stories SET tags_json = ? WHERE id = ?", ('["conflict", "astrology"]', saved.id)
        )
    assert bank.require(saved.id or 0).tags == (Tag.CONFLICT,)


def test_a_story_needs_a_title_and_some_of_its_parts() -> None:
    with pytest.raises(ValueError, match="at least one of its situation, action and result"):
        Story(title="Empty")
    with pytest.raises(ValueError):
        Story(title="  ", result="It worked.")
    with pytest.raises(ValueError, match="no tag 'bravery'; the tags are leadership, conflict"):
        Tag.parse("bravery")


def _v3_database(root: Path) -> Path:
    """A database as version 3 of the code wrote it: its own statements, verbatim."""
    root.mkdir(parents=True, exist_ok=True)
    db = root / "voice_coach.db"
    con = sqlite3.connect(db)
    for step in MIGRATIONS[:3]:
        assert step.version <= 3
        for statement in step.statements:
            con.execute(statement)
    con.execute("PRAGMA user_version = 3")
    con.execute(
        "INSERT INTO sessions (id, started_at, set_name, set_title) "
        "VALUES (1, '2026-11-01T09:00:00+00:00', 'mine', 'Mine')"
    )
    con.execute(
        "INSERT INTO attempts (id, session_id, question_id, question_text, created_at, status,"
        " transcript, outcome) VALUES (1, 1, 'q', 'Q?', '2026-11-01T09:01:00+00:00', 'typed',"
        " 'I fixed it.', 'unscored')"
    )
    con.commit()
    con.close()
    os.chmod(db, 0o600)
    return db


def test_migration_from_v3_adds_the_story_bank_and_keeps_the_answers(tmp_path: Path) -> None:
    _v3_database(tmp_path)

    store = Store(tmp_path)

    assert store.schema_version == 4
    assert store.backup == tmp_path / "voice_coach.db.v3.bak"
    attempt = store.attempt(1)
    assert attempt is not None and attempt.transcript == "I fixed it."
    bank = StoryBank(store)
    assert bank.all() == []
    saved = bank.add(Story(title="Fixed it", result="It worked.", source_attempt_id=1))
    assert saved.source_attempt_id == 1
    with sqlite3.connect(store.backup or "") as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    con.close()
    assert "stories" not in tables
