"""How each class looks on the page: colour, vis-network shape, legend name, drawn by default."""

from __future__ import annotations

from dataclasses import dataclass

from kgraph.kinds import CORPUS_LEVEL, KINDS


@dataclass(frozen=True)
class ClassStyle:
    name: str  # node `type` in kg.nx
    legend: str
    color: str
    shape: str
    shown: bool = True  # visible under the default filters
    corpus_level: bool = False  # grows with the episodes it appears in (people, organizations, ...)


# The drawn kinds' styles, in the order of the table of kinds (`kgraph.kinds`).
CLASS_STYLES: tuple[ClassStyle, ...] = tuple(
    ClassStyle(kind.name, s.legend, s.color, s.shape, s.shown, kind.name in CORPUS_LEVEL)
    for kind in KINDS
    if (s := kind.style) is not None
)
STYLE_BY_CLASS = {style.name: style for style in CLASS_STYLES}

#: relation names shown on edges (tooltips, panel), by predicate CURIE
RELATION_NAMES: dict[str, str] = {
    "kg:podcast": "in podcast",
    "kg:participant": "participant",
    "kg:insight": "insight",
    "kg:mentions": "mentions",
    "kg:episode": "in episode",
    "kg:speaker": "spoken by",
    "kg:about": "about",
    "kg:affiliation": "affiliated with",
    "kg:madeBy": "made by",
}
