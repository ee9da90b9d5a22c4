"""A named model: the cache first, the hub only when it is not there."""

from __future__ import annotations

from typing import Any

import faster_whisper
import pytest

from voice_coach.errors import ModelError
from voice_coach.speech import stt


class _Hub:
    """Stands in for WhisperModel: the cache holds ``cached``; the network is down."""

    def __init__(self, cached: set[str]) -> None:
        self.cached = cached
        self.calls: list[dict[str, Any]] = []

    def __call__(self, spec: str, **options: Any) -> object:
        self.calls.append({"spec": spec, **options})
        if spec in self.cached:
            return object()
        if options.get("local_files_only"):
            raise RuntimeError("not in the cache")
        raise OSError("the network is unreachable")


def test_a_downloaded_model_is_loaded_without_asking_the_hub(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub = _Hub(cached={"base.en"})
    monkeypatch.setattr(faster_whisper, "WhisperModel", hub)
    stt._load_model("base.en", cpu_threads=1)
    assert [call["local_files_only"] for call in hub.calls] == [True]


def test_a_model_not_downloaded_is_fetched_and_a_failure_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub = _Hub(cached=set())
    monkeypatch.setattr(faster_whisper, "WhisperModel", hub)
    with pytest.raises(ModelError, match="could not be downloaded"):
        stt._load_model("small.en", cpu_threads=1)
    assert [call.get("local_files_only", False) for call in hub.calls] == [True, False]
