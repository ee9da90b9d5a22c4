"""Renders a scored attempt: verdict, flags with advice, transcript with evidence marked."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from voice_coach.practice import Attempt

EVIDENCE_STYLES = {
    "situation": ("S", "bold cyan underline"),
    "action": ("A", "bold green underline"),
    "result": ("R", "bold magenta underline"),
}
"""Each part of an example has a colour *and* a letter tag, so it reads without colour."""


def transcript_text(attempt: Attempt) -> Text:
    text = Text(attempt.transcript or "(nothing heard)")
    if attempt.score is None:
        return text
    marks: list[tuple[int, str]] = []
    source = attempt.transcript
    for kind, spans in attempt.score.evidence.items():
        tag, style = EVIDENCE_STYLES.get(kind, ("?", "bold"))
        for start, end in _runs(source, spans):
            text.stylize(style, start, end)
            marks.append((end, tag))
    # Insert tags from the end so earlier offsets stay valid.
    for end, tag in sorted(marks, reverse=True):
        text = Text.assemble(text[:end], Text(f"[{tag}]", style="dim"), text[end:])
    return text


def _runs(source: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Spans of one kind joined where only spaces or punctuation part them: one tag a run."""
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if runs and not any(c.isalnum() for c in source[runs[-1][1] : start]):
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return runs


def feedback(attempt: Attempt) -> RenderableType:
    ok = not attempt.flagged
    mark = "✔" if ok else "✘"
    parts: list[RenderableType] = [
        Text(f"{mark} {attempt.verdict}", style="bold green" if ok else "bold yellow"),
        Text(""),
    ]
    if attempt.score is not None:
        for flag in attempt.score.flags:
            parts.append(Text.assemble(("• ", "bold"), (flag.message, "bold"), " ", flag.advice))
        m = attempt.score.metrics
        bits = [f"{m.words} words"]
        if m.duration_s:
            bits.append(f"{m.duration_s:.0f} s")
        if m.wpm:
            bits.append(f"{m.wpm:.0f} words per minute")
        parts += [Text(""), Text("   ".join(bits), style="italic")]
    for label, items in (
        ("From your CV", attempt.mentions),
        ("Job key terms", attempt.key_terms),
    ):
        if items:
            line = Text(f"{label}: ", style="bold")
            for i, (item, hit) in enumerate(items):
                if i:
                    line.append("  ")
                line.append(f"{'✔' if hit else '✘'} {item}", style="green" if hit else "yellow")
            parts += [Text(""), line]
    if attempt.error:
        parts.append(Text(f"Note: {attempt.error}", style="yellow"))
    parts += [
        Text(""),
        Text("Your answer", style="bold underline"),
        transcript_text(attempt),
        Text(""),
        Text("[S] situation  [A] your action  [R] result", style="dim"),
    ]
    return Group(*parts)
