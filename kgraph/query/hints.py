"""Why a parameterised query found nothing: a `--param` value that names nothing in the graph,
and the labels closest to it ("no organization is named 'Nvidiaa' (did you mean 'NVIDIA'?)")."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rapidfuzz import fuzz, process, utils

from kgraph.outputs.read import load_store
from kgraph.query import run_query
from kgraph.query.parameters import is_iri
from kgraph.vocab import CLASSES, EPISODE, ORGANIZATION, PERSON, PODCAST, PRODUCT

SUGGESTIONS = 3
MIN_SCORE = 70  # rapidfuzz WRatio, 0-100: below this a label is not worth suggesting
_NAMED_KINDS = (PODCAST, EPISODE, PERSON, ORGANIZATION, PRODUCT)  # for a parameter not named after a class


def _kind(parameter: str) -> tuple[str, ...]:
    """The class IRIs a parameter's value names: `organization` -> kg:Organization."""
    for rdf_class in CLASSES:
        if str(rdf_class).rpartition("#")[2].lower() == parameter.lower():
            return (str(rdf_class),)
    return tuple(str(rdf_class) for rdf_class in _NAMED_KINDS)


def _labels_query(classes: tuple[str, ...]) -> str:
    values = " ".join(f"<{iri}>" for iri in classes)
    return (
        "SELECT DISTINCT ?label WHERE { VALUES ?class { " + values + " } "
        "?node a ?class ; rdfs:label|skos:altLabel ?label }"
    )


def suggest(value: str, labels: list[str]) -> list[str]:
    """The labels closest to `value` (best first, then alphabetical), at most SUGGESTIONS."""
    found = process.extract(
        value,
        sorted(set(labels)),
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=None,
        score_cutoff=MIN_SCORE,
    )
    return [label for label, _score, _index in sorted(found, key=lambda hit: (-hit[1], hit[0]))][:SUGGESTIONS]


def no_rows_hint(
    parameters: dict[str, str],
    *,
    graph: Path | str | None = None,
    store: ox.Store | None = None,
    endpoint: str | None = None,
    ignore_case: bool = False,
) -> str | None:
    """One line for a query that returned no rows: which name parameters are no label in the graph
    and what they might have meant. None when every name is a label (in any case if the query
    matched `ignore_case`, as the shipped queries do)."""
    if store is None and endpoint is None and graph is not None:
        store, graph = load_store(graph), None  # one load for every parameter
    problems = []
    for name in sorted(parameters):
        value = parameters[name]
        if is_iri(value):
            continue
        result = run_query(_labels_query(_kind(name)), graph=graph, store=store, endpoint=endpoint)
        labels = [label for label in result.column("label") if label is not None]
        same = sorted(label for label in labels if label.lower() == value.lower())  # as SPARQL's LCASE
        if value in labels or (same and ignore_case):
            continue
        if same:
            problems.append(f"{value!r} is written {same[0]!r} in the graph")
            continue
        what = f"no {name}" if len(_kind(name)) == 1 else "nothing"
        problem = f"{what} is named {value!r}"
        close = [repr(label) for label in suggest(value, labels)]
        if close:
            problem += " (did you mean " + " or ".join(filter(None, [", ".join(close[:-1]), close[-1]])) + "?)"
        problems.append(problem)
    return "no rows: " + "; ".join(problems) if problems else None
