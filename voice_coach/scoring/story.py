"""Does a spoken answer contain a concrete accomplishment example?

Interviewers asking "tell me about a time..." listen for three things: one real
past episode (situation), what the speaker personally did in it (action), and
how it turned out (result). Answers fail in a few recognisable ways: habits and
self-praise instead of an episode ("I always...", "I'm a hard worker"), plans
instead of deeds ("I would..."), the team instead of the speaker ("we..."), and
a story that stops before the outcome. Each of those has a linguistic marker
(tense, grammatical person, modality, a change verb, a number with a unit, the
order in which things are told), and the scorer looks for those markers rather
than for any particular sentence.

Input is speech-to-text output, so nothing relies on capitals or punctuation:
matching runs over a lowercased copy whose offsets equal the original's, fillers
are skipped between subject and verb, and every span points into the original
transcript. Everything is precompiled regex and set look-ups: thousands of
answers a second, no model, nothing leaves the machine.

The reading is split by STAR part: ``story_scene`` (situation, task, and what is no
episode), ``story_actions`` (deeds), ``story_outcomes`` (results), with their shared
pieces in ``story_common``. This module puts them together in order and makes the
calibrated decision.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.codes import merge_spans as _merge
from voice_coach.scoring.numbers import END, START, Span, alternation, find_numbers
from voice_coach.scoring.story_actions import find_actions, find_spoken_actions
from voice_coach.scoring.story_common import CHANGE_VERBS, Found, SpanIndex, compile_bounded
from voice_coach.scoring.story_outcomes import find_reactions, find_results, headline_end
from voice_coach.scoring.story_scene import (
    find_coaching,
    find_habits,
    find_hypotheticals,
    find_scene_events,
    find_situations,
    find_tasks,
    find_year_anchors,
)
from voice_coach.scoring.text import Text, is_past_form

_CONNECTIVE_RE = re.compile(alternation(lx.RESULT_CONNECTIVES))
_INDEFINITE_RE = compile_bounded(alternation(lx.INDEFINITE_MARKERS))
_TENURE_RE = re.compile(
    rf"{START}(?:{alternation(lx.TENURE_MARKERS)}|{'|'.join(lx.TENURE_PATTERNS)}){END}"
)
_EVENT_RE = compile_bounded(
    alternation(
        tuple(p for p in lx.OUTCOME_PHRASES if not set(p.split()) & lx.EVALUATIVE_OUTCOMES)
        + lx.CHANGE_VERBS_PAST
        + ("never", "again", "since", "still", "first time", "zero", "no longer")
    )
)
_IMPLIED_EPISODE_ACTIONS = 2
"""Past deeds needed (besides claimed results) for an undated story to count as one episode."""


def _analyse(text: Text) -> Found:
    found = Found()
    numbers = find_numbers(text.low)
    find_situations(text, found)
    find_year_anchors(text, numbers, found)
    headline = headline_end(text)
    if headline:
        # Told first, the ending is not the scene: "the short version is she renewed".
        found.outcome_first.append((0, headline))
        found.situation = [s for s in found.situation if s[0] >= headline]
    find_hypotheticals(text, found)
    find_habits(text, found)
    find_coaching(text, found)
    find_actions(text, found)  # after the scene: drops actions that only set it ("when I joined")
    find_spoken_actions(text, found)
    find_scene_events(text, found)  # before the actions: what happened to set the scene
    find_reactions(text, found)  # after the actions: outcomes are told after them
    if headline:
        find_reactions(text, found, start=0, stop=text.index(headline))
    find_results(text, numbers, found)
    find_tasks(text, found)
    told_first = SpanIndex(found.outcome_first)
    found.task = [t for t in found.task if not told_first.overlaps(t)]
    # "I was responsible for the accounts" sets a role, like a workplace, not a moment.
    duties = SpanIndex(found.duty)
    found.places.extend(s for s in found.situation if duties.overlaps(s))
    places = set(found.places)
    if found.situation and all(span in places for span in found.situation):
        if found.habitual or found.duty:
            # "In my last job I always..." / "...I was responsible for...": a workplace with
            # habits or duties in it, not one episode.
            found.situation = []
        elif found.own_actions and all(_is_claim(text, span) for span in found.own_actions):
            # "In my current role I increased revenue by 30 percent and grew the list...":
            # achievements listed like a CV, each action its own result, with no episode.
            found.situation = []
    deeds = [span for span in found.own_actions if not _is_claim(text, span)]
    if (
        not found.situation
        and len(deeds) >= _IMPLIED_EPISODE_ACTIONS
        and found.quantified
        and not (found.habitual or found.duty or found.hypothetical)
    ):
        # "I led the redesign of our onboarding. I interviewed..., created..., introduced...
        # Retention went from 70 to 85 percent": a run of one-off past deeds with a measured
        # outcome is one episode even when it is not dated; what the speaker set out to do
        # names it.
        found.situation = [deeds[0]]
    return found


def _is_claim(text: Text, action: Span) -> bool:
    """Whether an action's verb is itself a change ("I increased", "I cut"): a claimed result."""
    return text.low[action[0] : action[1]].rsplit(None, 1)[-1] in CHANGE_VERBS


def _star(text: Text, found: Found) -> dict[str, tuple[Span, ...]]:
    """Each STAR part as whole clauses, grown from the evidence that triggered it.

    The scene is what is told before the speaker acts: "the following month" or
    "before we filed" later on are part of the actions and outcome, not the situation
    (unless nothing at all was said before the first action).
    """
    actions = found.own_actions + found.we_actions
    situation = found.situation
    if actions:
        first = min(start for start, _ in actions)
        before = [s for s in situation if s[0] < first]
        situation = before or situation
    return {
        "situation": _merge([text.extend(s) for s in _merge(situation)]),
        "task": _merge([text.extend(s) for s in _merge(found.task)]),
        "action": _merge([text.extend(s) for s in _merge(found.own_actions)]),
        "result": _merge([_result_clause(text, s) for s in _merge(found.results)]),
    }


def _result_clause(text: Text, span: Span) -> Span:
    """A result's clause; "As a result, ..." takes in the clause it introduces."""
    start, end = text.extend(span, back=True)
    if end == span[1] and _CONNECTIVE_RE.fullmatch(text.low, span[0], span[1]):
        i = text.index(end)
        if i < len(text.words):
            end = text.extend((text.starts[i], text.ends[i]))[1]
    return start, end


# --- The decision ---------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """What one answer tells of a story, and whether it adds up to a concrete example.

    Frozen, and built once per answer: flags, probes, STAR highlighting and the verdict
    all read the same record, so none of them can see a different story.
    """

    situation: tuple[Span, ...]
    places: tuple[Span, ...]
    task: tuple[Span, ...]
    own_actions: tuple[Span, ...]
    we_actions: tuple[Span, ...]
    present_actions: tuple[Span, ...]
    results: tuple[Span, ...]
    quantified: tuple[Span, ...]
    changes: tuple[Span, ...]
    background_numbers: tuple[Span, ...]
    habitual: tuple[Span, ...]
    habits: tuple[Span, ...]
    hypothetical: tuple[Span, ...]
    duty: tuple[Span, ...]
    cliche: tuple[Span, ...]
    hedge: tuple[Span, ...]
    outcome_first: tuple[Span, ...]
    star: dict[str, tuple[Span, ...]] = field(hash=False)
    features: dict[str, float] = field(hash=False)
    likelihood: float = 0.0
    """How likely a coach would call this a concrete example, from the calibrated weights."""
    concrete: bool = False


def story_features(text: Text, found: Found, *, situation_given: bool = False) -> dict[str, float]:
    """The evidence as numbers for the calibrated decision (see ``story_weights.py``).

    Each is a count capped and scaled to 0..1, so one chatty answer cannot outweigh
    the rest of the evidence: three past deeds say "one episode" as well as ten do.
    Length is deliberately not one: a short story is still a story (it is told to say
    more), and longer answers in the labelled data would otherwise teach "long = good".
    """
    deeds = [s for s in found.own_actions if not _is_claim(text, s)]
    claims = [s for s in found.own_actions if _is_claim(text, s)]
    places = set(found.places)
    moments = [s for s in found.situation if s not in places]
    past = sum(1 for w in text.words if is_past_form(w))
    n = max(1, len(text.words))
    qualities = max(0, len(found.habitual) - len(found.habits))
    return {
        "situation": 1.0 if moments or situation_given else 0.0,
        "place": 1.0 if found.places else 0.0,
        "deeds": min(len(deeds), 4) / 4,
        "claims_only": 1.0 if claims and not deeds else 0.0,
        "present": min(len(found.present_actions), 4) / 4 if not deeds else 0.0,
        "result": 1.0 if found.results else 0.0,
        "quantified": 1.0 if found.quantified else 0.0,
        "habits": min(len(found.habits), 3) / 3,
        "qualities": min(qualities, 3) / 3,
        "hypothetical": min(len(found.hypothetical), 3) / 3,
        "we": min(len(found.we_actions), 4) / 4 if not found.own_actions else 0.0,
        "duty": 1.0 if found.duty else 0.0,
        "past_share": min(1.0, past / n * 8),
        "all_three": 1.0
        if (moments or situation_given) and found.own_actions and found.results
        else 0.0,
        "vague_result": 1.0
        if found.results and all(_vague(text, r) for r in found.results)
        else 0.0,
        "indefinite": min(len(_INDEFINITE_RE.findall(text.low)), 3) / 3,
        "tenure": 1.0 if _TENURE_RE.search(text.low) else 0.0,
    }


def _vague(text: Text, result: Span) -> bool:
    """An outcome with nothing checkable in it: "it was fine", "the family were delighted
    with the garden", "performance improved". An event ("she renewed", "he went home") or
    a number makes it checkable; a predicate that only evaluates does not."""
    start, end = _result_clause(text, result)
    words = text.words[text.index(start) : text.index(end)]
    if find_numbers(text.low[start:end]):
        return False
    if all(w in lx.VAGUE_OUTCOME_WORDS for w in words):
        return True
    evaluates = any(w in lx.EVALUATIVE_OUTCOMES for w in words)
    return evaluates and not _EVENT_RE.search(text.low, start, end)


def _decide(features: dict[str, float]) -> float:
    from voice_coach.scoring.story_weights import BIAS, WEIGHTS

    z = BIAS + sum(WEIGHTS.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-z))


def analyse_story(text: Text, *, situation_given: bool = False) -> Evidence:
    """Read one answer as a story: its parts, with spans, and the calibrated verdict.

    ``situation_given`` is for questions that name the situation themselves ("your CV
    says you cut invoice time; how?"): the answer need not set the scene again.
    """
    from voice_coach.scoring.story_weights import THRESHOLD

    found = _analyse(text)
    features = story_features(text, found, situation_given=situation_given)
    likelihood = _decide(features)
    return Evidence(
        situation=_merge(found.situation),
        places=_merge(found.places),
        task=_merge(found.task),
        own_actions=_merge(found.own_actions),
        we_actions=_merge(found.we_actions),
        present_actions=_merge(found.present_actions),
        results=_merge(found.results),
        quantified=_merge(found.quantified),
        changes=_merge(found.changes),
        background_numbers=_merge(found.background_numbers),
        habitual=_merge(found.habitual),
        habits=_merge(found.habits),
        hypothetical=_merge(found.hypothetical),
        duty=_merge(found.duty),
        cliche=_merge(found.cliche),
        hedge=_merge(found.hedge),
        outcome_first=_merge(found.outcome_first),
        star=_star(text, found),
        features=features,
        likelihood=likelihood,
        concrete=likelihood >= THRESHOLD,
    )
