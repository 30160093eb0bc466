"""The build's one cache: a content-addressed store in a folder kgraph owns (`OUT/.kgraph-cache`).

An entry is found by a complete key (everything its value depends on, see `kgraph.build.keys`),
so nothing is trusted, distrusted or committed: a key either has its value or it does not.

Entries are records appended to pack files (`packs/<id>.pack`, one per lock holding, or per few
hundred puts made outside one: tens of thousands of entries per build cost a tenth of the system
time as one file each), found through
each pack's index (`packs/<id>.index`, `kgraph.build.packs`), written atomically with a checksum
of its own when the lock is released and after a prune. Entries are only read through an index,
so a pack without one (a killed build's) is never read, and the next build deletes it. Every
record carries a checksum of its namespace, key and content; a damaged or unreadable entry is a
miss (logged as a warning), dropped from its index and made again; so is every entry of a damaged
index. An entry this store wrote, read back while its pack is still as this store left it (same
inode, size, change and modification times), is not checked again. A pack gone since its index was
read (another build compacted it) is a miss. `prune` drops the entries a build did not use, and
copies the live entries of a pack less than half live into the current pack (the folder stays
within about twice the live data). Entry files of the previous layout (`<namespace>/<key>`) are
never read, and deleted by the first prune.

The folder holds a marker file; a folder without it is refused, and the store deletes only files
it wrote (packs and indexes, and entry-shaped files in its own namespace folders). A lock file
serializes builds into one folder: the second build waits for the first (saying so on stderr), and
gives up with one line after `LOCK_TIMEOUT` seconds."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import pickle
import re
import sys
import tempfile
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from kgraph.build.packs import (
    INDEX,
    NAME,
    PACK,
    PACKS,
    Pack,
    content_start,
    file_size,
    new_name,
    read_index,
    record_checksum,
    record_parts,
    unlink,
    write_index,
)
from kgraph.errors import KgraphError
from kgraph.pickled import UNREADABLE

FOLDER = ".kgraph-cache"  # under the output folder
MARKER = "KGRAPH-CACHE"  # the file that says kgraph made (and may delete inside) the folder
MARKER_TEXT = "kgraph cache: content-addressed, safe to delete; kgraph only deletes what it wrote here\n"
LOCK = "lock"
LOCK_TIMEOUT = 600.0  # seconds a build waits for another build into the same folder
MOST_PACKS = 6  # packs a prune leaves beside the current one: the smallest beyond are copied into it
# A holding goes on appending to the last holding's pack while that has fewer entries than this and
# nothing touched it since: puts outside a holding (a notebook making shares one by one) each take
# the lock and write their pack's index whole, so each must neither start a pack nor rewrite a big index.
RESUMED_ENTRIES = 256
OPEN_PACKS = 64  # descriptors of packs read that a store keeps open; beyond, the others are closed
_CHECKSUM = 32  # bytes of SHA-256 over namespace, key and content
_NAME = re.compile(r"[0-9a-z][0-9a-z_-]*")
_NOTHING: dict = {}

log = logging.getLogger("kgraph")
Value = TypeVar("Value")


class Store:
    """Entries in pack files under `FOLDER/packs`; `Store(None)` keeps them in memory for one build."""

    def __init__(self, folder: Path | None, lock_timeout: float = LOCK_TIMEOUT):
        self.folder = folder
        self.lock_timeout = lock_timeout
        self.used: dict[str, set[str]] = {}  # namespace -> keys read or written by this build
        self.damaged = 0
        self._memory: dict[tuple[str, str], bytes] = {}
        self._held = 0  # the lock is held this many times over (a writer's, then a remake's)
        self._packs: dict[str, Pack] = {}  # by id
        self._index: dict[str, dict[str, Pack]] = {}  # namespace -> key -> the pack holding it
        self._loaded = False  # the indexes were read (when the lock was taken, or on first use)
        self._current: Pack | None = None  # the pack appended to (kept for the next holding: `_resume`)
        self._descriptors: dict[str, int] = {}  # pack id -> descriptor, opened when first read
        self._packs_folder = f"{folder}/{PACKS}"
        if folder is not None:
            _open(folder)
            weakref.finalize(self, _close_all, self._descriptors)

    # -- entries -------------------------------------------------------------------------------
    def get(self, namespace: str, key: str) -> bytes | None:
        """The content stored under `key`; None when missing, damaged or unreadable."""
        self.used.setdefault(namespace, set()).add(key)
        if self.folder is None:
            return self._memory.get((namespace, key))
        pack = self._find(namespace, key)
        if pack is None:
            return None
        record = self._record(pack, namespace, key)
        return None if record is None else record[content_start(namespace, key) :]

    def _record(self, pack: Pack, namespace: str, key: str) -> bytes | None:
        """The entry's whole record, checked unless this store appended it and its pack is as this
        store left it; None when its pack is gone, or damaged (then dropped, to be made again)."""
        descriptor = self._descriptor(pack)
        if descriptor is None:
            return None
        offset, size = pack.entries[namespace][key]
        try:
            record = os.pread(descriptor, size, offset)
            if pack.mine and pack.written == _identity(os.fstat(descriptor)):
                return record
        except OSError as error:
            self._damaged(pack, namespace, key, error.strerror or str(error))
            return None
        checksum = record_checksum(record, namespace, key)
        if checksum is None or checksum != _checksum(namespace, key, record[content_start(namespace, key) :]):
            self._damaged(pack, namespace, key, "checksum does not match" if checksum else "not its record")
            return None
        return record

    def put(self, namespace: str, key: str, content: bytes) -> None:
        self.used.setdefault(namespace, set()).add(key)
        if self.folder is None:
            self._memory[(namespace, key)] = content
            return
        assert _NAME.fullmatch(namespace) and namespace != PACKS and _NAME.fullmatch(key), (namespace, key)
        parts = record_parts(namespace, key, _checksum(namespace, key, content), content)
        if self._held:
            self._append(namespace, key, parts)
        else:  # a pack of its own, indexed when the lock is released
            with self.lock():
                self._append(namespace, key, parts)

    def _append(self, namespace: str, key: str, parts: tuple[bytes, ...]) -> None:
        pack = self._current or self._start_pack()
        descriptor = self._descriptors[pack.name]
        try:
            _write_all(descriptor, parts)
        except BaseException:
            self._current = None  # where its records end is unknown now: the next goes to a new pack
            raise
        pack.written = _identity(os.fstat(descriptor))
        size = sum(map(len, parts))
        self._place(pack, namespace, key, (pack.size, size))
        pack.size += size

    def _start_pack(self) -> Pack:
        os.makedirs(self._packs_folder, exist_ok=True)
        pack = Pack(self._packs_folder, new_name(), {})
        self._descriptors[pack.name] = os.open(pack.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        pack.mine = True
        self._packs[pack.name] = self._current = pack
        return pack

    def _place(self, pack: Pack, namespace: str, key: str, location: tuple[int, int]) -> None:
        keys = self._index.setdefault(namespace, {})
        before = keys.get(key)
        if before is not None and before is not pack:
            self._drop(before, namespace, key)
        pack.entries.setdefault(namespace, {})[key] = location
        keys[key] = pack
        pack.dirty = True

    def has(self, namespace: str, key: str) -> bool:
        """Whether an entry is there (it may still turn out damaged when read)."""
        if self.folder is None:
            return (namespace, key) in self._memory
        return self._find(namespace, key) is not None

    def mark_used(self, namespace: str, keys: Iterable[str]) -> None:
        """Keep these entries through `prune` without reading them."""
        self.used.setdefault(namespace, set()).update(keys)

    def get_object(
        self, namespace: str, key: str, kind: type[Value], read: Callable[[bytes], object] = pickle.loads
    ) -> Value | None:
        """A pickled entry (unpickled by `read`); None when missing, damaged, or not a `kind` (made
        by other code)."""
        data = self.get(namespace, key)
        if data is None:
            return None
        try:
            value = read(data)
        except UNREADABLE as error:
            self._damaged(self._find(namespace, key), namespace, key, f"cannot be read ({type(error).__name__})")
            return None
        return value if isinstance(value, kind) else None

    def put_object(self, namespace: str, key: str, value: object) -> None:
        self.put(namespace, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _find(self, namespace: str, key: str) -> Pack | None:
        if not self._loaded:
            self._load()
        return self._index.get(namespace, _NOTHING).get(key)

    def _descriptor(self, pack: Pack) -> int | None:
        descriptor = self._descriptors.get(pack.name)
        if descriptor is None:
            if len(self._descriptors) >= OPEN_PACKS:
                self._close_read_packs()
            try:
                descriptor = self._descriptors[pack.name] = os.open(pack.path, os.O_RDONLY)
            except OSError:  # gone since its index was read: another build compacted it
                self._forget(pack)
                return None
        return descriptor

    def _close_read_packs(self) -> None:
        """Every descriptor but the current pack's (opened again when next read)."""
        current = self._current.name if self._current is not None else None
        for name in [name for name in self._descriptors if name != current]:
            os.close(self._descriptors.pop(name))

    def _resume(self) -> None:
        """Keep the last holding's pack as the current one only if it is small and its file and
        index are as this store left them (another build may have compacted or deleted it)."""
        pack = self._current
        if pack is None:
            return
        try:
            intact = _identity(os.stat(pack.path)) == pack.written and (
                _identity(os.stat(pack.index)) == pack.index_identity
            )
        except OSError:
            intact = False
        if not intact or sum(map(len, pack.entries.values())) >= RESUMED_ENTRIES:
            self._current = None

    def _damaged(self, pack: Pack | None, namespace: str, key: str, why: str) -> None:
        """Counted, logged, and dropped from its pack's index, so that it is made again."""
        self.damaged += 1
        where = pack.path if pack is not None else "memory"
        log.warning("kgraph: warning: cache entry %s/%s in %s is damaged (%s); made again", namespace, key, where, why)
        if pack is not None:
            self._drop(pack, namespace, key)

    def _drop(self, pack: Pack, namespace: str, key: str) -> None:
        pack.entries.get(namespace, _NOTHING).pop(key, None)
        keys = self._index.get(namespace, _NOTHING)
        if keys.get(key) is pack:
            del keys[key]
        pack.dirty = True

    # -- packs and indexes ---------------------------------------------------------------------
    def _load(self) -> None:
        """Read the indexes written since this store last read them; holding the lock, delete the
        packs no index covers (a killed build's) and stray indexes and temporary files."""
        self._loaded = True
        holding = bool(self._held)
        try:
            names = os.listdir(self._packs_folder)
        except FileNotFoundError:
            names = []
        stems: dict[str, set[str]] = {PACK: set(), INDEX: set()}
        for name in names:
            stem, suffix = os.path.splitext(name)
            if suffix in stems and NAME.fullmatch(stem):
                stems[suffix].add(stem)
            elif holding and name.startswith(".tmp-"):
                unlink(f"{self._packs_folder}/{name}")
        current = self._current.name if self._current is not None else None
        present = stems[PACK] & stems[INDEX]
        if holding:
            for stem in stems[PACK] - present - {current}:
                unlink(f"{self._packs_folder}/{stem}{PACK}")
            for stem in stems[INDEX] - present:
                unlink(f"{self._packs_folder}/{stem}{INDEX}")
        changed = False
        for pack in list(self._packs.values()):
            if pack.name not in present and pack.name != current:
                self._forget(pack)
                changed = True
        for stem in sorted(present):
            changed = self._read_index(stem, holding) or changed
        if changed:
            self._reindex()

    def _read_index(self, stem: str, holding: bool) -> bool:
        """Read the pack's index unless this store has it as it is; whether anything changed."""
        path = f"{self._packs_folder}/{stem}{INDEX}"
        known = self._packs.get(stem)
        try:
            with open(path, "rb") as stream:
                identity = _identity(os.fstat(stream.fileno()))
                if known is not None and known.index_identity == identity:
                    return False
                entries = read_index(stream.read())
        except FileNotFoundError:
            entries, identity = {}, None  # deleted since the folder was listed: nothing to read
        except OSError:
            entries, identity = None, None
        if known is not None:
            self._forget(known)
        if entries is None:
            self.damaged += 1
            log.warning("kgraph: warning: cache index %s is damaged; its entries are made again", path)
            if holding:
                unlink(path)
                unlink(f"{self._packs_folder}/{stem}{PACK}")
            return True
        if identity is not None:
            pack = self._packs[stem] = Pack(self._packs_folder, stem, entries)
            pack.index_identity = identity
        return True

    def _reindex(self) -> None:
        """Every pack's entries by namespace and key; of two copies, the later pack's (ids sort by time)."""
        self._index = {}
        for name in sorted(self._packs):
            pack = self._packs[name]
            for namespace, keys in pack.entries.items():
                found = self._index.setdefault(namespace, {})
                for key in keys:
                    before = found.get(key)
                    if before is not None:
                        del before.entries[namespace][key]  # a copy, left by a compaction cut short
                        before.dirty = True
                    found[key] = pack

    def _forget(self, pack: Pack) -> None:
        """Nothing more read from this pack (deleted, or its index changed under this store)."""
        self._packs.pop(pack.name, None)
        for namespace, keys in pack.entries.items():
            found = self._index.get(namespace, _NOTHING)
            for key in keys:
                if found.get(key) is pack:
                    del found[key]
        descriptor = self._descriptors.pop(pack.name, None)
        if descriptor is not None:
            os.close(descriptor)
        if pack is self._current:
            self._current = None

    def _write_indexes(self) -> None:
        """The index of every pack whose entries changed; a pack left without any entry is deleted
        (after the others' indexes are written: a compaction's copies are indexed before their
        originals go)."""
        emptied = []
        for pack in list(self._packs.values()):
            if pack.dirty and not any(pack.entries.values()):
                emptied.append(pack)
            elif pack.dirty:
                write_index(pack.index, pack.entries)
                pack.index_identity = _identity(os.stat(pack.index))
                pack.dirty = False
        for pack in emptied:
            unlink(pack.index)  # first: a pack without index is garbage, never read
            unlink(pack.path)
            self._forget(pack)

    # -- housekeeping ----------------------------------------------------------------------------
    def prune(self, namespaces: Iterable[str]) -> int:
        """Delete the entries of `namespaces` this build did not use; returns how many. A pack left
        less than half live has its live entries copied into the current pack, and goes."""
        if self.folder is None:
            return 0
        namespaces = list(namespaces)
        with self.lock():
            removed = self._remove_previous_layout(namespaces)
            for namespace in namespaces:
                keep = self.used.get(namespace, set())
                found = self._index.get(namespace, _NOTHING)
                for key in [key for key in found if key not in keep]:
                    self._drop(found[key], namespace, key)
                    removed += 1
            self._compact()
            self._write_indexes()
        return removed

    def _compact(self) -> None:
        """Copy away the live entries of packs less than half live, and of the smallest packs
        beyond `MOST_PACKS` (each build adds one or two)."""
        packs = sorted(
            (pack.live_bytes(), pack.name, pack) for pack in self._packs.values() if pack is not self._current
        )
        for number, (live, _name, pack) in enumerate(packs):
            size = pack.size if pack.mine else file_size(pack.path)
            if size is None:
                self._forget(pack)
            elif 2 * live < size or len(packs) - number > MOST_PACKS:
                for namespace, keys in list(pack.entries.items()):
                    for key in list(keys):
                        record = self._record(pack, namespace, key)  # checked: damage is not copied
                        if record is not None:
                            self._append(namespace, key, (record,))
                pack.entries.clear()
                pack.dirty = True

    def _remove_previous_layout(self, namespaces: list[str]) -> int:
        """Entry files of the layout before packs (`<namespace>/<key>`): never read, so deleted."""
        assert self.folder is not None
        removed = 0
        for namespace in namespaces:
            folder = self.folder / namespace
            if not _NAME.fullmatch(namespace) or namespace == PACKS or not folder.is_dir():
                continue
            for entry in folder.iterdir():
                mine = _NAME.fullmatch(entry.name) or entry.name.startswith(".tmp-")
                if mine and entry.is_file():
                    with contextlib.suppress(FileNotFoundError):
                        entry.unlink()
                        removed += 1
            with contextlib.suppress(OSError):
                folder.rmdir()  # unless something not the store's is in it
        return removed

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive use of the folder for a build (nothing to lock without a folder). Taking it
        reads the indexes; releasing it writes those whose entries changed."""
        if self.folder is None or self._held:
            self._held += 1
            try:
                yield
            finally:
                self._held -= 1
            return
        with (self.folder / LOCK).open("a") as handle:
            _acquire(handle.fileno(), self.folder, self.lock_timeout)
            self._held = 1
            try:
                self._resume()
                self._load()
                yield
            finally:
                try:
                    self._write_indexes()
                finally:
                    self._held = 0
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_all(descriptor: int, parts: tuple[bytes, ...]) -> None:
    """Every byte of `parts`, in one system call unless the kernel takes fewer."""
    written = os.writev(descriptor, parts)
    rest = b"".join(parts)[written:] if written < sum(map(len, parts)) else b""
    while rest:
        rest = rest[os.write(descriptor, rest) :]


def _close_all(descriptors: dict[str, int]) -> None:
    for descriptor in descriptors.values():
        with contextlib.suppress(OSError):
            os.close(descriptor)
    descriptors.clear()


def _identity(status: os.stat_result) -> tuple[int, ...]:
    """What changes when anything writes, truncates, replaces or touches a file."""
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _checksum(namespace: str, key: str, content: bytes) -> bytes:
    """Over the namespace too: an entry copied into another namespace under the same key (each
    namespace keys an episode the same way) is someone else's bytes, not that namespace's."""
    # SHA-256, not blake2b: OpenSSL's runs on the processor's SHA instructions (1.2 GB/s against
    # 0.4 here), and a build hashes everything it stores (120 MB per 1,000 documents)
    digest = hashlib.sha256(f"{namespace}/{key}".encode("ascii"))
    digest.update(b"\x00")
    digest.update(content)
    return digest.digest()


def _open(folder: Path) -> None:
    """Make the folder with its marker (atomically: a folder is never left without one), or check
    that an existing folder has it."""
    # (the folder looked for first: a build making it between a look for the marker and one for the
    # folder made the other build see a folder without one; made by a rename, it has it when it exists)
    if folder.exists():
        if (folder / MARKER).is_file():
            return
        raise KgraphError(f"{folder} exists but is not a kgraph cache (no {MARKER} file): move it away", folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f"{folder.name}.tmp-"))
    (temporary / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    try:
        os.rename(temporary, folder)
    except OSError:  # another build made it first
        (temporary / MARKER).unlink()
        temporary.rmdir()
        if not (folder / MARKER).is_file():
            raise


def _acquire(descriptor: int, folder: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    said = False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise KgraphError(
                    f"another kgraph build is using this cache (waited {timeout:.0f} s); try again when it ends",
                    folder,
                ) from None
            if not said:
                print(f"kgraph: waiting for another build using {folder}", file=sys.stderr)
                said = True
            time.sleep(0.1)
