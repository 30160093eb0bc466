"""Complete keys: each holds everything its value depends on, so the store needs no other rule.

- `document_key`: the code (`code_version()`: kgraph's code and data, and the libraries whose
  output ends up in a result), the document's path, its text and its transcript.
- `EpisodeKeys.key`: an episode's nodes depend on its documents, the base IRI, every answer the
  identities give it (its episode, podcast, people and organizations) and the shared names that
  occur in its texts with the IRI each resolves to. A name can occur in a text only if each of its
  tokens does (`kgraph.resolve.mentions` matches whole tokens), so the key takes every shared name
  whose tokens are all among the episode's (`ExtractionDigest.token_hashes`): a superset, which
  costs a needless remake at worst and never a stale episode.
- `run_key`: the whole resolution, from every document's key, the base IRI and the alias rules."""

from __future__ import annotations

from array import array
from collections.abc import Iterable

from kgraph.build.hashing import document_key, hash_parts
from kgraph.build.version import code_version
from kgraph.extract.results import EntityKind
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.digest import affiliated_organizations, token_hash
from kgraph.resolve.episodes import EpisodeGroup
from kgraph.resolve.identities import Identities

__all__ = ["EpisodeKeys", "document_key", "hash_parts", "name_index", "names_that_can_occur", "run_key"]


def run_key(document_keys: Iterable[str], base_iri: str, rules: AliasRules) -> str:
    """Changes whenever anything resolution or the episode list depends on could change."""
    return hash_parts(("run", code_version(), base_iri, repr((rules.merge, rules.separate)), *document_keys))


# first token's hash -> ("name\x03IRI" of the one-token names, second token's hash -> ("name\x03IRI" of
# the two-token names, (hashes of every token, "name\x03IRI") of the longer names))
NameIndex = dict[int, tuple[list[str], dict[int, tuple[list[str], list[tuple[tuple[int, ...], str]]]]]]


def name_index(names: dict[str, str]) -> NameIndex:
    """Each name by the hashes of its first tokens (name keys as `NameMatcher.index` holds them:
    tokens joined by spaces)."""
    index: NameIndex = {}
    for name, iri in names.items():
        tokens = tuple(token_hash(token) for token in name.split(" "))
        single, longer = index.setdefault(tokens[0], ([], {}))
        if len(tokens) == 1:
            single.append(f"{name}\x03{iri}")
            continue
        pairs, more = longer.setdefault(tokens[1], ([], []))
        if len(tokens) == 2:
            pairs.append(f"{name}\x03{iri}")
        else:
            more.append((tokens, f"{name}\x03{iri}"))
    return index


def names_that_can_occur(index: NameIndex, token_hashes: bytes) -> list[str]:
    """ "name\x03IRI" of every name whose tokens all are among `token_hashes`, sorted."""
    mine = array("I")
    mine.frombytes(token_hashes)
    tokens = set(mine)
    # Only the tokens that begin a name are read, then the second tokens the text holds: each
    # intersection runs in C over its smaller side, and so does adding the names of one or two
    # tokens (most names), found without a further test.
    found: set[str] = set()
    for token in index.keys() & tokens:
        single, longer = index[token]
        found.update(single)
        for second in longer.keys() & tokens:
            pairs, more = longer[second]
            found.update(pairs)
            if more:
                found.update(entry for hashes, entry in more if tokens.issuperset(hashes))
    return sorted(found)


class EpisodeKeys:
    """Complete keys of the episodes of one resolution."""

    def __init__(self, identities: Identities):
        self.identities = identities
        self.version = code_version()
        self._names = name_index(identities.names.index)

    def shared_names(self, group: EpisodeGroup) -> list[str]:
        """ "name\x03IRI" of every shared name that can occur in the episode's texts, sorted."""
        return names_that_can_occur(self._names, group.primary.token_hashes)

    def key(self, group: EpisodeGroup) -> str:
        identities, primary = self.identities, group.primary
        people = {*(p.name for p in primary.people), *primary.participants, *primary.speakers}
        organizations = affiliated_organizations(primary.people)  # (which the episode mentions)
        products: list[str] = []
        for entry in primary.entities:  # (one pass: the key is made for every episode of a build)
            if entry.kind == _PERSON:
                people.add(entry.name)
            elif entry.kind == _ORGANIZATION:
                organizations.add(entry.name)
            elif entry.kind == _PRODUCT:
                products.append(f"{entry.name}\x03{identities.entity_iri(primary, entry)}")
        person_iri, organization_iri = identities.person_iri, identities.organization_iri
        return hash_parts(
            (
                "episode",
                self.version,
                identities.base,
                identities.episode_iri(primary),
                identities.podcast_iri(primary),
                primary.key,
                *(copy.key for copy in group.copies),
                *[f"{name}\x01{person_iri(primary, name)}" for name in sorted(people)],
                *[f"{name}\x02{organization_iri(name)}" for name in sorted(organizations)],
                *products,
                *self.shared_names(group),
            )
        )


_PERSON, _ORGANIZATION, _PRODUCT = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PRODUCT
