"""Test helpers: WER, rendering widget content to text, feeding the virtual mic."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import jiwer
from rich.console import Console

_NUMBERS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}


def normalise(text: str) -> str:
    text = text.lower().replace("-", " ")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    words = [_NUMBERS.get(w, w) for w in text.split()]
    # British/American spellings and compounds the model may render either way.
    joined = " ".join(words)
    return joined.replace("draughty", "drafty").replace("school rooms", "schoolrooms")


def wer(reference: str, hypothesis: str) -> float:
    return float(jiwer.wer(normalise(reference), normalise(hypothesis) or "<empty>"))


def rendered_text(content: object, width: int = 200) -> str:
    console = Console(record=True, width=width, color_system=None)
    console.print(content)
    return console.export_text()


def play_into_mic(path: Path) -> subprocess.Popen[bytes]:
    """'Speak' a recording into the virtual microphone."""
    return subprocess.Popen(["paplay", "--device=micfeed", str(path)])


def record_speaker(path: Path) -> subprocess.Popen[bytes]:
    """Capture whatever the app plays to the virtual speaker."""
    return subprocess.Popen(
        ["parecord", "--device=speaker.monitor", "--file-format=wav", "--channels=1", str(path)]
    )
