"""Starting the app on a damaged database: told, asked, and nothing deleted."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from voice_coach import locations
from voice_coach.cli import main
from voice_coach.tui.app import VoiceCoachApp

GARBAGE = b"this is not a database " * 100


@pytest.fixture
def damaged(monkeypatch: pytest.MonkeyPatch) -> Path:
    started: list[VoiceCoachApp] = []
    monkeypatch.setattr(VoiceCoachApp, "run", lambda self: started.append(self))
    monkeypatch.setattr("voice_coach.launch.has_terminal", lambda: True)  # CliRunner has none
    db = locations.data_dir() / "voice_coach.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(GARBAGE)
    return db


def test_declining_changes_nothing(damaged: Path) -> None:
    result = CliRunner().invoke(main, [], input="n\n")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "voice-coach db set-aside" in result.output
    assert damaged.read_bytes() == GARBAGE
    assert not list(damaged.parent.glob("voice_coach.db.corrupt-*"))


def test_agreeing_keeps_the_file_aside_and_starts_fresh(damaged: Path) -> None:
    result = CliRunner().invoke(main, [], input="y\n")
    assert result.exit_code == 0, result.output
    kept = list(damaged.parent.glob("voice_coach.db.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == GARBAGE
    assert "Kept aside as" in result.output
    assert damaged.exists() and damaged.read_bytes() != GARBAGE  # a fresh, working database
