"""What every screen works with, handed to it: no screen reaches into the app for it.

Screens used to ask the running app for its store, transcriber and voice, which tied
each screen to the app class (an import circle) and made a screen untestable without
the whole app. Now the app builds one :class:`Services` and gives it to each screen; a
test gives a screen its own, under a bare app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Generic, TypeVar, overload

from voice_coach.store import Store

if TYPE_CHECKING:
    from voice_coach.config import Settings
    from voice_coach.speech.stt import Transcriber
    from voice_coach.speech.tts import Voice

T = TypeVar("T")


class _BuiltOnFirstUse(Generic[T]):
    """A field that is either given, or (given None) built from the services when first read.

    The transcriber and the voice bring numpy and the speech engines with their modules,
    a good part of a second to import; the home screen needs neither, so an app that is
    given none builds them in the background after its first frame (or wherever one is
    first read). A dataclass field, so ``dataclasses.replace`` and the constructor work
    as they do for the other fields; the build runs once, under a lock, as a worker and
    the UI thread may both reach for it.
    """

    def __init__(self, build: Callable[[Services], T]) -> None:
        self._build = build
        self._slot = ""
        self._lock = threading.Lock()
        """One per field: the voice is not kept waiting while the transcriber's imports run."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = f"_built_{name}"

    @overload
    def __get__(self, services: None, owner: type | None = None) -> _BuiltOnFirstUse[T]: ...
    @overload
    def __get__(self, services: Services, owner: type | None = None) -> T: ...
    def __get__(
        self, services: Services | None, owner: type | None = None
    ) -> T | _BuiltOnFirstUse[T]:
        if services is None:
            # Read by @dataclass for a default: there is none, the field must be passed.
            raise AttributeError(self._slot)
        value: T | None = services.__dict__.get(self._slot)
        if value is None:
            with self._lock:
                value = services.__dict__.get(self._slot)
                if value is None:
                    value = self._build(services)
                    services.__dict__[self._slot] = value
        return value

    def __set__(self, services: Services, value: T | None) -> None:
        services.__dict__[self._slot] = value

    def built(self, services: Services) -> bool:
        """Whether the value is there already: given, or built by an earlier read."""
        return services.__dict__.get(self._slot) is not None


def _transcriber(services: Services) -> Transcriber:
    from voice_coach.speech.stt import Transcriber

    return Transcriber(services.settings.model)


def _voice(services: Services) -> Voice:
    return _voice_of(services.settings)


def _voice_of(settings: Settings) -> Voice:
    from voice_coach.speech.tts import Voice

    return Voice(settings.voice, settings.speech_rate, settings.output_device)


def _settings(services: Services) -> Settings:
    if services.read_settings is not None:
        return services.read_settings()
    from voice_coach.config import Settings

    return Settings()


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
    transcriber: _BuiltOnFirstUse[Transcriber] = _BuiltOnFirstUse(_transcriber)
    """None when constructing: the settings' model, built when first used."""
    voice: _BuiltOnFirstUse[Voice] = _BuiltOnFirstUse(_voice)
    """None when constructing: the settings' voice, rate and device, built when first used."""
    settings: _BuiltOnFirstUse[Settings] = _BuiltOnFirstUse(_settings)
    """None when constructing: ``read_settings()`` (the defaults without it), when first used.

    The app is given a way to read the settings rather than the settings: validating them
    brings pydantic, and the home screen is drawn before it is imported."""
    typed: bool = False
    """Answers are typed (--typed): no microphone is opened."""
    status: RunStatus = field(default_factory=RunStatus)
    read_settings: Callable[[], Settings] | None = None
    """How the settings are read when none are given (see :attr:`settings`)."""

    @property
    def settings_read(self) -> bool:
        """Whether the settings are known yet (given, or read by an earlier use)."""
        slot: _BuiltOnFirstUse[Settings] = vars(Services)["settings"]
        return slot.built(self)

    def with_settings(self, settings: Settings) -> Services:
        """The same services under changed settings (the settings screen saved them), with
        a voice that speaks at their rate on their device. The speech model stays: a model
        change applies at the next start."""
        return replace(self, settings=settings, voice=_voice_of(settings))
