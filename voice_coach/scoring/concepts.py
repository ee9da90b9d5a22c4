"""What an answer *does*, read by meaning: asks for time, says when, asks a question...

The closing moments of an interview are judged on acts, not on words: "could I sleep
on it and ring you tomorrow?", "give me forty-eight hours" and "can I come back to
you by Monday?" all ask for time, and "tomorrow", "end of the week" and "Monday" all
say when. Each concept is a small reader built from the parts of such acts (a request,
a span of time, a way of answering back, a question form), so a new wording made of
familiar parts is understood, not just the sentences someone thought of.

Each reader returns the spans that show its concept in the lowercased transcript
(empty when it is absent), so the feedback can point at the words.

The readers live by topic in ``concepts_offer``, ``concepts_questions`` and
``concepts_content``; this module is the table that names them, with the advice
for each, and the look-ups the scorer and the flags use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voice_coach.scoring.concepts_common import Reader
from voice_coach.scoring.concepts_content import (
    backed_quality,
    concrete_steps,
    professional_summary,
    range_or_figure,
    specific_reason,
    why_this_role,
)
from voice_coach.scoring.concepts_offer import (
    accepts_now,
    asks_time,
    asks_writing,
    says_when,
    thanks,
)
from voice_coach.scoring.concepts_questions import (
    asks_decision,
    asks_environment,
    asks_question,
    asks_team,
)


@dataclass(frozen=True)
class Concept:
    id: str
    text: str
    """The talking point it stands for, in the advice's words."""
    reader: Reader
    missing: str
    """What to say when it is missing: the advice, in plain words."""
    point: re.Pattern[str] | None = None
    """Matches a set author's wording of the same point ("asks for time to consider")."""


CONCEPTS: dict[str, Concept] = {
    c.id: c
    for c in (
        Concept(
            "thanks",
            "thanks them",
            thanks,
            "Thank them first: 'Thank you, that's wonderful news.'",
            re.compile(r"^thanks?\b|\bthanks them\b|\bthank"),
        ),
        Concept(
            "asks_time",
            "asks for time to consider",
            asks_time,
            "Don't decide on the spot: ask for time to consider it properly ('Could I have "
            "until Friday to think it over?').",
            re.compile(r"time to (?:consider|think|decide)|asks for time"),
        ),
        Concept(
            "says_when",
            "says when they will respond",
            says_when,
            "Say when you will give your answer: 'I'll call you by Friday.'",
            re.compile(
                r"says when .*(?:respond|reply|answer|get back)|when they will (?:respond|reply)"
            ),
        ),
        Concept(
            "asks_question",
            "asks at least one question",
            asks_question,
            "Ask them something: about the team, the work or what success looks like.",
            re.compile(r"asks (?:at least )?(?:one|a) (?:real |genuine )?question"),
        ),
        Concept(
            "asks_decision",
            "asks when a decision will be made",
            asks_decision,
            "Ask when they are likely to make a decision, and what the next steps are.",
            re.compile(
                r"when a decision|decision will be made|next steps?|when they will decide|"
                r"another round|timeline"
            ),
        ),
        Concept(
            "asks_team",
            "asks about the team",
            asks_team,
            "Ask about the people you would join: who you would work with and report to, "
            "how big the team is and how it is made up.",
            re.compile(
                r"asks (?:a question )?about (?:the |their |your )?(?:team|colleagues)\s*$"
                r"|asks (?:about )?(?:the people|who) (?:they|you)(?:'d| would| will)? "
                r"(?:be )?(?:work|report|join)"
            ),
        ),
        Concept(
            "asks_environment",
            "asks about the working environment",
            asks_environment,
            "You can't see the workplace on a call: ask how the team works together "
            "(communication, hours, tools, onboarding).",
            re.compile(
                r"asks (?:about )?(?:how the team|the working environment|the culture|what it is "
                r"like)"
            ),
        ),
        Concept(
            "asks_writing",
            "asks for the offer in writing",
            asks_writing,
            "Ask for the offer in writing before you accept anything.",
            # "asks for the offer in writing", not "shares progress regularly in writing"
            re.compile(
                r"\basks?\b.*\bin writing|(?:offer|contract|terms) in writing|written offer"
            ),
        ),
        Concept(
            "concrete_steps",
            "gives concrete steps",
            concrete_steps,
            "Give two or three concrete steps, in order: what you would do first, then next.",
        ),
        Concept(
            "specific_reason",
            "gives a reason specific to this job",
            specific_reason,
            "Give a reason that fits this job and organisation only: what in the role or the "
            "team draws you, and how it builds on what you have done.",
        ),
        Concept(
            "professional_summary",
            "sums up where you are and what you bring",
            professional_summary,
            "Sum up where you are now and one thing you do well or achieved, then why this "
            "role is the next step.",
        ),
        Concept(
            "why_this_role",
            "says why this role",
            why_this_role,
            "End with why this role is the right next step for you.",
        ),
        Concept(
            "range_or_figure",
            "gives a researched range or asks for the budget",
            range_or_figure,
            "Give a researched range ('between forty and forty-five thousand, in line with "
            "similar roles') or ask what the budgeted range is.",
        ),
        Concept(
            "backed_quality",
            "names a quality and backs it up",
            backed_quality,
            "Name the strength or weakness plainly, then back it up: a time it showed, or "
            "what you now do about it.",
        ),
    )
}

BLOCKERS: dict[str, Concept] = {
    "accepts_now": Concept(
        "accepts_now",
        "don't decide on the spot",
        accepts_now,
        "Don't decide at once, even if you are sure: thank them, ask for time to consider "
        "it properly, and say when you will respond.",
    )
}
"""Concepts that undo an answer: saying yes (or no) to an offer on the spot."""


def concept_for_point(point: str) -> Concept | None:
    """The concept a set author's talking point names, if any ("asks for time to consider")."""
    low = point.lower()
    for concept in CONCEPTS.values():
        if concept.point is not None and concept.point.search(low):
            return concept
    return None


_PERSON = (
    (re.compile(r"\bthey'?re\b"), "you're"),
    (re.compile(r"\bthey\b"), "you"),
    (re.compile(r"\btheir\b"), "your"),
    (re.compile(r"\bthemselves\b"), "yourself"),
)


def _base_form(word: str) -> str | None:
    """The verb a third-person form belongs to ("focuses" is "focus", "causes" is "cause",
    "is" is "be"), from lemminflect's tables; None when the word is no such form."""
    import lemminflect

    for lemma in lemminflect.getAllLemmas(word, upos="VERB").get("VERB", ()):
        if lemma != word and word in lemminflect.getAllInflections(lemma, upos="VERB").get(
            "VBZ", ()
        ):
            return lemma
    return None


def to_the_user(point: str) -> str:
    """A talking point as advice to the candidate: "says when they will respond" becomes
    "say when you will respond". Set authors describe the answer in the third person; the
    feedback speaks to the person who gave it."""
    first, _, rest = point.strip().partition(" ")
    verb = _base_form(first.lower())
    if verb is None:
        return point
    for pattern, replacement in _PERSON:
        rest = pattern.sub(replacement, rest)
    return f"{verb} {rest}".strip()
