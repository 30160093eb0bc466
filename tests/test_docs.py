"""The README documents every command, option and format, and its examples run as written
(in the manner of sqlite-utils' docs tests)."""

from __future__ import annotations

import importlib
import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.outputs.formats import formats

from .conftest import CORPUS, ROOT, SEEDS

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w*)\n(.*?)^```", README, re.S | re.M)
COMMANDS = sorted(main.commands.items())


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_and_option_is_in_the_readme(name: str, command: click.Command) -> None:
    assert f"kgraph {name}" in README
    for parameter in command.params:
        if isinstance(parameter, click.Option) and parameter.name != "help":
            written = [opt for opt in parameter.opts if re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", README)]
            assert written, f"kgraph {name} {max(parameter.opts, key=len)} is not documented"


@pytest.mark.parametrize("name", [f.name for f in formats()])
def test_every_export_format_is_in_the_readme(name: str) -> None:
    assert f"`{name}`" in README


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder like a checkout: seeds/ to read, output/ built, the query fixtures' corpus beside."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(ROOT / "kgraph" / "queries", tmp_path / "kgraph" / "queries")  # `@kgraph/queries/...`
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["build", "-q"]).exit_code == 0
    return tmp_path


@pytest.mark.slow  # a build per example
def test_the_python_examples_run(workspace: Path) -> None:
    namespace: dict[str, object] = {}
    examples = [body for language, body in BLOCKS if language == "python"]
    assert len(examples) >= 3
    for example in examples:
        exec(compile(example, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert (workspace / "output" / "graph.trig").is_file() and (workspace / "output" / "neo4j").is_dir()


def _command_lines() -> list[str]:
    lines = []
    for _language, body in BLOCKS:
        for line in body.splitlines():
            line = line.removeprefix("$ ").split("  #")[0].strip()
            if line.startswith("kgraph ") and "&&" not in line and "--endpoint" not in line:
                lines.append(line.split(" > ")[0])
    return lines


@pytest.mark.slow
@pytest.mark.parametrize("line", _command_lines())
def test_the_command_examples_run(workspace: Path, line: str) -> None:
    if "../shared/corpus" in line:
        if not CORPUS.exists():
            pytest.skip("../shared/corpus is absent")
        line = line.replace("../shared/corpus", str(CORPUS))
    arguments = shlex.split(line)[1:]
    if "broken.ttl" in line or "Helios" in line:  # examples of a failure: the README shows what they print
        pytest.skip("an example of an error on a file the reader does not have")
    if "--aliases" in line:
        (workspace / "aliases.toml").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, arguments)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    expected = 2 if "foaf:name" in line else 0  # the documented syntax error
    assert result.exit_code == expected, result.output


def test_the_documented_syntax_error_is_what_kgraph_prints(workspace: Path) -> None:
    shown = re.search(r"^\$ (kgraph query 'SELECT \* WHERE \{ \?s foaf:name \?o \}')\n(.*)$", README, re.M)
    assert shown is not None
    result = CliRunner().invoke(main, shlex.split(shown.group(1))[1:])
    assert result.output.strip() == shown.group(2).strip()


def test_the_module_paths_the_readme_names_exist() -> None:
    """`kgraph/...` files and `kgraph.x.y` names in the README are where it says (the layout moves)."""
    paths = re.findall(r"`(kgraph/[\w/.{},*-]*)`", README)
    assert len(paths) >= 10
    for written in paths:
        expanded = re.sub(r"\{([^}]*)\}", lambda m: m.group(1).split(",")[0], written)  # page.{html,css,js}
        assert list(ROOT.glob(expanded)), f"README names {written}, which does not exist"
    names = set(re.findall(r"`(kgraph(?:\.\w+)+)", README)) | set(
        re.findall(r"^from (kgraph[\w.]*) import", README, re.M)
    )
    assert len(names) >= 5
    for name in names:
        module, attribute = name, None
        while True:
            try:
                imported = importlib.import_module(module)
                break
            except ModuleNotFoundError:
                module, attribute = module.rsplit(".", 1)[0], module.rsplit(".", 1)[1]
        assert Path(imported.__file__ or "").is_relative_to(ROOT / "kgraph"), f"README names {name}, not in kgraph/"
        assert attribute is None or hasattr(imported, attribute), f"README names {name}, which does not exist"
