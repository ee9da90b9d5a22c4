"""``voice-coach doctor``: is this machine ready for a practice session?

Each check looks at one part (PortAudio, microphone, speaker, voice, speech
model, data directory, disk) and says what it found and how to fix it. A check
runs in its own thread with a time limit and every exception is caught, so one
broken or hanging part never hides what is wrong with the others.

Essential checks are the ones practice cannot do without; any of them failing
makes the command exit 1. The others only degrade the experience (questions
shown as text, no playback), so they never change the exit code.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from voice_coach import locations
from voice_coach.audio import device_missing
from voice_coach.config import Settings
from voice_coach.errors import VoiceCoachError, explain, first_line

Status = Literal["ok", "warn", "fail"]

DISK_WARN_BYTES = 500 * 1024**2
"""Under 500 MB: a downloaded model (75-500 MB) may not fit, though answers still do."""
DISK_FAIL_BYTES = 50 * 1024**2
"""Under 50 MB: about ten four-minute answers (FLAC, ~4 MB each) before recordings fail."""

MIC_CHECK_S = 0.3
"""Audio to hear from the microphone: proof that it delivers, not a measurement
(``voice-coach mic-check`` measures)."""

TEST_SENTENCE = "Testing the interviewer's voice."


@dataclass(frozen=True)
class Finding:
    """What a check function returns."""

    status: Status
    detail: str
    fix: str = ""


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Settings], Finding]
    essential: bool
    timeout_s: float = 20.0


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: Status
    detail: str
    fix: str
    essential: bool

    @property
    def blocking(self) -> bool:
        """A failure practice cannot go on without."""
        return self.essential and self.status == "fail"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "detail": self.detail,
            "fix": self.fix,
            "essential": self.essential,
        }

    def line(self) -> str:
        """``ok   Microphone: default (16000 Hz)`` / ``FAIL Speech model: ... — fix: ...``."""
        label = {"ok": "ok  ", "warn": "WARN", "fail": "FAIL"}[self.status]
        fix = f" — fix: {self.fix}" if self.fix and self.status != "ok" else ""
        return f"{label} {self.name}: {self.detail}{fix}"


# ---- the checks -------------------------------------------------------------


def check_portaudio(settings: Settings) -> Finding:
    try:
        import sounddevice
    except (OSError, ImportError) as exc:  # OSError: the C library; ImportError: the package
        return Finding(
            "fail",
            f"PortAudio is not installed ({first_line(exc)})",
            "install libportaudio2 (sudo apt install libportaudio2; scripts/run does)",
        )
    version = str(sounddevice.get_portaudio_version()[1])
    return Finding("ok", version.split(",")[0])


def check_microphone(settings: Settings) -> Finding:
    from voice_coach.audio.devices import check_input

    fix = (
        "plug in a microphone, or choose one with input_device in config.toml; "
        "answers can be typed meanwhile (voice-coach --typed)"
    )
    try:
        found = check_input(settings.input_device, MIC_CHECK_S)
    except VoiceCoachError as exc:
        if "PortAudio" in str(exc):
            fix = "install libportaudio2 (sudo apt install libportaudio2; scripts/run does)"
        return Finding("fail", str(exc), fix)
    return Finding("ok", f"{found.name} ({found.rate} Hz)")


def check_speaker(settings: Settings) -> Finding:
    fix = "plug in headphones or speakers, or choose them with output_device in config.toml"
    try:
        import sounddevice as sd
    except (OSError, ImportError):
        return Finding("fail", "PortAudio is not installed", "install libportaudio2")
    try:
        info = sd.query_devices(settings.output_device, kind="output")
        rate = int(info["default_samplerate"] or 48_000)
        stream = sd.OutputStream(
            device=settings.output_device, samplerate=rate, channels=1, dtype="float32"
        )
        stream.close()
    except Exception as exc:
        missing = device_missing("speaker or headphones", settings.output_device, first_line(exc))
        return Finding("fail", missing, fix)
    return Finding("ok", f"{info['name']} ({rate} Hz)")


def check_voice(settings: Settings) -> Finding:
    from voice_coach.speech.tts import Voice

    fix = "install espeak-ng (sudo apt install espeak-ng; scripts/run does)"
    voice = Voice(settings.voice, settings.speech_rate, settings.output_device)
    try:
        voices = voice.voices()
    except VoiceCoachError as exc:
        return Finding("fail", str(exc), fix)
    if not voices:
        return Finding("fail", "the text-to-speech engine has no voices", fix)
    if settings.voice and not _listed(settings.voice, {v.id for v in voices}):
        return Finding(
            "warn",
            f"voice {settings.voice!r} is not installed ({len(voices)} voices are)",
            "choose another voice in config.toml, or remove the voice key for the default",
        )
    try:
        voice.synthesize(TEST_SENTENCE)
    except VoiceCoachError as exc:
        return Finding("fail", f"{len(voices)} voices, but speech fails: {exc}", fix)
    return Finding("ok", f"{len(voices)} voices; a test sentence renders")


def _listed(voice: str, ids: set[str]) -> bool:
    """Whether a configured voice is among those installed, however it is spelled: espeak's
    voices are listed by their bare ids, and "espeak:gmw/en" names the same one."""
    from voice_coach.speech.voices import ESPEAK, PIPER, UnknownVoice, parse_voice

    try:
        spec = parse_voice(voice)
    except UnknownVoice:
        return False
    if spec.engine == PIPER:
        return True  # a style parse_voice knows; whether Piper runs, the render below says
    bare = spec.espeak_id
    return bare is None or bare in ids or f"{ESPEAK}:{bare}" in ids


def check_model(settings: Settings) -> Finding:
    from voice_coach.speech.stt import Transcriber

    fix = (
        "pass a local model directory (--model DIR, or model in config.toml), "
        "or leave the model unset to use the bundled tiny.en"
    )
    missing = _model_needing_download(settings.model)
    if missing is not None:
        return Finding(
            "fail",
            f"speech model {settings.model!r} is not downloaded (not in {missing})",
            "connect to the internet and run voice-coach once to download it, or " + fix,
        )
    transcriber = Transcriber(settings.model)
    started = time.monotonic()
    try:
        transcriber.load()
    except VoiceCoachError as exc:
        return Finding("fail", str(exc), fix)
    return Finding("ok", f"{transcriber.name} loads in {time.monotonic() - started:.1f} s")


def _model_needing_download(spec: str | None) -> Path | None:
    """The cache folder when ``spec`` names a model that is not downloaded yet.

    The doctor checks; it does not download hundreds of megabytes as a side effect.
    """
    from voice_coach.speech.model_spec import resolve_model_spec

    try:
        name = resolve_model_spec(spec).name
    except VoiceCoachError:
        return None  # the Transcriber's load says what is wrong, in the same words
    if name is None:
        return None  # bundled, or a folder: nothing to download
    root = locations.cache_dir() / "models"
    try:
        from faster_whisper.utils import download_model

        download_model(name, cache_dir=str(root), local_files_only=True)
    except (FileNotFoundError, OSError):
        return root  # huggingface_hub: not in the local cache
    except Exception:
        return None  # not a known model name: Transcriber's own error says so
    return None


def check_data_dir(settings: Settings) -> Finding:
    fix_for = (
        "make {path} writable by you (chmod u+rwx), or set VOICE_COACH_HOME to a writable folder"
    )
    try:
        folder = locations.audio_dir()
    except OSError as exc:
        problem = explain(exc)
        return Finding("fail", f"cannot create the data directory: {problem.message}", problem.fix)
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-", delete=True) as probe:
            probe.write(b"voice-coach")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        # Worded for the folder (the probe's own name means nothing to the user); a
        # read-only disk or a full one needs another fix than permissions.
        problem = explain(OSError(exc.errno, exc.strerror, str(folder)))
        fix = fix_for.format(path=folder) if exc.errno in _PERMISSION else problem.fix
        return Finding("fail", f"cannot write in {folder}: {problem.reason}", fix)
    return Finding("ok", str(folder.parent))


_PERMISSION = (errno.EACCES, errno.EPERM)


def check_disk(settings: Settings) -> Finding:
    try:
        folder = locations.data_dir()
    except OSError:
        # The data directory check says why; the disk under it can still be measured.
        folder = _existing_ancestor(locations.roots()[0])
    free = shutil.disk_usage(folder).free
    text = f"{_size(free)} free in {folder}"
    fix = "free some disk space (or delete old sessions: voice-coach delete)"
    if free < DISK_FAIL_BYTES:
        return Finding("fail", text, fix)
    if free < DISK_WARN_BYTES:
        return Finding("warn", text, fix)
    return Finding("ok", text)


def _existing_ancestor(path: Path) -> Path:
    while not path.is_dir() and path != path.parent:
        path = path.parent
    return path


def check_settings(settings: Settings) -> Finding:
    try:
        path = locations.config_file()
    except OSError as exc:
        problem = explain(exc)
        return Finding(
            "fail",
            f"the config folder cannot be used (defaults meanwhile): {problem.message}",
            problem.fix,
        )
    if settings.warnings:
        return Finding(
            "warn",
            "; ".join(settings.warnings),
            f"edit {path}: the defaults are used for these keys meanwhile",
        )
    return Finding("ok", str(path) if path.exists() else f"defaults (no {path.name})")


CHECKS: tuple[Check, ...] = (
    Check("PortAudio", check_portaudio, essential=True, timeout_s=10),
    Check("Microphone", check_microphone, essential=True, timeout_s=15),
    Check("Speaker", check_speaker, essential=False, timeout_s=10),
    Check("Text-to-speech", check_voice, essential=False, timeout_s=30),
    Check("Speech model", check_model, essential=True, timeout_s=120),
    Check("Data directory", check_data_dir, essential=True, timeout_s=10),
    Check("Disk space", check_disk, essential=False, timeout_s=10),
    Check("Settings", check_settings, essential=False, timeout_s=5),
)


# ---- running them -----------------------------------------------------------


def run_check(check: Check, settings: Settings) -> CheckResult:
    """One check, in its own thread so a hung driver cannot hang the doctor."""
    box: list[Finding] = []

    def target() -> None:
        try:
            box.append(check.run(settings))
        except VoiceCoachError as exc:
            box.append(Finding("fail", str(exc)))
        except OSError as exc:  # a broken home or cache: say which file, and what to do
            problem = explain(exc)
            box.append(Finding("fail", problem.message, problem.fix))
        except Exception as exc:  # a bug or an unexpected driver error: report, go on
            box.append(
                Finding("fail", f"unexpected error: {type(exc).__name__}: {first_line(exc)}")
            )

    thread = threading.Thread(target=target, name=f"doctor-{check.name}", daemon=True)
    thread.start()
    thread.join(check.timeout_s)
    if box:
        finding = box[0]
    else:
        finding = Finding(
            "fail",
            f"no answer within {check.timeout_s:.0f} s",
            "the device or library is hanging: restart the sound server or the computer",
        )
    return CheckResult(check.name, finding.status, finding.detail, finding.fix, check.essential)


def run_checks(settings: Settings, checks: Iterable[Check] | None = None) -> Iterator[CheckResult]:
    """Results one at a time, in order, so a terminal shows progress; default :data:`CHECKS`."""
    for check in CHECKS if checks is None else checks:
        yield run_check(check, settings)


def exit_code(results: Iterable[CheckResult]) -> int:
    """1 when an essential check failed; warnings and optional parts never change it."""
    return 1 if any(r.blocking for r in results) else 0


def _size(n: int) -> str:
    if n >= 1024**3:
        return f"{n / 1024**3:.1f} GB"
    return f"{n / 1024**2:.0f} MB"

