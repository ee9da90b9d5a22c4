"""Who imports whom in voice_coach: the TUI sits on top, and nothing reaches back up.

Screens used to import the app class (under TYPE_CHECKING, or inside a function) to ask
it for the store and the settings; the app imports the screens, so every screen was
tied to the whole app and could not run without it. The graph here counts every import
of a voice_coach module, at any depth of the file (inside functions, under
TYPE_CHECKING), because each of those is a dependency all the same.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import voice_coach

PACKAGE = Path(voice_coach.__file__).resolve().parent
FRONT_ENDS = ("voice_coach.cli", "voice_coach.launch", "voice_coach.__main__")
"""Modules (and packages) that start the app: they may import the TUI, as the TUI imports
the domain."""


def _is_front_end(name: str) -> bool:
    return any(name == f or name.startswith(f"{f}.") for f in FRONT_ENDS)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imported(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """Every voice_coach module ``name`` imports, anywhere in its file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # "from voice_coach.tui import app" imports the module voice_coach.tui.app.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            # "import voice_coach.audio.playback" names a module; keep the longest known one.
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target.startswith("voice_coach") and target != name:
                yield target


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: set(_imported(name, path, known)) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]], nodes: set[str]) -> list[list[str]]:
    """Strongly connected groups of more than one module among ``nodes`` (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, set()) & nodes:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return found


def _is_tui(name: str) -> bool:
    return name == "voice_coach.tui" or name.startswith("voice_coach.tui.")


def test_the_graph_sees_function_level_and_type_checking_imports() -> None:
    graph = import_graph()
    # The command line imports the app inside a function; attempts.py imports scoring
    # under TYPE_CHECKING.
    assert any("voice_coach.tui.app" in graph[n] for n in graph if _is_front_end(n))
    assert "voice_coach.scoring" in graph["voice_coach.attempts"]
    assert "voice_coach.tui.screens" in graph["voice_coach.tui.app"]


def test_no_screen_imports_the_app() -> None:
    graph = import_graph()
    importers = sorted(n for n, targets in graph.items() if "voice_coach.tui.app" in targets)
    assert all(_is_front_end(n) for n in importers), importers


def test_no_import_cycle_among_the_tui_modules() -> None:
    graph = import_graph()
    assert _cycles(graph, {n for n in graph if _is_tui(n)}) == []


def test_the_domain_never_imports_the_tui() -> None:
    """So no cycle can run between the TUI and the domain either."""
    graph = import_graph()
    reaching_up = sorted(
        f"{name} -> {target}"
        for name, targets in graph.items()
        if not _is_tui(name) and not _is_front_end(name)
        for target in targets
        if _is_tui(target)
    )
    assert reaching_up == []
    tui_cycles = [c for c in _cycles(graph, set(graph)) if any(_is_tui(n) for n in c)]
    assert tui_cycles == []


def test_no_import_cycle_anywhere() -> None:
    """The domain too: each layer imports the ones below it, never back."""
    graph = import_graph()
    assert _cycles(graph, set(graph)) == []
