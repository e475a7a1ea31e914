"""The embedded RDF store: Oxigraph (pyoxigraph) on disk, one named graph per article.

* ``Store(path)`` opens (or creates) a persistent store in a directory; ``Store()``
  is in memory (tests, one-off runs).
* Each article lives in its own named graph (``medkg.ontology.graph_iri(stem)``), so it
  can be replaced or removed atomically: :meth:`Store.replace_article` drops the old
  graph and inserts the new one inside one SPARQL Update transaction.
* rdflib stays usable: :meth:`Store.dataset` / :meth:`Store.union_graph` return rdflib
  objects holding the data.
"""

from __future__ import annotations

import base64
import contextlib
import io
import itertools
import os
import re
import shutil
import threading
import zlib
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
import rdflib

from medkg.errors import MedkgError
from medkg.fileio import atomic_path
from medkg.graph import counts as _counts
from medkg.ontology.namespaces import (ARTICLE_GRAPH_PREFIX, GRAPH, MKG, ONTOLOGY_GRAPH, PREFIXES, graph_iri,
                                      stem_of_graph)

#: format name -> (pyoxigraph format, keeps named graphs?)
FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nq": (ox.RdfFormat.N_QUADS, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
    "xml": (ox.RdfFormat.RDF_XML, False),
}
EXTENSIONS = {
    ".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nt": "nt", ".ntriples": "nt",
    ".nq": "nq", ".nquads": "nq", ".jsonld": "jsonld", ".json": "jsonld", ".rdf": "xml",
    ".xml": "xml", ".owl": "xml",
}
#: rdflib parser names for the same formats
RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads",
                  "jsonld": "json-ld", "xml": "xml"}

DEFAULT_STORE = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "medkg" / "store"


def default_store_path() -> Path:
    """``$MEDKG_STORE`` if set, else ``~/.local/share/medkg/store``."""
    env = os.environ.get("MEDKG_STORE")
    return Path(env) if env else DEFAULT_STORE


def format_for(path: str | os.PathLike | None, fmt: str | None) -> str:
    """The export format: explicit ``fmt`` wins, else the file extension, else Turtle."""
    if fmt:
        fmt = fmt.lower().replace("-", "")
        fmt = {"ttl": "turtle", "ntriples": "nt", "nquads": "nq", "json": "jsonld", "rdfxml": "xml"}.get(fmt, fmt)
        if fmt not in FORMATS:
            raise MedkgError(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
        return fmt
    if path is not None:
        ext = Path(path).suffix.lower()
        if ext in EXTENSIONS:
            return EXTENSIONS[ext]
    return "turtle"


def _to_ox(term):
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r}")


def _to_rdflib(term):
    """pyoxigraph term -> rdflib term."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(dt), normalize=False)
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"cannot convert {term!r}")


class Store:
    """An Oxigraph store holding one named graph per article (plus the ontology graph)."""

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            else:
                if self.path.exists() and not self.path.is_dir():
                    raise MedkgError(f"store {self.path}: not a directory")
                if read_only:
                    if not self.path.exists():
                        raise MedkgError(f"store {self.path}: does not exist (run 'medkg ingest' first)")
                    self._store = ox.Store.read_only(str(self.path))
                else:
                    if not self.path.exists() or not any(self.path.iterdir()):
                        _create_store(self.path)
                    self._store = ox.Store(str(self.path))
                    _drop_unfinished_bulk_files(self.path)
        except MedkgError:
            raise
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise MedkgError(f"store {self.path}: locked by another process (a running 'medkg ingest' "
                                 f"or 'medkg serve'?); wait for it or use another --store") from None
            raise MedkgError(f"store {self.path}: cannot open ({_reason(exc)})") from None
        except Exception as exc:  # pyoxigraph raises plain errors for corrupt data
            raise MedkgError(f"store {self.path}: cannot open, corrupt or not an Oxigraph store ({_reason(exc)})") from None
        # The default graph holds the merged union of the article graphs (fast, duplicate-free
        # queries and exports), plus copies of the ontology and of the derived counts: the one
        # graph queries read. Stores written before it existed are merged when opened for writing.
        self._dirty = False     # written since the counts were last refreshed?
        self._touched: set[str] | None = set()   # entities to recount (None: all)
        self._merged = self._check_merged()
        self._mirrored = _counts.is_mirrored(self._store)
        if not self._merged and not read_only:
            self.materialize()
        elif not read_only and self._needs_snapshots():
            self._rebuild(default_graph=False)  # a store written before snapshots existed
        if not read_only and not self._mirrored:
            self._mirror_ontology()             # counts: an older version, recounted (and copied) below
        # per-entity counts (medkg.graph.counts): rebuilt if a write session did not finish
        if not read_only and (self._dirty or not _counts.is_valid(self._store)):
            self._dirty = False
            _counts.refresh(self._store)
        if not read_only:
            self._mirrored = True

    # ------------------------------------------------------------------ raw access
    @property
    def oxigraph(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store` (for fast SPARQL)."""
        return self._store

    def __len__(self) -> int:
        """Quads in the named graphs (articles and ontology), not counting the merged default
        graph nor the export snapshots."""
        return (len(self._store) - (self._default_size() if self._merged else 0)
                - self._graph_size(ox.NamedNode(SNAPSHOT_GRAPH))
                - self._graph_size(ox.NamedNode(str(_counts.COUNTS_GRAPH))))

    def flush(self) -> None:
        """Bring the derived counts up to date after writes, and persist."""
        if self._store is not None and self._dirty:
            # the written articles go to disk (a RocksDB flush, which releases the GIL) while
            # the counts are refreshed: the refresh's reads do not wait for it
            persist = self.persist(background=True)
            try:
                _counts.refresh(self._store, self._touched)
            finally:
                if persist is not None:
                    persist.join()
            self._dirty, self._touched = False, set()
        if self.path is not None:
            try:
                self._store.flush()
            except Exception:  # read-only stores cannot flush
                pass

    def persist(self, background: bool = False):
        """Write the buffered writes to disk (frees the store's write buffers), without
        refreshing the counts; in-memory stores: nothing to do. ``background``: in a thread
        (RocksDB's flush releases the GIL, writes may go on meanwhile); returns an object
        whose ``join()`` waits for it and raises its error."""
        if self.path is None:
            return None

        def flush():
            try:
                self._store.flush()
            except OSError as exc:
                raise MedkgError(f"store {self.path}: write failed ({_reason(exc)})") from None
        if background:
            return _Background(flush)
        flush()
        return None

    def optimize(self) -> None:
        """Compact the store on disk (RocksDB's full compaction): every update or removal leaves
        the old entries behind until then, so a long-lived store that took many sessions grows and
        its queries slow down. Minutes on a 100k-article store; the content is unchanged."""
        self.flush()
        if self.path is None:
            return
        try:
            self._store.optimize()
        except OSError as exc:
            raise MedkgError(f"store {self.path}: optimize failed ({_reason(exc)})") from None

    def close(self) -> None:
        self.flush()
        self._store = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------------ articles
    def articles(self) -> list[str]:
        """Stems of the articles in the store, sorted."""
        stems = (stem_of_graph(g.value) for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(s for s in stems if s is not None)

    def article_hash(self, stem: str) -> str | None:
        """The content hash recorded when ``stem`` was last ingested, or None."""
        g = ox.NamedNode(str(graph_iri(stem)))
        for q in self._store.quads_for_pattern(None, ox.NamedNode(str(MKG.contentHash)), None, g):
            return q.object.value
        return None

    def replace_article(self, stem: str, triples: Iterable[tuple]) -> int:
        """Atomically replace the named graph of ``stem`` with ``triples`` (rdflib terms).

        Returns the number of triples written. Either the old graph stays whole or
        the new one is fully in place: a crash never leaves half an article.
        """
        return self._replace_graph(str(graph_iri(stem)), triples)

    def replace_article_ntriples(self, stem: str, data: bytes | str, count: int | None = None) -> int:
        """Like :meth:`replace_article`, with the triples already as N-Triples text.

        The fast path of the parallel ingest: workers serialize, the writer only stores.
        Returns ``count`` (or the number of lines when not given).
        """
        if isinstance(data, bytes):
            data = data.decode("utf-8")
        self._replace_graph_nt(str(graph_iri(stem)), data)
        return count if count is not None else data.count("\n")

    def add_articles_ntriples(self, items: Iterable[tuple[str, bytes | str]]) -> None:
        """Store several articles, each ``(stem, N-Triples text)``: what one ingest batch writes.

        The new ones (the common case) go in together through Oxigraph's bulk loader: it
        sorts their quads (article graphs, default-graph copies, snapshots) into one file
        per index and RocksDB adds all the files in one step (an atomic ingestion), so a
        crash leaves either every article of the batch or none. That costs well under half
        the CPU of one transaction per article (no write-ahead log, no memtables to flush
        and compact). Up to :data:`BULK_MAX_QUADS` quads go in one load (the bulk loader's
        batch is 1,000,000: more would be several ingestions). Articles already stored, and
        those with blank nodes (labels are scoped to one document), are replaced one by one
        by :meth:`replace_article_ntriples`."""
        if self.path is None:                    # in memory: nothing to gain, keep it simple
            for stem, data in items:
                self.replace_article_ntriples(stem, data)
            return
        parts: list[str] = []
        pending: set[str] = set()               # the graphs in parts
        quads = 0

        def load() -> None:
            nonlocal quads
            if parts:
                try:
                    self._store.bulk_load("".join(parts), format=ox.RdfFormat.N_QUADS)
                except OSError as exc:
                    raise MedkgError(f"store {self.path}: write failed ({_reason(exc)})") from None
                parts.clear()
                pending.clear()
                quads = 0

        for stem, data in items:
            if isinstance(data, bytes):
                data = data.decode("utf-8")
            data = _canonical_nt(data)
            graph = str(graph_iri(stem))
            g = ox.NamedNode(graph)
            n = 2 * data.count("\n") + 1
            if graph in pending:                # the same article again: the earlier version goes in
                load()                          # first, and this one replaces it
            if not data or "_:" in data or n > BULK_MAX_QUADS or not self._is_new(g):
                self._replace_graph_nt(graph, data)
                continue
            self._begin_write()
            if self._touched is not None:
                self._touched |= _counts.mentioned(data)
            if quads + n > BULK_MAX_QUADS:
                load()
            parts.append(_new_article_nquads(graph, data, _snapshot_of(data.encode("utf-8"))))
            pending.add(graph)
            quads += n
        load()

    def _replace_graph(self, graph: str, triples: Iterable[tuple], materialize: bool = True) -> int:
        data = ntriples(triples)
        self._replace_graph_nt(graph, data.decode("utf-8"), materialize)
        return data.count(b"\n")

    def _begin_write(self) -> None:
        """Before the first write of a session: mark the counts stale (refreshed by flush/close)."""
        if not self._dirty:
            _counts.invalidate(self._store)
            self._dirty = True
            if next(self._article_graphs(), None) is None:
                # no article yet: every entity will be new, and one full recount (whole
                # predicates) is faster than recounting them one by one (1.6 s instead of 2.3
                # for 1,000 articles, the same counts)
                self._touched = None

    def _replace_graph_nt(self, graph: str, data: str, materialize: bool = True) -> None:
        self._begin_write()
        data = _canonical_nt(data)
        if self._touched is not None and graph.startswith(ARTICLE_GRAPH_PREFIX):
            self._touched |= _counts.mentioned(data)        # (reads canonical N-Triples)
            if self._store.contains_named_graph(ox.NamedNode(graph)):
                self._touch_graph(graph)
        # One transaction writes the article graph, its copy in the merged default graph and
        # its export snapshot (so they can never disagree, even after a crash).
        article = materialize and graph.startswith(ARTICLE_GRAPH_PREFIX)
        snap = _snapshot_of(data.encode("utf-8")) if article else None
        g = ox.NamedNode(graph)
        try:
            if materialize and self._is_new(g):
                # A new article (the common case): nothing to retract or drop. One
                # transactional load writes its graph and its default-graph copy together.
                self._store.load(_new_article_nquads(graph, data, snap), format=ox.RdfFormat.N_QUADS)
                return
        except OSError as exc:
            raise MedkgError(f"store {self.path or '(memory)'}: write failed ({_reason(exc)})") from None
        # An update: retract the old article's triples from the merged default graph (unless
        # another article states them too), drop its graph, insert the new graph, merge it into
        # the default graph and replace its snapshot -- one SPARQL update, one transaction.
        parts = [_retract(graph)] if materialize else []
        parts += [f"DROP SILENT GRAPH <{graph}>", f"INSERT DATA {{ GRAPH <{graph}> {{\n{data}\n}} }}"]
        if materialize:
            parts.append(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        if article:
            parts.append(_drop_snapshot(graph))
            if snap:
                parts.append(f"INSERT DATA {{ GRAPH <{SNAPSHOT_GRAPH}> {{ <{graph}> <{SNAPSHOT}> "
                             f"\"{snap}\"^^<{_B64}> }} }}")
        try:
            self._store.update(" ;\n".join(parts))
        except OSError as exc:
            raise MedkgError(f"store {self.path or '(memory)'}: write failed ({_reason(exc)})") from None

    def _touch_graph(self, graph: str) -> None:
        """Before an article graph is replaced or removed: what it mentions, and the countries
        those reach (found now, while its triples are still there), are to be recounted."""
        old = _counts.mentioned_in_graph(self._store, graph)
        self._touched |= old | _counts.neighbours(self._store, old)

    def _mirror_ontology(self) -> None:
        """Copy the ontology graph into the default graph (a store written by an older medkg)."""
        self._store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")

    def _is_new(self, g: ox.NamedNode) -> bool:
        """No article graph ``g`` in the store, nor a snapshot of one: nothing to retract or drop."""
        return not self._store.contains_named_graph(g) and not self._has_snapshot(g)

    def _has_snapshot(self, g: ox.NamedNode) -> bool:
        return _counts.has_quad(self._store, g, ox.NamedNode(SNAPSHOT), None, ox.NamedNode(SNAPSHOT_GRAPH))

    def remove_article(self, stem: str) -> bool:
        """Remove article ``stem``; False if it was not in the store."""
        g = ox.NamedNode(str(graph_iri(stem)))
        if not self._store.contains_named_graph(g):
            return False
        self._begin_write()
        if self._touched is not None:
            self._touch_graph(g.value)
        self._store.update(f"{_retract(g.value)} ;\nDROP SILENT GRAPH <{g.value}> ;\n{_drop_snapshot(g.value)}")
        return True

    def set_ontology(self, graph: rdflib.Graph) -> None:
        """Replace the ontology graph (ontology, SKOS specialty scheme) with ``graph``, and its
        copy in the default graph (a triple an article states too stays there)."""
        self._replace_graph(str(ONTOLOGY_GRAPH), graph)

    def update(self, sparql: str, **kwargs) -> None:
        """Run a raw SPARQL Update on the named graphs, then re-merge the default graph.

        For administrators (``medkg serve --allow-update``); ingest uses the per-article
        transactions above. Writes to the default graph itself are not kept: it is
        always rebuilt from the article graphs.
        """
        kwargs.setdefault("prefixes", PREFIXES)
        self._begin_write()
        self._touched = None        # anything may have changed: recount all
        self._store.update(sparql, **kwargs)
        self.materialize()

    def materialize(self) -> int:
        """Rebuild the merged default graph (the set union of all article graphs) and the
        export snapshots.

        Needed only after loading quads behind the store's back (``bulk_load``, ``load``, a
        raw ``update``, a store written by an older medkg); ``replace_article`` and
        ``remove_article`` keep both current. Returns the number of triples in the default graph.
        """
        self._begin_write()
        self._touched = None        # rebuilt from scratch: recount all
        self._rebuild(default_graph=True)
        self._merged = True
        return self._union_size()

    def _rebuild(self, default_graph: bool) -> None:
        """Re-derive the snapshots (and the merged default graph) from the article graphs,
        reading each graph once as N-Triples. Not transactional, like ``bulk_load``: an
        interrupted run leaves graphs without snapshot, which exports read from disk instead."""
        st = self._store
        if default_graph:
            # the derived copies go too: the caller's session recounts everything (touched = None)
            st.remove_graph(ox.DefaultGraph())
            self._mirror_ontology()
        st.remove_graph(ox.NamedNode(SNAPSHOT_GRAPH))
        nt_batch, snaps, size = [], [], 0

        def flush():
            if default_graph and nt_batch:
                st.bulk_load(b"".join(nt_batch), ox.RdfFormat.N_TRIPLES)   # into the default graph
            if snaps:
                st.bulk_extend(snaps)
            nt_batch.clear()
            snaps.clear()

        snap_g, snap_p, b64 = ox.NamedNode(SNAPSHOT_GRAPH), ox.NamedNode(SNAPSHOT), ox.NamedNode(_B64)
        for g in self._article_graphs():
            data = st.dump(None, ox.RdfFormat.N_TRIPLES, from_graph=g)
            if b"_:" in data:
                # blank nodes: copy the terms themselves (labels in text are document-scoped); no snapshot
                if default_graph:
                    st.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                                   for q in st.quads_for_pattern(None, None, None, g))
                continue
            snap = _snapshot_of(data, from_store=True)
            if snap:
                snaps.append(ox.Quad(g, snap_p, ox.Literal(snap, datatype=b64), snap_g))
            nt_batch.append(data)
            size += len(data)
            if size > 32 << 20:
                flush()
                size = 0
        flush()
        # marks the store as having snapshots (also when no article has one)
        st.add(ox.Quad(snap_g, ox.NamedNode(str(MKG.snapshotFormat)), ox.Literal(SNAPSHOT_FORMAT), snap_g))

    def _needs_snapshots(self) -> bool:
        return (not self._store.contains_named_graph(ox.NamedNode(SNAPSHOT_GRAPH))
                and next(iter(self._article_graphs()), None) is not None)

    def _article_graphs(self) -> Iterator[ox.NamedNode]:
        return (g for g in self._store.named_graphs()
                if isinstance(g, ox.NamedNode) and g.value.startswith(ARTICLE_GRAPH_PREFIX))

    def _default_size(self) -> int:
        return self._graph_size(ox.DefaultGraph())

    def _union_size(self) -> int:
        """Triples of the merged article graphs: the default graph without the copies of the
        derived triples (by predicate) and of the ontology triples no article states."""
        n = self._default_size()
        if not self._mirrored:
            return n
        return n - self._count(f"VALUES ?p {{ {' '.join(f'<{p}>' for p in _counts.DERIVED_PREDICATES)} }} ?s ?p ?o") \
            - self._count(f"GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} ?s ?p ?o {_NOT_IN_ARTICLE}")

    def _count(self, where: str) -> int:
        """The number of solutions of the pattern ``where`` on the store's own default graph."""
        return int(next(iter(self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")))["n"].value)

    def _graph_size(self, graph) -> int:
        return self._count("?s ?p ?o" if isinstance(graph, ox.DefaultGraph) else f"GRAPH <{graph.value}> {{ ?s ?p ?o }}")

    def _check_merged(self) -> bool:
        """False for a store whose article graphs are not merged into the default graph yet."""
        if _counts.has_quad(self._store, None, None, None):          # something in the default graph
            return True
        return not any(isinstance(g, ox.NamedNode) and g.value.startswith(ARTICLE_GRAPH_PREFIX)
                       for g in self._store.named_graphs())

    # ------------------------------------------------------------------ reading
    def quads(self, include_ontology: bool = True) -> Iterator[ox.Quad]:
        """The stored quads of the named graphs (articles, and the ontology if asked)."""
        onto, snap = ox.NamedNode(str(ONTOLOGY_GRAPH)), ox.NamedNode(SNAPSHOT_GRAPH)
        derived = ox.NamedNode(str(_counts.COUNTS_GRAPH))
        for g in list(self._store.named_graphs()):
            if (include_ontology or g != onto) and g != snap and g != derived:
                yield from self._store.quads_for_pattern(None, None, None, g)

    def dataset(self, include_ontology: bool = True) -> rdflib.Dataset:
        """All data as an rdflib Dataset (named graphs kept; default graph = union)."""
        ds = rdflib.Dataset(default_union=True)
        for k, v in PREFIXES.items():
            ds.bind(k, v)
        for q in self.quads(include_ontology):
            ds.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object),
                    rdflib.URIRef(q.graph_name.value) if isinstance(q.graph_name, ox.NamedNode) else None))
        return ds

    def union_graph(self, include_ontology: bool = True) -> rdflib.Graph:
        """All data merged into one plain :class:`rdflib.Graph`."""
        g = rdflib.Graph()
        for k, v in PREFIXES.items():
            g.bind(k, v)
        for q in self.quads(include_ontology):
            g.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
        return g

    def article_graph(self, stem: str) -> rdflib.Graph:
        """The named graph of one article as an rdflib Graph."""
        g = rdflib.Graph(identifier=graph_iri(stem))
        for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph_iri(stem)))):
            g.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
        return g

    def query(self, sparql: str, **kwargs):
        """Run SPARQL on the store.

        The default graph is the merged union of all article graphs (each triple once,
        however many articles state it) plus the ontology graph; ``GRAPH ?g`` reaches
        the per-article graphs. Standard prefixes (schema:, mkg:, skos: ...) are predeclared.
        """
        kwargs.setdefault("prefixes", PREFIXES)
        if "default_graph" not in kwargs and not kwargs.get("use_default_graph_as_union"):
            if self._merged and self._mirrored:
                pass            # the default graph itself: articles merged, ontology, counts
            elif self._merged:  # a store of an older medkg opened read-only: the three graphs
                kwargs["default_graph"] = [ox.DefaultGraph(), ox.NamedNode(str(ONTOLOGY_GRAPH)),
                                           ox.NamedNode(str(_counts.COUNTS_GRAPH))]
            else:  # an unmerged store opened read-only: fall back to the (slower) union
                kwargs["use_default_graph_as_union"] = True
        return self._store.query(sparql, **kwargs)

    def stats(self) -> dict:
        """Counts: articles, triples, and entities by schema.org type."""
        counts = {}
        rows = self.query("""SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE {
            VALUES ?t { schema:Person schema:Organization schema:Event schema:MedicalSpecialty
                        schema:Country schema:Place schema:NewsArticle }
            ?s a ?t } GROUP BY ?t""")
        for row in rows:
            counts[row["t"].value.rsplit("/", 1)[-1]] = int(row["n"].value)
        return {"articles": len(self.articles()), "triples": self._union_size() if self._merged else len(self),
                "quads": len(self), "by_type": counts}

    # ------------------------------------------------------------------ export
    def export(self, output, fmt: str | None = None, include_ontology: bool = False) -> int:
        """Write the graph to ``output`` (a path or binary file) in ``fmt``; returns quads written.

        Formats that keep named graphs (TriG, N-Quads, JSON-LD) keep one graph per
        article; the others get the union (duplicates across articles merged).
        Writing to a path is atomic: a temporary file is renamed into place.
        Streams: Oxigraph writes straight from the store, nothing is held in memory.
        """
        fmt = format_for(output if isinstance(output, (str, os.PathLike)) else None, fmt)
        if isinstance(output, (str, os.PathLike)):
            with atomic_path(output) as tmp, open(tmp, "wb", buffering=1 << 20) as fh:
                return self._write(fh, fmt, include_ontology)
        return self._write(output, fmt, include_ontology)

    def _write(self, fh, fmt: str, include_ontology: bool) -> int:
        ox_fmt, keeps_graphs = FORMATS[fmt]
        prefixes = dict(PREFIXES)
        counter = _Counter()
        if fmt == "jsonld":
            items = counter.wrap(self.quads(include_ontology))
            _serialize_jsonld(items, fh, prefixes)
            return counter.n
        if fmt == "nq":
            return self._write_nquads(fh, include_ontology)
        if fmt in ("turtle", "nt"):
            n = self._write_union(fh, fmt, include_ontology)
            if n is not None:
                return n
        kwargs = {"prefixes": prefixes} if fmt in ("turtle", "trig", "xml") else {}
        if keeps_graphs:
            items = self.quads(include_ontology)
        elif self._merged:
            # the merged default graph is already the set union of the article graphs (once its
            # copies of the derived triples, and of the ontology unless asked, are left out)
            items = (q.triple for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
            if self._mirrored:
                derived = {ox.NamedNode(p) for p in _counts.DERIVED_PREDICATES}
                skip = set() if include_ontology else {
                    ox.Triple(r["s"], r["p"], r["o"]) for r in self._store.query(
                        f"SELECT ?s ?p ?o WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} {_NOT_IN_ARTICLE} }}")}
                items = (t for t in items if t.predicate not in derived and t not in skip)
            elif include_ontology:
                onto = ox.NamedNode(str(ONTOLOGY_GRAPH))
                items = itertools.chain(items, (q.triple for q in self._store.quads_for_pattern(None, None, None, onto)))
        else:
            side = f"?g != <{SNAPSHOT_GRAPH}> && ?g != <{_counts.COUNTS_GRAPH}>"
            where = f"GRAPH ?g {{ ?s ?p ?o }} FILTER({side})" if include_ontology else \
                f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}> && {side})"
            items = self._store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {where} }} }}")
        ox.serialize(counter.wrap(items), fh, ox_fmt, **kwargs)
        return counter.n

    def _snapshots(self) -> Iterator[tuple[ox.NamedNode, bytes, bool]]:
        """(article graph, its N-Triples, from a snapshot?) for every article graph: first those
        with a snapshot, then those read from disk (bulk-loaded or raw-updated and not yet
        materialized, blank nodes, an interrupted rebuild)."""
        graphs = set(self._article_graphs())
        for q in self._store.quads_for_pattern(None, ox.NamedNode(SNAPSHOT), None, ox.NamedNode(SNAPSHOT_GRAPH)):
            if q.subject in graphs:       # (a snapshot always has its graph; be safe anyway)
                graphs.discard(q.subject)
                yield q.subject, zlib.decompress(base64.b64decode(q.object.value)), True
        for g in graphs:
            yield g, self._store.dump(None, ox.RdfFormat.N_TRIPLES, from_graph=g), False

    def _write_nquads(self, fh, include_ontology: bool) -> int:
        """N-Quads, one graph per article: the snapshots with the graph name appended to each line."""
        n = 0
        for g, data, _ in self._snapshots():
            n += data.count(b"\n")
            fh.write(data.replace(b" .\n", b" <" + g.value.encode("utf-8") + b"> .\n"))
        if include_ontology:
            onto = ox.NamedNode(str(ONTOLOGY_GRAPH))
            counter = _Counter()
            ox.serialize(counter.wrap(self._store.quads_for_pattern(None, None, None, onto)), fh,
                         ox.RdfFormat.N_QUADS)
            n += counter.n
        return n

    def _write_union(self, fh, fmt: str, include_ontology: bool) -> int | None:
        """Turtle / N-Triples of the union from the snapshots: lines deduplicated in memory
        (first occurrence kept, so each article's subjects stay grouped), then Turtle written
        by Oxigraph. None (caller streams from disk) when the snapshots are too big to hold
        or too many graphs lack one."""
        chunks, size, n_snap, n_graphs = [], 0, 0, None
        for g, data, snapshot in self._snapshots():
            if not snapshot and n_graphs is None:       # the snapshots are done; the rest is read from disk
                n_graphs = sum(1 for _ in self._article_graphs())
                if n_graphs - n_snap > max(10, n_graphs // 10):
                    return None             # mostly without snapshots (an old store opened read-only)
            n_snap += snapshot
            chunks.append(data)
            size += len(data)
            if size > UNION_MEMORY_LIMIT:
                return None
        if include_ontology:
            chunks.append(self._store.dump(None, ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(ONTOLOGY_GRAPH))))
        lines = dict.fromkeys(itertools.chain.from_iterable(c.split(b"\n") for c in chunks))
        chunks = None
        lines.pop(b"", None)
        data = b"\n".join(lines)
        if data:
            data += b"\n"
        if fmt == "nt":
            fh.write(data)
        else:
            ox.serialize(ox.parse(data, ox.RdfFormat.N_TRIPLES), fh, ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))
        return len(lines)

    def bulk_load(self, source, fmt: str | None = None) -> int:
        """Load a (large) RDF file fast, without a transaction; returns the quads now in the store.

        For N-Quads/TriG dumps of medkg graphs (e.g. merging shards). Not atomic: a
        crash during the load can leave part of the file loaded (re-run it: loading
        the same quads again changes nothing).
        """
        fmt = format_for(source, fmt)
        with _reading(source, fmt):
            self._store.bulk_load(path=str(source), format=FORMATS[fmt][0])
        self.materialize()
        return len(self)

    def load(self, source, fmt: str | None = None, stem: str | None = None) -> None:
        """Load an RDF file into the store: into article graph ``stem``, or (quad formats) its own graphs.

        The default graph is derived from the article graphs, so triples cannot be
        loaded into it: a triple format needs ``stem``.
        """
        fmt = format_for(source, fmt)
        if not stem and not FORMATS[fmt][1]:
            raise MedkgError(f"{source}: {fmt} has no named graphs; give the article id it belongs to")
        with _reading(source, fmt):
            if stem:
                self._store.load(path=str(source), format=FORMATS[fmt][0], to_graph=ox.NamedNode(str(graph_iri(stem))))
            else:
                self._store.load(path=str(source), format=FORMATS[fmt][0])
        self.materialize()


def _drop_unfinished_bulk_files(path: Path) -> None:
    """Remove the sorted files of a bulk write that a crash interrupted before RocksDB took
    them (it moves the files it takes under its own numbered names; these are garbage, and the
    store holds none of their quads). Called with the store open for writing: nobody else can
    be writing them."""
    for f in path.glob("bulk-*.sst"):
        with contextlib.suppress(OSError):
            f.unlink()


def _create_store(path: Path) -> None:
    """Create an empty Oxigraph store at ``path`` atomically: RocksDB creates its column
    families one by one, so a store killed while being created could not be opened again.
    It is made under a temporary name and renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    store = ox.Store(str(tmp))
    store.flush()
    del store
    try:
        os.replace(tmp, path)               # (an empty directory at ``path`` is replaced too)
    except OSError:                         # another process created it meanwhile: use theirs
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def _reading(source, fmt: str):
    """Parse and I/O errors of loading ``source`` as one-line MedkgErrors."""
    try:
        yield
    except (SyntaxError, ValueError) as exc:
        raise MedkgError(f"{source}: not valid {fmt} ({_reason(exc)})") from None
    except OSError as exc:
        raise MedkgError(f"{source}: cannot read ({_reason(exc)})") from None


#: quads in one bulk write of :meth:`Store.add_articles_ntriples`: below the bulk loader's batch
#: of 1,000,000, so that each write is one RocksDB ingestion (all or nothing)
BULK_MAX_QUADS = 500_000

#: side graph holding one export snapshot per article graph: ``<article graph> mkg:ntriplesSnapshot
#: "<base64 of zlib of its N-Triples>"^^xsd:base64Binary``; never exported nor in the default graph
SNAPSHOT_GRAPH = str(GRAPH["snapshots"])
SNAPSHOT = str(MKG.ntriplesSnapshot)
SNAPSHOT_FORMAT = "zlib-compressed N-Triples, base64"
_B64 = "http://www.w3.org/2001/XMLSchema#base64Binary"
#: Turtle/N-Triples exports deduplicate in memory up to this much N-Triples text (peak RAM
#: about 3x; ~220 MB per 1M triples); larger stores stream from disk (slower)
UNION_MEMORY_LIMIT = int(os.environ.get("MEDKG_EXPORT_MEMORY_MB", "1000")) << 20


def _canonical_nt(data: str) -> str:
    """``data`` with exactly one triple per line, each ending in " .\\n" (what :func:`ntriples`
    writes); anything else (comments, blank lines, other spacing) is re-serialized by Oxigraph."""
    if not data:
        return data
    if not data.endswith("\n"):
        data += "\n"
    if data.count("\n") == data.count(" .\n") and not data.startswith("#") and "\n#" not in data:
        return data
    return ox.serialize(ox.parse(data.encode("utf-8"), ox.RdfFormat.N_TRIPLES), None,
                        ox.RdfFormat.N_TRIPLES).decode("utf-8")


_AS_STORED: dict[bytes, bytes] = {}


def _as_stored(lines: list[bytes]) -> list[bytes]:
    """Canonical N-Triples lines (each ending in " .") with every literal written as Oxigraph
    reads it back from the store (it keeps some datatypes as values: "07"^^xsd:nonNegativeInteger
    comes back as "7"^^xsd:integer), so that a snapshot says exactly what the article graph holds.
    Oxigraph itself decides: the literals not seen before make one in-memory store round trip."""
    todo = []
    for i, line in enumerate(lines):
        if b'"^^<' in line:
            todo.append(i)
        elif b'"@' in line:
            tag = line[line.rfind(b'"@') + 2:-2]
            if tag != tag.lower():
                todo.append(i)
    if not todo:
        return lines
    # the object is the only term that can hold a '"', so the first one starts the literal
    lits = [lines[i][lines[i].index(b'"'):-2] for i in todo]
    new = [lit for lit in set(lits) if lit not in _AS_STORED]
    if new:
        if len(_AS_STORED) > 200_000:
            _AS_STORED.clear()
        mem = ox.Store()
        mem.load(b"".join(b"<urn:x:%d> <urn:x:p> %s .\n" % (i, lit) for i, lit in enumerate(new)),
                 ox.RdfFormat.N_TRIPLES)
        for q in mem:
            _AS_STORED[new[int(q.subject.value[6:])]] = str(q.object).encode("utf-8")
    out = list(lines)
    for i, lit in zip(todo, lits):
        stored = _AS_STORED[lit]
        if stored != lit:
            out[i] = lines[i][:lines[i].index(b'"')] + stored + b" ."
    return out


def _snapshot_of(data: bytes, from_store: bool = False) -> str | None:
    """The snapshot literal of an article graph's canonical N-Triples (duplicate lines
    dropped), or None: no triples, or blank nodes (their labels only hold within one document).
    ``from_store``: ``data`` was read from the store, so already says what it holds."""
    if not data or b"_:" in data:
        return None
    lines = [line for line in dict.fromkeys(data.split(b"\n")) if line]
    if not from_store:
        lines = dict.fromkeys(_as_stored(lines))
    return base64.b64encode(zlib.compress(b"\n".join(lines) + b"\n", 1)).decode("ascii")


def _snapshot_nq(graph: str, snap: str) -> str:
    return f'<{graph}> <{SNAPSHOT}> "{snap}"^^<{_B64}> <{SNAPSHOT_GRAPH}> .\n'


def _new_article_nquads(graph: str, data: str, snap: str | None) -> str:
    """N-Quads that store a new article: its graph, its copy in the merged default graph and its
    snapshot (``data``: canonical N-Triples, every line ending in " .\n"; a newline inside a
    literal is escaped)."""
    return data.replace(" .\n", f" <{graph}> .\n") + data + (_snapshot_nq(graph, snap) if snap else "")


def _drop_snapshot(graph: str) -> str:
    return f"DELETE WHERE {{ GRAPH <{SNAPSHOT_GRAPH}> {{ <{graph}> <{SNAPSHOT}> ?z }} }}"


#: a FILTER: the triple ?s ?p ?o is in no article graph
_NOT_IN_ARTICLE = (f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} "
                   f"FILTER(STRSTARTS(STR(?h), \"{ARTICLE_GRAPH_PREFIX}\")) }}")


def _retract(graph: str) -> str:
    """SPARQL Update: remove from the default graph what only ``graph`` states (no other
    article graph, nor the ontology graph)."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} "
            f"FILTER(?h != <{graph}> && (STRSTARTS(STR(?h), \"{ARTICLE_GRAPH_PREFIX}\") || ?h = <{ONTOLOGY_GRAPH}>)) }} }}")


class _Background:
    """``fn()`` in a thread; :meth:`join` waits for it and raises what it raised."""

    def __init__(self, fn):
        self._error: BaseException | None = None

        def run():
            try:
                fn()
            except BaseException as exc:   # re-raised in the caller's thread by join()
                self._error = exc
        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()

    def join(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error


class _Counter:
    """Counts the items streamed through :meth:`wrap`."""

    def __init__(self):
        self.n = 0

    def wrap(self, items):
        for item in items:
            self.n += 1
            yield item


_IRI_OK = re.compile(r'[^\x00-\x20<>"{}|^`\\]*\Z')
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_OK = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*\Z")


def _nt(term) -> str:
    """One rdflib term as N-Triples (IRIs and literals; anything unusual raises ValueError)."""
    if type(term) is rdflib.URIRef or isinstance(term, rdflib.URIRef):
        if not _IRI_OK.match(term):
            raise ValueError(term)
        return f"<{term}>"
    if isinstance(term, rdflib.Literal):
        v = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if term.language:
            if not _LANG_OK.match(term.language):
                raise ValueError(term)
            return f'"{v}"@{term.language}'
        dt = term.datatype
        if dt is not None and str(dt) != _XSD_STRING:
            if not _IRI_OK.match(dt):
                raise ValueError(term)
            return f'"{v}"^^<{dt}>'
        return f'"{v}"'
    raise ValueError(term)


def ntriples(triples: Iterable[tuple]) -> bytes:
    """rdflib triples -> N-Triples bytes.

    Plain IRIs and literals are formatted directly (the ingest hot path); any other
    term (blank nodes, odd IRIs) goes through Oxigraph's writer, which validates.
    """
    triples = list(triples)
    memo: dict = {}          # IRIs recur (predicates, types, the article's nodes): formatted once

    def nt(term) -> str:
        if type(term) is rdflib.URIRef:
            out = memo.get(term)
            if out is None:
                out = memo[term] = _nt(term)
            return out
        return _nt(term)
    try:
        return "".join([f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples]).encode("utf-8")
    except ValueError:
        buf = io.BytesIO()
        ox.serialize((ox.Triple(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in triples), buf,
                     ox.RdfFormat.N_TRIPLES)
        return buf.getvalue()


def _serialize_jsonld(items, fh, prefixes):
    # pyoxigraph's JSON-LD writer does not take prefixes; rdflib gives a compact context
    ds = rdflib.Dataset()
    for q in items:
        g = rdflib.URIRef(q.graph_name.value) if isinstance(q.graph_name, ox.NamedNode) else None
        ds.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object), g))
    fh.write(ds.serialize(format="json-ld", context={k: v for k, v in prefixes.items()}, auto_compact=True).encode("utf-8"))


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]
