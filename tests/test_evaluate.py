"""`medkg evaluate`: figures equal the reference scorer's, and hand-computed figures on invented gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from conftest import GOLD_DIR, SCORER
from medkg.evaluate import Counts, evaluate_graph, load_gold, normalize
from medkg.graph.store import Store

needs_gold = pytest.mark.skipif(not (GOLD_DIR.is_dir() and SCORER.is_file()),
                                reason="gold annotations / reference scorer not available")

PREFIXES = """@prefix schema: <https://schema.org/> .
@prefix sdo: <http://schema.org/> .
@prefix mkg: <https://w3id.org/medkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://example.org/id/> .
"""

GOLD = {
    "doc": "art1",
    "entities": [
        {"id": "p1", "type": "Person", "name": "Li Xun", "aliases": []},
        {"id": "o1", "type": "Organization", "name": "West China Hospital", "aliases": ["WCH"]},
        {"id": "e1", "type": "Event", "name": "Regional Stroke Forum", "aliases": [], "date": "2024-03-06"},
        {"id": "c1", "type": "Country", "name": "Italy", "aliases": []},
        {"id": "s1", "type": "Specialty", "name": "thoracic surgery", "aliases": []},
    ],
    "relations": [
        {"s": "p1", "p": "affiliation", "o": "o1", "title": "Professor"},
        {"s": "e1", "p": "organizer", "o": "o1"},
        {"s": "e1", "p": "attendee", "o": "p1"},
        {"s": "e1", "p": "participantCountry", "o": "c1"},
        {"s": "e1", "p": "about", "o": "s1"},
    ],
}

PERFECT = PREFIXES + """
id:li a schema:Person ; schema:name "Prof. Li Xun" ; schema:affiliation id:wch .
id:wch a schema:Organization, schema:Hospital ; schema:name "the West China Hospital" ; schema:alternateName "WCH" .
id:forum a schema:Event ; schema:name "The Regional Stroke Forum" ; schema:startDate "2024-03-06"^^xsd:date ;
    schema:organizer id:wch ; schema:attendee id:li ; mkg:participantCountry id:italy ; schema:about id:thor .
id:italy a schema:Country ; rdfs:label "Italy" .
id:thor a schema:MedicalSpecialty ; skos:prefLabel "Thoracic Surgery" .
id:a1 a schema:NewsArticle ; schema:identifier "art1" ;
    schema:mentions id:li, id:wch, id:forum, id:italy, id:thor .
"""

# one missing Country (and its relation); a duplicate person; a spurious organization with a
# spurious relation; an event matched by token overlap only, with a wrong date; fewer mentions
FLAWED = PREFIXES + """
id:li a schema:Person ; schema:name "Li Xun" ; schema:affiliation id:wch .
id:li2 a schema:Person ; schema:name "Dr. Li Xun" .
id:wch a schema:Organization ; schema:alternateName "WCH" .
id:su a schema:Organization ; schema:name "Sichuan University" ; schema:parentOrganization id:wch .
id:forum a schema:Event ; schema:name "Stroke Forum Regional 2024" ; schema:startDate "2024-03-07"^^xsd:date ;
    schema:organizer id:wch ; schema:attendee id:li ; schema:about id:thor .
id:thor a schema:MedicalSpecialty ; schema:name "thoracic surgery" .
id:a1 a schema:NewsArticle ; schema:identifier "art1" ; schema:mentions id:li, id:wch, id:forum .
"""


@pytest.fixture
def gold_dir(tmp_path):
    d = tmp_path / "gold"
    d.mkdir()
    (d / "art1.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (d / "README.md").write_text("not a gold file")          # ignored: only *.json
    return d


def graph(ttl: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=ttl, format="turtle")


def store_with(tmp_path, articles: dict[str, str]):
    """A store whose article graphs hold the given Turtle documents."""
    d = tmp_path / "store"
    with Store(d) as st:
        for stem, ttl in articles.items():
            f = tmp_path / f"{stem}.ttl"
            f.write_text(ttl, encoding="utf-8")
            st.load(f, "turtle", stem=stem)
    return d


# ---------------------------------------------------------------------------- library
def test_normalize():
    assert normalize("The West China Hospital") == "west china hospital"
    assert normalize("Prof. Li Xun") == "li xun" and normalize("Professor Li Xun") == "li xun"
    assert normalize("Sichuan Provincial People’s Hospital") == "sichuan provincial peoples hospital"
    assert normalize("Hepatobiliary & Pancreatic Surgery") == "hepatobiliary and pancreatic surgery"


def test_perfect_graph_scores_one(gold_dir):
    ev = evaluate_graph(graph(PERFECT), load_gold(gold_dir))
    assert ev.entity_total == Counts(5, 0, 0) and ev.relation_total == Counts(5, 0, 0)
    assert ev.entity_f1 == 1.0 and ev.relation_f1 == 1.0
    assert ev.dates == (1, 1) and ev.provenance == (5, 5)
    assert ev.misses == []


def test_one_missing_entity_lowers_recall(gold_dir):
    g = graph(PERFECT)
    italy = rdflib.URIRef("https://example.org/id/italy")
    for t in list(g.triples((italy, None, None))):
        g.remove(t)
    ev = evaluate_graph(g, load_gold(gold_dir))
    total = ev.entity_total
    assert total == Counts(4, 0, 1)
    assert (total.precision, total.recall) == (1.0, 0.8)
    assert ev.entity_f1 == pytest.approx(2 * 1.0 * 0.8 / 1.8)
    assert ev.entities["Country"] == Counts(0, 0, 1)
    # the participantCountry triple still points at the (now untyped, unmatched) node: a false positive
    assert ev.relations["participantCountry"] == Counts(0, 1, 1)
    assert "entity Country: missed: italy" in ev.misses


def test_flawed_graph_hand_computed(gold_dir):
    ev = evaluate_graph(graph(FLAWED), load_gold(gold_dir))
    assert ev.entities == {"Person": Counts(1, 1, 0), "Organization": Counts(1, 1, 0), "Event": Counts(1, 0, 0),
                           "Country": Counts(0, 0, 1), "Place": Counts(0, 0, 0), "Specialty": Counts(1, 0, 0)}
    e = ev.entity_total                        # tp 4, fp 2, fn 1
    assert e.precision == pytest.approx(4 / 6) and e.recall == pytest.approx(4 / 5)
    assert ev.entity_f1 == pytest.approx(2 * (4 / 6) * (4 / 5) / (4 / 6 + 4 / 5))
    assert ev.relation_total == Counts(4, 1, 1)
    assert ev.relations["parentOrganization"] == Counts(0, 1, 0)
    assert ev.relation_f1 == pytest.approx(0.8)
    assert ev.dates == (0, 1) and ev.provenance == (3, 5)
    assert any("duplicate" in m and "li xun" in m for m in ev.misses)
    assert any("spurious" in m and "sichuan university" in m for m in ev.misses)


def test_as_dict_and_headline(gold_dir):
    ev = evaluate_graph(graph(FLAWED), load_gold(gold_dir))
    d = ev.as_dict()
    assert set(d) == {"entities", "relations", "entity_f1", "relation_f1", "dates", "provenance"}
    assert d["entities"]["Person"] == {"p": 0.5, "r": 1.0, "f1": pytest.approx(2 / 3), "tp": 1, "fp": 1, "fn": 0}
    assert d["dates"] == {"ok": 0, "total": 1} and d["provenance"] == {"found": 3, "total": 5}
    assert ev.headline() == "entity_f1=0.727 relation_f1=0.800 dates=0/1 (0.00) provenance=3/5 (0.60)"


# ---------------------------------------------------------------------------- CLI on a store
def test_cli_scores_only_the_annotated_articles(cli, gold_dir, tmp_path):
    noise = PREFIXES + 'id:x a schema:Person ; schema:name "Someone Else" .\n'
    store = store_with(tmp_path, {"art1": PERFECT, "other": noise})
    out = tmp_path / "fig.json"
    r = cli("--store", store, "evaluate", "--gold", gold_dir, "--json", out)
    assert r.exit_code == 0, r.output
    assert r.stdout.strip().splitlines()[-1] == \
        "entity_f1=1.000 relation_f1=1.000 dates=1/1 (1.00) provenance=5/5 (1.00)"
    data = json.loads(out.read_text())
    assert data["entity_f1"] == 1.0 and data["entities"]["Person"]["fp"] == 0


def test_cli_verbose_thresholds_and_graph_file(cli, gold_dir, tmp_path):
    store = store_with(tmp_path, {"art1": FLAWED})
    r = cli("--store", store, "evaluate", "--gold", gold_dir, "--verbose")
    assert r.exit_code == 0
    assert "entity Country: missed: italy" in r.stdout
    assert r.stdout.strip().splitlines()[-1].startswith("entity_f1=0.727 relation_f1=0.800")
    r = cli("--store", store, "evaluate", "--gold", gold_dir, "--min-entity-f1", "0.7", "--min-relation-f1", "0.9")
    assert r.exit_code == 2
    assert r.stderr.strip() == "medkg: below threshold: relation F1 0.800 < 0.9"
    ttl = tmp_path / "flawed.ttl"
    ttl.write_text(FLAWED)
    r = cli("--memory", "evaluate", "--gold", gold_dir, "--graph", ttl, "--json", "-")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["relation_f1"] == pytest.approx(0.8)


def test_cli_missing_articles_warn_and_count_as_missed(cli, gold_dir, tmp_path):
    (gold_dir / "art2.json").write_text(json.dumps({"doc": "art2", "entities": [
        {"id": "p", "type": "Person", "name": "Ahmed Elgendi"}], "relations": []}))
    store = store_with(tmp_path, {"art1": PERFECT})
    r = cli("--store", store, "evaluate", "--gold", gold_dir)
    assert r.exit_code == 0
    assert r.stderr.strip() == "medkg: warning: 1 annotated article(s) not in the store, scored as missed: art2"
    assert "entity_f1=0.909" in r.stdout          # tp 5, fp 0, fn 1


@pytest.mark.parametrize("content,problem", [
    ("{oops", "invalid JSON"),
    ('{"entities": [{"id": "a", "type": "Disease", "name": "flu"}], "relations": []}', "unknown type 'Disease'"),
    ('{"entities": [{"id": "a", "type": "Person", "name": "X"}], "relations": [{"s": "a", "p": "affiliation", "o": "b"}]}',
     "unknown entity id 'b'"),
    ('{"entities": [{"id": "a", "type": "Person"}], "relations": []}', "needs string fields"),
    ('[1, 2]', "not a gold file"),
])
def test_bad_gold_files_are_one_line_errors(cli, tmp_path, content, problem):
    d = tmp_path / "g"
    d.mkdir()
    (d / "bad.json").write_text(content)
    store = store_with(tmp_path, {"art1": PERFECT})
    r = cli("--store", store, "evaluate", "--gold", d)
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(d / "bad.json") in lines[0] and problem in lines[0]


def test_no_annotated_article_in_store_is_an_error(cli, gold_dir, tmp_path):
    store = store_with(tmp_path, {"unrelated": PERFECT})
    r = cli("--store", store, "evaluate", "--gold", gold_dir)
    assert r.exit_code == 1 and "none of the 1 annotated articles" in r.stderr
    r = cli("--store", store, "evaluate", "--gold", tmp_path / "nope")
    assert r.exit_code != 0 and "Traceback" not in r.output


# ---------------------------------------------------------------------------- same figures as score.py
def reference(graph_file, gold) -> dict:
    out = graph_file.with_suffix(".ref.json")
    subprocess.run([sys.executable, str(SCORER), str(graph_file), str(gold), "--json", str(out)],
                   check=True, capture_output=True, timeout=300)
    return json.loads(out.read_text())


@needs_gold
def test_sample_store_figures_equal_reference_scorer(cli, sample_store_dir, tmp_path):
    trig = tmp_path / "g.trig"
    assert cli("--store", sample_store_dir, "export", "-o", trig).exit_code == 0
    ours = tmp_path / "ours.json"
    r = cli("--store", sample_store_dir, "evaluate", "--gold", GOLD_DIR, "--json", ours)
    assert r.exit_code == 0, r.output
    assert json.loads(ours.read_text()) == reference(trig, GOLD_DIR)
    ref_headline = subprocess.run([sys.executable, str(SCORER), str(trig), str(GOLD_DIR)], capture_output=True,
                                  text=True, timeout=300).stdout.strip().splitlines()[-1]
    assert r.stdout.strip().splitlines()[-1] == ref_headline


TRICKY = PREFIXES + """
# http://schema.org terms, a node with two types, two nodes for one event, a gMonthDay date,
# a relation from an untyped node, and a relation stated with both schema namespaces
id:li a sdo:Person, schema:Organization ; sdo:name "Li Xun" ; schema:name "West China Hospital" .
id:wch a schema:Organization ; schema:name "WCH" ; sdo:affiliation id:li .
id:f1 a schema:Event ; schema:name "Regional Stroke Forum" ; schema:startDate "--03-06"^^xsd:gMonthDay ;
    schema:organizer id:wch ; sdo:organizer id:wch .
id:f2 a sdo:Event ; rdfs:label "Stroke Forum" ; schema:attendee id:li .
id:loose schema:about id:thor .
id:thor a schema:MedicalSpecialty ; skos:altLabel "thoracic surgery" .
id:a1 a schema:CreativeWork ; schema:identifier "art1" ; schema:mentions id:f2, id:thor .
"""


@needs_gold
@pytest.mark.parametrize("ttl", [PERFECT, FLAWED, TRICKY], ids=["perfect", "flawed", "tricky"])
def test_edge_cases_equal_reference_scorer(cli, gold_dir, tmp_path, ttl):
    f = tmp_path / "g.ttl"
    f.write_text(ttl)
    g2 = dict(GOLD, entities=[dict(e, date="--03-06") if e["id"] == "e1" else e for e in GOLD["entities"]])
    (gold_dir / "art1.json").write_text(json.dumps(g2))
    ours = tmp_path / "ours.json"
    r = cli("--memory", "evaluate", "--gold", gold_dir, "--graph", f, "--json", ours)
    assert r.exit_code == 0, r.output
    assert json.loads(ours.read_text()) == reference(f, gold_dir)


DEVSET = Path(__file__).parent / "devset"


def test_devset_generalization_floor(cli, tmp_path):
    """34 articles beyond the samples (tests/devset: invented in the style of hospital news sites
    of other countries and Chinese hospitals, with gold written before extraction was run on them):
    extraction must stay above a floor there, so a change that only fits the five samples shows up.
    Measured 2026-12-06 05:00 on all 29: entity_f1 0.965, relation_f1 0.921, dates 25/26 (the first
    19: 0.974 / 0.950 / 17 of 17; batch 5: 0.921 / 0.831; batch 6: 0.992 / 0.944); 05:35, after a
    fifth round of fixes: 0.974 / 0.931 / 25 of 26. 06:40, with batch 7 (5 articles, unseen relation_f1
    0.634) added, after one fix: all 34 0.960 / 0.884 / 29 of 32; after round 6 (07:00): all 34
    0.963 / 0.894 / 29 of 32, so the floors were entity 0.955 and relation 0.88. After round 7, with
    batch 9: all 39 0.978 / 0.912 / 37 of 40 (the first 34 0.977 / 0.920, batch 9 0.982 / 0.885), so the
    floors were entity 0.965 and relation 0.895. After round 8, with batch 10: all 49 0.980 / 0.917 / 53 of 59,
    so the floors were entity 0.970 and relation 0.905. With batch 13 added unseen (11:00; batch 13
    0.963 / 0.765): all 64 0.975 / 0.902 / 74 of 80, so the relation floor was 0.895 until its round;
    after it (10:00): all 64 0.978 / 0.912 / 76 of 80, so the floors were entity 0.970 and relation 0.905.
    With batch 14 (held back, unseen 0.912 / 0.769) and the rounds on 12, 13 and 14 (10:30): all 69
    0.981 / 0.923 / 86 of 88, so the floors are entity 0.975 and relation 0.915. With batch 15 (held
    back, unseen 0.918 / 0.803) added at 11:55: all 74 0.976 / 0.914 / 92 of 95, below the relation
    floor, which was kept; after its rounds 0.984 / 0.928 / 92 of 95. Batch 16 (held back, unseen 0.919
    / 0.673) with two short rounds on it (13:30): all 79 0.982 / 0.919 / 100 of 105. Batches 17, 18 and 19
    (held back, unseen 0.929 / 0.678, 0.929 / 0.693, 0.961 / 0.729), each added below the relation floor and
    lifted by rounds on it (15:00): all 94 0.984 / 0.918 / 124 of 135; after a last short round (15:45)
    0.986 / 0.923 / 127 of 135; the floors kept."""
    store = tmp_path / "st"
    r = cli("--store", store, "ingest", "-q", "--no-progress", DEVSET / "corpus")
    assert r.exit_code == 0, r.output
    r = cli("--store", store, "evaluate", "--gold", DEVSET / "gold", "--json", tmp_path / "f.json",
            "--min-entity-f1", "0.975", "--min-relation-f1", "0.915")
    assert r.exit_code == 0, r.output
    figures = json.loads((tmp_path / "f.json").read_text())
    assert figures["dates"]["ok"] >= 23 and figures["provenance"]["found"] >= 0.93 * figures["provenance"]["total"]


#: Every person, place, country and institution-name core of the five samples, renamed (text and
#: gold alike): extraction that only knew the samples' names would lose them here.
RENAMED = {
    "Sichuan": "Hunan", "Chengdu": "Changsha", "West China": "South Central", "WCH": "SCH",
    "Chongqing": "Tianjin", "Heilongjiang": "Jilin", "Harbin": "Changchun", "Bingcheng": "Chuncheng",
    "Lanzhou": "Kunming", "LZUFH": "KMUFH", "Gansu": "Yunnan",
    "Wei Yuquan": "Tang Zhiming", "Li Bing": "Xu Qiang", "Luo Fengming": "Gao Jianping", "Wu Hong": "Pan Li",
    "Yang Jiayin": "Deng Huaqing", "Sui Lin": "Qin Mei", "Meng Qingwei": "Cao Guoliang",
    "Zhang Hongxia": "Fang Yuxin", "Li Wen": "Guo Ping", "Hu Bing": "Shen Tao", "Ding Zhen": "Ma Rui",
    "Sun Bo": "Lu Feng", "Hu Lianghao": "Jiang Wenbo", "Zhao Jun": "Peng Yu", "Bai Yuping": "Yao Xiaoyan",
    "Wu Zhiqiang": "Xie Guohua", "Liu Yemei": "Han Lili", "Li Xun": "Zhou Kai", "Chi Gang": "Du Ming",
    "Ahmed Elgendi": "Omar Hassanein", "Fawaz": "Nasser", "Lee Yeong Sing": "Tan Boon Keat",
    "Mohammad Bagheri": "Reza Karimi", "Shiaw-Hooi Ho": "Kok-Wai Lim", "Thawee Ratanachu-ek": "Somchai Wongsiri",
    "Aleksandr Vodoleev": "Dmitry Sokolov",
    "Hungary": "Poland", "Ethiopia": "Kenya", "Chile": "Peru", "Santiago": "Lima", "Morocco": "Tunisia",
    "Belarus": "Kazakhstan", "Iran": "Pakistan", "Alexandria": "Mansoura", "Egypt": "Jordan",
    "Thailand": "Vietnam", "Malaysia": "Indonesia", "Russia": "Georgia",
}


def _variant_scores_as_samples(cli, sample_corpus, sample_store_dir, tmp_path, text_of, gold_of) -> None:
    """The samples rewritten by ``text_of`` (their gold by ``gold_of``) score what the samples score."""
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir(), gold.mkdir()
    changed = 0
    for f in sorted(sample_corpus.glob("*.txt")):
        original = f.read_text(encoding="utf-8")
        changed += text_of(original) != original
        (corpus / f.name).write_text(text_of(original), encoding="utf-8")
        (gold / f"{f.stem}.json").write_text(gold_of((GOLD_DIR / f"{f.stem}.json").read_text(encoding="utf-8")),
                                              encoding="utf-8")
    assert changed >= 3
    r = cli("--store", tmp_path / "st", "ingest", "-q", "--no-progress", corpus)
    assert r.exit_code == 0, r.output
    figures = {}
    for name, store, gold_dir in (("samples", sample_store_dir, GOLD_DIR), ("variant", tmp_path / "st", gold)):
        r = cli("--store", store, "evaluate", "--gold", gold_dir, "--json", tmp_path / f"{name}.json")
        assert r.exit_code == 0, r.output
        figures[name] = json.loads((tmp_path / f"{name}.json").read_text())
    for key in ("entity_f1", "relation_f1"):
        assert figures["variant"][key] >= figures["samples"][key] - 0.005, key
    assert figures["variant"]["dates"] == figures["samples"]["dates"]
    assert figures["variant"]["provenance"] == figures["samples"]["provenance"]


@needs_gold
def test_samples_with_every_name_changed_score_as_the_samples(cli, sample_corpus, sample_store_dir, tmp_path):
    """The samples with their people, places, countries and institution names renamed score what the
    samples score (measured 2026-12-06: both entity_f1 0.996, relation_f1 1.000, dates 4/4,
    provenance 132/132): no rule knows the samples' names."""
    import re
    words = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(RENAMED, key=len, reverse=True)))
                       + r")(?![\w-])")

    def rename(text: str) -> str:
        return words.sub(lambda m: RENAMED[m.group(1)], text)
    _variant_scores_as_samples(cli, sample_corpus, sample_store_dir, tmp_path, rename, rename)


@needs_gold
def test_samples_with_full_width_punctuation_score_as_the_samples(cli, sample_corpus, sample_store_dir, tmp_path):
    """Pages translated from Chinese often keep full-width punctuation: the samples with half their
    commas, colons, semicolons and brackets full-width ("，" "：" "（" ...; seeded) score what the samples
    score (before full-width punctuation was read as ASCII: entity_f1 0.967, relation_f1 0.876)."""
    import random
    marks = {",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "(": "\uff08", ")": "\uff09"}

    def full_width(text: str) -> str:
        rnd, out, i = random.Random(1), [], 0
        while i < len(text):
            c = text[i]
            if c in marks and rnd.random() < 0.5:
                out.append(marks[c])
                if c in ",:;" and text[i + 1:i + 2] == " ":
                    i += 1                     # a full-width mark carries its own space
            else:
                out.append(c)
            i += 1
        return "".join(out)
    _variant_scores_as_samples(cli, sample_corpus, sample_store_dir, tmp_path, full_width, lambda g: g)


@needs_gold
def test_samples_hard_wrapped_score_as_the_samples(cli, sample_corpus, sample_store_dir, tmp_path):
    """Text saved by ``fmt``, e-mail or ``lynx -dump`` is hard-wrapped: the samples with every line
    wrapped at 72 characters score what the samples score (before wrapped paragraphs were joined
    again: entity_f1 0.835, relation_f1 0.577, dates 3/4)."""
    import textwrap

    def wrapped(text: str) -> str:
        return "\n".join(textwrap.fill(line, 72) for line in text.split("\n"))
    _variant_scores_as_samples(cli, sample_corpus, sample_store_dir, tmp_path, wrapped, lambda g: g)


@needs_gold
def test_samples_with_lost_spaces_score_as_the_samples(cli, sample_corpus, sample_store_dir, tmp_path):
    """Scraped pages lose spaces: the samples with none before an opening bracket ("Vodoleev(Russia)")
    and none after half their commas and semicolons between words (seeded) score what the samples
    score (before the spaces were put back: entity_f1 0.984, relation_f1 0.955)."""
    import random
    import re

    def squeezed(text: str) -> str:
        rnd = random.Random(2)
        text = re.sub(r"(?<=\w) \(", "(", text)
        return re.sub(r"(?<=\w)([,;]) (?=\w)", lambda m: m.group(1) if rnd.random() < 0.5 else m.group(0), text)
    _variant_scores_as_samples(cli, sample_corpus, sample_store_dir, tmp_path, squeezed, lambda g: g)


@needs_gold
def test_samples_with_names_glossed_in_chinese_score_as_the_samples(cli, sample_corpus, sample_store_dir, tmp_path):
    """Bilingual pages gloss a name in Chinese script right after it ("Wei Yuquan (魏于全), academician
    of ..."): the samples with every two-word name of a gold person glossed so at its first use score
    what the samples score (before the gloss was dropped: entity_f1 0.992, relation_f1 0.951)."""
    import re
    glyphs = "魏于全李兵罗凤鸣吴红杨家印隋林孟庆伟张红霞胡冰丁震孙波赵军白玉平"

    def glossed(text: str) -> str:
        for i, name in enumerate(re.findall(r"(?:Prof\.|Professor|Dr\.|academician) ([A-Z][a-z]+ [A-Z][a-z]+)\b", text)):
            text = re.sub(rf"\b{name}\b(?! \()", f"{name} ({glyphs[2 * i % 24:2 * i % 24 + 2]})", text, count=1)
        return text
    _variant_scores_as_samples(cli, sample_corpus, sample_store_dir, tmp_path, glossed, lambda g: g)


@needs_gold
def test_samples_as_utf8_read_as_windows_1252_score_as_the_samples(cli, sample_corpus, sample_store_dir, tmp_path):
    """Text copied through a system that read UTF-8 as Windows-1252 ("Peopleâ€™s", "â€œBelt and Roadâ€\x9d"):
    the samples so garbled score what the samples score (before the repair: entity_f1 0.975, relation_f1
    0.988)."""
    def garbled(text: str) -> str:
        out = []
        for byte in text.encode("utf-8"):
            try:
                out.append(bytes([byte]).decode("cp1252"))
            except UnicodeDecodeError:          # (five bytes cp1252 leaves undefined: as Latin-1)
                out.append(chr(byte))
        return "".join(out)
    _variant_scores_as_samples(cli, sample_corpus, sample_store_dir, tmp_path, garbled, lambda g: g)
