"""Private by default: every file the app writes is the user's alone (0600 in 0700 folders),
an older install is tightened at start, and an export is shared only when asked.

The writers are driven with the common umask 0o022, as a library user or the TUI
in tests would, so each must set its own modes; the command line's own umask is
checked separately.
"""

from __future__ import annotations

import os
import stat
import sys
import types
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from tests.unit.test_tts import Factory
from voice_coach import locations, privacy
from voice_coach.attempts import Status, score_attempt
from voice_coach.audio import miccheck
from voice_coach.audio.recorder import Recorder
from voice_coach.authoring import import_notes, save_user_set
from voice_coach.cli import main
from voice_coach.config import Settings, save_settings
from voice_coach.errors import log_error
from voice_coach.questions import Question
from voice_coach.speech import tts
from voice_coach.store import Store


@pytest.fixture
def common_umask() -> None:
    """The umask most systems give a user (restored after the test by conftest)."""
    os.umask(0o022)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def modes(root: Path) -> dict[str, str]:
    """Every folder and file under ``root`` (itself included) with its mode."""
    return {
        str(path.relative_to(root.parent)): oct(mode(path))
        for path in (root, *sorted(root.rglob("*")))
    }


def not_private(root: Path) -> dict[str, str]:
    return {
        name: got
        for name, got in modes(root).items()
        if got != oct(0o700 if (root.parent / name).is_dir() else 0o600)
    }


def answer(store: Store) -> Path:
    """One recorded answer, saved as the practice session saves it."""
    session = store.create_session("mine", "My set")
    question = Question(id="q1", text="Tell me about a project you led.")
    attempt_id, path = store.start_attempt(session, question)
    with Recorder(path) as recorder:
        recorder.write(np.full(16000, 0.1, dtype=np.float32))
    score, mentions, key_terms = score_attempt(question, "I led it.", duration_s=1.0)
    store.complete_attempt(
        attempt_id,
        status=Status.SPOKEN,
        transcript="I led it.",
        transcript_json={"text": "I led it."},
        score=score,
        mentions=mentions,
        key_terms=key_terms,
        duration_s=1.0,
    )
    return path


def spoken_question(monkeypatch: pytest.MonkeyPatch) -> Path:
    """A question rendered to the speech cache, by a stand-in for pyttsx3."""
    factory = Factory("audio")
    fake = types.ModuleType("pyttsx3")
    fake.init = factory  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pyttsx3", fake)
    monkeypatch.setattr(tts, "_espeak_busy", factory.busy)
    monkeypatch.setattr(tts._Engine, "_instance", None)
    return tts.Voice().synthesize("Tell me about yourself.", timeout=60)


def test_everything_the_app_writes_is_private(
    common_umask: None, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store()
    flac = answer(store)
    store.close()
    config = save_settings(Settings(speech_rate=150))
    user_set = save_user_set(import_notes("Why this job?\nWhat did you build?", "from-my-cv"))
    take = miccheck.save_take(np.full(16000, 0.1, dtype=np.float32), "speech")
    speech = spoken_question(monkeypatch)
    log = log_error(RuntimeError("for the log"))
    written = [flac, store.path, config, user_set, take, speech, log]
    assert all(p is not None and p.is_file() for p in written), written
    assert all(p is not None and p.is_relative_to(isolated_home) for p in written), written
    assert {p.name for p in (isolated_home / "data" / "audio").rglob("*.flac")} == {flac.name}
    assert not_private(isolated_home) == {}, modes(isolated_home)


def test_an_older_install_is_tightened_at_start(tmp_path: Path, isolated_home: Path) -> None:
    folders = [isolated_home / "data" / "audio" / "1", isolated_home / "config" / "question_sets"]
    for folder in folders:
        folder.mkdir(parents=True)
    files = [
        isolated_home / "data" / "audio" / "1" / "1.flac",
        isolated_home / "config" / "question_sets" / "from-my-cv.toml",
        isolated_home / "config" / "config.toml",
    ]
    for file in files:
        file.write_text("x")
        file.chmod(0o644)
    for folder in (isolated_home, *isolated_home.rglob("*")):
        if folder.is_dir():
            folder.chmod(0o755)
    elsewhere = tmp_path / "someone-elses.txt"  # a link out of the app's folders
    elsewhere.write_text("not the app's")
    elsewhere.chmod(0o644)
    (isolated_home / "data" / "link").symlink_to(elsewhere)

    result = CliRunner().invoke(main, ["sets", "list"])

    assert result.exit_code == 0, result.output
    assert not_private(isolated_home) == {"vc-home/data/link": oct(0o777)}
    assert mode(elsewhere) == 0o644  # followed by no chmod


def test_a_home_shared_with_other_things_keeps_its_own_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """VOICE_COACH_HOME may name a folder with other things in it: only the app's
    folders inside are the app's to make private."""
    home = tmp_path / "shared"
    (home / "data").mkdir(parents=True)
    (home / "notes.txt").write_text("the user's own")
    for path in (home, home / "data", home / "notes.txt"):
        path.chmod(0o755)
    monkeypatch.setenv(locations.HOME_ENV, str(home))
    privacy.tighten_app_folders()
    assert (mode(home), mode(home / "notes.txt"), mode(home / "data")) == (0o755, 0o755, 0o700)


def test_the_command_line_makes_new_files_private(common_umask: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["sets", "list"])
    assert result.exit_code == 0, result.output
    made, folder = tmp_path / "made-by-any-library.txt", tmp_path / "a-folder"
    made.write_text("x")
    folder.mkdir()
    assert (mode(made), mode(folder)) == (0o600, 0o700)


def test_an_export_is_yours_unless_you_share_it(isolated_home: Path, tmp_path: Path) -> None:
    store = Store()
    answer(store)
    store.close()
    private, shared = tmp_path / "mine.md", tmp_path / "for-my-coach.md"
    runner = CliRunner()
    assert runner.invoke(main, ["export", "1", "-o", str(private)]).exit_code == 0
    assert runner.invoke(main, ["export", "1", "-o", str(shared), "--shared"]).exit_code == 0
    assert "I led it." in private.read_text() and "I led it." in shared.read_text()
    assert (mode(private), mode(shared)) == (0o600, 0o644)
    # Replacing a private export with --force keeps it private.
    private.chmod(0o644)
    assert runner.invoke(main, ["export", "1", "-o", str(private), "--force"]).exit_code == 0
    assert mode(private) == 0o600


def test_a_broken_home_is_left_for_the_command_to_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tightening runs before every command, so it must never be the one that fails:
    a home that is a file (or missing) is left alone, and nothing is created."""
    home = tmp_path / "a-file"
    home.write_text("not a folder")
    home.chmod(0o644)
    monkeypatch.setenv(locations.HOME_ENV, str(home))
    assert privacy.tighten_app_folders() == []
    monkeypatch.setenv(locations.HOME_ENV, str(tmp_path / "missing"))
    assert privacy.tighten_app_folders() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
    assert mode(home) == 0o644
