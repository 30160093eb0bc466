"""The build pipeline: load -> parse -> extract per document (cached, in parallel), then resolve
across documents."""

from __future__ import annotations

import contextlib
import gc
import os
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
from kgraph.report import BuildReport
from kgraph.resolve import ResolveResult, resolve
from kgraph.resolve.aliases import AliasRules
from kgraph.transcript import transcript_anchors

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
    return extract_document(parse_document(document.source, document.text),
                            transcript_anchors(document.transcript))


Task = tuple[str, Candidate, Path | None]  # cache key, the document to read, cache folder
Result = tuple[str, DocumentExtraction | DocumentError, float, float]


def _extract_timed(task: Task) -> Result:
    """Run in a worker: read, parse, extract, store in the cache; returns the seconds of each step.
    The worker reads the file itself so that the parent never holds every text at once."""
    key, candidate, cache_folder = task
    try:
        document = read_document(candidate)
    except DocumentError as error:  # changed on disk since the parent read it
        return key, error, 0.0, 0.0
    if document is None:
        return key, DocumentError("no longer a summary", candidate.source), 0.0, 0.0
    start = time.perf_counter()
    parsed = parse_document(document.source, document.text)
    parsed_at = time.perf_counter()
    extraction = extract_document(parsed, transcript_anchors(document.transcript))
    done = time.perf_counter()
    ExtractionCache(cache_folder).put(key, extraction)
    return key, extraction, parsed_at - start, done - parsed_at


def _skip(report: BuildReport, source: str, error: DocumentError) -> None:
    report.skipped.append({"file": source, "reason": error.message if error.line is None
                           else f"line {error.line}: {error.message}"})


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
    # Workers collect cycles as usual (parsing makes some); only the parent pauses its collector.
    with ProcessPoolExecutor(max_workers=jobs, initializer=gc.enable) as pool:
        for result in pool.map(_extract_timed, tasks, chunksize=chunk):
            yield result
            bar.update()


def extract_all(candidates: Iterable[Candidate], report: BuildReport,
                options: BuildOptions = BuildOptions()) -> list[DocumentExtraction]:
    """Every document's extraction, in source-path order whatever the number of jobs."""
    started = time.perf_counter()
    keyed = _keys(candidates, report)
    cache = ExtractionCache(options.cache)
    found: dict[str, DocumentExtraction] = {}
    tasks = []
    for key, candidate in keyed:
        cached = cache.get(key)
        if cached is None:
            tasks.append((key, candidate, options.cache))
        else:
            found[key] = cached
    report.timings["load"] = time.perf_counter() - started
    started = time.perf_counter()
    jobs = options.jobs or os.cpu_count() or 1
    parse_seconds = extract_seconds = 0.0
    sources = {key: candidate.source for key, candidate in keyed}
    with tqdm(total=len(keyed), initial=len(keyed) - len(tasks), unit="doc", desc="extract",
              file=sys.stderr, disable=not options.progress, leave=False) as bar:
        for key, outcome, parse_time, extract_time in _run_tasks(tasks, jobs, bar):
            if isinstance(outcome, DocumentError):
                _skip(report, sources[key], outcome)
                continue
            found[key] = outcome
            parse_seconds += parse_time
            extract_seconds += extract_time
    report.timings.update({"parse (cpu)": parse_seconds, "extract (cpu)": extract_seconds,
                           "parse+extract (wall)": time.perf_counter() - started})
    report.cache_hits, report.cache_misses = len(keyed) - len(tasks), len(tasks)
    cache.prune(sources)
    extractions = [found[key] for key, _ in keyed if key in found]
    for extraction in extractions:
        report.warnings.extend({"file": extraction.episode.source_file, "warning": warning}
                               for warning in extraction.warnings)
    report.documents_built = len(extractions)
    return extractions


def run(paths: list[Path], base_iri: str, rules: AliasRules,
        options: BuildOptions = BuildOptions()) -> tuple[ResolveResult, BuildReport]:
    report = BuildReport()
    extractions = extract_all(discover(paths), report, options)
    started = time.perf_counter()
    result = resolve(extractions, base_iri, rules, consume=True)
    report.timings["resolve"] = time.perf_counter() - started
    report.duplicates = result.duplicates
    report.counts = result.model.counts()
    return result, report
