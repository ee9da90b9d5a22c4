"""The ``voice-coach`` command: no subcommand opens the TUI; the rest share its domain code.

User mistakes and missing parts are reported as one line on stderr with a
non-zero exit (1 for a failure, 2 for bad usage or input files); never a traceback.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from voice_coach import privacy
from voice_coach.cli.base import DEBUG_ENV, Boundary, fail, has_terminal, say
from voice_coach.errors import EXIT_BAD_INPUT, VoiceCoachError

if TYPE_CHECKING:
    from voice_coach.config import Settings
    from voice_coach.store import Store

__all__ = ["DEBUG_ENV", "has_terminal", "main"]


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
    # Before any command writes a file or loads a model: private modes, telemetry off.
    privacy.harden()
    if ctx.invoked_subcommand is not None:
        return
    if not has_terminal():
        fail(
            "the practice app needs a terminal, and input or output is not one; run "
            "voice-coach in a terminal, or use a command (voice-coach --help lists them)",
            EXIT_BAD_INPUT,
        )
    with _loading():
        from voice_coach.tui.app import VoiceCoachApp

        def read_settings() -> Settings:
            # Once the home screen is drawn: the settings model brings pydantic. A bad
            # file is never fatal (each problem becomes a notice), so it can wait.
            from voice_coach.config import load_settings

            return load_settings().with_overrides(model=model)

        try:
            store = _open_store_or_offer_fresh()
            app = VoiceCoachApp(
                read_settings=read_settings, start_set=set_name, typed=typed, store=store
            )
        except VoiceCoachError as exc:
            fail(str(exc))
    from voice_coach.native_stderr import native_stderr_to_log

    # ALSA and PortAudio print to fd 2 from C, over the screen: to the log instead.
    with native_stderr_to_log():
        app.run()
    if app.fatal_error:
        fail(app.fatal_error)


@contextmanager
def _loading() -> Iterator[None]:
    """Import and build the app without the cycle collector, then set aside what was built.

    Importing Textual, pydantic and the app makes hundreds of thousands of objects, none
    of them garbage; the collector walked them all, again and again, for a tenth of the
    wait before the first screen. Frozen, they are never walked again: they live as long
    as the app does anyway.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _open_store_or_offer_fresh() -> Store:
    """The sessions database; a damaged one is reported and, if the user agrees, kept
    aside under a new name so practice can start on a fresh one. Nothing is deleted."""
    from voice_coach.errors import CorruptDatabase
    from voice_coach.store import Store, set_aside_database

    try:
        return Store()
    except CorruptDatabase as exc:
        say(str(exc), err=True)
        if not click.confirm(
            "Keep the damaged file aside (renamed, not deleted) and start a fresh database?",
            default=False,
            err=True,
        ):
            fail("nothing was changed (voice-coach db set-aside does the same later)")
        aside = set_aside_database()
        click.echo(f"Kept aside as {aside}; your recordings are untouched.", err=True)
        return Store()
