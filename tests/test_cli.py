"""The command line through click's CliRunner: exit codes, messages, outputs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main

from .conftest import SEEDS

REPO = Path(__file__).resolve().parent.parent


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_build_writes_the_three_outputs(tmp_path):
    result = _run("build", str(SEEDS), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert {p.name for p in tmp_path.iterdir()} >= {"graph.ttl", "graph.html", "report.json"}
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["documents"] == {"read": 1, "built": 1, "skipped": 0}
    assert report["counts"]["Claim"] == 24
    assert "documents: 1 read, 1 built, 0 skipped" in result.output
    assert "Claim 24" in result.output


def test_base_iri_option(tmp_path):
    result = _run("build", str(SEEDS), "-o", str(tmp_path), "--base-iri", "https://example.org/kg/")
    assert result.exit_code == 0
    turtle = (tmp_path / "graph.ttl").read_text()
    assert "https://example.org/kg/person/bill-peebles" in turtle
    assert "w3id.org/kgraph/id/" not in turtle


@pytest.mark.parametrize("base_iri", ["not an iri", "https://example.org/my graph/"])
def test_bad_base_iri_is_a_usage_error(tmp_path, base_iri):
    # The second looks like an IRI but has a space: the writers would otherwise emit broken RDF.
    result = _run("build", str(SEEDS), "-o", str(tmp_path), "--base-iri", base_iri)
    assert result.exit_code == 2
    assert "--base-iri" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "graph.ttl").exists()


def test_missing_input_is_a_usage_error(tmp_path):
    result = _run("build", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
    assert not (tmp_path / "out").exists()


def _seed_corpus(tmp_path, *names: str):
    """A corpus folder holding the seed under each of `names`."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in names:
        shutil.copy(next(SEEDS.iterdir()), corpus / name)
    return corpus


def _built_one_of_two(result, out):
    assert result.exit_code == 1
    report = json.loads((out / "report.json").read_text())
    assert report["documents"] == {"read": 2, "built": 1, "skipped": 1}
    assert (out / "graph.ttl").stat().st_size > 1000


def test_a_bad_document_is_skipped_and_the_rest_builds(tmp_path):
    corpus = _seed_corpus(tmp_path, "good.md")
    (corpus / "bad.md").write_bytes(b"**Podcast:** X\n\xff\xfe broken")
    result = _run("build", str(corpus), "-o", str(tmp_path / "out"))
    _built_one_of_two(result, tmp_path / "out")
    assert "skipped bad.md: line 2: not UTF-8" in result.output


def test_a_document_that_sets_off_a_bug_is_skipped_and_named_and_the_rest_builds(tmp_path, monkeypatch):
    import kgraph.build.workers

    corpus = _seed_corpus(tmp_path, "good.md", "odd.md")
    real = kgraph.build.workers.extract_source

    def extract(document):  # an extractor's bug that only this document's content sets off
        if document.source == "odd.md":
            raise IndexError("list index out of range\n\x1b[2Jand a second line")
        return real(document)

    monkeypatch.setattr(kgraph.build.workers, "extract_source", extract)
    result = _run("build", str(corpus), "-o", str(tmp_path / "out"), "-j", "1", "--no-cache")
    _built_one_of_two(result, tmp_path / "out")
    # where kgraph's code called what raised (the patched extractor stands outside kgraph)
    assert "skipped odd.md: kgraph failed to extract it (IndexError at workers.py:" in result.output
    # one line, its controls escaped
    assert ": list index out of range \\x1b[2Jand a second line; a bug, please report it)" in result.output


def test_a_bug_is_placed_at_the_innermost_of_kgraphs_own_frames(monkeypatch):
    """Raised inside a library kgraph called, the error is placed where kgraph called it (the
    library's file and line say nothing of which of kgraph's calls went wrong)."""
    import kgraph.names
    from kgraph.build.workers import _bug

    def unescape(text):  # a library's code, outside kgraph
        raise ValueError("deep inside a library")

    monkeypatch.setattr(kgraph.names.html, "unescape", unescape)
    try:
        kgraph.names.fold("a name never folded before in this run")
    except ValueError as error:
        assert _bug(error, "odd.md").message.startswith("kgraph failed to extract it (ValueError at names.py:")
    else:
        raise AssertionError("fold did not call the library")


def test_a_bug_every_document_sets_off_or_a_broken_install_writes_nothing(tmp_path, monkeypatch):
    import kgraph.build.workers

    corpus = _seed_corpus(tmp_path, "a.md")
    out = tmp_path / "out"
    for error in (IndexError("list index out of range\nsecond line"), ModuleNotFoundError("No module named 'x'")):

        def extract(document, error=error):
            raise error

        monkeypatch.setattr(kgraph.build.workers, "extract_source", extract)
        result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-j", "1", "--no-cache"])
        assert result.exit_code == 3 and not out.exists()  # (no empty graph written over a good one)


def test_unknown_option_is_a_usage_error():
    result = CliRunner().invoke(main, ["build", "--frobnicate"])
    assert result.exit_code == 2


def test_alias_file_errors_are_one_line(tmp_path):
    aliases = tmp_path / "aliases.toml"
    aliases.write_text("[[merge]]\nnames = 'x'\n")
    result = _run("build", str(SEEDS), "-o", str(tmp_path / "out"), "--aliases", str(aliases))
    assert result.exit_code == 2
    assert str(aliases) in result.output and "names" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_alias_file_merges_names(tmp_path):
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[[merge]]\nnames = ["Bill Peebles", "William Peebles"]\n[[merge]]\nnames = ["OpenAI", "Sora"]\n'
    )
    result = _run("build", str(SEEDS), "-o", str(tmp_path / "out"), "--aliases", str(aliases))
    assert result.exit_code == 0, result.output
    turtle = (tmp_path / "out" / "graph.ttl").read_text()
    assert "org/sora>" not in turtle  # Sora merged into OpenAI
    assert 'skos:altLabel "Sora"' in turtle


def test_an_export_target_that_cannot_be_written_is_one_line_of_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(SEEDS), "--format", "nquads", "-o", str(blocker / "graph.nq")])
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit)  # no traceback
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr and "a-file" in result.stderr


def test_exit_codes_are_documented_in_help():
    for command in ([], ["build"], ["export"], ["query"], ["push"], ["validate"]):
        result = CliRunner().invoke(main, [*command, "--help"])
        assert "3 failed with nothing written" in " ".join(result.output.split()), command


def test_an_output_that_cannot_be_written_exits_3(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the output folder should be")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(blocker / "out"), "--no-cache"])
    assert result.exit_code == 3 and "cannot write" in result.output


def test_a_bug_exits_3_with_its_traceback(monkeypatch, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("an invented bug")

    monkeypatch.setattr("kgraph.cli.build_graph", broken)
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(tmp_path)])
    assert result.exit_code == 3
    assert "RuntimeError: an invented bug" in result.output and "internal error" in result.output


@pytest.mark.parametrize("arguments", [["--version"], ["query", "--help"], ["--help"]])
def test_light_commands_import_none_of_the_builds_libraries(arguments):
    # Start-up: `kgraph query`, `--help` and `--version` must not pay for networkx, pyvis or rdflib.
    import subprocess
    import sys

    probe = (
        "import sys; from kgraph.cli import main\n"
        f"try: main({arguments!r})\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in ('networkx', 'pyvis', 'rdflib', 'igraph', 'pydantic') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def _modules_loaded_by(arguments: list[str], modules: tuple[str, ...]) -> list[str]:
    import ast
    import subprocess
    import sys

    probe = (
        "import sys; from kgraph.cli import main\n"
        f"try: main({arguments!r})\n"
        "except SystemExit: pass\n"
        f"print(sorted(m for m in {modules!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def test_a_query_on_a_graph_file_loads_only_pyoxigraph(tmp_path):
    """A query process costs little more than pyoxigraph loading the file: no build library, no
    HTTP client (only --endpoint needs one)."""
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(out), "--no-cache", "-q"]).exit_code == 0
    arguments = ["query", "--name", "podcast-guests", "--graph", str(out / "graph.ttl"), "-f", "tsv"]
    heavy = ("networkx", "pyvis", "rdflib", "igraph", "pydantic", "markdown_it", "http.client")
    assert _modules_loaded_by(arguments, heavy) == []


def test_a_build_with_nothing_changed_loads_no_extractor_resolver_or_writer(tmp_path):
    out = tmp_path / "out"
    arguments = ["build", str(SEEDS), "-o", str(out), "-q"]
    assert CliRunner().invoke(main, arguments).exit_code == 0
    heavy = (
        "networkx",
        "pyvis",
        "rdflib",
        "igraph",
        "kgraph.extract.document",
        "kgraph.resolve.identities",
        "kgraph.api",
    )
    assert _modules_loaded_by(arguments, heavy) == []


def test_a_build_with_nothing_changed_loads_neither_the_parser_nor_importlib_metadata(tmp_path):
    """Reading the inputs to key them needs no parser (pydantic, markdown-it) and no plugin lookup:
    with those imported, a rebuild of 97 summaries cost about twice as much CPU."""
    out = tmp_path / "out"
    arguments = ["build", str(SEEDS), "-o", str(out), "-q"]
    assert CliRunner().invoke(main, arguments).exit_code == 0
    heavy = ("kgraph.parse", "kgraph.parse.document", "pydantic", "markdown_it", "nameparser", "importlib.metadata")
    assert _modules_loaded_by(arguments, heavy) == []


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    # `kgraph query ... | head`: the pipe closes while kgraph still writes
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    command = f"{sys.executable} -m kgraph query --list | true"  # the reader is gone before kgraph writes
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.stderr == "", result.stderr  # before: a BrokenPipeError traceback and exit 3
    assert result.returncode == 0


def test_a_build_reads_vis_network_from_pyvis_and_loads_neither_pyvis_nor_rdflib(tmp_path):
    from importlib import resources

    from kgraph.outputs.html.page import VIS_SCRIPT, vis_script_path

    assert vis_script_path().read_bytes() == resources.files("pyvis").joinpath(VIS_SCRIPT).read_bytes()
    arguments = ["build", str(SEEDS), "-o", str(tmp_path / "out"), "--no-cache", "-q"]
    loaded = _modules_loaded_by(arguments, ("pyvis", "IPython", "jinja2", "rdflib", "networkx", "igraph"))
    assert loaded == ["igraph"]  # the page's layout; rdflib is for library users
    assert "vis-network" in (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")


def test_a_build_draws_its_page_without_networkx(tmp_path):
    """The page's communities are found without networkx (`kgraph.outputs.html.communities`):
    importing it cost about 0.1 s a build. The exports of graph files still use it."""
    arguments = ["build", str(SEEDS), "-o", str(tmp_path / "out"), "--no-cache", "-q", "-j", "1"]
    assert _modules_loaded_by(arguments, ("networkx",)) == []
    assert 'name="kgraph-cap"' in (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    export = ["export", str(SEEDS), "-f", "graphml", "-o", str(tmp_path / "x.graphml"), "-q"]
    export += ["--cache-from", str(tmp_path / "out")]
    assert _modules_loaded_by(export, ("networkx",)) == ["networkx"]
    assert (tmp_path / "x.graphml").read_text(encoding="utf-8").startswith("<graphml")


def test_an_nquads_export_after_a_build_loads_no_extractor_page_or_graph_library(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(out), "-q", "-j", "2"]).exit_code == 0
    arguments = ["export", str(SEEDS), "-f", "nquads", "-o", str(tmp_path / "x.nq"), "-q", "--cache-from", str(out)]
    heavy = ("kgraph.extract.document", "networkx", "igraph", "pyvis", "IPython", "rdflib")
    assert _modules_loaded_by(arguments, heavy) == []
    assert (tmp_path / "x.nq").stat().st_size > 0
