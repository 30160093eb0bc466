"""Format variants the dev corpus has few or no examples of, on small invented fixtures."""

from __future__ import annotations

from kgraph.extract.affiliations import affiliations_from
from kgraph.extract.insights import clean_title
from kgraph.parse.document import SectionKind as K
from tests.parse_fixtures import extracted, parsed


def entities(name: str) -> dict[str, object]:
    return {entry.name: entry for entry in extracted(name).entities}


def test_byline_authors_stand_in_for_a_publication_participant() -> None:
    assert extracted("byline_newsletter.md").participants == ("Rosalind Achterberg", "Kofi Amankwah-Price")


def test_title_keeps_quotes_that_do_not_wrap_it() -> None:
    themes = [i.title for i in extracted("byline_newsletter.md").insights if i.kind.value == "KeyTheme"]
    assert themes == ['"Dark Sky" Rules Are Spreading', "Streetlights as a Service"]
    assert clean_title('Theme 3: Training Data for Firm "Taste"') == 'Training Data for Firm "Taste"'
    assert clean_title("“Whole title quoted”") == "Whole title quoted"


def test_institution_with_of_is_one_affiliation() -> None:
    found = entities("byline_newsletter.md")
    assert found["Henrike Solvang"].affiliations == ("Nordic Institute of Sea Lighting",)
    assert found["Ottilie Brask"].affiliations == ("University of Tromsø",)
    assert affiliations_from("Head of Research at Vela") == ["Vela"]
    assert affiliations_from("General Partner at Thrive Fund, board member at Oxbow") == ["Thrive Fund"]


def test_romanized_qualifier_of_a_cjk_name_is_an_alias() -> None:
    extraction = extracted("cjk_names.md")
    assert extraction.participants == ("程远", "Manqi")
    found = {entry.name: entry for entry in extraction.entities}
    assert found["程远"].aliases == ("Cheng Yuan",) and found["程远"].qualifiers == ()
    assert found["远山机器人"].aliases == ("Yuanshan Robotics",)
    assert found["周宁"].aliases == () and found["周宁"].affiliations == ("Yuanshan Robotics",)
    # the romanised form in prose resolves to the CJK participant
    assert [claim.speaker for claim in extraction.claims] == ["程远"]


def test_chinese_item_prefix_stripped() -> None:
    assert [insight.title for insight in extracted("cjk_names.md").insights] == ["供应链比算法更难"]


def test_slash_pair_people_get_their_own_affiliation() -> None:
    found = entities("people_affiliations.md")
    assert found["Ana Reyes"].affiliations == ("Marrow Lab",)
    assert found["Tomasz Blick"].affiliations == ("Porto Bone Institute",)
    assert found["Ana Reyes"].description == "Lead authors of the study."


def test_italic_line_under_a_name_is_affiliation_or_role() -> None:
    found = entities("people_affiliations.md")
    assert found["Ilka Moravec"].affiliations == ("Marrow Lab", "Porto Bone Institute")
    assert found["Ilka Moravec"].description == "Statistician on both teams."
    assert found["Reuben Ashdown"].affiliations == ("Porto Bone Institute",)
    assert found["Reuben Ashdown"].description == "Head of Imaging, Porto Bone Institute"


def test_role_comma_organization_column() -> None:
    found = entities("people_affiliations.md")
    assert found["Wanda Oyelowo"].affiliations == ("Densiscan",)
    assert found["Piet Halloran"].affiliations == ()  # a department named by a title is no organization


def test_prose_time_before_the_quote() -> None:
    claim = extracted("people_affiliations.md").claims[0]
    assert (claim.timestamp, claim.seconds, claim.speaker) == ("00:25:40", 1540, "Ana Reyes")
    assert len(extracted("people_affiliations.md").claims) == 1  # the contact line is no claim


def test_section_name_spellings() -> None:
    document = parsed("section_spellings.md")
    assert [section.kind for section in document.sections] == [
        K.KEY_THEMES,
        K.CONTRARIAN_PERSPECTIVES,
        K.COMPANIES,
        K.PEOPLE,
    ]
    # the Companies list is its own section, not the tail of the contrarian item
    assert len(document.section(K.CONTRARIAN_PERSPECTIVES).items[0].lines) == 2
    assert [i.title for i in extracted("section_spellings.md").insights] == [
        "Frost: the $2B Problem — and Who Pays",
        "Heat, not frost, is the bigger threat",
    ]


def test_quote_broken_by_a_soft_line_break_is_one_claim() -> None:
    claim = extracted("section_spellings.md").claims[0]
    assert claim.text == "Growers carry the frost risk alone because no insurer will price a three-night window"
    assert claim.timestamp == "00:05:05" and claim.line == 13


def test_qualifier_naming_a_listed_company_is_an_affiliation() -> None:
    found = entities("section_spellings.md")
    assert found["Beatrix Olumide-Hart"].affiliations == ("Hartwell Orchards",)
    assert found["Emil Varga"].affiliations == ()
    assert set(found) == {"Pomona Mutual", "Hartwell Orchards", "Beatrix Olumide-Hart", "Emil Varga"}


def test_table_inside_bold_line_themes_is_their_data() -> None:
    themes = parsed("heading_descriptors.md").section(K.KEY_THEMES).items
    assert [item.title for item in themes] == [
        "**Wool prices doubled in two seasons**",
        "**Synthetic blends are losing share**",
    ]


def test_heading_entry_text_after_the_name_is_description_and_affiliation() -> None:
    found = entities("heading_descriptors.md")
    assert found["Nordvevet AS"].description == "Norwegian weaving mill"
    assert found["Baltic Fibre Group"].aliases == ("BFG",)
    assert found["Greta Holmqvist"].affiliations == ("Nordvevet AS",)
    assert found["Sunil Adebayo-Marsh"].affiliations == ("Baltic Fibre Group",)
    assert found["Sunil Adebayo-Marsh"].description == "buyer at Baltic Fibre Group"
    assert found["Pia Lund"].affiliations == ("Tessaly",)
    assert found["Pia Lund"].description == "Quoted on colour trends."
    assert found["Oskar Brandt"].affiliations == ("Fudan University", "NTNU")


def test_h3_item_starting_with_a_closing_word_is_still_an_item() -> None:
    document = parsed("h3_items_honorifics.md")
    overlooked = document.section(K.OVERLOOKED_INSIGHTS)
    assert [item.title for item in overlooked.items] == ["Notes from the quarry floor matter", "References are oral"]
    assert [line.text for line in document.trailing][:1] == ["Notes"]  # a bare `### Notes` still closes it


def test_participant_honorific_dropped_and_role_comma_organization() -> None:
    extraction = extracted("h3_items_honorifics.md")
    assert extraction.participants == ("Amara Lindqvist-Obi", "Jonah Feld", "Rhea Castellanos")
    people = {person.name: person for person in extraction.people}
    assert people["Amara Lindqvist-Obi"].aliases == ("Dr. Amara Lindqvist-Obi",)
    assert people["Rhea Castellanos"].affiliations == ("Quarrymen Union",)
    assert people["Jonah Feld"].affiliations == ()  # the host's own show is no affiliation
    assert [claim.speaker for claim in extraction.claims] == ["Amara Lindqvist-Obi", "Jonah Feld", None]


def test_insight_section_written_as_a_list() -> None:
    operating = [i.title for i in extracted("byline_newsletter.md").insights if i.kind.value == "OperatingInsight"]
    assert operating == [
        "Tie lighting contracts to measured lux, not fixture counts.",
        "Publish the dimming schedule so residents know what to expect.",
    ]


def test_bold_name_comma_organizations_entry() -> None:
    found = entities("people_affiliations.md")
    assert found["Linnea Sørby"].affiliations == ("Tromsø Marine University", "Kelpgen")
    assert found["Linnea Sørby"].description == "Lead author of the scanner study."
    assert found["Hugo Brannock"].affiliations == ("Kelpgen",)
    assert found["Ilse Varga"].affiliations == ("Kelpgen",)
    assert not {"Okafor", "Lindqvist", "Moreau", "Okafor, Lindqvist, Moreau"} & set(found)


def test_header_without_a_rule_ends_at_the_first_section() -> None:
    document = parsed("no_rule.md")
    assert document.header.get("participants") == "Wilhelmina Crake, Osric Tennant"
    assert [section.kind for section in document.sections] == [K.KEY_THEMES, K.PEOPLE]
    claim = extracted("no_rule.md").claims[0]
    assert (claim.line, claim.speaker, claim.timestamp) == (11, "Wilhelmina Crake", "00:01:01")


def test_quotation_inside_a_quotation_is_one_claim() -> None:
    claim = extracted("no_rule.md").claims[1]
    assert claim.text == 'My editor told me "never skip the rule" and I ignored her for a decade'
    assert (claim.timestamp, claim.speaker) == ("00:02:02", "Osric Tennant")
    assert len(extracted("no_rule.md").claims) == 2


def test_participant_entry_forms() -> None:
    extraction = extracted("participant_forms.md")
    assert extraction.participants == ("Marguerite Osei", "Tomas Fell", "Ines Vardy", "J. R. Pemberton")
    people = {person.name: person for person in extraction.people}
    assert people["Tomas Fell"].affiliations == ("Abacus Robotics",)
    assert people["Ines Vardy"].affiliations == ("Northwind Fund",)
    assert extraction.claims[0].speaker == "Tomas Fell"


def test_non_item_heading_between_sections_belongs_to_no_item() -> None:
    themes = parsed("loose_heading.md").section(K.KEY_THEMES)
    assert len(themes.items) == 1 and len(themes.items[0].lines) == 2
    claims = extracted("loose_heading.md").claims
    assert sorted(
        (claim.line, claim.speaker, claim.about.insight.value if claim.about else None) for claim in claims
    ) == [
        (13, "Ada Brook", "KeyTheme"),
        (17, "Cy Dunn", None),
        (23, None, "ContrarianPerspective"),
    ]


def test_bold_byline_names_the_author() -> None:
    assert extracted("bold_byline.md").participants == ("Solveig Marchetti",)
