"""Moved to `kgraph.build` (pipeline, workers, store, keys); these names stay importable."""

from kgraph.build.pipeline import BuildOptions, gc_paused, run
from kgraph.build.workers import MIN_PARALLEL_TASKS as MIN_PARALLEL_DOCUMENTS
from kgraph.build.workers import extract_source

__all__ = ["MIN_PARALLEL_DOCUMENTS", "BuildOptions", "extract_source", "gc_paused", "run"]
