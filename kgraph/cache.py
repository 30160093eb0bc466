"""Per-document cache: a document's extraction, keyed by everything it depends on.

The key hashes the code that extracts (`kgraph.version`), the extractor version, the document's
relative path (it becomes `EpisodeInfo.source_file`), its text and the start of its transcript. One
file per document in a folder that is safe to delete; entries are written atomically and pickled
(unpickling a pydantic model skips validation, several times faster than `model_validate_json` for
a 10k-document rebuild).
An entry holds the document's digest first (what resolution reads, a few KB) and then the full
extraction, so a rebuild reads every digest but only the extractions of the episodes it redoes."""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path

from kgraph.extract import EXTRACTOR_VERSION
from kgraph.extract.results import DocumentExtraction
from kgraph.load import SourceDocument
from kgraph.pickled import UNREADABLE
from kgraph.resolve.digest import ExtractionDigest
from kgraph.version import code_version
from kgraph.write.atomic import write_bytes

SUFFIX = ".pickle"
_MAGIC = b"kgraph-entry-1\n"  # an entry starts with this, then the digest's length in _LENGTH bytes
_LENGTH = 8


def document_key(document: SourceDocument) -> str:
    """Changes whenever the document's extraction could change."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (code_version(), EXTRACTOR_VERSION, document.source, document.text, document.transcript or ""):
        digest.update(part.encode("utf-8", errors="surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class ExtractionCache:
    """A folder of `<key>.pickle` files; `None` as folder disables caching."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def get_digest(self, key: str) -> ExtractionDigest | None:
        """The digest stored for `key`; None when missing or unreadable (the document is redone)."""
        if self.folder is None:
            return None
        try:
            with self._path(key).open("rb") as stream:
                head = stream.read(len(_MAGIC) + _LENGTH)
                digest = None
                if head.startswith(_MAGIC):
                    digest = pickle.loads(stream.read(int.from_bytes(head[len(_MAGIC) :], "little")))
        except UNREADABLE:
            digest = None  # missing or unreadable (e.g. from another kgraph): redo the document
        if not isinstance(digest, ExtractionDigest) or digest.key != key:
            self.misses += 1
            return None
        self.hits += 1
        return digest

    def get(self, key: str) -> DocumentExtraction | None:
        """The full extraction stored for `key`."""
        if self.folder is None:
            return None
        try:
            data = self._path(key).read_bytes()
            if not data.startswith(_MAGIC):
                return None
            start = len(_MAGIC) + _LENGTH
            extraction = pickle.loads(data[start + int.from_bytes(data[len(_MAGIC) : start], "little") :])
        except UNREADABLE:
            return None
        return extraction if isinstance(extraction, DocumentExtraction) else None

    def put(self, key: str, digest: ExtractionDigest, extraction: DocumentExtraction) -> None:
        if self.folder is not None:
            head = pickle.dumps(digest, protocol=pickle.HIGHEST_PROTOCOL)
            body = pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)
            write_bytes(self._path(key), _MAGIC + len(head).to_bytes(_LENGTH, "little") + head + body)

    def prune(self, keep: Iterable[str]) -> int:
        """Delete entries not in `keep` (deleted or changed documents); returns how many."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        wanted = {f"{key}{SUFFIX}" for key in keep}
        removed = 0
        for entry in self.folder.iterdir():
            if entry.suffix == SUFFIX and entry.name not in wanted:
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()
                    removed += 1
        return removed
