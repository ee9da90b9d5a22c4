"""The CLI's one error boundary: any error is one line and an exit code; the traceback
goes to the log in the data folder, or to stderr with --debug."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from click.testing import CliRunner

from voice_coach.cli import main
from voice_coach.errors import LOG_NAME
from voice_coach.store import Store


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


def _break_sessions(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    def broken(self: Store) -> None:
        raise exc

    monkeypatch.setattr(Store, "sessions", broken)


def test_a_bug_is_one_line_and_its_traceback_is_logged(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    _break_sessions(monkeypatch, ZeroDivisionError("division by zero"))
    code, _, err = run("history")
    log = isolated_home / "data" / LOG_NAME
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "internal error (ZeroDivisionError: division by zero)" in err
    assert f"the details are in {log}" in err
    logged = log.read_text()
    assert "Traceback" in logged and "ZeroDivisionError" in logged and "history" in logged
    assert (log.stat().st_mode & 0o777) == 0o600


def test_debug_prints_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    _break_sessions(monkeypatch, ZeroDivisionError("division by zero"))
    code, _, err = run("--debug", "history")
    assert code == 1 and "Traceback" in err and "in broken" in err
    assert err.strip().splitlines()[-1].startswith("voice-coach: internal error")
    code, _, err = run("history", env={"VOICE_COACH_DEBUG": "1"})
    assert code == 1 and "Traceback" in err


def test_an_os_error_names_the_file_and_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    _break_sessions(monkeypatch, OSError(errno.ENOSPC, "No space left", "/mnt/full/x.db"))
    code, _, err = run("history")
    assert code == 1
    assert err == (
        "voice-coach: cannot use /mnt/full/x.db: the disk is full; free some space and try again\n"
    )


def test_input_errors_exit_2(tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_bytes(b"I led the team \xff\xfe")
    code, _, err = run("score", "--text-file", str(answer))
    assert code == 2 and err.count("\n") == 1
    assert f"{answer}: not UTF-8 text" in err


def test_with_the_data_folder_unusable_the_line_stands_alone(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    isolated_home.write_text("a file where the home folder should be")
    _break_sessions(monkeypatch, ZeroDivisionError("division by zero"))
    monkeypatch.setattr(Store, "__init__", lambda self: None)
    code, _, err = run("history")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "run with --debug for the details" in err
    assert isolated_home.read_text() == "a file where the home folder should be"


def test_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    _break_sessions(monkeypatch, KeyboardInterrupt())
    code, _, err = run("history")
    assert code == 130 and err == "voice-coach: interrupted\n"


def test_usage_errors_stay_clicks() -> None:
    code, _, err = run("history", "--no-such-option")
    assert code == 2 and "No such option" in err


def test_the_log_starts_over_when_large(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    log = isolated_home / "data" / LOG_NAME
    log.parent.mkdir(parents=True)
    log.write_text("old\n" * 300_000)
    _break_sessions(monkeypatch, ZeroDivisionError("division by zero"))
    run("history")
    assert log.stat().st_size < 100_000 and "ZeroDivisionError" in log.read_text()
    assert (log.parent / (LOG_NAME + ".1")).read_text().startswith("old\n")


def test_no_terminal_is_refused_before_anything_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    from voice_coach.tui.app import VoiceCoachApp

    started: list[object] = []
    monkeypatch.setattr(VoiceCoachApp, "run", lambda self: started.append(self))
    code, out, err = run()  # CliRunner's stdin and stdout are not a terminal
    assert code == 2 and not started and out == ""
    assert "needs a terminal" in err and err.count("\n") == 1


def test_a_session_number_beyond_64_bits_is_bad_input() -> None:
    for command in ("show", "export", "delete"):
        code, _, err = run(command, "9" * 25)
        assert code == 2 and err.count("\n") == 1
        assert err.startswith("voice-coach: a number is too large")


def test_an_unknown_or_empty_set_name_is_bad_input() -> None:
    code, _, err = run("sets", "show", "no-such-set")
    assert code == 2 and "no question set named 'no-such-set' (available: " in err
    code, _, err = run("sets", "show", "")
    assert code == 2 and err == "voice-coach: no set name given; voice-coach sets list shows them\n"
