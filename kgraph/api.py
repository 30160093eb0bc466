"""The library API: `kgraph.build(paths)` returns a `KnowledgeGraph` with `.rdf` and `.nx`."""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import rdflib

from kgraph import rdf
from kgraph.errors import UsageError
from kgraph.graph import build_graph
from kgraph.html import HtmlOptions
from kgraph.html.data import PageGraph
from kgraph.html.page import page_graph
from kgraph.model import KnowledgeModel
from kgraph.parts import BuiltParts
from kgraph.pipeline import BuildOptions, gc_paused, run
from kgraph.prefixes import DEFAULT_BASE_IRI
from kgraph.report import BuildReport
from kgraph.resolve.aliases import load_aliases
from kgraph.shards import Shard
from kgraph.write import get_format
from kgraph.write.atomic import write_text

DEFAULT_OUTPUTS = ("turtle", "html")
CACHE_FOLDER = ".cache"  # under the output folder: per-document extractions (see kgraph.cache)
OUTPUT_NAMES = {"turtle": "graph.ttl", "html": "graph.html", "neo4j": "neo4j"}  # neo4j: a folder


class KnowledgeGraph:
    """The built graph: the resolved `model`, its RDF `quads`, and views on them. A build holds
    its parts (see `kgraph.parts`) and assembles the whole model only when asked for it."""

    def __init__(self, model: KnowledgeModel, report: BuildReport | None = None):
        self.__dict__["model"] = model
        self._parts: BuiltParts | None = None
        self.report = report or BuildReport(counts=model.counts())
        self.cache_folder: Path | None = None  # where a build cached its work; writers may cache there too

    @classmethod
    def from_parts(cls, parts: BuiltParts, report: BuildReport, cache_folder: Path | None = None) -> KnowledgeGraph:
        graph = cls.__new__(cls)
        graph._parts, graph.report, graph.cache_folder = parts, report, cache_folder
        return graph

    @cached_property
    def model(self) -> KnowledgeModel:
        return self._parts.model()

    @cached_property
    def statements(self) -> list[rdf.GraphStatements]:
        """Every statement as strings, graph by graph, sorted (see `kgraph.rdf`)."""
        return rdf.graph_statements(self.model)

    @cached_property
    def quads(self) -> list[ox.Quad]:
        """Every statement as a pyoxigraph quad, one named graph per episode, sorted."""
        return list(rdf.iter_quads(self.statements))

    @cached_property
    def triples(self) -> list[ox.Triple]:
        """The default-graph view of `quads` (named graphs dropped), in quad order."""
        return list(rdf.iter_triples(self.statements))

    @property
    def triple_count(self) -> int:
        if self._parts is not None:
            return self._parts.triple_count()
        return sum(len(statements) for _graph, statements in self.statements)

    def turtle_chunks(self) -> Iterator[bytes]:
        """The Turtle of each named graph, in graph order, without prefixes (`rdf.TURTLE_HEADER`)."""
        if self._parts is not None:
            return self._parts.turtle_chunks()
        return (rdf.turtle_chunk(graph) for graph in self.statements)

    def page(self) -> PageGraph:
        """What the graph page draws (see `kgraph.html`)."""
        if self._parts is not None:
            return self._parts.page()
        return page_graph(self.model, self.statements)

    @cached_property
    def rdf(self) -> rdflib.Graph:
        """The graph as an rdflib Graph (all named graphs merged)."""
        return rdf.to_rdflib(self.quads)

    @cached_property
    def nx(self) -> nx.MultiDiGraph:
        """NetworkX view: node = IRI with `type` and `label`, edge key = predicate CURIE."""
        return build_graph(self.model, self.statements)

    def write(
        self,
        output_dir: Path | str,
        formats: tuple[str, ...] = DEFAULT_OUTPUTS,
        html_options: HtmlOptions | None = None,
    ) -> list[Path]:
        """Write each format (plus `report.json`) into `output_dir`; returns the paths written.
        `html_options` focuses or caps the graph page (see `kgraph.html.HtmlOptions`)."""
        format_options = {"html": {"options": html_options}} if html_options else {}
        output_dir = Path(output_dir)
        written = []
        for name in formats:
            output_format = get_format(name)
            path = output_dir / OUTPUT_NAMES.get(name, f"graph{output_format.extension}")
            started = time.perf_counter()
            with gc_paused():
                output_format.writer(self, path, **format_options.get(name, {}))
            self.report.timings[name] = time.perf_counter() - started
            written.append(path)
        self.report.triples = self.triple_count
        report_path = output_dir / "report.json"
        write_text(report_path, self.report.to_json())
        return [*written, report_path]


def build(
    paths: list[Path | str] | Path | str = "seeds",
    base_iri: str = DEFAULT_BASE_IRI,
    aliases: Path | str | None = None,
    jobs: int | None = None,
    cache: Path | str | None = None,
    progress: bool = False,
    shard: Shard | str | None = None,
) -> KnowledgeGraph:
    """Read the summaries under `paths` and return the resolved knowledge graph.

    Per-document work runs in `jobs` processes (default: one per core) and is reused from the
    `cache` folder when given; neither changes the result. `progress` draws a bar on stderr.
    `shard` ("I/N", see `kgraph.shards`) keeps the entities and shard I of N of the episodes."""
    if isinstance(paths, str | Path):
        paths = [paths]
    if not base_iri.startswith(("http://", "https://", "urn:")) or not base_iri.endswith(("/", "#")):
        raise UsageError(f"--base-iri must be an http(s) IRI ending in / or # (got {base_iri!r})")
    try:
        ox.NamedNode(base_iri)
    except ValueError as error:
        raise UsageError(f"--base-iri is not a valid IRI: {error} (got {base_iri!r})") from None
    rules = load_aliases(Path(aliases) if aliases else None)
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs must be at least 1 (got {jobs})")
    if isinstance(shard, str):
        shard = Shard.parse(shard)
    options = BuildOptions(jobs=jobs, cache=Path(cache) if cache else None, progress=progress)
    with gc_paused():
        parts, report = run([Path(p) for p in paths], base_iri, rules, options, shard)
    return KnowledgeGraph.from_parts(parts, report, options.cache)
