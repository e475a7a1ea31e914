"""Collaboration networks: views, analytics, exports and the ``medkg network`` command.

Exact assertions use a small invented graph stored through the real RDF mapping
(``medkg.graph.net_synth``); the sample corpus is only checked for consistency.
"""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from medkg.errors import MedkgError
from medkg.graph import net_synth, network as N
from medkg.graph.store import Store


@pytest.fixture(scope="module")
def demo():
    st = Store()
    net_synth.demo_store(st)
    yield st


@pytest.fixture(scope="module")
def data(demo):
    return N.Data.from_store(demo)


@pytest.fixture
def demo_dir(tmp_path):
    d = tmp_path / "store"
    with Store(d) as st:
        net_synth.demo_store(st)
    return d


def edges_by_name(G):
    return {tuple(sorted((G.nodes[u]["name"], G.nodes[v]["name"]))): d for u, v, d in G.edges(data=True)}


def names(G):
    return sorted(d["name"] for _, d in G.nodes(data=True))


# ---------------------------------------------------------------------------- views
def test_entity_graph_has_every_entity_and_relation(data):
    G = N.build(data, "entities")
    assert G.number_of_nodes() == 10
    assert G.number_of_edges() == 15
    types = {d["name"]: d["type"] for _, d in G.nodes(data=True)}
    assert types["Alice Chen"] == "Person" and types["North Hospital"] == "Organization"
    assert types["Heart Forum"] == "Event" and types["Japan"] == "Country"
    e = edges_by_name(G)[("Alice Chen", "North Hospital")]
    assert e["relations"][0]["predicate"] == "affiliation"
    assert G.nodes[e["relations"][0]["source"]]["name"] == "Alice Chen"  # direction kept
    for n, d in G.nodes(data=True):
        assert d["iri"] == n and n.startswith("https://w3id.org/medkg/id/")


def test_people_weighted_by_shared_events(data):
    G = N.build(data, "people")
    assert names(G) == ["Alice Chen", "Bob Diaz", "Carol Evans"]
    e = edges_by_name(G)
    assert {k: v["weight"] for k, v in e.items()} == {
        ("Alice Chen", "Bob Diaz"): 2, ("Alice Chen", "Carol Evans"): 1, ("Bob Diaz", "Carol Evans"): 1}
    assert sorted(data.entities[i]["name"] for i in e[("Alice Chen", "Bob Diaz")]["events"]) == ["Heart Forum", "Lung Course"]


def test_institutions_by_shared_events_and_people(data):
    G = N.build(data, "institutions")
    assert names(G) == ["East Clinic", "North Hospital", "South University"]
    e = edges_by_name(G)
    assert set(e) == {("North Hospital", "South University"), ("East Clinic", "South University")}
    ns = e[("North Hospital", "South University")]
    assert ns["weight"] == 1 and len(ns["events"]) == 1 and ns["people"] == []
    es = e[("East Clinic", "South University")]
    assert es["weight"] == 1 and es["events"] == [] and [data.entities[p]["name"] for p in es["people"]] == ["Carol Evans"]


def test_countries_to_institutions(data):
    G = N.build(data, "countries")
    w = {k: v["weight"] for k, v in edges_by_name(G).items()}
    assert w == {("Japan", "North Hospital"): 1, ("Japan", "South University"): 2,  # Heart Forum + Carol Evans
                 ("North Hospital", "Spain"): 2,  # Heart Forum + Alice Chen
                 ("South University", "Spain"): 1, ("East Clinic", "Japan"): 1}
    assert nx.is_bipartite(G)
    assert {d["bipartite"] for n, d in G.nodes(data=True) if d["type"] == "Country"} == {0}


@pytest.mark.parametrize("focus", ["Alice Chen", "alice  CHEN", "https://w3id.org/medkg/id/person/alice-chen", "Alice"])
def test_ego_by_name_alias_or_iri(data, focus):
    G = N.build(data, "ego", focus=focus, depth=1)
    assert names(G) == ["Alice Chen", "Heart Forum", "Lung Course", "North Hospital", "Spain"]
    assert G.graph["focus"].endswith("/alice-chen") and G.nodes[G.graph["focus"]]["focus"]


def test_ego_depth_and_other_views(data):
    assert len(N.build(data, "ego", focus="Alice Chen", depth=0)) == 1
    assert len(N.build(data, "ego", focus="Alice Chen", depth=2)) > 5
    G = N.build(data, "institutions", focus="East Clinic", depth=1)
    assert names(G) == ["East Clinic", "South University"]


def test_focus_errors(data):
    with pytest.raises(MedkgError, match="no entity"):
        N.build(data, "ego", focus="Nobody Known")
    with pytest.raises(MedkgError, match="ambiguous"):
        N.build(data, "ego", focus="o")  # substring of many names
    with pytest.raises(MedkgError, match="needs --focus"):
        N.build(data, "ego")
    with pytest.raises(MedkgError, match="view"):
        N.build(data, "galaxies")


def test_ontology_only_terms_are_not_entities():
    st = Store()
    net_synth.demo_store(st)
    st._store.update("INSERT DATA { GRAPH <https://w3id.org/medkg/graph/ontology> { "
                     "<https://w3id.org/medkg/id/specialty/x> a <https://schema.org/MedicalSpecialty> ; "
                     "<https://schema.org/name> \"x\" } }")
    assert len(N.build(st, "entities")) == 10


# ---------------------------------------------------------------------------- provenance
def test_provenance_facts_articles_sentences(demo):
    G = N.build(demo, "institutions")
    N.attach_provenance(demo, G)
    south = next(n for n, d in G.nodes(data=True) if d["name"] == "South University")
    d = G.nodes[south]
    assert d["articles"] == ["Heart Forum brings hospitals together", "Lung Course trains surgeons"]
    facts = {(f["subject_name"], f["predicate"], f["object_name"]) for f in d["facts"]}
    # the other ends are named even though persons and events are not nodes of this view
    assert ("Carol Evans", "affiliation", "South University") in facts
    assert ("Lung Course", "organizer", "South University") in facts
    f = next(f for f in d["facts"] if f["subject_name"] == "Carol Evans")
    assert f["sentence"] == "Carol Evans works at East Clinic and South University."
    assert f["title"] == "Lung Course trains surgeons" and f["article"] == "art_b"
    assert {"title": "Lung Course trains surgeons", "article": "art_b",
            "sentence": "The Lung Course was hosted by South University."} in d["provenance"]
    assert d["n_facts"] == len(d["facts"]) == 3


def test_provenance_capped_per_node(demo):
    G = N.build(demo, "entities")
    N.attach_provenance(demo, G, max_facts=2)
    forum = next(n for n, d in G.nodes(data=True) if d["name"] == "Heart Forum")
    assert len(G.nodes[forum]["facts"]) == 2
    assert G.nodes[forum]["n_facts"] == 6  # 2 attendees, 2 organizers, 2 countries
    assert G.nodes[forum]["n_articles"] == 1


# ---------------------------------------------------------------------------- analytics
def two_triangles() -> nx.Graph:
    G = nx.Graph()
    for i, name in enumerate("abcdef"):
        G.add_node(name, name=name.upper(), type="Person")
    G.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f")], weight=1)
    G.add_edge("c", "d", weight=1)
    G.add_node("z", name="Z", type="Person")
    return G


def test_analytics_centrality_communities_components():
    G = two_triangles()
    a = N.analyze(G, seed=1)
    assert set(N.top(G, a.betweenness, 2)) == {"c", "d"}
    assert a.betweenness_exact
    assert sorted(map(sorted, a.communities)) == [["a", "b", "c"], ["d", "e", "f"], ["z"]]
    assert [len(c) for c in a.components] == [6, 1]
    assert G.nodes["c"]["degree"] == 3 and G.nodes["z"]["component"] == 1
    assert a.modularity > 0.3
    b = N.analyze(G.copy(), seed=1)
    assert a.communities == b.communities  # seeded: reproducible


def test_betweenness_uses_weights_as_strength():
    G = nx.Graph()
    G.add_nodes_from("abcd", name="n", type="Person")
    # a-b-d strong (weight 5), a-c-d weak: shortest "distance" path goes through b
    G.add_edge("a", "b", weight=5)
    G.add_edge("b", "d", weight=5)
    G.add_edge("a", "c", weight=1)
    G.add_edge("c", "d", weight=1)
    btw, exact = N.betweenness(G)
    assert btw["b"] > btw["c"] == 0
    assert all("_dist" not in d for _, _, d in G.edges(data=True))


def test_sampled_betweenness_above_limit():
    G = nx.barabasi_albert_graph(300, 2, seed=3)
    nx.set_node_attributes(G, "x", "name")
    btw, exact = N.betweenness(G, seed=5, exact_limit=100, samples=50)
    assert not exact and len(btw) == 300
    assert btw == N.betweenness(G, seed=5, exact_limit=100, samples=50)[0]


def test_summary_lists(data):
    G = N.build(data, "people")
    a = N.analyze(G)
    s = N.summary(G, a, k=2)
    assert s["nodes"] == 3 and s["edges"] == 3 and s["total_weight"] == 4
    assert s["top_degree"][0]["name"] in ("Alice Chen", "Bob Diaz")
    assert len(s["top_degree"]) == 2
    assert s["components"] == {"count": 1, "sizes": [3], "isolated": 0}
    json.dumps(s)


# ---------------------------------------------------------------------------- exports
def test_export_graphml_gexf_csv(demo, tmp_path):
    G = N.build(demo, "people")
    N.analyze(G)
    N.attach_provenance(demo, G)
    N.export(G, tmp_path / "p.graphml")
    N.export(G, tmp_path / "p.gexf")
    N.export(G, tmp_path / "p.csv")
    g1 = nx.read_graphml(tmp_path / "p.graphml")
    assert g1.number_of_nodes() == 3 and g1.number_of_edges() == 3
    alice = g1.nodes["https://w3id.org/medkg/id/person/alice-chen"]
    assert alice["name"] == "Alice Chen" and alice["type"] == "Person"
    assert "Heart Forum —attendee→ Alice Chen" in alice["facts"]
    assert "Alice Chen and Bob Diaz attended the Heart Forum." in alice["sentences"]
    assert {d["weight"] for _, _, d in g1.edges(data=True)} == {1, 2}
    g2 = nx.read_gexf(tmp_path / "p.gexf")
    assert g2.number_of_nodes() == 3 and g2.number_of_edges() == 3
    rows = list(csv.DictReader(open(tmp_path / "p.csv", encoding="utf-8")))
    assert len(rows) == 3
    assert rows[0]["weight"] == "2" and {rows[0]["source_name"], rows[0]["target_name"]} == {"Alice Chen", "Bob Diaz"}
    assert rows[0]["events"] == "Heart Forum; Lung Course"


def test_export_errors_leave_nothing(tmp_path, data):
    G = N.build(data, "people")
    with pytest.raises(MedkgError, match="format"):
        N.export(G, tmp_path / "p.txt")
    with pytest.raises(MedkgError, match="does not exist"):
        N.export(G, tmp_path / "nope" / "p.graphml")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------- CLI
def test_cli_stats(cli, demo_dir):
    r = cli("--store", demo_dir, "network", "--view", "people", "--stats", "--top", "2")
    assert r.exit_code == 0, r.output
    assert "view people: 3 nodes, 3 edges, total weight 4" in r.output
    assert "Top 2 by degree centrality" in r.output and "Alice Chen" in r.output
    assert "Communities (Louvain, seed 42)" in r.output
    assert "Connected components: 1" in r.output


def test_cli_json_and_ego(cli, demo_dir):
    r = cli("--store", demo_dir, "network", "--view", "ego", "--focus", "Carol Evans", "--depth", "1", "--json")
    assert r.exit_code == 0, r.output
    s = json.loads(r.output)
    assert s["nodes"] == 5 and s["focus"].endswith("/carol-evans")  # Lung Course, 2 orgs, Japan


@pytest.mark.parametrize("ext", ["graphml", "gexf", "csv"])
def test_cli_export(cli, demo_dir, tmp_path, ext):
    out = tmp_path / f"net.{ext}"
    r = cli("--store", demo_dir, "network", "--view", "institutions", "-o", out)
    assert r.exit_code == 0, r.output
    assert out.stat().st_size > 100
    if ext == "graphml":
        assert nx.read_graphml(out).number_of_edges() == 2


def test_cli_nodes_csv(cli, demo_dir, tmp_path):
    r = cli("--store", demo_dir, "network", "--view", "countries", "--nodes-csv", tmp_path / "n.csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(open(tmp_path / "n.csv", encoding="utf-8")))
    assert len(rows) == 5 and {"id", "label", "type", "betweenness", "community", "facts"} <= set(rows[0])


@pytest.mark.parametrize("args,needle", [
    (["--view", "ego"], "needs --focus"),
    (["--view", "ego", "--focus", "Nobody"], "no entity"),
    (["-o", "x.txt"], "format"),
    (["--format", "csv"], "needs -o"),
])
def test_cli_errors_one_line(cli, demo_dir, args, needle):
    r = cli("--store", demo_dir, "network", *args)
    assert r.exit_code != 0
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("medkg: error:") and needle in lines[0]


def test_cli_missing_store(cli, tmp_path):
    r = cli("--store", tmp_path / "none", "network", "--stats")
    assert r.exit_code != 0 and "does not exist" in r.output


# ---------------------------------------------------------------------------- sample corpus
def test_sample_views_consistent_with_store(sample_store):
    stats = sample_store.stats()["by_type"]
    data = N.Data.from_store(sample_store)
    G = N.build(data, "entities")
    assert G.number_of_nodes() == sum(v for k, v in stats.items() if k != "NewsArticle")
    people = N.build(data, "people")
    assert people.number_of_nodes() == stats.get("Person", 0)
    inst = N.build(data, "institutions")
    assert inst.number_of_nodes() == stats.get("Organization", 0)
    for view in ("people", "institutions", "countries"):
        H = N.build(data, view)
        a = N.analyze(H)
        assert sum(len(c) for c in a.components) == H.number_of_nodes()
        assert all(d["weight"] >= 1 for _, _, d in H.edges(data=True))
