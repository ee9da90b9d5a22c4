"""What a user meets while answering aloud, measured for ``scripts/bench_speech.py``.

Every answer is fed in real time through ``LiveAnswer``, as from the microphone, and ended
the way a user ends it:

* by the key, the moment the last block is fed: ``latency_key_s`` is the wait from the
  key to the final transcript, and ``interim_lag_s`` how long each word took to reach the
  screen after it was said (provisional or final, whichever came first; a word first shown
  by the final transcript counts the wait for it);
* by silence, with the app's end silence: ``latency_silence_s`` is the wait from the end
  silence firing to the final transcript, and the wait from the last word to it is the
  ``end_of_turn`` wait after a finished answer.

``end_of_turn`` also runs answers with a thinking pause of 2-2.5 s in mid-sentence ("and
then I, um ... moved the team to weekly triage"), rendered by the app's Piper voice: a pause
that ends the answer before the rest is said is a cut, and the goal is none.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import FileSource, read_audio
from voice_coach.audio.endpoint import EndpointConfig
from voice_coach.live import LiveAnswer, LiveOptions, LiveStatus
from voice_coach.speech.interim import LiveText
from voice_coach.speech.stt import Transcriber, TranscriptSegment, Word, join_text

NEVER_S = 1e6
TAIL_SILENCE_S = 5.0
"""Silence after an answer ended by silence: more than the end silence, so it fires."""

MID_SENTENCE: tuple[tuple[str, str], ...] = (
    (
        "So the first thing we did was look at the backlog, and then I, um,",
        "moved the team to weekly triage, and that's how we cut the backlog in half.",
    ),
    (
        "When I joined, the release process took two days, because",
        "every check ran one after another, so I wrote a script to run them in parallel.",
    ),
    (
        "The biggest lesson for me was that",
        "you have to talk to the people who use the product early.",
    ),
    (
        "We tried a few things. We started with, uh,",
        "automated tests on the slowest module, and the failures dropped by a third.",
    ),
    (
        "I think the reason it worked was, um,",
        "that everyone on the team could see the same numbers every morning.",
    ),
    (
        "My manager asked me to lead the migration and",
        "I had three months to move forty services without any downtime.",
    ),
    # Added after the rules above were set from the first six: a check they hold.
    (
        "After the outage, I sat down with the on-call team and, uh,",
        "we rewrote the runbook together in one afternoon.",
    ),
    (
        "We measured it for a month, and the result was",
        "a forty percent drop in support tickets.",
    ),
    (
        "The part I'm proudest of is, um,",
        "how quickly the new hires got up to speed.",
    ),
)
"""Answers with a thinking pause in mid-sentence: the first part ends where no sentence
can end (a filler, a joining word), the second finishes the answer."""

MID_PAUSES_S = (2.0, 2.25, 2.5)
VOICE = "piper:joe"


def pct(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if values else None


def r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


class Trace:
    """A listener that notes when each word count was first on the screen, and when
    recording ended."""

    def __init__(self) -> None:
        self.shown: list[tuple[float, int]] = []
        """(time, words on screen) at each update that showed more words than before."""
        self.ended_at: float | None = None
        self._most = 0
        self._lock = threading.Lock()

    def _words(self, count: int) -> None:
        with self._lock:
            if count > self._most:
                self._most = count
                self.shown.append((time.monotonic(), count))

    def status(self, status: LiveStatus) -> None:
        return None

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        self._words(len(join_text(segments).split()))

    def live_text(self, text: LiveText) -> None:
        self._words(len(text.text.split()))

    def recording_started(self, device: str) -> None:
        return None

    def recording_ended(self, reason: str) -> None:
        self.ended_at = time.monotonic()


class Spoken:
    """A real-time source that notes when it started (audio time 0 in wall time) and,
    ended by the key, presses it as the last block is handed over."""

    def __init__(self, audio: np.ndarray, *, key: bool) -> None:
        self.source = FileSource.from_array(audio, realtime=True)
        self.total = len(audio)
        self.key = key
        self.fed = 0
        self.started = 0.0
        self.live: LiveAnswer | None = None
        self.stopped_at: float | None = None

    def __enter__(self) -> Spoken:
        self.source.__enter__()
        self.started = time.monotonic()
        return self

    def __exit__(self, *args: object) -> None:
        self.source.__exit__(*args)

    def read(self, timeout: float = 0.5) -> np.ndarray | None:
        block = self.source.read(timeout)
        if block is not None:
            self.fed += len(block)
            if self.key and self.fed >= self.total and self.stopped_at is None and self.live:
                self.stopped_at = time.monotonic()
                self.live.stop()
        return block


@dataclass
class LiveRun:
    text: str
    end_reason: str
    duration_s: float
    """Audio recorded: where the answer ended."""
    returned: float
    started: float
    ended_at: float | None
    stopped_at: float | None
    lags: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def latency_key_s(self) -> float | None:
        return None if self.stopped_at is None else self.returned - self.stopped_at

    @property
    def latency_silence_s(self) -> float | None:
        if self.end_reason != "silence" or self.ended_at is None:
            return None
        return self.returned - self.ended_at

    def wait_after(self, speech_end_s: float) -> float:
        """From the moment audio time ``speech_end_s`` was spoken to the final transcript."""
        return self.returned - (self.started + speech_end_s)


def run_live(
    audio: np.ndarray,
    transcriber: Transcriber,
    path: Path,
    *,
    key: bool,
    options: LiveOptions,
    end_silence_s: float = 3.0,
) -> LiveRun:
    """One answer spoken in real time, ended by the key or by the app's end silence."""
    config = (
        EndpointConfig(end_silence_s=NEVER_S, initial_silence_s=NEVER_S, max_answer_s=NEVER_S)
        if key
        else EndpointConfig(end_silence_s=end_silence_s, max_answer_s=NEVER_S)
    )
    trace = Trace()
    source = Spoken(audio, key=key)
    live = LiveAnswer(source, transcriber, path, config, trace, options)
    source.live = live
    result = live.run()
    returned = time.monotonic()
    run = LiveRun(
        result.transcript.text,
        result.end_reason,
        result.duration_s,
        returned,
        source.started,
        trace.ended_at,
        source.stopped_at,
        error=result.error,
    )
    run.lags = word_lags(trace, result.transcript.words, source.started, returned)
    return run


def word_lags(
    trace: Trace, words: tuple[Word, ...], started: float, returned: float
) -> list[float]:
    """How long each word of the final transcript took to reach the screen after it was
    said (``started``: when audio time 0 was spoken). Words are matched by their place:
    the i-th word was shown when the screen first held i+1 words, or else when the final
    transcript came (``returned``)."""
    lags = []
    for i, word in enumerate(words):
        seen = next((t for t, count in trace.shown if count > i), returned)
        lags.append(max(0.0, seen - (started + word.end)))
    return lags


def speech_end_s(audio: np.ndarray) -> float:
    """Where the last speech ends, by Silero over the whole audio, without padding, a pause
    of 0.3 s ending speech (by default it takes 2 s, so a recording that ends under 2 s
    after its last word seemed to be speech to its end: 4.46 s, not 3.52 s)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(speech_pad_ms=0, min_silence_duration_ms=300)
    chunks = get_speech_timestamps(audio, options)
    return float(chunks[-1]["end"]) / SAMPLE_RATE if chunks else 0.0


def _trimmed(audio: np.ndarray) -> np.ndarray:
    """A rendered phrase without the silence Piper leaves around it."""
    loud = np.nonzero(np.abs(audio) > 0.01)[0]
    return audio[loud[0] : loud[-1] + 1] if len(loud) else audio


@dataclass(frozen=True)
class PausedAnswer:
    name: str
    audio: np.ndarray
    first_end_s: float
    """Where the first part's speech ends: the thinking pause starts here."""
    second_start_s: float
    """Where the rest of the answer starts: an answer ended before it was cut off."""
    text: str


def _render(texts: list[str]) -> list[str]:
    from voice_coach.speech.tts import Voice

    voice = Voice(VOICE)
    return [str(voice.synthesize(text, timeout=120)) for text in texts]


def mid_sentence_answers() -> list[PausedAnswer]:
    """:data:`MID_SENTENCE` rendered by the app's voice, with the pauses in turn.

    Rendered in a child process: Piper's model would otherwise count in this process's
    peak RSS, which is meant to be the speech path's."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        paths = pool.submit(_render, [text for pair in MID_SENTENCE for text in pair]).result()
    answers = []
    for i in range(len(MID_SENTENCE)):
        first, second = MID_SENTENCE[i]
        pause = MID_PAUSES_S[i % len(MID_PAUSES_S)]
        lead = np.zeros(int(0.5 * SAMPLE_RATE), np.float32)
        one = _trimmed(read_audio(Path(paths[2 * i])))
        two = _trimmed(read_audio(Path(paths[2 * i + 1])))
        gap = np.zeros(int(pause * SAMPLE_RATE), np.float32)
        audio = np.concatenate([lead, one, gap, two]).astype(np.float32)
        first_end = (len(lead) + len(one)) / SAMPLE_RATE
        answers.append(
            PausedAnswer(
                f"pause_{i + 1}_{pause:g}s",
                audio,
                first_end,
                first_end + pause,
                f"{first} {second}",
            )
        )
    return answers


def with_tail(audio: np.ndarray) -> np.ndarray:
    return np.concatenate([audio, np.zeros(int(TAIL_SILENCE_S * SAMPLE_RATE), np.float32)])


@dataclass
class LiveReport:
    """Everything measured by the live runs, summarised for ``--json``."""

    lags: list[float] = field(default_factory=list)
    """Every word's wait to reach the screen, over the answers ended by the key."""
    key_latencies: list[float] = field(default_factory=list)
    silence_runs: list[tuple[str, LiveRun, float, bool]] = field(default_factory=list)
    """(item, run, wait after its last word, ended before it) for answers ended by silence."""
    paused_runs: list[tuple[PausedAnswer, LiveRun]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        lags, key = self.lags, self.key_latencies
        silence = [
            v for _, run, _, _ in self.silence_runs if (v := run.latency_silence_s) is not None
        ]
        waits = [w for _, _, w, early in self.silence_runs if not early]
        early = [name for name, _, _, cut in self.silence_runs if cut]
        finished_waits = waits + [
            run.wait_after(speech_end_s(answer.audio))
            for answer, run in self.paused_runs
            if run.end_reason == "silence" and run.duration_s > answer.second_start_s
        ]
        cut = [
            answer.name
            for answer, run in self.paused_runs
            if run.duration_s < answer.second_start_s
        ]
        return {
            "interim_lag_s": {"p50": r(pct(lags, 50)), "p95": r(pct(lags, 95)),
                              "words": len(lags)},
            "latency_key_s": {"p50": r(pct(key, 50)), "p95": r(pct(key, 95)), "runs": len(key)},
            "latency_silence_s": {"p50": r(pct(silence, 50)), "p95": r(pct(silence, 95)),
                                  "runs": len(silence)},
            "end_of_turn": {
                "finished_wait_median_s": r(pct(finished_waits, 50)),
                "finished_answers": len(finished_waits),
                "mid_sentence_pauses": len(self.paused_runs),
                "mid_sentence_cut": len(cut),
                "cut": cut,
                "finished_answers_ended_early": early,
            },
            "live_items": [
                {"name": name, "ended_by": run.end_reason, "latency_s": r(run.latency_silence_s),
                 "wait_after_last_word_s": r(wait), "text": run.text}
                for name, run, wait, _ in self.silence_runs
            ] + [
                {"name": answer.name, "ended_by": run.end_reason,
                 "recorded_s": r(run.duration_s, 2), "rest_starts_s": r(answer.second_start_s, 2),
                 "cut": run.duration_s < answer.second_start_s, "text": run.text}
                for answer, run in self.paused_runs
            ],
        }  # fmt: skip


def print_live(summary: dict[str, Any]) -> None:
    def fmt(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    lag, key, sil = summary["interim_lag_s"], summary["latency_key_s"], summary["latency_silence_s"]
    turn = summary["end_of_turn"]
    print(
        f"interim lag p50 / p95     {fmt(lag['p50'])} / {fmt(lag['p95'])} s ({lag['words']} words)"
    )
    print(f"final after key p50 / p95 {fmt(key['p50'])} / {fmt(key['p95'])} s ({key['runs']} runs)")
    print(f"after end silence p50/p95 {fmt(sil['p50'])} / {fmt(sil['p95'])} s ({sil['runs']} runs)")
    print(
        f"end of turn               median wait after a finished answer "
        f"{fmt(turn['finished_wait_median_s'])} s ({turn['finished_answers']} answers); "
        f"mid-sentence pauses cut {turn['mid_sentence_cut']} of {turn['mid_sentence_pauses']}"
    )
    if turn["finished_answers_ended_early"]:
        print(
            f"ended at a pause between sentences: {', '.join(turn['finished_answers_ended_early'])}"
        )
