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
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.codes import merge_spans as _merge
from voice_coach.scoring.numbers import (
    END,
    SEP,
    START,
    NumberMention,
    Span,
    alternation,
    find_numbers,
)
from voice_coach.scoring.text import (
    EXTEND_FORWARD,
    GAP_WORDS,
    Text,
    is_past_form,
    state_lemma,
    verb_tags,
)

# --- Patterns -------------------------------------------------------------------

_GAP = rf"(?:{SEP}{alternation((*lx.FILLERS, *lx.SUBJECT_VERB_ADVERBS))}){{0,3}}"
"""Up to three fillers or adverbs between a subject and its verb: "I, um, then rewrote"."""


def _with_gaps(phrases: tuple[str, ...]) -> str:
    """Like :func:`alternation`, but lets fillers sit after a leading "I"/"we".

    Phrases are grouped by subject so the filler gap is tried once per subject,
    not once per phrase: that keeps the pattern small and fast.
    """
    by_subject: dict[str, list[str]] = {}
    others: list[str] = []
    for phrase in phrases:
        head, _, rest = phrase.partition(" ")
        if head in lx.GAP_SUBJECTS and rest:
            by_subject.setdefault(head, []).append(rest)
        else:
            others.append(phrase)
    parts = [
        alternation((head,)) + _GAP + SEP + alternation(rests) for head, rests in by_subject.items()
    ]
    if others:
        parts.append(alternation(others))
    return "(?:" + "|".join(parts) + ")"


def _compile(body: str) -> re.Pattern[str]:
    return re.compile(rf"{START}(?:{body}){END}")


_ANY_NUMBER = r"(?:\d+|" + alternation((*lx.NUMBER_UNITS, *lx.NUMBER_TEENS, *lx.NUMBER_TENS)) + ")"
_PLURAL_UNITS = alternation(
    (*lx.TIME_UNITS_FOR_ANCHORS, *(u + "s" for u in lx.TIME_UNITS_FOR_ANCHORS), "days", "day")
)
_PAST_VERB = rf"(?:[a-z]+ed|{alternation((*lx.IRREGULAR_PAST_ACTIONS, *lx.IRREGULAR_PAST_STATES))})"
_NOT_PRONOUN = rf"(?!{alternation(lx.CLAUSE_SUBJECT_PRONOUNS)}{END})"
"""Inside a noun phrase: "after that I moved" has no noun phrase, "when our lead left" has."""
_NOT_PRESENT_ED = rf"(?!{alternation(lx.PRESENT_TENSE_ED)}{END})"
_IN_SENTENCE = r"[^\w'$£€%.!?;:]+"
"""Between two words of one sentence: "before the launch. I sorted" is two sentences."""
_GAP_IN_SENTENCE = (
    rf"(?:{_IN_SENTENCE}{alternation((*lx.FILLERS, *lx.SUBJECT_VERB_ADVERBS))}){{0,3}}"
)

_ACTION_RE = re.compile(
    rf"{START}(?P<subj>i|we)"
    rf"(?={_GAP}{SEP}(?P<verb>{alternation(lx.ACTION_HELPERS)}{END}|[a-z]+{END}))"
)
"""Only "I" is consumed, so a rejected verb never hides the next "I"."""
_USED_TO_RE = re.compile(rf"{SEP}to{END}")

_SITUATION_RE = _compile(
    "|".join(
        (
            rf"(?P<onetime>one{SEP}{alternation(lx.ONE_TIME_UNITS)})",
            alternation(lx.SITUATION_PHRASES),
            rf"{alternation(lx.PAST_RELATIVE)}{SEP}{alternation(lx.TIME_UNITS_FOR_ANCHORS)}",
            rf"(?:(?:{alternation(lx.AGO_QUANTIFIERS)}|{_ANY_NUMBER}){SEP})?{_PLURAL_UNITS}"
            rf"{SEP}(?:ago|back)",
            rf"(?:back{SEP})?in{SEP}{alternation(lx.MONTHS)}",
            rf"(?:last|this{SEP}past|that|early|late){SEP}{alternation(lx.MONTHS)}",
            # "at my previous job", "while working as a server" name a place or a role, not a
            # moment: see _analyse.
            rf"(?P<role>{alternation(lx.ROLE_OPENERS)}{SEP}{alternation(lx.ROLE_GERUNDS)}{SEP}"
            rf"{alternation(lx.ROLE_PREPOSITIONS)})",
            rf"on{SEP}{alternation(lx.DAY_DETERMINERS)}{SEP}(?:[a-z]+{SEP})?"
            rf"{alternation(lx.WEEKDAYS)}",
            rf"(?P<place>(?:{alternation(lx.SCENE_PREPOSITIONS)}{SEP})?{alternation(lx.POSSESSIVES)}"
            rf"{SEP}{alternation(lx.PREVIOUS_ADJECTIVES)}{SEP}(?:[a-z]+{SEP})?"
            rf"{alternation(lx.ORG_NOUNS)})",
            rf"during{SEP}{alternation(lx.DURING_DETERMINERS)}{SEP}(?:[a-z]+{SEP})?"
            rf"{alternation((*lx.ORG_NOUNS, *lx.EPISODE_NOUNS))}",
            rf"{_ANY_NUMBER}{SEP}{_PLURAL_UNITS}{SEP}{alternation(lx.PERIOD_INTO)}",
            rf"{alternation(lx.POSSESSIVES)}{SEP}{alternation(lx.ORDINAL_PERIODS)}{SEP}{_PLURAL_UNITS}",
            alternation(lx.PAST_NEGATIONS),
            # A past clause ("when I managed a shop", "when our lead developer left",
            # "the hospital where I trained") names a moment or place, whatever the verb.
            rf"{alternation(lx.WHEN_CONJUNCTIONS)}{SEP}"
            rf"(?:{alternation(lx.CLAUSE_SUBJECT_PRONOUNS)}"
            rf"|{alternation(lx.CLAUSE_DETERMINERS)}(?:[\s-]+{_NOT_PRONOUN}[a-z']+){{1,3}}?)"
            rf"{_GAP_IN_SENTENCE}{_IN_SENTENCE}{_NOT_PRESENT_ED}{_PAST_VERB}",
            rf"{alternation(lx.WHEN_CONJUNCTIONS)}{SEP}i{_GAP}{SEP}"
            rf"{alternation(lx.WHEN_I_CONTINUATIONS)}",
            rf"{alternation(lx.WHEN_CONJUNCTIONS)}{SEP}we{_GAP}{SEP}"
            rf"{alternation(lx.WHEN_WE_CONTINUATIONS)}",
            _with_gaps(lx.SETUP_I),
            _with_gaps(lx.SETUP_EXISTENTIAL),
            rf"{alternation(lx.PROBLEM_STATE_VERBS)}(?:{SEP}{alternation(lx.STATE_INTENSIFIERS)})"
            rf"{{0,2}}{SEP}{alternation(lx.PROBLEM_STATES)}",
            rf"{alternation(lx.ACTOR_DETERMINERS)}{SEP}(?:[a-z]+{SEP})?"
            rf"{alternation(lx.ACTOR_NOUNS)}{SEP}{alternation(lx.ACTOR_PAST_VERBS)}",
            rf"{alternation(lx.EPISODE_PREPOSITIONS)}{SEP}{alternation(lx.EPISODE_DETERMINERS)}{SEP}"
            rf"(?:[a-z]+{SEP}){{0,2}}?{alternation(lx.EPISODE_NOUNS)}"
            rf"(?!{SEP}{alternation(lx.NOT_AN_EPISODE_AFTER)}{END})",
        )
    )
)
_HABITUAL_RE = _compile(
    "|".join(
        (
            rf"(?P<habit>{_with_gaps(lx.HABITUAL_PHRASES)})",
            rf"{alternation(lx.QUALITY_SUBJECTS)}{_GAP}"
            rf"(?:{SEP}{alternation(lx.QUALITY_INTENSIFIERS)})?{SEP}{alternation(lx.QUALITIES)}",
            # "I have managed teams...": a career summary, not one episode.
            rf"(?P<career>{_with_gaps(lx.CAREER_SUMMARY_SUBJECTS)}{_GAP}{SEP}{_NOT_PRESENT_ED}"
            rf"(?:{_PAST_VERB}|{alternation(lx.I_D_PARTICIPLES)}))",
        )
    )
)
_HYPOTHETICAL_RE = _compile(rf"{_with_gaps(lx.HYPOTHETICAL_PHRASES)}|(?P<would>(?:i|we)'d)")
HYPOTHETICAL_QUESTION_RE = _compile(alternation(lx.HYPOTHETICAL_QUESTION_CUES))
_TASK_RE = _compile(
    rf"{_with_gaps(lx.TASK_PHRASES)}|(?P<progressive>i{_GAP}{SEP}was{SEP}[a-z]+ing)"
    # "we had two weeks to do it": the deadline is the task.
    rf"|(?:i|we){_GAP}{SEP}had{SEP}(?:{alternation(lx.DEADLINE_QUANTIFIERS)}{SEP})*"
    rf"(?:{_ANY_NUMBER}{SEP})?{_PLURAL_UNITS}{SEP}to"
)
_COACH_RE = _compile(
    rf"(?P<duty>{alternation(lx.DUTY_PHRASES)})|(?P<cliche>{alternation(lx.CLICHES)})"
    rf"|(?P<hedge>{alternation(lx.HEDGES)})"
)

_LATER_SPAN = (
    rf"(?:{_ANY_NUMBER}|{alternation(lx.AFTERWARDS_QUANTIFIERS)}){SEP}"
    rf"{alternation(lx.AFTERWARDS_UNITS)}"
)
_RESULT_CUE_RE = _compile(
    rf"(?P<outcome>{alternation(lx.OUTCOME_PHRASES)}|never{SEP}(?:[a-z']+{SEP}){{0,4}}?again)"
    rf"|(?P<change>{alternation(lx.CHANGE_VERBS_PAST)})"
    rf"|(?P<level>{alternation(lx.LEVEL_VERBS)}(?:{SEP}{alternation(lx.STATE_INTENSIFIERS)})?"
    rf"{SEP}{alternation(lx.LEVEL_BOUNDS)}|{alternation(lx.LEVEL_REACHED)})"
    rf"|(?P<later>{alternation(lx.AFTERWARDS_PHRASES)}"
    rf"|within{SEP}{_LATER_SPAN}|{_LATER_SPAN}{SEP}later)"
    rf"|{alternation((*lx.QUANTITY_CUE_VERBS, *lx.QUANTITY_CUE_NOUNS, *lx.CHANGE_PREPOSITIONS))}"
    rf"|(?P<effort>{alternation(lx.EFFORT_CUE_VERBS)})"
)
_CONNECTIVE_RE = re.compile(alternation(lx.RESULT_CONNECTIVES))
_COMPARATIVE_AFTER_RE = re.compile(
    rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.COMPARATIVES_AFTER_NUMBER)}{END}"
)
_FUTURE_AFTER_RE = re.compile(rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.FUTURE_AFTER)}{END}")
_EXPERIENCE_AFTER_RE = re.compile(rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.EXPERIENCE_AFTER)}{END}")
_EXPERIENCE_BEFORE_RE = re.compile(rf"(?:^|\s){alternation(lx.EXPERIENCE_BEFORE)}(?:\s|$)")

_HELPERS = frozenset(lx.ACTION_HELPERS)
_FREQUENCY = frozenset(lx.FREQUENCY_WORDS)
_ING_VERBS = frozenset({"ring", "bring", "sing", "sting", "swing", "spring", "fling", "wring"})
"""Verbs whose own spelling ends in "-ing": "so I ring the police" is no progressive."""
_SPAN_PREPS = frozenset(
    {"during", "in", "over", "throughout", "through", "after", "before", "since"}
)
_AGENT_PASSIVE_RE = re.compile(
    rf"{START}(?:was|were|got|been|being|gets|get){SEP}(?:[a-z]+{SEP}){{0,5}}?"
    rf"(?P<verb>[a-z]+)(?:{SEP}(?:up|out|down|together|in|off|over|through|back))?{SEP}by{SEP}"
    rf"{alternation(lx.AGENT_SELF)}{END}"
)
_NOMINAL_ACTION_RE = _compile(
    rf"my{SEP}(?:[a-z]+{SEP})?{alternation(lx.NOMINAL_ACTION_NOUNS)}{SEP}(?:was|were)"
    rf"(?!{SEP}to{END}|{SEP}that{SEP}i{SEP}would)"
)
_NARRATION_RE = _compile(alternation(lx.SPEAKER_NARRATION))
_OUTCOME_FIRST_RE = _compile(alternation(lx.OUTCOME_FIRST_CUES))
_INDEFINITE_RE = _compile(alternation(lx.INDEFINITE_MARKERS))
_TENURE_RE = re.compile(
    rf"{START}(?:{alternation(lx.TENURE_MARKERS)}|{'|'.join(lx.TENURE_PATTERNS)}){END}"
)
_EVENT_RE = _compile(
    alternation(
        tuple(p for p in lx.OUTCOME_PHRASES if not set(p.split()) & lx.EVALUATIVE_OUTCOMES)
        + lx.CHANGE_VERBS_PAST
        + ("never", "again", "since", "still", "first time", "zero", "no longer")
    )
)
_CHANGE_VERBS = frozenset(v for v in lx.CHANGE_VERBS_PAST if " " not in v)
_WE_OUTCOME_NEGATIONS = frozenset({"haven't", "havent", "hasn't", "never", "didn't", "didnt"})
_CONDITIONAL = frozenset(lx.CONDITIONAL_MARKERS)
_NUMBER_WORDS = frozenset((*lx.NUMBER_UNITS, *lx.NUMBER_TEENS, *lx.NUMBER_TENS))

_CUE_TO_NUMBER_WORDS = 8
"""Most words allowed between a change word and its number: "cut the average wait for
support tickets by 30 percent" still pairs, the next sentence's number does not."""
_IMPLIED_EPISODE_ACTIONS = 2
"""Past deeds needed (besides claimed results) for an undated story to count as one episode."""
_TIME_PHRASE_WORDS = 4
"""Longest time phrase before an outcome's subject: "by the end of it she..." is the most."""
_REACTION_SUBJECT_WORDS = 3
"""Longest noun phrase taken as the subject of an outcome: "all three patients"."""


# --- Helpers --------------------------------------------------------------------


class _SpanIndex:
    """Spans sorted by start, with the furthest end reached so far: "does any of them
    overlap this span?" in logarithmic time.

    Checking every match of a long answer against every scene span, one by one, grows
    with the square of the answer; this keeps the scorer linear. Overlap means some span
    starts before ``span`` ends and ends after it starts. A typical answer has a handful
    of spans: those are scanned as they are, which is quicker than any index.
    """

    __slots__ = ("_reach", "_spans", "_starts")

    _SCAN = 16
    """Up to this many spans, a plain scan."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._spans: list[Span] = list(spans)
        self._starts: list[int] | None = None
        self._reach: list[int] = []

    def _build(self) -> list[int]:
        self._spans.sort()
        self._starts = [s for s, _ in self._spans]
        self._reach = list(accumulate((e for _, e in self._spans), max))
        return self._starts

    def overlaps(self, span: Span) -> bool:
        if len(self._spans) <= self._SCAN:
            return any(span[0] < e and s < span[1] for s, e in self._spans)
        starts = self._starts if self._starts is not None else self._build()
        k = bisect_left(starts, span[1])  # the spans that start before this one ends
        return k > 0 and self._reach[k - 1] > span[0]

    def add(self, span: Span) -> None:
        """Spans found left to right are added in constant time; others re-sort later."""
        if self._starts is not None and self._spans and span >= self._spans[-1]:
            self._starts.append(span[0])
            self._reach.append(max(span[1], self._reach[-1]))
        else:
            self._starts = None
        self._spans.append(span)


def _is_past_action(verb: str) -> bool:
    """Simple past of a verb of doing: irregular list, or a regular "-ed" that is not a state."""
    if verb in lx.IRREGULAR_PAST_ACTIONS or verb in _HELPERS:
        return True
    if verb in lx.NON_ACTION_ED or verb in lx.PRESENT_TENSE_ED or verb in lx.IRREGULAR_PAST_STATES:
        return False
    if len(verb) > 3 and verb.endswith("ed"):
        return True
    return verb.isalpha() and "VBD" in verb_tags(verb) and not state_lemma(verb)


def _find_spoken_actions(text: Text, found: _Found) -> None:
    """Deeds told without "I + past verb": passives with the speaker as agent ("the new
    rota was drawn up by me"), actions told as nouns ("my fix was a script"), and
    pseudo-clefts ("what I did was call the client")."""
    low = text.low
    for m in _AGENT_PASSIVE_RE.finditer(low):
        if text.is_planned(m.start()):
            continue
        if _participle(m.group("verb")):
            found.own_actions.append(m.span())
    for pattern in (_NOMINAL_ACTION_RE, _NARRATION_RE):
        for m in pattern.finditer(low):
            if text.is_planned(m.start()) or _CONDITIONAL.intersection(text.before(m.start(), 3)):
                continue
            found.own_actions.append(m.span())
    found.own_actions.sort()


@dataclass
class _Found:
    """Everything matched in one answer, kept apart so flags can cite the exact words."""

    situation: list[Span] = field(default_factory=list)
    places: list[Span] = field(default_factory=list)
    """Situation spans that only name a workplace ("at my last job"), not a moment."""
    task: list[Span] = field(default_factory=list)
    own_actions: list[Span] = field(default_factory=list)
    we_actions: list[Span] = field(default_factory=list)
    results: list[Span] = field(default_factory=list)
    quantified: list[Span] = field(default_factory=list)
    changes: list[Span] = field(default_factory=list)
    """Results that are a change of amount ("errors dropped"): ones a number could measure."""
    background_numbers: list[Span] = field(default_factory=list)
    habitual: list[Span] = field(default_factory=list)
    habits: list[Span] = field(default_factory=list)
    """The habit and career-summary part of ``habitual`` (not self-descriptions)."""
    hypothetical: list[Span] = field(default_factory=list)
    duty: list[Span] = field(default_factory=list)
    cliche: list[Span] = field(default_factory=list)
    hedge: list[Span] = field(default_factory=list)
    outcome_first: list[Span] = field(default_factory=list)
    """A result told before the story, as a headline: "long story short, we halved returns"."""
    present_actions: list[Span] = field(default_factory=list)
    """ "So I call the client": steps told in the present, whether or not they count as deeds."""


def _find_situations(text: Text, found: _Found) -> None:
    for m in _SITUATION_RE.finditer(text.low):
        before = text.before(m.start(), 3)
        if m.group("onetime") and before and before[-1] in lx.DURATION_PREPOSITIONS:
            continue  # "down to one day": a length of time, not a story opener
        if _CONDITIONAL.intersection(before):
            continue  # "if a project was falling behind": imagined, not remembered
        found.situation.append(m.span())
        if m.group("place") or m.group("role"):
            found.places.append(m.span())


def _find_actions(text: Text, found: _Found) -> None:
    low = text.low
    present: list[Span] = []
    scene = _SpanIndex(found.situation)
    for m in _ACTION_RE.finditer(low):
        verb = m.group("verb")
        if not _is_past_action(verb):
            if m.group("subj") == "i" and verb.isalpha() and _narrative_step(text, m.start(), verb):
                present.append((m.start(), m.end("verb")))
            continue
        if verb == "used" and _USED_TO_RE.match(low, m.end("verb")):
            continue  # "I used to": a habit, not an action
        span = (m.start(), m.end("verb"))
        if scene.overlaps(span):
            continue  # "when I joined", "when I worked at": scene-setting
        (found.own_actions if m.group("subj") == "i" else found.we_actions).append(span)
    _chain_actions(text, found)
    present = [s for s in present if not scene.overlaps(s)]
    found.present_actions = present
    if (
        len(present) >= lx.NARRATIVE_PRESENT_MIN
        and (found.situation or _tense_shift(text, present[0][1]))
        and len(found.habits) + len(found.duty) < len(present)
        and len(found.hypothetical) < len(present)
    ):
        # "A couple of years back... so I go to the manager and I tell her...": a past
        # episode told in the present tense, as people often tell stories out loud. It is
        # one episode when it is placed (a time, a place, a scene) or when the telling
        # drops back into the past for how it ended ("...and he got his licence").
        known = set(found.own_actions)
        for s in present:
            if s not in known:
                found.own_actions.append(s)
                known.add(s)
        found.own_actions.sort()


def _chain_actions(text: Text, found: _Found) -> None:
    """Coordinated verbs share the subject: "I apologised, took the plate away and checked".

    After each action, the next clause that starts with a past verb of doing and no
    subject of its own is another action by the same person.
    """
    words, opens = text.words, text.clause_starts()
    n = len(words)
    scene = _SpanIndex(found.situation)
    for actions in (found.own_actions, found.we_actions):
        seen = {text.index(start) for start, _ in actions}
        queue = [text.index(end) - 1 for _, end in actions]  # each action's last word
        while queue:
            i = queue.pop()
            limit = min(n, i + 1 + EXTEND_FORWARD)
            j = i + 1
            while j < limit and not opens[j]:
                j += 1
            while j < n and words[j] in lx.CHAINED_ACTION_SKIP:
                j += 1
            if j >= limit or j in seen or not _is_past_action(words[j]):
                continue
            if words[j] in _CHANGE_VERBS or words[j] == "used":
                continue  # "...and cut costs": could be the outcome; leave it to the result rules
            span = (text.starts[j], text.ends[j])
            if scene.overlaps(span):
                continue
            seen.add(j)
            actions.append(span)
            queue.append(j)
        actions.sort()


def _narrative_step(text: Text, pos: int, verb: str) -> bool:
    """ "So I call the client": a present-tense step of a story, not a habit or a duty.

    Habits give themselves away by a frequency word in the clause ("I check in every
    lesson"); duty verbs ("I manage", "I look after") count only after a story's
    connective ("so I look at the dashboards").
    """
    if _FREQUENCY.intersection(text.clause_words(pos)) or _FREQUENCY.intersection(
        text.words[text.index(pos) : text.index(pos) + 8]
    ):
        return False
    if _is_narrative_present(verb):
        return True
    if verb not in lx.NARRATIVE_ONLY_AFTER_CONNECTIVE:
        return False
    before = [w for w in text.before(pos, 3) if w not in GAP_WORDS or w in lx.NARRATIVE_CONNECTIVES]
    return bool(before) and before[-1] in lx.NARRATIVE_CONNECTIVES


def _tense_shift(text: Text, after: int) -> bool:
    """Whether, after a present-tense telling, someone else's past verb tells how it ended."""
    words = text.words
    start = text.index(after)
    for i in range(start, len(words) - 1):
        if words[i] in lx.REACTION_PRONOUNS and words[i] != "i" and is_past_form(words[i + 1]):
            return True
    return False


def _is_narrative_present(verb: str) -> bool:
    """A present-tense verb that could be a step in a story: not a state, habit or duty."""
    return (
        verb not in lx.NARRATIVE_PRESENT_EXCLUDED
        and (verb in _ING_VERBS or not verb.endswith(("ing", "ed", "'m", "'ve", "'d", "'ll")))
        and len(verb) > 1
    )


def _find_tasks(text: Text, found: _Found) -> None:
    for m in _TASK_RE.finditer(text.low):
        if m.group("progressive"):
            verb = text.low[m.start() : m.end()].rsplit(None, 1)[-1]
            if verb in lx.TASK_PROGRESSIVE_EXCLUDED:
                continue
        if text.is_planned(m.start()):
            continue
        found.task.append(m.span())


def _find_hypotheticals(text: Text, found: _Found) -> None:
    for m in _HYPOTHETICAL_RE.finditer(text.low):
        following = text.next_word(m.end())
        if following in lx.HEDGE_VERBS:
            continue  # "I'd say": a hedge, not a plan
        if following in lx.HABIT_ADVERBS:
            continue  # "I'd often stay late": a habit, flagged as one
        if m.group("would") and (following in lx.I_D_PARTICIPLES or following.endswith("ed")):
            continue  # "I'd already shipped": past perfect, a real episode
        found.hypothetical.append(m.span())


def _find_coaching(text: Text, found: _Found) -> None:
    for m in _COACH_RE.finditer(text.low):
        if m.group("duty"):
            found.duty.append(m.span())
        elif m.group("cliche"):
            found.cliche.append(m.span())
        else:
            phrase = m.group("hedge")
            if phrase.endswith(" of"):
                before = text.before(m.start(), 1)
                if before and before[0] in lx.HEDGE_NOUN_BEFORE:
                    continue  # "what kind of support": a noun, not a hedge
            found.hedge.append(m.span())


def _find_reactions(
    text: Text, found: _Found, *, start: int | None = None, stop: int | None = None
) -> None:
    """Outcome clauses: after the speaker's first action, someone or something else changed.

    Stories end with what others did or what became true because of the speaker:
    "she stayed with us", "all three patients made it", "now it refreshes overnight",
    "most customers didn't even notice". Told before the speaker acts, the same
    shape is the problem, so only clauses after the first "I ..." count, or those of
    an outcome told first (``start``/``stop``: the headline's words). In a story told
    in the present, its ending is told in the present too ("...and she says yes").
    """
    starts = [s for s, _ in (*found.own_actions, *found.present_actions)]
    if start is None and not starts:
        return
    words = text.words
    n = len(words) if stop is None else stop
    first = text.index(min(starts)) if start is None else start - 1
    opens = text.clause_starts()
    told_in_present = bool(found.present_actions) and start is None
    last_own = text.index(max(s for s, _ in found.own_actions)) if found.own_actions else n
    for i in range(first + 1, n):
        if not opens[i]:
            continue
        j = i
        while j < n and words[j] in GAP_WORDS:
            j += 1
        now = j < n and words[j] in lx.NOW_ADVERBS
        if now:
            j += 1
        if j < n and words[j] in lx.TIME_PHRASE_OPENERS:
            # "by the spring she was back...", "after three weeks he started talking"
            for k in range(j + 1, min(n, j + 1 + _TIME_PHRASE_WORDS)):
                if words[k] in lx.REACTION_PRONOUNS or words[k] == "we":
                    j = k
                    break
        if j >= n:
            break
        head = words[j]
        negative = head in lx.NEGATIVE_SUBJECTS
        after_head = words[j + 1] if j + 1 < n else ""
        if head in lx.REACTION_PRONOUNS and not negative:
            k = j + 1  # "she stayed"
        elif head == "we" and (
            now
            or after_head in lx.NOW_ADVERBS
            or after_head in _WE_OUTCOME_NEGATIONS
            or (after_head in ("were", "was") and _state_follows(words, j + 2))
        ):
            k = j + 1  # "we now use...", "we haven't had a single outage since"
        elif head in lx.REACTION_DETERMINERS or negative:
            k = j + 1
            longest = j + _REACTION_SUBJECT_WORDS + (1 if negative else 0)
            while (
                k < n
                and k <= longest
                and words[k] not in lx.REACTION_NOT_SUBJECT
                and words[k] not in lx.NOW_ADVERBS
                and not is_past_form(words[k])
            ):
                k += 1
            if k == j + 1 and head in lx.REACTION_DETERMINERS:
                continue  # a determiner with no noun after it
        elif after_head in lx.NOW_ADVERBS and head.isalpha() and head not in ("i", "we"):
            k = j + 1  # "invoicing now takes one day": a bare noun, then "now"
        else:
            continue
        while k < n and words[k] in GAP_WORDS:
            k += 1
        if k < n and words[k] in lx.NOW_ADVERBS:
            now = True
            k += 1
        if k >= n:
            continue
        verb = words[k]
        following = words[k + 1] if k + 1 < n else ""
        if verb in ("i", "we"):
            continue
        if (
            now
            or (negative and (is_past_form(verb) or verb in lx.PERFECT_AUXILIARIES))
            or verb in lx.REACTION_NEGATIONS
            or (head.endswith(("'ve", "'s")) and _participle(verb))
            or (verb in lx.PERFECT_AUXILIARIES and _participle(following))
            or (verb in ("was", "were") and _state_follows(words, k + 1))
            or (is_past_form(verb) and verb not in lx.REACTION_EXCLUDED_VERBS)
            or (verb in lx.REACTION_EXCLUDED_VERBS and following in lx.OUTCOME_PARTICLES)
            or (verb == "used" and following != "to" and is_past_form(verb))
            or (k > j + 1 and words[k - 1].endswith("'s") and _participle(verb) and verb != "got")
            or (
                told_in_present
                and i > last_own
                and head in lx.REACTION_PRONOUNS
                and verb.endswith("s")
                and verb not in lx.PRESENT_STATES
            )
        ):
            found.results.append((text.starts[j], text.ends[k]))


def _participle(word: str) -> bool:
    return (
        is_past_form(word)
        or word in lx.I_D_PARTICIPLES
        or (word.isalpha() and "VBN" in verb_tags(word))
    )


def _state_follows(words: list[str], i: int) -> bool:
    """An end state after "was"/"were", past an intensifier: "was (really) pleased", or a
    passive: "the supplier was changed", "my proposal was approved"."""
    while i < len(words) and words[i] in lx.STATE_INTENSIFIERS:
        i += 1
    return i < len(words) and (words[i] in lx.STATE_AFTER_WAS or _participle(words[i]))


def _find_results(text: Text, numbers: tuple[NumberMention, ...], found: _Found) -> None:
    """Qualitative outcomes from change words; quantified ones from numbers tied to them.

    A change told before the speaker has done anything ("our sales dropped", "the
    backlog was over 400") is the problem that opens the story, not its outcome.
    """
    low = text.low
    actions = found.own_actions + found.we_actions
    first_action = min(start for start, _ in actions) if actions else len(low)
    # Where outcomes may start: after the first action, or anywhere if none is told.
    told_after = first_action if actions else 0
    headline = found.outcome_first[0][1] if found.outcome_first else 0
    cues: list[Span] = []
    for m in _RESULT_CUE_RE.finditer(low):
        if text.is_planned(m.start()):
            continue
        in_headline = m.start() < headline
        if (m.group("level") or m.group("later")) and m.start() < first_action and not in_headline:
            continue  # "the backlog was over 400" before any action: the problem
        if m.start() < told_after and not text.said_by_i(m.start()) and not in_headline:
            continue  # "our payment page went down", then the story: the problem
        if m.group("effort") and text.said_by_i(m.start()):
            continue  # "I trained two colleagues": the scale of the work, not its outcome
        if m.group("later"):
            if text.past_verb_follows(m.end()):
                found.results.append(m.span())  # "within six weeks sales covered our rent"
            continue
        cues.append(m.span())
        if m.group("outcome"):
            head = m.group("outcome").split(None, 1)[0]
            if head in lx.SPEAKER_OUTCOME_ACTIONS and text.said_by_i(m.start()):
                continue  # "I signed off the creative": the speaker's job, not an outcome
            found.results.append(m.span())
        elif m.group("change") and not text.said_by_i(m.start()):
            found.results.append(m.span())
            found.changes.append(m.span())
    cue_ends = [end for _, end in cues]

    for num in numbers:
        start, end = num.span
        if num.kind == "year":
            found.background_numbers.append(num.span)
            continue
        if (
            num.kind == "duration"
            and (num.unit or "").startswith(("year", "month"))
            and (
                _EXPERIENCE_AFTER_RE.match(low, end)
                or _EXPERIENCE_BEFORE_RE.search(" ".join(text.before(start, 3)))
            )
        ):
            found.background_numbers.append(num.span)  # "ten years of experience"
            continue
        if _FUTURE_AFTER_RE.match(low, end) or text.is_planned(start):
            found.background_numbers.append(num.span)  # "20 percent next year"
            continue
        self_cued = num.kind == "multiplier" and (num.unit or "").endswith(("ed", "fold"))
        nearest = bisect_right(cue_ends, start) - 1  # the closest cue ending before the number
        cue = cues[nearest] if nearest >= 0 else None
        if cue and text.index(start) - text.index(cue[1]) > _CUE_TO_NUMBER_WORDS:
            cue = None
        if start < told_after and not cue:
            found.background_numbers.append(num.span)  # "sales had halved": the problem
            continue
        if self_cued or cue or _COMPARATIVE_AFTER_RE.match(low, end):
            found.quantified.append(num.span)
            found.results.append(num.span)
            if cue:
                found.results.append(cue)
        else:
            found.background_numbers.append(num.span)


_FRAGMENT_WORDS = 3
"""An opening this short ("Food waste.") names the topic; the headline may follow it."""
_HEADLINE_CUE_WORDS = 8
"""An outcome-first cue must open the answer: "the short version is" twenty words in is not one."""
_HEADLINE_TURN_RE = re.compile(
    r"\b(?:how (?:we|i) got there|what happened was|it (?:all )?started|the background|"
    r"(?:that|this|it) was (?:a|an|when|because|back|at|on|in|after)|(?:he|she|they|it)'d|"
    r"(?:he|she|they) had (?:been|rung|called|come)|because|basically|the problem was|"
    r"so (?:basically|what happened)|(?:the|from the) (?:start|beginning) of it|"
    r"let me (?:start|go back)|"
    r"(?:to|if i) go back|it (?:all )?began|back to the (?:start|beginning))\b"
)
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)")
_HEADLINE_WORDS = 30
"""Longest opening sentence read as a headline: past that it is the story itself."""


def _headline_end(text: Text) -> int:
    """Where an outcome told first ends ("Long story short, we halved returns. So..."), or 0.

    Only an opening with the story still to come, and only when it says how things
    ended ("long story short", "we ended up") or credits a change to the speaker or the
    team ("we cut", "I saved"): "our sales dropped" there is the problem instead. It runs
    to the first full stop, or (speech-to-text gives none) to where the telling turns
    back to the start ("how I got there", "she'd rung three times already...").
    """
    words = text.words
    if len(words) < _HEADLINE_WORDS:
        return 0
    limit = min(len(words), _HEADLINE_WORDS)
    full_stop = _SENTENCE_END_RE.search(text.low, 0, text.ends[limit - 1])
    if full_stop and text.index(full_stop.end()) <= _FRAGMENT_WORDS:
        # "Food waste. By the time I left, our bin weight had halved.": a topic first
        full_stop = _SENTENCE_END_RE.search(text.low, full_stop.end(), text.ends[limit - 1])
    end = text.index(full_stop.end()) if full_stop else 0
    turn = _HEADLINE_TURN_RE.search(text.low, 0, text.ends[limit - 1])
    if turn and (not end or turn.start() < text.starts[end]):
        end = text.index(turn.start())
    if not end:
        return 0
    stop = text.starts[end]
    m = _OUTCOME_FIRST_RE.search(text.low, 0, stop)
    if m and not text.is_planned(m.start()) and text.index(m.start()) < _HEADLINE_CUE_WORDS + 3:
        return stop
    for i in range(end - 1):
        if words[i] in ("i", "we") and words[i + 1] in _CHANGE_VERBS:
            return stop
    return 0


def _find_year_anchors(text: Text, numbers: tuple[NumberMention, ...], found: _Found) -> None:
    """ "Back in 2019" places the story in time; "since 2012" or "by 2026" does not."""
    for num in numbers:
        if num.kind == "year":
            before = text.before(num.span[0], 2)
            if before and before[-1] in lx.YEAR_ANCHOR_BEFORE:
                found.situation.append(num.span)
            elif len(before) == 2 and before[1] in ("the", "that") and before[0] in _SPAN_PREPS:
                found.situation.append(num.span)  # "during the 2020 lockdown"


def _find_habits(text: Text, found: _Found) -> None:
    for m in _HABITUAL_RE.finditer(text.low):
        if m.group("career"):
            if text.low[m.start() : m.end()].rsplit(None, 1)[-1] in lx.CAREER_NOT_PARTICIPLES:
                continue  # "I've got a bad feeling": "have", not a career summary
            before = text.before(m.start(), 1)
            if before and before[0] in lx.RELATIVE_WORDS:
                continue  # "exactly what I've seen": a relative clause, not a career summary
        found.habitual.append(m.span())
        if m.group("habit") or m.group("career"):
            found.habits.append(m.span())


def _analyse(text: Text) -> _Found:
    found = _Found()
    numbers = find_numbers(text.low)
    _find_situations(text, found)
    _find_year_anchors(text, numbers, found)
    headline = _headline_end(text)
    if headline:
        # Told first, the ending is not the scene: "the short version is she renewed".
        found.outcome_first.append((0, headline))
        found.situation = [s for s in found.situation if s[0] >= headline]
    _find_hypotheticals(text, found)
    _find_habits(text, found)
    _find_coaching(text, found)
    _find_actions(text, found)  # after the scene: drops actions that only set it ("when I joined")
    _find_spoken_actions(text, found)
    _find_scene_events(text, found)  # before the actions: what happened to set the scene
    _find_reactions(text, found)  # after the actions: outcomes are told after them
    if headline:
        _find_reactions(text, found, start=0, stop=text.index(headline))
    _find_results(text, numbers, found)
    _find_tasks(text, found)
    told_first = _SpanIndex(found.outcome_first)
    found.task = [t for t in found.task if not told_first.overlaps(t)]
    # "I was responsible for the accounts" sets a role, like a workplace, not a moment.
    duties = _SpanIndex(found.duty)
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


def _find_scene_events(text: Text, found: _Found) -> None:
    """Before the speaker acts, a past event about someone or something else sets the scene.

    "A large party arrived without a booking", "our main supplier went bust": told
    before the first "I ..." (or "we ..."), such a clause is the situation, the mirror
    image of the outcome clauses told after it.
    """
    actions = found.own_actions + found.we_actions
    if not actions:
        return
    words = text.words
    first = text.index(min(start for start, _ in actions))
    opens = text.clause_starts()
    told_first = text.index(found.outcome_first[0][1]) if found.outcome_first else 0
    scene = _SpanIndex(found.situation)
    for i in range(told_first, first):
        if not opens[i] or _CONDITIONAL.intersection(words[max(0, i - 2) : i + 1]):
            continue
        j = i
        while j < first and words[j] in GAP_WORDS:
            j += 1
        if j >= first:
            break
        head = words[j]
        k = j + 1
        if head in lx.REACTION_DETERMINERS:
            while (
                k < first
                and k <= j + _REACTION_SUBJECT_WORDS
                and words[k] not in lx.REACTION_NOT_SUBJECT
                and not is_past_form(words[k])
            ):
                k += 1
            if k == j + 1:
                continue
        elif head not in lx.REACTION_PRONOUNS:
            continue
        while k < first and words[k] in GAP_WORDS:
            k += 1
        if k < first and is_past_form(words[k]):
            span = (text.starts[j], text.ends[k])
            if not scene.overlaps(span):
                found.situation.append(span)
                scene.add(span)


def _is_claim(text: Text, action: Span) -> bool:
    """Whether an action's verb is itself a change ("I increased", "I cut"): a claimed result."""
    return text.low[action[0] : action[1]].rsplit(None, 1)[-1] in _CHANGE_VERBS


def _star(text: Text, found: _Found) -> dict[str, tuple[Span, ...]]:
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


def story_features(text: Text, found: _Found, *, situation_given: bool = False) -> dict[str, float]:
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
