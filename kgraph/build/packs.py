"""The store's files (`kgraph.build.store`): pack files of records, and the index of each pack.

A record is a header (`_HEAD`: magic, namespace and key lengths, content length, checksum), the
namespace and key, then the content. A pack is records appended one after another by one store
while it holds the folder's lock. Its index, written atomically beside it, maps (namespace, key)
to (offset, size) of the record, and ends with a SHA-256 over everything before it."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import re
import struct
import time

PACKS = "packs"  # the folder of pack and index files, under the store's folder
PACK, INDEX = ".pack", ".index"
NAME = re.compile(r"[0-9a-f]{16}-[0-9]+-[0-9]+")  # a pack's id: time, process, counter
_HEAD = struct.Struct(">4sHHQ32s")  # magic, namespace length, key length, content length, checksum
_RECORD_MAGIC = b"kgr5"
_INDEX_MAGIC = b"kgraph-index-5\n"
_DIGEST = 32
_numbers = itertools.count()

# an index's entries: namespace -> key -> (offset, size) of the record in its pack
Entries = dict[str, dict[str, tuple[int, int]]]


def new_name() -> str:
    """A pack id never used before, in this folder or any other (so a reference to it is valid or its file is gone)."""
    return f"{time.time_ns():016x}-{os.getpid()}-{next(_numbers)}"


def record_parts(namespace: str, key: str, checksum: bytes, content: bytes) -> tuple[bytes, bytes, bytes]:
    names = f"{namespace}{key}".encode("ascii")
    return _HEAD.pack(_RECORD_MAGIC, len(namespace), len(key), len(content), checksum), names, content


def content_start(namespace: str, key: str) -> int:
    return _HEAD.size + len(namespace) + len(key)


def record_checksum(record: bytes, namespace: str, key: str) -> bytes | None:
    """The checksum a record says its content has, if the record is whole and is `namespace`'s `key`."""
    if len(record) < _HEAD.size:
        return None
    magic, namespace_size, key_size, content_size, checksum = _HEAD.unpack_from(record)
    start = _HEAD.size + namespace_size + key_size
    if (
        magic != _RECORD_MAGIC
        or len(record) != start + content_size
        or record[_HEAD.size : start] != f"{namespace}{key}".encode("ascii")
        or namespace_size != len(namespace)
    ):
        return None
    return checksum


def write_index(path: str, entries: Entries) -> None:
    """Atomically (a temporary file renamed over `path`)."""
    lines = [
        f"{namespace} {key} {offset} {size}\n"
        for namespace in sorted(entries)
        for key, (offset, size) in entries[namespace].items()
    ]
    body = _INDEX_MAGIC + "".join(lines).encode("ascii")
    temporary = f"{os.path.dirname(path)}/.tmp-{new_name()}"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            rest = body + hashlib.sha256(body).digest()
            while rest:
                rest = rest[os.write(descriptor, rest) :]
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_index(data: bytes) -> Entries | None:
    """The entries of an index file's bytes; None if they are not a whole index."""
    body, digest = data[:-_DIGEST], data[-_DIGEST:]
    if len(data) < len(_INDEX_MAGIC) + _DIGEST or not body.startswith(_INDEX_MAGIC):
        return None
    if hashlib.sha256(body).digest() != digest:
        return None
    entries: Entries = {}
    try:
        for line in body[len(_INDEX_MAGIC) :].decode("ascii").splitlines():
            namespace, key, offset, size = line.split(" ")
            entries.setdefault(namespace, {})[key] = (int(offset), int(size))
    except ValueError:
        return None
    return entries


class Pack:
    """A pack file as a store knows it: its entries (from its index, or appended by that store)."""

    __slots__ = ("name", "path", "index", "entries", "mine", "written", "size", "index_identity", "dirty")

    def __init__(self, folder: str, name: str, entries: Entries):
        self.name = name
        self.path = f"{folder}/{name}{PACK}"
        self.index = f"{folder}/{name}{INDEX}"
        self.entries = entries
        self.mine = False  # appended by that store: read back unchecked while `written` holds
        self.written: tuple[int, ...] | None = None  # the pack's `_identity` after the store's last append
        self.size = 0  # bytes the store appended (a pack of its own)
        self.index_identity: tuple[int, ...] | None = None  # of the index file as read or written
        self.dirty = False  # its entries changed since its index was read or written

    def live_bytes(self) -> int:
        return sum(size for keys in self.entries.values() for _offset, size in keys.values())


def unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def file_size(path: str) -> int | None:
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return None
