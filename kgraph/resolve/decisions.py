"""What resolution decided about identity, and why: every merge of two names (or two files) into
one node, and every near miss it kept apart, with the evidence. Written to report.json and shown
by `kgraph aliases` so a user can turn any of them into an alias-file rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["episode", "person", "organization", "product", "podcast"]
Verdict = Literal["merged", "candidate", "separated"]


@dataclass(frozen=True, order=True)
class Decision:
    kind: Kind
    verdict: Verdict  # merged: one node; candidate: a near miss left apart; separated: kept apart by a rule
    names: tuple[str, ...]  # the kept label (or file) first
    reason: str  # a short phrase: "same video id", "suffix form", "spelling variant, same show"
    evidence: tuple[str, ...] = ()  # what supports it: shared affiliation, score, paths

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "verdict": self.verdict,
            "names": list(self.names),
            "reason": self.reason,
            "evidence": list(self.evidence),
        }


@dataclass
class DecisionLog:
    """Collects decisions in any order; `decisions()` is sorted, so reports do not depend on it.
    Records of one kind, verdict and names (the same merge seen from several files) fold into one
    decision: their reasons joined, and their evidence (one record's in its own order, several
    records' as the sorted union)."""

    _decisions: dict[tuple[Kind, Verdict, tuple[str, ...]], tuple[set[str], set[tuple[str, ...]]]] = field(
        default_factory=dict
    )

    def record(
        self,
        kind: Kind,
        verdict: Verdict,
        names: tuple[str, ...] | list[str],
        reason: str,
        evidence: tuple[str, ...] | list[str] = (),
    ) -> None:
        reasons, items = self._decisions.setdefault((kind, verdict, tuple(names)), (set(), set()))
        reasons.add(reason)
        items.add(tuple(evidence))

    def decisions(self) -> list[Decision]:
        return sorted(
            Decision(kind, verdict, names, "; ".join(sorted(reasons)), _evidence(items))
            for (kind, verdict, names), (reasons, items) in self._decisions.items()
        )


def _evidence(records: set[tuple[str, ...]]) -> tuple[str, ...]:
    if len(records) == 1:
        return next(iter(records))
    return tuple(sorted(set().union(*records)))
