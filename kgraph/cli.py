"""Command line: parse options, call the library, print, map errors to exit codes.

Exit codes: 0 everything built; 1 some documents skipped (outputs still written) or a failed
check; 2 usage error (bad option, bad file argument, bad query)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kgraph.api import CACHE_FOLDER
from kgraph.api import build as build_graph
from kgraph.errors import KgraphError, UsageError
from kgraph.vocab import DEFAULT_BASE_IRI

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def fail(error: KgraphError) -> None:
    click.echo(f"kgraph: error: {error}", err=True)
    raise SystemExit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_SKIPPED)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kgraph")
def main() -> None:
    """Turn podcast, newsletter and paper summaries into a knowledge graph."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output_dir", default="output", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder for graph.ttl, graph.html, report.json.")
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base of the data IRIs.")
@click.option("--aliases", type=click.Path(dir_okay=False, path_type=Path),
              help="TOML file of names to merge or keep apart (see README).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes for per-document work  [default: number of cores]")
@click.option("--no-cache", is_flag=True, help="Redo every document (ignore and leave OUTPUT/.cache alone).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build(paths: tuple[Path, ...], output_dir: Path, base_iri: str, aliases: Path | None,
          jobs: int | None, no_cache: bool, quiet: bool) -> None:
    """Build the graph from summaries in PATHS (files or folders; default: seeds/).

    Per-document results are cached in OUTPUT/.cache (safe to delete), so a rebuild redoes only
    the documents that changed."""
    try:
        graph = build_graph(list(paths) or [Path("seeds")], base_iri=base_iri, aliases=aliases, jobs=jobs,
                            cache=None if no_cache else output_dir / CACHE_FOLDER,
                            progress=not quiet and sys.stderr.isatty())
        written = graph.write(output_dir)
    except KgraphError as error:
        fail(error)
        return
    for line in graph.report.summary_lines():
        click.echo(line)
    click.echo("wrote " + ", ".join(str(path) for path in written))
    sys.exit(EXIT_OK if graph.report.ok else EXIT_SKIPPED)
