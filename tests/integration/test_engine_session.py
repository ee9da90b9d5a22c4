"""A whole practice session through the engine alone, for real: the app's own voice speaks
the answers, the real model transcribes them, the real store keeps them. No UI.

Spoken, typed, a follow-up, a redo, a skipped question, and an answer cut short by a
crash and recovered: each saved attempt is read back and its verdict checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import soundfile

from voice_coach.attempts import Outcome, Status
from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import FileSource, read_audio
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.practice import Phase, PracticeSession
from voice_coach.questions import parse_question_set
from voice_coach.recovery import recover_interrupted
from voice_coach.scoring import FlagCode, QuestionKind
from voice_coach.speech.tts import Voice
from voice_coach.store import Store

pytestmark = pytest.mark.integration

SET = """
name = "whole"
title = "Whole session"
key_terms = ["route planning"]

[[questions]]
id = "story"
text = "Tell me about a time you cut costs."
expects = ["example"]
mentions = ["40%"]

[[questions]]
id = "plan"
text = "What would your first ninety days look like?"

[[questions]]
id = "ask-us"
text = "Do you have any questions for us?"
kind = "questions_for_us"
expects = ["asks when a decision will be made"]
"""

STORY = (
    "Last spring at my old company our fuel bill was far over budget. I rebuilt the route "
    "planning myself, and fuel costs fell by forty percent in three months."
)
CLOSING = "Yes. When do you expect to make a decision, and what are the next steps?"
CONFIG = EndpointConfig(end_silence_s=1.5)


VOICE = Voice(None, 140)
"""The app's own voice, a little slower than its default: espeak at full speed is harder
for the small model to follow than people are."""


def _speech(text: str) -> FileSource:
    """The app's own voice saying ``text``, then the silence that ends an answer."""
    return FileSource(VOICE.synthesize(text), tail_silence_s=3.0)


def test_a_whole_session_through_the_engine(tmp_path: Path, transcriber) -> None:  # type: ignore[no-untyped-def]
    store = Store(tmp_path)
    session = PracticeSession(parse_question_set(SET, "whole.toml"), store)
    session.ask()

    # Spoken, from a recording: judged as a story, with the CV and job checks a typed answer gets.
    turn = session.start_answer(_speech(STORY), transcriber, CONFIG)
    assert turn is not None
    spoken = turn.run()
    assert spoken is not None and spoken.status is Status.SPOKEN
    assert spoken.outcome is Outcome.GOOD, (spoken.transcript, spoken.verdict)
    assert dict(spoken.mentions) == {"40%": True}
    # The job's term, checked in what was heard: the small model, on a loaded machine, has
    # heard "route planning" as "route playing", so the check is held to the transcript, and
    # the words as said are checked typed, below, where nothing depends on the model's ear.
    heard = re.search(r"\broute[\s-]*planning\b", spoken.transcript, re.IGNORECASE) is not None
    assert dict(spoken.key_terms) == {"route planning": heard}, spoken.transcript
    assert spoken.score is not None and spoken.score.delivery.pace_wpm
    typed_again = PracticeSession(parse_question_set(SET, "whole.toml"), Store(tmp_path / "b"))
    same = typed_again.finish_typed(spoken.transcript)
    assert (same.outcome, same.mentions, same.key_terms) == (
        spoken.outcome,
        spoken.mentions,
        spoken.key_terms,
    )
    as_said = PracticeSession(parse_question_set(SET, "whole.toml"), Store(tmp_path / "c"))
    assert dict(as_said.finish_typed(STORY).key_terms) == {"route planning": True}

    # A typed follow-up, then a weak redo: each its own attempt.
    session.ask_follow_up("What did you do yourself?")
    follow = session.finish_typed("I mapped every route and I negotiated the new fuel contract.")
    assert follow.is_follow_up and follow.outcome is Outcome.GOOD
    session.redo()
    weak = session.finish_typed("I always look for savings, it is just how I work.")
    assert weak.outcome is Outcome.NEEDS_WORK

    # Skipped: the question passes with nothing said.
    assert session.next_question()
    quiet = FileSource.from_array(np.zeros(SAMPLE_RATE * 4, np.float32))
    turn = session.start_answer(quiet, transcriber, EndpointConfig(initial_silence_s=2.0))
    assert turn is not None
    skipped = turn.run()
    assert skipped is not None and skipped.outcome is Outcome.SKIPPED and not skipped.transcript

    # Cut short by a crash: the audio on disk is recovered and judged as its question needs.
    assert session.next_question()
    attempt_id, path = session.begin_answer()
    soundfile.write(str(path), read_audio(VOICE.synthesize(CLOSING)), SAMPLE_RATE)
    store.release(attempt_id)
    (found,) = recover_interrupted(store, transcriber)
    assert found.attempt_id == attempt_id and not found.kept
    session.finish()
    assert session.phase is Phase.FINISHED

    saved = store.attempts(session.session_id)
    assert [(a.question_id, a.status, a.outcome) for a in saved] == [
        ("story", Status.SPOKEN, Outcome.GOOD),
        ("story#follow-up", Status.TYPED, Outcome.GOOD),
        ("story", Status.TYPED, Outcome.NEEDS_WORK),
        ("plan", Status.NO_SPEECH, Outcome.SKIPPED),
        ("ask-us", Status.RECOVERED, Outcome.GOOD),
    ]
    recovered = saved[-1]
    assert recovered.score is not None
    assert recovered.score.kind is QuestionKind.QUESTIONS_FOR_US
    assert FlagCode.NO_SITUATION not in {f.code for f in recovered.score.flags}
    assert saved[:3] == session.attempts[:3]
    (row,) = store.sessions()
    assert (row.answers, row.flagged, row.skipped) == (5, 1, 1)
