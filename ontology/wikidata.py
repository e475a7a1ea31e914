"""Wikidata QIDs of countries (ISO 3166-1 alpha-2 -> QID), for ``owl:sameAs`` links.

No PyPI package we could find ships Wikidata IDs for countries (pycountry,
country_converter, countryinfo and localis were checked: none has them), so this
is a checked table: the 193 UN member states plus the two UN observer states
(Holy See, Palestine). Each QID is the item of the *country* (e.g. Q55
"Netherlands", not Q29999 "Kingdom of the Netherlands"; Q35 "Denmark", not
Q756617 "Danish Realm"). Territories that are not sovereign states are kept apart
(:data:`TERRITORY_QIDS`): medkg types them ``schema:Place``, not ``schema:Country``.
"""

#: UN member states and observer states -> Wikidata item
COUNTRY_QIDS = {
    "AD": "Q228", "AE": "Q878", "AF": "Q889", "AG": "Q781", "AL": "Q222", "AM": "Q399",
    "AO": "Q916", "AR": "Q414", "AT": "Q40", "AU": "Q408", "AZ": "Q227", "BA": "Q225",
    "BB": "Q244", "BD": "Q902", "BE": "Q31", "BF": "Q965", "BG": "Q219", "BH": "Q398",
    "BI": "Q967", "BJ": "Q962", "BN": "Q921", "BO": "Q750", "BR": "Q155", "BS": "Q778",
    "BT": "Q917", "BW": "Q963", "BY": "Q184", "BZ": "Q242", "CA": "Q16", "CD": "Q974",
    "CF": "Q929", "CG": "Q971", "CH": "Q39", "CI": "Q1008", "CL": "Q298", "CM": "Q1009",
    "CN": "Q148", "CO": "Q739", "CR": "Q800", "CU": "Q241", "CV": "Q1011", "CY": "Q229",
    "CZ": "Q213", "DE": "Q183", "DJ": "Q977", "DK": "Q35", "DM": "Q784", "DO": "Q786",
    "DZ": "Q262", "EC": "Q736", "EE": "Q191", "EG": "Q79", "ER": "Q986", "ES": "Q29",
    "ET": "Q115", "FI": "Q33", "FJ": "Q712", "FM": "Q702", "FR": "Q142", "GA": "Q1000",
    "GB": "Q145", "GD": "Q769", "GE": "Q230", "GH": "Q117", "GM": "Q1005", "GN": "Q1006",
    "GQ": "Q983", "GR": "Q41", "GT": "Q774", "GW": "Q1007", "GY": "Q734", "HN": "Q783",
    "HR": "Q224", "HT": "Q790", "HU": "Q28", "ID": "Q252", "IE": "Q27", "IL": "Q801",
    "IN": "Q668", "IQ": "Q796", "IR": "Q794", "IS": "Q189", "IT": "Q38", "JM": "Q766",
    "JO": "Q810", "JP": "Q17", "KE": "Q114", "KG": "Q813", "KH": "Q424", "KI": "Q710",
    "KM": "Q970", "KN": "Q763", "KP": "Q423", "KR": "Q884", "KW": "Q817", "KZ": "Q232",
    "LA": "Q819", "LB": "Q822", "LC": "Q760", "LI": "Q347", "LK": "Q854", "LR": "Q1014",
    "LS": "Q1013", "LT": "Q37", "LU": "Q32", "LV": "Q211", "LY": "Q1016", "MA": "Q1028",
    "MC": "Q235", "MD": "Q217", "ME": "Q236", "MG": "Q1019", "MH": "Q709", "MK": "Q221",
    "ML": "Q912", "MM": "Q836", "MN": "Q711", "MR": "Q1025", "MT": "Q233", "MU": "Q1027",
    "MV": "Q826", "MW": "Q1020", "MX": "Q96", "MY": "Q833", "MZ": "Q1029", "NA": "Q1030",
    "NE": "Q1032", "NG": "Q1033", "NI": "Q811", "NL": "Q55", "NO": "Q20", "NP": "Q837",
    "NR": "Q697", "NZ": "Q664", "OM": "Q842", "PA": "Q804", "PE": "Q419", "PG": "Q691",
    "PH": "Q928", "PK": "Q843", "PL": "Q36", "PT": "Q45", "PW": "Q695", "PY": "Q733",
    "QA": "Q846", "RO": "Q218", "RS": "Q403", "RU": "Q159", "RW": "Q1037", "SA": "Q851",
    "SB": "Q685", "SC": "Q1042", "SD": "Q1049", "SE": "Q34", "SG": "Q334", "SI": "Q215",
    "SK": "Q214", "SL": "Q1044", "SM": "Q238", "SN": "Q1041", "SO": "Q1045", "SR": "Q730",
    "SS": "Q958", "ST": "Q1039", "SV": "Q792", "SY": "Q858", "SZ": "Q1050", "TD": "Q657",
    "TG": "Q945", "TH": "Q869", "TJ": "Q863", "TL": "Q574", "TM": "Q874", "TN": "Q948",
    "TO": "Q678", "TR": "Q43", "TT": "Q754", "TV": "Q672", "TZ": "Q924", "UA": "Q212",
    "UG": "Q1036", "US": "Q30", "UY": "Q77", "UZ": "Q265", "VC": "Q757", "VE": "Q717",
    "VN": "Q881", "VU": "Q686", "WS": "Q683", "YE": "Q805", "ZA": "Q258", "ZM": "Q953",
    "ZW": "Q954",
    # UN observer states
    "VA": "Q237", "PS": "Q219060",
}

#: regions with their own ISO 3166-1 code that medkg does not treat as countries
TERRITORY_QIDS = {"HK": "Q8646", "MO": "Q14773", "TW": "Q865"}

#: ISO codes of the UN observer states (the rest of COUNTRY_QIDS are the UN members)
OBSERVER_STATES = frozenset({"VA", "PS"})
