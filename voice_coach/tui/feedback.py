"""Renders a scored attempt: verdict, STAR at a glance, flags with advice, talking points,
delivery, the transcript with its evidence marked, and the interviewer's likely follow-up.

Every mark has a letter tag as well as a colour, so the screen reads without colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from voice_coach.attempts import Attempt, Outcome, expects_example
from voice_coach.scoring import FlagCode, FlagGroup

if TYPE_CHECKING:
    from voice_coach.story_reuse import StoryReuse

STAR_STYLES = {
    "situation": ("S", "bold cyan underline"),
    "task": ("T", "bold blue underline"),
    "action": ("A", "bold green underline"),
    "result": ("R", "bold magenta underline"),
}
FILLER_STYLE = "italic red"

_GROUPS = (
    ("What is missing", FlagGroup.MISSING),
    ("Phrasing", FlagGroup.PHRASING),
    ("Delivery", FlagGroup.DELIVERY),
)


def transcript_text(attempt: Attempt) -> Text:
    if attempt.score is None:
        return Text(attempt.transcript or "(nothing heard)")
    return highlighted(
        attempt.transcript,
        attempt.score.star or attempt.score.evidence,
        attempt.score.delivery.filler_spans,
    )


def highlighted(
    transcript: str,
    star: Mapping[str, Iterable[Sequence[int]]],
    filler_spans: Iterable[Sequence[int]] = (),
) -> Text:
    """The transcript with its STAR parts tagged and coloured, and fillers in italics.

    Takes plain spans, so the live feedback and a saved score (JSON) render alike.
    """
    text = Text(transcript or "(nothing heard)")
    if not transcript:
        return text
    marks: list[tuple[int, str]] = []
    for kind, spans in star.items():
        tag, style = STAR_STYLES.get(kind, ("?", "bold"))
        for start, end in _runs(transcript, tuple((s[0], s[1]) for s in spans)):
            text.stylize(style, start, end)
            marks.append((end, tag))
    for span in filler_spans:
        text.stylize(FILLER_STYLE, span[0], span[1])
    # Insert tags from the end so earlier offsets stay valid.
    for end, tag in sorted(marks, reverse=True):
        text = Text.assemble(text[:end], Text(f"[{tag}]", style="dim"), text[end:])
    return text


LEGEND = "[S] situation  [T] task  [A] your action  [R] result  (fillers in italics)"


def _runs(source: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Spans of one kind joined where only spaces or punctuation part them: one tag a run."""
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if runs and not any(c.isalnum() for c in source[runs[-1][1] : start]):
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return runs


def headline(attempt: Attempt) -> str:
    """The one verdict in words: the score says it, so no screen words it differently."""
    return attempt.verdict


def star_glance(attempt: Attempt) -> Text:
    """S ✔  T ✘  A ✔  R ✔: which parts of a STAR story the answer has."""
    line = Text("STAR  ", style="bold")
    star = attempt.score.star if attempt.score else {}
    for kind, (tag, style) in STAR_STYLES.items():
        found = bool(star.get(kind))
        line.append(f"{tag} {kind} {'✔' if found else '✘'}", style=style if found else "dim")
        line.append("   ")
    return line


def delivery_line(attempt: Attempt) -> Text:
    assert attempt.score is not None
    m, d = attempt.score.metrics, attempt.score.delivery
    bits = [f"{m.words} words"]
    if m.duration_s:
        bits.append(f"{m.duration_s:.0f} s")
    pace = d.pace_wpm or m.wpm
    if pace:
        bits.append(f"{pace:.0f} words/min (120-160 reads best)")
    fillers = f"{d.fillers} filler{'' if d.fillers == 1 else 's'}"
    if d.fillers_per_minute is not None:
        fillers += f" ({d.fillers_per_minute:.1f}/min)"
    bits.append(fillers)
    if d.long_pauses:
        bits.append(f"{len(d.long_pauses)} long pause{'s' if len(d.long_pauses) > 1 else ''}")
    if d.repeated_words:
        bits.append("repeated: " + ", ".join(f"{w} ×{n}" for w, n in d.repeated_words[:3]))
    return Text("   ".join(bits), style="italic")


def story_bank_note(reuse: StoryReuse) -> list[Text]:
    """A banked story told again, set apart under its own heading: what this telling kept
    and lost against the version the candidate rehearsed."""
    return [
        Text("From your story bank", style="bold underline"),
        *(Text.assemble(("• ", "bold"), line) for line in reuse.lines()),
    ]


def feedback(
    attempt: Attempt, *, live: bool = True, reuse: StoryReuse | None = None
) -> RenderableType:
    """The feedback on one answer: as shown after answering (``live``, with what the keys
    do next) and as read back in history, where those keys mean nothing. ``reuse`` is the
    banked story the answer re-tells (``story_bank.reuse_of``), shown apart when given."""
    style = {Outcome.GOOD: "bold green", Outcome.NEEDS_WORK: "bold yellow"}
    parts: list[RenderableType] = [
        Text(
            f"{attempt.outcome.mark} {headline(attempt)}",
            style=style.get(attempt.outcome, "bold"),
        ),
    ]
    score = attempt.score
    if score is not None:
        if expects_example(attempt.question):
            parts.append(star_glance(attempt))
        for point in score.talking_points:
            mark = "✔" if point.covered else "✘"
            parts.append(
                Text(f"  {mark} {point.text}", style="green" if point.covered else "yellow")
            )
        for title, group in _GROUPS:
            flags = [
                f
                for f in score.flags
                if f.code.group is group and f.code is not FlagCode.POINT_MISSED
            ]
            if flags:
                parts.append(Text(title, style="bold underline"))
                for flag in flags:
                    parts.append(
                        Text.assemble(("• ", "bold"), (flag.message, "bold"), " ", flag.advice)
                    )
        missed = [f for f in score.flags if f.code is FlagCode.POINT_MISSED]
        if missed:
            parts.append(Text("To cover", style="bold underline"))
            for flag in missed:
                parts.append(
                    Text.assemble(("• ", "bold"), (flag.message, "bold"), " ", flag.advice)
                )
        parts += [Text(""), delivery_line(attempt)]
    for label, items in (("From your CV", attempt.mentions), ("Job key terms", attempt.key_terms)):
        if items:
            line = Text(f"{label}: ", style="bold")
            for i, (item, hit) in enumerate(items):
                if i:
                    line.append("  ")
                line.append(f"{'✔' if hit else '✘'} {item}", style="green" if hit else "yellow")
            parts.append(line)
    if attempt.error:
        parts.append(Text(f"Note: {attempt.error}", style="yellow"))
    if reuse is not None:
        parts += [Text(""), *story_bank_note(reuse)]
    parts += [Text(""), Text("Your answer", style="bold underline"), transcript_text(attempt)]
    if expects_example(attempt.question) or (score is not None and score.concrete_example):
        parts.append(Text(LEGEND, style="dim"))
    elif score is not None and score.delivery.fillers:
        parts.append(Text("(fillers in italics)", style="dim"))
    if score is not None and score.probe:
        parts += [
            Text(""),
            Text.assemble(("The interviewer might ask next: ", "bold"), score.probe),
        ]
        if live:
            parts.append(Text("Press a to answer it aloud.", style="dim"))
    return Group(*parts)
