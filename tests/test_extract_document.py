"""Extractors on the fixture summaries: episode, participants, insights, entities."""

from __future__ import annotations

import datetime as dt

from kgraph.extract.results import EntityKind
from kgraph.model import InsightKind
from tests.parse_fixtures import PARSE_FIXTURES, extracted


def test_gen_a_episode() -> None:
    episode = extracted("gen_a.md").episode
    assert episode.title == "Tidewater Robotics & the Future of Kelp"
    assert episode.podcast == "Harbor Talks"
    assert episode.date == dt.date(2025, 3, 14)
    assert episode.video_id == "AbCdEfGhIjK"
    assert episode.region == "Western"
    assert episode.source_kind == "podcast"


def test_gen_b_episode_collects_episode_and_youtube_urls() -> None:
    episode = extracted("gen_b.md").episode
    assert set(episode.urls) == {
        "https://feeds.example.com/episode/991",
        "https://youtube.com/watch?v=ZyXwVuTsRqP",
    }
    assert episode.video_id == "ZyXwVuTsRqP"


def test_paper_episode() -> None:
    episode = extracted("paper.md").episode
    assert episode.source_kind == "paper"
    assert episode.arxiv_id == "2506.01234"
    assert "https://arxiv.org/pdf/2506.01234" in episode.urls


def test_newsletter_source_kind() -> None:
    assert extracted("newsletter.md").episode.source_kind == "newsletter"


def test_unknown_title_falls_back_to_something_else_than_unknown() -> None:
    assert extracted("unknown_title.md").episode.title not in ("", "Unknown")


def test_participants_duplicates_removed() -> None:
    assert extracted("gen_a.md").participants == ("Orla Penhallow", "Tobias Quarrington")


def test_participants_placeholders_and_roles_dropped_first_name_expanded() -> None:
    extraction = extracted("gen_b.md")
    assert extraction.participants == ("Mireille Vantongeren",)
    person = next(p for p in extraction.people if p.name == "Mireille Vantongeren")
    assert "Mireille" in person.aliases


def test_author_list_tail_dropped() -> None:
    assert extracted("paper.md").participants == ("Ada Kowalczyk", "Bram Oyelaran")


def test_unnamed_host_is_no_participant() -> None:
    assert extracted("unknown_title.md").participants == ()


def test_declined_document_has_no_insights_entities_or_claims() -> None:
    extraction = extracted("declined.md")
    assert extraction.insights == () and extraction.entities == () and extraction.claims == ()


def test_insight_titles_without_numbers_or_prefixes() -> None:
    insights = [(i.kind, i.rank, i.title) for i in extracted("gen_a.md").insights]
    assert insights == [
        (InsightKind.KEY_THEME, 1, "Kelp farms need cheap robots"),
        (InsightKind.KEY_THEME, 2, "Buoy sensors are underrated"),
        (InsightKind.CONTRARIAN_PERSPECTIVE, 1, "Subsidies slow innovation"),
        (InsightKind.OPERATING_INSIGHT, 1, "Hire divers first"),
        (InsightKind.OVERLOOKED_INSIGHT, 1, "Weather data is a moat"),
    ]


def test_bold_line_insights_ranked_in_order() -> None:
    themes = [(i.rank, i.title) for i in extracted("gen_b.md").insights if i.kind == InsightKind.KEY_THEME]
    assert [rank for rank, _ in themes] == [1, 2, 3]
    assert themes[1][1].startswith("Dawn counts beat dusk counts")


def test_recommendation_is_not_an_insight() -> None:
    assert all(i.title != "Recommendation" for i in extracted("gen_b.md").insights)


def entities(name: str) -> dict[str, object]:
    return {entry.name: entry for entry in extracted(name).entities}


def test_table_entity_qualifier_is_data_not_name() -> None:
    brinely = entities("gen_a.md")["Brinely Labs"]
    assert brinely.kind == EntityKind.ORGANIZATION
    assert brinely.qualifiers == ("Maine",)
    assert brinely.description == "Sensor buoys"


def test_heading_entity_description_and_why_mentioned() -> None:
    orla = entities("gen_a.md")["Orla Penhallow"]
    assert orla.kind == EntityKind.PERSON
    assert orla.description == "Founder of Kelpworks"
    assert orla.why_mentioned == "Guest of the episode"


def test_slash_pair_gives_two_organizations() -> None:
    found = entities("gen_b.md")
    assert {"Open Aviary", "OpenAviary", "Corvid Trust"} <= set(found)
    assert found["Corvid Trust"].description == "partners in the count"


def test_no_entity_from_trailing_bio_list() -> None:
    assert all(entry.kind != EntityKind.PERSON for entry in extracted("gen_b.md").entities)


def test_cjk_qualifier_is_an_alias() -> None:
    wen = entities("newsletter.md")["Wen Li"]
    assert wen.aliases == ("李文",)
    assert wen.description == "historian quoted on tolls"


def test_plain_labels_give_description_and_why() -> None:
    lab = entities("paper.md")["Institute of Depths"]
    assert (lab.description, lab.why_mentioned) == ("a research lab", "hosts the authors")


def test_body_participants_line_replaces_publication_name() -> None:
    assert set(extracted("newsletter.md").participants) == {"Ines Halvorsen", "Pavel Drozdov"}


def test_claims_about_their_item() -> None:
    claims = extracted("gen_a.md").claims
    assert claims[0].about.insight == InsightKind.KEY_THEME and claims[0].about.rank == 1
    assert claims[3].about.entity == EntityKind.ORGANIZATION and claims[3].about.name == "Kelpworks"
    assert [c.speaker for c in claims[:3]] == [
        "Orla Penhallow",
        "Tobias Quarrington",
        "Orla Penhallow",
    ]


def test_name_with_organization_qualifier_is_an_affiliation() -> None:
    pavel = entities("newsletter.md")["Pavel Drozdov"]
    assert pavel.affiliations == ("Harbour Institute",)
    assert pavel.description == "co-author"


def test_person_after_heading_entry_not_swallowed() -> None:
    found = entities("heading_entries.md")
    assert set(found) == {"Saoirse Ledwidge", "Bastian Okonkwo-Frey", "Ilse Brandvold"}
    assert found["Saoirse Ledwidge"].description == "ropemaker and host of Hemp & Tar"
    assert found["Bastian Okonkwo-Frey"].description is None
    assert found["Ilse Brandvold"].description == "historian of the ropewalk guilds"
    assert found["Ilse Brandvold"].why_mentioned == "cited for the guild records"
    tobias = entities("gen_a.md")["Tobias Quarrington"]
    assert tobias.description == "host of Harbor Talks"


def test_bold_lead_line_after_a_heading_entry_is_its_own_entry() -> None:
    entities = {entry.name: entry for entry in extracted("heading_then_bold_lead.md").entities}
    assert set(entities) == {"Basalt Works", "Granite Labs", "Hale Brandt", "Wren Osei", "Ivo Tamm"}
    assert entities["Hale Brandt"].description == "Founder of Basalt Works."
    assert entities["Wren Osei"].kind == EntityKind.PERSON
    assert entities["Granite Labs"].kind == EntityKind.ORGANIZATION


def test_plain_bullet_fields_belong_to_the_entry_above() -> None:
    (entry,) = extracted("plain_bullet_fields.md").entities
    assert entry.name == "Mei Tanaka"
    assert entry.affiliations == ("Kyoto University",)
    assert entry.why_mentioned == "first author of the sparsity benchmark"


def test_chinese_lead_in_names_a_known_speaker() -> None:
    (claim,) = extracted("chinese_body.md").claims
    assert claim.speaker == "李明"
    assert claim.timestamp == "00:10:12"


def test_slash_pair_of_people_shares_out_a_slash_pair_of_affiliations() -> None:
    entries = {entry.name: entry for entry in extracted("slash_pair_people.md").entities}
    # no entity from the surname list (`Helix Labs`, a name ending in its kind, is an organization)
    assert set(entries) == {"Ilka Brandt", "Tomasz Wren", "Helix Labs"}
    assert entries["Helix Labs"].kind == EntityKind.ORGANIZATION
    assert entries["Ilka Brandt"].affiliations == ("Helix Labs",)
    assert entries["Tomasz Wren"].affiliations == ("Northbay University",)


def test_contact_lines_in_blockquotes_are_not_claims() -> None:
    claims = extracted("slash_pair_people.md").claims
    assert [claim.text for claim in claims] == ["we can predict the shape but we still cannot predict the grip"]


def test_a_firm_filed_under_people_is_an_organization_and_a_relative_is_no_name() -> None:
    kinds = {entry.name: entry.kind for entry in extracted("firm_in_people.md").entities}
    assert kinds == {
        "Rhea Castell": EntityKind.PERSON,
        "Larchmont": EntityKind.ORGANIZATION,
        "Ovid": EntityKind.PERSON,
    }


def test_kitchen_sink_sections_items_and_speakers() -> None:
    extraction = extracted("kitchen_sink.md")
    assert extraction.episode.title == "Cold Chains & Hot Markets: Inside the Reefer Boom"
    assert extraction.participants == ("Abel Stroud", "Corinne Vasquez-Lee")
    themes = [i.title for i in extraction.insights if i.kind == InsightKind.KEY_THEME]
    assert themes == ["Reefers: The Quiet Growth Engine", "Ports Lag Behind", "Data Loggers Everywhere"]
    speakers = {claim.text: claim.speaker for claim in extraction.claims}
    assert speakers == {
        "every reefer plug on a ship is now worth more than the slot next to it": "Corinne Vasquez-Lee",
        "We counted the plugs at three terminals and none had enough for peak season": "Corinne Vasquez-Lee",
        "the dry box is the niche now, not the reefer": "Abel Stroud",
        "We ordered forty thousand new reefers this year alone": None,
    }  # nothing from the `<budget_used>` chatter
    names = {entry.name for entry in extraction.entities}
    assert names == {"Polar Line", "Frostbyte", "Coldwire", "Corinne Vasquez-Lee", "Abel Stroud"}


def test_mixed_participant_list_and_a_camel_case_speaker() -> None:
    extraction = extracted("mixed_participants.md")
    assert extraction.episode.video_id == "65a1b2c3d4e5f6a7b8c9d0e1"  # a Xiaoyuzhou id under "Video ID"
    assert "https://youtube.com/watch?v=Zq1Wx2Ec3Rv" in extraction.episode.urls
    assert "Narrator" not in extraction.participants and "Wei Zhang" in extraction.participants
    assert "Lenny" in extraction.participants  # `Lenny (Host)`: the qualifier is not the name
    speakers = {claim.text: claim.speaker for claim in extraction.claims}
    assert speakers["every megawatt hour of storage saves about forty dollars of curtailment"] == "Jane Q Doe"


def test_cjk_name_next_to_its_romanisation_is_one_person() -> None:
    import kgraph

    graph = kgraph.build([PARSE_FIXTURES / "mixed_participants.md"])
    people = {person.label: person.alt_labels for person in graph.model.people}
    assert "张伟" in people["Wei Zhang"] and "张伟" not in people


def test_a_company_entry_titled_only_with_a_slash_names_no_company(tmp_path) -> None:
    # Hypothesis found it: `Meta/Facebook` splits into a name and an alias; a bare `/` raised.
    import kgraph

    from .conftest import FIXTURES

    text = (FIXTURES / "html_corpus" / "orbit-talk-1.md").read_text(encoding="utf-8")
    (tmp_path / "a.md").write_text(
        text.replace("### **Kestrel Launch**", "### **/**\nA slash.\n\n### **Kestrel Launch**"), encoding="utf-8"
    )
    assert [org.label for org in kgraph.build([tmp_path]).model.organizations] == ["Kestrel Launch"]
