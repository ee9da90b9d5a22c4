"""glibc's heap thresholds: set once, before the model loads, and skipped off glibc."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from voice_coach import heap
from voice_coach.speech import stt


class _Libc:
    """Stands in for glibc: records what ``mallopt`` was asked to set."""

    def __init__(self) -> None:
        self.set: list[tuple[int, int]] = []

    def mallopt(self, param: int, value: int) -> int:
        self.set.append((param, value))
        return 1


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    heap.limit_heap_growth.cache_clear()
    yield
    heap.limit_heap_growth.cache_clear()


def test_the_thresholds_are_set_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    libc = _Libc()
    monkeypatch.setattr(heap, "_glibc", lambda: libc)
    assert heap.limit_heap_growth()
    assert heap.limit_heap_growth()
    assert libc.set == [
        (heap.M_MMAP_THRESHOLD, heap.MMAP_THRESHOLD),
        (heap.M_TRIM_THRESHOLD, heap.TRIM_THRESHOLD),
    ]


def test_without_glibc_nothing_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_glibc", lambda: None)
    assert not heap.limit_heap_growth()


def test_a_libc_without_glibcs_calls_is_not_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    class _Musl:  # musl and macOS have a C library, but no gnu_get_libc_version
        def mallopt(self, param: int, value: int) -> int:
            raise AssertionError("mallopt called on a C library that is not glibc")

    monkeypatch.setattr(heap.ctypes, "CDLL", lambda _name: _Musl())
    assert heap._glibc() is None
    assert not heap.limit_heap_growth()


def test_loading_the_model_sets_the_thresholds_first(monkeypatch: pytest.MonkeyPatch) -> None:
    libc = _Libc()
    monkeypatch.setattr(heap, "_glibc", lambda: libc)
    seen: list[int] = []

    def model(path: str, **options: Any) -> object:
        seen.append(len(libc.set))  # what was set when the model's buffers were allocated
        return object()

    import faster_whisper

    monkeypatch.setattr(faster_whisper, "WhisperModel", model)
    stt._load_model(None, cpu_threads=1)
    assert seen == [2]
