"""The page's data, compact: columns of integers indexed by node id (its place among the sorted
kept IRIs) instead of repeated IRIs, one shared table for repeated strings (dates, URLs, times),
and the long texts (quotes, descriptions, notes) in a second table the page parses only when a
panel first opens."""

from __future__ import annotations

import bisect
import heapq

from kgraph.outputs.html.data import PageGraph
from kgraph.outputs.html.style import CLASS_STYLES, RELATION_NAMES, STYLE_BY_CLASS
from kgraph.outputs.html.view import OTHER_COMMUNITY, PALETTE, View

_RELATIONS = sorted(set(RELATION_NAMES.values()))
_CLASS_INDEX = {style.name: number for number, style in enumerate(CLASS_STYLES)}
_SHORTEST_PLACED = 12  # a shorter quote is kept as text, not as its place in the insight's text
_LONG_TEXT = 1 << 15  # characters of an insight's text beyond which its quotes' places are indexed


class Strings:
    """A shared string table: each distinct string stored once, referred to by its index."""

    def __init__(self) -> None:
        self.table: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        if text is None or text == "":
            return -1
        number = self._index.get(text)
        if number is None:
            number = self._index[text] = len(self.table)
            self.table.append(text)
        return number


def page_tables(page: PageGraph, view: View) -> tuple[dict, dict]:
    """(data parsed when the page opens, texts parsed when a panel first needs them)."""
    ids = {iri: number for number, iri in enumerate(view.nodes)}
    strings = Strings()
    base = _common_base(view.nodes)
    attributes, claims = _read_in_iri_order(page, view)
    tables: dict = {
        "base": base,
        "classes": [
            {"name": s.name, "legend": s.legend, "color": s.color, "shape": s.shape, "corpus": s.corpus_level}
            for s in CLASS_STYLES
        ],
        "palette": [*PALETTE, OTHER_COMMUNITY],
        "relations": _RELATIONS,
        "key": _front_coded([iri[len(base) :] for iri in view.nodes]),
        "type": [_CLASS_INDEX[page.types[iri]] for iri in view.nodes],
        "label": [data["label"] for data in attributes],
        "aliases": {str(n): data["aliases"] for n, data in enumerate(attributes) if data.get("aliases")},
        "x": [view.positions.get(iri, (0, 0))[0] for iri in view.nodes],
        "y": [view.positions.get(iri, (0, 0))[1] for iri in view.nodes],
        "placed": [1 if iri in view.positions else 0 for iri in view.nodes],
        "size": [_number(view.size[iri]) for iri in view.nodes],
        "group": {str(n): view.community[iri] for n, iri in enumerate(view.nodes) if iri in view.community},
        "date": {str(n): strings(data["date"]) for n, data in enumerate(attributes) if data.get("date")},
        "first": [ids[iri] for iri in view.first],
        "labelled": sorted(ids[iri] for iri in view.labelled),
        "firstEdges": [n for a, b, weight in view.first_edges for n in (ids[a], ids[b], weight)],
        "edges": _edges(page, view, ids),
        "appears": {
            str(ids[iri]): sorted(ids[e] for e in page.episodes[iri] if e in ids)
            for iri in view.nodes
            if STYLE_BY_CLASS[page.types[iri]].corpus_level
        },
        "counts": {
            "nodes": len(view.nodes),
            "claims": len(view.claims),
            "entities": sum(1 for iri in view.nodes if STYLE_BY_CLASS[page.types[iri]].corpus_level),
        },
    }
    texts: dict = {
        "description": {str(n): d["description"] for n, d in enumerate(attributes) if d.get("description")},
        "url": {str(n): d["url"] for n, d in enumerate(attributes) if d.get("url")},
        "text": {str(n): d["text"] for n, d in enumerate(attributes) if d.get("text")},
        "notes": [[ids[entity], ids[episode], note] for (entity, episode), note in _kept_notes(page, ids)],
    }
    tables["claims"], texts["claims"] = _claims(page, claims, ids, strings)
    tables["strings"] = strings.table
    return tables, texts


def _read_in_iri_order(page: PageGraph, view: View) -> tuple[list[dict], list[dict]]:
    """The kept nodes' attributes and the kept claims' rows, read in one walk in IRI order: an
    episode's insights and claims (whose IRIs extend the episode's) are then loaded from the
    store once for both, not once per table (`PageGraph` keeps only the last few episodes)."""
    attributes: dict[str, dict] = {}
    claims: list[dict] = []
    nodes = ((iri, False) for iri in view.nodes)
    for iri, is_claim in heapq.merge(nodes, ((iri, True) for iri in view.claims)):
        if is_claim:
            claims.append(page.node(iri))
        else:
            attributes[iri] = page.nodes[iri]
    return [attributes[iri] for iri in view.nodes], claims


def _kept_notes(page: PageGraph, ids: dict[str, int]) -> list[tuple[tuple[str, str], str]]:
    """The notes on kept entities in kept episodes, sorted (picked before sorting: the corpus
    holds many times the page's notes)."""
    return sorted(item for item in page.notes.items() if item[0][0] in ids and item[0][1] in ids)


def _front_coded(keys: list[str]) -> list[object]:
    """Sorted keys as [length shared with the previous key, the rest, ...]: an insight's key
    repeats its episode's, which repeats its show's."""
    flat: list[object] = []
    previous = ""
    for key in keys:
        shared = _shared_length(previous, key, min(len(key), len(previous), 999))
        flat += (shared, key[shared:])
        previous = key
    return flat


def _shared_length(previous: str, key: str, limit: int) -> int:
    """The length of the longest common prefix of `previous` and `key`, at most `limit`: a
    binary search of prefix comparisons (each one C call), not a loop over characters."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if key.startswith(previous[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def _number(value: float) -> float | int:
    return int(value) if value == int(value) else value  # "5" is shorter than "5.0"


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _common_base(iris: list[str]) -> str:
    if not iris:
        return ""
    low, high = min(iris), max(iris)
    length = 0
    while length < min(len(low), len(high)) and low[length] == high[length]:
        length += 1
    return low[: low.rfind("/", 0, length) + 1] if "/" in low[:length] else ""


def _edges(page: PageGraph, view: View, ids: dict[str, int]) -> list[int]:
    relation = {name: number for number, name in enumerate(_RELATIONS)}
    bits_of: dict[tuple[str, ...], int] = {}  # a few distinct lists of names among many edges
    flat: list[int] = []
    edges = view.edges
    for pair in sorted(edges):  # pairs are unique: their order is the items' order
        names = tuple(edges[pair])
        bits = bits_of.get(names)
        if bits is None:
            bits = bits_of[names] = sum(1 << relation[name] for name in set(names))  # a bit per relation
        flat += (ids[pair[0]], ids[pair[1]], bits)
    return flat


def _claims(page: PageGraph, claims: list[dict], ids: dict[str, int], strings: Strings) -> tuple[dict, dict]:
    """Claim columns (ids, times; grounding where there is some) and their texts. A quote found
    verbatim in the text of the insight it is about is stored as [insight, start, end] (UTF-16
    offsets, as JavaScript counts). Identical quotes of one episode are one claim: extraction
    already keeps one, this guards the page against any that slip through."""
    columns: dict[str, list] = {key: [] for key in ("episode", "speaker", "about", "time")}
    episodes, speakers, abouts, times = columns.values()
    mentions: dict[str, list[int]] = {}  # only claims that name someone beside speaker and subject
    grounding: dict[str, dict[str, object]] = {key: {} for key in ("heard", "grounding", "evidence")}
    quotes: list[object] = []
    texts: dict[str, object] = {"text": quotes, "excerpt": {}, "recording": {}, "label": {}}
    seen: set[tuple[str, str]] = set()
    places = _QuotePlaces(claims)
    ids_get = ids.get
    for claim in claims:  # sorted by IRI: a claim's IRI starts with its episode's, so episodes come in turn
        text, episode = claim["text"], claim["episode"]
        if (episode, text) in seen:
            continue
        seen.add((episode, text))
        subject, speaker = claim.get("about"), claim.get("speaker")
        about = ids_get(subject, -1) if subject else -1
        episodes.append(ids_get(episode, -1))
        speakers.append(ids_get(speaker, -1) if speaker else -1)
        abouts.append(about)
        named = claim.get("mentions")
        if named and (named := sorted(ids[m] for m in named if m in ids)):
            mentions[str(len(quotes))] = named
        times.append(strings(claim.get("timestamp")))  # HH:MM:SS: the page works out the seconds
        if not _OPTIONAL.isdisjoint(claim):  # most claims have none of them: rows leave None out
            _optional_fields(claim, str(len(quotes)), strings, grounding, texts)
        if subject and about >= 0 and len(text) >= _SHORTEST_PLACED:  # about a kept node: placed in its text
            quotes.append(_quote_or_place(page, places, text, subject, about))
        else:
            quotes.append(text)
    return {**columns, "mentions": mentions, **grounding}, texts


_OPTIONAL = frozenset(
    ("heard_at", "grounding", "speaker_evidence", "transcript_excerpt", "recording_url", "transcript_label")
)
_TEXT_FIELDS = (("excerpt", "transcript_excerpt"), ("recording", "recording_url"), ("label", "transcript_label"))


def _optional_fields(
    claim: dict, number: str, strings: Strings, grounding: dict[str, dict[str, object]], texts: dict[str, object]
) -> None:
    heard = claim.get("heard_at")
    if heard is not None:  # 0 s is a time
        grounding["heard"][number] = heard
    for key, field in (("grounding", "grounding"), ("evidence", "speaker_evidence")):  # in this order: string ids
        value = claim.get(field)
        if value:
            grounding[key][number] = strings(value)
    for key, field in _TEXT_FIELDS:
        value = claim.get(field)
        if value:
            texts[key][number] = value  # type: ignore[index]


def _quote_or_place(page: PageGraph, places: _QuotePlaces, quote: str, subject: str, about: int) -> object:
    """`[about, start, end]` where `quote` (at least `_SHORTEST_PLACED` long) is in the text of
    `subject` (the kept node numbered `about`), else the quote itself."""
    insight_text = page.nodes[subject].get("text") or ""
    place = places.find(subject, insight_text, quote) if isinstance(insight_text, str) else None
    return quote if place is None else [about, *place]


class _QuotePlaces:
    """Where a quote first occurs in the text of the insight it is about, as UTF-16 offsets (what
    JavaScript counts). A long text is read once for all its quotes: where each quote's first
    characters first occur (the quote first occurs there or later) and where its characters
    beyond the BMP are. Each quote of a hostile document looked up from the start of its one
    0.7 MB insight took 2.8 s for 9,000 quotes."""

    def __init__(self, claims: list[dict]):
        self._claims = claims
        self._heads: dict[str, set[str]] | None = None  # worked out when a first long text is met
        self._long: dict[str, tuple[dict[str, int], list[int]]] = {}  # insight IRI -> its index

    def find(self, insight: str, text: str, quote: str) -> tuple[int, int] | None:
        """(start, end) of `quote`'s first occurrence in `text` (at least `_SHORTEST_PLACED` long)."""
        if len(text) < _LONG_TEXT:
            at = text.find(quote)
            if at < 0:
                return None
            start = _utf16(text[:at])
            return start, start + _utf16(quote)
        firsts, astral = self._long.get(insight) or self._index(insight, text)
        begin = firsts.get(quote[:_SHORTEST_PLACED])
        at = -1 if begin is None else text.find(quote, begin)
        if at < 0:
            return None
        start = at + bisect.bisect_left(astral, at)
        return start, start + _utf16(quote)

    def _index(self, insight: str, text: str) -> tuple[dict[str, int], list[int]]:
        if self._heads is None:
            self._heads = _heads(self._claims)
        heads, firsts = self._heads.get(insight, set()), {}
        for position in range(len(text) - _SHORTEST_PLACED + 1):
            head = text[position : position + _SHORTEST_PLACED]
            if head in heads and head not in firsts:
                firsts[head] = position
                if len(firsts) == len(heads):
                    break
        astral = [] if text.isascii() else [at for at, character in enumerate(text) if character > "\uffff"]
        self._long[insight] = firsts, astral
        return firsts, astral


def _heads(claims: list[dict]) -> dict[str, set[str]]:
    """Insight IRI -> the first characters of the quotes about it (few pages have a long text:
    the others skip this walk over every claim)."""
    heads: dict[str, set[str]] = {}
    for claim in claims:
        subject, text = claim.get("about"), claim["text"]
        if subject and len(text) >= _SHORTEST_PLACED:
            heads.setdefault(subject, set()).add(text[:_SHORTEST_PLACED])
    return heads
