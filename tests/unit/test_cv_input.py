"""What ``cv`` accepts as a CV, what it refuses, and that odd files cost one clear line."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from voice_coach import authoring
from voice_coach.cli import main
from voice_coach.cv import (
    MAX_DOCUMENT_BYTES,
    DocumentError,
    parse_cv,
    read_document,
)
from voice_coach.cv_questions import cv_question_set
from voice_coach.errors import EXIT_BAD_INPUT, LimitError
from voice_coach.questions import available_sets

CVS = Path(__file__).resolve().parents[1] / "data" / "cvs"

CV = """Experience
Project Manager at Acme (2019 - 2022)
- Cut invoice time by 20% across Acme's three sites
- Led a team of five people through the migration
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def png(path: Path) -> Path:
    """A real (1x1) PNG: what a CV saved as a picture looks like."""
    raw = b"\x89PNG\r\n\x1a\n"

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    ihdr = (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    raw += chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("cv.png", None, "PNG image"),
        ("cv.docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4, "Word"),
        ("cv.txt", b"Project Manager at Acme\x00\x00\x01\x02" * 50, "binary data"),
        ("cv", bytes(range(1, 256)) * 40, "binary data"),
    ],
)
def test_a_binary_file_is_refused_with_what_to_do(
    tmp_path: Path, name: str, content: bytes | None, said: str
) -> None:
    path = tmp_path / name
    if content is None:
        png(path)
    else:
        path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert str(path) in message and "not a text file" in message and said in message
    assert "plain text" in message
    code, out, err = run("cv", str(path))
    assert code == EXIT_BAD_INPUT
    assert "not a text file" in err and "Traceback" not in err + out
    assert "\x00" not in err + out
    assert "my-cv" not in {s.name for s in available_sets()}


def test_a_broken_pdf_is_refused_even_without_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "cv-final"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    with pytest.raises(DocumentError, match=r"cannot read this PDF.*plain text"):
        read_document(path)


def test_a_huge_file_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(CV * (MAX_DOCUMENT_BYTES // len(CV) + 1))
    with pytest.raises(LimitError) as caught:
        read_document(path)
    assert str(path) in str(caught.value) and "MB" in str(caught.value)
    code, _, err = run("cv", str(path))
    assert code == EXIT_BAD_INPUT and "right file" in err


def test_a_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    bullets = "- Led a team of five people through the migration\n"
    path.write_text(CV + bullets * ((MAX_DOCUMENT_BYTES - len(CV)) // len(bullets)))
    roles = parse_cv(read_document(path))
    assert len(roles) == 1 and len(roles[0].bullets) > 10_000


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_the_usual_encodings_read_alike(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(CV.replace("Acme", "Acmé"), encoding=encoding)
    assert read_document(path) == CV.replace("Acme", "Acmé")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_every_line_ending_keeps_the_lines(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(CV.replace("\n", newline).encode())
    assert [r.bullets for r in parse_cv(read_document(path))] == [
        [
            "Cut invoice time by 20% across Acme's three sites",
            "Led a team of five people through the migration",
        ]
    ]


def test_control_sequences_never_reach_the_questions(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(CV.replace("Led a team", "Led a \x1b[2J\x1b]0;owned\x07team\x0c"))
    text = read_document(path)
    assert "\x1b" not in text and "\x07" not in text and "Led a team" in text
    questions = cv_question_set(text).questions
    assert not any(ch < " " for q in questions for ch in q.text)


def test_thousands_of_alike_bullets_are_numbered_in_order() -> None:
    bullets = "".join(f"- Led a team of {n % 7} people through the migration\n" for n in range(300))
    qs = cv_question_set(CV + bullets)
    seen: dict[str, int] = {}
    expected = []
    for q in qs.questions:
        base = authoring.slug(q.text)
        seen[base] = seen.get(base, 0) + 1
        expected.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    assert [q.id for q in qs.questions] == expected
    assert len({q.id for q in qs.questions}) == len(qs.questions) == 303


def test_a_bullet_wrapped_over_many_lines_is_one_bullet() -> None:
    wrapped = "- Led the migration of\n" + "    the billing system\n" * 500
    (role,) = parse_cv(CV + wrapped)
    assert role.bullets[-1] == "Led the migration of" + " the billing system" * 500
    assert len(role.bullets) == 3


@pytest.mark.parametrize(
    "header", ["| 2019 - 2020 |", "· , 2019 - 2020", "\t2019 - 2020\t", "jan" * 200 + " x"]
)
def test_odd_header_lines_do_not_break_the_reader(header: str) -> None:
    assert parse_cv(CV + header + "\n- Did some things there\n")[0].org == "Acme"


def test_shipped_example_cvs_still_give_their_roles() -> None:
    for path in sorted(CVS.iterdir()):
        roles = parse_cv(read_document(path))
        assert roles and all(r.org or r.title for r in roles), path.name


def test_a_folder_or_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="is a folder"):
        read_document(tmp_path)
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "missing.txt")
