"""Products: which Companies entries are products, their makers where the text says so, one node
per product across documents, and how they reach the RDF, the page and the property graph.
Invented names only, besides a few well-known products (the shipped list of known names)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

import kgraph
from kgraph import vocab
from kgraph.extract.products import find_products
from kgraph.extract.results import EntityEntry, EntityKind
from kgraph.names import fold
from kgraph.outputs.property_graph import node_tables
from kgraph.outputs.validate import validate_quads
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.products import ProductIdentity, ProductSighting, product_key, resolve_products

from .test_resolve import write


def entry(name: str, description: str | None = None, qualifiers: tuple[str, ...] = (), line: int = 1) -> EntityEntry:
    return EntityEntry(
        kind=EntityKind.ORGANIZATION, name=name, description=description, qualifiers=qualifiers, line=line, rank=line
    )


def kinds(entries: list[EntityEntry]) -> dict[str, tuple[EntityKind, tuple[str, ...]]]:
    return {e.name: (e.kind, e.made_by) for e in find_products(entries)}


# -- which entries are products --------------------------------------------------------------------
def test_a_known_product_name_is_a_product_and_its_parenthesis_names_the_maker() -> None:
    found = kinds([entry("ChatGPT", "Leading AI chatbot", ("Orbex",))])
    assert found == {"ChatGPT": (EntityKind.PRODUCT, ("Orbex",))}


def test_what_the_entry_says_it_is_decides() -> None:
    found = kinds(
        [
            entry("Tessalink", "AI chatbot by Halden Labs", line=1),
            entry("Corvo", "Corvo's browser automation framework", line=2),
            entry("Loomwright", "Halden's browser automation framework", line=7),
            entry("Orbex", "AI video editing app", line=3),  # an app with no maker: the startup that makes it
            entry("Gemini", "Winklevoss-founded cryptocurrency exchange", line=4),  # a known name, an exchange
            entry("Vela", "Enterprise AI assistant developer", line=5),
            entry("Brindle", "AI model", ("acquired by Halden Labs",), line=6),  # an owner, not a maker
        ]
    )
    assert found == {
        "Tessalink": (EntityKind.PRODUCT, ("Halden Labs",)),
        "Corvo": (EntityKind.ORGANIZATION, ()),  # the maker is itself: no product
        "Loomwright": (EntityKind.PRODUCT, ("Halden",)),
        "Orbex": (EntityKind.ORGANIZATION, ()),
        "Gemini": (EntityKind.ORGANIZATION, ()),
        "Vela": (EntityKind.ORGANIZATION, ()),
        "Brindle": (EntityKind.ORGANIZATION, ()),
    }


def test_a_qualifier_saying_what_it_is_decides_too() -> None:
    found = kinds([entry("Gemini", qualifiers=("crypto exchange",)), entry("Loomcraft", qualifiers=("game",), line=2)])
    assert found == {"Gemini": (EntityKind.ORGANIZATION, ()), "Loomcraft": (EntityKind.PRODUCT, ())}


def test_a_part_of_an_organization_in_its_heading_leaves_it_an_organization() -> None:
    # `Model` is a product noun, but the last noun the data knows, `Department`, names a part of an organization
    found = kinds(
        [
            entry("Halden", "Five co-authors work there", ("Foundation Model Department",)),
            entry("Corvo", qualifiers=("Agent Systems Bureau",), line=2),
        ]
    )
    assert found == {"Halden": (EntityKind.ORGANIZATION, ()), "Corvo": (EntityKind.ORGANIZATION, ())}


def test_a_possessive_heading_names_the_maker_of_a_known_product() -> None:
    (found,) = find_products([entry("Halden's Sora")])
    assert (found.kind, found.name, found.made_by, found.aliases) == (
        EntityKind.PRODUCT,
        "Sora",
        ("Halden",),
        ("Halden's Sora",),
    )


def test_a_dash_description_in_the_heading_names_the_maker(tmp_path: Path) -> None:
    _write_looms_1(
        tmp_path, companies="### Gemini - Halden's assistant\n\n### Halden\n**Description:** yarn and software"
    )
    graph = kgraph.build([tmp_path / "docs"])
    (product,) = graph.model.products
    (maker,) = graph.model.organizations
    assert (product.label, product.made_by, maker.label) == ("Gemini", (maker.iri,), "Halden")


def test_a_versioned_name_of_a_known_family_is_a_product_but_a_numbered_project_is_not() -> None:
    found = kinds([entry("Claude 3.5 Sonnet", line=1), entry("Subnet 3", "Decentralized crypto-AI project", line=2)])
    assert found == {"Claude 3.5 Sonnet": (EntityKind.PRODUCT, ()), "Subnet 3": (EntityKind.ORGANIZATION, ())}


def test_a_known_product_beside_its_maker_in_one_heading_is_made_by_it() -> None:
    # `### Halden / Sora`: the heading's description is the pair's; the product is the known name
    found = kinds([entry("Halden", "video company", line=7), entry("Sora", "video company", line=7)])
    assert found == {"Halden": (EntityKind.ORGANIZATION, ()), "Sora": (EntityKind.PRODUCT, ("Halden",))}


def test_products_in_parentheses_after_their_maker_are_added_at_the_end() -> None:
    entries = [entry("Orbex", "makes assistants", ("OrbexChat, OrbexCode",), line=1), entry("Tidewell", line=2)]
    found = find_products(entries)
    assert [(e.name, e.kind, e.made_by, e.own_entry) for e in found] == [
        ("Orbex", EntityKind.ORGANIZATION, (), True),
        ("Tidewell", EntityKind.ORGANIZATION, (), True),  # the entries keep their places (mention numbers)
        ("OrbexChat", EntityKind.PRODUCT, ("Orbex",), False),
        ("OrbexCode", EntityKind.PRODUCT, ("Orbex",), False),
    ]


def test_a_qualifier_that_is_no_product_stays_a_qualifier() -> None:
    found = find_products(
        [
            entry("Orbex", qualifiers=("YC W24",)),
            entry("Tidewell", qualifiers=("now Corvo",), line=2),
            entry("Brindle", qualifiers=("Brindle Inc.",), line=3),  # its legal name, no product
        ]
    )
    assert [e.name for e in found] == ["Orbex", "Tidewell", "Brindle"]


def test_only_a_known_name_beside_an_organization_is_its_product() -> None:
    found = kinds([entry("Halden", "crypto network", line=4), entry("Subnet 3", "crypto network", line=4)])
    assert found == {"Halden": (EntityKind.ORGANIZATION, ()), "Subnet 3": (EntityKind.ORGANIZATION, ())}


# -- resolution ------------------------------------------------------------------------------------
def test_products_are_one_across_documents_by_folded_name_and_the_merge_is_recorded() -> None:
    log = DecisionLog()
    found = resolve_products(
        [
            ProductSighting("OrbexChat", document="a.md"),
            ProductSighting("Orbex Chat", document="b.md"),
            ProductSighting("OrbexChat", document="c.md"),
            ProductSighting("OrbexCode", document="c.md"),
        ],
        log,
    )
    assert found["Orbex Chat"] == found["OrbexChat"]
    assert found["OrbexChat"].label == "OrbexChat" and found["OrbexChat"].alt_labels == ("Orbex Chat",)
    assert found["OrbexCode"].label == "OrbexCode"
    (decision,) = log.decisions()
    assert (decision.kind, decision.verdict, decision.names) == ("product", "merged", ("OrbexChat", "Orbex Chat"))


def test_a_former_name_or_an_origin_is_no_maker() -> None:
    renamed = EntityEntry(
        kind=EntityKind.ORGANIZATION,
        name="Velo Draft",
        aliases=("Quillet",),
        description="Writing assistant that rebranded from Quillet to Velo Draft",
        line=1,
        rank=1,
    )
    found = kinds(
        [
            renamed,
            entry("Tessa Mini", "Small chatbot distilled from Orbex Large", line=2),
            entry("Corvo Write", "Writing assistant from Halden Labs", line=3),  # `from` with no verb: the maker
        ]
    )
    assert found == {
        "Velo Draft": (EntityKind.PRODUCT, ()),
        "Tessa Mini": (EntityKind.PRODUCT, ()),
        "Corvo Write": (EntityKind.PRODUCT, ("Halden Labs",)),
    }


def test_an_alias_stated_in_a_heading_merges_products_and_says_so() -> None:
    log = DecisionLog()
    found = resolve_products(
        [ProductSighting("Velo Draft", ("Quillet",), "a.md"), ProductSighting("Quillet", document="b.md")], log
    )
    assert found["Quillet"] == found["Velo Draft"] == ProductIdentity("Quillet", ("Velo Draft",))
    (decision,) = log.decisions()
    assert (decision.names, decision.reason, decision.evidence) == (
        ("Quillet", "Velo Draft"),
        "alias stated in the heading",
        ("a.md",),
    )


def test_the_alias_file_merges_and_separates_products() -> None:
    sightings = [
        ProductSighting("Velo Draft", ("Quillet",), "a.md"),
        ProductSighting("Orbex Chat", document="b.md"),
        ProductSighting("OrbexChat", document="c.md"),
        ProductSighting("Tessa Mini", document="c.md"),
    ]
    rules = AliasRules(
        merge=(("Tessa Mini", "Orbex Chat"),),  # the user's first name is the label
        separate=(("Velo Draft", "Quillet"),),
    )
    log = DecisionLog()
    found = resolve_products(sightings, log, rules)
    assert found["Velo Draft"].label == "Velo Draft" and found["Quillet"].label == "Quillet"
    assert found["OrbexChat"] == found["Orbex Chat"] == found["Tessa Mini"]
    assert found["Tessa Mini"] == ProductIdentity("Tessa Mini", ("Orbex Chat", "OrbexChat"))
    verdicts = {(d.verdict, d.names, d.reason) for d in log.decisions()}
    assert verdicts == {
        ("separated", ("Velo Draft", "Quillet"), "kept apart by the alias file"),
        (
            "merged",
            ("Tessa Mini", "Orbex Chat", "OrbexChat"),
            "same name, written otherwise, merged by the alias file",
        ),
    }


def test_a_build_keeps_a_renamed_product_one_node_unless_the_alias_file_separates_it(tmp_path: Path) -> None:
    _write_looms_1(
        tmp_path,
        body="Greta Vollmer says Quillet had no search traffic.",
        companies="### Velo Draft (formerly Quillet)\n"
        "**Description:** Writing assistant that rebranded from Quillet to Velo Draft",
    )
    graph = kgraph.build([tmp_path / "docs"])
    (product,) = graph.model.products
    assert (product.label, product.alt_labels, product.made_by) == ("Velo Draft", ("Quillet",), ())
    assert not graph.model.organizations  # a former name makes no maker node
    (tmp_path / "aliases.toml").write_text('[[separate]]\nnames = ["Velo Draft", "Quillet"]\n', encoding="utf-8")
    apart = kgraph.build([tmp_path / "docs"], aliases=tmp_path / "aliases.toml")
    assert sorted(p.label for p in apart.model.products) == ["Velo Draft"]  # Quillet is no entry of its own
    assert {"kind": "product", "verdict": "separated", "names": ["Velo Draft", "Quillet"]}.items() <= next(
        d for d in apart.report.identity if d["kind"] == "product"
    ).items()


def test_merging_two_products_in_the_alias_file_keeps_them_products(tmp_path: Path) -> None:
    _write_looms_1(tmp_path)
    (tmp_path / "aliases.toml").write_text('[[merge]]\nnames = ["ChatGPT", "HaldenChat"]\n', encoding="utf-8")
    graph = kgraph.build([tmp_path / "docs"], aliases=tmp_path / "aliases.toml")
    (product,) = graph.model.products
    assert (product.label, product.alt_labels) == ("ChatGPT", ("HaldenChat",))
    assert sorted(o.label for o in graph.model.organizations) == ["Corvo Labs", "Halden Mills"]


# -- end to end ------------------------------------------------------------------------------------
_LOOMS_1_COMPANIES = "### Halden Mills (HaldenChat)\n**Description:** yarn maker\n\n### ChatGPT (Corvo Labs)\n**Description:** AI chatbot"


def _write_looms_1(tmp_path: Path, body: str = "Nothing to add.", companies: str = _LOOMS_1_COMPANIES) -> None:
    write(tmp_path / "docs", "a.md", title="Looms 1", participants="Greta Vollmer", companies=companies, body=body)


def _build(tmp_path: Path) -> kgraph.KnowledgeGraph:
    _write_looms_1(tmp_path, body="Greta Vollmer compared HaldenChat with ChatGPT.")
    write(
        tmp_path / "docs",
        "b.md",
        title="Looms 2",
        day=2,
        participants="Greta Vollmer",
        companies="### Corvo Labs\n**Description:** AI lab\n\n### Chat GPT\n**Description:** a chatbot by Corvo Labs",
    )
    write(tmp_path / "docs", "c.md", title="Looms 3", day=3, participants="Greta Vollmer", companies="### ChatGPT")
    return kgraph.build([tmp_path / "docs"])


def test_a_product_is_one_node_with_its_maker_and_the_texts_mention_it(tmp_path: Path) -> None:
    graph = _build(tmp_path)
    products = {product.label: product for product in graph.model.products}
    assert sorted(products) == ["ChatGPT", "HaldenChat"]
    organizations = {organization.label: organization.iri for organization in graph.model.organizations}
    assert sorted(organizations) == ["Corvo Labs", "Halden Mills"]  # no product is an organization
    assert products["ChatGPT"].alt_labels == ("Chat GPT",)
    assert products["ChatGPT"].made_by == (organizations["Corvo Labs"],)
    assert products["HaldenChat"].made_by == (organizations["Halden Mills"],)
    assert products["ChatGPT"].description == "AI chatbot"
    insight_mentions = {iri for insight in graph.model.insights for iri in insight.mentions}
    assert {products["ChatGPT"].iri, products["HaldenChat"].iri} <= insight_mentions
    # a product named inside its maker's heading is mentioned by the episode, with no Mention node
    first = next(episode for episode in graph.model.episodes if episode.label == "Looms 1")
    assert products["HaldenChat"].iri in first.mentions
    assert products["HaldenChat"].iri not in {mention.entity for mention in graph.model.mentions}
    assert graph.report.counts["Product"] == 2
    assert {"kind": "product", "verdict": "merged", "names": ["ChatGPT", "Chat GPT"]}.items() <= next(
        d for d in graph.report.identity if d["kind"] == "product"
    ).items()


def test_products_in_rdf_conform_to_the_shapes(tmp_path: Path) -> None:
    graph = _build(tmp_path)
    store = ox.Store()
    store.extend(graph.quads)
    product = next(p for p in graph.model.products if p.label == "ChatGPT")
    subject = ox.NamedNode(product.iri)
    assert ox.NamedNode(str(vocab.PRODUCT)) in {
        q.object for q in store.quads_for_pattern(subject, ox.NamedNode(str(vocab.RDF.type)), None)
    }
    makers = list(store.quads_for_pattern(subject, ox.NamedNode(str(vocab.MADE_BY)), None))
    assert len(makers) == 1
    assert validate_quads(graph.quads) == []


def test_products_reach_the_networkx_view_and_the_property_graph(tmp_path: Path) -> None:
    graph = _build(tmp_path)
    product = next(p for p in graph.model.products if p.label == "ChatGPT")
    assert graph.nx.nodes[product.iri]["type"] == "Product"
    assert graph.nx.nodes[product.iri]["aliases"] == ["Chat GPT"]
    tables = {table.label: table for table in node_tables(graph.nx)}
    assert [row[1] for row in tables["Product"].rows] == ["ChatGPT", "HaldenChat"]
    assert any(
        graph.nx.edges[u, v, k]["predicate"] == "kg:madeBy" for u, v, k in graph.nx.out_edges(product.iri, keys=True)
    )


def test_a_known_product_named_in_prose_is_the_product_though_one_document_lists_an_organization_of_that_name(
    tmp_path: Path,
) -> None:
    """`Gemini` is both an exchange (one document lists it) and a chatbot: prose elsewhere means the
    chatbot, the well-known product; the document that lists the exchange still means the exchange."""
    docs = tmp_path / "docs"
    write(
        docs,
        "exchange.md",
        title="Looms 1",
        participants="Greta Vollmer",
        companies="### Gemini (crypto exchange)\n**Description:** a cryptocurrency exchange",
        body="Greta Vollmer keeps her loom fund on Gemini.",
    )
    write(
        docs,
        "chatbot.md",
        title="Looms 2",
        day=2,
        participants="Greta Vollmer",
        companies="### Gemini (Corvo Labs)\n**Description:** AI chatbot",
    )
    write(docs, "prose.md", title="Looms 3", day=3, participants="Greta Vollmer", body="Weavers now ask Gemini first.")
    graph = kgraph.build([docs])
    organization = next(o.iri for o in graph.model.organizations if o.label == "Gemini")
    product = next(p.iri for p in graph.model.products if p.label == "Gemini")
    mentioned = {episode.label: set(episode.mentions) & {organization, product} for episode in graph.model.episodes}
    assert mentioned == {"Looms 1": {organization}, "Looms 2": {product}, "Looms 3": {product}}


_NAMES = ["Orbex Chat", "OrbexChat", "orbex-chat", "Quillet", "Velo Draft", "Tessa", "Tessa Mini", "", "·"]


@settings(max_examples=200, deadline=None)
@given(
    sightings=st.lists(
        st.tuples(st.sampled_from(_NAMES), st.lists(st.sampled_from(_NAMES), max_size=2)), min_size=1, max_size=8
    ),
    merge=st.lists(st.sampled_from(_NAMES[:7]), min_size=2, max_size=3, unique=True),
    separate=st.lists(st.sampled_from(_NAMES[:7]), min_size=2, max_size=3, unique=True),
)
def test_products_never_join_what_the_alias_file_keeps_apart(
    sightings: list[tuple[str, list[str]]], merge: list[str], separate: list[str]
) -> None:
    # any sightings and rules: no error, every written name has a product, a [[separate]] holds
    # (between names written differently: a name is never kept apart from itself)
    separate = list({fold(name): name for name in separate if fold(name) not in {fold(m) for m in merge}}.values())
    rules = AliasRules(merge=(tuple(merge),), separate=(tuple(separate),) if len(separate) > 1 else ())
    found = resolve_products(
        [ProductSighting(n, tuple(a), f"{i}.md") for i, (n, a) in enumerate(sightings)], DecisionLog(), rules
    )
    assert all(name in found for name, _ in sightings if product_key(name))
    kept = [found[name].label for name in separate if name in found]
    if len(separate) > 1:
        assert len(kept) == len(set(kept))


def _prose_products(body: str, companies: str = "None identified.") -> list[EntityEntry]:
    from kgraph.extract import extract_document
    from kgraph.parse import parse_document

    text = (
        "# Looms\n\n**Podcast:** Loom Stories\n**Date:** 2026-01-01\n**Participants:** Greta Vollmer\n\n"
        f"## Key Themes\n\n### Looms meet chatbots\n\n{body}\n\n## Companies Identified\n\n{companies}\n"
    )
    extraction = extract_document(parse_document("e.md", text))
    return [entry for entry in extraction.entities if entry.kind == EntityKind.PRODUCT and not entry.own_entry]


def test_a_well_known_product_the_text_names_is_mentioned_without_an_entry(tmp_path: Path) -> None:
    found = _prose_products("Weavers moved from Siri to ChatGPT, and now to Claude Code and GPT-5.")
    assert [entry.name for entry in found] == ["Siri", "ChatGPT", "Claude Code", "GPT-5"]
    assert {entry.line for entry in found} == {11}  # the line of the body that names them
    # the episode mentions each, as a product node
    body = "Weavers moved from Siri to ChatGPT."
    write(tmp_path, "e1.md", title="Looms 1", participants="Greta Vollmer", body=body)
    model = kgraph.build([tmp_path]).model
    products = {product.iri: product.label for product in model.products}
    assert {products[iri] for iri in model.episodes[0].mentions if iri in products} == {"Siri", "ChatGPT"}


def test_a_product_word_that_names_something_else_is_not_a_product() -> None:
    assert _prose_products("Claude Shannon wrote on information; the Operator runs the loom.") == []
    # a word the document also writes in lower case, and a name its entries list as something else
    assert _prose_products("Grok it: to grok looms is to love them.") == []
    listed = "**Gemini**\n- Description: Crypto exchange run by twins\n"
    assert _prose_products("Gemini listed loom tokens.", companies=listed) == []


def test_a_version_of_a_known_family_in_prose_is_that_version() -> None:
    body = (
        "Weavers moved from GPT-4o-mini to Qwen3 and DeepSeek-R1, then to Claude Sonnet 4.5 and Llama 3.1 70B; "
        "the DeepSeek 2025 moment came before Gemini 2.5 Pro, GPT-5 Pro and GPT-5.2-Codex."
    )
    found = [entry.name for entry in _prose_products(body)]
    assert found == [
        "GPT-4o-mini",
        "Qwen3",
        "DeepSeek-R1",
        "Claude Sonnet 4.5",
        "Llama 3.1 70B",
        "Gemini 2.5 Pro",
        "GPT-5 Pro",
        "GPT-5.2-Codex",
    ]
    # DeepSeek alone is the company: only its numbered models are products
    assert _prose_products("DeepSeek trained it and Mistral served it.") == []
    # a chip's tier after its number; and ledgers, messengers and browsers known by name
    found = _prose_products(
        "It runs on the Snapdragon 8 Elite; books close in NetSuite and QuickBooks, not Internet Explorer."
    )
    assert [entry.name for entry in found] == ["Snapdragon 8 Elite", "NetSuite", "QuickBooks", "Internet Explorer"]


def test_a_plural_or_a_capitalized_word_after_a_product_keeps_the_product() -> None:
    found = _prose_products("Ten thousand H100s and two TPUs run ChatGPT Enterprise for the looms.")
    assert [entry.name for entry in found] == ["H100", "TPU", "ChatGPT"]
    # a product name shaped like a first name, before a surname, is the person
    names = [
        entry.name for entry in _prose_products("Gemini helps; Claude Shannon would have liked ChatGPT Enterprise.")
    ]
    assert names == ["Gemini", "ChatGPT"]


def test_an_entry_named_as_a_version_of_a_known_family_is_a_product() -> None:
    found = kinds(
        [
            entry("GPT-3.5", line=1),
            entry("Qwen2.5-72B", line=2),
            entry("DeepSeek-V3", line=3),
            entry("DeepSeek", "AI lab", line=4),
            entry("Loomwright 2", "Weaving company", line=5),
        ]
    )
    assert {name for name, (kind, _) in found.items() if kind == EntityKind.PRODUCT} == {
        "GPT-3.5",
        "Qwen2.5-72B",
        "DeepSeek-V3",
    }


def test_a_listed_organizations_possessive_before_a_product_in_prose_names_its_maker() -> None:
    companies = (
        "**Halden Labs**\n- Description: Loom chip maker\n\n**Corvo**\n- Description: Weaving company\n\n"
        "**Dell**\n- Description: PC maker\n"
    )
    found = _prose_products(
        "Halden Labs' H100 is the chip to beat, and Gemini 2.5 Pro runs on it; Corvo's TPU, meanwhile, waits. "
        "Greta's Blackwell is late, and Dell's Windows laptops ship.",
        companies=companies,
    )
    assert {entry.name: entry.made_by for entry in found} == {
        "H100": ("Halden Labs",),
        "Gemini 2.5 Pro": (),
        "TPU": ("Corvo",),
        "Blackwell": (),  # a person's, not a maker
        "Windows": (),  # Dell's laptops are Dell's; Windows is not
    }


def test_an_everyday_word_written_capitalized_is_no_product_and_a_verb_is_no_plural() -> None:
    body = (
        "AI Excels at filings. Short Windows Ahead for lenders. Whisper networks spread. The Chrome finish shone. "
        "Sonnet 18 rhymes. They moved to Windows and Excel, then ran Qwen3-VL-32B on H100s and Claude Sonnet 4.5."
    )
    assert [entry.name for entry in _prose_products(body)] == [
        "Windows",
        "Excel",
        "Qwen3-VL-32B",
        "H100",
        "Claude Sonnet 4.5",
    ]


def test_a_makers_name_before_a_word_like_product_and_a_plural_keep_the_product() -> None:
    companies = "**Microsoft**\n- Description: Software company\n"
    found = _prose_products("Analysts live in Microsoft Excel; buyers carry iPhones and MacBooks.", companies=companies)
    assert [entry.name for entry in found] == ["Excel", "iPhone", "MacBook"]


def test_the_models_and_simulators_papers_build_on_are_known_products() -> None:
    """`π0.5` is a version of Physical Intelligence's `π`; `MuJoCo`, `OpenVLA-OFT` and `SigLIP` are
    named in robot-learning papers without an entry."""
    from kgraph.extract import extract_document
    from kgraph.extract.results import EntityKind
    from kgraph.parse import parse_document

    text = (
        "# Paper\n\n**Podcast:** arXiv Robots\n**Date:** 2026-03-01\n\n---\n\n## 1. Key Themes\n\n### A\n"
        "We fine-tune π0.5 and compare with OpenVLA-OFT, simulating in MuJoCo with a SigLIP encoder.\n"
    )
    entities = extract_document(parse_document("a.md", text)).entities
    assert {e.name for e in entities if e.kind == EntityKind.PRODUCT} == {"π0.5", "OpenVLA-OFT", "MuJoCo", "SigLIP"}


def test_an_entry_by_a_maker_or_a_firms_internal_tool_is_a_product() -> None:
    person = EntityEntry(
        kind=EntityKind.PERSON, name="Ana Lind", affiliations=("Halden Venture Capital",), line=9, rank=9
    )
    found = kinds(
        [
            entry("Scout", "AI agent for investors built on Harmonic's data", ("by Harmonic",), line=1),
            entry("EagleEye", "Halden's internal investment platform", ("Halden internal platform",), line=2),
            entry("Ledgerly", "Proprietary data platform for banks", line=3),  # whose tool: no one's, a firm
            entry("Vela", "Payments startup", ("backed by Harmonic",), line=4),  # an owner, not a maker
            entry("Corvo", "Logistics startup", ("by appointment",), line=5),
            person,
        ]
    )
    assert found == {
        "Scout": (EntityKind.PRODUCT, ("Harmonic",)),
        # the maker written short is the organization the document names in full
        "EagleEye": (EntityKind.PRODUCT, ("Halden Venture Capital",)),
        "Ledgerly": (EntityKind.ORGANIZATION, ()),
        "Vela": (EntityKind.ORGANIZATION, ()),
        "Corvo": (EntityKind.ORGANIZATION, ()),
        "Ana Lind": (EntityKind.PERSON, ()),
    }


def test_a_product_an_organizations_heading_names_as_only_a_product_is_written() -> None:
    found = kinds(
        [
            entry("Fourier Intelligence", "Humanoid maker", ("Fourier GR-1",), line=1),
            entry("Robotera", "Humanoid maker", ("Star-1",), line=2),
            entry("Halden Labs", "Simulation", ("HaldenGym",), line=3),
            entry("Corvo", "Depth cameras", ("RealSense",), line=4),
            # a well-known organization, a disease, a batch, a round: no products
            entry("Alphabet", "Holding company", ("DeepMind",), line=5),
            entry("Pfizer", "Drugmaker", ("COVID-19",), line=6),
            entry("Tessaly", "Startup", ("YC W24",), line=7),
            entry("Vela", "Startup", ("Series B",), line=8),
        ]
    )
    made = {name: kind_made for name, kind_made in found.items() if kind_made[0] == EntityKind.PRODUCT}
    assert made == {
        "GR-1": (EntityKind.PRODUCT, ("Fourier Intelligence",)),  # its maker's word left out
        "Star-1": (EntityKind.PRODUCT, ("Robotera",)),
        "HaldenGym": (EntityKind.PRODUCT, ("Halden Labs",)),
        "RealSense": (EntityKind.PRODUCT, ("Corvo",)),
    }


def test_a_model_of_a_product_line_and_the_products_an_entry_lists_as_its_own_are_its_makers() -> None:
    companies = (
        "### Quarnby (Jetson)\n- Description: Loom maker whose Jetson Orin runs the mill; the Jetson Thor is next.\n\n"
        "### Tessaly (Weft Pay / Warp App)\n- Description: Fintech among other products including Tidewell and Bitloom.\n\n"
        "### Orrin Labs\n- Description: A rival of Tessaly whose customers use Warpline Mini.\n"
    )
    text = (
        "# Looms\n\n**Podcast:** Loom Stories\n**Date:** 2026-01-01\n**Participants:** Greta Vollmer\n\n"
        f"## Key Themes\n\n### Looms\n\nThe mill runs on a Jetson Orin.\n\n## Companies Identified\n\n{companies}\n"
    )
    from kgraph.extract import extract_document
    from kgraph.parse import parse_document

    entities = extract_document(parse_document("e.md", text)).entities
    made = {entry.name: entry.made_by for entry in entities if entry.kind == EntityKind.PRODUCT}
    # (a family the data knows, given an invented maker: the line is the document's maker's)
    assert made["Jetson"] == made["Jetson Orin"] == made["Jetson Thor"] == ("Quarnby",)
    assert made["Tidewell"] == made["Bitloom"] == ("Tessaly",)
    assert made.get("Warpline Mini", ()) == ()  # another's customers' product: no maker said


def test_a_known_product_spelled_out_in_parentheses_is_one_product() -> None:
    found = _prose_products(
        "The first FSD (Full Self-Driving) loom computer ran ChatGPT (GPT-4o) prompts; FSD 14 (Full Self-Driving) too."
        " Full Self-Driving 13 (FSD) ran before."
    )
    assert [(entry.name, entry.aliases) for entry in found] == [
        ("FSD", ("Full Self-Driving",)),
        ("ChatGPT", ()),  # a product another runs on, not its acronym
        ("GPT-4o", ()),
        ("FSD 14", ()),  # a version, not the spelling's acronym
        ("Full Self-Driving 13", ()),  # nor the acronym's spelling
    ]


def test_a_known_product_that_opens_in_lower_case_is_still_found() -> None:
    # (a text with none of them is searched with a pattern of the capitalized names only)
    from kgraph.extract.products import _known_name, product_words

    assert {"iPhone", "macOS", "π"} <= set(_known_name().lower_case)
    for name in _known_name().lower_case:
        written = name if name in product_words().in_prose else f"{name}-2"  # (a family: its versions)
        found = _prose_products(f"Weavers moved from {written} to ChatGPT.")
        assert [entry.name for entry in found] == [written, "ChatGPT"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["iPhone", "macOS", "π", "Siri", "GPT-5", "iPad", "Claude", "i", "m", " ", ", ", "\n"]),
        max_size=12,
    )
)
def test_the_capitalized_products_alone_match_as_all_do_where_no_other_is_written(parts: list[str]) -> None:
    from kgraph.extract.products import _known_name

    text = "".join(parts)
    names = _known_name()
    if not any(name in text for name in names.lower_case):
        every, capitalized = names.every, names.for_text(text)
        assert [m.group(0) for m in capitalized.finditer(text)] == [m.group(0) for m in every.finditer(text)]
