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

STORY_CUES: dict[Tag, tuple[frozenset[str], frozenset[str]]] = {
    # (strong cues: one is enough; weak cues: two are needed, or one with a strong one)
    Tag.LEADERSHIP: (
        frozenset(
            {
                "lead",
                "mentor",
                "coach",
                "delegate",
                "motivate",
                "persuade",
                "convince",
                "took charge",
                "took ownership",
                "took the lead",
                "stepped up",
                "my team",
            }
        ),
        frozenset(
            {
                "manage",
                "hire",
                "train",
                "organise",
                "organize",
                "run",
                "decide",
                "initiative",
                "ownership",
            }
        ),
    ),
    Tag.CONFLICT: (
        frozenset(
            {
                "disagree",
                "disagreement",
                "argue",
                "argument",
                "conflict",
                "clash",
                "tension",
                "pushback",
                "push back",
                "pushed back",
                "dispute",
                "object",
                "objection",
                "fall out",
                "fell out",
                "resist",
                "resistance",
            }
        ),
        frozenset(
            {
                "frustrate",
                "frustrated",
                "upset",
                "angry",
                "difficult",
                "unhappy",
                "compromise",
                "negotiate",
                "complain",
            }
        ),
    ),
    Tag.FAILURE: (
        frozenset(
            {
                "mistake",
                "error",
                "fail",
                "failure",
                "regret",
                "lesson",
                "my fault",
                "went wrong",
                "go wrong",
                "got it wrong",
                "apologise",
                "apologize",
                "overlook",
                "setback",
            }
        ),
        frozenset({"wrong", "miss", "learn", "blame", "late", "forget", "forgot"}),
    ),
    Tag.TECHNICAL: (
        frozenset(
            {
                "script",
                "automate",
                "automation",
                "code",
                "software",
                "database",
                "spreadsheet",
                "macro",
                "api",
                "migrate",
                "migration",
                "bug",
                "server",
                "deploy",
                "algorithm",
                "sql",
                "excel",
                "sap",
                "dashboard",
                "integration",
                "python",
                "query",
                "workflow tool",
                "system",
            }
        ),
        frozenset(
            {"tool", "data", "report", "model", "test", "technical", "configure", "build", "fix"}
        ),
    ),
    Tag.TEAMWORK: (
        frozenset(
            {
                "together",
                "collaborate",
                "collaboration",
                "cross-functional",
                "pair",
                "teamwork",
                "jointly",
                "another team",
                "other team",
            }
        ),
        frozenset(
            {"team", "colleague", "department", "everyone", "help", "share", "support", "we"}
        ),
    ),
    Tag.CUSTOMER: (
        frozenset(
            {
                "customer",
                "client",
                "patient",
                "guest",
                "complaint",
                "user",
                "account manager",
                "service level",
            }
        ),
        frozenset({"account", "service", "order", "refund", "satisfaction", "feedback"}),
    ),
    Tag.PRESSURE: (
        frozenset(
            {
                "deadline",
                "urgent",
                "overnight",
                "crisis",
                "outage",
                "emergency",
                "under pressure",
                "tight",
                "last minute",
                "go-live",
                "go live",
            }
        ),
        frozenset(
            {"pressure", "weekend", "hours", "rush", "quick", "fast", "behind", "late", "week"}
        ),
    ),
    Tag.IMPROVEMENT: (
        frozenset(
            {
                "improve",
                "improvement",
                "streamline",
                "redesign",
                "simplify",
                "standardise",
                "standardize",
                "overhaul",
                "introduce",
                "process",
            }
        ),
        frozenset(
            {
                "change",
                "reduce",
                "cut",
                "faster",
                "efficient",
                "efficiency",
                "automate",
                "new",
                "better",
                "halve",
            }
        ),
    ),
    Tag.NUMBERS: (
        frozenset(
            {
                "cost",
                "budget",
                "save",
                "saving",
                "revenue",
                "profit",
                "spend",
                "invoice",
                "margin",
                "forecast",
                "reconciliation",
                "audit",
                "auditor",
                "financial",
                "finance",
                "overspend",
                "price",
            }
        ),
        frozenset({"money", "number", "figure", "percent", "target", "control", "pay"}),
    ),
}
"""What a story's own words say it shows (see ``stories.infer_tags``)."""

QUESTION_CUES: dict[Tag, frozenset[str]] = {
    Tag.LEADERSHIP: frozenset(
        {
            "lead",
            "leader",
            "leadership",
            "mentor",
            "coach",
            "motivate",
            "delegate",
            "influence",
            "took charge",
            "take charge",
            "initiative",
            "step up",
            "manage a team",
            "managed a team",
        }
    ),
    Tag.CONFLICT: frozenset(
        {
            "disagree",
            "disagreement",
            "conflict",
            "argue",
            "argument",
            "clash",
            "tension",
            "push back",
            "pushback",
            "dispute",
            "difficult colleague",
            "difficult person",
            "difficult manager",
            "difficult stakeholder",
            "difficult customer",
            "difficult client",
            "did not agree",
            "didn't agree",
            "oppose",
            "objection",
        }
    ),
    Tag.FAILURE: frozenset(
        {
            "mistake",
            "fail",
            "failure",
            "wrong",
            "error",
            "regret",
            "setback",
            "learn from",
            "learned from",
            "learnt from",
            "lesson",
            "go wrong",
            "went wrong",
            "didn't go",
            "did not go",
            "weakness",
            "do differently",
        }
    ),
    Tag.TECHNICAL: frozenset(
        {
            "technical",
            "technology",
            "system",
            "software",
            "tool",
            "data",
            "automate",
            "automation",
            "complex problem",
            "solve",
            "troubleshoot",
            "sap",
            "excel",
            "code",
        }
    ),
    Tag.TEAMWORK: frozenset(
        {
            "team",
            "teamwork",
            "collaborate",
            "collaboration",
            "colleague",
            "together",
            "cross-functional",
            "other department",
        }
    ),
    Tag.CUSTOMER: frozenset(
        {"customer", "client", "user", "patient", "guest", "service", "complaint"}
    ),
    Tag.PRESSURE: frozenset(
        {
            "pressure",
            "deadline",
            "urgent",
            "stress",
            "tight",
            "crisis",
            "juggle",
            "prioritise",
            "prioritize",
            "workload",
            "short notice",
            "competing",
        }
    ),
    Tag.IMPROVEMENT: frozenset(
        {
            "improve",
            "improvement",
            "change",
            "process",
            "efficient",
            "efficiency",
            "streamline",
            "innovate",
            "better way",
            "new idea",
            "initiative",
        }
    ),
    Tag.NUMBERS: frozenset(
        {
            "cost",
            "budget",
            "money",
            "save",
            "saving",
            "number",
            "revenue",
            "financial",
            "figure",
            "spend",
            "profit",
            "control",
            "commercial",
            "return on investment",
            "measure",
            "metric",
        }
    ),
}
"""What a question or a job requirement asks a story to show (see ``stories.question_tags``)."""

FRAME_WORDS: frozenset[str] = frozenset(
    {
        "tell",
        "describe",
        "example",
        "situation",
        "time",
        "occasion",
        "give",
        "share",
        "walk",
        "talk",
        "explain",
        "experience",
        "would",
        "how",
        "handle",
        "deal",
        "approach",
        "moment",
        "recent",
        "particular",
        "specific",
        "ever",
        "instance",
        "role",
        "job",
        "work",
        "question",
        "answer",
        "story",
        "happen",
        "result",
        "outcome",
        "ability",
        "strong",
        "good",
        "proven",
        "demonstrate",
        "demonstrable",
        "evidence",
        "skill",
        "knowledge",
        "understanding",
        "essential",
        "desirable",
        "required",
        "requirement",
        "year",
        "years",
        "level",
        "excellent",
    }
)
"""Words every question or requirement is framed in: shared by all, so they say nothing of fit."""

LEADING_PADDING: tuple[str, ...] = (
    "long story short",
    "to cut a long story short",
    "in short",
    "basically",
    "essentially",
    "so",
    "and",
    "but",
    "then",
    "yeah",
    "yes",
    "well",
    "okay",
    "ok",
    "right",
    "anyway",
    "like",
    "you know",
    "i mean",
    "actually",
    "and so",
    "and then",
)
"""Spoken openers that a written story starts without ("So, basically, I...")."""
