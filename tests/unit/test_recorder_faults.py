"""A disk that fills up or fails mid-answer, and who owns a live answer: no real disk needed.

The recorder writes through :func:`voice_coach.audio.recorder.open_file`; these tests swap it
for a file that takes only so many bytes, as a full disk does (a short write, then ENOSPC).
"""

from __future__ import annotations

import errno
import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import soundfile

from tests.unit.test_endpoint import energy_vad, silence
from tests.unit.test_live import FakeTranscriber
from voice_coach import locks
from voice_coach.attempts import Status
from voice_coach.audio import SAMPLE_RATE, endpoint, recorder
from voice_coach.audio.capture import FileSource, read_audio
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.audio.recorder import FRAME_SAMPLES, Recorder, RecordingWriteError
from voice_coach.errors import MicrophoneError
from voice_coach.live import LiveAnswer
from voice_coach.practice import AnswerKept, PracticeSession
from voice_coach.questions import Question, parse_question_set
from voice_coach.recovery import LOCK_NAME, recover_interrupted
from voice_coach.scoring import score_answer
from voice_coach.store import Store

SET = """
name = "one"
title = "One"
[[questions]]
id = "a"
text = "Tell me about a success."
"""
QUESTION = Question(id="a", text="Q?")


def noise(seconds: float, seed: int = 0) -> np.ndarray:
    """Loud enough for the energy VAD, and incompressible enough to fill a small disk."""
    rng = np.random.default_rng(seed)
    return (rng.standard_normal(int(seconds * SAMPLE_RATE)) * 0.2).astype(np.float32)


class Disk:
    """A disk of ``room`` bytes shared by every file the recorder opens on it."""

    def __init__(self, room: int, code: int) -> None:
        self.room = room
        self.code = code
        self.used = 0


class LimitedFile(io.FileIO):
    """A file on a :class:`Disk`: growing past its room is a short write, then ``code``."""

    def __init__(self, path: Path, disk: Disk) -> None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        super().__init__(fd, "r+", closefd=True)
        self.disk = disk
        self.size = 0

    def write(self, data: object) -> int:
        view = memoryview(data)  # type: ignore[arg-type]
        position = self.tell()
        growth = max(0, position + len(view) - self.size)
        fits = len(view) - max(0, growth - (self.disk.room - self.disk.used))
        if fits <= 0 < len(view):
            raise OSError(self.disk.code, os.strerror(self.disk.code))
        written = super().write(view[:fits]) or 0
        grown = max(0, position + written - self.size)
        self.size += grown
        self.disk.used += grown
        return written


def disk_with_room(
    monkeypatch: pytest.MonkeyPatch, room: int, code: int = errno.ENOSPC
) -> Callable[[], None]:
    """Every file the recorder opens from now on shares ``room`` bytes; returns 'free space'."""
    disk = Disk(room, code)
    monkeypatch.setattr(recorder, "open_file", lambda path: LimitedFile(path, disk))

    def free_space() -> None:
        disk.room = 1 << 40

    return free_space


@pytest.fixture(autouse=True)
def _energy_vad(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(endpoint, "silero", lambda: energy_vad)


def test_a_full_disk_stops_the_writer_with_its_reason_and_keeps_what_was_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    disk_with_room(monkeypatch, 40_000)
    path = tmp_path / "a.flac"
    audio = noise(10)
    rec = Recorder(path)
    with rec, pytest.raises(RecordingWriteError) as stopped:
        for i in range(0, len(audio), 1024):
            rec.write(audio[i : i + 1024])
    assert stopped.value.disk_full and str(stopped.value) == "the disk is full"
    assert rec.error is stopped.value  # leaving the context did not raise
    kept = read_audio(path)  # what reached the disk before it filled is readable
    assert 0.5 < len(kept) / SAMPLE_RATE <= rec.samples / SAMPLE_RATE < 10


def test_a_disk_full_before_the_first_word_is_said_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    disk_with_room(monkeypatch, 0)
    store = Store(tmp_path)
    session = PracticeSession(parse_question_set(SET, "one.toml"), store)
    attempt_id, path = session.begin_answer()
    result = LiveAnswer(
        FileSource.from_array(noise(5)),
        FakeTranscriber(),  # type: ignore[arg-type]
        path,
    ).run()
    assert result.end_reason == "disk_full" and result.duration_s == 0
    with pytest.raises(AnswerKept, match=r"^The disk is full: the recording stopped at 0:00"):
        session.finish_spoken(attempt_id, result)


@pytest.mark.parametrize(
    ("code", "reason", "words"),
    [
        (errno.EDQUOT, "disk_full", "quota"),
        (errno.EIO, "write_error", "the disk reported an error"),
    ],
)
def test_quota_and_io_errors_stop_the_answer_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: int, reason: str, words: str
) -> None:
    disk_with_room(monkeypatch, 30_000, code)
    result = LiveAnswer(
        FileSource.from_array(np.concatenate([silence(0.5), noise(20)])),
        FakeTranscriber(),  # type: ignore[arg-type]
        tmp_path / "b.flac",
    ).run()
    assert result.end_reason == reason and result.unfinished
    assert words in (result.error or "")


def test_a_full_disk_mid_answer_is_said_kept_and_recovered_once_there_is_room(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    free_space = disk_with_room(monkeypatch, 60_000)
    store = Store(tmp_path)
    session = PracticeSession(parse_question_set(SET, "one.toml"), store)
    attempt_id, path = session.begin_answer()
    fake = FakeTranscriber()
    result = LiveAnswer(
        FileSource.from_array(np.concatenate([silence(0.5), noise(30)])),
        fake,  # type: ignore[arg-type]
        path,
        EndpointConfig(max_answer_s=60),
    ).run()
    assert result.end_reason == "disk_full"
    with pytest.raises(AnswerKept) as kept:
        session.finish_spoken(attempt_id, result)
    message = str(kept.value)
    assert message.startswith("The disk is full: the recording stopped at 0:")
    assert "is kept" in message and "Free some disk space" in message
    row = store.attempt(attempt_id)
    assert row is not None and row.status == "recording"  # left for recovery, nothing made up
    assert not store.owns(attempt_id)
    written = path.read_bytes()
    assert len(written) > 10_000

    # Started again while the disk is still full: said, the original untouched, no debris.
    (still_full,) = recover_interrupted(Store(tmp_path), None)
    assert still_full.kept and "the disk is full" in (still_full.error or "")
    assert path.read_bytes() == written
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert store.attempt(attempt_id).status == "recording"  # type: ignore[union-attr]

    free_space()
    (recovered,) = recover_interrupted(Store(tmp_path), fake)  # type: ignore[arg-type]
    assert not recovered.kept and recovered.error is None and recovered.transcript
    row = store.attempt(attempt_id)
    assert row is not None and row.status == "recovered"
    # Judged as its question needed: the question was saved whole when it was asked.
    assert row.question == session.question and row.score is not None and row.outcome.judged
    assert row.duration_s == soundfile.info(str(path)).frames / SAMPLE_RATE
    assert 0.5 < (row.duration_s or 0) < result.duration_s + 0.01
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_normal_end_saves_the_duration_of_the_file(tmp_path: Path) -> None:
    store = Store(tmp_path)
    session = PracticeSession(parse_question_set(SET, "one.toml"), store)
    attempt_id, path = session.begin_answer()
    result = LiveAnswer(
        FileSource.from_array(np.concatenate([silence(0.5), noise(3.3), silence(4)])),
        FakeTranscriber(),  # type: ignore[arg-type]
        path,
        EndpointConfig(end_silence_s=2.0),
    ).run()
    session.finish_spoken(attempt_id, result)
    row = store.attempt(attempt_id)
    assert row is not None and row.status == "spoken"
    assert row.duration_s == soundfile.info(str(path)).frames / SAMPLE_RATE > 5.0
    assert not store.owns(attempt_id)


def test_a_killed_recorder_loses_at_most_one_flac_frame(tmp_path: Path) -> None:
    """What a SIGKILL leaves: the bytes on disk while the file is still open, at any point."""
    path = tmp_path / "c.flac"
    audio = noise(3)
    worst = 0
    with Recorder(path) as rec:
        for i in range(0, len(audio), 700):  # blocks that never line up with frames
            rec.write(audio[i : i + 700])
            snapshot = tmp_path / "snapshot.flac"
            shutil.copyfile(path, snapshot)
            worst = max(worst, rec.samples - _decodable_samples(snapshot))
    assert worst < FRAME_SAMPLES  # 72 ms, well under the second the README promises


def _decodable_samples(path: Path) -> int:
    """Samples a reader gets from an unfinished FLAC (what recovery reads: PyAV)."""
    import av

    samples = 0
    try:
        with av.open(str(path)) as container:
            stream = container.streams.audio[0]
            for packet in container.demux(stream):
                samples += sum(frame.samples for frame in packet.decode())
    except av.error.FFmpegError:
        pass  # nothing complete yet (not even the header)
    return samples


def test_another_instance_leaves_a_live_answer_alone_and_recovers_it_once_its_owner_is_gone(
    tmp_path: Path,
) -> None:
    recording = Store(tmp_path)
    session = PracticeSession(parse_question_set(SET, "one.toml"), recording)
    attempt_id, path = session.begin_answer()
    with Recorder(path) as rec:
        rec.write(noise(2))
    written = path.read_bytes()
    inode = path.stat().st_ino

    other = Store(tmp_path)  # a second voice-coach on the same data
    assert recover_interrupted(other, None) == []
    assert recover_interrupted(recording, None) == []  # nor this process's own recovery
    assert path.read_bytes() == written and path.stat().st_ino == inode

    recording.close()  # the owner is gone (the kernel drops a killed process's lock alike)
    (recovered,) = recover_interrupted(other, None)
    assert recovered.attempt_id == attempt_id
    assert recovered.duration_s == soundfile.info(str(path)).frames / SAMPLE_RATE > 1.5


def test_only_one_recovery_runs_at_a_time(tmp_path: Path) -> None:
    store = Store(tmp_path)
    attempt_id, path = store.start_attempt(store.create_session("one", "One"), QUESTION)
    with Recorder(path) as rec:
        rec.write(noise(1))
    store.release(attempt_id)  # abandoned, as by a crash
    busy = locks.try_lock(tmp_path / LOCK_NAME, create=True)  # another instance recovering
    assert busy is not None
    try:
        assert recover_interrupted(Store(tmp_path), None) == []
        assert store.attempt(attempt_id).status == "recording"  # type: ignore[union-attr]
    finally:
        busy.release()
    (recovered,) = recover_interrupted(Store(tmp_path), None)
    assert recovered.attempt_id == attempt_id and not recovered.kept


def test_a_finished_answer_is_never_recovered_even_if_listed_before_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner completes the answer between recovery's listing and its lock."""
    store = Store(tmp_path)
    attempt_id, path = store.start_attempt(store.create_session("one", "One"), QUESTION)
    with Recorder(path) as rec:
        rec.write(noise(1))
    listed = store.interrupted()
    store.complete_attempt(
        attempt_id,
        status=Status.SPOKEN,
        transcript="words",
        transcript_json=None,
        score=score_answer("words"),
        duration_s=1.0,
    )
    other = Store(tmp_path)
    monkeypatch.setattr(other, "interrupted", lambda: listed)
    assert recover_interrupted(other, None) == []
    assert store.attempt(attempt_id).status == "spoken"  # type: ignore[union-attr]


def test_a_microphone_that_never_opens_is_not_taken_for_a_disk_error(tmp_path: Path) -> None:
    class NoMicrophone(FileSource):
        def __enter__(self) -> FileSource:
            raise MicrophoneError("no microphone found")

    source = NoMicrophone.from_array(noise(1))
    source.__class__ = NoMicrophone
    result = LiveAnswer(source, FakeTranscriber(), tmp_path / "d.flac").run()  # type: ignore[arg-type]
    assert result.end_reason == "error" and not result.unfinished
    assert result.duration_s == 0 and result.error == "no microphone found"
