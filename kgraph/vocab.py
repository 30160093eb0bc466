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

# Value classes: how a quote was grounded, what supports a speaker (their members are INDIVIDUALS)
GROUNDING = KG.Grounding
SPEAKER_EVIDENCE_KIND = KG.SpeakerEvidence

INSIGHT_CLASSES = (KEY_THEME, CONTRARIAN_PERSPECTIVE, OPERATING_INSIGHT, OVERLOOKED_INSIGHT)
CLASSES = (
    PODCAST,
    EPISODE,
    PERSON,
    ORGANIZATION,
    PRODUCT,
    INSIGHT,
    *INSIGHT_CLASSES,
    CLAIM,
    MENTION,
    GROUNDING,
    SPEAKER_EVIDENCE_KIND,
)

# Named individuals (value = `kgraph.model.Grounding` / `SpeakerEvidence` member's value)
VERBATIM = KG.Verbatim
APPROXIMATE = KG.Approximate
TRANSLATED = KG.Translated
NOT_IN_TRANSCRIPT = KG.NotInTranscript
SUMMARY_TEXT = KG.SummaryText
TRANSCRIPT_LABEL_EVIDENCE = KG.TranscriptLabel
BOTH = KG.Both
INDIVIDUALS = (VERBATIM, APPROXIMATE, TRANSLATED, NOT_IN_TRANSCRIPT, SUMMARY_TEXT, TRANSCRIPT_LABEL_EVIDENCE, BOTH)

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
GROUNDING_OF = KG.grounding
SPEAKER_EVIDENCE = KG.speakerEvidence
TRANSCRIPT_SPEAKER = KG.transcriptSpeaker

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
TRANSCRIPT_FILE = KG.transcriptFile
HEARD_AT = KG.heardAt
TRANSCRIPT_LABEL = KG.transcriptLabel
MATCH_SCORE = KG.matchScore
RECORDING_URL = KG.recordingUrl

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
    GROUNDING_OF,
    SPEAKER_EVIDENCE,
    TRANSCRIPT_SPEAKER,
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
    TRANSCRIPT_FILE,
    HEARD_AT,
    TRANSCRIPT_LABEL,
    MATCH_SCORE,
    RECORDING_URL,
)
