"""Commands on question sets: list, check, show, import notes, start one; a set from a CV."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from voice_coach.cli.base import say
from voice_coach.errors import VoiceCoachError
from voice_coach.safety import (
    printable,
)

if TYPE_CHECKING:
    pass


@click.group()
def sets() -> None:
    """Question sets: list them or check files."""


@sets.command("list")
@click.option("--json", "as_json", is_flag=True)
def sets_list(as_json: bool) -> None:
    """The question sets you can practise."""
    from voice_coach.questions import available_sets, load_question_set_file

    rows = []
    for info in available_sets():
        try:
            qs = load_question_set_file(info.path)
            rows.append(
                {
                    "name": info.name,
                    "title": qs.title,
                    "questions": len(qs.questions),
                    "source": info.source,
                    "path": str(info.path),
                }
            )
        except VoiceCoachError as exc:
            rows.append(
                {
                    "name": info.name,
                    "error": str(exc),
                    "source": info.source,
                    "path": str(info.path),
                }
            )
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        if "error" in row:
            say(f"{row['name']}: INVALID: {row['error']}")
        else:
            say(f"{row['name']}: {row['title']} ({row['questions']} questions, {row['source']})")


@sets.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def sets_check(files: tuple[Path, ...]) -> None:
    """Validate question-set files; exit 2 if any is invalid."""
    from voice_coach.questions import load_question_set_file

    bad = 0
    for path in files:
        try:
            qs = load_question_set_file(path)
            say(f"{path}: ok ({len(qs.questions)} questions)")
        except VoiceCoachError as exc:
            bad += 1
            say(f"voice-coach: {exc}", err=True)
    if bad:
        sys.exit(2)


@sets.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
def sets_show(name: str, as_json: bool) -> None:
    """Show a set's interviewers and questions."""
    from voice_coach.questions import load_question_set

    qs = load_question_set(name)
    if as_json:
        click.echo(json.dumps(qs.model_dump(mode="json"), indent=2))
        return
    say(f"{qs.title} ({qs.name}, {len(qs.questions)} questions)")
    if qs.description:
        click.echo(printable(qs.description, lines=True))
    for person in qs.interviewers:
        interests = f": {', '.join(person.interests)}" if person.interests else ""
        say(f"  interviewer {person.name} ({person.role or person.id}){interests}")
    if qs.key_terms:
        say(f"  job key terms: {', '.join(qs.key_terms)}")
    for i, q in enumerate(qs.questions, 1):
        who = f" [{q.interviewer}]" if q.interviewer else ""
        say(f"{i:3}. {q.text}{who}")
        if q.note:  # the user's own aside: shown, never spoken
            say(f"       your note: {q.note}")
        if q.expects:
            say(f"       expects: {', '.join(q.expects)}")


@sets.command("import")
@click.argument("notes", type=click.Path(path_type=Path))
@click.option("--name", help="Name of the new set (default: from the file name).")
@click.option("--force", is_flag=True, help="Replace a user set of the same name.")
def sets_import(notes: Path, name: str | None, force: bool) -> None:
    """Turn notes from a first interview (one question per line, or a Markdown list) into a set."""
    from voice_coach.authoring import import_notes, save_user_set, slug
    from voice_coach.cv import read_document
    from voice_coach.questions import check_set_name

    name = check_set_name(name) if name is not None else slug(notes.stem)
    qs = import_notes(read_document(notes), name)
    path = save_user_set(qs, overwrite=force)
    say(f"{len(qs.questions)} questions saved as set '{qs.name}' in {path}")


@sets.command("new")
@click.argument("name")
@click.option("--force", is_flag=True, help="Replace a user set of the same name.")
def sets_new(name: str, force: bool) -> None:
    """Describe the people who will interview you; get questions that fit each of them."""
    from voice_coach.authoring import Ids, save_user_set, set_from_people, slug
    from voice_coach.questions import Interviewer

    title = click.prompt("Title of the set", default=f"Interview: {name}")
    people: list[Interviewer] = []
    click.echo("Describe each interviewer you researched (leave the name empty to finish).")
    ids = Ids(max_len=20)
    while True:
        person = click.prompt(f"Interviewer {len(people) + 1} name", default="", show_default=False)
        if not person.strip():
            break
        role = click.prompt("  Their role", default="", show_default=False)
        interests = click.prompt(
            "  What they care about (comma-separated)", default="", show_default=False
        )
        pid = ids.new(person)
        people.append(
            Interviewer(
                id=pid,
                name=person.strip(),
                role=role.strip(),
                interests=tuple(i.strip() for i in interests.split(",") if i.strip()),
            )
        )
    general = [
        "Why do you want this role, and why now?",
        "Tell me about an achievement from your last role that you are proud of.",
        "What questions do you have for us?",
    ]
    qs = set_from_people(slug(name), title, people, general)
    path = save_user_set(qs, overwrite=force)
    say(f"{len(qs.questions)} questions saved as set '{qs.name}' in {path}")


@click.command()
@click.argument("cv_file", type=click.Path(path_type=Path), required=False)
@click.option(
    "--job",
    "job_file",
    type=click.Path(path_type=Path),
    help="The job description (default: saved).",
)
@click.option("--name", default="my-cv", show_default=True, help="Name of the set to create.")
@click.option("--force", is_flag=True, help="Replace a user set of the same name.")
@click.option("--json", "as_json", is_flag=True, help="Print the set as JSON instead of saving.")
@click.option(
    "--save/--no-save",
    default=True,
    show_default=True,
    help="Remember the CV and job description for readiness, the brief and the app.",
)
def cv(
    cv_file: Path | None,
    job_file: Path | None,
    name: str,
    force: bool,
    as_json: bool,
    save: bool,
) -> None:
    """Build a set that probes every role, number, date and skill of your CV (text, Markdown,
    PDF) and, with the job description, the requirements your CV is thinnest on.

    Without a CV_FILE or --job, the ones saved last time are used.
    """
    from voice_coach.authoring import save_user_set
    from voice_coach.cli.prepare import document_text
    from voice_coach.cv_questions import cv_question_set
    from voice_coach.preparation import save_text, saved_text
    from voice_coach.questions import check_set_name

    check_set_name(name)
    cv_text, cv_saved = document_text("cv", cv_file)
    job: str | None = None
    job_saved = False
    if job_file is not None or saved_text("job") is not None:
        job, job_saved = document_text("job", job_file)
    qs = cv_question_set(cv_text, name=name, job_text=job)
    notes = []
    if cv_saved:
        notes.append("Using the CV you saved before.")
    if job_saved:
        notes.append("Using the job description you saved before (give --job to change it).")
    if as_json:
        click.echo(json.dumps(qs.model_dump(mode="json"), indent=2))
    else:
        path = save_user_set(qs, overwrite=force)
        say(f"{len(qs.questions)} questions saved as set '{qs.name}' in {path}")
    # Remembered once the set is made: a CV that gives no questions is not kept.
    if save and not (cv_saved and (job is None or job_saved)):
        save_text("cv", cv_text)
        if job is not None:
            save_text("job", job)
        notes.append(
            "Your CV"
            + (" and the job description are" if job is not None else " is")
            + " remembered for voice-coach readiness and the app (--no-save to keep them out)."
        )
    for note in notes:
        say(note, err=as_json)
    if as_json:
        return
    if qs.key_terms:
        say(f"Job key terms: {', '.join(qs.key_terms)}")
