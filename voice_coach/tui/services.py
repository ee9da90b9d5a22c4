"""What every screen works with, handed to it: no screen reaches into the app for it.

Screens used to ask the running app for its store, transcriber and voice, which tied
each screen to the app class (an import circle) and made a screen untestable without
the whole app. Now the app builds one :class:`Services` and gives it to each screen; a
test gives a screen its own, under a bare app.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from voice_coach.config import Settings
from voice_coach.speech.stt import Transcriber
from voice_coach.speech.tts import Voice
from voice_coach.store import Store


@dataclass
class RunStatus:
    """What this run found out as it went (shared by every screen, changed on the UI thread)."""

    model_status: str = ""
    model_error: str | None = None
    voice_error: str | None = None
    """Set once the voice failed: questions are then shown, not spoken."""


@dataclass(frozen=True)
class Services:
    store: Store
    transcriber: Transcriber
    voice: Voice
    settings: Settings
    typed: bool = False
    """Answers are typed (--typed): no microphone is opened."""
    status: RunStatus = field(default_factory=RunStatus)

    def with_settings(self, settings: Settings) -> Services:
        """The same services under changed settings (the settings screen saved them), with
        a voice that speaks at their rate on their device. The speech model stays: a model
        change applies at the next start."""
        return replace(
            self,
            settings=settings,
            voice=Voice(settings.voice, settings.speech_rate, settings.output_device),
        )
