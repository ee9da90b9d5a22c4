"""Opening the practice app: what the bare command does, and the click group when no
command is named (with ``--model``, ``--set``, ``--typed``).

Apart from the command line so that the bare command (:mod:`voice_coach.__main__`)
reaches it without importing click: no click at all on the way to the first screen,
unless something goes wrong (a damaged database is asked about with click's prompt).
Problems are raised as :class:`VoiceCoachError`; each caller's error boundary says them
in one line, as it says every other error.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from voice_coach.errors import InputError, VoiceCoachError

if TYPE_CHECKING:
    from voice_coach.config import Settings
    from voice_coach.store import Store

__all__ = ["has_terminal", "open_app"]


def open_app(model: str | None = None, set_name: str | None = None, typed: bool = False) -> None:
    """Run the practice app until the user quits: ``model`` overrides the settings' speech
    model, ``set_name`` starts practising that set at once, ``typed`` takes typed answers.

    Raises a :class:`VoiceCoachError` (the caller's error boundary says it in one line)
    when there is no terminal to draw on, the database is damaged and the user will not
    have it set aside, or the app stopped on an error it could not show.
    """
    if not has_terminal():
        raise InputError(
            "the practice app needs a terminal, and input or output is not one; run "
            "voice-coach in a terminal, or use a command (voice-coach --help lists them)"
        )
    gc.disable()  # on again once the first frame is drawn, or when the app ends before
    try:
        _run(model, set_name, typed)
    finally:
        gc.enable()


def _run(model: str | None, set_name: str | None, typed: bool) -> None:
    """Import, build and run the app with the cycle collector off until its first frame.

    Importing Textual and the app makes hundreds of thousands of objects, none of them
    garbage; the collector walked them all, again and again, for a tenth of the wait
    before the first screen. Frozen once built, they are never walked again (they live as
    long as the app does anyway), and the widgets of the first frame are no garbage
    either: the app turns the collector on once that frame is drawn.
    """
    from voice_coach.tui.app import VoiceCoachApp

    def read_settings() -> Settings:
        # Once the home screen is drawn: the settings model brings pydantic. A bad
        # file is never fatal (each problem becomes a notice), so it can wait.
        from voice_coach.config import load_settings

        return load_settings().with_overrides(model=model)

    store = _open_store_or_offer_fresh()
    app = VoiceCoachApp(read_settings=read_settings, start_set=set_name, typed=typed, store=store)
    gc.freeze()
    from voice_coach.native_stderr import native_stderr_to_log

    # ALSA and PortAudio print to fd 2 from C, over the screen: to the log instead.
    with native_stderr_to_log():
        app.run()
    if app.fatal_error:
        raise VoiceCoachError(app.fatal_error)


def has_terminal() -> bool:
    """Whether the practice app can draw and read keys: stdin and stdout are a terminal.

    Without one (``voice-coach < /dev/null > out.txt``, nohup, cron) the app
    would wait for keys that never come, until killed.
    """
    return sys.stdin.isatty() and sys.stdout.isatty()


def _open_store_or_offer_fresh() -> Store:
    """The sessions database; a damaged one is reported and, if the user agrees, kept
    aside under a new name so practice can start on a fresh one. Nothing is deleted."""
    from voice_coach.errors import CorruptDatabase
    from voice_coach.store import Store, set_aside_database

    try:
        return Store()
    except CorruptDatabase as exc:
        # Rare: click (its prompt, its output) is imported only here.
        import click

        from voice_coach.safety import printable

        click.echo(printable(str(exc)), err=True)
        try:
            agreed = click.confirm(
                "Keep the damaged file aside (renamed, not deleted) and start a fresh database?",
                default=False,
                err=True,
            )
        except click.Abort:  # ctrl+c or the end of input: not a yes
            agreed = False
        if not agreed:
            raise VoiceCoachError(
                "nothing was changed (voice-coach db set-aside does the same later)"
            ) from None
        aside = set_aside_database()
        click.echo(f"Kept aside as {aside}; your recordings are untouched.", err=True)
        return Store()
