from __future__ import annotations

from pathlib import Path

import pytest

from voice_coach.config import Settings, load_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "config.toml") == Settings()


def test_bad_values_are_named_and_defaulted(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('end_silence_s = "long"\nspeech_rate = 150\ncolour = "red"\n')
    settings = load_settings(path)
    assert settings.speech_rate == 150
    assert settings.end_silence_s == Settings().end_silence_s
    text = "\n".join(settings.warnings)
    assert "end_silence_s" in text and "colour" in text


def test_unreadable_toml_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("this is = = not toml")
    settings = load_settings(path)
    assert settings.end_silence_s == 3.0 and "not read" in settings.warnings[0]


def _load(tmp_path: Path, text: str) -> Settings:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return load_settings(path)


@pytest.mark.parametrize(
    "line",
    ["input_device = true", "input_device = 2.5", "input_device = -1", "output_device = [1]"],
)
def test_a_device_that_is_neither_name_nor_index_is_named(tmp_path: Path, line: str) -> None:
    key = line.split(" = ")[0]
    settings = _load(tmp_path, line + "\nspeech_rate = 150\n")
    assert getattr(settings, key) is None  # the system default, never "device 1" for true
    assert settings.speech_rate == 150
    assert len(settings.warnings) == 1 and f"config.toml: {key}: " in settings.warnings[0]
    assert "Value error" not in settings.warnings[0]


def test_device_index_and_name_keep_their_type(tmp_path: Path) -> None:
    settings = _load(tmp_path, 'input_device = 2\noutput_device = "  USB Headset "\n')
    assert settings.input_device == 2
    assert settings.output_device == "USB Headset"
    assert settings.warnings == ()


def test_blank_model_and_voice_mean_the_defaults(tmp_path: Path) -> None:
    # An empty model would otherwise be the current directory, loaded as a model.
    settings = _load(tmp_path, 'model = ""\nvoice = "  "\ninput_device = ""\n')
    assert (settings.model, settings.voice, settings.input_device) == (None, None, None)
    assert settings.warnings == ()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("speech_rate = " + "9" * 5000, "a number is too long (over 4300 digits)"),
        ("input_device = " + "9" * 25, "a whole number of 25 digits is out of range"),
        ("x = " + "[" * 5000 + "]" * 5000, "nested more than 32 levels deep"),
        ("x = " + "{a = " * 300 + "1" + "}" * 300, "nested more than 32 levels deep"),
        ("# " + "x" * (300 * 1024), "larger than the 256 KB a config file may be"),
    ],
    ids=["huge-int", "int-over-64-bits", "deep-array", "deep-table", "too-large"],
)
def test_a_hostile_file_costs_a_warning_not_the_start(
    tmp_path: Path, text: str, reason: str
) -> None:
    settings = _load(tmp_path, text + "\n")
    assert settings == Settings()
    (warning,) = settings.warnings
    assert warning.startswith(f"config.toml: not read ({reason}")
    assert warning.endswith("; using defaults")


def test_a_huge_number_within_64_bits_is_range_checked(tmp_path: Path) -> None:
    settings = _load(tmp_path, f"speech_rate = {2**62}\nend_silence_s = 5\n")
    assert settings.speech_rate == Settings().speech_rate and settings.end_silence_s == 5
    (warning,) = settings.warnings
    assert warning.startswith("config.toml: speech_rate: Input should be less than or equal")


def test_escape_sequences_in_a_key_are_not_repeated(tmp_path: Path) -> None:
    settings = _load(tmp_path, '"colour\\u001b[2J" = 1\n')
    (warning,) = settings.warnings
    assert "\x1b" not in warning and "colour[2J" not in warning and "colour" in warning


@pytest.mark.parametrize("broken", ["regular-file", "not-utf8"])
def test_an_unusable_config_folder_or_file_gives_defaults(isolated_home: Path, broken: str) -> None:
    if broken == "regular-file":
        isolated_home.parent.mkdir(parents=True, exist_ok=True)
        isolated_home.write_text("a file where the home folder should be")
        expected = f"cannot use {isolated_home}: a file is in the way"
    else:
        config = isolated_home / "config" / "config.toml"
        config.parent.mkdir(parents=True)
        config.write_bytes(b"voice = 'caf\xe9'\n")
        expected = "config.toml: not read (not UTF-8 text (byte 12 is 0xe9)"
    settings = load_settings()
    assert settings == Settings()
    (warning,) = settings.warnings
    assert warning.startswith(expected)
