"""The questions a CV invites, in the words an interviewer would use.

Second interviews go over the CV "with a fine toothcomb": every role, every number,
every claim, every gap between dates, every skill listed but never shown, and,
against the job description, every requirement the CV is thin on. Each becomes a
question put to "you": the CV's "Led a team of 6" is asked back as "You say you led a
team of 6", its verbs turned to the second person by lemminflect. A claim's names and
numbers become the question's ``mentions``, which the spoken answer is checked
against. Nothing of the CV's formatting (Markdown, list marks, links) reaches a
question: every quoted line goes through :func:`voice_coach.speech.spoken.plain_text`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from functools import lru_cache

from voice_coach.authoring import Ids
from voice_coach.cv import DocumentError, Role, key_terms, parse_cv, specifics
from voice_coach.cv_detail import (
    MONTH_NAMES,
    Period,
    Skill,
    cv_skills,
    gaps,
    has_result,
    overlaps,
    short_roles,
    timeline,
)
from voice_coach.questions import EXAMPLE, Question, QuestionSet
from voice_coach.requirements import (
    CREDENTIAL,
    Evidence,
    RequirementEvidence,
    readiness,
    terms,
    weakest,
)
from voice_coach.scoring.kinds import QuestionKind
from voice_coach.speech.spoken import plain_text, split_note

__all__ = ["MONTH_NAMES", "cv_question_set", "second_person"]

# --- "Led a team" to "you led a team" ---------------------------------------------------

_PRONOUNS = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "am": "are",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
}
_PRONOUN = re.compile(r"\b(?:I'm|I've|I'd|I|me|my|mine|myself|we|us|our|ours)\b", re.IGNORECASE)
_DETERMINER = frozenset(
    ("a", "an", "the", "my", "our", "all", "every", "each", "over", "more", "than", "new", "and")
)
_BE_STATES = frozenset({"responsible", "accountable", "involved", "part", "one"})
"""Claims that open with how the writer stood, not what they did: "you were responsible"."""
_PASSIVE = frozenset(
    ("promote", "appoint", "select", "hire", "nominate", "elect", "invite", "second", "award")
)
"""Verbs a CV uses for what was done to the writer: "Promoted to team lead"."""


@lru_cache(maxsize=4096)
def _verb_forms(word: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """The verb's lemma, the tags ``word`` can be (VBD, VBG...) and its past forms."""
    from lemminflect import getAllInflections, getAllLemmas

    lemmas = getAllLemmas(word).get("VERB")
    if not lemmas:
        return None
    lemma = lemmas[0]
    inflections = getAllInflections(lemma, upos="VERB")
    tags = {tag for tag, forms in inflections.items() if word in forms}
    if word == lemma:
        tags.add("VB")
    past = frozenset(inflections.get("VBD", ())) | frozenset(inflections.get("VBN", ()))
    return lemma, frozenset(tags), past


def _converted_rest(words: list[str]) -> str:
    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        return _PRONOUNS.get(found.lower(), found)

    return _PRONOUN.sub(swap, " ".join(words))


def second_person(claim: str, *, current: bool) -> str | None:
    """A CV claim said back to its writer: "Cut invoice processing..." is "you cut invoice
    processing...", "I led" is "you led", "Managing a team" is "you manage a team" (in
    a role that goes on) or "you managed a team". None when the claim does not open
    with a verb ("Winner of the Care Award"): it is then quoted as written.
    """
    from lemminflect import getInflection

    words = plain_text(claim).split()
    if words and words[0].lower() in ("i", "we"):
        words = words[1:]
    if not words:
        return None
    adverb = ""
    if len(words) > 1 and words[0].lower().endswith("ly") and words[0].lower() != "only":
        adverb, words = words[0].lower() + " ", words[1:]
    first = words[0].strip(",;:").lower()
    rest = _converted_rest(words[1:])
    be = "are" if current else "were"
    if first in ("was", "were", "am", "is"):
        return f"you {adverb}{be} {rest}".strip()
    if first in _BE_STATES:
        return f"you {adverb}{be} {first} {rest}".strip()
    forms = _verb_forms(first)
    if forms is None:
        return None
    lemma, tags, past = forms
    if not tags & {"VBD", "VBN", "VBG", "VBZ", "VB", "VBP"}:
        return None
    is_past = bool(tags & {"VBD", "VBN"}) or first in past
    if not is_past and tags <= {"VB", "VBP"}:
        # "Budget holder for..." is a noun: a bare verb needs an object after it.
        following = words[1].lower() if len(words) > 1 else ""
        if following not in _DETERMINER and not following[:1].isdigit():
            return None
    if is_past and lemma in _PASSIVE:
        return f"you {adverb}{be} {first} {rest}".strip()  # "Promoted to": you were promoted
    if is_past:
        verb = first if "VBD" in tags else getInflection(lemma, "VBD")[0]
    elif current:
        verb = lemma
    else:
        verb = getInflection(lemma, "VBD")[0]
    return f"you {adverb}{verb} {rest}".strip()


# --- Claims ----------------------------------------------------------------------------------

_FROM_TO = re.compile(r"\bfrom\b.+\bto\b", re.IGNORECASE)
_PERCENT = re.compile(r"%|\bper ?cent\b", re.IGNORECASE)
_MONEY = re.compile(r"[$£€]|\b(?:pounds|dollars|euros|budget|revenue|savings?)\b", re.IGNORECASE)
_VAGUE = re.compile(
    r"^(?:i\s+)?(?:help\w*|assist\w*|support\w*|involved|participat\w*|contribut\w*|"
    r"responsible|work(?:ed|ing)? on|part of|took part|exposure)\b",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|thousand|million|half|double|twice)\b",
    re.IGNORECASE,
)


_CHANGE = re.compile(
    r"\b(?:improv|increas|reduc|grew|grow|cut|rais|boost|lower|shorten|spe[ed]d|decreas|"
    r"halv|doubl|tripl)\w*",
    re.IGNORECASE,
)
"""A claim of change: one that has a size, which the interviewer will ask for."""


def _has_number(text: str) -> bool:
    return any(c.isdigit() for c in text) or bool(_NUMBER_WORD.search(text))


def _mentions(text: str) -> tuple[str, ...]:
    """The specifics of a claim, numbers written in words included ("five days")."""
    from voice_coach.scoring.numbers import find_numbers

    found = list(specifics(text))
    for number in find_numbers(text):
        words = number.text.strip()
        if not any(c.isdigit() for c in words) and not words.lower().startswith(("a ", "an ")):
            found.append(words)
    return tuple(dict.fromkeys(found))


def claim_question(claim: str, *, current: bool) -> tuple[str, str | None]:
    """The question a CV bullet invites, and the user's aside kept beside it as its note.

    A number is asked about as a number ("how did you measure that?"), money as a
    figure someone worked out, a vague claim ("Helped with...") for what the writer
    did themself, and a claim without a result for what came of it.
    """
    quoted, note = split_note(plain_text(claim))
    quoted = quoted.rstrip(" .;,:") or plain_text(claim).rstrip(" .")
    said = second_person(quoted, current=current)
    opening = f"You say {said}" if said else f"Your CV says '{quoted}'"
    if _has_number(quoted):
        if _FROM_TO.search(quoted):
            return f"{opening}: how did you measure that?", note
        if _PERCENT.search(quoted):
            return f"{opening}: what was the starting point, and how did you measure it?", note
        if _MONEY.search(quoted):
            return f"{opening}: how was that figure worked out, and what was your part?", note
        return f"{opening}. What did that involve, and what was hardest about it?", note
    if _VAGUE.search(quoted):
        return f"{opening}. What exactly did you do yourself, and what changed because of it?", note
    if said is None:
        return f"{opening}. What did that involve, and what came of it?", note
    if not has_result(quoted):
        return f"{opening}. What difference did it make, and how would you show it?", note
    if _CHANGE.search(quoted):
        return f"{opening}. By how much, and how do you know?", note
    return f"{opening}. What was your own part in it, and what did it take?", note


# --- Dates -------------------------------------------------------------------------------

_COUNT = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


def _where(role: Role) -> str:
    return role.org or role.title or "that role"


def _date_questions(periods: list[Period], today: datetime.date) -> Iterable[str]:
    for gap in gaps(periods, today):
        end = gap.after.end_or(today)
        yield (
            f"There's a gap between {end.words} and {gap.before.start.words}: "
            "what were you doing then?"
        )
    for overlap in overlaps(periods, today):
        first, second = overlap.first.role, overlap.second.role
        yield (
            f"Your CV has you at {_where(first)} and at {_where(second)} at the same time "
            f"from {overlap.second.start.words}: how did you divide your time between them?"
        )
    for p, months in short_roles(periods):
        length = "one month" if months == 1 else f"{_COUNT[months]} months"
        yield f"You were at {_where(p.role)} for only {length}: why did you move on so soon?"


# --- Skills and requirements ------------------------------------------------------------


def _skill_question(skill: Skill) -> str:
    if skill.qualifier is None:
        return f"Your CV lists {skill.name}. Where have you used it?"
    if skill.qualifier not in _LEVELS:
        return f"Your CV {_qualifier_says(skill.qualifier, skill.name)}. Where have you used it?"
    article = "an" if skill.qualifier[:1] in "aeiou" else "a"
    return (
        f"Your CV lists {skill.name} at {article} {skill.qualifier} level. "
        "Where have you used it so far?"
    )


def _unshown_skills(skills: list[Skill], roles: list[Role]) -> list[Skill]:
    """Skills no role's title or bullet shows in use."""
    shown = [terms(" ".join([r.title, *r.bullets])) for r in roles]
    return [s for s in skills if (need := terms(s.name)) and not any(need <= t for t in shown)]


_LEVELS = frozenset(("basic", "beginner", "elementary", "limited", "introductory", "novice"))
"""Thin qualifiers that are a level ("at a basic level"), not a phrase ("familiar with")."""


def _qualifier_says(qualifier: str, what: str = "it") -> str:
    """What the CV says of a skill, to follow "your CV": "says basic", "says you are
    familiar with it"."""
    if qualifier in ("familiar with", "familiarity with"):
        return f"says you are familiar with {what}"
    if "exposure" in qualifier:
        return f"says you have some exposure to {what}"
    if qualifier == "learning":
        return f"says you are still learning {what}"
    return f"says {qualifier}"


def requirement_question(found: RequirementEvidence) -> tuple[str, QuestionKind | None]:
    """A probe of a requirement the CV is thin on or silent about, and its kind.

    One named thing ("SAP S/4HANA") is asked about by name; anything else is quoted
    from the job description whole: "AAT or CIMA part-qualified" is more than its names.
    """
    names = found.requirement.names
    quoted, _ = split_note(found.requirement.text)
    quoted = quoted.rstrip(" .")
    if found.level is Evidence.NONE:
        if CREDENTIAL.search(quoted):
            return (
                f"The job asks for '{quoted}', and I can't see that on your CV. "
                "Do you have it, or are you working towards it?",
                None,
            )
        return (
            f"The job asks for '{quoted}', and I can't see that on your CV. "
            "What have you done that comes closest?",
            None,
        )
    asks = f"The role needs {names[0]}" if len(names) == 1 else f"The job asks for '{quoted}'"
    if found.qualifier:
        says = f"{asks}, and your CV {_qualifier_says(found.qualifier)}."
        return f"{says} How would you get up to speed?", QuestionKind.PLAN
    if found.in_roles:
        return (
            f"{asks}. Your CV says '{found.in_roles[0]}': what difference did that make?",
            None,
        )
    if found.only_listed:
        return (
            f"{asks}, and your CV only names it in your skills list. "
            "Where have you used it, and what came of it?",
            None,
        )
    return f"{asks}. Tell me about a time you did that, and what came of it.", None


MAX_REQUIREMENT_QUESTIONS = 8
"""The weakest requirements probed; more would bury the CV's own questions."""


def cv_question_set(
    cv_text: str,
    name: str = "my-cv",
    job_text: str | None = None,
    *,
    today: datetime.date | None = None,
) -> QuestionSet:
    """Every role, claim, date and listed skill of a CV as a question, then (given the job
    description) the requirements the CV is weakest on, weakest first."""
    roles = parse_cv(cv_text)
    if not roles:
        raise DocumentError(
            "no roles found in the CV: each role needs a line with its dates "
            "(for example 'Project Manager at Acme, 2019 - 2022') followed by bullet points"
        )
    today = today or datetime.date.today()
    ids = Ids()
    questions: list[Question] = []

    def add(text: str, *, example: bool = True, **fields: object) -> None:
        expects = (EXAMPLE,) if example else ()
        questions.append(Question(id=ids.new(text), text=text, expects=expects, **fields))  # type: ignore[arg-type]

    periods = {id(p.role): p for p in timeline(roles)}
    for role in roles:
        add(f"Walk me through {role.label}. What did you achieve there?")
        p = periods.get(id(role))
        current = p is not None and p.end is None
        for bullet in role.bullets:
            text, note = claim_question(bullet, current=current)
            add(text, mentions=_mentions(plain_text(bullet)), note=note)
    for text in _date_questions(list(periods.values()), today):
        add(text, example=False, kind=QuestionKind.GENERAL)
    found = readiness(cv_text, job_text) if job_text else []
    probed = weakest(found)[:MAX_REQUIREMENT_QUESTIONS]
    covered = {line for f in probed for line in f.evidence}
    for skill in _unshown_skills(cv_skills(cv_text), roles):
        if skill.written not in covered:
            add(_skill_question(skill), mentions=(skill.name,))
    for f in probed:
        text, kind = requirement_question(f)
        add(text, example=kind is None, kind=kind, mentions=f.requirement.names)
    return QuestionSet(
        name=name,
        title="My CV, line by line",
        description=(
            "Every role, claim, date and skill on your CV as an interviewer would probe it"
            + (", and the job's requirements your CV is thinnest on." if job_text else ".")
        ),
        key_terms=key_terms(job_text) if job_text else (),
        questions=tuple(questions),
    )
