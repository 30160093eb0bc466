"""Command line: parse options, call the library, print, map errors to exit codes.

Exit codes, as in pySHACL: 0 ok; 1 some documents skipped (outputs still written), a failed
check (`validate`) or a server that failed (`push`, `query --endpoint`); 2 usage error (bad
option, file argument, query or URL); 3 failed with nothing written (an output that cannot be
written, or a bug, shown with its traceback)."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kgraph.errors import EndpointError, KgraphError, UsageError
from kgraph.outputs.html.options import DEFAULT_MAX_NODES, HtmlOptions
from kgraph.prefixes import DEFAULT_BASE_IRI

if TYPE_CHECKING:
    from kgraph.api import KnowledgeGraph
from kgraph.query.output import RESULT_FORMATS
from kgraph.resolve.review import KINDS

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 some documents skipped (outputs written), a failed check or a failed "
    "server; 2 usage error; 3 failed with nothing written."
)


def _work_options(jobs: int | None, quiet: bool, executor: str | None, cache_dir: Path | None) -> dict[str, Any]:
    """How a command that builds runs the work, and the build cache it reuses (by default the
    one `kgraph build` left in output/, if any: a command that only exports makes none)."""
    from kgraph.api import CACHE_FOLDER

    cache = cache_dir / CACHE_FOLDER if cache_dir else Path("output") / CACHE_FOLDER
    return {
        "jobs": jobs,
        "progress": not quiet and sys.stderr.isatty(),
        "executor": executor,
        "cache": cache if cache_dir or cache.is_dir() else None,
    }


def fail(error: KgraphError) -> None:
    click.echo(f"kgraph: error: {error}", err=True)
    if isinstance(error, UsageError):
        raise SystemExit(EXIT_USAGE)
    raise SystemExit(EXIT_SKIPPED if isinstance(error, EndpointError) else EXIT_FAILED)


def build_graph(*args: Any, **kwargs: Any) -> KnowledgeGraph:
    """`kgraph.build`, imported when a command builds (start-up stays light for `query`, `--help`)."""
    from kgraph.api import build

    return build(*args, **kwargs)


class _Commands(click.Group):
    """A bug still shows its traceback, but exits 3 ("failed"), never 1 ("documents skipped")."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # `kgraph query ... | head`: the reader has all it wanted
            # stdout's buffer cannot be flushed any more: point it at nothing so exit does not try
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(EXIT_OK) from None
        except Exception:
            traceback.print_exc()
            click.echo("kgraph: internal error (a bug; please report it with the traceback above)", err=True)
            raise SystemExit(EXIT_FAILED) from None


def _cannot_write(error: OSError) -> KgraphError:
    """An output or cache folder that cannot be written: one line, no traceback."""
    return KgraphError(f"cannot write: {error.strerror or error}", error.filename)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(package_name="kgraph")
def main() -> None:
    """Turn podcast, newsletter and paper summaries into a knowledge graph."""


FC = TypeVar("FC", bound=Callable[..., Any])


def _graph_file(help_text: str) -> Callable[[FC], FC]:
    """`-g/--graph FILE`, an existing graph file (default output/graph.ttl), for the commands that read one."""
    return click.option(
        "-g",
        "--graph",
        "graph_file",
        default="output/graph.ttl",
        show_default=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help=help_text,
    )


_PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
_JOBS = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for per-document work  [default: number of cores]",
)
_QUIET = click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
_EXECUTOR = click.option(
    "--executor", metavar="dask://HOST:PORT", help="Run the work on this Dask cluster (the cache stays here)."
)
_CACHE_FROM = click.option(
    "--cache-from",
    "cache_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Reuse (and update) the cache of a build into this folder  [default: output, if built]",
)
_BASE_IRI = click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base of the data IRIs.")
_ALIASES = click.option(
    "--aliases",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file of names to merge or keep apart (see README).",
)


@main.command(epilog=EXIT_CODES_HELP)
@_PATHS
@click.option(
    "-o",
    "--output",
    "output_dir",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for graph.ttl, graph.html, report.json.",
)
@_BASE_IRI
@_ALIASES
@_JOBS
@click.option("--no-cache", is_flag=True, help="Redo everything (ignore and leave OUTPUT/.kgraph-cache alone).")
@_QUIET
@click.option(
    "--executor",
    metavar="dask://HOST:PORT",
    help="Run the per-document and per-episode work on this Dask cluster (the cache stays here).",
)
@click.option("--html-focus", metavar="NAME", help="graph.html shows only NAME's neighbourhood.")
@click.option("--html-depth", default=2, show_default=True, type=click.IntRange(0), help="Hops around --html-focus.")
@click.option(
    "--html-max-nodes",
    type=click.IntRange(1),
    default=DEFAULT_MAX_NODES,
    show_default=True,
    help="graph.html keeps the N most connected nodes (and the claims of their episodes, up to N).",
)
def build(
    paths: tuple[Path, ...],
    output_dir: Path,
    base_iri: str,
    aliases: Path | None,
    jobs: int | None,
    no_cache: bool,
    quiet: bool,
    executor: str | None,
    html_focus: str | None,
    html_depth: int,
    html_max_nodes: int,
) -> None:
    """Build the graph from summaries in PATHS (files or folders; default: seeds/).

    Results are cached in OUTPUT/.kgraph-cache (safe to delete), so a rebuild redoes only what
    changed; `kgraph export` into the same OUTPUT reuses them."""
    from kgraph.build.stamp import DEFAULT_OUTPUTS
    from kgraph.build.store import FOLDER as CACHE_FOLDER

    html_options = HtmlOptions(focus=html_focus, depth=html_depth, max_nodes=html_max_nodes)
    formats = DEFAULT_OUTPUTS
    inputs = list(paths) or [Path("seeds")]
    stamp_key = None
    options: list[str] | None = None  # what the stamp keys besides the documents
    reading = None  # read once: the stamp keys the documents, the build takes them
    if not no_cache:
        from kgraph.build import stamp
        from kgraph.build.inputs import Reading

        alias_text = _file_text(aliases)
        options = None if alias_text is None else [base_iri, alias_text, *formats, repr(html_options)]
        try:
            reading = Reading(inputs)
            # with no stamp that could match, the build reads the documents as its workers extract them
            if options is not None and stamp.may_match(output_dir):
                stamp_key = stamp.outputs_key(reading.read_all(), output_dir, options)
        except (KgraphError, OSError):
            reading = None  # the build says why
        done = stamp.current(output_dir, stamp_key[0]) if stamp_key else None
        if done is not None:  # nothing changed: the outputs in place are what a build would write
            assert stamp_key is not None
            *summary, wrote = done.lines
            for line in summary:
                click.echo(line)
            if stamp_key[1]:
                click.echo(f"cache: {stamp_key[1]} documents reused, 0 extracted")
            click.echo(wrote)
            sys.exit(done.exit_code)
        stamp.forget(output_dir)
    try:
        graph = build_graph(
            inputs,
            base_iri=base_iri,
            aliases=aliases,
            jobs=jobs,
            cache=None if no_cache else output_dir / CACHE_FOLDER,
            progress=not quiet and sys.stderr.isatty(),
            executor=executor,
            formats=formats,
            inputs=reading,
        )
        written = graph.write(output_dir, formats, html_options=html_options)
    except KgraphError as error:
        fail(error)
        return
    except OSError as error:
        fail(_cannot_write(error))
        return
    for line in graph.report.summary_lines():
        click.echo(line)
    # what the page's cap left out is said here, not only counted
    page_lines = ["graph.html: " + w["warning"] for w in graph.report.warnings if w["file"] == "graph.html"]
    wrote = "wrote " + ", ".join(str(path) for path in written)
    for line in [*page_lines, wrote]:
        click.echo(line)
    exit_code = EXIT_OK if graph.report.ok else EXIT_SKIPPED
    if options is not None and reading is not None and reading.complete:
        from dataclasses import replace

        lines = [*replace(graph.report, cache_hits=0).summary_lines(), *page_lines, wrote]
        stamp.record(output_dir, stamp.outputs_key(reading.inputs, output_dir, options)[0], written, lines, exit_code)
    sys.exit(exit_code)


def _file_text(path: Path | None) -> str | None:
    """The file's bytes as text for a key ("" for no file); None when it cannot be read."""
    if path is None:
        return ""
    try:
        return path.read_bytes().decode("utf-8", errors="surrogateescape")
    except OSError:
        return None


def _read_parameters(values: tuple[str, ...]) -> dict[str, str]:
    from kgraph.query import parse_parameter

    return dict(parse_parameter(value) for value in values)


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("query", required=False)
@click.option("-n", "--name", help="Run a shipped query by name (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the shipped queries and exit.")
@_graph_file("Graph file to query: .ttl, .nt, .nq or .trig (named graphs are merged).")
@click.option("--endpoint", help="Query this SPARQL endpoint (e.g. http://127.0.0.1:7878/query), not a file.")
@click.option(
    "-f",
    "--format",
    "result_format",
    default="table",
    show_default=True,
    type=click.Choice(list(RESULT_FORMATS)),
    help="Format of SELECT/ASK results.",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE (a name, or <IRI>); repeatable.",
)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Allow SERVICE clauses (they make requests to other servers); refused by default.",
)
def query(
    query: str | None,
    name: str | None,
    list_queries: bool,
    graph_file: Path,
    endpoint: str | None,
    result_format: str,
    params: tuple[str, ...],
    allow_service: bool,
) -> None:
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT) on the graph.

    QUERY is the query text or @FILE.rq; or use --name for a shipped query.
    CONSTRUCT results are printed as Turtle. Prefixes kg:, schema:, skos:, prov:, rdf:, rdfs:,
    owl: and xsd: are predeclared. The shipped queries match a --param name ignoring case, by
    label or alias; when a --param value names nothing, stderr says so and suggests the closest
    names in the graph."""
    from kgraph.query import QueryForm, format_result, query_text, run_query, shipped_queries, shipped_query

    try:
        if list_queries:
            for shipped in shipped_queries():
                click.echo(f"{shipped.name}\n    {shipped.description}")
                for parameter, meaning in shipped.parameters.items():
                    click.echo(f"    --param {parameter}=...  {meaning}")
            return
        if (query is None) == (name is None):
            raise UsageError("give a QUERY (text or @file.rq) or --name NAME (see --list)")
        if name is not None:
            text, source = shipped_query(name).text, name
        else:
            assert query is not None  # exactly one of QUERY and --name, checked above
            text, source = query_text(query)
        parameters = _read_parameters(params)
        result = run_query(
            text,
            graph=None if endpoint else graph_file,
            endpoint=endpoint,
            parameters=parameters,
            source=source,
            allow_service=allow_service,
        )
        click.echo(format_result(result, result_format), nl=False)
    except KgraphError as error:
        fail(error)
        return
    if parameters and result.form is QueryForm.SELECT and not result.rows:
        _hint_no_rows(parameters, graph_file, endpoint, ignore_case=name is not None)


def _hint_no_rows(parameters: dict[str, str], graph_file: Path, endpoint: str | None, ignore_case: bool) -> None:
    """A --param value that names nothing: say so on stderr (the answer itself was right)."""
    from kgraph.query.hints import no_rows_hint

    try:
        hint = no_rows_hint(
            parameters, graph=None if endpoint else graph_file, endpoint=endpoint, ignore_case=ignore_case
        )
    except KgraphError:
        return
    if hint:
        click.echo(f"kgraph: {hint}", err=True)


@main.command(epilog=EXIT_CODES_HELP)
@_PATHS
@click.option("-f", "--format", "format_name", help="Output format (see --list).")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File (a folder for neo4j) to write; default output/graph.EXT.",
)
@click.option("--list", "list_formats", is_flag=True, help="List the export formats and exit.")
@_BASE_IRI
@_ALIASES
@_JOBS
@_QUIET
@_EXECUTOR
@_CACHE_FROM
def export(
    paths: tuple[Path, ...],
    format_name: str | None,
    output: Path | None,
    list_formats: bool,
    base_iri: str,
    aliases: Path | None,
    jobs: int | None,
    quiet: bool,
    executor: str | None,
    cache_dir: Path | None,
) -> None:
    """Build the graph from summaries in PATHS (default: seeds/) and write it in one format.

    Reuses the cache of a build into --cache-from (default: output/): after `kgraph build`,
    only what the format needs is made."""
    from kgraph.outputs.formats import formats, get_format

    try:
        if list_formats:
            for output_format in formats():
                click.echo(f"{output_format.name:10} {output_format.description}")
            return
        if format_name is None:
            raise UsageError("--format is required (see kgraph export --list)")
        output_format = get_format(format_name)
        graph = build_graph(
            list(paths) or [Path("seeds")],
            base_iri=base_iri,
            aliases=aliases,
            **_work_options(jobs, quiet, executor, cache_dir),
        )
        extension = output_format.extension
        default_name = f"graph{extension}" if extension else output_format.name  # neo4j: a folder
        target = output or Path("output") / default_name
        graph.write_format(output_format.name, target)
    except KgraphError as error:
        fail(error)
        return
    except OSError as error:
        fail(_cannot_write(error))
        return
    for line in graph.report.summary_lines():
        click.echo(line, err=True)
    click.echo(f"wrote {target}")
    sys.exit(EXIT_OK if graph.report.ok else EXIT_SKIPPED)


@main.command(epilog=EXIT_CODES_HELP)
@_PATHS
@click.option(
    "--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph)."
)
@click.option(
    "-g",
    "--graph",
    "graph_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Push this .trig/.nq file (its named graphs) instead of building from PATHS.",
)
@_BASE_IRI
@_ALIASES
@_JOBS
@_QUIET
@_EXECUTOR
@_CACHE_FROM
def push(
    paths: tuple[Path, ...],
    endpoint: str,
    graph_file: Path | None,
    base_iri: str,
    aliases: Path | None,
    jobs: int | None,
    quiet: bool,
    executor: str | None,
    cache_dir: Path | None,
) -> None:
    """Send the graph to a SPARQL server, replacing each episode's named graph (PUT)."""
    from kgraph.http import parse_endpoint
    from kgraph.outputs.push import push_quads
    from kgraph.outputs.read import read_quads

    try:
        parse_endpoint(endpoint)  # a malformed URL is a usage error before any build
        if graph_file is not None:
            if paths:
                raise UsageError("give summary PATHS or --graph FILE, not both")
            quads = read_quads(graph_file)
        else:
            graph = build_graph(
                list(paths) or [Path("seeds")],
                base_iri=base_iri,
                aliases=aliases,
                **_work_options(jobs, quiet, executor, cache_dir),
            )
            quads = graph.quads
        report = push_quads(quads, endpoint)
    except KgraphError as error:
        fail(error)
        return
    click.echo(f"pushed {report.graphs} graphs, {report.triples} triples to {report.endpoint}")


@main.command(epilog=EXIT_CODES_HELP)
@_graph_file("Graph file: .ttl, .nt, .nq or .trig.")
@click.option(
    "--shapes",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="SHACL shapes to use instead of the shipped ontology/shapes.ttl.",
)
def validate(graph_file: Path, shapes: Path | None) -> None:
    """Check the graph against the project's SHACL shapes; exit 1 on any violation."""
    from kgraph.outputs.read import read_quads
    from kgraph.outputs.validate import validate_quads

    try:
        violations = validate_quads(read_quads(graph_file), shapes)
    except KgraphError as error:
        fail(error)
        return
    for violation in violations:
        click.echo(str(violation))
    if violations:
        click.echo(f"{graph_file}: {len(violations)} SHACL violation(s)", err=True)
        sys.exit(EXIT_SKIPPED)
    click.echo(f"{graph_file}: conforms to the SHACL shapes")


@main.command("aliases")
@_PATHS
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The report.json of a build to review  [default: output/report.json]",
)
@click.option(
    "--toml",
    "as_toml",
    is_flag=True,
    help="Print alias-file TOML instead: each candidate as a commented-out [[merge]], each "
    "merge as a commented-out [[separate]] that would undo it.",
)
@click.option("--kind", type=click.Choice(KINDS), help="Only decisions about this kind of node.")
@_ALIASES
def aliases_command(
    paths: tuple[Path, ...], report_file: Path | None, as_toml: bool, kind: str | None, aliases: Path | None
) -> None:
    """Show what identity resolution merged and the near misses it kept apart, with the reason
    and evidence of each, to turn into alias-file rules.

    Reads a build's report.json, or builds from PATHS (files or folders) without writing
    anything. With --toml, the output is an alias file whose rules are commented out:
    uncomment the ones you agree with and build again with --aliases FILE."""
    from kgraph.resolve.review import alias_toml, decisions_from_json, read_decisions, review_text

    try:
        if paths and report_file is not None:
            raise UsageError("give summary PATHS or --report FILE, not both")
        if paths:
            graph = build_graph(list(paths), aliases=aliases)
            decisions, source, ok = decisions_from_json(graph.report.identity), "", graph.report.ok
            for line in graph.report.summary_lines():
                click.echo(line, err=True)
        else:
            if aliases is not None:
                raise UsageError("--aliases applies when building from PATHS (a report is already built)")
            report_file = report_file or Path("output/report.json")
            decisions, source, ok = read_decisions(report_file), str(report_file), True
    except KgraphError as error:
        fail(error)
        return
    decisions = [decision for decision in decisions if kind is None or decision.kind == kind]
    click.echo((alias_toml if as_toml else review_text)(decisions, source), nl=False)
    sys.exit(EXIT_OK if ok else EXIT_SKIPPED)
