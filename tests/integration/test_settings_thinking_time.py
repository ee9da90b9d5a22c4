"""Thinking time before the first word is a setting the form shows, explains and saves."""

from __future__ import annotations

import tomllib

import pytest
from textual.widgets import Static

from tests.integration.test_settings_screen import SIZE, Host, _ready, _settled, _text, _type_into
from voice_coach import locations
from voice_coach.config import load_settings

pytestmark = pytest.mark.integration


async def test_thinking_time_is_shown_explained_and_saved(virtual_audio: None) -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        hints = " ".join(_text(s) for s in screen.query(".hint").results(Static))
        assert "Thinking time: seconds of silence allowed before the first word" in hints
        await _type_into(pilot, "thinking-time", "40")
        await pilot.press("ctrl+s")
        await _settled(pilot)
        raw = tomllib.loads(locations.config_file().read_text())
        assert raw == {"initial_silence_s": 40.0}
        assert load_settings().initial_silence_s == 40.0
        assert app.services.settings.initial_silence_s == 40.0
