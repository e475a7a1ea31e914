"""``medkg serve``: a SPARQL 1.1 Protocol endpoint over the embedded store.

* Standard library HTTP (``ThreadingHTTPServer``): one thread per connection parses the
  request, negotiates the format, and hands the query to a **worker process**.
* Workers are separate processes, each with the store opened read-only; a query that
  runs past the time limit gets its worker killed (and replaced), so a pathological
  query never holds a CPU or blocks the other workers.
* Results are cut at ``max_results`` rows/triples (header ``Medkg-Results-Truncated``).
* Updates are refused (403) unless ``--allow-update``; then one read-write worker
  serves queries and updates in order (Oxigraph transactions make a killed update
  all-or-nothing).
"""

from __future__ import annotations

import html
import json
import multiprocessing as mp
import os
import queue
import re
import threading
import time
import traceback
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from medkg import __version__

MAX_BODY = 1 << 20  # 1 MiB of query text is plenty

SELECT_MIME = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv", "text/plain": "table",
}
GRAPH_MIME = {
    "text/turtle": "turtle", "application/turtle": "turtle", "application/x-turtle": "turtle",
    "application/n-triples": "nt", "text/plain": "nt", "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld", "application/json": "jsonld",
}
SHORT = {"json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", None), "tsv": ("tsv", None),
         "table": ("table", None), "text": ("table", "nt"), "turtle": (None, "turtle"), "ttl": (None, "turtle"),
         "nt": (None, "nt"), "ntriples": (None, "nt"), "n-triples": (None, "nt"), "rdfxml": (None, "rdfxml"),
         "rdf": (None, "rdfxml"), "jsonld": (None, "jsonld"), "json-ld": (None, "jsonld")}


# ---------------------------------------------------------------------- worker process
def _worker_main(store_path: str, writable: bool, conn) -> None:
    """Runs in a child process: answer requests from ``conn`` until it closes."""
    import pyoxigraph as ox
    from medkg.graph.store import Store
    from medkg.queries.results import from_oxigraph, serialize
    try:
        store = Store(store_path, read_only=not writable)
    except Exception as exc:  # report the failure to the parent, then stop
        conn.send({"fatal": str(exc)})
        return
    conn.send({"ready": True})
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if req["op"] == "update":
                store.update(req["sparql"])
                store.flush()
                conn.send({"ok": True, "body": b"", "count": 0})
                continue
            kwargs = {}
            if req.get("default_graphs") or req.get("named_graphs"):
                kwargs["use_default_graph_as_union"] = False
                if req.get("default_graphs"):
                    kwargs["default_graph"] = [ox.NamedNode(g) for g in req["default_graphs"]]
                if req.get("named_graphs"):
                    kwargs["named_graphs"] = [ox.NamedNode(g) for g in req["named_graphs"]]
            res = from_oxigraph(store.query(req["sparql"], **kwargs), req.get("max_results"))
            fmt = req["fmt_graph"] if res.kind == "graph" else req["fmt_select"]
            conn.send({"ok": True, "body": serialize(res, fmt), "fmt": fmt, "kind": res.kind,
                       "count": len(res), "truncated": res.truncated})
        except SyntaxError as exc:
            conn.send({"ok": False, "status": 400, "error": f"SPARQL syntax error: {' '.join(str(exc).split())}"})
        except Exception as exc:
            conn.send({"ok": False, "status": 500, "error": f"{type(exc).__name__}: {' '.join(str(exc).split())[:500]}"})


class Worker:
    def __init__(self, ctx, store_path: str, writable: bool):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(store_path, writable, child), daemon=True,
                                name="medkg-sparql-worker")
        self.proc.start()
        child.close()

    def wait_ready(self, timeout: float = 60) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise RuntimeError("worker did not start in time")
        msg = self.conn.recv()
        if "fatal" in msg:
            self.kill()
            raise RuntimeError(msg["fatal"])

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        except Exception:
            pass
        try:
            self.conn.close()
        except Exception:
            pass


class Busy(Exception):
    pass


class Timeout(Exception):
    pass


class WorkerPool:
    """A fixed number of worker processes; a worker that overruns the time limit is killed and replaced."""

    def __init__(self, store_path: str, size: int, timeout: float, writable: bool = False):
        self.ctx = mp.get_context("spawn")
        self.store_path, self.timeout, self.writable = store_path, timeout, writable
        self.size = 1 if writable else max(1, size)
        self.idle: queue.Queue = queue.Queue()
        self.killed = 0
        self._closing = False
        workers = [Worker(self.ctx, store_path, writable) for _ in range(self.size)]
        for w in workers:
            w.wait_ready()
            self.idle.put(w)

    def _replace(self) -> None:
        def start():
            while not self._closing:
                try:
                    w = Worker(self.ctx, self.store_path, self.writable)
                    w.wait_ready()
                    if self._closing:
                        w.kill()
                    else:
                        self.idle.put(w)
                    return
                except Exception:
                    time.sleep(1)
        threading.Thread(target=start, daemon=True, name="medkg-worker-respawn").start()

    def run(self, request: dict, wait: float | None = None) -> dict:
        try:
            w = self.idle.get(timeout=wait if wait is not None else self.timeout + 30)
        except queue.Empty:
            raise Busy() from None
        try:
            w.conn.send(request)
            if w.conn.poll(self.timeout):
                msg = w.conn.recv()
                self.idle.put(w)
                return msg
        except (EOFError, OSError, BrokenPipeError):
            pass  # the worker died: replace it
        w.kill()
        self.killed += 1
        self._replace()
        raise Timeout()

    def close(self) -> None:
        self._closing = True
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                break


# ---------------------------------------------------------------------- content negotiation
def _accepted(accept: str) -> list[str]:
    items = []
    for i, part in enumerate((accept or "").split(",")):
        bits = [b.strip() for b in part.split(";")]
        mime = bits[0].lower()
        if not mime:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            items.append((-q, i, mime))
    return [m for _, _, m in sorted(items)]


def negotiate(accept: str, explicit: str | None) -> tuple[str | None, str | None]:
    """(format for SELECT/ASK, format for CONSTRUCT/DESCRIBE); None = nothing acceptable."""
    if explicit:
        e = explicit.strip().lower()
        if e in SHORT:
            s, g = SHORT[e]
            return s or "json", g or "turtle"
        e = e.split(";")[0].strip()
        if e in SELECT_MIME or e in GRAPH_MIME:
            return SELECT_MIME.get(e, "json"), GRAPH_MIME.get(e, "turtle")
    mimes = _accepted(accept) or ["*/*"]
    sel = graph = None
    for m in mimes:
        if sel is None:
            if m in SELECT_MIME:
                sel = SELECT_MIME[m]
            elif m in ("*/*", "application/*"):
                sel = "json"
            elif m == "text/*":
                sel = "csv"
        if graph is None:
            if m in GRAPH_MIME:
                graph = GRAPH_MIME[m]
            elif m in ("*/*", "text/*"):
                graph = "turtle"
            elif m == "application/*":
                graph = "nt"
    return sel, graph


# ---------------------------------------------------------------------- HTTP
class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, addr, pool: WorkerPool, max_results: int, allow_update: bool, timeout: float):
        super().__init__(addr, Handler)
        self.pool, self.max_results, self.allow_update, self.query_timeout = pool, max_results, allow_update, timeout
        from medkg.queries.library import load_library
        self.library = load_library()
        self.served = 0
        self.lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = f"medkg/{__version__}"

    def log_message(self, fmt, *args):  # quiet unless MEDKG_SERVE_LOG is set
        if os.environ.get("MEDKG_SERVE_LOG"):
            super().log_message(fmt, *args)

    # -- helpers
    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, headers: dict | None = None) -> None:
        body = f"{status} {HTTPStatus(status).phrase}: {message}\n".encode("utf-8")
        self._send(status, body, "text/plain; charset=utf-8", headers)

    def _body(self) -> bytes:
        n = int(self.headers.get("Content-Length") or 0)
        if n > MAX_BODY:
            raise ValueError("request body too large")
        return self.rfile.read(n) if n else b""

    def _params(self) -> tuple[dict, str | None, str]:
        """(form/query-string params as lists, direct body text or None, body content type)."""
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        direct, ctype = None, ""
        if self.command == "POST":
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = self._body()
            if ctype == "application/x-www-form-urlencoded":
                for k, v in urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                    params.setdefault(k, []).extend(v)
            elif ctype in ("application/sparql-query", "application/sparql-update"):
                direct = body.decode("utf-8")
            elif body:
                raise ValueError(f"unsupported Content-Type '{ctype}' (use application/x-www-form-urlencoded, "
                                 "application/sparql-query or application/sparql-update)")
        return params, direct, ctype

    # -- routing
    def do_HEAD(self):
        self.do_GET()

    def do_OPTIONS(self):
        self._send(204, b"", "text/plain", {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                                             "Access-Control-Allow-Headers": "Content-Type, Accept"})

    def do_GET(self):
        self._route()

    def do_POST(self):
        self._route()

    def _route(self):
        path = urllib.parse.urlsplit(self.path).path.rstrip("/") or "/"
        try:
            if path == "/" and self.command in ("GET", "HEAD") and "query=" not in self.path:
                return self._send(200, page(self.server).encode("utf-8"), "text/html; charset=utf-8")
            if path in ("/", "/sparql", "/query"):
                return self._sparql()
            if path == "/update":
                return self._sparql(update_only=True)
            if path == "/queries":
                return self._send(200, queries_json(self.server.library), "application/json")
            if path.startswith("/queries/"):
                return self._named(path[len("/queries/"):])
            if path == "/health":
                return self._send(200, b'{"status": "ok"}\n', "application/json")
            return self._error(404, f"no such page {path} (the SPARQL endpoint is /sparql)")
        except ValueError as exc:
            return self._error(400, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            return None
        except Exception as exc:  # never leave a client hanging
            if os.environ.get("MEDKG_DEBUG"):
                traceback.print_exc()
            return self._error(500, f"{type(exc).__name__}: {exc}")

    def _sparql(self, update_only: bool = False):
        params, direct, ctype = self._params()
        query = params.get("query", [None])[0]
        update = params.get("update", [None])[0]
        if direct is not None:
            if ctype == "application/sparql-update":
                update = direct
            else:
                query = direct
        if update_only and query is not None and update is None:
            return self._error(400, "the /update endpoint takes 'update', not 'query'")
        if update is not None:
            return self._update(update)
        if not query:
            if self.command == "GET" and urllib.parse.urlsplit(self.path).path in ("/", ""):
                return self._send(200, page(self.server).encode("utf-8"), "text/html; charset=utf-8")
            return self._error(400, "missing 'query' parameter (SPARQL 1.1 Protocol: ?query=... or POST)")
        from medkg.queries.library import query_form
        if query_form(query) == "UPDATE":
            return self._error(400, "this is a SPARQL Update; send it as 'update' (POST)")
        explicit = (params.get("format") or params.get("output") or params.get("results") or [None])[0]
        self._run(query, explicit, params.get("default-graph-uri", []), params.get("named-graph-uri", []))

    def _run(self, query: str, explicit: str | None, default_graphs=(), named_graphs=()):
        from medkg.queries.library import query_form
        from medkg.queries.results import MIME
        from medkg.ontology.namespaces import PREFIXES
        sel, graph = negotiate(self.headers.get("Accept", "*/*"), explicit)
        form = query_form(query)
        if (form in ("CONSTRUCT", "DESCRIBE") and graph is None) or (form in ("SELECT", "ASK") and sel is None):
            return self._error(406, "no acceptable result format; SELECT/ASK: application/sparql-results+json, "
                                    "+xml, text/csv, text/tab-separated-values; CONSTRUCT: text/turtle, "
                                    "application/n-triples, application/rdf+xml, application/ld+json")
        for g in list(default_graphs) + list(named_graphs):
            from medkg.queries.library import check_iri
            check_iri(g)
        req = {"op": "query", "sparql": query, "max_results": self.server.max_results,
               "fmt_select": sel or "json", "fmt_graph": graph or "turtle",
               "default_graphs": list(default_graphs), "named_graphs": list(named_graphs)}
        t0 = time.monotonic()
        try:
            msg = self.server.pool.run(req)
        except Timeout:
            return self._error(503, f"query cut after the {self.server.query_timeout:g} s time limit")
        except Busy:
            return self._error(503, "server busy: every worker is taken", {"Retry-After": "5"})
        if not msg.get("ok"):
            return self._error(msg.get("status", 500), msg.get("error", "query failed"))
        headers = {"Medkg-Results": str(msg["count"]),
                   "Medkg-Query-Time": f"{time.monotonic() - t0:.3f}"}
        if msg.get("truncated"):
            headers["Medkg-Results-Truncated"] = f"true; limit={self.server.max_results}"
        with self.server.lock:
            self.server.served += 1
        self._send(200, msg["body"], MIME[msg["fmt"]], headers)

    def _update(self, update: str):
        if not self.server.allow_update:
            return self._error(403, "this endpoint is read-only: SPARQL Update is refused "
                                    "(start 'medkg serve --allow-update' to accept updates)")
        if self.command != "POST":
            return self._error(405, "updates must be sent with POST", {"Allow": "POST"})
        try:
            msg = self.server.pool.run({"op": "update", "sparql": update})
        except Timeout:
            return self._error(503, f"update cut after the {self.server.query_timeout:g} s time limit")
        except Busy:
            return self._error(503, "server busy", {"Retry-After": "5"})
        if not msg.get("ok"):
            return self._error(msg.get("status", 500), msg.get("error", "update failed"))
        self._send(204, b"", "text/plain")

    def _named(self, name: str):
        from medkg.errors import MedkgError
        name = urllib.parse.unquote(name)
        nq = self.server.library.get(name)
        if nq is None:
            return self._error(404, f"no named query '{name}' (see /queries)")
        params, _, _ = self._params()
        explicit = (params.pop("format", None) or params.pop("output", None) or [None])[0]
        values = {k: v[0] for k, v in params.items()}
        try:
            text = nq.bind(values)
        except MedkgError as exc:
            return self._error(400, str(exc))
        self._run(text, explicit)


def queries_json(library) -> bytes:
    out = []
    for q in library.values():
        out.append({"name": q.name, "title": q.title, "description": q.description, "form": q.form,
                    "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                                "description": p.doc} for p in q.params],
                    "query": q.text})
    return (json.dumps(out, indent=1) + "\n").encode("utf-8")


def serve(store_path: Path, host: str = "127.0.0.1", port: int = 8000, timeout: float = 30,
          max_results: int = 10000, allow_update: bool = False, workers: int | None = None,
          ready=None) -> None:
    """Run the endpoint until interrupted. ``ready(server)`` is called once it listens."""
    pool = WorkerPool(str(store_path), workers or max(2, min(4, os.cpu_count() or 2)), timeout, allow_update)
    try:
        httpd = SparqlServer((host, port), pool, max_results, allow_update, timeout)
    except OSError:
        pool.close()
        raise
    if threading.current_thread() is threading.main_thread():
        import signal
        # SIGTERM (kill, service managers) stops the server cleanly, like Ctrl-C
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=httpd.shutdown, daemon=True).start())
    try:
        if ready:
            ready(httpd)
        httpd.serve_forever(poll_interval=0.25)
    finally:
        httpd.server_close()
        pool.close()


# ---------------------------------------------------------------------- the query page
def page(server: SparqlServer) -> str:
    lib = json.loads(queries_json(server.library))
    items = "\n".join(
        f'<li><a href="#" data-q="{html.escape(q["name"])}" title="{html.escape(q["description"])}">'
        f'{html.escape(q["title"])}</a> <code>{html.escape(q["name"])}</code></li>' for q in lib)
    data = json.dumps(lib).replace("</", "<\\/")
    mode = "read-write" if server.allow_update else "read-only"
    return PAGE.replace("{{ITEMS}}", items).replace("{{DATA}}", data).replace("{{MODE}}", mode) \
        .replace("{{LIMITS}}", f"time limit {server.query_timeout:g} s, at most {server.max_results} results") \
        .replace("{{VERSION}}", html.escape(__version__))


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>medkg SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:0;display:flex;min-height:100vh;color:#222}
nav{width:300px;background:#f4f5f7;padding:12px;overflow:auto;border-right:1px solid #ddd}
nav ul{list-style:none;padding:0;margin:0} nav li{margin:6px 0} nav code{color:#777;font-size:11px}
nav a{color:#0645ad;text-decoration:none;font-weight:600} nav a:hover{text-decoration:underline}
main{flex:1;padding:12px 18px;min-width:0}
textarea{width:100%;height:260px;font:13px/1.35 monospace;box-sizing:border-box}
#params label{display:inline-block;margin:4px 12px 4px 0} #params input{margin-left:4px;min-width:22em}
button{padding:5px 14px;font-weight:600} #status{margin-left:10px;color:#555}
table{border-collapse:collapse;margin-top:10px;font-size:13px} th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#eef} td a{color:#0645ad} pre#raw{background:#f7f7f7;padding:8px;overflow:auto;max-height:60vh}
.err{color:#b00020;white-space:pre-wrap} small{color:#666}
</style></head><body>
<nav><h3>Named queries</h3><ul id="lib">{{ITEMS}}</ul>
<p><small>medkg {{VERSION}} &middot; {{MODE}} &middot; {{LIMITS}}<br>
Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol), named queries: <code>/queries/NAME?param=...</code></small></p></nav>
<main><h2 id="title">SPARQL query</h2><p id="desc"></p>
<div id="params"></div>
<textarea id="q" spellcheck="false">SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)</textarea><br>
<button id="run">Run</button>
<select id="fmt"><option value="">table</option><option value="csv">CSV</option><option value="tsv">TSV</option>
<option value="json">JSON</option><option value="xml">XML</option></select>
<span id="status"></span>
<div id="out"></div></main>
<script>
const LIB = {{DATA}};
const byName = {}; LIB.forEach(q => byName[q.name] = q);
let current = null;
const $ = id => document.getElementById(id);
function esc(s){return String(s).replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));}
function pick(name, run, given){
  const q = byName[name]; current = q; given = given || {};
  $('title').textContent = q.title; $('desc').textContent = q.description;
  $('q').value = q.query;
  $('params').innerHTML = q.params.map(p => '<label title="'+esc(p.description)+'">'+esc(p.name)+
     ' <small>('+esc(p.type)+')</small><input data-p="'+esc(p.name)+'" value="'+
     esc(p.name in given ? given[p.name] : (p.required ? '' : (p.default === null ? '' : p.default)))+
     '" placeholder="'+esc(p.required?'required':'')+'"></label>').join('');
  if (run && !q.params.some(p => p.required && !(p.name in given))) go();
}
document.querySelectorAll('#lib a').forEach(a => a.onclick = e => { e.preventDefault();
  if (location.hash === '#' + a.dataset.q) pick(a.dataset.q, true); else location.hash = a.dataset.q; });
$('q').oninput = () => { if (current && $('q').value !== current.query) { current = null; $('params').innerHTML=''; } };
function render(r){
  if (r.boolean !== undefined) return '<p><b>'+r.boolean+'</b></p>';
  const vars = r.head.vars, rows = r.results.bindings;
  let h = '<p><small>'+rows.length+' row'+(rows.length==1?'':'s')+'</small></p><table><tr>'+vars.map(v=>'<th>'+esc(v)+'</th>').join('')+'</tr>';
  for (const b of rows){ h += '<tr>'+vars.map(v => { const t=b[v]; if(!t) return '<td></td>';
    if (t.type !== 'uri') return '<td>'+esc(t.value)+'</td>';
    const label = esc(t.value.replace('https://w3id.org/medkg/id/','id:'));
    // entities open their card in this page; other IRIs are shown as text (they may not resolve offline)
    return '<td>'+(t.value.startsWith('https://w3id.org/medkg/id/') ?
      '<a href="#entity_card?entity='+encodeURIComponent(t.value)+'">'+label+'</a>' : label)+'</td>'; }).join('')+'</tr>'; }
  return h + '</table>';
}
async function go(){
  const fmt = $('fmt').value; let url, opts;
  const accept = fmt ? {csv:'text/csv',tsv:'text/tab-separated-values',json:'application/sparql-results+json',xml:'application/sparql-results+xml'}[fmt]
                     : 'application/sparql-results+json, text/turtle;q=0.9';
  if (current && $('q').value === current.query){
    const ps = new URLSearchParams();
    document.querySelectorAll('#params input').forEach(i => { ps.set(i.dataset.p, i.value); });
    url = '/queries/'+encodeURIComponent(current.name)+'?'+ps; opts = {headers:{Accept:accept}};
  } else {
    url = '/sparql'; opts = {method:'POST', headers:{'Content-Type':'application/sparql-query', Accept:accept}, body:$('q').value};
  }
  $('status').textContent = 'running…'; $('out').innerHTML=''; const t0 = performance.now();
  try {
    const resp = await fetch(url, opts); const text = await resp.text();
    const ms = Math.round(performance.now()-t0);
    const trunc = resp.headers.get('Medkg-Results-Truncated') ? ' — truncated at the result limit' : '';
    $('status').textContent = resp.status+' '+resp.statusText+' in '+ms+' ms'+trunc;
    if (!resp.ok){ $('out').innerHTML = '<p class="err">'+esc(text)+'</p>'; return; }
    const ct = resp.headers.get('Content-Type') || '';
    if (ct.startsWith('application/sparql-results+json')) $('out').innerHTML = render(JSON.parse(text));
    else $('out').innerHTML = '<pre id="raw">'+esc(text)+'</pre>';
  } catch(e){ $('status').textContent = 'failed'; $('out').innerHTML = '<p class="err">'+esc(e)+'</p>'; }
}
$('run').onclick = go;
// /#NAME opens and runs a named query (links can be shared)
function fromHash(){
  const h = location.hash.slice(1), i = h.indexOf('?');
  const n = decodeURIComponent(i < 0 ? h : h.slice(0, i));
  const given = {}; if (i >= 0) new URLSearchParams(h.slice(i + 1)).forEach((v, k) => given[k] = v);
  if (byName[n]) pick(n, true, given);
}
window.addEventListener('hashchange', fromHash); fromHash();
$('q').onkeydown = e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) go(); };
</script></body></html>
"""
