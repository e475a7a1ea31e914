"""The country table: ISO 3166 codes from pycountry, common English short names, Wikidata IDs."""

from __future__ import annotations

import functools
import re

import pycountry

#: common English short names where ISO's official short name is not what people write
COMMON_NAMES = {
    "GB": "United Kingdom", "US": "United States", "KR": "South Korea", "KP": "North Korea",
    "RU": "Russia", "IR": "Iran", "SY": "Syria", "VN": "Vietnam", "LA": "Laos", "BO": "Bolivia",
    "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova", "TW": "Taiwan", "CZ": "Czech Republic",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "BN": "Brunei",
    "FM": "Micronesia", "PS": "Palestine", "VA": "Vatican City", "CI": "Ivory Coast",
    "TR": "Turkey", "MK": "North Macedonia", "SZ": "Eswatini", "CV": "Cape Verde",
}
#: extra surface forms (upper-cased keys are matched case-sensitively)
EXTRA_ALIASES = {
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "England": "GB",
    "USA": "US", "U.S.": "US", "U.S.A.": "US", "America": "US", "United States of America": "US",
    "Korea": "KR", "Republic of Korea": "KR", "ROK": "KR", "DPRK": "KP",
    "Russian Federation": "RU", "PRC": "CN", "People's Republic of China": "CN", "Mainland China": "CN",
    "UAE": "AE", "Emirates": "AE", "Holland": "NL", "the Netherlands": "NL", "Philippines": "PH",
    "the Philippines": "PH", "Türkiye": "TR", "Turkiye": "TR", "Burma": "MM", "Czechia": "CZ",
    "Côte d'Ivoire": "CI", "Cote d'Ivoire": "CI", "Persia": "IR",
}


@functools.lru_cache(maxsize=None)
def _index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                idx[_key(v)] = c.alpha_2
    for code, name in COMMON_NAMES.items():
        idx[_key(name)] = code
    for alias, code in EXTRA_ALIASES.items():
        idx[_key(alias)] = code
    return idx


def _key(s: str) -> str:
    s = re.sub(r"^the\s+", "", s.strip(), flags=re.I)
    return re.sub(r"\s+", " ", s).lower()


def lookup(name: str) -> tuple[str, str] | None:
    """``(alpha2, common short name)`` for a surface form, or None if not a country."""
    code = _index().get(_key(name))
    if code is None:
        return None
    return code, common_name(code)


def common_name(alpha2: str) -> str:
    if alpha2 in COMMON_NAMES:
        return COMMON_NAMES[alpha2]
    c = pycountry.countries.get(alpha_2=alpha2)
    return getattr(c, "common_name", None) or c.name


def alpha3(alpha2: str) -> str | None:
    c = pycountry.countries.get(alpha_2=alpha2)
    return c.alpha_3 if c else None


def wikidata_id(alpha2: str) -> str | None:
    """The Wikidata QID of a country, where the table has it."""
    from medkg.ontology.wikidata import COUNTRY_QIDS
    return COUNTRY_QIDS.get(alpha2)


def all_names() -> dict[str, str]:
    """Every known surface form (lower-cased) -> alpha2."""
    return dict(_index())
