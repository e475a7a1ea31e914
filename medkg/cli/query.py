"""SPARQL commands: ``queries`` (the named library), ``query``, ``push`` and ``serve``.

Exit codes (scripts can rely on them):
  0 success; 1 error (store, I/O, server); 2 bad usage, bad query or bad parameter;
  3 no results and ``--fail-empty`` was given; 4 remote endpoint failure.
"""

from __future__ import annotations

import json
import os
import sys

import click

from medkg.cli import main
from medkg.errors import MedkgError

FORMAT_CHOICES = ["table", "json", "csv", "tsv", "xml", "turtle", "nt", "rdfxml", "jsonld"]
EXT_FORMATS = {".json": "json", ".srj": "json", ".csv": "csv", ".tsv": "tsv", ".xml": "xml", ".srx": "xml",
               ".ttl": "turtle", ".nt": "nt", ".rdf": "rdfxml", ".jsonld": "jsonld", ".txt": "table"}


def _resolve(query: str, params: dict):
    """(sparql text, description) for a name, a .rq file, '-' or query text; params bound safely."""
    import re
    from medkg.cli.common import read_query_arg
    from medkg.queries.library import bind_adhoc, get_query, load_library
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", query):
        lib = load_library()
        if query in lib or query.replace("-", "_") in lib:
            return lib.get(query) or lib[query.replace("-", "_")], None
        get_query(query)  # raises a 'no named query' error with suggestions
    text = read_query_arg(query)
    return None, bind_adhoc(text, params)


@main.command("queries")
@click.argument("name", required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable list (name, title, description, params).")
def queries_cmd(name, as_json):
    """List the named SPARQL queries (or show one: its parameters, columns and text)."""
    from medkg.queries.library import get_query, load_library
    if name:
        q = get_query(name)
        if as_json:
            click.echo(json.dumps({"name": q.name, "title": q.title, "description": q.description,
                                   "form": q.form, "columns": q.columns(),
                                   "params": [p.__dict__ for p in q.params], "query": q.text}, indent=1))
            return
        click.echo(f"{q.name}: {q.title} ({q.form})\n\n{q.description}\n")
        click.echo("Parameters:" if q.params else "Parameters: none")
        for p in q.params:
            click.echo(f"  {p.describe()}: {p.doc}")
        if q.form == "SELECT":
            click.echo(f"Columns: {', '.join(q.columns())}")
        click.echo(f"\nRun: medkg query {q.name}" + "".join(f" --param {p.name}=..." for p in q.params if p.required))
        click.echo("\n" + q.text.rstrip())
        return
    lib = load_library()
    if as_json:
        click.echo(json.dumps([{"name": q.name, "title": q.title, "description": q.description, "form": q.form,
                                "params": [p.__dict__ for p in q.params]} for q in lib.values()], indent=1))
        return
    width = max(len(n) for n in lib)
    for q in lib.values():
        ps = ", ".join(p.describe() for p in q.params) or "-"
        click.echo(f"{q.name.ljust(width)}  {q.title}\n{'':{width}}  params: {ps}")


@main.command()
@click.argument("query")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter (repeatable). Ad-hoc queries: NAME[:TYPE]=VALUE binds $_NAME.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMAT_CHOICES), default=None,
              help="Output format (default: table; from --output's extension when given).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to FILE (atomically).")
@click.option("--fail-empty", is_flag=True, help="Exit with code 3 when there is no result (0 rows, false, empty graph).")
@click.option("--endpoint", metavar="URL", default=None, envvar="MEDKG_ENDPOINT",
              help="Run on a remote SPARQL 1.1 endpoint instead of the store (env MEDKG_ENDPOINT).")
@click.option("--union", type=click.Choice(["auto", "server", "graphs"]), default="auto", show_default=True,
              help="Remote: how to see all graphs as the default graph (see docs).")
@click.option("--timeout", type=float, default=None, help="Remote: seconds to wait for the endpoint.")
@click.option("--user", default=None, help="Remote: user name (password from MEDKG_ENDPOINT_PASSWORD).")
@click.option("--limit", type=int, default=None, help="Keep at most N rows/triples.")
@click.option("--sparql11", is_flag=True,
              help="Rewrite LATERAL joins to SPARQL 1.1 (endpoints without LATERAL: GraphDB, Virtuoso, QLever).")
@click.option("--show-query", is_flag=True, help="Print the query with parameters bound, do not run it.")
@click.pass_obj
def query(handle, query, params, fmt, output, fail_empty, endpoint, union, timeout, user, limit, sparql11,
          show_query):
    """Run a SPARQL query on the store: a named query (see 'medkg queries'), a .rq file, - (stdin) or text.

    \b
    Examples:
      medkg query people_by_country --param country=China
      medkg query search -p q=lanzhou -f csv -o hits.csv
      medkg query 'SELECT * WHERE { ?s a schema:Event }' --fail-empty
      medkg query events --endpoint http://127.0.0.1:7878/query
      medkg query events --endpoint http://host:7200/repositories/medkg --sparql11
    Exit codes: 0 ok, 1 error, 2 bad usage/query/parameter, 3 empty (--fail-empty), 4 endpoint failure.
    """
    from medkg.queries.library import QueryError, parse_params
    from medkg.queries.library import sparql11 as to_sparql11
    from medkg.queries.results import serialize
    values = parse_params(params)
    named, text = _resolve(query, values)
    page = None
    if named is not None:
        if named.paged and limit is not None and "limit" not in values:
            values["limit"] = str(limit)     # --limit is the page size of a paged named query
        text = named.bind(values, sparql11=sparql11)      # (its own SPARQL 1.1 form, if it has one)
        if named.paged:
            page = int(values.get("limit", named.param("limit").default) or 0)
    elif sparql11:
        text = to_sparql11(text)
    if show_query:
        click.echo(text.rstrip())
        return
    if fmt is None:
        fmt = EXT_FORMATS.get(os.path.splitext(output)[1].lower(), "table") if output else "table"
    if limit is not None and limit < 0:
        raise QueryError("--limit must be >= 0")
    if endpoint:
        from medkg.queries.remote import run_remote
        res = run_remote(endpoint, text, union=union, timeout=timeout, user=user,
                         password=os.environ.get("MEDKG_ENDPOINT_PASSWORD"), max_results=limit)
    else:
        from medkg.queries.results import run_local
        res = run_local(handle.open(), text, max_results=limit)
    if res.kind == "graph" and fmt in ("csv", "tsv"):
        raise QueryError(f"--format {fmt}: a CONSTRUCT/DESCRIBE result is a graph (use turtle, nt, rdfxml, jsonld)")
    if res.kind != "graph" and fmt in ("turtle", "nt", "rdfxml", "jsonld"):
        raise QueryError(f"--format {fmt}: only for CONSTRUCT/DESCRIBE (use table, json, csv, tsv, xml)")
    data = serialize(res, fmt)
    if page and res.kind == "bindings" and len(res.rows) >= page:
        offset = int(values.get("offset", 0) or 0)
        click.echo(f"medkg: showing {page} rows (a page: next with -p offset={offset + page}, "
                   f"all with --limit 0)", err=True)
    if output:
        _write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if fail_empty and res.empty:
        from medkg.queries.results import EXIT_EMPTY
        raise click.exceptions.Exit(EXIT_EMPTY)


def _write_atomic(path: str, data: bytes) -> None:
    from pathlib import Path
    p = Path(path)
    if not p.parent.exists():
        raise MedkgError(f"{p}: directory {p.parent} does not exist")
    tmp = p.with_name(f".{p.name}.tmp{os.getpid()}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, p)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise MedkgError(f"{p}: cannot write ({exc.strerror or exc})") from None


@main.command()
@click.option("--endpoint", metavar="URL", default=None, help="SPARQL Update endpoint (e.g. http://host:7878/update).")
@click.option("--gsp", metavar="URL", default=None,
              help="Graph Store Protocol endpoint (e.g. http://host:7878/store); graphs are PUT there.")
@click.option("--batch-size", type=int, default=5000, show_default=True, help="Triples per request.")
@click.option("--ontology/--no-ontology", default=True, show_default=True, help="Also push the ontology graph.")
@click.option("--prune", is_flag=True, help="Drop medkg article graphs the store no longer has (needs --endpoint).")
@click.option("--timeout", type=float, default=120, show_default=True, help="Seconds per request.")
@click.option("--user", default=None, help="User name (password from MEDKG_ENDPOINT_PASSWORD).")
@click.option("-q", "--quiet", is_flag=True)
@click.pass_obj
def push(handle, endpoint, gsp, batch_size, ontology, prune, timeout, user, quiet):
    """Copy the store to a SPARQL server, one named graph per article (idempotent: graphs are replaced).

    \b
    Examples:
      medkg push --endpoint http://127.0.0.1:7878/update
      medkg push --gsp http://127.0.0.1:3030/ds/data --endpoint http://127.0.0.1:3030/ds/update --prune
    """
    from medkg.queries.remote import push as do_push
    store = handle.open()
    rep = do_push(store, endpoint=endpoint, gsp=gsp, batch_size=batch_size, include_ontology=ontology,
                  prune=prune, timeout=timeout, user=user, password=os.environ.get("MEDKG_ENDPOINT_PASSWORD"))
    if not quiet:
        click.echo(f"pushed {rep.graphs} graphs, {rep.triples} triples in {rep.requests} requests"
                   + (" (pruned stale article graphs)" if rep.pruned else ""))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--timeout", type=float, default=30, show_default=True, help="Per-query time limit in seconds.")
@click.option("--max-results", type=int, default=10000, show_default=True, help="Rows/triples kept per result.")
@click.option("--workers", type=int, default=None, help="Query worker processes (default 2-4 by CPU count).")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update (one read-write worker).")
@click.pass_obj
def serve(handle, host, port, timeout, max_results, workers, allow_update):
    """Serve the store as a SPARQL 1.1 endpoint (/sparql) with a query page (/); read-only by default."""
    from medkg.queries.library import QueryError
    from medkg.queries.server import serve as run_server
    if handle.memory:
        raise QueryError("serve needs a store directory (--store DIR), not --memory")
    if timeout <= 0 or max_results < 1 or (workers is not None and workers < 1):
        raise QueryError("--timeout, --max-results and --workers must be positive")
    if not handle.path.exists():
        raise MedkgError(f"store {handle.path}: does not exist (run 'medkg ingest PATH' first)")
    handle.open(write=False)  # check it opens (clear error now rather than in a worker)
    handle.close()

    def ready(httpd):
        h, p = httpd.server_address[:2]
        click.echo(f"medkg: SPARQL endpoint http://{h}:{p}/sparql  query page http://{h}:{p}/  "
                   f"({'read-write' if allow_update else 'read-only'}, {timeout:g} s limit; Ctrl-C stops)", err=True)
    try:
        run_server(handle.path, host=host, port=port, timeout=timeout, max_results=max_results,
                   allow_update=allow_update, workers=workers, ready=ready)
    except OSError as exc:
        raise MedkgError(f"serve {host}:{port}: cannot listen ({exc.strerror or exc})") from None
    except RuntimeError as exc:
        raise MedkgError(f"store {handle.path}: worker could not open it ({exc})") from None
