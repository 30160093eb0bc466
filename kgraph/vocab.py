"""The public vocabulary (see ontology/kgraph.ttl); a test keeps the two in step."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Namespace
from rdflib.namespace import PROV, SDO

KG = Namespace("https://w3id.org/kgraph/ontology#")
SCHEMA = SDO
DEFAULT_BASE_IRI = "https://w3id.org/kgraph/id/"

#: prefixes written into every serialization, in this order
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}

# Classes
PODCAST = KG.Podcast
EPISODE = KG.Episode
PERSON = KG.Person
ORGANIZATION = KG.Organization
INSIGHT = KG.Insight
KEY_THEME = KG.KeyTheme
CONTRARIAN_PERSPECTIVE = KG.ContrarianPerspective
OPERATING_INSIGHT = KG.OperatingInsight
OVERLOOKED_INSIGHT = KG.OverlookedInsight
CLAIM = KG.Claim
MENTION = KG.Mention

INSIGHT_CLASSES = (KEY_THEME, CONTRARIAN_PERSPECTIVE, OPERATING_INSIGHT, OVERLOOKED_INSIGHT)
CLASSES = (PODCAST, EPISODE, PERSON, ORGANIZATION, INSIGHT, *INSIGHT_CLASSES, CLAIM, MENTION)

# Object properties
PODCAST_OF = KG.podcast
PARTICIPANT = KG.participant
INSIGHT_OF = KG.insight
MENTIONS = KG.mentions
EPISODE_OF = KG.episode
SPEAKER = KG.speaker
ABOUT = KG.about
AFFILIATION = KG.affiliation
ENTITY = KG.entity

# Datatype properties
VIDEO_ID = KG.videoId
REGION = KG.region
SOURCE_KIND = KG.sourceKind
SOURCE_FILE = KG.sourceFile
ARXIV_ID = KG.arxivId
RANK = KG.rank
TIMESTAMP = KG.timestamp
SECONDS = KG.seconds
WHY_MENTIONED = KG.whyMentioned
WARNING = KG.warning

OBJECT_PROPERTIES = (PODCAST_OF, PARTICIPANT, INSIGHT_OF, MENTIONS, EPISODE_OF, SPEAKER, ABOUT, AFFILIATION, ENTITY)
DATATYPE_PROPERTIES = (
    VIDEO_ID,
    REGION,
    SOURCE_KIND,
    SOURCE_FILE,
    ARXIV_ID,
    RANK,
    TIMESTAMP,
    SECONDS,
    WHY_MENTIONED,
    WARNING,
)


def curie(iri: str) -> str:
    """`https://w3id.org/kgraph/ontology#podcast` -> `kg:podcast` (IRI unchanged if no prefix fits)."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def expand(name: str) -> str:
    """`kg:podcast` -> `https://w3id.org/kgraph/ontology#podcast` (the inverse of `curie`)."""
    prefix, _, local = name.partition(":")
    return f"{PREFIXES[prefix]}{local}" if prefix in PREFIXES else name
