"""Input readers live in a registry, like the output formats: `register` a reader once, find the
one for a file with `reader_for`. Built-in readers are imported on first use; a plugin adds one
through the `kgraph.readers` entry point group (`name = "package.module:READER"`).

A reader has a `name`, a `description` and `accepts(path)`; what it reads into is its own (the
summary reader yields `SourceDocument`s and their `DocumentExtraction`, the transcript reader
`Transcript`s)."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol, runtime_checkable

from kgraph.errors import UsageError

ENTRY_POINT_GROUP = "kgraph.readers"


@runtime_checkable
class Reader(Protocol):
    name: str
    description: str

    def accepts(self, path: Path) -> bool:
        """Whether `path` (its name; the file is not opened) is for this reader."""
        ...


# name -> the reader, or "module:attribute" where it is until first asked for. Order matters:
# the first reader that accepts a file reads it (transcripts before the summaries they sit beside).
_REGISTRY: dict[str, Reader | str] = {
    "transcript": "kgraph.sources.transcript:READER",
    "summary": "kgraph.sources.summary:READER",
}
_plugins_loaded = False


def register(name: str, reader: Reader | str) -> None:
    """Make `reader` (or the "module:attribute" it can be imported from) the reader called `name`."""
    _REGISTRY[name] = reader


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


def _import(target: str) -> Reader:
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)  # type: ignore[no-any-return]


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        _REGISTRY.setdefault(entry.name, entry.value)  # a plugin adds a reader, never replaces one
