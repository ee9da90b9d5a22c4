"""Commands on question sets: list, check, show, import notes, start one; a set from a CV."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from voice_coach.cli.base import fail, say
from voice_coach.errors import VoiceCoachError
from voice_coach.safety import (
    printable,
)

if TYPE_CHECKING:
    from voice_coach.people import Profile, Relation


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
@click.argument("people_ids", nargs=-1, metavar="[PEOPLE...]")
@click.option(
    "--from-people",
    is_flag=True,
    help="Use the people saved with voice-coach people (all, or those named after NAME).",
)
@click.option("--force", is_flag=True, help="Replace a user set of the same name.")
def sets_new(name: str, people_ids: tuple[str, ...], from_people: bool, force: bool) -> None:
    """Describe the people who will interview you; get questions that fit each of them.

    With --from-people, the set is made from the profiles you saved (voice-coach people
    add or import), without questions: all of them, or the ids or names given.
    """
    from voice_coach.authoring import GENERAL_QUESTIONS, save_user_set, set_from_profiles, slug
    from voice_coach.questions import check_set_name

    set_name = check_set_name(slug(name))
    if people_ids and not from_people:
        fail("name the people to use with --from-people (voice-coach people list shows them)", 2)
    if from_people:
        title, profiles = f"Interview: {name}", _saved_people(people_ids)
    else:
        title = click.prompt("Title of the set", default=f"Interview: {name}")
        profiles = _described_people()
    qs = set_from_profiles(set_name, title, profiles, GENERAL_QUESTIONS)
    path = save_user_set(qs, overwrite=force)
    who = ", ".join(p.name for p in profiles)
    say(f"{len(qs.questions)} questions saved as set '{qs.name}' in {path}")
    if who:
        say(f"Asked by: {who}")


def _saved_people(wanted: tuple[str, ...]) -> list[Profile]:
    from voice_coach.people import by_ids, scan_profiles

    listing = scan_profiles()
    for problem in listing.problems:
        say(f"voice-coach: skipped {problem}", err=True)
    if not listing.profiles:
        fail("no people saved yet: voice-coach people add or voice-coach people import", 2)
    return by_ids(listing.profiles, wanted) if wanted else listing.profiles


def _relation(text: str) -> Relation:
    from voice_coach.people import Relation

    found = Relation.read(text)
    if found is None:
        raise click.BadParameter("say line manager, panel, HR, team member or other")
    return found


def _described_people() -> list[Profile]:
    """The interviewers the user describes at the prompts (none: the general questions)."""
    from voice_coach.people import Profile, new_profile_id

    profiles: list[Profile] = []
    click.echo("Describe each interviewer you researched (leave the name empty to finish).")
    while True:
        person = click.prompt(
            f"Interviewer {len(profiles) + 1} name", default="", show_default=False
        )
        if not person.strip():
            return profiles
        role = click.prompt("  Their role", default="", show_default=False)
        relation = click.prompt(
            "  Their relation to the job (line manager, panel, HR, team member, other)",
            default="panel",
            value_proc=_relation,
        )
        interests = click.prompt(
            "  What they care about (comma-separated)", default="", show_default=False
        )
        profiles.append(
            Profile(
                id=new_profile_id(person, (p.id for p in profiles)),
                name=person.strip(),
                role=role.strip(),
                relation=relation,
                cares_about=tuple(i.strip() for i in interests.split(",") if i.strip()),
            )
        )


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
