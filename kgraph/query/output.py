"""Result formats for `kgraph query --format`: a registry, like the writers.
SELECT and ASK results use the W3C results formats for csv, tsv and json; CONSTRUCT is Turtle."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pyoxigraph as ox

from kgraph.errors import UsageError
from kgraph.prefixes import PREFIXES, curie
from kgraph.query.results import QueryForm, QueryResult, Term

Formatter = Callable[[QueryResult], str]
RESULT_FORMATS: dict[str, Formatter] = {}

MAX_CELL = 80  # table cells are cut here so that rows stay readable; csv/tsv/json are never cut


def result_format(name: str) -> Callable[[Formatter], Formatter]:
    def decorate(formatter: Formatter) -> Formatter:
        RESULT_FORMATS[name] = formatter
        return formatter

    return decorate


def format_result(result: QueryResult, name: str) -> str:
    """The result as text in format `name`; a CONSTRUCT result is Turtle whatever the name."""
    if result.form is QueryForm.CONSTRUCT:
        return turtle(result)
    try:
        formatter = RESULT_FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown result format {name!r} (known: {', '.join(RESULT_FORMATS)})") from None
    return formatter(result)


def turtle(result: QueryResult) -> str:
    triples = sorted(set(result.triples), key=str)  # a graph: any order, duplicates possible
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return data.decode("utf-8") if data is not None else ""


def _display(term: Term) -> str:
    if term.kind == "uri":
        short = curie(term.value)
        return short if short != term.value else f"<{term.value}>"
    text = " ".join(term.value.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


@result_format("table")
def table(result: QueryResult) -> str:
    if result.form is QueryForm.ASK:
        return "yes\n" if result.boolean else "no\n"
    header = result.variables
    cells = [[_display(row[name]) if name in row else "" for name in header] for row in result.rows]
    widths = [max([len(name), *(len(line[i]) for line in cells)]) for i, name in enumerate(header)]
    lines = [
        "  ".join(name.ljust(width) for name, width in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * width for width in widths),
    ]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


@result_format("csv")
def csv_format(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # SPARQL 1.1 CSV: RFC 4180, CRLF
    if result.form is QueryForm.ASK:
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([row[name].value if name in row else "" for name in result.variables])
    return buffer.getvalue()


@result_format("tsv")
def tsv_format(result: QueryResult) -> str:
    if result.form is QueryForm.ASK:
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += [
        "\t".join(row[name].n_triples() if name in row else "" for name in result.variables) for row in result.rows
    ]
    return "\n".join(lines) + "\n"


def _json_term(term: Term) -> dict[str, str]:
    value = {"type": term.kind, "value": term.value}
    if term.datatype:
        value["datatype"] = term.datatype
    if term.language:
        value["xml:lang"] = term.language
    return value


@result_format("json")
def json_format(result: QueryResult) -> str:
    if result.form is QueryForm.ASK:
        document: dict = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [{name: _json_term(row[name]) for name in result.variables if name in row} for row in result.rows]
        document = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
