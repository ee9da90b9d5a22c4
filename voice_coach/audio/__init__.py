"""Audio in and out: microphone and file sources, crash-safe recording, playback, endpointing."""

SAMPLE_RATE = 16_000
"""Everything inside voice_coach runs at Whisper's rate; sources resample to it."""


def clock(seconds: float) -> str:
    """A time in audio as m:ss, whole seconds gone by: a timer, a position, a length.

    One rounding for every screen, so an answer's length never reads 0:59 in one place
    and 1:00 in another.
    """
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
