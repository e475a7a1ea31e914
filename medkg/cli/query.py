"""The query command (SPARQL on the store)."""

from __future__ import annotations

import sys

import click

from medkg.cli import main
from medkg.cli.common import read_query_arg


@main.command()
@click.argument("query")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml"]), default="table")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None)
@click.pass_obj
def query(handle, query, fmt, output):
    """Run a SPARQL query (text, a .rq file, or - for stdin) on the store."""
    from medkg.queries.results import run_and_format
    text = read_query_arg(query)
    data = run_and_format(handle.open(), text, fmt)
    if output:
        with open(output, "wb") as fh:
            fh.write(data)
    else:
        sys.stdout.buffer.write(data)
