#!/usr/bin/env python3
"""How well, and how fast, the scorer judges the labelled answers in tests/data.

For every kind of question (story, CV detail, plan, motivation, about you, salary,
strengths, your questions for them, an offer on the spot, the remote environment):
the confusion matrix of "meets what the question needs", with precision, recall and
F1 of both verdicts and balanced accuracy; the same for story answers by how they
were told (written, spoken, raw speech-to-text); how well the STAR spans agree with
the labels; talking-point (concept) agreement; how often the kind is inferred right
from the question alone; the live end of turn on story answers (how many good stories,
told whole, may end after the shorter silence, and how many of their unfinished beginnings
may too: a speaker cut off there); and answers scored per second on one core.

Held-out answers (``heldout.jsonl``, ``closing_heldout.jsonl`` and the older file's
"heldout" block) are never used to fit or tune anything: their figures are the honest
estimate of how the scorer does on answers it has not seen, and ``--errors`` never lists
them. Each file is also reported on its own, so a change that helps one costs no other.

    scripts/bench_scorer.py            # table
    scripts/bench_scorer.py --json     # one JSON object
    scripts/bench_scorer.py --errors   # also list misjudged (non-held-out) answers
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voice_coach.scoring import STAR_PARTS, Score, score_answer  # noqa: E402
from voice_coach.scoring.concepts import CONCEPTS, concept_for_point  # noqa: E402
from voice_coach.scoring.dataset import Labelled, load  # noqa: E402
from voice_coach.scoring.kinds import QuestionKind, infer_kind  # noqa: E402

DATA = ROOT / "tests" / "data"
SPEED_SECONDS = 2.0
"""How long each speed measurement runs: long enough to average out the odd hiccup."""
TYPICAL_WORDS = 150


def score_item(item: Labelled) -> Score:
    return score_answer(
        item.answer,
        question=item.question,
        kind=item.kind,
        talking_points=[text for text, _ in item.talking_points],
    )


def verdict_metrics(pairs: Iterable[tuple[bool, bool]]) -> dict[str, Any]:
    """Confusion matrix, with "meets what the question needs" as the positive class.

    ``pairs`` are (labelled, predicted). Balanced accuracy is the mean of the recall of
    both verdicts, so a set with few weak answers cannot hide that they are missed.
    """
    tp = fp = fn = tn = 0
    for gold, pred in pairs:
        if gold and pred:
            tp += 1
        elif pred:
            fp += 1
        elif gold:
            fn += 1
        else:
            tn += 1
    n = tp + fp + fn + tn

    def ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    def f1(p: float | None, r: float | None) -> float | None:
        return 2 * p * r / (p + r) if p is not None and r is not None and p + r else None

    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    weak_precision, weak_recall = ratio(tn, tn + fn), ratio(tn, tn + fp)
    balanced = (
        (recall + weak_recall) / 2 if recall is not None and weak_recall is not None else None
    )
    return {
        "n": n,
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "accuracy": ratio(tp + tn, n),
        "balanced_accuracy": balanced,
        "meets": {"precision": precision, "recall": recall, "f1": f1(precision, recall)},
        "needs_work": {
            "precision": weak_precision,
            "recall": weak_recall,
            "f1": f1(weak_precision, weak_recall),
        },
    }


def label_spans(answer: str, texts: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for text in texts:
        start = answer.find(text)
        if start >= 0:
            spans.append((start, start + len(text)))
    return spans


def _overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def span_metrics(items: list[Labelled], scores: list[Score]) -> dict[str, dict[str, Any]]:
    """Per STAR part: share of labelled spans a predicted span overlaps (recall), and share
    of predicted spans that overlap a labelled one (precision), over story answers."""
    out: dict[str, dict[str, Any]] = {}
    for part in STAR_PARTS:
        labelled = found = predicted = correct = 0
        for item, score in zip(items, scores, strict=True):
            if not item.needs_example:
                continue
            gold = label_spans(item.answer, item.star.get(part, ()))
            pred = list(score.star.get(part, ()))
            labelled += len(gold)
            found += sum(_overlap(g, pred) for g in gold)
            predicted += len(pred)
            correct += sum(_overlap(p, gold) for p in pred)
        out[part] = {
            "labelled": labelled,
            "recall": found / labelled if labelled else None,
            "predicted": predicted,
            "precision": correct / predicted if predicted else None,
        }
    return out


def talking_point_metrics(items: list[Labelled], scores: list[Score]) -> dict[str, Any]:
    """Agreement on each labelled point: concepts (asks for time, says when...) and the older
    file's free-worded points, per concept where there is one."""
    per: dict[str, list[int]] = {}
    agree = total = 0
    for item, score in zip(items, scores, strict=True):
        found: dict[str, bool] = {}
        for tp in score.talking_points:
            concept = concept_for_point(tp.text) or next(
                (c for c in CONCEPTS.values() if c.text == tp.text), None
            )
            if concept is not None:
                found.setdefault(concept.id, tp.covered)
        counted: set[str] = set()
        for concept_id, spans in item.points.items():
            if concept_id not in found:
                continue  # a point the label has but the kind does not judge (accepts_now)
            ok = found[concept_id] == bool(spans)
            per.setdefault(concept_id, [0, 0])
            per[concept_id][0] += ok
            per[concept_id][1] += 1
            agree += ok
            total += 1
            counted.add(concept_id)
        for (text, covered), tp in zip(item.talking_points, score.talking_points, strict=False):
            concept = concept_for_point(text)
            if concept is not None and concept.id in counted:
                continue  # already counted above, by its concept
            ok = covered == tp.covered
            agree += ok
            total += 1
    return {
        "points": total,
        "agreement": agree / total if total else None,
        "by_concept": {k: {"n": v[1], "agreement": v[0] / v[1]} for k, v in sorted(per.items())},
    }


def speed(answers: list[str], seconds: float = SPEED_SECONDS) -> float:
    """Answers per second, scoring the list over and over in this one process (one core)."""
    for answer in answers:
        score_answer(answer)  # warm caches and compiled patterns
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for answer in answers:
            score_answer(answer, duration_s=60.0)
        done += len(answers)
    return done / (time.perf_counter() - start)


def typical_answers(answers: list[str], words: int = TYPICAL_WORDS) -> list[str]:
    """Answers of ``words`` words (a minute or so spoken), cut from the labelled ones joined
    end to end: the length the speed requirement is stated for."""
    out: list[str] = []
    current: list[str] = []
    for answer in answers:
        current.extend(answer.split())
        if len(current) >= words:
            out.append(" ".join(current[:words]))
            current = []
    return out


def _groups(items: list[Labelled], scores: list[Score]) -> dict[str, Any]:
    judged = [(i, s) for i, s in zip(items, scores, strict=True) if i.meets is not None]
    out: dict[str, Any] = {"all": verdict_metrics((i.meets, s.meets) for i, s in judged)}  # type: ignore[misc]
    out["story_kinds"] = verdict_metrics(
        (i.concrete_example, s.concrete_example) for i, s in judged if i.needs_example
    )
    out["other_kinds"] = verdict_metrics(
        (bool(i.meets), s.meets) for i, s in judged if not i.needs_example
    )
    out["by_kind"] = {
        kind.value: verdict_metrics((bool(i.meets), s.meets) for i, s in judged if i.kind is kind)
        for kind in QuestionKind
        if any(i.kind is kind for i, _ in judged)
    }
    out["story_by_style"] = {
        style: verdict_metrics(
            (i.concrete_example, s.concrete_example)
            for i, s in judged
            if i.needs_example and i.style == style
        )
        for style in ("written", "spoken", "asr")
    }
    return out


def run(directory: Path = DATA, *, speed_seconds: float = SPEED_SECONDS) -> dict[str, Any]:
    items = load(directory)
    started = time.perf_counter()
    scores = [score_item(item) for item in items]
    batch_rate = len(items) / (time.perf_counter() - started)
    held = [i.heldout for i in items]
    dev_items = [i for i, h in zip(items, held, strict=True) if not h]
    dev_scores = [s for s, h in zip(scores, held, strict=True) if not h]
    ho_items = [i for i, h in zip(items, held, strict=True) if h]
    ho_scores = [s for s, h in zip(scores, held, strict=True) if h]
    answers = [i.answer for i in items]
    typical = typical_answers(answers)
    inferred = [(i.kind, infer_kind(i.question)) for i in items if "kind" not in i.tags]
    errors = [
        {
            "id": item.id,
            "kind": item.kind.value,
            "labelled": item.meets,
            "predicted": score.meets,
            "missing": list(score.missing),
            "likelihood": round(analysed, 2),
        }
        for item, score in zip(dev_items, dev_scores, strict=True)
        if item.meets is not None
        and item.meets != score.meets
        and (analysed := _likelihood(item)) is not None
    ]
    return {
        "answers": len(items),
        "heldout_answers": len(ho_items),
        "tuned_answers": len(dev_items),
        "tuned": _groups(dev_items, dev_scores),
        "heldout": _groups(ho_items, ho_scores),
        "kind_inference": {
            "n": len(inferred),
            "accuracy": sum(a == b for a, b in inferred) / len(inferred) if inferred else None,
        },
        "spans": {
            "tuned": span_metrics(dev_items, dev_scores),
            "heldout": span_metrics(ho_items, ho_scores),
        },
        "talking_points": {
            "tuned": talking_point_metrics(dev_items, dev_scores),
            "heldout": talking_point_metrics(ho_items, ho_scores),
        },
        "speed": {
            "batch_answers_per_second": batch_rate,
            "answers_per_second": speed(answers, speed_seconds),
            "mean_words": sum(len(a.split()) for a in answers) / len(answers),
            "typical_answers_per_second": speed(typical, speed_seconds),
            "typical_mean_words": sum(len(a.split()) for a in typical) / len(typical),
        },
        "end_of_turn": {"tuned": end_of_turn(dev_items), "heldout": end_of_turn(ho_items)},
        "by_file": _by_file(items, scores),
        "errors_not_heldout": errors,
    }


def end_of_turn(items: list[Labelled]) -> dict[str, Any]:
    """Good story answers as the live end of turn sees them (``LiveAnswer._ends_answer``):
    told whole, each may end after the shorter silence when it has told enough; each of its
    beginnings that ends a sentence, is long enough and sounds finished, should not."""
    from voice_coach.live import SHORT_END_MIN_WORDS
    from voice_coach.scoring import has_told_enough
    from voice_coach.scoring.concepts_common import sentence_spans
    from voice_coach.speech.interim import sounds_finished

    stories = [i for i in items if i.needs_example and i.concrete_example]
    whole = sum(has_told_enough(i.answer, i.kind) for i in stories)
    beginnings = [
        (i.answer[:end], i.kind)
        for i in stories
        for start, end in sentence_spans(i.answer)[:-1]
        if len(i.answer[:end].split()) >= SHORT_END_MIN_WORDS
        and sounds_finished(i.answer[start:end])
    ]
    early = sum(has_told_enough(text, kind) for text, kind in beginnings)
    return {
        "good_stories": len(stories),
        "whole_may_end_early": whole,
        "beginnings": len(beginnings),
        "beginnings_may_end_early": early,
    }


def _by_file(items: list[Labelled], scores: list[Score]) -> dict[str, Any]:
    """Each file on its own: a change that helps the newest file must not cost an older one."""
    out: dict[str, Any] = {}
    for source in dict.fromkeys(i.source for i in items):
        chosen = [(i, s) for i, s in zip(items, scores, strict=True) if i.source == source]
        judged = [(i, s) for i, s in chosen if i.meets is not None]
        out[source] = {
            "heldout": all(i.heldout for i, _ in chosen),
            "verdict": verdict_metrics((bool(i.meets), s.meets) for i, s in judged),
            "talking_points": talking_point_metrics([i for i, _ in chosen], [s for _, s in chosen]),
        }
    return out


def _likelihood(item: Labelled) -> float:
    from voice_coach.scoring.story import analyse_story
    from voice_coach.scoring.text import Text, lowered

    return analyse_story(Text(lowered(item.answer))).likelihood


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def _row(name: str, m: dict[str, Any]) -> str:
    c = m["confusion"]
    return (
        f"  {name:<20} {m['n']:4d}  {c['tp']:4d} {c['fn']:4d} {c['fp']:4d} {c['tn']:4d}  "
        f"{_pct(m['accuracy'])} {_pct(m['balanced_accuracy'])} {_pct(m['meets']['f1'])} "
        f"{_pct(m['needs_work']['f1'])}"
    )


def print_table(result: dict[str, Any], *, show_errors: bool) -> None:
    print(
        f"{result['answers']} labelled answers: {result['tuned_answers']} used for tuning, "
        f"{result['heldout_answers']} held out"
    )
    header = "  group                   n    TP   FN   FP   TN  accuracy balanced  F1 meets F1 weak"
    for split in ("heldout", "tuned"):
        groups = result[split]
        print(f"\nMeets what the question needs: {split} answers (TP = labelled and judged good)")
        print(header)
        for name in ("all", "story_kinds", "other_kinds"):
            print(_row(name, groups[name]))
        for kind, m in groups["by_kind"].items():
            print(_row("  " + kind, m))
        for style, m in groups["story_by_style"].items():
            if m["n"]:
                print(_row("  story, " + style, m))
    ki = result["kind_inference"]
    print(f"\nKind inferred from the question alone: {_pct(ki['accuracy'])} of {ki['n']}")
    for split in ("heldout", "tuned"):
        print(
            f"\nSTAR spans ({split})  labelled  found (recall)   predicted  on a label (precision)"
        )
        for part, m in result["spans"][split].items():
            print(
                f"  {part:<12} {m['labelled']:8d}        {_pct(m['recall'])}    "
                f"{m['predicted']:8d}        {_pct(m['precision'])}"
            )
    for split in ("heldout", "tuned"):
        tp = result["talking_points"][split]
        print(
            f"\nTalking points ({split}): {tp['points']} labelled, "
            f"agreement {_pct(tp['agreement'])}"
        )
        for concept, m in tp["by_concept"].items():
            print(f"  {concept:<18} {m['n']:4d}  {_pct(m['agreement'])}")
    print("\nEnd of turn on good stories (may end after the shorter silence)")
    for split in ("heldout", "tuned"):
        e = result["end_of_turn"][split]
        print(
            f"  {split:<8} told whole {e['whole_may_end_early']}/{e['good_stories']};"
            f" unfinished beginnings {e['beginnings_may_end_early']}/{e['beginnings']}"
            " (each one a speaker cut off if they pause there)"
        )
    print("\nBy file (verdicts; talking-point agreement)")
    print(f"  {'file':<34} {'n':>4}  accuracy balanced   points agreement")
    for source, m in result["by_file"].items():
        v, tp = m["verdict"], m["talking_points"]
        name = source + (" (held out)" if m["heldout"] else "")
        print(
            f"  {name:<34} {v['n']:4d}  {_pct(v['accuracy'])} {_pct(v['balanced_accuracy'])}"
            f"   {tp['points']:5d}  {_pct(tp['agreement'])}"
        )
    sp = result["speed"]
    print(
        f"\nSpeed (one core): {sp['answers_per_second']:,.0f} answers/s on the dataset "
        f"(mean {sp['mean_words']:.0f} words); {sp['typical_answers_per_second']:,.0f} "
        f"answers/s at {sp['typical_mean_words']:.0f} words; first pass over the data "
        f"{sp['batch_answers_per_second']:,.0f} answers/s"
    )
    if show_errors:
        print("\nMisjudged answers (held-out ones are never listed):")
        for e in result["errors_not_heldout"]:
            print(
                f"  {e['id']} [{e['kind']}]: labelled {e['labelled']}, judged {e['predicted']} "
                f"(p={e['likelihood']}) missing {e['missing']}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--errors", action="store_true", help="list misjudged tuned answers")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of labelled answers")
    parser.add_argument(
        "--speed-seconds", type=float, default=SPEED_SECONDS, help="time per speed run"
    )
    args = parser.parse_args(argv)
    result = run(args.data, speed_seconds=args.speed_seconds)
    if args.json:
        if not args.errors:
            result.pop("errors_not_heldout")
        print(json.dumps(result, indent=2))
    else:
        print_table(result, show_errors=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
