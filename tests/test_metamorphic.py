"""Corpus stages are total functions of the extractions: whatever the documents say, resolution,
modelling and writing never raise, and the output does not depend on the order documents come in.

Each property runs on invented and synthetic documents (always) and on ../shared/corpus (marker
`corpus`, skipped when it is absent). Documents are extracted once; variants are resolved in memory."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.api import graph_of_model
from kgraph.extract import extract_document
from kgraph.extract.results import DocumentExtraction
from kgraph.outputs import statements as rdf
from kgraph.parse import parse_document
from kgraph.resolve import Identities, digest_of, resolve
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.decisions import Decision
from kgraph.sources import read_document
from kgraph.sources.anchors import transcript_anchors
from kgraph.sources.files import discover
from kgraph.sources.summary import SourceDocument
from kgraph.vocab import DEFAULT_BASE_IRI

from .conftest import CORPUS, require_shared, synthetic_corpus

_PARTICIPANTS = re.compile(r"^\*\*Participants:?\*\*:?.*$", re.M)
_PODCAST = re.compile(r"^\*\*Podcast:?\*\*:?.*$", re.M)


def _extract(document: SourceDocument) -> DocumentExtraction:
    return extract_document(parse_document(document.source, document.text), transcript_anchors(document.transcript))


def _variant(document: SourceDocument, source: str | None = None, text: str | None = None) -> DocumentExtraction:
    changed = SourceDocument(source or document.source, document.path, text or document.text, document.transcript)
    return _extract(changed)


def _statements(extractions: list[DocumentExtraction]) -> tuple[list[rdf.GraphStatements], list[Decision]]:
    """Resolve and model: the statements every writer serializes (sorted, so comparable), and
    the decisions report.json lists."""
    decisions = Identities([digest_of(e) for e in extractions], DEFAULT_BASE_IRI, AliasRules()).log.decisions()
    return rdf.graph_statements(resolve(list(extractions), DEFAULT_BASE_IRI).model), decisions


def _assert_order_free(extractions: list[DocumentExtraction], rng: random.Random, orders: int = 2) -> None:
    expected = _statements(extractions)
    for _ in range(orders):
        shuffled = list(extractions)
        rng.shuffle(shuffled)
        assert _statements(shuffled) == expected


def _with_participants(text: str, line: str) -> str:
    if _PARTICIPANTS.search(text):
        return _PARTICIPANTS.sub(lambda _: line, text, count=1)
    return _PODCAST.sub(lambda match: f"{match.group(0)}\n{line}", text, count=1)


def _participants_line(text: str) -> str:
    match = _PARTICIPANTS.search(text)
    return match.group(0) if match else "**Participants:** Unknown"


def _other_show_source(document: SourceDocument, shows: list[str]) -> str:
    show, *rest = document.source.split("/")
    other = next(s for s in shows if s != show)
    return "/".join([other, *rest]) if rest else f"{other}/{show}"


# -- the properties, for any list of documents --------------------------------------------------
def check_subsets_and_orders(
    documents: list[SourceDocument], extractions: list[DocumentExtraction], seed: int, size: int, subsets: int
) -> None:
    rng = random.Random(seed)
    for _ in range(subsets):
        chosen = rng.sample(range(len(documents)), min(size, len(documents)))
        _assert_order_free([extractions[number] for number in chosen], rng, orders=1)


def check_copied_into_another_show(
    documents: list[SourceDocument], extractions: list[DocumentExtraction], seed: int, copies: int
) -> None:
    rng = random.Random(seed)
    shows = sorted({document.source.split("/")[0] for document in documents} | {"Another Show"})
    picked = rng.sample(range(len(documents)), min(copies, len(documents)))
    moved = [_variant(documents[n], source=_other_show_source(documents[n], shows)) for n in picked]
    model = resolve([*extractions, *moved], DEFAULT_BASE_IRI).model
    for number, copy in zip(picked, moved, strict=True):
        if extractions[number].episode.date is not None:  # same show, title and date: one episode
            (episode,) = [e for e in model.episodes if copy.episode.source_file in e.source_files]
            assert documents[number].source in episode.source_files
    _assert_order_free([*extractions, *moved], rng, orders=1)


def check_participants_swapped(documents: list[SourceDocument], seed: int, swaps: int) -> None:
    rng = random.Random(seed)
    variants = [_extract(document) for document in documents]
    for _ in range(swaps):
        first, second = rng.sample(range(len(documents)), 2)
        a, b = documents[first], documents[second]
        variants[first] = _variant(a, text=_with_participants(a.text, _participants_line(b.text)))
        variants[second] = _variant(b, text=_with_participants(b.text, _participants_line(a.text)))
    _assert_order_free(variants, rng, orders=1)


def check_participant_named_like_a_company(
    documents: list[SourceDocument], extractions: list[DocumentExtraction], seed: int, tries: int
) -> None:
    rng = random.Random(seed)
    companies = sorted(
        {
            entry.name
            for extraction in extractions
            for entry in extraction.entities
            if entry.kind.value == "organization"
        }
    )
    if not companies:
        return
    variants = list(extractions)
    for _ in range(tries):
        number = rng.randrange(len(documents))
        company = rng.choice(companies)
        first_word = company.split()[0]
        line = _participants_line(documents[number].text) + f", {first_word} (Host), {company}"
        variants[number] = _variant(documents[number], text=_with_participants(documents[number].text, line))
    _assert_order_free(variants, rng, orders=1)


def write_everything(extractions: list[DocumentExtraction], folder: Path) -> None:
    """Every output format from one model: the writers are total too."""
    from kgraph.outputs.formats import formats

    graph = graph_of_model(resolve(list(extractions), DEFAULT_BASE_IRI).model)
    graph.write(folder, tuple(f.name for f in formats()))


# -- invented documents --------------------------------------------------------------------------
INVENTED = """# {title}

**Podcast:** {podcast}
**Date:** {date}
**Participants:** {participants}

---

## 1. Key Themes

### **{title}**
Dana Ruiz says: "Every ledger we shipped had to balance on the first night, no exceptions." {speaker} adds: "That is
how a small team earns trust with the banks."

## 3. Companies Identified

{companies}

## 4. People Identified

### **Dana Ruiz**
Founder of Orbex.
"""


def _invented(
    source: str,
    *,
    podcast: str,
    participants: str,
    speaker: str = "Dana Ruiz",
    companies: str = "",
    title: str = "Ledgers at Night",
    date: str = "2025-03-01",
) -> SourceDocument:
    text = INVENTED.format(
        title=title,
        podcast=podcast,
        date=date,
        participants=participants,
        speaker=speaker,
        companies=companies or "### **Orbex**\nLedger software.",
    )
    return SourceDocument(source, Path(source), text)


def _clay_documents() -> list[SourceDocument]:
    return [
        _invented("Show A/ep1/summary.md", podcast="Show A", participants="Clay (Host), Brett Kelly", speaker="Clay"),
        _invented(
            "Show B/ep2/summary.md",
            podcast="Show B",
            participants="Dana Ruiz",
            title="Enrichment",
            companies="### **Clay**\nData enrichment company.\n\n### **Halden and Corvo**\nTwo banks.",
        ),
    ]


def test_a_first_name_that_is_a_company_elsewhere_is_no_person_and_a_warning(tmp_path: Path) -> None:
    documents = _clay_documents()
    model = resolve([_extract(document) for document in documents], DEFAULT_BASE_IRI).model
    assert "Clay" not in {person.label for person in model.people}
    assert "Clay" in {organization.label for organization in model.organizations}
    (show_a,) = [episode for episode in model.episodes if episode.source_files == ("Show A/ep1/summary.md",)]
    assert any(w.startswith("person left out: Clay") for w in show_a.warnings)
    people = {person.iri for person in model.people}
    assert set(show_a.participants) <= people
    assert {claim.speaker for claim in model.claims if claim.speaker} <= people
    write_everything([_extract(document) for document in documents], tmp_path)


def test_the_build_reports_the_warning_on_the_document(tmp_path: Path) -> None:
    import kgraph

    for document in _clay_documents():
        (tmp_path / document.source).parent.mkdir(parents=True)
        (tmp_path / document.source).write_text(document.text, encoding="utf-8")
    report = kgraph.build([tmp_path]).report
    assert any(
        w["file"] == "Show A/ep1/summary.md" and w["warning"].startswith("person left out: Clay")
        for w in report.warnings
    )


ODD_ENTRIES = [
    "Clay",
    "Clay (Host)",
    "Orbex",
    "Orbex (Host)",
    "Halden and Corvo",
    "Dana",
    "Dana Ruiz (Orbex)",
    "Unknown",
    "(Host)",
    "Host",
    "Guest 1",
    "Speaker 2",
    "张伟",
    "O'Brien-Smith Jr.",
    "Dr. Rhea Talbot",
    "et al.",
    "Mara Quint. Devlin",
    "***",
    "—",
    "Ruiz",
    "dana ruiz",
    "DANA RUIZ",
    "Omar Pike (Ledger (LDG))",
    "Signal Hour",
    "A, B",
    "Tidewell/Lumen",
    "Salt & Pepper Labs",
    "x" * 200,
    " ",
    "[Dana](http://x.y)",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(st.sampled_from(ODD_ENTRIES), min_size=0, max_size=6), min_size=3, max_size=3),
    st.randoms(use_true_random=False),
)
def test_odd_participant_lines_never_raise_and_order_does_not_matter(lines, rng) -> None:
    documents = [
        *_clay_documents(),
        *(
            _invented(
                f"Show {index % 2}/odd {index}/summary.md",
                podcast=f"Show {'AB'[index % 2]}",
                participants=", ".join(entries) or "Unknown",
                speaker=(entries or ["Dana"])[0],
                title=f"Odd {index}",
            )
            for index, entries in enumerate(lines)
        ),
    ]
    extractions = [_extract(document) for document in documents]
    _assert_order_free(extractions, rng, orders=1)
    model = resolve(extractions, DEFAULT_BASE_IRI).model
    people = {person.iri for person in model.people}
    for episode in model.episodes:
        assert set(episode.participants) <= people
    assert {claim.speaker for claim in model.claims if claim.speaker} <= people


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[SourceDocument], list[DocumentExtraction]]:
    root = synthetic_corpus(tmp_path_factory.mktemp("synthetic"), 24, seed=11)
    documents = [*(document for c in discover([root]) if (document := read_document(c))), *_clay_documents()]
    return documents, [_extract(document) for document in documents]


def test_synthetic_subsets_in_any_order(synthetic) -> None:
    check_subsets_and_orders(*synthetic, seed=1, size=12, subsets=3)


def test_synthetic_copy_into_another_show(synthetic) -> None:
    check_copied_into_another_show(*synthetic, seed=2, copies=3)


def test_synthetic_participants_swapped(synthetic) -> None:
    check_participants_swapped(synthetic[0], seed=3, swaps=4)


def test_synthetic_participant_named_like_a_company(synthetic) -> None:
    check_participant_named_like_a_company(*synthetic, seed=4, tries=4)


def test_synthetic_every_writer(synthetic, tmp_path: Path) -> None:
    write_everything(synthetic[1], tmp_path)


# -- the shared corpus -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus() -> tuple[list[SourceDocument], list[DocumentExtraction]]:
    documents = [document for c in discover([require_shared(CORPUS)]) if (document := read_document(c))]
    return documents, [_extract(document) for document in documents]


@pytest.mark.corpus
def test_corpus_in_any_order(corpus) -> None:
    _assert_order_free(corpus[1], random.Random(5), orders=1)


@pytest.mark.corpus
def test_corpus_subsets_in_any_order(corpus) -> None:
    check_subsets_and_orders(*corpus, seed=6, size=40, subsets=3)


@pytest.mark.corpus
def test_corpus_copy_into_another_show(corpus) -> None:
    check_copied_into_another_show(*corpus, seed=7, copies=4)


@pytest.mark.corpus
def test_corpus_participants_swapped(corpus) -> None:
    documents, _ = corpus
    subset = random.Random(8).sample(documents, 40)
    check_participants_swapped(subset, seed=8, swaps=8)


@pytest.mark.corpus
def test_corpus_participant_named_like_a_company(corpus) -> None:
    check_participant_named_like_a_company(*corpus, seed=9, tries=8)


@pytest.mark.corpus
def test_corpus_every_writer(corpus, tmp_path: Path) -> None:
    documents, extractions = corpus
    subset = random.Random(10).sample(range(len(documents)), 30)
    write_everything([extractions[number] for number in subset], tmp_path)


def _build_bytes(corpus: Path, out: Path, cache: bool) -> dict[str, bytes]:
    import kgraph

    kgraph.build([corpus], jobs=1, cache=out / ".cache" if cache else None).write(out, ("nquads",))
    return {name: (out / name).read_bytes() for name in ("graph.nq", "report.json")}


def test_a_later_document_that_unmakes_a_person_or_merges_a_copy_rebuilds_like_a_fresh_build(tmp_path: Path) -> None:
    # Show A's `Clay` is a person until show B lists Clay as a company; a copy filed later joins
    # its episode. The cached build must then equal a fresh one (warnings and merges included).
    corpus = synthetic_corpus(tmp_path / "corpus", 8, seed=3)
    show_a, show_b = _clay_documents()
    for document in (show_a,):
        (corpus / document.source).parent.mkdir(parents=True)
        (corpus / document.source).write_text(document.text, encoding="utf-8")
    out = tmp_path / "out"
    _build_bytes(corpus, out, cache=True)
    (corpus / show_b.source).parent.mkdir(parents=True)
    (corpus / show_b.source).write_text(show_b.text, encoding="utf-8")
    copy = corpus / "Another Show" / "ep1" / "summary.md"
    copy.parent.mkdir(parents=True)
    copy.write_text(show_a.text, encoding="utf-8")
    incremental = _build_bytes(corpus, out, cache=True)
    assert incremental == _build_bytes(corpus, tmp_path / "fresh", cache=False)
    assert b"person left out: Clay" in incremental["report.json"]
    report = json.loads(incremental["report.json"])
    assert report["duplicates"] == {"Another Show/ep1/summary.md": ["Show A/ep1/summary.md"]}  # a tie: path order
