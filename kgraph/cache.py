"""Per-document cache: a document's extraction, keyed by everything it depends on.

The key hashes the kgraph and extractor versions, the document's relative path (it becomes
`EpisodeInfo.source_file`), its text and the start of its transcript. One file per document in a
folder that is safe to delete; entries are written atomically and pickled (unpickling a pydantic
model skips validation, several times faster than `model_validate_json` for a 10k-document rebuild)."""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path

import kgraph
from kgraph.extract import EXTRACTOR_VERSION
from kgraph.extract.results import DocumentExtraction
from kgraph.load import SourceDocument
from kgraph.write.atomic import write_bytes

SUFFIX = ".pickle"


def document_key(document: SourceDocument) -> str:
    """Changes whenever the document's extraction could change."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (kgraph.__version__, EXTRACTOR_VERSION, document.source, document.text, document.transcript or ""):
        digest.update(part.encode("utf-8", errors="surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class ExtractionCache:
    """A folder of `<key>.pickle` files; `None` as folder disables caching."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> DocumentExtraction | None:
        if self.folder is None:
            return None
        try:
            extraction = pickle.loads((self.folder / f"{key}{SUFFIX}").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            extraction = None  # missing or unreadable (e.g. from another kgraph): redo the document
        if not isinstance(extraction, DocumentExtraction):
            self.misses += 1
            return None
        self.hits += 1
        return extraction

    def put(self, key: str, extraction: DocumentExtraction) -> None:
        if self.folder is not None:
            write_bytes(self.folder / f"{key}{SUFFIX}", pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))

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
