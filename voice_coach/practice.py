"""A practice session, free of any UI: ask, answer, score, then redo or move on.

The TUI, the CLI and the tests drive this same object. It is the state machine of a
session (:class:`Phase`): which question is asked, whether an answer is being
recorded or typed, which attempt a recording belongs to, and what a stale recording
may no longer do once typing took over. It reports every change of phase and every
live update through its listener, from whichever thread they happen on; a screen only
turns those into messages and draws.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from voice_coach.attempts import (
    FOLLOW_UP_MARK,
    NO_SPEECH,
    Attempt,
    Outcome,
    Specifics,
    Status,
    expects_example,
    score_attempt,
)
from voice_coach.audio.capture import AudioSource
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.errors import VoiceCoachError
from voice_coach.live import AnswerListener, AnswerResult, InterimListener, LiveAnswer, LiveStatus
from voice_coach.questions import Question, QuestionSet
from voice_coach.scoring.delivery import TimedWord, TimedWordLike
from voice_coach.speech.interim import LiveText
from voice_coach.speech.stt import Transcriber, TranscriptSegment
from voice_coach.store import Store

if TYPE_CHECKING:
    from voice_coach.scoring import Score

__all__ = [
    "NO_SPEECH",
    "AnswerKept",
    "Attempt",
    "MicrophoneFailed",
    "NothingSaid",
    "Phase",
    "PracticeSession",
    "SessionListener",
    "expects_example",
    "score_attempt",
]


class Phase(StrEnum):
    """Where a session is. Only the engine moves it; screens read it."""

    ASKING = "asking"
    """The question is being put (read aloud, or shown): no answer yet."""
    PREPARING = "preparing"
    """An answer was asked for: the speech model and the microphone are being readied."""
    LISTENING = "listening"
    TRANSCRIBING = "transcribing"
    """Recording ended; its last piece is being transcribed and the answer scored."""
    TYPING = "typing"
    FEEDBACK = "feedback"
    NOTHING_HEARD = "nothing_heard"
    """The answer ended before a word was heard (the thinking time ran out, or the user
    ended it): nothing to judge, so no feedback; the same question can be tried again."""
    STOPPED = "stopped"
    """The recording stopped because its file could not be written: the answer is kept."""
    FINISHED = "finished"


class SessionListener(AnswerListener, Protocol):
    """A live answer's updates, and the session's own; called from any thread."""

    def phase_changed(self, phase: Phase) -> None: ...


class AnswerKept(VoiceCoachError):
    """The recording stopped because its file could not be written (a full disk).

    Nothing is scored or saved now (the database is likely on the same full disk);
    the audio written so far stays, and recovery finishes it at the next start.
    """

    def __init__(self, attempt_id: int, result: AnswerResult) -> None:
        minutes, seconds = divmod(int(result.duration_s), 60)
        cause = (result.error or "the recording could not be written").rstrip(".")
        advice = (
            "Free some disk space, then answer again."
            if result.end_reason == "disk_full"
            else "Check the disk, then answer again."
        )
        super().__init__(
            f"{cause[:1].upper()}{cause[1:]}: the recording stopped at {minutes}:{seconds:02d}. "
            "What you said until then is kept; once there is room, it is recovered the "
            f"next time voice-coach starts. {advice}"
        )
        self.attempt_id = attempt_id
        self.result = result


class MicrophoneFailed(VoiceCoachError):
    """No sound came in at all (no device, or it would not open): type the answer instead."""


class NothingSaid(VoiceCoachError):
    """The user ended the answer before saying a word: nothing is saved or judged.

    A key pressed by mistake (space twice: skip the reading, then "done") is not an
    answer, and a "no speech" row would count against nothing but clutter history.
    """


class _Quiet:
    def phase_changed(self, phase: Phase) -> None:
        return None

    def status(self, status: LiveStatus) -> None:
        return None

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        return None

    def recording_started(self, device: str) -> None:
        return None

    def recording_ended(self, reason: str) -> None:
        return None


class LiveTurn:
    """One spoken answer of a session: recorded into its reserved attempt, then scored.

    Belongs to the turn it was started in; if typing took over meanwhile, its audio
    stays on disk but it saves nothing over the typed answer.
    """

    def __init__(self, session: PracticeSession, turn: int, live: LiveAnswer, attempt_id: int):
        self._session = session
        self.turn = turn
        self.live = live
        self.attempt_id = attempt_id

    def run(self) -> Attempt | None:
        """Record until the answer ends, then score and save it; None when superseded.

        Raises :class:`MicrophoneFailed` when no sound came in at all, and
        :class:`AnswerKept` when the file could not be written: in both cases the
        session moves on (to typing, or stopped) and nothing said is lost.
        """
        result = self.live.run()
        return self._session._finish_turn(self, result)

    def stop(self) -> None:
        self.live.stop()

    @property
    def current(self) -> bool:
        """Still the session's turn: no skip, redo, typing or leaving since it started.
        A stale turn's answer is saved, but a screen must not show it over a newer one."""
        return self.turn == self._session._turn


@dataclass
class PracticeSession:
    """Walks through a question set, keeping every attempt."""

    question_set: QuestionSet
    store: Store
    session_id: int = 0
    index: int = 0
    attempts: list[Attempt] = field(default_factory=list)
    listener: SessionListener = field(default_factory=_Quiet)
    typed_only: bool = False
    """Every answer of the session is typed: asked for (--typed), or no microphone.
    Typing one answer (:meth:`type_instead`) does not set it."""
    follow_up: str | None = None
    """The interviewer's follow-up being answered, if any: it replaces the question
    until the user moves on or redoes the original."""
    phase: Phase = Phase.ASKING
    silence_reason: str | None = None
    """Why the last answer ended with nothing heard: "no_speech" (the thinking time ran
    out) or "stopped" (the user ended it before a word)."""

    def __post_init__(self) -> None:
        if not self.session_id:
            self.session_id = self.store.create_session(
                self.question_set.name, self.question_set.title
            )
        self._lock = threading.RLock()
        self._turn = 0
        self._reserved: int | None = None
        """The attempt reserved for the answer in progress (a recording, or the typing that
        took its place)."""
        self._live: LiveTurn | None = None
        self._stop_turn = -1
        """The turn the user ended before its recording started (see :meth:`stop_answer`)."""
        self._typed_over: set[int] = set()
        """Attempts whose recording typing took over: the typed answer is saved in them."""

    # ---- the question ------------------------------------------------------

    @property
    def base_question(self) -> Question:
        return self.question_set.questions[self.index]

    @property
    def question(self) -> Question:
        base = self.base_question
        if self.follow_up is None:
            return base
        # A follow-up digs into the same story: it expects what the original expected.
        return base.model_copy(
            update={
                "id": f"{base.id}{FOLLOW_UP_MARK}follow-up",
                "text": self.follow_up,
                "follow_ups": (),
                "kind": base.question_kind,
            }
        )

    @property
    def position(self) -> str:
        return f"{self.index + 1}/{len(self.question_set.questions)}"

    @property
    def is_last(self) -> bool:
        return self.index >= len(self.question_set.questions) - 1

    @property
    def last_probe(self) -> str | None:
        """The follow-up the interviewer would ask after the answer just given."""
        if self.phase is not Phase.FEEDBACK or not self.attempts:
            return None
        score = self.attempts[-1].score
        return score.probe if score else None

    # ---- phases ------------------------------------------------------------

    def _enter(self, phase: Phase) -> None:
        with self._lock:
            if self.phase is phase:
                return
            self.phase = phase
        self.listener.phase_changed(phase)

    def ask(self) -> Question:
        """Put the current question (again): a fresh turn, nothing reserved yet."""
        with self._lock:
            self._turn += 1
            if self._reserved is not None and self._live is None:
                # Reserved for a recording that never started (no microphone): drop it
                # if it holds no sound; one with audio is kept for recovery.
                with contextlib.suppress(VoiceCoachError):
                    self.store.discard_empty_attempt(self._reserved)
            self._stop_live()
            self._reserved = None
        self._enter(Phase.ASKING)
        return self.question

    def ask_follow_up(self, text: str | None = None) -> Question:
        """Answer the interviewer's follow-up (the last answer's, unless given)."""
        probe = text or self.last_probe
        if probe:
            self.follow_up = probe
        return self.ask()

    def redo(self) -> Question:
        self.follow_up = None
        return self.ask()

    def next_question(self) -> bool:
        """Move on and ask; False when there is none left."""
        if self.is_last:
            return False
        self.follow_up = None
        self.index += 1
        self.ask()
        return True

    def try_again(self) -> Question:
        """Put the same question (or follow-up) again, after nothing was heard."""
        return self.ask()

    def skip(self) -> bool:
        """Move on at any moment (while the question is read, the model loads, the user
        speaks or types), without recording a weak answer; False when none is left.

        A recording in progress stops. What it captured is saved and judged as the
        answer it is if the user had said anything (nothing said is ever thrown away);
        if not, its attempt is dropped, so a skip never leaves a "no speech" row.
        """
        with self._lock:
            self._turn += 1
            self._stop_live()
        return self.next_question()

    def finish(self) -> None:
        """End the session; raises StoreError if it cannot be marked finished (its answers
        are saved all the same)."""
        with self._lock:
            self._turn += 1
            self._stop_live()
        if self.phase is Phase.FINISHED:
            return
        self._enter(Phase.FINISHED)
        self.store.finish_session(self.session_id)

    # ---- answering aloud ---------------------------------------------------

    def start_answer(
        self,
        source: AudioSource,
        transcriber: Transcriber,
        config: EndpointConfig | None = None,
    ) -> LiveTurn | None:
        """Reserve the attempt and its audio file, then hand back the live answer to run.

        The speech model is loaded first (it may take seconds, in the caller's worker);
        None when typing took over meanwhile.
        """
        with self._lock:
            turn = self._turn
        self._enter(Phase.PREPARING)
        try:
            transcriber.load()
        except VoiceCoachError:
            self._enter(Phase.TYPING)
            raise
        told_enough = self._told_enough()
        with self._lock:
            if turn != self._turn or self.phase is not Phase.PREPARING:
                return None
            try:
                attempt_id, audio_path = self._reserve()
            except VoiceCoachError:
                self.phase = Phase.TYPING
                self.listener.phase_changed(Phase.TYPING)
                raise
            live = LiveAnswer(
                source,
                transcriber,
                audio_path,
                config,
                listener=_Relay(self, turn),
                told_enough=told_enough,
            )
            self._live = LiveTurn(self, turn, live, attempt_id)
            if self._stop_turn == turn:
                live.stop()  # "done" came while the microphone was being opened
            return self._live

    def _told_enough(self) -> Callable[[str], bool] | None:
        """What the live end of turn asks of the words so far before a finished sentence
        may end the answer early: for a question that needs an example, a result told.
        The scorer's patterns are compiled here, in the caller's worker, so the decode
        thread never stalls on them in the middle of an answer."""
        from voice_coach.scoring import has_told_enough

        kind = self.question.question_kind
        if not kind.spec.needs_example:
            return None
        has_told_enough("", kind)
        return functools.partial(has_told_enough, kind=kind)

    def begin_answer(self) -> tuple[int, Path]:
        """Reserve the attempt and its audio file, for a caller that records by itself
        (a script, the crash tests) and hands the result to :meth:`finish_spoken`."""
        with self._lock:
            return self._reserve()

    def _reserve(self) -> tuple[int, Path]:
        """The attempt row and audio file, before any sound is recorded (crash safety)."""
        if self._reserved is not None:
            attempt = self.store.attempt(self._reserved)
            if attempt is not None and attempt.status is Status.RECORDING:
                self.store.discard_empty_attempt(self._reserved)
        attempt_id, path = self.store.start_attempt(self.session_id, self.question)
        self._reserved = attempt_id
        return attempt_id, path

    def _finish_turn(self, live: LiveTurn, result: AnswerResult) -> Attempt | None:
        with self._lock:
            if self._live is live:
                self._live = None
            if live.attempt_id in self._typed_over:
                return None  # typing took this attempt over: its audio stays on disk
            current = live.turn == self._turn
        said = bool(result.transcript.text)
        if not current:
            # The user moved on (skipped, left, finished) while it was recorded: what they
            # said is still saved and judged, without taking over the screen; a recording
            # with nothing said is dropped, so moving on never leaves a "no speech" row.
            if result.unfinished:
                self.store.release(live.attempt_id)
                return None
            if not said:
                self._discard_silent(live.attempt_id, result.audio_path)
                return None
            return self.finish_spoken(live.attempt_id, result, show=False)
        if not said and result.end_reason == "stopped" and result.error is None:
            # Ended by the user before any speech: a slip of the key, not an answer.
            self._discard_silent(live.attempt_id, result.audio_path)
            with self._lock:
                if self._reserved == live.attempt_id:
                    self._reserved = None
            self.silence_reason = "stopped"
            self._enter(Phase.NOTHING_HEARD)
            raise NothingSaid("you ended the answer before saying anything")
        if result.end_reason == "error" and result.duration_s == 0:
            self.typed_only = True
            self._enter(Phase.TYPING)
            raise MicrophoneFailed(result.error or "no microphone")
        timed_out = not said and result.end_reason == "no_speech"
        try:
            attempt = self.finish_spoken(live.attempt_id, result, show=not timed_out)
        except AnswerKept:
            self._enter(Phase.STOPPED)
            raise
        except VoiceCoachError:
            self._enter(Phase.TYPING)
            raise
        if timed_out:
            # Saved as "no speech" (skipped, never weak), but no feedback to read: the
            # screen says why in plain words and offers to try again.
            self.silence_reason = "no_speech"
            self._enter(Phase.NOTHING_HEARD)
        return attempt

    def _discard_silent(self, attempt_id: int, audio_path: Path) -> None:
        """Drop an attempt whose recording holds no words (the transcriber heard none).

        The store keeps any attempt with audio on disk, rightly for a recording of
        unknown content; here the content is known to be silence, so the file goes
        first and the store then drops the empty row. Called only after the recording
        ended, so the file is closed.
        """
        with contextlib.suppress(OSError):
            audio_path.unlink(missing_ok=True)
        with contextlib.suppress(VoiceCoachError):
            self.store.discard_empty_attempt(attempt_id)

    def stop_answer(self) -> None:
        """The user is done talking: end the recording now (it is then scored as usual).

        Pressed while the microphone is still being opened, it ends the answer as soon
        as it starts: a "done" the user meant is never dropped.
        """
        with self._lock:
            live = self._live
            if live is None and self.phase is Phase.PREPARING:
                self._stop_turn = self._turn
        if live is not None:
            live.stop()

    def type_instead(self) -> None:
        """Typing takes over the answer in progress: a recording stops, and whatever it
        captured stays on disk, but the typed answer is the one saved for this turn.

        For this answer only: the next question and a follow-up go back to the
        microphone unless the whole session is typed (:attr:`typed_only`).
        """
        with self._lock:
            self._turn += 1
            if self._live is not None:
                self._typed_over.add(self._live.attempt_id)
            self._stop_live()
        self._enter(Phase.TYPING)

    def speak_instead(self) -> bool:
        """Back to the microphone after typing; True when an answer should be recorded now.

        An attempt reserved for a recording that captured nothing is dropped (one with
        audio is kept for recovery: nothing said is ever thrown away).
        """
        self.typed_only = False
        if self.phase is not Phase.TYPING:
            return False
        with self._lock:
            self._turn += 1
            if self._reserved is not None:
                with contextlib.suppress(VoiceCoachError):
                    self.store.discard_empty_attempt(self._reserved)
                self._reserved = None
        return True

    def _stop_live(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None

    def _relay_phase(self, turn: int, phase: Phase) -> None:
        """A live answer's progress moves the phase, unless its turn is over."""
        with self._lock:
            if turn != self._turn or self.phase in (Phase.TYPING, Phase.FINISHED):
                return
            self.phase = phase
        self.listener.phase_changed(phase)

    # ---- saving ------------------------------------------------------------

    def finish_spoken(self, attempt_id: int, result: AnswerResult, *, show: bool = True) -> Attempt:
        """Score and save a recorded answer.

        Raises :class:`AnswerKept` when its file could not be finished: the attempt is
        then released, still marked "recording", for recovery to measure and complete,
        so the saved duration is always that of the file.
        """
        if result.unfinished:
            self.store.release(attempt_id)
            raise AnswerKept(attempt_id, result)
        text = result.transcript.text
        score = None
        mentions: Specifics = ()
        key_terms: Specifics = ()
        if text:
            score, mentions, key_terms = self._score(
                text, words=result.transcript.words, duration_s=result.duration_s
            )
        attempt = self.store.complete_attempt(
            attempt_id,
            status=Status.SPOKEN if text else Status.NO_SPEECH,
            transcript=text,
            transcript_json=result.transcript.to_dict(),
            score=score,
            mentions=mentions,
            key_terms=key_terms,
            duration_s=result.duration_s,
            end_reason=result.end_reason,
            error=result.error,
        )
        return self._answered(attempt, show=show)

    def finish_typed(self, text: str) -> Attempt:
        """Score and save a typed answer, in the attempt a recording reserved if there was one."""
        with self._lock:
            self._turn += 1
            if self._live is not None:
                self._typed_over.add(self._live.attempt_id)
            self._stop_live()
            attempt_id = self._reserved
            if attempt_id is not None:
                self._typed_over.add(attempt_id)
        if attempt_id is None:
            attempt_id, _ = self.store.start_attempt(self.session_id, self.question)
        score, mentions, key_terms = self._score(text)
        attempt = self.store.complete_attempt(
            attempt_id,
            status=Status.TYPED,
            transcript=text,
            transcript_json=None,
            score=score,
            mentions=mentions,
            key_terms=key_terms,
            duration_s=None,
            keep_audio=False,
        )
        return self._answered(attempt)

    def _answered(self, attempt: Attempt, *, show: bool = True) -> Attempt:
        with self._lock:
            if self._reserved == attempt.id:
                self._reserved = None
            self.attempts.append(attempt)
        if show:
            self._enter(Phase.FEEDBACK)
        return attempt

    def _score(
        self,
        transcript: str,
        *,
        words: Sequence[TimedWord | TimedWordLike] | None = None,
        duration_s: float | None = None,
    ) -> tuple[Score, Specifics, Specifics]:
        earlier = None
        previous_probe = None
        base_id = self.base_question.id
        for attempt in reversed(self.attempts):
            if attempt.base_question_id != base_id:
                continue
            if previous_probe is None and attempt.score is not None:
                previous_probe = attempt.score.probe
            if self.follow_up is not None and not attempt.is_follow_up and attempt.transcript:
                earlier = attempt.transcript
                break
            if self.follow_up is None:
                break
        return score_attempt(
            self.question,
            transcript,
            question_set=self.question_set,
            words=words,
            duration_s=duration_s,
            previous_probe=previous_probe,
            earlier=earlier,
        )

    # ---- the end -----------------------------------------------------------

    def summary(self) -> list[Attempt]:
        """The last attempt at each question answered, in the order asked."""
        latest: dict[str, Attempt] = {}
        for attempt in self.attempts:
            latest[attempt.base_question_id] = attempt
        return list(latest.values())

    def counts(self) -> dict[Outcome, int]:
        """How the summary's answers came out, by the one verdict."""
        found = dict.fromkeys(Outcome, 0)
        for attempt in self.summary():
            found[attempt.outcome] += 1
        return found


class _Relay:
    """A live answer's listener: moves the session's phase, forwards the rest."""

    def __init__(self, session: PracticeSession, turn: int) -> None:
        self._session = session
        self._turn = turn

    def _current(self) -> bool:
        return self._turn == self._session._turn

    def recording_started(self, device: str) -> None:
        self._session._relay_phase(self._turn, Phase.LISTENING)
        if self._current():
            self._session.listener.recording_started(device)

    def recording_ended(self, reason: str) -> None:
        self._session._relay_phase(self._turn, Phase.TRANSCRIBING)
        if self._current():
            self._session.listener.recording_ended(reason)

    def status(self, status: LiveStatus) -> None:
        if self._current():
            self._session.listener.status(status)

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        if self._current():
            self._session.listener.transcript(segments)

    def live_text(self, text: LiveText) -> None:
        listener = self._session.listener
        if self._current() and isinstance(listener, InterimListener):
            listener.live_text(text)
