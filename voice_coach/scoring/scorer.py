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

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.delivery import (
    LONG_PAUSE_S,
    Delivery,
    TimedWord,
    TimedWordLike,
    align_words,
    as_tuples,
    find_fillers,
    pauses_and_pace,
    repeated_words,
)
from voice_coach.scoring.numbers import (
    END,
    SEP,
    START,
    NumberMention,
    Span,
    alternation,
    find_numbers,
)
from voice_coach.scoring.talking_points import TalkingPoint, match_talking_points
from voice_coach.scoring.text import EXTEND_FORWARD, GAP_WORDS, Text, is_past_form, lowered

MIN_WORDS = 40
"""Below this a story cannot hold a situation, an action and a result said out loud."""
MIN_SECONDS = 30.0
MIN_WORDS_NO_EXAMPLE = 15
"""Closing and talking-point questions can be answered briefly, but not in a few words."""
MIN_SECONDS_NO_EXAMPLE = 8.0
MAX_SECONDS = 180.0
"""Past three minutes a behavioural answer rambles: the interviewer has stopped following."""
GOOD_SECONDS = (60.0, 120.0)
"""A behavioural answer reads best at one to two minutes."""
GOOD_SECONDS_NO_EXAMPLE = 120.0
TYPED_WPM = 150.0
"""Typed answers have no duration: their length is judged as if said at an ordinary pace."""
PACE_WPM = (110.0, 170.0)
"""Outside this, interview answers sound rushed or laboured (they read best at 120-160)."""
MIN_WORDS_FOR_PACE = 20
"""Pace over a handful of words is noise: one hesitation doubles it."""
MAX_FILLERS_PER_MINUTE = 6.0
MIN_FILLERS_TO_FLAG = 3

# Flag codes: stable ids other code (history, statistics, UI colours) may key on.
HYPOTHETICAL = "hypothetical"
NO_SITUATION = "no_situation"
HABITUAL = "habitual"
WE_ONLY = "we_only"
NO_ACTION = "no_action"
NO_RESULT = "no_result"
TOO_SHORT = "too_short"
TOO_LONG = "too_long"
RESULT_NOT_QUANTIFIED = "result_not_quantified"
DUTY_PHRASING = "duty_phrasing"
CLICHE = "cliche"
HEDGE = "hedge"
FAST_PACE = "fast_pace"
SLOW_PACE = "slow_pace"
MANY_FILLERS = "many_fillers"
LONG_PAUSE = "long_pause"
TALKING_POINT_MISSED = "talking_point_missed"

STAR_PARTS = ("situation", "task", "action", "result")
EVIDENCE_PARTS = ("situation", "action", "result")

_MISSING_PART_WORDS: dict[str, str] = {
    HYPOTHETICAL: "what you would do, not what you did",
    NO_SITUATION: "no specific situation",
    WE_ONLY: "only what 'we' did",
    NO_ACTION: "nothing you did yourself",
    NO_RESULT: "no result",
}
"""How each missing part reads inside the one-line verdict."""

# Follow-up questions, as an interviewer would ask them next.
PROBE_HYPOTHETICAL = "Can you tell me about a time you actually did that?"
PROBE_NO_SITUATION = "Can you give me one specific example, a time when that actually happened?"
PROBE_PERSONAL = "What was your personal contribution?"
PROBE_RESULT = "What was the result?"
PROBE_MEASURE = "How did you measure that?"
PROBE_DIFFERENCE = "What difference did that make, in numbers if you have them?"
PROBE_REFLECT = "What would you do differently if it happened again?"
PROBE_MORE = "Could you say a bit more about that?"
PROBE_ANYTHING_ELSE = "Is there anything else you would like to add?"
_QUOTE_WORDS = 12
"""Longest quote of the answer inside a follow-up question."""


# --- Public types -------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """One thing to fix, worded for the user, with the words that caused it."""

    code: str
    message: str
    advice: str
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "advice": self.advice,
            "spans": [[s, e] for s, e in self.spans],
        }


@dataclass(frozen=True)
class Metrics:
    """Delivery numbers; duration is None for typed answers, so wpm is too."""

    words: int
    duration_s: float | None
    wpm: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"words": self.words, "duration_s": self.duration_s, "wpm": self.wpm}


@dataclass(frozen=True)
class Score:
    """The scorer's judgement of one answer, with the evidence behind it."""

    transcript: str
    concrete_example: bool
    flags: tuple[Flag, ...]
    metrics: Metrics
    evidence: dict[str, tuple[Span, ...]] = field(hash=False)
    """Keys "situation", "action", "result": the words that triggered each rule.
    Kept out of the hash because dicts have none."""
    star: dict[str, tuple[Span, ...]] = field(default_factory=dict, hash=False)
    """Keys "situation", "task", "action", "result": whole clauses, for highlighting."""
    talking_points: tuple[TalkingPoint, ...] = ()
    probe: str | None = None
    """The follow-up question an interviewer would most likely ask next."""
    delivery: Delivery = field(default_factory=Delivery)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types only, so sessions can be stored and compared as text."""
        return {
            "transcript": self.transcript,
            "concrete_example": self.concrete_example,
            "flags": [f.to_dict() for f in self.flags],
            "metrics": self.metrics.to_dict(),
            "evidence": {
                part: [[s, e] for s, e in self.evidence.get(part, ())] for part in EVIDENCE_PARTS
            },
            "star": {part: [[s, e] for s, e in self.star.get(part, ())] for part in STAR_PARTS},
            "talking_points": [tp.to_dict() for tp in self.talking_points],
            "probe": self.probe,
            "delivery": self.delivery.to_dict(),
        }

    @property
    def verdict(self) -> str:
        """One sentence for the UI, built from the flags so it never contradicts them."""
        if self.concrete_example:
            return "Concrete example: situation, your action and a result."
        missing = [_MISSING_PART_WORDS[f.code] for f in self.flags if f.code in _MISSING_PART_WORDS]
        if not missing:
            if self.talking_points:
                covered = sum(tp.covered for tp in self.talking_points)
                return f"Covered {covered} of {len(self.talking_points)} talking points."
            return "No accomplishment example, and this question does not need one."
        if len(missing) == 1:
            listed = missing[0]
        else:
            listed = ", ".join(missing[:-1]) + " and " + missing[-1]
        return f"No concrete example yet: {listed}."


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
_HYPOTHETICAL_QUESTION_RE = _compile(alternation(lx.HYPOTHETICAL_QUESTION_CUES))
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
)
_CONNECTIVE_RE = re.compile(alternation(lx.RESULT_CONNECTIVES))
_COMPARATIVE_AFTER_RE = re.compile(
    rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.COMPARATIVES_AFTER_NUMBER)}{END}"
)
_FUTURE_AFTER_RE = re.compile(rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.FUTURE_AFTER)}{END}")
_EXPERIENCE_AFTER_RE = re.compile(rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.EXPERIENCE_AFTER)}{END}")
_EXPERIENCE_BEFORE_RE = re.compile(rf"(?:^|\s){alternation(lx.EXPERIENCE_BEFORE)}(?:\s|$)")
_WORD_CHAR_RE = re.compile(r"[^\W_]")

_HELPERS = frozenset(lx.ACTION_HELPERS)
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


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    """Sorted, with overlapping spans joined, so the UI highlights each word once."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _count_words(transcript: str) -> int:
    """Whitespace-separated tokens with a letter or digit in them: a lone dash is no word."""
    return sum(1 for t in transcript.split() if t.isalnum() or _WORD_CHAR_RE.search(t))


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


def _is_past_action(verb: str) -> bool:
    """Simple past of a verb of doing: irregular list, or a regular "-ed" that is not a state."""
    if verb in lx.IRREGULAR_PAST_ACTIONS or verb in _HELPERS:
        return True
    return (
        len(verb) > 3
        and verb.endswith("ed")
        and verb not in lx.NON_ACTION_ED
        and verb not in lx.PRESENT_TENSE_ED
    )


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
    for m in _ACTION_RE.finditer(low):
        verb = m.group("verb")
        if not _is_past_action(verb):
            if m.group("subj") == "i" and verb.isalpha() and _is_narrative_present(verb):
                present.append((m.start(), m.end("verb")))
            continue
        if verb == "used" and _USED_TO_RE.match(low, m.end("verb")):
            continue  # "I used to": a habit, not an action
        span = (m.start(), m.end("verb"))
        if _overlaps(span, found.situation):
            continue  # "when I joined", "when I worked at": scene-setting
        (found.own_actions if m.group("subj") == "i" else found.we_actions).append(span)
    _chain_actions(text, found)
    if (
        not found.own_actions
        and len(present) >= lx.NARRATIVE_PRESENT_MIN
        and any(span not in found.places for span in found.situation)
        and not (found.habits or found.hypothetical or found.duty)
    ):
        # "A couple of years back... so I go to the manager and I tell her...": a past
        # episode told in the present tense, as people often tell stories out loud.
        found.own_actions.extend(s for s in present if not _overlaps(s, found.situation))


def _chain_actions(text: Text, found: _Found) -> None:
    """Coordinated verbs share the subject: "I apologised, took the plate away and checked".

    After each action, the next clause that starts with a past verb of doing and no
    subject of its own is another action by the same person.
    """
    words, opens = text.words, text.clause_starts()
    n = len(words)
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
            if _overlaps(span, found.situation):
                continue
            seen.add(j)
            actions.append(span)
            queue.append(j)
        actions.sort()


def _is_narrative_present(verb: str) -> bool:
    """A present-tense verb that could be a step in a story: not a state, habit or duty."""
    return (
        verb not in lx.NARRATIVE_PRESENT_EXCLUDED
        and not verb.endswith(("ing", "ed", "'m", "'ve", "'d", "'ll"))
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


def _find_reactions(text: Text, found: _Found) -> None:
    """Outcome clauses: after the speaker's first action, someone or something else changed.

    Stories end with what others did or what became true because of the speaker:
    "she stayed with us", "all three patients made it", "now it refreshes overnight",
    "most customers didn't even notice". Told before the speaker acts, the same
    shape is the problem, so only clauses after the first "I ..." count.
    """
    if not found.own_actions:
        return
    words = text.words
    n = len(words)
    first = text.index(min(start for start, _ in found.own_actions))
    opens = text.clause_starts()
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
                if words[k] in lx.REACTION_PRONOUNS:
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
            now or after_head in lx.NOW_ADVERBS or after_head in _WE_OUTCOME_NEGATIONS
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
        ):
            found.results.append((text.starts[j], text.ends[k]))


def _participle(word: str) -> bool:
    return is_past_form(word) or word in lx.I_D_PARTICIPLES


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
    cues: list[Span] = []
    for m in _RESULT_CUE_RE.finditer(low):
        if text.is_planned(m.start()):
            continue
        if (m.group("level") or m.group("later")) and m.start() < first_action:
            continue  # "the backlog was over 400" before any action: the problem
        if m.start() < told_after and not text.said_by_i(m.start()):
            continue  # "our payment page went down", then the story: the problem
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


def _find_year_anchors(text: Text, numbers: tuple[NumberMention, ...], found: _Found) -> None:
    """ "Back in 2019" places the story in time; "since 2012" or "by 2026" does not."""
    for num in numbers:
        if num.kind == "year":
            before = text.before(num.span[0], 1)
            if before and before[0] in lx.YEAR_ANCHOR_BEFORE:
                found.situation.append(num.span)


def _find_habits(text: Text, found: _Found) -> None:
    for m in _HABITUAL_RE.finditer(text.low):
        if m.group("career"):
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
    _find_hypotheticals(text, found)
    _find_habits(text, found)
    _find_coaching(text, found)
    _find_actions(text, found)  # after the scene: drops actions that only set it ("when I joined")
    _find_scene_events(text, found)  # before the actions: what happened to set the scene
    _find_reactions(text, found)  # after the actions: outcomes are told after them
    _find_results(text, numbers, found)
    _find_tasks(text, found)
    # "I was responsible for the accounts" sets a role, like a workplace, not a moment.
    found.places.extend(s for s in found.situation if _overlaps(s, found.duty))
    if found.situation and all(span in found.places for span in found.situation):
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
    for i in range(first):
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
            if not _overlaps(span, found.situation):
                found.situation.append(span)


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


# --- Flags ----------------------------------------------------------------------


def _missing_part_flags(
    found: _Found, *, situation: bool, action: bool, result: bool, hypothetical_question: bool
) -> list[Flag]:
    flags: list[Flag] = []
    # Plans only count as the problem when nothing past was narrated at all.
    hypothetical = bool(found.hypothetical) and not action and not found.we_actions
    if hypothetical:
        advice = (
            "The question asks what you would do, but a real example convinces more: "
            "give your approach in a sentence, then 'When this happened at..., I...'."
            if hypothetical_question
            else "Pick one real time this happened and tell it in the past tense: "
            "'Last year at..., I...'."
        )
        flags.append(
            Flag(
                HYPOTHETICAL,
                "You described what you would do, not something you did.",
                advice,
                _merge(found.hypothetical),
            )
        )
    elif not situation:
        message = (
            "No specific situation: this describes habits, qualities or your career in general, "
            "not one time it happened."
            if found.habitual
            else "No specific situation: it does not say when or where this happened."
        )
        flags.append(
            Flag(
                NO_SITUATION,
                message,
                "Start with one real episode: when it was, where you worked, and what was at "
                "stake ('In my last role, our biggest client was about to leave...').",
                _merge(found.habitual),
            )
        )
        if found.habits:
            flags.append(
                Flag(
                    HABITUAL,
                    "Habits instead of an episode: 'I always...', 'I usually...' say what you "
                    "tend to do, which is why there is no specific situation.",
                    "Keep one habit sentence at most, then prove it: 'For example, last "
                    "March...' and tell that one time.",
                    _merge(found.habits),
                )
            )
    if not action:
        if found.we_actions:
            flags.append(
                Flag(
                    WE_ONLY,
                    "Only 'we': it says what the team did, not what you did.",
                    "Say which part was yours, with 'I': 'I rewrote the import', "
                    "'I convinced my manager'.",
                    _merge(found.we_actions),
                )
            )
        elif not hypothetical:
            flags.append(
                Flag(
                    NO_ACTION,
                    "No action of yours: it describes habits or qualities, not what you did."
                    if found.habitual
                    else "No action of yours: it does not say what you did.",
                    "Add two or three things you did yourself, in the past tense: "
                    "'I called...', 'I built...', 'I decided...'.",
                    _merge(found.habitual),
                )
            )
    if not result:
        message = (
            "No result: the numbers given (dates, years, team sizes, targets) are background, "
            "not an outcome."
            if found.background_numbers
            else "No result: it does not say how it turned out."
        )
        flags.append(
            Flag(
                NO_RESULT,
                message,
                "End with what changed because of you: a number if you have one ('cut errors "
                "by 30 percent'), or a specific outcome ('the client renewed').",
                _merge(found.background_numbers),
            )
        )
    return flags


def _phrasing_flags(found: _Found, *, expects_example: bool) -> list[Flag]:
    flags: list[Flag] = []
    if expects_example and found.duty:
        flags.append(
            Flag(
                DUTY_PHRASING,
                "Duty phrasing: 'responsible for', 'my duties included' describe the job, "
                "not what you achieved in it.",
                "Swap the duty for a deed: not 'I was responsible for the budget' but "
                "'I cut the budget by 10 percent by renegotiating two contracts'.",
                _merge(found.duty),
            )
        )
    if found.cliche:
        flags.append(
            Flag(
                CLICHE,
                "Cliché: interviewers hear 'team player' and 'hard worker' all day and "
                "believe none of it without proof.",
                "Drop the label and show it: one sentence of what you did that a team "
                "player or hard worker would do.",
                _merge(found.cliche),
            )
        )
    if len(found.hedge) >= lx.HEDGE_MIN_COUNT:
        flags.append(
            Flag(
                HEDGE,
                f"Hedging ({len(found.hedge)} times): 'I guess', 'kind of', 'maybe' make you "
                "sound unsure of your own story.",
                "Say it plainly: 'I did', 'it worked'. If you are unsure of a number, give a "
                "range instead ('between 20 and 30 percent').",
                _merge(found.hedge),
            )
        )
    return flags


def _length_flags(
    words: int, duration_s: float | None, expects_example: bool
) -> tuple[list[Flag], str]:
    """Too short, too long, and the length verdict the delivery panel shows."""
    min_words = MIN_WORDS if expects_example else MIN_WORDS_NO_EXAMPLE
    min_seconds = MIN_SECONDS if expects_example else MIN_SECONDS_NO_EXAMPLE
    short_words = words < min_words
    short_time = duration_s is not None and duration_s < min_seconds
    seconds = duration_s if duration_s is not None else words / TYPED_WPM * 60.0
    said = f"{words} words" + (f" in {duration_s:.0f} seconds" if duration_s is not None else "")
    if short_words or short_time:
        advice = (
            "Take a minute or two: the situation, what you did, and how it turned out."
            if expects_example
            else "Add a sentence or two so it sounds considered, not cut off."
        )
        return [Flag(TOO_SHORT, f"Short answer: {said}.", advice)], "too_short"
    if seconds > MAX_SECONDS:
        how_long = (
            f"{seconds / 60:.1f} minutes"
            if duration_s is not None
            else f"about {seconds / 60:.1f} minutes said aloud"
        )
        return [
            Flag(
                TOO_LONG,
                f"Long answer: {said}, {how_long}. Past three minutes the interviewer stops "
                "following.",
                "Aim for one to two minutes: one sentence of situation, your three key "
                "actions, the result. Leave the detail for follow-up questions.",
            )
        ], "too_long"
    if expects_example:
        low, high = GOOD_SECONDS
        return [], "short" if seconds < low else "good" if seconds <= high else "long"
    return [], "good" if seconds <= GOOD_SECONDS_NO_EXAMPLE else "long"


def _delivery_flags(
    text: Text,
    delivery: Delivery,
    words: int,
    pause_spans: list[tuple[Span | None, Span | None]],
) -> list[Flag]:
    flags: list[Flag] = []
    pace = delivery.pace_wpm
    if pace is not None and words >= MIN_WORDS_FOR_PACE:
        low, high = PACE_WPM
        if pace > high:
            flags.append(
                Flag(
                    FAST_PACE,
                    f"Fast: {pace:.0f} words a minute. Above about {high:.0f} an interviewer "
                    "(and a video call) starts losing words.",
                    "Slow down to about 130-150: pause for a breath after the situation and "
                    "again before the result.",
                )
            )
        elif pace < low:
            flags.append(
                Flag(
                    SLOW_PACE,
                    f"Slow: {pace:.0f} words a minute. Below about {low:.0f} it sounds hesitant.",
                    "Rehearse the story's three beats (situation, actions, result) until you "
                    "can tell them without searching for words.",
                )
            )
    per_minute = delivery.fillers_per_minute
    if (
        per_minute is not None
        and per_minute > MAX_FILLERS_PER_MINUTE
        and delivery.fillers >= MIN_FILLERS_TO_FLAG
    ):
        said = Counter(text.low[a:b] for a, b in delivery.filler_spans).most_common(3)
        which = ", ".join(f"'{w}' x{n}" if n > 1 else f"'{w}'" for w, n in said)
        flags.append(
            Flag(
                MANY_FILLERS,
                f"Many fillers: {delivery.fillers} ({which}), {per_minute:.0f} a minute.",
                "Replace the filler with a short silence: a pause sounds confident, an 'um' "
                "does not.",
                delivery.filler_spans,
            )
        )
    if delivery.long_pauses:
        longest = max(end - start for start, end in delivery.long_pauses)
        count = len(delivery.long_pauses)
        spans = [s for pair in pause_spans for s in pair if s is not None]
        flags.append(
            Flag(
                LONG_PAUSE,
                f"{count} long pause{'s' if count > 1 else ''} (over {LONG_PAUSE_S:.0f} "
                f"seconds), the longest {longest:.1f} seconds.",
                "A pause to think is fine; if you lose the thread, say where you are going: "
                "'So what I did was...', 'The result was...'.",
                _merge(spans),
            )
        )
    return flags


def _talking_point_flags(points: tuple[TalkingPoint, ...]) -> list[Flag]:
    return [
        Flag(
            TALKING_POINT_MISSED,
            f"Not covered: {tp.text}.",
            "Work it in with a sentence of its own; the interviewer is listening for it.",
        )
        for tp in points
        if not tp.covered
    ]


def _quote(transcript: str, text: Text, span: Span) -> str:
    """A short, clean quote of the answer's clause at ``span`` for a follow-up question."""
    start, end = text.extend(span, back=True)
    i, j = text.index(start), text.index(end)
    if j - i > _QUOTE_WORDS:
        end = text.ends[i + _QUOTE_WORDS - 1]
        return transcript[start:end].strip(" ,.;:!?-") + "..."
    return transcript[start:end].strip(" ,.;:!?-")


def _probe(
    transcript: str, text: Text, found: _Found, flags: list[Flag], expects_example: bool
) -> str | None:
    """The follow-up an interviewer would ask next, aimed at the weakest part."""
    codes = {f.code for f in flags}
    if expects_example:
        if HYPOTHETICAL in codes:
            return PROBE_HYPOTHETICAL
        if NO_SITUATION in codes:
            return PROBE_NO_SITUATION
        if WE_ONLY in codes:
            return f'You said "{_quote(transcript, text, found.we_actions[0])}". {PROBE_PERSONAL}'
        if NO_ACTION in codes:
            return PROBE_PERSONAL
        if NO_RESULT in codes:
            return PROBE_RESULT
        if RESULT_NOT_QUANTIFIED in codes:
            if found.changes:
                last = max(found.changes)
                return f'You said "{_quote(transcript, text, last)}". {PROBE_MEASURE}'
            return PROBE_DIFFERENCE
        if TOO_SHORT in codes:
            return PROBE_MORE
        return PROBE_REFLECT
    if TOO_SHORT in codes:
        return PROBE_MORE
    if TALKING_POINT_MISSED in codes:
        return PROBE_ANYTHING_ELSE
    return None


# --- Entry point ----------------------------------------------------------------


def score_answer(
    transcript: str,
    *,
    question: str | None = None,
    duration_s: float | None = None,
    expects_example: bool = True,
    words: Sequence[TimedWord | TimedWordLike] | None = None,
    talking_points: Sequence[str] = (),
) -> Score:
    """Score one answer.

    ``question`` only tunes advice (a "what would you do" question gets gentler
    hypothetical advice); ``expects_example=False`` is for questions such as
    "what questions do you have for us?", where a missing example is no fault.
    ``words`` are the speech model's (start_s, end_s, word) timestamps: with
    them, long pauses are found and pace leaves those pauses out (and they give
    the duration when ``duration_s`` is None). ``talking_points`` are what the
    question set says a good answer covers; each is reported covered or not.
    """
    low = lowered(transcript)
    text = Text(low)
    found = _analyse(text)
    situation = bool(found.situation)
    action = bool(found.own_actions)
    result = bool(found.results)
    concrete = situation and action and result

    timed = as_tuples(words) if words else []
    pauses, timed_pace, timed_span = pauses_and_pace(timed)
    if duration_s is None and timed_span is not None:
        duration_s = timed_span
    n_words = _count_words(transcript)
    wpm = n_words / duration_s * 60.0 if duration_s else None
    metrics = Metrics(words=n_words, duration_s=duration_s, wpm=wpm)

    flags: list[Flag] = []
    if expects_example and not concrete:
        hypothetical_question = bool(
            question and _HYPOTHETICAL_QUESTION_RE.search(lowered(question))
        )
        flags.extend(
            _missing_part_flags(
                found,
                situation=situation,
                action=action,
                result=result,
                hypothetical_question=hypothetical_question,
            )
        )
    codes = {f.code for f in flags}
    length_flags, length = _length_flags(n_words, duration_s, expects_example)
    flags.extend(length_flags)
    if expects_example and result and not found.quantified and HYPOTHETICAL not in codes:
        flags.append(
            Flag(
                RESULT_NOT_QUANTIFIED,
                "The result has no number.",
                "Add a number if you have one: how much, how many or how fast "
                "('about 30 percent fewer errors', 'two weeks early').",
                _merge(found.results),
            )
        )
    flags.extend(_phrasing_flags(found, expects_example=expects_example))

    filler_spans = find_fillers(text)
    pause_spans: list[tuple[Span | None, Span | None]] = []
    if pauses:
        aligned = align_words(text, timed)
        pause_spans = [(aligned[a], aligned[b]) for a, b, _, _ in pauses]
    delivery = Delivery(
        fillers=len(filler_spans),
        fillers_per_minute=len(filler_spans) / duration_s * 60.0 if duration_s else None,
        filler_spans=tuple(filler_spans),
        pace_wpm=timed_pace if timed_pace is not None else wpm,
        long_pauses=tuple((start, end) for _, _, start, end in pauses),
        repeated_words=repeated_words(text),
        length=length,
    )
    flags.extend(_delivery_flags(text, delivery, n_words, pause_spans))

    points = match_talking_points(text, tuple(talking_points))
    flags.extend(_talking_point_flags(points))

    return Score(
        transcript=transcript,
        concrete_example=concrete,
        flags=tuple(flags),
        metrics=metrics,
        evidence={
            "situation": _merge(found.situation),
            "action": _merge(found.own_actions),
            "result": _merge(found.results),
        },
        star=_star(text, found),
        talking_points=points,
        probe=_probe(transcript, text, found, flags, expects_example),
        delivery=delivery,
    )
