"""A mock second interview: a whole interview in one sitting, then a report card.

A second interview is not a list of questions. A line manager, a panel and team
members each ask about what they care about; the candidate needs lots of
accomplishment examples; on a video call they still ask about the working
environment; and at the close they ask when a decision will be made, and, offered
the job on the spot, they thank the interviewer, ask for time and say when they will
answer instead of saying yes there and then. So a mock interview is built here as a
plan (:class:`MockPlan`): a greeting and introductions, questions drawn from the
shipped sets that fit, the candidate's own questions, and a closing that sometimes
holds an offer; every spoken line before a question said by the interviewer who asks
it. The plan is drawn from a seed, so the same seed gives the same interview (tests,
and "let me try that one again").

:class:`MockInterview` runs a plan on the ordinary :class:`PracticeSession` (so a
spoken answer is recorded, transcribed and judged exactly as in practice) and adds
what only an interview has: one follow-up when an answer misses something, a clock,
and the :class:`ReportCard` at the end. No UI here: the CLI and the TUI both drive it.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from voice_coach.attempts import FOLLOW_UP_MARK, Attempt, Outcome
from voice_coach.errors import QuestionSetError
from voice_coach.practice import PracticeSession
from voice_coach.questions import (
    Interviewer,
    Question,
    QuestionSet,
    load_question_set,
    load_question_set_file,
    user_dir,
)
from voice_coach.scoring.concepts import concept_for_point
from voice_coach.scoring.concepts_offer import accepts_now, asks_time, says_when
from voice_coach.scoring.concepts_questions import asks_decision, asks_environment
from voice_coach.scoring.kinds import QuestionKind
from voice_coach.scoring.text import lowered
from voice_coach.store import MOCK_KIND, Store

MOCK_SET = "mock-interview"
"""The name every mock interview's set and session go by (the session's kind is "mock")."""
SECTION_MARK = "--"
"""A planned question's id is ``<section>--<the id in its own set>``, so a saved answer
says which part of the interview it belonged to (and which set it came from)."""


class Section(StrEnum):
    """The parts of the interview, in the order they come; values name the source sets."""

    REMOTE = "remote-interview"
    LINE_MANAGER = "line-manager"
    PANEL = "panel"
    TIME_TO_SHINE = "time-to-shine"
    CV = "cv"
    YOUR_QUESTIONS = "your-questions"
    CLOSING = "offer-on-the-spot"

    @property
    def label(self) -> str:
        return _SECTION_WORDS[self][0]

    @property
    def topic(self) -> str:
        """How an interviewer moves on to it: "Let's move on to <topic>."."""
        return _SECTION_WORDS[self][1]


_SECTION_WORDS = {
    Section.REMOTE: ("Working remotely", "how you work remotely"),
    Section.LINE_MANAGER: ("The line manager", "the day-to-day work in the team"),
    Section.PANEL: ("The panel", "a few questions from each of us"),
    Section.TIME_TO_SHINE: ("Time to shine", "some of the things you have achieved"),
    Section.CV: ("Your CV", "your CV"),
    Section.YOUR_QUESTIONS: ("Your questions", "your questions for us"),
    Section.CLOSING: ("The closing", "where we go from here"),
}

_DRAWN = {
    Section.REMOTE: 1,
    Section.LINE_MANAGER: 2,
    Section.PANEL: 2,
    Section.TIME_TO_SHINE: 2,  # the advice: lots of accomplishment examples
    Section.CV: 1,
    Section.YOUR_QUESTIONS: 1,
}
"""How many questions each part draws from its set."""

# The cast. The line-manager and panel sets name their interviewers; these stand in when
# a user's own copy of those sets names none, so a mock interview always has its people.
_CAST_DEFAULTS = (
    Interviewer(
        id="manager",
        name="Rosalind Achterberg",
        role="Team Manager",
        interests=("day-to-day work", "priorities", "team problems"),
    ),
    Interviewer(
        id="head",
        name="Marguerite Ellison",
        role="Head of Department",
        interests=("strategy", "delivery"),
    ),
    Interviewer(
        id="senior",
        name="Callum Dunmore",
        role="Senior Team Member",
        interests=("technical depth", "collaboration"),
    ),
    Interviewer(
        id="hr", name="Adaeze Brookfield", role="HR Business Partner", interests=("values",)
    ),
)
LEAD = "manager"
"""Who greets, hands over and closes: the person the candidate would report to."""

_ASKED_BY = {
    "line manager": "manager",
    "manager": "manager",
    "panel": "head",
    "head": "head",
    "team member": "senior",
    "senior": "senior",
    "hr": "hr",
}
"""The shipped sets name who asks in words ("line manager", "HR"); the cast by id."""


@dataclass(frozen=True)
class Line:
    """Something an interviewer says that is not a question: a greeting, a hand-over."""

    speaker: str
    """The interviewer's id in the plan's set."""
    text: str


@dataclass(frozen=True)
class Step:
    """One planned question, with what is said before it and the part it belongs to."""

    question: Question
    section: Section
    before: tuple[Line, ...] = ()


@dataclass(frozen=True)
class MockPlan:
    """A whole interview, decided before it starts: the same seed gives the same one."""

    question_set: QuestionSet
    steps: tuple[Step, ...]
    farewell: tuple[Line, ...]
    """Said after the last answer: "we'll be in touch", or thanks after an offer."""
    seed: int
    remote: bool
    offer: bool
    cv_set: str | None = None

    def step_of(self, question_id: str) -> Step | None:
        base = question_id.split(FOLLOW_UP_MARK, 1)[0]
        return next((s for s in self.steps if s.question.id == base), None)

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(dict.fromkeys(s.section for s in self.steps))

    def speaker(self, line: Line) -> Interviewer | None:
        return next((i for i in self.question_set.interviewers if i.id == line.speaker), None)


def section_of(question_id: str) -> Section | None:
    """The part of the interview a saved answer belongs to, read from its id."""
    head, mark, _ = question_id.partition(SECTION_MARK)
    if not mark:
        return None
    try:
        return Section(head)
    except ValueError:
        return None


# ---- building the plan ---------------------------------------------------------------


Loader = Callable[[str], QuestionSet]


def find_cv_set() -> str | None:
    """The user's set made from a CV (``voice-coach cv``), if there is one: its questions
    carry the CV's specifics. The newest file wins when there are several."""
    folder = user_dir()
    if not folder.is_dir():
        return None
    found: list[tuple[float, str]] = []
    for path in folder.glob("*.toml"):
        try:
            qs = load_question_set_file(path)
        except QuestionSetError:
            continue
        if any(q.mentions for q in qs.questions):
            found.append((path.stat().st_mtime, qs.name))
    return max(found)[1] if found else None


def build_plan(
    *,
    seed: int | None = None,
    remote: bool = False,
    offer: bool | None = None,
    cv_set: str | None = None,
    load: Loader = load_question_set,
) -> MockPlan:
    """Draw an interview from the shipped sets (and ``cv_set``, a set made from a CV).

    ``offer`` None lets the seed decide whether the closing holds an offer on the spot,
    as in life: sometimes it does, more often "we'll be in touch". ``load`` reads a set
    by name (tests hand in their own).
    """
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    rng = random.Random(seed)
    if offer is None:
        offer = rng.random() < 0.4
    sets: dict[Section, QuestionSet] = {
        s: load(s.value) for s in Section if s not in (Section.CV, Section.REMOTE)
    }
    if remote:
        sets[Section.REMOTE] = load(Section.REMOTE.value)
    if cv_set:
        sets[Section.CV] = load(cv_set)
    cast = _cast(sets.get(Section.LINE_MANAGER), sets.get(Section.PANEL))

    drawn: list[tuple[Section, Question]] = []
    for section in Section:
        source = sets.get(section)
        if source is None:
            continue
        picked = _draw(section, source, rng, remote=remote, offer=offer)
        if section is Section.YOUR_QUESTIONS and (extra := _remote_extra(sets.get(Section.REMOTE))):
            # The advice for a video call: still ask lots about the environment.
            drawn.append((section, _as_asked(section, extra, sets[Section.REMOTE], cast)))
        for q in picked:
            drawn.append((section, _as_asked(section, q, source, cast)))

    asking = {q.interviewer for _, q in drawn}
    people = tuple(i for i in cast if i.id in asking or i.id == LEAD)
    steps = _with_lines(drawn, people, rng, remote=remote)
    question_set = QuestionSet(
        name=MOCK_SET,
        title="Mock interview" + (" (video call)" if remote else ""),
        description="A whole second interview: introductions, questions from each "
        "interviewer, your own questions and the closing.",
        interviewers=people,
        questions=tuple(s.question for s in steps),
    )
    farewell = (
        (
            Line(LEAD, "Thank you. We'll wait to hear from you, then."),
            Line(LEAD, "It was good to meet you. Goodbye."),
        )
        if offer
        else (
            Line(LEAD, "Thank you for your time today. We'll be in touch."),
            Line(LEAD, "It was good to meet you. Goodbye."),
        )
    )
    return MockPlan(question_set, steps, farewell, seed, remote, offer, cv_set)


def _cast(
    manager_set: QuestionSet | None, panel_set: QuestionSet | None
) -> tuple[Interviewer, ...]:
    named = {i.id: i for qs in (manager_set, panel_set) if qs is not None for i in qs.interviewers}
    return tuple(named.get(d.id, d) for d in _CAST_DEFAULTS)


def _draw(
    section: Section, source: QuestionSet, rng: random.Random, *, remote: bool, offer: bool
) -> list[Question]:
    """The questions a part asks: drawn from its set, only of the kinds that part is for."""
    questions = list(source.questions)
    if section is Section.CLOSING:
        if not offer:
            return []
        offers = [q for q in questions if q.question_kind is QuestionKind.OFFER]
        # The offers the advice is about: "say yes now?", answered by asking for time.
        for_time = [q for q in offers if _asks_for(q, ("asks_time", "says_when"))]
        pool = for_time or offers
        return [rng.choice(pool)] if pool else []
    if section is Section.YOUR_QUESTIONS:
        pool = [q for q in questions if q.question_kind is QuestionKind.QUESTIONS_FOR_US]
        return rng.sample(pool, min(_DRAWN[section], len(pool)))
    if section is Section.REMOTE:
        # Own questions about the environment come with "your questions", at the end.
        pool = [
            q
            for q in questions
            if q.question_kind
            not in (QuestionKind.REMOTE_ENVIRONMENT, QuestionKind.QUESTIONS_FOR_US)
        ]
        return rng.sample(pool, min(_DRAWN[section], len(pool)))
    pool = [
        q
        for q in questions
        if q.question_kind not in (QuestionKind.OFFER, QuestionKind.QUESTIONS_FOR_US)
    ]
    if section is Section.PANEL:
        # A panel takes turns: each question from a different member while there are any.
        by_asker: dict[str | None, list[Question]] = {}
        for q in pool:
            by_asker.setdefault(q.interviewer, []).append(q)
        askers = rng.sample(sorted(by_asker, key=str), min(_DRAWN[section], len(by_asker)))
        pool = [rng.choice(by_asker[a]) for a in askers] if len(askers) > 1 else pool
    picked = rng.sample(pool, min(_DRAWN[section], len(pool)))
    return sorted(picked, key=questions.index)


def _asks_for(question: Question, concept_ids: Iterable[str]) -> bool:
    wanted = set(concept_ids)
    return any(
        (c := concept_for_point(p)) is not None and c.id in wanted for p in question.talking_points
    )


def _as_asked(
    section: Section, q: Question, source: QuestionSet, cast: Sequence[Interviewer]
) -> Question:
    """The question under its mock id, asked by one of the cast."""
    ids = {i.id for i in cast}
    who = q.interviewer.lower() if q.interviewer else ""
    person = source.interviewer_of(q)
    asker = person.id if person is not None and person.id in ids else _ASKED_BY.get(who, LEAD)
    return q.model_copy(
        update={
            "id": f"{section.value}{SECTION_MARK}{q.id}",
            "interviewer": asker,
            # The kind as the source set reads it: the words alone may say less.
            "kind": q.question_kind,
        }
    )


def _remote_extra(sets_remote: QuestionSet | None) -> Question | None:
    if sets_remote is None:
        return None
    return next(
        (q for q in sets_remote.questions if q.question_kind is QuestionKind.REMOTE_ENVIRONMENT),
        None,
    )


_SAME_ASKER = ("Thank you.", "Thank you, that's helpful.", "Thanks. Another one from me.")
_NEXT_ASKER = ("Thank you. I have a question too.", "Thanks. If I may, one from me.")


def _with_lines(
    drawn: list[tuple[Section, Question]],
    people: tuple[Interviewer, ...],
    rng: random.Random,
    *,
    remote: bool,
) -> tuple[Step, ...]:
    """Each question with what is said before it, by the interviewer who asks it."""
    steps: list[Step] = []
    lead = next(i for i in people if i.id == LEAD)
    for n, (section, q) in enumerate(drawn):
        speaker = q.interviewer or LEAD
        lines: list[Line] = []
        if n == 0:
            if remote:
                lines.append(
                    Line(
                        LEAD,
                        "Hello, and thank you for joining the call. Before we start: can you "
                        "hear us and see us clearly?",
                    )
                )
            else:
                lines.append(Line(LEAD, "Hello, and thank you for coming in today."))
            for person in (lead, *(p for p in people if p.id != LEAD)):
                lines.append(Line(person.id, _introduction(person)))
            lines.append(Line(LEAD, f"Let's start with {section.topic}."))
        elif section is not drawn[n - 1][0]:
            if section is Section.CLOSING:
                lines.append(
                    Line(
                        speaker,
                        "Thank you. Before we finish, there is something we would like to say.",
                    )
                )
            else:
                lines.append(Line(speaker, f"Thank you. Let's move on to {section.topic}."))
        else:
            same = drawn[n - 1][1].interviewer == speaker
            lines.append(Line(speaker, rng.choice(_SAME_ASKER if same else _NEXT_ASKER)))
        steps.append(Step(q, section, tuple(lines)))
    return tuple(steps)


def _introduction(person: Interviewer) -> str:
    """How a person introduces themself: "I'm Rosalind Achterberg, the team manager." A
    role is said as people say it, in lower case but for its acronyms ("the HR partner")."""
    role = ""
    if person.role:
        words = [w if w.isupper() and len(w) > 1 else w.lower() for w in person.role.split()]
        role = ", " + ("" if words[0] in ("a", "an", "the") else "the ") + " ".join(words)
    said = f"I'm {person.name}{role}."
    if person.interests:
        interests = list(person.interests[:2])
        listed = " and ".join(interests)
        said += f" I'll be asking mostly about {listed}."
    return said


# ---- running it ----------------------------------------------------------------------


class MockInterview:
    """A plan run on a practice session: one follow-up at most per question, a clock,
    and the report card. The caller answers (spoken or typed) through :attr:`session`
    and tells this object each attempt with :meth:`answered`."""

    def __init__(
        self,
        plan: MockPlan,
        store: Store,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.plan = plan
        self.store = store
        self._clock = clock
        qs = plan.question_set
        self.session = PracticeSession(
            qs, store, session_id=store.create_session(qs.name, qs.title, kind=MOCK_KIND)
        )
        self._started = clock()
        self._asked_at = self._started
        self._ended: float | None = None
        self._followed: set[str] = set()
        self.answer_seconds: dict[int, float] = {}
        """Seconds from each question being put to its answer, by attempt id."""

    @property
    def step(self) -> Step:
        return self.plan.steps[self.session.index]

    @property
    def lines_before(self) -> tuple[Line, ...]:
        """What is said before the question now asked (nothing before a follow-up)."""
        return () if self.session.follow_up else self.step.before

    @property
    def elapsed_s(self) -> float:
        """The interview's clock: from the greeting to now (or to the end)."""
        end = self._ended if self._ended is not None else self._clock()
        return end - self._started

    @property
    def answer_elapsed_s(self) -> float:
        """The clock of the answer now being given: from the question being put."""
        return self._clock() - self._asked_at

    def start(self) -> Question:
        """Put the first question; the caller says :attr:`lines_before` first."""
        self._started = self._clock()
        return self._put(self.session.ask())

    def question_said(self) -> Question:
        """The question has been said (the lines took time): its answer clock starts now."""
        self._asked_at = self._clock()
        return self.session.question

    def _put(self, question: Question) -> Question:
        self._asked_at = self._clock()
        return question

    def now(self) -> float:
        """The interview's clock reading, for a front end to mark when an answer ended
        (before it is scored, which is not the candidate's time)."""
        return self._clock()

    def answered(self, attempt: Attempt, *, ended_at: float | None = None) -> str | None:
        """Note an answer; the follow-up the interviewer asks now, if any.

        The answer's time is its recording's length when spoken, else the time from the
        question to ``ended_at`` (now, if not given). One follow-up per question, when
        the answer missed what the question needs: the score's probe. A good answer, a
        skipped one or a follow-up gets none.
        """
        ended = ended_at if ended_at is not None else self._clock()
        self.answer_seconds[attempt.id] = attempt.duration_s or ended - self._asked_at
        base = attempt.base_question_id
        if (
            attempt.is_follow_up
            or attempt.outcome is not Outcome.NEEDS_WORK
            or base in self._followed
            or attempt.score is None
            or not attempt.score.probe
        ):
            return None
        return attempt.score.probe

    def ask_follow_up(self, probe: str) -> Question:
        self._followed.add(self.session.base_question.id)
        return self._put(self.session.ask_follow_up(probe))

    def next_question(self) -> Question | None:
        """Move on; None after the last question (then say :attr:`MockPlan.farewell`)."""
        if not self.session.next_question():
            return None
        return self._put(self.session.question)

    def skip(self) -> Question | None:
        """Pass over the question at any moment (nothing weak is recorded); None after the
        last one. What a recording in progress captured is still saved and judged."""
        if not self.session.skip():
            return None
        return self._put(self.session.question)

    def finish(self) -> ReportCard:
        """End the interview (marked finished in the store) and judge it."""
        if self._ended is None:
            self._ended = self._clock()
        self.session.finish()
        return self.report()

    def report(self) -> ReportCard:
        return ReportCard.build(
            self.session.attempts,
            plan=self.plan,
            session_id=self.session.session_id,
            seconds=self.answer_seconds,
            total_s=self.elapsed_s,
        )


# ---- the report card -----------------------------------------------------------------


@dataclass(frozen=True)
class AnswerLine:
    """One question of the interview and how it went: the one verdict of its last answer."""

    question_id: str
    section: Section | None
    question: str
    outcome: Outcome
    verdict: str
    missing: tuple[str, ...] = ()
    followed_up: bool = False
    seconds: float | None = None
    """From the question to the end of the answer (a spoken one: its recording)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "section": str(self.section) if self.section else None,
            "question": self.question,
            "outcome": str(self.outcome),
            "outcome_words": self.outcome.label,
            "verdict": self.verdict,
            "missing": list(self.missing),
            "followed_up": self.followed_up,
            "seconds": self.seconds,
        }


class ClosingPoint(StrEnum):
    """What the advice says the close of a second interview needs, each checked once."""

    ASKED_DECISION = "asked_decision"
    ASKED_ENVIRONMENT = "asked_environment"
    ASKED_TIME = "asked_time"
    SAID_WHEN = "said_when"
    DID_NOT_ACCEPT = "did_not_accept"

    @property
    def label(self) -> str:
        return _CLOSING_WORDS[self][0]

    @property
    def advice(self) -> str:
        return _CLOSING_WORDS[self][1]


_CLOSING_WORDS = {
    ClosingPoint.ASKED_DECISION: (
        "asked when they will decide",
        "Ask when they expect to make a decision, and what the next steps are.",
    ),
    ClosingPoint.ASKED_ENVIRONMENT: (
        "asked about the working environment",
        "On a video call you cannot see the office: ask how the team works together.",
    ),
    ClosingPoint.ASKED_TIME: (
        "asked for time to consider the offer",
        "Offered the job on the spot, don't decide at once: ask for time to think it over.",
    ),
    ClosingPoint.SAID_WHEN: (
        "said when you would respond",
        "Say when you will give your answer: 'I'll call you by Friday.'",
    ),
    ClosingPoint.DID_NOT_ACCEPT: (
        "did not accept on the spot",
        "Even if you are sure, don't say yes there and then: thank them and ask for time.",
    ),
}


@dataclass(frozen=True)
class ClosingCheck:
    point: ClosingPoint
    done: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "point": str(self.point),
            "words": self.point.label,
            "done": self.done,
            "advice": None if self.done else self.point.advice,
        }


@dataclass(frozen=True)
class ReportCard:
    """How the mock interview went: each answer's verdict, what to practise, the close."""

    session_id: int
    answers: tuple[AnswerLine, ...]
    closing: tuple[ClosingCheck, ...]
    offer: bool
    remote: bool
    total_s: float | None = None
    seed: int | None = None
    counts: dict[Outcome, int] = field(default_factory=dict)

    @property
    def practise(self) -> tuple[AnswerLine, ...]:
        """The weak answers, by name: the questions to rehearse again."""
        return tuple(a for a in self.answers if a.outcome is Outcome.NEEDS_WORK)

    @property
    def closing_handled(self) -> bool:
        """The close went as the advice says: every point of it done."""
        return self.closing_reached and all(c.done for c in self.closing)

    @property
    def closing_reached(self) -> bool:
        """The interview got as far as the candidate's own questions (or the offer): one
        left earlier is not marked down for a close it never came to."""
        return any(a.section in (Section.YOUR_QUESTIONS, Section.CLOSING) for a in self.answers)

    @classmethod
    def build(
        cls,
        attempts: Sequence[Attempt],
        *,
        plan: MockPlan | None = None,
        session_id: int = 0,
        seconds: dict[int, float] | None = None,
        total_s: float | None = None,
    ) -> ReportCard:
        """Judge the attempts of one mock interview; without a plan (a session read back
        from the store), whether there was an offer or a remote part is read from the
        sections the answers belong to."""
        seconds = seconds or {}
        latest: dict[str, Attempt] = {}
        followed: set[str] = set()
        for a in attempts:
            latest[a.base_question_id] = a
            if a.is_follow_up:
                followed.add(a.base_question_id)
        sections = {section_of(a.question_id) for a in attempts}
        offer = plan.offer if plan is not None else Section.CLOSING in sections
        remote = plan.remote if plan is not None else Section.REMOTE in sections

        lines: list[AnswerLine] = []
        for base, a in latest.items():
            spent = [
                seconds[x.id] for x in attempts if x.base_question_id == base and x.id in seconds
            ]
            durations = [
                x.duration_s for x in attempts if x.base_question_id == base and x.duration_s
            ]
            total = sum(spent) if spent else (sum(durations) if durations else None)
            step = plan.step_of(base) if plan is not None else None
            lines.append(
                AnswerLine(
                    question_id=base,
                    section=section_of(base),
                    question=step.question.text if step is not None else _base_text(attempts, base),
                    outcome=a.outcome,
                    verdict=a.verdict,
                    missing=a.score.missing if a.score is not None else (),
                    followed_up=base in followed,
                    seconds=total,
                )
            )
        counts = dict.fromkeys(Outcome, 0)
        for line in lines:
            counts[line.outcome] += 1
        return cls(
            session_id=session_id,
            answers=tuple(lines),
            closing=_closing(attempts, offer=offer, remote=remote),
            offer=offer,
            remote=remote,
            total_s=total_s,
            seed=plan.seed if plan is not None else None,
            counts=counts,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "seed": self.seed,
            "offer": self.offer,
            "remote": self.remote,
            "total_s": self.total_s,
            "answers": [a.to_dict() for a in self.answers],
            "practise": [a.question for a in self.practise],
            "closing": [c.to_dict() for c in self.closing],
            "closing_handled": self.closing_handled,
            "closing_reached": self.closing_reached,
            "counts": {str(k): v for k, v in self.counts.items()},
        }

    def text(self) -> str:
        """The report card as plain lines, for the terminal and the screen alike."""
        out = ["Report card"]
        if self.total_s is not None:
            out[0] += f" (the interview took {_clock(self.total_s)})"
        good = self.counts.get(Outcome.GOOD, 0)
        judged = good + self.counts.get(Outcome.NEEDS_WORK, 0)
        if not self.answers:
            out.append("The interview ended before any question was answered.")
        elif judged:
            out.append(f"{good} of {judged} answers did what the question needed.")
        else:
            out.append("No answer could be judged: each was skipped or had no words.")
        out.append("")
        current: Section | None = None
        for a in self.answers:
            if a.section is not current and a.section is not None:
                current = a.section
                out.append(f"{current.label}:")
            took = f" [{_clock(a.seconds)}]" if a.seconds is not None else ""
            follow = " (after a follow-up)" if a.followed_up else ""
            out.append(f"  {a.outcome.mark} {a.question}{took}{follow}")
            out.append(f"      {a.verdict}")
        out.append("")
        if self.practise:
            out.append("Practise again:")
            out.extend(f"  - {a.question}" for a in self.practise)
        elif judged:
            out.append("Nothing to practise again: every answer did what it needed.")
        if self.practise or judged:
            out.append("")
        if not self.closing_reached:
            out.append("The closing: not reached (the interview ended before your own questions).")
            return "\n".join(out)
        close = "handled as the advice says" if self.closing_handled else "not handled yet"
        out.append(f"The closing{' (an offer on the spot)' if self.offer else ''}: {close}")
        for c in self.closing:
            out.append(f"  {'✔' if c.done else '✘'} {c.point.label}")
            if not c.done:
                out.append(f"      {c.point.advice}")
        return "\n".join(out)


def _base_text(attempts: Sequence[Attempt], base: str) -> str:
    return next(
        (a.question_text for a in attempts if a.question_id == base),
        next(a.question_text for a in attempts if a.base_question_id == base),
    )


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"


def _closing(attempts: Sequence[Attempt], *, offer: bool, remote: bool) -> tuple[ClosingCheck, ...]:
    """The close, judged on what was said in it, wherever among the candidate's own
    questions it was said (asked in the first of them or after a follow-up, it counts)."""

    def said(*sections: Section) -> str:
        return " \n".join(
            lowered(a.transcript)
            for a in attempts
            if section_of(a.question_id) in sections and a.transcript
        )

    # Read in the candidate's own questions only: in reply to an offer the decision is
    # made already, and "when can I start?" is a yes, not a question about it.
    own = said(Section.YOUR_QUESTIONS)
    checks = [ClosingCheck(ClosingPoint.ASKED_DECISION, bool(asks_decision(own)))]
    if remote:
        checks.append(ClosingCheck(ClosingPoint.ASKED_ENVIRONMENT, bool(asks_environment(own))))
    if offer:
        reply = said(Section.CLOSING)
        checks += [
            ClosingCheck(ClosingPoint.ASKED_TIME, bool(asks_time(reply))),
            ClosingCheck(ClosingPoint.SAID_WHEN, bool(says_when(reply))),
            ClosingCheck(ClosingPoint.DID_NOT_ACCEPT, bool(reply) and not accepts_now(reply)),
        ]
    return tuple(checks)


def report_for_session(store: Store, session_id: int) -> ReportCard:
    """A saved mock interview's report card, read back from its answers; the whole
    interview's time from when it started to when it was finished, if it was."""
    row = store.session(session_id)
    total_s: float | None = None
    if row is not None and row.finished_at:
        start = datetime.fromisoformat(row.started_at)
        end = datetime.fromisoformat(row.finished_at)
        total_s = max(0.0, (end - start).total_seconds())
    return ReportCard.build(store.attempts(session_id), session_id=session_id, total_s=total_s)
