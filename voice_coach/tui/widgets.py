"""Small widgets of the practice screen."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

METER_WIDTH = 30


class LevelMeter(Static):
    """Microphone level as a bar *and* a number, so it reads without colour."""

    DEFAULT_CSS = """
    LevelMeter { height: 1; width: auto; }
    """

    level_db: reactive[float] = reactive(-60.0)
    """Input level in dBFS: -60 silence, 0 clipping."""

    def render(self) -> str:
        filled = round((self.level_db + 60) / 60 * METER_WIDTH)
        filled = max(0, min(METER_WIDTH, filled))
        return f"Mic {'█' * filled}{'░' * (METER_WIDTH - filled)} {self.level_db:5.0f} dB"
