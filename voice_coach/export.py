"""Sessions as Markdown (to read or share) or JSON (to process), from the store alone.

Both are made from the typed attempts the store reads back, so an export says what
history and the practice screen said: the same verdict, in words, with the time the
feedback was given.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from voice_coach.attempts import Attempt
from voice_coach.audio import clock
from voice_coach.store import MOCK_KIND, SessionRow, Store

if TYPE_CHECKING:
    from voice_coach.mock import ReportCard

EXPORT_MODE = 0o600
"""An export holds the user's answers word for word: theirs alone unless they share it."""
EXPORT_SHARED_MODE = 0o644
"""``export --shared``: readable by the other users of the computer, writable by the owner."""


@dataclass(frozen=True)
class SessionRecord:
    """A session with every attempt in it, in the order given."""

    session: SessionRow
    attempts: tuple[Attempt, ...]
    report: ReportCard | None = None
    """A mock interview's report card: what the user sat the interview for."""

    def to_dict(self) -> dict[str, Any]:
        out = {**self.session.to_dict(), "attempts": [a.to_dict() for a in self.attempts]}
        if self.report is not None:
            out["report_card"] = self.report.to_dict()
        return out


def session_record(store: Store, session_id: int) -> SessionRecord | None:
    session = store.session(session_id)
    if session is None:
        return None
    report = None
    if session.kind == MOCK_KIND:
        from voice_coach.mock import report_for_session  # the mock's readers, only when needed

        report = report_for_session(store, session_id)
    return SessionRecord(session, tuple(store.attempts(session_id)), report)


def session_dict(store: Store, session_id: int) -> dict[str, Any] | None:
    record = session_record(store, session_id)
    return record.to_dict() if record else None


def to_json(records: list[SessionRecord]) -> str:
    return json.dumps([r.to_dict() for r in records], indent=2)


def when(iso: str | None) -> str:
    """An ISO 8601 time as people read it: "2026-12-01 22:31" (UTC, as saved)."""
    return iso[:16].replace("T", " ") if iso else ""


def _counts(session: SessionRow) -> str:
    answers = session.answers
    parts = [f"{answers} answer{'' if answers == 1 else 's'}", f"{session.flagged} need work"]
    if session.skipped:
        parts.append(f"{session.skipped} skipped")
    return ", ".join(parts) + "."


def to_markdown(records: list[SessionRecord]) -> str:
    out: list[str] = []
    for record in records:
        s = record.session
        out.append(f"# {s.set_title} ({when(s.started_at)})")
        out += ["", _counts(s)]
        for a in record.attempts:
            out += ["", f"## {a.question_text}", ""]
            meta = [a.outcome.label, a.status.label]
            if a.duration_s:
                meta.append(clock(a.duration_s))
            if a.scored_at:
                meta.append(f"feedback {when(a.scored_at)}")
            if a.audio_path:
                meta.append(f"audio: {a.audio_path}")
            out.append(f"*{' · '.join(meta)}*")
            out += ["", f"> {a.transcript}" if a.transcript else "> (nothing heard)", ""]
            out.append(f"**{a.verdict}**")
            if a.score is not None:
                for flag in a.score.flags:
                    out.append(f"- **{flag.message}** {flag.advice}".rstrip())
                if a.score.probe:
                    out += ["", f"Follow-up to prepare: {a.score.probe}"]
            if a.error:
                out += ["", f"Note: {a.error}"]
        if record.report is not None:
            out += ["", "## Report card", "", "```text", record.report.text(), "```"]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
