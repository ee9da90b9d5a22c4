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


def device_missing(what: str, device: int | str | None, reason: str) -> str:
    """Why the ``what`` ("microphone") could not be used, in the user's terms.

    PortAudio's own words ("Error querying device -1") mean nothing to someone who only
    wanted to speak or listen; they stay only where they say something more, such as a
    device that exists but is busy.
    """
    lowered = reason.lower()
    if "multiple" in lowered:
        return f'more than one {what} matches "{device}": choose one in Settings'
    not_there = ("querying device", "no input device", "no output device")
    if not any(words in lowered for words in not_there):
        return f"no usable {what} ({reason})"
    if device is None:
        return f"no {what} found: the sound system offers none"
    if isinstance(device, int):
        return f"no {what} found at device number {device}: choose one in Settings"
    return f'no {what} found named "{device}": choose one in Settings'
