"""Wikidata QIDs of countries (ISO 3166-1 alpha-2 -> QID), for owl:sameAs links."""

COUNTRY_QIDS = {
    "CN": "Q148", "GB": "Q145", "US": "Q30", "KR": "Q884", "JP": "Q17", "RU": "Q159",
    "IR": "Q794", "SG": "Q334", "IT": "Q38", "EG": "Q79", "TH": "Q869", "MY": "Q833",
    "HU": "Q28", "ET": "Q115", "CL": "Q298", "MA": "Q1028", "PH": "Q928", "UZ": "Q265",
    "BY": "Q184", "DE": "Q183", "FR": "Q142", "IN": "Q668", "PK": "Q843",
}
