"""The library API: `kgraph.build(paths)` returns a `KnowledgeGraph` with `.rdf` and `.nx`."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kgraph.build.extracted import whole
from kgraph.build.inputs import Reading
from kgraph.build.keys import hash_parts
from kgraph.build.outputs import StoreLayoutCache, in_graph_order, make_shares, read_page_nodes, read_page_share
from kgraph.build.pipeline import (
    DIGESTS,
    EXTRACTIONS,
    NODES,
    BuildOptions,
    EpisodeSummary,
    Resolution,
    episode_nodes,
    run,
    summarize,
)
from kgraph.build.report import BuildReport
from kgraph.build.stamp import DEFAULT_OUTPUTS
from kgraph.build.store import FOLDER, Store
from kgraph.build.version import code_version
from kgraph.collector import collector_paused
from kgraph.errors import KgraphError, UsageError
from kgraph.extract.results import DocumentExtraction
from kgraph.model import KnowledgeModel
from kgraph.outputs import statements as rdf
from kgraph.outputs.formats import get_format
from kgraph.outputs.formats.atomic import write_text
from kgraph.outputs.html import HtmlOptions
from kgraph.outputs.html.data import PageGraph
from kgraph.outputs.html.parts import entities_part
from kgraph.outputs.turtle import turtle_chunk
from kgraph.prefixes import DEFAULT_BASE_IRI
from kgraph.resolve.aliases import load_aliases
from kgraph.resolve.assemble import assemble_model
from kgraph.resolve.digest import ExtractionDigest
from kgraph.resolve.episode import EpisodeNodes
from kgraph.resolve.identities import EntityNodes

if TYPE_CHECKING:  # imported when used: a rebuild that changed nothing needs neither
    import networkx as nx
    import rdflib

CACHE_FOLDER = FOLDER  # under the output folder: the build's store (see kgraph.build.store)
OUTPUT_NAMES = {"turtle": "graph.ttl", "html": "graph.html", "neo4j": "neo4j"}  # neo4j: a folder
PAGE = "pages"  # store namespace of whole pages, by everything a page depends on
LAYOUT = "layouts"  # store namespace of page layouts (see kgraph.outputs.html.layout)


class KnowledgeGraph:
    """A built graph: its corpus-level nodes and its episodes, whose nodes and per-format shares
    are in the build's store. The whole `model`, its `statements`, `quads` and views are made
    when first asked for; Turtle, N-Quads and the page are added up from per-episode shares."""

    def __init__(self, resolution: Resolution, store: Store, remake: Callable[[], object] | None = None):
        """`remake` runs the build's stages again (reusing what the store holds): what makes an
        episode whose entry went missing or was damaged after the build."""
        self.resolution = resolution
        self.store = store
        self._remake = remake
        self.report = resolution.report
        self.base_iri = resolution.base_iri
        self.entities = resolution.entities
        self.episodes = resolution.episodes  # sorted by graph
        self.entity_graph = rdf.entity_statements(self.base_iri, self.entities.nodes())

    # -- per document ------------------------------------------------------------------------------
    def extraction(self, source: str) -> DocumentExtraction | None:
        """What the reader took from one document (`source` as report.json names it), with its
        parsed transcript; None for a document the build did not use."""
        for key in self.resolution.document_keys:  # the small digests first: one whole extraction is read
            digest = self.store.get_object(DIGESTS, key, ExtractionDigest)
            if digest is not None and digest.episode.source_file == source:
                return self.store.get_object(EXTRACTIONS, key, DocumentExtraction, read=whole)
        return None

    # -- per episode -------------------------------------------------------------------------------
    def episode_nodes(self, episode: EpisodeSummary) -> EpisodeNodes:
        nodes = episode_nodes(self.store, episode)
        if nodes is None and self._remake is not None:
            self._remake()
            nodes = episode_nodes(self.store, episode)
        if nodes is None:
            raise KgraphError(
                "the cache lost an episode since the build (another build into the same folder?); build again",
                self.store.folder,
            )
        return nodes

    def shares(self, name: str) -> Iterator[tuple[str, bytes]]:
        """(graph IRI, share) of every episode, in graph order; made and stored when missing."""
        for episode in self.episodes:
            yield episode.graph, self.share(name, episode)

    def share(self, name: str, episode: EpisodeSummary) -> bytes:
        """The episode's share `name`; made and stored when missing."""
        share = self.store.get(name, episode.key)
        if share is None:
            share = make_shares(self.episode_nodes(episode), (name,))[1][name]
            self.store.put(name, episode.key, share)
        return share

    # -- whole graph -------------------------------------------------------------------------------
    @cached_property
    def model(self) -> KnowledgeModel:
        return assemble_model(self.base_iri, self.entities, (self.episode_nodes(e) for e in self.episodes))

    @cached_property
    def statements(self) -> list[rdf.GraphStatements]:
        """Every statement as strings, graph by graph, sorted (see `kgraph.outputs.statements`)."""
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
        return len(self.entity_graph[1]) + sum(episode.triples for episode in self.episodes)

    def turtle_chunks(self) -> Iterator[bytes]:
        """The Turtle of each named graph, in graph order, without prefixes (`kgraph.outputs.turtle.TURTLE_HEADER`)."""
        return in_graph_order(self.entity_graph[0], turtle_chunk(self.entity_graph), self.shares("turtle"))

    def nquads_chunks(self) -> Iterator[bytes]:
        """The N-Quads lines of each named graph, in graph order."""
        entity = "".join(rdf.nquads_lines([self.entity_graph])).encode("utf-8")
        return in_graph_order(self.entity_graph[0], entity, self.shares("nquads"))

    def page(self) -> PageGraph:
        """What the graph page draws (see `kgraph.outputs.html`)."""
        entity_nodes = self.entities.nodes()
        by_episode = {episode.episode: episode for episode in self.episodes}
        shared = entities_part(entity_nodes, self.entity_graph[1])
        parts = [read_page_share(share) for _graph, share in self.shares("page")]

        def own_nodes(episode: str) -> dict[str, dict]:
            return read_page_nodes(self.share("page_nodes", by_episode[episode]))

        return PageGraph(shared, entity_nodes, parts, own_nodes)

    def page_html(self, options: HtmlOptions | None = None) -> str:
        """The page, reused from the store when nothing it shows changed."""
        options = options or HtmlOptions()
        key = hash_parts(("page", code_version(), repr(options), *(e.key for e in self.episodes), self._entity_key))
        from kgraph.outputs.html.page import page_cap, render  # networkx, igraph: only when a page is drawn

        cached = self.store.get(PAGE, key)
        if cached is not None:
            self.store.prune((PAGE,))
            text = cached.decode("utf-8")
        else:
            text = render(self.page(), options, StoreLayoutCache(self.store, LAYOUT))
            self.store.put(PAGE, key, text.encode("utf-8"))
            self.store.prune((PAGE, LAYOUT))
        cap = page_cap(text)  # what --html-max-nodes left out: said in report.json too
        if cap and {"file": "graph.html", "warning": cap} not in self.report.warnings:
            self.report.warnings.append({"file": "graph.html", "warning": cap})
        return text

    @cached_property
    def _entity_key(self) -> str:
        return hash_parts((repr(self.entities), *rdf.ntriples_lines(self.entity_graph[1])))

    @cached_property
    def rdf(self) -> rdflib.Graph:
        """The graph as an rdflib Graph (all named graphs merged)."""
        return rdf.to_rdflib(self.quads)

    @cached_property
    def nx(self) -> nx.MultiDiGraph:
        """NetworkX view: node = IRI with `type` and `label`, edge key = predicate CURIE."""
        from kgraph.outputs.networkx import build_graph

        return build_graph(self.model, self.statements)

    def write_format(self, name: str, path: Path, **options: object) -> None:
        """Write one format to `path` (the store is locked meanwhile: shares are made into it)."""
        with self.store.lock(), collector_paused():
            get_format(name).writer(self, path, **options)

    def write(
        self,
        output_dir: Path | str,
        formats: tuple[str, ...] = DEFAULT_OUTPUTS,
        html_options: HtmlOptions | None = None,
    ) -> list[Path]:
        """Write each format (plus `report.json`) into `output_dir`; returns the paths written.
        `html_options` focuses or caps the graph page (see `kgraph.outputs.html.HtmlOptions`).
        The files are published together: each is written into a staging folder first and all are
        renamed into place only when every one was written, so a failed build never leaves a new
        `graph.ttl` beside an old `graph.html`. (A folder format, `neo4j`, swaps its own folder.)"""
        format_options = {"html": {"options": html_options}} if html_options else {}
        output_dir = Path(output_dir)
        output_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".kgraph-publishing-", dir=output_dir))
        written: list[Path] = []
        try:
            staged: list[tuple[Path, Path]] = []
            for name in formats:
                output_format = get_format(name)
                file_name = OUTPUT_NAMES.get(name, f"graph{output_format.extension}")
                final = output_dir / file_name
                path = final if output_format.extension == "" else staging / file_name
                started = time.perf_counter()
                self.write_format(output_format.name, path, **format_options.get(name, {}))
                self.report.timings[name] = time.perf_counter() - started
                written.append(final)
                if path != final:
                    staged.append((path, final))
            self.report.triples = self.triple_count
            write_text(staging / "report.json", self.report.to_json())
            staged.append((staging / "report.json", output_dir / "report.json"))
            for path, final in staged:
                os.replace(path, final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return [*written, output_dir / "report.json"]


def build(
    paths: list[Path | str] | Path | str = "seeds",
    base_iri: str = DEFAULT_BASE_IRI,
    aliases: Path | str | None = None,
    jobs: int | None = None,
    cache: Path | str | None = None,
    progress: bool = False,
    executor: str | Executor | None = None,
    formats: tuple[str, ...] = (),
    inputs: Reading | None = None,
) -> KnowledgeGraph:
    """Read the summaries under `paths` and return the resolved knowledge graph.

    Work runs in `jobs` local processes (default: one per core), or on `executor` (any
    `concurrent.futures.Executor`, or "dask://HOST:PORT"); results are kept in the `cache` folder
    when given (see `kgraph.build.store`); none of these changes the result. `formats` are made
    ahead with each episode. `progress` draws a bar on stderr. `inputs`: the documents under
    `paths` as a `kgraph.build.inputs.Reading` (the CLI keys its outputs with what it read), which
    the build reads on from instead of finding and reading them again."""
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
    options = BuildOptions(jobs=jobs, cache=Path(cache) if cache else None, progress=progress, executor=executor)
    folders = [Path(p) for p in paths]
    resolution, store = run(folders, base_iri, rules, options, formats, inputs=inputs)

    def remake() -> None:
        # in this process, on the same store (whose lock the writer asking for it holds)
        quiet = replace(options, jobs=1, executor=None, progress=False)
        run(folders, base_iri, rules, quiet, (), reuse=False, store=store)

    return KnowledgeGraph(resolution, store, remake)


def graph_of_model(model: KnowledgeModel) -> KnowledgeGraph:
    """A KnowledgeGraph of a model resolved elsewhere (`kgraph.resolve.resolve`), kept in memory."""
    store = Store(None)
    by_episode = model.nodes_by_episode()
    episodes = []
    for number, episode in enumerate(model.episodes):
        insights, claims, mentions = by_episode[episode.iri]
        nodes = EpisodeNodes(episode, tuple(insights), tuple(claims), tuple(mentions))
        key = f"m{number}"
        triples, _ = make_shares(nodes, ())
        store.put_object(NODES, key, nodes)
        episodes.append(summarize(key, nodes, triples))
    entities = EntityNodes(model.podcasts, model.people, model.organizations, model.products)
    resolution = Resolution(model.base_iri, entities, sorted(episodes, key=lambda e: e.graph), [])
    graph = KnowledgeGraph(resolution, store)
    resolution.report = BuildReport(counts=model.counts(), triples=graph.triple_count)
    graph.report = resolution.report
    return graph
