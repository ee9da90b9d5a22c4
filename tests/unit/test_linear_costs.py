"""What the linear-time paths must still do: every session exported, every overlap found.

How long they take is measured by scripts/bench_costs.py, not asserted here.
"""

from __future__ import annotations

import json
import random

from click.testing import CliRunner

from voice_coach.attempts import Status
from voice_coach.cli import main
from voice_coach.export import session_dict
from voice_coach.questions import Question
from voice_coach.scoring import score_answer
from voice_coach.scoring.story_common import SpanIndex
from voice_coach.store import Store

SESSIONS = 40
STORY = (
    "Last year at Acme our monthly invoicing took four days. I wrote a script that matched "
    "delivery records to invoices and I trained two colleagues to run it. After that invoicing "
    "took one day and billing errors fell by 30 percent."
)
SCORES = {0: score_answer(STORY), 1: score_answer("I always work hard.")}
"""The first answer of a session is good, the second needs work."""


def _practised(n: int) -> list[int]:
    store = Store()
    ids = []
    for i in range(n):
        sid = store.create_session("second-interview", f"Interview {i}")
        for q in range(i % 3):  # some sessions with no answer at all
            question = Question(id=f"q{q}", text=f"Question {q} of {i}?")
            attempt_id, _ = store.start_attempt(sid, question)
            store.complete_attempt(
                attempt_id,
                status=Status.TYPED,
                transcript=f"Answer {q} in session {i}.",
                transcript_json=None,
                score=SCORES[q],
                duration_s=5.0,
                keep_audio=False,
            )
        ids.append(sid)
    store.close()
    return ids


def test_export_all_holds_every_session_with_its_answers() -> None:
    ids = _practised(SESSIONS)
    result = CliRunner().invoke(main, ["export", "--all", "--format", "json"])
    assert result.exit_code == 0, result.output
    exported = json.loads(result.stdout)
    assert sorted(s["id"] for s in exported) == sorted(ids)
    for s in exported:
        i = int(s["title"].split()[-1])
        assert s["answers"] == len(s["attempts"]) == i % 3
        assert [a["outcome"] for a in s["attempts"]] == ["good", "needs_work"][: i % 3]
        assert s["flagged"] == s["needs_work"] == (i % 3 == 2)
        assert s["flagged"] == sum(a["needs_work"] for a in s["attempts"])
        assert [a["transcript"] for a in s["attempts"]] == [
            f"Answer {q} in session {i}." for q in range(i % 3)
        ]
    markdown = CliRunner().invoke(main, ["export", "--all"]).stdout
    assert sum(line.startswith("# Interview ") for line in markdown.splitlines()) == SESSIONS


def test_one_session_by_its_key_is_the_one_listed() -> None:
    ids = _practised(12)
    store = Store()
    listed = {s.id: s for s in store.sessions()}
    assert all(store.session(i) == listed[i] for i in ids)
    assert store.session(max(ids) + 1) is None
    data = session_dict(store, ids[5])
    assert data is not None and data["id"] == ids[5] and len(data["attempts"]) == 5 % 3


def test_the_span_index_finds_exactly_the_overlaps_a_scan_finds() -> None:
    rng = random.Random(11)

    def probes() -> list[tuple[int, int]]:
        starts = [rng.randint(0, 130) for _ in range(10)]
        return [(start, start + rng.randint(0, 8)) for start in starts]

    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 50)):  # few (scanned) and many (indexed)
            start = rng.randint(0, 120)
            spans.append((start, start + rng.randint(0, 8)))
        half = len(spans) // 2
        index = SpanIndex(spans[:half])
        added = spans[:half]
        for span in [None, *spans[half:]]:
            if span is not None:
                index.add(span)  # in and out of order, between questions
                added.append(span)
            for probe in probes():
                scan = any(probe[0] < e and s < probe[1] for s, e in added)
                assert index.overlaps(probe) == scan, (added, probe)
