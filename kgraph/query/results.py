"""Query results in one shape whatever answered them (the local store or an HTTP endpoint):
terms as in the SPARQL 1.1 JSON results format, so formatting never depends on the engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class Term:
    """An RDF term: `kind` is "uri", "literal" or "bnode" (the SPARQL JSON `type`)."""

    kind: str
    value: str
    datatype: str | None = None  # None for simple (xsd:string) and language-tagged literals
    language: str | None = None

    def n_triples(self) -> str:
        """The term in N-Triples syntax (used by TSV output)."""
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        escaped = (
            self.value.replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        )
        if self.language:
            return f'"{escaped}"@{self.language}'
        if self.datatype:
            return f'"{escaped}"^^<{self.datatype}>'
        return f'"{escaped}"'


class QueryForm(StrEnum):
    SELECT = "select"
    ASK = "ask"
    CONSTRUCT = "construct"  # CONSTRUCT and DESCRIBE: a graph


@dataclass
class QueryResult:
    form: QueryForm
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Term]] = field(default_factory=list)  # unbound variables are absent
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def column(self, variable: str) -> list[str | None]:
        """The values of one variable, row by row (None where unbound)."""
        return [row[variable].value if variable in row else None for row in self.rows]


def term_from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Term:
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            return Term("literal", term.value, language=term.language)
        return Term("literal", term.value, datatype=None if datatype == XSD_STRING else datatype)
    raise TypeError(f"unsupported term in a query result: {term!r}")  # RDF-star triples: a bug for us


def term_from_json(binding: dict[str, str]) -> Term:
    """A term of the SPARQL JSON results format ("typed-literal" is the old SPARQL 1.0 spelling)."""
    kind = "literal" if binding["type"] == "typed-literal" else binding["type"]
    datatype = binding.get("datatype")
    if datatype in (XSD_STRING, RDF_LANG_STRING):
        datatype = None
    return Term(kind, binding["value"], datatype=datatype, language=binding.get("xml:lang"))


def from_oxigraph(answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(QueryForm.ASK, boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult(QueryForm.CONSTRUCT, triples=list(answer))
    variables = [variable.value for variable in answer.variables]
    rows = []
    for solution in answer:
        row = {}
        for name in variables:
            value = solution[name]
            if value is not None:
                row[name] = term_from_oxigraph(value)
        rows.append(row)
    return QueryResult(QueryForm.SELECT, variables=variables, rows=rows)


def from_sparql_json(document: dict) -> QueryResult:
    if "boolean" in document:
        return QueryResult(QueryForm.ASK, boolean=bool(document["boolean"]))
    variables = list(document["head"].get("vars", []))
    rows = [
        {name: term_from_json(value) for name, value in binding.items()} for binding in document["results"]["bindings"]
    ]
    return QueryResult(QueryForm.SELECT, variables=variables, rows=rows)
