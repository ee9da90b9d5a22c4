"""Who owns a live answer: an advisory lock the kernel drops when its holder dies.

A recording's audio file is locked (``flock``) by the process recording it from the
moment its attempt row exists until the attempt is completed. Another voice-coach
started meanwhile sees the lock and leaves that answer alone; a process killed
mid-answer loses the lock with its life, so its answer is recovered at the next
start. An advisory lock, rather than a pid written in the database, cannot go stale:
no pid reuse, no clean-up after a crash.

``flock`` locks belong to an open file description, so even the same process opening
the file a second time (say, its own recovery pass) is refused while it records.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from pathlib import Path


class Held:
    """An exclusive lock on one file, kept until :meth:`release` (or the process ends)."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd: int | None = fd
        self.path = path

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)  # closing the descriptor drops the lock


def try_lock(path: Path, *, create: bool = False) -> Held | None:
    """Lock ``path`` at once, or None when another holder (any process) has it.

    Raises OSError when the file cannot be opened (missing, unreadable), so a caller
    never mistakes "cannot tell" for "nobody owns it".
    """
    flags = os.O_RDWR | os.O_CLOEXEC | (os.O_CREAT if create else 0)
    fd = os.open(path, flags, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return None
        raise
    return Held(fd, path)


def create_locked(path: Path) -> Held:
    """Create ``path`` (it must not exist), private to the user, and lock it at once.

    The file exists and is locked before anyone can learn its name, so there is no
    moment at which another process could take it for an abandoned recording.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a new file: nobody else has it
    except BaseException:
        os.close(fd)
        raise
    return Held(fd, path)
