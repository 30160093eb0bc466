"""The documents under the input paths, read once per build: the output stamp keys them (see
`kgraph.build.stamp`) and the pipeline extracts the same reading, so no document is read twice
and the outputs are made from exactly the text their key describes. Imports only the readers."""

from __future__ import annotations

from collections.abc import Iterator
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


def read_input(candidate: Candidate) -> Input:
    """The candidate read and keyed, or the error that skips it."""
    try:
        document = read_document(candidate)
    except DocumentError as error:
        return Input(candidate, error=error)
    return Input(candidate, document, document_key(document) if document is not None else "")


class Reading:
    """The candidates under `paths` (sorted), found at once (a missing path raises `UsageError`)
    and each read when first iterated over: the build hands the first documents to its workers
    while it reads the rest. What was read stays in `inputs`, in order, for the output stamp."""

    def __init__(self, paths: list[Path]):
        self.candidates = discover(paths)
        self.inputs: list[Input] = []

    def __len__(self) -> int:
        return len(self.candidates)

    def __iter__(self) -> Iterator[Input]:
        for index, candidate in enumerate(self.candidates):
            if index == len(self.inputs):
                self.inputs.append(read_input(candidate))
            yield self.inputs[index]

    @property
    def complete(self) -> bool:
        """Whether every candidate was read."""
        return len(self.inputs) == len(self.candidates)

    def read_all(self) -> list[Input]:
        """Every candidate read (those not read yet, now)."""
        for _ in self:
            pass
        return self.inputs
