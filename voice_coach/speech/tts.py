"""The interviewer's voice: Piper (natural) or espeak through pyttsx3, played by us.

Piper (:mod:`voice_coach.speech.piper_voice`) is the default wherever it loads;
espeak speaks when it cannot, or when a voice id names an espeak voice.

pyttsx3 engines are not thread-safe and ``runAndWait`` blocks, so one thread
owns the engine for the life of the process and takes requests from a queue.
Rendering to a file (cached by text, voice and rate) lets the next question be
prepared ahead and lets playback be interrupted.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
import soundfile

from voice_coach import locations
from voice_coach.audio.playback import play_file
from voice_coach.errors import VoiceError, first_line
from voice_coach.speech import piper_voice
from voice_coach.speech.spoken import spoken_text
from voice_coach.speech.streaming import play_stream
from voice_coach.speech.voices import (
    DEFAULT_VOICE,
    ESPEAK,
    PIPER,
    PIPER_STYLES,
    UnknownVoice,
    VoiceSpec,
    parse_voice,
)

__all__ = ["UnknownVoice", "Voice", "VoiceInfo", "check_voice_id", "list_voices"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VoiceInfo:
    """A voice one can choose: ``id`` goes in a set's or the settings' ``voice``."""

    id: str
    name: str
    languages: tuple[str, ...] = ()
    engine: str = ESPEAK
    default: bool = False
    """The voice that speaks when none is named."""


class _Engine:
    """The one thread that owns the pyttsx3 engine."""

    _instance: _Engine | None = None
    _instance_lock = threading.Lock()

    def __init__(self) -> None:
        self._requests: queue.Queue[tuple[str, str | None, int, Path, Future[Path]]] = queue.Queue()
        self._ready: Future[list[VoiceInfo]] = Future()
        threading.Thread(target=self._run, name="voice-coach-tts", daemon=True).start()

    @classmethod
    def get(cls) -> _Engine:
        with cls._instance_lock:
            if cls._instance is None:
                cls._instance = _Engine()
            return cls._instance

    def voices(self, timeout: float | None = None) -> list[VoiceInfo]:
        return self._ready.result(timeout)

    def render(self, text: str, voice: str | None, rate: int, path: Path) -> Future[Path]:
        future: Future[Path] = Future()
        self._requests.put((text, voice, rate, path, future))
        return future

    def _fail_forever(self, error: VoiceError) -> NoReturn:
        """No engine: every request, now and later, gets the same clear error."""
        self._ready.set_exception(error)
        while True:
            *_, future = self._requests.get()
            future.set_exception(error)

    def _run(self) -> None:
        try:
            import pyttsx3
        except ImportError:
            self._fail_forever(
                VoiceError(
                    "no text-to-speech engine: pyttsx3 is not installed; reinstall voice-coach "
                    "(scripts/run does). Questions are shown as text meanwhile."
                )
            )
        try:
            renderer = _Renderer(pyttsx3.init)
            voices = renderer.voices()
        except Exception as exc:
            error = VoiceError(
                f"no text-to-speech engine ({first_line(exc)}); install espeak-ng "
                "(scripts/run does). Questions are shown as text meanwhile."
            )
            self._fail_forever(error)
        self._ready.set_result(voices)
        while True:
            text, voice, rate, path, future = self._requests.get()
            try:
                future.set_result(renderer.render(text, voice, rate, path))
            except VoiceError as exc:
                future.set_exception(exc)
            except Exception as exc:
                future.set_exception(VoiceError(f"speech synthesis failed ({first_line(exc)})"))


RENDER_ATTEMPTS = 3
"""Tries per question before giving up: a lost render is rare, two in a row rarer still."""

ATTEMPT_TIMEOUT_S = 8.0
"""Longest wait for one try's WAV. With espeak a lost render is noticed as soon as espeak
is idle, long before this; it bounds a hung engine or a driver that cannot say."""

IDLE_WAIT_S = 2.0
"""Longest wait for espeak to be idle before a render starts (see ``_Renderer``)."""

IDLE_GRACE_S = 0.5
"""How long espeak must have been idle, with no WAV written, before a try counts as lost.
Not zero: espeak reports busy only once its thread has picked the utterance up, which
under CPU load can take a moment after ``runAndWait`` returns."""

POLL_S = 0.02

WAV_HEADER_BYTES = 44
"""A WAV header alone: a file no bigger holds no audio."""


class _Renderer:
    """Renders text to a WAV file with one pyttsx3 engine, and retries when no audio comes.

    pyttsx3's espeak driver now and then writes no file at all. espeak works on its
    own thread (setting the voice and rate are queued there too), and pyttsx3's
    ``runAndWait`` cancels whatever espeak is busy with as it ends its loop; under
    CPU load that cancel can land as the new utterance starts and silently take it
    with it. A user meets that as a question that is never spoken, so: before each
    render we wait (briefly) for espeak to be idle, which avoids the cancel; and a
    render that still yields no audio, or fails, is tried again with a freshly made
    engine (the old one may hold the lost utterance's state, and pyttsx3 leaves an
    engine whose ``runAndWait`` raised unable to run again), up to ``attempts``
    times, before it becomes a :class:`VoiceError`.

    ``new_engine`` makes an engine (``pyttsx3.init``); ``busy`` says whether the
    engine is still synthesising, or None when it cannot tell. Both are parameters
    so the retry logic can be tested with a fake engine.
    """

    def __init__(
        self,
        new_engine: Callable[[], Any],
        *,
        busy: Callable[[], bool | None] | None = None,
        attempts: int = RENDER_ATTEMPTS,
        attempt_timeout_s: float = ATTEMPT_TIMEOUT_S,
    ) -> None:
        self._new_engine = new_engine
        self._busy = busy or _espeak_busy
        self.attempts = attempts
        self.attempt_timeout_s = attempt_timeout_s
        self.engine: Any = self._make_engine()
        self.default_voice: str | None = self.engine.getProperty("voice")

    def voices(self) -> list[VoiceInfo]:
        return [
            VoiceInfo(str(v.id), str(v.name), _languages(v))
            for v in self.engine.getProperty("voices") or []
        ]

    def render(self, text: str, voice: str | None, rate: int, path: Path) -> Path:
        """Write ``text`` spoken to ``path``; raises :class:`VoiceError` after the last try."""
        tmp = path.with_suffix(".part.wav")
        problem = "no audio was written"
        tried = 0
        for attempt in range(self.attempts):
            if attempt or self.engine is None:
                try:
                    self._reinit()
                except Exception as exc:
                    problem = f"the engine could not be restarted: {first_line(exc)}"
                    break
            tmp.unlink(missing_ok=True)
            tried += 1
            try:
                # The engine keeps the last voice set: name one every time.
                self.engine.setProperty("voice", voice or self.default_voice)
                self.engine.setProperty("rate", rate)
                # espeak applies those on its own thread; pyttsx3 cancels whatever espeak
                # is doing when runAndWait starts, and such a cancel can take the new
                # utterance with it. Let espeak finish first.
                self._wait_until_idle(IDLE_WAIT_S)
                self.engine.save_to_file(text, str(tmp))
                self.engine.runAndWait()
            except Exception as exc:
                problem = first_line(exc)
                continue
            if self._wait_for_audio(tmp):
                tmp.chmod(0o600)  # espeak writes with the umask's mode; a cache is private too
                tmp.replace(path)
                return path
            problem = "no audio was written"
        tmp.unlink(missing_ok=True)
        tries = "once" if tried == 1 else f"{tried} times"
        raise VoiceError(f"the text-to-speech engine produced no audio (tried {tries}; {problem})")

    def _make_engine(self) -> Any:
        engine = self._new_engine()
        _silence_driver_prints()
        return engine

    def _reinit(self) -> None:
        """Replace the engine with a new one.

        The old engine is collected *before* the new one is made: pyttsx3's espeak
        driver unregisters espeak's one, process-wide callback when it is destroyed,
        so an old engine collected later would deafen the new one for good.
        (``pyttsx3.init`` also hands back a cached engine while the old one lives.)
        """
        old, self.engine = self.engine, None
        if old is not None:
            with contextlib.suppress(Exception):
                old.stop()
        # Never swap espeak's callback while espeak may be calling it.
        self._wait_until_idle(IDLE_WAIT_S)
        del old
        gc.collect()
        self.engine = self._make_engine()

    def _wait_until_idle(self, limit_s: float) -> None:
        deadline = time.monotonic() + limit_s
        while self._busy() and time.monotonic() < deadline:
            time.sleep(POLL_S)

    def _wait_for_audio(self, path: Path) -> bool:
        """Whether the driver wrote a WAV with audio in it to ``path``.

        The espeak driver can return from ``runAndWait`` before espeak's callback has
        written the file, so it is awaited: more than a header and no longer growing.
        The try is lost once the engine has been idle for a moment with no file
        (espeak writes it before it goes idle), or after ``attempt_timeout_s``.
        """
        deadline = time.monotonic() + self.attempt_timeout_s
        last = -1
        idle_since: float | None = None
        while True:
            size = path.stat().st_size if path.exists() else -1
            if size > WAV_HEADER_BYTES and size == last:
                return True
            now = time.monotonic()
            if now > deadline:
                return False
            if self._busy() is False and size <= WAV_HEADER_BYTES:
                idle_since = now if idle_since is None else idle_since
                if now - idle_since >= IDLE_GRACE_S:
                    return False
            else:
                idle_since = None
            last = size
            time.sleep(POLL_S)


def espeak_voices(timeout: float = 15.0) -> list[VoiceInfo]:
    """The installed espeak voices, as the engine thread found them when it started.

    Asked of the one engine thread (pyttsx3 engines must not be shared), so the
    call waits for it to start; run it off the UI thread. Raises
    :class:`VoiceError` when there is no engine or it does not answer in time.
    """
    try:
        return _Engine.get().voices(timeout)
    except TimeoutError:
        raise VoiceError("the text-to-speech engine did not answer") from None


def piper_voices() -> list[VoiceInfo]:
    """The Piper styles, when Piper and its voice load here; else none."""
    if not piper_voice.available():
        return []
    return [
        VoiceInfo(
            f"{PIPER}:{style.name}",
            f"Piper {style.name} ({style.description})",
            ("en-us",),
            engine=PIPER,
            default=f"{PIPER}:{style.name}" == DEFAULT_VOICE,
        )
        for style in PIPER_STYLES.values()
    ]


def list_voices(timeout: float = 15.0) -> list[VoiceInfo]:
    """Every voice: Piper's styles (the default first) then espeak's.

    espeak voices keep their bare ids (``gmw/en``), the form configs already hold;
    ``espeak:gmw/en`` names the same voice. Raises :class:`VoiceError` only when
    neither engine runs; with Piper missing none is marked default: espeak's own speaks.
    """
    found = piper_voices()
    try:
        espeak = espeak_voices(timeout)
    except VoiceError:
        if not found:
            raise
        espeak = []
    return found + espeak


def check_voice_id(voice: str | None) -> None:
    """Raise :class:`UnknownVoice` unless ``voice`` names a voice that can speak here.

    A Piper style needs only to exist (espeak stands in when Piper cannot run); an
    espeak id must be installed, as pyttsx3 would otherwise speak with its default
    and the mistake would go unheard.
    """
    spec = parse_voice(voice)
    if spec.engine != ESPEAK or spec.espeak_id is None:
        return
    installed = {v.id for v in espeak_voices()}
    if spec.espeak_id not in installed:
        raise UnknownVoice(
            f"no voice {voice!r} is installed; voice-coach voices lists the voices"
        )


_notice_lock = threading.Lock()
_notice_given = False


def fallback_notice(reason: str) -> str | None:
    """The one-line notice that espeak speaks because Piper cannot, the first time only.

    A panel asks many questions with many voices: the user needs to hear once why the
    voice is robotic, not once per question. Logged too, for the log file.
    """
    global _notice_given
    with _notice_lock:
        if _notice_given:
            return None
        _notice_given = True
    message = f"the natural voice is unavailable ({reason}); espeak speaks instead"
    _log.warning(message)
    return message


class Voice:
    """An interviewer's voice: a voice id (None for the default) and a rate.

    The id picks the engine (:mod:`voice_coach.speech.voices`): Piper when it names a
    Piper style or nothing, espeak for an espeak id. When Piper cannot run, espeak
    speaks instead (a Piper style's chosen espeak voice), and :attr:`notice` says
    why, once per process. Renders are cached on disk by engine, voice, rate and text.
    """

    def __init__(
        self,
        voice: str | None = None,
        rate: int = 165,
        output_device: int | str | None = None,
    ) -> None:
        self.voice = voice
        self.rate = rate
        self.output_device = output_device
        self.notice: str | None = None
        """Why this voice fell back to espeak, the first time any voice did; else None."""

    def with_voice(self, voice: str | None) -> Voice:
        """The same rate and device with another voice (a panel member's)."""
        return Voice(voice or self.voice, self.rate, self.output_device)

    def voices(self) -> list[VoiceInfo]:
        """Installed voices; raises :class:`VoiceError` when there is no engine."""
        return list_voices()

    @property
    def spec(self) -> VoiceSpec:
        """The engine and voice that will speak, after any fallback to espeak.

        Raises :class:`UnknownVoice` for a Piper style that does not exist.
        """
        spec = parse_voice(self.voice)
        if spec.engine != PIPER:
            return spec
        try:
            piper_voice.model()
        except piper_voice.PiperUnavailable as exc:
            notice = fallback_notice(str(exc))
            if notice:
                self.notice = notice
            return spec.fallback
        return spec

    def _path(self, spec: VoiceSpec, text: str) -> Path:
        key = f"{CACHE_VERSION}|{spec.engine}|{spec.id}|{self.rate}|{text}"
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        folder = locations.cache_dir() / "speech"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder / f"{digest}.wav"

    def prepare(self, text: str) -> Future[Path]:
        """Start rendering ``text`` (or find it cached) without waiting.

        The text is cleaned (:func:`spoken_text`) first, so a mark or an aside is never
        said; raises :class:`VoiceError` when nothing sayable is left.
        """
        text = _sayable(text)
        spec = self.spec
        path = self._path(spec, text)
        if _cached(path):
            done: Future[Path] = Future()
            done.set_result(path)
            return done
        if spec.engine == PIPER:
            return _piper_render(text, spec, self.rate, path)
        return _Engine.get().render(text, spec.espeak_id, self.rate, path)

    def synthesize(self, text: str, timeout: float = 30.0) -> Path:
        try:
            return self.prepare(text).result(timeout=timeout)
        except TimeoutError:
            raise VoiceError("the text-to-speech engine did not answer") from None

    def speak(self, text: str, stop: threading.Event | None = None) -> None:
        """Say ``text``; returns when done or when ``stop`` is set.

        A cached or already-preparing render is played whole; otherwise Piper speaks
        sentence by sentence as it renders, so the first words come at once, and the
        whole is cached afterwards.
        """
        text = spoken_text(text)  # as prepare() cleans it: the same cache entry
        if not text:
            return  # nothing sayable (only marks): silence, not an error mid-session
        spec = self.spec
        path = self._path(spec, text)
        with _piper_lock:
            preparing = _piper_pending.get(path)
        if spec.engine != PIPER or _cached(path) or preparing is not None:
            play_file(self.synthesize(text), device=self.output_device, stop=stop)
            return
        assert spec.piper is not None
        heard: list[np.ndarray] = []
        play_stream(
            _with_pauses(piper_voice.model().sentences(text, spec.piper, self.rate)),
            piper_voice.SAMPLE_RATE,
            device=self.output_device,
            stop=stop,
            on_chunk=heard.append,
        )
        if not (stop and stop.is_set()) and heard:
            _write_wav(path, np.concatenate(heard))


CACHE_VERSION = 2
"""In every cache key: bump it when rendering changes (levelling, styles), so old WAVs
are not played in place of the new sound."""

SENTENCE_PAUSE_S = 0.25
"""Silence between sentences in a cached WAV, as Piper puts none: a breath, not a gap."""

_piper_lock = threading.Lock()
_piper_pending: dict[Path, Future[Path]] = {}
_piper_worker: ThreadPoolExecutor | None = None


def _piper_render(text: str, spec: VoiceSpec, rate: int, path: Path) -> Future[Path]:
    """Render ``text`` to ``path`` on the one background Piper thread (the next question,
    prepared while the user answers); a second request for the same file shares the first."""
    global _piper_worker
    with _piper_lock:
        pending = _piper_pending.get(path)
        if pending is not None:
            return pending
        if _piper_worker is None:
            _piper_worker = ThreadPoolExecutor(1, thread_name_prefix="voice-coach-piper")
        assert spec.piper is not None
        style = spec.piper

        def render() -> Path:
            try:
                sentences = piper_voice.model().sentences(text, style, rate)
                parts = [np.zeros(0, np.float32), *_with_pauses(sentences)]
                _write_wav(path, np.concatenate(parts))
                return path
            finally:
                with _piper_lock:
                    _piper_pending.pop(path, None)

        future = _piper_worker.submit(render)
        _piper_pending[path] = future
        return future


def _with_pauses(sentences: Iterator[np.ndarray]) -> Iterator[np.ndarray]:
    """The sentences with a breath between them, the same whether played as they come or
    written whole, so a question sounds (and lasts) the same from the cache."""
    pause = np.zeros(int(piper_voice.SAMPLE_RATE * SENTENCE_PAUSE_S), dtype=np.float32)
    for i, audio in enumerate(sentences):
        if i:
            yield pause
        yield audio


def _write_wav(path: Path, audio: np.ndarray) -> None:
    """Write atomically and privately: a half-written WAV must never be played from the cache."""
    if audio.size == 0:
        raise VoiceError("Piper produced no audio")
    tmp = path.with_suffix(".part.wav")
    soundfile.write(str(tmp), audio, piper_voice.SAMPLE_RATE, subtype="PCM_16")
    tmp.chmod(0o600)
    tmp.replace(path)


def _sayable(text: str) -> str:
    said = spoken_text(text)
    if not said:
        raise VoiceError("nothing to say: the text holds no words to speak")
    return said


def _cached(path: Path) -> bool:
    return path.exists() and path.stat().st_size > WAV_HEADER_BYTES


def _espeak_busy() -> bool | None:
    """Whether espeak is still synthesising (its async thread has work), or None when the
    engine is not espeak's or cannot say. Looked up, not imported: only the espeak driver
    loads this module, and only after ``pyttsx3.init``."""
    espeak = sys.modules.get("pyttsx3.drivers._espeak")
    if espeak is None:
        return None
    try:
        return bool(espeak.IsPlaying())
    except Exception:
        return None


def _silence_driver_prints() -> None:
    """The espeak driver print()s "Audio saved to ..." to stdout, which garbles a TUI
    and pollutes CLI output; a module-level ``print`` shadows the builtin for it alone."""
    import sys

    driver = sys.modules.get("pyttsx3.drivers.espeak")
    if driver is not None:
        driver.print = lambda *args, **kwargs: None  # type: ignore[attr-defined]


def _languages(voice: Any) -> tuple[str, ...]:
    """pyttsx3 drivers give str or bytes (with a leading priority byte, on espeak's C API)."""
    found: list[str] = []
    for lang in getattr(voice, "languages", None) or []:
        text = lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang)
        text = "".join(ch for ch in text if ch.isprintable()).strip()
        if text:
            found.append(text)
    return tuple(found)

