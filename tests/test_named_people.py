"""People the prose names with no entry of their own, where the words around the name say it is a
person's, and the posts a Companies entry says they hold there. Invented names only."""

from __future__ import annotations

from kgraph.extract import extract_document
from kgraph.parse import parse_document

_DOCUMENT = """# [Hands, Not Legs](https://example.com/e/1)

**Podcast:** Actuated
**Date:** 2025-11-02
**Participants:** Ines Carvalho-Berg, Tobias Brenner

---

# Key Themes

### 1. Hands are the bottleneck

Ines Carvalho-Berg told host Tobias Brenner that walking is a commodity. CEO Chris Urmsby of Aurelon
disagrees, and Kleiner Perkins led the round anyway. Orvane was founded by Berkeley PhDs. Emerson Collective,
investor in half the field, stayed out.

# Companies Identified

### 1. Halvard Robotics
Oslo-based humanoid startup co-founded in 2022 by Ines Carvalho-Berg and Magnus Ødegård. Raised a Series A
led by Ferrovia Capital.

### 2. Ferrovia Capital
Lisbon-based venture fund that led Halvard's Series A; partner Duarte Nogueira sits on the board of Halvard.

### 3. Sycamore Labs
Raised a seed round led by Coatue; founded by former Atlassian CTO Sri Viswanath.

### 4. Brex
Prior employer of Treeline co-founder Hussein Adari. First chip partner Li Auto chose.
"""


def _people() -> dict[str, tuple[str, ...]]:
    extraction = extract_document(parse_document("e.md", _DOCUMENT))
    return {person.name: person.affiliations for person in extraction.people}


def test_a_name_after_a_title_or_a_founding_is_a_person_and_a_firm_named_like_one_is_not() -> None:
    people = _people()
    for named in ("Chris Urmsby", "Magnus Ødegård", "Duarte Nogueira", "Sri Viswanath", "Hussein Adari"):
        assert named in people, named
    for not_a_person in ("Kleiner Perkins", "Berkeley PhDs", "Emerson Collective", "Li Auto", "Ferrovia Capital"):
        assert not_a_person not in people, not_a_person


def test_a_post_a_companies_entry_names_is_held_there_unless_former_or_at_another_organization() -> None:
    people = _people()
    assert people["Magnus Ødegård"] == ("Halvard Robotics",)
    assert "Halvard Robotics" in people["Ines Carvalho-Berg"]  # `by A and B`: a known person too
    assert people["Duarte Nogueira"] == ("Ferrovia Capital",)
    assert people["Sri Viswanath"] == ()  # a former CTO; and Coatue, named on his entry's line, is no entry
    assert people["Hussein Adari"] == ()  # Treeline's co-founder, in Brex's entry
    assert people["Chris Urmsby"] == ()  # a title in prose, outside any entry


_HOSTILE = """# [Deals](https://example.com/e/2)

**Podcast:** Deal Flow
**Date:** 2025-11-02
**Participants:** Jane Roe

---

# Key Themes

### 1. Deals

The deal with its partner Goldman Sachs closed. Dr Pepper Snapple reported results. Founder Mode Summit was held.
Director General Tedros Adhanom spoke. Deutsche Bank, partner in the deal, declined. Hugo Brandt, partner at Orbex, agreed.

# Companies Identified

### 1. Brindle Labs
AI coding startup. Series B led by Corvane Capital; partner Martin Casado joined the board.

### 2. Orbex
Ride-hailing rival of Uber, whose CEO Dara Khosrowshahi called it a threat.

### 3. Keelson
Acquired by Microsoft, CEO Satya Nadella said the deal closed in March.

### 4. Ferrostack
Chip startup that acquired Windsurf, founded by Varun Mohan and Douglas Chen, last year.

### 5. Marlow
Fintech. Stripe CEO Patrick Collison invested.

### 6. Quill
Newsletter tool. Then-CEO Ana Lind left in 2023. Interim CEO Bo Berg runs it now.

### 7. Aurelon
Self-driving trucks. Kara is interviewing CEO Chris Urmsby about applied AI.
"""


def test_firms_and_titles_are_no_people_and_a_post_after_another_name_is_not_the_entrys() -> None:
    extraction = extract_document(parse_document("e.md", _HOSTILE))
    people = {person.name: person.affiliations for person in extraction.people}
    for not_a_person in ("Goldman Sachs", "Pepper Snapple", "Mode Summit", "General Tedros Adhanom", "Deutsche Bank"):
        assert not_a_person not in people, not_a_person
    assert "Hugo Brandt" in people  # a partner at a firm
    # a post named after another organization, or another clause's, is not the entry's
    for elsewhere in ("Martin Casado", "Dara Khosrowshahi", "Satya Nadella", "Varun Mohan", "Patrick Collison"):
        assert people.get(elsewhere) == (), elsewhere
    assert people["Bo Berg"] == ("Quill",) and people["Ana Lind"] == ()  # a then-CEO left
    assert people["Chris Urmsby"] == ("Aurelon",)  # a person named before the post is no organization


def test_second_review_cases_of_posts() -> None:
    text = _HOSTILE.split("# Companies Identified")[0] + (
        "# Companies Identified\n\n### 1. Brindle Labs\nAI lab. Co-founded in 2021 by CEO Teodor Vance and CTO Ines Okafor.\n\n"
        "### 2. Quarry Robotics\nWarehouse robotics startup. In March, CEO Ingrid Solberg announced layoffs.\n\n"
        "### 3. Orbit Pay\nFintech. Co-founder Nadia Petrov runs product.\n\n"
        "### 4. Lattice Health\nEuropean AI company led by CEO Mara Jensen.\n"
    )
    people = {person.name: person.affiliations for person in extract_document(parse_document("e.md", text)).people}
    assert people["Teodor Vance"] == ("Brindle Labs",) and people["Ines Okafor"] == ("Brindle Labs",)
    assert people["Ingrid Solberg"] == ("Quarry Robotics",)
    assert people["Nadia Petrov"] == ("Orbit Pay",)
    assert people["Mara Jensen"] == ("Lattice Health",)


def test_a_title_ending_a_sentence_does_not_name_the_next_sentences_first_words() -> None:
    text = _HOSTILE.replace("Founder Mode Summit was held.", "They met the founder. Early Kreacarcul arrived late.")
    people = {person.name for person in extract_document(parse_document("e.md", text)).people}
    assert "Early Kreacarcul" not in people


def test_a_spelling_of_a_person_the_document_has_is_no_new_person() -> None:
    text = (
        _HOSTILE.replace("Founder Mode Summit was held.", "He and co-founder Mustafa Suleyman recruited backers.")
        + "\n## People Identified\n\n### Mustafa Suleiman\n**Description:** DeepMind co-founder\n"
    )
    people = {person.name for person in extract_document(parse_document("e.md", text)).people}
    assert "Mustafa Suleiman" in people and "Mustafa Suleyman" not in people
