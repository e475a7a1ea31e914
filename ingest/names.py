"""Name handling shared by entity recognition: cleaning, honorific/title splitting, acronyms."""

from __future__ import annotations

import functools
import re

from medkg.ingest import gazetteer as gz

_QUOTES = re.compile(r"[\"“”‘`]|(?<!\w)['’]|['’](?!\w)")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,9}s?")
_WORDS = re.compile(r"[\w][\w'’-]*")


def clean(surface: str) -> str:
    """A canonical name from a surface form: no quotes, straight apostrophes, one space, no leading 'the'."""
    s = _QUOTES.sub(" ", surface).replace("\u2019", "'")
    s = _SPACES.sub(" ", s).strip(" ,;:.-")
    return _LEADING_THE.sub("", s)


def words(s: str) -> list[str]:
    return _WORDS.findall(s)


@functools.lru_cache(maxsize=1)
def _nameparser_titles() -> frozenset[str]:
    try:
        from nameparser.config import CONSTANTS
        return frozenset(t for t in CONSTANTS.titles if len(t) > 2)
    except Exception:  # noqa: BLE001
        return frozenset()


def is_honorific(word: str) -> bool:
    return word.lower().rstrip(".") in gz.HONORIFICS


def is_title_word(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in gz.TITLE_WORDS or w in gz.HONORIFICS


def split_person(surface: str) -> tuple[str, str]:
    """``(titles, name)``: leading honorifics and post titles split off a personal name.

    Titles are recognised from the project's title list and nameparser's list of
    titles (so "Vice President Wu Hong" -> ("Vice President", "Wu Hong")).
    """
    toks = re.sub(r"\b([^\W\d_][^\W\d_]{1,4})\.(?=[^\W\d_])", r"\1. ", surface).split()
    titles = []
    np_titles = _nameparser_titles()
    while len(toks) > 1:
        w = toks[0].lower().strip(".,")
        if not w or w in gz.HONORIFICS or w in gz.TITLE_WORDS or (w in np_titles and len(toks) > 2) \
                or titles and toks[0].endswith(".") and w in gz.DEGREE_PARTS \
                or ("-" in w and all(p in gz.TITLE_WORDS for p in w.split("-"))):
            titles.append(toks.pop(0))
            continue
        break
    while len(toks) > 2 and toks[-1].strip(".,") in gz.POSTNOMINALS:
        toks.pop()                    # "T. P. Ramakrishnan Nair IAS": letters after the name
    name = " ".join(toks).strip(" ,")
    return " ".join(titles).strip(), name


def acronym_matches(acr: str, name: str) -> bool:
    """Does ``acr`` abbreviate ``name``?  Each significant word gives its first letter and
    optionally further letters in order ("LZUFH" ~ "Lanzhou University First Hospital");
    "X of Y" is also tried as "Y X"."""
    acr = re.sub(r"[\W\d_]", "", acr).lower()
    if len(acr) < 2:
        return False
    ws = [w for w in re.findall(r"[^\W\d_]+", name)]
    orders = [ws]
    low = [w.lower() for w in ws]
    if "of" in low:
        i = low.index("of")
        orders.append(ws[i + 1:] + ws[:i])
    for order in orders:
        sig = [w.lower() for w in order if w.lower() not in ("of", "the", "and", "for", "on", "in", "at", "s")]
        if sig and _acr(acr, tuple(sig)):
            return True
        # Romance articles and prepositions are mostly left out ("Hospital Clínico Universidad del X" ~ "HCUX")
        bare = [w for w in sig if w not in _ROMANCE_CONNECTORS]
        if bare and bare != sig and _acr(acr, tuple(bare)):
            return True
    return False


_ROMANCE_CONNECTORS = {"de", "del", "della", "delle", "dei", "degli", "di", "da", "do", "dos", "das", "du", "des",
                       "la", "le", "les", "el", "los", "las", "y", "e", "d", "l"}


@functools.lru_cache(maxsize=4096)
def _acr(acr: str, ws: tuple[str, ...]) -> bool:
    if not ws:
        return not acr
    if not acr:
        return False
    w = ws[0]
    if acr[0] != w[0]:
        return False
    # consume 0..n further letters of this word as an in-order subsequence
    rest = acr[1:]
    if _acr(rest, ws[1:]):
        return True
    pos = 1
    for k in range(len(rest)):
        j = w.find(rest[k], pos)
        if j < 0:
            break
        pos = j + 1
        if _acr(rest[k + 1:], ws[1:]):
            return True
    return False


def is_acronym(word: str) -> bool:
    """An all-capitals token of 2-10 letters (digits, '&' allowed): WCH, LZUFH, CMDA."""
    return bool(_ACRONYM.fullmatch(word)) and sum(c.isupper() for c in word) >= 2
