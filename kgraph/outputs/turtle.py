"""One named graph's statements as Turtle, byte for byte what pyoxigraph's serializer writes.

Statements are already sorted strings in N-Triples form, and pyoxigraph's Turtle of sorted
triples is that text regrouped: the subject once, ` ;` between its predicates, ` ,` between a
predicate's objects. So the chunk is written here, without a round trip through pyoxigraph's
parser and serializer (it took half the Turtle time). Only what Turtle may abbreviate is asked
of pyoxigraph, once per term and remembered: predicates, vocabulary IRIs and typed literals. A
subject pyoxigraph could abbreviate (a base IRI inside a predeclared namespace) sends the whole
graph through pyoxigraph."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kgraph.outputs.statements import GraphStatements, Statement, default_graph_quads
from kgraph.prefixes import PREFIXES, expand

_NAMESPACES = tuple(PREFIXES.values())  # an IRI under one of these may be written prefix:name
# Datatypes whose literals Turtle may write bare (`3`, `2.5`, `1e0`, `true`): their form depends
# on the value. Any other typed literal is its quoted value, `^^`, and its datatype's form.
_SHORTHAND = tuple(f'"^^<{expand(f"xsd:{name}")}>' for name in ("integer", "decimal", "double", "boolean"))
_INTEGER = f"<{expand('xsd:integer')}>"
_S, _P, _O = "urn:x:s", "urn:x:p", "urn:x:o"  # placeholders around the one term pyoxigraph writes
_FORMS_KEPT = 1 << 16  # terms remembered (a pure memo, emptied when full: no answer changes)
_forms: dict[str, str] = {}  # N-Triples form -> Turtle form, of terms pyoxigraph may abbreviate


def _turtle_header() -> bytes:
    # pyoxigraph writes the prefix lines before the first triple (nothing at all for no triple)
    one = ox.Triple(ox.NamedNode(_S), ox.NamedNode(_P), ox.Literal("o"))
    text = ox.serialize([one], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    assert text is not None  # without an output file, serialize returns the bytes
    return text[: text.rindex(f"<{_S}>".encode())]


TURTLE_HEADER = _turtle_header()  # the @prefix lines every Turtle output starts with


def turtle_chunk(graph: GraphStatements) -> bytes:
    """One graph's statements in Turtle, without the prefix lines. Subjects never span graphs,
    so `TURTLE_HEADER` and the chunks of every graph in graph order are exactly the Turtle of the
    whole default graph: a rebuild re-serializes only the graphs that changed."""
    text = _written(graph[1])
    return text.encode("utf-8") if text is not None else pyoxigraph_chunk(graph)


def pyoxigraph_chunk(graph: GraphStatements) -> bytes:
    """`turtle_chunk` through pyoxigraph's parser and serializer."""
    text = ox.serialize(default_graph_quads([graph]), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    if not text:
        return b""
    if not text.startswith(TURTLE_HEADER):
        raise AssertionError("pyoxigraph's Turtle no longer starts with its prefix lines")
    return text[len(TURTLE_HEADER) :]


def _written(statements: Iterable[Statement]) -> str | None:
    """The statements (sorted) as pyoxigraph groups them; None for a subject it could abbreviate."""
    parts: list[str] = []
    forms = _forms
    subject = predicate = ""
    for s, p, o in statements:
        # what `_object` writes as it is, tested here: a call per statement was a third of the time
        if o[-1] != '"' and (o[0] != "<" or o.startswith(_NAMESPACES, 1) or "\\" in o):
            o = forms.get(o) or _object(o)
        if s != subject:
            if s.startswith(_NAMESPACES) or "\\" in s:
                return None
            parts += (" .\n<" if subject else "<", s, "> ", forms.get(p) or _predicate(p), " ", o)
            subject, predicate = s, p
        elif p != predicate:
            parts += (" ;\n\t", forms.get(p) or _predicate(p), " ", o)
            predicate = p
        else:
            parts += (" , ", o)
    if subject:
        parts.append(" .\n")
    return "".join(parts)


def _predicate(iri: str) -> str:
    form = _forms.get(iri)
    if form is None:
        form = _remember(iri, _pyoxigraph_form(f"<{iri}> <{_O}>", f"<{_S}> ", f" <{_O}>"))
    return form


def _object(term: str) -> str:
    """A plain string literal, or an IRI outside the namespaces, is written as in N-Triples
    (kgraph's escapes are pyoxigraph's, `kgraph.outputs.statements.literal`)."""
    if term[-1] == '"' or (term[0] == "<" and not term.startswith(_NAMESPACES, 1) and "\\" not in term):
        return term
    form = _forms.get(term)
    if form is None:
        # a typed literal's datatype is an IRI; `"^^"@en` holds `"^^` but is a tagged literal
        value, hat, datatype = term.rpartition('"^^')
        hat = hat if datatype[:1] == "<" and datatype[-1] == ">" and '"' not in datatype else ""
        if hat and term[0] == '"' and not term.endswith(_SHORTHAND, len(value)):
            form = f'{value}"^^{_object(datatype)}'
        elif hat and datatype == _INTEGER and _is_integer(value[1:]):
            return value[1:]  # seconds and ranks: thousands of values, each written as it is
        else:
            form = _pyoxigraph_form(f"<{_P}> {term}", f"<{_S}> <{_P}> ", "")
        _remember(term, form)
    return form


def _is_integer(lexical: str) -> bool:
    """Turtle's INTEGER, `[+-]?[0-9]+`, which pyoxigraph writes bare."""
    digits = lexical[1:] if lexical[:1] in ("+", "-") else lexical
    return digits.isascii() and digits.isdigit()


def _remember(term: str, form: str) -> str:
    if len(_forms) >= _FORMS_KEPT:
        _forms.clear()
    _forms[term] = form
    return form


def _pyoxigraph_form(rest: str, before: str, after: str) -> str:
    """What pyoxigraph writes for the one term in `<_S> {rest} .` between `before` and `after`."""
    triples = ox.parse(f"<{_S}> {rest} .\n", format=ox.RdfFormat.N_TRIPLES, lenient=True)
    text = (ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"").decode("utf-8")
    line = text.removeprefix(TURTLE_HEADER.decode("utf-8"))
    if not (line.startswith(before) and line.endswith(f"{after} .\n")):
        raise AssertionError(f"pyoxigraph's Turtle of one triple is no longer one line: {text!r}")
    return line[len(before) : len(line) - len(after) - 3]
