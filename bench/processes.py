"""What the benchmark scripts share about the processes they measure."""

from __future__ import annotations

import compileall
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def environment() -> dict[str, str]:
    """The processes measured run this checkout, from bytecode, as an installed kgraph does (pip
    compiles it at install; this machine's shells set PYTHONDONTWRITEBYTECODE, which would make
    every process compile kgraph's sources again)."""
    compileall.compile_dir(ROOT / "kgraph", quiet=1)
    variables = {**os.environ, "PYTHONPATH": str(ROOT)}
    variables.pop("PYTHONDONTWRITEBYTECODE", None)
    return variables
