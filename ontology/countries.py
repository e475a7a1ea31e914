"""The country table: ISO 3166 codes from pycountry, common English short names, Wikidata IDs.

Only sovereign states count as countries (the 193 UN member states and the two UN
observer states, see :mod:`medkg.ontology.wikidata`): :func:`lookup` returns None
for dependent territories and special administrative regions (Hong Kong, Macao,
Taiwan, Puerto Rico, Greenland ...), which the extractor types ``schema:Place``.

>>> lookup("UK")
('GB', 'United Kingdom')
>>> demonym_lookup("Chinese")
('CN', 'China')
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry

from medkg.ontology.wikidata import COUNTRY_QIDS, TERRITORY_QIDS

#: common English short names where ISO's short name is not what people write
COMMON_NAMES = {
    "GB": "United Kingdom", "US": "United States", "KR": "South Korea", "KP": "North Korea",
    "RU": "Russia", "IR": "Iran", "SY": "Syria", "VN": "Vietnam", "LA": "Laos", "BO": "Bolivia",
    "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova", "TW": "Taiwan", "CZ": "Czech Republic",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "BN": "Brunei",
    "FM": "Micronesia", "PS": "Palestine", "VA": "Vatican City", "CI": "Ivory Coast",
    "TR": "Turkey", "MK": "North Macedonia", "SZ": "Eswatini", "CV": "Cape Verde",
    "HK": "Hong Kong", "MO": "Macao",
}
#: extra surface forms -> alpha-2 (matched case-insensitively, a leading "the" ignored)
EXTRA_ALIASES = {
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "England": "GB",
    "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB",
    "United Kingdom of Great Britain and Northern Ireland": "GB",
    "USA": "US", "U.S.": "US", "U.S.A.": "US", "US": "US", "America": "US",
    "United States of America": "US",
    "Korea": "KR", "Republic of Korea": "KR", "ROK": "KR", "S. Korea": "KR",
    "DPRK": "KP", "Democratic People's Republic of Korea": "KP",
    "Russian Federation": "RU",
    "PRC": "CN", "P.R. China": "CN", "P. R. China": "CN", "PR China": "CN", "P.R.China": "CN",
    "People's Republic of China": "CN", "Mainland China": "CN", "Chinese mainland": "CN",
    "UAE": "AE", "U.A.E.": "AE", "Emirates": "AE",
    "Holland": "NL", "Netherlands": "NL", "Philippines": "PH",
    "Türkiye": "TR", "Turkiye": "TR", "Burma": "MM", "Czechia": "CZ",
    "Côte d'Ivoire": "CI", "Cote d'Ivoire": "CI", "Persia": "IR", "Islamic Republic of Iran": "IR",
    "Viet Nam": "VN", "Lao PDR": "LA", "Swaziland": "SZ", "Macedonia": "MK",
    "East Timor": "TL", "Cabo Verde": "CV", "Vatican": "VA", "Holy See": "VA",
    "DR Congo": "CD", "DRC": "CD", "Congo-Kinshasa": "CD", "Congo-Brazzaville": "CG",
    "Saint Kitts and Nevis": "KN", "St. Kitts and Nevis": "KN", "St Kitts and Nevis": "KN",
    "St. Lucia": "LC", "St Lucia": "LC",
    "St. Vincent and the Grenadines": "VC", "St Vincent and the Grenadines": "VC",
    "Sao Tome and Principe": "ST", "São Tomé and Príncipe": "ST",
    "Bosnia": "BA", "Bosnia-Herzegovina": "BA", "Trinidad": "TT",
    "Kyrgyz Republic": "KG", "Slovak Republic": "SK", "Brunei Darussalam": "BN",
    "Federated States of Micronesia": "FM", "State of Palestine": "PS",
    "New Zealand": "NZ", "Saudi": "SA", "KSA": "SA",
}

#: demonyms and adjectives of nationality -> alpha-2 ("Chinese experts" -> China).
#: Ambiguous forms are left out on purpose: "Congolese" (CD or CG), "Guinean",
#: "English" (usually the language), "Arab"/"Arabic", "Latin", "Korean" maps to
#: South Korea (the usual sense in medical news).
DEMONYMS = {
    "Afghan": "AF", "Afghani": "AF", "Albanian": "AL", "Algerian": "DZ", "Andorran": "AD",
    "Angolan": "AO", "Antiguan": "AG", "Argentine": "AR", "Argentinian": "AR", "Argentinean": "AR",
    "Armenian": "AM", "Australian": "AU", "Austrian": "AT", "Azerbaijani": "AZ", "Azeri": "AZ",
    "Bahamian": "BS", "Bahraini": "BH", "Bangladeshi": "BD", "Barbadian": "BB", "Belarusian": "BY",
    "Belarusan": "BY", "Belgian": "BE", "Belizean": "BZ", "Beninese": "BJ", "Bhutanese": "BT",
    "Bolivian": "BO", "Bosnian": "BA", "Motswana": "BW", "Botswanan": "BW", "Brazilian": "BR",
    "Bruneian": "BN", "Bulgarian": "BG", "Burkinabe": "BF", "Burkinabè": "BF", "Burundian": "BI",
    "Cabo Verdean": "CV", "Cape Verdean": "CV", "Cambodian": "KH", "Cameroonian": "CM",
    "Canadian": "CA", "Central African": "CF", "Chadian": "TD", "Chilean": "CL", "Chinese": "CN",
    "Colombian": "CO", "Comoran": "KM", "Comorian": "KM", "Costa Rican": "CR", "Ivorian": "CI",
    "Croatian": "HR", "Croat": "HR", "Cuban": "CU", "Cypriot": "CY", "Czech": "CZ", "Danish": "DK",
    "Dane": "DK", "Djiboutian": "DJ", "Dominican": "DO", "Ecuadorian": "EC", "Egyptian": "EG",
    "Salvadoran": "SV", "Salvadorean": "SV", "Equatorial Guinean": "GQ", "Eritrean": "ER",
    "Estonian": "EE", "Swazi": "SZ", "Ethiopian": "ET", "Fijian": "FJ", "Finnish": "FI", "Finn": "FI",
    "French": "FR", "Frenchman": "FR", "Gabonese": "GA", "Gambian": "GM", "Georgian": "GE",
    "German": "DE", "Ghanaian": "GH", "Greek": "GR", "Grenadian": "GD", "Guatemalan": "GT",
    "Bissau-Guinean": "GW", "Guyanese": "GY", "Haitian": "HT", "Honduran": "HN", "Hungarian": "HU",
    "Icelandic": "IS", "Icelander": "IS", "Indian": "IN", "Indonesian": "ID", "Iranian": "IR",
    "Persian": "IR", "Iraqi": "IQ", "Irish": "IE", "Israeli": "IL", "Italian": "IT",
    "Jamaican": "JM", "Japanese": "JP", "Jordanian": "JO", "Kazakh": "KZ", "Kazakhstani": "KZ",
    "Kenyan": "KE", "I-Kiribati": "KI", "North Korean": "KP", "South Korean": "KR", "Korean": "KR",
    "Kuwaiti": "KW", "Kyrgyz": "KG", "Kyrgyzstani": "KG", "Lao": "LA", "Laotian": "LA",
    "Latvian": "LV", "Lebanese": "LB", "Basotho": "LS", "Mosotho": "LS", "Liberian": "LR",
    "Libyan": "LY", "Liechtensteiner": "LI", "Lithuanian": "LT", "Luxembourgish": "LU",
    "Luxembourger": "LU", "Malagasy": "MG", "Malawian": "MW", "Malaysian": "MY", "Maldivian": "MV",
    "Malian": "ML", "Maltese": "MT", "Marshallese": "MH", "Mauritanian": "MR", "Mauritian": "MU",
    "Mexican": "MX", "Micronesian": "FM", "Moldovan": "MD", "Monegasque": "MC", "Mongolian": "MN",
    "Montenegrin": "ME", "Moroccan": "MA", "Mozambican": "MZ", "Myanmar": "MM", "Burmese": "MM",
    "Namibian": "NA", "Nauruan": "NR", "Nepali": "NP", "Nepalese": "NP", "Dutch": "NL",
    "Dutchman": "NL", "New Zealander": "NZ", "New Zealand": "NZ", "Kiwi": "NZ",
    "Nicaraguan": "NI", "Nigerien": "NE", "Nigerian": "NG", "North Macedonian": "MK",
    "Macedonian": "MK", "Norwegian": "NO", "Omani": "OM", "Pakistani": "PK", "Palauan": "PW",
    "Palestinian": "PS", "Panamanian": "PA", "Papua New Guinean": "PG", "Paraguayan": "PY",
    "Peruvian": "PE", "Filipino": "PH", "Filipina": "PH", "Philippine": "PH", "Polish": "PL",
    "Pole": "PL", "Portuguese": "PT", "Qatari": "QA", "Romanian": "RO", "Russian": "RU",
    "Rwandan": "RW", "Kittitian": "KN", "Saint Lucian": "LC", "Vincentian": "VC", "Samoan": "WS",
    "Sammarinese": "SM", "Santomean": "ST", "Saudi Arabian": "SA", "Saudi": "SA",
    "Senegalese": "SN", "Serbian": "RS", "Serb": "RS", "Seychellois": "SC", "Sierra Leonean": "SL",
    "Singaporean": "SG", "Slovak": "SK", "Slovakian": "SK", "Slovenian": "SI", "Slovene": "SI",
    "Solomon Islander": "SB", "Somali": "SO", "South African": "ZA", "South Sudanese": "SS",
    "Spanish": "ES", "Spaniard": "ES", "Sri Lankan": "LK", "Sudanese": "SD", "Surinamese": "SR",
    "Swedish": "SE", "Swede": "SE", "Swiss": "CH", "Syrian": "SY", "Tajik": "TJ",
    "Tajikistani": "TJ", "Tanzanian": "TZ", "Thai": "TH", "Timorese": "TL", "East Timorese": "TL",
    "Togolese": "TG", "Tongan": "TO", "Trinidadian": "TT", "Tobagonian": "TT", "Tunisian": "TN",
    "Turkish": "TR", "Turk": "TR", "Turkmen": "TM", "Tuvaluan": "TV", "Ugandan": "UG",
    "Ukrainian": "UA", "Emirati": "AE", "British": "GB", "Briton": "GB", "Scottish": "GB",
    "Welsh": "GB", "American": "US", "Uruguayan": "UY", "Uzbek": "UZ", "Uzbekistani": "UZ",
    "Ni-Vanuatu": "VU", "Vatican": "VA", "Venezuelan": "VE", "Vietnamese": "VN", "Yemeni": "YE",
    "Zambian": "ZM", "Zimbabwean": "ZW",
}
#: demonyms whose plural is irregular or which are used as plural nouns
_DEMONYM_PLURALS = {"Frenchmen": "FR", "Dutchmen": "NL", "Englishmen": "GB", "Basotho": "LS"}


@dataclass(frozen=True)
class Country:
    """One row of the country table."""
    alpha2: str
    alpha3: str
    numeric: str
    name: str            # common English short name
    official_name: str
    wikidata: str | None  # QID


def _key(s: str) -> str:
    s = re.sub(r"^the\s+", "", str(s).strip(), flags=re.I)
    return re.sub(r"\s+", " ", s).lower()


@functools.lru_cache(maxsize=None)
def _index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for c in pycountry.countries:
        if c.alpha_2 not in COUNTRY_QIDS:
            continue                      # territories are not countries
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                idx[_key(v)] = c.alpha_2
    for code, name in COMMON_NAMES.items():
        if code in COUNTRY_QIDS:
            idx[_key(name)] = code
    for alias, code in EXTRA_ALIASES.items():
        idx[_key(alias)] = code
    return idx


def lookup(name: str) -> tuple[str, str] | None:
    """``(alpha2, common short name)`` for a surface form of a country, or None if not a country.

    Matching ignores case, surrounding space and a leading "the"; ISO names, official
    names, common names and usual abbreviations (UK, USA, PRC, UAE ...) are known.
    """
    if not name or not str(name).strip():
        return None
    code = _index().get(_key(name))
    if code is None:
        return None
    return code, common_name(code)


@functools.lru_cache(maxsize=None)
def _demonym_index() -> dict[str, str]:
    idx = {_key(k): v for k, v in DEMONYMS.items()}
    for k, v in DEMONYMS.items():
        if not k.endswith("s"):
            idx.setdefault(_key(k + "s"), v)           # Americans, Russians, Thais (harmless extras)
    for k, v in _DEMONYM_PLURALS.items():
        idx.setdefault(_key(k), v)
    return idx


def demonym_lookup(word: str) -> tuple[str, str] | None:
    """``(alpha2, common short name)`` for a nationality adjective or demonym, else None.

    ``demonym_lookup("Chinese") == ("CN", "China")``, ``"British" -> GB``,
    ``"Americans" -> US``. Context-free: the caller must check that the word
    qualifies people or institutions ("Chinese experts"), not a language or a
    tradition ("traditional Chinese medicine", "English version").
    """
    if not word or not str(word).strip():
        return None
    code = _demonym_index().get(_key(word))
    if code is None:
        return None
    return code, common_name(code)


def common_name(alpha2: str) -> str:
    """The common English short name of ``alpha2`` ("GB" -> "United Kingdom")."""
    alpha2 = alpha2.upper()
    if alpha2 in COMMON_NAMES:
        return COMMON_NAMES[alpha2]
    c = pycountry.countries.get(alpha_2=alpha2)
    if c is None:
        raise KeyError(f"unknown ISO 3166-1 alpha-2 code: {alpha2}")
    return getattr(c, "common_name", None) or c.name


def alpha3(alpha2: str) -> str | None:
    c = pycountry.countries.get(alpha_2=alpha2.upper())
    return c.alpha_3 if c else None


def numeric(alpha2: str) -> str | None:
    """ISO 3166-1 numeric code, as the three-digit string ISO uses ("156" for China)."""
    c = pycountry.countries.get(alpha_2=alpha2.upper())
    return c.numeric if c else None


def wikidata_id(alpha2: str) -> str | None:
    """The Wikidata QID of a country (or territory), where the table has it."""
    alpha2 = alpha2.upper()
    return COUNTRY_QIDS.get(alpha2) or TERRITORY_QIDS.get(alpha2)


def is_country(alpha2: str) -> bool:
    """True for sovereign states (UN members and observer states)."""
    return alpha2.upper() in COUNTRY_QIDS


def info(alpha2: str) -> Country | None:
    """The full table row of ``alpha2``, or None for an unknown code."""
    c = pycountry.countries.get(alpha_2=alpha2.upper())
    if c is None:
        return None
    return Country(c.alpha_2, c.alpha_3, c.numeric, common_name(c.alpha_2),
                   getattr(c, "official_name", None) or c.name, wikidata_id(c.alpha_2))


@functools.lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every sovereign state of the table, sorted by name."""
    return tuple(sorted((info(a) for a in COUNTRY_QIDS), key=lambda c: c.name))


def all_names() -> dict[str, str]:
    """Every known surface form (lower-cased) -> alpha2."""
    return dict(_index())
