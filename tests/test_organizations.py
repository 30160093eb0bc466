"""Organizations: how many a heading names, which names are one organization, and the evidence
recorded for each merge and near miss. Invented names only."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgraph
from kgraph.cli import main
from kgraph.errors import AliasFileError
from kgraph.extract.organization_names import acronym_fits, acronyms_spelled_out, is_generic, organization_names
from kgraph.resolve.aliases import AliasRules, load_aliases
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.organizations import OrganizationSighting, describes_an_investor, resolve_organizations

from .test_resolve import write


def organizations(graph: kgraph.KnowledgeGraph) -> dict[str, tuple[str, ...]]:
    return {organization.label: organization.alt_labels for organization in graph.model.organizations}


def build_companies(
    tmp_path: Path,
    *documents: str,
    podcasts: tuple[str, ...] = (),
    aliases: Path | None = None,
    body: str = "Nothing to add.",
) -> kgraph.KnowledgeGraph:
    for number, companies in enumerate(documents, start=1):
        podcast = podcasts[number - 1] if podcasts else f"Show {number}"
        write(
            tmp_path / "docs",
            f"doc{number}.md",
            title=f"Looms {number}",
            podcast=podcast,
            day=number,
            participants="Greta Vollmer",
            companies=companies,
            body=body,
        )
    return kgraph.build([tmp_path / "docs"], aliases=aliases)


# -- what a heading names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("### Orbex/Tidewell (Dana Ruiz's companies)", {"Orbex": (), "Tidewell": ()}),
        ("### Quillpay/Lumen/Brightwell", {"Quillpay": (), "Lumen": (), "Brightwell": ()}),
        ("### Halden and Corvo (weaving companies)", {"Halden": (), "Corvo": ()}),
        ("### Halden & Corvo", {"Halden & Corvo": ()}),  # no evidence of two: one name
        ("### Rye & Oak", {"Rye & Oak": ()}),
        ("### Acme, Birch, Cobalt", {"Acme": (), "Birch": (), "Cobalt": ()}),
        (
            "### Acme, Globex, Initech and Hooli (portfolio companies)",
            dict.fromkeys(("Acme", "Globex", "Initech", "Hooli"), ()),
        ),
        ("### Acme, Birch and other weaving startups", {"Acme": (), "Birch": ()}),
        ("### Orbex / Shap-E ecosystem", {"Orbex": ()}),  # a category beside a name
        ("### Genesis / generative loom startups", {"Genesis": ()}),
        ("### Shap-E ecosystem", {}),
        # a relation, not a rename: the owner is another organization, which the episode mentions
        ("### Bolt Labs (now part of Megacorp)", {"Bolt Labs": (), "Megacorp": ()}),
        ("### Bolt Labs (now owned by Megacorp)", {"Bolt Labs": (), "Megacorp": ()}),
        ("### Bolt Labs, now part of Megacorp", {"Bolt Labs": ()}),
        ("### Orbex Tidewell (o11l)", {"Orbex Tidewell": ("o11l",)}),  # a numeronym
        ("### Federal Loomworks (FedLoom)", {"Federal Loomworks": ("FedLoom",)}),  # a contraction
        ("### Salt & Pepper Labs", {"Salt & Pepper Labs": ()}),
        ("### Bain & Company", {"Bain & Company": ()}),
        ("### Johnson & Johnson", {"Johnson & Johnson": ()}),
        ("### Meta/Facebook", {"Meta": ("Facebook",)}),
        # an ampersand's lone word is the end of the name, beside a slash too (`and` lists two)
        ("### Ironbark Holdings / Whitacre Tool & Die", {"Ironbark Holdings": (), "Whitacre Tool & Die": ()}),
        ("### Ironbark Holdings / Halden and Corvo", {"Ironbark Holdings": (), "Halden": (), "Corvo": ()}),
        ("### Halden (formerly Corvo)", {"Halden": ("Corvo",)}),
        ("### Halden, now Corvo", {"Halden": ("Corvo",)}),
        ("### Halden (formerly known as Corvo)", {"Halden": ("Corvo",)}),
        ("### Halden, formerly called Corvo", {"Halden": ("Corvo",)}),
        ("### Company: Acme", {"Acme": ()}),
        ("### VC", {}),
        ("### AI lab", {}),
        ("### the startup", {}),
        ("### Corvane Spinout (unnamed)", {}),
        ("### The Only Listed Weaver (Name Not Specified)", {}),
        ("### Orbex (ORBX)", {"Orbex": ("ORBX",)}),
        ("### Orbex Energy (LNG)", {"Orbex Energy": ()}),  # a product, not the company's initials
        ("### Orbex (AcmeChat, AcmeCode)", {"Orbex": ()}),  # products named in parentheses are no aliases
    ],
)
def test_a_heading_names_the_organizations_it_lists(tmp_path: Path, heading: str, expected: dict) -> None:
    graph = build_companies(tmp_path, f"{heading}\n**Description:** a weaving business")
    assert organizations(graph) == expected


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Dedicated loom databases that weavers migrate from", ["Halden", "Corvo"]),
        ("Rival loom marketplaces", ["Halden", "Corvo"]),
        ("Regional textile retailers", ["Halden", "Corvo"]),
        ("A weaving partnership", ["Halden and Corvo"]),  # one organization, as far as the text says
    ],
)
def test_a_description_of_several_splits_a_conjoined_heading(description: str, expected: list[str]) -> None:
    assert organization_names("Halden and Corvo", "", (description,))[0] == expected
    # a name the data joins stays one, written with `and` as with `&`
    assert organization_names("Simon and Schuster", "", ("Publishers of books",))[0] == ["Simon and Schuster"]


def test_a_shared_kind_word_keeps_a_name_whole_unless_the_text_parts_it() -> None:
    assert organization_names("Salt & Pepper Labs", "Salt & Pepper Labs raised a seed round.")[0] == [
        "Salt & Pepper Labs"
    ]
    parted = "Salt sold its looms. Pepper Labs bought them. Salt & Pepper Labs are rivals."
    assert organization_names("Salt & Pepper Labs", parted)[0] == ["Salt", "Pepper Labs"]


@pytest.mark.parametrize(
    ("heading", "body", "expected"),
    [
        ("Halden and Corvo", "Halden ships looms. Corvo sells them.", ["Halden", "Corvo"]),
        ("Halden and Corvo", "They ship looms together.", ["Halden and Corvo"]),
        ("Rye & Oak", "Rye & Oak bakes bread with rye and oak smoke.", ["Rye & Oak"]),
        ("Salt & Pepper Labs", "Salt & Pepper Labs raised money.", ["Salt & Pepper Labs"]),
        ("Meta & Orbex", "Orbex grew.", ["Meta", "Orbex"]),  # known, and named alone
    ],
)
def test_a_conjoined_heading_splits_only_on_evidence_that_each_part_is_an_organization(
    heading: str, body: str, expected: list[str]
) -> None:
    assert organization_names(heading, f"### {heading}\n{body}")[0] == expected


def test_generic_words_and_acronyms() -> None:
    assert all(is_generic(name) for name in ("VC", "AI lab", "the startup", "investors", "VC Firms", "Big Tech"))
    assert not any(is_generic(name) for name in ("Orbex", "Partners Group", "SaaS Capital"))
    assert acronym_fits("HYW", "Halden Yarn Works") and acronym_fits("ORBX", "Orbex")
    assert not acronym_fits("LNG", "Orbex Energy") and not acronym_fits("G1", "Halden Robotics")


def test_a_person_affiliated_with_a_generic_word_gets_no_organization(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Looms I",
        participants="Greta Vollmer",
        people="### Greta Vollmer\n**Affiliation:** VC\n**Description:** an investor",
    )
    assert organizations(kgraph.build([tmp_path])) == {}


def test_a_parenthetical_relation_is_no_alias_and_merges_nothing(tmp_path: Path) -> None:
    graph = build_companies(
        tmp_path,
        "### Bolt Labs (now part of Megacorp)\n**Description:** a loom robotics lab",
        "### Megacorp\n**Description:** a conglomerate",
    )
    assert organizations(graph) == {"Bolt Labs": (), "Megacorp": ()}
    assert not [d for d in graph.report.identity if d["kind"] == "organization"]


def test_a_persons_former_employer_and_initials_are_no_aliases_nor_organizations(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Looms I",
        participants="Greta Vollmer",
        people=(
            "### Lena Osei (formerly of Orbex)\n**Description:** an operator\n\n"
            "### Alandra Okoro-Venn (AOV)\n**Description:** a senator who weaves"
        ),
    )
    graph = kgraph.build([tmp_path])
    found = {person.label: person.alt_labels for person in graph.model.people}
    assert found["Lena Osei"] == () and found["Alandra Okoro-Venn"] == ("AOV",)
    assert "AOV" not in organizations(graph) and "of Orbex" not in str(found)


@pytest.mark.parametrize(
    ("role", "body", "expected"),
    [
        ("Head of Product, Halden and Corvo", "Halden ships looms. Corvo sells them.", {"Halden", "Corvo"}),
        ("Head of Weaving, Rye & Oak", "Rye & Oak bakes bread.", {"Rye & Oak"}),
        ("Head of Product, Orbex / Tidewell", "Nothing to add.", {"Orbex", "Tidewell"}),
    ],
)
def test_a_persons_affiliations_split_like_a_heading(tmp_path: Path, role: str, body: str, expected: set) -> None:
    write(
        tmp_path,
        "one.md",
        title="Looms I",
        participants="Greta Vollmer",
        body=body,
        people=f"### Jo Lindqvist, {role}\n**Description:** runs products",
    )
    graph = kgraph.build([tmp_path])
    assert set(organizations(graph)) == expected
    (person,) = [p for p in graph.model.people if p.label == "Jo Lindqvist"]
    assert len(person.affiliations) == len(expected)


# -- which names are one organization --------------------------------------------------------------


def test_a_slash_heading_does_not_pull_other_entries_into_one_node(tmp_path: Path) -> None:
    graph = build_companies(
        tmp_path,
        "### Orbex/Tidewell (Dana Ruiz's companies)\n**Description:** two firms",
        "### Tidewell\n**Description:** a tide-power firm",
        "### Orbex\n**Description:** an orbital weaver",
    )
    assert organizations(graph) == {"Orbex": (), "Tidewell": ()}


def test_an_alias_that_is_an_entry_of_its_own_elsewhere_joins_nothing(tmp_path: Path) -> None:
    graph = build_companies(
        tmp_path,
        "### Halden (now Corvo Mills)\n**Description:** yarn",
        "### Corvo Mills\n**Description:** a mill that bought Halden's looms",
    )
    assert organizations(graph) == {"Halden": (), "Corvo Mills": ()}
    report = graph.report.identity
    assert any(d["verdict"] == "candidate" and d["names"] == ["Halden", "Corvo Mills"] for d in report)


def test_a_known_rename_joins_across_documents(tmp_path: Path) -> None:
    graph = build_companies(
        tmp_path, "### Meta/Facebook\n**Description:** social network", "### Facebook\n**Description:** social network"
    )
    assert organizations(graph) == {"Meta": ("Facebook",)}


def test_products_in_parentheses_do_not_pull_their_entries_in(tmp_path: Path) -> None:
    graph = build_companies(
        tmp_path,
        "### Orbex (OrbexChat, OrbexCode)\n**Description:** makes assistants",
        "### OrbexChat\n**Description:** a chat assistant",
    )
    assert organizations(graph) == {"Orbex": ()}  # OrbexChat, a chat assistant, is a product (tests/test_products.py)
    assert sorted(product.label for product in graph.model.products) == ["OrbexChat", "OrbexCode"]


def sighting(
    name: str,
    document: str,
    *,
    podcast: str = "",
    description: str = "",
    people: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
) -> OrganizationSighting:
    return OrganizationSighting(
        name,
        aliases,
        document=document,
        podcast=podcast or f"show of {document}",
        description=description,
        people=people,
    )


def resolved(sightings: list[OrganizationSighting], rules: AliasRules | None = None) -> tuple[dict, DecisionLog]:
    log = DecisionLog()
    identities = resolve_organizations(sightings, rules or AliasRules(), log)
    return {name: (identity.label, identity.alt_labels) for name, identity in identities.items()}, log


def verdicts(log: DecisionLog) -> list[tuple[str, tuple[str, ...], str]]:
    return [(d.verdict, d.names, d.reason) for d in log.decisions()]


def test_a_suffix_form_merges_when_the_descriptions_agree_and_the_commoner_spelling_is_the_label() -> None:
    result, log = resolved(
        [
            sighting("Halden", "a.md", description="Norwegian yarn spinner in Bergen"),
            sighting("Halden", "b.md", description="Spins yarn for Norwegian looms"),
            sighting("Halden Industries", "c.md", description="Bergen yarn spinner, Norwegian owned"),
        ]
    )
    assert result["Halden Industries"] == ("Halden", ("Halden Industries",))
    merged = [d for d in log.decisions() if d.verdict == "merged"]
    assert merged and merged[0].names == ("Halden", "Halden Industries") and merged[0].reason == "suffix form"
    assert any("descriptions share" in item for item in merged[0].evidence)


@pytest.mark.parametrize(
    "context",
    [
        {"podcast": "Loom Stories"},
        {"people": ("Dana Ruiz",)},
    ],
)
def test_a_suffix_form_merges_on_a_shared_show_or_person(context: dict) -> None:
    result, _ = resolved([sighting("Corvo", "a.md", **context), sighting("Corvo Capital", "b.md", **context)])
    assert result["Corvo"][0] == result["Corvo Capital"][0]


def test_an_investment_suffix_without_shared_context_is_only_a_candidate() -> None:
    result, log = resolved(
        [
            sighting("Lumen", "a.md", description="a lamp maker"),
            sighting("Lumen Capital", "b.md", description="a fund for tax software"),
        ]
    )
    assert result["Lumen"][0] == "Lumen" and result["Lumen Capital"][0] == "Lumen Capital"
    assert ("candidate", ("Lumen", "Lumen Capital"), "suffix form, no shared context") in verdicts(log)


@pytest.mark.parametrize("suffix", ["AI", "Technologies", "Quantum Computing", "University", "Labs"])
def test_a_generic_corporate_suffix_form_that_is_the_only_one_merges_without_context(suffix: str) -> None:
    result, log = resolved(
        [
            sighting("Lumen", "a.md", description="a lamp maker"),
            sighting(f"Lumen {suffix}", "b.md", description="an agent for tax returns"),
        ]
    )
    assert result["Lumen"][0] == result[f"Lumen {suffix}"][0]
    assert [(d.verdict, d.reason) for d in log.decisions()] == [("merged", "suffix form, unique")]


@pytest.mark.parametrize("long", ["Lumen-Energy", "Lumen-AI"])
def test_a_name_written_on_without_a_space_is_no_suffix_form(long: str) -> None:
    # `X` (the social network) is not `X-energy` (a reactor developer): one word is no suffix
    result, log = resolved(
        [
            sighting("Lumen", "a.md", description="a lamp maker"),
            sighting(long, "b.md", description="a reactor developer"),
        ]
    )
    assert result["Lumen"][0] != result[long][0]
    assert not [d for d in log.decisions() if d.verdict == "merged"]


@pytest.mark.parametrize(
    ("names", "documents"),
    [
        (("Lumen", "Lumen AI", "Lumen Robotics"), ("a.md", "b.md", "c.md")),  # which one?
        (("Lumen", "Lumen AI"), ("a.md", "a.md")),  # one document lists both
    ],
)
def test_a_generic_suffix_form_does_not_merge_when_several_fit_or_one_document_lists_both(
    names: tuple[str, ...], documents: tuple[str, ...]
) -> None:
    result, log = resolved([sighting(name, document) for name, document in zip(names, documents, strict=True)])
    assert len({label for label, _ in result.values()}) == len(names)
    assert {d.verdict for d in log.decisions()} == {"candidate"}


def test_two_entries_of_one_document_are_two_organizations() -> None:
    result, log = resolved(
        [sighting("Corvo", "a.md", podcast="Loom Stories"), sighting("Corvo Capital", "a.md", podcast="Loom Stories")]
    )
    assert result["Corvo"][0] != result["Corvo Capital"][0]
    assert verdicts(log)[0][2] == "suffix form, but listed apart in one document"


def test_a_part_described_as_a_part_is_not_its_parent() -> None:
    result, log = resolved(
        [
            sighting("Halden", "a.md", podcast="Loom Stories"),
            sighting(
                "Halden Labs",
                "b.md",
                podcast="Loom Stories",
                description="Halden's internal research team for new fibres",
            ),
        ]
    )
    assert result["Halden"][0] != result["Halden Labs"][0]
    assert verdicts(log)[0][2] == "suffix form, but described as a part of it"


def test_a_short_name_that_fits_two_longer_ones_joins_neither() -> None:
    result, log = resolved(
        [
            sighting("Corvo", "a.md", podcast="Loom Stories"),
            sighting("Corvo Capital", "b.md", podcast="Loom Stories"),
            sighting("Corvo Industries", "c.md", podcast="Loom Stories"),
        ]
    )
    assert len({label for label, _ in result.values()}) == 3
    assert {d.reason for d in log.decisions()} == {"suffix form, but several organizations fit"}


def test_numbers_written_out_are_one_name() -> None:
    result, log = resolved([sighting("Tenlabs", "a.md"), sighting("Tenlabs", "b.md"), sighting("10 Labs", "c.md")])
    assert result["10 Labs"] == ("Tenlabs", ("10 Labs",))
    assert [d.verdict for d in log.decisions()] == ["merged"]


def test_a_close_spelling_merges_only_on_shared_context() -> None:
    together, log = resolved(
        [sighting("Gimlet", "a.md", podcast="Loom Stories"), sighting("Gimlett", "b.md", podcast="Loom Stories")]
    )
    assert together["Gimlet"][0] == together["Gimlett"][0]
    assert log.decisions()[0].reason == "spelling variant"
    apart, log = resolved([sighting("Gimlet", "a.md"), sighting("Gimlett", "b.md")])
    assert apart["Gimlet"][0] != apart["Gimlett"][0]
    assert log.decisions()[0].verdict == "candidate"


def test_resolution_does_not_depend_on_the_order_of_sightings() -> None:
    sightings = [
        sighting("Halden", "a.md", podcast="Loom Stories"),
        sighting("Halden Industries", "b.md", podcast="Loom Stories"),
        sighting("Orbex", "c.md", aliases=("Tidewell",)),
        sighting("Tidewell", "d.md"),
        sighting("Gimlet", "e.md"),
        sighting("Gimlett", "f.md"),
    ]
    expected = resolved(sightings)
    for seed in range(5):
        shuffled = list(sightings)
        random.Random(seed).shuffle(shuffled)
        result, log = resolved(shuffled)
        assert result == expected[0] and log.decisions() == expected[1].decisions()


# -- the alias file ------------------------------------------------------------------------------


def test_separate_keeps_organizations_apart_whatever_the_evidence(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[separate]]\nnames = ["Halden", "Halden Industries"]\n', encoding="utf-8")
    result, log = resolved(
        [
            sighting("Halden", "a.md", podcast="Loom Stories"),
            sighting("Halden Industries", "b.md", podcast="Loom Stories", aliases=("Halden",)),
        ],
        load_aliases(aliases),
    )
    assert result["Halden"][0] != result["Halden Industries"][0]
    assert ("separated", ("Halden", "Halden Industries"), "kept apart by the alias file") in verdicts(log)


def test_separate_keeps_podcasts_apart(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[separate]]\nnames = ["Loom Stories", "Loom Stories Podcast"]\n', encoding="utf-8")
    docs = tmp_path / "docs"
    write(docs, "one.md", title="Looms I", podcast="Loom Stories", participants="Greta Vollmer")
    write(docs, "two.md", title="Looms II", podcast="Loom Stories Podcast", day=2, participants="Greta Vollmer")
    assert len(kgraph.build([docs]).model.podcasts) == 1
    graph = kgraph.build([docs], aliases=aliases)
    assert len(graph.model.podcasts) == 2
    assert any(d["verdict"] == "separated" and d["kind"] == "podcast" for d in graph.report.identity)


def test_a_contradictory_alias_file_is_a_usage_error(tmp_path: Path) -> None:
    aliases = tmp_path / "contradictory.toml"
    aliases.write_text(
        '[[merge]]\nnames = ["Halden", "Halden Industries"]\n\n[[separate]]\nnames = ["halden industries", "Halden"]\n',
        encoding="utf-8",
    )
    with pytest.raises(AliasFileError, match="contradictory.toml"):
        load_aliases(aliases)
    write(tmp_path / "docs", "one.md", title="Looms I", participants="Greta Vollmer")
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "docs"), "-o", str(tmp_path / "out"), "--aliases", str(aliases)]
    )
    assert result.exit_code == 2
    assert str(aliases) in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "report.json").exists()


def test_merges_reach_report_json(tmp_path: Path) -> None:
    build_companies(
        tmp_path,
        "### Halden\n**Description:** Norwegian yarn spinner in Bergen",
        "### Halden Industries\n**Description:** Bergen yarn spinner, Norwegian owned",
    )
    result = CliRunner().invoke(main, ["build", str(tmp_path / "docs"), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    merges = json.loads((tmp_path / "out" / "report.json").read_text())["identity"]["merges"]
    assert [m["names"] for m in merges if m["kind"] == "organization"] == [["Halden", "Halden Industries"]]


def test_a_numeronym_or_long_initials_in_a_heading_join_the_entry_of_that_name(tmp_path: Path) -> None:
    graph = build_companies(
        tmp_path,
        "### Orbex Tidewell (o11l)\n**Description:** a loom fund",
        "### o11l\n**Description:** a loom fund",
        "### Halden Yarn Works (HYW)\n**Description:** a spinner",
        "### HYW\n**Description:** a spinner",
        "### Pallas Intelligence (PI)\n**Description:** a lab",  # two letters only label it
        "### PI\n**Description:** private investigators",
    )
    nodes = {frozenset((label, *aliases)) for label, aliases in organizations(graph).items()}
    assert nodes == {
        frozenset(("Orbex Tidewell", "o11l")),
        frozenset(("Halden Yarn Works", "HYW")),
        frozenset(("Pallas Intelligence", "PI")),
        frozenset(("PI",)),
    }
    merges = [d["names"] for d in graph.report.identity if d["verdict"] == "merged"]
    assert sorted(merges) == [["Halden Yarn Works", "HYW"], ["Orbex Tidewell", "o11l"]]


@pytest.mark.parametrize(("first", "second"), [("Corvex", "Korvex"), ("Quillet", "Quillit")])
def test_names_heard_alike_merge_on_one_shared_description_word(first: str, second: str) -> None:
    together, log = resolved(
        [
            sighting(first, "a.md", description="prediction markets for weather"),
            sighting(second, "b.md", description="regulated prediction exchange"),
        ]
    )
    assert together[first][0] == together[second][0]
    assert log.decisions()[0].verdict == "merged"
    assert "heard alike, descriptions share: predic" in log.decisions()[0].evidence
    apart, log = resolved(
        [
            sighting(first, "a.md", description="prediction markets for weather"),
            sighting(second, "b.md", description="a coding tool"),
        ]
    )
    assert apart[first][0] != apart[second][0] and log.decisions()[0].verdict == "candidate"


def test_the_log_folds_one_decision_seen_from_several_files() -> None:
    log = DecisionLog()
    log.record("organization", "merged", ("Meta", "Facebook"), "alias stated in the heading", ("b.md",))
    log.record("organization", "merged", ("Meta", "Facebook"), "alias stated in the heading", ("a.md", "b.md"))
    log.record("organization", "candidate", ("Meta", "Facebook"), "alias stated in the heading", ("c.md",))
    (merged, candidate) = sorted(log.decisions(), key=lambda d: d.verdict, reverse=True)
    assert merged.evidence == ("a.md", "b.md") and candidate.evidence == ("c.md",)


def test_report_json_shows_a_merge_stated_in_several_files_once(tmp_path: Path) -> None:
    build_companies(
        tmp_path,
        "### Meta/Facebook\n**Description:** social network",
        "### Meta/Facebook\n**Description:** social network",
    )
    result = CliRunner().invoke(main, ["build", str(tmp_path / "docs"), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    merges = json.loads((tmp_path / "out" / "report.json").read_text())["identity"]["merges"]
    (merge,) = [m for m in merges if m["kind"] == "organization"]
    assert merge["names"] == ["Meta", "Facebook"] and merge["evidence"] == ["doc1.md", "doc2.md"]


def test_a_generic_suffix_form_described_as_a_division_stays_apart() -> None:
    result, log = resolved(
        [
            sighting("Halden", "a.md", description="a yarn giant"),
            sighting("Halden Robotics", "b.md", description="Halden's robotics research group in Oslo"),
        ]
    )
    assert result["Halden"][0] != result["Halden Robotics"][0]
    assert verdicts(log) == [("candidate", ("Halden", "Halden Robotics"), "suffix form, but described as a part of it")]


def test_a_unit_suffix_form_of_a_well_known_organization_needs_context() -> None:
    parent = [sighting("Halden", f"{name}.md", description="a yarn giant") for name in "abc"]
    result, log = resolved([*parent, sighting("Halden AI", "d.md", description="agents for tax returns")])
    assert result["Halden"][0] != result["Halden AI"][0]
    assert verdicts(log)[0][0] == "candidate" and "named in 3 documents" in verdicts(log)[0][2]
    result, _ = resolved([*parent, sighting("Halden Technologies", "d.md", description="agents for tax returns")])
    assert result["Halden"][0] == result["Halden Technologies"][0]


def test_an_email_address_in_one_document_does_not_unname_an_organization_in_the_others(tmp_path: Path) -> None:
    """`orbex` written in lower case is an everyday word, and a one-word name that is one is not
    matched where a document does not list it; but `desk@orbex.com` is no word of the text."""

    def orbex_mentioned(folder: Path) -> bool:
        graph = kgraph.build([folder])
        orbex = next(o.iri for o in graph.model.organizations if o.label == "Orbex")
        return orbex in next(e for e in graph.model.episodes if e.label == "Looms 2").mentions

    write(
        tmp_path, "a.md", title="Looms 1", participants="Greta Vollmer", companies="### Orbex\n**Description:** a mill"
    )
    write(tmp_path, "b.md", title="Looms 2", day=2, participants="Greta Vollmer", body="Orbex doubled its looms.")
    assert orbex_mentioned(tmp_path)
    for day, address in enumerate(("desk@orbex.com", "www.orbex.com", "https://github.com/orbex/looms"), start=3):
        write(
            tmp_path, f"c{day}.md", title=f"Looms {day}", day=day, participants="Greta Vollmer", body=f"See {address}."
        )
    assert orbex_mentioned(tmp_path)
    write(tmp_path, "d.md", title="Looms 9", day=9, participants="Greta Vollmer", body="The orbex of the loom turned.")
    assert not orbex_mentioned(tmp_path)  # the everyday word still counts when the text writes one


def test_a_name_many_documents_list_stays_a_name_where_a_few_write_it_in_lower_case(tmp_path: Path) -> None:
    """`anthropic` in a transcribed quote or two does not make `Anthropic`, which dozens of documents
    list, an everyday word: a word is one where as many documents write it in lower case as list it."""

    def orbex_mentioned() -> bool:
        graph = kgraph.build([tmp_path])
        orbex = next(o.iri for o in graph.model.organizations if o.label == "Orbex")
        return orbex in next(e for e in graph.model.episodes if e.label == "Looms 9").mentions

    for day in (1, 2, 3):
        companies = "### Orbex\n**Description:** a mill"
        write(tmp_path, f"a{day}.md", title=f"Looms {day}", day=day, participants="Greta Vollmer", companies=companies)
    write(tmp_path, "z.md", title="Looms 9", day=9, participants="Greta Vollmer", body="Orbex doubled its looms.")
    for day in (4, 5):
        body = f'Greta says: "we bought the orbex looms in year {day}."'
        write(tmp_path, f"b{day}.md", title=f"Looms {day}", day=day, participants="Greta Vollmer", body=body)
    assert orbex_mentioned()  # written so in two documents, listed in three
    body = 'Greta says: "the orbex of the loom turned."'
    write(tmp_path, "b6.md", title="Looms 6", day=6, participants="Greta Vollmer", body=body)
    assert not orbex_mentioned()  # three and three: an everyday word, as likely as a name


def test_an_organizations_own_entry_describes_it_rather_than_a_heading_it_shares(tmp_path: Path) -> None:
    """`**Halden, Corvo** — Notable Orbex customers` says what they are to Orbex: an entry naming
    Halden alone, even a later one, says what Halden is. Corvo has only the group's description."""
    write(
        tmp_path,
        "a.md",
        title="Looms 1",
        participants="Greta Vollmer",
        companies="**Halden, Corvo**\n- **Description:** Notable Orbex customers",
    )
    write(
        tmp_path,
        "b.md",
        title="Looms 2",
        day=2,
        participants="Greta Vollmer",
        companies="### Halden\n**Description:** a yarn maker in Porto",
    )
    described = {o.label: o.description for o in kgraph.build([tmp_path]).model.organizations}
    assert described == {"Halden": "a yarn maker in Porto", "Corvo": "Notable Orbex customers"}


def test_a_companys_investment_arm_in_prose_is_not_the_company(tmp_path: Path) -> None:
    """`Orbex Ventures led the round`: Orbex, a loom maker, invests through an arm of another
    name, an organization of its own; `Halden Capital` is Halden, which its entry calls a venture
    capital firm; and Tessel, which nobody describes, may be either, so `Tessel Fund` still names it."""
    companies = {
        "a.md": "### Orbex\n**Description:** a loom maker in Porto",
        "b.md": "### Halden\n**Description:** a venture capital firm",
        "c.md": "### Tessel",
    }
    for day, (name, entry) in enumerate(companies.items(), start=1):
        write(tmp_path, name, title=f"Looms {day}", day=day, participants="Greta Vollmer", companies=entry)
    write(
        tmp_path,
        "d.md",
        title="Looms 9",
        day=9,
        participants="Greta Vollmer",
        body="Orbex Ventures led the round; Halden Capital and Tessel Fund followed.",
    )
    graph = kgraph.build([tmp_path])
    labels = {o.iri: o.label for o in graph.model.organizations}
    prose = next(e for e in graph.model.episodes if e.label == "Looms 9")
    assert sorted(labels[iri] for iri in prose.mentions if iri in labels) == ["Halden", "Orbex Ventures", "Tessel"]
    merged = {tuple(sorted(d["names"])) for d in graph.report.identity if d["verdict"] == "merged"}
    assert {("Halden", "Halden Capital"), ("Tessel", "Tessel Fund")} <= merged
    assert not any("Orbex" in names for names in merged)


@pytest.mark.parametrize(
    ("description", "investor"),
    [
        ("Venture capital firm", True),
        ("Hedge fund / activist investor", True),
        ("Top-tier VC firm", True),
        ("Saudi sovereign wealth fund", True),
        ("Semiconductor company", False),
        ("Chipmaker at the center of a government investment", False),  # what it is comes first
        ("AI startup backed by venture funds", False),
        ("Investing platform with AI-powered index creation", False),
    ],
)
def test_an_investor_is_what_a_description_first_says_it_is(description: str, investor: bool) -> None:
    assert describes_an_investor(description) is investor


@pytest.mark.parametrize(
    "head",
    ["Venture", "VC", "Fund", "Funds", "Investor", "Investors", "Investment firm", "Capital firm", "Hedge"]
    + ["Private equity", "Asset manager", "Accelerator", "Angel"],
)
def test_every_word_that_makes_an_investor_passes_the_quick_test_first(head: str) -> None:
    """`describes_an_investor` tests for a few stems before its pattern: none of the pattern's
    words may lack one, in any case."""
    assert describes_an_investor(f"{head} backing weavers")
    assert describes_an_investor(f"{head.upper()} backing weavers")


def test_two_names_the_data_knows_as_one_organization_merge_unless_a_document_or_the_user_keeps_them_apart() -> None:
    # `X` / `Twitter` is a pair of kgraph/data/organizations.toml: a rename
    result, log = resolved([sighting("Twitter", "a.md"), sighting("X", "b.md")])
    assert result["Twitter"][0] == result["X"][0]
    assert (
        "merged",
        ("X", "Twitter"),
        "one organization under two names (kgraph/data/organizations.toml)",
    ) in verdicts(log)
    result, _ = resolved([sighting("Twitter", "a.md"), sighting("X", "a.md")])  # one document lists both
    assert result["Twitter"][0] != result["X"][0]
    apart = AliasRules(separate=(("Twitter", "X"),))
    result, log = resolved([sighting("Twitter", "a.md"), sighting("X", "b.md")], apart)
    assert result["Twitter"][0] != result["X"][0]
    assert any(d.verdict == "separated" for d in log.decisions())


# -- an acronym the running text spells out -----------------------------------------------------------
def test_an_organization_spelled_out_before_its_acronym_in_the_text_is_the_acronym_elsewhere(tmp_path: Path) -> None:
    graph = build_companies(
        tmp_path,
        "### Halden Loom University\n- Description: A loom research university",
        "### HLU\n- Description: University lab for looms",
        body="A study at the Halden Loom University (HLU) found looms get faster.",
    )
    assert organizations(graph) == {"HLU": ("Halden Loom University",)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At Carnegie Loom University (CLU) and", {"carnegie loom university": "CLU"}),
        ("the Electric Loom Council of Texas (ELCOT) said", {"electric loom council of texas": "ELCOT"}),
        ("the Electric Loom Council of Texas (ELCT) said", {"electric loom council of texas": "ELCT"}),
        ("National Looms and Space Weaving (NLSW)", {"national looms and space weaving": "NLSW"}),
        ("Orbex (ORBX) fell", {}),  # a ticker: no initials of words
        ("Halden Capital (HQ) and", {}),  # letters not its initials
        ("Halden Capital (HC1)", {}),
    ],
)
def test_acronyms_spelled_out_are_the_initials_of_the_names_last_words(text: str, expected: dict) -> None:
    assert acronyms_spelled_out(text) == expected


def test_a_long_run_of_small_words_before_an_acronym_is_read_without_recursion() -> None:
    """(Each small word once doubled the choices tried: 40 of them took seconds, 2,000 raised.)"""
    text = "The Alpha " + "of " * 2000 + "Beta (AB) said things. Halden Loom University (HLU) too."
    assert acronyms_spelled_out(text) == {"halden loom university": "HLU"}
