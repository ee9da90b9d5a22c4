"""Benchmark the speech path the app really uses: streaming vs. batch transcription.

Why this exists: the point of streaming (``voice_coach.live.LiveAnswer``) is that when
the person finishes speaking, almost nothing is left to decode, so feedback comes at
once; and it must not cost accuracy. Both claims are only true if measured the way a
person uses the app, so every answer here is fed in real time through the same
``FileSource`` -> ``Recorder`` -> ``Endpointer`` -> decode-thread pipeline as the
microphone, and stopped the way the user stops it (``live.stop()``, the key press) the
moment the last word has been fed.

Measured:

* WER of the streaming transcript vs. one ``Transcriber.transcribe()`` of the whole
  audio (batch), per recording and for a ~2-minute answer assembled from them;
* end-of-answer latency: stop -> ``run()`` returns (streaming) vs. the batch
  transcription time (what the user would wait if decoding started after the answer);
* rtf of batch transcription of the 2-minute answer;
* peak RSS of this process after the streaming runs (model + VAD + pipeline);
* time until ``voice-coach`` first shows its home screen in a pseudo-terminal, as a user
  meets it on the second launch: one untimed launch first, in the same home, makes the
  database and lets Python write the app's bytecode (``PYTHONDONTWRITEBYTECODE`` is taken
  out of the app's environment, as a user's Python writes ``.pyc`` files), so the timed
  launches neither compile the app nor create the database;
* what a user meets while answering (``scripts/bench_live.py``): how long words take to
  reach the screen (``interim_lag_s``), the wait for the final transcript after the key
  (``latency_key_s``) and after the end silence (``latency_silence_s``), and the end of
  turn: the wait after a finished answer, and mid-sentence thinking pauses cut off.

``--plain`` runs the same with the segment-by-segment pipeline (``LiveOptions.plain()``: no
provisional text, no decode on pauses, the full end silence), to compare on the same
machine at the same load; the JSON says which it was and the load before and after.

It is a benchmark, not a test: it exits 0 even when a target is missed, and 2 only
when the recordings are missing. Progress goes to stderr so ``--json`` output on
stdout stays one JSON object.

With ``--files N`` it measures whole-file transcription instead (``voice-coach transcribe``,
``score AUDIO``, crash recovery), and nothing else: a ~5-minute answer transcribed N times by
``Transcriber.transcribe_audio`` and by one ``transcribe()`` call (the old path), with the
distinct texts among the runs (1 = deterministic), words in each 30 s window of the file
(a window with speech and no words was dropped), WER and time; then every recording
forwards and reversed (reversed speech must give no words, forwards must keep them).

With ``--voices`` it measures what whole-file transcription keeps and what it refuses, and
nothing else: every recording and spoken answers (``tests/data/answers_spoken.jsonl``, ``--answers``
of them) rendered with the app's ``Voice`` at rates 120/140/165 and in a few espeak voices,
each transcribed by ``Transcriber.transcribe_audio`` forwards (WER, share of content words
kept, seconds named unread) and backwards (every word is invented: target 0); then silence,
noise and tones (target 0 words). A voice that is unsure of its words (a robotic voice, an
accent) must keep them; reversed speech must give none.

Usage: ``python scripts/bench_speech.py [--json] [--runs N] [--speech-dir DIR] [--quick]
[--plain] [--no-live] [--files N] [--voices [--answers N]]``
"""

from __future__ import annotations

import argparse
import fcntl
import json
import multiprocessing
import os
import re
import resource
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import tomllib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jiwer
import numpy as np
from bench_live import (
    LiveReport,
    Spoken,
    Trace,
    mid_sentence_answers,
    print_live,
    run_live,
    speech_end_s,
    with_tail,
    word_lags,
)

from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import read_audio
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.live import LiveAnswer, LiveOptions
from voice_coach.speech.normalise import normalise
from voice_coach.speech.stt import Transcriber, TranscriptSegment, join_text

ANSWER_TARGET_S = 120.0
"""Length of the assembled answer: a typical spoken interview answer."""
PAUSE_RANGE_S = (0.6, 1.5)
"""Pauses between sentences in the assembled answer, like a person thinking."""
SEED = 20240611
"""Fixed, so every run (and every machine) assembles the very same answer."""

NEVER_S = 1e6
"""End-of-answer silences long enough never to fire: only ``live.stop()`` ends an answer,
so the latency measured is the key press's, not the endpointer's."""

TARGETS: dict[str, tuple[str, float]] = {
    "interim_lag_p95_s": ("words on screen after they are said, p95", 1.5),
    "latency_key_p95_s": ("final transcript after the key, p95", 0.5),
    "latency_silence_p95_s": ("final transcript after the end silence, p95", 0.2),
    "finished_wait_median_s": ("wait after a finished answer, median", 1.5),
    "mid_sentence_cut": ("thinking pauses in mid-sentence cut off", 0.0),
    "wer_stream_minus_batch": ("streaming WER minus batch WER", 0.005),
    "peak_rss_mb": ("peak RSS of the speech path, MB", 400.0),
    "first_screen_s": ("first screen after launch, median", 0.5),
}
"""Issue 15's targets on 2 cores: (what, at most)."""

HOME_TEXT = "Choose a question set"
"""Shown by the home screen; its appearance is what the user sees as "the app is up"."""
FIRST_SCREEN_LAUNCHES = 3
FIRST_SCREEN_TIMEOUT_S = 30.0
FIRST_LAUNCH_S = 5.0
"""How long the untimed first launch runs on after its home screen: long enough for what
the app does after its first frame (loading the model, validating the sets) to end."""
TERM_ROWS, TERM_COLS = 30, 100

ANSWER_NAME = "answer_2min"

_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: window title, hyperlinks
    r"|\x1bP[^\x1b]*\x1b\\"  # DCS
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x1b[()][0-9A-Za-z]"  # charset selection
)


# --------------------------------------------------------------------------- text / WER


@dataclass(frozen=True)
class WordErrors:
    """Errors and reference words, kept apart so WER can be pooled over items (a
    mean of per-item WERs would let a five-word clip weigh as much as two minutes)."""

    errors: int
    words: int

    @property
    def wer(self) -> float:
        return self.errors / self.words if self.words else 0.0

    def __add__(self, other: WordErrors) -> WordErrors:
        return WordErrors(self.errors + other.errors, self.words + other.words)


def word_errors(reference: str, hypothesis: str) -> WordErrors:
    ref = normalise(reference)
    hyp = normalise(hypothesis)
    if not hyp:  # jiwer rejects an empty hypothesis: everything was deleted
        return WordErrors(len(ref.split()), len(ref.split()))
    out = jiwer.process_words(ref, hyp)
    errors = out.substitutions + out.deletions + out.insertions
    return WordErrors(errors, out.hits + out.substitutions + out.deletions)


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Item:
    name: str
    audio: np.ndarray
    reference: str

    @property
    def duration_s(self) -> float:
        return len(self.audio) / SAMPLE_RATE


def default_speech_dir() -> Path:
    """$SHARED_DIR/speech, else the checkout's sibling ``shared/speech``."""
    shared = os.environ.get("SHARED_DIR")
    if shared:
        return Path(shared) / "speech"
    return Path(__file__).resolve().parent.parent.parent / "shared" / "speech"


def load_items(speech_dir: Path) -> list[Item]:
    manifest = json.loads((speech_dir / "manifest.json").read_text())
    return [
        Item(Path(entry["file"]).stem, read_audio(speech_dir / entry["file"]), entry["transcript"])
        for entry in manifest
    ]


def assemble_answer(items: list[Item], target_s: float = ANSWER_TARGET_S) -> Item:
    """The recordings in order, repeated until ~``target_s``, with thinking pauses.

    A long answer is where streaming matters: it exercises forced cuts, many segments
    and the prompt carried from one segment to the next, which one short clip cannot.
    """
    rng = np.random.default_rng(SEED)
    parts: list[np.ndarray] = []
    texts: list[str] = []
    total = 0
    i = 0
    while total < target_s * SAMPLE_RATE:
        item = items[i % len(items)]
        if parts:
            pause = np.zeros(int(rng.uniform(*PAUSE_RANGE_S) * SAMPLE_RATE), np.float32)
            parts.append(pause)
            total += len(pause)
        parts.append(item.audio)
        texts.append(item.reference)
        total += len(item.audio)
        i += 1
    return Item(ANSWER_NAME, np.concatenate(parts).astype(np.float32), " ".join(texts))


# --------------------------------------------------------------------------- instrumentation


@dataclass
class DecodeCall:
    started: float
    ended: float
    audio_s: float


class TimedTranscriber(Transcriber):
    """The app's transcriber, recording when each decode ran and on how much audio,
    so a streaming latency can be explained (queue backlog vs. the last piece)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[DecodeCall] = []

    def transcribe(
        self,
        audio: np.ndarray,
        *,
        offset_s: float = 0.0,
        previous_text: str = "",
        streaming: bool = False,
    ) -> list[TranscriptSegment]:
        started = time.monotonic()
        try:
            return super().transcribe(
                audio, offset_s=offset_s, previous_text=previous_text, streaming=streaming
            )
        finally:
            self.calls.append(DecodeCall(started, time.monotonic(), len(audio) / SAMPLE_RATE))


@dataclass
class StreamRun:
    text: str
    latency_s: float
    end_reason: str
    pieces: int
    pieces_after_stop: int
    """Pieces whose decode had not started when the user stopped (backlog + last piece)."""
    audio_after_stop_s: float
    decode_after_stop_s: float
    error: str | None
    lags: list[float] = field(default_factory=list)
    """How long each word took to reach the screen after it was said."""


def stream_once(
    item: Item, transcriber: TimedTranscriber, workdir: Path, tag: str, options: LiveOptions
) -> StreamRun:
    """One answer, spoken in real time, stopped the moment its last word is fed."""
    config = EndpointConfig(end_silence_s=NEVER_S, initial_silence_s=NEVER_S, max_answer_s=NEVER_S)
    source = Spoken(item.audio, key=True)
    trace = Trace()
    live = LiveAnswer(source, transcriber, workdir / f"{tag}.flac", config, trace, options)
    source.live = live
    transcriber.calls.clear()
    result = live.run()
    returned = time.monotonic()
    stopped = source.stopped_at if source.stopped_at is not None else returned
    late = [c for c in transcriber.calls if c.ended > stopped]
    return StreamRun(
        text=result.transcript.text,
        latency_s=returned - stopped,
        end_reason=result.end_reason,
        pieces=len(transcriber.calls),
        pieces_after_stop=sum(1 for c in late if c.started >= stopped),
        audio_after_stop_s=sum(c.audio_s for c in late),
        decode_after_stop_s=sum(c.ended - max(c.started, stopped) for c in late),
        error=result.error,
        lags=word_lags(trace, result.transcript.words, source.started, returned),
    )


@dataclass
class BatchRun:
    text: str
    seconds: float


def batch_once(item: Item, transcriber: Transcriber) -> BatchRun:
    started = time.perf_counter()
    segments = transcriber.transcribe(item.audio)
    return BatchRun(join_text(segments), time.perf_counter() - started)


def speech_ends(audios: list[np.ndarray]) -> list[float]:
    """:func:`bench_live.speech_end_s` of each, worked out in a child process, so that this
    process's peak RSS stays the speech path's."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return list(pool.map(speech_end_s, audios))


# --------------------------------------------------------------------------- first screen


def first_screen_once(exe: Path, home: Path | None = None, settle_s: float = 0.0) -> float | None:
    """Seconds from launch to the home screen's text, in a real 100x30 pseudo-terminal.

    A pty (not a pipe) because Textual only draws to a terminal; the size is set
    before launch because the first frame is laid out for it. ``home`` is the app's
    VOICE_COACH_HOME (a fresh one, a first launch, when not given). The app may write its
    bytecode, as a user's Python does, whatever this process was told. ``settle_s``: how
    long the app runs on after its home screen, as a user's first session would (what it
    does after its first frame, such as remembering the sets it validated, then done).
    """
    with tempfile.TemporaryDirectory(prefix="vc-bench-home-") as fresh:
        return _launch(exe, home or Path(fresh), settle_s)


SOURCE = Path(__file__).resolve().parents[1]
"""The checkout this script sits in: its ``voice_coach`` is the one launched."""


def _launch(exe: Path, home: Path, settle_s: float = 0.0) -> float | None:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", TERM_ROWS, TERM_COLS, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "VOICE_COACH_HOME": str(home)}
    # An editable install imports voice_coach from the checkout it was made in, which
    # need not be this one (a second worktree sharing the venv): this one comes first.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SOURCE), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(COLUMNS=str(TERM_COLS), LINES=str(TERM_ROWS))
    started = time.monotonic()
    proc = subprocess.Popen(
        [str(exe)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    raw = b""
    found: float | None = None
    try:
        deadline = started + FIRST_SCREEN_TIMEOUT_S
        while (remaining := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([master], [], [], min(remaining, 0.5))
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            raw += chunk
            if HOME_TEXT in _ANSI.sub("", raw.decode("utf-8", errors="ignore")):
                found = time.monotonic() - started
                break
        _drain(master, settle_s)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        os.close(master)
    return found


def _drain(master: int, seconds: float) -> None:
    """Read (and drop) what the app draws for ``seconds``: a full terminal would stall it."""
    until = time.monotonic() + seconds
    while (remaining := until - time.monotonic()) > 0:
        ready, _, _ = select.select([master], [], [], remaining)
        if ready:
            try:
                if not os.read(master, 65536):
                    return
            except OSError:
                return


def _check_entry_point(exe: Path) -> None:
    """Say so when the installed command starts elsewhere than pyproject.toml says: it
    was installed before the entry point changed, and the launch measured is the old one
    (``scripts/setup`` installs again when pyproject.toml changes)."""
    with (SOURCE / "pyproject.toml").open("rb") as f:
        declared = tomllib.load(f)["project"]["scripts"][exe.name]
    module, _, function = declared.partition(":")
    if f"from {module} import {function}" not in exe.read_text(errors="replace"):
        log(f"first screen: {exe} does not start {declared}; reinstall (scripts/setup)")


def first_screen(launches: int = FIRST_SCREEN_LAUNCHES) -> tuple[float | None, list[float | None]]:
    """The median of ``launches`` timed launches in one home, after an untimed one there:
    what a user meets from the second launch on (bytecode written, database made)."""
    exe = Path(sys.executable).parent / "voice-coach"
    if not exe.exists():
        log(f"first screen: {exe.name} not found next to the interpreter; skipped")
        return None, []
    _check_entry_point(exe)
    with tempfile.TemporaryDirectory(prefix="vc-bench-home-") as home:
        first_screen_once(exe, Path(home), FIRST_LAUNCH_S)  # the first launch: not timed
        times = [first_screen_once(exe, Path(home)) for _ in range(launches)]
    seen = [t for t in times if t is not None]
    if len(seen) < len(times):
        log(f"first screen: {HOME_TEXT!r} not seen within {FIRST_SCREEN_TIMEOUT_S:.0f} s")
    # A launch that never showed the screen counts as infinitely slow in the median.
    median = float(np.median([t if t is not None else np.inf for t in times]))
    return (median if np.isfinite(median) else None), times


# --------------------------------------------------------------------------- report


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


@dataclass
class ItemReport:
    item: Item
    stream: list[StreamRun] = field(default_factory=list)
    batch: list[BatchRun] = field(default_factory=list)

    def stream_errors(self) -> WordErrors:
        total = WordErrors(0, 0)
        for run in self.stream:
            total += word_errors(self.item.reference, run.text)
        return total

    def batch_errors(self) -> WordErrors:
        total = WordErrors(0, 0)
        for run in self.batch:
            total += word_errors(self.item.reference, run.text)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.item.name,
            "duration_s": r(self.item.duration_s, 2),
            "runs": len(self.stream),
            "wer_stream": r(self.stream_errors().wer, 4),
            "wer_batch": r(self.batch_errors().wer, 4),
            "reference_words": len(normalise(self.item.reference).split()),
            "latency_stream_s": [r(s.latency_s) for s in self.stream],
            "latency_batch_s": [r(b.seconds) for b in self.batch],
            "stream_pieces": [s.pieces for s in self.stream],
            "stream_pieces_after_stop": [s.pieces_after_stop for s in self.stream],
            "stream_audio_after_stop_s": [r(s.audio_after_stop_s, 2) for s in self.stream],
            "stream_decode_after_stop_s": [r(s.decode_after_stop_s) for s in self.stream],
            "stream_end_reason": [s.end_reason for s in self.stream],
            "stream_errors": [s.error for s in self.stream if s.error],
            "text_stream": self.stream[0].text if self.stream else "",
            "text_batch": self.batch[0].text if self.batch else "",
        }


def summarise(
    reports: list[ItemReport],
    peak_rss_mb: float,
    peak_rss_after_batch_mb: float,
    first: float | None,
    first_all: list[float | None],
) -> dict[str, Any]:
    stream_total = WordErrors(0, 0)
    batch_total = WordErrors(0, 0)
    for rep in reports:
        stream_total += rep.stream_errors()
        batch_total += rep.batch_errors()
    lat_stream = [s.latency_s for rep in reports for s in rep.stream]
    lat_batch = [b.seconds for rep in reports for b in rep.batch]
    answer = next((rep for rep in reports if rep.item.name == ANSWER_NAME), None)
    rtf = (
        float(np.median([b.seconds for b in answer.batch])) / answer.item.duration_s
        if answer and answer.batch
        else None
    )
    stream_p95, batch_p95 = pct(lat_stream, 95), pct(lat_batch, 95)
    return {
        "wer_batch": r(batch_total.wer, 4),
        "wer_stream": r(stream_total.wer, 4),
        "reference_words": batch_total.words,
        "latency_stream_s": {"p50": r(pct(lat_stream, 50)), "p95": r(stream_p95)},
        "latency_batch_s": {"p50": r(pct(lat_batch, 50)), "p95": r(batch_p95)},
        "rtf": r(rtf, 4),
        "peak_rss_mb": r(peak_rss_mb, 1),
        "peak_rss_after_batch_mb": r(peak_rss_after_batch_mb, 1),
        "first_screen_s": r(first),
        "first_screen_launches_s": [r(t) for t in first_all],
        "cpu_count": len(os.sched_getaffinity(0)),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "items": [rep.to_dict() for rep in reports],
    }


def print_table(summary: dict[str, Any]) -> None:
    def fmt(value: float | None, spec: str = ".3f") -> str:
        return "-" if value is None else format(value, spec)

    header = (
        f"{'item':<30} {'dur s':>6} {'runs':>4} {'WER strm':>8} {'WER btch':>8} "
        f"{'lat strm s':>10} {'lat btch s':>10} {'pieces':>6} {'tail s':>6}"
    )
    print(header)
    print("-" * len(header))
    for it in summary["items"]:
        tail = it["stream_audio_after_stop_s"]
        print(
            f"{it['name']:<30} {it['duration_s']:>6.1f} {it['runs']:>4} "
            f"{fmt(it['wer_stream']):>8} {fmt(it['wer_batch']):>8} "
            f"{fmt(max(it['latency_stream_s'], default=None)):>10} "
            f"{fmt(max(it['latency_batch_s'], default=None)):>10} "
            f"{max(it['stream_pieces'], default=0):>6} {fmt(max(tail, default=None), '.2f'):>6}"
        )
    print("(latencies: worst of the item's runs; pieces: segments decoded while streaming;")
    print(" tail s: audio still to decode when stop was pressed, worst run)")
    print()
    ls, lb = summary["latency_stream_s"], summary["latency_batch_s"]
    ws, wb = summary["wer_stream"], summary["wer_batch"]
    print(
        f"WER overall          stream {ws:.4f}   batch {wb:.4f}"
        f"   ({summary['reference_words']} reference words, all runs pooled)"
    )
    print(
        f"latency p50 / p95    stream {fmt(ls['p50'])} / {fmt(ls['p95'])} s   "
        f"batch {fmt(lb['p50'])} / {fmt(lb['p95'])} s"
    )
    print(f"rtf (batch, 2-min)   {fmt(summary['rtf'], '.4f')}")
    print(
        f"peak RSS             {fmt(summary['peak_rss_mb'], '.1f')} MB after streaming "
        f"({fmt(summary['peak_rss_after_batch_mb'], '.1f')} MB after batch runs too)"
    )
    launches = ", ".join(fmt(t) for t in summary["first_screen_launches_s"])
    print(f"first screen         {fmt(summary['first_screen_s'])} s (median of: {launches})")
    print(
        f"machine              {summary['cpu_count']} CPUs, load average "
        f"{summary['load_average_1m']} at the end (other work skews timings)"
    )
    print()
    print(f"{'target':<46} {'value':>8} {'target':>8}  result")
    for t in summary["targets"].values():
        value = "-" if t["value"] is None else f"{t['value']:g}"
        result = "-" if t["ok"] is None else ("ok" if t["ok"] else "MISS")
        print(f"{t['what']:<46} {value:>8} {t['target']:>8}  {result}")


def targets(summary: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each of :data:`TARGETS` with what this run got (None: not measured this run)."""
    turn = summary.get("end_of_turn", {})
    paused = turn.get("mid_sentence_pauses")
    got: dict[str, float | None] = {
        "interim_lag_p95_s": summary.get("interim_lag_s", {}).get("p95"),
        "latency_key_p95_s": summary.get("latency_key_s", {}).get("p95"),
        "latency_silence_p95_s": summary.get("latency_silence_s", {}).get("p95"),
        "finished_wait_median_s": turn.get("finished_wait_median_s"),
        "mid_sentence_cut": turn.get("mid_sentence_cut") if paused else None,
        "wer_stream_minus_batch": r(summary["wer_stream"] - summary["wer_batch"], 4),
        "peak_rss_mb": summary["peak_rss_mb"],
        "first_screen_s": summary["first_screen_s"],
    }
    result: dict[str, dict[str, Any]] = {}
    for name, (what, limit) in TARGETS.items():
        value = got[name]
        ok = None if value is None else value <= limit
        result[name] = {"what": what, "value": value, "target": f"<= {limit:g}", "ok": ok}
    return result


def markdown(summary: dict[str, Any]) -> str:
    """The README's table: every target, what this run got, and where and when."""
    load = summary["load"]
    lines = [
        f"Measured on {summary['date']}, {summary['cpu_count']} cores, load "
        f"{load['before_1m']:.1f} before and {load['after_1m']:.1f} after "
        f"(`scripts/bench_speech.py --markdown`, {summary['pipeline']} pipeline):",
        "",
        "| measure | got | target |",
        "| --- | --- | --- |",
    ]
    for t in summary["targets"].values():
        value = "-" if t["value"] is None else f"{t['value']:g}"
        mark = "" if t["ok"] is None else (" ✓" if t["ok"] else " ✗")
        lines.append(f"| {t['what']} | {value}{mark} | {t['target']} |")
    lag, key = summary["interim_lag_s"], summary["latency_key_s"]
    if lag["p50"] is not None:
        lines.append(f"| words on screen after they are said, p50 | {lag['p50']:g} s | |")
    if key["p50"] is not None:
        lines.append(f"| final transcript after the key, p50 | {key['p50']:g} s | |")
    lines.append(
        f"| WER streaming / batch | {summary['wer_stream']:.2%} / {summary['wer_batch']:.2%} | |"
    )
    if summary["batch_full_answer_s"] is not None:
        lines.append(
            f"| a 2-minute answer transcribed after it ends | {summary['batch_full_answer_s']:g} s"
            " | |"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


# --------------------------------------------------------------------------- whole files

FILE_ANSWER_S = 300.0
"""The whole-file answer: 5 minutes, where the one-call path lost 30 s windows."""
WINDOW_S = 30.0


def file_words_per_window(words: tuple[Any, ...], duration_s: float) -> list[int]:
    """Words starting in each 30 s window of the file."""
    counts = [0] * (int(duration_s // WINDOW_S) + 1)
    for word in words:
        counts[min(len(counts) - 1, int(word.start // WINDOW_S))] += 1
    return counts


def measure_files(items: list[Item], runs: int) -> dict[str, Any]:
    """Determinism and completeness of whole-file transcription (see the module docstring)."""
    from voice_coach.speech.stt import Transcript

    answer = assemble_answer(items, FILE_ANSWER_S)
    transcriber = Transcriber()
    transcriber.load()
    transcriber.transcribe(items[0].audio)  # warm up
    methods: dict[str, Any] = {
        "windows": transcriber.transcribe_audio,
        "one call": lambda audio: Transcript(tuple(transcriber.transcribe(audio)), 0.0),
    }
    result: dict[str, Any] = {"answer_s": r(answer.duration_s, 1), "runs": runs, "methods": {}}
    for name, method in methods.items():
        texts, seconds, errors = [], [], WordErrors(0, 0)
        windows: list[int] = []
        unread_s = 0.0
        for n in range(runs):
            started = time.perf_counter()
            transcript = method(answer.audio)
            seconds.append(time.perf_counter() - started)
            texts.append(transcript.text)
            errors = errors + word_errors(answer.reference, transcript.text)
            windows = file_words_per_window(transcript.words, answer.duration_s)
            unread_s = sum(b - a for a, b in transcript.unread)
            log(f"  {name} #{n + 1}: {seconds[-1]:.1f} s, words per 30 s window {windows}")
        result["methods"][name] = {
            "seconds_per_run": r(float(np.mean(seconds)), 2),
            "rtf": r(float(np.mean(seconds)) / answer.duration_s),
            "wer": r(errors.wer),
            "distinct_texts": len(set(texts)),
            "words_per_window": windows,
            "empty_windows": sum(1 for c in windows[:-1] if c == 0),
            "unread_s": r(unread_s, 1),
        }
    forwards, backwards = WordErrors(0, 0), 0
    unread_backwards = 0
    for item in items:
        forwards = forwards + word_errors(
            item.reference, transcriber.transcribe_audio(item.audio).text
        )
        reversed_ = transcriber.transcribe_audio(item.audio[::-1].copy())
        backwards += len(reversed_.text.split())
        unread_backwards += bool(reversed_.unread)
        log(f"  {item.name}: reversed gives {reversed_.text!r}")
    result["recordings"] = {
        "count": len(items),
        "forwards_wer": r(forwards.wer),
        "reversed_words": backwards,
        "reversed_named_unread": unread_backwards,
    }
    return result


def print_files(result: dict[str, Any]) -> None:
    print(f"Whole files: a {result['answer_s']} s answer, {result['runs']} runs each")
    heads = ("s/run", 7), ("rtf", 6), ("WER", 6), ("texts", 6), ("empty 30s", 10), ("unread s", 9)
    print(f"{'method':<10} " + " ".join(f"{h:>{w}}" for h, w in heads))
    for name, m in result["methods"].items():
        print(
            f"{name:<10} {m['seconds_per_run']:>7.2f} {m['rtf']:>6.3f} {m['wer']:>6.3f} "
            f"{m['distinct_texts']:>6} {m['empty_windows']:>10} {m['unread_s']:>9.1f}"
        )
        print(f"{'':<10} words per 30 s window: {m['words_per_window']}")
    rec = result["recordings"]
    print(
        f"{rec['count']} recordings: forwards WER {rec['forwards_wer']:.3f}; reversed: "
        f"{rec['reversed_words']} words (target 0), {rec['reversed_named_unread']} named unread"
    )


# --------------------------------------------------------------------------- voices

VOICE_CONFIGS: tuple[tuple[str | None, int], ...] = (
    ("gmw/en", 120),
    ("gmw/en", 140),
    ("gmw/en", 165),
    ("gmw/en", 200),
    (None, 165),
    ("gmw/en-us", 165),
    ("gmw/en-gb-scotland", 165),
    ("gmw/en-029", 165),
    ("gmw/en-gb-x-gbclan", 165),
)
"""espeak's English voice (the app's voice before Piper, and its fallback) at a slow, a
middling and the app's rate, and pyttsx3's own 200; the app's own default voice; four other
English espeak voices at the app's rate: robotic voices, the words the small model is least
sure of."""


ANSWERS = Path(__file__).resolve().parent.parent / "tests" / "data" / "answers_spoken.jsonl"


def content_words_kept(reference: str, heard: str) -> tuple[int, int]:
    """(content words heard, content words said): words over three letters, as
    ``tests/helpers.content_words_heard`` counts them, so short words espeak garbles do
    not hide whether what carries the answer came through."""
    wanted = {w for w in normalise(reference).split() if len(w) > 3}
    return len(wanted & set(normalise(heard).split())), len(wanted)


def spoken_answers(count: int) -> list[dict[str, Any]]:
    """``count`` answers spread evenly over the file (every kind and style of answer)."""
    rows = [json.loads(line) for line in ANSWERS.read_text().splitlines() if line.strip()]
    step = max(1, len(rows) // count)
    return rows[::step][:count]


def nonspeech() -> list[tuple[str, np.ndarray]]:
    rng = np.random.default_rng(SEED)
    t = np.arange(5 * SAMPLE_RATE) / SAMPLE_RATE
    white = rng.standard_normal(len(t))
    brown = np.cumsum(white)
    brown = brown - np.convolve(brown, np.ones(400) / 400, mode="same")  # drift removed
    return [
        ("silence", np.zeros(len(t))),
        ("white noise", 0.1 * white),
        ("brown noise", 0.3 * brown / np.abs(brown).max()),
        ("50 Hz hum", 0.3 * np.sin(2 * np.pi * 50 * t)),
        ("1 kHz beep", 0.5 * np.sin(2 * np.pi * 1000 * t)),
        ("tone sweep", 0.3 * np.sin(2 * np.pi * (200 + 150 * t) * t)),
    ]


@dataclass
class VoiceGroup:
    name: str
    items: int = 0
    audio_s: float = 0.0
    seconds: float = 0.0
    errors: WordErrors = field(default_factory=lambda: WordErrors(0, 0))
    content_heard: int = 0
    content_said: int = 0
    unread_s: float = 0.0
    reversed_words: int = 0
    lost: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)

    def add(self, transcriber: Transcriber, name: str, audio: np.ndarray, said: str) -> None:
        started = time.perf_counter()
        forwards = transcriber.transcribe_audio(audio)
        backwards = transcriber.transcribe_audio(audio[::-1].copy())
        self.seconds += time.perf_counter() - started
        self.items += 1
        self.audio_s += len(audio) / SAMPLE_RATE
        self.errors = self.errors + word_errors(said, forwards.text)
        heard, wanted = content_words_kept(said, forwards.text)
        self.content_heard += heard
        self.content_said += wanted
        self.unread_s += sum(b - a for a, b in forwards.unread)
        self.reversed_words += len(backwards.text.split())
        if forwards.unread:
            self.lost.append(f"{name}: {forwards.unread_note()}")
        if backwards.text:
            self.invented.append(f"{name} reversed: {backwards.text!r}")
        log(
            f"  {self.name} {name}: kept {heard}/{wanted} content words, "
            f"{sum(b - a for a, b in forwards.unread):.1f} s unread; reversed "
            f"{backwards.text!r}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "items": self.items,
            "audio_s": r(self.audio_s, 1),
            "wer": r(self.errors.wer, 4),
            "reference_words": self.errors.words,
            "content_words_kept": r(self.content_heard / self.content_said, 4)
            if self.content_said
            else None,
            "content_words": self.content_said,
            "unread_s": r(self.unread_s, 1),
            "reversed_words": self.reversed_words,
            "seconds": r(self.seconds, 1),
            "lost": self.lost,
            "invented": self.invented,
        }


def measure_voices(items: list[Item], answers: int) -> dict[str, Any]:
    """What whole-file transcription keeps and refuses (see the module docstring)."""
    from voice_coach.speech.tts import Voice

    transcriber = Transcriber()
    transcriber.load()
    transcriber.transcribe(items[0].audio)  # warm up
    groups: list[VoiceGroup] = []
    recordings = VoiceGroup("recordings")
    for item in items:
        recordings.add(transcriber, item.name, item.audio, item.reference)
    groups.append(recordings)
    rows = spoken_answers(answers)
    for voice_id, rate in VOICE_CONFIGS:
        group = VoiceGroup(f"{voice_id or 'default'} @{rate}")
        voice = Voice(voice_id, rate)
        for row in rows:
            audio = read_audio(voice.synthesize(row["answer"], timeout=60))
            group.add(transcriber, row["id"], audio, row["answer"])
        groups.append(group)
    silent: dict[str, str] = {}
    for name, audio in nonspeech():
        silent[name] = transcriber.transcribe_audio(audio.astype(np.float32)).text
        log(f"  {name}: {silent[name]!r}")
    spoken = [g for g in groups if g.name != "recordings"]
    total = VoiceGroup("all spoken answers")
    for g in spoken:
        total.items += g.items
        total.audio_s += g.audio_s
        total.seconds += g.seconds
        total.errors = total.errors + g.errors
        total.content_heard += g.content_heard
        total.content_said += g.content_said
        total.unread_s += g.unread_s
        total.reversed_words += g.reversed_words
    return {
        "answers_per_voice": len(rows),
        "groups": [g.to_dict() for g in [*groups, total]],
        "nonspeech": {name: text for name, text in silent.items()},
        "nonspeech_words": sum(len(t.split()) for t in silent.values()),
        "cpu_count": len(os.sched_getaffinity(0)),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


def print_voices(result: dict[str, Any]) -> None:
    print(f"Whole files: what is kept and what is refused ({result['answers_per_voice']} answers")
    print("per voice, each forwards and reversed)")
    heads = (
        ("items", 5),
        ("audio s", 7),
        ("WER", 6),
        ("content kept", 12),
        ("unread s", 8),
        ("rev. words", 10),
        ("time s", 7),
    )
    print(f"{'voice':<28} " + " ".join(f"{h:>{w}}" for h, w in heads))
    for g in result["groups"]:
        kept = "-" if g["content_words_kept"] is None else f"{g['content_words_kept']:.3f}"
        print(
            f"{g['name']:<28} {g['items']:>5} {g['audio_s']:>7.1f} {g['wer']:>6.3f} "
            f"{kept:>12} {g['unread_s']:>8.1f} {g['reversed_words']:>10} {g['seconds']:>7.1f}"
        )
    print("(content kept: share of the words over three letters that were heard; rev. words:")
    print(" words written for the same audio played backwards, all invented: target 0)")
    print(f"silence, noise, tones: {result['nonspeech_words']} words (target 0)")
    print(
        f"machine: {result['cpu_count']} CPUs, load average {result['load_average_1m']} "
        "at the end (other work skews the times)"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--markdown", action="store_true", help="print the README's table of targets"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of the 2-minute answer")
    parser.add_argument("--speech-dir", type=Path, help="recordings with manifest.json")
    parser.add_argument(
        "--quick", action="store_true", help="skip the 2-minute answer (for development)"
    )
    parser.add_argument("--no-first-screen", action="store_true", help="skip the app launch timing")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="stream segment by segment only (no provisional text, no decode on pauses, "
        "the full end silence): the pipeline to compare against",
    )
    parser.add_argument(
        "--no-live",
        action="store_true",
        help="skip the answers ended by silence and the mid-sentence pauses",
    )
    parser.add_argument(
        "--files",
        type=int,
        default=0,
        metavar="N",
        help="measure whole-file transcription instead: a 5-minute answer N times, reversed speech",
    )
    parser.add_argument(
        "--voices",
        action="store_true",
        help="measure what whole-file transcription keeps: recordings and spoken answers in "
        "several voices and rates, forwards and reversed, and noise",
    )
    parser.add_argument(
        "--answers", type=int, default=8, metavar="N", help="spoken answers per voice (--voices)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    speech_dir: Path = args.speech_dir or default_speech_dir()
    if not (speech_dir / "manifest.json").is_file():
        print(
            f"bench_speech: no recordings: {speech_dir}/manifest.json not found "
            "(set SHARED_DIR or pass --speech-dir)",
            file=sys.stderr,
        )
        return 2
    items = load_items(speech_dir)
    if args.voices:
        result = measure_voices(items, args.answers)
        if args.json:
            print(json.dumps(result, indent=2))
        else:
            print_voices(result)
        return 0
    if args.files:
        result = measure_files(items, args.files)
        if args.json:
            print(json.dumps(result, indent=2))
        else:
            print_files(result)
        return 0
    reports = [ItemReport(item) for item in items]
    if not args.quick:
        reports.append(ItemReport(assemble_answer(items)))
    runs = {rep.item.name: (args.runs if rep.item.name == ANSWER_NAME else 1) for rep in reports}
    total_s = sum(rep.item.duration_s * runs[rep.item.name] for rep in reports)
    log(f"streaming {total_s:.0f} s of audio in real time ({len(reports)} items)...")

    # Where each answer's speech ends, found before any of it is streamed and in another
    # process: Silero over two minutes at once (the benchmark's measure, not what the app
    # does while listening) took 50 MB more for a moment and kept 24-38 MB of it each time
    # (freed, but held by glibc's heap), all counted as the speech path's peak RSS.
    spoken_to = speech_ends([rep.item.audio for rep in reports]) if not args.no_live else []

    transcriber = TimedTranscriber()
    transcriber.load()
    # Warm up (first inference allocates; the VAD model loads once per process), as the
    # app does by loading the model while the question is read.
    transcriber.transcribe(items[0].audio)

    load_before = os.getloadavg()[0]
    options = LiveOptions.plain() if args.plain else LiveOptions()
    live = LiveReport()
    # Streaming first, alone: peak RSS is then the streaming path's, before the batch
    # decodes of two minutes at once can raise the high-water mark.
    with tempfile.TemporaryDirectory(prefix="vc-bench-audio-") as tmp:
        for rep in reports:
            for n in range(runs[rep.item.name]):
                tag = f"{rep.item.name}-{n}"
                run = stream_once(rep.item, transcriber, Path(tmp), tag, options)
                rep.stream.append(run)
                live.lags += run.lags
                live.key_latencies.append(run.latency_s)
                log(
                    f"  stream {rep.item.name} #{n + 1}: latency {run.latency_s:.3f} s, "
                    f"{run.pieces} pieces, {run.audio_after_stop_s:.2f} s left at stop, "
                    f"words shown after {max(run.lags, default=0):.2f} s at worst"
                )
        if not args.no_live:
            for rep, speech_end in zip(reports, spoken_to, strict=True):
                for n in range(runs[rep.item.name]):
                    path = Path(tmp) / f"{rep.item.name}-silence-{n}.flac"
                    lrun = run_live(with_tail(rep.item.audio), transcriber, path, key=False,
                                   options=options)  # fmt: skip
                    wait = lrun.wait_after(speech_end)
                    early = lrun.duration_s < speech_end
                    live.silence_runs.append((rep.item.name, lrun, wait, early))
                    log(
                        f"  silence {rep.item.name} #{n + 1}: {lrun.end_reason}, final "
                        f"{lrun.latency_silence_s} s after it, {wait:.2f} s after the last word"
                    )
            for paused in mid_sentence_answers():
                path = Path(tmp) / f"{paused.name}.flac"
                lrun = run_live(with_tail(paused.audio), transcriber, path, key=False,
                               options=options)  # fmt: skip
                live.paused_runs.append((paused, lrun))
                cut = lrun.duration_s < paused.second_start_s
                verdict = "CUT at" if cut else "kept, ended"
                log(f"  {paused.name}: {verdict} {lrun.duration_s:.1f} s")
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    for rep in reports:
        for _ in range(runs[rep.item.name]):
            rep.batch.append(batch_once(rep.item, transcriber))
        log(f"  batch {rep.item.name}: {rep.batch[-1].seconds:.3f} s")
    peak_after_batch_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    first, first_all = (None, []) if args.no_first_screen else first_screen()
    summary = summarise(reports, peak_rss_mb, peak_after_batch_mb, first, first_all)
    answer = next((rep for rep in reports if rep.item.name == ANSWER_NAME), None)
    summary = {
        **live.summary(),
        "batch_full_answer_s": r(float(np.median([b.seconds for b in answer.batch])))
        if answer and answer.batch
        else None,
        "pipeline": "plain" if args.plain else "live",
        "date": time.strftime("%Y-%m-%d"),
        "load": {"before_1m": round(load_before, 2), "after_1m": round(os.getloadavg()[0], 2)},
        **summary,
    }
    summary["targets"] = targets(summary)
    if args.json:
        print(json.dumps(summary, indent=2))
    elif args.markdown:
        print(markdown(summary))
    else:
        print_table(summary)
        print()
        print_live(summary)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
