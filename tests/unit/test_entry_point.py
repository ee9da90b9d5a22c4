"""The command's entry point: the bare command opens the app without the click group, and
says what is wrong in one line all the same; anything else goes to the group.

Run as the console script runs it (``voice_coach.__main__:main``), in a fresh interpreter
on this checkout: the installed script may be older, or made from another checkout.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import voice_coach

SOURCE = Path(voice_coach.__file__).resolve().parents[1]


def _run(*args: str, home: Path, terminal: bool) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SOURCE), "VOICE_COACH_HOME": str(home)}
    command = [sys.executable, "-m", "voice_coach", *args]
    if not terminal:
        return subprocess.run(
            command, stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=120
        )
    master, slave = pty.openpty()
    try:
        return subprocess.run(
            command, stdin=slave, stdout=slave, stderr=subprocess.PIPE, env=env, timeout=120
        )
    finally:
        os.close(slave)
        os.close(master)


def test_the_bare_command_without_a_terminal_says_so(tmp_path: Path) -> None:
    done = _run(home=tmp_path / "home", terminal=False)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert err.startswith("voice-coach: the practice app needs a terminal")
    assert done.stdout == b""


def test_the_bare_command_on_a_broken_home_says_so_in_one_line(tmp_path: Path) -> None:
    """An error before the app starts goes through the commands' own error boundary."""
    home = tmp_path / "home"
    home.write_text("a file where the data folder should be")
    done = _run(home=home, terminal=True)
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert err.startswith("voice-coach: ") and str(home) in err


def test_with_arguments_the_click_group_answers(tmp_path: Path) -> None:
    version = _run("--version", home=tmp_path / "home", terminal=False)
    assert version.returncode == 0 and version.stdout.startswith(b"voice-coach, version ")
    typed = _run("--typed", home=tmp_path / "home", terminal=False)  # the group's own option
    assert typed.returncode == 2 and b"needs a terminal" in typed.stderr
    wrong = _run("no-such-command", home=tmp_path / "home", terminal=False)
    assert wrong.returncode == 2 and b"No such command" in wrong.stderr
