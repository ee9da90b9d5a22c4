"""Preparing with the CV and the job: how ready the CV shows you are for each requirement."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from voice_coach.cli.base import say

if TYPE_CHECKING:
    from voice_coach.preparation import DocumentKind
    from voice_coach.requirements import RequirementEvidence


def document_text(kind: DocumentKind, path: Path | None) -> tuple[str, bool]:
    """The text of the file given, else the one saved before; and whether it was the saved
    one. No file and none saved is bad input, said with what to do."""
    from voice_coach.cv import read_document
    from voice_coach.errors import InputError
    from voice_coach.preparation import WORDS, saved_text

    if path is not None:
        return read_document(path), False
    text = saved_text(kind)
    if text is None:
        option = "--cv" if kind == "cv" else "--job"
        raise InputError(
            f"no {WORDS[kind]} given and none saved; give one with {option} FILE "
            f"(voice-coach cv CV --job JOB remembers both)"
        )
    return text, True


def evidence_rows(found: list[RequirementEvidence]) -> list[dict[str, object]]:
    return [
        {
            "requirement": f.requirement.text,
            "essential": f.requirement.essential,
            "level": f.level.value,
            "label": f.level.label,
            "evidence": list(f.evidence),
            "qualifier": f.qualifier,
        }
        for f in found
    ]


@click.command()
@click.option("--cv", "cv_file", type=click.Path(path_type=Path), help="Your CV (default: saved).")
@click.option(
    "--job",
    "job_file",
    type=click.Path(path_type=Path),
    help="The job description (default: saved).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the requirements as JSON.")
def readiness(cv_file: Path | None, job_file: Path | None, as_json: bool) -> None:
    """Each requirement of the job with the evidence your CV gives for it: strong, thin or none."""
    from voice_coach.errors import InputError
    from voice_coach.requirements import Evidence
    from voice_coach.requirements import readiness as match

    cv_text, _ = document_text("cv", cv_file)
    job_text, _ = document_text("job", job_file)
    found = match(cv_text, job_text)
    if not found:
        raise InputError(
            "no requirements found in the job description: it needs a list under a heading "
            "such as Requirements, Essential, About you or What you'll bring"
        )
    if as_json:
        click.echo(json.dumps(evidence_rows(found), indent=2))
        return
    counts = {level: sum(1 for f in found if f.level is level) for level in Evidence}
    say(
        f"{len(found)} requirements: {counts[Evidence.STRONG]} with strong evidence on your CV, "
        f"{counts[Evidence.THIN]} thin, {counts[Evidence.NONE]} with none."
    )
    for level in (Evidence.NONE, Evidence.THIN, Evidence.STRONG):
        group = [f for f in found if f.level is level]
        if not group:
            continue
        say("")
        say(level.label.capitalize())
        for f in sorted(group, key=lambda f: not f.requirement.essential):
            need = "essential" if f.requirement.essential else "desirable"
            say(f"  {f.requirement.text} ({need})")
            for line in f.evidence:
                say(f"      your CV: {line}")
