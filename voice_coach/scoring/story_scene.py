"""The frame around the deeds: when and where the story happened, what the speaker was
there to do, and the signs that it is no one episode at all.

Situation and task are read here, as are the answers that only look like stories:
habits and career summaries ("I always...", "I have managed..."), plans ("I would..."),
duties ("I was responsible for..."), cliches and hedges. They sit together because the
same phrases decide both: "when I joined" sets a scene, "if a project was late" imagines
one.
"""

from __future__ import annotations

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.numbers import END, SEP, NumberMention, alternation
from voice_coach.scoring.story_common import (
    ANY_NUMBER,
    CONDITIONAL,
    GAP,
    REACTION_SUBJECT_WORDS,
    Found,
    SpanIndex,
    compile_bounded,
    with_gaps,
)
from voice_coach.scoring.text import GAP_WORDS, Text, is_past_form

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

_SITUATION_RE = compile_bounded(
    "|".join(
        (
            rf"(?P<onetime>one{SEP}{alternation(lx.ONE_TIME_UNITS)})",
            alternation(lx.SITUATION_PHRASES),
            rf"{alternation(lx.PAST_RELATIVE)}{SEP}{alternation(lx.TIME_UNITS_FOR_ANCHORS)}",
            rf"(?:(?:{alternation(lx.AGO_QUANTIFIERS)}|{ANY_NUMBER}){SEP})?{_PLURAL_UNITS}"
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
            rf"{ANY_NUMBER}{SEP}{_PLURAL_UNITS}{SEP}{alternation(lx.PERIOD_INTO)}",
            rf"{alternation(lx.POSSESSIVES)}{SEP}{alternation(lx.ORDINAL_PERIODS)}{SEP}{_PLURAL_UNITS}",
            alternation(lx.PAST_NEGATIONS),
            # A past clause ("when I managed a shop", "when our lead developer left",
            # "the hospital where I trained") names a moment or place, whatever the verb.
            rf"{alternation(lx.WHEN_CONJUNCTIONS)}{SEP}"
            rf"(?:{alternation(lx.CLAUSE_SUBJECT_PRONOUNS)}"
            rf"|{alternation(lx.CLAUSE_DETERMINERS)}(?:[\s-]+{_NOT_PRONOUN}[a-z']+){{1,3}}?)"
            rf"{_GAP_IN_SENTENCE}{_IN_SENTENCE}{_NOT_PRESENT_ED}{_PAST_VERB}",
            rf"{alternation(lx.WHEN_CONJUNCTIONS)}{SEP}i{GAP}{SEP}"
            rf"{alternation(lx.WHEN_I_CONTINUATIONS)}",
            rf"{alternation(lx.WHEN_CONJUNCTIONS)}{SEP}we{GAP}{SEP}"
            rf"{alternation(lx.WHEN_WE_CONTINUATIONS)}",
            with_gaps(lx.SETUP_I),
            with_gaps(lx.SETUP_EXISTENTIAL),
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
_HABITUAL_RE = compile_bounded(
    "|".join(
        (
            rf"(?P<habit>{with_gaps(lx.HABITUAL_PHRASES)})",
            rf"{alternation(lx.QUALITY_SUBJECTS)}{GAP}"
            rf"(?:{SEP}{alternation(lx.QUALITY_INTENSIFIERS)})?{SEP}{alternation(lx.QUALITIES)}",
            # "I have managed teams...": a career summary, not one episode.
            rf"(?P<career>{with_gaps(lx.CAREER_SUMMARY_SUBJECTS)}{GAP}{SEP}{_NOT_PRESENT_ED}"
            rf"(?:{_PAST_VERB}|{alternation(lx.I_D_PARTICIPLES)}))",
        )
    )
)
_HYPOTHETICAL_RE = compile_bounded(rf"{with_gaps(lx.HYPOTHETICAL_PHRASES)}|(?P<would>(?:i|we)'d)")
HYPOTHETICAL_QUESTION_RE = compile_bounded(alternation(lx.HYPOTHETICAL_QUESTION_CUES))
_TASK_RE = compile_bounded(
    rf"{with_gaps(lx.TASK_PHRASES)}|(?P<progressive>i{GAP}{SEP}was{SEP}[a-z]+ing)"
    # "we had two weeks to do it": the deadline is the task.
    rf"|(?:i|we){GAP}{SEP}had{SEP}(?:{alternation(lx.DEADLINE_QUANTIFIERS)}{SEP})*"
    rf"(?:{ANY_NUMBER}{SEP})?{_PLURAL_UNITS}{SEP}to"
)
_COACH_RE = compile_bounded(
    rf"(?P<duty>{alternation(lx.DUTY_PHRASES)})|(?P<cliche>{alternation(lx.CLICHES)})"
    rf"|(?P<hedge>{alternation(lx.HEDGES)})"
)
_SPAN_PREPS = frozenset(
    {"during", "in", "over", "throughout", "through", "after", "before", "since"}
)


def find_situations(text: Text, found: Found) -> None:
    for m in _SITUATION_RE.finditer(text.low):
        before = text.before(m.start(), 3)
        if m.group("onetime") and before and before[-1] in lx.DURATION_PREPOSITIONS:
            continue  # "down to one day": a length of time, not a story opener
        if CONDITIONAL.intersection(before):
            continue  # "if a project was falling behind": imagined, not remembered
        found.situation.append(m.span())
        if m.group("place") or m.group("role"):
            found.places.append(m.span())


def find_year_anchors(text: Text, numbers: tuple[NumberMention, ...], found: Found) -> None:
    """ "Back in 2019" places the story in time; "since 2012" or "by 2026" does not."""
    for num in numbers:
        if num.kind == "year":
            before = text.before(num.span[0], 2)
            if before and before[-1] in lx.YEAR_ANCHOR_BEFORE:
                found.situation.append(num.span)
            elif len(before) == 2 and before[1] in ("the", "that") and before[0] in _SPAN_PREPS:
                found.situation.append(num.span)  # "during the 2020 lockdown"


def find_scene_events(text: Text, found: Found) -> None:
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
    scene = SpanIndex(found.situation)
    for i in range(told_first, first):
        if not opens[i] or CONDITIONAL.intersection(words[max(0, i - 2) : i + 1]):
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
                and k <= j + REACTION_SUBJECT_WORDS
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


def find_tasks(text: Text, found: Found) -> None:
    for m in _TASK_RE.finditer(text.low):
        if m.group("progressive"):
            verb = text.low[m.start() : m.end()].rsplit(None, 1)[-1]
            if verb in lx.TASK_PROGRESSIVE_EXCLUDED:
                continue
        if text.is_planned(m.start()):
            continue
        found.task.append(m.span())


def find_hypotheticals(text: Text, found: Found) -> None:
    for m in _HYPOTHETICAL_RE.finditer(text.low):
        following = text.next_word(m.end())
        if following in lx.HEDGE_VERBS:
            continue  # "I'd say": a hedge, not a plan
        if following in lx.HABIT_ADVERBS:
            continue  # "I'd often stay late": a habit, flagged as one
        if m.group("would") and (following in lx.I_D_PARTICIPLES or following.endswith("ed")):
            continue  # "I'd already shipped": past perfect, a real episode
        found.hypothetical.append(m.span())


def find_habits(text: Text, found: Found) -> None:
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


def find_coaching(text: Text, found: Found) -> None:
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
