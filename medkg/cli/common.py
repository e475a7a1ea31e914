"""Helpers shared by the CLI commands."""

from __future__ import annotations

from pathlib import Path

from medkg.errors import MedkgError


class StoreHandle:
    """Opens the store lazily: read-only for reading commands, read-write for writers."""

    def __init__(self, path: str | None, memory: bool = False):
        from medkg.graph.store import default_store_path
        self.memory = memory
        self.path = None if memory else Path(path) if path else default_store_path()
        self._store = None

    def open(self, write: bool = False):
        from medkg.graph.store import Store
        if self._store is None:
            if self.memory:
                self._store = Store()
            elif write:
                self._store = Store(self.path)
            else:
                if not self.path.exists():
                    raise MedkgError(f"store {self.path}: does not exist (run 'medkg ingest PATH' first, "
                                     f"or pass --store DIR)")
                self._store = Store(self.path, read_only=True)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def read_query_arg(text: str) -> str:
    """A SPARQL argument: a path to a file, '-' for stdin, or the query text itself."""
    import sys
    if text == "-":
        return sys.stdin.read()
    p = Path(text)
    if len(text) < 4096 and "\n" not in text and p.suffix.lower() in (".rq", ".sparql", ".txt") :
        if not p.exists():
            raise MedkgError(f"{p}: no such query file")
        try:
            return p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise MedkgError(f"{p}: cannot read ({exc})") from None
    return text
