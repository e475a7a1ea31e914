"""Ingest: read articles, extract entities/relations/provenance, turn them into RDF."""
