"""Writes an answer to disk while it is being spoken.

The file is flushed about once a second, so a crash or a vanished device
loses at most that much: a recording is never held only in memory.
"""

from __future__ import annotations

import time
from pathlib import Path
from types import TracebackType

import numpy as np
import soundfile

from voice_coach.audio import SAMPLE_RATE

FLUSH_EVERY_S = 1.0


class Recorder:
    """A FLAC file opened for writing; ``write`` blocks as they arrive."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.samples = 0
        self._file: soundfile.SoundFile | None = None
        self._last_flush = 0.0

    def __enter__(self) -> Recorder:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = soundfile.SoundFile(
            str(self.path), "w", samplerate=SAMPLE_RATE, channels=1, format="FLAC", subtype="PCM_16"
        )
        self._last_flush = time.monotonic()
        return self

    def write(self, block: np.ndarray) -> None:
        assert self._file is not None, "Recorder used outside its context"
        self._file.write(np.clip(block, -1.0, 1.0))
        self.samples += len(block)
        now = time.monotonic()
        if now - self._last_flush >= FLUSH_EVERY_S:
            self._file.flush()
            self._last_flush = now

    @property
    def duration_s(self) -> float:
        return self.samples / SAMPLE_RATE

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
