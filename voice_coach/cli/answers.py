"""Commands on one answer or file: transcribe it, score it (or a batch of them)."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import click

from voice_coach.cli.base import KINDS, fail, say
from voice_coach.errors import VoiceCoachError, explain, log_error
from voice_coach.safety import (
    MAX_ANSWER_BYTES,
    MAX_BATCH_LINE_BYTES,
    load_json,
    printable,
    read_text,
)

if TYPE_CHECKING:
    from voice_coach.questions import Question, QuestionSet


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="A JSON array, one object per file.")
@click.option("--model", help="Speech model name or directory (default: bundled tiny.en).")
def transcribe(files: tuple[Path, ...], as_json: bool, model: str | None) -> None:
    """Transcribe audio files (any format PyAV or libsndfile reads)."""
    from voice_coach.speech.stt import Transcriber

    transcriber = Transcriber(model)
    transcriber.load()
    results: list[dict[str, Any]] = []
    failed = False
    for path in files:
        try:
            with _transcribing(path, not as_json and sys.stderr.isatty()) as told:
                transcript = transcriber.transcribe_file(path, told)
        except VoiceCoachError as exc:
            click.echo(f"voice-coach: {exc}", err=True)
            failed = True
            continue
        if as_json:
            results.append({"file": str(path), **transcript.to_dict()})
        else:
            if note := transcript.unread_note():
                click.echo(f"voice-coach: {path}: {note}", err=True)
            prefix = f"{path}: " if len(files) > 1 else ""
            click.echo(prefix + (transcript.text or "(no speech detected)"))
    if as_json:
        click.echo(json.dumps(results, indent=2))
    if failed:
        sys.exit(1)


@contextlib.contextmanager
def _transcribing(path: Path, show: bool) -> Iterator[Callable[[float, float], None] | None]:
    """A progress bar on stderr while a file is transcribed (a long one takes minutes);
    nothing unless ``show``."""
    if not show:
        yield None
        return
    with click.progressbar(length=1000, label=f"Transcribing {path.name}", file=sys.stderr) as bar:

        def told(done_s: float, total_s: float) -> None:
            bar.update(round(1000 * done_s / total_s) - bar.pos if total_s else 0)

        yield told


@click.command()
@click.argument("audio", required=False, type=click.Path(path_type=Path))
@click.option("--text", help="The answer as text.")
@click.option("--text-file", type=click.Path(path_type=Path), help="A file holding the answer.")
@click.option("--question", help="The question it answers (its kind is read from its words).")
@click.option("--set", "set_name", help="The question set of --question-id.")
@click.option("--question-id", help="A question of --set: its kind, talking points, follow-ups.")
@click.option("--kind", help=f"What kind of question it is: {', '.join(KINDS)}.")
@click.option(
    "--batch",
    type=click.Path(path_type=Path),
    help='JSONL: one {"question", "answer"} per line, optionally "kind" and "expects".',
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--model", help="Speech model for AUDIO (default: bundled tiny.en).")
def score(
    audio: Path | None,
    text: str | None,
    text_file: Path | None,
    question: str | None,
    set_name: str | None,
    question_id: str | None,
    kind: str | None,
    batch: Path | None,
    as_json: bool,
    model: str | None,
) -> None:
    """Score one answer against what its question needs (AUDIO is transcribed first), or
    many with --batch."""
    from voice_coach.cli.stories import banked_reuse
    from voice_coach.practice import score_attempt

    given = [x for x in (audio, text, text_file, batch) if x is not None]
    if len(given) != 1:
        fail("give exactly one of AUDIO, --text, --text-file or --batch", 2)
    if batch is not None:
        _score_batch(batch, quiet=as_json)
        return
    target, question_set = _target_question(question, set_name, question_id, kind)
    duration: float | None = None
    words = None
    if audio is not None:
        from voice_coach.speech.stt import Transcriber

        with _transcribing(audio, not as_json and sys.stderr.isatty()) as told:
            transcript = Transcriber(model).transcribe_file(audio, told)
        if note := transcript.unread_note():
            click.echo(f"voice-coach: {audio}: {note}", err=True)
        if not transcript.text:
            fail(f"{audio}: no speech detected")
        answer, duration, words = transcript.text, transcript.duration_s, transcript.words
    elif text_file is not None:
        try:
            answer = read_text(text_file, MAX_ANSWER_BYTES, "answer")
        except OSError as exc:
            fail(f"{text_file}: cannot read ({exc.strerror or exc})", 2)
    else:
        answer = text or ""
    if not answer.strip():
        fail("the answer is empty", 2)
    result, mentions, key_terms = score_attempt(
        target, answer.strip(), question_set=question_set, words=words, duration_s=duration
    )
    reuse = banked_reuse(answer.strip(), result)
    if as_json:
        extras = {
            "cv_mentions": [{"text": t, "used": u} for t, u in mentions],
            "job_terms": [{"text": t, "used": u} for t, u in key_terms],
            "story_reuse": reuse.to_dict() if reuse else None,
        }
        click.echo(json.dumps({**result.to_dict(), **extras}, indent=2))
        return
    say(f"{'✔' if result.meets else '✘'} {result.verdict}")
    click.echo(f"  ({result.kind.spec.label})")
    for point in result.talking_points:
        say(f"  {'✔' if point.covered else '✘'} {point.text}")
    for label, items in (("From your CV", mentions), ("Job key terms", key_terms)):
        if items:
            say(f"{label}: " + "  ".join(f"{'✔' if hit else '✘'} {t}" for t, hit in items))
    for flag in result.flags:
        say(f"- {flag.message} {flag.advice}")
    m = result.metrics
    pace = f", {m.wpm:.0f} words/min" if m.wpm else ""
    length = f", {m.duration_s:.0f} s" if m.duration_s else ""
    click.echo(f"{m.words} words{length}{pace}")
    if result.probe:
        say(f"The interviewer might ask next: {result.probe}")
    if reuse is not None:
        click.echo("\nFrom your story bank:")
        for line in reuse.lines():
            say(f"  {line}")


def _target_question(
    text: str | None, set_name: str | None, question_id: str | None, kind: str | None
) -> tuple[Question, QuestionSet | None]:
    """The question an answer is scored against: from a set, or built from the options."""
    from voice_coach.questions import Question, load_question_set
    from voice_coach.scoring import QuestionKind

    try:
        declared = QuestionKind.parse(kind) if kind else None
    except ValueError as exc:
        fail(str(exc), 2)
    if (set_name is None) != (question_id is None):
        fail("--set and --question-id go together", 2)
    if set_name is not None and question_id is not None:
        if text is not None:
            fail("give --question or --set with --question-id, not both", 2)
        qs = load_question_set(set_name)
        found = next((q for q in qs.questions if q.id == question_id), None)
        if found is None:
            ids = ", ".join(q.id for q in qs.questions)
            fail(f"set {qs.name!r} has no question {question_id!r} (its ids: {ids})", 2)
        if declared is not None:
            found = found.model_copy(update={"kind": declared})
        return found, qs
    if declared is None and not text:
        declared = QuestionKind.STORY  # no question at all: is there a story in it?
    return Question(id="cli", text=text or "(no question given)", kind=declared), None


def _batch_question(item: dict[str, object], number: int) -> Question:
    """A batch line's question, with its optional "kind" and "expects" (a list, or "example")."""
    from voice_coach.questions import Question
    from voice_coach.scoring import QuestionKind

    q = item.get("question")
    if q is not None and not isinstance(q, str):
        raise ValueError('"question" must be a string')
    raw_kind = item.get("kind")
    if raw_kind is not None and not isinstance(raw_kind, str):
        raise ValueError('"kind" must be a string')
    kind = QuestionKind.parse(raw_kind) if raw_kind else None
    expects = item.get("expects", ())
    if isinstance(expects, str):
        expects = (expects,)
    if not isinstance(expects, list | tuple) or not all(isinstance(e, str) for e in expects):
        raise ValueError('"expects" must be a string or a list of strings')
    if kind is None and not q and not expects:
        kind = QuestionKind.STORY
    return Question(
        id=f"line-{number}", text=q or "(no question given)", kind=kind, expects=tuple(expects)
    )


def _score_batch(path: Path, quiet: bool = False) -> None:
    """Score each JSONL line, a line at a time: a bad line is reported (its number and
    why, on stderr and as a JSON object) and the rest still scored, exit 2 at the end.

    Progress goes to stderr on a terminal only, and never with ``--json``, so the
    JSON lines on stdout stay the whole output for a program reading them.
    """
    from voice_coach.practice import score_attempt

    try:
        handle = path.open("rb")
        size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        fail(f"{path}: cannot read ({exc.strerror or exc})", 2)
    bad = 0
    show = not quiet and sys.stderr.isatty()
    with handle, _progress(size if show else 0) as advance:
        for number, raw, message in _batch_lines(handle, MAX_BATCH_LINE_BYTES):
            advance(handle.tell())
            if message is None and not raw.strip():
                continue
            try:
                if message is not None:
                    raise ValueError(message)
                item = load_json(raw.decode("utf-8").removeprefix("\ufeff"))
                if not isinstance(item, dict) or not isinstance(item.get("answer"), str):
                    raise ValueError('expected an object with a string "answer"')
                target = _batch_question(item, number)
            except ValueError as exc:  # UnicodeDecodeError, JSONDecodeError, TooComplex too
                bad += 1
                reason = (
                    f"not UTF-8 (byte {exc.start} of the line)"
                    if isinstance(exc, UnicodeDecodeError)
                    else printable(str(exc))
                )
                click.echo(f"voice-coach: {path}:{number}: {reason}", err=True)
                click.echo(json.dumps({"line": number, "error": reason}))
                continue
            try:
                result, _, _ = score_attempt(target, item["answer"])
            except Exception as exc:  # a bug: the other lines still deserve their scores
                bad += 1
                log_error(exc)
                reason = explain(exc).line
                click.echo(f"voice-coach: {path}:{number}: {reason}", err=True)
                click.echo(json.dumps({"line": number, "error": reason}))
                continue
            click.echo(json.dumps(result.to_dict()))
    if bad:
        sys.exit(2)


def _batch_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes, str | None]]:
    """``(number, bytes, problem)`` per line, never holding more than ``limit`` bytes of
    one: a longer line is skipped to its end and reported, not read into memory."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, raw, None
            continue
        skipped = len(raw)
        while raw and not raw.endswith(b"\n"):
            raw = handle.readline(limit + 1)
            skipped += len(raw)
        yield number, b"", f"line longer than {limit // 1024**2} MB; skipped"


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr, told how far into ``total`` bytes the work is; with
    ``total`` 0, nothing at all."""
    if total <= 0:
        yield lambda _position: None
        return
    with click.progressbar(length=total, label="Scoring", file=sys.stderr) as bar:

        def advance(position: int) -> None:
            bar.update(position - bar.pos)

        yield advance
