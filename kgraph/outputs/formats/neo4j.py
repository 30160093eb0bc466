"""Neo4j bulk-import CSV: a folder with one node file per label and one relationship file per
(type, start label, end label), headers in the `neo4j-admin database import` format, plus
`import.sh` with the exact command. Kuzu loads the same files (tests/test_kuzu.py)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.errors import UsageError
from kgraph.outputs.formats import register
from kgraph.outputs.property_graph import (
    NodeTable,
    RelationshipTable,
    Value,
    node_tables,
    relationship_tables,
)

if TYPE_CHECKING:
    from kgraph.outputs.formats import GraphData

ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(item.replace(ARRAY_DELIMITER, ",") for item in value)
    return str(value)


def _csv(header: list[str], rows: Sequence[tuple[Value, ...]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def node_header(table: NodeTable) -> list[str]:
    header = []
    for column, kind in table.columns:
        if column == "iri":
            header.append("iri:ID")
        else:
            header.append(column if kind == "string" else f"{column}:{kind}")
    return header


def import_command(nodes: list[NodeTable], relationships: list[RelationshipTable]) -> str:
    lines = [
        "#!/bin/sh",
        "# Load this folder into an empty Neo4j database (run from this folder).",
        "neo4j-admin database import full neo4j --overwrite-destination \\",
        "  --multiline-fields=true --array-delimiter=';' \\",
    ]
    lines += [f"  --nodes={table.label}=nodes/{table.label}.csv \\" for table in nodes if table.rows]
    lines += [f"  --relationships={table.type}=relationships/{table.name}.csv \\" for table in relationships]
    lines[-1] = lines[-1].removesuffix(" \\")
    return "\n".join(lines) + "\n"


MARKER = ".kgraph-neo4j-export"  # names a folder kgraph wrote, so a later export may replace it
_OURS = {MARKER, "import.sh", "nodes", "relationships"}


def _check_replaceable(folder: Path) -> None:
    """Only a new or empty folder, or one that holds nothing but a previous export of ours, is replaced."""
    if folder.is_symlink() or folder.exists() and not folder.is_dir():
        raise UsageError("not a folder; give a new or empty folder for the neo4j export", folder)
    entries = sorted(entry.name for entry in folder.iterdir()) if folder.exists() else []
    if not entries:
        return
    if MARKER not in entries:
        raise UsageError("not replacing a folder that kgraph did not write (give a new or empty folder)", folder)
    foreign = [name for name in entries if name not in _OURS]
    if foreign:
        raise UsageError(f"not replacing a previous export that now also holds {foreign[0]!r}", folder)


def write_neo4j_folder(kg: GraphData, folder: Path) -> None:
    folder = Path(os.path.abspath(folder))  # `-o .` must not stage inside the folder it replaces
    _check_replaceable(folder)
    nodes, relationships = node_tables(kg.nx), relationship_tables(kg.nx)
    files = {f"nodes/{table.label}.csv": _csv(node_header(table), table.rows) for table in nodes if table.rows}
    files.update(
        {f"relationships/{table.name}.csv": _csv([":START_ID", ":END_ID"], table.rows) for table in relationships}
    )
    files["import.sh"] = import_command(nodes, relationships)
    files[MARKER] = "This folder was written by `kgraph export --format neo4j`; a later export replaces it whole.\n"
    # Build next to the target, then swap it in: no reader ever sees half a folder.
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        for name, text in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_text(text, encoding="utf-8")
        staging.chmod(0o755)
        if folder.exists():
            shutil.rmtree(folder)  # checked below: only a previous export or an empty folder
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


register("neo4j", "", "Neo4j bulk-import CSV folder (nodes/, relationships/, import.sh)")(write_neo4j_folder)
