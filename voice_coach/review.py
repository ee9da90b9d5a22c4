"""Review and improve: the questions a user marked as struggled with, as a set of their own."""

from __future__ import annotations

from voice_coach.errors import QuestionSetError
from voice_coach.questions import EXAMPLE, Question, QuestionSet, load_question_set
from voice_coach.store import Store

STRUGGLED = "struggled"
"""The built-in set's name."""


def struggled_set(store: Store) -> QuestionSet | None:
    """The marked questions, each with what its own set expects of an answer."""
    questions: list[Question] = []
    sources: dict[str, QuestionSet | None] = {}
    for set_name, question_id, text in store.struggled():
        if set_name not in sources:
            try:
                sources[set_name] = load_question_set(set_name)
            except QuestionSetError:  # renamed or deleted: keep the question's text
                sources[set_name] = None
        source = sources[set_name]
        original = (
            next((q for q in source.questions if q.id == question_id), None) if source else None
        )
        questions.append(
            Question(
                id=f"{set_name}--{question_id}",
                text=text,
                interviewer=None,
                expects=original.expects if original else (EXAMPLE,),
                follow_ups=original.follow_ups if original else (),
                mentions=original.mentions if original else (),
            )
        )
    if not questions:
        return None
    return QuestionSet(
        name=STRUGGLED,
        title="Questions I struggled with",
        description="Every question you marked with 'm' while practising.",
        questions=tuple(questions),
    )


def struggled_key(set_name: str, question_id: str) -> tuple[str, str]:
    """Where a mark belongs: a question of the struggled set points back to its own set."""
    if set_name == STRUGGLED and "--" in question_id:
        original_set, original_id = question_id.split("--", 1)
        return original_set, original_id
    return set_name, question_id
