"""What the speaker did: the A of STAR, and the part interviewers weigh most.

A deed is "I" with a past verb of doing, or the forms speech gives it otherwise:
verbs chained after one subject ("I apologised, took the plate away and checked"),
a story told in the present ("so I call the client"), the speaker as agent of a
passive ("the rota was drawn up by me"), or a deed told as a noun ("my fix was...").
"""

from __future__ import annotations

import re

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.numbers import END, SEP, START, Span, alternation
from voice_coach.scoring.story_common import (
    CHANGE_VERBS,
    CONDITIONAL,
    GAP,
    Found,
    SpanIndex,
    compile_bounded,
    participle,
)
from voice_coach.scoring.text import (
    EXTEND_FORWARD,
    GAP_WORDS,
    Text,
    is_past_form,
    state_lemma,
    verb_tags,
)

_ACTION_RE = re.compile(
    rf"{START}(?P<subj>i|we)"
    rf"(?={GAP}{SEP}(?P<verb>{alternation(lx.ACTION_HELPERS)}{END}|[a-z]+{END}))"
)
"""Only "I" is consumed, so a rejected verb never hides the next "I"."""
_USED_TO_RE = re.compile(rf"{SEP}to{END}")
_HELPERS = frozenset(lx.ACTION_HELPERS)
_FREQUENCY = frozenset(lx.FREQUENCY_WORDS)
_ING_VERBS = frozenset({"ring", "bring", "sing", "sting", "swing", "spring", "fling", "wring"})
"""Verbs whose own spelling ends in "-ing": "so I ring the police" is no progressive."""
_AGENT_PASSIVE_RE = re.compile(
    rf"{START}(?:was|were|got|been|being|gets|get){SEP}(?:[a-z]+{SEP}){{0,5}}?"
    rf"(?P<verb>[a-z]+)(?:{SEP}(?:up|out|down|together|in|off|over|through|back))?{SEP}by{SEP}"
    rf"{alternation(lx.AGENT_SELF)}{END}"
)
_NOMINAL_ACTION_RE = compile_bounded(
    rf"my{SEP}(?:[a-z]+{SEP})?{alternation(lx.NOMINAL_ACTION_NOUNS)}{SEP}(?:was|were)"
    rf"(?!{SEP}to{END}|{SEP}that{SEP}i{SEP}would)"
)
_NARRATION_RE = compile_bounded(alternation(lx.SPEAKER_NARRATION))


def _is_past_action(verb: str) -> bool:
    """Simple past of a verb of doing: irregular list, or a regular "-ed" that is not a state."""
    if verb in lx.IRREGULAR_PAST_ACTIONS or verb in _HELPERS:
        return True
    if verb in lx.NON_ACTION_ED or verb in lx.PRESENT_TENSE_ED or verb in lx.IRREGULAR_PAST_STATES:
        return False
    if len(verb) > 3 and verb.endswith("ed"):
        return True
    return verb.isalpha() and "VBD" in verb_tags(verb) and not state_lemma(verb)


def find_actions(text: Text, found: Found) -> None:
    low = text.low
    present: list[Span] = []
    scene = SpanIndex(found.situation)
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


def _chain_actions(text: Text, found: Found) -> None:
    """Coordinated verbs share the subject: "I apologised, took the plate away and checked".

    After each action, the next clause that starts with a past verb of doing and no
    subject of its own is another action by the same person.
    """
    words, opens = text.words, text.clause_starts()
    n = len(words)
    scene = SpanIndex(found.situation)
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
            if words[j] in CHANGE_VERBS or words[j] == "used":
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


def find_spoken_actions(text: Text, found: Found) -> None:
    """Deeds told without "I + past verb": passives with the speaker as agent ("the new
    rota was drawn up by me"), actions told as nouns ("my fix was a script"), and
    pseudo-clefts ("what I did was call the client")."""
    low = text.low
    for m in _AGENT_PASSIVE_RE.finditer(low):
        if text.is_planned(m.start()):
            continue
        if participle(m.group("verb")):
            found.own_actions.append(m.span())
    for pattern in (_NOMINAL_ACTION_RE, _NARRATION_RE):
        for m in pattern.finditer(low):
            if text.is_planned(m.start()) or CONDITIONAL.intersection(text.before(m.start(), 3)):
                continue
            found.own_actions.append(m.span())
    found.own_actions.sort()
