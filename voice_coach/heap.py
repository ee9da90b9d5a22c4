"""Keep glibc's heap from holding on to the speech model's large, short-lived buffers.

A Whisper decode allocates a few large buffers and frees them at once: the encoder's
attention scores (6 heads x positions squared: 54 MB for a 30 s window, 6 MB for the live
path's 10 s one), its im2col and feed-forward buffers (4-9 MB at 30 s); Silero does the
same over a long stretch of audio. glibc serves a block that large with ``mmap`` and gives
it back on ``free``, but each time it frees such a block it raises its threshold for
``mmap`` to that block's size (up to 32 MB), and its threshold for handing free memory at
the top of a heap back to the system to twice that. From then on every buffer under the
largest seen came from a heap and stayed there when freed, in every thread that decoded:
a Silero pass over two minutes kept 24-38 MB more each time, 9 MB with the fixed
thresholds here, and the speech path's peak RSS crept up over a long run.

Fixed thresholds stop that: a block of :data:`MMAP_THRESHOLD` or more is always mapped
and unmapped, so what a 30 s window needed goes back to the system when it is done; free
memory at the top of a heap is kept up to :data:`TRIM_THRESHOLD`, so the small tensors of
each decoding step (a 200 KB row of logits per token) are reused. With glibc's own
trim threshold of 128 KB instead, that memory was handed back and faulted in again token
after token: replaying a live answer's 59 decodes spent 14 s in the kernel, not 4 s. With
the thresholds here they gave the same words in the same time as with glibc's defaults.

glibc only: elsewhere (macOS, musl, Windows) this does nothing, and the allocator there
keeps its own policy.
"""

from __future__ import annotations

import ctypes
import functools
from typing import Any

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
"""glibc's ``mallopt`` parameter numbers (``malloc.h``)."""

MMAP_THRESHOLD = 4 * 2**20
"""Blocks this large or larger are mapped for each use: the encoder's attention scores and
larger buffers. Under it, a live decode's tensors stay in the heap for the next decode."""

TRIM_THRESHOLD = 32 * 2**20
"""Free memory at the top of a heap kept for reuse before it is handed back."""


def _glibc() -> Any | None:
    """The C library this process runs on, when it is glibc; None anywhere else."""
    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018 - only glibc has it (not musl, macOS)
        libc.mallopt  # noqa: B018
    except (AttributeError, OSError, TypeError):  # TypeError: Windows has no CDLL(None)
        return None
    return libc


@functools.cache
def limit_heap_growth() -> bool:
    """Fix glibc's thresholds (see the module docstring), once per process; whether they
    were set. Called before the speech model loads, so loading it is covered too."""
    libc = _glibc()
    if libc is None:
        return False
    return bool(
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        and libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )
