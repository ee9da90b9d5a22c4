"""Keep glibc's heap from holding on to the speech model's large, short-lived buffers.

A Whisper decode allocates a few large buffers and frees them at once: the encoder's
attention scores (6 heads x positions squared, 54 MB for a 30 s window, 6 MB for the live
path's 10 s one), its im2col and feed-forward buffers (4-9 MB at 30 s). glibc serves a
block that large with ``mmap`` and gives it back on ``free``, but each time it frees such
a block it raises its threshold for ``mmap`` to that block's size (up to 32 MB), and the
threshold for handing free memory at the top of a heap back to the system to twice that.
After the first 30 s window, then, every buffer under the largest seen came from the
decoding thread's heap and stayed there when freed, and the process grew with every new
window length and every thread that decoded: the speech path's peak RSS rose over a run
to 440-470 MB, where the model's weights, libraries and one 30 s decode need about 320.

Fixed thresholds stop that: a block of :data:`MMAP_THRESHOLD` or more is always mapped
and unmapped, so what a 30 s window needed is back with the system when it is done; free
memory at the top of a heap is kept up to :data:`TRIM_THRESHOLD`, so the small tensors
of each decoding step (a 200 KB row of logits per token) are reused, not handed back and
faulted in again per token, which made decoding 2x slower with glibc's default 128 KB.

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
