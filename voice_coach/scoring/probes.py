"""The follow-up an interviewer would ask next, chosen by listening to the answer.

An interviewer who hears "we rebuilt the checkout" asks "what was your part?", quoting
the candidate; one who hears a full story asks the question they came with. So a probe
aimed at what the answer missed comes first (quoting its words where it can), then
the question set's own follow-ups, then a question that fits the kind of question.
The same probe is never asked twice in a row.
"""

from __future__ import annotations

from collections.abc import Sequence

from voice_coach.scoring.codes import Flag, FlagCode
from voice_coach.scoring.kinds import QuestionKind
from voice_coach.scoring.numbers import Span
from voice_coach.scoring.story import Evidence
from voice_coach.scoring.text import Text

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

CONCEPT_PROBES: dict[str, str] = {
    "asks_time": "So is that a yes?",
    "says_when": "When can we expect your answer?",
    "asks_question": "Is there anything at all you'd like to ask us?",
    "asks_decision": "Is there anything you'd like to know about the process from here?",
    "asks_team": "Is there anything you'd like to know about the team you would be joining?",
    "asks_environment": "Is there anything else you'd like to know about how the team works?",
    "asks_writing": "Shall I put you down as accepted, then?",
    "concrete_steps": "What would you actually do first, in your first week?",
    "specific_reason": "What is it about this role in particular that appeals to you?",
    "professional_summary": "What would you say you are best at, in your current role?",
    "why_this_role": "And why this role, at this point in your career?",
    "range_or_figure": "Do you have a figure in mind?",
    "backed_quality": "Can you give me an example of that?",
    "accepts_now": "Are you sure you don't want some time to think it over?",
    "any_point": PROBE_ANYTHING_ELSE,
}
"""What an interviewer says when an answer leaves out one of its kind's essentials."""

KIND_PROBES: dict[QuestionKind, tuple[str, ...]] = {
    QuestionKind.STORY: (PROBE_REFLECT, "What did you learn from it?"),
    QuestionKind.CV_DETAIL: (PROBE_MEASURE, PROBE_REFLECT),
    QuestionKind.PLAN: ("How would you know it was working?", "What would you do first?"),
    QuestionKind.MOTIVATION: (
        "What do you know about how our team works?",
        "Where do you see this role taking you?",
    ),
    QuestionKind.ABOUT_YOU: (
        "What are you looking for in your next role?",
        "What are you proudest of so far?",
    ),
    QuestionKind.SALARY: ("How flexible is that?", "What else in the package matters to you?"),
    QuestionKind.STRENGTHS: ("Can you give me an example of that?", "How do you know?"),
    QuestionKind.QUESTIONS_FOR_US: ("Anything else?",),
    QuestionKind.OFFER: ("What would you need to know before you could decide?",),
    QuestionKind.REMOTE_ENVIRONMENT: ("Anything else about how we work?",),
    QuestionKind.GENERAL: (PROBE_MORE, PROBE_ANYTHING_ELSE),
}


def quote(transcript: str, text: Text, span: Span, *, back: bool = False) -> str:
    """A short, clean quote of the answer's clause at ``span`` for a follow-up question.

    ``back`` takes in the words before it too: a change ("dropped") needs its subject
    ("the errors dropped"), a deed ("we rebuilt the checkout") is quoted from its doer.
    """
    start, end = text.extend(span, back=back)
    i, j = text.index(start), text.index(end)
    if j - i > _QUOTE_WORDS:
        end = text.ends[i + _QUOTE_WORDS - 1]
        return transcript[start:end].strip(" ,.;:!?-") + "..."
    return transcript[start:end].strip(" ,.;:!?-")


def _aimed(
    transcript: str,
    text: Text,
    story: Evidence | None,
    flags: Sequence[Flag],
    missing: Sequence[str],
) -> list[str]:
    """Probes at what the answer missed, weakest part first."""
    codes = {f.code for f in flags}
    probes: list[str] = []
    if story is not None:
        if FlagCode.HYPOTHETICAL in codes:
            probes.append(PROBE_HYPOTHETICAL)
        if FlagCode.NO_SITUATION in codes or FlagCode.NOT_AN_EPISODE in codes:
            if story.habits:
                said = quote(transcript, text, story.habits[0])
                probes.append(f'You said "{said}". {PROBE_NO_SITUATION}')
            probes.append(PROBE_NO_SITUATION)
        if FlagCode.WE_ONLY in codes and story.we_actions:
            said = quote(transcript, text, story.we_actions[0])
            probes.append(f'You said "{said}". {PROBE_PERSONAL}')
        if FlagCode.NO_ACTION in codes:
            probes.append(PROBE_PERSONAL)
        if FlagCode.NO_RESULT in codes:
            if story.own_actions:
                said = quote(transcript, text, story.own_actions[-1])
                probes.append(f'You said "{said}". {PROBE_RESULT}')
            probes.append(PROBE_RESULT)
        if FlagCode.RESULT_NOT_QUANTIFIED in codes and story.changes:
            said = quote(transcript, text, max(story.changes), back=True)
            probes.append(f'You said "{said}". {PROBE_MEASURE}')
    probes.extend(CONCEPT_PROBES[c] for c in missing if c in CONCEPT_PROBES)
    return probes


def choose_probe(
    transcript: str,
    text: Text,
    *,
    kind: QuestionKind,
    story: Evidence | None,
    flags: Sequence[Flag],
    missing: Sequence[str],
    follow_ups: Sequence[str] = (),
    previous: str | None = None,
) -> str | None:
    """The next question: aimed at a gap if there is one, else the set's own, else the kind's.

    ``missing`` are concept ids the answer left out; ``previous`` is the probe asked
    last time, so a redo never hears the same question again.
    """
    too_short = any(f.code is FlagCode.TOO_SHORT for f in flags)
    candidates = [
        *_aimed(transcript, text, story, flags, missing),
        *(f.strip() for f in follow_ups if f.strip()),
        *([PROBE_MORE] if too_short else []),
        *KIND_PROBES[kind],
    ]
    for probe in candidates:
        if probe != previous:
            return probe
    return None
