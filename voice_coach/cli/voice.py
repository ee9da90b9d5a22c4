"""``voices`` and ``say``: hear (or keep) what the interviewer will sound like.

Both go through :class:`voice_coach.speech.tts.Voice`, the object the practice app
speaks with, so what ``say`` plays is what a question will sound like.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import click

from voice_coach.cli.base import say as echo_line
from voice_coach.errors import InputError

if TYPE_CHECKING:
    from voice_coach.speech.tts import Voice

MAX_SAY_CHARS = 5000
"""Longest text ``say`` takes: a few minutes of speech, never an accidental whole file."""


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON list: id, name, engine, default.")
def voices(as_json: bool) -> None:
    """The interviewer voices installed here, with their engine; * marks the default.

    An id goes in a set's interviewer ``voice`` or in the settings.
    """
    from voice_coach.speech.tts import list_voices

    found = list_voices()
    if as_json:
        rows = [
            {
                "id": v.id,
                "name": v.name,
                "engine": v.engine,
                "languages": list(v.languages),
                "default": v.default,
            }
            for v in found
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    width = max((len(v.id) for v in found), default=0)
    for v in found:
        mark = "*" if v.default else " "
        echo_line(f"{mark} {v.id:<{width}}  {v.engine:<6}  {v.name}")
    if not any(v.default for v in found):
        echo_line("(no natural voice here: espeak's own default speaks)")


@click.command()
@click.argument("text")
@click.option("--voice", "voice_id", help="A voice id from `voice-coach voices`.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the speech to this WAV file instead of playing it.",
)
def say(text: str, voice_id: str | None, out: Path | None) -> None:
    """Speak TEXT in an interviewer's voice (the settings' voice unless --voice)."""
    from voice_coach.config import load_settings
    from voice_coach.speech.tts import Voice, check_voice_id

    text = " ".join(text.split())
    if not text:
        raise InputError("nothing to say: give the text to speak")
    if len(text) > MAX_SAY_CHARS:
        raise InputError(
            f"the text is too long to say ({len(text)} characters; at most {MAX_SAY_CHARS})"
        )
    settings = load_settings()
    chosen = voice_id if voice_id is not None else settings.voice
    check_voice_id(chosen)
    voice = Voice(chosen, settings.speech_rate, settings.output_device)
    if out is not None:
        if out.suffix.lower() != ".wav":
            raise InputError(f"{out.name}: --out writes a WAV file; give it a .wav name")
        rendered = voice.synthesize(text)
        _notice(voice)
        shutil.copyfile(rendered, out)
        echo_line(f"Wrote {out}", err=True)
        return
    _ = voice.spec  # the fallback notice, if any, before the speech rather than after
    _notice(voice)
    voice.speak(text)


def _notice(voice: Voice) -> None:
    """Say once, on stderr, that espeak speaks because Piper cannot."""
    if voice.notice:
        echo_line(f"voice-coach: {voice.notice}", err=True)
