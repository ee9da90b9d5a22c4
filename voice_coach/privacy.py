"""Process hardening: what backs the promise that nothing leaves the computer and
nobody else on it can read a user's answers.

**No network.** The app itself opens no connection; one of its libraries did.
onnxruntime, which runs the Silero voice detector inside faster-whisper, carries
Microsoft's 1DS telemetry on Linux from version 1.29: a few seconds after it
loads, it sends events to ``mobile.events.data.microsoft.com`` and keeps a device
id and an event store under ``~/.cache/Microsoft``, outside the app's folders.
``ORT_DISABLE_TELEMETRY=1`` switches all of that off, but the library reads it
once, when it is loaded: set afterwards it changes nothing, and the Python call
``onnxruntime.disable_telemetry_events()`` stops neither the upload nor the files
(both measured). So :func:`disable_telemetry` runs when the ``voice_coach``
package is imported, before any of its modules can load onnxruntime. The other
switch is for huggingface_hub, which reports usage when it downloads a model:
the one time the app may use the network is for a model the user names, and that
download needs no report. ``tests/integration/test_privacy.py`` records every
connect attempt of a spoken answer, ``transcribe`` and ``score``.

**Private files.** Recordings, transcripts and sets made from a CV are career
data. :func:`harden` (called by the command line before anything else) sets a
0o077 umask, so everything the process creates is the user's alone whichever
library creates it, and tightens what an older version left readable by others.
The writers that matter also set their modes themselves, so code driven without
the command line (the TUI in tests, a script) gets the same modes.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from voice_coach import locations

TELEMETRY_OFF: dict[str, str] = {
    "ORT_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
}
"""Environment switches that stop libraries reporting home. Forced, not defaulted: a
user's ``ORT_DISABLE_TELEMETRY=0`` must not make the app break its promise."""

PRIVATE_UMASK = 0o077
"""New files 0600 and folders 0700, for every library that writes one."""

PRIVATE_DIR = locations.PRIVATE_DIR
PRIVATE_FILE = 0o600


def disable_telemetry() -> bool:
    """Switch off the libraries' telemetry; False when onnxruntime was loaded already.

    Loaded already means someone imported onnxruntime before ``voice_coach`` (a
    host program, not the app): its telemetry was decided then and cannot be
    undone here, so the caller is told rather than reassured.
    """
    os.environ.update(TELEMETRY_OFF)
    return "onnxruntime" not in sys.modules


def harden(*, tighten: bool = True) -> None:
    """Make this process private: telemetry off, a private umask, private folders.

    Called first thing by the command line; the tightening walks the app's
    folders once per start (a stat per file), which is what it takes to fix an
    install from before modes were set. Without ``tighten`` the caller walks them
    itself, later: the practice app does so just after its first frame, since with
    a few thousand recordings the walk took 40 ms and more of the wait for it (what
    it fixes was left by an older version; everything this process makes is private
    from the umask on).
    """
    disable_telemetry()
    os.umask(PRIVATE_UMASK)
    if tighten:
        tighten_app_folders()


def tighten_app_folders() -> list[Path]:
    """Take group and other permissions off everything in the app's folders.

    Returns what was changed. A folder that does not exist is left alone
    (nothing is created here), and a path that cannot be changed (another
    user's file, a read-only disk) is skipped: the command that needs it says
    what is wrong in its own words.
    """
    changed: list[Path] = []
    for root in locations.roots():
        changed += tighten(root)
    home = locations.home()
    if home is not None and _holds_only_app_folders(home) and _make_private(home):
        changed.append(home)
    return changed


def tighten(root: Path) -> list[Path]:
    """Folders 0700 and files without group or other bits, under and including ``root``.

    Links are neither followed nor changed: ``chmod`` on a link changes its target,
    which may be anything, anywhere (and Linux cannot change a link's own mode).
    """
    changed: list[Path] = []
    for path in _walk(root):
        if _make_private(path):
            changed.append(path)
    return changed


def _walk(root: Path) -> Iterator[Path]:
    try:
        info = root.lstat()
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode):
        return
    yield root
    if not stat.S_ISDIR(info.st_mode):
        return
    for folder, dirs, files in os.walk(root, followlinks=False, onerror=lambda _exc: None):
        for name in (*dirs, *files):
            yield Path(folder, name)


def _make_private(path: Path) -> bool:
    """Remove group and other permissions from ``path``; True if it had any."""
    try:
        info = path.lstat()
        mode = stat.S_IMODE(info.st_mode)
        if stat.S_ISLNK(info.st_mode) or not mode & 0o077:
            return False
        os.chmod(path, mode & ~0o077)
    except OSError:
        return False
    return True


def _holds_only_app_folders(home: Path) -> bool:
    """Whether ``VOICE_COACH_HOME`` is the app's alone: only then is its own mode changed.

    Someone may point it at a folder that holds other things (even their home
    folder); making that private is not the app's decision.
    """
    own = {root.name for root in locations.roots()}
    try:
        return home.is_dir() and all(entry.name in own for entry in home.iterdir())
    except OSError:
        return False
