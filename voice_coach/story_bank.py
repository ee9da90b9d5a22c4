"""Where banked stories are kept: a table in the sessions database, written through the
store's own connection and lock, so a story and the answer it came from are never out of
step and a backup of the database takes the stories with it.

Reading back gives the same typed :class:`~voice_coach.stories.Story` that was saved;
a tag this version does not know is dropped rather than failing the whole story.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from pydantic import ValidationError

from voice_coach.attempts import Attempt
from voice_coach.errors import InputError, VoiceCoachError, log_error
from voice_coach.store import Store
from voice_coach.stories import Story, Tag, story_from_attempt, tag_requirements
from voice_coach.story_reuse import StoryReuse, compare_with_bank


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoryBank:
    """The stories saved in one store's database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Story]:
        """Every story, oldest first: the order they were banked in."""
        return [_story(r) for r in self.store.rows("SELECT * FROM stories ORDER BY id")]

    def get(self, story_id: int) -> Story | None:
        rows = self.store.rows("SELECT * FROM stories WHERE id = ?", (story_id,))
        return _story(rows[0]) if rows else None

    def require(self, story_id: int) -> Story:
        """The story, or an :class:`InputError` a user can act on."""
        found = self.get(story_id)
        if found is None:
            raise InputError(f"there is no story {story_id} (voice-coach stories list shows them)")
        return found

    def add(self, story: Story) -> Story:
        """Bank a new story (its ``id`` is ignored); returns it as saved, with its number."""
        now = _now()
        source = story.source_attempt_id
        with self.store.transaction() as db:
            if (
                source is not None
                and not db.execute("SELECT 1 FROM attempts WHERE id = ?", (source,)).fetchone()
            ):
                source = None  # the answer went meanwhile: the story stands on its own
            cur = db.execute(
                "INSERT INTO stories (title, situation, action, result, tags_json, "
                "supports_json, source_attempt_id, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_columns(story), source, now, now),
            )
        assert cur.lastrowid is not None
        return self.require(cur.lastrowid)

    def draft_from(self, attempt: Attempt, requirements: Sequence[str] = ()) -> Story:
        """The story an answer told, not saved yet, marked with the job ``requirements`` it
        proves; an answer without a story, or one banked already, raises
        :class:`InputError` saying so."""
        for banked in self.all():
            if attempt.id is not None and banked.source_attempt_id == attempt.id:
                raise InputError(
                    f"this answer is banked already, as story {banked.id} ({banked.title})"
                )
        story = story_from_attempt(attempt)
        return tag_requirements(story, requirements) if requirements else story

    def save_from(self, attempt: Attempt, requirements: Sequence[str] = ()) -> Story:
        """Bank the story an answer told (a "bank this story" key): :meth:`draft_from`, saved."""
        return self.add(self.draft_from(attempt, requirements))

    def update(self, story: Story) -> Story:
        """Save an edited story over its banked version; returns it as saved."""
        if story.id is None:
            raise InputError("this story is not banked yet: add it first")
        with self.store.transaction() as db:
            cur = db.execute(
                "UPDATE stories SET title = ?, situation = ?, action = ?, result = ?, "
                "tags_json = ?, supports_json = ?, updated_at = ? WHERE id = ?",
                (*_columns(story), _now(), story.id),
            )
        if cur.rowcount == 0:
            raise InputError(f"there is no story {story.id}: it was removed meanwhile")
        return self.require(story.id)

    def delete(self, story_id: int) -> bool:
        """Remove a story; False when there was none by that number."""
        with self.store.transaction() as db:
            cur = db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        return cur.rowcount > 0


def reuse_of(store: Store, attempt: Attempt) -> StoryReuse | None:
    """The banked story an answer re-tells, for its feedback; None when it tells none, was
    not judged, or the bank cannot be read (the feedback is shown all the same)."""
    if attempt.score is None or not attempt.transcript.strip():
        return None
    try:
        stories = StoryBank(store).all()
    except VoiceCoachError:
        return None
    return reuse_among(stories, attempt)


def reuse_among(stories: Sequence[Story], attempt: Attempt) -> StoryReuse | None:
    """:func:`reuse_of` against stories already read: a screen showing many answers reads
    the bank once, not once for each answer it shows."""
    if attempt.score is None or not attempt.transcript.strip():
        return None
    # The story banked from this very answer is not a re-telling of itself.
    others = [s for s in stories if s.source_attempt_id != attempt.id]
    return compare_with_bank(attempt.transcript, attempt.score, others)


def _columns(story: Story) -> tuple[str, str, str, str, str, str]:
    return (
        story.title,
        story.situation,
        story.action,
        story.result,
        json.dumps([str(t) for t in story.tags]),
        json.dumps(list(story.supports)),
    )


def _known_tags(raw: str) -> list[Tag]:
    tags = []
    try:
        values = json.loads(raw)
    except ValueError:
        return []
    for value in values if isinstance(values, list) else []:
        try:
            tags.append(Tag.parse(str(value)))
        except ValueError:
            continue
    return tags


def _story(r: sqlite3.Row) -> Story:
    try:
        supports = json.loads(r["supports_json"])
    except ValueError:
        supports = []
    try:
        return Story(
            id=r["id"],
            title=r["title"] or "Untitled story",
            situation=r["situation"],
            action=r["action"],
            result=r["result"],
            tags=tuple(_known_tags(r["tags_json"])),
            supports=tuple(str(s) for s in supports) if isinstance(supports, list) else (),
            source_attempt_id=r["source_attempt_id"],
            created_at=r["created_at"],
            updated_at=r["updated_at"],
        )
    except ValidationError:
        # Edited by hand into something this version will not take: shown, not lost.
        return Story(
            id=r["id"],
            title=(r["title"] or "Untitled story")[:120],
            situation=(r["situation"] or "")[:4000],
            action=(r["action"] or "")[:4000],
            result=(r["result"] or "(unreadable)")[:4000],
            created_at=r["created_at"],
            updated_at=r["updated_at"],
        )


def job_requirement_texts() -> list[str]:
    """The saved job description's requirements, as the stories name what they prove;
    none when no job is saved (or it cannot be read: banking a story never fails on it)."""
    from voice_coach import preparation
    from voice_coach.requirements import job_requirements

    try:
        job = preparation.saved_text("job")
        return [r.text for r in job_requirements(job)] if job else []
    except VoiceCoachError as exc:
        log_error(exc)
        return []
