"""The voice's retry logic, with a fake pyttsx3 engine: no espeak, no sound device.

pyttsx3's espeak driver now and then writes no WAV (seen under CPU load); a user would
meet that as a question never spoken, so a render that yields no audio is retried
with a freshly made engine. The real engine is exercised in tests/integration/test_voice.py.
"""

from __future__ import annotations

import gc
import sys
import threading
import types
import weakref
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import soundfile

from voice_coach.errors import VoiceError
from voice_coach.speech import tts

RATE = 22050


def write_wav(path: str, seconds: float = 0.5) -> None:
    t = np.arange(int(RATE * seconds)) / RATE
    soundfile.write(path, 0.3 * np.sin(2 * np.pi * 220 * t), RATE, subtype="PCM_16")


class FakeEngine:
    """Stands in for a pyttsx3 engine; ``outcome`` is what its renders do.

    "audio": write a WAV; "nothing": write no file; "header": write a WAV with no
    frames; "raise": runAndWait fails; "late": write the WAV from another thread a
    little after runAndWait returns, busy until then (as espeak does).
    """

    def __init__(self, outcome: str, log: list[str] | None = None) -> None:
        self.outcome = outcome
        self.log = log if log is not None else []
        self.props: dict[str, object] = {"voice": "default-voice", "voices": []}
        self.renders: list[tuple[str, str]] = []
        self.busy = False
        self._pending: tuple[str, str] | None = None

    def getProperty(self, name: str) -> object:
        return self.props[name]

    def setProperty(self, name: str, value: object) -> None:
        self.props[name] = value

    def save_to_file(self, text: str, filename: str) -> None:
        self._pending = (text, filename)

    def runAndWait(self) -> None:
        assert self._pending is not None
        text, filename = self._pending
        self.renders.append((text, filename))
        if self.outcome == "audio":
            write_wav(filename)
        elif self.outcome == "header":
            write_wav(filename, seconds=0.0)
        elif self.outcome == "raise":
            raise RuntimeError("run loop already started")
        elif self.outcome == "late":
            self.busy = True

            def later() -> None:
                write_wav(filename)
                self.busy = False

            threading.Timer(0.2, later).start()

    def stop(self) -> None:
        self.log.append("stop")


class Factory:
    """Makes engines with the given outcomes in turn, as ``pyttsx3.init`` would."""

    def __init__(self, *outcomes: str) -> None:
        self.outcomes = list(outcomes)
        self.made: list[weakref.ref[FakeEngine]] = []
        self.last: FakeEngine | None = None
        self.log: list[str] = []
        """"make (N alive)" and "stop", in order."""

    def __call__(self) -> FakeEngine:
        # How many engines the renderer still holds as it asks for a new one.
        self.last = None
        gc.collect()
        self.log.append(f"make ({sum(ref() is not None for ref in self.made)} alive)")
        engine = FakeEngine(self.outcomes.pop(0) if self.outcomes else "audio", self.log)
        self.made.append(weakref.ref(engine))
        self.last = engine
        return engine

    def busy(self) -> bool:
        return self.last is not None and self.last.busy


def renderer(factory: Factory, busy: Callable[[], bool | None] | None = None) -> tts._Renderer:
    return tts._Renderer(factory, busy=busy or factory.busy, attempts=3, attempt_timeout_s=30.0)


def rendered(path: Path) -> float:
    info = soundfile.info(str(path))
    assert info.samplerate == RATE
    return float(info.duration)


def test_a_good_render_uses_the_one_engine(tmp_path: Path) -> None:
    factory = Factory("audio")
    path = renderer(factory).render("Why us?", "en-gb", 150, tmp_path / "q.wav")
    assert rendered(path) == pytest.approx(0.5)
    assert len(factory.made) == 1
    engine = factory.last
    assert engine is not None and engine.props["voice"] == "en-gb" and engine.props["rate"] == 150


@pytest.mark.parametrize("lost", ["nothing", "header", "raise"])
def test_a_lost_render_is_retried_with_a_new_engine(tmp_path: Path, lost: str) -> None:
    factory = Factory(lost, "audio")
    r = renderer(factory)
    path = r.render("Why us?", None, 165, tmp_path / "q.wav")
    assert rendered(path) == pytest.approx(0.5)
    assert len(factory.made) == 2
    # The old engine was stopped and gone before the new one was made (pyttsx3's espeak
    # driver unhooks espeak's callback when destroyed: a late death would deafen the new one).
    assert factory.log == ["make (0 alive)", "stop", "make (0 alive)"]
    new = factory.last
    assert new is not None and r.engine is new
    # The new engine speaks with the same voice (the first engine's default) and rate.
    assert new.props["voice"] == "default-voice" and new.props["rate"] == 165
    assert new.renders == [("Why us?", str(tmp_path / "q.part.wav"))]
    assert not (tmp_path / "q.part.wav").exists()


def test_an_engine_that_never_writes_is_a_clear_error_after_the_last_try(tmp_path: Path) -> None:
    factory = Factory("nothing", "nothing", "nothing", "audio")
    with pytest.raises(VoiceError, match=r"produced no audio \(tried 3 times"):
        renderer(factory).render("Why us?", None, 165, tmp_path / "q.wav")
    assert len(factory.made) == 3  # bounded: the fourth (good) engine is never made
    assert not (tmp_path / "q.wav").exists()
    assert not (tmp_path / "q.part.wav").exists()


def test_the_next_request_after_a_failure_still_works(tmp_path: Path) -> None:
    factory = Factory("raise", "raise", "raise", "audio")
    r = renderer(factory)
    with pytest.raises(VoiceError, match="run loop already started"):
        r.render("Why us?", None, 165, tmp_path / "a.wav")
    assert rendered(r.render("Why not?", None, 165, tmp_path / "b.wav")) == pytest.approx(0.5)


def test_an_engine_that_cannot_be_remade_is_a_clear_error(tmp_path: Path) -> None:
    made = 0

    def new_engine() -> FakeEngine:
        nonlocal made
        made += 1
        if made > 1:
            raise OSError("libespeak.so.1: cannot open shared object file")
        return FakeEngine("nothing")

    r = tts._Renderer(new_engine, busy=lambda: False, attempts=3, attempt_timeout_s=30.0)
    with pytest.raises(
        VoiceError, match=r"tried once; the engine could not be restarted: libespeak\.so\.1"
    ):
        r.render("Why us?", None, 165, tmp_path / "q.wav")


def test_audio_written_after_run_and_wait_returns_is_awaited(tmp_path: Path) -> None:
    """espeak renders on its own thread: while it is busy, a missing file is not a loss."""
    factory = Factory("late")
    path = renderer(factory).render("Why us?", None, 165, tmp_path / "q.wav")
    assert rendered(path) == pytest.approx(0.5)
    assert len(factory.made) == 1


class FakeClock:
    """Replaces the ``time`` module in tts: sleeping moves the clock on, instantly."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_a_loss_is_noticed_once_the_engine_is_idle_not_at_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Idle with no file means lost: retry soon rather than wait out the attempt timeout."""
    clock = FakeClock()
    monkeypatch.setattr(tts, "time", clock)
    factory = Factory("nothing", "audio")
    r = tts._Renderer(factory, busy=lambda: False, attempts=2, attempt_timeout_s=600.0)
    r.render("Why us?", None, 165, tmp_path / "q.wav")
    assert len(factory.made) == 2
    assert clock.now - 1000.0 < 2 * tts.IDLE_GRACE_S


def test_a_hung_engine_is_given_up_on_at_the_attempt_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An engine that stays busy and writes nothing is bounded by the attempt timeout."""
    clock = FakeClock()
    monkeypatch.setattr(tts, "time", clock)
    factory = Factory("nothing", "audio")
    hung = iter([True] * 100_000)
    r = tts._Renderer(factory, busy=lambda: next(hung, False), attempts=2, attempt_timeout_s=8.0)
    path = r.render("Why us?", None, 165, tmp_path / "q.wav")
    assert rendered(path) == pytest.approx(0.5)
    assert len(factory.made) == 2
    # One timeout, then at most the bounded waits for espeak to go idle before the next try.
    assert 8.0 <= clock.now - 1000.0 <= 8.0 + 3 * tts.IDLE_WAIT_S + 1.0


def test_waits_for_espeak_to_be_idle_before_rendering(tmp_path: Path) -> None:
    """pyttsx3 cancels whatever espeak is busy with when runAndWait starts; that cancel
    can take the new utterance with it, so the render starts only once espeak is idle."""
    factory = Factory("audio")
    answers = [True, True, True]
    seen: list[bool] = []
    seen_when_rendering: list[list[bool]] = []

    def busy() -> bool:
        seen.append(answers.pop(0) if answers else False)
        return seen[-1]

    r = tts._Renderer(factory, busy=busy, attempts=1, attempt_timeout_s=30.0)
    engine = factory.last
    assert engine is not None
    run = engine.runAndWait

    def run_and_wait() -> None:
        seen_when_rendering.append(list(seen))
        run()

    engine.runAndWait = run_and_wait  # type: ignore[method-assign]
    r.render("Why us?", None, 165, tmp_path / "q.wav")
    assert seen_when_rendering == [[True, True, True, False]]


def test_voice_speaks_even_when_the_first_render_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the public API, on the engine thread, with a fake pyttsx3 module."""
    factory = Factory("nothing", "audio")
    fake = types.ModuleType("pyttsx3")
    fake.init = factory  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pyttsx3", fake)
    monkeypatch.setattr(tts, "_espeak_busy", factory.busy)
    monkeypatch.setattr(tts._Engine, "_instance", None)
    path = tts.Voice("espeak:").synthesize("Tell me about yourself.", timeout=60)
    assert rendered(path) == pytest.approx(0.5)
    assert len(factory.made) == 2
