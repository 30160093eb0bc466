"""The layout shows the pipeline: `ls kgraph/` is the stages, and a stage never imports a later one.

Import direction (read from the source, every `import` wherever it sits): shared vocabulary and
types <- parse <- extract <- sources (the readers call parse and extract) <- resolve <- kinds (the
model's table of classes) <- outputs <- build <- api <- query <- cli. Module-level imports have
no cycles."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "kgraph"

# Shared vocabulary, types and small helpers any stage may use: they import only each other.
SHARED = {
    "kgraph",  # the package: `kgraph.build(...)`, `kgraph.KnowledgeGraph` (imported when asked)
    "errors",
    "prefixes",
    "vocab",
    "model",
    "names",
    "person_names",
    "given_names",
    "data",
    "ontology",
    "http",
    "pickled",
    "unvalidated",
    "beyond_ascii",
    "collector",
}
STAGES = ["parse", "extract", "sources", "resolve", "kinds", "outputs", "build", "api", "query", "cli", "__main__"]
RANK = {name: 0 for name in SHARED} | {name: rank for rank, name in enumerate(STAGES, start=1)}

# Imports that climb on purpose, inside a function (run when called, never at import time).
CALLS_UP = {
    ("kgraph.build", "kgraph.api"),  # `kgraph.build(...)` calls the library's build function
    ("kgraph.model", "kgraph.kinds"),  # KnowledgeModel.counts reads the table of classes
    ("kgraph", "kgraph.api"),  # `kgraph.KnowledgeGraph`, `kgraph.build` resolved on first use
}


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "kgraph"


def _imports() -> list[tuple[str, str, bool]]:
    """(importer, imported module, at module level) for every import of kgraph code inside kgraph/."""
    modules = {_module(p) for p in PACKAGE.rglob("*.py")}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module(path)

        def visit(node: ast.AST, top: bool, module: str = module) -> None:
            for child in ast.iter_child_nodes(node):
                at_top = top
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                    at_top = False
                if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                    at_top = False
                if isinstance(child, ast.ImportFrom) and child.module and child.module.split(".")[0] == "kgraph":
                    for alias in child.names:
                        named = f"{child.module}.{alias.name}"  # `from kgraph.outputs import statements`
                        found.append((module, named if named in modules else child.module, at_top))
                elif isinstance(child, ast.Import):
                    found.extend((module, a.name, at_top) for a in child.names if a.name.split(".")[0] == "kgraph")
                visit(child, at_top)

        visit(ast.parse(path.read_text(encoding="utf-8")), True)
    return found


def test_the_top_level_is_the_pipeline() -> None:
    names = {p.stem for p in PACKAGE.iterdir() if p.suffix == ".py" or (p / "__init__.py").is_file()}
    names.discard("__init__")
    assert {"sources", "parse", "extract", "resolve", "model", "outputs", "build", "query", "cli"} <= names
    assert names <= set(RANK), f"not placed in a stage: {sorted(names - set(RANK))}"


def test_no_stage_imports_a_later_stage() -> None:
    climbing = sorted(
        f"{importer} imports {imported}"
        for importer, imported, _top in _imports()
        if RANK[_stage(imported)] > RANK[_stage(importer)]
        and (importer, imported) not in CALLS_UP
        and _stage(imported) != _stage(importer)
    )
    assert climbing == []


def test_shared_modules_import_only_shared_modules() -> None:
    assert all(
        RANK[_stage(imported)] == 0
        for importer, imported, _top in _imports()
        if RANK[_stage(importer)] == 0 and (importer, imported) not in CALLS_UP
    )


def test_no_import_cycles_at_module_level() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    modules = {_module(p) for p in PACKAGE.rglob("*.py")}
    for importer, imported, top in _imports():
        if top and imported != importer:
            graph[importer].add(imported)
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def cycle_from(module: str, path: list[str]) -> list[str] | None:
        state[module] = 1
        for nxt in sorted(graph[module]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt] if nxt in path else [module, nxt]
            if nxt not in state and (found := cycle_from(nxt, [*path, nxt])):
                return found
        state[module] = 2
        return None

    for module in sorted(modules):
        if module not in state:
            assert cycle_from(module, [module]) is None


def test_the_check_sees_a_climbing_import() -> None:
    """The direction check is not vacuous: the readers really import parse, and it would catch the reverse."""
    pairs = {(_stage(a), _stage(b)) for a, b, _ in _imports()}
    assert ("sources", "parse") in pairs and ("build", "outputs") in pairs
    assert RANK["parse"] < RANK["sources"] and RANK["outputs"] < RANK["build"]
