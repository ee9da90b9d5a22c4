"""Messages from worker threads to the UI, past tense, small, replaceable when frequent."""

from __future__ import annotations

from textual.message import Message

from voice_coach.live import LiveStatus
from voice_coach.practice import Attempt
from voice_coach.speech.stt import TranscriptSegment


class ModelLoaded(Message):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class ModelFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class QuestionSpoken(Message):
    """The question finished playing (or could not be spoken: ``error``)."""

    def __init__(self, error: str | None = None) -> None:
        super().__init__()
        self.error = error


class ListeningStarted(Message):
    def __init__(self, device: str) -> None:
        super().__init__()
        self.device = device


class StatusUpdated(Message):
    """About ten a second while recording; a newer one replaces an unhandled older one."""

    def __init__(self, status: LiveStatus) -> None:
        super().__init__()
        self.status = status

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, StatusUpdated)


class TranscriptUpdated(Message):
    def __init__(self, segments: tuple[TranscriptSegment, ...]) -> None:
        super().__init__()
        self.segments = segments

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TranscriptUpdated)


class AnswerEnded(Message):
    """Recording is over; transcription of the last piece and scoring follow."""


class AnswerScored(Message):
    def __init__(self, attempt: Attempt) -> None:
        super().__init__()
        self.attempt = attempt


class RecordingStopped(Message):
    """The answer's file could not be written (a full disk): ``text`` says what happened,
    that what was recorded is kept, and what to do."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class MicrophoneUnavailable(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class AnswerFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error
