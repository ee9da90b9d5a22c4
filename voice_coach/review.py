"""Review and improve: the questions a user marked as struggled with, as a set of their own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from voice_coach.errors import QuestionSetError
from voice_coach.store import Store

if TYPE_CHECKING:
    # The question models bring pydantic: imported where a set is built, not by the home
    # screen, which names these sets before its first frame and builds them after it.
    from voice_coach.questions import Question, QuestionSet

STRUGGLED = "struggled"
"""The built-in set's name."""

WEAK = "weak-answers"
"""The built-in set of questions whose last answer was weak, by spaced repetition."""


class _Originals:
    """The questions that built-in sets borrow, looked up in their own sets (each set read once)."""

    def __init__(self) -> None:
        self._sets: dict[str, QuestionSet | None] = {}

    def borrow(
        self, set_name: str, question_id: str, text: str, saved: Question | None = None
    ) -> Question:
        """The question as its own set defines it (what it expects, its follow-ups and
        CV specifics), under an id that points back to it; where the set was renamed or
        deleted, the question as it was last asked (``saved``), else its words alone."""
        from voice_coach.questions import Question, load_question_set

        if set_name not in self._sets:
            try:
                self._sets[set_name] = load_question_set(set_name)
            except QuestionSetError:
                self._sets[set_name] = None
        source = self._sets[set_name]
        original = (
            next((q for q in source.questions if q.id == question_id), None) if source else None
        )
        if original is None and saved is not None:
            return saved.model_copy(update={"id": f"{set_name}--{question_id}", "text": text})
        return Question(
            id=f"{set_name}--{question_id}",
            text=text,
            # Without its set, what it needs is read from its words, as for any question.
            expects=original.expects if original else (),
            follow_ups=original.follow_ups if original else (),
            mentions=original.mentions if original else (),
            kind=original.kind if original else None,
        )


def struggled_set(store: Store) -> QuestionSet | None:
    """The marked questions, each with what its own set expects of an answer."""
    originals = _Originals()
    questions = [originals.borrow(*marked) for marked in store.struggled()]
    if not questions:
        return None
    from voice_coach.questions import QuestionSet

    return QuestionSet(
        name=STRUGGLED,
        title="Questions I struggled with",
        description="Every question you marked with 'm' while practising.",
        questions=tuple(questions),
    )


def struggled_key(set_name: str, question_id: str) -> tuple[str, str]:
    """Where a mark belongs: a question of the struggled set points back to its own set."""
    if set_name in (STRUGGLED, WEAK) and "--" in question_id:
        original_set, original_id = question_id.split("--", 1)
        return original_set, original_id
    return set_name, question_id


@dataclass(frozen=True)
class Due:
    set_name: str
    question_id: str
    question_text: str
    due: date
    streak: int
    """Good answers in a row since the last weak one."""
    question: Question | None = None
    """The question as it was last asked (not a follow-up): what it expected, its kind."""


def schedule(store: Store) -> list[Due]:
    """When each weak or struggled question is next due, most overdue first.

    Leitner-style spacing: a weak last answer is due at once; each good answer in a
    row since the last weak one doubles the wait (1, 2, 4, 8... days). A question
    never answered weakly and not marked as struggled is not scheduled. Weak means
    :attr:`Outcome.NEEDS_WORK`, the one verdict; a skipped question (nothing said) or
    an answer that could not be judged neither starts nor extends a streak.
    """
    marked = {(s, q) for s, q, _ in store.struggled()}
    state: dict[tuple[str, str], tuple[str, int, date, bool]] = {}
    asked: dict[tuple[str, str], Question] = {}
    for set_name, attempt in store.answer_history():
        if not attempt.outcome.judged:
            continue
        key = struggled_key(set_name, attempt.base_question_id)
        text, streak, _, ever_weak = state.get(key, (attempt.question_text, 0, date.min, False))
        weak = attempt.flagged
        when = datetime.fromisoformat(attempt.created_at).date()
        if not attempt.is_follow_up:
            text = attempt.question_text
            asked[key] = attempt.question
        state[key] = (text, 0 if weak else streak + 1, when, ever_weak or weak)
    due: list[Due] = []
    for key, (text, streak, last, ever_weak) in state.items():
        if not (ever_weak or key in marked):
            continue
        when = last if streak == 0 else last + timedelta(days=2 ** (streak - 1))
        due.append(Due(key[0], key[1], text, when, streak, asked.get(key)))
    for set_name, qid, text in store.struggled():
        if (set_name, qid) not in state:
            due.append(Due(set_name, qid, text, date.min, 0))
    return sorted(due, key=lambda d: (d.due, d.streak))


def weak_set(store: Store, today: date | None = None) -> QuestionSet | None:
    """The questions due today or earlier, as a set to practise."""
    today = today or date.today()
    originals = _Originals()
    questions = [
        originals.borrow(item.set_name, item.question_id, item.question_text, item.question)
        for item in schedule(store)
        if item.due <= today
    ]
    if not questions:
        return None
    from voice_coach.questions import QuestionSet

    return QuestionSet(
        name=WEAK,
        title="Practise my weak answers",
        description="Questions whose last answer was flagged or that you marked, due today.",
        questions=tuple(questions),
    )
