from __future__ import annotations

from pathlib import Path

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
