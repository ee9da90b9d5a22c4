"""Preparing from the CV and the job: how ready the CV shows you are, and a set to practise.

The user gives the paths of their CV and of the job description (or uses the ones
saved before, by this screen or by ``voice-coach cv``); the screen shows each of the
job's requirements with how much evidence the CV gives for it, in words, and the CV
lines that give it. From the CV it makes a practice set under a name the user picks.
Reading a PDF and matching take a moment, so they run in a worker thread; results and
problems come back as messages, and a problem is shown beside the field it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static
from textual.worker import get_current_worker

from voice_coach.errors import explain
from voice_coach.preparation import DocumentKind, save_text, saved_text
from voice_coach.requirements import RequirementEvidence, readiness
from voice_coach.tui.services import Services
from voice_coach.tui.tables import Row, WrappingTable

COLUMNS = ("Evidence", "Need", "Requirement, and what your CV shows")
"""The readiness table's columns; the last one wraps."""


def readiness_rows(found: list[RequirementEvidence]) -> list[Row]:
    """One row a requirement, weakest first: its level in words, essential or desirable,
    and the requirement followed by the CV's lines that speak to it."""
    ordered = sorted(found, key=lambda f: (f.level.rank, not f.requirement.essential))
    rows: list[Row] = []
    for f in ordered:
        shown = f.requirement.text
        if f.evidence:
            shown += ". Your CV: " + "; ".join(f.evidence)
        else:
            shown += ". Nothing on your CV yet."
        need = "essential" if f.requirement.essential else "desirable"
        rows.append((None, (f.level.label, need, shown)))
    return rows


@dataclass(frozen=True)
class Documents:
    cv_text: str
    job_text: str | None


class DocumentsRead(Message):
    """The CV (and the job description) were read and matched."""

    def __init__(self, documents: Documents, found: list[RequirementEvidence], note: str) -> None:
        super().__init__()
        self.documents = documents
        self.found = found
        self.note = note


class ReadFailed(Message):
    """A file could not be used: ``field`` is the input it came from."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__()
        self.field = field
        self.message = message


class SetMade(Message):
    def __init__(self, name: str, count: int) -> None:
        super().__init__()
        self.name = name
        self.count = count


class SetFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class PrepareCvScreen(Screen[None]):
    """Pick a CV and a job description, see the readiness view, make a set from the CV."""

    TITLE = "Your CV and the job"
    BINDINGS = [
        # A priority binding, so the footer names Enter (an input's own Enter is hidden);
        # what it does follows the field in focus.
        Binding(
            "enter",
            "submit",
            "Read files / make set",
            id="prepare-enter",
            key_display="enter",
            priority=True,
        ),
        Binding("ctrl+s", "make_set", "Make practice set", id="prepare-make"),
        Binding("escape", "app.pop_screen", "Back", id="prepare-back"),
    ]

    DEFAULT_CSS = """
    PrepareCvScreen .field { height: 1; margin: 0 1; }
    PrepareCvScreen .field Label { width: 10; }
    PrepareCvScreen .field Input { width: 1fr; }
    PrepareCvScreen #intro { height: auto; padding: 0 1; }
    PrepareCvScreen #status { height: auto; max-height: 2; padding: 0 1; }
    PrepareCvScreen #status.-error { color: $error; }
    PrepareCvScreen #readiness { height: 1fr; }
    """

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.documents: Documents | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Your CV against the job: type each file's path (text, Markdown or PDF) and press "
            "Enter. Empty fields use the files saved before.",
            id="intro",
            markup=False,
        )
        with Horizontal(classes="field"):
            yield Label("CV", markup=False)
            yield Input(placeholder=self._placeholder("cv"), id="cv-path", compact=True)
        with Horizontal(classes="field"):
            yield Label("Job", markup=False)
            yield Input(placeholder=self._placeholder("job"), id="job-path", compact=True)
        yield Static("", id="status", markup=False)
        yield WrappingTable(id="readiness")
        with Horizontal(classes="field"):
            yield Label("Set name", markup=False)
            yield Input("my-cv", id="set-name", compact=True)
        yield Footer(compact=True)

    @staticmethod
    def _placeholder(kind: DocumentKind) -> str:
        what = "CV" if kind == "cv" else "job description"
        if saved_text(kind) is not None:
            return f"the {what} saved before (or type a path)"
        return f"path of your {what}"

    def on_mount(self) -> None:
        self.query_one("#cv-path", Input).focus()
        if saved_text("cv") is not None:
            self.read_documents("", "")

    # --- Actions ----------------------------------------------------------------------

    def action_submit(self) -> None:
        if self.focused is self.query_one("#set-name", Input):
            self.action_make_set()
        else:
            self._read()

    @on(Input.Submitted, "#cv-path, #job-path")
    def _paths_submitted(self) -> None:
        self._read()

    @on(Input.Submitted, "#set-name")
    def _name_submitted(self) -> None:
        self.action_make_set()

    def _read(self) -> None:
        cv_path = self.query_one("#cv-path", Input).value.strip()
        job_path = self.query_one("#job-path", Input).value.strip()
        if not cv_path and saved_text("cv") is None:
            self._problem("Give the path of your CV (a .txt, .md or .pdf file).")
            self.query_one("#cv-path", Input).focus()
            return
        self._say("Reading...")
        self.read_documents(cv_path, job_path)

    def action_make_set(self) -> None:
        from voice_coach.errors import VoiceCoachError
        from voice_coach.questions import check_set_name, user_dir

        if self.documents is None:
            self._problem("Read your CV first: type its path above and press Enter.")
            return
        name = self.query_one("#set-name", Input).value.strip()
        try:
            check_set_name(name)
        except VoiceCoachError as exc:
            self._problem(str(exc))
            return
        if (user_dir() / f"{name}.toml").exists():
            self._problem(f"A set called '{name}' exists already; choose another name.")
            return
        self._say("Making the set...")
        self.make_set(self.documents, name)

    # --- Workers -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="prepare-read")
    def read_documents(self, cv_path: str, job_path: str) -> None:
        texts: dict[DocumentKind, str | None] = {}
        fields: tuple[tuple[DocumentKind, str, str], ...] = (
            ("cv", cv_path, "cv-path"),
            ("job", job_path, "job-path"),
        )
        for kind, given, field in fields:
            try:
                texts[kind] = self._text(kind, given)
            except Exception as exc:
                self.post_message(ReadFailed(field, explain(exc).line))
                return
        cv_text, job_text = texts["cv"], texts["job"]
        if cv_text is None:  # gone since the path was checked
            self.post_message(ReadFailed("cv-path", "Give the path of your CV."))
            return
        from voice_coach.cv import parse_cv

        try:
            if not parse_cv(cv_text):
                self.post_message(
                    ReadFailed(
                        "cv-path",
                        "No roles found in the CV: each role needs a line with its dates "
                        "followed by bullet points.",
                    )
                )
                return
            found = readiness(cv_text, job_text) if job_text else []
            # Remembered once they are known to be usable, like voice-coach cv does.
            if cv_path:
                save_text("cv", cv_text)
            if job_path and job_text is not None:
                save_text("job", job_text)
        except Exception as exc:
            self.post_message(ReadFailed("cv-path", explain(exc).line))
            return
        note = self._note(found, job_text is not None)
        if get_current_worker().is_cancelled:
            return  # the user asked again meanwhile: the newer read's result is the one shown
        self.post_message(DocumentsRead(Documents(cv_text, job_text), found, note))

    @staticmethod
    def _text(kind: DocumentKind, given: str) -> str | None:
        from voice_coach.cv import read_document

        if given:
            return read_document(Path(given).expanduser())
        return saved_text(kind)

    @staticmethod
    def _note(found: list[RequirementEvidence], has_job: bool) -> str:
        if not has_job:
            return "CV read. Give the job description too to see how ready your CV shows you are."
        if not found:
            return (
                "No requirements found in the job description: it needs a list under a heading "
                "such as Requirements, Essential or What you'll bring."
            )
        weak = sum(1 for f in found if f.level.rank < 2)
        return (
            f"{len(found)} requirements, {weak} with thin or no evidence on your CV "
            "(weakest first). Both files are remembered."
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="prepare-make")
    def make_set(self, documents: Documents, name: str) -> None:
        from voice_coach.authoring import save_user_set
        from voice_coach.cv_questions import cv_question_set

        try:
            qs = cv_question_set(documents.cv_text, name=name, job_text=documents.job_text)
            save_user_set(qs)
        except Exception as exc:
            self.post_message(SetFailed(explain(exc).line))
            return
        self.post_message(SetMade(qs.name, len(qs.questions)))

    # --- Results -----------------------------------------------------------------------

    def on_documents_read(self, message: DocumentsRead) -> None:
        self.documents = message.documents
        table = self.query_one("#readiness", WrappingTable)
        table.fill(COLUMNS, readiness_rows(message.found), wrap=2)
        self._say(message.note)

    def on_read_failed(self, message: ReadFailed) -> None:
        self._problem(message.message)
        self.query_one(f"#{message.field}", Input).focus()

    def on_set_made(self, message: SetMade) -> None:
        self._say(
            f"Saved {message.count} questions as the set '{message.name}': "
            "choose it from your sets to practise."
        )

    def on_set_failed(self, message: SetFailed) -> None:
        self._problem(message.message)

    def _say(self, text: str) -> None:
        status = self.query_one("#status", Static)
        status.remove_class("-error")
        status.update(text)

    def _problem(self, text: str) -> None:
        status = self.query_one("#status", Static)
        status.add_class("-error")
        status.update(text)
