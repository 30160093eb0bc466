"""One episode's nodes (the episode, its insights, claims and mentions) from its primary copy's
full extraction and the identities; a pure function of those, so it can be cached per episode.

The nodes are made without validation (`kgraph.unvalidated`): every value is already of its
field's type (strings, IRIs minted here, the extraction's values), so validating the tens of
thousands of them per build only copied their tuples. Which fields were given is kept as it was."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.extract.results import ClaimEntry, DocumentExtraction, EntityKind
from kgraph.model import Claim, Episode, Insight, InsightKind, Mention
from kgraph.resolve.digest import affiliated_organizations, entry_texts
from kgraph.resolve.episodes import EpisodeGroup
from kgraph.resolve.identities import Identities
from kgraph.resolve.mentions import NameMatcher
from kgraph.resolve.recording import at_second, youtube_id
from kgraph.unvalidated import made


@dataclass(frozen=True)
class EpisodeNodes:
    episode: Episode
    insights: tuple[Insight, ...]
    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...]


def _kebab(name: str) -> str:
    """`ContrarianPerspective` -> `contrarian-perspective`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


_SLUG = {kind: _kebab(kind.value) for kind in InsightKind}  # an insight IRI's kind part
# The fields each node is made with: all of them, but a claim's grounding when it has none.
_INSIGHT_FIELDS = frozenset(Insight.model_fields)
_MENTION_FIELDS = frozenset(Mention.model_fields)
_EPISODE_FIELDS = frozenset(Episode.model_fields)
_CLAIM_FIELDS = frozenset(Claim.model_fields)
_GROUNDING_FIELDS = tuple(Claim.model_fields)[tuple(Claim.model_fields).index("grounding") :]  # the last ones
_UNGROUNDED_CLAIM_FIELDS = _CLAIM_FIELDS.difference(_GROUNDING_FIELDS)
_UNGROUNDED = {name: Claim.model_fields[name].default for name in _GROUNDING_FIELDS}  # in field order


def _claim_label(text: str) -> str:
    words = text.split(maxsplit=12)  # twelve words, and the rest in one piece if there is any
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def build_episode(identities: Identities, group: EpisodeGroup, extraction: DocumentExtraction) -> EpisodeNodes:
    """`extraction` is the extraction of `group.primary`, but for its transcript (which the episode
    names, as the digest does, and which `kgraph.build.extracted` leaves out here)."""
    digest = group.primary
    matcher = identities.names.extended(identities.local_names(digest))
    info = extraction.episode
    iri = identities.episode_iri(digest)
    insight_iris = {}
    insights = []
    for entry in extraction.insights:
        insight_iri = f"{iri}/{_SLUG[entry.kind]}-{entry.rank}"
        insight_iris[(entry.kind, entry.rank)] = insight_iri
        values = {
            "iri": insight_iri,
            "label": entry.title,
            "kind": entry.kind,
            "episode": iri,
            "rank": entry.rank,
            "text": entry.text,
            "mentions": tuple(matcher.find(f"{entry.title}\n{entry.text}")),
        }
        insights.append(made(Insight, values, set(_INSIGHT_FIELDS)))
    entity_iris = _entity_iris(identities, digest)
    urls = tuple(dict.fromkeys(u for c in group.copies for u in c.episode.urls))
    video = youtube_id(urls, info.video_id)  # what each grounded claim's recording link plays
    claims = [
        _claim(identities, digest, entry, iri, insight_iris, entity_iris, matcher, video) for entry in extraction.claims
    ]
    mentions = []
    named_inside = set()  # products named in another entry's heading: mentioned, no entry of their own
    for number, entity_entry in enumerate(extraction.entities, start=1):
        entity = entity_iris.get((entity_entry.kind, entity_entry.name))
        if entity and not entity_entry.own_entry:
            named_inside.add(entity)
        elif entity:
            values = {
                "iri": f"{iri}/mention-{number:03d}",
                "label": f"{entity_entry.name} in {info.title}",
                "episode": iri,
                "entity": entity,
                "description": entity_entry.description,
                "why_mentioned": entity_entry.why_mentioned,
            }
            mentions.append(made(Mention, values, set(_MENTION_FIELDS)))
    mentioned = {m.entity for m in mentions} | named_inside
    # what an entry says of its entity names others too (`Series B led by Halden Capital`)
    texts = entry_texts(extraction.entities)
    if texts:
        mentioned.update(matcher.find("\n".join(texts)))
    # the organizations its people belong to, as it says (`Lab/Institution: Kestrel Institute`)
    affiliations = affiliated_organizations(extraction.people)
    mentioned.update(filter(None, map(identities.organization_iri, sorted(affiliations))))
    with_mentions: list[Insight | Claim] = [*insights, *claims]
    for node in with_mentions:
        mentioned.update(node.mentions)
    participants = [identities.person_iri(digest, name) for name in extraction.participants]
    copies = group.copies
    base = identities.base
    values = {
        "iri": iri,
        "label": info.title,
        "podcast": identities.podcast_iri(digest),
        "graph": f"{base}graph/{iri[len(base) :].removeprefix('episode/')}",
        "date": info.date,
        "urls": urls,
        "video_id": info.video_id,
        "region": info.region,
        "source_kind": info.source_kind,
        "source_files": tuple(c.episode.source_file for c in copies),
        "arxiv_id": info.arxiv_id,
        "alt_labels": tuple(sorted({c.episode.title for c in copies} - {info.title})),
        "participants": tuple(dict.fromkeys(p for p in participants if p)),
        "mentions": tuple(sorted(mentioned)),
        "warnings": (*extraction.warnings, *identities.warnings(digest)),
        "transcript_file": digest.faithfulness.transcript if digest.faithfulness is not None else None,
    }
    episode = made(Episode, values, set(_EPISODE_FIELDS))
    return EpisodeNodes(episode, tuple(insights), tuple(claims), tuple(mentions))


def _claim(
    identities: Identities,
    digest,
    entry: ClaimEntry,
    iri: str,
    insight_iris: dict,
    entity_iris: dict,
    matcher: NameMatcher,
    video: str | None,
) -> Claim:
    about = None
    if entry.about and entry.about.insight:
        about = insight_iris.get((entry.about.insight, entry.about.rank))
    elif entry.about and entry.about.name:
        about = entity_iris.get((entry.about.entity, entry.about.name))
    speaker = identities.person_iri(digest, entry.speaker) if entry.speaker else None
    values = {
        "iri": f"{iri}/claim-{entry.position + 1:03d}",
        "label": _claim_label(entry.text),
        "text": entry.text,
        "episode": iri,
        "speaker": speaker,
        "about": about,
        "timestamp": entry.timestamp,
        "seconds": entry.seconds,
        "mentions": tuple(matcher.find(entry.text)),
    }
    found = entry.grounding
    if found is None:  # its episode has no transcript: the grounding fields keep their defaults
        values.update(_UNGROUNDED)
        return made(Claim, values, set(_UNGROUNDED_CLAIM_FIELDS))
    values["grounding"] = found.grounding
    values["heard_at"] = found.heard_at
    values["match_score"] = found.score
    values["transcript_label"] = found.label
    values["transcript_excerpt"] = found.excerpt
    values["recording_url"] = at_second(video, found.heard_at)
    values["speaker_evidence"] = entry.speaker_evidence if entry.speaker else None
    heard = entry.transcript_speaker
    values["transcript_speaker"] = identities.person_iri(digest, heard) if heard else None
    return made(Claim, values, set(_CLAIM_FIELDS))


def _entity_iris(identities: Identities, digest) -> dict[tuple[EntityKind, str], str]:
    result = {}
    for entry in digest.entities:
        iri = identities.entity_iri(digest, entry)
        if iri:
            result[(entry.kind, entry.name)] = iri
    return result
