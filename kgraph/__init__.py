"""kgraph: podcast, newsletter and paper summaries -> a knowledge graph (RDF, NetworkX, HTML)."""

from kgraph.api import KnowledgeGraph, build
from kgraph.errors import KgraphError

__all__ = ["KgraphError", "KnowledgeGraph", "build"]
__version__ = "0.1.0"
