"""``medkg evaluate``: score the graph against gold annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from medkg.cli import main
from medkg.errors import MedkgError


@main.command()
@click.option("--gold", "gold_dir", required=True, type=click.Path(file_okay=False),
              help="Directory of gold files (one <article-id>.json per article).")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False),
              help="Score this RDF file (Turtle, TriG, N-Quads, JSON-LD...) instead of the store.")
@click.option("-v", "--verbose", is_flag=True, help="Also list every missed, spurious and duplicate item.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the figures as JSON to this file ('-' for stdout, then the tables go to stderr).")
@click.option("--min-entity-f1", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Exit with code 2 when the entity F1 is below this.")
@click.option("--min-relation-f1", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Exit with code 2 when the relation F1 is below this.")
@click.pass_obj
def evaluate(handle, gold_dir, graph_file, verbose, json_out, min_entity_f1, min_relation_f1):
    """Score the graph against gold annotations: P/R/F1 per entity type and relation.

    Only the articles that the gold directory annotates are scored (their ids are
    the gold file names). The last line is the headline:
    entity_f1, relation_f1, correct event dates, and provenance (mentions).
    """
    from medkg.evaluate import evaluate_file, evaluate_store, load_gold
    gold = load_gold(gold_dir)
    if graph_file:
        ev = evaluate_file(graph_file, gold)
    else:
        ev, missing = evaluate_store(handle.open(), gold)
        if missing:
            shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
            click.echo(f"medkg: warning: {len(missing)} annotated article(s) not in the store, "
                       f"scored as missed: {shown}", err=True)
    to_stderr = json_out == "-"
    click.echo(ev.table(), err=to_stderr)
    if verbose:
        for line in ev.misses:
            click.echo(f"  {line}", err=to_stderr)
        click.echo("", err=to_stderr)
    if json_out:
        data = json.dumps(ev.as_dict(), indent=2)
        if to_stderr:
            click.echo(data)
        else:
            try:
                Path(json_out).write_text(data + "\n", encoding="utf-8")
            except OSError as exc:
                raise MedkgError(f"{json_out}: cannot write ({exc.strerror or exc})") from None
    click.echo(ev.headline(), err=to_stderr)
    low = []
    if ev.entity_f1 < min_entity_f1:
        low.append(f"entity F1 {ev.entity_f1:.3f} < {min_entity_f1}")
    if ev.relation_f1 < min_relation_f1:
        low.append(f"relation F1 {ev.relation_f1:.3f} < {min_relation_f1}")
    if low:
        click.echo(f"medkg: below threshold: {'; '.join(low)}", err=True)
        sys.exit(2)
