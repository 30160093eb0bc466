"""A build's share of a corpus split over machines: shard I of N holds the entities graph (the
same in every shard; a store keeps one copy of a quad loaded twice) and the episode graphs whose
IRI hashes to I. Identities stay corpus-wide, so the shards loaded into one store are exactly the
single build."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from kgraph.errors import UsageError


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
        if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
            raise UsageError(f"--shard must be I/N with 1 <= I <= N, such as 1/4 (got {text!r})")
        return cls(int(match.group(1)), int(match.group(2)))

    def holds(self, episode_iri: str) -> bool:
        """Stable as the corpus grows: an episode stays in its shard whatever else is added."""
        number = int.from_bytes(hashlib.blake2b(episode_iri.encode(), digest_size=8).digest(), "big")
        return number % self.count == self.index - 1
