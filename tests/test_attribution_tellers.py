"""Words someone recounts: `One early customer told him "..."` is the teller's (the one told only
listens), `He references Dario from Orbex: "..."` the one referenced. Neither the lead-in nor the
transcript line (where the recounting person's voice is heard) makes them the recounter's. And
whom `he` stands for after `Most firms do A, but Raj did B.`"""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph
from kgraph.extract import extract_document
from kgraph.parse import parse_document

from .attribution_fixtures import in_themes, speakers_of
from .test_grounding import lines_for, stamp

QUOTE = "if we can automate the folding we have a license to print money"


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        ("One early customer told her", None),
        ("Dana mentions that Orbex engineers told her", None),
        ("Dana says her investors told her", None),
        ("A customer once told Dana", None),
        ("A Halden integration expert told Dana:", None),
        ("Buyers have often told Dana", None),
        ("Marek told the Financial Times that", None),  # someone the document does not know
        ("One buyer told analysts that", None),
        ("Raj told reporters that", "Raj Patel"),
        ('Raj told "The Orbex Show" that', "Raj Patel"),
        ("Orbex engineers warned her", None),
        ("Investors once asked Dana", None),
        ("A buyer wrote to her:", None),
        ("Raj asked Dana:", "Raj Patel"),
        ("Raj told Dana:", "Raj Patel"),  # a known teller speaks
        ("In an interview, Raj Patel told Bloomberg:", "Raj Patel"),
    ],
)
def test_the_teller_speaks_and_the_one_told_does_not(lead_in: str, speaker: str | None) -> None:
    body = in_themes(f'Dana Ruiz spent a year selling door to door. {lead_in} "{QUOTE}."')
    assert speakers_of(body)[f"{QUOTE}."] == speaker


def test_a_pronoun_teller_is_the_pronouns_person() -> None:
    body = in_themes(f'Raj Patel spent a year selling door to door. He told Dana: "{QUOTE}."')
    assert speakers_of(body)[f"{QUOTE}."] == "Raj Patel"


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        ("He references Tove from Orbex:", None),  # Tove's words, relayed
        ("He quotes Tove Lind:", None),
        ("He cites Orbex versus Halden, where", "Raj Patel"),  # an example, not a speaker
        ("He cites Orbex's CTO:", "Raj Patel"),  # left to the quote (`I remember their CTO said...`)
        ("He recalls:", "Raj Patel"),
    ],
)
def test_words_the_pronouns_person_relays_are_not_his(lead_in: str, speaker: str | None) -> None:
    body = in_themes(f'Raj Patel disagrees with the consensus. {lead_in} "{QUOTE}."')
    assert speakers_of(body)[f"{QUOTE}."] == speaker


@pytest.mark.parametrize("joined", ["but", "yet", "and", "so"])
def test_the_subject_of_a_second_main_clause_is_whom_he_stands_for(joined: str) -> None:
    body = in_themes(
        f"Most robotics firms start with rigid objects, {joined} Raj deliberately chose the hardest problem. "
        f'He explains: "{QUOTE}."'
    )
    assert speakers_of(body)[f"{QUOTE}."] == "Raj Patel"


SUMMARY = """# Robots Under the Hull

**Podcast:** Harbor Talks
**Date:** 2026-01-05
**Participants:** Ana Ruiz, Ben Okoro

---

## Key Themes

### 1. Subscriptions

Ana Ruiz explains: "hull cleaning is a subscription business not a hardware business" [00:10:00]

Ana Ruiz adds: "every port in europe will require this within five years" [00:20:00]

Ben Okoro sold hulls for a year. {lead_in} "we hired divers before we hired engineers" [00:30:00]

Ben Okoro warns: "our robots spend more time charging than cleaning today" [00:40:00]
"""


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [("One early customer told him", None), ("He references Dario from Orbex:", None), ("He says:", "ben-okoro")],
)
def test_the_listeners_voice_in_the_transcript_does_not_make_the_tellers_words_his(
    tmp_path: Path, lead_in: str, speaker: str | None
) -> None:
    folder = tmp_path / "in" / "Harbor Talks" / "Robots"
    folder.mkdir(parents=True)
    (folder / "summary.md").write_text(SUMMARY.format(lead_in=lead_in), encoding="utf-8")
    lines = lines_for({600: "Ana Ruiz", 1200: "Ana Ruiz", 1800: "Ben Okoro", 2400: "Ben Okoro"})
    filler = {second: ("Ana Ruiz", "filler line") for second in range(0, 3000, 60)}
    text = "\n".join(f"{stamp(s)} {label}: {words}" for s, (label, words) in sorted({**filler, **lines}.items()))
    (folder / "transcript.md").write_text(text + "\n", encoding="utf-8")
    claims = {claim.text[:12]: claim for claim in kgraph.build([tmp_path / "in"]).model.claims}
    divers = claims["we hired div"]
    assert divers.transcript_speaker is not None  # the transcript hears Ben say it
    assert (divers.speaker.rsplit("/", 1)[-1] if divers.speaker else None) == speaker


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        ("The unidentified co-host read a listener question challenging this:", None),
        ("A caller pushed back on this:", None),
        ("One panelist had a blunt reply:", None),
        ("The host put the obvious objection to her:", None),
        ("One physician at the mill told the team during the pilot:", None),  # someone indefinite
        ("A buyer from Halden put it bluntly:", None),
        ("Dana put the obvious objection to him:", "Dana Ruiz"),  # a named subject still speaks
    ],
)
def test_a_colon_after_someone_unnamed_gives_no_speaker(lead_in: str, speaker: str | None) -> None:
    """In a conversation a quote with no lead-in is the paragraph's subject's; one whose lead-in names
    someone the document cannot (a co-host, a caller) is theirs: nobody's we can name."""
    body = in_themes(f'Raj Patel argued that looms are the new cloud.\n\n{lead_in} "{QUOTE}."')
    assert speakers_of(body)[f"{QUOTE}."] == speaker


def test_a_label_that_fits_two_people_gives_neither_the_context_its_quote() -> None:
    participants = "Raj Patel, Dana Ruiz, Dana Okafor"
    body = in_themes(f'Raj Patel argued that looms are the new cloud.\n\n**Dana:** "{QUOTE}."')
    assert speakers_of(body, participants)[f"{QUOTE}."] is None
    # a label that fits one person is theirs
    assert speakers_of(body, "Raj Patel, Dana Ruiz")[f"{QUOTE}."] == "Dana Ruiz"


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        ("Dana asked whether looms scale; Raj said mills and looms are", "Raj Patel"),
        ("Raj asked whether looms scale; Dana said mills and looms are", "Dana Ruiz"),
        ("Raj covered three shifts in looms; the first is that", "Raj Patel"),  # no subject after it: the sentence's
    ],
)
def test_the_clause_nearer_the_quote_names_its_speaker(lead_in: str, speaker: str | None) -> None:
    body = in_themes(f'Mills are back in fashion. {lead_in} "{QUOTE}."')
    assert speakers_of(body)[f"{QUOTE}."] == speaker


@pytest.mark.parametrize(
    ("before", "after", "speaker"),
    [
        ("Orbex CEO Tove Lind said in a statement: ", "", "Tove Lind"),  # a title before the name
        ("Orbex's chief Tove Lind said: ", "", "Tove Lind"),
        ("Per Orbex managing director Tove Lind: ", "", "Tove Lind"),
        ("Orbex chief financial officer Tove Lind tells Loom Weekly the mill chose debt: ", "", "Tove Lind"),
        ("", ", Orbex CEO Tove Lind told Loom Weekly.", "Tove Lind"),
        ("", ", Tove Lind, Orbex's chief financial officer, told Reuters.", "Tove Lind"),  # an apposition
        ("", ", Tove Lind told Loom Weekly.", "Tove Lind"),
        ("", ", a spokesperson told Reuters.", None),
        ("", ", Orbex told Reuters.", None),  # an organization speaks for nobody we can name
    ],
)
def test_a_newsletters_speaker_with_a_title_or_an_apposition(before: str, after: str, speaker: str | None) -> None:
    body = in_themes(f'Looms are back.\n\n{before}"{QUOTE}"{after}')
    found = speakers_of(body, participants="Greta Vollmer", source="newsletter")
    assert next(iter(found.values())) == speaker


def test_a_hyphenated_surname_alone_is_its_person() -> None:
    body = in_themes(f'Asante-Ruiz spent the episode on banks.\n\n"{QUOTE}." [00:12:02]')
    assert speakers_of(body, participants="Kwame Asante-Ruiz, Raj Patel")[f"{QUOTE}."] == "Kwame Asante-Ruiz"
    body = in_themes(f'Asante-Ruiz argues: "{QUOTE}."')
    assert speakers_of(body, participants="Kwame Asante-Ruiz, Ama Asante-Ruiz")[f"{QUOTE}."] is None  # two of them


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('Raj Patel spoke on looms. Nora pushed further: "{q}."', None),  # a first name in no list
        ('Raj Patel spoke on looms. Dana pushed further: "{q}."', "Dana Ruiz"),
        ('Raj Patel quotes a former colleague describing the plan: "{q}."', None),  # someone unnamed's words
        ('Raj Patel cites an investor who put it this way: "{q}."', None),
        ('Raj Patel quotes his own memo: "{q}."', "Raj Patel"),
        # `Raj said yes` after a question is a new sentence, not the question's speaker
        ('Raj Patel suggested a standard. An audience member followed up: "{q}?" [00:33:40] Raj said yes.', None),
    ],
)
def test_someone_the_document_cannot_name_speaks_for_nobody_we_know(paragraph: str, speaker: str | None) -> None:
    found = speakers_of(in_themes(paragraph.format(q=QUOTE)))
    assert next(iter(found.values())) == speaker


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        ("According to Raj Patel, looms scale. Orbex now trains weavers. In his words:", "Raj Patel"),
        ("According to Raj, this was Dana's idea and it changed everything:", "Raj Patel"),
        ("According to Orbex, the plan works:", None),  # no person of the document
    ],
)
def test_a_source_opening_the_sentence_or_his_words_give_the_speaker(lead_in: str, speaker: str | None) -> None:
    assert speakers_of(in_themes(f'Looms are back. {lead_in} "{QUOTE}."'))[f"{QUOTE}."] == speaker


def test_a_quote_field_crediting_its_speaker_in_parentheses() -> None:
    people = (
        "## People Identified\n\n### **Tove Lind**\n**Description:** Partner at Orbex.\n"
        f'**Quote (Raj, recalling the pitch):** "{QUOTE}."\n'
    )
    assert speakers_of(f"{in_themes('Looms are back.')}\n{people}")[f"{QUOTE}."] == "Raj Patel"
    other = people.replace("Raj, recalling the pitch", "Corvo Looms")  # no person we know credited
    assert speakers_of(f"{in_themes('Looms are back.')}\n{other}")[f"{QUOTE}."] is None


def test_according_to_after_a_quote_makes_no_subject_of_the_rest() -> None:
    """A found leak: the words after a quote (`according to Raj Patel, who built it. The mill is`)
    were read as a sentence opening on its source, and the next quote became Raj's."""
    body = in_themes(
        'Orbex makes looms that "run on wind and on water alike" according to Raj Patel, who built them. '
        f'The mill is "{QUOTE}."'
    )
    found = speakers_of(body, participants="Dana Ruiz, Tove Lind, Raj Patel")
    assert found["run on wind and on water alike"] == "Raj Patel"
    assert found[f"{QUOTE}."] is None


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # `he` after a sentence whose subject addresses `him`: the one addressed, or not surely
        ("Raj Patel argues looms scale. Dana asks him to put a number on it. He estimates that", None),
        ("Raj Patel argues looms scale. Dana agrees with him. She adds:", "Dana Ruiz"),  # she is no him
        ("Raj Patel argues looms scale. He estimates that", "Raj Patel"),
        ("Raj Patel asks him a question. Dana Ruiz explains the plan. She adds:", "Dana Ruiz"),
    ],
)
def test_a_he_after_someone_addressed_as_him(paragraph: str, speaker: str | None) -> None:
    assert speakers_of(in_themes(f'{paragraph} "{QUOTE}."'))[f"{QUOTE}."] == speaker


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        ("Her answer was that the mill slows approvals:", None),  # the one pressed, or not surely
        ("Dana answered that the mill slows approvals:", "Dana Ruiz"),  # the lead-in after the quote
        ("He then laid out the plan:", "Raj Patel"),  # he is no her
    ],
)
def test_a_lead_in_after_a_quote_on_its_line_announces_the_block_quote(lead_in: str, speaker: str | None) -> None:
    body = in_themes(
        'Dana Ruiz says looms scale.\n\nRaj pressed her on the failure mode, asking: "Is this a loom of some '
        f'kind at all?" [00:11:02] {lead_in}\n\n> "{QUOTE}." [00:11:20]'
    )
    assert speakers_of(body)[f"{QUOTE}."] == speaker


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        # a relative clause ending the lead-in has its own speaker
        ("Raj read from the company's announcement, in which CEO Mara Lindqvist said:", "Mara Lindqvist"),
        ("Raj read the filing, where Mara Lindqvist wrote:", "Mara Lindqvist"),
        # a text read out is its author's (the company's: no one's), not the reader's
        ("Raj read from the company's announcement:", None),
        ("Raj read from his note:", None),
        ("Reading from the post-mortem, Raj quoted:", None),
        ("He continued reading:", None),
        ("Raj read a text from a growth investor at a large fund, who asked not to be named:", None),
        ("Raj read a question from Wren Adeyemi, a founder in Tulsa:", "Wren Adeyemi"),
        ("Raj read out the email her co-founder Tove Lindqvist sent her the night the deal closed:", "Tove Lindqvist"),
        ("Raj relayed Tove Lindqvist's closing line on stage:", "Tove Lindqvist"),
        # someone reading out `her statement` reads another's words; `her own`, their own
        ("Raj read her statement from the announcement:", None),
        ("Dana read out her own statement:", "Dana Ruiz"),
    ],
)
def test_words_read_out_are_whose_the_lead_in_says(lead_in: str, speaker: str | None) -> None:
    assert speakers_of(in_themes(f'{lead_in} "{QUOTE}."'))[f"{QUOTE}."] == speaker


def test_a_statement_read_out_in_a_people_entry_is_the_entrys_persons() -> None:
    body = in_themes("Text.") + (
        "\n## 4. People Identified\n\n**Dr. Mara Lindqvist** — Chief medical officer of Orbex. "
        f'Raj read her statement from the FDA announcement: "{QUOTE}." [00:38:20]\n'
    )
    assert speakers_of(body)[f"{QUOTE}."] == "Mara Lindqvist"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a quote going on after its attribution and a full stop is the same speaker's
        (
            f'"{QUOTE}," said Raj Patel, who heads credit at Aldgate Partners. "Nobody will ship a better chip."',
            ["Raj Patel", "Raj Patel"],
        ),
        (f'"{QUOTE}," Raj Patel said. "Nobody will ship a better chip."', ["Raj Patel", "Raj Patel"]),
        # an apposition of two parts before the verb
        (
            f'Mara Lind, a partner at Corvid Ventures, which invested in Cartwheel, pushed back: "{QUOTE}."',
            ["Mara Lind"],
        ),
        (
            "Mara Lind, a pricing consultant at Ridgeway Partners who advises several SaaS companies on the "
            f'transition, put it more bluntly in an interview with the authors: "{QUOTE}."',
            ["Mara Lind"],
        ),
    ],
)
def test_a_continued_quote_and_a_long_apposition(text: str, speakers: list[str | None]) -> None:
    assert list(speakers_of(in_themes(text)).values()) == speakers


def test_a_quote_after_another_sentence_is_not_the_earlier_quotes_continuation() -> None:
    text = f'"{QUOTE}," said Raj Patel, the CEO. The market fell. "Nobody will ship a better chip."'
    assert speakers_of(in_themes(text))["Nobody will ship a better chip."] is None


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        ('"Nonsense, that will never happen here," said Dana Ruiz.', "Dana Ruiz"),
        ('"Nonsense, that will never happen here," Dana Ruiz noted.', "Dana Ruiz"),
        ('"Nonsense, that will never happen here" (Dana Ruiz).', "Dana Ruiz"),
        ('"Nonsense, that will never happen here," replied a rival.', None),  # someone else, unread
        ('"Nonsense, that will never happen here." The market fell.', "Raj Patel"),  # the same quote goes on
    ],
)
def test_a_quote_attributed_after_it_is_no_continuation_of_the_one_before(second: str, speaker: str | None) -> None:
    text = f'"We will grow fast this year, no doubt about it," said Raj Patel. {second}'
    speakers = speakers_of(in_themes(text))
    assert [said for quote, said in speakers.items() if quote.startswith("Nonsense")] == [speaker]


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        # a teller described between commas, and a when after the one told
        (
            "She recalled what her lead investor, Tove Lindqvist of Sablecrest, told her the week before the layoff:",
            "Tove Lindqvist",
        ),
        (
            "She recalled what Dr. Ambrose Liang-Fairweather, a cardiologist, told her after the first month:",
            "Ambrose Liang-Fairweather",
        ),
        ("She recalled what a customer told her after the demo:", None),
        # `..., who told her:` with its colon: the one the relative clause is about
        ("She recalled her first meeting with Tove Lindqvist, who told her:", "Tove Lindqvist"),
        (
            "She recalled meeting Tove Lindqvist, business manager of the local at Bayonne Marine Works, who told her:",
            "Tove Lindqvist",
        ),
        ("She met an analyst at a bank, who told her:", None),
    ],
)
def test_words_someone_told_the_subject_are_the_tellers(lead_in: str, speaker: str | None) -> None:
    body = in_themes(f'Dana Ruiz spent a year selling door to door. {lead_in} "{QUOTE}."')
    assert speakers_of(body)[f"{QUOTE}."] == speaker


def test_a_quote_opening_on_the_relayers_own_telling_is_theirs() -> None:
    # `relayed a line from a customer:` then the quote tells it in the first person: the relayer's words
    lead_in = "Dana relayed a line from one of her earliest customers, Tove Lindqvist of the Greenfield Co-op:"
    quote = "She told me, 'If it needs Wi-Fi, it's a toy,' and that became a design principle we put on the wall."
    assert (
        speakers_of(in_themes(f'Dana Ruiz spent a year selling door to door. {lead_in} "{quote}"'))[quote]
        == "Dana Ruiz"
    )
    # read out, the words stay the text's even where they tell of someone telling its author
    read = "Our investors got back 41 cents on the dollar. Every one of them told me it was a first."
    body = in_themes(f'Dana Ruiz spent a year selling door to door. She continued reading: "{read}"')
    assert speakers_of(body)[read] is None


_SIGNED_ELSEWHERE = """# Agents at Work

**Podcast:** Loom Talk
**Date:** 2025-11-26
**Participants:** Jasper Ruiz, Unknown Host
{source}
---

## 1. Key Themes

### Convergence
The boundaries are dissolving. Wilhelmina notes, "I don't mind that it's merging, it leads us to better emails."

### Tools
Wilhelmina explains: "It's actually better for me that some of this is in a sales tool now."

### More
The team builds mockups: "Reva is really good at doing mockups for our annual event" {signature}
"""


@pytest.mark.parametrize(
    ("source", "signature", "speakers"),
    [
        ("", "- Wilhelmina [00:15:00]", ["Wilhelmina", "Wilhelmina", "Wilhelmina"]),
        ("", "— Wilhelmina", ["Wilhelmina", "Wilhelmina", "Wilhelmina"]),
        ("", "[00:15:00]", [None, None, None]),  # never signed with the lone name: nobody's to take
        ("**Source:** newsletter\n", "- Wilhelmina", [None, None, None]),  # an article: a word, no speaker
    ],
)
def test_a_first_name_the_document_signs_quotes_with_names_a_speaker_elsewhere(
    source: str, signature: str, speakers: list[str | None]
) -> None:
    text = _SIGNED_ELSEWHERE.format(source=source, signature=signature)
    claims = extract_document(parse_document("a.md", text)).claims
    assert [claim.speaker for claim in claims] == speakers
