"""Shared fixtures: every test gets its own VOICE_COACH_HOME, never the developer's."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))
SPEECH = SHARED / "speech"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


AUDIO_DEVICES = "audio-devices"
"""The xdist group of every test on the one virtual microphone and speaker."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run in parallel (scripts/test: ``-n 2 --dist loadgroup``), the tests that play into
    the virtual microphone or listen to the virtual speaker still go one after another, on
    one worker: two at once would hear each other. They wait on real-time audio, so the
    other worker meanwhile runs the CPU-bound rest of the suite. First among the hooks:
    xdist reads the group marks in its own, which runs in no set order after a conftest's."""
    for item in items:
        if "virtual_audio" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group(AUDIO_DEVICES))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "vc-home"
    monkeypatch.setenv("VOICE_COACH_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def restored_umask() -> Iterator[None]:
    """The command line sets a private umask for its process; in tests that process is
    pytest, so each test gets back the umask it started with."""
    mask = os.umask(0o022)
    os.umask(mask)
    yield
    os.umask(mask)


def speech_file(name: str) -> Path:
    """A recording from ../shared/speech, or skip where that folder is absent."""
    path = SPEECH / name
    if not path.exists():
        pytest.skip(f"shared recordings not found at {SPEECH} (set SHARED_DIR)")
    return path


def speech_transcript(name: str) -> str:
    manifest = json.loads((SPEECH / "manifest.json").read_text())
    return next(item["transcript"] for item in manifest if item["file"] == name)


@pytest.fixture(scope="session")
def transcriber():  # type: ignore[no-untyped-def]
    from voice_coach.speech.stt import Transcriber

    t = Transcriber()
    t.load()
    return t


@pytest.fixture
def silent_microphone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The practice and mock screens listen to a stand-in that hears a minute of silence,
    never the machine's microphone: a test that only opens practice must not depend on the
    sound devices, nor open the virtual microphone the audio tests play into beside it."""
    import numpy as np

    from voice_coach.audio import SAMPLE_RATE
    from voice_coach.audio.capture import FileSource

    def microphone(device: object = None) -> FileSource:
        return FileSource.from_array(np.zeros(60 * SAMPLE_RATE, np.float32), realtime=True)

    monkeypatch.setattr("voice_coach.tui.practice.Microphone", microphone)
    monkeypatch.setattr("voice_coach.tui.mock.Microphone", microphone)


@pytest.fixture
def virtual_audio() -> None:
    """The virtual PulseAudio from scripts/virtual-audio; CI must have it, elsewhere skip."""
    ok = (
        shutil.which("pactl") is not None
        and subprocess.run(["pactl", "info"], capture_output=True, check=False).returncode == 0
    )
    if not ok:
        if IN_CI:
            pytest.fail("the virtual sound server is not running: run the tests with scripts/test")
        pytest.skip("no virtual sound server: run the tests with scripts/test")
    sources = subprocess.run(
        ["pactl", "list", "short", "sources"], capture_output=True, text=True, check=False
    ).stdout
    if "micfeed.monitor" not in sources or "speaker.monitor" not in sources:
        pytest.skip("the sound server is not the virtual one from scripts/virtual-audio")
