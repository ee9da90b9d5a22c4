"""The home screen's first look at the sets: what the last validation remembered, unless
a file changed since.

Parsing every set's TOML for its title was the largest part of drawing the home screen,
so each validation keeps the sets' previews for the next launch's first frame. What
matters: a set changed, added or removed since is shown as it is now, and a damaged
memory is no worse than none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets.option_list import Option

from voice_coach import locations, set_files
from voice_coach.set_files import PREVIEWS_FILE, user_dir
from voice_coach.store import Store
from voice_coach.tui.screens import _set_options

SET = """name = "{name}"
title = "{title}"
description = "About {title}."

[[questions]]
id = "q1"
text = "Tell me about a time you led a team."
"""


def _write(name: str, title: str) -> Path:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(SET.format(name=name, title=title))
    return path


def _text(option: Option) -> str:
    console = Console(width=200, color_system=None)
    with console.capture() as captured:
        console.print(option.prompt)
    return captured.get()


def _first_look(store: Store) -> dict[str, str]:
    found, problems = _set_options(store, validate=False)
    assert problems == []
    return {str(o.id): _text(o) for o in found}


def _no_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, source: str) -> None:
        raise AssertionError(f"{source} was parsed")

    monkeypatch.setattr(set_files, "parse_set_toml", refuse)


def test_after_a_validation_the_first_look_reads_no_set_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _write("acme", "Acme final round")
    store = Store()
    validated, _ = _set_options(store, validate=True)
    assert (locations.cache_dir() / PREVIEWS_FILE).exists()
    _no_toml(monkeypatch)
    seen = _first_look(store)
    assert "Acme final round  (1 question)" in seen["acme"]
    assert "About Acme final round." in seen["acme"]
    # The shipped sets too, each as its validation showed it.
    assert seen == {str(o.id): _text(o) for o in validated}


def test_a_set_changed_since_is_read_again() -> None:
    path = _write("acme", "Acme final round")
    store = Store()
    _set_options(store, validate=True)
    path.write_text(SET.format(name="acme", title="Acme second round, renamed"))
    assert "Acme second round, renamed" in _first_look(store)["acme"]


def test_a_set_removed_is_forgotten_and_a_new_one_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gone = _write("gone", "Gone soon")
    store = Store()
    _set_options(store, validate=True)
    gone.unlink()
    _write("fresh", "Fresh set")
    seen = _first_look(store)
    assert "gone" not in seen and "Fresh set" in seen["fresh"]
    _set_options(store, validate=True)
    kept = (locations.cache_dir() / PREVIEWS_FILE).read_text()
    assert "Gone soon" not in kept and "Fresh set" in kept


@pytest.mark.parametrize("damage", ["{not json", '{"x": 1}', '{"a": {"title": 3}}', "[]"])
def test_a_damaged_memory_is_ignored(damage: str) -> None:
    _write("acme", "Acme final round")
    store = Store()
    _set_options(store, validate=True)
    (locations.cache_dir() / PREVIEWS_FILE).write_text(damage)
    assert "Acme final round" in _first_look(store)["acme"]
