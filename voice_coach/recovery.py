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
from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import read_audio
from voice_coach.audio.recorder import Recorder, RecordingWriteError
from voice_coach.errors import StoreError, VoiceCoachError
from voice_coach.practice import score_attempt
from voice_coach.questions import Question, QuestionSet, load_question_set
from voice_coach.speech.stt import Transcriber, Transcript
from voice_coach.store import AttemptRow, Store

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
    store: Store, attempt: AttemptRow, transcriber: Transcriber | None
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


def _kept(attempt: AttemptRow, why: str) -> str:
    return (
        f"answer {attempt.id} could not be recovered yet ({why}); its recording is kept as "
        "it was and is recovered at the next start once the disk has room"
    )


def _recover(store: Store, attempt: AttemptRow, transcriber: Transcriber | None) -> Recovered:
    path = attempt.audio_path
    try:
        if path is None or not path.exists() or path.stat().st_size == 0:
            raise VoiceCoachError("no audio was written before the interruption")
        audio = read_audio(path)
    except VoiceCoachError as exc:
        store.complete_attempt(
            attempt.id,
            status="interrupted",
            transcript="",
            transcript_json=None,
            score=None,
            concrete_example=None,
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
    if text:
        question, question_set = _question_of(store, attempt)
        score, _ = score_attempt(
            question,
            text,
            question_set=question_set,
            words=transcript.words,
            duration_s=duration,
        )
    try:
        store.complete_attempt(
            attempt.id,
            status="recovered",
            transcript=text,
            transcript_json=transcript.to_dict(),
            score=score.to_dict() if score else None,
            concrete_example=score.meets if score else None,
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


def _question_of(store: Store, attempt: AttemptRow) -> tuple[Question, QuestionSet | None]:
    """The question a recovered answer was given to, so it is judged as that question needs.

    From its set when the set still has it; else rebuilt from the saved words (its kind
    then read from them), so a reply to an offer is never judged as a story.
    """
    base_id = attempt.question_id.split("#", 1)[0]
    session = store.session(attempt.session_id)
    if session is not None:
        try:
            question_set = load_question_set(session.set_name)
        except VoiceCoachError:
            question_set = None
        if question_set is not None:
            for question in question_set.questions:
                if question.id == base_id:
                    if attempt.question_id != base_id:  # a follow-up: its words, the same needs
                        question = question.model_copy(
                            update={"text": attempt.question_text, "kind": question.question_kind}
                        )
                    return question, question_set
    return Question(id=base_id or "recovered", text=attempt.question_text or "(unknown)"), None
