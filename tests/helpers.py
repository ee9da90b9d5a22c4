"""Test helpers: WER, rendering widget content to text, feeding the virtual mic."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import jiwer
import numpy as np
import soundfile
from rich.console import Console

from voice_coach.speech.normalise import normalise


def wer(reference: str, hypothesis: str) -> float:
    return float(jiwer.wer(normalise(reference), normalise(hypothesis) or "<empty>"))


def content_words_heard(reference: str, heard: str) -> float:
    """Share of the reference's content words (over three letters) found in what was heard.

    For checking speech synthesis: espeak's voice through tiny.en garbles short words,
    so WER is a poor judge, but the words that carry the question come through.
    """
    wanted = {w for w in normalise(reference).split() if len(w) > 3}
    got = set(normalise(heard).split())
    return len(wanted & got) / len(wanted) if wanted else 1.0


def rendered_text(content: object, width: int = 200) -> str:
    """What a widget shows, as plain text, without the [S]/[A]/[R] evidence tags."""
    console = Console(record=True, width=width, color_system=None)
    console.print(content)
    return re.sub(r"\[[SAR]\]", "", console.export_text())


def play_into_mic(path: Path) -> subprocess.Popen[bytes]:
    """'Speak' a recording into the virtual microphone."""
    return subprocess.Popen(["paplay", "--device=micfeed", str(path)])


def record_speaker(path: Path) -> subprocess.Popen[bytes]:
    """Capture whatever the app plays to the virtual speaker; returns once capturing.

    A short latency makes parecord write as the audio comes (by default it takes
    about two seconds at a time), so ``wait_until_captured`` sees it promptly.
    """
    proc = subprocess.Popen(
        [
            "parecord",
            "--device=speaker.monitor",
            "--file-format=wav",
            "--channels=1",
            "--latency-msec=100",
            str(path),
        ]
    )
    deadline = time.monotonic() + 15
    while not _is_recording(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return proc


SOUND_LEVEL = 0.02
"""A sample this loud (of full scale) is sound, not the silence around it."""


def _samples_from_first_sound(samples: np.ndarray, rate: int) -> float:
    """Seconds of audio from the first sound to the end (0.0 when all is silence)."""
    loud = np.flatnonzero(np.abs(samples) >= SOUND_LEVEL)
    return (len(samples) - int(loud[0])) / rate if len(loud) else 0.0


def captured_so_far(path: Path) -> tuple[np.ndarray, int]:
    """What parecord has written so far: its WAV header does not give the length until it
    exits, so the samples are read from after the "data" chunk's header."""
    raw = path.read_bytes() if path.exists() else b""
    start = raw.find(b"data", 12, 200)
    if len(raw) < 44 or start < 0:
        return np.zeros(0, dtype=np.float32), 44100
    rate = int.from_bytes(raw[24:28], "little")
    body = raw[start + 8 :]
    pcm = np.frombuffer(body[: len(body) // 2 * 2], dtype="<i2")
    return pcm.astype(np.float32) / 32768.0, rate


def wait_until_captured(capture: Path, played: Path, timeout: float) -> None:
    """Wait until ``capture`` (from ``record_speaker``) holds all of ``played``.

    Both are measured from their first sound, so it does not matter how long the
    capture ran before the playback began; stopping the capture earlier would cut
    off whatever PulseAudio and parecord still had in their buffers.
    """
    audio, rate = soundfile.read(str(played), dtype="float32", always_2d=True)
    wanted = _samples_from_first_sound(audio[:, 0], rate)
    deadline = time.monotonic() + timeout
    while True:
        heard = _samples_from_first_sound(*captured_so_far(capture))
        if heard >= wanted:
            return
        if time.monotonic() > deadline:
            raise AssertionError(
                f"the speaker capture holds {heard:.2f} s of the {wanted:.2f} s played"
            )
        time.sleep(0.05)


def _is_recording(pid: int) -> bool:
    """Whether the sound server has a recording stream of process ``pid``: looked up by the
    process, since a count of all streams also moves when another test opens or closes
    the microphone meanwhile."""
    out = subprocess.run(
        ["pactl", "list", "source-outputs"], capture_output=True, text=True, check=False
    ).stdout
    return f'application.process.id = "{pid}"' in out


async def wait_for(pilot, condition, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until ``condition()`` holds; on timeout say what the screen was doing."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            screen = pilot.app.screen
            state = getattr(screen, "state", type(screen).__name__)
            notes = [n.message for n in pilot.app._notifications]
            raise AssertionError(f"timed out waiting for {what} (state: {state}; notices: {notes})")
        await pilot.pause(0.1)
