"""`kgraph.resolve.episode.build_episode` of 971cad0 (nodes made through pydantic's validation),
kept as the oracle of tests/test_episode_rewrites.py."""

from __future__ import annotations

import functools
import re

from kgraph.extract.results import ClaimEntry, DocumentExtraction, EntityKind
from kgraph.model import Claim, Episode, Insight, Mention
from kgraph.resolve.episode import EpisodeNodes
from kgraph.resolve.episodes import EpisodeGroup
from kgraph.resolve.identities import Identities
from kgraph.resolve.mentions import NameMatcher
from kgraph.resolve.recording import youtube_id


@functools.cache  # four insight kinds, hundreds of thousands of insights
def _kebab(name: str) -> str:
    """`ContrarianPerspective` -> `contrarian-perspective`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _claim_label(text: str) -> str:
    words = text.split()
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
        insight_iri = f"{iri}/{_kebab(entry.kind.value)}-{entry.rank}"
        insight_iris[(entry.kind, entry.rank)] = insight_iri
        insights.append(
            Insight(
                iri=insight_iri,
                label=entry.title,
                kind=entry.kind,
                episode=iri,
                rank=entry.rank,
                text=entry.text,
                mentions=tuple(matcher.find(f"{entry.title}\n{entry.text}")),
            )
        )
    entity_iris = _entity_iris(identities, digest)
    urls = tuple(dict.fromkeys(u for c in group.copies for u in c.episode.urls))
    claims = [
        _claim(identities, digest, entry, iri, insight_iris, entity_iris, matcher, (urls, info.video_id))
        for entry in extraction.claims
    ]
    mentions = []
    named_inside = set()  # products named in another entry's heading: mentioned, no entry of their own
    for number, entity_entry in enumerate(extraction.entities, start=1):
        entity = entity_iris.get((entity_entry.kind, entity_entry.name))
        if entity and not entity_entry.own_entry:
            named_inside.add(entity)
        elif entity:
            mentions.append(
                Mention(
                    iri=f"{iri}/mention-{number:03d}",
                    label=f"{entity_entry.name} in {info.title}",
                    episode=iri,
                    entity=entity,
                    description=entity_entry.description,
                    why_mentioned=entity_entry.why_mentioned,
                )
            )
    mentioned = {m.entity for m in mentions} | named_inside
    with_mentions: list[Insight | Claim] = [*insights, *claims]
    for node in with_mentions:
        mentioned.update(node.mentions)
    participants = [identities.person_iri(digest, name) for name in extraction.participants]
    copies = group.copies
    base = identities.base
    episode = Episode(
        iri=iri,
        label=info.title,
        podcast=identities.podcast_iri(digest),
        graph=f"{base}graph/{iri[len(base) :].removeprefix('episode/')}",
        date=info.date,
        urls=urls,
        video_id=info.video_id,
        region=info.region,
        source_kind=info.source_kind,
        source_files=tuple(c.episode.source_file for c in copies),
        arxiv_id=info.arxiv_id,
        alt_labels=tuple(sorted({c.episode.title for c in copies} - {info.title})),
        participants=tuple(dict.fromkeys(p for p in participants if p)),
        mentions=tuple(sorted(mentioned)),
        warnings=(*extraction.warnings, *identities.warnings(digest)),
        transcript_file=digest.faithfulness.transcript if digest.faithfulness is not None else None,
    )
    return EpisodeNodes(episode, tuple(insights), tuple(claims), tuple(mentions))


def _claim(
    identities: Identities,
    digest,
    entry: ClaimEntry,
    iri: str,
    insight_iris: dict,
    entity_iris: dict,
    matcher: NameMatcher,
    recording: tuple[tuple[str, ...], str | None],
) -> Claim:
    about = None
    if entry.about and entry.about.insight:
        about = insight_iris.get((entry.about.insight, entry.about.rank))
    elif entry.about and entry.about.name:
        about = entity_iris.get((entry.about.entity, entry.about.name))
    speaker = identities.person_iri(digest, entry.speaker) if entry.speaker else None
    return Claim(
        iri=f"{iri}/claim-{entry.position + 1:03d}",
        label=_claim_label(entry.text),
        text=entry.text,
        episode=iri,
        speaker=speaker,
        about=about,
        timestamp=entry.timestamp,
        seconds=entry.seconds,
        mentions=tuple(matcher.find(entry.text)),
        **_grounding(identities, digest, entry, recording),
    )


def _grounding(
    identities: Identities, digest, entry: ClaimEntry, recording: tuple[tuple[str, ...], str | None]
) -> dict:
    """The claim's grounding fields (none when its episode has no transcript)."""
    found = entry.grounding
    if found is None:
        return {}
    heard = identities.person_iri(digest, entry.transcript_speaker) if entry.transcript_speaker else None
    return {
        "grounding": found.grounding,
        "heard_at": found.heard_at,
        "match_score": found.score,
        "transcript_label": found.label,
        "transcript_excerpt": found.excerpt,
        "recording_url": recording_url(*recording, found.heard_at),
        "speaker_evidence": entry.speaker_evidence if entry.speaker else None,
        "transcript_speaker": heard,
    }


def _entity_iris(identities: Identities, digest) -> dict[tuple[EntityKind, str], str]:
    result = {}
    for entry in digest.entities:
        iri = identities.entity_iri(digest, entry)
        if iri:
            result[(entry.kind, entry.name)] = iri
    return result


def recording_url(urls, video_id, seconds):
    """`kgraph.resolve.recording.recording_url` of 930d819 (it found the video for every claim)."""
    if seconds is None:
        return None
    found = youtube_id(urls, video_id)
    return None if found is None else f"https://www.youtube.com/watch?v={found}&t={seconds}s"
