"""Beyond one machine: shards built apart, bulk-loaded into one store, give the single build.

The recipe the README gives: (1) extraction is a map over shards, each machine caching its own
documents; (2) the caches are gathered (entries are keyed by content and path, so they merge
without conflict); (3) each machine builds `--shard I/N` from the gathered cache, extracting
nothing again: identities are corpus-wide, so its episode graphs are exactly the single build's;
(4) the shards' N-Quads load into one store. The test checks that the store equals the single
build's, quad for quad.

Shards that skip step 2 (each half resolved on its own) are also checked, for what they are: the
same graphs, but a shard cannot link a name to an entity only another shard defines, and picks
labels and descriptions from the documents it saw. (An episode filed twice with its copies in two
halves would also appear twice; this test's corpus splits no re-filed episode.)"""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

import kgraph
from kgraph.vocab import MENTIONS

from .conftest import synthetic_corpus

pytestmark = pytest.mark.slow  # a second store, worker processes or a database per test

SCHEMA_DESCRIPTION = "https://schema.org/description"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def _halves(tmp_path):
    corpus = synthetic_corpus(tmp_path / "corpus", 30, seed=11)
    shows = sorted(path for path in corpus.iterdir())
    halves = [shows[: len(shows) // 2], shows[len(shows) // 2 :]]
    assert all(len(half) >= 2 for half in halves)  # the shows' common folder is the corpus
    return corpus, halves


def _quads(*files) -> set[tuple[str, str, str, str]]:
    store = ox.Store()
    for file in files:
        store.bulk_load(path=str(file), format=ox.RdfFormat.N_QUADS)
    return {(quad.graph_name.value, quad.subject.value, quad.predicate.value, str(quad.object)) for quad in store}


def _nquads(graph, out):
    graph.write(out, ("nquads",))
    return out / "graph.nq"


def test_shards_built_from_the_gathered_cache_load_into_one_store_as_the_single_build(tmp_path):
    corpus, halves = _halves(tmp_path)
    single = _quads(_nquads(kgraph.build([corpus], jobs=1), tmp_path / "single"))
    gathered = tmp_path / "gathered" / ".cache"
    gathered.mkdir(parents=True)
    for number, half in enumerate(halves):  # (1) each machine extracts its own documents
        cache = tmp_path / f"machine-{number}" / ".cache"
        kgraph.build(half, jobs=1, cache=cache)
        for entry in cache.glob("*.pickle"):  # (2) gather the caches
            shutil.copy2(entry, gathered / entry.name)
    shard_files = []
    for index in (1, 2):  # (3) each machine builds its shard from the gathered cache
        cache = tmp_path / f"shard-{index}" / ".cache"
        shutil.copytree(gathered, cache)
        graph = kgraph.build([corpus], jobs=1, cache=cache, shard=f"{index}/2")
        assert graph.report.cache_misses == 0  # nothing extracted twice
        shard_files.append(_nquads(graph, tmp_path / f"shard-{index}"))
    union = _quads(*shard_files)  # (4) bulk-load both into one store
    assert union == single
    graphs = [{quad[0] for quad in _quads(file)} for file in shard_files]
    entities = next(name for name in graphs[0] if name.endswith("graph/entities"))
    assert graphs[0] & graphs[1] == {entities}  # every episode graph is in exactly one shard
    assert all(len(names) > 3 for names in graphs)  # and both shards hold some


def test_halves_resolved_apart_differ_from_the_single_build_only_as_documented(tmp_path):
    corpus, halves = _halves(tmp_path)
    single = _quads(_nquads(kgraph.build([corpus], jobs=1), tmp_path / "single"))
    union = _quads(*(_nquads(kgraph.build(half, jobs=1), tmp_path / f"half-{n}") for n, half in enumerate(halves)))
    assert {quad[0] for quad in union} == {quad[0] for quad in single}  # the same named graphs
    missing, extra = single - union, union - single
    assert {predicate for _, _, predicate, _ in missing} <= {str(MENTIONS).strip("<>")}  # links a half cannot see
    entities = next(name for name, *_ in single if name.endswith("graph/entities"))
    assert {(graph, predicate) for graph, _, predicate, _ in extra} <= {
        (entities, SCHEMA_DESCRIPTION),
        (entities, RDFS_LABEL),
    }
    assert missing or extra, "the corpus should exercise the cross-shard cases this test describes"


def test_the_cli_writes_a_shard_as_n_quads_only_and_rejects_a_bad_shard(tmp_path):
    from click.testing import CliRunner

    from kgraph.cli import main

    corpus, _ = _halves(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "--shard", "2/3", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.iterdir() if not path.name.startswith(".")) == ["graph.nq", "report.json"]
    for bad in ("0/2", "3/2", "two"):
        result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "bad"), "--shard", bad])
        assert result.exit_code == 2 and "--shard must be I/N" in result.stderr
