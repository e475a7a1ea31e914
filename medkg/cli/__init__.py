"""The ``medkg`` command line: a thin layer over the library.

Every command lives in a module of this package and registers itself on
:data:`main`. User errors (:class:`medkg.errors.MedkgError`) print one line
``medkg: error: ...`` and exit non-zero; set ``MEDKG_DEBUG=1`` for tracebacks.
"""

from __future__ import annotations

import os
import sys

import click

from medkg import __version__
from medkg.errors import MedkgError


class MedkgGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MedkgError as exc:
            click.echo(f"medkg: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("medkg: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            ctx.exit(0)
        except Exception as exc:  # never a traceback for users
            if os.environ.get("MEDKG_DEBUG"):
                raise
            msg = " ".join(str(exc).split())[:300] or type(exc).__name__
            click.echo(f"medkg: error: {type(exc).__name__}: {msg} (set MEDKG_DEBUG=1 for details)", err=True)
            ctx.exit(1)


@click.group(cls=MedkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="medkg")
@click.option("--store", "store_path", envvar="MEDKG_STORE", type=click.Path(file_okay=False),
              help="Store directory (env MEDKG_STORE; default ~/.local/share/medkg/store).")
@click.option("--memory", is_flag=True, help="Use a throw-away in-memory store (nothing is saved).")
@click.pass_context
def main(ctx, store_path, memory):
    """medkg: knowledge graphs of academic exchange in medicine, from news articles."""
    from medkg.cli.common import StoreHandle
    ctx.obj = StoreHandle(store_path, memory)
    ctx.call_on_close(ctx.obj.close)


def _register() -> None:
    from importlib import import_module
    for name in ("core", "query", "evaluate", "network"):
        try:
            import_module(f"medkg.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"medkg.cli.{name}":
                raise


_register()


def run() -> None:
    """The ``medkg`` console script: :data:`main`, then, after a command that loaded the
    spaCy pipeline, a quick exit.

    Once ``main`` is done every store is closed and every result written; what is left is
    the interpreter freeing the pipeline object by object (0.2 s after each ``ingest``).
    The standard streams are flushed and the process ends at once -- unless a child
    process or a thread is still running, which the normal exit waits for.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if "spacy" not in sys.modules or not _nothing_running():
        sys.exit(code)
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):    # the reader is gone, or the stream closed
            pass
    os._exit(code)


def _nothing_running() -> bool:
    import threading
    mp = sys.modules.get("multiprocessing")
    if mp is not None and mp.active_children():
        return False
    return all(t is threading.main_thread() or t.daemon for t in threading.enumerate())


if __name__ == "__main__":  # pragma: no cover
    run()
