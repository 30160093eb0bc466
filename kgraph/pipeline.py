"""The build pipeline: load -> parse -> extract per document (cached, in parallel), then resolve
across documents."""

from __future__ import annotations

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


def _extract_timed(task: tuple[str, SourceDocument, Path | None]) -> tuple[str, DocumentExtraction, float, float]:
    """Run in a worker: parse, extract, store in the cache; returns the seconds of each step."""
    key, document, cache_folder = task
    start = time.perf_counter()
    parsed = parse_document(document.source, document.text)
    parsed_at = time.perf_counter()
    extraction = extract_document(parsed, transcript_anchors(document.transcript))
    done = time.perf_counter()
    ExtractionCache(cache_folder).put(key, extraction)
    return key, extraction, parsed_at - start, done - parsed_at


def _read_all(candidates: Iterable[Candidate], report: BuildReport) -> list[SourceDocument]:
    documents = []
    for candidate in candidates:
        try:
            document = read_document(candidate)
        except DocumentError as error:
            report.documents_read += 1
            report.skipped.append({"file": candidate.source, "reason": error.message if error.line is None
                                   else f"line {error.line}: {error.message}"})
            continue
        if document is not None:
            report.documents_read += 1
            documents.append(document)
    return documents


def _run_tasks(tasks: list[tuple[str, SourceDocument, Path | None]], jobs: int,
               bar: tqdm) -> Iterator[tuple[str, DocumentExtraction, float, float]]:
    if jobs <= 1 or len(tasks) < MIN_PARALLEL_DOCUMENTS:
        for task in tasks:
            yield _extract_timed(task)
            bar.update()
        return
    chunk = max(1, min(32, len(tasks) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(_extract_timed, tasks, chunksize=chunk):
            yield result
            bar.update()


def extract_all(candidates: Iterable[Candidate], report: BuildReport,
                options: BuildOptions = BuildOptions()) -> list[DocumentExtraction]:
    """Every document's extraction, in source-path order whatever the number of jobs."""
    started = time.perf_counter()
    documents = _read_all(candidates, report)
    keys = [document_key(document) for document in documents]
    cache = ExtractionCache(options.cache)
    by_key: dict[str, DocumentExtraction] = {}
    tasks = []
    for key, document in zip(keys, documents, strict=True):
        cached = cache.get(key)
        if cached is None:
            tasks.append((key, document, options.cache))
        else:
            by_key[key] = cached
    report.timings["load"] = time.perf_counter() - started
    started = time.perf_counter()
    jobs = options.jobs or os.cpu_count() or 1
    parse_seconds = extract_seconds = 0.0
    with tqdm(total=len(documents), initial=len(documents) - len(tasks), unit="doc", desc="extract",
              file=sys.stderr, disable=not options.progress, leave=False) as bar:
        for key, extraction, parse_time, extract_time in _run_tasks(tasks, jobs, bar):
            by_key[key] = extraction
            parse_seconds += parse_time
            extract_seconds += extract_time
    report.timings.update({"parse (cpu)": parse_seconds, "extract (cpu)": extract_seconds,
                           "parse+extract (wall)": time.perf_counter() - started})
    report.cache_hits, report.cache_misses = len(documents) - len(tasks), len(tasks)
    cache.prune(keys)
    extractions = [by_key[key] for key in keys]
    for extraction in extractions:
        report.warnings.extend({"file": extraction.episode.source_file, "warning": w} for w in extraction.warnings)
    report.documents_built = len(extractions)
    return extractions


def run(paths: list[Path], base_iri: str, rules: AliasRules,
        options: BuildOptions = BuildOptions()) -> tuple[ResolveResult, BuildReport]:
    report = BuildReport()
    extractions = extract_all(discover(paths), report, options)
    started = time.perf_counter()
    result = resolve(extractions, base_iri, rules)
    report.timings["resolve"] = time.perf_counter() - started
    report.duplicates = result.duplicates
    report.counts = result.model.counts()
    return result, report
