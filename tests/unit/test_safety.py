"""Reading, parsing, writing and printing what comes from outside the app, within limits."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from voice_coach.errors import InputError, LimitError, explain
from voice_coach.safety import (
    MAX_DEPTH,
    TooComplex,
    check_output,
    load_json,
    load_toml,
    printable,
    read_text,
    refuse_app_data,
    write_atomic,
)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain words", "plain words"),
        ("Mal \x1b[31mRED\x1b[0m", "Mal RED"),
        ("clear \x1b[2J\x1b[H screen", "clear  screen"),
        ("title \x1b]0;pwned\x07 set", "title  set"),
        ("link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\", "link here"),
        ("clipboard \x1b]52;c;aGk=\x07!", "clipboard !"),
        ("8-bit \x9b31mCSI", "8-bit CSI"),
        ("dcs \x1bPq#0;2;0;0;0\x1b\\ end", "dcs  end"),
        ("bell\x07 back\x08space del\x7f", "bell backspace del"),
        ("two\nlines\r\nand\ttab", "two lines and tab"),
        ("bidi \u202egnp.exe", "bidi gnp.exe"),
        ("unterminated \x1b[31", "unterminated "),
        ("café ✔ naïve – ok", "café ✔ naïve – ok"),
    ],
)
def test_printable_removes_control_sequences(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_printable_keeps_lines_when_asked() -> None:
    assert printable("a\x1b[1m\r\nb\n\x1b[31mc", lines=True) == "a\nb\nc"


def test_toml_nesting_and_numbers_are_limited() -> None:
    deep = "a = " + "[" * 5000 + "]" * 5000
    with pytest.raises(TooComplex, match="nested more than"):
        load_toml(deep)
    just_too_deep = "a = " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    with pytest.raises(TooComplex, match="nested more than"):
        load_toml(just_too_deep)
    assert load_toml("a = " + "[" * 3 + "1" + "]" * 3) == {"a": [[[1]]]}
    with pytest.raises(TooComplex, match="over 4300 digits"):
        load_toml("a = " + "9" * 5000)
    with pytest.raises(TooComplex, match="23 digits"):
        load_toml("a = 99999999999999999999999")
    assert load_toml(f"a = {2**63 - 1}\nb = {-(2**63)}") == {"a": 2**63 - 1, "b": -(2**63)}


def test_json_nesting_and_numbers_are_limited() -> None:
    with pytest.raises(TooComplex, match="nested more than"):
        load_json('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(TooComplex, match="nested more than"):
        load_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    with pytest.raises(TooComplex, match="over 4300 digits"):
        load_json("1" * 5000)
    with pytest.raises(TooComplex, match="out of range"):
        load_json('{"n": 1' + "0" * 30 + "}")
    with pytest.raises(ValueError):
        load_json("{not json")
    assert load_json('{"answer": "fine", "n": [1, 2]}') == {"answer": "fine", "n": [1, 2]}


def test_read_text_refuses_large_and_non_utf8_files(tmp_path: Path) -> None:
    path = tmp_path / "set.toml"
    path.write_bytes(b"\xef\xbb\xbfname = 'x'")
    assert read_text(path, 100, "question set") == "name = 'x'"  # the BOM dropped
    path.write_bytes(b"x" * 101)
    with pytest.raises(LimitError, match=r"set\.toml: larger than the .* question set may be"):
        read_text(path, 100, "question set")
    path.write_bytes(b"caf\xe9")
    with pytest.raises(InputError, match=r"set\.toml: not UTF-8 text \(byte 3 is 0xe9\)"):
        read_text(path, 100, "question set")


def test_write_atomic_never_overwrites_without_asking(tmp_path: Path) -> None:
    path = tmp_path / "export.md"
    write_atomic(path, "first", overwrite=False)
    assert path.read_text() == "first"
    assert (path.stat().st_mode & 0o777) == 0o600
    with pytest.raises(InputError, match="exists already; use --force"):
        write_atomic(path, "second", overwrite=False)
    assert path.read_text() == "first"
    write_atomic(path, "second", overwrite=True)
    assert path.read_text() == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.md"]  # no temporary left


def test_write_atomic_leaves_the_old_file_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "export.md"
    path.write_text("the old export")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError) as caught:
        write_atomic(path, "the new export", overwrite=True)
    assert caught.value.filename == str(path)  # named after the user's file, not the temporary
    assert "the disk is full" in explain(caught.value).line
    assert path.read_text() == "the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.md"]


def test_output_checks(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        check_output(tmp_path, overwrite=True)
    with pytest.raises(InputError, match="is not a folder; create it first"):
        check_output(tmp_path / "missing" / "x.md", overwrite=False)
    check_output(tmp_path / "new.md", overwrite=False)


def test_the_apps_own_data_is_refused(isolated_home: Path, tmp_path: Path) -> None:
    from voice_coach import locations

    database = locations.database_file()
    with pytest.raises(InputError, match="voice-coach's own data"):
        refuse_app_data(database)
    link = tmp_path / "innocent.md"
    link.symlink_to(database)
    with pytest.raises(InputError, match="voice-coach's own data"):
        refuse_app_data(link)
    with pytest.raises(InputError, match="voice-coach's own data"):
        refuse_app_data(locations.config_dir() / "question_sets" / "x.toml")
    refuse_app_data(tmp_path / "report.md")


def test_os_errors_name_the_file_and_the_fix(tmp_path: Path, isolated_home: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    ours = OSError(errno.ENOTDIR, "Not a directory", str(isolated_home / "data"))
    isolated_home.parent.mkdir(exist_ok=True)
    isolated_home.write_text("a file where the home should be")
    problem = explain(ours)
    assert problem.exit_code == 1
    assert problem.line.startswith(f"cannot use {isolated_home}: a file is in the way")
    assert "VOICE_COACH_HOME" in problem.line
    theirs = explain(PermissionError(errno.EACCES, "Permission denied", str(blocker)))
    assert theirs.line == f"cannot use {blocker}: permission denied; " + (
        "check that it is readable and writable by you"
    )
    assert "VOICE_COACH_HOME" not in theirs.line


def test_a_bug_is_reported_as_one_and_not_expected() -> None:
    problem = explain(ZeroDivisionError("division by zero"))
    assert not problem.expected and problem.exit_code == 1
    assert problem.line == "internal error (ZeroDivisionError: division by zero); this is a bug"
