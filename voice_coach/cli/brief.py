"""``voice-coach brief``: the one-page brief for the day, as Markdown or a page to print."""

from __future__ import annotations

from pathlib import Path

import click

from voice_coach.cli.base import say
from voice_coach.safety import check_output, printable, refuse_app_data, write_atomic

BRIEF_MODE = 0o600
"""The brief quotes the user's answers and notes on people: theirs alone."""


@click.command()
@click.option("--remote", is_flag=True, help="A video interview: add the tech checklist.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html"]),
    default="md",
    show_default=True,
    help="Markdown, or HTML to print (or save as PDF) from a browser.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to a file.")
@click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
def brief(remote: bool, fmt: str, output: Path | None, force: bool) -> None:
    """The brief for the day: the interviewers and what to ask each, your stories mapped to
    the job's requirements, your answers to the questions you found hard, and the close."""
    from voice_coach.brief import build_brief
    from voice_coach.store import Store

    if output is not None:  # refused before any work, and again by the write itself
        refuse_app_data(output)
        check_output(output, overwrite=force)
    made = build_brief(Store(), remote=remote)
    text = made.html() if fmt == "html" else made.markdown()
    if output is None:
        click.echo(printable(text, lines=True), nl=False)
        return
    write_atomic(output, text, overwrite=force, mode=BRIEF_MODE)
    say(f"The brief is in {output}" + (" (open it in a browser to print)" if fmt == "html" else ""))
