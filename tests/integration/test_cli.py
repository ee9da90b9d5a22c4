"""The command line, run as a user would: JSON shapes, plain output, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile
from click.testing import CliRunner

from tests.conftest import speech_file, speech_transcript
from tests.helpers import wer
from voice_coach.cli import main

pytestmark = pytest.mark.integration


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_transcribe_json_shape() -> None:
    path = speech_file("platforms_en.flac")
    code, out, _ = run("transcribe", "--json", str(path))
    assert code == 0
    (item,) = json.loads(out)
    assert set(item) == {"file", "text", "duration_s", "segments", "unread"}
    assert item["file"] == str(path)
    assert wer(speech_transcript("platforms_en.flac"), item["text"]) < 0.15
    assert item["duration_s"] == pytest.approx(4.46, abs=0.1)
    seg = item["segments"][0]
    assert set(seg) == {"start", "end", "text", "words"}
    word = seg["words"][0]
    assert set(word) == {"start", "end", "word"}
    assert 0 <= word["start"] <= word["end"] <= item["duration_s"]


def test_transcribe_plain_text_several_files() -> None:
    a, b = speech_file("jfk.flac"), speech_file("platforms_en.flac")
    code, out, _ = run("transcribe", str(a), str(b))
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith(f"{a}: ") and "fellow Americans" in lines[0]
    assert lines[1].startswith(f"{b}: ")


def test_transcribe_silence_gives_no_text(tmp_path: Path) -> None:
    silent = tmp_path / "silence.wav"
    soundfile.write(str(silent), np.zeros(16000 * 4, dtype=np.float32), 16000)
    code, out, _ = run("transcribe", "--json", str(silent))
    assert code == 0
    (item,) = json.loads(out)
    assert item["text"] == "" and item["segments"] == []


def test_transcribe_unreadable_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "notes.flac"
    bad.write_text("this is not audio")
    code, _out, err = run("transcribe", str(bad))
    assert code == 1
    assert "Traceback" not in err and err.count("\n") == 1
    assert "not a readable audio file" in err


def test_missing_model_name_fails_clearly() -> None:
    code, _, err = run("transcribe", "--model", "no-such-model.en", str(speech_file("jfk.flac")))
    assert code == 1
    assert "cannot load the speech model 'no-such-model.en'" in err
    assert "Traceback" not in err


def test_missing_model_directory_fails_clearly(tmp_path: Path) -> None:
    code, _, err = run(
        "transcribe", "--model", str(tmp_path / "nope"), str(speech_file("jfk.flac"))
    )
    assert code == 1 and "does not exist" in err


def test_corrupt_model_directory_fails_clearly(tmp_path: Path) -> None:
    broken = tmp_path / "model"
    broken.mkdir()
    (broken / "model.bin").write_bytes(b"garbage")
    code, _, err = run("transcribe", "--model", str(broken), str(speech_file("jfk.flac")))
    assert code == 1 and "cannot be read" in err and "Traceback" not in err


def test_score_text_json_shape() -> None:
    answer = (
        "In my last job our support queue had a backlog of four hundred tickets. "
        "I set up a triage rota and I wrote macros for the top ten issues, "
        "and within a month the backlog was under fifty."
    )
    code, out, _ = run(
        "score", "--text", answer, "--question", "Tell me about a success.", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert {"transcript", "concrete_example", "flags", "metrics"} <= set(data)
    assert data["transcript"] == answer
    assert data["concrete_example"] is True
    assert set(data["metrics"]) >= {"words", "duration_s", "wpm"}
    assert data["metrics"]["words"] == len(answer.split())
    for flag in data["flags"]:
        assert {"code", "message", "spans"} <= set(flag)
        for start, end in flag["spans"]:
            assert 0 <= start < end <= len(answer)


def test_score_audio_file_has_duration_and_pace() -> None:
    code, out, _ = run("score", str(speech_file("jfk.flac")), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["concrete_example"] is False
    # Pace is measured over the time spent speaking, as in the app: from the first word to
    # the last of the 11 s recording, not its silence before and after.
    assert 9.0 < data["metrics"]["duration_s"] < 11.0
    assert data["metrics"]["wpm"] == pytest.approx(
        data["metrics"]["words"] / data["metrics"]["duration_s"] * 60, rel=0.01
    )
    codes = {f["code"] for f in data["flags"]}
    assert codes, "an answer with no example must say what is missing"


def test_score_batch(tmp_path: Path) -> None:
    batch = tmp_path / "answers.jsonl"
    batch.write_text(
        json.dumps({"question": "Q1", "answer": "I am a hard worker and a team player."})
        + "\n"
        + json.dumps(
            {
                "question": "Q2",
                "answer": (
                    "At my last company I led the migration to the new billing system. "
                    "I planned the cut-over and I ran the tests myself, and we switched "
                    "with zero downtime and cut invoice errors by half."
                ),
            }
        )
        + "\n"
    )
    code, out, _ = run("score", "--batch", str(batch))
    assert code == 0
    first, second = (json.loads(line) for line in out.strip().splitlines())
    assert first["concrete_example"] is False and second["concrete_example"] is True


def test_score_batch_bad_line_is_reported(tmp_path: Path) -> None:
    batch = tmp_path / "answers.jsonl"
    batch.write_text('{"answer": "fine"}\nnot json\n')
    code, out, err = run("score", "--batch", str(batch))
    assert code == 2
    assert f"{batch}:2:" in err
    assert len(out.strip().splitlines()) == 2


def test_score_needs_exactly_one_input() -> None:
    code, _, err = run("score")
    assert code == 2 and "exactly one" in err


def test_history_json_after_typed_practice() -> None:
    from voice_coach.practice import PracticeSession
    from voice_coach.questions import load_question_set
    from voice_coach.store import Store

    session = PracticeSession(load_question_set("second-interview"), Store())
    session.finish_typed("I always work hard.")
    session.finish()
    code, out, _ = run("history", "--json")
    assert code == 0
    (s,) = json.loads(out)
    assert s["set"] == "second-interview" and s["answers"] == 1 and s["flagged"] == 1
    assert s["skipped"] == 0
    (a,) = s["attempts"]
    assert a["status"] == "typed" and a["transcript"] == "I always work hard."
    assert a["concrete_example"] is False
    assert (a["outcome"], a["needs_work"], a["kind"]) == ("needs_work", True, "story")


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and "voice-coach" in out
    for command in ("transcribe", "score", "history"):
        code, out, _ = run(command, "--help")
        assert code == 0 and "Usage" in out
