"""The ``network`` (analytics, GraphML/GEXF/CSV export) and ``viz`` (offline HTML page) commands."""

from __future__ import annotations

import json
from pathlib import Path

import click

from medkg.cli import main
from medkg.errors import MedkgError

VIEW_CHOICE = click.Choice(["entities", "people", "institutions", "countries", "ego"])


def _view_options(f):
    f = click.option("--seed", type=int, default=42, show_default=True,
                     help="Seed of the Louvain communities (and sampled betweenness on large graphs).")(f)
    f = click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True,
                     help="Hops around --focus.")(f)
    f = click.option("--focus", metavar="NAME", default=None,
                     help="Entity name, alias or IRI: restrict the view to its ego network.")(f)
    f = click.option("--view", type=VIEW_CHOICE, default="entities", show_default=True,
                     help="entities: all entities and relations; people: co-attendance of events; "
                          "institutions: shared events and people; countries: country-institution "
                          "exchange; ego: neighbourhood of --focus in the entity graph.")(f)
    return f


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def _print_stats(G, s: dict, k: int) -> None:
    focus = f", focus {G.nodes[s['focus']]['name']} (depth {G.graph.get('depth')})" if s.get("focus") else ""
    click.echo(f"view {s['view']}{focus}: {s['nodes']} nodes, {s['edges']} edges, "
               f"total weight {s['total_weight']}, density {s['density']:.4f}")
    if s["by_type"]:
        click.echo("  types: " + ", ".join(f"{t} {n}" for t, n in s["by_type"].items()))
    if not s["nodes"]:
        return
    width = max([len(e["name"]) for e in s["top_degree"] + s["top_betweenness"]] + [4])
    width = min(width, 60)
    click.echo(f"\nTop {len(s['top_degree'])} by degree centrality:")
    click.echo(f"  {'#':>3}  {'name':<{width}}  {'type':<12}  {'degree':>6}  {'weighted':>8}  {'centrality':>10}")
    for i, e in enumerate(s["top_degree"], 1):
        click.echo(f"  {i:>3}  {e['name'][:width]:<{width}}  {e['type']:<12}  {e['degree']:>6}  "
                   f"{e['weighted_degree']:>8g}  {_fmt(e['degree_centrality']):>10}")
    approx = "" if s["betweenness_exact"] else " (estimated from sampled pivots)"
    click.echo(f"\nTop {len(s['top_betweenness'])} by betweenness centrality{approx}:")
    click.echo(f"  {'#':>3}  {'name':<{width}}  {'type':<12}  {'betweenness':>11}")
    for i, e in enumerate(s["top_betweenness"], 1):
        click.echo(f"  {i:>3}  {e['name'][:width]:<{width}}  {e['type']:<12}  {_fmt(e['betweenness']):>11}")
    c = s["communities"]
    mod = "" if c["modularity"] is None else f", modularity {c['modularity']:.3f}"
    click.echo(f"\nCommunities (Louvain, seed {c['seed']}): {c['count']}{mod}")
    for i, com in enumerate(c["largest"], 1):
        more = f", ... (+{com['size'] - len(com['members'])})" if com["size"] > len(com["members"]) else ""
        click.echo(f"  {i:>3}. {com['size']:>4} members: {', '.join(com['members'])}{more}")
    comp = s["components"]
    click.echo(f"\nConnected components: {comp['count']} (largest sizes: "
               f"{', '.join(map(str, comp['sizes']))}; {comp['isolated']} isolated nodes)")


@main.command()
@_view_options
@click.option("--stats", is_flag=True, help="Print top entities by centrality, communities and components.")
@click.option("--top", "k", type=click.IntRange(1), default=10, show_default=True, help="Rows per list with --stats.")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the network: .graphml, .gexf (Gephi) or .csv (edge list).")
@click.option("-f", "--format", "fmt", type=click.Choice(["graphml", "gexf", "csv"]), default=None,
              help="Export format (default: from the extension of -o).")
@click.option("--nodes-csv", type=click.Path(dir_okay=False), default=None,
              help="Also write a node table (id, label, type, centralities, facts) as CSV.")
@click.option("--no-provenance", is_flag=True, help="Leave facts and sentences out of exports (faster, smaller).")
@click.pass_obj
def network(handle, view, focus, depth, seed, stats, k, as_json, output, fmt, nodes_csv, no_provenance):
    """Collaboration networks: statistics and GraphML/GEXF/CSV export.

    \b
    Examples:
      medkg network --view people --stats
      medkg network --view institutions -o inst.gexf
      medkg network --view ego --focus "West China Hospital" --depth 2 --stats
    """
    from medkg.graph import network as N
    if output:
        N.export_format(output, fmt)  # fail before the work on a bad name
    if fmt and not output:
        raise MedkgError("--format needs -o FILE")
    store = handle.open()
    G = N.build(store, view, focus=focus, depth=depth)
    a = N.analyze(G, seed=seed)
    if (output or nodes_csv) and not no_provenance:
        N.attach_provenance(store, G)
    if output:
        written = N.export(G, output, fmt)
        click.echo(f"wrote {G.number_of_nodes()} nodes, {G.number_of_edges()} edges to {output} ({written})", err=True)
    if nodes_csv:
        N.write_nodes_csv(G, nodes_csv)
        click.echo(f"wrote {G.number_of_nodes()} nodes to {nodes_csv}", err=True)
    s = N.summary(G, a, k)
    if as_json:
        click.echo(json.dumps(s, indent=2, ensure_ascii=False))
    elif stats:
        _print_stats(G, s, k)
    elif not output and not nodes_csv:
        click.echo(f"view {view}: {s['nodes']} nodes, {s['edges']} edges, {s['communities']['count']} "
                   f"communities, {s['components']['count']} components (use --stats for details, "
                   f"-o FILE to export)")


@main.command()
@_view_options
@click.option("--top", "k", type=click.IntRange(1), default=None,
              help="Draw at most K nodes: the most central, then those linking them (default 250); "
                   "each node tells how many neighbours were left out.")
@click.option("--min-weight", type=float, default=1, show_default=True,
              help="Hide edges lighter than this (shared events/people, or relations).")
@click.option("--title", default=None, help="Page heading (default: the view and the store).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="HTML file to write.")
@click.pass_obj
def viz(handle, view, focus, depth, seed, k, min_weight, title, output):
    """Interactive network page (one self-contained offline HTML file).

    Colours and shapes by entity type, node size by centrality, edge width by
    weight, search box, type filter, and each entity's facts with the article
    sentences they come from.

    \b
    Examples:
      medkg viz --view institutions -o institutions.html
      medkg viz --view ego --focus "Li Xun" --depth 2 -o li-xun.html
    """
    from medkg.graph import viz as V
    out = Path(output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise MedkgError(f"{output}: the page must be an .html file")
    store = handle.open()
    info = V.write_page(store, out, view=view, focus=focus, depth=depth, top=k, min_weight=min_weight,
                        seed=seed, title=title)
    pruned = (f" (pruned from {info['total_nodes']} nodes: --top {info['top']}, --min-weight {info['min_weight']:g})"
              if info["pruned"] else "")
    click.echo(f"wrote {output}: {info['shown_nodes']} nodes, {info['shown_edges']} edges{pruned}", err=True)
