"""Which of a question's talking points an answer covers.

Question sets describe what a good answer to a non-behavioural question does,
in the author's words: "asks when a decision will be made", "thanks them". A
candidate never says those words; they say "when will I hear back?" or "thank
you for your time". So a talking point is read as a few *concepts* (decision,
when; thanks), each concept is looked for in the answer through its stems and a
small synonym list kept with the other lexicons, and the point counts as
covered when most of its concepts are there. Phrasing that only describes the
act ("asks", "names", "says") is dropped, except that "asks" requires the answer
to ask something; what follows "without" or "rather than" is what the answer
should *not* do, so it is not looked for.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.numbers import END, SEP, START, Span, alternation
from voice_coach.scoring.text import Text

COVERAGE = 0.6
"""Share of a point's concepts the answer must mention: most, not every one, of them."""
QUESTION = "question"
"""The concept every "asks..." point requires."""

_TOKEN_RE = re.compile(r"[a-z0-9']+")
_LITERAL = "="
"""Prefix for a point word found in no concept: it is looked for as itself, by stem."""


@dataclass(frozen=True)
class TalkingPoint:
    """One talking point from the question set, and whether the answer covered it."""

    text: str
    covered: bool
    spans: tuple[Span, ...] = ()
    """The words in the answer that cover it (empty when it is missed)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "covered": self.covered,
            "spans": [[s, e] for s, e in self.spans],
        }


def stem(word: str) -> str:
    """A crude suffix-stripper: enough for "decide"/"decided", "steps"/"step", "users"/"user".

    Irregular relatives ("decision" and "decide") are joined by the concept lists
    instead, so this only has to be consistent, not linguistically right.
    """
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'")
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith(("sses", "xes", "ches", "shes", "zes")) and len(word) > 5:
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _key(phrase: str) -> str:
    return " ".join(_TOKEN_RE.findall(phrase.lower()))


def _build_index() -> tuple[
    dict[str, frozenset[str]],
    dict[str, frozenset[str]],
    re.Pattern[str],
    list[tuple[str, frozenset[str]]],
]:
    by_stem: dict[str, set[str]] = {}
    by_phrase: dict[str, set[str]] = {}
    wildcards: dict[str, set[str]] = {}
    for concept in lx.TALKING_POINT_CONCEPTS:
        name = concept[0]
        for phrase in concept:
            if "*" in phrase:
                # "let * know": any one word in the middle ("let candidates know")
                body = SEP.join(r"[a-z']+" if w == "*" else re.escape(w) for w in phrase.split())
                wildcards.setdefault(body, set()).add(name)
                continue
            key = _key(phrase)
            if " " in key:
                by_phrase.setdefault(key, set()).add(name)
            else:
                by_stem.setdefault(stem(key), set()).add(name)
    for cue in lx.TALKING_POINT_QUESTION_CUES:
        by_phrase.setdefault(_key(cue), set()).add(QUESTION)
    # Phrases may overlap ("get better at" holds "get better" and "better at"), so each is
    # looked for where it starts: a lookahead finds the longest phrase at every word.
    pattern = re.compile(rf"(?=({START}{alternation(by_phrase)}{END}))")
    return (
        {k: frozenset(v) for k, v in by_stem.items()},
        {k: frozenset(v) for k, v in by_phrase.items()},
        pattern,
        [(body, frozenset(names)) for body, names in wildcards.items()],
    )


_BY_STEM, _BY_PHRASE, _PHRASE_RE, _WILDCARDS = _build_index()
_WILDCARD_RE = re.compile(
    "(?="
    + START
    + "(?:"
    + "|".join(f"(?P<w{i}>{body})" for i, (body, _) in enumerate(_WILDCARDS))
    + ")"
    + END
    + ")"
)
_CUT_RE = re.compile(rf"{START}{alternation(lx.TALKING_POINT_CUT_MARKERS)}{END}")
_EXAMPLE_RE = re.compile(rf"{START}{alternation(lx.TALKING_POINT_EXAMPLE_MARKERS)}{END}")
_AT_LEAST_RE = re.compile(r"\bat least\b")


def _concepts_of(word: str) -> frozenset[str]:
    st = stem(word)
    return _BY_STEM.get(st) or frozenset({_LITERAL + st})


@lru_cache(maxsize=256)
def parse(point: str) -> tuple[bool, tuple[frozenset[str], ...]]:
    """Whether the point asks for a question, and its concept groups (any one of a group counts).

    "team or the work" is one group; the examples after "such as" are one group too.
    """
    low = _AT_LEAST_RE.sub(" ", point.lower())
    cut = _CUT_RE.search(low)
    if cut:
        low = low[: cut.start()]
    head, tail = low, ""
    example = _EXAMPLE_RE.search(low)
    if example:
        head, tail = low[: example.start()], low[example.end() :]
    asks = False
    groups: list[frozenset[str]] = []
    merge_next = False
    for word in _TOKEN_RE.findall(head):
        if word in lx.TALKING_POINT_ASK_VERBS:
            asks = True
            continue
        if word == "or":
            merge_next = bool(groups)
            continue
        if word in lx.TALKING_POINT_META_VERBS or word in lx.TALKING_POINT_STOP_WORDS:
            continue
        group = _concepts_of(word)
        if group == {QUESTION}:
            asks = True  # "asks at least one question": the question is the requirement
            continue
        if merge_next:
            groups[-1] = groups[-1] | group
            merge_next = False
        elif group not in groups:
            groups.append(group)
    alternatives = frozenset(
        c
        for word in _TOKEN_RE.findall(tail)
        if word not in lx.TALKING_POINT_STOP_WORDS and word != "or"
        for c in _concepts_of(word)
    )
    if alternatives:
        groups.append(alternatives)
    return asks, tuple(groups)


def _keep_first(found: dict[str, Span], concept: str, span: Span) -> None:
    """The earliest mention wins; at the same place, the longer phrase ("hearing back")."""
    old = found.get(concept)
    if old is None or span[0] < old[0] or (span[0] == old[0] and span[1] > old[1]):
        found[concept] = span


def _mentions(text: Text) -> dict[str, Span]:
    """The first place each concept (and each stem, as a literal) is mentioned."""
    found: dict[str, Span] = {}
    for i, word in enumerate(text.words):
        span = (text.starts[i], text.ends[i])
        st = stem(word)
        found.setdefault(_LITERAL + st, span)
        for concept in _BY_STEM.get(st, ()):
            found.setdefault(concept, span)
    for m in _PHRASE_RE.finditer(text.low):
        for concept in _BY_PHRASE.get(_key(m.group(1)), ()):
            _keep_first(found, concept, m.span(1))
    for m in _WILDCARD_RE.finditer(text.low):
        if m.lastgroup:
            for concept in _WILDCARDS[int(m.lastgroup[1:])][1]:
                _keep_first(found, concept, m.span(m.lastgroup))
    question_mark = text.low.find("?")
    if question_mark >= 0 and QUESTION not in found:
        found[QUESTION] = (question_mark, question_mark + 1)
    return found


def match_talking_points(text: Text, points: tuple[str, ...]) -> tuple[TalkingPoint, ...]:
    """Each point with whether most of its concepts (and a question, for "asks") were said."""
    points = tuple(p for p in points if p.strip())  # a blank line in a question set is no point
    if not points:
        return ()
    found = _mentions(text)
    results: list[TalkingPoint] = []
    for point in points:
        asks, groups = parse(point)
        hits: list[Span] = []
        matched = 0
        for group in groups:
            spans = [found[c] for c in group if c in found]
            if spans:
                matched += 1
                hits.append(min(spans))
        need = math.ceil(COVERAGE * len(groups)) if groups else 0
        covered = matched >= need and (bool(groups) or asks)
        if asks:
            covered = covered and QUESTION in found
            if QUESTION in found:
                hits.append(found[QUESTION])
        results.append(TalkingPoint(point, covered, tuple(sorted(set(hits))) if covered else ()))
    return tuple(results)
