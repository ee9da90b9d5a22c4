"""The microphone check: a take of room silence and a take of speech, measured and judged.

Interviews over a call live or die by the microphone, and a person cannot judge
their own level by ear. Two short takes say what matters: how loud the room is,
how loud the voice is above it, and whether the input clips. The verdict names
the single most useful thing to change.

Levels are in dBFS (0 dB is full scale). Everything is measured on 50 ms frames
of 16 kHz mono float32, the format every voice_coach source delivers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
import soundfile

from voice_coach import locations
from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import AudioSource, EndOfAudio, Microphone

FRAME_S = 0.05
"""Frame length for levels: long enough to hold a pitch period, short enough to find pauses."""

FLOOR_DB = -100.0
"""Digital silence (a virtual or muted input) is reported as this, not minus infinity."""

CLIP_LEVEL = 0.99
"""A sample this close to full scale was almost certainly cut off by the converter."""

CLIP_SHARE = 0.001
"""0.1% of samples clipped (about 80 in 5 s) is audible crackle and confuses the recogniser;
a stray clipped sample or two is not worth a verdict."""

NO_SPEECH_SNR_DB = 6.0
"""A speech take less than 6 dB above the room is indistinguishable from the room itself:
nothing (or only a whisper far away) was heard."""

TOO_QUIET_DB = -42.0
"""Loud speech frames below this are too faint: Whisper and the voice detector start to miss
soft words, and a remote listener has to turn you up. Well-set voices sit near -25 to -12."""

NOISY_SNR_DB = 15.0
"""Below 15 dB between voice and room, word errors rise sharply and the pause that ends an
answer is hard to tell from the room's noise."""

SPEECH_PERCENTILE = 90.0
"""Speech level is the 90th percentile of frame levels: the voice when it is actually
speaking, without pauses pulling it down or one plosive pushing it up."""

SPEAKER_TEST_SENTENCE = (
    "This is your interviewer's voice. If you can hear me clearly, your speaker works."
)

Verdict = Literal["good", "no_speech", "clipping", "too_quiet", "noisy"]

ADVICE: dict[str, str] = {
    "good": "good: your level and your room are fine for an interview",
    "no_speech": "no speech heard: check that the right microphone is chosen and not muted",
    "clipping": "clipping: lower the input gain or move back from the microphone",
    "too_quiet": "too quiet: move closer to the microphone or raise the input gain",
    "noisy": "noisy room: find a quieter room or use a headset microphone",
}


@dataclass(frozen=True)
class MicReport:
    """What the two takes showed; ``verdict`` is the most important finding."""

    noise_floor_db: float
    """Room level: the median 50 ms frame of the silence take."""
    speech_level_db: float
    snr_db: float
    """Speech level above the noise floor."""
    peak_db: float
    """The loudest sample of the speech take."""
    clipped_samples: int
    clipped_share: float
    verdict: Verdict
    advice: str

    @property
    def speech_heard(self) -> bool:
        return self.verdict != "no_speech"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, float) and key != "clipped_share":
                data[key] = round(value, 1)
        data["clipped_share"] = round(self.clipped_share, 5)
        return data

    def lines(self) -> list[str]:
        """The report as short lines, fit for a terminal or an 80-column screen."""
        return [
            f"Noise floor   {self.noise_floor_db:6.1f} dBFS",
            f"Speech level  {self.speech_level_db:6.1f} dBFS",
            f"Signal/noise  {self.snr_db:6.1f} dB",
            f"Peak          {self.peak_db:6.1f} dBFS",
            f"Clipping      {self.clipped_share:6.2%} ({self.clipped_samples} samples)",
        ]


def level_db(audio: np.ndarray) -> float:
    """RMS level of a block in dBFS, floored at :data:`FLOOR_DB`."""
    if audio.size == 0:
        return FLOOR_DB
    rms = float(np.sqrt(np.mean(np.square(audio, dtype=np.float64))))
    return max(FLOOR_DB, 20.0 * np.log10(rms)) if rms > 0 else FLOOR_DB


def frame_levels_db(audio: np.ndarray, rate: int = SAMPLE_RATE) -> np.ndarray:
    """RMS level of each whole 50 ms frame; a take shorter than a frame is one frame."""
    n = max(1, int(rate * FRAME_S))
    count = len(audio) // n
    if count == 0:
        return np.array([level_db(audio)])
    frames = audio[: count * n].astype(np.float64).reshape(count, n)
    rms = np.sqrt(np.mean(frames**2, axis=1))
    with np.errstate(divide="ignore"):
        db = 20.0 * np.log10(rms)
    return np.maximum(db, FLOOR_DB)


def analyse(silence: np.ndarray, speech: np.ndarray, rate: int = SAMPLE_RATE) -> MicReport:
    """Judge a take of room silence and a take of speech from the same microphone."""
    noise = float(np.median(frame_levels_db(silence, rate)))
    speech_level = float(np.percentile(frame_levels_db(speech, rate), SPEECH_PERCENTILE))
    snr = speech_level - noise
    peak_amp = float(np.max(np.abs(speech))) if speech.size else 0.0
    peak = max(FLOOR_DB, 20.0 * np.log10(peak_amp)) if peak_amp > 0 else FLOOR_DB
    clipped = int(np.count_nonzero(np.abs(speech) >= CLIP_LEVEL))
    share = clipped / speech.size if speech.size else 0.0
    verdict = _verdict(speech_level, snr, share)
    return MicReport(
        noise_floor_db=noise,
        speech_level_db=speech_level,
        snr_db=snr,
        peak_db=peak,
        clipped_samples=clipped,
        clipped_share=share,
        verdict=verdict,
        advice=ADVICE[verdict],
    )


def _verdict(speech_level: float, snr: float, clipped_share: float) -> Verdict:
    # In order of what to fix first: without speech nothing else means anything;
    # clipping damages the words themselves; a quiet voice also explains a low SNR.
    if snr < NO_SPEECH_SNR_DB:
        return "no_speech"
    if clipped_share >= CLIP_SHARE:
        return "clipping"
    if speech_level < TOO_QUIET_DB:
        return "too_quiet"
    if snr < NOISY_SNR_DB:
        return "noisy"
    return "good"


class BlockReader(Protocol):
    def read(self, timeout: float = 0.5) -> np.ndarray | None: ...


class _Pushback:
    """An open source that takes back the unused end of a block, so the speech take
    starts exactly where the silence take ended and no audio is lost between them."""

    def __init__(self, source: BlockReader) -> None:
        self.source = source
        self.pending: np.ndarray | None = None

    def read(self, timeout: float = 0.5) -> np.ndarray | None:
        if self.pending is not None:
            block, self.pending = self.pending, None
            return block
        return self.source.read(timeout)

    def unread(self, block: np.ndarray) -> None:
        self.pending = block


def record(
    seconds: float,
    source: BlockReader,
    *,
    on_level: Callable[[float], None] | None = None,
    stop: threading.Event | None = None,
) -> np.ndarray:
    """``seconds`` of audio from an open source, as one array.

    Counts samples rather than wall time, so a stream that starts late still
    gives a full take. ``on_level`` gets each block's level (for a meter);
    ``stop`` ends the take early with what was heard so far. A source that
    fails raises its own error (:class:`MicrophoneError` for a microphone).
    """
    wanted = int(seconds * SAMPLE_RATE)
    blocks: list[np.ndarray] = []
    got = 0
    while got < wanted and not (stop is not None and stop.is_set()):
        try:
            block = source.read(timeout=0.2)
        except EndOfAudio:
            break
        if block is None or block.size == 0:
            continue
        blocks.append(block)
        got += len(block)
        if on_level is not None:
            on_level(level_db(block))
    if not blocks:
        return np.zeros(0, dtype=np.float32)
    audio = np.concatenate(blocks).astype(np.float32, copy=False)
    if len(audio) > wanted and isinstance(source, _Pushback):
        source.unread(audio[wanted:])
    return audio[:wanted]


def record_seconds(
    seconds: float,
    device: int | str | None = None,
    *,
    on_level: Callable[[float], None] | None = None,
    stop: threading.Event | None = None,
) -> np.ndarray:
    """Open the microphone, record ``seconds`` and close it."""
    with Microphone(device) as mic:
        return record(seconds, mic, on_level=on_level, stop=stop)


Step = Literal["quiet", "speak"]


@dataclass(frozen=True)
class MicCheckResult:
    report: MicReport
    silence: np.ndarray
    speech: np.ndarray
    silence_file: Path | None
    speech_file: Path | None
    device: str


def run_mic_check(
    silence_s: float,
    speech_s: float,
    source: AudioSource | None = None,
    *,
    device: int | str | None = None,
    on_step: Callable[[Step], None] | None = None,
    on_level: Callable[[float], None] | None = None,
    stop: threading.Event | None = None,
) -> MicCheckResult:
    """Both takes from one open stream, analysed and saved for playback.

    One stream for both takes: reopening between them costs a second on some
    sound servers, and the prompt to speak must come when recording really starts.
    ``on_step`` is called as each take begins.
    """
    mic = source if source is not None else Microphone(device)
    with mic:
        name = str(getattr(mic, "device_name", "microphone"))
        reader = _Pushback(mic)
        if on_step is not None:
            on_step("quiet")
        silence = record(silence_s, reader, on_level=on_level, stop=stop)
        if on_step is not None:
            on_step("speak")
        speech = record(speech_s, reader, on_level=on_level, stop=stop)
    report = analyse(silence, speech)
    return MicCheckResult(
        report=report,
        silence=silence,
        speech=speech,
        silence_file=save_take(silence, "silence"),
        speech_file=save_take(speech, "speech"),
        device=name,
    )


def takes_dir() -> Path:
    """Mic-check takes are disposable: they live in the cache and each run replaces them."""
    folder = locations.cache_dir() / "mic-check"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def save_take(audio: np.ndarray, name: str) -> Path | None:
    """Save a take as FLAC for playback; None when it is empty or cannot be written.

    A take that cannot be saved is no reason to lose the report, so this never raises.
    """
    if audio.size == 0:
        return None
    try:
        path = takes_dir() / f"{name}.flac"
        soundfile.write(
            str(path), np.clip(audio, -1.0, 1.0), SAMPLE_RATE, format="FLAC", subtype="PCM_16"
        )
        path.chmod(0o600)  # the user's voice: theirs alone, whatever the umask
    except Exception:
        return None
    return path
