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
