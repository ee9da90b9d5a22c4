"""Keep C libraries' messages off the practice screen: they go to the log instead.

ALSA and PortAudio write straight to file descriptor 2 ("ALSA lib pcm.c:...
underrun occurred"), from C, past Python's ``sys.stderr``; over a full-screen app
that is garbage across the question. Textual, for its part, draws the screen on
``sys.__stderr__`` (fd 2 as well), so fd 2 cannot simply be pointed elsewhere.

While the app runs, then, fd 2 goes to ``voice-coach.log`` in the data folder, and
``sys.__stderr__`` becomes a new file on a duplicate of the terminal: Textual draws
through that, the C libraries write to the log. Both are put back afterwards, so an
error printed after the app closes reaches the terminal again.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from voice_coach import locations
from voice_coach.errors import LOG_NAME

__all__ = ["native_stderr_to_log"]


def _open_log() -> tuple[int, Path] | None:
    """The log, opened for appending (private to the user); None when it cannot be."""
    folder = locations.roots()[0]
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), path
    except OSError:
        return None


@contextlib.contextmanager
def native_stderr_to_log() -> Iterator[Path | None]:
    """Send what is written to fd 2 to the log while the block runs; yields the log's path.

    Yields None and changes nothing when fd 2 is not a terminal (the output is already
    going somewhere the user chose) or when the log cannot be opened: noise on the
    screen is better than losing the messages.
    """
    original = sys.__stderr__
    if original is None or not _is_terminal(2):
        yield None
        return
    opened = _open_log()
    if opened is None:
        yield None
        return
    log_fd, path = opened
    original.flush()
    screen_fd = os.dup(2)
    screen = open(  # noqa: SIM115 - closed in finally, after fd 2 is restored
        screen_fd,
        "w",
        encoding=original.encoding,
        errors=original.errors,
        buffering=1,
    )
    os.dup2(log_fd, 2)
    os.close(log_fd)
    # sys.__stderr__ is read by Textual's driver when the app starts: it draws on the
    # terminal's duplicate, which fd 2 no longer is.
    setattr(sys, "__stderr__", screen)  # noqa: B010 - typed Final, replaced on purpose
    try:
        yield path
    finally:
        with contextlib.suppress(OSError, ValueError):
            screen.flush()
        setattr(sys, "__stderr__", original)  # noqa: B010
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
        os.dup2(screen_fd, 2)
        screen.close()


def _is_terminal(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False
