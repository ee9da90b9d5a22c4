"""Playing speech while it is still being rendered.

A question of three sentences takes Piper a second or two to render whole; played
as it comes, the first words are heard after the first sentence. PortAudio pulls
from a buffer the renderer fills; the caller's thread renders, so nothing here
waits on a UI. Stoppable at any moment, like :func:`voice_coach.audio.playback.play`.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable, Iterable

import numpy as np

from voice_coach.audio.playback import await_end, output_stream
from voice_coach.errors import PlaybackError


def play_stream(
    chunks: Iterable[np.ndarray],
    rate: int,
    *,
    device: int | str | None = None,
    stop: threading.Event | None = None,
    on_chunk: Callable[[np.ndarray], None] | None = None,
) -> None:
    """Play mono float32 ``chunks`` as they come; returns when all are played or ``stop`` is set.

    The stream opens with the first chunk, so no silence is played while it renders.
    A chunk that comes late leaves a short pause, never a glitch: the callback plays
    silence until it arrives. ``on_chunk`` sees each chunk as it is queued (to keep
    the whole for the cache).
    """
    try:
        import sounddevice as sd
    except OSError as exc:
        raise PlaybackError(f"PortAudio is not installed ({exc}); install libportaudio2") from None
    stop = stop or threading.Event()
    pending: collections.deque[np.ndarray] = collections.deque()
    lock = threading.Lock()
    finished = threading.Event()
    all_queued = threading.Event()
    offset = 0
    asked = 0

    def callback(outdata: np.ndarray, frames: int, when: object, status: object) -> None:
        nonlocal offset, asked
        asked += 1
        filled = 0
        with lock:
            while filled < frames and pending:
                head = pending[0]
                take = min(frames - filled, len(head) - offset)
                outdata[filled : filled + take, 0] = head[offset : offset + take]
                filled += take
                offset += take
                if offset >= len(head):
                    pending.popleft()
                    offset = 0
            # Read together under the lock: a chunk queued between the two reads must
            # not be taken for the end (it would cut off the last sentences).
            done = not pending and all_queued.is_set()
        outdata[filled:, 0] = 0
        if stop.is_set() or done:
            raise sd.CallbackStop

    stream = None
    try:
        for chunk in chunks:
            if stop.is_set():
                break
            chunk = np.asarray(chunk, dtype=np.float32).reshape(-1)
            if on_chunk is not None:
                on_chunk(chunk)
            with lock:
                pending.append(chunk)
            if stream is None:
                stream = output_stream(rate, device, callback, finished)
                stream.start()
    except BaseException:
        all_queued.set()
        if stream is not None:
            stream.abort()
            stream.close()
        raise
    all_queued.set()
    if stream is None:
        return
    with stream:

        def all_played() -> bool:
            with lock:
                return not pending

        await_end(stream, finished, stop, asked=lambda: asked, all_played=all_played)
