"""The whole-output stamp: what `kgraph build` last wrote into an output folder, and from what.

A rebuild with nothing changed should cost about what reading the inputs costs. The stamp
(`OUT/.kgraph-cache/outputs.json`) holds a complete key of the outputs, the size and hash of
every file written, and what the build printed. Its key covers kgraph's code and libraries
(`code_version`), every document's key (`kgraph.build.keys.document_key`: path, text, transcript),
every document skipped and why, the base IRI, the alias file's bytes, the formats, the page's
options and the output folder. When the key matches and every file is still the one written, the
outputs are left in place and the build prints what it printed then: the same bytes a full
rebuild writes, because each of them is a function of what the key holds.

Nothing here is trusted blindly: a stamp that cannot be read is damaged (a warning, then the
build runs); a file changed or missing since the stamp means the build runs. With no stamp that
could match (`may_match`), the build does not read every document before it starts: it keys them
as its workers extract them, and the stamp is keyed after it. This module imports only the
readers, so a nothing-changed rebuild never loads the extractors, the resolver or the writers."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from kgraph.build.hashing import hash_parts
from kgraph.build.inputs import Input
from kgraph.build.store import FOLDER
from kgraph.build.version import code_version

STAMP = "outputs.json"  # in the cache folder
DEFAULT_OUTPUTS = ("turtle", "html")  # what `kgraph build` writes (`kgraph.api` has it too)
_VERSION = 2  # 2: SHA-256 file hashes
log = logging.getLogger("kgraph")


@dataclass(frozen=True)
class Stamp:
    key: str
    files: dict[str, tuple[int, str]]  # file name in the output folder -> (size, SHA-256)
    lines: list[str]  # what the build printed, without its cache line
    exit_code: int


def outputs_key(inputs: list[Input], output_dir: Path, options: list[str]) -> tuple[str, int]:
    """The key of the outputs a build of `inputs` (see `kgraph.build.inputs`) into `output_dir`
    with `options` (everything else that changes them, as text: base IRI, alias file bytes,
    formats, page options) writes, and how many documents it reads."""
    documents = 0
    parts = ["outputs", str(_VERSION), code_version(), str(output_dir), *options]
    for read in inputs:
        if read.error is not None:
            parts.append(f"skipped\x01{read.candidate.source}\x01{read.error.message}\x01{read.error.line}")
        elif read.key:
            parts.append(read.key)
            documents += 1
    return hash_parts(parts), documents


def _file_hash(path: Path) -> tuple[int, str]:
    # SHA-256, as the store's checksums: OpenSSL's runs on the processor's SHA instructions (0.084 s
    # of CPU per 100 MB here against 0.10 for blake2b), and a 10,000-document build stamps a 426 MB graph.ttl
    with path.open("rb") as stream:
        digest = hashlib.file_digest(stream, "sha256")
        return os.fstat(stream.fileno()).st_size, digest.hexdigest()


def _stamp_path(output_dir: Path) -> Path:
    return output_dir / FOLDER / STAMP


def read_stamp(output_dir: Path) -> Stamp | None:
    """The stamp in `output_dir`; None when there is none, or it is damaged (with a warning)."""
    path = _stamp_path(output_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        stamp = Stamp(
            key=data["key"],
            files={name: (size, digest) for name, (size, digest) in data["files"].items()},
            lines=data["lines"],
            exit_code=data["exit_code"],
        )
        if data["version"] != _VERSION:
            return None
        if not (
            isinstance(stamp.key, str)
            and all(isinstance(size, int) and isinstance(digest, str) for size, digest in stamp.files.values())
            and stamp.lines
            and all(isinstance(line, str) for line in stamp.lines)
            and stamp.exit_code in (0, 1)
        ):
            raise ValueError("a field has the wrong type")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.warning("output stamp %s is damaged (%s): building again", path, error)
        return None
    return stamp


def may_match(output_dir: Path) -> bool:
    """Whether `output_dir` has a stamp that a key could match: one that can be read, whose files
    are all there at their sizes (without it a build need not key its documents before it starts)."""
    stamp = read_stamp(output_dir)
    if stamp is None or not stamp.files:
        return False
    for name, (size, _digest) in stamp.files.items():
        try:
            if (output_dir / name).stat().st_size != size:
                return False
        except OSError:
            return False
    return True


def current(output_dir: Path, key: str) -> Stamp | None:
    """The stamp when it was made under `key` and every file it lists is still the one written."""
    stamp = read_stamp(output_dir)
    if stamp is None or stamp.key != key or not stamp.files:
        return None
    for name, written in stamp.files.items():
        try:
            if _file_hash(output_dir / name) != written:
                return None
        except OSError:
            return None
    return stamp


def forget(output_dir: Path) -> None:
    """Remove the stamp (before the outputs it describes are replaced)."""
    with contextlib.suppress(FileNotFoundError):
        _stamp_path(output_dir).unlink()


def record(output_dir: Path, key: str, written: list[Path], lines: list[str], exit_code: int) -> None:
    """Stamp the files just `written` into `output_dir` (a folder output is not stamped: the
    next build remakes it)."""
    if any(path.parent != output_dir or not path.is_file() for path in written):
        return
    path = _stamp_path(output_dir)
    if not path.parent.is_dir():
        return  # no cache folder: nothing is kept
    data = {
        "version": _VERSION,
        "key": key,
        "files": {file.name: list(_file_hash(file)) for file in written},
        "lines": lines,
        "exit_code": exit_code,
    }
    temporary = path.with_name(f".{STAMP}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, path)
