"""What the page shows: options only, so the command line can offer them without importing the page."""

from __future__ import annotations

from dataclasses import dataclass

# A page beyond ten thousand nodes draws slowly and reads as a hairball; larger corpora get their
# best-connected part by default (`--html-max-nodes` raises the cap, `--html-focus` narrows it).
DEFAULT_MAX_NODES = 10_000


@dataclass(frozen=True)
class HtmlOptions:
    focus: str | None = None  # a label or alias
    depth: int = 2
    max_nodes: int | None = DEFAULT_MAX_NODES  # None: no cap
