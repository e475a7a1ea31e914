"""medkg: knowledge graphs of academic exchange in medicine, built from news articles.

Public API (stable):

- :class:`medkg.graph.store.Store` -- the embedded RDF store (one named graph per article)
- :func:`medkg.ingest.pipeline.ingest_paths` -- read, extract and store articles
- :func:`medkg.ingest.pipeline.extract_text` -- one text to an rdflib Graph, no store
"""

__version__ = "0.1.0"

from medkg.errors import MedkgError  # noqa: E402,F401
