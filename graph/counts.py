"""Precomputed per-entity counts: how many articles mention each entity.

Ranking queries (most mentioned people, countries, specialties, search hits) order
all entities of a type by the number of articles mentioning them. Counting that at
query time means grouping every ``schema:mentions`` triple of the graph (millions at
100k articles); instead the store keeps ``?entity mkg:articleCount n`` in a named
graph of its own (:data:`COUNTS_GRAPH`), which :meth:`Store.query` adds to the
default graph. A query then sorts one number per entity and computes the other
columns only for the page it returns.

The counts are derived data, refreshed from the merged default graph:

* after every write session (``Store.close``/``Store.flush`` of a store that wrote),
* on opening a store read-write whose counts are marked stale (a crash mid-ingest).

A write session first removes the ``mkg:countsValid`` marker (one tiny transaction),
and a refresh puts it back in the same transaction that rewrites the counts, so a
crash in between is seen on the next read-write open.
"""

from __future__ import annotations

from medkg.ontology.namespaces import GRAPH, MKG

COUNTS_GRAPH = GRAPH["counts"]
_VALID = f"<{COUNTS_GRAPH}> <{MKG.countsValid}> true"


def is_valid(ox_store) -> bool:
    """True when the counts graph is complete and current."""
    return bool(ox_store.query(f"ASK {{ GRAPH <{COUNTS_GRAPH}> {{ {_VALID} }} }}"))


def invalidate(ox_store) -> None:
    """Mark the counts stale (before the first write of a session)."""
    ox_store.update(f"DELETE DATA {{ GRAPH <{COUNTS_GRAPH}> {{ {_VALID} }} }}")


def refresh(ox_store) -> None:
    """Recount ``mkg:articleCount`` for every entity, in one transaction, and mark them valid.

    Counts come from the merged default graph, where ``?article schema:mentions ?entity``
    appears once per article (article IRIs are per article), so no DISTINCT is needed.
    """
    ox_store.update(f"""
        DROP SILENT GRAPH <{COUNTS_GRAPH}> ;
        INSERT {{ GRAPH <{COUNTS_GRAPH}> {{ ?e <{MKG.articleCount}> ?n }} }}
        WHERE {{ SELECT ?e (COUNT(?a) AS ?n) WHERE {{ ?a <https://schema.org/mentions> ?e }} GROUP BY ?e }} ;
        INSERT DATA {{ GRAPH <{COUNTS_GRAPH}> {{ {_VALID} }} }}""")
