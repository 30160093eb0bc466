"""The code of 930d819, kept as the oracle of tests/test_episode_keys.py: `hash_parts` (one update
per part) and `EpisodeKeys.key` (`kgraph.build.keys`)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from kgraph.build.keys import EpisodeKeys
from kgraph.extract.results import EntityKind
from kgraph.resolve.episodes import EpisodeGroup


def hash_parts(parts: Iterable[str]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", errors="surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def episode_key(keys: EpisodeKeys, group: EpisodeGroup) -> str:
    identities, primary = keys.identities, group.primary
    people = sorted(
        {
            *(p.name for p in primary.people),
            *primary.participants,
            *primary.speakers,
            *(e.name for e in primary.entities if e.kind == EntityKind.PERSON),
        }
    )
    organizations = sorted(
        {e.name for e in primary.entities if e.kind == EntityKind.ORGANIZATION}
        # (a newer rule carried here: the organizations its people belong to, which it mentions)
        | {org for person in primary.people for org in person.affiliations}
    )
    return hash_parts(
        (
            "episode",
            keys.version,
            identities.base,
            identities.episode_iri(primary),
            identities.podcast_iri(primary),
            primary.key,
            *(copy.key for copy in group.copies),
            *(f"{name}\x01{identities.person_iri(primary, name)}" for name in people),
            *(f"{name}\x02{identities.organization_iri(name)}" for name in organizations),
            *(
                f"{e.name}\x03{identities.entity_iri(primary, e)}"
                for e in primary.entities
                if e.kind == EntityKind.PRODUCT
            ),
            *keys.shared_names(group),
        )
    )
