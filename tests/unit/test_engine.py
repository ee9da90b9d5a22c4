"""The practice engine's state machine, without any UI: phases, turns, typing taking over,
a microphone that fails, leaving mid-answer, and a crashed answer recovered as its
question needs. The transcriber is a fake; the recording, the store and scoring are real."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
import soundfile

from tests.unit.test_endpoint import energy_vad, silence, tone
from tests.unit.test_live import FakeTranscriber
from voice_coach.attempts import Outcome, Status
from voice_coach.audio import endpoint
from voice_coach.audio.capture import FileSource
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.errors import MicrophoneError
from voice_coach.live import LiveStatus
from voice_coach.practice import MicrophoneFailed, NothingSaid, Phase, PracticeSession
from voice_coach.questions import parse_question_set
from voice_coach.recovery import recover_interrupted
from voice_coach.scoring import FlagCode, QuestionKind
from voice_coach.speech.stt import TranscriptSegment
from voice_coach.store import Store

SET = """
name = "engine"
title = "Engine"

[[questions]]
id = "story"
text = "Tell me about a time you led a project."
expects = ["example"]

[[questions]]
id = "ask-us"
text = "Do you have any questions for us?"
kind = "questions_for_us"
expects = ["asks when a decision will be made"]
"""

CONFIG = EndpointConfig(end_silence_s=1.0, min_segment_s=1.0)


class Loaded(FakeTranscriber):
    loaded = True

    def load(self) -> None:
        return None


class Listener:
    """Every phase the engine enters, and an event per phase to wait on."""

    def __init__(self) -> None:
        self.phases: list[Phase] = []
        self.entered = {phase: threading.Event() for phase in Phase}
        self.speech = threading.Event()

    def phase_changed(self, phase: Phase) -> None:
        self.phases.append(phase)
        self.entered[phase].set()

    def status(self, status: LiveStatus) -> None:
        if status.speech_started:
            self.speech.set()

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        return None

    def recording_started(self, device: str) -> None:
        return None

    def recording_ended(self, reason: str) -> None:
        return None


class DeadMicrophone(FileSource):
    def __init__(self) -> None:
        self.__dict__.update(FileSource.from_array(silence(1)).__dict__)

    def read(self, timeout: float = 0.5) -> np.ndarray | None:
        raise MicrophoneError("no microphone is plugged in")


@pytest.fixture(autouse=True)
def _energy_vad(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(endpoint, "silero", lambda: energy_vad)


def _session(tmp_path: Path) -> tuple[PracticeSession, Listener, Store]:
    store = Store(tmp_path)
    listener = Listener()
    session = PracticeSession(parse_question_set(SET, "engine.toml"), store, listener=listener)
    session.ask()
    return session, listener, store


def _long_answer(seconds: float = 30.0) -> FileSource:
    return FileSource.from_array(np.concatenate([tone(seconds), silence(2)]), realtime=True)


def _run(turn: object) -> tuple[threading.Thread, list[object]]:
    out: list[object] = []
    thread = threading.Thread(target=lambda: out.append(turn.run()))  # type: ignore[attr-defined]
    thread.start()
    return thread, out


def test_a_spoken_answer_goes_through_its_phases(tmp_path: Path) -> None:
    session, listener, store = _session(tmp_path)
    audio = np.concatenate([silence(0.5), tone(2.5), silence(1.5)])
    turn = session.start_answer(FileSource.from_array(audio), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None
    attempt = turn.run()
    assert attempt is not None and attempt.status is Status.SPOKEN
    assert listener.phases == [
        Phase.PREPARING,
        Phase.LISTENING,
        Phase.TRANSCRIBING,
        Phase.FEEDBACK,
    ]
    assert store.attempt(attempt.id) == attempt
    assert soundfile.info(str(attempt.audio_path)).duration == attempt.duration_s


def test_typing_takes_over_a_recording_and_keeps_its_attempt(tmp_path: Path) -> None:
    session, listener, store = _session(tmp_path)
    turn = session.start_answer(_long_answer(), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None
    thread, out = _run(turn)
    assert listener.entered[Phase.LISTENING].wait(10)
    session.type_instead()
    assert session.phase is Phase.TYPING
    typed = session.finish_typed("I am a team player.")
    thread.join(20)
    assert out == [None], "the stale recording must not replace the typed answer"
    assert typed.id == turn.attempt_id
    (only,) = store.attempts(session.session_id)
    assert only.status is Status.TYPED and only.transcript == "I am a team player."
    assert session.phase is Phase.FEEDBACK


def test_a_dead_microphone_offers_typing_in_the_same_attempt(tmp_path: Path) -> None:
    session, _, store = _session(tmp_path)
    turn = session.start_answer(DeadMicrophone(), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None
    with pytest.raises(MicrophoneFailed, match="no microphone"):
        turn.run()
    assert session.phase is Phase.TYPING and session.typed_only
    typed = session.finish_typed("I would ask about the team.")
    assert typed.id == turn.attempt_id
    assert [a.status for a in store.attempts(session.session_id)] == [Status.TYPED]
    assert store.interrupted() == []


def test_speaking_again_drops_an_empty_reservation(tmp_path: Path) -> None:
    session, _, store = _session(tmp_path)
    turn = session.start_answer(DeadMicrophone(), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None
    with pytest.raises(MicrophoneFailed):
        turn.run()
    assert session.speak_instead()
    assert store.attempts(session.session_id) == []
    audio = np.concatenate([silence(0.5), tone(2.5), silence(1.5)])
    again = session.start_answer(FileSource.from_array(audio), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert again is not None and again.run() is not None
    assert [a.status for a in store.attempts(session.session_id)] == [Status.SPOKEN]


def test_leaving_mid_answer_still_saves_what_was_said(tmp_path: Path) -> None:
    session, listener, store = _session(tmp_path)
    turn = session.start_answer(_long_answer(), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None
    thread, out = _run(turn)
    assert listener.speech.wait(10)
    session.finish()
    thread.join(20)
    (saved,) = store.attempts(session.session_id)
    assert out == [saved] and saved.status is Status.SPOKEN and saved.transcript
    assert session.phase is Phase.FINISHED, "a late answer does not pull the user back"
    assert store.sessions()[0].finished_at


def test_a_follow_up_and_a_redo_are_separate_attempts(tmp_path: Path) -> None:
    session, _, store = _session(tmp_path)
    first = session.finish_typed("Last year at my old job we rebuilt the billing system.")
    assert session.last_probe
    follow = session.ask_follow_up()
    assert follow.id == "story#follow-up" and follow.text == first.score.probe  # type: ignore[union-attr]
    answer = session.finish_typed("I wrote the migration myself and errors fell by half.")
    assert answer.is_follow_up and answer.base_question_id == "story"
    session.redo()
    again = session.finish_typed("I am a hard worker.")
    assert [a.question_id for a in store.attempts(session.session_id)] == [
        "story",
        "story#follow-up",
        "story",
    ]
    assert session.summary() == [again]


def test_a_crashed_answer_is_recovered_as_its_question_needs(tmp_path: Path) -> None:
    """Recovered with the question as it was asked: a reply to "any questions for us?" is
    judged on its questions, never flagged for lacking a story."""
    session, _, store = _session(tmp_path)
    session.next_question()
    attempt_id, path = session.begin_answer()
    soundfile.write(str(path), np.concatenate([tone(3), silence(1)]), 16000)
    store.release(attempt_id)  # the process died: its lock went with it
    (recovered,) = recover_interrupted(store, Loaded())  # type: ignore[arg-type]
    assert recovered.attempt_id == attempt_id
    saved = store.attempt(attempt_id)
    assert saved is not None and saved.status is Status.RECOVERED
    assert saved.question == session.question
    assert saved.score is not None and saved.score.kind is QuestionKind.QUESTIONS_FOR_US
    assert FlagCode.NO_SITUATION not in {f.code for f in saved.score.flags}
    assert saved.outcome is Outcome.NEEDS_WORK  # "word word word" asks nothing
    assert "ask when a decision will be made" in saved.score.missing


# ---- skipping, nothing heard, typing one answer (issue 13, item 5) --------------


def _quiet(seconds: float = 30.0) -> FileSource:
    return FileSource.from_array(silence(seconds), realtime=True)


def test_skipping_while_listening_in_silence_leaves_no_attempt(tmp_path: Path) -> None:
    session, listener, store = _session(tmp_path)
    turn = session.start_answer(_quiet(), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None
    thread, out = _run(turn)
    assert listener.entered[Phase.LISTENING].wait(10)
    assert session.skip()
    thread.join(20)
    assert out == [None]
    assert store.attempts(session.session_id) == [], "a skip is never a 'no speech' answer"
    assert not turn.live.audio_path.exists(), "silence is not kept"
    assert store.interrupted() == []
    assert session.index == 1 and session.phase is Phase.ASKING


def test_skipping_after_speaking_keeps_what_was_said(tmp_path: Path) -> None:
    session, listener, store = _session(tmp_path)
    turn = session.start_answer(_long_answer(), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None
    thread, out = _run(turn)
    assert listener.speech.wait(10)
    assert session.skip()
    thread.join(20)
    (saved,) = store.attempts(session.session_id)
    assert out == [saved] and saved.status is Status.SPOKEN and saved.transcript
    assert saved.question_id == "story" and saved.audio_path and saved.audio_path.exists()
    assert not turn.current, "the screen must not show it over the next question"
    assert session.index == 1 and session.phase is Phase.ASKING


def test_skipping_while_the_model_loads_or_the_question_is_read(tmp_path: Path) -> None:
    session, _, store = _session(tmp_path)
    assert session.phase is Phase.ASKING
    assert session.skip()  # while read: nothing reserved, nothing saved
    assert session.index == 1

    class SkippedWhileLoading(Loaded):
        def load(self) -> None:
            session.skip()  # the user presses n while the model loads

    session.redo()
    assert session.start_answer(_quiet(), SkippedWhileLoading(), CONFIG) is None  # type: ignore[arg-type]
    assert store.attempts(session.session_id) == []


def test_ending_an_answer_before_any_speech_is_not_judged(tmp_path: Path) -> None:
    """Space twice (skip the reading, then "done" at once): a slip, not a "no speech"
    answer; the same question can be tried again."""
    session, _, store = _session(tmp_path)
    turn = session.start_answer(_quiet(), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None
    session.stop_answer()  # before the first word, even before the microphone opens
    with pytest.raises(NothingSaid):
        turn.run()
    assert session.phase is Phase.NOTHING_HEARD and session.silence_reason == "stopped"
    assert store.attempts(session.session_id) == []
    assert not turn.live.audio_path.exists()
    assert session.try_again().id == "story" and session.phase is Phase.ASKING


def test_thinking_time_running_out_offers_to_try_again(tmp_path: Path) -> None:
    session, listener, _ = _session(tmp_path)
    config = EndpointConfig(end_silence_s=1.0, min_segment_s=1.0, initial_silence_s=1.0)
    turn = session.start_answer(FileSource.from_array(silence(3)), Loaded(), config)  # type: ignore[arg-type]
    assert turn is not None
    attempt = turn.run()
    assert attempt is not None and attempt.outcome is Outcome.SKIPPED and not attempt.flagged
    assert session.phase is Phase.NOTHING_HEARD and session.silence_reason == "no_speech"
    assert Phase.FEEDBACK not in listener.phases, "nothing to read: no feedback, no ✘"
    assert session.try_again().id == "story"
    again = session.start_answer(_long_answer(3), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert again is not None and again.run() is not None
    assert [a.status for a in session.summary()] == [Status.SPOKEN]


def test_typing_one_answer_does_not_type_the_rest(tmp_path: Path) -> None:
    session, _, _ = _session(tmp_path)
    session.type_instead()
    session.finish_typed("Last year at my old job we rebuilt the billing system.")
    assert not session.typed_only, "the next question and the follow-up go to the microphone"
    typed = PracticeSession(session.question_set, session.store, typed_only=True)
    typed.ask()
    typed.finish_typed("I would ask about the team.")
    typed.next_question()
    assert typed.typed_only


def test_done_while_the_microphone_opens_ends_the_answer_unjudged(tmp_path: Path) -> None:
    session, _, store = _session(tmp_path)

    class DoneWhileLoading(Loaded):
        def load(self) -> None:
            session.stop_answer()  # space pressed again while the model loads

    turn = session.start_answer(_quiet(), DoneWhileLoading(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None
    with pytest.raises(NothingSaid):
        turn.run()
    assert session.phase is Phase.NOTHING_HEARD
    assert store.attempts(session.session_id) == []


def test_a_story_answer_may_end_early_only_once_it_tells_a_result(tmp_path: Path) -> None:
    """The live end of turn asks what the question needs: a story question's answer is not
    whole after the scene is set; a closing question's needs no particular part."""
    session, _, _ = _session(tmp_path)
    audio = silence(0.5)
    turn = session.start_answer(FileSource.from_array(audio), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None and turn.live.told_enough is not None
    assert not turn.live.told_enough("At my last job the warehouse team was always behind.")
    assert turn.live.told_enough("So I set up a rota and we cut the backlog in half.")
    turn.run()
    session.next_question()
    turn = session.start_answer(FileSource.from_array(audio), Loaded(), CONFIG)  # type: ignore[arg-type]
    assert turn is not None and turn.live.told_enough is None
    turn.run()
