"""Network views and pages on a large graph: build times and time-to-stable in Chromium.

    python benchmarks/bench_viz.py                 # 50,000 entities (a few minutes)
    python benchmarks/bench_viz.py --quick         # 3,000 entities, smoke test
    python benchmarks/bench_viz.py --no-browser    # skip the Chromium part

Generates a seeded graph of N entities straight into an embedded store (RDF of the
shape ingest writes, no NLP: ``medkg.graph.net_synth.synthetic_store``; cached in
``benchmarks/.cache``), then times reading it, building each view, writing the
default page (pruned to the 300 most central nodes) and larger pages, and opening each
page in headless Chromium from file:// with the network blocked, until the layout is
stable (physics off). Writes ``benchmarks/results/viz.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(fn, *a, **kw):
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn(*a, **kw)
    return out, time.perf_counter() - t0, time.process_time() - c0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="3,000 entities, one browser run")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--repeats", type=int, default=3, help="browser loads per page (median)")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "viz.md")
    ap.add_argument("--fresh", action="store_true", help="regenerate the cached store")
    args = ap.parse_args(argv)
    if args.quick:
        args.entities, args.repeats = 3_000, 1

    from medkg.graph import net_browser, net_synth, network as N, viz as V
    from medkg.graph.store import Store

    cache = HERE / ".cache" / f"viz-{args.entities}-{args.seed}"
    work = HERE / ".cache" / "viz-pages"
    work.mkdir(parents=True, exist_ok=True)
    (HERE / ".cache" / ".gitignore").write_text("*\n")  # generated data never goes into git
    gen_s = None
    if args.fresh or not (cache / "DONE").exists():
        shutil.rmtree(cache, ignore_errors=True)
        with Store(cache) as st:
            info, gen_s, _ = timed(net_synth.synthetic_store, st, args.entities, args.seed)
        (cache / "DONE").write_text(f"{info}\n")
        print(f"generated {info} in {gen_s:.1f} s", flush=True)
    st = Store(cache, read_only=True)
    rows = []

    data, t, c = timed(N.Data.from_store, st)
    rows.append(("read entities and relations (SPARQL)", f"{len(data.entities):,} entities, {len(data.relations):,} relations", t, c))
    print(rows[-1], flush=True)
    views = {}
    for view in ("entities", "people", "institutions", "countries"):
        G, t, c = timed(N.build, data, view)
        views[view] = G
        rows.append((f"build view `{view}`", f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges", t, c))
        print(rows[-1], flush=True)
    a, t, c = timed(N.analyze, views["institutions"], 42)
    rows.append(("analytics on `institutions` (degree, betweenness, Louvain, components)",
                 f"{len(a.communities):,} communities, betweenness {'exact' if a.betweenness_exact else 'sampled'}", t, c))
    print(rows[-1], flush=True)

    pages = [("entities", None, f"default page (`medkg viz`: entities, --top {V.DEFAULT_TOP})"),
             ("people", None, f"people, --top {V.DEFAULT_TOP}"), ("institutions", None, f"institutions, --top {V.DEFAULT_TOP}"),
             ("entities", 1000, "entities, --top 1000")]
    if args.quick:
        pages = pages[:2]
    page_rows = []
    for view, top, label in pages:
        path = work / f"{view}-{top or 'default'}.html"
        info, t, c = timed(V.write_page, st, path, view=view, top=top, data=data)
        page_rows.append({"label": label, "path": path, "build_s": t, "cpu_s": c, "nodes": info["shown_nodes"],
                          "edges": info["shown_edges"], "mib": info["bytes"] / 2**20})
        print(label, info, f"{t:.1f}s", flush=True)

    browser_note = None
    reason = None if not args.no_browser else "--no-browser"
    reason = reason or net_browser.missing()
    if reason:
        browser_note = f"browser part skipped: {reason}"
    else:
        drv = net_browser.driver()
        try:
            for r in page_rows:
                loads, layouts, cpus, ok, external = [], [], [], True, set()
                for _ in range(args.repeats):
                    drv.get("about:blank")
                    net_browser.requests_made(drv)
                    c0 = net_browser.browser_cpu_seconds(drv)
                    s = net_browser.open_page(drv, r["path"].as_uri(), timeout=120)
                    c1 = net_browser.browser_cpu_seconds(drv)
                    if c0 is not None and c1 is not None:
                        cpus.append(c1 - c0)
                    ok = ok and s["stable"] and not s["errors"]
                    loads.append(s["stable_ms"] / 1000 if s["stable_ms"] else float("nan"))
                    layouts.append(s["layout_ms"] / 1000 if s["layout_ms"] else float("nan"))
                    external |= {u for u in net_browser.requests_made(drv) if not u.startswith(("file:", "data:", "about:"))}
                r.update(stable_s=statistics.median(loads), layout_s=statistics.median(layouts), ok=ok,
                         browser_cpu_s=statistics.median(cpus) if cpus else float("nan"),
                         external=sorted(external), painted=net_browser.painted_pixels(drv))
                print(r["label"], f"stable after {r['stable_s']:.2f}s (layout {r['layout_s']:.2f}s)", flush=True)
        finally:
            drv.quit()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "## Network pages at scale (bench_viz)", "",
        f"Synthetic graph of **{args.entities:,} entities** (seed {args.seed}, "
        f"`medkg.graph.net_synth.synthetic_store`: persons, institutions, events, countries, "
        f"specialties, places with heavy-tailed participation; every relation an `mkg:Fact` "
        f"with its sentence), in the embedded on-disk store. "
        f"{platform.machine()}, {os.cpu_count()} cores, load average {load:.1f} at the end "
        f"(shared machine: wall times are noisy, CPU time is given too). "
        f"Reproduce: `python benchmarks/bench_viz.py`.", "",
    ]
    if gen_s is not None:
        lines += [f"Generating and bulk-loading the store took {gen_s:.1f} s.", ""]
    lines += ["| step | size | wall s | CPU s |", "| --- | --- | ---: | ---: |"]
    lines += [f"| {a} | {b} | {t:.2f} | {c:.2f} |" for a, b, t, c in rows]
    lines += ["", "Pages (`medkg viz`): build = view + pruning + analytics + layout + provenance + HTML "
              "(`medkg viz` also reads the entities and relations once, first row above); "
              "*stable* = from navigation start to the layout settled (physics switched off), "
              f"median of {args.repeats} loads from file:// in headless Chromium with the network blocked.", "",
              "| page | drawn nodes / edges | HTML MiB | build s (CPU s) | time to stable s | of which layout s | Chromium CPU s | external requests |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in page_rows:
        if "stable_s" in r:
            st_s, lay, ext = f"{r['stable_s']:.2f}", f"{r['layout_s']:.2f}", ", ".join(r["external"]) or "none"
            bcpu = f"{r['browser_cpu_s']:.2f}"
            if not r["ok"]:
                st_s += " (not stable / errors)"
        else:
            st_s = lay = ext = bcpu = "–"
        lines.append(f"| {r['label']} | {r['nodes']:,} / {r['edges']:,} | {r['mib']:.1f} | {r['build_s']:.1f} ({r['cpu_s']:.1f}) | {st_s} | {lay} | {bcpu} | {ext} |")
    if browser_note:
        lines += ["", browser_note]
    lines.append("")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
