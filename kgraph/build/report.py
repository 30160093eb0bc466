"""The build report: what was read, built and skipped (and why), with counts per class."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import cast

from kgraph.resolve.review import count_verdicts


@dataclass
class BuildReport:
    documents_read: int = 0
    documents_built: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"file", "reason"}
    warnings: list[dict[str, str]] = field(default_factory=list)  # {"file", "warning"}
    duplicates: dict[str, list[str]] = field(default_factory=dict)
    identity: list[dict[str, object]] = field(default_factory=list)  # resolution's decisions, sorted
    counts: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    faithfulness: list[dict[str, object]] = field(default_factory=list)  # one row per episode with a transcript
    # How the build ran, not what it built: never written to report.json (outputs stay byte-identical).
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    cache_hits: int = 0
    cache_misses: int = 0
    parts_built: int = 0  # episodes whose outputs were made, not reused from the cache

    @property
    def ok(self) -> bool:
        return not self.skipped

    def to_json(self) -> str:
        data: dict[str, object] = {
            "documents": {"read": self.documents_read, "built": self.documents_built, "skipped": len(self.skipped)},
            "skipped": sorted(self.skipped, key=lambda s: s["file"]),
            "warnings": sorted(self.warnings, key=lambda w: (w["file"], w["warning"])),
            "duplicates": {k: sorted(v) for k, v in sorted(self.duplicates.items())},
            "identity": {
                "merges": [d for d in self.identity if d["verdict"] == "merged"],
                "candidates": [d for d in self.identity if d["verdict"] == "candidate"],
                "separated": [d for d in self.identity if d["verdict"] == "separated"],
            },
            "counts": self.counts,
            "triples": self.triples,
        }
        if self.faithfulness:
            episodes: list[dict[str, object]] = sorted(self.faithfulness, key=lambda row: str(row["file"]))
            data["faithfulness"] = {"totals": self.faithfulness_totals(), "episodes": episodes}
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"

    def summary_lines(self) -> list[str]:
        lines = [f"documents: {self.documents_read} read, {self.documents_built} built, {len(self.skipped)} skipped"]
        lines += [
            f"  skipped {item['file']}: {item['reason']}" for item in sorted(self.skipped, key=lambda s: s["file"])
        ]
        if self.duplicates:
            merged = sum(len(v) for v in self.duplicates.values())
            episodes = len(self.duplicates)
            lines.append(
                f"duplicates: {merged} {'copies' if merged > 1 else 'copy'} merged into {episodes} "
                f"episode{'s' if episodes > 1 else ''}"
            )
            lines += self._episode_merge_lines()
        if self.warnings:
            lines.append(f"warnings: {len(self.warnings)} (see report.json)")
        if self.identity:
            lines.append(f"identity: {count_verdicts(str(d['verdict']) for d in self.identity)} (see `kgraph aliases`)")
        lines.append("nodes: " + ", ".join(f"{name} {count}" for name, count in self.counts.items()))
        lines.append(f"triples: {self.triples}")
        if self.faithfulness:
            totals = self.faithfulness_totals()
            lines.append(
                f"quotes in transcripts: {totals['verbatim']} verbatim, {totals['approximate']} approximate, "
                f"{totals['translated']} translated, {totals['not_in_transcript']} not in transcript "
                f"({totals['episodes']} episode{'s' if totals['episodes'] != 1 else ''} with a transcript, "
                f"{totals['untrusted_labels']} with untrusted speaker labels)"
            )
        if self.cache_hits:
            lines.append(f"cache: {self.cache_hits} documents reused, {self.cache_misses} extracted")
        return lines

    def faithfulness_totals(self) -> dict[str, int]:
        keys = ("verbatim", "approximate", "translated", "not_in_transcript", "speakers_from_labels")
        totals = {key: sum(cast(int, row[key]) for row in self.faithfulness) for key in keys}
        totals["episodes"] = len(self.faithfulness)
        totals["untrusted_labels"] = sum(not row["labels_trusted"] for row in self.faithfulness)
        return totals

    def _episode_merge_lines(self) -> list[str]:
        """One line per merged copy: both paths and the evidence."""
        lines = []
        for decision in self.identity:
            if decision["kind"] == "episode" and decision["verdict"] == "merged":
                kept, *merged = cast(list[str], decision["names"])
                lines += [f"  merged {copy} into {kept} ({decision['reason']})" for copy in merged]
        return lines
