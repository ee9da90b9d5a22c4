"""Every flag the scorer raises, worded for the user with its advice and evidence spans.

Kept apart from the analysis so the wording can be read (and improved) in one place:
the story reader finds *what* is there, these say what it means to the candidate.
"""

from __future__ import annotations

from collections import Counter

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.codes import Flag, FlagCode
from voice_coach.scoring.codes import merge_spans as _merge
from voice_coach.scoring.concepts import BLOCKERS, concept_for_point
from voice_coach.scoring.delivery import LONG_PAUSE_S, Delivery
from voice_coach.scoring.numbers import Span
from voice_coach.scoring.story import Evidence
from voice_coach.scoring.talking_points import TalkingPoint
from voice_coach.scoring.text import Text

MIN_WORDS = 40
"""Below this a story cannot hold a situation, an action and a result said out loud."""
MIN_SECONDS = 30.0
MIN_WORDS_NO_EXAMPLE = 15
"""Closing and talking-point questions can be answered briefly, but not in a few words."""
MIN_SECONDS_NO_EXAMPLE = 8.0
MIN_WORDS_BRIEF = 6
MIN_SECONDS_BRIEF = 2.0
"""Closing replies ("Thank you! Could I let you know by Friday?") are good when brief."""
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


def missing_part_flags(
    found: Evidence, *, situation: bool, action: bool, result: bool, hypothetical_question: bool
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
                FlagCode.HYPOTHETICAL,
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
                FlagCode.NO_SITUATION,
                message,
                "Start with one real episode: when it was, where you worked, and what was at "
                "stake ('In my last role, our biggest client was about to leave...').",
                _merge(found.habitual),
            )
        )
        if found.habits:
            flags.append(
                Flag(
                    FlagCode.HABITUAL,
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
                    FlagCode.WE_ONLY,
                    "Only 'we': it says what the team did, not what you did.",
                    "Say which part was yours, with 'I': 'I rewrote the import', "
                    "'I convinced my manager'.",
                    _merge(found.we_actions),
                )
            )
        elif not hypothetical:
            flags.append(
                Flag(
                    FlagCode.NO_ACTION,
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
                FlagCode.NO_RESULT,
                message,
                "End with what changed because of you: a number if you have one ('cut errors "
                "by 30 percent'), or a specific outcome ('the client renewed').",
                _merge(found.background_numbers),
            )
        )
    return flags


def phrasing_flags(found: Evidence, *, expects_example: bool) -> list[Flag]:
    flags: list[Flag] = []
    if expects_example and found.duty:
        flags.append(
            Flag(
                FlagCode.DUTY_PHRASING,
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
                FlagCode.CLICHE,
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
                FlagCode.HEDGE,
                f"Hedging ({len(found.hedge)} times): 'I guess', 'kind of', 'maybe' make you "
                "sound unsure of your own story.",
                "Say it plainly: 'I did', 'it worked'. If you are unsure of a number, give a "
                "range instead ('between 20 and 30 percent').",
                _merge(found.hedge),
            )
        )
    return flags


def length_flags(
    words: int, duration_s: float | None, expects_example: bool, *, brief: bool = False
) -> tuple[list[Flag], str]:
    """Too short, too long, and the length verdict the delivery panel shows."""
    min_words = MIN_WORDS if expects_example else MIN_WORDS_BRIEF if brief else MIN_WORDS_NO_EXAMPLE
    min_seconds = (
        MIN_SECONDS if expects_example else MIN_SECONDS_BRIEF if brief else MIN_SECONDS_NO_EXAMPLE
    )
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
        return [Flag(FlagCode.TOO_SHORT, f"Short answer: {said}.", advice)], "too_short"
    if seconds > MAX_SECONDS:
        how_long = (
            f"{seconds / 60:.1f} minutes"
            if duration_s is not None
            else f"about {seconds / 60:.1f} minutes said aloud"
        )
        return [
            Flag(
                FlagCode.TOO_LONG,
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


def delivery_flags(
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
                    FlagCode.FAST_PACE,
                    f"Fast: {pace:.0f} words a minute. Above about {high:.0f} an interviewer "
                    "(and a video call) starts losing words.",
                    "Slow down to about 130-150: pause for a breath after the situation and "
                    "again before the result.",
                )
            )
        elif pace < low:
            flags.append(
                Flag(
                    FlagCode.SLOW_PACE,
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
                FlagCode.MANY_FILLERS,
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
                FlagCode.LONG_PAUSE,
                f"{count} long pause{'s' if count > 1 else ''} (over {LONG_PAUSE_S:.0f} "
                f"seconds), the longest {longest:.1f} seconds.",
                "A pause to think is fine; if you lose the thread, say where you are going: "
                "'So what I did was...', 'The result was...'.",
                _merge(spans),
            )
        )
    return flags


def talking_point_flags(points: tuple[TalkingPoint, ...]) -> list[Flag]:
    """One flag per point missed, with the concept's own advice where a concept knows it."""
    flags: list[Flag] = []
    for tp in points:
        if tp.covered:
            continue
        concept = concept_for_point(tp.text)
        advice = (
            concept.missing
            if concept is not None
            else "Work it in with a sentence of its own; the interviewer is listening for it."
        )
        flags.append(Flag(FlagCode.POINT_MISSED, f"Not covered: {tp.text}.", advice))
    return flags


def blocker_flags(blockers: list[str]) -> list[Flag]:
    return [
        Flag(
            FlagCode.ACCEPTED_ON_THE_SPOT,
            "You decided on the spot.",
            BLOCKERS[b].missing,
        )
        for b in blockers
    ]


def not_an_episode_flag(found: Evidence) -> Flag:
    """When every part is there but the whole still reads as general, not one real time."""
    return Flag(
        FlagCode.NOT_AN_EPISODE,
        "It stays general: the parts of a story are there, but not clearly one real time "
        "with your own steps and how it ended.",
        "Pick one occasion and tell it in order: when it was, what you did step by step, and "
        "what happened in the end.",
        _merge([*found.habits, *found.hypothetical]),
    )


def result_flags(found: Evidence, *, concrete: bool) -> list[Flag]:
    """Coaching on the result: a number only where the result is an amount, and the order."""
    flags: list[Flag] = []
    if found.changes and not found.quantified:
        flags.append(
            Flag(
                FlagCode.RESULT_NOT_QUANTIFIED,
                "The result is a change of amount, but has no number.",
                "Say how much: 'about 30 percent fewer errors', 'two weeks early', "
                "'from five days to one'.",
                _merge(found.changes),
            )
        )
    if found.outcome_first and concrete:
        flags.append(
            Flag(
                FlagCode.OUTCOME_FIRST,
                "You opened with the result.",
                "A headline result is fine, but then tell the story in order and come back "
                "to the result at the end, where it lands.",
                found.outcome_first,
            )
        )
    return flags
