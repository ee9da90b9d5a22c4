"""The doctor with fakes: isolation of checks, exit codes, the checks that need no device."""

from __future__ import annotations

import json
import sys
import threading
from collections import namedtuple
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from voice_coach import doctor
from voice_coach.cli import main
from voice_coach.config import Settings
from voice_coach.doctor import Check, CheckResult, Finding, exit_code, run_check, run_checks
from voice_coach.errors import MicrophoneError, VoiceError


def ok(settings: Settings) -> Finding:
    return Finding("ok", "fine")


def broken(settings: Settings) -> Finding:
    raise RuntimeError("boom\nsecond line of a driver's message")


def failing(settings: Settings) -> Finding:
    return Finding("fail", "it is gone", "put it back")


def warning(settings: Settings) -> Finding:
    return Finding("warn", "a bit low", "top it up")


def test_a_check_that_raises_does_not_stop_the_others() -> None:
    checks = [Check("A", ok, True), Check("B", broken, True), Check("C", ok, False)]
    results = list(run_checks(Settings(), checks))
    assert [r.name for r in results] == ["A", "B", "C"]
    assert [r.status for r in results] == ["ok", "fail", "ok"]
    assert results[1].detail == "unexpected error: RuntimeError: boom"
    assert exit_code(results) == 1


def test_a_user_error_is_shown_as_its_message() -> None:
    def raises(settings: Settings) -> Finding:
        raise VoiceError("no text-to-speech engine")

    result = run_check(Check("TTS", raises, False), Settings())
    assert result.status == "fail" and result.detail == "no text-to-speech engine"


def test_a_hanging_check_times_out() -> None:
    release = threading.Event()

    def hangs(settings: Settings) -> Finding:
        release.wait(10)
        return Finding("ok", "late")

    try:
        result = run_check(Check("Slow", hangs, True, timeout_s=0.2), Settings())
    finally:
        release.set()
    assert result.status == "fail" and "no answer within" in result.detail and result.fix


@pytest.mark.parametrize(
    ("checks", "code"),
    [
        ([Check("A", ok, True), Check("B", warning, True)], 0),
        ([Check("A", ok, True), Check("B", failing, False)], 0),
        ([Check("A", failing, True), Check("B", ok, False)], 1),
    ],
)
def test_only_an_essential_failure_fails(checks: list[Check], code: int) -> None:
    assert exit_code(run_checks(Settings(), checks)) == code


def test_lines() -> None:
    assert CheckResult("Microphone", "ok", "mic (16000 Hz)", "", True).line() == (
        "ok   Microphone: mic (16000 Hz)"
    )
    assert CheckResult("Speech model", "fail", "missing", "install it", True).line() == (
        "FAIL Speech model: missing — fix: install it"
    )
    assert CheckResult("Disk", "warn", "low", "", False).line() == "WARN Disk: low"


def test_cli_prints_a_line_per_check_and_exits_1(monkeypatch: pytest.MonkeyPatch) -> None:
    checks = (
        Check("PortAudio", ok, True),
        Check("Model", broken, True),
        Check("Disk", warning, False),
    )
    monkeypatch.setattr(doctor, "CHECKS", checks)
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "ok   PortAudio: fine"
    assert lines[1].startswith("FAIL Model: unexpected error: RuntimeError: boom")
    assert lines[2] == "WARN Disk: a bit low — fix: top it up"
    assert lines[3] == "Not ready: Model failed."
    assert "Traceback" not in result.output


def test_cli_json_and_exit_0_on_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor, "CHECKS", (Check("A", ok, True), Check("B", warning, True)))
    result = CliRunner().invoke(main, ["doctor", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["status"] for d in data] == ["ok", "warn"]
    assert set(data[0]) == {"name", "status", "detail", "fix", "essential"}


def test_cli_model_option_reaches_the_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str | None] = []

    def model(settings: Settings) -> Finding:
        seen.append(settings.model)
        return Finding("ok", "loaded")

    monkeypatch.setattr(doctor, "CHECKS", (Check("Speech model", model, True),))
    assert CliRunner().invoke(main, ["doctor", "--model", "/some/dir"]).exit_code == 0
    assert seen == ["/some/dir"]


# ---- the checks themselves, where no device is needed ------------------------------

Usage = namedtuple("Usage", "total used free")


@pytest.mark.parametrize(("free_mb", "status"), [(10_000, "ok"), (300, "warn"), (20, "fail")])
def test_disk(monkeypatch: pytest.MonkeyPatch, free_mb: int, status: str) -> None:
    monkeypatch.setattr(doctor.shutil, "disk_usage", lambda p: Usage(0, 0, free_mb * 1024**2))
    finding = doctor.check_disk(Settings())
    assert finding.status == status
    assert f"{free_mb if free_mb < 1024 else free_mb / 1024:.0f}" in finding.detail


def test_data_dir_writable(isolated_home: Path) -> None:
    finding = doctor.check_data_dir(Settings())
    assert finding.status == "ok" and str(isolated_home) in finding.detail
    assert not [p for p in (isolated_home / "data" / "audio").iterdir()]  # probe removed


def test_data_dir_not_creatable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("VOICE_COACH_HOME", str(blocker))
    finding = doctor.check_data_dir(Settings())
    assert finding.status == "fail" and "VOICE_COACH_HOME" in finding.fix


def test_portaudio_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)
    finding = doctor.check_portaudio(Settings())
    assert finding.status == "fail" and "libportaudio2" in finding.fix
    assert doctor.check_speaker(Settings()).status == "fail"


def test_tts_missing_says_install_espeak(monkeypatch: pytest.MonkeyPatch) -> None:
    from voice_coach.speech import tts

    def no_engine(self: tts.Voice) -> list[tts.VoiceInfo]:
        raise VoiceError("no text-to-speech engine (libespeak-ng.so.1: cannot open)")

    monkeypatch.setattr(tts.Voice, "voices", no_engine)
    finding = doctor.check_voice(Settings())
    assert finding.status == "fail" and "espeak-ng" in finding.fix


def test_configured_voice_not_installed_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from voice_coach.speech import tts

    monkeypatch.setattr(tts.Voice, "voices", lambda self: [tts.VoiceInfo("en", "English")])
    finding = doctor.check_voice(Settings(voice="klingon"))
    assert finding.status == "warn" and "'klingon'" in finding.detail


def test_model_name_not_downloaded_fails_without_downloading(isolated_home: Path) -> None:
    finding = doctor.check_model(Settings(model="base.en"))
    assert finding.status == "fail"
    assert "'base.en' is not downloaded" in finding.detail
    assert "bundled tiny.en" in finding.fix
    assert not list((isolated_home / "cache" / "models").rglob("*.bin"))


def test_model_directory_missing_uses_the_transcriber_message(tmp_path: Path) -> None:
    finding = doctor.check_model(Settings(model=str(tmp_path / "nope")))
    assert finding.status == "fail" and "does not exist" in finding.detail


def test_settings_warnings_are_reported(isolated_home: Path) -> None:
    from voice_coach.config import load_settings

    config = isolated_home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("speech_rate = 9000\n")
    finding = doctor.check_settings(load_settings())
    assert finding.status == "warn" and "speech_rate" in finding.detail


class FakeMic:
    """Stands in for Microphone: opens (or fails to), then delivers ``blocks``."""

    error: Exception | None = None
    blocks: list[np.ndarray] = []

    def __init__(self, device: object = None) -> None:
        self.device_name = "Fake USB Mic"
        self.device_rate = 48_000

    def __enter__(self) -> FakeMic:
        if self.error is not None:
            raise self.error
        return self

    def __exit__(self, *args: object) -> None:
        return None

    def read(self, timeout: float = 0.5) -> np.ndarray | None:
        if self.blocks:
            return self.blocks.pop(0)
        raise MicrophoneError("the microphone stopped delivering audio")


@pytest.fixture
def fake_mic(monkeypatch: pytest.MonkeyPatch) -> type[FakeMic]:
    from voice_coach.audio import devices

    monkeypatch.setattr(devices, "Microphone", FakeMic)
    FakeMic.error, FakeMic.blocks = None, []
    return FakeMic


def test_microphone_ok_names_device_and_rate(fake_mic: type[FakeMic]) -> None:
    fake_mic.blocks = [np.full(8000, 0.1, np.float32)]
    assert doctor.check_microphone(Settings()) == Finding("ok", "Fake USB Mic (48000 Hz)")


def test_microphone_that_stalls_fails(fake_mic: type[FakeMic]) -> None:
    finding = doctor.check_microphone(Settings())
    assert finding.status == "fail" and "stopped delivering" in finding.detail


def test_microphone_missing_and_portaudio_missing(fake_mic: type[FakeMic]) -> None:
    fake_mic.error = MicrophoneError("no microphone found: the sound system offers none")
    finding = doctor.check_microphone(Settings())
    assert finding.status == "fail" and "--typed" in finding.fix
    fake_mic.error = MicrophoneError("PortAudio is not installed (libportaudio.so.2)")
    assert "libportaudio2" in doctor.check_microphone(Settings()).fix


def test_a_configured_voice_is_found_however_it_is_spelled() -> None:
    """espeak lists bare ids; "espeak:gmw/en" in config.toml names the same voice."""
    from voice_coach.doctor import _listed

    installed = {"gmw/en", "piper:joe"}
    assert _listed("espeak:gmw/en", installed)
    assert _listed("gmw/en", installed)
    assert _listed("piper:joe-low", installed)
    assert not _listed("espeak:xx/yy", installed)
    assert not _listed("piper:no-such-style", installed)
