"""When playback counts as stalled: the device stops asking for audio, not a slow device
(a busy machine's sound server underruns and catches up) nor a stream whose end is never
reported after every sample was played."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest

from voice_coach.audio import playback
from voice_coach.errors import PlaybackError
from voice_coach.speech import streaming

RATE = 16000
BLOCK = 800


class FakeStream:
    """Asks for a block every ``every_s`` until it has asked ``blocks`` times or the
    callback stops it; reports the end only if ``reports_end``."""

    def __init__(self, callback: Any, finished: threading.Event, **how: Any) -> None:
        self.callback, self.finished = callback, finished
        self.every_s: float = how.get("every_s", 0.005)
        self.blocks: int | None = how.get("blocks")
        self.reports_end: bool = how.get("reports_end", True)
        self.aborted = threading.Event()
        self.started = False

    def _run(self) -> None:
        import sounddevice as sd

        asked = 0
        while not self.aborted.is_set() and (self.blocks is None or asked < self.blocks):
            asked += 1
            try:
                self.callback(np.zeros((BLOCK, 1), np.float32), BLOCK, None, None)
            except sd.CallbackStop:
                if self.reports_end:
                    self.finished.set()
                return
            self.aborted.wait(self.every_s)

    def start(self) -> None:
        """Like sounddevice's: entering a started stream does not start it again."""
        if not self.started:
            self.started = True
            threading.Thread(target=self._run, daemon=True).start()

    def __enter__(self) -> FakeStream:
        self.start()
        return self

    def __exit__(self, *args: object) -> None:
        self.aborted.set()

    def abort(self) -> None:
        self.aborted.set()

    close = abort


@pytest.fixture
def device(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    pytest.importorskip("sounddevice")
    how: dict[str, Any] = {}
    monkeypatch.setattr(playback, "STALL_S", 0.3)
    for module in (playback, streaming):
        monkeypatch.setattr(
            module,
            "output_stream",
            lambda rate, dev, callback, finished: FakeStream(callback, finished, **how),
        )
    return how


def _play(how: str, audio: np.ndarray) -> None:
    """A file's audio played whole, or speech played as it is rendered, in two chunks."""
    if how == "file":
        playback.play(audio, RATE)
    else:
        half = len(audio) // 2
        streaming.play_stream(iter([audio[:half], audio[half:]]), RATE)


both = pytest.mark.parametrize("how", ["file", "stream"])


@both
def test_a_device_slower_than_the_audio_is_not_stalled(device: dict[str, Any], how: str) -> None:
    device["every_s"] = 0.2  # 0.05 s blocks: 0.25 s of audio takes a second
    _play(how, np.zeros(RATE // 4, np.float32))


@both
def test_an_end_never_reported_after_all_was_played_is_not_an_error(
    device: dict[str, Any], how: str
) -> None:
    device["reports_end"] = False
    _play(how, np.zeros(RATE // 4, np.float32))


@both
def test_a_device_that_stops_asking_for_audio_is_stalled(device: dict[str, Any], how: str) -> None:
    device["blocks"] = 2
    with pytest.raises(PlaybackError, match="stalled"):
        _play(how, np.zeros(RATE, np.float32))
