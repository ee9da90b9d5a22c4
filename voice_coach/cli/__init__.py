"""The ``voice-coach`` command: no subcommand opens the TUI; the rest share its domain code.

User mistakes and missing parts are reported as one line on stderr with a
non-zero exit (1 for a failure, 2 for bad usage or input files); never a traceback.
"""

from __future__ import annotations

import click

from voice_coach import privacy
from voice_coach.cli.base import DEBUG_ENV, Boundary
from voice_coach.launch import open_app

__all__ = ["DEBUG_ENV", "main"]


# Each command is imported when it is run (or listed by --help), not to open the app.
_COMMANDS = {
    "transcribe": "voice_coach.cli.answers:transcribe",
    "score": "voice_coach.cli.answers:score",
    "history": "voice_coach.cli.sessions:history",
    "show": "voice_coach.cli.sessions:show",
    "export": "voice_coach.cli.sessions:export",
    "delete": "voice_coach.cli.sessions:delete",
    "progress": "voice_coach.cli.sessions:progress",
    "db": "voice_coach.cli.sessions:db",
    "sets": "voice_coach.cli.sets:sets",
    "cv": "voice_coach.cli.sets:cv",
    "readiness": "voice_coach.cli.prepare:readiness",
    "doctor": "voice_coach.cli.machine:doctor",
    "mic-check": "voice_coach.cli.machine:mic_check",
    "voices": "voice_coach.cli.voice:voices",
    "say": "voice_coach.cli.voice:say",
    "mock": "voice_coach.cli.mock:mock",
    "stories": "voice_coach.cli.stories:stories",
    "people": "voice_coach.cli.people:people",
    "brief": "voice_coach.cli.brief:brief",
}


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``, worded as click's own; the installed version is looked up only when
    asked (``importlib.metadata`` is slow to import, and every start would pay for it)."""
    if not value or ctx.resilient_parsing:
        return
    from voice_coach import __version__

    click.echo(f"voice-coach, version {__version__}")
    ctx.exit()


@click.group(
    cls=Boundary,
    lazy_commands=_COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
@click.option(
    "--debug",
    is_flag=True,
    help=f"Print the full traceback of an error (also: {DEBUG_ENV}=1).",
)
@click.option(
    "--model", help="Speech model: a name (base.en) or a local directory. Default: bundled tiny.en."
)
@click.option("--set", "set_name", help="Start practising this question set at once.")
@click.option("--typed", is_flag=True, help="Type answers instead of speaking them.")
@click.pass_context
def main(
    ctx: click.Context, debug: bool, model: str | None, set_name: str | None, typed: bool
) -> None:
    """Rehearse a job interview out loud: questions are spoken, your answers
    transcribed on this machine and checked for concrete accomplishment examples.

    With no command, opens the practice app.
    """
    # Before any command writes a file or loads a model: private modes, telemetry off
    # (the practice app makes the older files private itself, after its first frame).
    privacy.harden(tighten=ctx.invoked_subcommand is not None)
    if ctx.invoked_subcommand is not None:
        return
    open_app(model=model, set_name=set_name, typed=typed)
