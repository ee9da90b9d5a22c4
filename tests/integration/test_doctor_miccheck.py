"""doctor and mic-check on the virtual PulseAudio, with the real model, voice and PortAudio.

The mic-check tests record from a private pair of virtual devices (a null sink
and a source remapped from its monitor, made for the test and removed after),
chosen with PULSE_SOURCE: the shared "micfeed" may be carrying another test's
speech at the same moment, which would make a "silent" room anything but.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.app import App
from textual.widgets import Static

from tests.conftest import speech_file
from voice_coach.cli import main
from voice_coach.tui.miccheck import MicCheckScreen

pytestmark = pytest.mark.integration

VOICE_COACH = [sys.executable, "-m", "voice_coach"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def private_mic(virtual_audio: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A virtual microphone of this test's own; yields the sink to play into."""
    tag = f"vcmc{os.getpid()}"
    sink, source = f"{tag}_feed", f"{tag}_mic"
    modules = []
    try:
        for args in (
            ["module-null-sink", f"sink_name={sink}"],
            ["module-remap-source", f"source_name={source}", f"master={sink}.monitor"],
        ):
            out = subprocess.run(
                ["pactl", "load-module", *args], capture_output=True, text=True, check=True
            )
            modules.append(out.stdout.strip())
        monkeypatch.setenv("PULSE_SOURCE", source)
        yield sink
    finally:
        for module in reversed(modules):
            subprocess.run(["pactl", "unload-module", module], capture_output=True, check=False)


# ---- doctor ----------------------------------------------------------------------


def test_doctor_passes_on_this_machine(virtual_audio: None) -> None:
    code, out, err = run("doctor")
    assert code == 0, out + err
    lines = out.strip().splitlines()
    assert lines[-1] == "Ready to practise."
    by_name = {line[5:].split(":", 1)[0]: line for line in lines[:-1]}
    for name in ("PortAudio", "Microphone", "Speech model", "Data directory"):
        assert by_name[name].startswith("ok   "), by_name[name]
    assert "tiny.en (bundled)" in by_name["Speech model"]
    assert "Hz)" in by_name["Microphone"]
    assert "Traceback" not in out + err


def test_doctor_with_a_missing_model_fails_and_still_checks_the_rest(
    virtual_audio: None, tmp_path: Path
) -> None:
    code, out, _ = run("doctor", "--json", "--model", str(tmp_path / "no-model"))
    assert code == 1
    results = {r["name"]: r for r in json.loads(out)}
    assert results["Speech model"]["status"] == "fail"
    assert "does not exist" in results["Speech model"]["detail"]
    assert results["Speech model"]["fix"]
    assert results["Microphone"]["status"] == "ok"
    assert results["Data directory"]["status"] == "ok"


def test_doctor_with_a_model_that_needs_a_download_from_config(
    virtual_audio: None, isolated_home: Path
) -> None:
    config = isolated_home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('model = "base.en"\n')
    code, out, err = run("doctor")
    assert code == 1
    (line,) = [x for x in out.splitlines() if x[5:].startswith("Speech model:")]
    assert line.startswith("FAIL Speech model: speech model 'base.en' is not downloaded")
    assert "— fix: " in line and "bundled tiny.en" in line
    assert out.strip().splitlines()[-1] == "Not ready: Speech model failed."
    assert "Traceback" not in out + err


# ---- mic-check through the CLI ------------------------------------------------------


def mic_check(
    *args: str, when_speaking: Callable[[], object] | None = None
) -> tuple[int, str, str]:
    """Run ``voice-coach mic-check --json``; call ``when_speaking`` at the "Now speak" prompt."""
    proc = subprocess.Popen(
        [*VOICE_COACH, "mic-check", "--json", "--no-playback", "--no-speaker-test", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert proc.stderr is not None
    err_lines = []
    for line in proc.stderr:
        err_lines.append(line)
        if line.startswith("Now speak"):
            if when_speaking is not None:
                when_speaking()
            break
    out, rest = proc.communicate(timeout=60)
    return proc.returncode, out, "".join(err_lines) + rest


def test_mic_check_hears_real_speech(private_mic: str) -> None:
    path = speech_file("platforms_en.flac")  # 4.5 s of an adult speaking
    players: list[subprocess.Popen[bytes]] = []
    code, out, err = mic_check(
        "--silence-seconds",
        "2",
        "--speech-seconds",
        "6",
        when_speaking=lambda: players.append(
            subprocess.Popen(["paplay", f"--device={private_mic}", str(path)])
        ),
    )
    for player in players:
        player.wait(30)
    assert code == 0, err
    report = json.loads(out)
    assert report["verdict"] == "good", report
    assert -35 < report["speech_level_db"] < -10
    assert report["snr_db"] > 25
    assert report["clipped_samples"] == 0
    assert report["peak_db"] < -1
    assert Path(report["speech_file"]).is_file()
    assert err.index("Stay quiet") < err.index("Now speak")


def test_mic_check_with_nothing_said_is_no_speech(private_mic: str) -> None:
    code, out, err = mic_check("--silence-seconds", "1", "--speech-seconds", "2")
    assert code == 0, err
    report = json.loads(out)
    assert report["verdict"] == "no_speech"
    assert report["advice"].startswith("no speech heard")


def test_mic_check_plain_report_and_speaker_test(private_mic: str) -> None:
    code, out, err = run("mic-check", "--silence-seconds", "0.5", "--speech-seconds", "1")
    assert code == 0, err
    assert "Stay quiet" in out and "Now speak" in out
    assert "Signal/noise" in out and "Verdict: no speech heard" in out
    assert "Playing your speech take back" in out and "Speaker test" in out
    assert "voice-coach:" not in err  # playback and the voice both worked


def test_mic_check_without_a_microphone_is_one_line(
    virtual_audio: None, isolated_home: Path
) -> None:
    config = isolated_home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('input_device = "No Such Microphone"\n')
    code, out, err = run("mic-check", "--no-speaker-test")
    assert code == 1
    assert err.startswith("voice-coach: no microphone found") and err.count("\n") == 1
    assert "Traceback" not in out + err


# ---- the screen ------------------------------------------------------------------------


class Host(App[None]):
    def __init__(self, screen: MicCheckScreen) -> None:
        super().__init__()
        self.check_screen = screen

    def on_mount(self) -> None:
        self.push_screen(self.check_screen)


async def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def test_screen_measures_speech_from_the_microphone(
    private_mic: str, tmp_path: Path
) -> None:
    from voice_coach.config import Settings
    from voice_coach.speech.stt import Transcriber
    from voice_coach.speech.tts import Voice
    from voice_coach.store import Store
    from voice_coach.tui.services import Services

    assert shutil.which("paplay")
    path = speech_file("platforms_en.flac")
    services = Services(Store(tmp_path), Transcriber(), Voice(), Settings())
    screen = MicCheckScreen(services, silence_s=1.0, speech_s=5.5)
    app = Host(screen)

    def step_text() -> str:
        return str(screen.query_one("#mc-step", Static).render())

    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(lambda: "Step 2 of 2" in step_text(), 15, "the speak step")
        player = subprocess.Popen(["paplay", f"--device={private_mic}", str(path)])
        try:
            await wait_for(lambda: screen.state != "recording", 20, "the report")
        finally:
            player.wait(30)
        await pilot.pause()
        assert screen.state == "done" and screen.result is not None
        assert screen.result.report.verdict == "good", screen.result.report
        assert "✔ Good" in str(screen.query_one("#mc-verdict", Static).render())
        assert "Speech level" in str(screen.query_one("#mc-report", Static).render())
        await pilot.press("p")
        assert screen.playing
        await wait_for(lambda: not screen.playing, 15, "playback to end")
        assert "✘" not in str(screen.query_one("#mc-status", Static).render())
