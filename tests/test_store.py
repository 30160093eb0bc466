"""The store's entries: read back whole, checked against their checksum unless the store itself
wrote the file and nothing has changed it since, and never trusted once anything has."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import kgraph
from kgraph.build import store as store_module
from kgraph.build.store import FOLDER, Store

from .conftest import synthetic_corpus

KEY, OTHER = "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"
CONTENT = b"an invented entry " * 100


@pytest.fixture()
def checksums(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys whose checksum was worked out."""
    keys: list[str] = []
    real = store_module._checksum

    def counting(namespace: str, key: str, content: bytes) -> bytes:
        keys.append(key)
        return real(namespace, key, content)

    monkeypatch.setattr(store_module, "_checksum", counting)
    return keys


def test_an_entry_this_store_wrote_is_read_back_without_hashing_it_again(tmp_path: Path, checksums: list[str]) -> None:
    store = Store(tmp_path / "cache")
    store.put("nodes", KEY, CONTENT)
    assert checksums == [KEY]
    assert store.get("nodes", KEY) == CONTENT
    assert checksums == [KEY]
    # another store (the next build) checks it
    assert Store(tmp_path / "cache").get("nodes", KEY) == CONTENT
    assert checksums == [KEY, KEY]


def _flip_in_place(path: Path, other: Path) -> None:
    with path.open("r+b") as stream:
        stream.seek(-1, os.SEEK_END)
        last = stream.read(1)
        stream.seek(-1, os.SEEK_END)
        stream.write(bytes([last[0] ^ 0xFF]))


def _flip_keeping_the_times(path: Path, other: Path) -> None:
    status = path.stat()
    _flip_in_place(path, other)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # the change time still moves


def _replace_by_another_entry(path: Path, other: Path) -> None:
    os.replace(other, path)  # intact, same size, but made for another key


def _truncate(path: Path, other: Path) -> None:
    os.truncate(path, path.stat().st_size - 1)


def _append(path: Path, other: Path) -> None:
    with path.open("ab") as stream:
        stream.write(b"!")


@pytest.mark.parametrize(
    "change", [_flip_in_place, _flip_keeping_the_times, _replace_by_another_entry, _truncate, _append]
)
def test_an_entry_changed_after_this_store_wrote_it_is_damaged(tmp_path: Path, change) -> None:
    store = Store(tmp_path / "cache")
    store.put("nodes", KEY, CONTENT)
    store.put("nodes", OTHER, CONTENT)
    path = tmp_path / "cache" / "nodes" / KEY
    change(path, tmp_path / "cache" / "nodes" / OTHER)
    assert store.get("nodes", KEY) is None
    assert store.damaged == 1
    assert not path.exists()  # removed, so that it is made again


def test_an_entry_written_again_is_read_back_as_written_again(tmp_path: Path, checksums: list[str]) -> None:
    store = Store(tmp_path / "cache")
    store.put("nodes", KEY, CONTENT)
    store.put("nodes", KEY, CONTENT + b"more")
    assert store.get("nodes", KEY) == CONTENT + b"more"
    assert len(checksums) == 2


@pytest.mark.parametrize("size", [0, 1, 4096, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 << 20])
@pytest.mark.parametrize("known", ["size", "less (it grew)"])
def test_read_all_reads_what_reading_the_file_reads(tmp_path: Path, size: int, known: str) -> None:
    path = tmp_path / "file"
    path.write_bytes(bytes(index % 251 for index in range(size)))
    descriptor = os.open(path, os.O_RDONLY)
    try:
        data = store_module._read_all(descriptor, size if known == "size" else size // 2)
    finally:
        os.close(descriptor)
    assert data == path.read_bytes()


def test_a_build_from_nothing_looks_up_no_digest_it_found_missing(tmp_path: Path, monkeypatch) -> None:
    looked_up: list[str] = []
    real = Store.get

    def get(self: Store, namespace: str, key: str) -> bytes | None:
        looked_up.append(namespace)
        return real(self, namespace, key)

    monkeypatch.setattr(Store, "get", get)
    corpus = synthetic_corpus(tmp_path / "corpus", 3, seed=5)
    kgraph.build([corpus], jobs=1, cache=tmp_path / "out" / FOLDER)
    assert "digests" not in looked_up


def test_an_entry_in_the_previous_format_is_never_trusted(tmp_path: Path) -> None:
    import hashlib

    Store(tmp_path / "cache").put("nodes", OTHER, CONTENT)  # makes the folder
    digest = hashlib.blake2b(KEY.encode("ascii"), digest_size=32)  # format 2: blake2b checksums
    digest.update(b"\x00")
    digest.update(CONTENT)
    (tmp_path / "cache" / "nodes" / KEY).write_bytes(b"kgraph-entry-2\n" + digest.digest() + CONTENT)
    store = Store(tmp_path / "cache")
    assert store.get("nodes", KEY) is None
    assert store.damaged == 1
    assert store.get("nodes", OTHER) == CONTENT


def test_an_entry_in_the_format_before_namespaces_is_never_trusted(tmp_path: Path) -> None:
    import hashlib

    Store(tmp_path / "cache").put("nodes", OTHER, CONTENT)  # makes the folder
    digest = hashlib.sha256(KEY.encode("ascii"))  # format 3: over the key alone
    digest.update(b"\x00")
    digest.update(CONTENT)
    (tmp_path / "cache" / "nodes" / KEY).write_bytes(b"kgraph-entry-3\n" + digest.digest() + CONTENT)
    store = Store(tmp_path / "cache")
    assert store.get("nodes", KEY) is None
    assert store.damaged == 1


def test_the_checksum_covers_the_namespace_the_key_and_every_byte() -> None:
    checksum = store_module._checksum
    assert len(checksum("nodes", KEY, CONTENT)) == store_module._CHECKSUM
    assert checksum("nodes", KEY, CONTENT) != checksum("nodes", OTHER, CONTENT)
    assert checksum("nodes", KEY, CONTENT) != checksum("page", KEY, CONTENT)
    assert checksum("nodes", KEY, CONTENT) != checksum("nodes", KEY, CONTENT[:-1] + b"!")
    assert checksum("nodes", KEY, CONTENT) != checksum("nodes", KEY[:-1], b"f" + CONTENT)  # the separator
    assert checksum("ab", "c" + KEY, CONTENT) != checksum("abc", KEY, CONTENT)  # the slash


def test_an_entry_copied_into_another_namespace_is_damaged_not_read(tmp_path: Path) -> None:
    """Each namespace keys an episode alike: a file copied from `page/` over `page_nodes/` passed
    the checksum, and its reader raised on bytes of another shape (the build failed, exit 3)."""
    store = Store(tmp_path / "cache")
    store.put("page", KEY, CONTENT)
    store.put("page_nodes", KEY, b"the right bytes")
    shutil.copyfile(tmp_path / "cache" / "page" / KEY, tmp_path / "cache" / "page_nodes" / KEY)
    again = Store(tmp_path / "cache")  # another build: nothing it wrote itself
    assert again.get("page_nodes", KEY) is None
    assert again.damaged == 1
    assert again.get("page", KEY) == CONTENT


@pytest.mark.parametrize(
    "junk",
    [b"\x96\xe8\xa4\xfe\xf2:\x0c\x9f\xc5\xaf\xd7", b"\x8eYk\xfeq\xed\xafl?[", b"not a pickle", b""],
    ids=["impossible length", "past memory", "text", "empty"],
)
def test_an_entry_that_is_no_pickle_is_damaged_not_an_error(tmp_path: Path, junk: bytes) -> None:
    store = Store(tmp_path / "cache")
    store.put("nodes", KEY, junk)  # its checksum is right: only unpickling it fails
    assert store.get_object("nodes", KEY, dict) is None
    assert store.damaged == 1
    assert store.get("nodes", KEY) is None  # removed, so that it is made again
