"""Sessions as Markdown (to read or share) or JSON (to process), from the store alone."""

from __future__ import annotations

import json
from typing import Any

from voice_coach.store import Store

EXPORT_MODE = 0o600
"""An export holds the user's answers word for word: theirs alone unless they share it."""
EXPORT_SHARED_MODE = 0o644
"""``export --shared``: readable by the other users of the computer, writable by the owner."""


def session_dict(store: Store, session_id: int) -> dict[str, Any] | None:
    session = store.session(session_id)
    if session is None:
        return None
    return {**session.to_dict(), "attempts": [a.to_dict() for a in store.attempts(session_id)]}


def to_json(sessions: list[dict[str, Any]]) -> str:
    return json.dumps(sessions, indent=2)


def to_markdown(sessions: list[dict[str, Any]]) -> str:
    out: list[str] = []
    for s in sessions:
        out.append(f"# {s['title']} ({s['started_at']})")
        out.append("")
        answers = s["answers"]
        out.append(f"{answers} answer{'' if answers == 1 else 's'}, {s['flagged']} flagged.")
        for a in s["attempts"]:
            out += ["", f"## {a['question']}", ""]
            status = {True: "good answer", False: "needs work", None: a["status"]}
            meta = [status[a["concrete_example"]]]
            if a["duration_s"]:
                meta.append(f"{a['duration_s']:.0f} s")
            if a["audio"]:
                meta.append(f"audio: {a['audio']}")
            out.append(f"*{' · '.join(meta)}*")
            out += ["", f"> {a['transcript']}" if a["transcript"] else "> (nothing heard)"]
            score = a.get("score") or {}
            for flag in score.get("flags", []):
                out.append(f"- **{flag['message']}** {flag.get('advice', '')}".rstrip())
            if score.get("probe"):
                out += ["", f"Follow-up to prepare: {score['probe']}"]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
