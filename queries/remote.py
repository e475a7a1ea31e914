"""Remote SPARQL 1.1 endpoints: run queries (SPARQLWrapper) and push the store (SPARQL Update / GSP).

The named queries read the *union* of all graphs as the default graph (how the
embedded store and ``medkg serve`` answer). A plain endpoint may keep the default
graph apart from the named graphs (Oxigraph without ``--union-default-graph``,
Fuseki without ``unionDefaultGraph``). ``union="auto"`` checks with one ASK whether
the endpoint's default graph already holds the articles; if not, it lists the
endpoint's medkg graphs and sends them as the protocol's ``default-graph-uri``
*and* ``named-graph-uri`` parameters, so the same query text sees the union there
too (standard SPARQL 1.1 Protocol; POST keeps long lists out of the URL).
"""

from __future__ import annotations

import io
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

import pyoxigraph as ox

from medkg.errors import MedkgError
from medkg.ontology.namespaces import BASE, GRAPH, ONTOLOGY_GRAPH, PREFIXES
from medkg.queries.library import QueryError, query_form
from medkg.queries.results import Result

#: exit code for endpoint failures (unreachable, HTTP error, refused)
EXIT_ENDPOINT = 4
MEDKG_GRAPH_PREFIX = str(GRAPH)
UNION_MODES = ("auto", "server", "graphs")
_graph_cache: dict[str, list[str]] = {}


class EndpointError(MedkgError):
    def __init__(self, message: str):
        super().__init__(message, exit_code=EXIT_ENDPOINT)


def _prologue() -> str:
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


def with_prefixes(sparql: str) -> str:
    """Prepend medkg's PREFIX declarations (the embedded store predeclares them; endpoints do not)."""
    return _prologue() + sparql


def _has_dataset_clause(sparql: str) -> bool:
    from medkg.queries.library import _tokens
    for kind, value, _, _ in _tokens(sparql):
        if kind == "word" and value.upper() == "FROM":
            return True
        if kind == "punct" and value == "{":
            return False
    return False


# ---------------------------------------------------------------------- querying
def _wrapper(endpoint: str, timeout: float | None, user: str | None, password: str | None):
    from SPARQLWrapper import POST, SPARQLWrapper
    sw = SPARQLWrapper(endpoint)
    sw.setMethod(POST)
    sw.agent = "medkg (SPARQLWrapper)"
    if timeout:
        sw.setTimeout(int(max(1, timeout)))
    if user:
        sw.setCredentials(user, password or "")
    return sw


def _call(sw, endpoint: str):
    from SPARQLWrapper.SPARQLExceptions import (EndPointInternalError, EndPointNotFound, QueryBadFormed,
                                                SPARQLWrapperException, Unauthorized, URITooLong)
    try:
        return sw.query()
    except QueryBadFormed as exc:
        raise QueryError(f"{endpoint}: query rejected: {_short(exc)}") from None
    except Unauthorized:
        raise EndpointError(f"{endpoint}: unauthorized (give --user, and the password in MEDKG_ENDPOINT_PASSWORD)") from None
    except EndPointNotFound:
        raise EndpointError(f"{endpoint}: not found (HTTP 404): check the endpoint URL") from None
    except (EndPointInternalError, URITooLong, SPARQLWrapperException) as exc:
        raise EndpointError(f"{endpoint}: {_short(exc)}") from None
    except urllib.error.HTTPError as exc:
        raise EndpointError(f"{endpoint}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise EndpointError(f"{endpoint}: cannot connect ({exc.reason})") from None
    except (socket.timeout, TimeoutError):
        raise EndpointError(f"{endpoint}: timed out") from None
    except OSError as exc:
        raise EndpointError(f"{endpoint}: {exc}") from None


def _short(exc) -> str:
    return " ".join(str(exc).split())[:300]


def endpoint_graphs(endpoint: str, timeout=None, user=None, password=None) -> list[str]:
    """The medkg graphs (articles + ontology) an endpoint holds as named graphs."""
    from SPARQLWrapper import JSON
    sw = _wrapper(endpoint, timeout, user, password)
    sw.setQuery(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{MEDKG_GRAPH_PREFIX}\")) }}")
    sw.setReturnFormat(JSON)
    doc = _call(sw, endpoint).convert()
    return sorted(b["g"]["value"] for b in doc["results"]["bindings"])


def _default_graph_is_union(endpoint, timeout, user, password) -> bool:
    from SPARQLWrapper import JSON
    sw = _wrapper(endpoint, timeout, user, password)
    sw.setQuery("ASK { ?a a <https://schema.org/NewsArticle> }")
    sw.setReturnFormat(JSON)
    return bool(_call(sw, endpoint).convert().get("boolean"))


def dataset_graphs(endpoint: str, union: str, sparql: str, timeout=None, user=None, password=None) -> list[str]:
    """Graphs to send as default-graph-uri/named-graph-uri ([] = leave the endpoint's dataset alone)."""
    if union not in UNION_MODES:
        raise QueryError(f"--union {union}: use one of {', '.join(UNION_MODES)}")
    if union == "server" or _has_dataset_clause(sparql):
        return []
    key = endpoint
    if union == "auto":
        if key not in _graph_cache:
            _graph_cache[key] = ([] if _default_graph_is_union(endpoint, timeout, user, password)
                                 else endpoint_graphs(endpoint, timeout, user, password))
        return _graph_cache[key]
    return endpoint_graphs(endpoint, timeout, user, password)


def _from_json_term(d: dict):
    t = d["type"]
    if t == "uri":
        return ox.NamedNode(d["value"])
    if t == "bnode":
        return ox.BlankNode(d["value"])
    if t in ("literal", "typed-literal"):
        if "xml:lang" in d:
            return ox.Literal(d["value"], language=d["xml:lang"])
        if "datatype" in d:
            return ox.Literal(d["value"], datatype=ox.NamedNode(d["datatype"]))
        return ox.Literal(d["value"])
    if t == "triple":
        v = d["value"]
        return ox.Triple(_from_json_term(v["subject"]), _from_json_term(v["predicate"]), _from_json_term(v["object"]))
    raise EndpointError(f"unknown term type in results: {t}")


def run_remote(endpoint: str, sparql: str, union: str = "auto", timeout: float | None = None,
               user: str | None = None, password: str | None = None, max_results: int | None = None) -> Result:
    """Run ``sparql`` on a SPARQL 1.1 endpoint through SPARQLWrapper; returns a :class:`Result`."""
    from SPARQLWrapper import JSON, TURTLE
    form = query_form(sparql)
    if form == "UPDATE":
        raise QueryError("this is a SPARQL Update, not a query (use 'medkg push' to write to an endpoint)")
    text = with_prefixes(sparql)
    graphs = dataset_graphs(endpoint, union, sparql, timeout, user, password)
    sw = _wrapper(endpoint, timeout, user, password)
    for g in graphs:
        sw.addDefaultGraph(g)
        sw.addNamedGraph(g)
    sw.setQuery(text)
    if form in ("CONSTRUCT", "DESCRIBE"):
        sw.setReturnFormat(TURTLE)
        resp = _call(sw, endpoint)
        data = resp.response.read()
        ctype = (resp.response.headers.get("Content-Type") or "text/turtle").split(";")[0].strip()
        fmt = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "application/rdf+xml": ox.RdfFormat.RDF_XML,
               "application/ld+json": ox.RdfFormat.JSON_LD}.get(ctype, ox.RdfFormat.TURTLE)
        try:
            triples = [q.triple for q in ox.parse(data, fmt)]
        except SyntaxError as exc:
            raise EndpointError(f"{endpoint}: unreadable {ctype} answer ({_short(exc)})") from None
        r = Result("graph", triples=triples)
    else:
        sw.setReturnFormat(JSON)
        resp = _call(sw, endpoint)
        try:
            doc = resp.convert()
        except Exception as exc:  # non-JSON answer
            raise EndpointError(f"{endpoint}: answer is not SPARQL JSON results ({_short(exc)})") from None
        if not isinstance(doc, dict):
            raise EndpointError(f"{endpoint}: answer is not SPARQL JSON results")
        if "boolean" in doc:
            r = Result("boolean", boolean=bool(doc["boolean"]))
        else:
            r = Result("bindings", variables=list(doc.get("head", {}).get("vars", [])))
            for b in doc.get("results", {}).get("bindings", []):
                r.rows.append({k: _from_json_term(v) for k, v in b.items()})
    if max_results is not None:
        if r.kind == "bindings" and len(r.rows) > max_results:
            r.rows, r.truncated = r.rows[:max_results], True
        elif r.kind == "graph" and len(r.triples) > max_results:
            r.triples, r.truncated = r.triples[:max_results], True
    return r


# ---------------------------------------------------------------------- pushing
@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    pruned: bool = False
    graph_names: list[str] = field(default_factory=list)


def _opener(user, password, urls=()):
    """An opener that also answers Digest challenges (Virtuoso) for ``urls``: the password
    manager matches by scheme, host and port, so each endpoint is registered itself."""
    handlers = []
    if user:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        for url in urls:
            if url:
                mgr.add_password(None, url, user, password or "")
        # answer the server's challenge: Digest (Virtuoso) or Basic (Fuseki, GraphDB). A Basic
        # header sent up front made Virtuoso's Digest challenge go unanswered (HTTP 401).
        handlers += [urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)]
    return urllib.request.build_opener(*handlers)


def _send(opener, method, url, body: bytes, ctype, timeout):
    req = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": ctype,
                                                                         "User-Agent": "medkg"})
    try:                # credentials: the opener answers the server's 401 challenge (see _opener)
        with opener.open(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        raise EndpointError(f"{url}: HTTP {exc.code} {exc.reason}{': ' + detail if detail else ''}") from None
    except urllib.error.URLError as exc:
        raise EndpointError(f"{url}: cannot connect ({exc.reason})") from None
    except (socket.timeout, TimeoutError):
        raise EndpointError(f"{url}: timed out") from None


def _skolem(term, graph: str):
    if isinstance(term, ox.BlankNode):
        import hashlib
        h = hashlib.sha1(f"{graph} {term.value}".encode()).hexdigest()[:20]
        return ox.NamedNode(f"{BASE}.well-known/genid/{h}")
    return term


def store_graphs(store, include_ontology: bool = True) -> dict[str, list]:
    """graph IRI -> list of pyoxigraph Triples (blank nodes skolemized, so re-pushing is idempotent)."""
    out: dict[str, list] = {}
    onto = str(ONTOLOGY_GRAPH)
    for q in store.quads(include_ontology):
        if not isinstance(q.graph_name, ox.NamedNode):
            g = "default"
        else:
            g = q.graph_name.value
        if g == onto and not include_ontology:
            continue
        out.setdefault(g, []).append(ox.Triple(_skolem(q.subject, g), q.predicate, _skolem(q.object, g)))
    # the derived per-entity counts the ranking queries sort by (medkg.graph.counts), current
    from medkg.graph.counts import COUNTS_GRAPH
    store.flush()       # refreshes the counts after writes in this session
    counts = [q.triple for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(COUNTS_GRAPH)))]
    if counts:
        out[str(COUNTS_GRAPH)] = counts
    return out


def _nt(triples) -> str:
    buf = io.BytesIO()
    ox.serialize(triples, buf, ox.RdfFormat.N_TRIPLES)
    return buf.getvalue().decode("utf-8")


def push(store, endpoint: str | None = None, gsp: str | None = None, batch_size: int = 5000,
         include_ontology: bool = True, prune: bool = False, timeout: float = 60,
         user: str | None = None, password: str | None = None, progress=None) -> PushReport:
    """Copy every graph of ``store`` to a remote store, one named graph per article.

    Each graph is *replaced* (SPARQL Update ``DROP SILENT GRAPH`` + ``INSERT DATA``, or a GSP
    ``PUT``), so pushing twice leaves the server as after one push. Requests carry at most
    ``batch_size`` triples. ``prune`` also drops medkg article graphs the store no longer has.
    """
    if not endpoint and not gsp:
        raise QueryError("push: give --endpoint URL (SPARQL Update) and/or --gsp URL (Graph Store Protocol)")
    if prune and not endpoint:
        raise QueryError("push --prune needs --endpoint (a SPARQL Update endpoint)")
    if batch_size < 1:
        raise QueryError("--batch-size must be at least 1")
    for url in (endpoint, gsp):
        if url and not urllib.parse.urlparse(url).scheme in ("http", "https"):
            raise QueryError(f"{url}: not an http(s) URL")
    graphs = store_graphs(store, include_ontology)
    graphs.pop("default", None)
    opener = _opener(user, password, (endpoint, gsp))
    rep = PushReport()

    def update(text: str):
        _send(opener, "POST", endpoint, text.encode("utf-8"), "application/sparql-update; charset=utf-8",
              timeout)
        rep.requests += 1

    pending: list[str] = []
    pending_n = 0

    def flush():
        nonlocal pending, pending_n
        if pending:
            update(" ;\n".join(pending))
            pending, pending_n = [], 0

    for g, triples in sorted(graphs.items()):
        chunks = [triples[i:i + batch_size] for i in range(0, len(triples), batch_size)] or [[]]
        for i, chunk in enumerate(chunks):
            if gsp:
                url = gsp + ("&" if "?" in gsp else "?") + urllib.parse.urlencode({"graph": g})
                _send(opener, "PUT" if i == 0 else "POST", url, _nt(chunk).encode("utf-8"),
                      "application/n-triples", timeout)
                rep.requests += 1
            else:
                ops = []
                if i == 0:
                    ops.append(f"DROP SILENT GRAPH <{g}>")
                if chunk:
                    ops.append(f"INSERT DATA {{ GRAPH <{g}> {{\n{_nt(chunk)}}} }}")
                if pending_n + len(chunk) > batch_size:
                    flush()
                pending += ops
                pending_n += len(chunk)
        rep.graphs += 1
        rep.triples += len(triples)
        rep.graph_names.append(g)
        if progress:
            progress(g, len(triples))
    if not gsp:
        flush()
    if prune:
        keep = ", ".join(f"<{g}>" for g in graphs) or "<urn:x-medkg:none>"
        article_prefix = MEDKG_GRAPH_PREFIX + "article/"
        update(f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
               f"FILTER(STRSTARTS(STR(?g), \"{article_prefix}\") && ?g NOT IN ({keep})) }}")
        rep.pruned = True
    _graph_cache.clear()
    return rep
