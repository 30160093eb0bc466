"""The claim writer's table of value individuals names what the vocabulary names."""

from __future__ import annotations

from kgraph import vocab
from kgraph.model import Claim, Episode, Grounding, SpeakerEvidence
from kgraph.outputs import statements as rdf


def test_each_grounding_and_speaker_evidence_points_at_its_vocabulary_individual() -> None:
    for value in (*Grounding, *SpeakerEvidence):
        assert rdf._VALUE_IRI[value] == str(vocab.KG[value.value])
        assert rdf._VALUE_IRI[value.value] == rdf._VALUE_IRI[value]  # a plain string finds it too


def test_a_grounded_claim_links_its_grounding_and_evidence() -> None:
    claim = Claim(
        iri="urn:c",
        label="l",
        text="t",
        episode="urn:e",
        grounding=Grounding.TRANSLATED,
        speaker_evidence=SpeakerEvidence.BOTH,
    )
    episode = Episode(iri="urn:e", label="E", podcast="urn:p", graph="urn:g")
    _graph, statements = rdf.episode_statements(episode, (), (claim,), ())
    assert ("urn:c", rdf.GROUNDING_OF, f"<{vocab.KG.Translated}>") in statements
    assert ("urn:c", rdf.SPEAKER_EVIDENCE, f"<{vocab.KG.Both}>") in statements


def test_every_predicate_and_datatype_the_writer_uses_is_the_vocabulary_term() -> None:
    # the writer spells them as plain strings so that a build never imports rdflib
    from rdflib import RDF, RDFS, SKOS, XSD
    from rdflib.namespace import PROV

    from kgraph.kinds import KINDS
    from kgraph.outputs.formats import jsonld

    terms = {
        "A": RDF.type,
        "LABEL": RDFS.label,
        "ALT_LABEL": SKOS.altLabel,
        "DERIVED_FROM": PROV.wasDerivedFrom,
        "DESCRIPTION": vocab.SCHEMA.description,
        "TEXT": vocab.SCHEMA.text,
        "DATE_PUBLISHED": vocab.SCHEMA.datePublished,
        "URL": vocab.SCHEMA.url,
        "MENTION_ENTITY": vocab.ENTITY,
    }
    same_name = (
        "AFFILIATION PODCAST_OF VIDEO_ID REGION SOURCE_KIND SOURCE_FILE ARXIV_ID WARNING PARTICIPANT MENTIONS "
        "INSIGHT_OF RANK EPISODE_OF SPEAKER ABOUT TIMESTAMP SECONDS WHY_MENTIONED MADE_BY GROUNDING_OF "
        "SPEAKER_EVIDENCE TRANSCRIPT_SPEAKER TRANSCRIPT_FILE HEARD_AT TRANSCRIPT_LABEL MATCH_SCORE RECORDING_URL"
    )
    terms.update((name, getattr(vocab, name)) for name in same_name.split())
    for name, term in terms.items():
        assert getattr(rdf, name) == str(term), name
    for name in ("date", "integer", "anyURI", "decimal"):
        suffix = getattr(rdf, f"XSD_{'ANY_URI' if name == 'anyURI' else name.upper()}")
        assert suffix == f"^^<{XSD[name]}>"
    assert str(RDF.type) == jsonld.RDF_TYPE
    assert str(XSD.string) == jsonld.XSD_STRING
    assert {kind.class_iri for kind in KINDS} <= {str(term) for term in vocab.CLASSES}
    assert all(kind.rdf_class == vocab.KG[kind.name] for kind in KINDS)
