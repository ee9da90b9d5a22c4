"""Recovering answers cut short by a crash: the audio on disk is the answer.

An attempt still marked "recording" at start-up was interrupted (a crash, a
SIGKILL, a power cut). Its FLAC file lacks a finished header, which libsndfile
refuses but PyAV reads; it is rewritten as a proper file, transcribed and
scored, and marked "recovered", so nothing the user said is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

import soundfile

from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import read_audio
from voice_coach.errors import VoiceCoachError
from voice_coach.practice import score_attempt
from voice_coach.questions import Question, QuestionSet, load_question_set
from voice_coach.speech.stt import Transcriber, Transcript
from voice_coach.store import AttemptRow, Store


@dataclass(frozen=True)
class Recovered:
    attempt_id: int
    duration_s: float
    transcript: str
    error: str | None = None


def recover_interrupted(store: Store, transcriber: Transcriber | None) -> list[Recovered]:
    """Recover every interrupted attempt; without a transcriber, keep the audio only."""
    done: list[Recovered] = []
    for attempt in store.interrupted():
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
            done.append(Recovered(attempt.id, 0.0, "", str(exc)))
            continue
        # Rewrite with a finished header, so any player (and soundfile) opens it.
        tmp = path.with_suffix(".recovered.flac")
        soundfile.write(str(tmp), audio, SAMPLE_RATE, format="FLAC", subtype="PCM_16")
        tmp.replace(path)
        duration = len(audio) / SAMPLE_RATE
        transcript = Transcript((), duration)
        error = None
        if transcriber is not None:
            try:
                transcript = Transcript(tuple(transcriber.transcribe(audio)), duration)
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
        done.append(Recovered(attempt.id, duration, text, error))
    return done


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
