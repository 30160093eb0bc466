"""Shared test fixtures: the repository root, the seed, and the shared corpus (when present)."""

from __future__ import annotations

import importlib
import json
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

import kgraph

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED_EXPECTED = SHARED / "spec" / "seed-expected.json"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_files() -> list[Path]:
    """The project's own Markdown documents: the test fixtures and the seeds."""
    return sorted([*FIXTURES.rglob("*.md"), *SEEDS.rglob("*.md")])


def fixture_lines() -> Iterator[str]:
    """Every line of the project's fixtures and seeds, file by file."""
    for path in fixture_files():
        yield from path.read_text(encoding="utf-8").splitlines()


# No property test is timed: on a shared machine an example can take seconds, and a deadline then
# fails a test whose behaviour is right (speed is measured by bench/, not by tests).
settings.register_profile("kgraph", deadline=None)
settings.load_profile("kgraph")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`pytest -m "not slow"` is the quick run: the real corpus, the browser and the server are slow."""
    for item in items:
        if any(item.get_closest_marker(name) for name in ("corpus", "browser", "server")):
            item.add_marker(pytest.mark.slow)


def require_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpus/spec only exists beside a checkout of kgraph")
    return path


@pytest.fixture(scope="session")
def seed_graph() -> kgraph.KnowledgeGraph:
    return kgraph.build([SEEDS])


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads(require_shared(SEED_EXPECTED).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_graph() -> kgraph.KnowledgeGraph:
    return kgraph.build([require_shared(CORPUS)])


QUERY_CORPUS = FIXTURES / "query_corpus"  # four invented summaries with known query answers


@pytest.fixture(scope="session")
def query_graph() -> kgraph.KnowledgeGraph:
    return kgraph.build([QUERY_CORPUS])


@pytest.fixture(scope="session")
def query_turtle(query_graph: kgraph.KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The query corpus written as Turtle, as `kgraph build` would."""
    folder = tmp_path_factory.mktemp("query-corpus")
    query_graph.write(folder, ("turtle",))
    return folder / "graph.ttl"


def bench_module(name: str) -> types.ModuleType:
    """A script of bench/ as a module (bench/ on the path while it imports: its scripts import each other)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "bench"))


def synthetic_corpus(root: Path, documents: int, seed: int = 7) -> Path:
    """A small corpus from bench/synthetic.py (every FORMAT.md variant, made-up names)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("kgraph_bench_synthetic", ROOT / "bench" / "synthetic.py")
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    module.write_corpus(root, documents, seed=seed)
    return root
