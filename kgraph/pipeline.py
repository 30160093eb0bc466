"""The build pipeline: load -> parse -> extract per document (cached, in parallel), then the
identities across documents, then each episode's part of the outputs (cached per episode)."""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from kgraph.cache import ExtractionCache, document_key
from kgraph.errors import DocumentError
from kgraph.extract import extract_document
from kgraph.extract.results import DocumentExtraction
from kgraph.load import Candidate, SourceDocument, discover, read_document
from kgraph.parse import parse_document
from kgraph.parts import PARTS_FOLDER, BuiltParts, EpisodePart, PartCache, episode_part
from kgraph.report import BuildReport
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.assemble import duplicates
from kgraph.resolve.digest import ExtractionDigest, digest_of, token_hash
from kgraph.resolve.episode import build_episode
from kgraph.resolve.episodes import EpisodeGroup
from kgraph.resolve.identities import Identities
from kgraph.shards import Shard
from kgraph.transcript import transcript_anchors
from kgraph.version import code_version

# Below this many documents to extract, starting worker processes costs more than it saves.
MIN_PARALLEL_DOCUMENTS = 16


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector off for a build stage. A build allocates millions of objects
    without cycles (extractions, model nodes, statements) and every full collection rescans all of
    them: with it on, the stages after extraction took 1.3-1.9x longer at 10,000 documents."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class BuildOptions:
    """How to run the per-document work; none of it changes the output."""

    jobs: int | None = None  # worker processes; None = one per core
    cache: Path | None = None  # folder of cached extractions; None = no cache
    progress: bool = False  # draw a progress bar on stderr


def extract_source(document: SourceDocument) -> DocumentExtraction:
    """Per-document work: a pure function of the document's text, path and transcript."""
    return extract_document(parse_document(document.source, document.text), transcript_anchors(document.transcript))


Task = tuple[str, Candidate, Path | None]  # cache key, the document to read, cache folder
# cache key, digest (or the error that skipped the document), the full extraction when there is
# no cache folder to keep it in, seconds of parsing and of extracting
Result = tuple[str, ExtractionDigest | DocumentError, DocumentExtraction | None, float, float]


def _start_extract_worker() -> None:
    """Workers collect cycles (parsing makes some), but seldom: with the default thresholds the
    collector took a sixth of the extraction time. What the worker imported is frozen out of it."""
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    gc.enable()


def _extract_timed(task: Task) -> Result:
    """Run in a worker: read, parse, extract, store in the cache; returns the seconds of each step.
    The worker reads the file itself so that the parent never holds every text at once."""
    key, candidate, cache_folder = task
    try:
        document = _reread(key, candidate)
    except DocumentError as error:
        return key, error, None, 0.0, 0.0
    start = time.perf_counter()
    parsed = parse_document(document.source, document.text)
    parsed_at = time.perf_counter()
    extraction = extract_document(parsed, transcript_anchors(document.transcript))
    digest = digest_of(extraction, key)
    done = time.perf_counter()
    if cache_folder is None:
        return key, digest, extraction, parsed_at - start, done - parsed_at
    ExtractionCache(cache_folder).put(key, digest, extraction)
    return key, digest, None, parsed_at - start, done - parsed_at


def _skip(report: BuildReport, source: str, error: DocumentError) -> None:
    report.skipped.append(
        {"file": source, "reason": error.message if error.line is None else f"line {error.line}: {error.message}"}
    )


def _keys(candidates: Iterable[Candidate], report: BuildReport) -> list[tuple[str, Candidate]]:
    """(cache key, candidate) of every readable summary; unreadable ones are reported skipped."""
    keyed = []
    for candidate in candidates:
        try:
            document = read_document(candidate)
        except DocumentError as error:
            report.documents_read += 1
            _skip(report, candidate.source, error)
            continue
        if document is not None:
            report.documents_read += 1
            keyed.append((document_key(document), candidate))
    return keyed


def _run_tasks(tasks: list[Task], jobs: int, bar: tqdm) -> Iterator[Result]:
    if jobs <= 1 or len(tasks) < MIN_PARALLEL_DOCUMENTS:
        for task in tasks:
            yield _extract_timed(task)
            bar.update()
        return
    chunk = max(1, min(32, len(tasks) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_extract_worker) as pool:
        for result in pool.map(_extract_timed, tasks, chunksize=chunk):
            yield result
            bar.update()


@dataclass
class Extracted:
    """Every built document's digest (in source-path order), and its full extraction on demand."""

    digests: list[ExtractionDigest]
    cache: ExtractionCache
    in_memory: dict[str, DocumentExtraction]  # key -> extraction, when there is no cache folder
    candidates: dict[str, Candidate]

    def full(self, digest: ExtractionDigest) -> DocumentExtraction:
        if digest.key in self.in_memory:
            return self.in_memory[digest.key]
        return cached_extraction(self.cache, digest.key, self.candidates[digest.key])


def _reread(key: str, candidate: Candidate) -> SourceDocument:
    """The document again, as it was when its key was taken: one saved since then would put its
    new content under the old key."""
    document = read_document(candidate)
    if document is None:
        raise DocumentError("no longer a summary", candidate.source)
    if document_key(document) != key:
        raise DocumentError("changed on disk during the build; run it again", candidate.source)
    return document


def cached_extraction(cache: ExtractionCache, key: str, candidate: Candidate) -> DocumentExtraction:
    """The cached extraction; if its entry went away or is damaged, extracted again and cached."""
    extraction = cache.get(key)
    if extraction is None:
        extraction = extract_source(_reread(key, candidate))
        cache.put(key, digest_of(extraction, key), extraction)
    return extraction


def extract_all(
    candidates: Iterable[Candidate], report: BuildReport, options: BuildOptions = BuildOptions()
) -> Extracted:
    """Every document's digest, in source-path order whatever the number of jobs."""
    started = time.perf_counter()
    keyed = _keys(candidates, report)
    cache = ExtractionCache(options.cache)
    found: dict[str, ExtractionDigest] = {}
    in_memory: dict[str, DocumentExtraction] = {}
    tasks = []
    for key, candidate in keyed:
        cached = cache.get_digest(key)
        if cached is None:
            tasks.append((key, candidate, options.cache))
        else:
            found[key] = cached
    report.timings["load"] = time.perf_counter() - started
    started = time.perf_counter()
    jobs = options.jobs or os.cpu_count() or 1
    parse_seconds = extract_seconds = 0.0
    sources = {key: candidate.source for key, candidate in keyed}
    with tqdm(
        total=len(keyed),
        initial=len(keyed) - len(tasks),
        unit="doc",
        desc="extract",
        file=sys.stderr,
        disable=not options.progress,
        leave=False,
    ) as bar:
        for key, outcome, extraction, parse_time, extract_time in _run_tasks(tasks, jobs, bar):
            if isinstance(outcome, DocumentError):
                _skip(report, sources[key], outcome)
                continue
            found[key] = outcome
            if extraction is not None:
                in_memory[key] = extraction
            parse_seconds += parse_time
            extract_seconds += extract_time
    report.timings.update(
        {
            "parse (cpu)": parse_seconds,
            "extract (cpu)": extract_seconds,
            "parse+extract (wall)": time.perf_counter() - started,
        }
    )
    report.cache_hits, report.cache_misses = len(keyed) - len(tasks), len(tasks)
    cache.prune(sources)
    digests = [found[key] for key, _ in keyed if key in found]
    for digest in digests:
        report.warnings.extend({"file": digest.episode.source_file, "warning": warning} for warning in digest.warnings)
    report.documents_built = len(digests)
    return Extracted(digests, cache, in_memory, dict(keyed))


def make_parts(
    identities: Identities, groups: list[EpisodeGroup], extracted: Extracted, options: BuildOptions, report: BuildReport
) -> list[EpisodePart]:
    """The part of each episode in `groups`, reused from the cache where nothing it depends on
    changed."""
    part_cache = PartCache(options.cache / PARTS_FOLDER if options.cache else None)
    changed = part_cache.changed_tokens(identities.names.index)
    changed_hashes = {token_hash(token) for token in changed or ()}
    version = code_version()
    parts: dict[str, EpisodePart] = {}
    todo: list[tuple[str, EpisodeGroup]] = []
    fingerprints = [identities.episode_fingerprint(group, version) for group in groups]
    for fingerprint, group in zip(fingerprints, groups, strict=True):
        part = None
        if changed is not None and not group.primary.may_contain(changed_hashes):
            part = part_cache.get(fingerprint)
        if part is None:
            todo.append((fingerprint, group))
        else:
            parts[fingerprint] = part
    # A remade part may overwrite a trusted file (a fingerprint leaves out the shared names): it
    # stops being trusted first, so a build stopped halfway leaves nothing wrong behind.
    part_cache.distrust(fingerprint for fingerprint, _ in todo)
    jobs = options.jobs or os.cpu_count() or 1
    with tqdm(
        total=len(groups),
        initial=len(parts),
        unit="episode",
        desc="episodes",
        file=sys.stderr,
        disable=not options.progress,
        leave=False,
    ) as bar:
        if jobs > 1 and options.cache and len(todo) >= MIN_PARALLEL_DOCUMENTS:
            made = _parts_in_workers(identities, todo, extracted, options.cache, jobs)  # the workers cache them
        else:
            made = _parts_here(identities, todo, extracted, part_cache)
        steps: dict[str, float] = {}
        for part, seconds in made:
            parts[part.fingerprint] = part
            for step, spent in seconds.items():
                steps[step] = steps.get(step, 0.0) + spent
            bar.update()
    report.parts_built = len(todo)
    report.timings.update({f"episode {step} (cpu)": spent for step, spent in steps.items()})
    ordered = [parts[fingerprint] for fingerprint in fingerprints]
    part_cache.commit(identities.names.index, ordered)
    return ordered


def _part(
    identities: Identities, fingerprint: str, group: EpisodeGroup, extraction: DocumentExtraction
) -> tuple[EpisodePart, dict[str, float]]:
    """The part and the seconds each step took (summed over workers, they are the stage times)."""
    started = time.perf_counter()
    nodes = build_episode(identities, group, extraction)
    seconds = {"nodes": time.perf_counter() - started}
    return episode_part(fingerprint, nodes, keep_nodes=False, seconds=seconds), seconds


def _parts_here(
    identities: Identities, todo: list[tuple[str, EpisodeGroup]], extracted: Extracted, part_cache: PartCache
) -> Iterator[tuple[EpisodePart, dict[str, float]]]:
    for fingerprint, group in todo:
        part, seconds = _part(identities, fingerprint, group, extracted.full(group.primary))
        yield part_cache.put(part), seconds


_worker_identities: Identities | None = None  # set in each part worker by `_start_part_worker`

PartTask = tuple[str, tuple[tuple[str, Candidate], ...], str, Path]  # fingerprint, copies, primary's key, cache


def _start_part_worker(identities: bytes) -> None:
    global _worker_identities
    gc.disable()  # as in the parent (a forked worker inherits it; a spawned one would not)
    _worker_identities = pickle.loads(identities)


def _part_in_worker(task: PartTask) -> tuple[EpisodePart, dict[str, float]]:
    """Reads the episode's digests and its extraction from the cache, caches the part it makes."""
    fingerprint, copies, primary_key, cache_folder = task
    cache = ExtractionCache(cache_folder)
    digests = tuple(
        cache.get_digest(key) or digest_of(cached_extraction(cache, key, candidate), key) for key, candidate in copies
    )
    primary = next(digest for digest in digests if digest.key == primary_key)
    extraction = cached_extraction(cache, primary_key, dict(copies)[primary_key])
    part, seconds = _part(_worker_identities, fingerprint, EpisodeGroup(primary, digests), extraction)
    return PartCache(cache_folder / PARTS_FOLDER, read_state=False).put(part), seconds


def _parts_in_workers(
    identities: Identities, todo: list[tuple[str, EpisodeGroup]], extracted: Extracted, cache: Path, jobs: int
) -> Iterator[tuple[EpisodePart, dict[str, float]]]:
    """Parts made in worker processes, in `todo` order. Each worker gets the identities once and
    reads what an episode needs from the cache: a task is a few keys and paths."""
    shared = pickle.dumps(identities, protocol=pickle.HIGHEST_PROTOCOL)
    tasks = [
        (
            fingerprint,
            tuple((copy.key, extracted.candidates[copy.key]) for copy in group.copies),
            group.primary.key,
            cache,
        )
        for fingerprint, group in todo
    ]
    chunk = max(1, min(16, len(tasks) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_part_worker, initargs=(shared,)) as pool:
        yield from pool.map(_part_in_worker, tasks, chunksize=chunk)


def run(
    paths: list[Path],
    base_iri: str,
    rules: AliasRules,
    options: BuildOptions = BuildOptions(),
    shard: Shard | None = None,
) -> tuple[BuiltParts, BuildReport]:
    report = BuildReport()
    extracted = extract_all(discover(paths), report, options)
    started = time.perf_counter()
    identities = Identities(extracted.digests, base_iri, rules)
    entities = identities.entity_nodes()
    report.timings["resolve"] = time.perf_counter() - started
    report.duplicates = duplicates(identities)
    report.identity = [decision.to_json() for decision in identities.log.decisions()]
    report.warnings.extend(
        {"file": group.primary.episode.source_file, "warning": warning}
        for group in identities.groups
        for warning in identities.warnings(group.primary)
    )
    started = time.perf_counter()
    groups = identities.groups
    if shard is not None:  # every document still counts for the identities; only its episodes are made
        groups = [group for group in groups if shard.holds(identities.episode_iri(group.primary))]
    parts = make_parts(identities, groups, extracted, options, report)
    report.timings["episodes"] = time.perf_counter() - started
    built = BuiltParts(base_iri, entities, parts)
    report.counts = built.counts()
    report.triples = built.triple_count()
    return built, report
