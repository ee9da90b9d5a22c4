"""Where voice_coach keeps its data, config and caches.

One environment variable, ``VOICE_COACH_HOME``, moves all of them under one
directory; tests use it so they never touch the developer's own files.
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


def _ensure(path: Path) -> Path:
    # Private career data: readable by the user alone.
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


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
