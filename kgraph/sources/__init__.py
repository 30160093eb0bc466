"""Input readers live in a registry, like the output formats: `register` a reader once, find the
one for a file with `reader_for`. Built-in readers are imported on first use; a plugin adds one
through the `kgraph.readers` entry point group (`name = "package.module:READER"`). Plugins come
after the readers registered in code, and are looked up only when those do not settle a question
(a name or a file none of them takes, or the list of every reader): the lookup imports
`importlib.metadata`, about 15 ms, which a build of Markdown summaries need not pay.

A reader has a `name`, a `description` and `accepts(path)`. A document reader (the summary reader)
also has `read(candidate) -> SourceDocument | None` and `extract(document) -> DocumentExtraction`:
`discover` lists the files a document reader accepts, `read_document` and `extract` hand each to
its reader. Other readers read files that belong to a document (the transcript reader: a summary's
transcript, attached to its extraction)."""

from __future__ import annotations

import importlib
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
# (reader, the same when it reads documents, else None) in order: asked for per file found, so kept
_in_order: list[tuple[Reader, DocumentReader | None]] | None = None


def register(name: str, reader: Reader | str) -> None:
    """Make `reader` (or the "module:attribute" it can be imported from) the reader called `name`."""
    global _in_order
    _REGISTRY[name] = reader
    _in_order = None


def get_reader(name: str) -> Reader:
    if name not in _REGISTRY:
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
    found = _first_accepting(path)
    return found[0] if found is not None else None


def document_reader_for(path: Path) -> DocumentReader | None:
    """The reader of `path` when it is a document reader; None when no reader accepts `path`, or
    the first that does reads files that belong to a document (a transcript)."""
    found = _first_accepting(path)
    return found[1] if found is not None else None


def _first_accepting(path: Path) -> tuple[Reader, DocumentReader | None] | None:
    """The first reader that accepts `path` (twice when it is a document reader, else with None);
    plugins are looked up when no reader registered so far accepts it."""
    global _in_order
    while True:
        for entry in _ordered():
            if entry[0].accepts(path):
                return entry
        if _plugins_loaded:
            return None
        _load_plugins()
        _in_order = None


def _ordered() -> list[tuple[Reader, DocumentReader | None]]:
    global _in_order
    if _in_order is None:
        _in_order = [(reader, _as_document_reader(reader)) for reader in map(get_reader, list(_REGISTRY))]
    return _in_order


def _as_document_reader(reader: Reader) -> DocumentReader | None:
    return reader if isinstance(reader, DocumentReader) else None


def read_document(candidate: Candidate) -> SourceDocument | None:
    """`candidate` read by its reader (a file named on the command line that no reader accepts
    goes to the summary reader, which says why it is not a summary)."""
    reader = document_reader_for(Path(candidate.source)) or _document_reader("summary")
    return reader.read(candidate)


def extract(document: SourceDocument) -> DocumentExtraction:
    """The extraction of a document read by `read_document`, made by the reader that read it."""
    return _document_reader(document.reader).extract(document)


def _document_reader(name: str) -> DocumentReader:
    """The reader called `name`, which must read documents: checked once per reader (a check
    against a runtime Protocol costs about 12 us, 0.12 s per 10,000 documents)."""
    reader = get_reader(name)
    for known, document_reader in _ordered():
        if known is reader and document_reader is not None:
            return document_reader
    assert isinstance(reader, DocumentReader)
    return reader


def _import(target: str) -> Reader:
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


def _load_plugins() -> None:
    global _plugins_loaded, _in_order
    if _plugins_loaded:
        return
    from importlib.metadata import entry_points

    _plugins_loaded = True
    _in_order = None
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        _REGISTRY.setdefault(entry.name, entry.value)  # a plugin adds a reader, never replaces one
