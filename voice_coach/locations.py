"""Where voice_coach keeps its data, config and caches.

One environment variable, ``VOICE_COACH_HOME``, moves all of them under one
directory; tests use it so they never touch the developer's own files.

These folders are the only places the app writes to (besides an export the
user names): :mod:`voice_coach.privacy` keeps them private, and the privacy
tests check that nothing appears anywhere else.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "voice-coach"
HOME_ENV = "VOICE_COACH_HOME"

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


PRIVATE_DIR = 0o700
"""Answers, CV-based sets and settings are private career data: the user's alone."""


def _ensure(path: Path) -> Path:
    home = _home()
    if home is not None and not home.exists():
        # ``mkdir(parents=True)`` gives parents the umask's mode (often 0755): the
        # home that holds everything is made private itself.
        home.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    return path


def roots() -> tuple[Path, Path, Path]:
    """The data, config and cache folders, found without creating any of them.

    For whatever must look at the folders without side effects: tightening their
    modes at start, or reporting that the home is broken.
    """
    home = _home()
    if home is not None:
        return (home / "data", home / "config", home / "cache")
    return (Path(_dirs.user_data_dir), Path(_dirs.user_config_dir), Path(_dirs.user_cache_dir))


def home() -> Path | None:
    """The folder ``VOICE_COACH_HOME`` names, if it is set."""
    return _home()


def data_dir() -> Path:
    """Sessions database and recorded answers."""
    home = _home()
    return _ensure(home / "data" if home else Path(_dirs.user_data_dir))


def config_dir() -> Path:
    """``config.toml`` and the user's own question sets."""
    home = _home()
    return _ensure(home / "config" if home else Path(_dirs.user_config_dir))


def cache_dir() -> Path:
    """Downloaded models and synthesised speech."""
    home = _home()
    return _ensure(home / "cache" if home else Path(_dirs.user_cache_dir))


def config_file() -> Path:
    return config_dir() / "config.toml"


def database_file() -> Path:
    return data_dir() / "voice_coach.db"


def audio_dir() -> Path:
    return _ensure(data_dir() / "audio")
