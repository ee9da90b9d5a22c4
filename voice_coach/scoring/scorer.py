"""Does a spoken answer contain a concrete accomplishment example?

Interviewers asking "tell me about a time..." listen for three things: one real
past episode (situation), what the speaker personally did in it (action), and
how it turned out (result). Answers fail in a few recognisable ways: habits and
self-praise instead of an episode ("I always...", "I'm a hard worker"), plans
instead of deeds ("I would..."), the team instead of the speaker ("we..."), and
a story that stops before the outcome. Each of those has a linguistic marker
(tense, grammatical person, modality, a change verb, a number with a unit), and
the scorer looks for those markers rather than for any particular sentence.

Input is speech-to-text output, so nothing relies on capitals or punctuation:
matching runs over a lowercased copy whose offsets equal the original's, fillers
are skipped between subject and verb, and every span points into the original
transcript. Everything is precompiled regex and set look-ups: thousands of
answers a second, no model, nothing leaves the machine.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.numbers import (
    END,
    SEP,
    START,
    NumberMention,
    Span,
    alternation,
    find_numbers,
)

MIN_WORDS = 40
"""Below this a story cannot hold a situation, an action and a result said out loud."""
MIN_SECONDS = 30.0
MIN_WORDS_NO_EXAMPLE = 15
"""Closing and talking-point questions can be answered briefly, but not in a few words."""
MIN_SECONDS_NO_EXAMPLE = 8.0

# Flag codes: stable ids other code (history, statistics, UI colours) may key on.
HYPOTHETICAL = "hypothetical"
NO_SITUATION = "no_situation"
WE_ONLY = "we_only"
NO_ACTION = "no_action"
NO_RESULT = "no_result"
TOO_SHORT = "too_short"
RESULT_NOT_QUANTIFIED = "result_not_quantified"

_MISSING_PART_WORDS: dict[str, str] = {
    HYPOTHETICAL: "what you would do, not what you did",
    NO_SITUATION: "no specific situation",
    WE_ONLY: "only what 'we' did",
    NO_ACTION: "nothing you did yourself",
    NO_RESULT: "no result",
}
"""How each missing part reads inside the one-line verdict."""


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
    """Keys "situation", "action", "result"; kept out of the hash because dicts have none."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types only, so sessions can be stored and compared as text."""
        return {
            "transcript": self.transcript,
            "concrete_example": self.concrete_example,
            "flags": [f.to_dict() for f in self.flags],
            "metrics": self.metrics.to_dict(),
            "evidence": {
                part: [[s, e] for s, e in self.evidence.get(part, ())]
                for part in ("situation", "action", "result")
            },
        }

    @property
    def verdict(self) -> str:
        """One sentence for the UI, built from the flags so it never contradicts them."""
        if self.concrete_example:
            return "Concrete example: situation, your action and a result."
        missing = [_MISSING_PART_WORDS[f.code] for f in self.flags if f.code in _MISSING_PART_WORDS]
        if not missing:
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
            rf"(?:(?:{alternation(lx.AGO_QUANTIFIERS)}|{_ANY_NUMBER}){SEP})?{_PLURAL_UNITS}{SEP}ago",
            rf"(?:back{SEP})?in{SEP}{alternation(lx.MONTHS)}",
            rf"(?:{alternation(lx.SCENE_PREPOSITIONS)}{SEP})?{alternation(lx.POSSESSIVES)}{SEP}"
            rf"{alternation(lx.PREVIOUS_ADJECTIVES)}{SEP}(?:[a-z]+{SEP})?{alternation(lx.ORG_NOUNS)}",
            rf"during{SEP}{alternation(lx.DURING_DETERMINERS)}{SEP}(?:[a-z]+{SEP})?"
            rf"{alternation((*lx.ORG_NOUNS, *lx.EPISODE_NOUNS))}",
            rf"{_ANY_NUMBER}{SEP}{_PLURAL_UNITS}{SEP}{alternation(lx.PERIOD_INTO)}",
            rf"{alternation(lx.POSSESSIVES)}{SEP}{alternation(lx.ORDINAL_PERIODS)}{SEP}{_PLURAL_UNITS}",
            alternation(lx.PAST_NEGATIONS),
            # A past clause ("when I managed a shop", "when our lead developer left",
            # "the hospital where I trained") names a moment or place, whatever the verb.
            rf"{alternation(lx.WHEN_CONJUNCTIONS)}{SEP}"
            rf"(?:{alternation(lx.CLAUSE_SUBJECT_PRONOUNS)}"
            rf"|{alternation(lx.CLAUSE_DETERMINERS)}(?:[\s-]+{_NOT_PRONOUN}[a-z']+){{1,3}}?){_GAP}"
            rf"{SEP}{_NOT_PRESENT_ED}{_PAST_VERB}",
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
            _with_gaps(lx.HABITUAL_PHRASES),
            rf"{alternation(lx.QUALITY_SUBJECTS)}{_GAP}"
            rf"(?:{SEP}{alternation(lx.QUALITY_INTENSIFIERS)})?{SEP}{alternation(lx.QUALITIES)}",
            # "I have managed teams...": a career summary, not one episode.
            rf"{_with_gaps(lx.CAREER_SUMMARY_SUBJECTS)}{_GAP}{SEP}{_NOT_PRESENT_ED}"
            rf"(?:{_PAST_VERB}|{alternation(lx.I_D_PARTICIPLES)})",
        )
    )
)
_HYPOTHETICAL_RE = _compile(rf"{_with_gaps(lx.HYPOTHETICAL_PHRASES)}|(?P<would>(?:i|we)'d)")
_HYPOTHETICAL_QUESTION_RE = _compile(alternation(lx.HYPOTHETICAL_QUESTION_CUES))

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
_COMPARATIVE_AFTER_RE = re.compile(
    rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.COMPARATIVES_AFTER_NUMBER)}{END}"
)
_FUTURE_BEFORE_RE = re.compile(
    rf"(?:^|\s){alternation(lx.FUTURE_MARKERS)}(?:\s|$)"
    rf"|\w{alternation(lx.FUTURE_CONTRACTIONS)}(?:\s|$)"
)
_FUTURE_AFTER_RE = re.compile(rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.FUTURE_AFTER)}{END}")
_EXPERIENCE_AFTER_RE = re.compile(rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.EXPERIENCE_AFTER)}{END}")
_EXPERIENCE_BEFORE_RE = re.compile(rf"(?:^|\s){alternation(lx.EXPERIENCE_BEFORE)}(?:\s|$)")
_WORD_RE = re.compile(r"[a-z0-9']+")
_PUNCT_BREAK_RE = re.compile(r"[.!?;:,]")
_COUNTED_WORD_RE = re.compile(r"\S*[^\W_]\S*")

_IRREGULAR = lx.IRREGULAR_PAST_ACTIONS
_HELPERS = frozenset(lx.ACTION_HELPERS)
_CONDITIONAL = frozenset(lx.CONDITIONAL_MARKERS)
_GAP_WORDS = frozenset(
    w for phrase in (*lx.FILLERS, *lx.SUBJECT_VERB_ADVERBS) for w in phrase.split() if w != "i"
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})

_CLAUSE_WINDOW = 10
"""Most words looked back for "will", "aim to"... before a change word: one long clause."""
_CUE_TO_NUMBER_WORDS = 8
"""Most words allowed between a change word and its number: "cut the average wait for
support tickets by 30 percent" still pairs, the next sentence's number does not."""


# --- Helpers --------------------------------------------------------------------


def _lowered(text: str) -> str:
    """Lowercase with one character per character, so offsets stay valid for ``text``."""
    low = text.translate(_APOSTROPHES).lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_APOSTROPHES))


class _Text:
    """The lowercased transcript with its words indexed once.

    Every "what came just before this match" question is then a list slice
    instead of another regex pass, which keeps long answers fast.
    """

    __slots__ = ("low", "puncts", "starts", "words")

    def __init__(self, low: str) -> None:
        self.low = low
        self.starts: list[int] = []
        self.words: list[str] = []
        for m in _WORD_RE.finditer(low):
            self.starts.append(m.start())
            self.words.append(m.group())
        self.puncts = [m.start() for m in _PUNCT_BREAK_RE.finditer(low)]

    def index(self, pos: int) -> int:
        """How many words start before ``pos``."""
        return bisect_left(self.starts, pos)

    def before(self, pos: int, n: int) -> list[str]:
        i = self.index(pos)
        return self.words[max(0, i - n) : i]

    def next_word(self, pos: int) -> str:
        i = self.index(pos)
        return self.words[i] if i < len(self.words) else ""

    def clause_before(self, pos: int) -> str:
        """The words of the clause that ``pos`` is in, up to ``pos``.

        Punctuation ends a clause when there is any; conjunctions do too, because
        speech-to-text output often has none.
        """
        i = self.index(pos)
        first = max(0, i - _CLAUSE_WINDOW)
        p = bisect_left(self.puncts, pos) - 1
        if p >= 0:
            first = max(first, self.index(self.puncts[p]))
        words = self.words[first:i]
        for j in range(len(words) - 1, -1, -1):
            if words[j] in lx.CLAUSE_BREAKS:
                return " ".join(words[j + 1 :])
        return " ".join(words)

    def is_planned(self, pos: int) -> bool:
        """A plan, wish or condition earlier in the same clause: "we aim to", "if we"."""
        return bool(_FUTURE_BEFORE_RE.search(self.clause_before(pos)))

    def past_verb_follows(self, pos: int, n: int = 8) -> bool:
        """Whether a past-tense verb comes within ``n`` words after ``pos``."""
        i = self.index(pos)
        return any(_is_past_form(w) for w in self.words[i : i + n])

    def said_by_i(self, pos: int) -> bool:
        """Whether the verb at ``pos`` has "I" as its subject, fillers and adverbs aside."""
        for word in reversed(self.before(pos, 5)):
            if word not in _GAP_WORDS:
                return word == "i"
        return False


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    """Sorted, with overlapping spans joined, so the UI highlights each word once."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


def _is_past_form(word: str) -> bool:
    """Any simple-past verb form, deed or not: "covered", "had", "went"."""
    return (
        word in _IRREGULAR
        or word in lx.IRREGULAR_PAST_STATES
        or (len(word) > 3 and word.endswith("ed") and word not in lx.PRESENT_TENSE_ED)
    )


def _is_past_action(verb: str) -> bool:
    """Simple past of a verb of doing: irregular list, or a regular "-ed" that is not a state."""
    if verb in _IRREGULAR or verb in _HELPERS:
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
    own_actions: list[Span] = field(default_factory=list)
    we_actions: list[Span] = field(default_factory=list)
    results: list[Span] = field(default_factory=list)
    quantified: list[Span] = field(default_factory=list)
    background_numbers: list[Span] = field(default_factory=list)
    habitual: list[Span] = field(default_factory=list)
    hypothetical: list[Span] = field(default_factory=list)


def _find_situations(text: _Text, found: _Found) -> None:
    for m in _SITUATION_RE.finditer(text.low):
        before = text.before(m.start(), 3)
        if m.group("onetime") and before and before[-1] in lx.DURATION_PREPOSITIONS:
            continue  # "down to one day": a length of time, not a story opener
        if _CONDITIONAL.intersection(before):
            continue  # "if a project was falling behind": imagined, not remembered
        found.situation.append(m.span())


def _find_actions(text: _Text, found: _Found) -> None:
    low = text.low
    for m in _ACTION_RE.finditer(low):
        verb = m.group("verb")
        if not _is_past_action(verb):
            continue
        if verb == "used" and _USED_TO_RE.match(low, m.end("verb")):
            continue  # "I used to": a habit, not an action
        span = (m.start(), m.end("verb"))
        if _overlaps(span, found.situation):
            continue  # "when I joined", "when I worked at": scene-setting
        (found.own_actions if m.group("subj") == "i" else found.we_actions).append(span)


def _find_hypotheticals(text: _Text, found: _Found) -> None:
    for m in _HYPOTHETICAL_RE.finditer(text.low):
        following = text.next_word(m.end())
        if following in lx.HEDGE_VERBS:
            continue  # "I'd say": a hedge, not a plan
        if m.group("would") and (following in lx.I_D_PARTICIPLES or following.endswith("ed")):
            continue  # "I'd already shipped": past perfect, a real episode
        found.hypothetical.append(m.span())


def _find_results(text: _Text, numbers: tuple[NumberMention, ...], found: _Found) -> None:
    """Qualitative outcomes from change words; quantified ones from numbers tied to them."""
    low = text.low
    actions = found.own_actions + found.we_actions
    first_action = min(start for start, _ in actions) if actions else len(low)
    cues: list[Span] = []
    for m in _RESULT_CUE_RE.finditer(low):
        if text.is_planned(m.start()):
            continue
        if (m.group("level") or m.group("later")) and m.start() < first_action:
            continue  # "the backlog was over 400" before any action: the problem, not the outcome
        if m.group("later"):
            if text.past_verb_follows(m.end()):
                found.results.append(m.span())  # "within six weeks sales covered our rent"
            continue
        cues.append(m.span())
        if m.group("outcome") or (m.group("change") and not text.said_by_i(m.start())):
            found.results.append(m.span())
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
        if self_cued or cue or _COMPARATIVE_AFTER_RE.match(low, end):
            found.quantified.append(num.span)
            found.results.append(num.span)
            if cue:
                found.results.append(cue)
        else:
            found.background_numbers.append(num.span)


def _find_year_anchors(text: _Text, numbers: tuple[NumberMention, ...], found: _Found) -> None:
    """ "Back in 2019" places the story in time; "since 2012" or "by 2026" does not."""
    for num in numbers:
        if num.kind == "year":
            before = text.before(num.span[0], 1)
            if before and before[0] in lx.YEAR_ANCHOR_BEFORE:
                found.situation.append(num.span)


def _analyse(lowered: str) -> _Found:
    text = _Text(lowered)
    found = _Found()
    numbers = find_numbers(lowered)
    _find_situations(text, found)
    _find_year_anchors(text, numbers, found)
    _find_actions(text, found)  # after the scene: drops actions that only set it ("when I joined")
    _find_results(text, numbers, found)  # after the actions: outcomes are told after them
    _find_hypotheticals(text, found)
    found.habitual.extend(m.span() for m in _HABITUAL_RE.finditer(lowered))
    return found


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


def _too_short_flag(words: int, duration_s: float | None, expects_example: bool) -> Flag | None:
    min_words = MIN_WORDS if expects_example else MIN_WORDS_NO_EXAMPLE
    min_seconds = MIN_SECONDS if expects_example else MIN_SECONDS_NO_EXAMPLE
    short_words = words < min_words
    short_time = duration_s is not None and duration_s < min_seconds
    if not (short_words or short_time):
        return None
    said = f"{words} words" + (f" in {duration_s:.0f} seconds" if duration_s is not None else "")
    advice = (
        "Take a minute or two: the situation, what you did, and how it turned out."
        if expects_example
        else "Add a sentence or two so it sounds considered, not cut off."
    )
    return Flag(TOO_SHORT, f"Short answer: {said}.", advice)


# --- Entry point ----------------------------------------------------------------


def score_answer(
    transcript: str,
    *,
    question: str | None = None,
    duration_s: float | None = None,
    expects_example: bool = True,
) -> Score:
    """Score one answer.

    ``question`` only tunes advice (a "what would you do" question gets gentler
    hypothetical advice); ``expects_example=False`` is for questions such as
    "what questions do you have for us?", where a missing example is no fault.
    """
    lowered = _lowered(transcript)
    found = _analyse(lowered)
    situation = bool(found.situation)
    action = bool(found.own_actions)
    result = bool(found.results)
    concrete = situation and action and result

    words = len(_COUNTED_WORD_RE.findall(transcript))
    wpm = words / duration_s * 60.0 if duration_s else None
    metrics = Metrics(words=words, duration_s=duration_s, wpm=wpm)

    flags: list[Flag] = []
    if expects_example and not concrete:
        hypothetical_question = bool(
            question and _HYPOTHETICAL_QUESTION_RE.search(_lowered(question))
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
    short = _too_short_flag(words, duration_s, expects_example)
    if short:
        flags.append(short)
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
    )
