"""Audio in and out: microphone and file sources, crash-safe recording, playback, endpointing."""

SAMPLE_RATE = 16_000
"""Everything inside voice_coach runs at Whisper's rate; sources resample to it."""
