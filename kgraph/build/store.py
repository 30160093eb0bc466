"""The build's one cache: a content-addressed store in a folder kgraph owns (`OUT/.kgraph-cache`).

An entry is found by a complete key (everything its value depends on, see `kgraph.build.keys`),
so nothing is trusted, distrusted or committed: a key either has its value or it does not. Every
entry carries a checksum of its namespace, key and content; a damaged or unreadable entry is a miss (logged
as a warning) and is made again. Writes are atomic (temporary file, then rename). An entry this
store wrote, read back while its file is still the one written (same inode, size, change and
modification times: any write, truncation, rename over it or `touch` changes one), is not checked
again: hashing 80 MB a second time cost a 1,000-document build about 0.09 s.

The folder holds a marker file; a folder without it is refused, and the store deletes only files
it wrote (entries in its own namespaces). A lock file serializes builds into one folder: the
second build waits for the first (saying so on stderr), and gives up with one line after
`LOCK_TIMEOUT` seconds."""

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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from kgraph.errors import KgraphError
from kgraph.pickled import UNREADABLE

FOLDER = ".kgraph-cache"  # under the output folder
MARKER = "KGRAPH-CACHE"  # the file that says kgraph made (and may delete inside) the folder
MARKER_TEXT = "kgraph cache: content-addressed, safe to delete; kgraph only deletes what it wrote here\n"
LOCK = "lock"
LOCK_TIMEOUT = 600.0  # seconds a build waits for another build into the same folder
_MAGIC = b"kgraph-entry-4\n"  # 2: blake2b checksums; 3: over the key, not the namespace
_CHECKSUM = 32  # bytes of SHA-256 over namespace, key and content
_NAME = re.compile(r"[0-9a-z][0-9a-z_-]*")

log = logging.getLogger("kgraph")
Value = TypeVar("Value")


class Store:
    """Entries are `FOLDER/<namespace>/<key>`; `Store(None)` keeps them in memory for one build."""

    def __init__(self, folder: Path | None, lock_timeout: float = LOCK_TIMEOUT):
        self.folder = folder
        self.lock_timeout = lock_timeout
        self.used: dict[str, set[str]] = {}  # namespace -> keys read or written by this build
        self.damaged = 0
        self._memory: dict[tuple[str, str], bytes] = {}
        self._held = 0  # the lock is held this many times over (a writer's, then a remake's)
        self._folders: dict[str, str] = {}  # namespace -> its folder's path
        self._made: set[str] = set()  # namespaces whose folder this store made or found
        self._written = 0  # entries written: numbers the temporary files
        self._wrote: dict[str, tuple[int, ...]] = {}  # path -> its file as written (`_identity`)
        if folder is not None:
            _open(folder)

    # -- entries -------------------------------------------------------------------------------
    def get(self, namespace: str, key: str) -> bytes | None:
        """The content stored under `key`; None when missing, damaged or unreadable."""
        self.used.setdefault(namespace, set()).add(key)
        if self.folder is None:
            return self._memory.get((namespace, key))
        path = self._path(namespace, key)
        # plain os calls: `open().read()` makes twice as many system calls (isatty, lseek, fstat)
        try:
            descriptor = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        except OSError as error:
            self._damaged(Path(path), error.strerror or str(error))
            return None
        try:
            status = os.fstat(descriptor)
            data = _read_all(descriptor, status.st_size)
        except OSError as error:
            self._damaged(Path(path), error.strerror or str(error))
            return None
        finally:
            os.close(descriptor)
        head = len(_MAGIC) + _CHECKSUM
        if self._wrote.get(path) == _identity(status) and len(data) == status.st_size:
            return data[head:]  # the file this store wrote, unchanged since
        if not data.startswith(_MAGIC) or data[len(_MAGIC) : head] != _checksum(namespace, key, data[head:]):
            self._damaged(Path(path), "checksum does not match")
            return None
        return data[head:]

    def put(self, namespace: str, key: str, content: bytes) -> None:
        self.used.setdefault(namespace, set()).add(key)
        if self.folder is None:
            self._memory[(namespace, key)] = content
            return
        path = self._path(namespace, key)
        # tens of thousands of entries per build: a temporary name from a counter and plain os
        # calls, not `tempfile.mkstemp` and `pathlib` (most of the coordinator's time in the store)
        descriptor, temporary = self._temporary(namespace)
        self._wrote.pop(path, None)
        try:
            try:
                _write_all(descriptor, (_MAGIC, _checksum(namespace, key, content), content))
                os.replace(temporary, path)
                written = os.fstat(descriptor)  # after the rename, which sets its change time
            finally:
                os.close(descriptor)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        self._wrote[path] = _identity(written)

    def _temporary(self, namespace: str) -> tuple[int, str]:
        """A new file (mode 0600, as `mkstemp` makes it) in the namespace's folder, made if missing."""
        folder = self._folder(namespace)
        if namespace not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(namespace)
        self._written += 1
        temporary = f"{folder}/.tmp-{os.getpid()}-{self._written}"
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), temporary
        except FileExistsError:  # left by a killed build with the same process id
            return tempfile.mkstemp(dir=folder, prefix=".tmp-")
        except FileNotFoundError:  # the folder went away during the build
            os.makedirs(folder, exist_ok=True)
            return tempfile.mkstemp(dir=folder, prefix=".tmp-")

    def has(self, namespace: str, key: str) -> bool:
        """Whether an entry is there (it may still turn out damaged when read)."""
        if self.folder is None:
            return (namespace, key) in self._memory
        return os.path.isfile(self._path(namespace, key))

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
            path = Path(self._path(namespace, key)) if self.folder else None
            self._damaged(path, f"cannot be read ({type(error).__name__})")
            return None
        return value if isinstance(value, kind) else None

    def put_object(self, namespace: str, key: str, value: object) -> None:
        self.put(namespace, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _folder(self, namespace: str) -> str:
        folder = self._folders.get(namespace)
        if folder is None:
            assert self.folder is not None and _NAME.fullmatch(namespace), namespace
            folder = self._folders[namespace] = os.path.join(self.folder, namespace)
        return folder

    def _path(self, namespace: str, key: str) -> str:
        assert _NAME.fullmatch(key), (namespace, key)
        return f"{self._folder(namespace)}/{key}"

    def _damaged(self, path: Path | None, why: str) -> None:
        """Counted, logged, and removed (it is the store's own file), so that it is made again."""
        self.damaged += 1
        log.warning("kgraph: warning: cache entry %s is damaged (%s); made again", path, why)
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()

    # -- housekeeping ----------------------------------------------------------------------------
    def prune(self, namespaces: Iterable[str]) -> int:
        """Delete the entries of `namespaces` this build did not use; returns how many. Only
        entry-shaped files in the store's own namespace folders are ever deleted."""
        if self.folder is None:
            return 0
        removed = 0
        for namespace in namespaces:
            folder = self.folder / namespace
            if not _NAME.fullmatch(namespace) or not folder.is_dir():
                continue
            keep = self.used.get(namespace, set())
            for entry in folder.iterdir():
                mine = _NAME.fullmatch(entry.name) or entry.name.startswith(".tmp-")
                if mine and entry.name not in keep and entry.is_file():
                    with contextlib.suppress(FileNotFoundError):
                        entry.unlink()
                        removed += 1
        return removed

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive use of the folder for a build (nothing to lock without a folder)."""
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
                yield
            finally:
                self._held = 0
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_all(descriptor: int, parts: tuple[bytes, ...]) -> None:
    """Every byte of `parts`, in one system call unless the kernel takes fewer."""
    written = os.writev(descriptor, parts)
    rest = b"".join(parts)[written:] if written < sum(map(len, parts)) else b""
    while rest:
        rest = rest[os.write(descriptor, rest) :]


def _read_all(descriptor: int, size: int) -> bytes:
    """The file to its end (`size`, from fstat, unless it grew since: then on to the end)."""
    parts = []
    want = size + 1  # one byte more: a short read of a regular file is its end
    while chunk := os.read(descriptor, want):
        parts.append(chunk)
        if len(chunk) < want:
            break
        want = 1 << 20
    return b"".join(parts)  # one part: that part itself, not a copy


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
    if (folder / MARKER).is_file():
        return
    if folder.exists():
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
