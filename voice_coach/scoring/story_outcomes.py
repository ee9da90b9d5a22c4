"""How it turned out: the R of STAR, the part answers most often leave out.

An outcome is a change word after the speaker's first deed ("errors dropped"), a
number tied to one ("by 30 percent"), someone else's reaction ("she renewed"), or a
headline told first ("long story short, we halved returns"). The same words before
the speaker acts are the problem the story opens with, so every reader here looks at
where a clause falls, not only at what it says.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.numbers import END, SEP, NumberMention, Span, alternation
from voice_coach.scoring.story_common import (
    ANY_NUMBER,
    CHANGE_VERBS,
    REACTION_SUBJECT_WORDS,
    Found,
    compile_bounded,
    participle,
)
from voice_coach.scoring.text import GAP_WORDS, Text, is_past_form

_LATER_SPAN = (
    rf"(?:{ANY_NUMBER}|{alternation(lx.AFTERWARDS_QUANTIFIERS)}){SEP}"
    rf"{alternation(lx.AFTERWARDS_UNITS)}"
)
_RESULT_CUE_RE = compile_bounded(
    rf"(?P<outcome>{alternation(lx.OUTCOME_PHRASES)}|never{SEP}(?:[a-z']+{SEP}){{0,4}}?again)"
    rf"|(?P<change>{alternation(lx.CHANGE_VERBS_PAST)})"
    rf"|(?P<level>{alternation(lx.LEVEL_VERBS)}(?:{SEP}{alternation(lx.STATE_INTENSIFIERS)})?"
    rf"{SEP}{alternation(lx.LEVEL_BOUNDS)}|{alternation(lx.LEVEL_REACHED)})"
    rf"|(?P<later>{alternation(lx.AFTERWARDS_PHRASES)}"
    rf"|within{SEP}{_LATER_SPAN}|{_LATER_SPAN}{SEP}later)"
    rf"|{alternation((*lx.QUANTITY_CUE_VERBS, *lx.QUANTITY_CUE_NOUNS, *lx.CHANGE_PREPOSITIONS))}"
    rf"|(?P<effort>{alternation(lx.EFFORT_CUE_VERBS)})"
)
_COMPARATIVE_AFTER_RE = re.compile(
    rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.COMPARATIVES_AFTER_NUMBER)}{END}"
)
_FUTURE_AFTER_RE = re.compile(rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.FUTURE_AFTER)}{END}")
_EXPERIENCE_AFTER_RE = re.compile(rf"{SEP}(?:[a-z]+{SEP})?{alternation(lx.EXPERIENCE_AFTER)}{END}")
_EXPERIENCE_BEFORE_RE = re.compile(rf"(?:^|\s){alternation(lx.EXPERIENCE_BEFORE)}(?:\s|$)")
_OUTCOME_FIRST_RE = compile_bounded(alternation(lx.OUTCOME_FIRST_CUES))
_WE_OUTCOME_NEGATIONS = frozenset({"haven't", "havent", "hasn't", "never", "didn't", "didnt"})

_CUE_TO_NUMBER_WORDS = 8
"""Most words allowed between a change word and its number: "cut the average wait for
support tickets by 30 percent" still pairs, the next sentence's number does not."""
_TIME_PHRASE_WORDS = 4
"""Longest time phrase before an outcome's subject: "by the end of it she..." is the most."""


def find_reactions(
    text: Text, found: Found, *, start: int | None = None, stop: int | None = None
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
            longest = j + REACTION_SUBJECT_WORDS + (1 if negative else 0)
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
            or (head.endswith(("'ve", "'s")) and participle(verb))
            or (verb in lx.PERFECT_AUXILIARIES and participle(following))
            or (verb in ("was", "were") and _state_follows(words, k + 1))
            or (is_past_form(verb) and verb not in lx.REACTION_EXCLUDED_VERBS)
            or (verb in lx.REACTION_EXCLUDED_VERBS and following in lx.OUTCOME_PARTICLES)
            or (verb == "used" and following != "to" and is_past_form(verb))
            or (k > j + 1 and words[k - 1].endswith("'s") and participle(verb) and verb != "got")
            or (
                told_in_present
                and i > last_own
                and head in lx.REACTION_PRONOUNS
                and verb.endswith("s")
                and verb not in lx.PRESENT_STATES
            )
        ):
            found.results.append((text.starts[j], text.ends[k]))


def _state_follows(words: list[str], i: int) -> bool:
    """An end state after "was"/"were", past an intensifier: "was (really) pleased", or a
    passive: "the supplier was changed", "my proposal was approved"."""
    while i < len(words) and words[i] in lx.STATE_INTENSIFIERS:
        i += 1
    return i < len(words) and (words[i] in lx.STATE_AFTER_WAS or participle(words[i]))


def find_results(text: Text, numbers: tuple[NumberMention, ...], found: Found) -> None:
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


def headline_end(text: Text) -> int:
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
        if words[i] in ("i", "we") and words[i + 1] in CHANGE_VERBS:
            return stop
    return 0
