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
