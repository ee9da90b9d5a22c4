"""The words the story bank reads: what a story shows, what a question asks for, and the
spoken padding cleaned out of a banked story. Kept as data, apart from the code that
uses it, so a tag's cues can be read (and argued with) in one place.

Cues are lemmas (lemminflect's), so "disagreed", "disagreeing" and "disagree" are one
cue; a cue with a space in it is a phrase matched on the lowercased words.
"""

from __future__ import annotations

from enum import StrEnum


class Tag(StrEnum):
    """What a story shows an interviewer: the kinds of question it can answer."""

    LEADERSHIP = "leadership"
    CONFLICT = "conflict"
    FAILURE = "failure"
    TECHNICAL = "technical"
    TEAMWORK = "teamwork"
    CUSTOMER = "customer"
    PRESSURE = "pressure"
    IMPROVEMENT = "improvement"
    NUMBERS = "numbers"

    @property
    def label(self) -> str:
        """In words, for lists and exports: codes never reach the user."""
        return _TAG_WORDS[self]

    @classmethod
    def parse(cls, value: str) -> Tag:
        """A tag from its code or its words ("delivery under pressure"), for the CLI and
        for files written by hand; ``ValueError`` names the tags there are."""
        key = value.strip().lower()
        for tag in cls:
            if key in (tag.value, tag.label.lower()) or key.replace("-", " ") == tag.value:
                return tag
        known = ", ".join(t.value for t in cls)
        raise ValueError(f"no tag {value!r}; the tags are {known}")


_TAG_WORDS = {
    Tag.LEADERSHIP: "leadership",
    Tag.CONFLICT: "conflict",
    Tag.FAILURE: "failure and learning",
    Tag.TECHNICAL: "technical win",
    Tag.TEAMWORK: "teamwork",
    Tag.CUSTOMER: "customer",
    Tag.PRESSURE: "delivery under pressure",
    Tag.IMPROVEMENT: "change and improvement",
    Tag.NUMBERS: "numbers and cost",
}

# fmt: off
STORY_CUES: dict[Tag, tuple[frozenset[str], frozenset[str]]] = {
    # (strong cues: one is enough; weak cues: two are needed, or one with a strong one)
    Tag.LEADERSHIP: (
        frozenset({
            "coach", "convince", "delegate", "lead", "mentor", "motivate", "my team",
            "persuade", "stepped up", "took charge", "took ownership", "took the lead",
        }),
        frozenset({
            "decide", "hire", "initiative", "manage", "organise", "organize", "ownership",
            "run", "train",
        }),
    ),
    Tag.CONFLICT: (
        frozenset({
            "argue", "argument", "clash", "conflict", "disagree", "disagreement",
            "dispute", "fall out", "fell out", "object", "objection", "push back",
            "pushback", "pushed back", "resist", "resistance", "tension", "did not get on",
            "didn't get on",
        }),
        frozenset({
            "angry", "complain", "compromise", "difficult", "frustrate", "frustrated",
            "negotiate", "unhappy", "upset",
        }),
    ),
    Tag.FAILURE: (
        frozenset({
            "apologise", "apologize", "error", "failure", "go wrong", "got it wrong",
            "lesson", "mistake", "my fault", "overlook", "regret", "setback", "went wrong",
        }),
        frozenset({
            "blame", "fail", "forget", "forgot", "late", "learn", "miss", "wrong",
        }),
    ),
    Tag.TECHNICAL: (
        frozenset({
            "algorithm", "api", "automate", "automation", "bug", "code", "dashboard",
            "database", "deploy", "excel", "integration", "macro", "migrate", "migration",
            "python", "query", "sap", "script", "server", "software", "spreadsheet", "sql",
            "system", "workflow tool",
        }),
        frozenset({
            "build", "configure", "data", "fix", "model", "report", "technical", "test",
            "tool",
        }),
    ),
    Tag.TEAMWORK: (
        frozenset({
            "another team", "collaborate", "collaboration", "cross-functional", "jointly",
            "other team", "pair", "teamwork", "together",
        }),
        frozenset({
            "colleague", "department", "everyone", "help", "share", "support", "team",
        }),
    ),
    Tag.CUSTOMER: (
        frozenset({
            "account manager", "client", "complaint", "customer", "guest", "patient",
            "service level",
        }),
        frozenset({
            "account", "feedback", "order", "refund", "satisfaction", "service", "user",
        }),
    ),
    Tag.PRESSURE: (
        frozenset({
            "crisis", "deadline", "emergency", "go live", "go-live", "last minute",
            "outage", "overnight", "tight", "under pressure", "urgent",
        }),
        frozenset({
            "behind", "fast", "hours", "late", "pressure", "quick", "rush", "week",
            "weekend",
        }),
    ),
    Tag.IMPROVEMENT: (
        frozenset({
            "improve", "improvement", "introduce", "onboarding", "overhaul", "process",
            "redesign", "set up", "simplify", "standardise", "standardize", "streamline",
        }),
        frozenset({
            "automate", "better", "change", "cut", "efficiency", "efficient", "faster",
            "halve", "new", "plan", "reduce", "retention",
        }),
    ),
    Tag.NUMBERS: (
        frozenset({
            "audit", "auditor", "budget", "cost", "finance", "financial", "forecast",
            "invoice", "margin", "overspend", "price", "profit", "reconciliation",
            "revenue", "save", "saving", "spend",
        }),
        frozenset({
            "control", "figure", "money", "number", "pay", "percent", "target",
        }),
    ),
}
"""What a story's own words say it shows (see ``stories.infer_tags``)."""

QUESTION_CUES: dict[Tag, frozenset[str]] = {
    Tag.LEADERSHIP: frozenset({
        "manage", "managed", "manages",
        "coach", "delegate", "influence", "initiative", "lead", "leader", "leadership",
        "manage a team", "managed a team", "mentor", "motivate", "step up", "take charge",
        "took charge",
    }),
    Tag.CONFLICT: frozenset({
        "did not get on", "didn't get on", "not get along", "fall out", "fell out", "argue",
        "argument", "clash", "conflict", "did not agree", "didn't agree",
        "difficult client", "difficult colleague", "difficult customer",
        "difficult manager", "difficult person", "difficult stakeholder", "disagree",
        "disagreement", "dispute", "objection", "oppose", "push back", "pushback",
        "tension",
    }),
    Tag.FAILURE: frozenset({
        "did not go", "didn't go", "do differently", "error", "fail", "failure",
        "go wrong", "learn from", "learned from", "learnt from", "lesson", "mistake",
        "regret", "setback", "weakness", "went wrong", "wrong",
    }),
    Tag.TECHNICAL: frozenset({
        "automate", "automation", "code", "complex problem", "data", "excel", "sap",
        "software", "solve", "system", "technical", "technology", "tool", "troubleshoot",
    }),
    Tag.TEAMWORK: frozenset({
        "collaborate", "collaboration", "colleague", "cross-functional",
        "other department", "team", "teamwork", "together",
    }),
    Tag.CUSTOMER: frozenset({
        "client", "complaint", "customer", "guest", "patient", "service", "user",
    }),
    Tag.PRESSURE: frozenset({
        "competing", "crisis", "deadline", "juggle", "pressure", "prioritise",
        "prioritize", "short notice", "stress", "tight", "urgent", "workload",
    }),
    Tag.IMPROVEMENT: frozenset({
        "faster", "quicker", "cheaper", "speed up", "slow", "simplify", "waste",
        "better way", "change", "efficiency", "efficient", "improve", "improvement",
        "initiative", "innovate", "new idea", "process", "streamline",
    }),
    Tag.NUMBERS: frozenset({
        "budget", "commercial", "control", "cost", "figure", "financial", "measure",
        "metric", "money", "number", "profit", "return on investment", "revenue", "save",
        "saving", "spend",
    }),
}
"""What a question or a job requirement asks a story to show (see ``stories.question_tags``)."""

FRAME_WORDS: frozenset[str] = frozenset({
    "ability", "answer", "approach", "deal", "demonstrable", "demonstrate", "describe",
    "desirable", "essential", "ever", "evidence", "example", "excellent", "experience",
    "explain", "give", "good", "handle", "happen", "how", "instance", "job", "knowledge",
    "level", "moment", "occasion", "outcome", "particular", "proven", "question", "recent",
    "required", "requirement", "result", "role", "share", "situation", "skill", "specific",
    "story", "strong", "talk", "tell", "time", "understanding", "walk", "work", "would",
    "year", "years", "track", "record", "include", "including", "confident", "hands-on",
    "proficient", "proficiency", "familiar", "familiarity", "background", "able", "capable",
})
"""Words every question or requirement is framed in: shared by all, so they say nothing of fit."""

LEADING_PADDING: tuple[str, ...] = (
    "long story short", "to cut a long story short", "in short", "basically",
    "essentially", "so", "and", "but", "then", "yeah", "yes", "well", "okay", "ok",
    "right", "anyway", "like", "you know", "i mean", "actually", "and so", "and then",
)
# fmt: on
"""Spoken openers that a written story starts without ("So, basically, I...")."""
