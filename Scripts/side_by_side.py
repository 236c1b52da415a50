#!/usr/bin/env python3
"""PartnerKit side by side with networkx, igraph and networkit on the same generated files.

Creates .build/bench-venv (pip: networkx igraph texttable networkit; a package that fails to
install is reported "not measured"), generates workspaces with `partnerkit-bench generate`, and
times: Adamic-Adar top 100 over two-hop pairs of a 20k-node BA graph (m=5), and Burt's
constraint for every node of a 100k-node BA graph. PartnerKit is timed in process by
`partnerkit-bench graph` (algorithm only, like the Python side). Ratios are within one run.
Run from the repository root: python3 Scripts/side_by_side.py
"""
import csv, heapq, json, math, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".build", "bench-venv")
BENCH = os.path.join(ROOT, ".build", "release", "partnerkit-bench")

def ensure_venv():
    py = os.path.join(VENV, "bin", "python")
    if sys.prefix != VENV and os.environ.get("PK_IN_VENV") != "1":
        if not os.path.exists(py):
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        for pkg in ["networkx", "texttable", "igraph", "networkit"]:
            r = subprocess.run([py, "-m", "pip", "install", "-q", pkg], capture_output=True, text=True)
            if r.returncode != 0:
                print(f"pip install {pkg} failed: not measured ({r.stderr.strip().splitlines()[-1:] })")
        os.execve(py, [py] + sys.argv, dict(os.environ, PK_IN_VENV="1"))

def generate(orgs, nodes):
    out = os.path.join(ROOT, ".build", "bench-data", f"side-o{orgs}-g{nodes}")
    if not os.path.exists(os.path.join(out, "relationships.csv")):
        subprocess.run([BENCH, "generate", "--organizations", str(orgs), "--graph-nodes", str(nodes), "--out", out], check=True)
    return out

def edges(ws):
    with open(os.path.join(ws, "relationships.csv"), newline="") as f:
        r = csv.reader(f); next(r)
        return [(a, b) for a, b, *_ in r]

def timed(fn):
    t = time.perf_counter(); v = fn(); return time.perf_counter() - t, v

def partnerkit(ws, op):
    out = subprocess.run([BENCH, "graph", "--workspace", ws, "--op", op], check=True, capture_output=True, text=True).stdout
    return json.loads(out)["seconds"]

def main():
    ensure_venv()
    rows = []
    ws20 = generate(20000, 20000)
    E = edges(ws20)
    import networkx as nx
    G = nx.Graph(); G.add_edges_from(E)
    def nx_aa():
        pairs = set()
        for w in G:
            ns = sorted(G[w])
            for i, u in enumerate(ns):
                for v in ns[i + 1:]:
                    if not G.has_edge(u, v): pairs.add((u, v) if u < v else (v, u))
        return heapq.nlargest(100, nx.adamic_adar_index(G, pairs), key=lambda t: t[2])
    pk = partnerkit(ws20, "links")
    t, _ = timed(nx_aa); rows.append(("adamic-adar top 100, 20k BA", "networkx", t, pk))
    try:
        import igraph as ig
        names = sorted(G.nodes()); ix = {n: i for i, n in enumerate(names)}
        H = ig.Graph(n=len(names), edges=[(ix[a], ix[b]) for a, b in E])
        def ig_aa():
            best = []
            for start in range(0, H.vcount(), 1000):
                vs = list(range(start, min(start + 1000, H.vcount())))
                m = H.similarity_inverse_log_weighted(vertices=vs)
                for k, u in enumerate(vs):
                    nbrs = set(H.neighbors(u)); row = m[k]
                    for v in range(u + 1, len(row)):
                        if row[v] > 0 and v not in nbrs:
                            heapq.heappush(best, (row[v], u, v))
                            if len(best) > 100: heapq.heappop(best)
            return best
        t, _ = timed(ig_aa); rows.append(("adamic-adar top 100, 20k BA", "igraph", t, pk))
    except Exception as e:
        rows.append(("adamic-adar top 100, 20k BA", f"igraph not measured ({e})", float("nan"), pk))
    try:
        import networkit as nk
        K = nk.graph.Graph(G.number_of_nodes()); names = sorted(G.nodes()); ix = {n: i for i, n in enumerate(names)}
        for a, b in E: K.addEdge(ix[a], ix[b])
        def nk_aa():
            pairs = [(ix[u], ix[v]) for (u, v) in {(min(u, v), max(u, v)) for w in G for u in G[w] for v in G[w] if u != v and not G.has_edge(u, v)}]
            return sorted(nk.linkprediction.AdamicAdarIndex(K).runOn(pairs), key=lambda t: -t[1])[:100]
        t, _ = timed(nk_aa); rows.append(("adamic-adar top 100, 20k BA", "networkit", t, pk))
    except Exception as e:
        rows.append(("adamic-adar top 100, 20k BA", f"networkit not measured ({type(e).__name__})", float("nan"), pk))
    ws100 = generate(100000, 100000)
    pkc = partnerkit(ws100, "constraint")
    try:
        import igraph as ig
        E2 = edges(ws100); names = sorted({x for e in E2 for x in e}); ix = {n: i for i, n in enumerate(names)}
        H2 = ig.Graph(n=len(names), edges=[(ix[a], ix[b]) for a, b in E2])
        t, _ = timed(lambda: H2.constraint()); rows.append(("constraint every node, 100k BA", "igraph", t, pkc))
    except Exception as e:
        rows.append(("constraint every node, 100k BA", f"igraph not measured ({e})", float("nan"), pkc))
    rows.append(("constraint every node, 100k BA", "networkx not measured (all-nodes path builds n x n)", float("nan"), pkc))
    print(f"{'work':34} {'other':40} {'other s':>9} {'partnerkit s':>12} {'ratio':>8}")
    for work, who, t, p in rows:
        ratio = t / p if p > 0 and t == t else float("nan")
        print(f"{work:34} {who[:40]:40} {t:9.3f} {p:12.4f} {ratio:7.1f}x")

if __name__ == "__main__":
    main()
