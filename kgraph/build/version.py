"""What made a cached result: a hash of kgraph's own code and assets and of the versions of the
libraries whose output ends up in it. A cache entry is only ever reused by the code that made it,
whether or not someone remembered to bump a version number: this is the build's one version
mechanism (`kgraph.build.keys`)."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import kgraph

# markdown-it-py parses, pydantic holds the extractions, pyoxigraph writes the Turtle chunks;
# nameparser holds titles the person-name check reads (places: kgraph/data/places.txt, a code file here).
# jellyfish and pypinyin decide which spellings are one person or organization; pyvis ships the
# page's vis-network script.
_LIBRARIES = (
    "markdown-it-py",
    "pydantic",
    "pyoxigraph",
    "igraph",
    "nameparser",
    "jellyfish",
    "pypinyin",
    "pyvis",
)
_CODE = ("*.py", "*.js", "*.css", "*.html", "*.rq", "*.toml", "*.txt")  # .toml, .txt: kgraph/data


@cache
def code_version() -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(kgraph.__version__.encode())
    for library in _LIBRARIES:
        digest.update(f"|{library}={_installed(library)}".encode())
    root = Path(str(resources.files("kgraph")))
    for path in sorted((path for suffix in _CODE for path in root.rglob(suffix)), key=str):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _installed(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"
