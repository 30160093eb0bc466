"""The seed builds exactly as ../shared/spec/seed-expected.json says."""

from __future__ import annotations

import re

from kgraph.model import InsightKind


def _by_label(nodes):
    return {node.label: node for node in nodes}


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def test_episode_metadata(seed_graph, seed_expected):
    expected = seed_expected["episode"]
    (episode,) = seed_graph.model.episodes
    (podcast,) = seed_graph.model.podcasts
    assert episode.label == expected["title"]
    assert podcast.label == expected["podcast"]
    assert episode.podcast == podcast.iri
    assert episode.date.isoformat() == expected["date"]
    assert episode.video_id == expected["video_id"]
    assert expected["url"] in episode.urls
    assert episode.region == expected["region"]
    assert episode.source_kind == "podcast"


def test_participants(seed_graph, seed_expected):
    people = {person.iri: person for person in seed_graph.model.people}
    (episode,) = seed_graph.model.episodes
    assert sorted(people[iri].label for iri in episode.participants) == sorted(seed_expected["participants"])
    labels = {person.label for person in seed_graph.model.people}
    for not_person in seed_expected["not_people"]:
        assert not_person not in labels


def test_organizations(seed_graph, seed_expected):
    labels = set(_by_label(seed_graph.model.organizations))
    required = set(seed_expected["organizations"]["required"])
    allowed = required | set(seed_expected["organizations"]["allowed"])
    assert required <= labels
    assert labels <= allowed, f"unexpected organizations: {labels - allowed}"


def test_insights(seed_graph, seed_expected):
    for kind, titles in seed_expected["insights"].items():
        found = sorted((i for i in seed_graph.model.insights if i.kind == InsightKind(kind)), key=lambda i: i.rank)
        assert [insight.label for insight in found] == titles
        assert [insight.rank for insight in found] == list(range(1, len(titles) + 1))
        assert all(insight.text for insight in found)


def test_claims_and_speakers(seed_graph, seed_expected):
    people = {person.iri: person.label for person in seed_graph.model.people}
    claims = seed_graph.model.claims
    for expected in seed_expected["claims"]:
        start = _normal(expected["starts"])
        matches = [claim for claim in claims if _normal(claim.text).startswith(start)]
        assert len(matches) == 1, f"claim starting {expected['starts']!r}: {len(matches)} matches"
        speaker = people.get(matches[0].speaker) if matches[0].speaker else None
        if expected["speaker"] is None:
            assert speaker is None, f"{expected['starts']!r} must have no speaker, got {speaker}"
        elif expected.get("implied"):
            assert speaker in (expected["speaker"], None), f"{expected['starts']!r}: {speaker}"
        else:
            assert speaker == expected["speaker"], f"{expected['starts']!r}: {speaker}"


def test_every_claim_is_about_an_item_and_in_the_episode(seed_graph):
    insights = {insight.iri for insight in seed_graph.model.insights}
    model = seed_graph.model
    entities = {node.iri for node in (*model.people, *model.organizations, *model.products)}
    (episode,) = seed_graph.model.episodes
    for claim in seed_graph.model.claims:
        assert claim.episode == episode.iri
        assert claim.about in insights | entities


def test_relations(seed_graph, seed_expected):
    people = _by_label(seed_graph.model.people)
    organizations = {org.iri: org.label for org in seed_graph.model.organizations}
    required = [relation for relation in seed_expected["relations"] if not relation.get("optional")]
    assert required
    for relation in required:
        assert relation["predicate"] == "kg:affiliation"
        stated = {organizations[iri] for iri in people[relation["subject"]].affiliations}
        assert relation["object"] in stated


def test_bare_first_name_becomes_an_alias(seed_graph):
    bill = _by_label(seed_graph.model.people)["Bill Peebles"]
    assert "Bill" in bill.alt_labels
