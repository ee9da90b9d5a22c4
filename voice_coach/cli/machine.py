"""Commands on this machine: the doctor's checks and the microphone check."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from voice_coach.cli.base import say
from voice_coach.errors import VoiceCoachError

if TYPE_CHECKING:
    pass


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One object per check.")
@click.option("--model", help="Speech model to check (default: config.toml, else bundled tiny.en).")
def doctor(as_json: bool, model: str | None) -> None:
    """Check this machine: PortAudio, microphone, speaker, voice, model, data directory, disk.

    Exit 1 when something practice cannot do without is missing.
    """
    from voice_coach.config import load_settings
    from voice_coach.doctor import exit_code, run_checks

    settings = load_settings().with_overrides(model=model)
    results = []
    for result in run_checks(settings):
        results.append(result)
        if not as_json:
            say(result.line())
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], indent=2))
    code = exit_code(results)
    if not as_json:
        failed = [r.name for r in results if r.blocking]
        click.echo(f"Not ready: {', '.join(failed)} failed." if failed else "Ready to practise.")
    sys.exit(code)


@click.command("mic-check")
@click.option("--silence-seconds", default=3.0, show_default=True, type=click.FloatRange(0.5, 30))
@click.option("--speech-seconds", default=5.0, show_default=True, type=click.FloatRange(1, 60))
@click.option("--json", "as_json", is_flag=True, help="The report as JSON (prompts on stderr).")
@click.option("--no-playback", is_flag=True, help="Do not play the speech take back.")
@click.option(
    "--speaker-test/--no-speaker-test",
    default=True,
    show_default=True,
    help="Speak a sentence in the interviewer's voice to test the speaker.",
)
def mic_check(
    silence_seconds: float,
    speech_seconds: float,
    as_json: bool,
    no_playback: bool,
    speaker_test: bool,
) -> None:
    """Measure your microphone: room noise, speech level, signal/noise, clipping; with advice."""
    from voice_coach.audio import SAMPLE_RATE
    from voice_coach.audio.miccheck import SPEAKER_TEST_SENTENCE, Step, run_mic_check
    from voice_coach.audio.playback import play
    from voice_coach.config import load_settings

    settings = load_settings()
    prompts = {
        "quiet": f"Stay quiet for {silence_seconds:g} s: measuring the room…",
        "speak": f"Now speak for {speech_seconds:g} s, as you would in the interview…",
    }

    def step(name: Step) -> None:
        click.echo(prompts[name], err=as_json)

    result = run_mic_check(
        silence_seconds, speech_seconds, device=settings.input_device, on_step=step
    )
    report = result.report
    if as_json:
        data = {
            **report.to_dict(),
            "device": result.device,
            "silence_file": str(result.silence_file) if result.silence_file else None,
            "speech_file": str(result.speech_file) if result.speech_file else None,
        }
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(f"Microphone: {result.device}")
        for line in report.lines():
            click.echo(line)
        click.echo(f"Verdict: {report.advice}")
    info = sys.stderr if as_json else sys.stdout
    if not no_playback and result.speech.size:
        click.echo("Playing your speech take back…", file=info)
        try:
            play(result.speech, SAMPLE_RATE, device=settings.output_device)
        except VoiceCoachError as exc:
            click.echo(f"voice-coach: {exc}", err=True)
    if speaker_test:
        from voice_coach.speech.tts import Voice

        click.echo("Speaker test: you should hear the interviewer's voice…", file=info)
        voice = Voice(settings.voice, settings.speech_rate, settings.output_device)
        try:
            voice.speak(SPEAKER_TEST_SENTENCE)
        except VoiceCoachError as exc:
            click.echo(f"voice-coach: {exc}", err=True)
