"""The build pipeline: load -> parse -> extract per document, then resolve across documents."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kgraph.errors import DocumentError
from kgraph.extract import extract_document
from kgraph.extract.results import DocumentExtraction
from kgraph.load import Candidate, SourceDocument, discover, read_document
from kgraph.parse import parse_document
from kgraph.report import BuildReport
from kgraph.resolve import ResolveResult, resolve
from kgraph.resolve.aliases import AliasRules
from kgraph.transcript import transcript_anchors


def extract_source(document: SourceDocument) -> DocumentExtraction:
    """Per-document work: a pure function of the document's text and path."""
    return extract_document(parse_document(document.source, document.text),
                            transcript_anchors(document.transcript))


def extract_all(candidates: Iterable[Candidate], report: BuildReport) -> list[DocumentExtraction]:
    extractions = []
    for candidate in candidates:
        try:
            document = read_document(candidate)
            if document is None:
                continue
            report.documents_read += 1
            extraction = extract_source(document)
        except DocumentError as error:
            report.documents_read += 1
            report.skipped.append({"file": candidate.source, "reason": error.message if error.line is None
                                   else f"line {error.line}: {error.message}"})
            continue
        extractions.append(extraction)
        report.warnings.extend({"file": candidate.source, "warning": w} for w in extraction.warnings)
    report.documents_built = len(extractions)
    return extractions


def run(paths: list[Path], base_iri: str, rules: AliasRules) -> tuple[ResolveResult, BuildReport]:
    report = BuildReport()
    extractions = extract_all(discover(paths), report)
    result = resolve(extractions, base_iri, rules)
    report.duplicates = result.duplicates
    report.counts = result.model.counts()
    return result, report
