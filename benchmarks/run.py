"""Measure medkg's speed, scale and memory in one run and write BENCHMARKS.md.

    python benchmarks/run.py            # full run (~20-30 min on 2 cores)
    python benchmarks/run.py --quick    # smoke test with tiny sizes (< 60 s on an idle machine)

Side by side, in one run (medians of repeated runs, CPU time next to wall time because
the machine may be shared):

* ingest words/s, 1 process and all cores, against plain spaCy (``nlp.pipe``, same model,
  same texts);
* peak memory (RSS and PSS of the whole process tree) of ``medkg ingest`` on 10k articles;
* store bulk load, Turtle and N-Quads export (triples/s);
* every named query (``queries/*.rq``, default parameters) on the 100k-article graph in
  the embedded store and an Oxigraph server, and on the largest graph rdflib's
  in-memory store handles here (with the embedded store on that same graph for the ratio).

Synthetic data comes from ``benchmarks/generate.py`` (seeded) and is cached in
``benchmarks/.cache``. Sections written by other benchmarks to ``benchmarks/results/*.md``
are appended to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate as gen  # noqa: E402
from medkg.fileio import tree_size  # noqa: E402
from medkg.queries.library import sparql11  # noqa: E402  (the SPARQL 1.1 form rdflib runs)

FULL = dict(ingest_articles=400, ingest_sentences=(8, 14), repeats=3, mem_articles=10_000, mem_sentences=(2, 3),
            graph_small=1_000, graph_mid=10_000, graph_big=100_000, graph_sentences=(3, 6), export_repeats=2,
            query_reps=5,
            query_timeout=5.0, rdflib_timeout=10.0, session_articles=5)
QUICK = dict(ingest_articles=6, ingest_sentences=(4, 6), repeats=1, mem_articles=12, mem_sentences=(3, 5),
             graph_small=30, graph_mid=60, graph_big=150, graph_sentences=(3, 6), export_repeats=1, query_reps=2,
             query_timeout=2.0, rdflib_timeout=2.0, session_articles=2)
SECTIONS = ("ingest", "memory", "store", "queries", "session")
TARGETS = {
    "parallel_speedup": 1.8,        # all-cores ingest vs 1 process (2 cores)
    "pipeline_cost": 1.5,           # 1-process ingest time / plain spaCy time (issue #3)
    "export_1m_s": 5.0,             # seconds to export 1M triples
    "query_ms": 200.0,              # every named query, embedded store, 100k articles
    "query_vs_rdflib": 20.0,        # embedded store vs rdflib in-memory, same graph
    "ingest_10k_mib": 1024.0,       # peak memory of ingesting 10k articles
}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


class Timer:
    def __enter__(self):
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


# ----------------------------------------------------------------------------- machine
def machine_info() -> dict:
    import psutil
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for mod in ("spacy", "pyoxigraph", "rdflib"):
        try:
            versions[mod] = __import__(mod).__version__
        except Exception:
            versions[mod] = "?"
    try:
        from importlib.metadata import version
        versions["oxigraph (server)"] = version("oxigraph")
    except Exception:
        pass
    from medkg import __version__
    versions["medkg"] = __version__
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "versions": versions, "date": time.strftime("%Y-%m-%d %H:%M %Z")}


class LoadMonitor:
    """Samples the load average and the CPU used by processes outside this run."""

    def __init__(self):
        import psutil
        self.samples: list[tuple[float, float, float]] = []   # (loadavg1, total cpu %, ours %)
        self._stop = threading.Event()
        self._psutil = psutil
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self):
        self._thread.start()
        return self

    def _ours(self) -> set[int]:
        me = self._psutil.Process()
        return {me.pid} | {c.pid for c in me.children(recursive=True)}

    def _run(self):
        ps = self._psutil
        prev_total = ps.cpu_times()
        prev_ours = self._ours_cpu()
        while not self._stop.wait(2.0):
            tot = ps.cpu_times()
            ours = self._ours_cpu()
            busy = (tot.user + tot.system + tot.nice) - (prev_total.user + prev_total.system + prev_total.nice)
            allt = sum(tot) - sum(prev_total)
            ncpu = os.cpu_count() or 1
            total_pct = 100.0 * busy / allt * ncpu if allt > 0 else 0.0
            ours_pct = 100.0 * (ours - prev_ours) / (allt / ncpu) if allt > 0 else 0.0
            self.samples.append((os.getloadavg()[0], total_pct, min(ours_pct, total_pct)))
            prev_total, prev_ours = tot, ours

    def _ours_cpu(self) -> float:
        t = 0.0
        for pid in self._ours():
            try:
                c = self._psutil.Process(pid).cpu_times()
                t += c.user + c.system
            except Exception:
                pass
        # children that ended: their times are folded into ours by the OS
        c = os.times()
        return t + c.children_user + c.children_system

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join(timeout=5)
        if not self.samples:
            return {}
        la = [s[0] for s in self.samples]
        ncpu = os.cpu_count() or 1
        other = [min(100.0 * ncpu, max(0.0, s[1] - s[2])) for s in self.samples]
        return {"loadavg_median": round(median(la), 2), "loadavg_max": round(max(la), 2),
                "other_cpu_pct_median": round(median(other), 0), "other_cpu_pct_max": round(max(other), 0)}


# ----------------------------------------------------------------------------- ingest
def corpus(cache: Path, n: int, seed: int, sentences, html: bool = False) -> Path:
    d = cache / f"corpus_n{n}_s{seed}_{sentences[0]}-{sentences[1]}_{gen.GENERATOR_VERSION}{'_html' if html else ''}"
    if not (d / ".complete").exists():
        shutil.rmtree(d, ignore_errors=True)
        gen.write_articles(d, n, seed, sentences, html=html)
        (d / ".complete").write_text("ok")
    return d


_SPACY_WITH_LOAD = """
import sys
from medkg.ingest.extract import load_spacy, model_name
from medkg.ingest.pipeline import iter_articles
nlp = load_spacy(model_name(None))
texts = [a.text for a in iter_articles([sys.argv[1]])]
for _ in nlp.pipe(texts, batch_size=64):
    pass
"""


def _timed_run(cmd: list[str]) -> tuple[float, float]:
    """Run ``cmd`` to completion: (wall s, CPU s of it and every process it waited for)."""
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])}... failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_ingest(cfg, cache: Path, work: Path) -> dict:
    """Like for like: every timed run is a fresh process that imports, loads the model and
    reads the texts (plain spaCy) or ingests them into a new store (``medkg ingest``); plain
    spaCy's ``nlp.pipe`` alone (model already loaded, in this process) is reported next to it."""
    import spacy  # noqa: F401
    from medkg.ingest.extract import load_spacy, model_name
    from medkg.ingest.pipeline import iter_articles
    cores = os.cpu_count() or 1
    d = corpus(cache, cfg["ingest_articles"], 1, cfg["ingest_sentences"])
    arts = list(iter_articles([d]))
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)
    log(f"ingest: {len(arts)} articles, {words} words")
    with Timer() as t_load:
        nlp = load_spacy(model_name(None))
    res = {"articles": len(arts), "words": words, "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} "
           f"{nlp.meta.get('version')}", "model_load_s": round(t_load.wall, 2), "cores": cores}
    exe = shutil.which("medkg") or str(Path(sys.executable).parent / "medkg")
    pages = corpus(cache, cfg["ingest_articles"], 1, cfg["ingest_sentences"], html=True)   # the same articles
    res["html_kb"] = round(sum(p.stat().st_size for p in pages.glob("*.html")) / len(arts) / 1024, 1)
    runs = {k: [] for k in ("spacy_1", "spacy_n", "spacy_load_1", "ingest_1", "ingest_n", "html_1", "html_n")}
    cpu = {k: [] for k in ("spacy_1", "spacy_load_1", "ingest_1", "ingest_n", "html_1", "html_n")}
    for r in range(cfg["repeats"]):
        with Timer() as t:                               # model loaded already: nlp.pipe only
            for _ in nlp.pipe(texts, batch_size=64):
                pass
        runs["spacy_1"].append(t.wall)
        cpu["spacy_1"].append(t.cpu)
        if cores > 1:
            with Timer() as t:
                for _ in nlp.pipe(texts, batch_size=64, n_process=cores):
                    pass
            runs["spacy_n"].append(t.wall)
        wall, c = _timed_run([sys.executable, "-c", _SPACY_WITH_LOAD, str(d)])
        runs["spacy_load_1"].append(wall)
        cpu["spacy_load_1"].append(c)
        for key, workers, src in (("ingest_1", 1, d), ("ingest_n", cores, d), ("html_1", 1, pages),
                                  ("html_n", cores, pages)):
            if key.endswith("_n") and cores < 2:
                continue
            sd = work / f"ingest_{key}_{r}"
            shutil.rmtree(sd, ignore_errors=True)
            wall, c = _timed_run([exe, "--store", str(sd), "ingest", "-q", "--no-progress", "-j", str(workers), str(src)])
            runs[key].append(wall)
            cpu[key].append(c)
            if r == 0:
                from medkg.graph.store import Store
                with Store(sd, read_only=True) as st:
                    n_ok = len(st.articles())
                if n_ok != len(arts):
                    raise RuntimeError(f"medkg ingest -j {workers}: {n_ok} of {len(arts)} articles stored")
            shutil.rmtree(sd, ignore_errors=True)
        log(f"ingest: repeat {r + 1}: " + ", ".join(f"{k} {v[-1]:.1f}s" for k, v in runs.items() if v))
    for k, v in runs.items():
        if v:
            res[f"{k}_s"] = round(median(v), 2)
            res[f"{k}_wps"] = round(words / median(v))
    for k, v in cpu.items():
        if v:
            res[f"{k}_cpu_s"] = round(median(v), 2)
    # the target's ratio: both sides load the model (fresh processes)
    res["pipeline_cost"] = round(res["ingest_1_s"] / res["spacy_load_1_s"], 2)
    res["pipeline_cost_cpu"] = round(res["ingest_1_cpu_s"] / res["spacy_load_1_cpu_s"], 2)
    res["pipeline_cost_vs_pipe"] = round(res["ingest_1_s"] / res["spacy_1_s"], 2)
    if "ingest_n_s" in res:
        res["parallel_speedup"] = round(res["ingest_1_s"] / res["ingest_n_s"], 2)
    if "html_n_s" in res:
        res["html_parallel_speedup"] = round(res["html_1_s"] / res["html_n_s"], 2)
    if "spacy_n_s" in res:
        res["spacy_parallel_speedup"] = round(res["spacy_1_s"] / res["spacy_n_s"], 2)
    return res


def bench_memory(cfg, cache: Path, work: Path) -> dict:
    """Peak RSS/PSS of the process tree of ``medkg ingest`` (all cores) on many articles."""
    import psutil
    d = corpus(cache, cfg["mem_articles"], 2, cfg["mem_sentences"])
    sd = work / "ingest_mem"
    shutil.rmtree(sd, ignore_errors=True)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in d.glob("*.txt"))
    log(f"memory: medkg ingest of {cfg['mem_articles']} articles ({words} words)")
    exe = shutil.which("medkg") or str(Path(sys.executable).parent / "medkg")
    cmd = [exe, "--store", str(sd), "ingest", "-q", "--no-progress", str(d)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    top = psutil.Process(proc.pid)
    peak_rss = peak_pss = 0
    procs_seen = 1
    while proc.poll() is None:
        try:
            tree = [top] + top.children(recursive=True)
        except psutil.Error:
            break
        procs_seen = max(procs_seen, len(tree))
        rss = pss = 0
        for p in tree:
            try:
                mi = p.memory_full_info()
                rss += mi.rss
                pss += getattr(mi, "pss", mi.rss)
            except psutil.Error:
                pass
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.25)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"medkg ingest failed ({proc.returncode}): {err.decode()[-500:]}")
    from medkg.graph.store import Store
    with Store(sd, read_only=True) as st:
        n_art, n_quads = len(st.articles()), len(st)
    shutil.rmtree(sd, ignore_errors=True)
    return {"articles": n_art, "words": words, "quads": n_quads, "wall_s": round(wall, 1),
            "wps": round(words / wall), "processes": procs_seen,
            "peak_rss_mib": round(peak_rss / 2**20), "peak_pss_mib": round(peak_pss / 2**20)}


def bench_session(cfg, cache: Path, work: Path, stores: dict) -> dict:
    """A day's news into a big store: `medkg ingest` of a few new articles into the cached
    10k- and 100k-article stores (the counts of what they touch recounted, the ranks that moved
    rewritten), then `medkg remove` of them, which leaves the store as it was. Fresh processes,
    as a user runs them (the ingest loads the model)."""
    src = corpus(cache, cfg["ingest_articles"], 1, cfg["ingest_sentences"])
    d = work / "session"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    ids = []
    for i, f in enumerate(sorted(src.glob("*.txt"))[:cfg["session_articles"]]):
        ids.append(f"bench-session-{i}")          # ids no generated graph has
        shutil.copy(f, d / f"{ids[-1]}.txt")
    exe = shutil.which("medkg") or str(Path(sys.executable).parent / "medkg")
    res = {"articles": len(ids)}
    for label in ("graph_mid", "graph_big"):
        info = stores[label]
        sd = Path(info["store"])
        meta = sd.with_name(sd.name + ".json")
        saved = meta.read_text(encoding="utf-8")
        # while the cached store holds the new articles it is not the cached graph: a run killed
        # meanwhile leaves no metadata, and the next run builds the store again
        meta.unlink()
        # this medkg's ontology first (an ingest puts it in: a newer specialty scheme would change
        # the statistics compared below)
        from medkg.graph.store import Store
        from medkg.ontology.load import ensure_ontology
        with Store(sd) as st:
            ensure_ontology(st)
        stats = [exe, "--store", str(sd), "stats", "--json"]
        before = subprocess.run(stats, capture_output=True, check=True).stdout
        adds, removes = [], []
        for _ in range(cfg["repeats"]):
            adds.append(_timed_run([exe, "--store", str(sd), "ingest", "-q", "--no-progress", str(d)])[0])
            removes.append(_timed_run([exe, "--store", str(sd), "remove", *ids])[0])
        if subprocess.run(stats, capture_output=True, check=True).stdout != before:
            raise RuntimeError(f"{sd}: ingest then remove did not leave the store as it was (graph statistics differ)")
        # the rewrites leave old entries behind until compaction: compact, as a user would after
        # many sessions (`medkg optimize`), so that the next run's queries read the same store
        opt = _timed_run([exe, "--store", str(sd), "optimize"])[0]
        meta.write_text(saved, encoding="utf-8")
        res[label] = {"articles": info["articles"], "ingest_s": round(median(adds), 2),
                      "remove_s": round(median(removes), 2), "ingest_runs": [round(x, 2) for x in adds],
                      "optimize_s": round(opt, 1)}
        log(f"session: {info['articles']} articles: ingest {len(ids)} {median(adds):.1f}s, remove {median(removes):.1f}s")
    return res


# ----------------------------------------------------------------------------- store
def build_store(nq: Path, path: Path) -> tuple[int, float, float]:
    """Bulk-load ``nq`` into a fresh store at ``path`` (+ ontology); (quads, wall s, cpu s)."""
    from medkg.graph.store import Store
    from medkg.ontology.load import ensure_ontology
    shutil.rmtree(path, ignore_errors=True)
    with Store(path) as st:
        with Timer() as t:
            n = st.bulk_load(nq, "nq")
        ensure_ontology(st)
    return n, t.wall, t.cpu


def cached_store(cfg, cache: Path, n: int) -> dict:
    """The bulk-loaded store of the ``n``-article graph, built (and its load timed) once, then reused."""
    nq = gen.cached_graph(cache, n, 0, progress=n >= 10_000, sentences=cfg["graph_sentences"])
    sd = cache / f"store_{nq.stem}"
    meta = sd.with_name(sd.name + ".json")
    if sd.exists() and not meta.exists():
        # another process may be building it: wait while the directory keeps growing
        last, still = -1, 0
        while not meta.exists() and still < 8:
            size = tree_size(sd)
            still = still + 1 if size == last else 0
            last = size
            time.sleep(15)
        if not meta.exists():
            shutil.rmtree(sd, ignore_errors=True)
    if meta.exists() and sd.exists():
        info = json.loads(meta.read_text())
        info["store"] = str(sd.resolve())
        log(f"store: reusing {sd.name} (bulk load measured {info['measured']})")
        ensure_current_counts(sd)
        return info
    log(f"store: bulk load {n} articles ({nq.stat().st_size / 1e6:.0f} MB N-Quads)")
    quads, wall, cpu = build_store(nq, sd)
    info = {"articles": n, "quads": quads, "load_s": round(wall, 1), "load_cpu_s": round(cpu, 1), "snapshots": True,
            "load_qps": round(quads / wall), "size_mb": round(tree_size(sd) / 1e6), "store": str(sd.resolve()),
            "nq_mb": round(nq.stat().st_size / 1e6), "measured": time.strftime("%Y-%m-%d %H:%M"),
            "loadavg": round(os.getloadavg()[0], 1)}
    meta.write_text(json.dumps(info))
    return info


def ensure_current_counts(sd: Path) -> None:
    """A cached store written by an older medkg (counts of another version): one writable
    open recounts them (and copies them and the ontology into the default graph)."""
    import pyoxigraph as ox
    from medkg.graph import counts
    from medkg.graph.store import Store
    ro = ox.Store.read_only(str(sd))
    current = counts.is_valid(ro)
    del ro
    if not current:
        log(f"store: {sd.name}: derived counts of an older medkg, recounting (once)")
        with Timer() as t:
            Store(sd).close()
        log(f"store: recounted in {t.wall:.0f} s")


def ensure_snapshots(info: dict) -> None:
    """A cached store bulk-loaded by an older medkg has no export snapshots: one writable open
    builds them (timed, and noted in the store's .json so it happens once)."""
    from medkg.graph.store import Store
    if info.get("snapshots"):
        return
    sd = Path(info["store"])
    log(f"store: building the export snapshots of {sd.name} (once)")
    with Timer() as t:
        with Store(sd):
            pass
    # (a store bulk-loaded before the merged default graph existed is merged by the same open)
    info.update(snapshots=True, snapshot_build_s=round(t.wall, 1), snapshot_build_cpu_s=round(t.cpu, 1),
                size_mb=round(tree_size(sd) / 1e6))
    meta = sd.with_name(sd.name + ".json")
    meta.write_text(json.dumps({k: v for k, v in info.items() if k != "store"} | {"store": str(sd)}))


def snapshot_info(st) -> dict:
    """Size of the export snapshots (the stored literals) and the default-graph triple count."""
    import pyoxigraph as ox
    from medkg.graph.store import SNAPSHOT, SNAPSHOT_GRAPH
    n = size = 0
    for q in st.oxigraph.quads_for_pattern(None, ox.NamedNode(SNAPSHOT), None, ox.NamedNode(SNAPSHOT_GRAPH)):
        n += 1
        size += len(q.object.value)
    return {"snapshots": n, "snapshot_mb": round(size / 1e6, 1), "default_triples": st._default_size(), "union_triples": st._union_size()}


def bench_store(cfg, cache: Path, work: Path) -> dict:
    from medkg.graph.store import Store
    res = {}
    for label in ("graph_mid", "graph_big"):
        res[label] = cached_store(cfg, cache, cfg[label])
    if not cfg["export_repeats"]:
        return res
    # export the mid store (10k articles: ~2M default-graph triples, ~2.3M article quads)
    ensure_snapshots(res["graph_mid"])
    sd = Path(res["graph_mid"]["store"])
    with Store(sd, read_only=True) as st:
        res["graph_mid"].update(snapshot_info(st))
        for fmt, ext in (("turtle", "ttl"), ("nq", "nq")):
            walls, cpus, n = [], [], 0
            for r in range(cfg["export_repeats"]):
                out = work / f"export.{ext}"
                with Timer() as t:
                    n = st.export(out, fmt)
                walls.append(t.wall)
                cpus.append(t.cpu)
                size = out.stat().st_size
                out.unlink()
            w = median(walls)
            res[f"export_{fmt}"] = {"triples": n, "wall_s": round(w, 2), "cpu_s": round(median(cpus), 2),
                                    "tps": round(n / w), "s_per_1m": round(w / n * 1e6, 2),
                                    "s_per_1m_cpu": round(median(cpus) / n * 1e6, 2), "mb": round(size / 1e6),
                                    "articles": res["graph_mid"]["articles"]}
            log(f"store: export {fmt}: {n} in {w:.1f}s (CPU {median(cpus):.1f}s)")
    log("store: done")
    return res


# ----------------------------------------------------------------------------- queries
def query_params(world_n: int) -> dict:
    """Values for required parameters: popular entities of the generated world."""
    w = gen.World(world_n, 0)
    person = w.people[0][0]
    org = w.orgs[0]
    from medkg.ontology.namespaces import entity_iri
    return {"article": "syn_0_0000000", "entity": str(entity_iri("Person", person.name)),
            "institution": str(entity_iri("Organization", org.name)), "name": person.name,
            "q": person.name.split()[0], "person": person.name,
            "subject": str(entity_iri("Person", person.name)), "country": "China"}


def bound_queries(world_n: int, sparql11: bool = False) -> list[tuple[str, str, str]]:
    """(name, form, bound SPARQL) for every named query: defaults, sample values for required ones.
    ``sparql11``: their SPARQL 1.1 form (what rdflib runs, as ``medkg query --sparql11``)."""
    from medkg.queries.library import load_library
    sample = query_params(world_n)
    out = []
    for name, q in load_library().items():
        values = {p.name: sample.get(p.name, "x") for p in q.params if p.required}
        out.append((name, q.form, q.bind(values, sparql11=sparql11)))
    return out


def patch_rdflib_distinct_aggregates() -> None:
    """rdflib 7 raises NotBoundError on ``GROUP_CONCAT(DISTINCT ?x)`` (any DISTINCT aggregate)
    when a row of the group leaves ?x unbound (an OPTIONAL that did not match), where the
    standard skips that row (RDFLib/rdflib#716, #882). Skip it instead, so the comparison runs;
    the work per row is unchanged."""
    from rdflib.plugins.sparql import aggregates
    from rdflib.plugins.sparql.sparql import NotBoundError

    def use_row(self, row):
        try:
            return aggregates._eval(self.expr, row) not in self.seen
        except NotBoundError:
            return False
    aggregates.Accumulator.use_row = use_row


def _child_main(spec_path: str) -> int:
    """Child process: run queries on one store kind, one JSON line per query on stdout."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    kind, reps, budget, timeout = spec["kind"], spec["reps"], spec["budget"], spec["timeout"]

    def emit(obj):
        sys.stdout.write(json.dumps(obj) + "\n")
        sys.stdout.flush()

    if kind == "embedded":
        from medkg.graph.store import Store
        st = Store(spec["store"], read_only=True)
        emit({"_load": {}})

        def run(sparql):
            import pyoxigraph as ox
            res = st.query(sparql)
            return 1 if isinstance(res, (bool, ox.QueryBoolean)) else sum(1 for _ in res)
    else:
        import psutil
        import rdflib
        from medkg.ontology.namespaces import PREFIXES
        rss0 = psutil.Process().memory_info().rss
        t = time.perf_counter()
        ds = rdflib.Dataset(default_union=True)
        ds.parse(spec["nq"], format="nquads")
        emit({"_load": {"s": time.perf_counter() - t, "quads": len(ds),
                        "rss_mib": (psutil.Process().memory_info().rss - rss0) / 2**20}})

        patch_rdflib_distinct_aggregates()

        def run(sparql):
            r = ds.query(sparql, initNs=PREFIXES)       # (given in its SPARQL 1.1 form)
            return 1 if r.type == "ASK" else sum(1 for _ in r)

    class Timeout(Exception):
        pass

    def alarm(*_):
        raise Timeout()
    signal.signal(signal.SIGALRM, alarm)
    warm_limit = max(60.0, timeout * 10) if kind == "embedded" else timeout
    for name, form, sparql in spec["queries"]:
        times, rows, first = [], 0, None
        try:
            # the first run is a warm-up, with a limit of its own: on a store just read from a cold page
            # cache (a 10 GB store after other sections' I/O) it reads from disk; its time is reported apart
            # (an in-memory store has no page cache to fill: there the warm-up counts in the query's limit)
            signal.setitimer(signal.ITIMER_REAL, warm_limit)
            t = time.perf_counter()
            rows = run(sparql)
            first = time.perf_counter() - t
            signal.setitimer(signal.ITIMER_REAL, timeout if kind == "embedded" else max(0.001, timeout - first))
            start = time.perf_counter()
            for _ in range(reps if first <= budget else 0):     # (a slow query: its one run is the figure)
                t = time.perf_counter()
                run(sparql)
                times.append(time.perf_counter() - t)
                if time.perf_counter() - start > budget:
                    break
            signal.setitimer(signal.ITIMER_REAL, 0)
            emit({"name": name, "ms": [x * 1000 for x in times] or [first * 1000], "rows": rows,
                  "first_ms": first * 1000})
        except Timeout:
            emit({"name": name, "timeout": timeout} if first is not None or warm_limit == timeout else
                 {"name": name, "timeout": warm_limit, "first_timeout": True})
        except Exception as exc:
            signal.setitimer(signal.ITIMER_REAL, 0)
            emit({"name": name, "error": f"{type(exc).__name__}: {exc}"[:200]})
    return 0


def run_child(kind: str, queries, reps: int, timeout: float, store: Path | None = None,
              nq: Path | None = None, load_timeout: float = 120.0) -> dict:
    """Run the queries in child processes; a query stuck past ``timeout`` (e.g. inside Oxigraph,
    where no signal reaches) is recorded as a timeout and the child restarted for the rest."""
    import queue
    out: dict = {}
    todo = list(queries)
    failures = 0
    while todo:
        spec = {"kind": kind, "reps": reps, "budget": timeout / 3, "timeout": timeout,
                "store": str(store) if store else None, "nq": str(nq) if nq else None, "queries": todo}
        fd, spec_path = tempfile.mkstemp(suffix=".json")
        os.close(fd)
        Path(spec_path).write_text(json.dumps(spec), encoding="utf-8")
        proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", spec_path],
                                stdout=subprocess.PIPE, text=True)
        lines: queue.Queue = queue.Queue()
        def pump(src=proc.stdout, dst=lines):      # bound now: each child has its own queue
            for x in src:
                dst.put(x)
            dst.put(None)
        threading.Thread(target=pump, daemon=True).start()
        try:
            item = lines.get(timeout=load_timeout)
            if item is None:
                out["_load"] = {"error": "child failed to start"}
                return out
            out.setdefault("_load", json.loads(item)["_load"])
            while todo:
                try:
                    item = lines.get(timeout=timeout + 3)
                except queue.Empty:
                    out[todo[0][0]] = {"timeout": timeout}
                    log(f"  {kind}: {todo[0][0]}: timeout")
                    todo = todo[1:]
                    break          # restart the child for the rest
                if item is None:
                    out[todo[0][0]] = {"error": "child process died"}
                    todo = todo[1:]
                    break
                r = json.loads(item)
                name = r.pop("name")
                out[name] = r
                log(f"  {kind}: {name}: {_cell(r)} ms, {r.get('rows', '?')} rows")
                todo = todo[1:]
        except queue.Empty:
            failures += 1
            log(f"  {kind}: child did not start in {load_timeout:.0f} s")
            if failures >= 2:
                for name, _, _ in todo:
                    out[name] = {"error": "query process did not start"}
                todo = []
        finally:
            proc.kill()
            proc.wait()
            os.unlink(spec_path)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(proc, port, wait: float = 60) -> bool:
    deadline = time.time() + wait
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/")
            c.getresponse().read()
            c.close()
            return True
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                return False
            time.sleep(0.2)


def _stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _restart(proc, start, port):
    _stop(proc)
    for _ in range(50):          # the port is free again once the old server is gone
        new = start()
        if _wait_ready(new, port, 20):
            return new
        _stop(new)
        time.sleep(0.2)
    return new


def run_server(store_dir: Path, queries, reps: int, timeout: float) -> dict:
    """Named queries over HTTP against ``oxigraph serve-read-only`` on a loopback port."""
    from medkg.ontology.namespaces import PREFIXES
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(exe).exists():
        return {"_error": "oxigraph server not installed (pip install oxigraph)"}
    port = _free_port()

    def start_server():
        return subprocess.Popen([exe, "serve-read-only", "--location", str(store_dir), "--bind", f"127.0.0.1:{port}",
                                 "--timeout-s", str(max(1, int(timeout)))],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    out = {}
    restart = False
    proc = start_server()
    try:
        if not _wait_ready(proc, port):
            return {"_error": "oxigraph server did not start"}
        for name, form, sparql in queries:
            if restart:
                proc = _restart(proc, start_server, port)
                restart = False
            accept = "application/n-triples" if form in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
            times, rows = [], 0
            try:
                start = time.perf_counter()
                for i in range(reps + 1):
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout + 5)
                    t = time.perf_counter()
                    c.request("POST", "/query", body=(prologue + sparql).encode("utf-8"),
                              headers={"Content-Type": "application/sparql-query", "Accept": accept})
                    r = c.getresponse()
                    body = r.read()
                    d = time.perf_counter() - t
                    c.close()
                    if r.status != 200:
                        raise RuntimeError(f"HTTP {r.status}: {body[:150]!r}")
                    if i == 0:
                        first = d
                        if accept.endswith("json"):
                            try:
                                j = json.loads(body)
                            except ValueError as exc:
                                raise RuntimeError(f"bad JSON ({exc}): {body[:120]!r}") from None
                            rows = 1 if "boolean" in j else len(j["results"]["bindings"])
                        else:
                            rows = body.count(b"\n")
                    else:
                        times.append(d)
                    if time.perf_counter() - start > timeout / 2:
                        break
                out[name] = {"ms": [x * 1000 for x in times] or [first * 1000], "rows": rows}
            except (OSError, RuntimeError) as exc:
                msg = str(exc)
                out[name] = {"timeout": timeout} if "timed out" in msg or "timeout" in msg.lower() else \
                    {"error": msg[:200]}
                # a timed-out query may still run inside the server: start a fresh one
                restart = True
            log(f"  server: {name}: {_cell(out[name])} ms")
    finally:
        _stop(proc)
    return out


def bench_queries(cfg, cache: Path, work: Path, stores: dict) -> dict:
    big = Path(stores["graph_big"]["store"])
    n_big = cfg["graph_big"]
    queries = bound_queries(n_big)
    log(f"queries: {len(queries)} named queries, embedded store, {n_big} articles")
    res = {"n": len(queries), "big": n_big, "small": cfg["graph_small"]}
    res["embedded_big"] = run_child("embedded", queries, cfg["query_reps"], cfg["query_timeout"], store=big,
                                    load_timeout=60)
    log("queries: Oxigraph server")
    res["server_big"] = run_server(big, queries, cfg["query_reps"], cfg["query_timeout"])
    # rdflib: the small graph; the embedded store on the same graph for the ratio
    n_small = cfg["graph_small"]
    small_store = Path(cached_store(cfg, cache, n_small)["store"])
    # the ontology graph is in the store; give rdflib the same data
    from medkg.graph.store import Store
    nq_rdflib = work / "rdflib_input.nq"
    with Store(small_store, read_only=True) as st:
        st.export(nq_rdflib, "nq", include_ontology=True)
        # and the derived counts graph the ranking queries read (not part of exports)
        import pyoxigraph as ox
        from medkg.graph.counts import COUNTS_GRAPH
        counts_nt = st.oxigraph.dump(None, ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(COUNTS_GRAPH)))
        with open(nq_rdflib, "ab") as fh:
            fh.write(counts_nt.replace(b" .\n", f" <{COUNTS_GRAPH}> .\n".encode()))
    small_queries = bound_queries(n_small)
    log(f"queries: embedded store, {n_small} articles")
    res["embedded_small"] = run_child("embedded", small_queries, cfg["query_reps"], cfg["query_timeout"],
                                      store=small_store, load_timeout=60)
    log(f"queries: rdflib in-memory, {n_small} articles")
    res["rdflib_small"] = run_child("rdflib", bound_queries(n_small, sparql11=True), max(1, cfg["query_reps"] // 2), cfg["rdflib_timeout"],
                                    nq=nq_rdflib, load_timeout=1800)
    res["timeouts"] = {"embedded": cfg["query_timeout"], "rdflib": cfg["rdflib_timeout"]}
    return res


# ----------------------------------------------------------------------------- report
def _ms(entry) -> float | None:
    if not entry or "ms" not in entry:
        return None
    return median(entry["ms"])


def _cell(entry) -> str:
    if entry is None:
        return "–"
    if "timeout" in entry:
        return f"> {entry['timeout'] * 1000:.0f}"
    if "error" in entry:
        return "error"
    v = _ms(entry)
    return f"{v:.1f}" if v < 100 else f"{v:.0f}"


def _pf(ok) -> str:
    return "–" if ok is None else ("**pass**" if ok else "**FAIL**")


def measured_at(old: dict, section: str) -> str | None:
    """When ``section`` of an earlier run's results was measured: its own record, else the run
    it was reused from, else that run's date (results written before sections were dated)."""
    if old.get("measured", {}).get(section):
        return old["measured"][section]
    reused = old.get("reused") or {}
    if section in reused.get("sections", ()):
        return reused.get("from")
    return old.get("machine", {}).get("date")


def report(results: dict, quick: bool) -> str:
    m = results["machine"]
    load = results.get("load", {})
    ing, mem, st, q = results.get("ingest"), results.get("memory"), results.get("store"), results.get("queries")
    took = "" if results.get("reused") else f", in {results['seconds'] / 60:.1f} min"
    lines = ["# Benchmarks", "",
             f"Generated by `python benchmarks/run.py{' --quick' if quick else ''}` on {m['date']} "
             f"({'QUICK smoke-test sizes: figures are not meaningful' if quick else 'full run'})"
             f"{took}. All data are synthetic, from `benchmarks/generate.py` "
             "(seeded; the graphs have exactly the shape medkg writes: entities, relations, NIF mention and "
             "sentence nodes, `mkg:Fact` statements, one named graph per article). Times are medians of "
             "repeated runs; CPU time is given next to wall time where the machine was shared.", ""]
    if results.get("reused"):
        when = results.get("measured", {})
        parts = [f"{k} ({when.get(k) or results['reused']['from']})" for k in results["reused"]["sections"]]
        lines += [f"Sections measured by earlier runs of this script on the same machine, and assembled "
                  f"here: {', '.join(parts)}. The others were measured by this run.", ""]
    lines += ["## Machine", "",
              f"- CPU: {m['cpu']}, {m['cores']} cores; memory {m['memory_gib']} GiB; {m['os']}; Python {m['python']}",
              "- " + ", ".join(f"{k} {v}" for k, v in m["versions"].items())]
    if load.get("note"):
        lines.append(f"- Load during the run: {load['note']}")
    elif load:
        lines.append(f"- Load during the run: load average median {load['loadavg_median']} (max {load['loadavg_max']}); "
                     f"CPU used by other processes (other engineers' jobs on this shared machine) median "
                     f"{load['other_cpu_pct_median']:.0f}% (max {load['other_cpu_pct_max']:.0f}%) of one core "
                     f"out of {m['cores'] * 100}%. Wall-clock figures are pessimistic when this is high.")
    lines.append("")

    # ---- targets
    rows = []
    if ing:
        if "parallel_speedup" in ing:
            html = (f" (the same articles as HTML pages: {ing['html_parallel_speedup']}x)"
                    if "html_parallel_speedup" in ing else "")
            rows.append((f"Parallel ingest, {ing['cores']} processes vs 1 (text files)", f">= {TARGETS['parallel_speedup']}x",
                         f"{ing['parallel_speedup']}x{html}", ing["parallel_speedup"] >= TARGETS["parallel_speedup"]))
        like = "spacy_load_1_s" in ing          # older JSON: plain spaCy timed without its model load
        rows.append(("Ingest cost vs plain spaCy (1 process, wall; " + ("both load the model" if like else
                     "spaCy's `nlp.pipe` without its model load") + "; the target of issue #3, store writes included)",
                     f"<= {TARGETS['pipeline_cost']}x",
                     f"{ing['pipeline_cost']}x" + (f" (CPU time: {ing['pipeline_cost_cpu']}x)"
                                                   if ing.get("pipeline_cost_cpu") else ""),
                     ing["pipeline_cost"] <= TARGETS["pipeline_cost"]))
    if st:
        for fmt, label in (("turtle", "Turtle"), ("nq", "N-Quads")):
            e = st.get(f"export_{fmt}")
            if e:
                rows.append((f"{label} export, seconds per 1M triples", f"< {TARGETS['export_1m_s']:.0f} s",
                             f"{e['s_per_1m']} s (CPU {e['s_per_1m_cpu']} s)", e["s_per_1m"] < TARGETS["export_1m_s"]))
    if q:
        emb = q["embedded_big"]
        vals = [(k, _ms(v)) for k, v in emb.items() if not k.startswith("_")]
        worst = max((v if v is not None else float("inf"), k) for k, v in vals) if vals else (None, None)
        n_ok = sum(1 for _, v in vals if v is not None and v < TARGETS["query_ms"])
        rows.append((f"Every named query, embedded store, {q['big']:,} articles", f"< {TARGETS['query_ms']:.0f} ms median",
                     f"{n_ok}/{len(vals)} under; slowest {worst[1]} "
                     f"{'(timeout)' if worst[0] == float('inf') else f'{worst[0]:.0f} ms'}",
                     n_ok == len(vals)))
        ratios = _ratios(q)
        if ratios:
            n_ok = sum(1 for r in ratios.values() if r is not None and r >= TARGETS["query_vs_rdflib"])
            low = min((r, k) for k, r in ratios.items() if r is not None)
            rows.append((f"Embedded store vs rdflib in-memory ({q['small']:,} articles, same graph)",
                         f">= {TARGETS['query_vs_rdflib']:.0f}x faster, every query",
                         f"{n_ok}/{len(ratios)} at >= 20x ({sum(1 for r in ratios.values() if r is None)} not comparable: "
                         f"rdflib error or other rows); lowest {low[1]} {low[0]:.1f}x", n_ok == len(ratios)))
    if mem:
        rows.append((f"Peak memory, `medkg ingest` of {mem['articles']:,} articles (process tree)"
                     + (" (run not finished: peak so far)" if mem.get("unfinished") else ""),
                     f"< {TARGETS['ingest_10k_mib']:.0f} MiB",
                     f"PSS {mem['peak_pss_mib']} MiB (RSS sum {mem['peak_rss_mib']} MiB)",
                     mem["peak_pss_mib"] < TARGETS["ingest_10k_mib"]))
    lines += ["## Targets", "", "| Target | Goal | Measured | |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {_pf(d)} |" for a, b, c, d in rows]
    lines.append("")

    if ing and "spacy_load_1_s" in ing:
        cpu = lambda k: ing.get(f"{k}_cpu_s", "–")  # noqa: E731
        lines += ["## Ingest throughput", "",
                  f"{ing['articles']} generated articles, {ing['words']:,} words; model {ing['model']}"
                  + (f" (loads in {ing['model_load_s']} s)" if ing.get("model_load_s") else "") + ". "
                  "Like for like: each `medkg ingest` run is a fresh process (import, model load, ontology, "
                  "extraction, store writes) and so is the plain-spaCy run it is compared with (import, model "
                  "load, reading the texts, `nlp.pipe`); the target ratio uses these two. Plain `nlp.pipe` "
                  "alone (model already loaded) is shown for reference. CPU time includes every process of "
                  "the run.", "",
                  "| Run | Wall s | CPU s | Words/s |", "|---|---|---|---|",
                  f"| plain spaCy, fresh process with model load, 1 process | {ing['spacy_load_1_s']} | "
                  f"{cpu('spacy_load_1')} | {ing['spacy_load_1_wps']:,} |",
                  f"| plain spaCy `nlp.pipe` only (model loaded), 1 process | {ing['spacy_1_s']} | "
                  f"{cpu('spacy_1')} | {ing['spacy_1_wps']:,} |"]
        if "spacy_n_s" in ing:
            lines.append(f"| plain spaCy `nlp.pipe(n_process={ing['cores']})` only | {ing['spacy_n_s']} | – | "
                         f"{ing['spacy_n_wps']:,} |")
        lines.append(f"| medkg ingest, 1 process (`-j 1`), with model load | {ing['ingest_1_s']} | {cpu('ingest_1')} | "
                     f"{ing['ingest_1_wps']:,} |")
        if "ingest_n_s" in ing:
            lines.append(f"| medkg ingest, {ing['cores']} processes (`-j {ing['cores']}`), with model load | "
                         f"{ing['ingest_n_s']} | {cpu('ingest_n')} | {ing['ingest_n_wps']:,} |")
        if "html_1_s" in ing:
            lines.append(f"| medkg ingest, the same articles as HTML pages, 1 process | {ing['html_1_s']} | "
                         f"{cpu('html_1')} | {ing['html_1_wps']:,} |")
        if "html_n_s" in ing:
            lines.append(f"| medkg ingest, the same articles as HTML pages, {ing['cores']} processes | "
                         f"{ing['html_n_s']} | {cpu('html_n')} | {ing['html_n_wps']:,} |")
        lines += ["", f"Ratio medkg `-j 1` / plain spaCy with model load: {ing['pipeline_cost']}x wall, "
                      f"{ing['pipeline_cost_cpu']}x CPU (against `nlp.pipe` alone: {ing['pipeline_cost_vs_pipe']}x wall)."
                  + (f" Plain spaCy itself speeds up {ing['spacy_parallel_speedup']}x on {ing['cores']} processes "
                     "in the same conditions." if "spacy_parallel_speedup" in ing else "")
                  + (f" The HTML pages ({ing['html_kb']} KB each on average: a menu, scripts, styles, related "
                     "links and a footer around the same text) are converted to text in the worker processes; "
                     f"{ing['cores']} processes vs 1 on them: {ing['html_parallel_speedup']}x."
                     if "html_parallel_speedup" in ing else ""), ""]
    elif ing:
        lines += ["## Ingest throughput", "",
                  f"{ing['articles']} generated articles, {ing['words']:,} words"
                  + (f", {ing['triples']:,} triples" if ing.get("triples") else "") + "; "
                  f"model {ing['model']}" + (f" (loads in {ing['model_load_s']} s)" if ing.get("model_load_s") else "")
                  + "; the ingest times include the workers' start and model load, plain spaCy's do not.", "",
                  "| Run | Wall s | Words/s |", "|---|---|---|",
                  f"| plain spaCy `nlp.pipe`, 1 process | {ing['spacy_1_s']} | {ing['spacy_1_wps']:,} |"]
        if "spacy_n_s" in ing:
            lines.append(f"| plain spaCy `nlp.pipe(n_process={ing['cores']})` | {ing['spacy_n_s']} | {ing['spacy_n_wps']:,} |")
        lines.append(f"| medkg ingest, 1 process (`-j 1`) | {ing['ingest_1_s']} | {ing['ingest_1_wps']:,} |")
        if "ingest_n_s" in ing:
            lines.append(f"| medkg ingest, {ing['cores']} processes (`-j {ing['cores']}`) | {ing['ingest_n_s']} | "
                         f"{ing['ingest_n_wps']:,} |")
        lines += ["", (f"CPU time, 1 process: spaCy {ing['spacy_1_cpu_s']} s, medkg ingest {ing['ingest_1_cpu_s']} s "
                       f"(ratio {ing['pipeline_cost_cpu']}x)." if ing.get("ingest_1_cpu_s") else "")
                  + (f" Plain spaCy itself speeds up {ing['spacy_parallel_speedup']}x on {ing['cores']} processes "
                     "in the same conditions." if "spacy_parallel_speedup" in ing else ""), ""]
    if mem and mem.get("unfinished"):
        lines += ["## Memory", "",
                  f"`medkg ingest` (automatic workers: {mem['processes']} processes) of {mem['articles']:,} short "
                  f"generated articles ({mem['words']:,} words) was still running after {mem['wall_s']:.0f} s on the "
                  f"loaded machine when the results had to be written, so the peak below is the peak *so far* "
                  f"(a lower bound): RSS sum {mem['peak_rss_mib']} MiB, PSS {mem['peak_pss_mib']} MiB. "
                  + mem.get("note", ""), ""]
    elif mem:
        lines += ["## Memory", "",
                  f"`medkg ingest` (automatic workers) of {mem['articles']:,} short generated articles "
                  f"({mem['words']:,} words, {mem['quads']:,} quads) took {mem['wall_s']} s ({mem['wps']:,} words/s) "
                  f"with up to {mem['processes']} processes. Peak memory of the whole process tree, sampled every "
                  f"0.25 s: RSS sum {mem['peak_rss_mib']} MiB (counts pages shared between the workers once per "
                  f"process), PSS {mem['peak_pss_mib']} MiB.", ""]
    if st:
        lines += ["## Store: bulk load and export", "",
                  "| Graph | Quads | Bulk load s | Quads/s | Store size |", "|---|---|---|---|---|"]
        labels = ["graph_mid"] + (["graph_big"] if st["graph_big"]["articles"] != st["graph_mid"]["articles"] else [])
        for label in labels:
            g = st[label]
            lines.append(f"| {g['articles']:,} articles | {g['quads']:,} | {g['load_s']} (CPU {g['load_cpu_s']}) | "
                         f"{g['load_qps']:,} | {g['size_mb']:,} MB |")
        built = sorted({st[label].get("measured") for label in labels if st[label].get("measured")})
        if built:
            lines += ["", "The stores are bulk-loaded once and kept in the benchmark cache (the 100,000-article "
                      "load takes minutes): their load times were measured when they were built "
                      f"({', '.join(built)} UTC); the exports below are measured by this run."]
        exp_n = st.get("export_nq", {}).get("articles") or st["graph_mid"]["articles"]
        mid = st["graph_mid"]
        snap = ""
        if mid.get("snapshot_mb") is not None:
            snap = (f" Exports read the per-article snapshots (zlib N-Triples kept beside each article graph): "
                    f"{mid['snapshots']:,} snapshots, {mid['snapshot_mb']} MB of literals"
                    + (f" in a {mid['size_mb']:,} MB store" if mid.get("size_mb") else "")
                    + (f"; built once in {mid['snapshot_build_s']} s (CPU {mid['snapshot_build_cpu_s']} s) for a "
                       "store bulk-loaded by an older medkg" if mid.get("snapshot_build_s") else "") + ".")
        lines += ["", f"Export of the {exp_n:,}-article store "
                  + (f"({mid['union_triples']:,} distinct article triples; the default graph holds "
                     f"{mid['default_triples']:,} with the copies of the ontology and the derived counts) "
                     if mid.get("union_triples") else
                     f"({mid['default_triples']:,} triples in the merged default graph) " if mid.get("default_triples") else "")
                  + "(`Store.export`, i.e. `medkg export`; Turtle is the union graph with duplicates removed, "
                  "N-Quads keeps the graphs)." + snap, "",
                  "| Format | Triples | Wall s | CPU s | Triples/s | s per 1M | File |", "|---|---|---|---|---|---|---|"]
        for fmt, label in (("turtle", "Turtle"), ("nq", "N-Quads")):
            e = st.get(f"export_{fmt}")
            if not e:
                continue
            lines.append(f"| {label} | {e['triples']:,} | {e['wall_s']} | {e['cpu_s']} | {e['tps']:,} | "
                         f"{e['s_per_1m']} | {e['mb']} MB |")
        lines.append("")
    ses = results.get("session")
    if ses:
        lines += ["## A day's news into a big store", "",
                  f"`medkg ingest` of {ses['articles']} new articles (automatic workers: one process for so few) "
                  "into the cached stores, then `medkg remove` of them (which leaves the store as it was), each a "
                  "fresh process as a user runs it: the ingest loads the model, and both recount what the "
                  "articles touch and rewrite the ranks that moved (a new entity shifts every entity ranked "
                  "after it). Medians of the repeats. Then `medkg optimize` compacts the store (the rewrites "
                  "leave old entries behind until then; a store that took many sessions grows and its queries "
                  "slow down: before the first compaction, 9.7 GB and org_hierarchy 195 ms in a sequence of "
                  "all queries, after it 5.6 GB and 165 ms).", "",
                  "| Store | ingest s | remove s | optimize s |", "|---|---|---|---|"]
        for label in ("graph_mid", "graph_big"):
            if label in ses:
                g = ses[label]
                lines.append(f"| {g['articles']:,} articles | {g['ingest_s']} | {g['remove_s']} | "
                             f"{g.get('optimize_s', '–')} |")
        lines.append("")
    if q:
        lines += _query_section(q)
    return "\n".join(lines) + "\n"


def _ratios(q) -> dict:
    out = {}
    for name, r in q.get("rdflib_small", {}).items():
        if name.startswith("_"):
            continue
        e = _ms(q["embedded_small"].get(name))
        if e is None:
            out[name] = None
            continue
        rows_e, rows_r = (q["embedded_small"].get(name) or {}).get("rows"), (r or {}).get("rows")
        if rows_e is not None and rows_r is not None and rows_e != rows_r:
            out[name] = None              # not the same answer (SPARQL 1.1 rewrite): no ratio
            continue
        rv = _ms(r)
        if rv is None and r and "timeout" in r:
            rv = r["timeout"] * 1000      # a lower bound
        out[name] = rv / e if rv is not None and e > 0 else None
    return out


def _query_section(q) -> list[str]:
    ld = q.get("rdflib_small", {}).get("_load", {})
    note = []
    if q["big"] < FULL["graph_big"]:
        note = [f"**Size note:** this run measured the queries on a {q['big']:,}-article graph, not the "
                f"{FULL['graph_big']:,}-article target size (about 23M quads, ~230 per article): on the shared "
                f"machine (see the load under Machine) generating and bulk-loading it would have taken longer "
                f"than the time available. Query cost grows with the graph, so the {FULL['graph_big']:,}-article "
                f"figures would be higher. Rerun with `python benchmarks/run.py` on a quiet machine.", ""]
    lines = ["## Named queries", "",
             f"Every query of `queries/*.rq` with its default parameters (required ones bound to a popular "
             f"entity of the generated graph). Median ms over repeated runs after one warm-up; '> N' is a "
             f"timeout. Embedded = `Store.query` (pyoxigraph, on disk); server = `oxigraph serve-read-only` "
             f"on 127.0.0.1, over HTTP, on the same store (its default graph is the dataset `Store.query` "
             f"reads: the merged articles with copies of the ontology and of the derived counts; JSON results "
             f"fully read); rdflib = `rdflib.Dataset(default_union=True)` in memory, given the same triples. "
             f"rdflib parses SPARQL 1.1 only, so it runs each query's SPARQL 1.1 form: `LATERAL {{ X }}` becomes "
             f"`{{ X }}` (`LATERAL {{ OPTIONAL {{ X }} }}` becomes `OPTIONAL {{ X }}`) and lists cut to ten per row inside them are not cut (the same rows; a query whose "
             f"rows still differ gets no ratio), or the query's own SPARQL 1.1 text where it ships one (`queries/sparql11/`); rdflib's error on DISTINCT aggregates over unbound values "
             f"(RDFLib/rdflib#716) is patched to skip such rows, as the standard does. A '> N' there makes "
             f"the ratio a lower bound.", ""] + note
    if ld.get("s") is not None:
        k = q['big'] / max(1, q['small'])
        lines += [f"rdflib in-memory is measured on the {q['small']:,}-article graph ({ld['quads']:,} quads): "
                  f"parsing it took {ld['s']:.0f} s and {ld['rss_mib']:.0f} MiB. Scaled linearly, the "
                  f"{q['big']:,}-article graph would need ~{ld['s'] * k / 60:.0f} min and ~{ld['rss_mib'] * k / 1024:.1f} GiB "
                  f"before the first query (and its queries are slower still), more than this run could afford; so "
                  f"the ratio column compares both stores on the same {q['small']:,}-article graph.", ""]
    ratios = _ratios(q)
    lines += [f"| Query | Rows ({q['big'] // 1000}k) | Embedded {q['big'] // 1000}k ms | Server {q['big'] // 1000}k ms | "
              f"Embedded {q['small'] // 1000 or q['small']}{'k' if q['small'] >= 1000 else ''} ms | "
              f"rdflib {q['small'] // 1000 or q['small']}{'k' if q['small'] >= 1000 else ''} ms | rdflib / embedded | "
              f"< {TARGETS['query_ms']:.0f} ms |",
              "|---|---|---|---|---|---|---|---|"]
    for name in sorted(k for k in q["embedded_big"] if not k.startswith("_")):
        e = q["embedded_big"][name]
        s = q["server_big"].get(name) if isinstance(q["server_big"], dict) else None
        r = ratios.get(name)
        ms = _ms(e)
        rs, es = (q.get("rdflib_small", {}).get(name) or {}), (q["embedded_small"].get(name) or {})
        differ = "rows" in rs and "rows" in es and rs["rows"] != es["rows"]
        lines.append(f"| {name} | {e.get('rows', '–') if e else '–'} | {_cell(e)} | {_cell(s)} | "
                     f"{_cell(q['embedded_small'].get(name))} | {_cell(q.get('rdflib_small', {}).get(name))} | "
                     f"{('– (rows ' + str(es['rows']) + ' vs ' + str(rs['rows']) + ')') if differ else '–' if r is None else f'{r:.0f}x'} | "
                     f"{_pf(ms is not None and ms < TARGETS['query_ms'])} |")
    slow_first = [(k, v["first_ms"]) for k, v in sorted(q["embedded_big"].items())
                  if isinstance(v, dict) and v.get("first_ms", 0) >= TARGETS["query_ms"]]
    if slow_first:
        lines += ["", f"First runs (the warm-up, not in the medians) on the {q['big']:,}-article embedded store "
                      f"that took {TARGETS['query_ms']:.0f} ms or more, reading a store not yet in the page cache: "
                  + ", ".join(f"{k} {v:,.0f} ms" for k, v in slow_first) + "."]
    errs = [(k, v["error"]) for src in ("embedded_big", "server_big", "embedded_small", "rdflib_small")
            for k, v in (q.get(src) or {}).items() if isinstance(v, dict) and "error" in v]
    if errs:
        lines += ["", "Errors: " + "; ".join(f"{k}: {e}" for k, e in errs[:10])]
    if "_error" in (q.get("server_big") or {}):
        lines += ["", f"Server: {q['server_big']['_error']}"]
    lines.append("")
    return lines


def other_sections() -> str:
    d = HERE / "results"
    parts = []
    for f in sorted(d.glob("*.md")) if d.exists() else []:
        text = f.read_text(encoding="utf-8").strip()
        if text:
            parts.append(f"<!-- from benchmarks/results/{f.name} -->\n{text}\n")
    return "\n".join(parts)


REPRO = """## Reproduce

```sh
pip install -e '.[test]'                 # oxigraph (server) and psutil come with the test extra
python benchmarks/run.py --quick         # smoke test, tiny sizes
python benchmarks/run.py                 # full run: writes BENCHMARKS.md (~30 min on 2 cores)
python benchmarks/generate.py articles -n 1000 -o /tmp/corpus    # generated articles
python benchmarks/generate.py graph -n 100000 -o /tmp/g100k.nq   # generated graph (N-Quads)
```
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="medkg benchmarks -> BENCHMARKS.md")
    ap.add_argument("--quick", action="store_true", help="tiny sizes: a smoke test (< 60 s)")
    ap.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"), help="report file (default: BENCHMARKS.md)")
    ap.add_argument("--cache", default=str(HERE / ".cache"), help="cache for generated data")
    ap.add_argument("--work", default=None, help="scratch directory for stores (default: a temporary one)")
    ap.add_argument("--only", default="ingest,memory,store,queries,session",
                    help="comma-separated sections to run (ingest, memory, store, queries, session)")
    ap.add_argument("--json", default=None, help="also write the raw results as JSON here")
    ap.add_argument("--reuse", default=None, help="take the sections not run now from this earlier --json file")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="override a size or limit, e.g. --set mem_articles=2000 --set query_timeout=10")
    args = ap.parse_args(argv)
    if args.child:
        return _child_main(args.child)
    cfg = dict(QUICK if args.quick else FULL)
    for kv in args.set:
        k, _, v = kv.partition("=")
        if k not in cfg:
            ap.error(f"--set: unknown key {k} (known: {', '.join(cfg)})")
        cfg[k] = json.loads(v) if not isinstance(cfg[k], tuple) else tuple(json.loads(v))
    only = set(args.only.split(","))
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="medkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    mon = LoadMonitor().start()
    results = {"machine": machine_info(), "config": {k: v for k, v in cfg.items()}}
    if args.reuse:
        # sections measured by an earlier run (e.g. on a busy machine, in parts)
        old = json.loads(Path(args.reuse).read_text(encoding="utf-8"))
        for k in SECTIONS:
            if k in old and k not in only:
                results[k] = old[k]
        results["reused"] = {"from": old.get("machine", {}).get("date"),
                             "sections": [k for k in SECTIONS if k in old and k not in only]}
        results["measured"] = {k: measured_at(old, k) for k in results["reused"]["sections"]}
    results.setdefault("measured", {}).update({k: results["machine"]["date"] for k in SECTIONS if k in only})
    try:
        if "ingest" in only:
            results["ingest"] = bench_ingest(cfg, cache, work)
        if "memory" in only:
            results["memory"] = bench_memory(cfg, cache, work)
        if "store" in only or (only & {"queries", "session"} and "store" not in results):
            results["store"] = bench_store(cfg, cache, work)
        if "queries" in only:
            results["queries"] = bench_queries(cfg, cache, work, results["store"])
        if "session" in only:     # (after the queries: it writes to the cached stores)
            results["session"] = bench_session(cfg, cache, work, results["store"])
    finally:
        results["load"] = mon.stop()
        if args.reuse:
            old_load = json.loads(Path(args.reuse).read_text(encoding="utf-8")).get("load", {})
            if old_load and (not results["load"] or not (only & set(SECTIONS))):
                results["load"] = old_load
        results["seconds"] = time.perf_counter() - t0
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:       # first: the raw figures survive a problem in the report
        Path(args.json).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    text = report(results, args.quick)
    others = other_sections()
    if others:
        text += "\n" + others
    text += "\n" + REPRO
    Path(args.out).write_text(text, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    log(f"wrote {args.out} in {results['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
