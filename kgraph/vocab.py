"""The public vocabulary (see ontology/kgraph.ttl); a test keeps the two in step."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Namespace
from rdflib.namespace import PROV, SDO

from kgraph.prefixes import DEFAULT_BASE_IRI, PREFIXES, curie, expand  # noqa: F401 (re-exported)

KG = Namespace(PREFIXES["kg"])
SCHEMA = SDO
# the plain prefix table and rdflib's namespaces name the same IRIs (tests/test_ontology.py checks it)
NAMESPACES = {"kg": KG, "schema": SCHEMA, "skos": SKOS, "prov": PROV, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD}

# Classes
PODCAST = KG.Podcast
EPISODE = KG.Episode
PERSON = KG.Person
ORGANIZATION = KG.Organization
PRODUCT = KG.Product
INSIGHT = KG.Insight
KEY_THEME = KG.KeyTheme
CONTRARIAN_PERSPECTIVE = KG.ContrarianPerspective
OPERATING_INSIGHT = KG.OperatingInsight
OVERLOOKED_INSIGHT = KG.OverlookedInsight
CLAIM = KG.Claim
MENTION = KG.Mention

INSIGHT_CLASSES = (KEY_THEME, CONTRARIAN_PERSPECTIVE, OPERATING_INSIGHT, OVERLOOKED_INSIGHT)
CLASSES = (PODCAST, EPISODE, PERSON, ORGANIZATION, PRODUCT, INSIGHT, *INSIGHT_CLASSES, CLAIM, MENTION)

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
MADE_BY = KG.madeBy

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

OBJECT_PROPERTIES = (
    PODCAST_OF,
    PARTICIPANT,
    INSIGHT_OF,
    MENTIONS,
    EPISODE_OF,
    SPEAKER,
    ABOUT,
    AFFILIATION,
    ENTITY,
    MADE_BY,
)
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
