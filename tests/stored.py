"""What tests do to a store's files behind its back: list, drop, flip or misplace entries in its
packs and indexes (`kgraph.build.packs`), as a disk, a killed build or a user might."""

from __future__ import annotations

from pathlib import Path

from kgraph.build.packs import INDEX, PACK, PACKS, Entries, read_index, write_index


def indexes(cache: Path) -> list[Path]:
    return sorted((cache / PACKS).glob(f"*{INDEX}"))


def packs(cache: Path) -> list[Path]:
    return sorted((cache / PACKS).glob(f"*{PACK}"))


def read(index: Path) -> Entries:
    entries = read_index(index.read_bytes())
    assert entries is not None, index
    return entries


def keys(cache: Path, namespace: str) -> list[str]:
    """The keys of `namespace` in every index (what the next build finds), sorted."""
    return sorted({key for index in indexes(cache) for key in read(index).get(namespace, {})})


def locate(cache: Path, namespace: str, key: str) -> tuple[Path, Path, int, int]:
    """(index, pack, offset, size) of the entry's record."""
    for index in indexes(cache):
        found = read(index).get(namespace, {}).get(key)
        if found is not None:
            return index, index.with_suffix(PACK), *found
    raise KeyError((namespace, key))


def drop(cache: Path, namespace: str, key: str | None = None) -> None:
    """The entry (every entry of `namespace` when `key` is None) gone from its index, its record left."""
    for index in indexes(cache):
        entries = read(index)
        if key is None:
            entries.pop(namespace, None)
        else:
            entries.get(namespace, {}).pop(key, None)
        write_index(str(index), entries)


def flip(cache: Path, namespace: str, key: str, at: int = -1) -> None:
    """One byte of the entry's record flipped (`at` from its start, or from its end when negative)."""
    _index, pack, offset, size = locate(cache, namespace, key)
    with pack.open("r+b") as stream:
        stream.seek(offset + (at % size))
        byte = stream.read(1)
        stream.seek(offset + (at % size))
        stream.write(bytes([byte[0] ^ 0xFF]))


def point(cache: Path, namespace: str, key: str, at: tuple[str, str]) -> None:
    """The entry's index made to point at another entry's record (an intact record, not its own)."""
    index, _pack, offset, size = locate(cache, *at)
    entries = read(index)
    for other in indexes(cache):  # the entry's own place, wherever it was, goes
        if other != index:
            mine = read(other)
            if mine.get(namespace, {}).pop(key, None) is not None:
                write_index(str(other), mine)
    entries.setdefault(namespace, {})[key] = (offset, size)
    write_index(str(index), entries)
