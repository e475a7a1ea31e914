"""Shared fixtures. Area-specific fixtures live in each test module."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = ROOT / "examples" / "corpus"
#: gold annotations of the sample corpus (outside the repo, in ../shared); tests needing them skip if absent
GOLD_DIR = Path(os.environ.get("MEDKG_GOLD", ROOT.parent / "shared" / "eval" / "gold"))
SCORER = GOLD_DIR.parent / "score.py"


@pytest.fixture(scope="session")
def sample_corpus() -> Path:
    return SAMPLE_CORPUS


@pytest.fixture(scope="session")
def sample_store_dir(tmp_path_factory) -> Path:
    """A persistent store with the sample corpus ingested once per session (read-only use!)."""
    from medkg.graph.store import Store
    from medkg.ingest.pipeline import ingest_paths
    d = tmp_path_factory.mktemp("sample") / "store"
    with Store(d) as st:
        report = ingest_paths(st, [SAMPLE_CORPUS], workers=1)
        assert len(report.ingested) == 5
    return d


@pytest.fixture(scope="session")
def sample_store(sample_store_dir):
    """The sample store opened read-only (shared by the session; do not write)."""
    from medkg.graph.store import Store
    st = Store(sample_store_dir, read_only=True)
    yield st
    st.close()


@pytest.fixture
def store_copy(sample_store_dir, tmp_path) -> Path:
    """A writable copy of the sample store directory."""
    d = tmp_path / "store"
    shutil.copytree(sample_store_dir, d)
    return d


@pytest.fixture
def cli():
    """Invoke the medkg CLI in-process: ``cli("--store", d, "stats")`` -> click Result."""
    from medkg.cli import main
    runner = CliRunner()

    def invoke(*args, input=None, env=None):
        return runner.invoke(main, [str(a) for a in args], input=input, env=env, catch_exceptions=False)
    return invoke
