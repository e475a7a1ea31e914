"""Writing output files atomically (a temporary file renamed into place, never half a file),
and a small cache of derived data that medkg can always rebuild."""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from medkg.errors import MedkgError

T = TypeVar("T")


@contextlib.contextmanager
def atomic_path(output: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``output``; on success it replaces ``output``.

    A missing directory or an OS error becomes a one-line :class:`MedkgError` naming the
    file; on any failure the temporary file is removed and ``output`` is untouched.
    """
    path = Path(output)
    if not path.parent.exists():
        raise MedkgError(f"{path}: directory {path.parent} does not exist")
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise MedkgError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def tree_size(path: str | os.PathLike) -> int:
    """Bytes of the files under ``path`` (a store directory)."""
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def cache_dir() -> Path:
    """Where medkg keeps derived data it can rebuild: ``$MEDKG_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/medkg``, else ``~/.cache/medkg``."""
    explicit = os.environ.get("MEDKG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "medkg"


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``'s value (plain data: dicts, tuples, strings, numbers), kept in
    :func:`cache_dir` as ``name`` for the next process. ``name`` must change whenever the
    value would (the versions it depends on); a missing or unreadable file is rebuilt, and a
    cache that cannot be written is simply not kept."""
    path = cache_dir() / f"{name}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        return marshal.loads(path.read_bytes())
    value = build()
    with contextlib.suppress(OSError, ValueError, MedkgError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp:
            tmp.write_bytes(marshal.dumps(value))
    return value
