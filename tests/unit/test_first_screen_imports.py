"""What the app imports before its home screen is drawn, and what it leaves for later.

The first screen used to wait for numpy, the speech engines, the scorer's vocabulary and
every screen and command of the app: over a second on a small machine. The home screen
needs none of them; they are imported when first used, or warmed in the background once
the first frame is up. Each check runs the app in a fresh interpreter, since this one
has imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import voice_coach

SOURCE = Path(voice_coach.__file__).resolve().parents[1]

HEAVY = (
    "numpy",
    "faster_whisper",
    "ctranslate2",
    "onnxruntime",
    "sounddevice",
    "soundfile",
    "voice_coach.speech.stt",
    "voice_coach.speech.tts",
    "voice_coach.live",
    "voice_coach.practice",
    "voice_coach.scoring.scorer",
    "voice_coach.scoring.lexicons",
    "voice_coach.tui.practice",
    "voice_coach.tui.mock",
    "voice_coach.tui.history",
    "voice_coach.tui.settings",
    "voice_coach.tui.miccheck",
    "voice_coach.cli.answers",
    "voice_coach.cli.sessions",
    "pydantic",
    "voice_coach.config",
    "voice_coach.questions",
    "voice_coach.tui.mock_setup",
    "voice_coach.tui.tables",
    "textual.widgets._data_table",
    "textual.widgets._radio_set",
    "voice_coach.attempts",
    "voice_coach.scoring.codes",
    "zipfile",
    "click",
    "voice_coach.cli",
)
"""Not needed to draw the home screen: the settings and the sets are validated after it."""

WARMED = (
    "voice_coach.scoring.scorer",
    "voice_coach.tui.practice",
    "voice_coach.tui.mock",
    "voice_coach.config",
    "voice_coach.questions",
)
"""Imported in the background after the first frame, so the first answer is not kept
waiting for them either."""

# The bare command's own imports (it opens the app without the click group), then the
# app as it starts: the snapshot is taken as the home screen's first frame is handed to
# the terminal (the work after the first frame starts after that), and again once the
# model's worker has ended.
PROBE = """
import json, sys
import voice_coach.__main__, voice_coach.launch
from voice_coach.store import Store
from voice_coach.tui.app import VoiceCoachApp
from voice_coach.tui.screens import HomeScreen

seen = {}

class Probe(VoiceCoachApp):
    def _display(self, screen, renderable):
        if renderable is not None and isinstance(screen, HomeScreen) and "home" not in seen:
            listed = [s.option_count for s in screen.query("#sets")]  # drawn, sets listed
            seen["home"] = listed == [9]
            seen["modules"] = sorted(sys.modules)
        super()._display(screen, renderable)

    def load_model(self):
        worker = super().load_model()

        async def warmed():
            await worker.wait()  # the model fails to load; the warming goes on, then ends
            seen["warmed"] = sorted(sys.modules)
            # The sets validated too: what they remember is the next launch's first look.
            await self.workers.wait_for_complete([w for w in self.workers if w.group == "sets"])
            self.exit()

        self.run_worker(warmed())

def read_settings():
    from voice_coach.config import Settings

    return Settings(model=sys.argv[1], speak_questions=False)

# A model that cannot load, so the worker ends at once and only the warming runs.
Probe(read_settings=read_settings, store=Store()).run(headless=True)
print(json.dumps(seen))
"""


def _probe(tmp_path: Path) -> dict[str, object]:
    """The probe's findings, launched in ``tmp_path``'s home (a second call: a second launch)."""
    env = {**os.environ, "PYTHONPATH": str(SOURCE), "VOICE_COACH_HOME": str(tmp_path / "home")}
    missing_model = str(tmp_path / "no-such-model")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, missing_model],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_home_screen_is_drawn_without_the_heavy_modules(tmp_path: Path) -> None:
    seen = _probe(tmp_path)
    assert seen["home"], "the home screen, with its sets listed, was up"
    modules = set(seen["modules"])  # type: ignore[call-overload]
    assert "voice_coach.tui.screens" in modules and "textual" in modules
    assert sorted(m for m in HEAVY if m in modules) == []
    # Warmed after the first frame, on the model's worker thread.
    warmed = set(seen["warmed"])  # type: ignore[call-overload]
    assert sorted(m for m in WARMED if m not in warmed) == []


def test_from_the_second_launch_on_no_set_file_is_parsed_before_the_home_screen(
    tmp_path: Path,
) -> None:
    """The first launch parses each set for its title (and validates it after the first
    frame); from the next one the validation's memory of them serves, and the TOML parser
    is not even imported before the home screen is drawn."""
    first = _probe(tmp_path)
    assert "tomllib" in set(first["modules"])  # type: ignore[call-overload]
    second = _probe(tmp_path)
    assert second["home"], "the home screen, with its sets listed, was up"
    assert "tomllib" not in set(second["modules"])  # type: ignore[call-overload]
