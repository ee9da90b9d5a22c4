"""What every command shares: the one error boundary, one-line output, the terminal check.

Kept apart from the commands so each command module imports it, and none imports another.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NoReturn

import click

from voice_coach.errors import VoiceCoachError, explain, log_error
from voice_coach.safety import (
    printable,
)

if TYPE_CHECKING:
    pass

KINDS = (
    "story",
    "cv_detail",
    "plan",
    "motivation",
    "about_you",
    "salary",
    "strengths",
    "questions_for_us",
    "offer",
    "remote_environment",
    "general",
)
"""The question kinds (``voice_coach.scoring.kinds``), spelled here so --help needs no import."""


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"voice-coach: {printable(message)}", err=True)
    sys.exit(code)


def say(line: str, *, err: bool = False) -> None:
    """Print one line holding a user's text (a title, a question, an error naming a file),
    with terminal control sequences removed: a set must not be able to drive the terminal."""
    click.echo(printable(line), err=err)


DEBUG_ENV = "VOICE_COACH_DEBUG"


class Boundary(click.Group):
    """The one place where any error becomes one line on stderr and an exit code.

    Every command runs inside :meth:`invoke`, so none needs its own handler: a
    :class:`VoiceCoachError` says what it says; an ``OSError``, a decoding,
    parsing or limit error is worded by :func:`voice_coach.errors.explain`
    (naming the file, saying what to do); anything else is reported as a bug.
    The traceback goes to the log in the data folder (stderr alone when that
    folder is the problem), and ``--debug`` prints it as well.
    """

    def __init__(
        self, *args: Any, lazy_commands: Mapping[str, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})
        """Command name → ``"module:attribute"``, imported when the command is asked for.

        Opening the app runs no subcommand, and importing all of them (each with the
        domain it drives) was a good part of the wait before the first screen; this is
        click's own pattern for lazily loaded subcommands."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.lazy_commands.get(cmd_name)
        if target is not None and cmd_name not in self.commands:
            module, _, attribute = target.partition(":")
            command = getattr(importlib.import_module(module), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{target} is not a click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise  # usage errors and exits: click words these itself
        except BrokenPipeError:
            raise  # output piped into head: click ends quietly
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as exc:
            self._report(ctx, exc)

    @staticmethod
    def _report(ctx: click.Context, exc: Exception) -> NoReturn:
        report(exc, debug=bool(ctx.params.get("debug")) or debugging())


def debugging() -> bool:
    """Whether the environment asks for full tracebacks (``--debug`` asks on the line)."""
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def report(exc: Exception, *, debug: bool) -> NoReturn:
    """``exc`` as one line on stderr and an exit code; the traceback goes to the log in
    the data folder (stderr alone when that folder is the problem), and to stderr too
    when ``debug``. Every command's boundary, and the bare command's (which opens the
    app without click: :mod:`voice_coach.launch`)."""
    problem = explain(exc)
    log = None if isinstance(exc, VoiceCoachError) else log_error(exc)
    if debug:
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    message = problem.line
    if not problem.expected:
        where = f"the details are in {log}" if log else "run with --debug for the details"
        message += f"; {where}, please report it"
    fail(message, problem.exit_code)
