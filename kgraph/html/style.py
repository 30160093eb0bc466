"""How each class looks on the page: colour, vis-network shape, legend name, drawn by default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClassStyle:
    name: str  # node `type` in kg.nx
    legend: str
    color: str
    shape: str
    shown: bool = True  # visible under the default filters


CLASS_STYLES: tuple[ClassStyle, ...] = (
    ClassStyle("Podcast", "Podcast", "#6a3d9a", "star"),
    ClassStyle("Episode", "Episode", "#1f78b4", "square"),
    ClassStyle("Person", "Person", "#e31a1c", "dot"),
    ClassStyle("Organization", "Organization", "#33a02c", "diamond"),
    ClassStyle("KeyTheme", "Key theme", "#ff7f00", "triangle"),
    ClassStyle("ContrarianPerspective", "Contrarian perspective", "#b15928", "triangleDown"),
    ClassStyle("OperatingInsight", "Operating insight", "#d4a017", "hexagon"),
    ClassStyle("OverlookedInsight", "Overlooked insight", "#9e6ebd", "hexagon"),
    ClassStyle("Claim", "Claim (quote)", "#7fa7c9", "dot", shown=False),
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
}
