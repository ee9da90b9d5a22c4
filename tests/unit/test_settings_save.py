"""save_settings: what the settings screen writes must load back as it was, privately."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from voice_coach import locations
from voice_coach.config import KEY_DOCS, Settings, load_settings, save_settings
from voice_coach.errors import ConfigError

CHANGED = Settings(
    model="base.en",
    input_device="pulse, ALSA",
    output_device=3,
    voice="gmw/en-GB-x-rp",
    speech_rate=180,
    end_silence_s=2.5,
    initial_silence_s=20.0,
    max_answer_s=300.0,
    speak_questions=False,
)


def test_every_key_round_trips(tmp_path: Path) -> None:
    path = save_settings(CHANGED, tmp_path / "config.toml")
    loaded = load_settings(path)
    assert loaded == CHANGED
    assert loaded.warnings == ()
    # The index stays a number and the name a string: they mean different devices.
    assert isinstance(loaded.output_device, int) and isinstance(loaded.input_device, str)


def test_default_settings_write_no_keys_and_load_as_defaults(tmp_path: Path) -> None:
    path = save_settings(Settings(), tmp_path / "config.toml")
    text = path.read_text()
    assert tomllib.loads(text) == {}
    assert load_settings(path) == Settings()
    # Still documented: each key appears in a comment for whoever edits by hand.
    for key in KEY_DOCS:
        assert f"# {key}:" in text
    assert "# speech_rate = 165" in text


def test_none_is_omitted_and_only_changes_are_keys(tmp_path: Path) -> None:
    settings = Settings(speech_rate=200, input_device=None)
    raw = tomllib.loads(save_settings(settings, tmp_path / "config.toml").read_text())
    assert raw == {"speech_rate": 200}


def test_keys_are_sorted(tmp_path: Path) -> None:
    text = save_settings(CHANGED, tmp_path / "config.toml").read_text()
    keys = [
        line.split(" = ")[0]
        for line in text.splitlines()
        if line and not line.startswith("#") and " = " in line
    ]
    assert keys == sorted(keys) and len(keys) == len(KEY_DOCS)


def test_default_location_is_private() -> None:
    path = save_settings(Settings(speech_rate=190))
    assert path == locations.config_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_settings().speech_rate == 190


def test_new_directory_is_created_private(tmp_path: Path) -> None:
    path = save_settings(Settings(speech_rate=190), tmp_path / "new" / "config.toml")
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_invalid_value_is_refused_by_name_and_nothing_written(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_settings(Settings(speech_rate=150), path)
    before = path.read_text()
    # An invalid Settings cannot be built; one that skipped validation (model_copy with
    # update does) is refused by the writer.
    with pytest.raises(ValidationError, match="speech_rate"):
        Settings(speech_rate=9000)
    with pytest.raises(ConfigError, match="speech_rate"):
        save_settings(Settings().model_copy(update={"speech_rate": 9000}), path)
    with pytest.raises(ConfigError, match="end_silence_s"):
        save_settings(Settings().model_copy(update={"end_silence_s": 0.1}), path)
    assert path.read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


def test_failed_write_keeps_the_old_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.toml"
    save_settings(Settings(speech_rate=150), path)
    before = path.read_text()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ConfigError, match="No space left"):
        save_settings(Settings(speech_rate=170), path)
    assert path.read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


def test_hand_edited_file_is_backed_up_once(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    hand = "# my own notes\nspeech_rate = 150  # slower for practice\n"
    path.write_text(hand)
    save_settings(Settings(speech_rate=170), path)
    backup = tmp_path / "config.toml.bak"
    assert backup.read_text() == hand
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    # Our own file is not worth a backup: the hand-edited one stays the one kept.
    save_settings(Settings(speech_rate=180), path)
    assert backup.read_text() == hand
    assert load_settings(path).speech_rate == 180


def test_bad_hand_edit_of_a_saved_file_names_the_key(tmp_path: Path) -> None:
    path = save_settings(CHANGED, tmp_path / "config.toml")
    path.write_text(path.read_text().replace("speech_rate = 180", "speech_rate = 9000"))
    loaded = load_settings(path)
    assert loaded.speech_rate == Settings().speech_rate
    assert loaded.end_silence_s == CHANGED.end_silence_s
    assert any("speech_rate" in w for w in loaded.warnings)


def test_blank_and_padded_names_are_saved_as_they_load(tmp_path: Path) -> None:
    path = save_settings(Settings(model="", voice=" gmw/en ", input_device=""), tmp_path / "c.toml")
    assert tomllib.loads(path.read_text()) == {"voice": "gmw/en"}
    assert load_settings(path) == Settings(voice="gmw/en")


def test_a_folder_where_config_toml_should_be_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.mkdir()
    with pytest.raises(ConfigError, match="is a folder"):
        save_settings(Settings(), path)
    assert path.is_dir() and not any(path.iterdir())
