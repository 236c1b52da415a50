#!/usr/bin/env python3
"""Computes networkx's link-prediction and structural-hole measures on two graphs that ship
with networkx (Zachary's karate club, Les Misérables co-occurrence) and writes them as JSON
fixtures for the Swift tests (Tests/PartnerKitTests/Fixtures/networkx/).

Node ids are strings (karate's integers as decimal text), so pair order "a < b" is Python's
string order, the same as the Swift side. Each fixture holds the edge list (with weights) so
the Swift tests build exactly the same graph.

Usage: python3 Scripts/networkx_fixtures.py   (networkx 3.x; no other dependency)
"""
import json
import math
import os
import sys

import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "PartnerKitTests", "Fixtures", "networkx")


def num(x):
    """JSON cannot hold NaN: networkx's NaN (isolated node) becomes null."""
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def fixture(name, G):
    G = nx.relabel_nodes(G, {v: str(v) for v in G.nodes})
    H = nx.Graph()  # a plain Graph with only the weight attribute
    H.add_nodes_from(sorted(G.nodes))
    for u, v, w in G.edges(data="weight", default=1):
        H.add_edge(u, v, weight=float(w))
    G = H
    nodes = sorted(G.nodes)
    edges = sorted([min(u, v), max(u, v), w] for u, v, w in G.edges(data="weight"))
    pairs = sorted((min(u, v), max(u, v)) for u, v in nx.non_edges(G))
    measures = {
        "common-neighbors": [float(len(list(nx.common_neighbors(G, a, b)))) for a, b in pairs],
        "jaccard": [v for _, _, v in nx.jaccard_coefficient(G, pairs)],
        "adamic-adar": [v for _, _, v in nx.adamic_adar_index(G, pairs)],
        "resource-allocation": [v for _, _, v in nx.resource_allocation_index(G, pairs)],
        "preferential-attachment": [float(v) for _, _, v in nx.preferential_attachment(G, pairs)],
    }
    c = nx.constraint(G)
    e = nx.effective_size(G)
    cw = nx.constraint(G, weight="weight")
    # networkx 3.6's all-nodes fast path (taken when scipy is installed and `nodes` is None)
    # divides a_jq by max_k a_qk instead of max_k a_jk (a broadcasting slip), so its weighted
    # effective size departs from the documented formula and from networkx's own per-node path.
    # The fixture holds the per-node (documented, Burt 1992) value; the fast path's number is
    # kept beside it for the record. Unweighted, the two paths agree.
    ew = nx.effective_size(G, nodes=list(G.nodes), weight="weight")
    ew_fast = nx.effective_size(G, weight="weight")
    per_node = [
        {
            "id": v,
            "degree": G.degree(v),
            "constraint": num(c[v]),
            "effective_size": num(e[v]),
            "constraint_weighted": num(cw[v]),
            "effective_size_weighted": num(ew[v]),
            "effective_size_weighted_networkx_fast_path": num(ew_fast[v]),
        }
        for v in nodes
    ]
    doc = {
        "graph": name,
        "networkx": nx.__version__,
        "nodes": nodes,
        "edges": edges,
        "pairs": [list(p) for p in pairs],
        "links": measures,
        "measures": per_node,
    }
    path = os.path.join(OUT, f"{name}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {len(nodes)} nodes, {len(edges)} edges, {len(pairs)} unconnected pairs", file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    fixture("karate", nx.karate_club_graph())
    fixture("lesmis", nx.les_miserables_graph())
    # A graph with an isolated node and a pendant, for networkx's NaN convention.
    small = nx.Graph()
    small.add_nodes_from(["a", "b", "c", "d", "e"])
    small.add_weighted_edges_from([("a", "b", 2), ("b", "c", 1), ("a", "c", 4), ("c", "d", 3)])
    fixture("small", small)


if __name__ == "__main__":
    main()
