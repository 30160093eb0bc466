"""A ledger of the readers of a document: what each costs against the triples it adds to the graph,
for deciding which readers pay for themselves (issue 16: fewer or merged readers).

    PYTHONPATH=. python bench/bench_readers.py CORPUS [CORPUS...] [--reps 1] [--readers a,b] [--no-yield]

A reader is a function `kgraph.extract.document` imports by name from kgraph, or one of the
per-document steps of `kgraph.sources.summary` (parsing the summary, the transcript's anchors,
parsing the transcript). Several CORPUS folders are read as one corpus (one build of them all).
- **cost**: process time of each reader's calls over one extraction of the corpus (every document
  read first, then extracted in this process, the cycle collector paused and kgraph's caches
  emptied, as in a fresh build worker), including what the reader calls; a reader called inside
  another counts in its caller only. Share: of that extraction, timed with every reader wrapped
  (the extraction's plain time is printed beside it: the difference is the wrappers' overhead).
  What is left is `extract_document`'s own code and the steps around it.
- **yield**: the corpus built again (in this process, one job, no cache) with the reader made to
  find nothing (a reader that finds things returns an empty result of its type; one that adds to
  what it is given, such as products marked or quotes grounded, returns its input unchanged), its
  graph.ttl compared with the normal build's as sets of N-Triples: triples lost, triples gained,
  and the commonest (class of the subject, predicate) of those lost. Helpers (`fold`, `vocabulary`,
  tests of the participants line) and the steps without which there is no document (parsing, the
  episode) have a cost, no yield. A claim or insight lost renumbers those after it in its episode,
  so a loss also shows as triples lost and gained under new IRIs: read lost beside gained.
Prints Markdown: counts and ontology terms only, never document text."""

from __future__ import annotations

import argparse
import functools
import inspect
import statistics
import sys
import tempfile
import time
import types
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kgraph.collector import collector_paused
from kgraph.prefixes import curie

Triple = tuple[str, str, str]  # subject, predicate, object, each in its N-Triples form
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


# -- what "found nothing" is for each reader ----------------------------------------------------------
def _empty_list(*_args: object) -> list:
    return []


def _empty_dict(*_args: object) -> dict:
    return {}


def _no_anchors(*_args: object) -> bytes:
    return b""


def _no_transcript(*_args: object) -> None:
    return None


def _unchanged(position: int) -> Callable[..., object]:
    """A reader that returns the argument at `position` as it was given (it adds nothing to it)."""

    def unchanged(*args: object) -> object:
        return args[position]

    return unchanged


def _claims_unattributed(claims: tuple, *_args: object) -> tuple:
    return claims, None  # (the claims as they were, no reading of the transcript's labels)


# Readers without an entry here (helpers, parsing, the episode) are timed only
FINDS_NOTHING: dict[str, Callable[..., object]] = {
    "extract_entities": _empty_list,
    "extract_claims": _empty_list,
    "extract_insights": _empty_list,
    "extract_participants": _empty_list,
    "authors_among_entries": _empty_list,
    "coauthors_among_entries": _empty_list,
    "spelled_in_two_scripts": _empty_list,
    "people_spelled_twice": _empty_list,
    "people_named_in": _empty_list,
    "products_named_in": _empty_list,
    "products_introduced_in": _empty_list,
    "organizations_named_in": _empty_list,
    "organizations_of_a_kind": _empty_list,
    "organizations_named_with_their_kind": _empty_list,
    "organizations_listed_with": _empty_list,
    "organizations_investing": _empty_list,
    "heard_people": _empty_list,
    "acronyms_spelled_out": _empty_dict,
    "find_products": _unchanged(0),  # (entries)
    "one_per_spelling": _unchanged(0),  # (participants, spelled_twice)
    "with_makers": _unchanged(1),  # (document, entities)
    "affiliations_in_entries": _unchanged(1),  # (document, people, entities)
    "title_affiliations": _unchanged(1),  # (titles, people, entities, everyday)
    "prose_affiliations": _unchanged(1),  # (document, people, entries)
    "ground_claims": _unchanged(0),  # (claims, transcript)
    "attribute_claims": _claims_unattributed,
    "transcript_anchors": _no_anchors,
    "transcript_of": _no_transcript,
}


def reader_sites() -> dict[str, tuple[types.ModuleType, str]]:
    """Each reader's name -> (module, attribute) through which the extraction calls it."""
    import kgraph.extract.document as document
    import kgraph.parse as parse
    import kgraph.sources.anchors as anchors
    import kgraph.sources.summary as summary

    # `extract_source` imports the first two when called: patched where it takes them from
    sites = {
        "parse_document": (parse, "parse_document"),
        "transcript_anchors": (anchors, "transcript_anchors"),
        "transcript_of": (summary, "transcript_of"),
    }
    for name, value in vars(document).items():
        module = getattr(value, "__module__", None) or ""
        imported = module.startswith("kgraph.") and module != document.__name__
        if imported and callable(value) and not isinstance(value, type):
            sites[name] = (document, name)
    return sites


# -- cost ---------------------------------------------------------------------------------------------
class Timers:
    """Process time and calls per reader; time inside a reader is its caller's when it is nested."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self._busy = False  # a timed reader is running

    def wrap(self, name: str, function: Callable) -> Callable:
        if inspect.isgeneratorfunction(function):  # its work is done when read, not when called
            return self._wrap_generator(name, function)

        def timed(*args: object, **kwargs: object) -> object:
            self.calls[name] += 1
            if self._busy:
                return function(*args, **kwargs)
            self._busy = True
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] += time.process_time() - started
                self._busy = False

        return timed

    def _wrap_generator(self, name: str, function: Callable) -> Callable:
        def timed(*args: object, **kwargs: object) -> Iterable:
            self.calls[name] += 1
            items = function(*args, **kwargs)
            while True:
                outer = not self._busy
                self._busy = True
                started = time.process_time()
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    if outer:
                        self.seconds[name] += time.process_time() - started
                        self._busy = False
                yield item

        return timed


class Patched:
    """Module attributes replaced while inside the `with`, restored after."""

    def __init__(self, replacements: dict[tuple[types.ModuleType, str], Callable]) -> None:
        self.replacements = replacements
        self.originals = {site: getattr(*site) for site in replacements}

    def __enter__(self) -> Patched:
        for (module, attribute), value in self.replacements.items():
            setattr(module, attribute, value)
        return self

    def __exit__(self, *_exc: object) -> None:
        for (module, attribute), value in self.originals.items():
            setattr(module, attribute, value)


def empty_kgraph_caches() -> None:
    """Every `functools.cache` of kgraph's modules emptied: each timed pass starts as a fresh worker."""
    for name, module in list(sys.modules.items()):
        if name.startswith("kgraph"):
            for value in list(vars(module).values()):
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


def documents_of(paths: list[Path]) -> list:
    from kgraph.sources import read_document
    from kgraph.sources.files import discover

    read = (read_document(candidate) for candidate in discover(paths))
    return [document for document in read if document is not None]


def extraction_seconds(documents: list) -> float:
    """Process time of one extraction of `documents` in this process."""
    from kgraph.sources import extract

    empty_kgraph_caches()
    with collector_paused():
        started = time.process_time()
        for document in documents:
            extract(document)
        return time.process_time() - started


@dataclass
class Cost:
    plain: float  # the extraction, nothing wrapped (median of the repetitions)
    wrapped: float  # the extraction with every reader wrapped
    seconds: dict[str, float]  # per reader (median)
    calls: Counter[str]


def measure_costs(documents: list, sites: dict[str, tuple[types.ModuleType, str]], reps: int) -> Cost:
    plains, wrappeds, runs = [], [], []
    calls: Counter[str] = Counter()
    for _ in range(reps):
        plains.append(extraction_seconds(documents))
        timers = Timers()
        with Patched({site: timers.wrap(name, getattr(*site)) for name, site in sites.items()}):
            wrappeds.append(extraction_seconds(documents))
        runs.append(timers.seconds)
        calls = timers.calls
    seconds = {name: statistics.median(run[name] for run in runs) for name in sites}
    return Cost(statistics.median(plains), statistics.median(wrappeds), seconds, calls)


# -- yield --------------------------------------------------------------------------------------------
def turtle_triples(path: Path) -> set[Triple]:
    """The triples of a Turtle file, each term in its N-Triples form (kgraph writes no blank nodes)."""
    return {
        (str(triple.subject), str(triple.predicate), str(triple.object))
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    }


def built_triples(paths: list[Path]) -> set[Triple]:
    """The graph.ttl of a build of `paths` (in this process, one job, no cache), as triples."""
    from kgraph.api import build

    with tempfile.TemporaryDirectory() as folder:
        build(paths, jobs=1).write(folder, formats=("turtle",))
        return turtle_triples(Path(folder) / "graph.ttl")


def compare(normal: set[Triple], other: set[Triple]) -> tuple[set[Triple], set[Triple]]:
    """(lost: in the normal graph only, gained: in the other only)."""
    return normal - other, other - normal


def classes_of(triples: Iterable[Triple]) -> dict[str, str]:
    """Each typed subject's class as a CURIE (the first, in sorted order, when it has several)."""
    classes: dict[str, str] = {}
    for subject, predicate, obj in sorted(triples):
        if predicate == RDF_TYPE and subject not in classes:
            classes[subject] = curie(obj.strip("<>"))
    return classes


def lost_kinds(lost: Iterable[Triple], classes: dict[str, str]) -> Counter[str]:
    """How many lost triples fall under each `class predicate` (class `?` when the subject has none)."""
    return Counter(f"{classes.get(subject, '?')} {curie(predicate.strip('<>'))}" for subject, predicate, _ in lost)


@dataclass
class Yield:
    lost: int
    gained: int
    kinds: Counter[str]
    calls: int  # calls the reader that found nothing received (0: the build never asked it)
    error: str = ""


def measure_yield(
    paths: list[Path], name: str, site: tuple[types.ModuleType, str], normal: set[Triple], classes: dict[str, str]
) -> Yield:
    calls = [0]
    nothing = FINDS_NOTHING[name]

    def counted(*args: object) -> object:
        calls[0] += 1
        return nothing(*args)

    try:
        with Patched({site: counted}):
            other = built_triples(paths)
    except Exception as error:  # a caller that cannot take "nothing": said in the table
        return Yield(0, 0, Counter(), calls[0], type(error).__name__)
    lost, gained = compare(normal, other)
    return Yield(len(lost), len(gained), lost_kinds(lost, classes), calls[0])


# -- the table ----------------------------------------------------------------------------------------
def per_100ms(lost: int, seconds: float) -> str:
    return f"{lost / (seconds * 10):,.0f}" if seconds > 0 else "-"


def print_table(cost: Cost, yields: dict[str, Yield], triples: int, documents: int) -> None:
    total = cost.wrapped
    print(
        f"{documents} documents; extraction {cost.plain:.2f} s plain, {total:.2f} s with readers wrapped "
        f"(shares are of this); normal graph {triples:,} triples\n"
    )
    print("| reader | calls | cost ms | share | lost | gained | lost per 100 ms | commonest lost (class predicate) |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, seconds in sorted(cost.seconds.items(), key=lambda item: -item[1]):
        found = yields.get(name)
        if found is None:
            lost = gained = per = "-"
            kinds = "(timed only)" if name not in FINDS_NOTHING else "(not measured)"
        elif found.error:
            lost = gained = per = "-"
            kinds = f"build failed: {found.error}"
        else:
            lost, gained, per = f"{found.lost:,}", f"{found.gained:,}", per_100ms(found.lost, seconds)
            kinds = ", ".join(f"{kind} {count:,}" for kind, count in found.kinds.most_common(3))
            if not found.calls:
                kinds = "(never called)"
        print(
            f"| {name} | {cost.calls[name]:,} | {seconds * 1e3:,.0f} | {100 * seconds / total:.1f}% "
            f"| {lost} | {gained} | {per} | {kinds} |"
        )
    readers = sum(cost.seconds.values())
    measured = [y for y in yields.values() if not y.error]
    print(
        f"| **total** | {sum(cost.calls.values()):,} | {readers * 1e3:,.0f} | {100 * readers / total:.1f}% "
        f"| {sum(y.lost for y in measured):,} | {sum(y.gained for y in measured):,} | | "
        f"(the rest, {100 * (total - readers) / total:.1f}%, is extract_document's own code and the steps "
        "around it; lost and gained add up each reader's own build) |"
    )
    print_thresholds(cost, yields)


def print_thresholds(cost: Cost, yields: dict[str, Yield]) -> None:
    """What the readers below a yield would cost together (each one's loss measured alone)."""
    print("\n| readers losing fewer than N triples per 100 ms | readers | their cost share | their lost triples |")
    print("|---|---:|---:|---:|")
    measured = {name: found for name, found in yields.items() if not found.error}
    for bar in (1, 10, 100, 1_000):
        below = [name for name, found in measured.items() if found.lost < bar * cost.seconds[name] * 10]
        seconds = sum(cost.seconds[name] for name in below)
        print(
            f"| {bar:,} | {len(below)} ({', '.join(sorted(below)) or '-'}) | {100 * seconds / cost.wrapped:.1f}% "
            f"| {sum(measured[name].lost for name in below):,} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="+", type=Path, help="folders read as one corpus")
    parser.add_argument("--reps", type=int, default=1, help="timed extractions (median per reader)")
    parser.add_argument("--readers", help="comma-separated readers whose yield to measure (default: all)")
    parser.add_argument("--no-yield", action="store_true", help="costs only: no build per reader")
    args = parser.parse_args()
    sites = reader_sites()  # (imports the extraction's modules before timing, as a worker has them)
    documents = documents_of(args.corpus)
    cost = measure_costs(documents, sites, args.reps)
    chosen = args.readers.split(",") if args.readers else [name for name in sites if name in FINDS_NOTHING]
    unknown = [name for name in chosen if name not in FINDS_NOTHING or name not in sites]
    if unknown:
        parser.error(f"no yield measure for {', '.join(unknown)} (known: {', '.join(FINDS_NOTHING)})")
    yields: dict[str, Yield] = {}
    normal: set[Triple] = set()
    if not args.no_yield:
        normal = built_triples(args.corpus)
        classes = classes_of(normal)
        for name in chosen:
            started = time.perf_counter()
            yields[name] = measure_yield(args.corpus, name, sites[name], normal, classes)
            print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
        if built_triples(args.corpus) != normal:  # every patch undone, no state carried over
            print("WARNING: the normal build differs after the others: the yields are not to be trusted")
    print_table(cost, yields, len(normal), len(documents))


if __name__ == "__main__":
    main()
