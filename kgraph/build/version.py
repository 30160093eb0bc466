"""What made a cached result: a hash of kgraph's own code and assets and of the versions of the
libraries whose output ends up in it. A cache entry is only ever reused by the code that made it,
whether or not someone remembered to bump a version number: this is the build's one version
mechanism (`kgraph.build.keys`)."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable
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
            version = _header_version(os.path.join(entry or ".", name))
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


# a header line as the `email` parser importlib.metadata uses takes one: a name of printable
# characters but the colon, then a colon
_HEADER_NAME = re.compile(r"[\041-\071\073-\176]*:")


def _header_version(folder: str) -> str | None:
    """The `Version:` field of the folder's METADATA (or, without one, PKG-INFO), as the `email`
    parser reads it; None when there is no such field, or the header is one this reading does not
    follow (a folded line, a line that is not a field): the slow path decides those."""
    for name in ("METADATA", "PKG-INFO"):  # the order importlib.metadata reads them in
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as lines:
                return _version_field(lines)
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            continue
        except (OSError, UnicodeDecodeError):
            return None
    return None


def _version_field(lines: Iterable[str]) -> str | None:
    version = None
    for line in lines:
        if line == "\n":  # the end of the header
            break
        folded = line[0] in " \t"
        if version is not None:
            return None if folded else version  # a folded Version field: left to the email parser
        if folded:
            continue
        match = _HEADER_NAME.match(line)
        if match is None or line.startswith("From "):
            return None
        if line[: match.end() - 1].lower() == "version":
            version = line[match.end() :].lstrip(" \t").rstrip("\r\n")
    return version


def _metadata_versions(libraries: tuple[str, ...]) -> dict[str, str]:
    from importlib import metadata

    versions = {}
    for library in libraries:
        try:
            versions[library] = metadata.version(library)
        except metadata.PackageNotFoundError:
            versions[library] = "absent"
    return versions
