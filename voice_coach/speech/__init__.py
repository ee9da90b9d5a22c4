"""Speech in and out: the interviewer's voice (TTS) and the transcriber (STT)."""
