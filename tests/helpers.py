"""Test helpers: WER, rendering widget content to text, feeding the virtual mic."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import jiwer
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
    """Capture whatever the app plays to the virtual speaker; returns once capturing."""
    before = _source_outputs()
    proc = subprocess.Popen(
        ["parecord", "--device=speaker.monitor", "--file-format=wav", "--channels=1", str(path)]
    )
    deadline = time.monotonic() + 5
    while _source_outputs() <= before and time.monotonic() < deadline:
        time.sleep(0.05)
    return proc


def _source_outputs() -> int:
    out = subprocess.run(
        ["pactl", "list", "short", "source-outputs"], capture_output=True, text=True, check=False
    ).stdout
    return len(out.strip().splitlines())


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
