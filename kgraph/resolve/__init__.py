"""Resolve identities across documents and assemble the `KnowledgeModel`."""

from __future__ import annotations

import functools
import re
from collections import deque
from dataclasses import dataclass, field

from kgraph.extract.results import DocumentExtraction, EntityKind
from kgraph.model import Claim, Episode, Insight, KnowledgeModel, Mention, Organization, Person, Podcast
from kgraph.names import fold, slug, vocabulary
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.episodes import EpisodeGroup, group_episodes
from kgraph.resolve.iris import IriMinter, episode_path
from kgraph.resolve.mentions import NameMatcher
from kgraph.resolve.organizations import OrganizationSighting, resolve_organizations
from kgraph.resolve.people import PersonIdentity, PersonSighting, resolve_people
from kgraph.resolve.podcasts import resolve_podcasts

__all__ = ["ResolveResult", "resolve"]


@dataclass
class ResolveResult:
    model: KnowledgeModel
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # kept source -> merged copies


@functools.cache  # four insight kinds, hundreds of thousands of insights
def _kebab(name: str) -> str:
    """`ContrarianPerspective` -> `contrarian-perspective`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _claim_label(text: str) -> str:
    words = text.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


class _Resolver:
    def __init__(self, extractions: list[DocumentExtraction], base_iri: str, rules: AliasRules):
        self.base = base_iri
        self.groups: list[EpisodeGroup] = group_episodes(extractions)
        self.podcasts = resolve_podcasts(
            [copy.episode.podcast for group in self.groups for copy in group.copies], rules)
        self.people = resolve_people(self._person_sightings(), rules)
        self.organizations = resolve_organizations(self._organization_sightings(), rules)
        self.minter = IriMinter(base_iri)
        self._request_iris()

    # -- identities ----------------------------------------------------------------------------
    def podcast_of(self, extraction: DocumentExtraction) -> str:
        return self.podcasts[extraction.episode.podcast][0]

    def _person_sightings(self) -> list[PersonSighting]:
        # A lone word that names an organization somewhere in the corpus (`Sequoia`) is not a person.
        organization_words = {
            fold(entry.name) for group in self.groups for entry in group.primary.entities
            if entry.kind == EntityKind.ORGANIZATION
        }
        return [
            PersonSighting(name=person.name, aliases=person.aliases, podcast=self.podcast_of(group.primary))
            for group in self.groups for person in group.primary.people
            if " " in person.name.strip() or fold(person.name) not in organization_words
        ]

    def _organization_sightings(self) -> list[OrganizationSighting]:
        sightings = []
        for group in self.groups:
            for entry in group.primary.entities:
                if entry.kind == EntityKind.ORGANIZATION:
                    sightings.append(OrganizationSighting(entry.name, entry.aliases))
            for person in group.primary.people:
                sightings.extend(OrganizationSighting(name) for name in person.affiliations)
        return sightings

    def _person_key(self, identity: PersonIdentity) -> str:
        return f"{identity.scope}|{identity.label}" if identity.scope else identity.label

    def _request_iris(self) -> None:
        for label, _ in set(self.podcasts.values()):
            self.minter.request("podcast", label, slug(label))
        for identity in set(self.people.values()):
            path = f"{slug(identity.scope)}/{slug(identity.label)}" if identity.scope else slug(identity.label)
            self.minter.request("person", self._person_key(identity), path)
        for identity in set(self.organizations.values()):
            self.minter.request("org", identity.label, slug(identity.label))
        for group in self.groups:
            episode = group.primary.episode
            date = episode.date.isoformat() if episode.date else None
            self.minter.request("episode", episode.source_file,
                                episode_path(self.podcast_of(group.primary), date, episode.title))

    def person_iri(self, extraction: DocumentExtraction, name: str) -> str | None:
        podcast = self.podcast_of(extraction)
        identity = self.people.get((podcast, name))
        if identity is None:  # an entry spelled with other case or accents than the kept name
            key = fold(name)
            person = next((p for p in extraction.people if key in {fold(p.name), *map(fold, p.aliases)}), None)
            identity = self.people.get((podcast, person.name)) if person else None
        return self.minter.iri("person", self._person_key(identity)) if identity else None

    def organization_iri(self, name: str) -> str | None:
        identity = self.organizations.get(name)
        return self.minter.iri("org", identity.label) if identity else None

    def episode_iri(self, extraction: DocumentExtraction) -> str:
        return self.minter.iri("episode", extraction.episode.source_file)

    # -- nodes ---------------------------------------------------------------------------------
    def build(self) -> KnowledgeModel:
        people: dict[str, Person] = {}
        organizations: dict[str, Organization] = {}
        episodes, insights, claims, mentions = [], [], [], []
        global_names = self._global_names()
        ordered = deque(sorted(self.groups, key=lambda g: (
            g.primary.episode.date is None, g.primary.episode.date, g.primary.episode.source_file)))
        self.groups = []  # from here on each group is dropped once its nodes are built (see resolve)
        while ordered:
            group = ordered.popleft()
            extraction = group.primary
            matcher = global_names.extended(self._local_names(extraction))
            self._collect_entities(extraction, people, organizations)
            episode, episode_insights, episode_claims, episode_mentions = self._episode(group, matcher)
            episodes.append(episode)
            insights.extend(episode_insights)
            claims.extend(episode_claims)
            mentions.extend(episode_mentions)
        podcasts = {}
        for label, alternatives in self.podcasts.values():
            iri = self.minter.iri("podcast", label)
            podcasts[iri] = Podcast(iri=iri, label=label, alt_labels=alternatives)
        return KnowledgeModel(
            base_iri=self.base,
            podcasts=tuple(podcasts[k] for k in sorted(podcasts)),
            episodes=tuple(sorted(episodes, key=lambda n: n.iri)),
            people=tuple(people[k] for k in sorted(people)),
            organizations=tuple(organizations[k] for k in sorted(organizations)),
            insights=tuple(sorted(insights, key=lambda n: n.iri)),
            claims=tuple(sorted(claims, key=lambda n: n.iri)),
            mentions=tuple(sorted(mentions, key=lambda n: n.iri)),
        )

    def _everyday_words(self) -> frozenset[str]:
        # One episode at a time: the words of the whole corpus at once took gigabytes at 10,000
        # documents. Words never span texts, so the union is the same.
        words: set[str] = set()
        for group in self.groups:
            extraction = group.primary
            texts = [*(insight.text for insight in extraction.insights), *(claim.text for claim in extraction.claims)]
            words.update(vocabulary("\n".join(texts)))
        return frozenset(words)

    def _global_names(self) -> NameMatcher:
        """Names matched in every document. A one-word name that is also an everyday word
        (`Public`, `World`) is only matched in documents that list it themselves."""
        everyday = self._everyday_words()
        names: dict[str, str] = {}
        for (_podcast, _), identity in self.people.items():
            if identity.scope is None:
                iri = self.minter.iri("person", self._person_key(identity))
                for form in (identity.label, *identity.alt_labels):
                    if len(form.split()) >= 2 or len(form) >= 2 and not form.isascii():
                        names.setdefault(form, iri)
        for identity in self.organizations.values():
            iri = self.minter.iri("org", identity.label)
            for form in (identity.label, *identity.alt_labels):
                if " " in form.strip() or form.lower() not in everyday:
                    names.setdefault(form, iri)
        return NameMatcher(names)

    def _local_names(self, extraction: DocumentExtraction) -> dict[str, str]:
        """First names and surnames of this document's people, where only one person has them."""
        forms: dict[str, set[str]] = {}
        for person in extraction.people:
            iri = self.person_iri(extraction, person.name)
            tokens = person.name.split()
            for form in {person.name, *person.aliases, *(tokens if len(tokens) > 1 else [])}:
                forms.setdefault(form, set()).add(iri)
        for entry in extraction.entities:
            if entry.kind == EntityKind.ORGANIZATION:
                for form in (entry.name, *entry.aliases):
                    forms.setdefault(form, set()).add(self.organization_iri(entry.name))
        return {form: iris.pop() for form, iris in forms.items() if len(iris) == 1 and None not in iris}

    def _collect_entities(self, extraction, people, organizations) -> None:
        for person in extraction.people:
            iri = self.person_iri(extraction, person.name)
            identity = self.people[(self.podcast_of(extraction), person.name)]
            description = next((e.description for e in extraction.entities
                                if e.kind == EntityKind.PERSON and e.name == person.name and e.description), None)
            affiliations = [self.organization_iri(org) for org in person.affiliations]
            existing = people.get(iri)
            if existing is None:
                people[iri] = Person(iri=iri, label=identity.label, alt_labels=identity.alt_labels,
                                     description=description, affiliations=tuple(sorted(filter(None, affiliations))))
            else:
                merged = sorted(set(existing.affiliations) | set(filter(None, affiliations)))
                people[iri] = existing.model_copy(update={
                    "description": existing.description or description, "affiliations": tuple(merged)})
        names = [e for e in extraction.entities if e.kind == EntityKind.ORGANIZATION]
        names += [_Named(org) for person in extraction.people for org in person.affiliations]
        for entry in names:
            iri = self.organization_iri(entry.name)
            identity = self.organizations[entry.name]
            if iri not in organizations:
                organizations[iri] = Organization(iri=iri, label=identity.label, alt_labels=identity.alt_labels,
                                                  description=getattr(entry, "description", None))
            elif organizations[iri].description is None and getattr(entry, "description", None):
                organizations[iri] = organizations[iri].model_copy(update={"description": entry.description})

    def _episode(self, group: EpisodeGroup, matcher: NameMatcher):
        extraction = group.primary
        info = extraction.episode
        iri = self.episode_iri(extraction)
        insight_iris = {}
        insights = []
        for entry in extraction.insights:
            insight_iri = f"{iri}/{_kebab(entry.kind.value)}-{entry.rank}"
            insight_iris[(entry.kind, entry.rank)] = insight_iri
            insights.append(Insight(iri=insight_iri, label=entry.title, kind=entry.kind, episode=iri,
                                    rank=entry.rank, text=entry.text,
                                    mentions=tuple(matcher.find(f"{entry.title}\n{entry.text}"))))
        entity_iris = self._entity_iris(extraction)
        claims = []
        for entry in extraction.claims:
            about = None
            if entry.about and entry.about.insight:
                about = insight_iris.get((entry.about.insight, entry.about.rank))
            elif entry.about and entry.about.name:
                about = entity_iris.get((entry.about.entity, entry.about.name))
            speaker = self.person_iri(extraction, entry.speaker) if entry.speaker else None
            claims.append(Claim(iri=f"{iri}/claim-{entry.position + 1:03d}", label=_claim_label(entry.text),
                                text=entry.text, episode=iri, speaker=speaker, about=about,
                                timestamp=entry.timestamp, seconds=entry.seconds,
                                mentions=tuple(matcher.find(entry.text))))
        mentions = []
        for number, entry in enumerate(extraction.entities, start=1):
            entity = entity_iris.get((entry.kind, entry.name))
            if entity:
                mentions.append(Mention(iri=f"{iri}/mention-{number:03d}", label=f"{entry.name} in {info.title}",
                                        episode=iri, entity=entity, description=entry.description,
                                        why_mentioned=entry.why_mentioned))
        mentioned = {m.entity for m in mentions}
        for node in [*insights, *claims]:
            mentioned.update(node.mentions)
        participants = [self.person_iri(extraction, name) for name in extraction.participants]
        copies = group.copies
        episode = Episode(
            iri=iri, label=info.title, podcast=self.minter.iri("podcast", self.podcast_of(extraction)),
            graph=f"{self.base}graph/{iri[len(self.base):].removeprefix('episode/')}",
            date=info.date, urls=tuple(dict.fromkeys(u for c in copies for u in c.episode.urls)),
            video_id=info.video_id, region=info.region, source_kind=info.source_kind,
            source_files=tuple(c.episode.source_file for c in copies), arxiv_id=info.arxiv_id,
            alt_labels=tuple(sorted({c.episode.title for c in copies} - {info.title})),
            participants=tuple(dict.fromkeys(p for p in participants if p)),
            mentions=tuple(sorted(mentioned)),
            warnings=tuple(extraction.warnings),
        )
        return episode, insights, claims, mentions

    def _entity_iris(self, extraction: DocumentExtraction) -> dict[tuple[EntityKind, str], str]:
        result = {}
        for entry in extraction.entities:
            iri = (self.person_iri(extraction, entry.name) if entry.kind == EntityKind.PERSON
                   else self.organization_iri(entry.name))
            if iri:
                result[(entry.kind, entry.name)] = iri
        return result


@dataclass(frozen=True)
class _Named:
    name: str
    description: str | None = None


def resolve(extractions: list[DocumentExtraction], base_iri: str, rules: AliasRules | None = None,
            consume: bool = False) -> ResolveResult:
    """The model of every extraction. With `consume`, `extractions` is emptied once read and each
    episode's extractions are freed as soon as its nodes exist, so that a large corpus never holds
    every extraction and the whole model at once (the build does this; 10,000 documents' extractions
    take over a gigabyte)."""
    resolver = _Resolver(extractions, base_iri, rules or AliasRules())
    if consume:
        extractions.clear()
    duplicates = {
        group.primary.episode.source_file: [c.episode.source_file for c in group.copies if c is not group.primary]
        for group in resolver.groups if len(group.copies) > 1
    }
    return ResolveResult(model=resolver.build(), duplicates=duplicates)


