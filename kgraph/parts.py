"""An episode's share of every output, computed once per episode and cached by what it depends on:
its nodes (for `kg.model`), its named graph in Turtle, its part of the page, its counts.

A rebuild recomputes the parts of the episodes whose documents, or whose answers from the
identities, changed (see `Identities.episode_fingerprint`), plus those whose texts contain the
first word of a name added to or removed from the shared names; every other part is reused."""

from __future__ import annotations

import contextlib
import dataclasses
import pickle
import struct
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kgraph import pickled, rdf
from kgraph.errors import KgraphError
from kgraph.html.data import PageGraph
from kgraph.html.parts import PagePart, entities_part, page_part
from kgraph.kinds import count_nodes
from kgraph.model import InsightKind, KnowledgeModel, Node
from kgraph.resolve.assemble import assemble_model
from kgraph.resolve.episode import EpisodeNodes
from kgraph.resolve.identities import EntityNodes
from kgraph.resolve.mentions import changed_first_tokens
from kgraph.write.atomic import write_bytes

PARTS_FOLDER = "episodes"  # under the cache folder
SUFFIX = ".part"
STATE = "state.pickle"
# A part file starts with the sizes of its pickled header, Turtle and nodes, then their CRC-32s.
_HEADER = struct.Struct("<QQQIII")


@dataclass
class EpisodePart:
    """Its Turtle chunk and its pickled nodes are the bulk of a part: a part read from the cache
    leaves them in its file until asked for, so a large build holds neither for every episode."""

    fingerprint: str
    episode: str  # IRI
    graph: str  # named graph IRI
    counts: dict[str, int]  # nodes per class, as `KnowledgeModel.counts` names them
    triples: int
    page: PagePart
    _turtle: bytes | None  # see `kgraph.rdf.turtle_chunk`; None: in the part file
    _nodes_pickle: bytes | None  # the EpisodeNodes; None: in the part file
    _stored: _Payload | None = field(default=None, repr=False, compare=False)
    _nodes: EpisodeNodes | None = field(default=None, repr=False, compare=False)

    @property
    def turtle(self) -> bytes:
        return self._turtle if self._turtle is not None else self._stored.read(0)

    @property
    def nodes_pickle(self) -> bytes:
        return self._nodes_pickle if self._nodes_pickle is not None else self._stored.read(1)

    @property
    def nodes(self) -> EpisodeNodes:
        if self._nodes is None:
            self._nodes = pickle.loads(self.nodes_pickle)
        return self._nodes

    def own_nodes(self) -> list[Node]:
        return [*self.nodes.insights, *self.nodes.claims]

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_nodes": None}


@dataclass(frozen=True)
class _Payload:
    """Where a part file keeps the Turtle chunk and the nodes pickle, after its header, with the
    CRC-32 of each: a damaged file is found when read, removed, and made again by the next build."""

    path: Path
    offset: int
    sizes: tuple[int, int]
    checksums: tuple[int, int]

    def read(self, which: int) -> bytes:
        start = self.offset + sum(self.sizes[:which])
        try:
            with self.path.open("rb") as stream:
                stream.seek(start)
                data = stream.read(self.sizes[which])
        except OSError as error:
            raise KgraphError(
                f"the cache changed during the build ({error.strerror}); run it again", self.path
            ) from None
        if len(data) != self.sizes[which]:
            raise KgraphError("the cache changed during the build; run it again", self.path)
        if zlib.crc32(data) != self.checksums[which]:
            with contextlib.suppress(OSError):
                self.path.unlink()
            raise KgraphError("a cached part was damaged and is now removed; run the build again", self.path)
        return data


def episode_part(
    fingerprint: str, nodes: EpisodeNodes, keep_nodes: bool = True, seconds: dict[str, float] | None = None
) -> EpisodePart:
    """`keep_nodes=False` keeps only their pickle: a large build holds no node it does not show.
    `seconds` adds the time of each step to what it holds (the benchmark's RDF, Turtle and page)."""
    clock = _StepClock(seconds)
    graph = rdf.episode_statements(nodes.episode, nodes.insights, nodes.claims, nodes.mentions)
    clock.step("rdf")
    turtle = rdf.turtle_chunk(graph)
    clock.step("turtle")
    page = page_part(nodes.episode, nodes.insights, nodes.claims, nodes.mentions, graph[1])
    clock.step("page")
    counts = {kind.value: 0 for kind in InsightKind}
    for insight in nodes.insights:
        counts[insight.kind.value] += 1
    counts.update(Episode=1, Claim=len(nodes.claims), Mention=len(nodes.mentions))
    return EpisodePart(
        fingerprint=fingerprint,
        episode=nodes.episode.iri,
        graph=graph[0],
        counts=counts,
        triples=len(graph[1]),
        page=page,
        _turtle=turtle,
        _nodes_pickle=pickle.dumps(nodes, protocol=pickle.HIGHEST_PROTOCOL),
        _nodes=nodes if keep_nodes else None,
    )


class _StepClock:
    def __init__(self, seconds: dict[str, float] | None):
        self.seconds = seconds
        self.last = time.perf_counter()

    def step(self, name: str) -> None:
        if self.seconds is not None:
            now = time.perf_counter()
            self.seconds[name] = self.seconds.get(name, 0.0) + now - self.last
            self.last = now


@dataclass
class BuiltParts:
    """A built graph as its parts: the corpus-level nodes and every episode's part. The outputs
    of a build read these; the whole model is assembled only when asked for."""

    base_iri: str
    entities: EntityNodes
    parts: list[EpisodePart]

    def __post_init__(self) -> None:
        self.parts = sorted(self.parts, key=lambda part: part.graph)
        self.entity_graph = rdf.entity_statements(self.base_iri, self.entities.nodes())

    def model(self) -> KnowledgeModel:
        return assemble_model(self.base_iri, self.entities, (part.nodes for part in self.parts))

    def counts(self) -> dict[str, int]:
        counts = count_nodes(self.entities.nodes())
        for part in self.parts:
            for name, count in part.counts.items():
                counts[name] += count
        return counts

    def triple_count(self) -> int:
        return len(self.entity_graph[1]) + sum(part.triples for part in self.parts)

    def turtle_chunks(self) -> Iterator[bytes]:
        """Every graph's Turtle chunk, in graph order (see `kgraph.rdf.turtle_chunk`), read one at
        a time: the parts are sorted by graph, the entities' graph goes where it sorts."""
        entity_iri = self.entity_graph[0]
        pending = [rdf.turtle_chunk(self.entity_graph)]
        for part in self.parts:
            if pending and entity_iri < part.graph:
                yield pending.pop()
            yield part.turtle
        yield from pending

    def page(self) -> PageGraph:
        entity_nodes = self.entities.nodes()
        by_episode = {part.episode: part for part in self.parts}
        shared = entities_part(entity_nodes, self.entity_graph[1], self.entity_graph[0])
        return PageGraph(
            shared, entity_nodes, [part.page for part in self.parts], lambda episode: by_episode[episode].own_nodes()
        )


@dataclass
class PartState:
    """What the last build left: the shared names its parts were made with, and which parts
    it made or checked (only those are trusted: a part left by an interrupted build is not)."""

    names: dict[str, str] = field(default_factory=dict)
    valid: set[str] = field(default_factory=set)


class PartCache:
    """A folder of `<fingerprint>.part` files and the state of the last build; `None` as folder
    caches nothing."""

    def __init__(self, folder: Path | None, read_state: bool = True):
        self.folder = folder
        self.state = self._load_state() if read_state else None

    def _load_state(self) -> PartState | None:
        return None if self.folder is None else pickled.load(self.folder / STATE, PartState)

    def changed_tokens(self, names: dict[str, str]) -> set[str] | None:
        """First tokens of the shared names that changed since the last build; None: no state."""
        return None if self.state is None else changed_first_tokens(self.state.names, names)

    def get(self, fingerprint: str) -> EpisodePart | None:
        """The part, its payload left in its file; None when missing, unreadable or untrusted."""
        if self.state is None or fingerprint not in self.state.valid:
            return None
        path = self.folder / f"{fingerprint}{SUFFIX}"
        try:
            with path.open("rb") as stream:
                header_size, turtle_size, nodes_size, header_crc, turtle_crc, nodes_crc = _HEADER.unpack(
                    stream.read(_HEADER.size)
                )
                header = stream.read(header_size)
                if zlib.crc32(header) != header_crc:  # the page's share and the counts live here
                    return None
                part = pickle.loads(header)
                size = stream.seek(0, 2)
        except pickled.UNREADABLE:
            return None
        offset = _HEADER.size + header_size
        if (
            not isinstance(part, EpisodePart)
            or part.fingerprint != fingerprint
            or size != offset + turtle_size + nodes_size
        ):
            return None
        part._stored = _Payload(path, offset, (turtle_size, nodes_size), (turtle_crc, nodes_crc))
        return part

    def put(self, part: EpisodePart) -> EpisodePart:
        """Writes the part's file; returns the part with its payload left there (without a
        folder, the part as it is)."""
        if self.folder is None:
            return part
        turtle, nodes = part.turtle, part.nodes_pickle
        light = dataclasses.replace(part, _turtle=None, _nodes_pickle=None, _stored=None, _nodes=None)
        header = pickle.dumps(light, protocol=pickle.HIGHEST_PROTOCOL)
        checksums = (zlib.crc32(turtle), zlib.crc32(nodes))
        path = self.folder / f"{part.fingerprint}{SUFFIX}"
        sizes = (len(header), len(turtle), len(nodes))
        write_bytes(path, b"".join((_HEADER.pack(*sizes, zlib.crc32(header), *checksums), header, turtle, nodes)))
        light._stored = _Payload(path, _HEADER.size + len(header), (len(turtle), len(nodes)), checksums)
        return light

    def distrust(self, fingerprints: Iterable[str]) -> None:
        """No longer trust these parts, on disk too: done before their files are overwritten."""
        if self.state is None:
            return
        doomed = self.state.valid.intersection(fingerprints)
        if doomed:
            self.state.valid -= doomed
            self._write_state(self.state)

    def commit(self, names: dict[str, str], parts: list[EpisodePart]) -> None:
        """Record this build's parts as the trusted ones and delete every other part file."""
        if self.folder is None:
            return
        keep = {part.fingerprint for part in parts}
        self._write_state(PartState(names=dict(names), valid=keep))
        for entry in self.folder.iterdir():
            if entry.suffix == SUFFIX and entry.stem not in keep:
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()

    def _write_state(self, state: PartState) -> None:
        write_bytes(self.folder / STATE, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
