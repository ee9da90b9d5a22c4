"""The scorer against the labelled answers in tests/data/answers.jsonl.

The answers were written for the project: behavioural, line-manager, panel,
closing and offer questions, told by nurses, teachers, engineers, sales people,
drivers and more, typed or as raw speech-to-text. Each is labelled with whether
it holds a concrete accomplishment example, the exact words of its situation,
task, action and result, and (for questions with talking points) which points
it covers. The last answers, tagged "heldout", were never used to tune a rule.

Labelling conventions: a concrete example needs one specific past episode, the
speaker's own action in it and a clearly specific or quantified outcome. STAR
spans are clause-level exact substrings; an answer without an episode may still
label the parts it has (a "we"-only story labels its situation and result).
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "answers.jsonl"

QUESTION_TYPES = {
    "behavioural",
    "situational",
    "strengths",
    "motivation",
    "line_manager",
    "panel",
    "closing",
    "offer",
}
HARD_CASES = {
    "hard:numbers_no_story",
    "hard:hypothetical",
    "hard:habitual",
    "hard:we_only",
    "hard:story_no_numbers",
    "hard:for_example_no_example",
    "hard:duties",
    "hard:future_targets",
    "hard:no_result",
}
MIN_ANSWERS = 150
MIN_NO_EXAMPLE = 50
MIN_ASR = 30
MIN_HELDOUT = 40


def _bench() -> ModuleType:
    """scripts/bench_scorer.py, so the test and the benchmark count the same way."""
    spec = importlib.util.spec_from_file_location(
        "bench_scorer", ROOT / "scripts" / "bench_scorer.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _bench()


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = bench.load(DATA)
    return loaded


@pytest.fixture(scope="module")
def scored(items: list[dict[str, Any]]) -> list[Any]:
    return [bench.score_item(item) for item in items]


# --- The dataset itself ----------------------------------------------------------------


def test_dataset_size_and_balance(items: list[dict[str, Any]]) -> None:
    assert len(items) >= MIN_ANSWERS
    assert sum(not item["concrete_example"] for item in items) >= MIN_NO_EXAMPLE
    assert sum(item["concrete_example"] for item in items) >= MIN_NO_EXAMPLE
    assert len({item["id"] for item in items}) == len(items)


def test_every_line_has_the_agreed_schema(items: list[dict[str, Any]]) -> None:
    for item in items:
        assert {
            "id",
            "question",
            "question_type",
            "answer",
            "concrete_example",
            "star",
            "tags",
        } <= set(item), item["id"]
        assert item["question_type"] in QUESTION_TYPES, item["id"]
        assert isinstance(item["concrete_example"], bool)
        assert set(item["star"]) == {"situation", "task", "action", "result"}, item["id"]
        assert 20 <= len(item["answer"].split()) <= 250, item["id"]
        for tp in item.get("talking_points", ()):
            assert set(tp) == {"text", "covered"} and isinstance(tp["covered"], bool)


def test_every_span_is_an_exact_substring_of_its_answer(items: list[dict[str, Any]]) -> None:
    for item in items:
        for part, spans in item["star"].items():
            for span in spans:
                assert span and span in item["answer"], (item["id"], part, span)


def test_the_hard_cases_are_all_there(items: list[dict[str, Any]]) -> None:
    tags = Counter(tag for item in items for tag in item["tags"])
    for hard in HARD_CASES:
        assert tags[hard] >= 2, hard
    assert tags["asr"] >= MIN_ASR
    kinds = Counter(item["question_type"] for item in items)
    assert {"behavioural", "closing", "offer", "line_manager"} <= set(kinds)


def test_asr_answers_look_like_speech_to_text(items: list[dict[str, Any]]) -> None:
    fillers = re.compile(r"\b(?:um|uh|like|you know|i mean|so|yeah)\b")
    for item in items:
        if "asr" in item["tags"]:
            answer = item["answer"]
            assert answer == answer.lower(), item["id"]
            assert not re.search(r"[.,!?;:]", answer), item["id"]
            assert fillers.search(answer), item["id"]


def test_heldout_answers_come_last(items: list[dict[str, Any]]) -> None:
    held = ["heldout" in item["tags"] for item in items]
    assert sum(held) >= MIN_HELDOUT
    first = held.index(True)
    assert all(held[first:]), "held-out answers are the block at the end of the file"


# --- The scorer on it ------------------------------------------------------------------------


def test_no_example_flag_precision_and_recall(
    items: list[dict[str, Any]], scored: list[Any]
) -> None:
    pairs = [
        (i["concrete_example"], s.concrete_example) for i, s in zip(items, scored, strict=True)
    ]
    overall = bench.flag_metrics(pairs)
    assert overall["precision"] >= 0.9, overall
    assert overall["recall"] >= 0.9, overall


def test_no_example_flag_holds_on_the_heldout_answers(
    items: list[dict[str, Any]], scored: list[Any]
) -> None:
    pairs = [
        (i["concrete_example"], s.concrete_example)
        for i, s in zip(items, scored, strict=True)
        if "heldout" in i["tags"]
    ]
    heldout = bench.flag_metrics(pairs)
    assert heldout["precision"] >= 0.85, heldout
    assert heldout["recall"] >= 0.85, heldout


def test_star_spans_agree_with_the_labels(items: list[dict[str, Any]], scored: list[Any]) -> None:
    spans = bench.span_metrics(items, scored)
    for part in ("situation", "action", "result"):
        assert spans[part]["recall"] >= 0.8, (part, spans[part])
        assert spans[part]["precision"] >= 0.65, (part, spans[part])


def test_answers_with_a_labelled_result_get_a_result_span(
    items: list[dict[str, Any]], scored: list[Any]
) -> None:
    labelled = found = 0
    for item, score in zip(items, scored, strict=True):
        gold = bench.label_spans(item["answer"], item["star"]["result"])
        if gold:
            labelled += 1
            found += any(bench._overlap(g, list(score.star["result"])) for g in gold)
    assert found / labelled >= 0.8, (found, labelled)


def test_talking_points_agree_with_the_labels(
    items: list[dict[str, Any]], scored: list[Any]
) -> None:
    agreement = bench.talking_point_metrics(items, scored)
    assert agreement["points"] >= 30
    assert agreement["agreement"] >= 0.85, agreement


def test_flags_carry_spans_messages_and_advice(scored: list[Any]) -> None:
    for score in scored:
        for flag in score.flags:
            assert flag.message and flag.advice, flag
            for start, end in flag.spans:
                assert 0 <= start < end <= len(score.transcript)
        json.dumps(score.to_dict())
