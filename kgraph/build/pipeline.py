"""The build, stage by stage: documents -> extractions -> resolution -> episode nodes. Each stage
reads and writes the store (`kgraph.build.store`) under complete keys (`kgraph.build.keys`); the
work runs on any executor (`kgraph.build.workers`). Outputs are made from the result on demand,
per format (`kgraph.build.outputs`)."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from kgraph.build.extracted import pickled
from kgraph.build.inputs import Reading
from kgraph.build.keys import EpisodeKeys, document_key, run_key
from kgraph.build.outputs import FORMAT_SHARES, SHARES, episode_counts
from kgraph.build.report import BuildReport
from kgraph.build.store import Store
from kgraph.build.workers import (
    Batches,
    Extracted,
    ExtractionBug,
    SharedIdentities,
    episode_batch,
    extract_batch,
    extract_source,
    open_executor,
    share_identities,
)
from kgraph.collector import collector_paused
from kgraph.errors import DocumentError
from kgraph.kinds import count_nodes
from kgraph.outputs import statements as rdf
from kgraph.pickled import unpickled
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.assemble import duplicates
from kgraph.resolve.digest import ExtractionDigest, digest_of
from kgraph.resolve.episode import EpisodeNodes
from kgraph.resolve.identities import EntityNodes, Identities
from kgraph.sources import read_document
from kgraph.sources.files import Candidate
from kgraph.sources.summary import SourceDocument

# one document to extract: its key and the document as read
ExtractTask = tuple[str, SourceDocument]

DIGESTS, EXTRACTIONS, RUNS, NODES, SUMMARIES = "digests", "extractions", "runs", "nodes", "summaries"
# Extractions a build keeps for its episode stage instead of reading them back from the store
# (about 28 MB per 1,000 documents): reading them back and checking them again cost more.
HELD_EXTRACTIONS = 1 << 30


@dataclass(frozen=True)
class BuildOptions:
    """How to run the work; none of it changes the output."""

    jobs: int | None = None  # local worker processes; None = one per core
    cache: Path | None = None  # the store's folder; None = keep nothing
    progress: bool = False  # draw a progress bar on stderr
    executor: str | Executor | None = None  # "dask://HOST:PORT", or an Executor to use as it is


@dataclass(frozen=True)
class EpisodeSummary:
    """What the build keeps of an episode: its key (to find its nodes and outputs) and its counts."""

    key: str
    episode: str  # IRI
    graph: str  # named graph IRI
    counts: dict[str, int]
    triples: int


@dataclass
class Resolution:
    """A build's result (stored whole under the run key): the corpus-level nodes, every episode
    (sorted by graph) and what the report says of them."""

    base_iri: str
    entities: EntityNodes
    episodes: list[EpisodeSummary]
    document_keys: list[str]
    report: BuildReport = field(default_factory=BuildReport)


@dataclass
class _Document:
    key: str
    candidate: Candidate
    stored: bool  # the store had its digest when it was read (else it went to the workers then)


def run(
    paths: list[Path],
    base_iri: str,
    rules: AliasRules,
    options: BuildOptions,
    formats: tuple[str, ...] = (),
    reuse: bool = True,
    store: Store | None = None,
    inputs: Reading | None = None,
) -> tuple[Resolution, Store]:
    """Build everything under `paths`; returns the result and the store its entries are in.
    `formats` are made ahead, in the workers, with each episode (any other is made on demand).
    `reuse=False` goes through every stage even if the whole result is stored (each stage still
    reuses its entries): what remakes an entry that went missing after the build. `store`: the
    one to use (default: the one in `options.cache`). `inputs`: the documents under `paths`
    (`kgraph.build.inputs.Reading`, some or all of them read already); the build takes their
    texts, and hands each document not in the store to the workers as soon as it is read."""
    if inputs is None:
        inputs = Reading(paths)  # a missing input fails before the cache folder is made
    store = store or Store(options.cache)
    shares = tuple(sorted({share for name in formats for share in FORMAT_SHARES.get(name, ())}))
    with (
        store.lock(),
        collector_paused(),
        _Workers(options) as workers,
        Batches(workers.executor, extract_batch, _batches(options, 8), len(inputs)) as extracting,
    ):
        reading = BuildReport()
        started = time.perf_counter()
        documents = _read(inputs, store, reading, extracting)
        reading.timings["load"] = time.perf_counter() - started
        key = run_key((document.key for document in documents), base_iri, rules)
        resolution = store.get_object(RUNS, key, Resolution) if reuse else None
        if resolution is None:
            resolution = _resolve(documents, extracting, base_iri, rules, options, store, workers, shares)
            store.put_object(RUNS, key, resolution)
            built = resolution.report
        else:
            # what went to the workers while reading: documents whose extraction failed (the whole
            # result says so) or whose digest went away; the result needs none of them
            extracting.cancel()
            store.mark_used(DIGESTS, resolution.document_keys)
            store.mark_used(EXTRACTIONS, resolution.document_keys)
            built = replace(resolution.report, timings={}, cache_hits=len(documents), cache_misses=0, parts_built=0)
        episode_keys = [episode.key for episode in resolution.episodes]
        for namespace in (NODES, SUMMARIES, *SHARES):  # a share is keyed like its episode's nodes
            store.mark_used(namespace, episode_keys)
        resolution.report = replace(
            built,
            documents_read=reading.documents_read,
            skipped=reading.skipped + built.skipped,
            timings={**reading.timings, **built.timings},
        )
        store.prune((RUNS, DIGESTS, EXTRACTIONS, NODES, SUMMARIES, *SHARES))
    return resolution, store


def _read(
    inputs: Reading, store: Store, report: BuildReport, extracting: Batches[ExtractTask, Extracted]
) -> list[_Document]:
    """Every readable summary, in source-path order; one whose digest the store does not have is
    handed to `extracting` as it is read (its text taken from its `Input`, so that the reading
    does not hold every text through the build)."""
    documents = []
    for read in inputs:
        if read.error is not None:
            report.documents_read += 1
            _skip(report, read.candidate.source, read.error)
            continue
        document, read.document = read.document, None
        if document is not None:
            report.documents_read += 1
            stored = store.has(DIGESTS, read.key)
            documents.append(_Document(read.key, read.candidate, stored))
            if not stored:
                extracting.add((read.key, document))
    return documents


def _skip(report: BuildReport, source: str, error: DocumentError) -> None:
    reason = error.message if error.line is None else f"line {error.line}: {error.message}"
    report.skipped.append({"file": source, "reason": reason})


def _resolve(
    documents: list[_Document],
    extracting: Batches[ExtractTask, Extracted],
    base_iri: str,
    rules: AliasRules,
    options: BuildOptions,
    store: Store,
    workers: _Workers,
    shares: tuple[str, ...],
) -> Resolution:
    report = BuildReport()
    digests, extracted = _extract_all(documents, extracting, store, options, report)
    started = time.perf_counter()
    identities = Identities(digests, base_iri, rules)
    report.timings["resolve"] = time.perf_counter() - started

    def corpus_nodes() -> EntityNodes:
        # made while the workers build the episodes (they read the identities as they were before)
        _report_identities(identities, report)
        return identities.entity_nodes()

    started = time.perf_counter()
    episodes, entities = _episodes(
        identities, extracted, documents, store, workers.executor(), options, report, shares, corpus_nodes
    )
    report.timings["episodes"] = time.perf_counter() - started
    resolution = Resolution(base_iri, entities, sorted(episodes, key=lambda e: e.graph), [d.key for d in documents])
    report.counts = _counts(entities, resolution.episodes)
    entity_graph = rdf.entity_statements(base_iri, entities.nodes())
    report.triples = len(entity_graph[1]) + sum(episode.triples for episode in resolution.episodes)
    resolution.report = report
    return resolution


def _report_identities(identities: Identities, report: BuildReport) -> None:
    """What report.json says of the resolution: duplicates, identity decisions, warnings, faithfulness."""
    report.duplicates = duplicates(identities)
    report.identity = [decision.to_json() for decision in identities.log.decisions()]
    report.warnings.extend(
        {"file": group.primary.episode.source_file, "warning": warning}
        for group in identities.groups
        for warning in identities.warnings(group.primary)
    )
    report.faithfulness = [
        {"file": group.primary.episode.source_file, **group.primary.faithfulness.model_dump()}
        for group in identities.groups
        if group.primary.faithfulness is not None
    ]


class _Workers(contextlib.ExitStack):
    """The build's executor, opened when work is first handed out (a build whose whole result is
    stored starts no process and reaches no cluster) and closed when the build ends."""

    def __init__(self, options: BuildOptions):
        super().__init__()
        self._options = options
        self._executor: Executor | None = None

    def executor(self) -> Executor:
        if self._executor is None:
            if isinstance(self._options.executor, Executor):
                self._executor = self._options.executor
            else:
                self._executor = self.enter_context(open_executor(self._options.jobs, self._options.executor))
        return self._executor


def _batches(options: BuildOptions, per_worker: int) -> int:
    return max(1, (options.jobs or os.cpu_count() or 1) * per_worker)


def _extract_all(
    documents: list[_Document],
    extracting: Batches[ExtractTask, Extracted],
    store: Store,
    options: BuildOptions,
    report: BuildReport,
) -> tuple[list[ExtractionDigest], dict[str, bytes]]:
    """Every document's digest in source-path order (those not stored are in `extracting` since
    they were read), and the pickled extractions made by this build (with a store folder, up to
    `HELD_EXTRACTIONS` bytes of them: the episode stage reads the rest back from the store)."""
    found: dict[str, ExtractionDigest] = {}
    for document in documents:
        if document.stored:
            digest = store.get_object(DIGESTS, document.key, ExtractionDigest)
            if digest is None:  # damaged, or gone since it was read
                extracting.add((document.key, _reread(document)))
            else:
                found[document.key] = digest
    started = time.perf_counter()
    cpu_seconds = worker_seconds = 0.0
    sources = {document.key: document.candidate.source for document in documents}
    in_memory: dict[str, bytes] = {}  # pickled extractions
    first_bug: str | None = None  # the first reason a document was skipped for a bug its extraction set off
    held = 0
    with _bar(options, len(documents), len(documents) - extracting.count, "doc", "extract") as bar:
        for key, outcome, extraction, cpu, elapsed in extracting.results():
            bar.update()
            if isinstance(outcome, DocumentError):
                _skip(report, sources[key], outcome)
                if first_bug is None and isinstance(outcome, ExtractionBug):
                    first_bug = report.skipped[-1]["reason"]
                continue
            found[key] = unpickled(outcome, ExtractionDigest)
            store.put(DIGESTS, key, outcome)
            store.put(EXTRACTIONS, key, extraction)
            if store.folder is None or held < HELD_EXTRACTIONS:  # beyond, read back per episode
                in_memory[key] = extraction
                held += len(extraction)
            cpu_seconds += cpu
            worker_seconds += elapsed
    report.timings.update(
        {
            "parse+extract (worker cpu)": cpu_seconds,  # CPU time, summed over the workers
            "parse+extract (worker wall)": worker_seconds,  # elapsed time in workers, summed
            "parse+extract (wall)": time.perf_counter() - started,
        }
    )
    report.cache_hits, report.cache_misses = len(documents) - extracting.count, extracting.count
    if (
        first_bug is not None and not found
    ):  # every document failed, some for a bug: no empty graph over the last good one
        raise RuntimeError(f"no document could be extracted; the first bug: {first_bug}")
    digests = [found[document.key] for document in documents if document.key in found]
    for digest in digests:
        report.warnings.extend({"file": digest.episode.source_file, "warning": warning} for warning in digest.warnings)
    report.documents_built = len(digests)
    return digests, in_memory


def _reread(document: _Document) -> SourceDocument:
    """The document again (its digest entry went away or was damaged), as it was when its key was
    taken: one saved since then would put its new content under the old key."""
    source = read_document(document.candidate)
    if source is None or document_key(source) != document.key:
        raise DocumentError("changed on disk during the build; run it again", document.candidate.source)
    return source


def _bar(options: BuildOptions, total: int, initial: int, unit: str, description: str) -> tqdm:
    return tqdm(
        total=total,
        initial=initial,
        unit=unit,
        desc=description,
        file=sys.stderr,
        disable=not options.progress,
        leave=False,
    )


def _episodes(
    identities: Identities,
    extracted: dict[str, bytes],
    documents: list[_Document],
    store: Store,
    executor: Executor,
    options: BuildOptions,
    report: BuildReport,
    shares: tuple[str, ...],
    meanwhile: Callable[[], EntityNodes],
) -> tuple[list[EpisodeSummary], EntityNodes]:
    """Each episode's summary, and what `meanwhile` returns: it runs here while the workers build
    the episodes. The nodes (and `shares`) of the episodes not in the store are made and stored,
    each sent to the workers as soon as its key is made (made first, the keys kept the workers
    waiting about a second at 10,000 documents)."""
    keys = EpisodeKeys(identities)
    groups = identities.groups
    summaries: list[EpisodeSummary] = []
    candidates = {document.key: document for document in documents}
    with (
        share_identities(identities, executor) as shared,
        Batches(lambda: executor, _EpisodeWork(shared, shares), _batches(options, 4), len(groups)) as building,
    ):
        for group in groups:
            key = keys.key(group)
            summary = store.get_object(SUMMARIES, key, EpisodeSummary)
            if summary is not None and store.has(NODES, key):
                summaries.append(summary)
                continue
            primary = group.primary.key
            building.add((key, group, extracted.get(primary) or _stored_extraction(store, candidates[primary])))
        extracted.clear()
        entities = meanwhile()
        seconds = 0.0
        with _bar(options, len(groups), len(summaries), "episode", "episodes") as bar:
            for made_episode in building.results():
                key, iri, graph, nodes, counts, triples, made, spent = made_episode
                bar.update()
                seconds += spent
                summary = EpisodeSummary(key, iri, graph, counts, triples)
                store.put(NODES, key, nodes)
                store.put_object(SUMMARIES, key, summary)
                for name, share in made.items():
                    store.put(name, key, share)
                summaries.append(summary)
    report.parts_built = building.count
    report.timings["episode nodes (worker cpu)"] = seconds
    return summaries, entities


class _EpisodeWork:
    """A picklable `episode_batch` with the identities bound (executors take one-argument work)."""

    def __init__(self, shared: SharedIdentities, shares: tuple[str, ...]):
        self.shared, self.shares = shared, shares

    def __call__(self, tasks: list) -> list:
        return episode_batch(self.shared, self.shares, tasks)


def _stored_extraction(store: Store, document: _Document) -> bytes:
    """The primary copy's pickled extraction from the store; made again if its entry went away
    (the only time the episode stage reads a document)."""
    data = store.get(EXTRACTIONS, document.key)
    if data is None:
        extraction = extract_source(_reread(document))
        data = pickled(extraction)
        store.put(EXTRACTIONS, document.key, data)
        store.put_object(DIGESTS, document.key, digest_of(extraction, document.key))
    return data


def summarize(key: str, nodes: EpisodeNodes, triples: int) -> EpisodeSummary:
    return EpisodeSummary(key, nodes.episode.iri, nodes.episode.graph, episode_counts(nodes), triples)


def _counts(entities: EntityNodes, episodes: list[EpisodeSummary]) -> dict[str, int]:
    counts = count_nodes(entities.nodes())
    for episode in episodes:
        for name, count in episode.counts.items():
            counts[name] += count
    return counts


def episode_nodes(store: Store, summary: EpisodeSummary) -> EpisodeNodes | None:
    """The episode's stored nodes; None if the entry went away (another build) or is damaged."""
    nodes = store.get_object(NODES, summary.key, EpisodeNodes)
    return nodes if isinstance(nodes, EpisodeNodes) else None
