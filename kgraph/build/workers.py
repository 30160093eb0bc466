"""Where the per-document and per-episode work runs: any `concurrent.futures.Executor`.

Workers receive their inputs and return results; the coordinator alone reads and writes the
store, so a worker may run on another machine (`--executor dask://HOST:PORT`). The default is
local processes (`-j N`); one job runs everything in this process."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Generic, TypeVar

from kgraph import sources
from kgraph.build.extracted import pickled, without_transcript
from kgraph.build.outputs import episode_counts, make_shares
from kgraph.errors import DocumentError, KgraphError, UsageError, escape_controls
from kgraph.extract.results import DocumentExtraction
from kgraph.resolve.digest import digest_of
from kgraph.resolve.episode import build_episode
from kgraph.resolve.episodes import EpisodeGroup
from kgraph.resolve.identities import Identities
from kgraph.sources.summary import SourceDocument

# Below this many tasks, starting worker processes costs more than it saves.
MIN_PARALLEL_TASKS = 16
ORPHAN_CHECK_SECONDS = 0.5
Task = TypeVar("Task")
Result = TypeVar("Result")


class InlineExecutor(Executor):
    """Runs each call at once, in this process (one job, or too little work to share)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed to the caller through the future, as a pool would
            future.set_exception(error)
        return future


def _start_worker(parent: int) -> None:
    """Workers collect cycles (parsing makes some), but seldom: with the default thresholds the
    collector took a sixth of the extraction time. What the worker imported is frozen out of it."""
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    gc.enable()
    threading.Thread(target=_end_with, args=(parent,), name="kgraph-orphan-watch", daemon=True).start()


def _end_with(parent: int) -> None:
    """A worker outlives a build killed with SIGKILL (nothing tells it), holding the output folder's
    lock it inherited and the build's output pipe: it ends once its parent is gone."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


@contextlib.contextmanager
def open_executor(jobs: int | None, address: str | None = None) -> Iterator[Executor]:
    """`address`: None for local processes (`jobs` of them, default one per core), or
    `dask://HOST:PORT` for a Dask cluster's workers."""
    if address is not None:
        if not address.startswith("dask://"):
            raise UsageError(f"--executor must be dask://HOST:PORT (got {address!r})")
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--executor dask://... needs dask.distributed (pip install 'dask[distributed]')") from None
        try:
            client = Client(f"tcp://{address.removeprefix('dask://')}", timeout=30)
        except OSError as error:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        with client:
            yield client.get_executor()
        return
    count = jobs or os.cpu_count() or 1
    if count <= 1:
        yield InlineExecutor()
        return
    # loaded before the workers fork: they inherit them, never import them (and a build that
    # extracts nothing, such as an export after a build, never loads them)
    import kgraph.extract.document  # noqa: F401
    import kgraph.parse  # noqa: F401

    with ProcessPoolExecutor(max_workers=count, initializer=_start_worker, initargs=(os.getpid(),)) as pool:
        yield pool


def run_tasks(
    executor: Executor, work: Callable[[list[Task]], list[Result]], tasks: Sequence[Task], batches: int
) -> Iterator[Result]:
    """`work` over `tasks` in batches, results in task order; few tasks run in this process."""
    submitted = Batches(lambda: executor, work, batches, len(tasks))
    for task in tasks:
        submitted.add(task)
    return submitted.results()


class Batches(Generic[Task, Result]):
    """`work` over tasks handed in one at a time (as they are read), in about `batches` batches of
    `expected` tasks (at most): each batch is submitted once full, so the workers start on the first
    while the rest are made. `results()` hands them out in task order. Fewer than
    `MIN_PARALLEL_TASKS` tasks, or an `InlineExecutor`, run in this process once results are asked
    for (`cancel()` before then runs none); the executor is opened when the first batch goes out.
    Used in a `with` block, what is left when it ends is cancelled."""

    def __init__(
        self, executor: Callable[[], Executor], work: Callable[[list[Task]], list[Result]], batches: int, expected: int
    ):
        self._executor, self._work, self._batches = executor, work, batches
        self._size = _batch_size(expected, batches)
        self._waiting: list[Task] = []
        self._futures: deque[Future] = deque()
        self._streaming: Executor | None = None  # once MIN_PARALLEL_TASKS were handed in
        self.count = 0  # tasks handed in

    def add(self, task: Task) -> None:
        self._waiting.append(task)
        self.count += 1
        if self._streaming is None and self.count == MIN_PARALLEL_TASKS:
            executor = self._executor()
            self._streaming = None if isinstance(executor, InlineExecutor) else executor
        while self._streaming is not None and len(self._waiting) >= self._size:
            self._submit(self._streaming, self._waiting[: self._size])
            del self._waiting[: self._size]

    def results(self) -> Iterator[Result]:
        """Every task's results, in task order. A batch's future is let go once its results are
        handed out: held to the end, every episode's nodes and shares stayed in memory until the
        last was stored (about 1 GB at 10,000 documents)."""
        executor = self._executor() if self.count >= MIN_PARALLEL_TASKS else InlineExecutor()
        # what is left split as if it were all (the same batches as before when none went out)
        size = min(self._size, _batch_size(self.count, self._batches))
        waiting, self._waiting = self._waiting, []
        for start in range(0, len(waiting), size):
            self._submit(executor, waiting[start : start + size])
        while self._futures:
            yield from self._futures.popleft().result()

    def __enter__(self) -> Batches[Task, Result]:
        return self

    def __exit__(self, *error: object) -> None:
        self.cancel()  # after an error, what has not started never runs: the build stops sooner

    def cancel(self) -> None:
        """Drop every task whose results were not handed out: those not yet started never run."""
        for future in self._futures:
            future.cancel()
        self._futures.clear()
        self._waiting = []

    def _submit(self, executor: Executor, tasks: list[Task]) -> None:
        self._futures.append(executor.submit(self._work, tasks))


def _batch_size(tasks: int, batches: int) -> int:
    return max(1, min(32, -(-tasks // batches)))


# -- the work ---------------------------------------------------------------------------------
# key, digest pickled as the store keeps it (or the error that skips the document), the extraction
# pickled (`kgraph.build.extracted`, as the store keeps it and the episode stage reads it: the
# coordinator never unpickles it), the CPU seconds of the worker's thread and the elapsed seconds
# it took (on a loaded machine the second is larger)
Extracted = tuple[str, bytes | DocumentError, bytes, float, float]


def extract_source(document: SourceDocument) -> DocumentExtraction:
    """A pure function of the document's text, path and transcript, made by the reader that read
    it (`kgraph.sources`): the summary reader attaches the parsed transcript."""
    return sources.extract(document)


def extract_batch(documents: list[tuple[str, SourceDocument]]) -> list[Extracted]:
    """(key, pickled digest or the error that skips the document, extraction, CPU and elapsed seconds)."""
    results: list[Extracted] = []
    for key, document in documents:
        cpu, wall = time.thread_time(), time.perf_counter()  # the reader parses and extracts in one step
        try:
            extraction = extract_source(document)
        except DocumentError as error:
            results.append((key, error, b"", time.thread_time() - cpu, time.perf_counter() - wall))
            continue
        except _NOT_THE_DOCUMENTS:
            raise  # a broken install, no memory left, a plugin's usage error: the build's, not one document's
        except Exception as error:  # a bug one document's content sets off: that document is skipped, not the build
            results.append(
                (key, _bug(error, document.source), b"", time.thread_time() - cpu, time.perf_counter() - wall)
            )
            continue
        # pickled here, not in the coordinator: it unpickles the digest either way, and stores these bytes
        digest = pickle.dumps(digest_of(extraction, key), protocol=pickle.HIGHEST_PROTOCOL)
        data = pickled(extraction)
        results.append((key, digest, data, time.thread_time() - cpu, time.perf_counter() - wall))
    return results


# Errors that say nothing about one document: every document would fail alike
_NOT_THE_DOCUMENTS = (ImportError, MemoryError, KgraphError)
_MOST_SAID = 200  # characters of a bug's message kept in the one line that reports it


_PACKAGE = Path(__file__).resolve().parent.parent  # kgraph's own code


class ExtractionBug(DocumentError):
    """A document whose extraction set off a bug: it is skipped, and the build says so."""


def _bug(error: Exception, source: str) -> ExtractionBug:
    """The one line that skips a document for a bug: the error, where it was raised (file and line of
    kgraph's code: the same in every run), and a plea to report it."""
    frames = traceback.extract_tb(error.__traceback__)
    # (the innermost of kgraph's frames: a library's, `pydantic/main.py`, would not say which call)
    ours = [frame for frame in frames if Path(frame.filename).resolve().is_relative_to(_PACKAGE)]
    frame = (ours or frames)[-1] if frames else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    said = escape_controls(" ".join(str(error).split()))
    said = said if len(said) <= _MOST_SAID else said[: _MOST_SAID - 1] + "…"
    return ExtractionBug(
        f"kgraph failed to extract it ({type(error).__name__}{where}: {said}; a bug, please report it)", source
    )


EpisodeTask = tuple[str, EpisodeGroup, bytes]  # key, group, the primary's pickled extraction
# The identities as episode tasks carry them (`share_identities`), by the hash of their pickle: a
# path to read the pickle from, the pickle itself (other executors), or the object (this process).
SharedIdentities = tuple[str, str | bytes | Identities]
_identities: dict[str, Identities] = {}  # in a worker: the identities of the build, by hash


# key, episode IRI, graph IRI, the pickled nodes, their counts, the triple count, the shares made,
# CPU seconds of the worker's thread
MadeEpisode = tuple[str, str, str, bytes, dict[str, int], int, dict[str, bytes], float]


def episode_batch(shared: SharedIdentities, shares: tuple[str, ...], tasks: list[EpisodeTask]) -> list[MadeEpisode]:
    """Each episode's nodes (pickled, as the store keeps them), counts, `shares` (see
    `kgraph.build.outputs`) and the CPU seconds they took. `shared` is the identities
    (`share_identities`: a worker reads and unpickles them once per build)."""
    identities = _shared_identities(*shared)
    results = []
    for key, group, data in tasks:
        started = time.thread_time()
        extraction = without_transcript(data)  # the digest says where its transcript is
        nodes = build_episode(identities, group, extraction)
        triples, made = make_shares(nodes, shares)
        stored = pickle.dumps(nodes, protocol=pickle.HIGHEST_PROTOCOL)
        episode = nodes.episode
        spent = time.thread_time() - started
        results.append((key, episode.iri, episode.graph, stored, episode_counts(nodes), triples, made, spent))
    return results


@contextlib.contextmanager
def share_identities(identities: Identities, executor: Executor) -> Iterator[SharedIdentities]:
    """The identities as the episode tasks carry them, by the hash of their pickle. Local worker
    processes read them from an in-memory file of this process (`/proc/PID/fd/N`, closed when the
    stage ends, so a killed build leaves nothing behind): sent with every batch, they were 4-5 MB
    a batch at 10,000 documents, about 1.4 GB through the pipes."""
    if isinstance(executor, InlineExecutor):
        yield "", identities
        return
    data = pickle.dumps(identities, protocol=pickle.HIGHEST_PROTOCOL)
    name = hashlib.blake2b(data, digest_size=16).hexdigest()
    if not isinstance(executor, ProcessPoolExecutor) or not hasattr(os, "memfd_create"):
        yield name, data
        return
    descriptor = os.memfd_create("kgraph-identities")
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        path = f"/proc/{os.getpid()}/fd/{descriptor}"
        yield (name, path) if os.path.exists(path) else (name, data)
    finally:
        os.close(descriptor)


def _shared_identities(name: str, value: str | bytes | Identities) -> Identities:
    if isinstance(value, Identities):
        return value
    if name not in _identities:
        _identities.clear()  # one build's at a time
        if isinstance(value, str):
            with open(value, "rb") as stream:
                value = stream.read()
        gc.disable()  # as in the coordinator: unpickling allocates much and frees nothing
        _identities[name] = pickle.loads(value)
    return _identities[name]
