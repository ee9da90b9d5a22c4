"""Recovering answers cut short by a crash: the audio on disk is the answer.

An attempt still marked "recording" at start-up was interrupted (a crash, a
SIGKILL, a power cut, a full disk), unless another voice-coach is recording it
right now: a live answer's file is locked by its owner (see :mod:`voice_coach.locks`)
and is never touched here. An abandoned file lacks a finished header, which
libsndfile refuses but PyAV reads; it is rewritten as a proper file, transcribed
and scored, and marked "recovered", so nothing the user said is lost.

The rewrite goes to a temporary file, synced, then renamed over the original: a
full disk leaves the original as it was and the attempt waits for the next start.
One recovery pass runs at a time over a data directory (``recovery.lock``), so two
instances starting together never recover the same answer twice.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from voice_coach import locks
from voice_coach.attempts import Attempt, Status, score_attempt
from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import read_audio
from voice_coach.audio.recorder import Recorder, RecordingWriteError
from voice_coach.errors import StoreError, VoiceCoachError
from voice_coach.questions import Question, QuestionSet, load_question_set
from voice_coach.speech.stt import Transcriber, Transcript
from voice_coach.store import Store

LOCK_NAME = "recovery.lock"
"""In the data directory: held by the one process recovering answers there."""


@dataclass(frozen=True)
class Recovered:
    attempt_id: int
    duration_s: float
    transcript: str
    error: str | None = None
    kept: bool = False
    """Not recovered yet (the disk is full, say): left as it was for the next start."""


def recover_interrupted(store: Store, transcriber: Transcriber | None) -> list[Recovered]:
    """Recover every interrupted attempt; without a transcriber, keep the audio only.

    Answers recorded right now by another process (or this one) are left alone; so is
    everything when another process is already recovering.
    """
    try:
        claim = locks.try_lock(store.root / LOCK_NAME, create=True)
    except OSError as exc:
        raise StoreError(
            f"cannot check for answers interrupted last time ({exc.strerror or exc}) in "
            f"{store.root}; they are kept and recovered at a later start once the disk "
            "has room and the folder is yours"
        ) from None
    if claim is None:
        return []  # another voice-coach is recovering them
    try:
        done: list[Recovered] = []
        for attempt in store.interrupted():
            if store.owns(attempt.id):
                continue  # this process is recording it
            recovered = _recover_unowned(store, attempt, transcriber)
            if recovered is not None:
                done.append(recovered)
        return done
    finally:
        claim.release()


def _recover_unowned(
    store: Store, attempt: Attempt, transcriber: Transcriber | None
) -> Recovered | None:
    """Recover one attempt unless its recording process is alive; None when it is."""
    path = attempt.audio_path
    owner: locks.Held | None = None
    if path is not None:
        try:
            owner = locks.try_lock(path)
        except FileNotFoundError:
            owner = None
        except OSError as exc:
            return Recovered(attempt.id, 0.0, "", _kept(attempt, exc.strerror or str(exc)), True)
        else:
            if owner is None:
                return None  # locked: a live recording in another process
    try:
        # Its owner may have finished it between the listing and the lock.
        current = store.attempt(attempt.id)
        if current is None or current.status != "recording":
            return None
        return _recover(store, attempt, transcriber)
    finally:
        if owner is not None:
            owner.release()


def _kept(attempt: Attempt, why: str) -> str:
    return (
        f"answer {attempt.id} could not be recovered yet ({why}); its recording is kept as "
        "it was and is recovered at the next start once the disk has room"
    )


def _recover(store: Store, attempt: Attempt, transcriber: Transcriber | None) -> Recovered:
    path = attempt.audio_path
    try:
        if path is None or not path.exists() or path.stat().st_size == 0:
            raise VoiceCoachError("no audio was written before the interruption")
        audio = read_audio(path)
    except VoiceCoachError as exc:
        store.complete_attempt(
            attempt.id,
            status=Status.INTERRUPTED,
            transcript="",
            transcript_json=None,
            score=None,
            duration_s=0.0,
            end_reason="interrupted",
            error=str(exc),
        )
        return Recovered(attempt.id, 0.0, "", str(exc))
    try:
        samples = _rewrite(path, audio)
    except RecordingWriteError as exc:
        return Recovered(attempt.id, 0.0, "", _kept(attempt, str(exc)), True)
    # The duration saved is the rewritten file's own, not an estimate.
    duration = samples / SAMPLE_RATE
    audio = audio[:samples]
    transcript = Transcript((), duration)
    error = None
    if transcriber is not None:
        try:
            transcript = transcriber.transcribe_audio(audio)
        except VoiceCoachError as exc:
            error = f"recovered, not transcribed: {exc}"
    text = transcript.text
    score = None
    mentions: tuple[tuple[str, bool], ...] = ()
    key_terms: tuple[tuple[str, bool], ...] = ()
    if text:
        question, question_set = _question_of(store, attempt)
        score, mentions, key_terms = score_attempt(
            question,
            text,
            question_set=question_set,
            words=transcript.words,
            duration_s=duration,
            earlier=_earlier(store, attempt),
        )
    try:
        store.complete_attempt(
            attempt.id,
            status=Status.RECOVERED,
            transcript=text,
            transcript_json=transcript.to_dict(),
            score=score,
            mentions=mentions,
            key_terms=key_terms,
            duration_s=duration,
            end_reason="interrupted",
            error=error,
        )
    except StoreError as exc:  # the file is finished; the row waits for the next start
        return Recovered(attempt.id, duration, text, _kept(attempt, str(exc)), True)
    return Recovered(attempt.id, duration, text, error)


def _rewrite(path: Path, audio: object) -> int:
    """Rewrite ``path`` with a finished header, atomically; the samples the new file holds.

    The original stays until the new file is complete and synced: a failure (a full
    disk) removes the partial copy and leaves the original as it was.
    """
    tmp = path.with_name(f"{path.stem}.recovering{path.suffix}")
    recorder = Recorder(tmp)
    try:
        with recorder:
            recorder.write(audio)  # type: ignore[arg-type]
        if recorder.error is not None:
            raise recorder.error
        assert recorder.file_samples is not None
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(path.parent)
    return recorder.file_samples


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after it keeps the new name)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _question_of(store: Store, attempt: Attempt) -> tuple[Question, QuestionSet | None]:
    """The question a recovered answer was given to, so it is judged as that question needed.

    The attempt keeps its question as asked (kind, talking points, CV specifics, a
    follow-up's words); its set is looked up only for the job's key terms. Attempts
    saved before questions were kept have only the words: their set's question is used
    when it is still there, else the kind is read from the words, so a reply to an offer
    is never judged as a story.
    """
    session = store.session(attempt.session_id)
    question_set = None
    if session is not None:
        with contextlib.suppress(VoiceCoachError):
            question_set = load_question_set(session.set_name)
    question = attempt.question
    if question_set is not None and question == Question(
        id=attempt.question_id, text=attempt.question_text
    ):
        found = next((q for q in question_set.questions if q.id == attempt.base_question_id), None)
        if found is not None:
            question = (
                found
                if not attempt.is_follow_up
                else found.model_copy(
                    update={"id": attempt.question_id, "text": attempt.question_text,
                            "follow_ups": (), "kind": found.question_kind}
                )
            )  # fmt: skip
    return question, question_set


def _earlier(store: Store, attempt: Attempt) -> str | None:
    """For a follow-up, the answer it digs into: judged together, as in practice."""
    if not attempt.is_follow_up:
        return None
    before = [
        a
        for a in store.attempts(attempt.session_id)
        if a.id < attempt.id and a.question_id == attempt.base_question_id and a.transcript
    ]
    return before[-1].transcript if before else None
