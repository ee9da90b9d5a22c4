"""'Nothing leaves your computer', checked: every connect attempt of a spoken answer,
``transcribe`` and ``score`` is recorded, and so is every file written outside the app.

Each run is a real process under ``strace -f``, with HOME pointed at an empty folder
and no telemetry switch in its environment: whatever keeps it private must come
from the app itself. What counts as an attempt: ``connect``, ``sendto``,
``sendmsg`` and ``sendmmsg`` on any socket that is not a local (AF_UNIX) one, and
any local one but the sound server's. onnxruntime's telemetry, left on, first
tries to upload about ten seconds after it loads and writes its device id at
once; the spoken answer runs longer than that after the voice detector loads,
and the folder check catches the device id in the short commands.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import IN_CI, REPO, speech_file

pytestmark = pytest.mark.integration

NETWORK_CALLS = re.compile(r"\b(connect|sendto|sendmsg|sendmmsg)\(")
NOT_LOCAL = re.compile(r"AF_INET6?\b|AF_PACKET|AF_NETLINK|<(TCP|UDP|RAW|SCTP|NETLINK)")
UNIX_PATH = re.compile(r'sun_path=(@?"[^"]*")')
JACK = "/dev/shm/jack"
"""PortAudio looks for a JACK sound server through its local socket; none runs here."""

SOUND_SERVER_CLIENT = Path(".config/pulse")
"""Written by the PulseAudio client library (libpulse), not the app: its cookie, created
when the user has none. On a desktop it is there already, shared by every program that
plays sound; in an empty HOME the first sound client makes it."""

SET_TOML = """
name = "privacy-check"
title = "Privacy check"

[[questions]]
id = "led-project"
text = "Tell me about a project you led."
"""


def strace() -> str:
    """The strace binary, if it can trace here (a container may forbid ptrace)."""
    path = shutil.which("strace")
    problem = "strace is not installed (scripts/setup test installs it)"
    if path is not None:
        probe = subprocess.run(
            [path, "-f", "-qq", "-o", os.devnull, "true"], capture_output=True, check=False
        )
        if probe.returncode == 0:
            return path
        problem = f"strace cannot trace here: {probe.stderr.decode(errors='replace').strip()}"
    if IN_CI:
        pytest.fail(problem)
    pytest.skip(problem)


def private_env(home: Path) -> dict[str, str]:
    """The environment of a user whose HOME is ``home``: no VOICE_COACH_HOME, no XDG
    folders (so the app's own default folders are used) and no telemetry switches."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k != "VOICE_COACH_HOME"
        and not k.startswith(("XDG_DATA", "XDG_CONFIG", "XDG_CACHE", "XDG_STATE", "ORT_", "HF_"))
    }
    env["HOME"] = str(home)
    env["PYTHONPATH"] = str(REPO)
    return env


def sound_server_socket() -> str | None:
    server = os.environ.get("PULSE_SERVER", "")
    return server.removeprefix("unix:") if server.startswith("unix:") else None


def attempts(trace: Path) -> list[str]:
    """The lines of an ``strace -yy`` log that are a connection to anything but the
    local sound server."""
    allowed = {f'"{path}"' for path in (sound_server_socket(),) if path}
    found = []
    for line in trace.read_text(errors="replace").splitlines():
        if not NETWORK_CALLS.search(line) or "resumed>" in line:
            continue  # a resumed call's address was on its "unfinished" line
        if NOT_LOCAL.search(line):
            found.append(line)
            continue
        unix = UNIX_PATH.search(line)
        if unix and unix.group(1) not in allowed and not unix.group(1).startswith(f'"{JACK}'):
            found.append(line)
    return found


def traced(
    command: list[str], trace: Path, env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with every connect and send of every thread and child recorded."""
    return subprocess.run(
        [
            strace(),
            "-f",
            "--seccomp-bpf",  # stop only at the calls traced: the app runs at its own pace
            "-qq",
            "-yy",
            "-e",
            "trace=connect,sendto,sendmsg,sendmmsg",
            "-e",
            "signal=none",
            "-o",
            str(trace),
            *command,
        ],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def app_folders(home: Path) -> list[Path]:
    """Where the app keeps its data, config and cache for a user whose HOME is ``home``
    (platformdirs' defaults on Linux, as voice_coach.locations uses them)."""
    return [
        home / ".local/share/voice-coach",
        home / ".config/voice-coach",
        home / ".cache/voice-coach",
    ]


def written_outside(home: Path) -> list[str]:
    """Everything under ``home`` that is neither an app folder, inside one, on the way
    to one, nor the sound library's client cookie."""
    own = app_folders(home)
    ancestors = {parent for folder in own for parent in folder.relative_to(home).parents}
    outside = []
    for path in sorted(home.rglob("*")):
        rel = path.relative_to(home)
        if rel in ancestors or any(path.is_relative_to(folder) for folder in own):
            continue
        if rel == SOUND_SERVER_CLIENT or rel.parent == SOUND_SERVER_CLIENT:
            continue
        outside.append(str(rel))
    return outside


def loose_modes(home: Path) -> list[str]:
    """Paths in the app's folders that anyone but the user may read, write or enter."""
    loose = []
    for folder in app_folders(home):
        for path in (folder, *folder.rglob("*")) if folder.exists() else ():
            mode = stat.S_IMODE(path.lstat().st_mode)
            wanted = 0o700 if path.is_dir() else 0o600
            if mode != wanted:
                loose.append(f"{oct(mode)} {path.relative_to(home)}")
    return loose


def test_the_audit_sees_an_attempt(tmp_path: Path) -> None:
    """The check can fail: a process that tries to reach an address is reported."""
    home = tmp_path / "home"
    home.mkdir()
    trace = tmp_path / "trace.txt"
    probe = (
        "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).connect(('192.0.2.1', 9))"
    )
    run = traced([sys.executable, "-c", probe], trace, private_env(home), timeout=60)
    assert run.returncode == 0, run.stderr
    (line,) = attempts(trace)
    assert "192.0.2.1" in line


def test_transcribe_and_score_stay_on_this_computer(tmp_path: Path) -> None:
    answer = speech_file("jfk.flac")
    home = tmp_path / "home"
    home.mkdir()
    env = private_env(home)
    question = "Tell me about a time you led a team."
    for name, args, says in (
        ("transcribe", ["transcribe", str(answer)], "fellow americans"),
        ("score", ["score", str(answer), "--question", question], "words/min"),
    ):
        trace = tmp_path / f"{name}.trace"
        run = traced([sys.executable, "-m", "voice_coach", *args], trace, env, timeout=600)
        assert run.returncode == 0, run.stderr
        assert says in run.stdout.lower(), run.stdout
        assert attempts(trace) == [], f"{name} tried to connect"
    assert written_outside(home) == []
    assert loose_modes(home) == []


def practise_one_answer(set_file: str, answer: str) -> None:
    """One spoken answer in the practice app, run in its own process by the test below:
    the question spoken, the answer played into the virtual microphone, transcribed
    live (voice detector and model), scored, saved, the session finished."""
    import asyncio
    import time

    from voice_coach import privacy
    from voice_coach.config import Settings
    from voice_coach.tui.app import VoiceCoachApp
    from voice_coach.tui.practice import PracticeScreen
    from voice_coach.tui.screens import SummaryScreen

    privacy.harden()  # as the voice-coach command does before it opens the app

    async def run() -> None:
        settings = Settings(end_silence_s=2.0, initial_silence_s=30.0)
        app = VoiceCoachApp(settings=settings, start_set=set_file)
        async with app.run_test(size=(110, 40)) as pilot:

            async def until(condition, what: str, timeout: float) -> None:  # type: ignore[no-untyped-def]
                deadline = time.monotonic() + timeout
                while not condition():
                    if time.monotonic() > deadline:
                        raise SystemExit(f"timed out waiting for {what}")
                    await pilot.pause(0.1)

            await until(lambda: isinstance(app.screen, PracticeScreen), "practice", 60)
            screen = app.screen
            assert isinstance(screen, PracticeScreen)
            await until(lambda: screen.state == "listening", "listening", 120)
            player = subprocess.Popen(["paplay", "--device=micfeed", answer])
            await asyncio.to_thread(player.wait, 60)
            await until(lambda: screen.state == "feedback", "feedback", 180)
            await pilot.press("f")
            await until(lambda: isinstance(app.screen, SummaryScreen), "summary", 30)
        print("answered")

    asyncio.run(run())


def test_a_spoken_answer_stays_on_this_computer(virtual_audio: None, tmp_path: Path) -> None:
    answer = speech_file("jfk.flac")
    home = tmp_path / "home"
    home.mkdir()
    set_file = tmp_path / "privacy-check.toml"
    set_file.write_text(SET_TOML)
    trace = tmp_path / "answer.trace"
    driver = (
        "from tests.integration.test_privacy import practise_one_answer; "
        f"practise_one_answer({str(set_file)!r}, {str(answer)!r})"
    )
    run = traced([sys.executable, "-c", driver], trace, private_env(home), timeout=900)
    assert run.returncode == 0 and "answered" in run.stdout, run.stdout + run.stderr
    assert attempts(trace) == [], "the practice app tried to connect"
    log = trace.read_text()
    assert sound_server_socket() is None or f'"{sound_server_socket()}"' in log, (
        "the audit did not see the sound server: it did not watch the answer"
    )
    assert written_outside(home) == []
    (recording,) = (home / ".local/share/voice-coach/audio").rglob("*.flac")
    assert recording.stat().st_size > 0
    assert loose_modes(home) == []
