"""Identities across documents: which copies are one episode, which names are one person, one
organization, one podcast, their IRIs, the names matched in every text, and the corpus-level
nodes. Reads digests only (see `kgraph.resolve.digest`); episodes are built in
`kgraph.resolve.episode`."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar, cast

from kgraph.collector import collector_paused
from kgraph.extract.products import product_words
from kgraph.extract.results import EntityEntry, EntityKind, PersonName
from kgraph.model import Organization, Person, Podcast, Product
from kgraph.names import fold, slug
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.digest import ExtractionDigest
from kgraph.resolve.episodes import EpisodeGroup, group_episodes
from kgraph.resolve.iris import IriMinter, episode_path
from kgraph.resolve.mentions import NameMatcher
from kgraph.resolve.organizations import (
    INVESTMENT_ARM_WORDS,
    OrganizationSighting,
    describes_an_investor,
    resolve_organizations,
)
from kgraph.resolve.people import PersonIdentity, PersonSighting, resolve_people
from kgraph.resolve.podcasts import resolve_podcasts
from kgraph.resolve.products import ProductSighting, resolve_products


@dataclass(frozen=True)
class EntityNodes:
    """The corpus-level nodes, each sorted by IRI."""

    podcasts: tuple[Podcast, ...]
    people: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    products: tuple[Product, ...] = ()

    def nodes(self) -> list[Podcast | Person | Organization | Product]:
        """Every corpus-level node, kind after kind (the order of `kgraph.kinds.KINDS`)."""
        return [*self.podcasts, *self.people, *self.organizations, *self.products]


@dataclass(frozen=True)
class _Named:
    name: str
    description: str | None = None
    shared_heading: bool = False


@dataclass
class _PersonNode:
    """A `Person` as the documents read so far describe it."""

    label: str
    alt_labels: tuple[str, ...]
    description: str | None
    affiliations: list[str] = field(default_factory=list)  # Organization IRIs

    def node(self, iri: str) -> Person:
        # each organization once, however many of its names the documents gave
        return Person(
            iri=iri,
            label=self.label,
            alt_labels=self.alt_labels,
            description=self.description,
            affiliations=tuple(sorted(set(self.affiliations))),
        )


@dataclass
class _OrganizationNode:
    """An `Organization` as the documents read so far describe it."""

    label: str
    alt_labels: tuple[str, ...]
    description: str | None
    group_description: bool = False  # from a heading naming several: any entry of its own describes it better
    bound: bool = False  # `_episode_bound(description)`, asked once per description kept

    def describe(self, entry: EntityEntry | _Named) -> None:
        """Another entry's description: the first one wins (build order), but one from an entry
        naming it alone wins over one its heading shares (`**Shopify, Reddit**: Deel customers`),
        then one that says what the organization is over one that says what an episode said of it
        (`Kevin notes: "..."`, `Referenced as ...`)."""
        if not entry.description:
            return
        if self.description is not None and (self.group_description, self.bound) <= (entry.shared_heading, False):
            return  # nothing can rank above it (most calls: the first description is plain and its own)
        bound = _episode_bound(entry.description)
        if self.description is None or (entry.shared_heading, bound) < (self.group_description, self.bound):
            self.description, self.group_description, self.bound = entry.description, entry.shared_heading, bound

    def node(self, iri: str) -> Organization:
        return Organization(iri=iri, label=self.label, alt_labels=self.alt_labels, description=self.description)


# What an episode said of an organization rather than what it is: a quotation, someone's remark,
# a word that places it in the episode's story.
_EPISODE_BOUND = re.compile(
    r"[\"“”]|\b(?:notes|says|said|explains|argues|adds|recalls)\s*:|^(?:Notable|Referenced|Mentioned|Discussed|Cited)\b"
)


def _episode_bound(description: str) -> bool:
    return _EPISODE_BOUND.search(description) is not None


def build_order(groups: list[EpisodeGroup]) -> list[EpisodeGroup]:
    """Episodes by date (undated last), then source: the first description of a person wins."""
    return sorted(
        groups, key=lambda g: (g.primary.episode.date is None, g.primary.episode.date, g.primary.episode.source_file)
    )


class Identities:
    def __init__(self, digests: list[ExtractionDigest], base_iri: str, rules: AliasRules):
        with collector_paused():  # (also when not called from a build, which pauses it too)
            self.base = base_iri
            self.log = DecisionLog()  # every merge and near miss, for report.json and `kgraph aliases`
            self.rules = rules
            self.podcasts = resolve_podcasts([digest.episode.podcast for digest in digests], rules, self.log)
            self.groups: list[EpisodeGroup] = group_episodes(digests, self.log, show_of=self.podcast_of, rules=rules)
            self._product_forms = self._product_names() if rules.merge else frozenset()
            lower_case = self._lower_case_documents()  # read once for both (every document's words), not kept
            everyday = frozenset(lower_case)
            self.people = resolve_people(self._person_sightings(everyday), rules, self.log)
            self.organizations = resolve_organizations(self._organization_sightings(), rules, self.log)
            self.products = resolve_products(self._product_sightings(), self.log, rules)
            self.minter = IriMinter(base_iri)
            self._request_iris()
            self.names = self._global_names(self._everyday_names(lower_case))

    def __getstate__(self) -> dict:
        # A worker building episodes gets each episode's group with its task, not all of them, and
        # makes the IRIs by name again if it asks for them.
        state = {**self.__dict__, "groups": []}
        state.pop("_person_iris", None)
        state.pop("_organization_iris", None)
        return state

    # -- identities ----------------------------------------------------------------------------
    def podcast_of(self, digest: ExtractionDigest) -> str:
        return self.podcasts[digest.episode.podcast][0]

    def _person_sightings(self, everyday: frozenset[str]) -> list[PersonSighting]:
        # A lone word that names an organization somewhere in the corpus (`Sequoia`) is not a person.
        organization_words = {
            fold(entry.name)
            for group in self.groups
            for entry in group.primary.entities
            if entry.kind != EntityKind.PERSON
        }
        evidence = _PersonEvidence(everyday)
        sightings = []
        for group in self.groups:
            primary = group.primary
            people = [
                person
                for person in primary.people
                if " " in person.name.strip() or fold(person.name) not in organization_words
            ]
            if people:
                podcast, entries = self.podcast_of(primary), evidence.person_entries(primary)
                sightings += [evidence.sighting(primary, person, podcast, entries) for person in people]
        return sightings

    def _organization_sightings(self) -> list[OrganizationSighting]:
        sightings = []
        for group in self.groups:
            primary = group.primary
            document, podcast = primary.episode.source_file, self.podcast_of(primary)
            people: dict[str, list[str]] = {}
            for person in primary.people:
                for name in person.affiliations:
                    people.setdefault(name, []).append(person.name)
            for entry in primary.entities:
                for maker in entry.made_by if self.is_product(entry) else ():
                    people.setdefault(maker, [])  # a product's maker is an organization
                if self.entity_kind(entry) == EntityKind.ORGANIZATION:
                    about = " ".join(filter(None, (entry.description, entry.why_mentioned, *entry.qualifiers)))
                    sightings.append(
                        OrganizationSighting(
                            entry.name,
                            entry.aliases,
                            description=about,
                            people=tuple(people.get(entry.name, ())),
                            document=document,
                            podcast=podcast,
                            # a name in a round's list or in running text: no entry of its own
                            listed=not (entry.investor or entry.in_prose),
                            investor=entry.investor,
                            in_prose=entry.in_prose,
                        )
                    )
            for name, names in people.items():
                sightings.append(
                    OrganizationSighting(name, people=tuple(names), listed=False, document=document, podcast=podcast)
                )
        return sightings

    def entity_kind(self, entry: EntityEntry) -> EntityKind:
        """The entry's kind; a product the alias file merges into a name no product has (its
        maker's, say) is an organization."""
        kind = entry.kind
        if (
            self.rules.merge  # (asked of every entry, again and again: most alias files merge nothing)
            and kind == _PRODUCT
            and (label := fold(self.rules.merged_label(entry.name) or entry.name)) != fold(entry.name)
            and label not in self._product_forms
        ):
            return EntityKind.ORGANIZATION
        return kind

    def _product_names(self) -> frozenset[str]:
        """Every name (folded) a product entry gives, aliases too: a merge into one keeps a product."""
        return frozenset(
            fold(form)
            for group in self.groups
            for entry in group.primary.entities
            if entry.kind == _PRODUCT
            for form in (entry.name, *entry.aliases)
        )

    def is_product(self, entry: EntityEntry) -> bool:
        return self.entity_kind(entry) == EntityKind.PRODUCT

    def _product_sightings(self) -> list[ProductSighting]:
        return [
            ProductSighting(entry.name, entry.aliases, group.primary.episode.source_file)
            for group in self.groups
            for entry in group.primary.entities
            if self.is_product(entry)
        ]

    def _person_key(self, identity: PersonIdentity) -> str:
        return f"{identity.scope}|{identity.label}" if identity.scope else identity.label

    def _request_iris(self) -> None:
        for label, _ in set(self.podcasts.values()):
            self.minter.request("podcast", label, slug(label))
        for identity in _each_once(self.people.values()):
            path = f"{slug(identity.scope)}/{slug(identity.label)}" if identity.scope else slug(identity.label)
            self.minter.request("person", self._person_key(identity), path)
        for organization in set(self.organizations.values()):
            self.minter.request("org", organization.label, slug(organization.label))
        for product in set(self.products.values()):
            self.minter.request("product", product.label, slug(product.label))
        for group in self.groups:
            episode = group.primary.episode
            date = episode.date.isoformat() if episode.date else None
            self.minter.request(
                "episode", episode.source_file, episode_path(self.podcast_of(group.primary), date, episode.title)
            )

    @cached_property
    def _person_iris(self) -> dict[tuple[str, str], str]:
        """(podcast, name as written) -> the person's IRI: asked of every person of every document,
        by the corpus-level nodes, the episode keys and each episode."""
        return {key: self.minter.iri("person", self._person_key(identity)) for key, identity in self.people.items()}

    @cached_property
    def _organization_iris(self) -> dict[str, str]:
        """Name as written -> the organization's IRI (as often asked for)."""
        return {name: self.minter.iri("org", identity.label) for name, identity in self.organizations.items()}

    def person_iri(self, digest: ExtractionDigest, name: str) -> str | None:
        iri = self._person_iris.get((self.podcast_of(digest), name))
        if iri is None:  # the name as written is no key: see `_person_identity`
            identity = self._person_identity(digest, name)
            iri = self.minter.iri("person", self._person_key(identity)) if identity else None
        return iri

    def _person_identity(self, digest: ExtractionDigest, name: str) -> PersonIdentity | None:
        podcast = self.podcast_of(digest)
        identity = self.people.get((podcast, name))
        if identity is None:  # an entry spelled with other case or accents than the kept name
            key = fold(name)
            person = next((p for p in digest.people if key in {fold(p.name), *map(fold, p.aliases)}), None)
            identity = self.people.get((podcast, person.name)) if person else None
        return identity

    def organization_iri(self, name: str) -> str | None:
        return self._organization_iris.get(name)

    def product_iri(self, name: str) -> str | None:
        identity = self.products.get(name)
        return self.minter.iri("product", identity.label) if identity else None

    def entity_iri(self, digest: ExtractionDigest, entry: EntityEntry) -> str | None:
        """The node a Companies / People entry of this document stands for, if any."""
        kind = self.entity_kind(entry)
        if kind == EntityKind.PERSON:
            return self.person_iri(digest, entry.name)
        if kind == EntityKind.PRODUCT:
            return self.product_iri(entry.name)
        return self.organization_iri(entry.name)

    def episode_iri(self, digest: ExtractionDigest) -> str:
        return self.minter.iri("episode", digest.episode.source_file)

    def podcast_iri(self, digest: ExtractionDigest) -> str:
        return self.minter.iri("podcast", self.podcast_of(digest))

    # -- names matched in every text -----------------------------------------------------------
    def _lower_case_documents(self) -> Counter[str]:
        """Each word some document writes in lower case, with the number of documents that do."""
        counts: Counter[str] = Counter()
        for group in self.groups:
            counts.update(set(group.primary.vocabulary.split()))
        return counts

    def _everyday_names(self, lower_case: Counter[str]) -> frozenset[str]:
        """The words written in lower case in at least as many documents as list an entity of that
        name: `public`, `figure`, not `anthropic`, which a few transcribed quotes write so."""
        listing: Counter[str] = Counter()
        for group in self.groups:
            listing.update({form.lower() for entry in group.primary.entities for form in (entry.name, *entry.aliases)})
        return frozenset(word for word, documents in lower_case.items() if documents >= listing[word])

    def _global_names(self, everyday: frozenset[str]) -> NameMatcher:
        """Names matched in every document. A one-word name that is also an everyday word
        (`Public`, `World`) is only matched in documents that list it themselves."""
        names: dict[str, str] = {}
        for identity in _each_once(self.people.values()):
            if identity.scope is None:
                iri = self.minter.iri("person", self._person_key(identity))
                for form in (identity.label, *identity.alt_labels):
                    if len(form.split()) >= 2 or len(form) >= 2 and not form.isascii():
                        names.setdefault(form, iri)
        organization_forms: set[str] = set()
        for organization in self.organizations.values():
            iri = self.minter.iri("org", organization.label)
            for form in (organization.label, *organization.alt_labels):
                if (" " in form.strip() or form.lower() not in everyday) and form not in names:
                    names[form] = iri
                    organization_forms.add(form)
        known_products = product_words().known
        for product in _each_once(self.products.values()):  # (each name of a product maps to it)
            iri = self.minter.iri("product", product.label)
            for form in (product.label, *product.alt_labels):
                if " " in form.strip() or form.lower() not in everyday:
                    # A well-known product's name in prose is the product (`Gemini`), though some
                    # document lists an organization of that name (the exchange): that document's
                    # own names still say the exchange there.
                    if form in organization_forms and fold(form) in known_products:
                        names[form] = iri
                    else:
                        names.setdefault(form, iri)
        # `Intel Capital`, where no document lists it: another organization than Intel, which
        # invests through it but is no investor itself. Matched as a name of nobody ("").
        operating = self._described_as_no_investor()
        for form in sorted(organization_forms):
            if names[form] in operating:
                for word in INVESTMENT_ARM_WORDS:
                    names.setdefault(f"{form} {word}", "")
        return NameMatcher(names)

    def _described_as_no_investor(self) -> set[str]:
        """IRIs of the organizations the documents describe, none of them as an investor
        (`Semiconductor company`, not `Venture capital firm`), and whose names do not say it
        either (`Thrive Capital`): an organization nobody describes may be either."""
        described: set[str] = set()
        investors: set[str] = set()
        for group in self.groups:
            for entry in group.primary.entities:
                organization = self.organizations.get(entry.name) if entry.description else None
                if organization is not None:
                    iri = self.minter.iri("org", organization.label)
                    described.add(iri)
                    forms = (organization.label, *organization.alt_labels)
                    named_so = any(form.rsplit(maxsplit=1)[-1] in INVESTMENT_ARM_WORDS for form in forms)
                    if named_so or describes_an_investor(entry.description):
                        investors.add(iri)
        return described - investors

    def local_names(self, digest: ExtractionDigest) -> dict[str, str]:
        """First names and surnames of this document's people, where only one person has them."""
        forms: dict[str, set[str | None]] = {}  # None: an entry without an IRI, which spoils its forms
        for person in digest.people:
            iri = self.person_iri(digest, person.name)
            tokens = person.name.split()
            for form in {person.name, *person.aliases, *(tokens if len(tokens) > 1 else [])}:
                forms.setdefault(form, set()).add(iri)
        for entry in digest.entities:
            if entry.kind != EntityKind.PERSON:
                for form in (entry.name, *entry.aliases):
                    forms.setdefault(form, set()).add(self.entity_iri(digest, entry))
        return {form: iri for form, iris in forms.items() if len(iris) == 1 and (iri := iris.pop()) is not None}

    # -- corpus-level nodes --------------------------------------------------------------------
    def entity_nodes(self) -> EntityNodes:
        people: dict[str, _PersonNode] = {}
        organizations: dict[str, _OrganizationNode] = {}
        products: dict[str, Product] = {}
        for group in build_order(self.groups):
            self._collect_entities(group.primary, people, organizations)
            self._collect_products(group.primary, products)
        podcasts = {}
        for label, alternatives in self.podcasts.values():
            iri = self.minter.iri("podcast", label)
            podcasts[iri] = Podcast(iri=iri, label=label, alt_labels=alternatives)
        return EntityNodes(
            podcasts=tuple(podcasts[k] for k in sorted(podcasts)),
            people=tuple(people[k].node(k) for k in sorted(people)),
            organizations=tuple(organizations[k].node(k) for k in sorted(organizations)),
            products=tuple(products[k] for k in sorted(products)),
        )

    def unresolved_people(self, digest: ExtractionDigest) -> list[str]:
        """The document's people that resolve to no person (a lone word that names an organization
        elsewhere in the corpus, say): they are no node, and the document gets a warning."""
        return [person.name for person in digest.people if self._person_identity(digest, person.name) is None]

    def warnings(self, digest: ExtractionDigest) -> tuple[str, ...]:
        """What resolution could not make of this document, one warning each."""
        return tuple(
            f"person left out: {name} (the name resolves to no person)" for name in self.unresolved_people(digest)
        )

    def _collect_entities(
        self, digest: ExtractionDigest, people: dict[str, _PersonNode], organizations: dict[str, _OrganizationNode]
    ) -> None:
        """Adds what the document says of its people and organizations: a node's first
        description wins (build order; one that says what the person is over one that says what
        an episode said of them), its affiliations add up."""
        descriptions: dict[str, str] | None = None
        for person in digest.people:
            iri = self.person_iri(digest, person.name)
            if iri is None:  # see `unresolved_people`
                continue
            if descriptions is None:
                descriptions = {}  # name -> the first description of a People entry of that name
                for e in digest.entities:
                    if e.kind == _PERSON and e.description:
                        descriptions.setdefault(e.name, e.description)
            node = people.get(iri)
            if node is None:
                identity = cast(PersonIdentity, self._person_identity(digest, person.name))
                node = people[iri] = _PersonNode(identity.label, identity.alt_labels, descriptions.get(person.name))
            elif node.description is None or _episode_bound(node.description):
                # (what the person is wins over what an episode said of them, as for organizations)
                later = descriptions.get(person.name)
                if later and not (node.description and _episode_bound(later)):
                    node.description = later
            node.affiliations += filter(None, map(self.organization_iri, person.affiliations))
        names: list[EntityEntry | _Named] = [
            e for e in digest.entities if self.entity_kind(e) == EntityKind.ORGANIZATION
        ]
        names += [_Named(org) for person in digest.people for org in person.affiliations]
        names += [_Named(maker) for e in digest.entities if self.is_product(e) for maker in e.made_by]
        for entry in names:
            iri = self._organization_iris.get(entry.name)
            if iri is None:
                continue
            existing = organizations.get(iri)
            if existing is None:
                organization = self.organizations[entry.name]
                description = entry.description
                organizations[iri] = _OrganizationNode(
                    organization.label,
                    organization.alt_labels,
                    description,
                    entry.shared_heading,
                    description is not None and _episode_bound(description),
                )
            else:
                existing.describe(entry)

    def _collect_products(self, digest: ExtractionDigest, products: dict[str, Product]) -> None:
        """The first description of a product wins (build order); its makers add up."""
        for entry in digest.entities:
            identity = self.products.get(entry.name) if self.is_product(entry) else None
            if identity is None:
                continue
            iri = self.minter.iri("product", identity.label)
            makers = {iri for iri in map(self.organization_iri, entry.made_by) if iri}
            existing = products.get(iri)
            if existing is None:
                description = entry.description if entry.own_entry else None
                products[iri] = Product(
                    iri=iri,
                    label=identity.label,
                    alt_labels=identity.alt_labels,
                    description=description,
                    made_by=tuple(sorted(makers)),
                )
            else:
                update: dict[str, object] = {"made_by": tuple(sorted(makers | set(existing.made_by)))}
                if existing.description is None and entry.own_entry and entry.description:
                    update["description"] = entry.description
                products[iri] = existing.model_copy(update=update)


_PERSON, _PRODUCT = EntityKind.PERSON, EntityKind.PRODUCT
_WORD = re.compile(r"[^\W_]+(?:[&.'’+-][^\W_]+)*")
_HOST = re.compile(r"\b(?:co-?)?host\b", re.I)
# Capitalized words that say nothing about who someone is.
_GENERIC_WORDS = frozenset("ceo cfo cto coo cmo cpo vp svp evp gp lp md phd ai ml us uk eu".split())


class _SaidWords:
    """A sighting's `context`, read when first iterated: person resolution compares the context
    of a few hundred sightings in tens of thousands, and reading it was a fifth of its time."""

    __slots__ = ("_read", "_words")

    def __init__(
        self,
        evidence: _PersonEvidence,
        digest: ExtractionDigest,
        person: PersonName,
        entries: list[EntityEntry],
        forms: set[str],
    ):
        self._read: tuple | None = (evidence, digest, person, entries, forms)
        self._words: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[str]:
        if self._read is not None:
            self._words, self._read = self._read[0].said_words(*self._read[1:]), None
        return iter(self._words)


_Identity = TypeVar("_Identity")


def _each_once(identities: Iterable[_Identity]) -> Iterable[_Identity]:
    """Each identity object once, in the order first met: the names as written of one person (or
    product) share theirs (tens of thousands of names, a few thousand people), and hashing one is
    hashing its fields."""
    return {id(identity): identity for identity in identities}.values()


def _title_names(title: str, name: str) -> bool:
    """The title names the person (`Orbex CEO Dana Ruiz on ...`), maybe spelled otherwise (`Dana Ruis`)."""
    words, tokens = f" {fold(title)} ", fold(name).split()
    return bool(tokens) and (f" {' '.join(tokens)} " in words or len(tokens[-1]) >= 4 and f" {tokens[-1]} " in words)


_MOST_SHARING = 64  # People entries one alias may name


class _PersonEntries:
    """A document's People entries, each with whether it calls the person the host, found by any of
    their folded forms (each person against every entry cost 5,000 entries 25 million comparisons)."""

    def __init__(self, entries: list[tuple[EntityEntry, frozenset[str], bool]]):
        self.entries = entries
        self.by_form: dict[str, list[int]] = defaultdict(list)
        for number, (_, forms, _host) in enumerate(entries):
            for form in forms:
                self.by_form[form].append(number)

    def naming(self, forms: set[str], name: str) -> list[tuple[EntityEntry, bool]]:
        """The entries any of `forms` names, in the document's order; an alias that more entries share
        than a document ever has people (a hostile text's) finds none but those of `name` itself."""
        found = sorted(
            {
                number
                for form in forms
                if form == name or len(self.by_form.get(form, ())) <= _MOST_SHARING
                for number in self.by_form.get(form, ())
            }
        )
        return [(self.entries[number][0], self.entries[number][2]) for number in found]


class _PersonEvidence:
    """Reads each person of each document as a `PersonSighting`: the evidence that person
    resolution weighs (see `kgraph.resolve.people`). Texts (affiliations, roles, titles) and words
    recur across the corpus, so each is read once: `everyday` is fixed for the whole corpus."""

    def __init__(self, everyday: frozenset[str]):
        self.everyday = everyday
        self._piece_words: dict[str, frozenset[str]] = {}  # a piece of text between white space -> its words
        self._word_keys: dict[str, str | None] = {}

    def person_entries(self, digest: ExtractionDigest) -> _PersonEntries:
        """The document's People entries: each with whether it calls them the host, by its folded forms."""
        return _PersonEntries(
            [
                (
                    entry,
                    frozenset({fold(entry.name), *map(fold, entry.aliases)}),
                    # searched once through the texts joined: no match holds a line break
                    _HOST.search("\n".join((*entry.qualifiers, entry.description or ""))) is not None,
                )
                for entry in digest.entities
                if entry.kind == EntityKind.PERSON
            ]
        )

    def sighting(
        self,
        digest: ExtractionDigest,
        person: PersonName,
        podcast: str,
        person_entries: _PersonEntries,
    ) -> PersonSighting:
        """A person as this document names them, with what it says about them."""
        forms = {fold(form) for form in (person.name, *person.aliases)}
        entries = person_entries.naming(forms, fold(person.name))
        return PersonSighting(
            name=person.name,
            aliases=person.aliases,
            podcast=podcast,
            source=digest.episode.source_file,
            participant=person.name in digest.participants,
            spoke=person.name in digest.speakers,
            host=any(host for _, host in entries),
            affiliations=tuple(sorted({fold(org) for org in person.affiliations})),
            context=_SaidWords(self, digest, person, [entry for entry, _ in entries], forms),
        )

    def said_words(
        self, digest: ExtractionDigest, person: PersonName, entries: list[EntityEntry], forms: set[str]
    ) -> tuple[str, ...]:
        """The distinctive words the document says about the person (its entries, affiliations,
        the title that names them), folded, but for the words of their own name."""
        said = [
            *person.affiliations,
            *(
                text
                for e in entries
                for text in (*e.qualifiers, e.description or "", e.why_mentioned or "", *e.affiliations)
            ),
        ]
        if _title_names(digest.episode.title, person.name):
            said.append(digest.episode.title)
        own = {token for form in forms for token in form.split()}
        # A word never holds white space: the words of the texts are those of their pieces.
        pieces, known = set(" ".join(said).split()), self._piece_words
        for piece in pieces.difference(known):
            known[piece] = self._distinctive_words(piece)
        words = set().union(*map(known.__getitem__, pieces))
        return tuple(sorted(words - own))

    def _distinctive_words(self, text: str) -> frozenset[str]:
        """The folded words of `text` that may say who someone is."""
        keys = self._word_keys
        words = set(_WORD.findall(text))
        for word in words.difference(keys):
            keys[word] = self._word_key(word)
        found = set(map(keys.__getitem__, words))  # looked up in C: most words were read before
        found.discard(None)
        return frozenset(cast(set[str], found))

    def _word_key(self, word: str) -> str | None:
        """The word folded, or None for one that says nothing: short, everyday, a plain number or a
        title (the cheap tests first: most words are everyday ones)."""
        if (
            len(word) >= 3
            and word.lower() not in self.everyday
            and (not word.islower() or any(c.isdigit() for c in word))
            and not word.isdigit()
            and word.lower().removesuffix("s") not in _GENERIC_WORDS
        ):
            return fold(word)
        return None
