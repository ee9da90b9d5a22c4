"""200 randomly corrupted question sets: each loads or is refused with a reason, never a crash.

People edit these files by hand, save them from odd editors, and copy them between
machines. Whatever arrives, the loader must answer with a set or with a
:class:`QuestionSetError` naming the file, never a traceback.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from voice_coach.cli import main
from voice_coach.errors import QuestionSetError
from voice_coach.questions import (
    QuestionSet,
    available_sets,
    load_question_set,
    load_question_set_file,
    shipped_dir,
    user_dir,
)

SEED = 20240607
CASES = 200
SHIPPED = sorted(shipped_dir().glob("*.toml"))

Mutation = Callable[[random.Random, bytes], bytes]


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _delete(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data) + 1)
    return data[:start] + data[start + rng.randint(1, 200) :]


def _insert(rng: random.Random, data: bytes) -> bytes:
    junk = rng.choice(
        [
            bytes(rng.randrange(256) for _ in range(rng.randint(1, 40))),
            b"[[questions]]\n",
            b"\n[interviewers]\n",
            b'"',
            b"\x00",
            b"= = =",
            b"\r\n",
            b"\n[[questions]]\nid = 7\n",
        ]
    )
    at = rng.randrange(len(data) + 1)
    return data[:at] + junk + data[at:]


def _swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 5)):
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _drop_key(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    keyed = [i for i, line in enumerate(lines) if re.match(rb"\s*\w+\s*=", line)]
    for i in sorted(rng.sample(keyed, min(len(keyed), rng.randint(1, 3))), reverse=True):
        del lines[i]
    return b"\n".join(lines)


WRONG_VALUES = [
    b"42",
    b"-1.5e300",
    b"true",
    b"[]",
    b"[1, 2, 3]",
    b'["a", 1]',
    b"{ a = 1 }",
    b"1979-05-27T07:32:00Z",
    b'""',
    b"99999999999999999999999999999",
    b'[[["deep"]]]',
    b"nan",
]


def _wrong_type(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    keyed = [i for i, line in enumerate(lines) if re.match(rb"\s*\w+\s*=", line)]
    if not keyed:
        return data
    i = rng.choice(keyed)
    key = lines[i].split(b"=", 1)[0]
    lines[i] = key + b"= " + rng.choice(WRONG_VALUES)
    return b"\n".join(lines)


def _duplicate_ids(rng: random.Random, data: bytes) -> bytes:
    ids = re.findall(rb'^id\s*=\s*"([^"]*)"', data, flags=re.M)
    if len(ids) < 2:
        return data
    return re.sub(rb'^id\s*=\s*"[^"]*"', b'id = "' + rng.choice(ids) + b'"', data, flags=re.M)


def _invalid_utf8(rng: random.Random, data: bytes) -> bytes:
    bad = rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe2\x82", b"\x80\x80", b"\xf8\x88"])
    at = rng.randrange(len(data) + 1)
    return data[:at] + bad + data[at:]


def _empty(rng: random.Random, data: bytes) -> bytes:
    return rng.choice([b"", b"\n", b"   \n\t\n", b"# only a comment\n", b"\xef\xbb\xbf"])


def _huge_string(rng: random.Random, data: bytes) -> bytes:
    huge = rng.choice([b"x", b"Tell me about ", "\u00e9\u4e2d".encode()]) * rng.randint(
        10_000, 200_000
    )
    return re.sub(rb'^text\s*=\s*"[^"\n]*"', b'text = "' + huge + b'"', data, count=1, flags=re.M)


def _deep_nesting(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([50, 500, 2000, 20_000])
    key = rng.choice([b"questions", b"key_terms", b"name", b"extra"])
    if rng.random() < 0.5:
        value = b"[" * depth + b"]" * depth
    else:
        value = b"{ a = " * depth + b"1" + b" }" * depth
    return key + b" = " + value + b"\n" + data


def _bom_and_crlf(rng: random.Random, data: bytes) -> bytes:
    out = data.replace(b"\n", b"\r\n") if rng.random() < 0.5 else data
    return b"\xef\xbb\xbf" + out


def _unknown_interviewer(rng: random.Random, data: bytes) -> bytes:
    header = b'[[interviewers]]\nid = "someone"\nname = "Someone"\n\n'
    with_person = (
        data
        if b"[[interviewers]]" in data
        else data.replace(b"[[questions]]", header + b"[[questions]]", 1)
    )
    return re.sub(
        rb'^(id\s*=\s*"[^"]*")', rb'\1\ninterviewer = "nobody"', with_person, count=2, flags=re.M
    )


def _duplicate_tables(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    return b"\n".join(lines[: i + 1] + lines[: rng.randint(1, 8)] + lines[i + 1 :])


MUTATIONS: list[Mutation] = [
    _truncate,
    _flip,
    _delete,
    _insert,
    _swap_lines,
    _drop_key,
    _wrong_type,
    _duplicate_ids,
    _invalid_utf8,
    _empty,
    _huge_string,
    _deep_nesting,
    _bom_and_crlf,
    _unknown_interviewer,
    _duplicate_tables,
]


def _corpus() -> list[tuple[str, bytes, list[str]]]:
    """(case id, corrupted bytes, names of the mutations applied), the same on every run."""
    rng = random.Random(SEED)
    originals = [(p.stem, p.read_bytes()) for p in SHIPPED]
    cases = []
    for n in range(CASES):
        stem, data = rng.choice(originals)
        # Every mutation at least once as the first of its case, then random stacks of 1-3.
        first = MUTATIONS[n % len(MUTATIONS)]
        chain = [first] + [rng.choice(MUTATIONS) for _ in range(rng.randint(0, 2))]
        for mutate in chain:
            data = mutate(rng, data)
        cases.append((f"{n:03d}-{stem}", data, [m.__name__ for m in chain]))
    return cases


CORPUS = _corpus()


def _assert_refused_with_reason(error: QuestionSetError, path: Path) -> None:
    message = str(error)
    assert str(path) in message, f"the error does not name the file: {message[:300]}"
    # The file, then a reason: "FILE: not valid TOML: ..." or "FILE:12: questions.1.id: ...".
    reason = message.split(str(path), 1)[1].lstrip(":0123456789 ")
    assert len(reason) >= 5, f"no reason given: {message[:300]}"
    assert "Traceback" not in message


def test_the_corpus_really_corrupts() -> None:
    """The generator must produce both kinds, or the test below proves little."""
    refused = 0
    for _, data, _ in CORPUS:
        try:
            QuestionSet.model_validate(tomllib.loads(data.decode("utf-8")))
        except Exception:
            refused += 1
    assert len(CORPUS) == CASES and len(SHIPPED) >= 8
    assert refused >= CASES * 0.6, refused
    assert {n for _, _, names in CORPUS for n in names} == {m.__name__ for m in MUTATIONS}


@pytest.mark.parametrize(("case_id", "data", "mutations"), CORPUS, ids=[c[0] for c in CORPUS])
def test_corrupted_set_loads_or_is_refused_with_a_reason(
    case_id: str, data: bytes, mutations: list[str]
) -> None:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"fuzz-{case_id}"
    path = folder / f"{name}.toml"
    path.write_bytes(data)

    try:
        loaded = load_question_set_file(path)
    except QuestionSetError as exc:
        _assert_refused_with_reason(exc, path)
        loaded = None
    else:
        assert isinstance(loaded, QuestionSet) and loaded.questions

    # The same file reached by name, as the app and `--set NAME` do, after listing the sets.
    assert name in {s.name for s in available_sets()}
    try:
        by_name = load_question_set(name)
    except QuestionSetError as exc:
        assert loaded is None, f"loaded by path but refused by name: {exc}"
        _assert_refused_with_reason(exc, path)
    else:
        assert by_name == loaded


SAMPLE = CORPUS[: len(MUTATIONS)] + CORPUS[len(MUTATIONS) :: 12]
"""Every mutation first once, then a spread: the CLI path is slower than the loader."""


@pytest.mark.parametrize(("case_id", "data", "mutations"), SAMPLE, ids=[c[0] for c in SAMPLE])
def test_sets_check_reports_corrupted_files(
    tmp_path: Path, case_id: str, data: bytes, mutations: list[str]
) -> None:
    path = tmp_path / f"{case_id}.toml"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["sets", "check", str(path)])
    output = result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in output
    if result.exit_code == 0:
        assert f"{path}: ok (" in result.stdout
    else:
        assert result.exit_code == 2, output[:300]
        assert result.stderr.startswith(f"voice-coach: {path}"), result.stderr[:300]
        assert len(result.stderr.strip().splitlines()) == 1, "more than one line per file"


def test_byte_order_mark_and_windows_line_ends_are_accepted(tmp_path: Path) -> None:
    """Notepad saves UTF-8 with a BOM and CRLF: the set is the same set."""
    original = SHIPPED[0]
    copy = tmp_path / original.name
    copy.write_bytes(b"\xef\xbb\xbf" + original.read_bytes().replace(b"\n", b"\r\n"))
    assert load_question_set_file(copy) == load_question_set_file(original)


def test_own_checks_read_plainly(tmp_path: Path) -> None:
    path = tmp_path / "dup.toml"
    path.write_text(
        'name = "d"\ntitle = "D"\n[[questions]]\nid = "a"\ntext = "One?"\n'
        '[[questions]]\nid = "a"\ntext = "Two?"\n'
    )
    with pytest.raises(QuestionSetError) as info:
        load_question_set_file(path)
    assert str(info.value) == f"{path}: questions: duplicate question id 'a'"
