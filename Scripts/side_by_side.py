#!/usr/bin/env python3
"""PartnerKit side by side with networkx and igraph on the same generated graph, in one run.

Uses the python3 that runs it, as it is: nothing is installed. networkx and igraph are each
measured when importable and reported "not available" otherwise (to include igraph, run this
under a virtual environment that has it: `python -m venv .build/bench-venv &&
.build/bench-venv/bin/pip install igraph networkx`, then `.build/bench-venv/bin/python
Scripts/side_by_side.py`).

The graph: `partnerkit-bench generate --organizations 20000 --graph-nodes 20000`, a 20k-node
Barabasi-Albert graph (m = 5) in relationships.csv, cached under .build/bench-data/. Work:

- links: Adamic-Adar over every unconnected two-hop pair, the top 100;
- paths: the 3 most trusted paths from the library to the last organization (edge cost
  -log(normalised strength x recency), as `partnerkit path` weighs ties; networkx's
  shortest_simple_paths has no cap on intermediaries, partnerkit's default is 3);
- constraint: Burt's constraint of every node.

Each is timed two ways: end to end (a fresh child process: interpreter or binary start, reading
relationships.csv, building the graph, the algorithm, printing), wall time from outside; and
the algorithm alone (timed inside, after the graph is built; partnerkit's through
`partnerkit-bench graph`). Ratios are within this one run. Python children that run longer than
--timeout seconds are stopped and reported as "> N s".

Run from the repository root after building the release binaries (Scripts/side_by_side.sh does
both): python3 Scripts/side_by_side.py [--nodes 20000] [--timeout 600] [--format text|json]
"""
import argparse, json, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "release", "partnerkit-bench")
PK = os.path.join(ROOT, ".build", "release", "partnerkit")
AS_OF = "2026-11-29"

# The Python side of one workload, run in its own interpreter: argv = lib ws op target as_of.
CHILD = r'''
import csv, heapq, itertools, json, math, sys, time, datetime
lib, ws, op, target, as_of = sys.argv[1:6]
rows = []
with open(ws + "/relationships.csv", newline="", encoding="utf-8") as f:
    r = csv.reader(f); next(r)
    rows = [(a, b, float(s), d) for a, b, _k, s, d, *_ in r]
asof = datetime.date.fromisoformat(as_of)
def cost(s, d):
    ns = min(1.0, max(0.01, s / 4))
    rec = 0.75
    if d:
        age = (asof - datetime.date.fromisoformat(d)).days - 365
        rec = 1.0 if age <= 0 else max(0.25, 0.5 ** (age / 365))
    return -math.log(ns * rec)
out = {}
if lib == "networkx":
    import networkx as nx
    G = nx.Graph()
    for a, b, s, d in rows:
        if a != b: G.add_edge(a, b, cost=cost(s, d))
    t = time.perf_counter()
    if op == "links":
        pairs = set()
        for w in G:
            ns = sorted(G[w])
            for i, u in enumerate(ns):
                for v in ns[i + 1:]:
                    if not G.has_edge(u, v): pairs.add((u, v))
        res = heapq.nlargest(100, nx.adamic_adar_index(G, pairs), key=lambda x: (x[2], x[0], x[1]))
        out["result"] = len(res)
    elif op == "paths":
        res = list(itertools.islice(nx.shortest_simple_paths(G, "library", target, weight="cost"), 3))
        out["result"] = [len(p) for p in res]
    else:
        res = nx.constraint(G)
        out["result"] = len(res)
    out["algorithm_seconds"] = time.perf_counter() - t
else:
    import igraph as ig
    names = sorted({x for a, b, _, _ in rows for x in (a, b)})
    ix = {n: i for i, n in enumerate(names)}
    best = {}
    for a, b, s, d in rows:
        if a == b: continue
        k = (min(ix[a], ix[b]), max(ix[a], ix[b]))
        c = cost(s, d)
        if k not in best or c < best[k]: best[k] = c
    H = ig.Graph(n=len(names), edges=list(best.keys()))
    H.es["cost"] = list(best.values())
    t = time.perf_counter()
    if op == "links":
        top = []
        for start in range(0, H.vcount(), 1000):
            vs = list(range(start, min(start + 1000, H.vcount())))
            m = H.similarity_inverse_log_weighted(vertices=vs)
            for k, u in enumerate(vs):
                nbrs = set(H.neighbors(u)); row = m[k]
                for v in range(u + 1, len(row)):
                    if row[v] > 0 and v not in nbrs:
                        heapq.heappush(top, (row[v], u, v))
                        if len(top) > 100: heapq.heappop(top)
        out["result"] = len(top)
    elif op == "paths":
        res = H.get_k_shortest_paths(ix["library"], to=ix[target], k=3, weights="cost")
        out["result"] = [len(p) for p in res]
    else:
        out["result"] = len(H.constraint())
    out["algorithm_seconds"] = time.perf_counter() - t
print(json.dumps(out))
'''


def generate(nodes):
    out = os.path.join(ROOT, ".build", "bench-data", f"side-o{nodes}-g{nodes}")
    if not os.path.exists(os.path.join(out, "relationships.csv")):
        subprocess.run([BENCH, "generate", "--organizations", str(nodes), "--graph-nodes", str(nodes),
                        "--out", out], check=True, stdout=subprocess.DEVNULL)
    return out


def wall(argv, timeout=None):
    """(seconds, stdout, error) of a child process, wall time from outside."""
    t = time.perf_counter()
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", f"> {timeout} s (stopped)"
    dt = time.perf_counter() - t
    if r.returncode != 0:
        tail = (r.stderr.strip().splitlines() or ["?"])[-1]
        return dt, r.stdout, f"exit {r.returncode}: {tail[:120]}"
    return dt, r.stdout, None


def available(module):
    return subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=20000)
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--format", choices=["text", "json"], default="text")
    a = ap.parse_args()
    for path in (BENCH, PK):
        if not os.path.exists(path):
            sys.exit(f"{path} is not built: swift build -c release --product {os.path.basename(path)}")
    ws = generate(a.nodes)
    target = f"org-{a.nodes - 2}"
    pk_cmd = {
        "links": [PK, "network", "links", "--measure", "adamic-adar", "--top", "100", "--format", "json"],
        "paths": [PK, "path", target, "--format", "json"],
        "constraint": [PK, "network", "measures", "--format", "csv"],
    }
    work_names = {
        "links": "links: Adamic-Adar top 100",
        "paths": "paths: 3 most trusted, library -> " + target,
        "constraint": "constraint: every node",
    }
    peers = {"networkx": available("networkx"), "igraph": available("igraph")}
    results = []
    for op in ["links", "paths", "constraint"]:
        row = {"work": work_names[op], "op": op}
        argv = pk_cmd[op] + ["--workspace", ws, "--as-of", AS_OF]
        best = None
        for _ in range(3):
            dt, _, err = wall(argv)
            if err: row["partnerkit_error"] = err; break
            best = dt if best is None else min(best, dt)
        row["partnerkit_end_to_end"] = best
        row["partnerkit_command"] = " ".join(os.path.relpath(x, ROOT) if x.startswith(ROOT) else x for x in argv)
        bench_op = {"links": ["--op", "links"], "paths": ["--op", "path", "--target", target],
                    "constraint": ["--op", "constraint"]}[op]
        dt, out, err = wall([BENCH, "graph", "--workspace", ws] + bench_op)
        row["partnerkit_algorithm"] = json.loads(out)["seconds"] if not err else None
        for lib, ok in peers.items():
            if not ok:
                row[lib] = {"status": "not available (python3 cannot import it)"}
                continue
            dt, out, err = wall([sys.executable, "-c", CHILD, lib, ws, op, target, AS_OF], timeout=a.timeout)
            if err:
                row[lib] = {"status": err, "end_to_end": dt}
            else:
                inner = json.loads(out)
                row[lib] = {"status": "ok", "end_to_end": dt, "algorithm": inner["algorithm_seconds"],
                            "result": inner["result"]}
        results.append(row)

    doc = {"nodes": a.nodes, "workspace": os.path.relpath(ws, ROOT), "python": sys.version.split()[0],
           "peers": {k: ("available" if v else "not available") for k, v in peers.items()}, "rows": results}
    if a.format == "json":
        print(json.dumps(doc, indent=2, sort_keys=True))
        return

    def s(x):
        return "-" if x is None else (f"{x * 1000:.1f} ms" if x < 0.1 else f"{x:.3f} s")

    def ratio(o, p):
        return "-" if o is None or not p else f"{o / p:.0f}x"

    print(f"{a.nodes}-node Barabasi-Albert graph (m = 5), {doc['workspace']}; python {doc['python']}")
    print("networkx: " + doc["peers"]["networkx"] + "; igraph: " + doc["peers"]["igraph"])
    print()
    hdr = ["work", "peer", "peer end to end", "peer algorithm", "partnerkit end to end",
           "partnerkit algorithm", "x end to end", "x algorithm"]
    lines = []
    for r in results:
        for lib in peers:
            p = r[lib]
            if p["status"] != "ok":
                lines.append([r["work"], lib, p["status"], "", s(r["partnerkit_end_to_end"]),
                              s(r["partnerkit_algorithm"]), "", ""])
                continue
            lines.append([r["work"], lib, s(p["end_to_end"]), s(p["algorithm"]), s(r["partnerkit_end_to_end"]),
                          s(r["partnerkit_algorithm"]), ratio(p["end_to_end"], r["partnerkit_end_to_end"]),
                          ratio(p["algorithm"], r["partnerkit_algorithm"])])
    widths = [max(len(str(x[i])) for x in [hdr] + lines) for i in range(len(hdr))]
    for x in [hdr, ["-" * w for w in widths]] + lines:
        print("  ".join(str(c).ljust(widths[i]) for i, c in enumerate(x)).rstrip())
    print()
    for r in results:
        print(f"{r['op']}: {r['partnerkit_command']}" + (f"  ({r['partnerkit_error']})" if "partnerkit_error" in r else ""))
    print("end to end = a fresh process, wall time (partnerkit: best of 3; peers: one run); "
          "algorithm = after the graph is built (partnerkit: best of 3 in process)")


if __name__ == "__main__":
    main()
