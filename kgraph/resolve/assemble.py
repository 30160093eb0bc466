"""Resolution end to end for a notebook or a test: identities, then every episode, then the model
(the build does the same by parts, see `kgraph.build`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kgraph.extract.results import DocumentExtraction
from kgraph.model import Claim, Episode, Insight, KnowledgeModel, Mention
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.digest import digest_of
from kgraph.resolve.episode import EpisodeNodes, build_episode
from kgraph.resolve.identities import EntityNodes, Identities


@dataclass
class ResolveResult:
    model: KnowledgeModel
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # kept source -> merged copies


def duplicates(identities: Identities) -> dict[str, list[str]]:
    """Kept source file -> the source files of the copies merged into it."""
    return {
        group.primary.episode.source_file: [c.episode.source_file for c in group.copies if c is not group.primary]
        for group in identities.groups
        if len(group.copies) > 1
    }


def assemble_model(base_iri: str, entities: EntityNodes, episodes: Iterable[EpisodeNodes]) -> KnowledgeModel:
    episode_nodes: list[Episode] = []
    insights: list[Insight] = []
    claims: list[Claim] = []
    mentions: list[Mention] = []
    for nodes in episodes:
        episode_nodes.append(nodes.episode)
        insights.extend(nodes.insights)
        claims.extend(nodes.claims)
        mentions.extend(nodes.mentions)
    return KnowledgeModel(
        base_iri=base_iri,
        podcasts=entities.podcasts,
        episodes=tuple(sorted(episode_nodes, key=lambda n: n.iri)),
        people=entities.people,
        organizations=entities.organizations,
        products=entities.products,
        insights=tuple(sorted(insights, key=lambda n: n.iri)),
        claims=tuple(sorted(claims, key=lambda n: n.iri)),
        mentions=tuple(sorted(mentions, key=lambda n: n.iri)),
    )


def resolve(
    extractions: list[DocumentExtraction], base_iri: str, rules: AliasRules | None = None, consume: bool = False
) -> ResolveResult:
    """The model of every extraction. With `consume`, `extractions` is emptied once read and each
    episode's extractions are freed as soon as its nodes exist."""
    identities = Identities([digest_of(e) for e in extractions], base_iri, rules or AliasRules())
    by_source = {e.episode.source_file: e for e in extractions}
    if consume:
        extractions.clear()

    def episodes() -> Iterable[EpisodeNodes]:
        for group in identities.groups:
            primary = by_source[group.primary.episode.source_file]
            if consume:
                for copy in group.copies:
                    del by_source[copy.episode.source_file]
            yield build_episode(identities, group, primary)

    model = assemble_model(base_iri, identities.entity_nodes(), episodes())
    return ResolveResult(model=model, duplicates=duplicates(identities))
