"""Errors a user can cause or fix: each carries a message fit to show as it is.

Anything derived from :class:`VoiceCoachError` is shown to the user as one line
(CLI: on stderr with a non-zero exit; TUI: a notice). Anything else is a bug.
"""

from pathlib import Path


class VoiceCoachError(Exception):
    """A problem the user can understand and act on; ``str(error)`` is the message."""


class MicrophoneError(VoiceCoachError):
    """No input device, or it could not be opened or failed while recording."""


class PlaybackError(VoiceCoachError):
    """No output device, or playback failed."""


class VoiceError(VoiceCoachError):
    """The text-to-speech engine is missing or failed."""


class ModelError(VoiceCoachError):
    """The speech model is missing, unreadable, or could not be downloaded."""


class AudioFileError(VoiceCoachError):
    """An audio file that cannot be read."""


class QuestionSetError(VoiceCoachError):
    """A question set that is missing or malformed."""


class ConfigError(VoiceCoachError):
    """A configuration value that is not valid."""


class StoreError(VoiceCoachError):
    """The sessions database cannot be read or written."""


class CorruptDatabase(StoreError):
    """The sessions database is damaged or not a database: the UI can offer to set it aside."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path
