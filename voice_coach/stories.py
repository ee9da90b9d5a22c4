"""The story bank: the candidate's accomplishment stories, each told once and well, then
reused for every question it fits.

A story is saved from an answer the judgement found a story in (its situation, the
speaker's actions and the result, cleaned of the "um"s and "you know"s of speech) or
written directly. Three questions are answered here, all without a UI: which stories fit
this question or job requirement (:func:`stories_for`), which requirements a story
evidences (:func:`tag_requirements`), and whether a new answer re-tells a banked story
and how the two tellings differ (:func:`compare_with_bank`). Storage is
:mod:`voice_coach.story_bank`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator, model_validator

from voice_coach.errors import InputError
from voice_coach.scoring.lexicons import STOP_WORDS
from voice_coach.story_words import (
    FRAME_WORDS,
    LEADING_PADDING,
    QUESTION_CUES,
    STORY_CUES,
    Tag,
)

if TYPE_CHECKING:
    from voice_coach.attempts import Attempt

__all__ = [
    "MIN_FIT",
    "Story",
    "Tag",
    "clean_spoken",
    "infer_tags",
    "question_tags",
    "stories_by_requirement",
    "stories_for",
    "story_from_attempt",
    "story_from_parts",
    "tag_requirements",
]

PART_LIMIT = 4000
"""Characters in one part of a story: a long answer is a few hundred words."""

Part = Annotated[str, StringConstraints(strip_whitespace=True, max_length=PART_LIMIT)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]

PARTS = ("situation", "action", "result")


class Story(BaseModel):
    """One accomplishment story, as banked: what a candidate brings to every question it fits."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int | None = None
    """The bank's number for it; None until saved."""
    title: Title
    situation: Part = ""
    action: Part = ""
    """What the speaker did (their own actions, not the team's)."""
    result: Part = ""
    tags: tuple[Tag, ...] = ()
    supports: tuple[str, ...] = ()
    """The job requirements (their texts) this story is evidence for."""
    source_attempt_id: int | None = None
    """The answer it was saved from; None when written directly (or that answer was deleted)."""
    created_at: str | None = None
    updated_at: str | None = None

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, value: object) -> object:
        """Tags by code or words, each once, in the order of :class:`Tag`."""
        if isinstance(value, str):
            value = [value]
        if isinstance(value, Iterable):
            tags = {t if isinstance(t, Tag) else Tag.parse(str(t)) for t in value}
            return tuple(t for t in Tag if t in tags)
        return value

    @field_validator("supports", mode="before")
    @classmethod
    def _supports(cls, value: object) -> object:
        if isinstance(value, Iterable) and not isinstance(value, str):
            return tuple(dict.fromkeys(s.strip() for s in value if str(s).strip()))
        return value

    @model_validator(mode="after")
    def _has_a_part(self) -> Story:
        if not (self.situation or self.action or self.result):
            raise ValueError("a story needs at least one of its situation, action and result")
        return self

    @property
    def parts(self) -> dict[str, str]:
        return {"situation": self.situation, "action": self.action, "result": self.result}

    @property
    def text(self) -> str:
        """Everything it says, for matching."""
        return " ".join((self.title, self.situation, self.action, self.result))

    @property
    def tag_words(self) -> str:
        return ", ".join(t.label for t in self.tags) or "no tags"

    def to_dict(self) -> dict[str, object]:
        """For JSON export: the tags' words beside their codes."""
        return {
            **self.model_dump(mode="json"),
            "tag_words": [t.label for t in self.tags],
        }

    def to_markdown(self) -> str:
        lines = [f"## {self.title}", ""]
        if self.tags:
            lines += [f"*Shows:* {self.tag_words}", ""]
        for name, text in self.parts.items():
            if text:
                lines += [f"**{name.capitalize()}:** {text}", ""]
        if self.supports:
            lines += ["**Evidence for:**", *(f"- {s}" for s in self.supports), ""]
        return "\n".join(lines)


def stories_markdown(stories: Sequence[Story]) -> str:
    """The bank as one Markdown document (``stories export``, the screen's export)."""
    if not stories:
        return "# My stories\n\nNo stories banked yet.\n"
    return "# My stories\n\n" + "\n".join(s.to_markdown() for s in stories)


# --- Words: lemmas, content, cues --------------------------------------------------

_WORD_RE = re.compile(r"[a-z0-9£$€][a-z0-9'£$€/.-]*[a-z0-9]|[a-z0-9]")


@lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """One base form per word: the verb's if it is one ("disagreed" → "disagree"), else
    the noun's ("auditors" → "auditor"), so two tellings in different tenses still meet."""
    from lemminflect import getAllLemmas

    found = getAllLemmas(word)
    for pos in ("VERB", "NOUN", "ADJ", "ADV"):
        if pos in found:
            return str(found[pos][0])
    return word


def _tokens(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower().replace("’", "'"))


def content_words(text: str, *, frame: bool = False) -> set[str]:
    """The lemmas that carry what a text is about: no grammar words, no fillers (and with
    ``frame``, none of the words every interview question is framed in)."""
    words: set[str] = set()
    for token in _tokens(text):
        if token in STOP_WORDS or (len(token) < 3 and not token.isdigit()):
            continue
        base = lemma(token)
        if base in STOP_WORDS or (frame and (base in FRAME_WORDS or token in FRAME_WORDS)):
            continue
        words.add(base)
    return words


def _cue_hits(text: str, cues: Iterable[str]) -> set[str]:
    """The cues said in ``text``: single words by lemma, phrases as words."""
    tokens = _tokens(text)
    lemmas = {lemma(t) for t in tokens} | set(tokens)
    joined = " " + " ".join(tokens) + " "
    return {c for c in cues if (c in lemmas if " " not in c else f" {c} " in joined)}


def infer_tags(text: str) -> tuple[Tag, ...]:
    """What a story shows, from its own words: a strong cue ("disagreed", "deadline") is
    enough; weak ones ("team", "change") only count two together or with a strong one."""
    tags = []
    for tag, (strong, weak) in STORY_CUES.items():
        n_strong = len(_cue_hits(text, strong))
        n_weak = len(_cue_hits(text, weak))
        if n_strong >= 2 or (n_strong and (n_weak or tag not in _NEEDS_TWO)) or n_weak >= 2:
            tags.append(tag)
    return tuple(tags)


_CUE_WORDS = frozenset(c for cues in QUESTION_CUES.values() for c in cues if " " not in c)
_NEEDS_TWO = frozenset({Tag.TEAMWORK, Tag.IMPROVEMENT})
"""Tags whose strong cues are common enough in any story that one alone is not enough."""


def question_tags(text: str) -> tuple[Tag, ...]:
    """What a question (or a job requirement) asks a story to show: "a time you disagreed"
    asks for conflict, "a mistake" for a failure and what was learned."""
    return tuple(tag for tag, cues in QUESTION_CUES.items() if _cue_hits(text, cues))


# --- Fitting stories to a question ---------------------------------------------------

MIN_FIT = 0.25
"""Below this a story is not offered. A question asking for a tag the story lacks needs
most of its topic words in the story; one naming no tag, a quarter of them (counted one
over, see :func:`fit`). Set on the questions in ``tests/unit/test_stories.py``."""
QUESTION_TAG_WEIGHT = 0.6
"""For a question, a shared tag counts more than shared words: "a time you disagreed" names
no topic, and a conflict story about invoices fits it as well as one about rotas."""
REQUIREMENT_TAG_WEIGHT = 0.3
"""A job requirement names a topic ("month-end close and reporting"): its words count most."""
BROAD_TAGS = {Tag.TEAMWORK: 0.5}
"""Tags almost any story shows a little of: half the weight when a question asks for one."""
_QUESTION_START_RE = re.compile(
    r"^\s*(?:tell|describe|give|walk|share|talk|what|how|why|when|have|can|could|would|do)\b",
    re.IGNORECASE,
)


def fit(text: str, story: Story) -> float:
    """How well ``story`` fits a question or requirement, 0..1.

    What the question asks to be shown (its tags) that the story shows, and the share of
    the question's other content words the story uses (the words that named a tag are
    counted there, once); a requirement the story is marked as evidence for fits fully.
    """
    wanted = _normal(text)
    if any(_normal(s) == wanted for s in story.supports):
        return 1.0
    asked = question_tags(text)
    is_question = text.rstrip().endswith("?") or bool(_QUESTION_START_RE.match(text))
    named = content_words(text, frame=True)
    words = named - _CUE_WORDS
    story_words = content_words(" ".join((story.text, *story.supports)))
    if not is_question and not named & story_words:
        # A requirement names what it needs ("Excel", "month-end close"): a story that
        # never mentions any of it is no evidence, whatever kind of story it is.
        return 0.0
    # One more than the question's words below the line: a short question sharing its one
    # word with a story is weak evidence, not a full fit.
    word_fit = len(words & story_words) / (len(words) + 1) if words else 0.0
    if not asked:
        return word_fit
    weights = {t: BROAD_TAGS.get(t, 1.0) for t in asked}
    tag_fit = sum(w for t, w in weights.items() if t in story.tags) / sum(weights.values())
    tag_weight = QUESTION_TAG_WEIGHT if is_question else REQUIREMENT_TAG_WEIGHT
    return tag_weight * tag_fit + (1 - tag_weight) * word_fit


def _normal(text: str) -> str:
    return " ".join(_tokens(text))


def stories_for(text: str, stories: Sequence[Story], limit: int = 3) -> list[tuple[Story, float]]:
    """The stories that fit a question's or requirement's text, best first, with how well
    (0..1); a story that does not fit (below :data:`MIN_FIT`) is not offered at all."""
    scored = [(s, fit(text, s)) for s in stories]
    fitting = [(s, round(f, 3)) for s, f in scored if f >= MIN_FIT]
    fitting.sort(key=lambda pair: (-pair[1], pair[0].id or 0))
    return fitting[: max(0, limit)]


REQUIREMENT_FIT = 0.33
"""A requirement a story is evidence for: half its topic words, or what it asks to be shown
and some of them."""


def tag_requirements(story: Story, requirements: Sequence[str]) -> Story:
    """The story with ``supports`` set to the requirements (their texts) it evidences.

    Requirements it supported before and still names are kept, so one re-run with the
    job's new wording does not silently drop what the user marked by hand.
    """
    bare = story.model_copy(update={"supports": ()})
    found = [r.strip() for r in requirements if r.strip() and fit(r, bare) >= REQUIREMENT_FIT]
    kept = [s for s in story.supports if s in requirements]
    return story.model_copy(update={"supports": tuple(dict.fromkeys([*kept, *found]))})


def stories_by_requirement(
    requirements: Sequence[str], stories: Sequence[Story], limit: int = 2
) -> list[tuple[str, list[Story]]]:
    """Each job requirement with the stories that evidence it, best first (for the brief
    and a readiness view): one marked as supporting it first, then the best fits."""
    return [(r, [s for s, _ in stories_for(r, stories, limit)]) for r in requirements]


# --- Saving a story from an answer ----------------------------------------------------

_SENTENCE_END_RE = re.compile(r"[.!?]+(?=\s|$)")
_SPACE_RE = re.compile(r"\s+")
_PAD_RE = re.compile(
    r"^(?:(?:"
    + "|".join(sorted(map(re.escape, LEADING_PADDING), key=len, reverse=True))
    + r")\b[\s,;:.-]*)+",
    re.IGNORECASE,
)
_REPEAT_RE = re.compile(r"\b(\w+)(?:[\s,]+\1\b)+", re.IGNORECASE)
_TRAILING_RE = re.compile(r"[\s,;:-]*\b(?:and|so|but|then|or)?[\s,;:-]*$", re.IGNORECASE)


def clean_spoken(text: str) -> str:
    """A spoken clause as it would be written: fillers and openers gone ("so, um, basically
    I..." → "I..."), a stammered word once ("I, I rewrote" → "I rewrote"), a capital at
    the start and a full stop at the end. The words themselves, and their tense, stay."""
    from voice_coach.scoring.delivery import find_fillers
    from voice_coach.scoring.text import Text, lowered

    spans = find_fillers(Text(lowered(text)))
    for start, end in sorted(spans, reverse=True):
        # The commas a speaker's pause was written with go with the filler: "the, um, retry".
        while start and text[start - 1] in " ,":
            start -= 1
        while end < len(text) and text[end] in " ,":
            end += 1
        text = text[:start] + " " + text[end:]
    text = _SPACE_RE.sub(" ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = _REPEAT_RE.sub(r"\1", text)
    text = re.sub(r"\b(and|but|so|or|then)\s*,\s*", r"\1 ", text, flags=re.IGNORECASE)
    text = re.sub(r"([.!?])(?:\s*[.!?,;:])+", r"\1", text)
    text = _PAD_RE.sub("", text.strip(" ,;:-.!?"))
    text = _TRAILING_RE.sub("", text).strip(" ,;:-")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


Span = tuple[int, int]


def _sentences(transcript: str) -> list[Span]:
    spans, start = [], 0
    for m in _SENTENCE_END_RE.finditer(transcript):
        spans.append((start, m.end()))
        start = m.end()
    if transcript[start:].strip():
        spans.append((start, len(transcript)))
    return spans


def _minus(span: Span, holes: Iterable[Span]) -> list[Span]:
    """``span`` with the ``holes`` cut out of it."""
    pieces = [span]
    for hs, he in sorted(holes):
        cut: list[Span] = []
        for s, e in pieces:
            if he <= s or hs >= e:
                cut.append((s, e))
                continue
            if hs > s:
                cut.append((s, hs))
            if he < e:
                cut.append((he, e))
        pieces = cut
    return [(s, e) for s, e in pieces if e > s]


def _joined(transcript: str, spans: Iterable[Span], gap_words: int = 3) -> list[str]:
    """Spans in order, neighbours joined with the few words between them ("and"), each
    piece cleaned as written text; repeats (a result told first and again last) once."""
    runs: list[Span] = []
    for s, e in sorted(spans):
        if runs and (
            s <= runs[-1][1]
            or (
                len(transcript[runs[-1][1] : s].split()) <= gap_words
                and not _SENTENCE_END_RE.search(transcript[runs[-1][1] : s])
            )
        ):
            runs[-1] = (runs[-1][0], max(e, runs[-1][1]))
        else:
            runs.append((s, e))
    pieces: list[str] = []
    for s, e in runs:
        piece = clean_spoken(transcript[s:e])
        if not piece:
            continue
        words = content_words(piece)
        if any(words and words <= content_words(p) for p in pieces):
            continue
        pieces = [p for p in pieces if not content_words(p) <= words or not content_words(p)]
        pieces.append(piece)
    return pieces


def story_parts(transcript: str, star: dict[str, tuple[Span, ...]]) -> dict[str, str]:
    """Situation, action and result as the judgement found them, as written sentences.

    The judgement marks clauses; a story needs the whole scene. So the situation is the
    sentences that set it, up to the first thing the speaker did; the actions run from
    the first action to the end of the last one, leaving out any result said among them;
    the result is the result clauses, each once.
    """
    actions = sorted(star.get("action", ()))
    results = sorted(star.get("result", ()))
    situation_spans = sorted((*star.get("situation", ()), *star.get("task", ())))
    first_action = actions[0][0] if actions else len(transcript)
    scene: list[Span] = []
    for s, e in _sentences(transcript):
        if any(s <= a < e or a <= s < b for a, b in situation_spans) and s < first_action:
            # "The biggest mistake I made was..." sets the scene; only an action after a
            # clause break ("..., so I rang them") begins the telling of what was done.
            split = s < first_action < e and _CLAUSE_BREAK_RE.search(transcript[s:first_action])
            scene.append((s, first_action if split else e))
    if not scene:
        scene = list(situation_spans)
    scene_end = max((e for _, e in scene), default=0)
    told = [a for a in actions if a[0] >= scene_end] or actions
    did: list[Span] = []
    if told:
        did = _minus((told[0][0], told[-1][1]), results)
        did = [(s, e) for s, e in did if content_words(transcript[s:e])]
    result_spans = [r for r in results if not any(a <= r[0] and r[1] <= b for a, b in scene)]
    return {
        "situation": " ".join(_joined(transcript, _minus_all(scene, results))),
        "action": " ".join(_joined(transcript, did)),
        "result": " ".join(_joined(transcript, result_spans)),
    }


_CLAUSE_BREAK_RE = re.compile(r"(?:[,;:]|\b(?:so|and|then|but))\s*$", re.IGNORECASE)


def _minus_all(spans: Iterable[Span], holes: Sequence[Span]) -> list[Span]:
    return [piece for span in spans for piece in _minus(span, holes)]


_SUBJECT_RE = re.compile(r"^(?:i|we|my team|our team|the team)\s+", re.IGNORECASE)
TITLE_WORDS = 12
_LOOSE_ENDS = frozenset({
    "a", "an", "the", "to", "from", "of", "and", "with", "for", "in", "on", "at", "by", "so",
    "but", "or", "that", "which", "my", "our", "their", "its", "was", "were", "is", "are",
})  # fmt: skip
"""Words a cut-short title must not end on."""


def make_title(parts: dict[str, str]) -> str:
    """A few words that name the story: its result, or what was done, said as a headline
    ("Cut the month-end close from ten days to four")."""
    from voice_coach.scoring import find_numbers
    from voice_coach.scoring.text import lowered

    source = ""
    for name in ("result", "action", "situation"):
        sentences = [s for s in re.split(r"(?<=[.!?;])\s+", parts.get(name, "")) if s.strip()]
        if name == "result":
            # A change measured from one number to another is the headline; then any
            # number; then an outcome that is not the speaker's own doing.
            sentences.sort(
                key=lambda s: (
                    -min(2, len(find_numbers(lowered(s)))),
                    bool(re.match(r"(?:i|we)\s", s, re.IGNORECASE)),
                )
            )
        if sentences:
            source = sentences[0]
            break
    source = re.split(r",\s|;\s|\s(?:and|so|which|because)\s", source.rstrip(".!?"))[0]
    words = _SUBJECT_RE.sub("", source.strip()).split()
    while len(words) > TITLE_WORDS or (words and words[-1].lower() in _LOOSE_ENDS):
        words.pop()
    title = " ".join(words).strip(" ,;:-")
    return (title[0].upper() + title[1:]) if title else "Untitled story"


def missing_parts(parts: dict[str, str]) -> list[str]:
    return [name for name in PARTS if not parts.get(name)]


def story_from_parts(
    parts: dict[str, str], *, title: str | None = None, source_attempt_id: int | None = None
) -> Story:
    """A story from its parts: titled and tagged from its own words unless told."""
    text = " ".join(parts.values())
    return Story(
        title=title or make_title(parts),
        situation=parts.get("situation", ""),
        action=parts.get("action", ""),
        result=parts.get("result", ""),
        tags=infer_tags(" ".join((text, _money_words(text), _change_words(parts)))),
        source_attempt_id=source_attempt_id,
    )


def _change_words(parts: dict[str, str]) -> str:
    """A result that is a change of amount ("invoicing dropped to one day") shows an
    improvement, whatever else the story is about."""
    from voice_coach.scoring.lexicons import CHANGE_VERBS_PAST

    result = " " + " ".join(_tokens(parts.get("result", ""))) + " "
    return "improve process" if any(f" {v} " in result for v in CHANGE_VERBS_PAST) else ""


def _money_words(text: str) -> str:
    """A sum of money in a story shows numbers and cost even when no cost word is said."""
    from voice_coach.scoring import find_numbers
    from voice_coach.scoring.text import lowered

    return "cost budget" if any(n.kind == "money" for n in find_numbers(lowered(text))) else ""


def story_from_attempt(attempt: Attempt) -> Story:
    """The story an answer told, ready to bank (and to edit afterwards).

    Only an answer the judgement found a story in can be banked: one without a
    situation, an action of the speaker's own and a result raises :class:`InputError`
    saying what it lacked.
    """
    score = attempt.score
    if score is None or not attempt.transcript.strip():
        raise InputError(
            f"answer {attempt.id} has no judged words to take a story from; "
            "answer the question first, then save the answer"
        )
    parts = story_parts(attempt.transcript, score.star or score.evidence)
    lacking = missing_parts(parts)
    if (
        not score.concrete_example
        or len(lacking) > 1
        or "action" in lacking
        or ("result" in lacking)
    ):
        what = _listed(lacking or [m for m in score.missing] or ["one clear episode"])
        raise InputError(
            f"answer {attempt.id} has no story to bank yet: it lacks {what}. A story needs "
            "the situation, what you did and the result; tell it again with those, then save it"
        )
    return story_from_parts(parts, source_attempt_id=attempt.id)


def _listed(items: Sequence[str]) -> str:
    words = [f"a {i}" if i in PARTS else i for i in items]
    words = ["an action of your own" if w == "a action" else w for w in words]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
