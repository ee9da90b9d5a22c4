"""What each interviewer is likely to ask, and what the candidate could ask them back.

A finance director asks about cost, controls and numbers; a future line manager about
the day-to-day, the team's problems and working together; HR about motivation, values,
why you are leaving and your notice; a future colleague about collaboration and
disagreement. So the person's role words give a :class:`RoleFamily`, their relation to
the job refines it, and each family has its own questions, written out whole here as
data so each one can be read as the user will hear it. What the person cares about is
worked in through :mod:`voice_coach.topics`, whose frames fit each sort of topic.

Nothing here knows the profile model: :mod:`voice_coach.people` passes the fields, so
either module can be read (and imported) without the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from voice_coach.ids import Ids
from voice_coach.questions import EXAMPLE, Question
from voice_coach.topics import TERM_QUESTIONS, Topic, TopicKind, read_topic

T = TypeVar("T")


class Relation(StrEnum):
    """How the person stands to the job the candidate wants."""

    LINE_MANAGER = "line_manager"
    PANEL = "panel"
    HR = "hr"
    TEAM_MEMBER = "team_member"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _RELATION_LABELS[self]

    @classmethod
    def read(cls, text: str) -> Relation | None:
        """The relation some words describe ("would be my line manager", "on the panel",
        "HR", "a peer"), or None when they describe none."""
        low = text.lower()
        for relation, pattern in _RELATION_WORDS:
            if pattern.search(low):
                return relation
        return None


_RELATION_LABELS = {
    Relation.LINE_MANAGER: "line manager",
    Relation.PANEL: "panel member",
    Relation.HR: "HR",
    Relation.TEAM_MEMBER: "team member",
    Relation.OTHER: "other",
}
_RELATION_WORDS: tuple[tuple[Relation, re.Pattern[str]], ...] = (
    (
        Relation.LINE_MANAGER,
        re.compile(
            r"line[ _-]?manager|hiring manager|\bmy (?:new |future )?(?:manager|boss)\b|"
            r"report(?:ing)? (?:in)?to\b|\bboss\b|direct manager"
        ),
    ),
    (
        Relation.HR,
        re.compile(r"\bhr\b|human resources|recruit|talent|people partner|people team"),
    ),
    (
        Relation.TEAM_MEMBER,
        re.compile(
            r"team[ _-]?member|\bpeers?\b|colleague|same team|work(?:ing)? (?:closely )?with|"
            r"\bmy team\b|would work alongside"
        ),
    ),
    (Relation.PANEL, re.compile(r"\bpanel\b|interviewer|\bsitting in\b")),
    (Relation.OTHER, re.compile(r"^\s*other\s*$")),
)


class RoleFamily(StrEnum):
    """The kind of interviewer a role makes someone, for the questions they ask."""

    FINANCE = "finance"
    MANAGER = "manager"
    HR = "hr"
    TEAM = "team"
    TECHNICAL = "technical"
    EXECUTIVE = "executive"
    GENERAL = "general"

    @property
    def label(self) -> str:
        return _FAMILY_LABELS[self]


_FAMILY_LABELS = {
    RoleFamily.FINANCE: "a finance leader",
    RoleFamily.MANAGER: "a manager",
    RoleFamily.HR: "HR",
    RoleFamily.TEAM: "a future colleague",
    RoleFamily.TECHNICAL: "a technical lead",
    RoleFamily.EXECUTIVE: "an executive",
    RoleFamily.GENERAL: "an interviewer",
}
_FAMILY_WORDS: tuple[tuple[RoleFamily, re.Pattern[str]], ...] = (
    (
        RoleFamily.HR,
        re.compile(r"\bhr\b|hrbp|human resources|\bpeople\b(?! manager)|talent|recruit|resourcing"),
    ),
    (
        RoleFamily.FINANCE,
        re.compile(
            r"financ|\bcfo\b|\bfd\b|\bfc\b|controller|fp ?& ?a|fp and a|account|treasur|"
            r"audit|\btax\b|payroll|budget|commercial finance"
        ),
    ),
    (
        RoleFamily.EXECUTIVE,
        re.compile(
            r"\b(?:ceo|coo|cto|cio|cmo|cdo)\b|\bchief\b|managing director|\bmd\b|\bvp\b|"
            r"vice president|\bdirector\b|\bpresident\b|founder|\bowner\b|\bpartner\b|"
            r"general manager"
        ),
    ),
    (
        RoleFamily.TECHNICAL,
        re.compile(
            r"architect|tech(?:nical)? lead|\bprincipal\b|staff engineer|"
            r"lead (?:developer|engineer|data)"
        ),
    ),
    (
        RoleFamily.MANAGER,
        re.compile(r"manager|\bhead\b|team lead|\blead\b|supervisor|leader|\bboss\b"),
    ),
    (
        RoleFamily.TEAM,
        re.compile(
            r"engineer|developer|analyst|specialist|associate|colleague|\bpeers?\b|"
            r"consultant|officer|coordinator|designer|scientist|team member|assistant|"
            r"administrator|technician|nurse|teacher|clerk"
        ),
    ),
)


def role_words(text: str) -> bool:
    """Whether ``text`` has a word of a job title in it ("Director", "head of", "HR")."""
    low = text.lower()
    return any(pattern.search(low) for _, pattern in _FAMILY_WORDS)


def family_of(role: str, relation: Relation) -> RoleFamily:
    """The family a person's role words show, their relation deciding what the words leave
    open: a "Product Manager" who will be a peer asks as a colleague; a role that says
    nothing asks as the relation does."""
    low = role.lower()
    family = next((f for f, p in _FAMILY_WORDS if p.search(low)), RoleFamily.GENERAL)
    if family is RoleFamily.GENERAL:
        return {
            Relation.LINE_MANAGER: RoleFamily.MANAGER,
            Relation.HR: RoleFamily.HR,
            Relation.TEAM_MEMBER: RoleFamily.TEAM,
        }.get(relation, RoleFamily.GENERAL)
    if family is RoleFamily.MANAGER and relation is Relation.TEAM_MEMBER:
        return RoleFamily.TEAM
    if family is RoleFamily.TEAM and relation is Relation.LINE_MANAGER:
        return RoleFamily.MANAGER
    return family


@dataclass(frozen=True)
class Asked:
    """One question as a person would put it: a short key for its id, its words, and
    whether the answer needs a story from the candidate's experience."""

    key: str
    text: str
    story: bool


def _a(key: str, text: str, story: bool = False) -> Asked:
    return Asked(key, text, story)


FAMILY_QUESTIONS: dict[RoleFamily, tuple[Asked, ...]] = {
    RoleFamily.FINANCE: (
        _a(
            "cost",
            "Tell me about a time you found a way to cut costs without hurting the "
            "service. How much did it save?",
            True,
        ),
        _a(
            "numbers", "How do you make sure the numbers you report are right before they reach me?"
        ),
        _a(
            "budget",
            "Tell me about a budget you were responsible for. How did you keep it on track?",
            True,
        ),
        _a("controls", "If you found a process with no controls at all, what would you do first?"),
        _a(
            "business-case",
            "Tell me about a business case you built. How did you show it would pay back?",
            True,
        ),
        _a("risk", "How would you explain a financial risk to a manager who isn't from finance?"),
    ),
    RoleFamily.MANAGER: (
        _a("first-month", "How would you spend your first month in the team?"),
        _a(
            "unfixed-problem",
            "Tell me about a time you joined a team with a problem nobody "
            "had fixed. What did you do?",
            True,
        ),
        _a(
            "managed",
            "How do you like to be managed, and how often would you want to check in with me?",
        ),
        _a(
            "priorities",
            "Tell me about a time you had more to do than time to do it. How did "
            "you decide what came first?",
            True,
        ),
        _a(
            "disagreed",
            "Tell me about a time you disagreed with your manager. How did you handle it?",
            True,
        ),
        _a("need", "What would you need from me in your first three months to do this job well?"),
    ),
    RoleFamily.HR: (
        _a("leaving", "Why are you looking to leave your current job?"),
        _a("why-us", "What attracted you to this company in particular?"),
        _a(
            "values", "Tell me about a time your values were tested at work. What did you do?", True
        ),
        _a("motivates", "What motivates you at work?"),
        _a("notice", TERM_QUESTIONS["notice"]),
        _a(
            "feedback",
            "Tell me about a time you were given difficult feedback. What did you do with it?",
            True,
        ),
    ),
    RoleFamily.TEAM: (
        _a(
            "disagreed",
            "Tell me about a time you disagreed with a colleague about how to do "
            "something. How did you sort it out?",
            True,
        ),
        _a("style", "How do you like to work with the people around you day to day?"),
        _a("helped", "Tell me about a time you helped a colleague who was struggling.", True),
        _a("share", "How do you share what you know with the rest of the team?"),
        _a("weight", "What would you do if someone on the team wasn't pulling their weight?"),
    ),
    RoleFamily.TECHNICAL: (
        _a(
            "hardest",
            "Tell me about the hardest technical problem you have solved. How did you go about it?",
            True,
        ),
        _a(
            "trade-off",
            "Tell me about a design decision you made and the trade-offs behind it.",
            True,
        ),
        _a("good-enough", "How do you decide when something is good enough to ship?"),
        _a(
            "failed",
            "Tell me about a time something you built failed. What did you learn from it?",
            True,
        ),
        _a("debt", "How do you keep technical debt under control while still delivering?"),
    ),
    RoleFamily.EXECUTIVE: (
        _a(
            "difference",
            "Where do you think you could make the biggest difference to the "
            "business in your first year?",
        ),
        _a(
            "change",
            "Tell me about a time you led a change that reached well beyond your own team.",
            True,
        ),
        _a(
            "incomplete",
            "Tell me about a decision you had to make without all the "
            "information. How did it turn out?",
            True,
        ),
        _a("board", "How would you explain the value of your work to our board in two minutes?"),
        _a("industry", "What do you think is the biggest challenge facing our industry right now?"),
    ),
    RoleFamily.GENERAL: (
        _a(
            "proud",
            "Tell me about an achievement you are proud of, and what you did to make it happen.",
            True,
        ),
        _a("why-role", "Why do you want this role, and why now?"),
        _a("learned", "Tell me about a time you had to learn something new quickly.", True),
        _a("strengths", "What would your current manager say are your greatest strengths?"),
    ),
}
"""Each family's own questions, the most telling first."""

TO_ASK: dict[RoleFamily, tuple[str, ...]] = {
    RoleFamily.FINANCE: (
        "How does the finance team work with this role day to day?",
        "Which numbers would tell you that I was doing well in this job?",
        "What is the biggest financial pressure on the business this year?",
    ),
    RoleFamily.MANAGER: (
        "What would success look like in this role after six months?",
        "What is the biggest challenge your team is facing right now?",
        "How do you like to work with the people in your team day to day?",
    ),
    RoleFamily.HR: (
        "What are the next steps, and when do you expect to make a decision?",
        "How would you describe the culture here to a friend?",
        "What support is there for learning and development?",
    ),
    RoleFamily.TEAM: (
        "What does a typical week look like for the team?",
        "How does the team settle disagreements about how to do things?",
        "What do you enjoy most about working here?",
    ),
    RoleFamily.TECHNICAL: (
        "What is the biggest technical challenge the team is working on?",
        "How are technical decisions made here, and who makes them?",
        "How much technical debt is the team carrying, and how do you deal with it?",
    ),
    RoleFamily.EXECUTIVE: (
        "Where do you see the business in three years, and how does this role help it get there?",
        "What would make you say in a year's time that hiring me was the right decision?",
        "What is the one thing you would most like this role to change?",
    ),
    RoleFamily.GENERAL: (
        "What do you enjoy most about working here?",
        "What would success look like in this role after six months?",
        "What are the next steps after today?",
    ),
}
"""What a candidate could ask each family at the end, the most useful first."""

_LINE_MANAGER_ASKS = TO_ASK[RoleFamily.MANAGER][:2]
"""Asked of the future line manager whatever their role: what success is, and the team's
biggest problem."""


# ---- what they care about, worked into their questions ---------------------------------


def _openers(topic: Topic) -> list[str]:
    """Ways the person can say they care about ``topic``, for the kinds that take one."""
    said = [f"You'll know I care a lot about {topic.words}."]
    if topic.kind in (TopicKind.AREA, TopicKind.QUALITY, TopicKind.PRACTICE):
        said.append(f"{topic.subject} {topic.verb('matters', 'matter')} a great deal to me.")
    if topic.kind is TopicKind.AREA:
        said.append(f"I spend a lot of my time on {topic.words}.")
    return said


def _improve_base(topic: Topic) -> str:
    return {"reduced": "reduce", "increased": "increase"}.get(topic.improve, "improve")


def _area(topic: Topic, family: RoleFamily, turn: int) -> tuple[str, bool]:
    it = topic.pronoun
    if topic.improve:
        made_better = f"Tell me about a time you {topic.improve} {it}"
        with_others = f"Tell me about a time you worked with others to {_improve_base(topic)} {it}."
    else:  # "process improvement" is done, not improved
        made_better = f"Tell me about the best piece of work you have done on {it}"
        with_others = f"Tell me about the best piece of work you have done on {it} with others."
    by_family = {
        RoleFamily.FINANCE: (f"{made_better}. What difference did that make, in numbers?", True),
        RoleFamily.MANAGER: (f"How would you approach {it} in your first few months here?", False),
        RoleFamily.TEAM: (with_others, True),
        RoleFamily.TECHNICAL: (
            "Tell me about the hardest problem you have solved in that area, and how you went "
            "about it.",
            True,
        ),
        RoleFamily.EXECUTIVE: (f"What would you change about {it} here, and why?", False),
    }
    default = (f"{made_better}, and how you went about it.", True)
    if turn % 2 and family in by_family:
        return default
    return by_family.get(family, default)


def _quality(topic: Topic, turn: int) -> tuple[str, bool]:
    they = topic.subject_pronoun
    return (
        (f"Tell me about a time {they} {topic.verb('was', 'were')} put to the test.", True),
        (
            f"What {topic.verb('does', 'do')} {they} look like in the way you work day to day?",
            False,
        ),
        (f"Tell me about a time {they} really mattered in your work.", True),
    )[turn % 3]


def _people(topic: Topic, turn: int) -> tuple[str, bool]:
    them = topic.pronoun
    return (
        (f"Tell me about a time you had to win {them} over.", True),
        (f"How would you build trust with {them} in your first few months?", False),
        (
            f"Tell me about a time you had to bring {them} with you through a difficult change.",
            True,
        ),
    )[turn % 3]


def topic_question(topic: Topic, family: RoleFamily, turn: int) -> Asked:
    """A question about ``topic`` in the voice of someone of ``family``; ``turn`` (the
    topic's place among the person's) varies the wording between their topics."""
    key = topic.words
    if topic.kind is TopicKind.TERMS:
        return Asked(key, TERM_QUESTIONS[topic.term or "notice"], False)
    if topic.kind is TopicKind.TOOL:
        if turn % 2 == 0:
            return Asked(
                key,
                f"{topic.subject} {topic.verb('matters', 'matter')} a lot in this job. Tell me "
                f"about the most demanding thing you have done with {topic.pronoun}.",
                True,
            )
        return Asked(
            key,
            f"How much hands-on experience do you have with {topic.words}, and what have you "
            f"used {topic.pronoun} for?",
            False,
        )
    openers = _openers(topic)
    opener = openers[turn % len(openers)]
    if topic.kind is TopicKind.AREA:
        text, story = _area(topic, family, turn)
    elif topic.kind is TopicKind.QUALITY:
        text, story = _quality(topic, turn)
    elif topic.kind is TopicKind.PEOPLE:
        text, story = _people(topic, turn)
    elif topic.kind is TopicKind.PRACTICE:
        if opener.startswith("You'll know"):
            numbers = family is RoleFamily.FINANCE
            then = " What difference did it make, in numbers?" if numbers else ""
            text, story = f"Tell me about a time you did that.{then}", True
        else:
            text, story = "What is the best example of that in your own work?", True
    else:  # a clause: "how you handle pressure"
        opener = openers[0]
        if topic.words.lower().startswith("how ") and turn % 2:
            text, story = "Tell me about a time that was put to the test.", True
        else:
            text, story = "What can you tell me about that from your own experience?", False
    return Asked(key, f"{opener} {text}", story)


def topics_of(cares_about: Iterable[str]) -> list[Topic]:
    """The topics among what a person cares about that a question can be built on."""
    found: list[Topic] = []
    for raw in cares_about:
        topic = read_topic(raw)
        if topic is not None and all(t.words.lower() != topic.words.lower() for t in found):
            found.append(topic)
    return found


# ---- putting it together ------------------------------------------------------------------


def likely_questions(
    person_id: str,
    role: str,
    relation: Relation,
    cares_about: Sequence[str],
    *,
    count: int = 5,
    ids: Ids | None = None,
) -> list[Question]:
    """``count`` questions the person is likely to ask, in their voice: what they care
    about and what their family asks, taken in turns so both come early; a line manager
    of another family adds the day-to-day questions every future manager asks."""
    family = family_of(role, relation)
    ids = ids or Ids(max_len=60)
    about = [topic_question(t, family, i) for i, t in enumerate(topics_of(cares_about)[:3])]
    own = list(FAMILY_QUESTIONS[family])
    if relation is Relation.LINE_MANAGER and family is not RoleFamily.MANAGER:
        own = _alternate(own, list(FAMILY_QUESTIONS[RoleFamily.MANAGER]))
    covered = _themes(topics_of(cares_about)[:3])
    own = [a for a in own if _stem(a.key) not in covered]  # their interest asks it already
    chosen: list[Asked] = []
    for asked in _alternate(about, own):
        if all(asked.text != c.text for c in chosen):
            chosen.append(asked)
        if len(chosen) >= count:
            break
    return [
        Question(
            id=ids.new(f"{person_id} {asked.key}"),
            text=asked.text,
            interviewer=person_id,
            expects=(EXAMPLE,) if asked.story else (),
        )
        for asked in chosen
    ]


def _stem(word: str) -> str:
    return word.lower().removesuffix("s")


def _themes(topics: Iterable[Topic]) -> set[str]:
    """The words of the topics a person's own questions already ask about."""
    return {_stem(w) for t in topics for w in re.findall(r"[\w-]+", t.words)}


def _alternate(first: list[T], second: list[T]) -> list[T]:
    out: list[T] = []
    for i in range(max(len(first), len(second))):
        out.extend(x[i] for x in (first, second) if i < len(x))
    return out


def _ask_about(topic: Topic) -> str | None:
    """A question for the candidate to ask about something the person cares about."""
    if topic.kind is TopicKind.AREA:
        return f"What would good look like for {topic.words} a year from now?"
    if topic.kind is TopicKind.QUALITY:
        return f"How {topic.verb('does', 'do')} {topic.words} show up in the way the team works?"
    if topic.kind is TopicKind.TOOL:
        return f"How does the team use {topic.words} day to day?"
    return None


def worth_asking(role: str, relation: Relation, cares_about: Sequence[str]) -> list[str]:
    """Two or three questions the candidate could ask this person at the end: a future
    line manager what success looks like and the team's biggest challenge; HR the next
    steps; anyone else what their role shows they know best; and, where the person cares
    about something, a question about it."""
    family = family_of(role, relation)
    asks = list(TO_ASK[family])
    if relation is Relation.LINE_MANAGER:
        asks = [*_LINE_MANAGER_ASKS, *(a for a in asks if a not in _LINE_MANAGER_ASKS)]
    if relation is Relation.HR and family is not RoleFamily.HR:
        asks.insert(1, TO_ASK[RoleFamily.HR][0])
    about = next((q for t in topics_of(cares_about) if (q := _ask_about(t))), None)
    chosen = asks[:2]
    chosen.append(about or asks[2])
    return chosen
