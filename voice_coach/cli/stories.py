"""``voice-coach stories``: the story bank on the command line (list, show, add, edit,
remove, export, and save one from a practised answer).

The commands only parse and print: saving, fitting and exporting are
:mod:`voice_coach.stories` and :mod:`voice_coach.story_bank`, as the app's screen uses them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from voice_coach.cli.base import fail, say
from voice_coach.safety import printable

if TYPE_CHECKING:
    from voice_coach.scoring import Score
    from voice_coach.stories import Story
    from voice_coach.story_bank import StoryBank
    from voice_coach.story_reuse import StoryReuse

_TAG_HELP = (
    "What the story shows (repeat for more): leadership, conflict, failure, technical, "
    "teamwork, customer, pressure, improvement, numbers."
)


def _bank() -> StoryBank:
    from voice_coach.store import Store
    from voice_coach.story_bank import StoryBank

    return StoryBank(Store())


def _tags(values: tuple[str, ...]) -> tuple[str, ...]:
    from voice_coach.stories import Tag

    try:
        return tuple(str(Tag.parse(v)) for v in values)
    except ValueError as exc:
        fail(str(exc), 2)


def _made(make: Callable[[], Story]) -> Story:
    """A story from the user's words, or their mistake in one line (exit 2)."""
    from pydantic import ValidationError

    try:
        return make()
    except ValidationError as exc:
        problem = exc.errors()[0]
        field = ".".join(str(p) for p in problem["loc"]) or "story"
        fail(f"{field}: {problem['msg'].removeprefix('Value error, ')}", 2)


def _line(story: Story) -> str:
    return f"#{story.id}  {story.title}  ({story.tag_words})"


@click.group()
def stories() -> None:
    """Your accomplishment stories: told once and well, used for every question they fit."""


@stories.command("list")
@click.option("--json", "as_json", is_flag=True, help="Every story as JSON.")
@click.option("--for", "question", help="Only the stories that fit this question or requirement.")
def stories_list(as_json: bool, question: str | None) -> None:
    """The banked stories with what each shows (best fit first with --for)."""
    from voice_coach.stories import stories_for

    found = _bank().all()
    ranked = [s for s, _ in stories_for(question, found, limit=len(found))] if question else found
    if as_json:
        click.echo(json.dumps([s.to_dict() for s in ranked], indent=2))
        return
    if not found:
        click.echo(
            "No stories yet. Save one from an answer (voice-coach stories save ANSWER) "
            "or write one (voice-coach stories add)."
        )
        return
    if question and not ranked:
        click.echo("None of your stories fits that question.")
        return
    for story in ranked:
        say(_line(story))


@stories.command("show")
@click.argument("story_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="The story as JSON.")
def stories_show(story_id: int, as_json: bool) -> None:
    """One story: its situation, action, result, tags and the requirements it supports."""
    story = _bank().require(story_id)
    if as_json:
        click.echo(json.dumps(story.to_dict(), indent=2))
        return
    click.echo(printable(f"#{story.id} " + story.to_markdown().removeprefix("## "), lines=True))


def _part_options(func: click.decorators.FC) -> click.decorators.FC:
    for option in reversed(
        (
            click.option("--title", help="A few words that name it."),
            click.option("--situation", help="Where and when: what was at stake."),
            click.option("--action", help="What you did yourself."),
            click.option("--result", help="What came of it, with a number if there is one."),
            click.option("--tag", "tags", multiple=True, help=_TAG_HELP),
            click.option(
                "--supports",
                multiple=True,
                help="A job requirement the story is evidence for (repeat for more).",
            ),
        )
    ):
        func = option(func)
    return func


@stories.command("add")
@_part_options
def stories_add(
    title: str | None,
    situation: str | None,
    action: str | None,
    result: str | None,
    tags: tuple[str, ...],
    supports: tuple[str, ...],
) -> None:
    """Write a story directly; untold, its title and tags are made from its words."""
    from voice_coach.stories import Story, story_from_parts

    parts = {"situation": situation or "", "action": action or "", "result": result or ""}
    if not any(parts.values()):
        fail("give at least one of --situation, --action and --result", 2)
    drafted = _made(lambda: story_from_parts(parts, title=(title or "").strip() or None))
    story = _made(
        lambda: Story(
            **{
                **drafted.model_dump(),
                "tags": _tags(tags) if tags else drafted.tags,
                "supports": supports,
            }
        )
    )
    saved = _bank().add(story)
    say(f"Banked story {_line(saved)}")


@stories.command("edit")
@click.argument("story_id", type=int)
@_part_options
def stories_edit(
    story_id: int,
    title: str | None,
    situation: str | None,
    action: str | None,
    result: str | None,
    tags: tuple[str, ...],
    supports: tuple[str, ...],
) -> None:
    """Change a story: each option given replaces that part (--tag and --supports replace
    the whole list); the rest stays as it was."""
    from voice_coach.stories import Story

    changes: dict[str, object] = {
        k: v
        for k, v in (
            ("title", title),
            ("situation", situation),
            ("action", action),
            ("result", result),
        )
        if v is not None
    }
    if tags:
        changes["tags"] = _tags(tags)
    if supports:
        changes["supports"] = supports
    if not changes:
        fail("nothing to change: give --title, --situation, --action, --result, --tag or "
             "--supports", 2)  # fmt: skip
    bank = _bank()
    story = bank.require(story_id)
    edited = _made(lambda: Story(**{**story.model_dump(), **changes}))
    say(f"Saved story {_line(bank.update(edited))}")


@stories.command("remove")
@click.argument("story_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask first.")
def stories_remove(story_id: int, yes: bool) -> None:
    """Remove a story from the bank (the answer it came from stays in your history)."""
    bank = _bank()
    story = bank.require(story_id)
    if not yes and not click.confirm(printable(f"Remove story #{story_id} “{story.title}”?")):
        click.echo("Nothing removed.")
        return
    bank.delete(story_id)
    say(f"Removed story #{story_id}.")


@stories.command("save")
@click.argument("attempt_id", type=int)
@click.option("--title", help="Its title (made from the result otherwise).")
def stories_save(attempt_id: int, title: str | None) -> None:
    """Bank the story a practised answer told (ANSWER is its number in voice-coach show)."""
    from voice_coach.stories import Story
    from voice_coach.story_bank import job_requirement_texts

    bank = _bank()
    attempt = bank.store.attempt(attempt_id)
    if attempt is None:
        fail(f"there is no answer {attempt_id} (voice-coach history lists them)", 2)
    assert attempt is not None
    story = bank.draft_from(attempt, job_requirement_texts())
    if title and title.strip():
        drafted = story
        story = _made(lambda: Story.model_validate({**drafted.model_dump(), "title": title}))
    saved = bank.add(story)
    say(f"Banked story {_line(saved)}")
    for name, text in saved.parts.items():
        say(f"  {name.capitalize()}: {text}")
    click.echo(f"Change anything with: voice-coach stories edit {saved.id}")


@stories.command("export")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("--out", "output", type=click.Path(path_type=Path), help="Write to a file.")
@click.option("--force", is_flag=True, help="Replace the --out file if it exists.")
def stories_export(fmt: str, output: Path | None, force: bool) -> None:
    """Every story as Markdown (to read before the day) or JSON. The file is yours alone."""
    from voice_coach.export import EXPORT_MODE
    from voice_coach.safety import check_output, refuse_app_data, write_atomic
    from voice_coach.stories import stories_markdown

    if output is not None:
        refuse_app_data(output)
        check_output(output, overwrite=force)
    found = _bank().all()
    if fmt == "json":
        text = json.dumps([s.to_dict() for s in found], indent=2) + "\n"
    else:
        text = stories_markdown(found)
    if output is None:
        click.echo(text if fmt == "json" else printable(text, lines=True), nl=False)
        return
    write_atomic(output, text, overwrite=force, mode=EXPORT_MODE)
    say(f"{len(found)} {'story' if len(found) == 1 else 'stories'} written to {output}")


def banked_reuse(transcript: str, score: Score) -> StoryReuse | None:
    """For ``voice-coach score``: the banked story the answer re-tells, if any. None when
    there is no bank yet (scoring never creates the database) or it cannot be read: the
    comparison is an extra, and the score has been given already."""
    from voice_coach import locations
    from voice_coach.errors import VoiceCoachError
    from voice_coach.schema import DB_NAME
    from voice_coach.store import Store
    from voice_coach.story_bank import StoryBank
    from voice_coach.story_reuse import compare_with_bank

    data, _, _ = locations.roots()  # looked at, never made: scoring needs no home
    if not (data / DB_NAME).is_file():
        return None
    try:
        store = Store()
    except VoiceCoachError:
        return None
    try:
        return compare_with_bank(transcript, score, StoryBank(store).all())
    except VoiceCoachError:
        return None
    finally:
        store.close()
