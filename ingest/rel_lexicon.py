"""Small helpers for relation extraction: demonyms -> country entities, number words."""

from __future__ import annotations

import functools

from medkg.ingest.model import Entity, Span
from medkg.ontology import countries

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}


def number_value(word: str) -> int | None:
    """"20", "1,000", "twenty", "Twenty-five", "a hundred" -> int (None if not a cardinal)."""
    w = word.strip().lower().replace(",", "")
    if w.isdigit():
        return int(w)
    parts = [p for p in w.replace("-", " ").split() if p not in ("and", "a")]
    if not parts:
        return None
    total = cur = 0
    for p in parts:
        if p in _WORDS:
            cur += _WORDS[p]
        elif p == "hundred":
            cur = max(cur, 1) * 100
        elif p == "thousand":
            total += max(cur, 1) * 1000
            cur = 0
        else:
            return None
    return total + cur


def country_entity(ctx, alpha2: str, span: Span | None = None) -> str | None:
    """Key of the article's Country entity for ``alpha2``; created (with ``span`` as mention) if absent."""
    name = countries.common_name(alpha2)
    for k, e in ctx.ents.items():
        if e.type == "Country" and (e.concept == alpha2 or e.name.lower() == name.lower()):
            return k
    if span is None:
        return None
    key = f"Country|{name.lower()}"
    e = ctx.ents.get(key)
    if e is None:
        e = ctx.ents[key] = Entity(key=key, type="Country", name=name, concept=alpha2, confidence=0.7)
    e.mentions.append(span)
    return key


@functools.lru_cache(maxsize=1 << 12)        # pure: the country table is fixed
def demonym_code(word: str) -> str | None:
    """"Chinese" -> "CN" (the shared country table's demonyms)."""
    if not word[:1].isupper():
        return None
    hit = countries.demonym_lookup(word)
    return hit[0] if hit else None
