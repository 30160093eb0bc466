"""Input readers live in a registry, like the output formats: `register` a reader once, find the
one for a file with `reader_for`. Built-in readers are imported on first use; a plugin adds one
through the `kgraph.readers` entry point group (`name = "package.module:READER"`).

A reader has a `name`, a `description` and `accepts(path)`. A document reader (the summary reader)
also has `read(candidate) -> SourceDocument | None` and `extract(document) -> DocumentExtraction`:
`discover` lists the files a document reader accepts, `read_document` and `extract` hand each to
its reader. Other readers read files that belong to a document (the transcript reader: a summary's
transcript, attached to its extraction)."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from kgraph.errors import UsageError

if TYPE_CHECKING:
    from kgraph.extract.results import DocumentExtraction
    from kgraph.sources.files import Candidate
    from kgraph.sources.summary import SourceDocument

ENTRY_POINT_GROUP = "kgraph.readers"


@runtime_checkable
class Reader(Protocol):
    name: str
    description: str

    def accepts(self, path: Path) -> bool:
        """Whether `path` (relative to the input root; the file is not opened) is for this reader."""
        ...


@runtime_checkable
class DocumentReader(Reader, Protocol):
    def read(self, candidate: Candidate) -> SourceDocument | None:
        """The document; None if the file is not one (and was not named explicitly). Raises
        `DocumentError` for a file that cannot be read."""
        ...

    def extract(self, document: SourceDocument) -> DocumentExtraction:
        """Everything the document says: a pure function of the document (cacheable)."""
        ...


# name -> the reader, or "module:attribute" where it is until first asked for. Order matters:
# the first reader that accepts a file reads it (transcripts before the summaries they sit beside).
_REGISTRY: dict[str, Reader | str] = {
    "transcript": "kgraph.sources.transcript:READER",
    "summary": "kgraph.sources.summary:READER",
}
_plugins_loaded = False
_document_readers: list[DocumentReader] | None = None  # asked for once per file found: kept


def register(name: str, reader: Reader | str) -> None:
    """Make `reader` (or the "module:attribute" it can be imported from) the reader called `name`."""
    global _document_readers
    _REGISTRY[name] = reader
    _document_readers = None


def get_reader(name: str) -> Reader:
    _load_plugins()
    try:
        entry = _REGISTRY[name]
    except KeyError:
        raise UsageError(f"unknown reader {name!r} (known: {', '.join(_REGISTRY)})") from None
    if isinstance(entry, str):
        entry = _REGISTRY[name] = _import(entry)
    return entry


def readers() -> list[Reader]:
    """Every reader, in the order `reader_for` tries them."""
    _load_plugins()
    return [get_reader(name) for name in list(_REGISTRY)]


def reader_for(path: Path) -> Reader | None:
    """The first reader that accepts `path`; None when no reader does."""
    return next((reader for reader in readers() if reader.accepts(path)), None)


def document_reader_for(path: Path) -> DocumentReader | None:
    """The first document reader that accepts `path`; None when no document reader does."""
    global _document_readers
    if _document_readers is None:
        _document_readers = [reader for reader in readers() if isinstance(reader, DocumentReader)]
    return next((reader for reader in _document_readers if reader.accepts(path)), None)


def read_document(candidate: Candidate) -> SourceDocument | None:
    """`candidate` read by its reader (a file named on the command line that no reader accepts
    goes to the summary reader, which says why it is not a summary)."""
    reader = document_reader_for(Path(candidate.source)) or get_reader("summary")
    assert isinstance(reader, DocumentReader)
    return reader.read(candidate)


def extract(document: SourceDocument) -> DocumentExtraction:
    """The extraction of a document read by `read_document`, made by the reader that read it."""
    reader = get_reader(document.reader)
    assert isinstance(reader, DocumentReader)
    return reader.extract(document)


def _import(target: str) -> Reader:
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        _REGISTRY.setdefault(entry.name, entry.value)  # a plugin adds a reader, never replaces one
