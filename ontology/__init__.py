"""medkg ontology: namespaces, IRI minting, the ontology and vocabulary files."""

from medkg.ontology.namespaces import (  # noqa: F401
    BASE, MKG, SDO, ORG, PROV, NIF, SKOS, OWL, RDF, RDFS, XSD, DCT, WD,
    ID, GRAPH, ARTICLE, ONTOLOGY_GRAPH, PREFIXES, entity_iri, graph_iri, article_iri, slug,
    stem_of_graph, TYPE_SEGMENT,
)
