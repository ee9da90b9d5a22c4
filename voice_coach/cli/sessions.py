"""Commands on saved practice: history, show, export, delete, progress, the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from voice_coach.cli.base import fail, say
from voice_coach.safety import (
    check_output,
    printable,
    refuse_app_data,
    write_atomic,
)

if TYPE_CHECKING:
    pass


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Sessions with their answers as JSON.")
def history(as_json: bool) -> None:
    """The saved practice sessions and their answers."""
    from voice_coach.export import when
    from voice_coach.store import Store

    store = Store()
    sessions = store.sessions()
    if as_json:
        out = [
            {**s.to_dict(), "attempts": [a.to_dict() for a in store.attempts(s.id)]}
            for s in sessions
        ]
        click.echo(json.dumps(out, indent=2))
        return
    if not sessions:
        click.echo("No sessions yet. Run voice-coach to practise.")
        return
    for s in sessions:
        skipped = f", {s.skipped} skipped" if s.skipped else ""
        say(
            f"#{s.id}  {when(s.started_at)}  {s.set_title}  "
            f"({s.answers} answer{'' if s.answers == 1 else 's'}, {s.flagged} need work{skipped})"
        )
        for a in store.attempts(s.id):
            say(f"    {a.outcome.mark} {a.outcome.label:<19} {a.question_text}")


@click.command()
@click.argument("session_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="The session and its answers as JSON.")
def show(session_id: int, as_json: bool) -> None:
    """One saved session: each answer with its transcript, verdict and flags."""
    from voice_coach.export import session_record, to_json, to_markdown
    from voice_coach.store import Store

    record = session_record(Store(), session_id)
    if record is None:
        fail(f"no session #{session_id} (see voice-coach history)", 2)
    assert record is not None
    click.echo(
        to_json([record]) if as_json else printable(to_markdown([record]), lines=True), nl=False
    )


@click.command()
@click.argument("session_id", type=int, required=False)
@click.option("--all", "everything", is_flag=True, help="Every session.")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to a file.")
@click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
@click.option(
    "--shared",
    is_flag=True,
    help="Let other users of this computer read the --output file (mode 644); "
    "by default only you can (600).",
)
def export(
    session_id: int | None,
    everything: bool,
    fmt: str,
    output: Path | None,
    force: bool,
    shared: bool,
) -> None:
    """Export a session (or --all) as Markdown or JSON.

    The file holds your answers word for word, so it is yours alone unless you say --shared.
    """
    from voice_coach.export import (
        EXPORT_MODE,
        EXPORT_SHARED_MODE,
        session_record,
        to_json,
        to_markdown,
    )
    from voice_coach.store import Store

    if (session_id is None) == (not everything):  # exactly one of them
        fail("give a SESSION number or --all", 2)
    if output is not None:  # refused before any work, and again by the write itself
        refuse_app_data(output)
        check_output(output, overwrite=force)
    store = Store()
    ids = [s.id for s in store.sessions()] if everything else [session_id]
    found = [r for i in ids if i is not None and (r := session_record(store, i)) is not None]
    if not everything and not found:
        fail(f"no session #{session_id} (see voice-coach history)", 2)
    text = to_json(found) if fmt == "json" else to_markdown(found)
    if output is None:
        click.echo(text if fmt == "json" else printable(text, lines=True), nl=False)
        return
    mode = EXPORT_SHARED_MODE if shared else EXPORT_MODE
    write_atomic(output, text, overwrite=force, mode=mode)  # a full disk leaves the old file whole
    say(f"{len(found)} session(s) written to {output}")


@click.command()
@click.argument("session_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask first.")
def delete(session_id: int, yes: bool) -> None:
    """Delete a session, its transcripts and its recorded audio."""
    from voice_coach.store import Store

    store = Store()
    session = store.session(session_id)
    if session is None:
        fail(f"no session #{session_id} (see voice-coach history)", 2)
    assert session is not None
    if not yes and not click.confirm(
        f"Delete session #{session_id} ({session.set_title}, {session.answers} answers, "
        "with their audio)?"
    ):
        click.echo("Nothing deleted.")
        return
    count = store.delete_session(session_id)
    click.echo(f"Deleted session #{session_id} and {count} answer(s).")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One object per session (or question).")
@click.option("--by-question", is_flag=True, help="Each question's answers over time.")
def progress(as_json: bool, by_question: bool) -> None:
    """Progress over sessions: good answers (for a story, a concrete example), fillers, pace."""
    from voice_coach.progress import session_progress
    from voice_coach.store import Store

    if by_question:
        _question_progress(as_json)
        return
    rows = session_progress(Store())
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in rows], indent=2))
        return
    if not rows:
        click.echo("No answers yet. Run voice-coach to practise.")
        return
    click.echo(f"{'date':10}  {'good':>8}  {'fillers/min':>11}  {'words/min':>9}  set")
    for r in rows:
        share = "-" if r.example_share is None else f"{r.example_share:.0%}"
        fillers = "-" if r.fillers_per_minute is None else f"{r.fillers_per_minute:.1f}"
        pace = "-" if r.wpm is None else f"{r.wpm:.0f}"
        say(f"{r.started_at[:10]:10}  {share:>8}  {fillers:>11}  {pace:>9}  {r.title}")


def _question_progress(as_json: bool) -> None:
    from voice_coach.progress import question_progress
    from voice_coach.store import Store

    questions = question_progress(Store())
    if as_json:
        click.echo(json.dumps([q.to_dict() for q in questions], indent=2))
        return
    if not questions:
        click.echo("No answers yet. Run voice-coach to practise.")
        return
    for q in questions:
        verdicts = "".join(o.mark for o in q.outcomes)
        fillers = " ".join("-" if f is None else f"{f:.1f}" for f in q.fillers_per_minute)
        say(f"{q.set_name}/{q.question_id}: {q.question_text}")
        click.echo(f"  {len(q.points)} answer(s), last {q.last_at[:10]}   verdicts {verdicts}")
        click.echo(f"  fillers/min {fillers}")


@click.group()
def db() -> None:
    """The sessions database."""


@db.command("set-aside")
@click.option("--yes", is_flag=True, help="Do not ask first.")
def db_set_aside(yes: bool) -> None:
    """Move an unreadable sessions database aside and start a fresh one.

    Nothing is deleted: the file is renamed beside itself, and recordings stay.
    """
    from voice_coach import locations
    from voice_coach.store import DB_NAME, set_aside_database

    path = locations.data_dir() / DB_NAME
    if not path.exists():
        fail(f"there is no sessions database at {path}: nothing to set aside", 2)
    if not yes and not click.confirm(
        f"Move {path} aside and start with an empty history? Nothing is deleted."
    ):
        click.echo("Nothing moved.")
        return
    aside = set_aside_database()
    click.echo(f"Moved the database to {aside}. Your recordings stay in {path.parent / 'audio'}.")
