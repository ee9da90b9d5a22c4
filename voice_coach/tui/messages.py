"""Messages from worker threads to the UI, past tense, small, replaceable when frequent;
and what a screen asks of the app, so that no screen needs to know the app's class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    # For the annotations only: the app and the home screen import these messages, and
    # the live answer's modules bring numpy and the scorer, imported after the first frame.
    from voice_coach.config import Settings
    from voice_coach.live import LiveStatus
    from voice_coach.practice import Attempt
    from voice_coach.speech.interim import LiveText
    from voice_coach.speech.stt import TranscriptSegment


class SettingsRead(Message):
    """The settings file was read (after the first frame): what was wrong in it is said."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings


class ModelLoaded(Message):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class ModelFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class PracticeRequested(Message):
    """The user chose a set to practise (a set's name, or a review set's).

    The app opens it: it owns the session's services and knows what to do with a set
    that cannot be read, and the home screen stays free of the practice screen.
    """

    def __init__(self, set_name: str) -> None:
        super().__init__()
        self.set_name = set_name


class SettingsSaved(Message):
    """The settings were written to config.toml: from the next answer on, use these.

    The app rebuilds its services (a new voice at the new rate and device); screens
    opened after that get them.
    """

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings


class QuestionSpoken(Message):
    """The question finished playing (or could not be spoken: ``error``).

    ``asked`` counts the questions the screen has put: a question skipped while it was
    read ends after the next one is put, and must not start the next one's answer.
    """

    def __init__(self, error: str | None = None, asked: int = 0) -> None:
        super().__init__()
        self.error = error
        self.asked = asked


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


class LiveTextUpdated(Message):
    """The answer so far, final and provisional words (replaces an unhandled older one)."""

    def __init__(self, text: LiveText) -> None:
        super().__init__()
        self.text = text

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LiveTextUpdated | TranscriptUpdated)


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


MOCK_OPTION = ":mock-interview"
"""The home list's entry for a mock interview: no set can be named so (a set's name has
no colon), so it never collides with one."""


@dataclass(frozen=True)
class MockChoice:
    """How the user wants the interview held: in the room or on a video call, and whether
    the closing holds an offer on the spot (None: left to chance, as in life)."""

    remote: bool = False
    offer: bool | None = None
    seed: int | None = None
    """The same number gives the same interview again."""


class MockRequested(Message):
    """The user asked for a mock interview (from the home screen); the app opens it."""

    def __init__(self, choice: MockChoice | None = None) -> None:
        super().__init__()
        self.choice = choice or MockChoice()
