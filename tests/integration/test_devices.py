"""Device listing and the microphone check on real PortAudio (the virtual PulseAudio).

PortAudio reaches PulseAudio through ALSA's pulse plugin, so the server's own
sinks and sources (``speaker``, ``mic``) are not PortAudio devices: they are
behind ``pulse`` and ``default``, which lead to the server's default source.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from tests.helpers import play_into_mic
from voice_coach.audio.devices import check_input, input_devices, output_devices
from voice_coach.errors import MicrophoneError
from voice_coach.speech.tts import list_voices

pytestmark = pytest.mark.integration


def test_virtual_devices_are_listed(virtual_audio: None) -> None:
    for listing in (input_devices(), output_devices()):
        names = {d.name for d in listing}
        assert {"pulse", "default"} <= names
        assert sum(d.is_default for d in listing) == 1
        for device in listing:
            assert device.channels > 0 and device.default_rate > 0 and device.host_api


def test_check_input_hears_the_virtual_microphone(virtual_audio: None, tmp_path: Path) -> None:
    tone = tmp_path / "tone.wav"
    t = np.arange(int(4.0 * 16_000)) / 16_000
    soundfile.write(tone, (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), 16_000)
    pulse = next(d for d in input_devices() if d.name == "pulse")
    player = play_into_mic(tone)
    try:
        # The default, a saved "name, host API" and an index all reach the virtual "mic".
        for device in (None, pulse.query, pulse.index):
            result = check_input(device, seconds=0.5)
            assert result.peak > 0.1, f"{device!r} heard no tone (peak {result.peak})"
            assert result.rate > 0
    finally:
        player.kill()
        player.wait()


def test_check_input_on_an_unknown_device_is_a_clear_error(virtual_audio: None) -> None:
    with pytest.raises(MicrophoneError, match=r"no microphone found.*no-such-mic"):
        check_input("no-such-mic")
    with pytest.raises(MicrophoneError, match="no microphone found"):
        check_input(999)


def test_voices_are_listed_with_languages() -> None:
    voices = list_voices()
    english = [v for v in voices if any(lang.startswith("en") for lang in v.languages)]
    assert english, "espeak-ng offers no English voice"
    assert all(v.id and v.name for v in voices)
