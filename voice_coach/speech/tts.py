"""The interviewer's voice: pyttsx3 renders each question to a WAV, played by us.

pyttsx3 engines are not thread-safe and ``runAndWait`` blocks, so one thread
owns the engine for the life of the process and takes requests from a queue.
Rendering to a file (cached by text, voice and rate) lets the next question be
prepared ahead and lets playback be interrupted.
"""

from __future__ import annotations

import hashlib
import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from voice_coach import locations
from voice_coach.audio.playback import play_file
from voice_coach.errors import VoiceError


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...] = ()


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
            engine: Any = pyttsx3.init()
            _silence_driver_prints()
            default_voice = engine.getProperty("voice")
            voices = [
                VoiceInfo(str(v.id), str(v.name), _languages(v))
                for v in engine.getProperty("voices") or []
            ]
        except Exception as exc:
            error = VoiceError(
                f"no text-to-speech engine ({_first_line(exc)}); install espeak-ng "
                "(scripts/run does). Questions are shown as text meanwhile."
            )
            self._fail_forever(error)
        self._ready.set_result(voices)
        while True:
            text, voice, rate, path, future = self._requests.get()
            try:
                # The engine keeps the last voice set: name one every time.
                engine.setProperty("voice", voice or default_voice)
                engine.setProperty("rate", rate)
                tmp = path.with_suffix(".part.wav")
                tmp.unlink(missing_ok=True)
                engine.save_to_file(text, str(tmp))
                engine.runAndWait()
                _wait_for_file(tmp)
                tmp.replace(path)
                future.set_result(path)
            except VoiceError as exc:
                future.set_exception(exc)
            except Exception as exc:
                future.set_exception(VoiceError(f"speech synthesis failed ({_first_line(exc)})"))


def list_voices(timeout: float = 15.0) -> list[VoiceInfo]:
    """The installed voices, as the engine thread found them when it started.

    Asked of the one engine thread (pyttsx3 engines must not be shared), so the
    call waits for it to start; run it off the UI thread. Raises
    :class:`VoiceError` when there is no engine or it does not answer in time.
    """
    try:
        return _Engine.get().voices(timeout)
    except TimeoutError:
        raise VoiceError("the text-to-speech engine did not answer") from None


class Voice:
    """An interviewer's voice: a pyttsx3 voice id (or None for the default) and a rate."""

    def __init__(
        self,
        voice: str | None = None,
        rate: int = 165,
        output_device: int | str | None = None,
    ) -> None:
        self.voice = voice
        self.rate = rate
        self.output_device = output_device

    def with_voice(self, voice: str | None) -> Voice:
        """The same rate and device with another voice (a panel member's)."""
        return Voice(voice or self.voice, self.rate, self.output_device)

    def voices(self) -> list[VoiceInfo]:
        """Installed voices; raises :class:`VoiceError` when there is no engine."""
        return _Engine.get().voices()

    def _path(self, text: str) -> Path:
        key = hashlib.sha256(f"{self.voice}|{self.rate}|{text}".encode()).hexdigest()[:24]
        folder = locations.cache_dir() / "speech"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{key}.wav"

    def prepare(self, text: str) -> Future[Path]:
        """Start rendering ``text`` (or find it cached) without waiting."""
        path = self._path(text)
        if path.exists() and path.stat().st_size > 44:
            done: Future[Path] = Future()
            done.set_result(path)
            return done
        return _Engine.get().render(text, self.voice, self.rate, path)

    def synthesize(self, text: str, timeout: float = 30.0) -> Path:
        try:
            return self.prepare(text).result(timeout=timeout)
        except TimeoutError:
            raise VoiceError("the text-to-speech engine did not answer") from None

    def speak(self, text: str, stop: threading.Event | None = None) -> None:
        """Say ``text``; returns when done or when ``stop`` is set."""
        play_file(self.synthesize(text), device=self.output_device, stop=stop)


RENDER_TIMEOUT_S = 15.0


def _wait_for_file(path: Path) -> None:
    """Wait until the driver has written the WAV.

    pyttsx3's espeak driver can return from ``runAndWait`` before espeak's
    asynchronous callback has written the file (seen under CPU load), so the
    file is awaited: present, more than a header, and no longer growing.
    """
    deadline = time.monotonic() + RENDER_TIMEOUT_S
    last = -1
    while time.monotonic() < deadline:
        size = path.stat().st_size if path.exists() else -1
        if size > 44 and size == last:  # 44 bytes: a WAV header alone
            return
        last = size
        time.sleep(0.05)
    raise VoiceError("the text-to-speech engine produced no audio")


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


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
