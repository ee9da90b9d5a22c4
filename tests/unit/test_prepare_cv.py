"""The CV and job remembered, the readiness command, and the screen that shows readiness
and makes a set: each on the same domain code, each with errors in one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.app import App
from textual.widgets import Input, Static

from tests.pdf_maker import write_pdf
from tests.unit.test_screens_standalone import (
    SIZE,
    StubTranscriber,
    StubVoice,
    assert_tables_fit,
    flat,
    shown,
)
from voice_coach.cli import main
from voice_coach.config import Settings
from voice_coach.cv import DocumentError, read_document
from voice_coach.cv_questions import cv_question_set
from voice_coach.errors import EXIT_BAD_INPUT
from voice_coach.preparation import save_document, saved_text
from voice_coach.questions import load_question_set
from voice_coach.store import Store
from voice_coach.tui.prepare_cv import PrepareCvScreen
from voice_coach.tui.services import Services

DATA = Path(__file__).resolve().parents[1] / "data"
CV = DATA / "cvs" / "finance_ops.md"
JOB = DATA / "jobs" / "finance_ops.md"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --- Remembered documents --------------------------------------------------------------------


def test_a_document_is_remembered_as_its_text_pdf_included(tmp_path: Path) -> None:
    assert saved_text("cv") is None and saved_text("job") is None
    pdf = write_pdf(tmp_path / "cv.pdf", ["Analyst at Acme (2019 - 2022)", "- Built a report"])
    where = save_document("cv", pdf)
    assert where.read_text().startswith("Analyst at Acme (2019 - 2022)")
    assert saved_text("cv") == where.read_text() and oct(where.stat().st_mode)[-3:] == "600"
    save_document("job", JOB)
    assert "SAP S/4HANA" in (saved_text("job") or "")
    pdf.unlink()
    assert saved_text("cv") is not None  # the text was kept, not the path


def test_a_file_that_cannot_be_read_leaves_the_saved_one_alone(tmp_path: Path) -> None:
    save_document("cv", CV)
    with pytest.raises(DocumentError):
        save_document("cv", tmp_path / "missing.md")
    assert "Halden Foods" in (saved_text("cv") or "")


# --- The command line --------------------------------------------------------------------------


def test_cv_remembers_both_documents_and_readiness_uses_them() -> None:
    code, out, _ = run("cv", str(CV), "--job", str(JOB), "--name", "finance")
    assert code == 0 and "saved as set 'finance'" in out and "remembered" in out
    qs = load_question_set("finance")
    assert any("SAP S/4HANA, and your CV says basic" in q.text for q in qs.questions)
    code, out, err = run("readiness")
    assert code == 0 and err == ""
    assert "7 requirements: 2 with strong evidence on your CV, 3 thin, 2 with none." in out
    lines = out.splitlines()
    sap = lines.index("  Hands-on experience of SAP S/4HANA in a finance function (essential)")
    assert lines[sap + 1] == "      your CV: SAP S/4HANA (basic)"
    assert (
        lines.index("No evidence") < lines.index("Thin evidence") < lines.index("Strong evidence")
    )
    assert "**" not in out and "](" not in out
    # Later runs use what was saved, and say so.
    code, out, _ = run("cv", "--name", "again")
    assert code == 0 and "Using the CV you saved before." in out
    assert len(load_question_set("again").questions) == len(qs.questions)


def test_readiness_as_json_from_files_given() -> None:
    code, out, _ = run("readiness", "--cv", str(CV), "--job", str(JOB), "--json")
    assert code == 0
    rows = json.loads(out)
    sap = next(r for r in rows if "SAP" in r["requirement"])
    assert sap == {
        "requirement": "Hands-on experience of SAP S/4HANA in a finance function",
        "essential": True,
        "level": "thin",
        "label": "thin evidence",
        "evidence": ["SAP S/4HANA (basic)"],
        "qualifier": "basic",
    }
    assert saved_text("cv") is None  # readiness reads; it does not remember


def test_no_save_keeps_the_documents_out() -> None:
    code, out, _ = run("cv", str(CV), "--job", str(JOB), "--no-save")
    assert code == 0 and "remembered" not in out
    assert saved_text("cv") is None and saved_text("job") is None


def test_readiness_with_nothing_saved_is_one_clear_line(tmp_path: Path) -> None:
    code, out, err = run("readiness")
    assert code == EXIT_BAD_INPUT and out == ""
    assert err.strip() == (
        "voice-coach: no CV given and none saved; give one with --cv FILE "
        "(voice-coach cv CV --job JOB remembers both)"
    )
    advert = tmp_path / "job.txt"
    advert.write_text("We are a friendly team in Leeds.\nFree fruit and a pension.\n")
    code, _, err = run("readiness", "--cv", str(CV), "--job", str(advert))
    assert code == EXIT_BAD_INPUT and "no requirements found in the job description" in err


# --- The screen ----------------------------------------------------------------------------------


class Bare(App[None]):
    def __init__(self, screen: PrepareCvScreen) -> None:
        super().__init__()
        self.first = screen

    def on_mount(self) -> None:
        self.push_screen(self.first)


def services(tmp_path: Path) -> Services:
    return Services(
        store=Store(tmp_path / "store"),
        transcriber=StubTranscriber(),  # type: ignore[arg-type]
        voice=StubVoice(),  # type: ignore[arg-type]
        settings=Settings(speak_questions=False),
        typed=True,
    )


def status(app: App[None]) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def test_the_screen_shows_readiness_and_makes_a_named_set(tmp_path: Path) -> None:
    screen = PrepareCvScreen(services(tmp_path))
    app = Bare(screen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#cv-path", Input).value = str(CV)
        app.screen.query_one("#job-path", Input).value = str(JOB)
        app.screen.query_one("#cv-path", Input).focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "7 requirements, 5 with thin or no evidence" in status(app)
        drawn = flat(shown(app))
        assert "no evidence" in drawn and "thin evidence" in drawn
        assert "Confident presenting to senior stakeholders" in drawn
        assert_tables_fit(app)
        footer = shown(app).splitlines()[-1]
        assert "enter" in footer.lower() and "make" in footer.lower()
        assert "SAP S/4HANA" in (saved_text("job") or "")  # remembered for the next time
        name = app.screen.query_one("#set-name", Input)
        name.value = "carrow-prep"
        name.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        made = load_question_set("carrow-prep")
        expected = cv_question_set(read_document(CV), job_text=read_document(JOB))
        assert [q.text for q in made.questions] == [q.text for q in expected.questions]
        assert f"Saved {len(made.questions)} questions as the set 'carrow-prep'" in status(app)
        assert any("your CV says basic" in q.text for q in made.questions)
        # The same name again is refused inline, before any work.
        await pilot.press("enter")
        await pilot.pause()
        assert "A set called 'carrow-prep' exists already" in status(app)


async def test_a_bad_path_is_shown_beside_the_fields(tmp_path: Path) -> None:
    app = Bare(PrepareCvScreen(services(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Give the path of your CV" in status(app)
        app.screen.query_one("#cv-path", Input).value = str(tmp_path / "nowhere.pdf")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "nowhere.pdf: no such file" in status(app)
        assert app.screen.query_one("#status", Static).has_class("-error")
        app.screen.query_one("#set-name", Input).focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Read your CV first" in status(app)
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_the_screen_opens_on_the_saved_documents(tmp_path: Path) -> None:
    save_document("cv", CV)
    save_document("job", JOB)
    app = Bare(PrepareCvScreen(services(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "7 requirements" in status(app)
        assert "saved before" in app.screen.query_one("#cv-path", Input).placeholder
