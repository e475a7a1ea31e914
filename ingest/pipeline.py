"""The ingest pipeline: files -> articles -> extraction -> RDF -> store, in parallel.

The unit of work is one article: it is extracted independently (in a worker
process) and written to the store in one transaction, replacing its named graph.
Unchanged articles (same content hash) are skipped, so re-ingesting is idempotent.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections import deque
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import rdflib

from medkg.ingest.model import Article
from medkg.ingest.readers import Deferred, Skip, find_files, read_file
from medkg.ontology.namespaces import PREFIXES

Event = Callable[[str, str], None]   # (kind, message): kind in {"skip", "error", "ingested", "unchanged"}


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    words: int = 0
    triples: int = 0
    seconds: float = 0.0

    @property
    def errors(self) -> list[Skip]:
        return [s for s in self.skipped if s.error]

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class _Page:
    """An HTML document for the worker that extracts it to convert (:class:`Deferred`), with
    the stored article's content hash, ``known`` (the worker extracts only a changed page)."""
    doc: Deferred
    known: str | None

    @property
    def stem(self) -> str:
        return self.doc.stem

    @property
    def source(self) -> str:
        return self.doc.source


def iter_articles(paths: Iterable[str | Path], report: IngestReport | None = None,
                  on_event: Event | None = None, pages: bool = False) -> Iterator[Article | Deferred]:
    """Every readable article under ``paths``; problems go to ``report``/``on_event``.
    ``pages``: HTML documents (``.html`` files, HTML bodies of JSON lines) come unconverted,
    as :class:`Deferred` (the ingest workers convert them)."""
    seen: dict[str, str] = {}

    def problem(skip: Skip) -> None:
        if report is not None:
            report.skipped.append(skip)
        if on_event:
            on_event("error" if skip.error else "skip", str(skip))

    for item in find_files(paths):
        for art in [item] if isinstance(item, Skip) else read_file(item, defer_html=pages):
            if isinstance(art, Skip):
                problem(art)
            elif art.stem in seen:
                problem(Skip(art.source, f"article id '{art.stem}' already read from {seen[art.stem]}, skipped",
                             error=True))
            else:
                seen[art.stem] = art.source
                yield art


# ---------------------------------------------------------------- extraction (worker side)
_EXTRACTOR = None
_MODEL: str | None = None               # the model a run asked for (loaded at the first article)


def _init_worker(model: str | None) -> None:
    """Load the extractor (and its spaCy pipeline) once per process."""
    global _EXTRACTOR
    if _EXTRACTOR is not None and _EXTRACTOR.model == _model_key(model):
        return
    from medkg.ingest.extract import Extractor
    _EXTRACTOR = Extractor(model)


def _model_key(model: str | None) -> str | None:
    from medkg.ingest.extract import model_name
    return model_name(model)


def _extract(article: Article) -> tuple[str, list[tuple], int]:
    return _triples(article, _EXTRACTOR.extract(article))


def _triples(article: Article, ex) -> tuple[str, list[tuple], int]:
    from medkg.ingest.rdfize import EXTRACTOR, to_triples
    triples = to_triples(ex, extractor=f"{EXTRACTOR} ({_EXTRACTOR.version})")
    return article.stem, triples, len(article.text.split())


def _extract_chunk(items: list) -> list[tuple[str, str, object]]:
    """Worker task: read the pages of a chunk, and extract its articles; each result is
    ready for the store.

    Returns ``(stem, status, payload)`` per item, in order: ``ok`` with ``(N-Triples bytes,
    triple count, words)`` (serializing in the worker keeps the single writer process
    light, and bytes pickle far faster than rdflib terms), ``unchanged`` (a page whose text
    is the stored one), ``skip`` with the :class:`Skip` of a page that cannot be read, or
    ``failed`` with the reason.
    """
    from medkg.graph.store import ntriples
    out: list = [None] * len(items)
    arts, where = [], []
    for i, item in enumerate(items):
        if isinstance(item, _Page):
            try:
                art = item.doc.build()
            except Exception as exc:   # noqa: BLE001 - one bad page must not stop the run
                out[i] = (item.stem, "failed", f"cannot read ({type(exc).__name__}: {_one_line(exc)})")
                continue
            if isinstance(art, Skip):
                out[i] = (item.stem, "skip", art)
                continue
            if item.known is not None and art.content_hash == item.known:
                out[i] = (item.stem, "unchanged", None)
                continue
            item = art
        arts.append(item)
        where.append(i)
    if arts and _EXTRACTOR is None:
        _init_worker(_MODEL)
    for i, art, ex in zip(where, arts, _EXTRACTOR.extract_many(arts) if arts else ()):   # one spaCy batch
        try:
            if isinstance(ex, Exception):
                raise ex
            stem, triples, words = _triples(art, ex)
            out[i] = (stem, "ok", (ntriples(triples), len(triples), words))
        except Exception as exc:  # one bad article must not stop the run
            out[i] = (art.stem, "failed", f"extraction failed ({type(exc).__name__}: {_one_line(exc)})")
    return out


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def extract_article(article: Article, model: str | None = None) -> list[tuple]:
    """Triples of the article graph of one article (in this process)."""
    if _EXTRACTOR is None:
        _init_worker(model)
    return _extract(article)[1]


def extract_text(text: str, stem: str = "text", title: str | None = None, date: str | None = None,
                 model: str | None = None) -> rdflib.Graph:
    """Extract one text into a fresh rdflib Graph (no store involved)."""
    from medkg.ingest.readers import content_hash, normalize_text
    text = normalize_text(text)
    art = Article(stem=stem, text=text, title=title, date=date, content_hash=content_hash(text, title, date))
    g = rdflib.Graph()
    for k, v in PREFIXES.items():
        g.bind(k, v)
    for t in extract_article(art, model):
        g.add(t)
    return g


#: Flush the store's write buffers after this many bytes of N-Triples. The embedded
#: store (RocksDB) otherwise buffers every write in memtables (about ten times the
#: N-Triples size, one per index) until they are large: the writer's memory then grows
#: with the number of articles (~0.5 GiB for 2,000 short articles). 16 MB is a few
#: hundred articles; a flush takes well under a second, in a thread: the writer goes on.
FLUSH_BYTES = 16 * 2**20


#: Extracted articles are stored in batches of about this much N-Triples (a few dozen
#: articles; ``$MEDKG_BATCH_KB`` sets it in KB): new articles go in with one bulk write per
#: batch (:meth:`medkg.graph.store.Store.add_articles_ntriples`), all of the batch or none
#: of it. Larger batches write fewer, larger files; an article is reported ingested once its
#: batch is stored (1: each article as soon as it is extracted, at about twice the write cost).
BATCH_BYTES = int(os.environ.get("MEDKG_BATCH_KB") or 8192) << 10


def default_workers(n_articles: int | None) -> int:
    """Processes for a run of ``n_articles`` (None: many): one for a few articles (starting
    workers would cost more than it saves), else one per core."""
    cpus = os.cpu_count() or 1
    return 1 if n_articles is not None and n_articles < 40 else cpus


# ---------------------------------------------------------------- driver (main process)
def ingest_paths(store, paths: Iterable[str | Path], workers: int | None = None, model: str | None = None,
                 force: bool = False, on_event: Event | None = None, progress: bool = False) -> IngestReport:
    """Ingest files and folders into ``store``. Returns an :class:`IngestReport`.

    ``workers``: processes for extraction (None: automatic). ``force``: re-extract
    unchanged articles too. ``on_event(kind, message)`` is called per file.

    Articles are read as the extraction goes (at most :data:`READ_AHEAD` waiting), so the
    memory does not grow with the corpus and the workers start after the first few files.
    """
    from medkg.ontology.load import ensure_ontology
    start = time.perf_counter()
    report = IngestReport()
    ensure_ontology(store)
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=count_articles(paths), unit="article", desc="ingest", leave=False)
    sources: dict[str, str] = {}         # stem -> file, of the articles read and not yet stored

    def tick(kind: str, message: str) -> None:   # one article (or file) done, whatever became of it
        if bar is not None:
            bar.update(1)
        if on_event:
            on_event(kind, message)

    def changed() -> Iterator:
        for item in iter_articles(paths, report, tick, pages=True):      # (tick: its skips)
            known = None if force else store.article_hash(item.stem)
            if isinstance(item, Deferred):
                item = _Page(item, known)        # converted, and compared, by the worker
            elif known == item.content_hash:
                report.unchanged.append(item.stem)
                tick("unchanged", f"{item.source}: unchanged")
                continue
            sources[item.stem] = item.source
            yield item

    todo = changed()
    head = list(itertools.islice(todo, READ_AHEAD))      # a small run is known whole
    n = workers if workers and workers > 0 else default_workers(len(head) if len(head) < READ_AHEAD else None)
    unflushed = 0                        # N-Triples bytes written since the store last flushed
    flushing = None                      # the store's flush running in the background, if any
    batch: list[tuple] = []              # extracted articles not yet stored
    batch_bytes = 0

    def store_batch() -> None:
        nonlocal unflushed, flushing, batch_bytes
        store.add_articles_ntriples((stem, data) for stem, _, data, _, _ in batch)
        unflushed += batch_bytes
        if unflushed >= FLUSH_BYTES:
            # in a thread: the writer goes on storing the results (one flush at a time)
            if flushing is not None:
                flushing.join()
            flushing = store.persist(background=True)
            unflushed = 0
        for stem, source, _, count, words in batch:
            report.triples += count
            report.words += words
            report.ingested.append(stem)
            tick("ingested", f"{source}: {count} triples")
        batch.clear()
        batch_bytes = 0

    try:
        limit = BATCH_BYTES
        for stem, status, payload in _run(itertools.chain(head, todo), n, model, len(head)):
            if status == "draining":     # the last results: store them as they come, in small batches
                limit = BATCH_BYTES // 8
                continue
            source = sources.pop(stem)
            if status == "unchanged":
                report.unchanged.append(stem)
                tick("unchanged", f"{source}: unchanged")
                continue
            if status != "ok":           # a page that cannot be read, or a failed extraction
                skip = payload if status == "skip" else Skip(source, payload, error=True)
                report.skipped.append(skip)
                tick("error" if skip.error else "skip", str(skip))
                continue
            data, count, words = payload
            batch.append((stem, source, data, count, words))
            batch_bytes += len(data)
            if batch_bytes >= limit:
                store_batch()
        store_batch()
    finally:
        if bar is not None:           # (the recount of a big store takes seconds: say so)
            bar.set_description_str("ingest: updating counts")
        try:
            if flushing is not None:
                flushing.join()
            store.flush()
        finally:
            if bar is not None:
                bar.close()
    report.seconds = time.perf_counter() - start
    return report


def count_articles(paths: Iterable[str | Path]) -> int:
    """How many articles ``paths`` hold, without reading them (a .jsonl file: its non-blank
    lines), each path that cannot be read counting one: what ingest reports, one by one."""
    n = 0
    for item in find_files(paths):
        if isinstance(item, Skip) or item.suffix.lower() != ".jsonl":
            n += 1
            continue
        try:
            with open(item, "rb") as fh:
                n += sum(1 for line in fh if line.strip())
        except OSError:
            n += 1                       # (reported when it is read)
    return n


#: Articles read ahead of the extraction. Enough to size the chunks as for the whole run (and
#: to know a small run whole: its worker count, its last chunks); few enough that memory stays
#: flat however many articles a run has (the texts are not all held at once).
READ_AHEAD = 256


def _chunks(articles: Iterable[Article], workers: int) -> Iterator[list[Article]]:
    """Small chunks (a few articles, bounded words) so the workers stay evenly busy; the
    last ones shrink to single articles, so that no worker idles long while another ends
    its chunk, and the writer has little left to store when the last one arrives.
    Reads ``articles`` as the chunks are taken, at most :data:`READ_AHEAD` ahead."""
    it = iter(articles)
    ahead = deque(itertools.islice(it, READ_AHEAD))
    more = len(ahead) == READ_AHEAD      # (then the run is long: the chunks are at their largest)
    # ~16 chunks per worker (at most 8 articles each)
    per = max(1, min(8, len(ahead) // (workers * 16) or 1))
    max_words = 6000
    cur, words = [], 0
    while ahead:
        art = ahead.popleft()
        if more:
            nxt = next(it, None)
            if nxt is None:
                more = False
            else:
                ahead.append(nxt)
        left = len(ahead) + 1            # articles not yet in a chunk, this one included
        size = per if workers == 1 or more else max(1, min(per, -(-left // (workers * 3))))
        w = len(art.text) // 6 if isinstance(art, Article) else art.doc.size // 24   # (a page: mostly markup)
        if cur and (len(cur) >= size or words + w > max_words):
            yield cur
            cur, words = [], 0
        cur.append(art)
        words += w
    if cur:
        yield cur


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


#: What :func:`_run` yields, among the results, once the workers have every chunk: the
#: writer then stores smaller batches, so that little is left to store after the last result.
DRAINING = ("", "draining", None)


def _run(todo: Iterable, workers: int, model: str | None, known: int) -> Iterator[tuple[str, str, object]]:
    """Results of :func:`_extract_chunk` over ``todo`` (articles and pages), in order, and
    :data:`DRAINING` (parallel runs) once every chunk is submitted; ``known``: how many of them
    are read already (all when below :data:`READ_AHEAD`)."""
    global _MODEL
    _MODEL = model
    if not known:
        return
    if workers <= 1 or known == 1:
        for chunk in _chunks(todo, 1):          # (the model is loaded at the first article)
            yield from _extract_chunk(chunk)
        return
    if known < READ_AHEAD:
        workers = min(workers, known)
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    forking = ctx.get_start_method() == "fork"
    if forking:
        # Each worker runs one extraction at a time: native thread pools (OpenBLAS, OpenMP)
        # would only oversubscribe the cores the other workers use. Effective only when
        # numpy is not loaded yet (the usual case for the CLI; threads are set at load).
        if "numpy" not in sys.modules:
            for var in _THREAD_VARS:
                os.environ.setdefault(var, "1")
        # Load the model once, here: the forked workers share its pages copy-on-write
        # (memory) and start at once (their initializer finds it loaded).
        _init_worker(model)

    def start():
        """A pool whose workers are forked now, with the parent's objects frozen (gc.freeze
        keeps the collector from touching, and so copying, them in the workers)."""
        if forking:
            gc.freeze()
        try:
            ex = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(model,))
            ex.submit(int).result()          # (a fork context starts every worker at the first task)
        finally:
            if forking:
                gc.unfreeze()
        return ex

    # A bounded window of chunks in flight: results never pile up when the writer lags. A
    # worker that dies (killed for memory, a crash in native code) breaks the pool, and every
    # task in flight with it: their articles are redone in a new pool one at a time, alone
    # (any of them may have been the one), and an article that breaks a pool alone is
    # reported as failed -- the run goes on, it never hangs.
    pool = start()
    try:
        pending: deque = deque()             # (chunk, run alone?, future)
        chunks = iter(_chunks(todo, workers))
        suspects: deque = deque()            # articles to redo one by one
        window = workers * 3
        fed = False                          # every chunk submitted?

        def fill() -> None:
            nonlocal fed
            while True:
                if suspects:
                    if pending:
                        return
                    pending.append(([suspects[0]], True, pool.submit(_extract_chunk, [suspects.popleft()])))
                    return
                if len(pending) >= window:
                    return
                chunk = next(chunks, None)
                if chunk is None:
                    fed = True
                    return
                pending.append((chunk, False, pool.submit(_extract_chunk, chunk)))

        fill()
        draining = False
        while pending:
            if fed and not draining:
                draining = True
                yield DRAINING
            chunk, alone, fut = pending.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                lost = [item for c, _, _ in pending for item in c]
                pending.clear()
                pool.shutdown(wait=True)
                pool = start()
                if alone:
                    results = [(chunk[0].stem, "failed", "extraction failed (its worker process died: "
                                "killed, out of memory, or a crash in native code)")]
                else:
                    results, lost = [], chunk + lost
                suspects.extendleft(reversed(lost))
            fill()
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
