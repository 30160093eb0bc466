"""An episode's share of every output, computed once per episode and cached by what it depends on:
its nodes (for `kg.model`), its named graph in Turtle, its part of the page, its counts.

A rebuild recomputes the parts of the episodes whose documents, or whose answers from the
identities, changed (see `Identities.episode_fingerprint`), plus those whose texts contain the
first word of a name added to or removed from the shared names; every other part is reused."""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import time
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import pyoxigraph

import kgraph
from kgraph import rdf
from kgraph.html.data import PageGraph
from kgraph.html.parts import PagePart, entities_part, page_part
from kgraph.model import InsightKind, KnowledgeModel, Node
from kgraph.resolve import EpisodeNodes, assemble_model
from kgraph.resolve.identities import EntityNodes
from kgraph.resolve.mentions import changed_first_tokens
from kgraph.write.atomic import write_bytes

PARTS_FOLDER = "episodes"  # under the cache folder
SUFFIX = ".part"
STATE = "state.pickle"


@cache
def code_version() -> str:
    """Changes with any change to kgraph's code or assets, or to pyoxigraph (it writes the Turtle):
    a cached part is only ever reused by the code that made it."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{kgraph.__version__}|{pyoxigraph.__version__}".encode())
    root = resources.files("kgraph")
    for path in sorted(_code_files(root), key=str):
        digest.update(str(path.relative_to(Path(str(root)))).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _code_files(root) -> list[Path]:
    base = Path(str(root))
    return [path for suffix in ("*.py", "*.js", "*.css", "*.html", "*.rq") for path in base.rglob(suffix)]


@dataclass
class EpisodePart:
    fingerprint: str
    episode: str  # IRI
    graph: str  # named graph IRI
    counts: dict[str, int]  # nodes per class, as `KnowledgeModel.counts` names them
    triples: int
    turtle: bytes  # see `kgraph.rdf.turtle_chunk`
    page: PagePart
    nodes_pickle: bytes  # the EpisodeNodes, unpickled when the model or the page asks
    _nodes: EpisodeNodes | None = field(default=None, repr=False, compare=False)

    @property
    def nodes(self) -> EpisodeNodes:
        if self._nodes is None:
            self._nodes = pickle.loads(self.nodes_pickle)
        return self._nodes

    def own_nodes(self) -> list[Node]:
        return [*self.nodes.insights, *self.nodes.claims]

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_nodes": None}


def episode_part(fingerprint: str, nodes: EpisodeNodes, keep_nodes: bool = True,
                 seconds: dict[str, float] | None = None) -> EpisodePart:
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
        fingerprint=fingerprint, episode=nodes.episode.iri, graph=graph[0], counts=counts,
        triples=len(graph[1]), turtle=turtle, page=page,
        nodes_pickle=pickle.dumps(nodes, protocol=pickle.HIGHEST_PROTOCOL), _nodes=nodes if keep_nodes else None,
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
        self.entity_graph = rdf.entity_statements(self.base_iri, self.entities.podcasts, self.entities.people,
                                                  self.entities.organizations)

    def model(self) -> KnowledgeModel:
        return assemble_model(self.base_iri, self.entities, (part.nodes for part in self.parts))

    def counts(self) -> dict[str, int]:
        counts = {"Podcast": len(self.entities.podcasts), "Episode": 0, "Person": len(self.entities.people),
                  "Organization": len(self.entities.organizations),
                  **{kind.value: 0 for kind in InsightKind}, "Claim": 0, "Mention": 0}
        for part in self.parts:
            for name, count in part.counts.items():
                counts[name] += count
        return counts

    def triple_count(self) -> int:
        return len(self.entity_graph[1]) + sum(part.triples for part in self.parts)

    def turtle_chunks(self) -> list[bytes]:
        """Every graph's Turtle chunk, in graph order (see `kgraph.rdf.turtle_chunk`)."""
        chunks = [(part.graph, part.turtle) for part in self.parts]
        chunks.append((self.entity_graph[0], rdf.turtle_chunk(self.entity_graph)))
        return [chunk for _graph, chunk in sorted(chunks, key=lambda item: item[0])]

    def page(self) -> PageGraph:
        entity_nodes = [*self.entities.podcasts, *self.entities.people, *self.entities.organizations]
        by_episode = {part.episode: part for part in self.parts}
        shared = entities_part(entity_nodes, self.entity_graph[1], self.entity_graph[0])
        return PageGraph(shared, entity_nodes, [part.page for part in self.parts],
                         lambda episode: by_episode[episode].own_nodes())


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
        if self.folder is None:
            return None
        try:
            state = pickle.loads((self.folder / STATE).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return state if isinstance(state, PartState) else None

    def changed_tokens(self, names: dict[str, str]) -> set[str] | None:
        """First tokens of the shared names that changed since the last build; None: no state."""
        return None if self.state is None else changed_first_tokens(self.state.names, names)

    def get(self, fingerprint: str) -> EpisodePart | None:
        if self.state is None or fingerprint not in self.state.valid:
            return None
        try:
            part = pickle.loads((self.folder / f"{fingerprint}{SUFFIX}").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return part if isinstance(part, EpisodePart) and part.fingerprint == fingerprint else None

    def put(self, part: EpisodePart) -> EpisodePart:
        if self.folder is not None:
            write_bytes(self.folder / f"{part.fingerprint}{SUFFIX}", pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
        return part

    def commit(self, names: dict[str, str], parts: list[EpisodePart]) -> None:
        """Record this build's parts as the trusted ones and delete every other part file."""
        if self.folder is None:
            return
        keep = {part.fingerprint for part in parts}
        write_bytes(self.folder / STATE, pickle.dumps(PartState(names=dict(names), valid=keep),
                                                       protocol=pickle.HIGHEST_PROTOCOL))
        for entry in self.folder.iterdir():
            if entry.suffix == SUFFIX and entry.stem not in keep:
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()
