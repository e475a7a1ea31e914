"""Writing output files atomically: a temporary file renamed into place, never half a file."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

from medkg.errors import MedkgError


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
