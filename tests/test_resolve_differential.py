"""Corpus-wide resolution against the code it replaced (kept in `tests/oracles/`): on seeded
invented corpora whose names meet every rule (reordered, spelt alike, short given names, CJK and
pinyin, lone first names, suffix forms, aliases, products), every identity, label, decision, node
and episode key must come out the same."""

from __future__ import annotations

import datetime as dt
import pickle
import random
import zlib
from array import array

import pytest

from kgraph.build.keys import EpisodeKeys, name_index, names_that_can_occur
from kgraph.extract.results import EntityEntry, EntityKind, EpisodeInfo, PersonName
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.digest import ExtractionDigest, token_hash
from kgraph.resolve.identities import Identities
from kgraph.resolve.unionfind import UnionFind

from .oracles import aliases_17f310d as old_aliases
from .oracles import identities_17f310d as old_identities
from .oracles import unionfind_17f310d as old_unionfind

SHOWS = ["Signal Hour", "Signal Hour Podcast", "Orbex Weekly", "Deep Dive", "Nakamura Talks"]
FULL = [
    "Ingrid Solberg", "Ingred Solberg", "Doug Leone", "Douglas Leone", "Masa Son", "Masayoshi Son",
    "Wei Zhang", "Zhang Wei", "张伟", "Dana Ruiz", "Dana Ruis", "Sean Puri", "Sean Parker", "Marek Dell",
    "Tan Jie", "Jie Tan", "Carl Nakamura", "Karol Nakamura", "José Álvarez", "Jose Alvarez", "Chris Olah",
    "Christopher Olah", "李娜", "Na Li",
]  # fmt: skip
LONE = ["Sean", "Marek", "Ingrid", "Nakamura", "Dana", "Ingred", "Sequoia", "Doug", "Jo"]
ORGS = [
    "Halden", "Halden Industries", "Halden Capital", "Halden Technologies", "Gimlet", "Gimlett", "Acme Inc.",
    "ACME", "acme.dev", "Andreessen Horowitz", "a16z", "Google", "Google Labs", "Sequoia", "10 Labs",
    "Ten Labs", "Kalshi", "Calshi", "Orbex", "Lumen", "Lumen AI",
]  # fmt: skip
PRODUCTS = ["ChatGPT", "Chat GPT", "chatgpt", "Claude", "Gemini", "Orbex One"]
WORDS = (
    "quantum computing investor partner founder co-founder staff writer robotics fintech prediction markets "
    "Orbex Halden Sequoia Signal Hour Newcomer Ingrid Ingred CEO VP PhD 2024 GPT-4 Labs research team "
    "Internal Google unit of the public world"
).split()
QUALIFIERS = ["Host", "co-host", "Guest", "CEO", "Staff writer, Deep Dive", "host of Signal Hour", ""]


def _text(rng: random.Random, low: int = 0, high: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _entry(rng: random.Random, kind: EntityKind, name: str, line: int) -> EntityEntry:
    aliases: tuple[str, ...] = ()
    if kind == EntityKind.ORGANIZATION and name == "Andreessen Horowitz" and rng.random() < 0.7:
        aliases = ("a16z",)
    elif kind == EntityKind.ORGANIZATION and rng.random() < 0.15:
        aliases = (rng.choice([*ORGS, "AI", "ABC"]),)
    elif kind == EntityKind.PRODUCT and rng.random() < 0.3:
        aliases = (rng.choice(PRODUCTS),)
    elif kind == EntityKind.PERSON and rng.random() < 0.2:
        aliases = (rng.choice(FULL),)
    return EntityEntry(
        kind=kind,
        name=name,
        aliases=aliases,
        qualifiers=tuple(rng.sample(QUALIFIERS, rng.randint(0, 2))),
        description=rng.choice([None, "", _text(rng, 1), "Internal Google team", "part of Halden"]),
        why_mentioned=rng.choice([None, _text(rng)]),
        affiliations=tuple(rng.sample(ORGS, rng.randint(0, 2))),
        made_by=tuple(rng.sample(ORGS, rng.randint(0, 2))) if kind == EntityKind.PRODUCT else (),
        own_entry=rng.random() < 0.8,
        line=line,
        rank=line,
    )


def _digest(rng: random.Random, number: int) -> ExtractionDigest:
    names = list(dict.fromkeys(rng.choice(FULL if rng.random() < 0.75 else LONE) for _ in range(rng.randint(0, 5))))
    people = tuple(
        PersonName(
            name=name,
            aliases=(rng.choice(FULL),) if rng.random() < 0.15 else (),
            affiliations=tuple(rng.sample(ORGS, rng.randint(0, 2))),
        )
        for name in names
    )
    # every fourth People entry written in capitals: its IRI is that of the person it folds to
    entities = [
        _entry(rng, EntityKind.PERSON, name.upper() if line % 4 == 3 else name, line)
        for line, name in enumerate(names)
        if rng.random() < 0.7
    ]
    entities += [
        _entry(rng, EntityKind.PERSON, name, 10 + line) for line, name in enumerate(names) if rng.random() < 0.3
    ]
    entities += [_entry(rng, EntityKind.ORGANIZATION, rng.choice(ORGS), 20 + n) for n in range(rng.randint(0, 4))]
    entities += [_entry(rng, EntityKind.PRODUCT, rng.choice(PRODUCTS), 40 + n) for n in range(rng.randint(0, 2))]
    title = rng.choice([_text(rng, 2, 6), f"{rng.choice(ORGS)} CEO {rng.choice(FULL)} on {_text(rng, 1, 3)}"])
    tokens = {token for text in (*FULL, *ORGS, *PRODUCTS) for token in text.split() if rng.random() < 0.3}
    return ExtractionDigest(
        key=f"key{number}",
        episode=EpisodeInfo(
            title=title,
            podcast=rng.choice(SHOWS),
            date=rng.choice([None, dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 90))]),
            source_file=f"show/{number:03d}.md",
        ),
        participants=tuple(name for name in names if rng.random() < 0.5),
        people=people,
        entities=tuple(entities),
        content=rng.randint(0, 9),
        speakers=tuple(sorted(name for name in names if rng.random() < 0.3)),
        vocabulary=" ".join(sorted({word.lower() for word in rng.sample(WORDS, 8)})),
        token_hashes=array("I", sorted({token_hash(token) for token in tokens})).tobytes(),
    )


def _corpus(seed: int) -> list[ExtractionDigest]:
    rng = random.Random(seed)
    return [_digest(rng, number) for number in range(rng.randint(5, 60))]


MERGE = (("Halden", "Halden Industries"), ("OpenAI Chat", "ChatGPT"), ("Sean Puri", "Sean"))
SEPARATE = (("Ingrid Solberg", "Ingred Solberg"), ("Gimlet", "Gimlett"), ("Dana Ruiz", "Dana Ruis"))
RULES = [((), ()), (MERGE, ()), ((), SEPARATE), (MERGE, SEPARATE)]


def _each_affiliation_once(node: dict) -> dict:
    """The one change made on purpose since the oracle: a person's affiliations list each
    organization once (the oracle kept one IRI twice for a person read in one document)."""
    if "affiliations" in node:
        node["affiliations"] = tuple(sorted(set(node["affiliations"])))
    return node


def _outcome(identities: Identities | old_identities.Identities) -> dict[str, object]:
    entities = identities.entity_nodes()
    groups = identities.groups
    return {
        "people": repr(sorted(identities.people.items())),
        "organizations": repr(sorted(identities.organizations.items())),
        "products": repr(sorted(identities.products.items())),
        "podcasts": sorted(identities.podcasts.items()),
        "log": [decision.to_json() for decision in identities.log.decisions()],
        "names": sorted(identities.names.index.items()),
        "nodes": [_each_affiliation_once(node.model_dump()) for node in entities.nodes()],
        "warnings": [identities.warnings(group.primary) for group in groups],
        "local": [sorted(identities.local_names(group.primary).items()) for group in groups],
        "iris": [
            [identities.entity_iri(group.primary, entry) for entry in group.primary.entities]
            + [identities.person_iri(group.primary, person.name) for person in group.primary.people]
            for group in groups
        ],
    }


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize(("merge", "separate"), RULES)
def test_resolution_is_the_old_one(seed: int, merge: tuple, separate: tuple) -> None:
    digests = _corpus(seed)
    new = Identities(digests, "https://example.org/kg/", AliasRules(merge=merge, separate=separate))
    old = old_identities.Identities(
        digests, "https://example.org/kg/", old_aliases.AliasRules(merge=merge, separate=separate)
    )
    # The other change made on purpose: a one-word name is an everyday word (not matched where a
    # document does not list it) only where as many documents write it in lower case as list it.
    old.names = old._global_names(new._everyday_names(new._lower_case_documents()))
    assert _outcome(new) == _outcome(old)


def test_workers_are_sent_no_iris_the_resolution_can_make_again() -> None:
    identities = Identities(_corpus(4), "https://example.org/kg/", AliasRules())
    sent = pickle.dumps(identities)
    asked = _outcome(identities)["iris"]  # every IRI by name
    assert pickle.dumps(identities) == sent
    worker = pickle.loads(sent)
    assert asked == [
        [worker.entity_iri(group.primary, entry) for entry in group.primary.entities]
        + [worker.person_iri(group.primary, person.name) for person in group.primary.people]
        for group in identities.groups
    ]


def _old_name_index(names: dict[str, str]) -> dict[int, list[tuple[tuple[int, ...], str]]]:
    index: dict[int, list[tuple[tuple[int, ...], str]]] = {}
    for name, iri in names.items():
        tokens = tuple(token_hash(token) for token in name.split(" "))
        index.setdefault(tokens[0], []).append((tokens, f"{name}\x03{iri}"))
    return index


def _old_names_that_can_occur(index: dict[int, list[tuple[tuple[int, ...], str]]], token_hashes: bytes) -> list[str]:
    mine = array("I")
    mine.frombytes(token_hashes)
    tokens = set(mine)
    found = {
        entry
        for token in tokens
        for hashes, entry in index.get(token, ())
        if len(hashes) == 1 or all(other in tokens for other in hashes[1:])
    }
    return sorted(found)


@pytest.mark.parametrize("seed", range(6))
def test_shared_names_of_an_episode_are_the_old_ones(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = [f"w{number}" for number in range(30)]
    names = {" ".join(rng.choices(vocabulary, k=rng.randint(1, 4))): f"urn:x:{n}" for n in range(200)}
    old, new = _old_name_index(names), name_index(names)
    for _ in range(300):
        tokens = array("I", sorted({token_hash(word) for word in rng.sample(vocabulary, rng.randint(0, 25))}))
        assert names_that_can_occur(new, tokens.tobytes()) == _old_names_that_can_occur(old, tokens.tobytes())


def test_episode_keys_hold_the_old_shared_names() -> None:
    digests = _corpus(3)
    identities = Identities(digests, "https://example.org/kg/", AliasRules())
    keys, old = EpisodeKeys(identities), _old_name_index(identities.names.index)
    assert any(keys.shared_names(group) for group in identities.groups)
    for group in identities.groups:
        assert keys.shared_names(group) == _old_names_that_can_occur(old, group.primary.token_hashes)


@pytest.mark.parametrize("seed", range(20))
def test_union_find_groups_as_the_recursive_one(seed: int) -> None:
    rng = random.Random(seed)
    new: UnionFind[tuple[str, int]] = UnionFind()
    old: old_unionfind.UnionFind[tuple[str, int]] = old_unionfind.UnionFind()
    items = [("n", zlib.crc32(bytes([number, seed])) % 97) for number in range(60)]
    for _ in range(120):
        first, second = rng.choice(items), rng.choice(items)
        if rng.random() < 0.5:
            assert new.union(first, second) == old.union(first, second)
        assert new.find(first) == old.find(first)
    assert [new.find(item) for item in items] == [old.find(item) for item in items]
    assert new.groups(items) == old.groups(items)
