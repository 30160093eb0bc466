"""What made a cached result: a hash of kgraph's own code and assets and of the versions of the
libraries whose output ends up in it. A cache entry is only ever reused by the code that made it,
whether or not someone remembered to bump a version number: this is the build's one version
mechanism (`kgraph.build.keys`)."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from functools import cache
from importlib import resources
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
    versions = installed_versions(_LIBRARIES)
    for library in _LIBRARIES:
        digest.update(f"|{library}={versions[library]}".encode())
    root = Path(str(resources.files("kgraph")))
    for path in sorted((path for suffix in _CODE for path in root.rglob(suffix)), key=str):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def installed_versions(libraries: tuple[str, ...]) -> dict[str, str]:
    """Each library's version as `importlib.metadata.version` gives it ("absent" when not
    installed), read from its metadata folder on `sys.path` directly: importing
    `importlib.metadata` (and the `email` package it parses headers with) and scanning with it
    cost a cold build about 25 ms. Anything unusual falls back to `importlib.metadata` itself."""
    if _other_finders() or any(entry.lower().endswith(".egg") for entry in sys.path):
        return _metadata_versions(libraries)
    wanted = {_normalized(library): library for library in libraries}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # not a folder (a zip archive, a path hook's marker): only the slow path reads those
            if os.path.exists(entry):
                return _metadata_versions(libraries)
            continue
        for name in names:
            stem, _, suffix = name.lower().rpartition(".")
            library = wanted.get(_normalized(stem.partition("-")[0])) if suffix in ("dist-info", "egg-info") else None
            if library is None or library in found:
                continue
            version = _header_version(
                os.path.join(entry or ".", name, "METADATA" if suffix == "dist-info" else "PKG-INFO")
            )
            if version is None:
                return _metadata_versions(libraries)
            found[library] = version
    if len(found) < len(libraries):  # absent here: other finders might still know it
        return _metadata_versions(libraries)
    return found


def _other_finders() -> bool:
    """Whether a finder ahead of the path finder could list distributions (one after it is only
    asked for what the path finder did not find: the slow path then)."""
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if finder is PathFinder:
            return False
        if hasattr(finder, "find_distributions"):
            return True
    return True


def _normalized(name: str) -> str:
    # as importlib.metadata's Prepared.normalize
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _header_version(path: str) -> str | None:
    """The `Version:` field of a metadata file's header (None: no such file or field)."""
    try:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    return None
                field, colon, value = line.partition(":")
                if colon and field.lower() == "version":
                    return value.lstrip(" \t").rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _metadata_versions(libraries: tuple[str, ...]) -> dict[str, str]:
    from importlib import metadata

    versions = {}
    for library in libraries:
        try:
            versions[library] = metadata.version(library)
        except metadata.PackageNotFoundError:
            versions[library] = "absent"
    return versions
