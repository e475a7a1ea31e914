"""Queries: the named SPARQL library, result formats, remote endpoints and the SPARQL server."""
