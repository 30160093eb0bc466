"""The documents under the input paths, read once per build: the output stamp keys them (see
`kgraph.build.stamp`) and the pipeline extracts the same reading, so no document is read twice
and the outputs are made from exactly the text their key describes. Imports only the readers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kgraph.build.hashing import document_key
from kgraph.errors import DocumentError
from kgraph.sources import read_document
from kgraph.sources.files import Candidate, discover
from kgraph.sources.summary import SourceDocument


@dataclass
class Input:
    """One file found under the paths: its document and key, the error that skips it, or
    neither (no reader takes it). The pipeline takes `document` (and clears it) when it reads."""

    candidate: Candidate
    document: SourceDocument | None = None
    key: str = ""
    error: DocumentError | None = None


def read_inputs(paths: list[Path]) -> list[Input]:
    """Every candidate under `paths` (sorted), read and keyed; a missing path raises `UsageError`."""
    inputs = []
    for candidate in discover(paths):
        try:
            document = read_document(candidate)
        except DocumentError as error:
            inputs.append(Input(candidate, error=error))
            continue
        inputs.append(Input(candidate, document, document_key(document) if document is not None else ""))
    return inputs
