"""Writes an answer to disk while it is being spoken.

Every FLAC frame reaches the operating system as soon as it is encoded, and the
frames are short (1,152 samples, 72 ms: compression level 0), so a process killed
mid-answer loses less than a tenth of a second of it; the file is also synced to the
disk about once a second, for a power cut. A recording is never held only in memory.

The encoder writes through a file object of ours rather than its own descriptor:
that is how a failed write keeps its errno, so a full disk (ENOSPC, EDQUOT) or a
failing one (EIO) stops the recording with words a user can act on, and what was
written before it stays on disk for recovery.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import time
from pathlib import Path
from types import TracebackType

import numpy as np
import soundfile

from voice_coach.audio import SAMPLE_RATE
from voice_coach.errors import VoiceCoachError

FLUSH_EVERY_S = 1.0
"""How often the file is synced to the disk (for a power cut; a crash loses one frame)."""

FRAME_SAMPLES = 1152
"""Samples per FLAC frame at compression level 0: at most this much is still in the
encoder when the process dies."""

COMPRESSION_LEVEL = 0.0
"""The fastest level, and the one with the shortest frames; speech compresses about as well."""

_DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


class RecordingWriteError(VoiceCoachError):
    """The answer's file cannot be written any further; what is on disk is kept."""

    def __init__(self, message: str, errno_: int | None = None) -> None:
        super().__init__(message)
        self.errno = errno_

    @property
    def disk_full(self) -> bool:
        return self.errno in _DISK_FULL


def write_error(path: Path, exc: BaseException) -> RecordingWriteError:
    """Plain words for a failed write, by its errno."""
    code = exc.errno if isinstance(exc, OSError) else None
    if code in _DISK_FULL:
        what = "the disk is full" if code == errno.ENOSPC else "your disk quota is used up"
        return RecordingWriteError(what, code)
    if isinstance(exc, OSError):
        return RecordingWriteError(
            f"the disk reported an error writing {path.name} ({exc.strerror or exc})", code
        )
    return RecordingWriteError(f"cannot write {path.name} ({exc})")


def open_file(path: Path) -> io.FileIO:
    """The file an answer is written to, emptied, private from its first byte.

    A file that exists (reserved and locked by the store) keeps its inode, and so its
    owner's lock. Tests replace this to play a full or failing disk.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    return io.FileIO(fd, "r+", closefd=True)


class _Sink:
    """The file the encoder writes to; remembers the first OSError instead of raising it.

    An exception raised inside libsndfile's callback would be printed to the terminal
    and lost; a short write makes libsndfile fail the call, and the error is read here.
    """

    def __init__(self, raw: io.FileIO) -> None:
        self.raw = raw
        self.error: OSError | None = None

    def write(self, data: bytes) -> int:
        if self.error is not None:
            return 0
        view = memoryview(data)
        done = 0
        try:
            # A short write is how a disk says it is nearly full: the next one says why.
            while done < len(view):
                n = self.raw.write(view[done:])
                if not n:
                    raise OSError(errno.EIO, "the write made no progress")
                done += n
        except OSError as exc:
            self.error = exc
        return done

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self.raw.seek(offset, whence)

    def tell(self) -> int:
        return self.raw.tell()

    def read(self, size: int = -1) -> bytes:
        return self.raw.read(size) or b""


class Recorder:
    """A FLAC file opened for writing; ``write`` blocks as they arrive.

    ``write`` raises :class:`RecordingWriteError` when the disk refuses; leaving the
    context never raises, and :attr:`error` tells whether the file was finished.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.samples = 0
        """Samples handed to the encoder without an error."""
        self.error: RecordingWriteError | None = None
        self.file_samples: int | None = None
        """Samples the finished file holds, measured after closing it (None if unfinished)."""
        self._raw: io.FileIO | None = None
        self._sink: _Sink | None = None
        self._file: soundfile.SoundFile | None = None
        self._last_flush = 0.0

    def __enter__(self) -> Recorder:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._raw = open_file(self.path)
        except OSError as exc:
            self.error = write_error(self.path, exc)
            raise self.error from None
        self._sink = _Sink(self._raw)
        try:
            self._file = soundfile.SoundFile(
                self._sink,
                "w",
                samplerate=SAMPLE_RATE,
                channels=1,
                format="FLAC",
                subtype="PCM_16",
                compression_level=COMPRESSION_LEVEL,
            )
        except Exception as exc:
            self._raw.close()
            self._raw = None
            self.error = write_error(self.path, self._sink.error or exc)
            raise self.error from None
        self._last_flush = time.monotonic()
        return self

    def write(self, block: np.ndarray) -> None:
        assert self._file is not None and self._raw is not None, "Recorder used outside its context"
        if self.error is not None:
            raise self.error
        try:
            self._file.write(np.clip(block, -1.0, 1.0))
            if self._sink is not None and self._sink.error is not None:
                raise self._sink.error
            now = time.monotonic()
            if now - self._last_flush >= FLUSH_EVERY_S:
                os.fsync(self._raw.fileno())
                self._last_flush = now
        except Exception as exc:  # libsndfile's error, an assertion on a short write, OSError
            sink_error = self._sink.error if self._sink is not None else None
            self.error = write_error(self.path, sink_error or exc)
            raise self.error from None
        self.samples += len(block)

    @property
    def duration_s(self) -> float:
        """What the file holds once finished; until then, what was handed to the encoder."""
        samples = self.file_samples if self.file_samples is not None else self.samples
        return samples / SAMPLE_RATE

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        file, self._file = self._file, None
        raw, self._raw = self._raw, None
        if file is not None:
            try:
                file.close()  # the last frame and the finished header
                if self._sink is not None and self._sink.error is not None:
                    raise self._sink.error
                if raw is not None and self.error is None:
                    os.fsync(raw.fileno())
            except Exception as close_exc:
                if self.error is None:
                    sink_error = self._sink.error if self._sink is not None else None
                    self.error = write_error(self.path, sink_error or close_exc)
        if raw is not None:
            with contextlib.suppress(OSError):
                raw.close()
        if self.error is None and file is not None and self.samples == 0:
            self.file_samples = 0  # nothing was recorded (the device never opened): no header
        elif self.error is None and file is not None:
            try:
                self.file_samples = soundfile.info(str(self.path)).frames
            except Exception as info_exc:
                self.error = write_error(self.path, info_exc)
