"""Products the prose introduces by what they are (`Ledgerly's flagship product, Close Autopilot,`),
though no list knows them, and their makers where a listed organization's possessive or its own
entry says so. Invented names only."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.extract.results import EntityKind
from kgraph.parse import parse_document


def products(theme: str, companies: str = "**Ledgerly**\n- Description: Finance software\n") -> dict:
    text = f"""# Closing the Books

**Podcast:** Compounding Signals
**Date:** 2025-09-16
**Participants:** Marisol Quintero, Declan Voss

---

## 1. Key Themes

### Seats Are Dead
{theme}

## 3. Companies Identified

{companies}
"""
    entities = extract_document(parse_document("a.md", text)).entities
    return {entity.name: entity.made_by for entity in entities if entity.kind == EntityKind.PRODUCT}


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("The launch of Close Autopilot, Ledgerly's flagship product, changed pricing.", {"Close Autopilot": ()}),
        ("Ledgerly's core product, Close Autopilot, runs the close.", {"Close Autopilot": ("Ledgerly",)}),
        ("Ledgerly sells it with its Perch SDK, which handles quantization.", {"Perch SDK": ()}),
        ("Solstra uses its own GridBank 4 battery system.", {"GridBank 4": ()}),
        ("Ampersand Grid launched FlexDispatch, a service that lets utilities bid.", {"FlexDispatch": ()}),
        ("Its products include Juniper Sweep and Runway Forecast.", {"Juniper Sweep": (), "Runway Forecast": ()}),
        ("Ledgerly launched Ledgerly Cloud in 2019.", {}),  # a launch that says nothing of what it is
        ("Marisol Quintero's team, Declan Voss's podcast.", {}),  # people's possessives name no product
        ("Ledgerly built its own CRM system.", {}),  # a kind of thing
        ("The company abandoned its IP-licensing model.", {}),
        ("The Agent is new; an agent product, its Agent platform.", {}),  # a word the text writes in lower case
        ("Orbex launched Stripe, a payments platform, and their Salesforce platform.", {}),  # known companies
        ("Orbex launched Monday, a platform, and released Q3 Results, a product of work.", {}),
    ],
)
def test_a_product_the_prose_says_is_one_is_a_product(theme: str, expected: dict) -> None:
    assert products(theme) == expected


def test_its_product_in_an_organizations_own_entry_is_made_by_it() -> None:
    companies = (
        "**Ledgerly**\n- Description: Finance software; its LoadLens platform scores loads.\n\n"
        "**Halden Capital**\n- Description: Fund that invested in Orvane Motors and its Allfleet bus platform.\n"
    )
    assert products("Talk.", companies) == {"LoadLens": ("Ledgerly",), "Allfleet": ()}  # (Orvane's, not Halden's)


_MAKERS = (
    "**Ledgerly**\n- Description: Finance software\n\n**Helix Bio**\n- Description: Clinical AI\n\n"
    "**Tessera Semi**\n- Description: Chips\n\n**Harlow Books**\n- Description: Legal publisher\n"
)


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        # a listed maker's name for something it has, going on as a sentence does
        (
            "Ledgerly's new Agent Checkout is now on by default; agent checkout volumes rose.",
            {"Agent Checkout": ("Ledgerly",)},
        ),
        ("Tessera Semi's TX355 is in production in two regions.", {"TX355": ("Tessera Semi",)}),
        # the kind set beside the name
        ("Helix Bio's SepsiGuard, a model that flags sepsis early, was cleared.", {"SepsiGuard": ("Helix Bio",)}),
        # `Its` opening a sentence, a kind of product the list had not (`sensor`, `program`)
        ("Its product, Verdance Brief, drafts motions.", {"Verdance Brief": ()}),
        ("Ledgerly uses its Mini45 sensor as the baseline.", {"Mini45": ()}),
        # a plural's possessive, a launch that ships, a list of products that `are`
        (
            "Clients pick Harlow Books' CoPleader, a legal assistant, over the rest.",
            {"CoPleader": ("Harlow Books",)},
        ),
        ("The team shipped Tallyho, a service that reconciles statements nightly.", {"Tallyho": ()}),
        ("Its products are Ferrule Close and Tallyho.", {"Ferrule Close": (), "Tallyho": ()}),
        # no product: a person, an event, an organization's part, someone unlisted's thing, plain words
        ("Ledgerly's Sundar Okafor is stepping down.", {}),
        ("Ledgerly's Demo Day is in June; demo day tickets sold out.", {}),
        ("Ledgerly's Research Lab is hiring; research lab budgets grew.", {}),
        ("Bob's Agent Checkout is late; agent checkout volumes rose.", {}),
        ("Ledgerly's Treasury is growing.", {}),
    ],
)
def test_a_product_a_listed_maker_has_or_a_cue_introduces(theme: str, expected: dict) -> None:
    assert products(theme, _MAKERS) == expected


def test_a_product_an_entry_names_after_a_capital_its_is_the_entrys() -> None:
    walvik = "**Walvik**\n- Description: A retailer. Its assistant, Sparkle, now answers other agents.\n"
    assert products("Nothing here.", walvik) == {"Sparkle": ("Walvik",)}


@pytest.mark.parametrize(
    ("theme", "companies", "expected"),
    [
        # the product's own name opens on its maker's
        (
            "The firm launched Ledgerly Close, a service that closes the books.",
            "**Ledgerly**\n- Description: Finance software\n",
            {"Ledgerly Close": ("Ledgerly",)},
        ),
        # the maker written right before a product the data knows
        (
            "The demos ran in NVIDIA Isaac Sim for weeks.",
            "**NVIDIA**\n- Description: Chips\n",
            {"Isaac Sim": ("NVIDIA",)},
        ),
        # a kind beside the product says who makes it
        (
            "HuiBridge uses USDC, the dollar stablecoin issued by Circle, to settle.",
            "**Circle**\n- Description: Stablecoin issuer\n",
            {"USDC": ("Circle",)},
        ),
        # an organization's entry calls itself the maker
        (
            "Its products are Harbor Router and Spillway.",
            "**Tessellate**\n- Description: Inference company; maker of Harbor Router and Spillway\n",
            {"Harbor Router": ("Tessellate",), "Spillway": ("Tessellate",)},
        ),
        # a possessive before a known product is no maker here, nor a maker across a full stop
        ("Buyers sold to Ledgerly. Azure grew fast.", "**Ledgerly**\n- Description: Finance software\n", {"Azure": ()}),
        # the maker of a product written with its kind, in the plural, a dot inside a name
        (
            "The paper builds on Qwen2.5 and SigLIP.",
            "**Halden AI (Qwen team)**\n- Description: Tech company; developer of the Qwen2.5 language model series "
            "used as the backbone\n\n**Orbex Labs**\n- Description: AI lab; developers of SigLIP vision-language model\n",
            {"Qwen2.5": ("Halden AI",), "Qwen": (), "SigLIP": ("Orbex Labs",)},
        ),
        # not what the entry's reason names after its description, nor a thing of another's kind
        (
            "Users compare ChatGPT, Claude and Gemini.",
            "**Halden AI**\n- Description: AI company, maker of Gemini\n- Why mentioned: Mentioned alongside "
            "ChatGPT and Claude as a model covered in the course\n\n**Orbex Labs**\n- Description: developer of "
            "ChatGPT rival models\n",
            {"ChatGPT": (), "Claude": (), "Gemini": ("Halden AI",)},
        ),
    ],
)
def test_a_maker_the_text_states_in_so_many_words(theme: str, companies: str, expected: dict) -> None:
    assert products(theme, companies) == expected


def test_a_possessive_makes_a_known_product_its_makers_where_no_noun_follows() -> None:
    # (Meta named only in the prose: an organization the shipped list knows, read after the products)
    companies = "**Dell**\n- Description: Computers\n"
    theme = "Open models such as Meta's Llama 4 as a substitute, and Dell's Windows laptops, sold."
    assert products(theme, companies) == {"Llama 4": ("Meta",), "Windows": ()}


def test_a_launch_by_the_company_in_its_entry_is_the_entrys_product() -> None:
    companies = (
        "**Tessellate**\n- Description: Inference routing company. In March the company launched Spillway, "
        "a service that catches overflow traffic.\n"
    )
    assert products("Nothing here.", companies) == {"Spillway": ("Tessellate",)}


@pytest.mark.parametrize(
    ("theme", "companies", "expected"),
    [
        # a product beside its kind and its maker, read back from `made by`
        (
            "The leading example is the Aura One, a pendant made by Hearthstone Devices that records meetings.",
            "**Hearthstone**\n- Description: Devices\n",
            {"Aura One": ("Hearthstone",)},
        ),
        ("The Aura One, a pendant made by someone unlisted, records.", "**Hearthstone**\n- Description: D\n", {}),
        # what an organization's entry says it makes
        (
            "Nothing here.",
            "**Oakhaven Robotics**\n- Description: Warehouse robot maker; makes the Oakhaven Picker.\n",
            {"Oakhaven Picker": ("Oakhaven Robotics",)},
        ),
        (
            "Nothing here.",
            "**ByteDance**\n- Description: Technology company, developer of the WAN2.2 video tokenizer.\n",
            {"WAN2.2": ("ByteDance",)},  # a version's dot is no end of the name (not `WAN2`); its kind follows it
        ),
        # `its first product, the Ferrite F1,`; a glove; a shipped product going on with `which`
        (
            "Ledgerly's first product, the Ferrite F1, is a chip.",
            "**Ledgerly**\n- Description: F\n",
            {"Ferrite F1": ("Ledgerly",)},
        ),
        (
            "Ledgerly's glove, the TactiGlove, records pressure.",
            "**Ledgerly**\n- Description: F\n",
            {"TactiGlove": ("Ledgerly",)},
        ),
        (
            "Murmur ships the Murmur Ring, which records on a tap.",
            "**Ledgerly**\n- Description: F\n",
            {"Murmur Ring": ()},
        ),
    ],
)
def test_products_an_entry_or_a_maker_clause_introduces(theme: str, companies: str, expected: dict) -> None:
    assert products(theme, companies) == expected


@pytest.mark.parametrize(
    ("theme", "companies"),
    [
        # events, a campus and things said of the maker are no products
        (
            "Nvidia's GTC 2025 will open. Shopify's Editions Summer 2025 is now live.",
            "**Nvidia**\n- D: Chips\n\n**Shopify**\n- D: Shops\n",
        ),
        (
            "Amazon's HQ2 is in Virginia.",
            "**Amazon**\n- D: Shop\n\n**Nvidia**\n- D: Chips\n",
        ),
        ("Ledgerly's McKinsey Report is now out; the report is long.", "**Ledgerly**\n- D: F\n"),
        # a kind set beside a person (`a model who`)
        ("Vogue's Gigi Hadid, a model who shaped the decade, spoke.", "**Vogue**\n- D: Magazine\n"),
        # `It makes Tally and Spillway look cheap`: no product made
        (
            "Nothing here.",
            "**Orbex**\n- Description: Orbex makes sense of data. It makes Tally and Spillway look cheap.\n",
        ),
    ],
)
def test_no_product_an_independent_review_found_wrong(theme: str, companies: str) -> None:
    assert products(theme, companies) == {}


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        (
            "Ledgerly launched Tally, a tool that reconciles. Versus Google Tally, it was cheap.",
            {"Tally": ()},
        ),  # unknown: no neighbour
        ("Ledgerly launched Tally, a tool developed by Google engineers who left.", {"Tally": ()}),  # its people
    ],
)
def test_no_maker_an_independent_review_found_wrong(theme: str, expected: dict) -> None:
    assert products(theme, "**Google**\n- Description: Search\n") == expected


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # what the entry's organization makes something look like is no making of it
        ("Orbex makes sense of data. It makes Tally and Spillway look cheap.", {"Tally": (), "Spillway": ()}),
        ("Its pricing makes Tally feel like a toy.", {"Tally": (), "Spillway": ()}),
        # what it makes, to the end of the clause
        ("Orbex makes Tally and Spillway.", {"Tally": ("Orbex",), "Spillway": ("Orbex",)}),
        (
            "Orbex makes Tally, Spillway and Ferrule Close, tools for closing books.",
            {"Tally": ("Orbex",), "Spillway": ("Orbex",), "Ferrule Close": ("Orbex",)},
        ),
    ],
)
def test_what_an_entry_makes_and_what_it_makes_look_a_way(entry: str, expected: dict) -> None:
    theme = "Ledgerly's products are Tally and Spillway."
    assert products(theme, f"**Orbex**\n- Description: {entry}\n") == expected


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("Sentrel Guard, the company's product, issues scoped credentials.", {"Sentrel Guard": ()}),
        ("Sweep, its flagship service, moves idle balances overnight.", {"Sweep": ()}),
        ("Agent-security startup; products Sentrel Guard and Tollgate.", {"Sentrel Guard": (), "Tollgate": ()}),
        ("Invest only in companies whose products Fundrise itself uses.", {}),  # no list: no product
    ],
)
def test_a_name_set_beside_what_it_is_to_its_maker(theme: str, expected: dict) -> None:
    assert products(theme) == expected


@pytest.mark.parametrize("words", ["makers of", "developers of", "creators of"])
def test_an_entry_naming_what_its_organization_makes_in_the_plural(words: str) -> None:
    # (the product named nowhere else: the entry introduces it)
    companies = f"**Orbex**\n- Description: AI coding company ({words} Tallyhook)\n"
    assert products("Nothing here.", companies) == {"Tallyhook": ("Orbex",)}


@pytest.mark.parametrize(
    ("theme", "companies", "expected"),
    [
        # what an entry says its organization makes, with the kind of thing after the name
        (
            "Nothing here.",
            "**Kestrel Packaging**\n- Description: Arizona startup; maker of the KP-Bridge silicon interposer.\n",
            {"KP-Bridge": ("Kestrel Packaging",)},
        ),
        (
            "Nothing here.",
            "**Frostline**\n- Description: Designs the Frostline Vault rack system and the ColdTrace energy software.\n",
            {"Frostline Vault": ("Frostline",), "ColdTrace": ("Frostline",)},
        ),
        (
            "Nothing here.",
            "**Haas Automation**\n- Description: Machine-tool maker; builds the Haas VF-2 vertical mills.\n",
            {"Haas VF-2": ("Haas Automation",)},
        ),
        (
            "Nothing here.",
            "**Corvane**\n- Description: Freelancer neobank; makes Corvane Payroll and Corvane Invoicing.\n",
            {"Corvane Payroll": ("Corvane",), "Corvane Invoicing": ("Corvane",)},
        ),
        # a kind of thing in the plural, with no article, is no product; nor a clause after the name
        ("Nothing here.", "**Kailon**\n- Description: Developer of GLP-1 drugs for obesity.\n", {}),
        (
            "Nothing here.",
            "**Kailon**\n- Description: Maker of Tessellate for banks and lenders.\n",
            {"Tessellate": ("Kailon",)},
        ),
        # `makes` alone, in prose, says too little
        ("Ledgerly makes Corvane Payroll look cheap. Sleet makes Orrin Tools.", "**Ledgerly**\n- D: F\n", {}),
        # an owner's product named after what kind it is, in any words
        (
            "Frostline's energy software, ColdTrace, decides when to pre-chill.",
            "**Frostline**\n- D: Cold storage\n",
            {"ColdTrace": ("Frostline",)},
        ),
        (
            "Ridgeline built its own load-matching app, RigShare, for members.",
            "**Ridgeline**\n- D: Co-op\n",
            {"RigShare": ()},
        ),
        # a product called so
        (
            "Ardent Civic sells a product called Benefits Buddy, which runs on rules.",
            "**Ardent Civic**\n- D: Contractor\n",
            {"Benefits Buddy": ()},
        ),
        (
            "Ladle makes a soup-and-sauce cooking robot called the Ladle Line, used in 400 kitchens.",
            "**Ladle**\n- D: Robots\n",
            {"Ladle Line": ("Ladle",)},  # (its maker's name opens it)
        ),
        ("The agency hired a model called Gigi Hadid and a company called Orrin.", "**Ledgerly**\n- D: F\n", {}),
        # made by a listed maker named after its kind
        (
            "The campus will use DryLoop, a closed-loop cooling system made by the Minnesota firm Thermocline.",
            "**Thermocline**\n- D: Cooling\n",
            {"DryLoop": ("Thermocline",)},
        ),
    ],
)
def test_products_named_with_their_kind_or_their_maker(theme: str, companies: str, expected: dict) -> None:
    assert products(theme, companies) == expected


def test_a_listed_product_named_with_an_acronym_of_its_kind_is_that_product() -> None:
    theme = "Brightdesk bills per ticket resolved by its AI agent, Brightdesk Resolve."
    companies = "**Brightdesk**\n- Description: Support software; maker of the Brightdesk Resolve AI agent.\n"
    assert products(theme, companies) == {"Brightdesk Resolve": ("Brightdesk",)}


def test_a_product_named_after_its_maker_and_an_acronym_is_a_product() -> None:
    companies = "**Toastly**\n- Description: Restaurant software company; maker of Toastly POS.\n"
    assert products("Nothing here.", companies) == {"Toastly POS": ("Toastly",)}


def test_a_made_thing_a_word_or_two_describe_after_the_article() -> None:
    companies = "**Orbex**\n- Description: AI lab; creator of the leaked Tally-Image-2 and the Spillway model.\n"
    assert products("Nothing here.", companies) == {"Tally-Image-2": ("Orbex",), "Spillway": ("Orbex",)}
    # (no name after the words: the world's fastest chips are no product)
    assert products("Nothing here.", "**Orbex**\n- Description: Maker of the world's fastest chips.\n") == {}


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("We deploy it on a Unitree G1 humanoid.", {"Unitree G1": ("Unitree",)}),
        ("Training took 16 hours on Ledgerly X40 cards.", {"Ledgerly X40": ("Ledgerly",)}),
        # a period of the year, a course, a product the text knows by its code alone, an unknown maker
        ("Unitree Q3 revenue and Unitree H1 results rose; Unitree FY2025 too.", {}),
        ("It was tested on the Unitree H1 robot.", {"Unitree H1": ("Unitree",)}),
        ("She took Stanford CS183B with Peter Thiel.", {}),
        ("It runs on an NVIDIA H100.", {"H100": ("NVIDIA",)}),
        # a long code is a name of its own, in the singular
        ("It runs on Ledgerly Z900s and the Ledgerly NDP120 chip.", {"Z900": ("Ledgerly",), "NDP120": ("Ledgerly",)}),
        ("It runs on a Tovrik T1 board.", {}),
    ],
)
def test_a_model_named_by_its_makers_name_and_its_code(theme: str, expected: dict) -> None:
    assert products(theme, "**Unitree**\n- D: Robots\n\n**Ledgerly**\n- D: Chips\n") == expected


def test_what_an_entry_of_two_organizations_makes_is_made_by_both() -> None:
    # (`Microsoft / Nuance — Maker of DAX Copilot`: the entry is the two's, whichever made it)
    companies = "### Orbex / Halden\n- Description: AI lab; developer of the Tally-2 video tokenizer.\n"
    assert products("Nothing here.", companies) == {"Tally-2": ("Halden", "Orbex")}
    # the one of them whose name opens the product's
    companies = "### Orbex / Halden Micro\n- Description: Chip makers; maker of the Halden S9 chiplet.\n"
    assert products("Nothing here.", companies) == {"Halden S9": ("Halden Micro",)}
    # several things the two made: each may be one's, so neither is read as the maker of both
    companies = "### **Orbex** and **Halden**\nDevelopers of GPT-4 and Llama 3, used as examples.\n"
    assert products("Nothing here.", companies) == {"GPT-4": (), "Llama 3": ()}
    companies = "### Microsoft and OpenAI\n- Description: developers of ChatGPT\n"  # (a heading read as one name)
    assert products("Nothing here.", companies) == {"ChatGPT": ()}


def test_what_an_organization_uses_buys_or_fights_is_not_its_product() -> None:
    companies = (
        "**Orbex**\n- Description: Its rival platform, Kajabi, raised prices; its billing system, Zuora, broke; "
        "its biggest partner app, Grubhub, grew; designs the Tesla Model battery packs.\n"
    )
    theme = "Orbex runs a program called Medicare and a feature called Dark Mode."
    assert products(theme, companies) == {}


@pytest.mark.parametrize(
    ("theme", "companies", "expected"),
    [
        # a name in quotation marks or parentheses right after a kind of product
        ('Halvard is embedding its own assistant ("Quillby") in every checkout.', "", {"Quillby": ()}),
        ("Halvard moved to embed its own AI assistant, 'Quillby,' within its app.", "", {"Quillby": ()}),
        ("It is readying its not-yet-released model — currently branded 'Tarnwell' — for banks.", "", {"Tarnwell": ()}),
        ("The network runs on iris-scanning hardware (the Glimmer) in every city.", "", {"Glimmer": ()}),
        # in an organization's own entry: its product
        (
            "The close is changing.",
            '**Ledgerly**\n- Why mentioned: completing its next model family "Fennick"; expanding checkout\n',
            {"Fennick": ("Ledgerly",)},
        ),
    ],
)
def test_a_name_marked_after_its_kind_is_a_product(theme: str, companies: str, expected: dict) -> None:
    assert products(theme, companies or "**Ledgerly**\n- Description: Finance software\n") == expected


@pytest.mark.parametrize(
    "theme",
    [
        "The model (Section 5.1) and the tool (see Appendix B) are described there.",  # a place in the paper
        'The platform ("the best we have") is open to every bank.',  # a quote, no name
        "The fund's model (Ledgerly) beat the rest.",  # an organization the document lists
        "The robot (August) shipped late.",  # a month
    ],
)
def test_no_product_from_what_a_kind_of_product_marks_but_names_none(theme: str) -> None:
    assert products(theme) == {}


@pytest.mark.parametrize(
    "theme",
    [
        'Thompson called the tool "Useless." Then he left.',  # characterized, a sentence in quotes
        "The model (Algorithm 1) and the agent (Alice) win.",  # a paper's places and placeholders
        "The mixture-of-experts model (MoE) is used.",  # an acronym of the words before
        "A doctoral program (PhD) student joined.",
    ],
)
def test_no_product_from_a_marked_word_that_characterizes_or_abbreviates(theme: str) -> None:
    assert products(theme) == {}


def test_the_makers_of_another_are_not_the_entrys_products() -> None:
    companies = (
        "**Halden Cloud**\n- Description: Largest investor in the creators of ChatGPT\n\n"
        "**Orbex Hosting**\n- Description: Cloud that hosts the developers of Claude\n"
    )
    assert products("Users compare ChatGPT and Claude.", companies) == {"ChatGPT": (), "Claude": ()}


@pytest.mark.parametrize(
    ("part", "maker"),
    [
        ("qwen2.5 language model series used as the backbone", "Halden AI"),
        ("qwen2.5 models", "Halden AI"),
        ("qwen2.5", None),  # (the name alone: the exact reading's, not this one's)
        ("qwen2.5 as a model covered in the course", None),  # words of a sentence, not of a kind
        ("qwen2.5 rival models", None),  # another's kind of thing
        ("qwen2.5-based models", None),
        ("qwen2.5 apps for truckers", None),  # things built on someone else's
        ("qwen2.5 management tools", None),
        ("qwen2.5 agent", "Halden AI"),  # (`maker of the Ferryman agent`: its own)
        ("qwen2.5x models", None),  # another name
    ],
)
def test_a_listed_part_names_a_product_with_its_kind(part: str, maker: str | None) -> None:
    from kgraph.extract.makers import _listed_with_its_kind
    from kgraph.names import fold

    assert _listed_with_its_kind("Qwen2.5", {fold(part): "Halden AI"}) == maker  # (listed parts are folded)
