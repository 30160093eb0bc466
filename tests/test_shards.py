"""Beyond one machine: build shards separately, bulk-load their N-Quads into one store, and get
the single build back.

What "the same" means. Per-document extraction is a pure map, so each episode's own facts do not
depend on the shard. Resolution is cross-document: a shard cannot link a name to an entity that
only another shard defines (`kg:mentions`), and entity labels and descriptions are chosen from the
documents a build sees. So shards are split by podcast folder (shows never straddle shards, so
first-name scoping stays whole) and the test checks, exactly:
  - the union has the single build's named graphs: every episode graph, plus the entities graph;
  - every episode graph equals the single build's, apart from `kg:mentions` links;
  - every `kg:mentions` link a shard found is also in the single build (shards miss some, never
    invent any);
  - the union of the shards' entity IRIs and types equals the single build's.
"""

from __future__ import annotations

import shutil

import pyoxigraph as ox

import kgraph
from kgraph.vocab import MENTIONS

from .conftest import synthetic_corpus


def _nquads(corpus, out):
    kgraph.build([corpus], jobs=1).write(out, ("nquads",))
    return out / "graph.nq"


def _store(*files):
    store = ox.Store()
    for file in files:
        store.bulk_load(path=str(file), format=ox.RdfFormat.N_QUADS)
    return store


def _graphs(store):
    result: dict[str, set[tuple[str, str, str]]] = {}
    for quad in store:
        key = (quad.subject.value, quad.predicate.value, str(quad.object))
        result.setdefault(quad.graph_name.value, set()).add(key)
    return result


def test_two_shards_loaded_into_one_store_equal_the_single_build(tmp_path):
    corpus = synthetic_corpus(tmp_path / "corpus", 30, seed=11)
    shows = sorted(path.name for path in corpus.iterdir())
    halves = {"a": shows[: len(shows) // 2], "b": shows[len(shows) // 2 :]}
    for half, names in halves.items():
        for name in names:
            shutil.copytree(corpus / name, tmp_path / half / "corpus" / name)
    single = _graphs(_store(_nquads(corpus, tmp_path / "single")))
    union = _graphs(_store(*(_nquads(tmp_path / half / "corpus", tmp_path / half / "out") for half in halves)))

    assert set(union) == set(single)
    entities = next(name for name in single if name.endswith("graph/entities"))
    mentions = str(MENTIONS)
    for graph in sorted(set(single) - {entities}):
        ours = {t for t in union[graph] if t[1] != mentions}
        assert ours == {t for t in single[graph] if t[1] != mentions}, graph
        assert {t for t in union[graph] if t[1] == mentions} <= single[graph], graph
    typed = lambda triples: {(s, o) for s, p, o in triples if p.endswith("#type")}  # noqa: E731
    assert typed(union[entities]) == typed(single[entities])
