"""Speaker attribution on invented summaries: the context rules name a speaker only where the text
supports it (a wrong speaker is worse than none)."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.parse import parse_document


def _speakers(text: str) -> dict[str, str | None]:
    extraction = extract_document(parse_document("fixture.md", text))
    return {claim.text: claim.speaker for claim in extraction.claims}


def _episode(podcast: str) -> str:
    return f"""# [Tides and Turbines](https://example.com/ep/5)

**Podcast:** {podcast}
**Date:** 2025-05-01
**Participants:** Corin Ashdale

---

## 1. Key Themes

### Ports Are the Bottleneck
Ports limit offshore wind more than the turbines themselves.

> "Every turbine we install waits weeks for a berth in the harbor." [00:10:00]
"""


QUOTE = "Every turbine we install waits weeks for a berth in the harbor."


def test_a_lone_listed_guest_is_the_speaker() -> None:
    assert _speakers(_episode("Deep Water"))[QUOTE] == "Corin Ashdale"


def test_a_lone_listed_host_is_not_the_speaker() -> None:
    # The only participant is the show's host: the guest is missing from the list, so the quotes
    # may well be the guest's.
    assert _speakers(_episode("Deep Water w Corin Ashdale"))[QUOTE] is None


NEWSLETTER = """# Axle Weekly: Deals

**Podcast:** Axle Weekly
**Date:** 2025-05-02
**Participants:** Axle Weekly
**Source:** newsletter

---

## 1. Key Themes

### Insurance Capital Moves
Firms keep hiring for capital formation.

## 4. People Identified

| Person | Description | Why Mentioned | Key Quote |
|---|---|---|---|
| **Jonah Pell** | New head of insurance at K.I.T. Partners | Hire | "Joined K.I.T. Partners as global head of insurance." |
| **Ravi Okonjo** | Lead investor | Led the round | "Being able to bring him onto the cap table was something we're excited about." |
| **Mara Stoll** | Founder, Stoll Freight | Spoke at the summit | "I think we will double the fleet by next spring." |
"""


def test_people_entry_quote_in_the_first_person_is_the_owners() -> None:
    assert _speakers(NEWSLETTER)["I think we will double the fleet by next spring."] == "Mara Stoll"


def test_the_letters_of_an_abbreviation_are_not_a_first_person() -> None:
    assert _speakers(NEWSLETTER)["Joined K.I.T. Partners as global head of insurance."] is None


def test_a_quote_that_speaks_of_him_first_is_about_the_owner_not_by_them() -> None:
    quote = "Being able to bring him onto the cap table was something we're excited about."
    assert _speakers(NEWSLETTER)[quote] is None


CONVERSATION = """# [Ledgers at Sea](https://example.com/ep/9)

**Podcast:** Harbor Notes
**Date:** 2025-06-01
**Participants:** Ilse Varga, Tomas Reyne

---

## 1. Key Themes

### Freight Needs Patient Capital
Ilse argues that freight rewards patience: "you cannot compress a ship's build cycle with more money" [00:05:00]. The industry narrative is "software will eat the whole shipping business" but she disagrees. The ego of a "record breaking deal of the decade" press cycle misleads founders.
"""


def test_paragraph_subject_speaks_her_own_quote() -> None:
    assert _speakers(CONVERSATION)["you cannot compress a ship's build cycle with more money"] == "Ilse Varga"


def test_hearsay_framing_gives_no_speaker() -> None:
    speakers = _speakers(CONVERSATION)
    assert speakers["software will eat the whole shipping business"] is None
    assert speakers["record breaking deal of the decade"] is None


TWO_VOICES = """# [Rails for Money](https://example.com/ep/12)

**Podcast:** Vault Hours
**Date:** 2025-07-01
**Participants:** Odile Maret, Bruno Kask

---

## 1. Key Themes

### Rails Beat Banks
The old way was slow. Before, "every country needed its own separate banking integration built by hand." Bruno adds the analogy: "stablecoins are the container ships of money movement today."

### Cards Still Matter
"Card networks will keep the checkout for another decade at least," Odile said.
"""


def test_a_name_introducing_the_next_quote_is_not_the_speaker_of_this_one() -> None:
    speakers = _speakers(TWO_VOICES)
    assert speakers["every country needed its own separate banking integration built by hand."] is None
    assert speakers["stablecoins are the container ships of money movement today."] == "Bruno Kask"


def test_trailing_said_names_the_speaker() -> None:
    assert _speakers(TWO_VOICES)["Card networks will keep the checkout for another decade at least,"] == "Odile Maret"


SIGNED = """# [Idea Gardens](https://example.com/ep/21)

**Podcast:** Long Walks
**Date:** 2025-08-01
**Participants:** Ada Brenner, Milo Sato

---

## 1. Key Themes

### Randomness Feeds Taste
Ideas grow in small groups before they reach everyone.

> "Small groups mutate ideas fast and then the best ones spread to the crowd." — Ada Brenner / Milo Sato [00:10:00]

> "You need a mirror that shows when you write for applause instead of truth." — Milo Sato [00:12:00]

### Borrowed Wisdom
Ada shares an insight from Tomas Varga, who built three studios: "Every studio dies the day it stops shipping small weird things." [00:20:00]
"""


def test_a_quote_signed_by_two_people_has_no_speaker() -> None:
    speakers = _speakers(SIGNED)
    assert speakers["Small groups mutate ideas fast and then the best ones spread to the crowd."] is None
    assert speakers["You need a mirror that shows when you write for applause instead of truth."] == "Milo Sato"


def test_words_relayed_from_someone_else_are_not_the_relayers() -> None:
    assert _speakers(SIGNED)["Every studio dies the day it stops shipping small weird things."] is None


GLOSS = """# Ledger Weekly: Fees

**Podcast:** Ledger Weekly
**Date:** 2025-09-01
**Participants:** Ledger Weekly
**Source:** newsletter

---

## 1. Key Themes

### The Fee Question
Senator Nora Vance's office is pushing back, questioning whether the fee breaks the Budget Act, "a rule that bars agencies from spending money without an appropriation."

Nora Vance said, "We will ask for every receipt before the vote."
"""


def test_a_quote_glossing_a_noun_is_not_the_speakers() -> None:
    speakers = _speakers(GLOSS)
    assert speakers["a rule that bars agencies from spending money without an appropriation."] is None
    assert speakers["We will ask for every receipt before the vote."] == "Nora Vance"


ARTICLE = """# Platform Notes

**Podcast:** Platform Notes
**Date:** 2025-10-01
**Participants:** Platform Notes
**Source:** newsletter

---

## 1. Key Themes

### Winners Emerge in Year Four
Platform shifts settle after a few years.

> "Revenue and infrastructure demand point to real usage rather than speculative excess." — *Year Four of Platform Shifts Is Where Leaders Emerge* [Dara Quill]

> "Vertical systems keep their position while horizontal layers weaken." — Dara Quill

### Tools Give Way to Outcomes
Harbor Forge operates as a hybrid: "buyers now pay for finished work instead of seats and licenses" - Dara Quill
"""


def test_an_article_title_after_the_dash_is_not_a_speaker() -> None:
    speakers = _speakers(ARTICLE)
    assert speakers["Revenue and infrastructure demand point to real usage rather than speculative excess."] is None
    assert speakers["Vertical systems keep their position while horizontal layers weaken."] == "Dara Quill"


def test_a_name_tried_and_refused_as_a_speaker_is_not_a_person_of_the_document() -> None:
    extraction = extract_document(parse_document("fixture.md", ARTICLE))
    assert {person.name for person in extraction.people} == {"Dara Quill"}


NUMBERED_SPEAKERS = """# [Grid Batteries](https://example.com/ep/40)

**Podcast:** Volt Hour
**Date:** 2025-10-10
**Participants:** Ines Moreau, Unknown Guest

---

## 1. Key Themes

### Storage Is Cheap Now
> "a four hour battery now costs less than the substation it saves" — Speaker 1 [00:04:00]
"""


def test_a_numbered_speaker_signature_is_nobody() -> None:
    extraction = extract_document(parse_document("fixture.md", NUMBERED_SPEAKERS))
    assert [claim.speaker for claim in extraction.claims] == [None]
    assert {person.name for person in extraction.people} == {"Ines Moreau"}


FIELD_LEAD_IN = """# [Night Trains](https://example.com/ep/41)

**Podcast:** Rail Notes
**Date:** 2025-10-11
**Participants:** Lin Hai, Oskar Brandt

---

## 1. Key Themes

### Sleepers Are Back
**Substantiation:** Lin Hai said "every sleeper route we reopened sold out within the first season" [00:07:10].
"""


def test_a_lead_in_after_a_field_label_names_the_speaker() -> None:
    assert _speakers(FIELD_LEAD_IN) == {"every sleeper route we reopened sold out within the first season": "Lin Hai"}


OUTLET = """# [Chips and Deals](https://example.com/ep/42)

**Podcast:** Two Desks
**Date:** 2025-10-12
**Participants:** Mara Quint, Theo Vance

---

## 1. Key Themes

### The Export Bargain
Mara thinks the chip deal is lopsided: "we traded the crown jewels for a rounding error" [00:05:00]. The deal is what the Harbor Ledger called a bargain where "the buyer walked away with the whole store for pocket change" [00:06:00].
"""


def test_words_an_outlet_called_something_are_not_the_paragraph_subjects() -> None:
    speakers = _speakers(OUTLET)
    assert speakers["we traded the crown jewels for a rounding error"] == "Mara Quint"
    assert speakers["the buyer walked away with the whole store for pocket change"] is None


def test_an_unresolved_name_in_a_lead_in_is_not_the_paragraph_subject() -> None:
    # `Tamsin notes,` hands the quote to someone the participant list does not name: the
    # paragraph is about Corin, but the words are not Corin's.
    text = """# [Tides and Turbines](https://example.com/ep/5)

**Podcast:** Deep Water
**Date:** 2025-05-01
**Participants:** Corin Ashdale

---

## 1. Key Themes

### Ports Are the Bottleneck
Corin Ashdale explains the queue: "Every turbine we install waits weeks for a berth in the harbor." [00:10:00] The crews see it daily. Tamsin notes, "I do not mind the wait when the cranes are ready for us." [00:11:00] He adds: "Ports decide the pace of every wind farm we build." [00:12:00]
"""
    speakers = _speakers(text)
    assert speakers["Every turbine we install waits weeks for a berth in the harbor."] == "Corin Ashdale"
    assert speakers["I do not mind the wait when the cranes are ready for us."] is None
    assert speakers["Ports decide the pace of every wind farm we build."] == "Corin Ashdale"


def test_words_relayed_from_someone_else_after_a_pronoun_are_not_the_subjects() -> None:
    text = """# [Tides and Turbines](https://example.com/ep/5)

**Podcast:** Deep Water
**Date:** 2025-05-01
**Participants:** Corin Ashdale

---

## 1. Key Themes

### Ports Are the Bottleneck
Corin Ashdale explains: "Every turbine we install waits weeks for a berth in the harbor." [00:10:00]

He notes the harbor's CEO agrees: "We will double the berths before the next wind season." [00:12:00]

He adds: "Ports decide the pace of every wind farm we build." [00:13:00]
"""
    speakers = _speakers(text)
    assert speakers["We will double the berths before the next wind season."] is None
    assert speakers["Ports decide the pace of every wind farm we build."] == "Corin Ashdale"


def test_a_parenthesized_example_phrase_is_not_the_paragraph_subjects_claim() -> None:
    # `rejects the usual habit ("...")` quotes the stance Corin argues against, as an illustration.
    text = """# [Tides and Turbines](https://example.com/ep/5)

**Podcast:** Deep Water
**Date:** 2025-05-01
**Participants:** Corin Ashdale

---

## 1. Key Themes

### Ports Are the Bottleneck
Corin Ashdale rejects the usual planning habit ("we can shave two days off every berth") and argues for bigger harbors. Ports decide "the pace of every wind farm we build" in the end.
"""
    speakers = _speakers(text)
    assert speakers["we can shave two days off every berth"] is None
    assert speakers["the pace of every wind farm we build"] == "Corin Ashdale"


def test_a_signature_names_one_signer_and_no_label_or_reference() -> None:
    # The checks after a quote that `_after` once compiled per call (now compiled once): a second
    # signer, a speaker label and a reference in parentheses each leave the quote unattributed.
    from kgraph.extract.attribution import NONE, Attributor
    from kgraph.extract.people import PeopleIndex
    from kgraph.extract.results import PersonName

    attributor = Attributor(people=PeopleIndex([PersonName(name="Ana Diaz"), PersonName(name="Ben Ode")]))
    assert attributor._after("— Ana Diaz").speaker == "Ana Diaz"
    assert attributor._after("— Ana Diaz, on the record").speaker == "Ana Diaz"
    assert attributor._after("— Ana Diaz / Ben Ode") == NONE
    assert attributor._after("— Ana Diaz and Ben Ode") == NONE
    assert attributor._after("— Ana Diaz and others").speaker == "Ana Diaz"
    assert attributor._after("— SPEAKER_01") == NONE
    assert attributor._after(" (Section 4.2)") == NONE
    assert attributor._after(" (see the table)") is None


def test_a_name_before_a_quote_that_opens_with_its_verb_of_speech_is_the_speaker() -> None:
    from tests.attribution_fixtures import in_themes, speakers_of

    found = speakers_of(
        in_themes(
            '- *Quote:* Tove Lindqvist "warned the port may be pushed toward slower berths as rivals lock up docks."\n'
            '- *Quote:* Tove Lindqvist "the port may be pushed toward slower berths this winter, says the board."\n'
            '- *Quote:* Orbex Capital "warned its buyers that the yarn would cost more by the spring."\n'
        )
    )
    assert found == {
        "warned the port may be pushed toward slower berths as rivals lock up docks.": "Tove Lindqvist",
        # without the verb of speech the name may be what the quote is about: nobody
        "the port may be pushed toward slower berths this winter, says the board.": None,
        "warned its buyers that the yarn would cost more by the spring.": None,  # no person
    }


def test_a_relative_clause_naming_who_remarks_gives_the_quote_its_speaker() -> None:
    from tests.attribution_fixtures import in_themes, speakers_of

    found = speakers_of(
        in_themes(
            'Tariffs shield the mills, which Tove Lindqvist notes "can make the cloth better and cheaper than '
            'any loom here."\n\n'
            'Tariffs shield the mills, which Tove Lindqvist fears "will make the cloth dearer for every buyer here."\n'
        )
    )
    assert found == {
        "can make the cloth better and cheaper than any loom here.": "Tove Lindqvist",
        "will make the cloth dearer for every buyer here.": None,  # a fear is no remark
    }


def test_a_people_entry_owner_introducing_themself_is_the_speaker() -> None:
    # a newsletter, where a People entry's first-person quote is its owner's
    table = NEWSLETTER.split("## 4. People Identified")[0] + (
        "## 4. People Identified\n\n| Person | Description | Quote |\n|---|---|---|\n"
        "| **Tove Lindqvist** | Author of the loom letter | \"Hi, I'm Tove and welcome to my letter on looms "
        'and the mills that run them." |\n'
        '| **Piet Marrow** | Mill owner | "Piet Marrow is the one mill owner my readers all trust." |\n'
    )
    found = _speakers(table)
    assert found["Hi, I'm Tove and welcome to my letter on looms and the mills that run them."] == "Tove Lindqvist"
    assert found["Piet Marrow is the one mill owner my readers all trust."] is None  # about him


def _one_theme_each(*paragraphs: str) -> str:
    return "## 1. Key Themes\n\n" + "".join(f"### Theme {n}\n{text}\n\n" for n, text in enumerate(paragraphs, 1))


def test_a_name_right_before_the_verb_that_ends_the_lead_in_is_the_speaker() -> None:
    # the subject sits inside the clause: after an organization's possessive or role, before `of Org`
    from tests.attribution_fixtures import speakers_of

    found = speakers_of(
        _one_theme_each(
            "Ports are filling. Orbex's Tove Lindqvist calculated that \"berth fees now take a third of every "
            'cargo margin on the coast."',
            'Orbex partner Tove Lindqvist said that "the north quay will close for two winters at least."',
            'Tove Lindqvist of Orbex Harbour warned that "smaller lines will leave the port within a year."',
            'Dana Ruiz and Tove Lindqvist said that "the two of them will merge the pilot fleets by spring."',
            'Max Levchin at Orbex believes "the quay can grow at the rate it is growing for a long while."',
        ),
        participants="Dana Ruiz",
    )
    assert found == {
        "berth fees now take a third of every cargo margin on the coast.": "Tove Lindqvist",
        "the north quay will close for two winters at least.": "Tove Lindqvist",
        "smaller lines will leave the port within a year.": "Tove Lindqvist",
        # two speakers named: neither alone, and not the sole participant either
        "the two of them will merge the pilot fleets by spring.": None,
        # the organization set between a name and its verb reads as the name alone (`Max Levchin believes`)
        "the quay can grow at the rate it is growing for a long while.": "Max Levchin",
    }


def test_an_organization_or_unplaced_person_speaking_takes_the_quote_from_the_sole_speaker() -> None:
    from tests.attribution_fixtures import speakers_of

    found = speakers_of(
        _one_theme_each(
            'In its memo, Orbex Capital estimated that "berth fees now take a third of every cargo margin."',
            'Tove Lindqvist told the harbour board that "the north quay will close for two winters at least."',
            'Berths are scarce on this coast now. "Smaller lines will leave the port within a year or so."',
        ),
        participants="Dana Ruiz",
    )
    assert found == {
        "berth fees now take a third of every cargo margin.": None,
        "the north quay will close for two winters at least.": None,
        "Smaller lines will leave the port within a year or so.": "Dana Ruiz",  # no one else named
    }


def test_words_between_two_quotes_of_a_sentence_go_on_with_the_first_ones_speaker() -> None:
    from tests.attribution_fixtures import speakers_of

    found = speakers_of(
        _one_theme_each(
            'Tove Lindqvist\'s annual letter warns that *"berths are working, just not for enough lines,"* calling '
            'for more Nordic ports to open and arguing that *"the forces behind ten years of closures will only '
            'speed up with automation."*',
            'Tove Lindqvist\'s annual letter warns that *"berths are scarce for every small line now,"* while Piet '
            'Marrow keeps arguing that *"the quay will be rebuilt before the winter storms come."*',
            'Tove Lindqvist\'s annual letter warns that *"tugs cost more every single season here."* Piet Marrow '
            'disagreed, arguing that *"tug prices have been flat for a whole decade at least."*',
        )
        + "## 4. People Identified\n\n**Tove Lindqvist**\n- Description: Chair, Orbex\n\n"
        + "**Piet Marrow**\n- Description: Harbour pilot\n",
        participants="Dana Ruiz",
        source="newsletter",  # no one's talk to follow: the sentence alone says who speaks
    )
    assert found == {
        "berths are working, just not for enough lines,": "Tove Lindqvist",
        "the forces behind ten years of closures will only speed up with automation.": "Tove Lindqvist",
        "berths are scarce for every small line now,": "Tove Lindqvist",
        "the quay will be rebuilt before the winter storms come.": None,  # someone else named between them
        "tugs cost more every single season here.": "Tove Lindqvist",
        "tug prices have been flat for a whole decade at least.": None,  # a new sentence: not Tove's
    }


def test_a_bylined_newsletters_first_person_quotes_are_its_writers() -> None:
    from kgraph.extract import extract_document
    from kgraph.parse import parse_document

    def speakers(title: str) -> dict[str, str | None]:
        text = (
            "# Four Berths\n\n**Podcast:** Harbour Letter\n**Date:** 2025-12-01\n**Participants:** Tove Lindqvist\n"
            f"**Source:** newsletter\n\n---\n\n{title}\n\n---\n\n## 1. Key Themes\n\n### Berths\n"
            'The piece opens on berths.\n\n> "I\'m not a berth doomer: there will be many more small lines every year."\n\n'
            'Berth fees keep rising.\n\n> "Fees will take a third of every cargo margin on the coast by spring."\n\n'
            'Piet Marrow disagrees: "I have run this quay for twenty years and fees have never been lower."\n'
        )
        return {claim.text: claim.speaker for claim in extract_document(parse_document("f.md", text)).claims}

    first = "I'm not a berth doomer: there will be many more small lines every year."
    third = "Fees will take a third of every cargo margin on the coast by spring."
    other = "I have run this quay for twenty years and fees have never been lower."
    for byline in (
        '# Summary: "Four Berths" by Tove Lindqvist',
        "# Summary: *Four Berths* — Harbour Letter (Tove Lindqvist)",
    ):
        assert speakers(byline) == {first: "Tove Lindqvist", third: None, other: "Piet Marrow"}
    # no byline: the letter may be quoting anyone
    assert speakers("# Summary: Four Berths")[first] is None


def test_a_first_person_quote_in_an_organizations_entry_is_the_firms_unless_it_names_it() -> None:
    from kgraph.extract import extract_document
    from kgraph.parse import parse_document

    text = (
        "# Four Berths\n\n**Podcast:** Harbour Letter\n**Date:** 2025-12-01\n**Participants:** Tove Lindqvist\n"
        '**Source:** newsletter\n\n---\n\n# Summary: "Four Berths" by Tove Lindqvist\n\n---\n\n'
        "## 1. Key Themes\n\n### Berths\nThe piece opens on berths.\n\n## 3. Companies Identified\n\n"
        '**Quaywise**\n- *Description:* Berth booking startup\n- *Quote:* "Our return rate is under four percent."\n\n'
        '**Harbor Router**\n- *Description:* Routing software\n- *Quote:* "Harbor Router was our baseline for years."\n'
    )
    speakers = {claim.text: claim.speaker for claim in extract_document(parse_document("f.md", text)).claims}
    assert speakers == {
        "Our return rate is under four percent.": None,  # the firm's own words
        "Harbor Router was our baseline for years.": "Tove Lindqvist",  # the writer's, about the firm
    }


def test_a_firm_or_an_everyday_word_speaking_points_at_no_one_a_transcript_label_must_yield_to() -> None:
    from tests.attribution_fixtures import claims_of

    claims = claims_of(
        _one_theme_each(
            'Steady writes its memos with one rule: "we want to buy more of it at these higher prices later."',
            'Orbex writes its memos with one rule: "the price we pay must leave room for the next round."',
            'Friedberg writes his memos with one rule: "never buy what you would not hold for ten years."',
            "Everything at steady runs on memos.",
        )
        + "## 3. Companies Identified\n\n**Orbex Capital**\n- Description: a harbour fund\n",
        participants="Dana Ruiz, Raj Patel",
    )
    pointed = {claim.text: claim.context_people for claim in claims}
    assert pointed == {
        "we want to buy more of it at these higher prices later.": (),  # `steady` is a word here
        "the price we pay must leave room for the next round.": (),  # Orbex Capital's first word
        "never buy what you would not hold for ten years.": ("?",),  # someone the text names
    }


def test_a_paragraph_opening_on_what_someone_argues_gives_them_the_block_quote_below() -> None:
    from tests.attribution_fixtures import speakers_of

    found = speakers_of(
        _one_theme_each(
            "Lindqvist warns that the berth fees will keep rising. Smaller lines will leave first.\n\n"
            '> "More and more lines are going to wonder whether they can afford this port at all."',
            "Lindqvist warns that the berth fees will keep rising. Piet Marrow disagrees entirely.\n\n"
            '> "The fees have been flat for ten years and will be flat for ten more, I promise."',
            "The berth fees will keep rising. Smaller lines will leave first.\n\n"
            '> "Nobody on this coast can afford a berth in the north quay any longer."',
        )
        + "## 4. People Identified\n\n**Tove Lindqvist**\n- Description: Chair, Orbex\n\n"
        + "**Piet Marrow**\n- Description: Harbour pilot\n",
        participants="Tove Lindqvist",
        source="newsletter",
    )
    assert found == {
        "More and more lines are going to wonder whether they can afford this port at all.": "Tove Lindqvist",
        "The fees have been flat for ten years and will be flat for ten more, I promise.": "Piet Marrow",  # the last
        "Nobody on this coast can afford a berth in the north quay any longer.": None,  # nobody named
    }


def test_a_possessive_name_whose_words_argue_gives_them_the_block_quote_below() -> None:
    from tests.attribution_fixtures import speakers_of

    found = speakers_of(
        _one_theme_each(
            "Tove Lindqvist's framework argues that berth fees will double within the decade.\n\n"
            '> "If a line faces a 20% yearly chance of closure, its expected life is about five years."',
            "Tove Lindqvist's new venture defended the plan at length in the press.\n\n"
            '> "We will build the fund around the lines that stay in the port the longest."',
        )
        + "## 4. People Identified\n\n**Tove Lindqvist**\n- Description: Chair, Orbex\n",
        participants="Dana Ruiz",
        source="newsletter",
    )
    assert found == {
        "If a line faces a 20% yearly chance of closure, its expected life is about five years.": "Tove Lindqvist",
        "We will build the fund around the lines that stay in the port the longest.": None,  # a venture's
    }


def test_an_article_quote_that_opens_by_reporting_someone_is_theirs_but_not_in_talk() -> None:
    from tests.attribution_fixtures import speakers_of

    paragraphs = _one_theme_each(
        'Orders are up.\n\n> "Orbex CEO Tove Lindqvist said the port now expects a trillion crates a year."',
        'Orders are up.\n\n> "Harbour analysts said the port now expects a trillion crates every year."',
        'Orders are up.\n\n> "Piet Marrow said two things that really moved me about the port that year."',
    )
    written = speakers_of(paragraphs, participants="Dana Ruiz", source="newsletter")
    assert written == {
        "Orbex CEO Tove Lindqvist said the port now expects a trillion crates a year.": "Tove Lindqvist",
        "Harbour analysts said the port now expects a trillion crates every year.": None,  # nobody named
        "Piet Marrow said two things that really moved me about the port that year.": None,  # `me`: someone else
    }
    spoken = speakers_of(paragraphs, participants="Dana Ruiz, Raj Patel")
    assert spoken["Orbex CEO Tove Lindqvist said the port now expects a trillion crates a year."] is None  # recounted


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        ("Lindqvist maps three shifts in berth pricing: fuel, labour and quays.", "Tove Lindqvist"),
        ("Lindqvist makes a brief but notable point about quay labour.", "Tove Lindqvist"),
        ("Lindqvist lays out why the fees will rise.", "Tove Lindqvist"),
        ("Lindqvist breaks from her own prior framing to assert that fees will fall.", "Tove Lindqvist"),
        ("Lindqvist identifies a gap in the port's tooling.", "Tove Lindqvist"),
        ("Lindqvist hired three pilots last spring.", None),  # something she did, not a view she lays out
    ],
)
def test_a_paragraph_opening_on_a_view_someone_lays_out_gives_them_the_block_quote_below(
    opening: str, speaker: str | None
) -> None:
    from tests.attribution_fixtures import speakers_of

    found = speakers_of(
        _one_theme_each(f'{opening} Smaller lines will leave first.\n\n> "Every line will pay twice what it pays now."')
        + "## 4. People Identified\n\n**Tove Lindqvist**\n- Description: Chair, Orbex\n",
        participants="Tove Lindqvist",
        source="newsletter",
    )
    assert found == {"Every line will pay twice what it pays now.": speaker}


@pytest.mark.parametrize(
    "lead_in",
    [
        'Corin Ashdale (Tidewind Labs): "{q}"',
        'Ports set the calendar. Corin Ashdale (Tidewind Labs): "{q}"',  # the label opens the last sentence
        '**Corin Ashdale (Tidewind Labs):** "{q}"',
    ],
)
def test_a_speaker_label_may_say_who_the_speaker_is_in_parentheses(lead_in: str) -> None:
    text = (
        _episode("Deep Water")
        .replace("**Participants:** Corin Ashdale", "**Participants:** Corin Ashdale, Mara Velt")
        .replace(f'> "{QUOTE}" [00:10:00]', lead_in.format(q=QUOTE))
    )
    assert _speakers(text)[QUOTE] == "Corin Ashdale"


ANSWER = "The weights are free, and the integration is a year of work."


def _asked(participants: str, answer_lead: str) -> str | None:
    text = f"""# [Small Models](https://example.com/ep/9)

**Podcast:** Frontier Desk
**Date:** 2025-05-01
**Participants:** {participants}

---

## 2. Contrarian Perspectives

### Open Weights Are No Threat
Jonah Feld pushed on the obvious risk. "Why would a phone maker pay you when models are free?" asked Feld.

{answer_lead}

> "{ANSWER}" [00:18:41]
"""
    return _speakers(text)[ANSWER]


@pytest.mark.parametrize(
    "answer_lead",
    ["Her answer was that phone makers buy a tuned model.", "She responded that phone makers buy a tuned model."],
)
def test_an_answer_to_a_question_is_not_the_askers(answer_lead: str) -> None:
    assert _asked("Halima Ostrowski, Jonah Feld", answer_lead) == "Halima Ostrowski"  # the other of two
    assert _asked("Halima Ostrowski, Jonah Feld, Corin Ashdale", answer_lead) is None  # one of two others
    assert _asked("Halima Ostrowski, Jonah Feld", "Phone makers buy a tuned model.") == "Jonah Feld"  # no answer said
