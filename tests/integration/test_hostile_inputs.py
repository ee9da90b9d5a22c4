"""Hostile and broken inputs, run as a user would: each costs one clear line and the right
exit code, never a traceback, a lost file, a write outside the app's folders or a terminal
driven by a file's escape sequences.

The read-only homes are real read-only mounts (a tmpfs), because tests run as root, and
permission bits do not stop root from writing.
"""

from __future__ import annotations

import errno
import json
import os
import pty
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from voice_coach import locations
from voice_coach.cli import main

pytestmark = pytest.mark.integration

CVS = Path(__file__).resolve().parents[1] / "data" / "cvs"
CONTROL_BYTES = ("\x1b", "\x9b", "\x07", "\x9d", "\u202e")

GOOD_SET = """\
name = "good"
title = "A good set"

[[questions]]
id = "q1"
text = "Tell me about a time you fixed something."
"""

STORY = (
    "At my last company I led the migration to the new billing system. I planned the "
    "cut-over and ran the tests myself, and we switched with zero downtime."
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def one_clear_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("voice-coach: "), err
    return lines[0]


def _practise_once(set_name: str = "second-interview") -> int:
    from voice_coach.practice import PracticeSession
    from voice_coach.questions import load_question_set
    from voice_coach.store import Store

    store = Store()
    session = PracticeSession(load_question_set(set_name), store)
    session.finish_typed(STORY)
    session.finish()
    store.close()  # nothing left open: the folder can be made read-only
    return session.session_id


def _mount(target: Path, options: str) -> None:
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"{options},size=8m", "tmpfs", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (root and CAP_SYS_ADMIN needed): {done.stderr}")


def _unmount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


# ---- each command under each broken home -----------------------------------------------

HOMES = ("regular-file", "read-only-empty", "read-only-with-data")


@pytest.fixture(params=HOMES)
def broken_home(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, Path]]:
    kind: str = request.param
    if kind == "regular-file":
        home = tmp_path / "home"
        home.write_text("a file where the data folder should be")
        monkeypatch.setenv("VOICE_COACH_HOME", str(home))
        yield kind, home
        return
    mount = tmp_path / "mnt"
    home = mount / "home"
    monkeypatch.setenv("VOICE_COACH_HOME", str(home))
    try:
        if kind == "read-only-empty":
            _mount(mount, "ro")
        else:
            _mount(mount, "rw")
            _practise_once()
            locations.audio_dir()  # as after a spoken answer
            remount = subprocess.run(
                ["mount", "-o", "remount,ro", str(mount)], capture_output=True, check=False
            )
            assert remount.returncode == 0, remount.stderr
        yield kind, home
    finally:
        _unmount(mount)


@pytest.mark.parametrize(
    "command",
    [
        ("history",),
        ("history", "--json"),
        ("export", "1"),
        ("export", "--all", "--format", "json"),
        ("show", "1"),
        ("progress",),
        ("progress", "--by-question"),
    ],
    ids=" ".join,
)
def test_commands_needing_the_sessions_fail_in_one_line(
    broken_home: tuple[str, Path], command: tuple[str, ...]
) -> None:
    kind, home = broken_home
    code, out, err = run(*command)
    line = one_clear_line(err)
    assert code == 1 and out == ""
    if kind == "regular-file":
        assert f"cannot use {home}: a file is in the way" in line and "VOICE_COACH_HOME" in line
    elif kind == "read-only-empty":
        assert f"cannot use {home}: the file system is read-only" in line
    else:
        assert "voice_coach.db" in line


@pytest.mark.parametrize("command", [("sets", "list"), ("sets", "show", "panel")], ids=" ".join)
def test_set_commands_work_or_fail_in_one_line(
    broken_home: tuple[str, Path], command: tuple[str, ...]
) -> None:
    kind, home = broken_home
    code, out, err = run(*command)
    if kind == "read-only-with-data":  # the folders exist: reading sets needs no writing
        assert code == 0 and "panel" in out.lower() and err == ""
    else:
        line = one_clear_line(err)
        assert code == 1 and str(home) in line


def test_sets_check_and_score_need_no_home(broken_home: tuple[str, Path], tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(GOOD_SET)
    code, out, err = run("sets", "check", str(good))
    assert code == 0 and "ok (1 questions)" in out and err == ""
    code, out, err = run("score", "--text", STORY, "--json")
    assert code == 0 and json.loads(out)["transcript"] == STORY


def test_doctor_diagnoses_the_broken_home(broken_home: tuple[str, Path]) -> None:
    kind, home = broken_home
    code, out, err = run("doctor", "--json")
    assert "Traceback" not in err and "Traceback" not in out
    checks = {c["name"]: c for c in json.loads(out)}
    assert all("unexpected error" not in c["detail"] for c in checks.values())
    data = checks["Data directory"]
    assert code == 1
    assert data["status"] == "fail" and str(home) in data["detail"]
    assert "VOICE_COACH_HOME" in data["fix"]
    if kind == "regular-file":
        assert "a file is in the way" in data["detail"] and "move that file away" in data["fix"]
    else:
        assert "the file system is read-only" in data["detail"]
        assert "mount it read-write" in data["fix"]
    if kind == "read-only-with-data":  # the folder exists: the write test itself failed
        assert data["detail"].startswith(f"cannot write in {home / 'data' / 'audio'}: ")


# ---- parsing limits ---------------------------------------------------------------------

HUGE_INT = "9" * 5000
DEEP = "[" * 5000 + "]" * 5000


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (f"speech_rate = {HUGE_INT}", "over 4300 digits"),
        (f"speech_rate = {'9' * 30}", "out of range"),
        (f"nested = {DEEP}", "nested more than"),
        ("x = " + "{a = " * 200 + "1" + "}" * 200, "nested more than"),
    ],
    ids=["huge-int", "int-over-64-bits", "deep-array", "deep-table"],
)
def test_a_hostile_config_is_a_warning_and_doctor_still_runs(
    isolated_home: Path, line: str, reason: str
) -> None:
    config = isolated_home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(line + "\n")
    _, out, err = run("doctor", "--json")
    assert "Traceback" not in err
    settings = next(c for c in json.loads(out) if c["name"] == "Settings")
    assert settings["status"] == "warn" and reason in settings["detail"]
    assert "config.toml: not read" in settings["detail"]


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (f"level = {HUGE_INT}", "over 4300 digits"),
        (f"level = {DEEP}", "nested more than"),
    ],
    ids=["huge-int", "deep-array"],
)
def test_a_hostile_set_breaks_no_set_command(isolated_home: Path, extra: str, reason: str) -> None:
    folder = isolated_home / "config" / "question_sets"
    folder.mkdir(parents=True)
    bad = folder / "hostile.toml"
    bad.write_text(GOOD_SET.replace('name = "good"', 'name = "hostile"') + extra + "\n")
    code, out, err = run("sets", "list")
    assert code == 0 and err == ""
    assert f"hostile: INVALID: {bad}: " in out and reason in out
    assert "panel: " in out  # the others are still listed
    code, out, err = run("sets", "show", "hostile")
    assert code == 2 and reason in one_clear_line(err)
    code, out, err = run("sets", "check", str(bad))
    assert code == 2 and reason in one_clear_line(err)


def test_an_oversized_set_is_refused_by_size(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_text(GOOD_SET + "# " + "x" * (9 * 1024 * 1024) + "\n")
    code, _, err = run("sets", "check", str(big))
    assert code == 2 and "larger than the 8 MB a question set may be" in one_clear_line(err)


# ---- score --batch -----------------------------------------------------------------------


def _batch(tmp_path: Path, *lines: bytes) -> Path:
    path = tmp_path / "answers.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _line(answer: str) -> bytes:
    return json.dumps({"question": "Tell me about a success.", "answer": answer}).encode()


def test_a_deeply_nested_line_is_reported_and_the_rest_scored(tmp_path: Path) -> None:
    deep = b'{"answer": "x", "extra": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    shallow_but_deep = b'{"answer": "x", "extra": ' + b"[" * 40 + b"]" * 40 + b"}"
    batch = _batch(tmp_path, _line(STORY), deep, shallow_but_deep, _line("I work hard."))
    code, out, err = run("score", "--batch", str(batch))
    assert code == 2 and "Traceback" not in err
    results = [json.loads(line) for line in out.splitlines()]
    assert len(results) == 4
    assert results[0]["transcript"] == STORY and results[3]["transcript"] == "I work hard."
    assert results[1] == {"line": 2, "error": "nested more than 32 levels deep"}
    assert results[2] == {"line": 3, "error": "nested more than 32 levels deep"}
    assert err.splitlines() == [
        f"voice-coach: {batch}:2: nested more than 32 levels deep",
        f"voice-coach: {batch}:3: nested more than 32 levels deep",
    ]


def test_a_bom_on_the_first_line_is_accepted(tmp_path: Path) -> None:
    batch = _batch(tmp_path, b"\xef\xbb\xbf" + _line(STORY), _line("I work hard."))
    code, out, err = run("score", "--batch", str(batch))
    assert code == 0 and err == ""
    assert [json.loads(line)["transcript"] for line in out.splitlines()] == [STORY, "I work hard."]


def test_bad_lines_of_every_kind_are_reported_and_skipped(tmp_path: Path) -> None:
    batch = _batch(
        tmp_path,
        _line("first"),
        b'{"answer": "caf\xe9"}',  # Latin-1, not UTF-8
        b'{"answer": "' + b"a" * (1024 * 1024 + 10) + b'"}',
        b'{"answer": 1' + b"0" * 5000 + b"}",
        b'{"answer": "x", "kind": "no-such-kind"}',
        b"",
        _line("last"),
    )
    code, out, err = run("score", "--batch", str(batch))
    assert code == 2 and "Traceback" not in err
    results = [json.loads(line) for line in out.splitlines()]
    assert results[0]["transcript"] == "first" and results[-1]["transcript"] == "last"
    errors = {r["line"]: r["error"] for r in results if "error" in r}
    assert set(errors) == {2, 3, 4, 5}
    assert errors[2].startswith("not UTF-8")
    assert errors[3] == "line longer than 1 MB; skipped"
    assert "4300 digits" in errors[4]
    assert len(err.splitlines()) == 4


def _run_on_pty_stderr(args: list[str], tmp_path: Path) -> tuple[int, str, bytes]:
    """Run the real command with stderr on a pseudo-terminal: what a user's terminal shows."""
    master, slave = pty.openpty()
    stdout = tmp_path / "stdout.jsonl"  # a file, not a pipe nobody reads while the pty is
    with stdout.open("wb") as out_file:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=out_file, stderr=slave)
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            pytest.fail("the command gave no output for 120 s")
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        shown += chunk
    proc.wait(timeout=120)
    os.close(master)
    return proc.returncode, stdout.read_text(), shown


def _voice_coach() -> str:
    beside = Path(sys.executable).parent / "voice-coach"
    found = str(beside) if beside.exists() else shutil.which("voice-coach")
    if found is None:
        pytest.skip("the voice-coach command is not installed (pip install -e .)")
    return found


def test_a_long_batch_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    batch = _batch(tmp_path, *[_line(f"Answer number {i}: I work hard.") for i in range(40)])
    command = [_voice_coach(), "score", "--batch", str(batch)]
    code, out, shown = _run_on_pty_stderr(command, tmp_path)
    assert code == 0 and len(out.splitlines()) == 40
    assert b"Scoring" in shown and b"100%" in shown
    code, out, shown = _run_on_pty_stderr([*command, "--json"], tmp_path)
    assert code == 0 and len(out.splitlines()) == 40 and shown == b""
    code, out, err = run("score", "--batch", str(batch))  # stderr not a terminal
    assert code == 0 and err == ""


# ---- safe names and paths ----------------------------------------------------------------

HOSTILE_NAMES = {
    "parent": "../../x",
    "absolute": "/tmp/voice-coach-hostile-name",
    "slash": "a/b",
    "escape": "esc\x1b[31mred",
    "newline": "two\nlines",
    "dot": ".",
    "dotdot": "..",
    "hidden": ".hidden",
    "long": "a" * 300,
    "empty": "",
}


@pytest.mark.parametrize("name", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_hostile_set_names_are_refused(isolated_home: Path, tmp_path: Path, name: str) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("- What is your biggest weakness?\n- Tell me about a time you failed.\n")
    before = sorted(tmp_path.rglob("*"))
    for command in (
        ("sets", "import", str(notes), "--name", name, "--force"),
        ("cv", str(CVS / "plain.txt"), "--name", name, "--force"),
    ):
        code, out, err = run(*command)
        line = one_clear_line(err)
        assert code == 2 and out == ""
        assert "is not allowed" in line and "letters, digits, spaces, '-', '_' or '.'" in line
        assert not any(ch in line for ch in (*CONTROL_BYTES, "\n"))
    assert sorted(tmp_path.rglob("*")) == before  # nothing written anywhere
    assert not Path("/tmp/voice-coach-hostile-name.toml").exists()


def test_a_name_in_another_alphabet_is_fine(isolated_home: Path) -> None:
    code, out, _ = run("cv", str(CVS / "plain.txt"), "--name", "été-2025")
    assert code == 0 and "saved as set 'été-2025'" in out
    code, out, err = run("cv", str(CVS / "plain.txt"), "--name", "été-2025")
    assert code == 1 and "exists already; choose another name or use --force" in err


def test_export_never_overwrites_without_force(tmp_path: Path) -> None:
    _practise_once()
    target = tmp_path / "report.md"
    target.write_text("my own notes")
    code, out, err = run("export", "1", "-o", str(target))
    assert code == 2 and out == ""
    assert one_clear_line(err) == f"voice-coach: {target} exists already; use --force to replace it"
    assert target.read_text() == "my own notes"
    code, out, err = run("export", "1", "-o", str(target), "--force")
    assert code == 0 and target.read_text().startswith("# Second interview")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "vc-home") == ["report.md"]


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_export_onto_the_apps_own_data_is_refused(tmp_path: Path, force: bool) -> None:
    from voice_coach import locations
    from voice_coach.store import Store

    _practise_once()
    database = locations.database_file()
    before = database.read_bytes()
    link = tmp_path / "innocent.md"
    link.symlink_to(database)
    for target in (database, link, locations.config_file()):
        code, out, err = run("export", "1", "-o", str(target), *(["--force"] if force else []))
        assert code == 2 and out == ""
        assert "voice-coach's own data" in one_clear_line(err)
    assert database.read_bytes() == before
    assert len(Store().sessions()) == 1


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "full"
    _mount(mount, "rw")
    try:
        yield mount
    finally:
        _unmount(mount)


def test_export_on_a_full_disk_keeps_the_old_file(full_disk: Path) -> None:
    _practise_once()
    target = full_disk / "report.md"
    target.write_text("the export from last week")
    filler = os.open(full_disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(filler, b"\0" * 4096):
            pass
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(filler)
    code, out, err = run("export", "1", "-o", str(target), "--force")
    assert code == 1 and out == ""
    line = one_clear_line(err)
    assert (
        line == f"voice-coach: cannot use {target}: the disk is full; free some space and try again"
    )
    assert target.read_text() == "the export from last week"
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "report.md"]


EVIL_SET = """\
name = "evil"
title = "Evil \\u001b]0;pwned\\u0007 set \\u001b[2J"
description = "Line one\\u001b[31m\\nline two"

[[interviewers]]
id = "mal"
name = "Mal \\u001b[31mRED\\u001b[0m \\u009b2J"
role = "Hiring \\u001b]52;c;aGk=\\u0007manager"
interests = ["delivery\\u001b[5m"]

[[questions]]
id = "q1"
text = "Tell me about \\u202ea time\\u001b[8m you failed."
interviewer = "mal"
expects = ["example", "what you \\u001b[1mlearnt"]
"""


def test_control_sequences_in_a_set_are_never_printed(isolated_home: Path) -> None:
    folder = isolated_home / "config" / "question_sets"
    folder.mkdir(parents=True)
    (folder / "evil.toml").write_text(EVIL_SET)
    shown: list[str] = []
    code, out, err = run("sets", "show", "evil")
    assert code == 0 and err == ""
    assert "interviewer Mal RED  (Hiring manager): delivery" in out
    assert "Line one\nline two" in out
    shown.append(out)
    code, out, _ = run("sets", "list")
    assert code == 0 and "evil: Evil  set  (1 questions, user)" in out
    shown.append(out)
    _practise_once("evil")
    for command in (("history",), ("show", "1"), ("export", "1"), ("progress", "--by-question")):
        code, out, err = run(*command)
        assert code == 0, err
        shown.append(out + err)
    code, out, _ = run("score", "--set", "evil", "--question-id", "q1", "--text", STORY)
    assert code == 0
    shown.append(out)
    for text in shown:
        assert not any(ch in text for ch in CONTROL_BYTES), repr(text)


# ---- no terminal -------------------------------------------------------------------------


def test_the_app_without_a_terminal_says_so(tmp_path: Path) -> None:
    output = tmp_path / "out.txt"
    with output.open("wb") as out:
        done = subprocess.run(
            [_voice_coach()],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert "the practice app needs a terminal" in err
    assert output.read_bytes() == b""


def test_the_app_with_output_to_a_file_says_so(tmp_path: Path) -> None:
    """As under nohup: the keyboard is there, the screen is a file."""
    master, slave = pty.openpty()
    try:
        done = subprocess.run(
            [_voice_coach()],
            stdin=slave,
            stdout=(tmp_path / "nohup.out").open("wb"),
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(slave)
        os.close(master)
    assert done.returncode == 2 and b"needs a terminal" in done.stderr


def test_the_app_on_a_broken_home_says_so(tmp_path: Path) -> None:
    """In a terminal, with the data home a regular file: one line before the app starts."""
    home = tmp_path / "home"
    home.write_text("a file where the data folder should be")
    master, slave = pty.openpty()
    try:
        done = subprocess.run(
            [_voice_coach()],
            stdin=slave,
            stdout=slave,
            stderr=subprocess.PIPE,
            env={**os.environ, "VOICE_COACH_HOME": str(home)},
            timeout=120,
            check=False,
        )
    finally:
        os.close(slave)
        os.close(master)
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err and len(err.splitlines()) == 1
    assert f"cannot use {home}: a file is in the way" in err
