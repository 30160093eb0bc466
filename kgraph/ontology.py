"""Where the ontology files live: `ontology/` next to the package in a checkout or an editable
install, `<prefix>/share/kgraph/ontology/` in an installed wheel (pyproject data-files)."""

from __future__ import annotations

import sys
from pathlib import Path

from kgraph.errors import UsageError

ONTOLOGY = "kgraph.ttl"
SHAPES = "shapes.ttl"
CONTEXT = "context.jsonld"

_CANDIDATES = (
    Path(__file__).resolve().parent.parent / "ontology",
    Path(sys.prefix) / "share" / "kgraph" / "ontology",
)


def ontology_file(name: str) -> Path:
    """Path of one of the shipped ontology files (ONTOLOGY, SHAPES or CONTEXT)."""
    for folder in _CANDIDATES:
        if (folder / name).is_file():
            return folder / name
    raise UsageError(
        f"cannot find the shipped ontology file {name!r} (looked in "
        + ", ".join(str(folder) for folder in _CANDIDATES)
        + ")"
    )
