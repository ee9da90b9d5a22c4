"""Commands on the people who will interview: list, show, add, edit, remove, import notes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from voice_coach.cli.base import say
from voice_coach.safety import printable

if TYPE_CHECKING:
    from voice_coach.people import Profile, Relation

RELATION_HELP = "line manager, panel, HR, team member or other"


def _relation(value: str | None) -> Relation | None:
    from voice_coach.people import Relation

    if value is None:
        return None
    found = Relation.read(value)
    if found is None:
        raise click.BadParameter(f"{value!r}: say {RELATION_HELP}", param_hint="--relation")
    return found


def _items(values: tuple[str, ...]) -> tuple[str, ...]:
    """Interests given as repeated options, each of which may be a comma-separated list."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _report_skipped(problems: list[str]) -> None:
    for problem in problems:
        say(f"voice-coach: skipped {problem}", err=True)


@click.group()
def people() -> None:
    """The people who will interview you: their role, what they care about, your notes."""


@people.command("list")
@click.option("--json", "as_json", is_flag=True)
def people_list(as_json: bool) -> None:
    """Everyone you have researched; a damaged file is named and skipped."""
    from voice_coach.people import scan_profiles

    listing = scan_profiles()
    _report_skipped(listing.problems)
    if as_json:
        click.echo(json.dumps([p.model_dump(mode="json") for p in listing.profiles], indent=2))
        return
    if not listing.profiles:
        say("No people yet: voice-coach people add --name NAME, or people import NOTES_FILE.")
        return
    for p in listing.profiles:
        cares = f"; cares about {', '.join(p.cares_about)}" if p.cares_about else ""
        say(f"{p.id}: {p.name} ({p.described}){cares}")


@people.command("show")
@click.argument("person_id")
@click.option("--json", "as_json", is_flag=True)
def people_show(person_id: str, as_json: bool) -> None:
    """A person's profile, the questions they are likely to ask, and what to ask them."""
    from voice_coach.people import load_profile, questions_for, questions_to_ask

    profile = load_profile(person_id)
    likely = questions_for(profile)
    to_ask = questions_to_ask(profile)
    if as_json:
        data = profile.model_dump(mode="json")
        data["likely_questions"] = [q.text for q in likely]
        data["questions_to_ask"] = to_ask
        click.echo(json.dumps(data, indent=2))
        return
    say(f"{profile.name} ({profile.described})")
    if profile.cares_about:
        say(f"Cares about: {', '.join(profile.cares_about)}")
    if profile.notes:
        click.echo("Notes:")
        click.echo(printable(_indented(profile.notes), lines=True))
    click.echo("")
    say(f"Questions {profile.name} is likely to ask:")
    for i, q in enumerate(likely, 1):
        say(f"{i:3}. {q.text}")
    click.echo("")
    say(f"Questions you could ask {profile.name}:")
    for text in to_ask:
        say(f"  - {text}")


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())


@people.command("add")
@click.option("--name", required=True, help="Their name, as you would greet them.")
@click.option("--role", default="", help="Their job title (Finance Director, Head of FP&A...).")
@click.option("--relation", default="panel", show_default=True, help=RELATION_HELP)
@click.option(
    "--cares-about",
    multiple=True,
    help="Something they will care about (repeat it, or separate with commas).",
)
@click.option("--notes", default="", help="Your own research: background, links, anything.")
def people_add(
    name: str, role: str, relation: str, cares_about: tuple[str, ...], notes: str
) -> None:
    """Save someone who will interview you."""
    from voice_coach.people import (
        Relation,
        load_profiles,
        make_profile,
        new_profile_id,
        save_profile,
    )

    taken = [p.id for p in load_profiles()]
    profile = make_profile(
        id=new_profile_id(name, taken),
        name=name,
        role=role,
        relation=_relation(relation) or Relation.PANEL,
        cares_about=_items(cares_about),
        notes=notes,
    )
    path = save_profile(profile, overwrite=False)
    say(f"Saved {profile.name} as {profile.id} in {path}")


@people.command("edit")
@click.argument("person_id")
@click.option("--name", help="A new name.")
@click.option("--role", help="A new job title.")
@click.option("--relation", help=RELATION_HELP)
@click.option(
    "--cares-about",
    multiple=True,
    help="What they care about, replacing the list (repeat it, or separate with commas).",
)
@click.option("--notes", help="New notes, replacing the old.")
def people_edit(
    person_id: str,
    name: str | None,
    role: str | None,
    relation: str | None,
    cares_about: tuple[str, ...],
    notes: str | None,
) -> None:
    """Change a profile: the fields given, or with no option the whole file in your editor."""
    from voice_coach.people import load_profile, save_profile

    profile = load_profile(person_id)
    changes: dict[str, object] = {
        key: value
        for key, value in (
            ("name", name),
            ("role", role),
            ("relation", _relation(relation)),
            ("cares_about", _items(cares_about) if cares_about else None),
            ("notes", notes),
        )
        if value is not None
    }
    edited = _in_editor(profile) if not changes else _changed(profile, changes)
    if edited is None:
        click.echo("Nothing changed.")
        return
    path = save_profile(edited)
    say(f"Saved {edited.name} in {path}")


def _changed(profile: Profile, changes: dict[str, object]) -> Profile:
    """``profile`` with ``changes``, validated as a new profile would be."""
    from voice_coach.people import make_profile

    return make_profile(**{**profile.model_dump(), **changes})


def _in_editor(profile: Profile) -> Profile | None:
    """The profile as the user edits its file's text; asked again while it does not read."""
    from voice_coach.errors import InputError
    from voice_coach.people import parse_profile, profile_toml

    text = profile_toml(profile)
    while True:
        edited = click.edit(text, extension=".toml")
        if edited is None or edited == text:
            return None
        try:
            return parse_profile(edited, profile.id, f"{profile.id}.toml")
        except InputError as exc:
            say(f"voice-coach: {exc}", err=True)
            if not click.confirm("Edit it again?", default=True):
                return None
            text = edited


@people.command("remove")
@click.argument("person_id")
@click.option("--yes", is_flag=True, help="Do not ask first.")
def people_remove(person_id: str, yes: bool) -> None:
    """Delete someone's profile."""
    from voice_coach.people import delete_profile, load_profile

    profile = load_profile(person_id)
    if not yes and not click.confirm(f"Delete {profile.name}'s profile and your notes on them?"):
        click.echo("Nothing deleted.")
        return
    delete_profile(profile.id)
    say(f"Deleted {profile.name} ({profile.id}).")


@people.command("import")
@click.argument("notes_file", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace profiles of the same people.")
def people_import(notes_file: Path, force: bool) -> None:
    """Read your research notes (text, Markdown or PDF): a heading or line per person
    ("Sarah Khan - Finance Director (panel)"), your notes on them underneath."""
    from voice_coach.people_notes import import_people_notes

    saved, skipped = import_people_notes(notes_file, replace=force)
    for p in saved:
        cares = f"; cares about {', '.join(p.cares_about)}" if p.cares_about else ""
        say(f"Saved {p.name} as {p.id} ({p.described}){cares}")
    for p in skipped:
        say(f"Kept the saved profile of {p.name} ({p.id}); --force replaces it with these notes")
