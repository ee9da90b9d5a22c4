"""C libraries' messages (ALSA's "underrun occurred") stay off the screen and go to the
log, while Textual, which draws on fd 2 too, still draws; fd 2 is the terminal again after.

Run for real, in a pseudo-terminal: a child process starts a Textual app inside
:func:`native_stderr_to_log` and writes to fd 2 from C through libc, as ALSA does.
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from voice_coach.errors import LOG_NAME

CHILD = r"""
import ctypes

from textual.app import App
from textual.widgets import Static

from voice_coach.native_stderr import native_stderr_to_log


def c_write(text: bytes) -> None:
    libc = ctypes.CDLL(None)
    libc.write(2, text, len(text))


class Probe(App[None]):
    def compose(self):
        yield Static("SCREEN-DRAWN")

    def on_mount(self) -> None:
        c_write(b"ALSA lib pcm.c:8675:(snd_pcm_recover) underrun occurred\n")
        self.call_after_refresh(self.exit)


with native_stderr_to_log() as log:
    assert log is not None, "fd 2 is a terminal here: the log should be in use"
    Probe().run()
c_write(b"AFTER-THE-APP\n")
"""


def _run_in_terminal(tmp_path: Path) -> str:
    """The child's whole terminal output, read until it exits."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "VOICE_COACH_HOME": str(tmp_path), "TERM": "xterm-256color"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if child.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        assert child.wait(10) == 0, out.decode(errors="replace")[-2000:]
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    return out.decode("utf-8", errors="replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux pseudo-terminal")
def test_c_level_stderr_goes_to_the_log_not_the_screen(tmp_path: Path) -> None:
    screen = _run_in_terminal(tmp_path)
    assert "SCREEN-DRAWN" in screen, "Textual must still draw on the terminal"
    assert "underrun" not in screen
    log = (tmp_path / "data" / LOG_NAME).read_text()
    assert "ALSA lib pcm.c:8675:(snd_pcm_recover) underrun occurred" in log
    assert "AFTER-THE-APP" in screen, "fd 2 is the terminal again once the app closes"
    assert "AFTER-THE-APP" not in log
