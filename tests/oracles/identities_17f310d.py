"""The code of 17f310d, kept as the oracle of tests/test_resolve_differential.py.

Identities across documents: which copies are one episode, which names are one person, one
organization, one podcast, their IRIs, the names matched in every text, and the corpus-level
nodes. Reads digests only (see `kgraph.resolve.digest`); episodes are built in
`kgraph.resolve.episode`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.extract.products import product_words
from kgraph.extract.results import EntityEntry, EntityKind, PersonName
from kgraph.model import Organization, Person, Podcast, Product
from kgraph.names import fold, slug
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.digest import ExtractionDigest
from kgraph.resolve.episodes import EpisodeGroup, group_episodes
from kgraph.resolve.identities import Identities as CurrentIdentities
from kgraph.resolve.iris import IriMinter, episode_path
from kgraph.resolve.mentions import NameMatcher
from kgraph.resolve.organizations import INVESTMENT_ARM_WORDS
from kgraph.resolve.podcasts import resolve_podcasts
from kgraph.resolve.products import ProductSighting, resolve_products
from tests.oracles.aliases_17f310d import AliasRules
from tests.oracles.organizations_17f310d import OrganizationSighting, resolve_organizations
from tests.oracles.people_17f310d import PersonIdentity, PersonSighting, resolve_people


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


def build_order(groups: list[EpisodeGroup]) -> list[EpisodeGroup]:
    """Episodes by date (undated last), then source: the first description of a person wins."""
    return sorted(
        groups, key=lambda g: (g.primary.episode.date is None, g.primary.episode.date, g.primary.episode.source_file)
    )


class Identities:
    def __init__(self, digests: list[ExtractionDigest], base_iri: str, rules: AliasRules):
        self.base = base_iri
        self.log = DecisionLog()  # every merge and near miss, for report.json and `kgraph aliases`
        self.rules = rules
        self.podcasts = resolve_podcasts([digest.episode.podcast for digest in digests], rules, self.log)
        self.groups: list[EpisodeGroup] = group_episodes(digests, self.log, show_of=self.podcast_of, rules=rules)
        self._product_forms = CurrentIdentities._product_names(self) if rules.merge else frozenset()  # type: ignore[arg-type]
        everyday = self._everyday_words()  # read once for both (every document's words), not kept
        self.people = resolve_people(self._person_sightings(everyday), rules, self.log)
        self.organizations = resolve_organizations(self._organization_sightings(), rules, self.log)
        # A third newer rule, carried like the two below: products follow the alias file, and a
        # product merged into another product's name stays a product.
        self.products = resolve_products(self._product_sightings(), self.log, rules)  # type: ignore[arg-type]
        self.minter = IriMinter(base_iri)
        self._request_iris()
        self.names = self._global_names(everyday)

    def __getstate__(self) -> dict:
        # A worker building episodes gets each episode's group with its task, not all of them.
        return {**self.__dict__, "groups": []}

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
        return [
            _person_sighting(group.primary, person, self.podcast_of(group.primary), everyday)
            for group in self.groups
            for person in group.primary.people
            if " " in person.name.strip() or fold(person.name) not in organization_words
        ]

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
                        )
                    )
            for name, names in people.items():
                sightings.append(
                    OrganizationSighting(name, people=tuple(names), listed=False, document=document, podcast=podcast)
                )
        return sightings

    def entity_kind(self, entry: EntityEntry) -> EntityKind:
        """The entry's kind (the newer rule: `kgraph.resolve.identities.Identities.entity_kind`)."""
        return CurrentIdentities.entity_kind(self, entry)  # type: ignore[arg-type]

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
        for identity in set(self.people.values()):
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

    def person_iri(self, digest: ExtractionDigest, name: str) -> str | None:
        identity = self._person_identity(digest, name)
        return self.minter.iri("person", self._person_key(identity)) if identity else None

    def _person_identity(self, digest: ExtractionDigest, name: str) -> PersonIdentity | None:
        podcast = self.podcast_of(digest)
        identity = self.people.get((podcast, name))
        if identity is None:  # an entry spelled with other case or accents than the kept name
            key = fold(name)
            person = next((p for p in digest.people if key in {fold(p.name), *map(fold, p.aliases)}), None)
            identity = self.people.get((podcast, person.name)) if person else None
        return identity

    def organization_iri(self, name: str) -> str | None:
        identity = self.organizations.get(name)
        return self.minter.iri("org", identity.label) if identity else None

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
    def _everyday_words(self) -> frozenset[str]:
        words: set[str] = set()
        for group in self.groups:
            words.update(group.primary.vocabulary.split())
        return frozenset(words)

    def _global_names(self, everyday: frozenset[str]) -> NameMatcher:
        """Names matched in every document. A one-word name that is also an everyday word
        (`Public`, `World`) is only matched in documents that list it themselves."""
        names: dict[str, str] = {}
        for (_podcast, _), identity in self.people.items():
            if identity.scope is None:
                iri = self.minter.iri("person", self._person_key(identity))
                for form in (identity.label, *identity.alt_labels):
                    if len(form.split()) >= 2 or len(form) >= 2 and not form.isascii():
                        names.setdefault(form, iri)
        organization_forms = set()
        for organization in self.organizations.values():
            iri = self.minter.iri("org", organization.label)
            for form in (organization.label, *organization.alt_labels):
                if (" " in form.strip() or form.lower() not in everyday) and form not in names:
                    names[form] = iri
                    organization_forms.add(form)
        for product in self.products.values():
            iri = self.minter.iri("product", product.label)
            for form in (product.label, *product.alt_labels):
                if " " in form.strip() or form.lower() not in everyday:
                    # One rule newer than 17f310d, carried here so that the differential test
                    # compares everything else: a well-known product's name is the product.
                    if form in organization_forms and fold(form) in product_words().known:
                        names[form] = iri
                    else:
                        names.setdefault(form, iri)
        # A second newer rule, carried the same way: a company's investment arm is nobody's name.
        operating = CurrentIdentities._described_as_no_investor(self)  # type: ignore[arg-type]
        for form in sorted(organization_forms):
            if names[form] in operating:
                for word in INVESTMENT_ARM_WORDS:
                    names.setdefault(f"{form} {word}", "")
        return NameMatcher(names)

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
        people: dict[str, Person] = {}
        organizations: dict[str, Organization] = {}
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
            people=tuple(people[k] for k in sorted(people)),
            organizations=tuple(organizations[k] for k in sorted(organizations)),
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

    def _collect_entities(self, digest: ExtractionDigest, people: dict, organizations: dict) -> None:
        for person in digest.people:
            identity = self._person_identity(digest, person.name)
            if identity is None:  # see `unresolved_people`
                continue
            iri = self.minter.iri("person", self._person_key(identity))
            description = next(
                (
                    e.description
                    for e in digest.entities
                    if e.kind == EntityKind.PERSON and e.name == person.name and e.description
                ),
                None,
            )
            affiliations = [self.organization_iri(org) for org in person.affiliations]
            existing = people.get(iri)
            if existing is None:
                people[iri] = Person(
                    iri=iri,
                    label=identity.label,
                    alt_labels=identity.alt_labels,
                    description=description,
                    affiliations=tuple(sorted(filter(None, affiliations))),
                )
            else:
                merged = sorted(set(existing.affiliations) | set(filter(None, affiliations)))
                people[iri] = existing.model_copy(
                    update={"description": existing.description or description, "affiliations": tuple(merged)}
                )
        names: list[EntityEntry | _Named] = [
            e for e in digest.entities if self.entity_kind(e) == EntityKind.ORGANIZATION
        ]
        names += [_Named(org) for person in digest.people for org in person.affiliations]
        names += [_Named(maker) for e in digest.entities if self.is_product(e) for maker in e.made_by]
        for entry in names:
            organization = self.organizations.get(entry.name)
            if organization is None:
                continue
            iri = self.minter.iri("org", organization.label)
            if iri not in organizations:
                organizations[iri] = Organization(
                    iri=iri,
                    label=organization.label,
                    alt_labels=organization.alt_labels,
                    description=getattr(entry, "description", None),
                )
            elif organizations[iri].description is None and getattr(entry, "description", None):
                organizations[iri] = organizations[iri].model_copy(update={"description": entry.description})

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


_WORD = re.compile(r"[^\W_]+(?:[&.'’+-][^\W_]+)*")
_HOST = re.compile(r"\b(?:co-?)?host\b", re.I)
# Capitalized words that say nothing about who someone is.
_GENERIC_WORDS = frozenset("ceo cfo cto coo cmo cpo vp svp evp gp lp md phd ai ml us uk eu".split())


def _title_names(title: str, name: str) -> bool:
    """The title names the person (`Orbex CEO Dana Ruiz on ...`), maybe spelled otherwise (`Dana Ruis`)."""
    words, tokens = f" {fold(title)} ", fold(name).split()
    return bool(tokens) and (f" {' '.join(tokens)} " in words or len(tokens[-1]) >= 4 and f" {tokens[-1]} " in words)


def _person_sighting(
    digest: ExtractionDigest, person: PersonName, podcast: str, everyday: frozenset[str]
) -> PersonSighting:
    """A person as this document names them, with what it says about them: the evidence that
    person resolution weighs (see `kgraph.resolve.people`)."""
    forms = {fold(form) for form in (person.name, *person.aliases)}
    entries = [
        e for e in digest.entities if e.kind == EntityKind.PERSON and forms & {fold(e.name), *map(fold, e.aliases)}
    ]
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
    words = {
        fold(word)
        for text in said
        for word in _WORD.findall(text)
        # the cheap tests first: most words are everyday ones
        if len(word) >= 3
        and word.lower() not in everyday
        and (not word.islower() or any(c.isdigit() for c in word))
        and not word.isdigit()
        and word.lower().removesuffix("s") not in _GENERIC_WORDS
    }
    return PersonSighting(
        name=person.name,
        aliases=person.aliases,
        podcast=podcast,
        source=digest.episode.source_file,
        participant=person.name in digest.participants,
        spoke=person.name in digest.speakers,
        host=any(_HOST.search(text) for e in entries for text in (*e.qualifiers, e.description or "")),
        affiliations=tuple(sorted({fold(org) for org in person.affiliations})),
        context=tuple(sorted(words - own)),
    )
