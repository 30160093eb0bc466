"""Attribution patterns from the second held-out reading (issue 11), as invented fixtures: a speaker
named beside the quote or on the line above is found; words about a person, an unnamed third
party's words, a publication's words and slogans stay nobody's."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.parse import parse_document

from .attribution_fixtures import claims_of, in_themes, speakers_of

_claims, _speakers, _themes = claims_of, speakers_of, in_themes


# -- 1. two people named before the quote: the subject of the introducing verb speaks --------
def test_the_main_clause_subject_speaks_after_a_subordinate_clause_naming_someone_else() -> None:
    speakers = _speakers(
        _themes('When Raj questions the price, Dana reveals: "we have never once discounted a renewal."')
    )
    assert speakers["we have never once discounted a renewal."] == "Dana Ruiz"


def test_a_subordinate_clause_subject_does_not_speak_for_the_main_clause() -> None:
    speakers = _speakers(_themes('After Dana raised prices, Raj recalls: "our churn did not move at all."'))
    assert speakers["our churn did not move at all."] == "Raj Patel"


# -- 2. a `Name:` label after a bold field label ----------------------------------------------
def test_a_speaker_label_after_a_field_label() -> None:
    body = (
        "## 3. People Identified\n\n### Orbex\n- **Evidence:** Dana Ruiz: "
        '"we priced it at four times the old tool and nobody blinked."\n'
    )
    assert _speakers(body)["we priced it at four times the old tool and nobody blinked."] == "Dana Ruiz"


# -- 4. the line above a quote in an entry says who -------------------------------------------
def test_a_field_line_above_naming_the_speaker() -> None:
    body = (
        "## 3. Companies Identified\n\n### Orbex\n"
        "**Description:** Billing software.\n"
        "**Why Mentioned:** Dana's answer when asked about pricing:\n"
        '"pricing is the only moat that compounds every single year."\n'
    )
    assert _speakers(body)["pricing is the only moat that compounds every single year."] == "Dana Ruiz"


# -- 5. a People entry's `Quote:` bullet is the entry's person's ------------------------------
def test_a_quote_bullet_in_a_person_entry_is_the_persons() -> None:
    for heading in ("**Dana Ruiz**", "### Dana Ruiz"):
        body = (
            f"## 3. People Identified\n\n{heading}\n- Role: CEO of Orbex\n"
            "- Why mentioned: Argued that discounts destroy a category\n"
            '- Key quote: "Pricing is the moat, not the product."\n'
        )
        speakers = _speakers(body, participants="Eli Marsh", source="newsletter")
        assert speakers["Pricing is the moat, not the product."] == "Dana Ruiz"


def test_a_quote_column_of_a_people_table_is_the_rows_persons() -> None:
    body = (
        "## 3. People Identified\n\n| Person | Role | Why Mentioned | Key Quote |\n|---|---|---|---|\n"
        '| **Dana Ruiz** | CEO, Orbex | Warned about discounting | *"Every discount teaches the buyer to wait."* |\n'
        '| **Raj Patel** | Author of *The Price Book* | Cited as the classic text | *"It teaches you how to ask for '
        'more money without flinching."* |\n'
        '| **Lena Osei** | CEO, Halden | Said to be leaving | *"The Halden CEO was a hero to the board once."* |\n'
    )
    speakers = _speakers(body, participants="Eli Marsh", source="newsletter")
    assert speakers["Every discount teaches the buyer to wait."] == "Dana Ruiz"
    assert speakers["It teaches you how to ask for more money without flinching."] is None  # about his book
    assert speakers["The Halden CEO was a hero to the board once."] is None  # the article on her


def test_an_entry_that_does_not_say_the_person_spoke_keeps_its_quote_unattributed() -> None:
    body = (
        "## 3. People Identified\n\n### Dana Ruiz\n- Role: CEO of Orbex\n"
        "- Why mentioned: Notable hire in the pricing world\n"
        '- Quote: "Joined Orbex as head of pricing after a decade at Halden."\n'
        '- Quote: "The knowledge platform that quietly powers pricing for Halden."\n'
    )
    speakers = _speakers(body, participants="Eli Marsh", source="newsletter")
    assert speakers["Joined Orbex as head of pricing after a decade at Halden."] is None
    assert speakers["The knowledge platform that quietly powers pricing for Halden."] is None


def test_a_quote_about_the_person_in_their_entry_is_not_theirs() -> None:
    body = (
        "## 3. People Identified\n\n### Dana Ruiz\n- Role: CEO of Orbex\n"
        "- Why mentioned: Explained the pricing reset\n"
        '- Described by Raj as "the most stubborn pricer in the whole industry"\n'
        '- Quote: "Orbex appointed Dana Ruiz as chief executive in March."\n'
    )
    speakers = _speakers(body, participants="Eli Marsh", source="newsletter")
    assert speakers["the most stubborn pricer in the whole industry"] != "Dana Ruiz"
    assert speakers["Orbex appointed Dana Ruiz as chief executive in March."] is None


def test_a_first_person_quote_in_an_entry_may_start_with_a_capital() -> None:
    body = (
        "## 3. People Identified\n\n**Dana Ruiz**\n*Pricing consultant*\nCoined the ledger framing.\n"
        '> *"We have no data on the ledger of it all."*\n'
    )
    speakers = _speakers(body, participants="Eli Marsh", source="newsletter")
    assert speakers["We have no data on the ledger of it all."] == "Dana Ruiz"


# -- 6. newsletter: a sentence naming the speaker before a block quote -----------------------
def test_a_newsletter_lead_in_sentence_before_a_block_quote() -> None:
    body = _themes(
        "Most investors think the product is the moat.\n\n"
        "Ruiz argues the opposite — that pricing is the moat:\n\n"
        '> "Every feature gets copied within a year, but pricing power compounds."'
    )
    speakers = _speakers(body, source="newsletter")
    assert speakers["Every feature gets copied within a year, but pricing power compounds."] == "Dana Ruiz"


# -- precision traps ---------------------------------------------------------------------------
def test_an_unnamed_third_partys_words_in_a_named_persons_paragraph() -> None:
    speakers = _speakers(
        _themes(
            "Dana Ruiz spent a year selling door to door. "
            'One early customer told her "we would pay anything to stop the churn."'
        )
    )
    assert speakers["we would pay anything to stop the churn."] is None


def test_a_publications_words_with_a_person_in_the_next_sentence() -> None:
    speakers = _speakers(
        _themes(
            'The Times reported that the deal "was written by the bankers, for the bankers." '
            "Ruiz notes the terms were never public."
        ),
        source="newsletter",
    )
    assert speakers["was written by the bankers, for the bankers."] is None


def test_a_slogan_inside_a_paragraph_about_someone() -> None:
    speakers = _speakers(
        _themes('Dana Ruiz built Orbex against the orthodoxy of "move fast and break things" that ruled the valley.')
    )
    assert speakers["move fast and break things"] is None


# -- 3. the same quote twice in one document is one claim ------------------------------------
def test_a_repeated_quote_is_one_claim_with_the_speaker_its_copies_agree_on() -> None:
    body = (
        _themes('> "Pricing is the only moat that compounds every single year." — Dana Ruiz [00:12:00]')
        + "\n## 3. Companies Identified\n\n| Company | Role | Quote |\n|---|---|---|\n"
        '| **Orbex** | Billing | "Pricing is the only moat that compounds every single year" |\n'
    )
    claims = [claim for claim in _claims(body) if claim.text.startswith("Pricing is the only moat")]
    assert len(claims) == 1
    assert claims[0].speaker == "Dana Ruiz"
    assert claims[0].timestamp == "00:12:00"
    assert claims[0].about is not None  # the copy in the Orbex row keeps its subject


def test_copies_naming_different_speakers_leave_the_claim_unattributed() -> None:
    body = _themes(
        '> "Pricing is the only moat that compounds every single year." — Dana Ruiz\n\n'
        '> "Pricing is the only moat that compounds every single year." — Raj Patel\n\n'
        '> "Discounts are a tax you pay for a weak pitch." — Raj Patel'
    )
    claims = _claims(body)
    assert [claim.text for claim in claims] == [
        "Pricing is the only moat that compounds every single year.",
        "Discounts are a tax you pay for a weak pitch.",
    ]
    assert [claim.speaker for claim in claims] == [None, "Raj Patel"]
    assert [claim.position for claim in claims] == [0, 1]


def test_the_subject_characterizing_someone_speaks_the_characterization() -> None:
    speakers = _speakers(
        _themes(
            'Dana credits founder Raj Patel as "the father of the whole pricing industry". '
            'Later Orbex was dubbed "the quiet winner of the whole cycle".'
        )
    )
    assert speakers["the father of the whole pricing industry"] == "Dana Ruiz"
    assert speakers["the quiet winner of the whole cycle"] is None


def test_a_newsletter_sentence_whose_subject_argues_before_a_block_quote() -> None:
    body = _themes(
        "Most investors think the product is the moat. Ruiz argues that pricing is the moat instead.\n\n"
        '> "Every feature gets copied within a year, but pricing power compounds."\n\n'
        "Orbex raised prices twice. Ruiz argues that Halden's Raj Patel saw it first.\n\n"
        '> "Nobody in the market noticed the second price rise at all."\n\n'
        "Ruiz sold Orbex in 2019.\n\n"
        '> "The sale closed in a week and the team stayed on for years."'
    )
    speakers = _speakers(body + "\n## 3. People Identified\n\n### Dana Ruiz\n- Role: CEO\n", "Eli Marsh", "newsletter")
    assert speakers["Every feature gets copied within a year, but pricing power compounds."] == "Dana Ruiz"
    assert speakers["Nobody in the market noticed the second price rise at all."] is None  # two people named
    assert speakers["The sale closed in a week and the team stayed on for years."] is None  # no saying verb


def test_a_subject_after_a_dash_is_the_paragraphs_subject() -> None:
    body = _themes(
        "Memory supply is tight. This is no abstract risk — Dana projects phone volumes halving.\n\n"
        '> "Low-end phone volumes will be cut in half by next year."'
    )
    assert _speakers(body)["Low-end phone volumes will be cut in half by next year."] == "Dana Ruiz"


def test_words_describing_the_subject_or_a_groups_words_are_not_the_subjects() -> None:
    speakers = _speakers(
        _themes(
            'Dana Ruiz backs founders early. Raj, the founder, noted as having "the calm of a surgeon under fire". '
            'Dana Ruiz says buyers overpay. Companies that were initially saying they "can never go above twenty" '
            "paid thirty."
        )
    )
    assert speakers["the calm of a surgeon under fire"] is None
    assert speakers["can never go above twenty"] is None


def _titled(second_title: str, body: str, title: str = "Pricing Power") -> dict[str, str | None]:
    text = f"""# [{title}](https://example.com/ep/92)

**Podcast:** Margin Call
**Date:** 2025-12-02

---

# {second_title}

{_themes(body)}
"""
    return {claim.text: claim.speaker for claim in extract_document(parse_document("fixture.md", text)).claims}


def test_a_lone_first_name_is_the_guest_the_title_names() -> None:
    body = 'Dana explains: "we have never once discounted a renewal at Orbex."'
    speakers = _titled("Summary: Margin Call with Dana Ruiz", body)
    assert speakers["we have never once discounted a renewal at Orbex."] == "Dana Ruiz"


def test_a_lone_first_name_shared_by_two_title_names_stays_unattributed() -> None:
    body = 'Dana explains: "we have never once discounted a renewal at Orbex."'
    speakers = _titled("Summary: Dana Ruiz and Dana Okafor on Pricing", body)
    assert speakers["we have never once discounted a renewal at Orbex."] is None


def test_spelling_variants_of_one_title_name_are_one_guest() -> None:
    body = (
        'Dana explains: "we have never once discounted a renewal at Orbex."\n\n'
        '- "I priced the first contract on a napkin in a diner." - Dana Ruiss'
    )
    speakers = _titled("Podcast Summary: Dana Ruiss, CEO of Orbex", body, title="Dana Ruiz's Plan for Orbex")
    assert speakers["we have never once discounted a renewal at Orbex."] == "Dana Ruiss"


def test_a_sentence_subject_after_a_field_label_is_the_items_subject() -> None:
    body = (
        "## 3. Companies Identified\n\n### Orbex\n\n**Description:** Billing software.\n\n"
        "**Why Mentioned:** Ruiz names it her first tool. It lets anyone "
        '"send an invoice in one click, and get paid the same day" [00:09:40].\n'
    )
    speakers = _speakers(body, participants="Unknown Host, Dana Ruiz")
    assert speakers["send an invoice in one click, and get paid the same day"] == "Dana Ruiz"


@pytest.mark.parametrize(
    "why",
    [
        "Making a bold claim about headcount, predicting giants will run on 100 people",
        "Arguing that pricing beats product",
        "Warning investors about the cycle",
        "Quipped about the market on a call",
        "Suggesting the cycle has turned",
    ],
)
def test_an_entry_that_says_in_a_participle_the_person_spoke_gives_them_its_quote(why: str) -> None:
    body = (
        "## 3. People Identified\n\n### Dana Ruiz\n- Role: CEO of Orbex\n"
        f"- Why mentioned: {why}\n"
        '- Quote: "The world is ready for smaller teams, and giants will run with a hundred people."\n'
    )
    speakers = _speakers(body, participants="Eli Marsh", source="newsletter")
    assert speakers["The world is ready for smaller teams, and giants will run with a hundred people."] == "Dana Ruiz"


@pytest.mark.parametrize(
    ("why", "quote", "speaker"),
    [
        ("Warned about the cycle", "Every discount teaches the buyer to wait for the next one.", "Dana Ruiz"),
        ("Notable hire in the pricing world", "Every discount teaches the buyer to wait for the next one.", None),
        ("Wrote the paper", "OmniLoom: Universal loom control from human videos.", None),  # a title
        ("Warned about the cycle", "He priced every deal himself for a decade at Orbex.", None),  # about her
    ],
)
def test_a_block_quote_standing_alone_in_a_persons_entry_is_like_its_quote_field(
    why: str, quote: str, speaker: str | None
) -> None:
    body = f'## 3. People Identified\n\n**Dana Ruiz**\n*CEO, Orbex*\n{why}.\n> *"{quote}"*\n'
    assert _speakers(body, participants="Eli Marsh", source="newsletter")[quote] == speaker


@pytest.mark.parametrize(
    ("field", "speaker"),
    [
        ('Per Ruiz: *"Every loom in the north will be sold within a decade."*', "Dana Ruiz"),  # as she put it
        ('Per Ruiz: "Every loom in the north will be sold within a decade."', "Dana Ruiz"),
        ('Raj Patel: *"Every loom in the north will be sold within a decade."*', "Raj Patel"),  # a label, in italics
    ],
)
def test_a_quote_field_naming_its_source_before_an_italic_quote(field: str, speaker: str) -> None:
    body = f"## 3. People Identified\n\n**Lena Osei**\n- **Description:** CEO of Halden\n- **Quote:** {field}\n"
    speakers = _speakers(body, participants="Dana Ruiz, Raj Patel", source="newsletter")
    assert speakers["Every loom in the north will be sold within a decade."] == speaker
