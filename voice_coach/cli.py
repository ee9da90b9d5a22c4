"""The ``voice-coach`` command: no subcommand opens the TUI; the rest share its domain code.

User mistakes and missing parts are reported as one line on stderr with a
non-zero exit (1 for a failure, 2 for bad usage or input files); never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn

import click

from voice_coach import __version__, privacy
from voice_coach.errors import EXIT_BAD_INPUT, VoiceCoachError, explain, log_error
from voice_coach.safety import (
    MAX_ANSWER_BYTES,
    MAX_BATCH_LINE_BYTES,
    check_output,
    load_json,
    printable,
    read_text,
    refuse_app_data,
    write_atomic,
)

if TYPE_CHECKING:
    from voice_coach.questions import Question, QuestionSet
    from voice_coach.store import Store

_KINDS = (
    "story",
    "cv_detail",
    "plan",
    "motivation",
    "about_you",
    "salary",
    "strengths",
    "questions_for_us",
    "offer",
    "remote_environment",
    "general",
)
"""The question kinds (``voice_coach.scoring.kinds``), spelled here so --help needs no import."""


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"voice-coach: {printable(message)}", err=True)
    sys.exit(code)


def _say(line: str, *, err: bool = False) -> None:
    """Print one line holding a user's text (a title, a question, an error naming a file),
    with terminal control sequences removed: a set must not be able to drive the terminal."""
    click.echo(printable(line), err=err)


DEBUG_ENV = "VOICE_COACH_DEBUG"


class _Boundary(click.Group):
    """The one place where any error becomes one line on stderr and an exit code.

    Every command runs inside :meth:`invoke`, so none needs its own handler: a
    :class:`VoiceCoachError` says what it says; an ``OSError``, a decoding,
    parsing or limit error is worded by :func:`voice_coach.errors.explain`
    (naming the file, saying what to do); anything else is reported as a bug.
    The traceback goes to the log in the data folder (stderr alone when that
    folder is the problem), and ``--debug`` prints it as well.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise  # usage errors and exits: click words these itself
        except BrokenPipeError:
            raise  # output piped into head: click ends quietly
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as exc:
            self._report(ctx, exc)

    @staticmethod
    def _report(ctx: click.Context, exc: Exception) -> NoReturn:
        problem = explain(exc)
        debug = bool(ctx.params.get("debug")) or os.environ.get(DEBUG_ENV, "") not in ("", "0")
        log = None if isinstance(exc, VoiceCoachError) else log_error(exc)
        if debug:
            traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        message = problem.line
        if not problem.expected:
            where = f"the details are in {log}" if log else "run with --debug for the details"
            message += f"; {where}, please report it"
        _fail(message, problem.exit_code)


def has_terminal() -> bool:
    """Whether the practice app can draw and read keys: stdin and stdout are a terminal.

    Without one (``voice-coach < /dev/null > out.txt``, nohup, cron) the app
    would wait for keys that never come, until killed.
    """
    return sys.stdin.isatty() and sys.stdout.isatty()


@click.group(
    cls=_Boundary,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="voice-coach")
@click.option(
    "--debug",
    is_flag=True,
    help=f"Print the full traceback of an error (also: {DEBUG_ENV}=1).",
)
@click.option(
    "--model", help="Speech model: a name (base.en) or a local directory. Default: bundled tiny.en."
)
@click.option("--set", "set_name", help="Start practising this question set at once.")
@click.option("--typed", is_flag=True, help="Type answers instead of speaking them.")
@click.pass_context
def main(
    ctx: click.Context, debug: bool, model: str | None, set_name: str | None, typed: bool
) -> None:
    """Rehearse a job interview out loud: questions are spoken, your answers
    transcribed on this machine and checked for concrete accomplishment examples.

    With no command, opens the practice app.
    """
    # Before any command writes a file or loads a model: private modes, telemetry off.
    privacy.harden()
    if ctx.invoked_subcommand is not None:
        return
    if not has_terminal():
        _fail(
            "the practice app needs a terminal, and input or output is not one; run "
            "voice-coach in a terminal, or use a command (voice-coach --help lists them)",
            EXIT_BAD_INPUT,
        )
    from voice_coach.config import load_settings
    from voice_coach.tui.app import VoiceCoachApp

    settings = load_settings().with_overrides(model=model)
    try:
        store = _open_store_or_offer_fresh()
        app = VoiceCoachApp(settings=settings, start_set=set_name, typed=typed, store=store)
    except VoiceCoachError as exc:
        _fail(str(exc))
    app.run()
    if app.fatal_error:
        _fail(app.fatal_error)


def _open_store_or_offer_fresh() -> Store:
    """The sessions database; a damaged one is reported and, if the user agrees, kept
    aside under a new name so practice can start on a fresh one. Nothing is deleted."""
    from voice_coach.errors import CorruptDatabase
    from voice_coach.store import Store, set_aside_database

    try:
        return Store()
    except CorruptDatabase as exc:
        _say(str(exc), err=True)
        if not click.confirm(
            "Keep the damaged file aside (renamed, not deleted) and start a fresh database?",
            default=False,
            err=True,
        ):
            _fail("nothing was changed (voice-coach db set-aside does the same later)")
        aside = set_aside_database()
        click.echo(f"Kept aside as {aside}; your recordings are untouched.", err=True)
        return Store()


@main.command()
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


@main.command()
@click.argument("audio", required=False, type=click.Path(path_type=Path))
@click.option("--text", help="The answer as text.")
@click.option("--text-file", type=click.Path(path_type=Path), help="A file holding the answer.")
@click.option("--question", help="The question it answers (its kind is read from its words).")
@click.option("--set", "set_name", help="The question set of --question-id.")
@click.option("--question-id", help="A question of --set: its kind, talking points, follow-ups.")
@click.option("--kind", help=f"What kind of question it is: {', '.join(_KINDS)}.")
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
    from voice_coach.practice import score_attempt

    given = [x for x in (audio, text, text_file, batch) if x is not None]
    if len(given) != 1:
        _fail("give exactly one of AUDIO, --text, --text-file or --batch", 2)
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
            _fail(f"{audio}: no speech detected")
        answer, duration, words = transcript.text, transcript.duration_s, transcript.words
    elif text_file is not None:
        try:
            answer = read_text(text_file, MAX_ANSWER_BYTES, "answer")
        except OSError as exc:
            _fail(f"{text_file}: cannot read ({exc.strerror or exc})", 2)
    else:
        answer = text or ""
    if not answer.strip():
        _fail("the answer is empty", 2)
    result, mentions, key_terms = score_attempt(
        target, answer.strip(), question_set=question_set, words=words, duration_s=duration
    )
    if as_json:
        extras = {
            "cv_mentions": [{"text": t, "used": u} for t, u in mentions],
            "job_terms": [{"text": t, "used": u} for t, u in key_terms],
        }
        click.echo(json.dumps({**result.to_dict(), **extras}, indent=2))
        return
    _say(f"{'✔' if result.meets else '✘'} {result.verdict}")
    click.echo(f"  ({result.kind.spec.label})")
    for point in result.talking_points:
        _say(f"  {'✔' if point.covered else '✘'} {point.text}")
    for label, items in (("From your CV", mentions), ("Job key terms", key_terms)):
        if items:
            _say(f"{label}: " + "  ".join(f"{'✔' if hit else '✘'} {t}" for t, hit in items))
    for flag in result.flags:
        _say(f"- {flag.message} {flag.advice}")
    m = result.metrics
    pace = f", {m.wpm:.0f} words/min" if m.wpm else ""
    length = f", {m.duration_s:.0f} s" if m.duration_s else ""
    click.echo(f"{m.words} words{length}{pace}")
    if result.probe:
        _say(f"The interviewer might ask next: {result.probe}")


def _target_question(
    text: str | None, set_name: str | None, question_id: str | None, kind: str | None
) -> tuple[Question, QuestionSet | None]:
    """The question an answer is scored against: from a set, or built from the options."""
    from voice_coach.questions import Question, load_question_set
    from voice_coach.scoring import QuestionKind

    try:
        declared = QuestionKind.parse(kind) if kind else None
    except ValueError as exc:
        _fail(str(exc), 2)
    if (set_name is None) != (question_id is None):
        _fail("--set and --question-id go together", 2)
    if set_name is not None and question_id is not None:
        if text is not None:
            _fail("give --question or --set with --question-id, not both", 2)
        qs = load_question_set(set_name)
        found = next((q for q in qs.questions if q.id == question_id), None)
        if found is None:
            ids = ", ".join(q.id for q in qs.questions)
            _fail(f"set {qs.name!r} has no question {question_id!r} (its ids: {ids})", 2)
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
        _fail(f"{path}: cannot read ({exc.strerror or exc})", 2)
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


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Sessions with their answers as JSON.")
def history(as_json: bool) -> None:
    """The saved practice sessions and their answers."""
    from voice_coach.export import when
    from voice_coach.store import Store

    store = Store()
    sessions = store.sessions()
    if as_json:
        out = [
            {**s.to_dict(), "attempts": [a.to_dict() for a in store.attempts(s.id)]}
            for s in sessions
        ]
        click.echo(json.dumps(out, indent=2))
        return
    if not sessions:
        click.echo("No sessions yet. Run voice-coach to practise.")
        return
    for s in sessions:
        skipped = f", {s.skipped} skipped" if s.skipped else ""
        _say(
            f"#{s.id}  {when(s.started_at)}  {s.set_title}  "
            f"({s.answers} answers, {s.flagged} need work{skipped})"
        )
        for a in store.attempts(s.id):
            _say(f"    {a.outcome.mark} {a.outcome.label:<18} {a.question_text}")


@main.group()
def sets() -> None:
    """Question sets: list them or check files."""


@sets.command("list")
@click.option("--json", "as_json", is_flag=True)
def sets_list(as_json: bool) -> None:
    """The question sets you can practise."""
    from voice_coach.questions import available_sets, load_question_set_file

    rows = []
    for info in available_sets():
        try:
            qs = load_question_set_file(info.path)
            rows.append(
                {
                    "name": info.name,
                    "title": qs.title,
                    "questions": len(qs.questions),
                    "source": info.source,
                    "path": str(info.path),
                }
            )
        except VoiceCoachError as exc:
            rows.append(
                {
                    "name": info.name,
                    "error": str(exc),
                    "source": info.source,
                    "path": str(info.path),
                }
            )
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        if "error" in row:
            _say(f"{row['name']}: INVALID: {row['error']}")
        else:
            _say(f"{row['name']}: {row['title']} ({row['questions']} questions, {row['source']})")


@sets.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def sets_check(files: tuple[Path, ...]) -> None:
    """Validate question-set files; exit 2 if any is invalid."""
    from voice_coach.questions import load_question_set_file

    bad = 0
    for path in files:
        try:
            qs = load_question_set_file(path)
            _say(f"{path}: ok ({len(qs.questions)} questions)")
        except VoiceCoachError as exc:
            bad += 1
            _say(f"voice-coach: {exc}", err=True)
    if bad:
        sys.exit(2)


@sets.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
def sets_show(name: str, as_json: bool) -> None:
    """Show a set's interviewers and questions."""
    from voice_coach.questions import load_question_set

    qs = load_question_set(name)
    if as_json:
        click.echo(json.dumps(qs.model_dump(mode="json"), indent=2))
        return
    _say(f"{qs.title} ({qs.name}, {len(qs.questions)} questions)")
    if qs.description:
        click.echo(printable(qs.description, lines=True))
    for person in qs.interviewers:
        interests = f": {', '.join(person.interests)}" if person.interests else ""
        _say(f"  interviewer {person.name} ({person.role or person.id}){interests}")
    if qs.key_terms:
        _say(f"  job key terms: {', '.join(qs.key_terms)}")
    for i, q in enumerate(qs.questions, 1):
        who = f" [{q.interviewer}]" if q.interviewer else ""
        _say(f"{i:3}. {q.text}{who}")
        if q.expects:
            _say(f"       expects: {', '.join(q.expects)}")


@sets.command("import")
@click.argument("notes", type=click.Path(path_type=Path))
@click.option("--name", help="Name of the new set (default: from the file name).")
@click.option("--force", is_flag=True, help="Replace a user set of the same name.")
def sets_import(notes: Path, name: str | None, force: bool) -> None:
    """Turn notes from a first interview (one question per line, or a Markdown list) into a set."""
    from voice_coach.authoring import import_notes, save_user_set, slug
    from voice_coach.cv import read_document
    from voice_coach.questions import check_set_name

    name = check_set_name(name) if name is not None else slug(notes.stem)
    qs = import_notes(read_document(notes), name)
    path = save_user_set(qs, overwrite=force)
    _say(f"{len(qs.questions)} questions saved as set '{qs.name}' in {path}")


@sets.command("new")
@click.argument("name")
@click.option("--force", is_flag=True, help="Replace a user set of the same name.")
def sets_new(name: str, force: bool) -> None:
    """Describe the people who will interview you; get questions that fit each of them."""
    from voice_coach.authoring import Ids, save_user_set, set_from_people, slug
    from voice_coach.questions import Interviewer

    title = click.prompt("Title of the set", default=f"Interview: {name}")
    people: list[Interviewer] = []
    click.echo("Describe each interviewer you researched (leave the name empty to finish).")
    ids = Ids(max_len=20)
    while True:
        person = click.prompt(f"Interviewer {len(people) + 1} name", default="", show_default=False)
        if not person.strip():
            break
        role = click.prompt("  Their role", default="", show_default=False)
        interests = click.prompt(
            "  What they care about (comma-separated)", default="", show_default=False
        )
        pid = ids.new(person)
        people.append(
            Interviewer(
                id=pid,
                name=person.strip(),
                role=role.strip(),
                interests=tuple(i.strip() for i in interests.split(",") if i.strip()),
            )
        )
    general = [
        "Why do you want this role, and why now?",
        "Tell me about an achievement from your last role that you are proud of.",
        "What questions do you have for us?",
    ]
    qs = set_from_people(slug(name), title, people, general)
    path = save_user_set(qs, overwrite=force)
    _say(f"{len(qs.questions)} questions saved as set '{qs.name}' in {path}")


@main.command()
@click.argument("cv_file", type=click.Path(path_type=Path))
@click.option("--job", "job_file", type=click.Path(path_type=Path), help="The job description.")
@click.option("--name", default="my-cv", show_default=True, help="Name of the set to create.")
@click.option("--force", is_flag=True, help="Replace a user set of the same name.")
@click.option("--json", "as_json", is_flag=True, help="Print the set as JSON instead of saving.")
def cv(cv_file: Path, job_file: Path | None, name: str, force: bool, as_json: bool) -> None:
    """Build a set that walks through every role and bullet of your CV (text, Markdown, PDF)."""
    from voice_coach.authoring import save_user_set
    from voice_coach.cv import cv_question_set, read_document
    from voice_coach.questions import check_set_name

    check_set_name(name)
    job = read_document(job_file) if job_file else None
    qs = cv_question_set(read_document(cv_file), name=name, job_text=job)
    if as_json:
        click.echo(json.dumps(qs.model_dump(mode="json"), indent=2))
        return
    path = save_user_set(qs, overwrite=force)
    _say(f"{len(qs.questions)} questions saved as set '{qs.name}' in {path}")
    if qs.key_terms:
        _say(f"Job key terms: {', '.join(qs.key_terms)}")


@main.command()
@click.argument("session_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="The session and its answers as JSON.")
def show(session_id: int, as_json: bool) -> None:
    """One saved session: each answer with its transcript, verdict and flags."""
    from voice_coach.export import session_record, to_json, to_markdown
    from voice_coach.store import Store

    record = session_record(Store(), session_id)
    if record is None:
        _fail(f"no session #{session_id} (see voice-coach history)", 2)
    assert record is not None
    click.echo(
        to_json([record]) if as_json else printable(to_markdown([record]), lines=True), nl=False
    )


@main.command()
@click.argument("session_id", type=int, required=False)
@click.option("--all", "everything", is_flag=True, help="Every session.")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to a file.")
@click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
@click.option(
    "--shared",
    is_flag=True,
    help="Let other users of this computer read the --output file (mode 644); "
    "by default only you can (600).",
)
def export(
    session_id: int | None,
    everything: bool,
    fmt: str,
    output: Path | None,
    force: bool,
    shared: bool,
) -> None:
    """Export a session (or --all) as Markdown or JSON.

    The file holds your answers word for word, so it is yours alone unless you say --shared.
    """
    from voice_coach.export import (
        EXPORT_MODE,
        EXPORT_SHARED_MODE,
        session_record,
        to_json,
        to_markdown,
    )
    from voice_coach.store import Store

    if (session_id is None) == (not everything):  # exactly one of them
        _fail("give a SESSION number or --all", 2)
    if output is not None:  # refused before any work, and again by the write itself
        refuse_app_data(output)
        check_output(output, overwrite=force)
    store = Store()
    ids = [s.id for s in store.sessions()] if everything else [session_id]
    found = [r for i in ids if i is not None and (r := session_record(store, i)) is not None]
    if not everything and not found:
        _fail(f"no session #{session_id} (see voice-coach history)", 2)
    text = to_json(found) if fmt == "json" else to_markdown(found)
    if output is None:
        click.echo(text if fmt == "json" else printable(text, lines=True), nl=False)
        return
    mode = EXPORT_SHARED_MODE if shared else EXPORT_MODE
    write_atomic(output, text, overwrite=force, mode=mode)  # a full disk leaves the old file whole
    _say(f"{len(found)} session(s) written to {output}")


@main.command()
@click.argument("session_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask first.")
def delete(session_id: int, yes: bool) -> None:
    """Delete a session, its transcripts and its recorded audio."""
    from voice_coach.store import Store

    store = Store()
    session = store.session(session_id)
    if session is None:
        _fail(f"no session #{session_id} (see voice-coach history)", 2)
    assert session is not None
    if not yes and not click.confirm(
        f"Delete session #{session_id} ({session.set_title}, {session.answers} answers, "
        "with their audio)?"
    ):
        click.echo("Nothing deleted.")
        return
    count = store.delete_session(session_id)
    click.echo(f"Deleted session #{session_id} and {count} answer(s).")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One object per session (or question).")
@click.option("--by-question", is_flag=True, help="Each question's answers over time.")
def progress(as_json: bool, by_question: bool) -> None:
    """Progress over sessions: concrete examples, fillers per minute, pace."""
    from voice_coach.progress import session_progress
    from voice_coach.store import Store

    if by_question:
        _question_progress(as_json)
        return
    rows = session_progress(Store())
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in rows], indent=2))
        return
    if not rows:
        click.echo("No answers yet. Run voice-coach to practise.")
        return
    click.echo(f"{'date':10}  {'examples':>8}  {'fillers/min':>11}  {'words/min':>9}  set")
    for r in rows:
        share = "-" if r.example_share is None else f"{r.example_share:.0%}"
        fillers = "-" if r.fillers_per_minute is None else f"{r.fillers_per_minute:.1f}"
        pace = "-" if r.wpm is None else f"{r.wpm:.0f}"
        _say(f"{r.started_at[:10]:10}  {share:>8}  {fillers:>11}  {pace:>9}  {r.title}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One object per check.")
@click.option("--model", help="Speech model to check (default: config.toml, else bundled tiny.en).")
def doctor(as_json: bool, model: str | None) -> None:
    """Check this machine: PortAudio, microphone, speaker, voice, model, data directory, disk.

    Exit 1 when something practice cannot do without is missing.
    """
    from voice_coach.config import load_settings
    from voice_coach.doctor import exit_code, run_checks

    settings = load_settings().with_overrides(model=model)
    results = []
    for result in run_checks(settings):
        results.append(result)
        if not as_json:
            _say(result.line())
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], indent=2))
    code = exit_code(results)
    if not as_json:
        failed = [r.name for r in results if r.blocking]
        click.echo(f"Not ready: {', '.join(failed)} failed." if failed else "Ready to practise.")
    sys.exit(code)


@main.command("mic-check")
@click.option("--silence-seconds", default=3.0, show_default=True, type=click.FloatRange(0.5, 30))
@click.option("--speech-seconds", default=5.0, show_default=True, type=click.FloatRange(1, 60))
@click.option("--json", "as_json", is_flag=True, help="The report as JSON (prompts on stderr).")
@click.option("--no-playback", is_flag=True, help="Do not play the speech take back.")
@click.option(
    "--speaker-test/--no-speaker-test",
    default=True,
    show_default=True,
    help="Speak a sentence in the interviewer's voice to test the speaker.",
)
def mic_check(
    silence_seconds: float,
    speech_seconds: float,
    as_json: bool,
    no_playback: bool,
    speaker_test: bool,
) -> None:
    """Measure your microphone: room noise, speech level, signal/noise, clipping; with advice."""
    from voice_coach.audio import SAMPLE_RATE
    from voice_coach.audio.miccheck import SPEAKER_TEST_SENTENCE, Step, run_mic_check
    from voice_coach.audio.playback import play
    from voice_coach.config import load_settings

    settings = load_settings()
    prompts = {
        "quiet": f"Stay quiet for {silence_seconds:g} s: measuring the room…",
        "speak": f"Now speak for {speech_seconds:g} s, as you would in the interview…",
    }

    def step(name: Step) -> None:
        click.echo(prompts[name], err=as_json)

    result = run_mic_check(
        silence_seconds, speech_seconds, device=settings.input_device, on_step=step
    )
    report = result.report
    if as_json:
        data = {
            **report.to_dict(),
            "device": result.device,
            "silence_file": str(result.silence_file) if result.silence_file else None,
            "speech_file": str(result.speech_file) if result.speech_file else None,
        }
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(f"Microphone: {result.device}")
        for line in report.lines():
            click.echo(line)
        click.echo(f"Verdict: {report.advice}")
    info = sys.stderr if as_json else sys.stdout
    if not no_playback and result.speech.size:
        click.echo("Playing your speech take back…", file=info)
        try:
            play(result.speech, SAMPLE_RATE, device=settings.output_device)
        except VoiceCoachError as exc:
            click.echo(f"voice-coach: {exc}", err=True)
    if speaker_test:
        from voice_coach.speech.tts import Voice

        click.echo("Speaker test: you should hear the interviewer's voice…", file=info)
        voice = Voice(settings.voice, settings.speech_rate, settings.output_device)
        try:
            voice.speak(SPEAKER_TEST_SENTENCE)
        except VoiceCoachError as exc:
            click.echo(f"voice-coach: {exc}", err=True)


def _question_progress(as_json: bool) -> None:
    from voice_coach.progress import question_progress
    from voice_coach.store import Store

    questions = question_progress(Store())
    if as_json:
        click.echo(json.dumps([q.to_dict() for q in questions], indent=2))
        return
    if not questions:
        click.echo("No answers yet. Run voice-coach to practise.")
        return
    marks = {True: "✔", False: "✘", None: "·"}
    for q in questions:
        examples = "".join(marks[e] for e in q.examples)
        fillers = " ".join("-" if f is None else f"{f:.1f}" for f in q.fillers_per_minute)
        _say(f"{q.set_name}/{q.question_id}: {q.question_text}")
        click.echo(f"  {len(q.points)} answer(s), last {q.last_at[:10]}   example {examples}")
        click.echo(f"  fillers/min {fillers}")


@main.group()
def db() -> None:
    """The sessions database."""


@db.command("set-aside")
@click.option("--yes", is_flag=True, help="Do not ask first.")
def db_set_aside(yes: bool) -> None:
    """Move an unreadable sessions database aside and start a fresh one.

    Nothing is deleted: the file is renamed beside itself, and recordings stay.
    """
    from voice_coach import locations
    from voice_coach.store import DB_NAME, set_aside_database

    path = locations.data_dir() / DB_NAME
    if not path.exists():
        _fail(f"there is no sessions database at {path}: nothing to set aside", 2)
    if not yes and not click.confirm(
        f"Move {path} aside and start with an empty history? Nothing is deleted."
    ):
        click.echo("Nothing moved.")
        return
    aside = set_aside_database()
    click.echo(f"Moved the database to {aside}. Your recordings stay in {path.parent / 'audio'}.")
