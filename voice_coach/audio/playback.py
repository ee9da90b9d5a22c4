"""Playing audio through the output device, stoppable at any moment.

The interviewer's voice is played here rather than by the TTS engine itself so
that the user can interrupt it (start answering, skip, quit) at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import soundfile

from voice_coach.audio import device_missing
from voice_coach.errors import PlaybackError, first_line

POSITION_INTERVAL_S = 0.25

STALL_S = 5.0
"""How long the device may go without asking for audio before playback counts as stalled."""


def output_stream(
    rate: int, device: int | str | None, callback: Callable[..., None], finished: threading.Event
) -> Any:
    """A mono float32 output stream fed by ``callback``, setting ``finished`` at its end;
    a missing or busy speaker is one clear error, whoever plays (a file, or speech as it
    is rendered)."""
    import sounddevice as sd

    try:
        return sd.OutputStream(
            samplerate=rate,
            channels=1,
            dtype="float32",
            device=device,
            callback=callback,
            finished_callback=finished.set,
        )
    except Exception as exc:
        reason = device_missing("speaker or headphones", device, first_line(exc))
        raise PlaybackError(reason) from None


def play_file(
    path: Path,
    *,
    device: int | str | None = None,
    stop: threading.Event | None = None,
    on_position: Callable[[float, float], None] | None = None,
) -> None:
    try:
        data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except Exception as exc:
        raise PlaybackError(f"cannot read {path.name} for playback ({exc})") from None
    play(data[:, 0], rate, device=device, stop=stop, on_position=on_position)


def play(
    audio: np.ndarray,
    rate: int,
    *,
    device: int | str | None = None,
    stop: threading.Event | None = None,
    on_position: Callable[[float, float], None] | None = None,
) -> None:
    """Play mono audio; returns when it has finished or ``stop`` is set.

    ``on_position(played_s, total_s)`` is called about four times a second from
    the calling thread (never from the audio callback, which must not wait on a UI).
    """
    try:
        import sounddevice as sd
    except OSError as exc:
        raise PlaybackError(f"PortAudio is not installed ({exc}); install libportaudio2") from None
    stop = stop or threading.Event()
    finished = threading.Event()
    position = 0

    def callback(outdata: np.ndarray, frames: int, when: object, status: object) -> None:
        nonlocal position
        chunk = audio[position : position + frames]
        outdata[: len(chunk), 0] = chunk
        outdata[len(chunk) :, 0] = 0
        position += frames
        if position >= len(audio) or stop.is_set():
            raise sd.CallbackStop

    stream = output_stream(rate, device, callback, finished)
    with stream:
        duration = len(audio) / rate
        started = time.monotonic()
        reported = -1.0

        def tick(now: float) -> None:
            nonlocal reported
            if on_position is not None and now - started - reported >= POSITION_INTERVAL_S:
                reported = now - started
                on_position(min(position, len(audio)) / rate, duration)

        await_end(
            stream,
            finished,
            stop,
            asked=lambda: position,
            all_played=lambda: position >= len(audio),
            on_tick=tick,
        )


def await_end(
    stream: Any,
    finished: threading.Event,
    stop: threading.Event,
    *,
    asked: Callable[[], int],
    all_played: Callable[[], bool],
    on_tick: Callable[[float], None] | None = None,
) -> None:
    """Wait for a started ``stream`` to end, stopping it when ``stop`` is set.

    Stalled means the device stopped asking for audio (``asked`` stays the same for
    :data:`STALL_S`), not that playing took long: on a busy machine the sound server
    underruns and catches up, and once all the audio is handed over it may be slow to say
    the stream has drained, or never say it; that is an end, not an error. One rule for
    a file and for speech played as it is rendered.
    """
    moved = time.monotonic()
    seen = asked()
    while not finished.wait(0.05):
        now = time.monotonic()
        if (count := asked()) != seen:
            seen, moved = count, now
        if on_tick is not None:
            on_tick(now)
        if stop.is_set():
            stream.abort()
            return
        if now - moved > STALL_S:
            stream.abort()
            if all_played():
                return  # every sample was played; only the end was never reported
            raise PlaybackError("playback stalled: the output device stopped responding")
