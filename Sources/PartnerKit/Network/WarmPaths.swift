import Foundation

/// How warm paths weigh ties.
public struct WarmPathOptions: Sendable, Hashable {
    /// How many paths to return (Yen's K).
    public var paths: Int = 3
    /// The most intermediaries (nodes strictly between the ends) a path may have.
    public var maxIntermediaries: Int = 3
    /// The strength that counts as full trust: a tie's normalised strength is
    /// min(strength, this) / this, so 4 ("close partner") is 1.0 and 1 ("acquainted") is 0.25.
    public var fullStrength: Double = 4
    /// Ties last touched within this many days carry no recency discount.
    public var graceDays: Int = 365
    /// Past the grace period a tie's trust halves every `halfLifeDays` days …
    public var halfLifeDays: Double = 365
    /// … but never falls below this factor.
    public var floor: Double = 0.25
    /// The factor for a tie with no recorded last contact (an implicit person–organization
    /// tie counts as current).
    public var unknownContact: Double = 0.75

    public init(paths: Int = 3, maxIntermediaries: Int = 3) {
        self.paths = paths
        self.maxIntermediaries = maxIntermediaries
    }
}

/// One chain of ties from the start to the target.
public struct WarmPath: Sendable, Hashable {
    /// Node indices from start to target.
    public var nodes: [Int]
    /// Product of the ties' normalised strengths, each discounted for recency (a tie not
    /// touched past the grace period counts for less): the ranking key, in (0, 1].
    public var strength: Double
    /// Product of the ties' normalised strengths alone (strength ÷ 4), without the recency
    /// discount, in (0, 1].
    public var tieStrength: Double
    /// Each tie along the path, in order.
    public var ties: [RelationshipGraph.Edge]
}

extension RelationshipGraph {
    /// The normalised strength of a tie, in (0, 1].
    static func normalisedStrength(_ e: Edge, _ o: WarmPathOptions) -> Double {
        let s = e.strength.isFinite ? e.strength : 1
        return Swift.min(1, Swift.max(0.01, s / o.fullStrength))
    }

    /// The recency factor of a tie as of `asOf`, in [floor, 1].
    static func recency(_ e: Edge, asOf: Day, _ o: WarmPathOptions) -> Double {
        if e.implicit { return 1 }
        guard let last = e.lastContact else { return o.unknownContact }
        let age = asOf - last - o.graceDays
        guard age > 0 else { return 1 }
        return Swift.max(o.floor, pow(0.5, Double(age) / o.halfLifeDays))
    }

    /// The K most trusted simple paths from `source` to `target` with at most
    /// `maxIntermediaries` nodes between them: Yen's algorithm (Yen 1971, "Finding the K
    /// shortest loopless paths in a network", Management Science 17(11)) on edge costs
    /// −log(normalised strength × recency), so the shortest path is the one whose product of
    /// trust is largest. The spur searches are hop-bounded Bellman–Ford (layer by layer), which
    /// keeps the intermediary cap exact where Dijkstra would not.
    ///
    /// Ties (equal trust) are broken by fewer hops, then by the ids along the path, so the
    /// answer never depends on input order. An unreachable target gives no paths.
    ///
    /// - Complexity: O(K · H · (n + m) · H) in the worst case, H = maxIntermediaries + 1;
    ///   each search only touches the nodes reached within H hops.
    public func warmPaths(
        from source: Int, to target: Int, asOf: Day, options o: WarmPathOptions = WarmPathOptions()
    )
        -> [WarmPath]
    {
        guard source != target, source >= 0, target >= 0, source < nodeCount, target < nodeCount, o.paths > 0
        else {
            return []
        }
        let maxHops = Swift.max(1, o.maxIntermediaries + 1)
        var cost = [Double](repeating: 0, count: edges.count)
        for (k, e) in edges.enumerated() {
            cost[k] = -log(Self.normalisedStrength(e, o) * Self.recency(e, asOf: asOf, o))
        }

        struct Candidate { var nodes: [Int]; var cost: Double }
        func precedes(_ x: Candidate, _ y: Candidate) -> Bool {
            if abs(x.cost - y.cost) > 1e-12 * Swift.max(1, abs(x.cost)) { return x.cost < y.cost }
            if x.nodes.count != y.nodes.count { return x.nodes.count < y.nodes.count }
            for (a, b) in zip(x.nodes, y.nodes) where a != b { return ids[a] < ids[b] }
            return false
        }
        func pathCost(_ nodes: [Int]) -> Double {
            var c = 0.0
            for (a, b) in zip(nodes, nodes.dropFirst()) {
                guard let p = slot(a, b) else { return .infinity }
                c += cost[Int(edgeSlots[p])]
            }
            return c
        }

        var removedNode = [Bool](repeating: false, count: nodeCount)
        var removedEdges = Set<Int>()
        var found: [Candidate] = []
        guard
            let first = boundedShortestPath(
                from: source, to: target, hops: maxHops, cost: cost,
                removedNode: removedNode, removedEdges: removedEdges)
        else { return [] }
        found.append(Candidate(nodes: first, cost: pathCost(first)))
        var candidates: [Candidate] = []
        var seen = Set<[Int]>([first])

        while found.count < o.paths, let last = found.last {
            for i in 0..<(last.nodes.count - 1) {
                let spur = last.nodes[i]
                let root = Array(last.nodes[0...i])
                removedEdges.removeAll(keepingCapacity: true)
                for p in found where p.nodes.count > i + 1 && Array(p.nodes[0...i]) == root {
                    if let s = slot(p.nodes[i], p.nodes[i + 1]) { removedEdges.insert(Int(edgeSlots[s])) }
                }
                for v in root.dropLast() { removedNode[v] = true }
                let budget = maxHops - i
                if budget >= 1,
                    let spurPath = boundedShortestPath(
                        from: spur, to: target, hops: budget, cost: cost,
                        removedNode: removedNode, removedEdges: removedEdges)
                {
                    let total = root.dropLast() + spurPath
                    let nodes = Array(total)
                    if !seen.contains(nodes) {
                        seen.insert(nodes)
                        candidates.append(Candidate(nodes: nodes, cost: pathCost(nodes)))
                    }
                }
                for v in root.dropLast() { removedNode[v] = false }
            }
            guard !candidates.isEmpty else { break }
            var best = 0
            for j in 1..<candidates.count where precedes(candidates[j], candidates[best]) { best = j }
            found.append(candidates.remove(at: best))
        }
        found.sort(by: precedes)
        return found.map { c in
            var ties: [Edge] = []
            var strength = 1.0, discounted = 1.0
            for (a, b) in zip(c.nodes, c.nodes.dropFirst()) {
                if let e = edge(a, b) {
                    ties.append(e)
                    strength *= Self.normalisedStrength(e, o)
                    discounted *= Self.normalisedStrength(e, o) * Self.recency(e, asOf: asOf, o)
                }
            }
            return WarmPath(nodes: c.nodes, strength: discounted, tieStrength: strength, ties: ties)
        }
    }

    /// The cheapest path from `s` to `t` with at most `hops` edges, avoiding removed nodes and
    /// edges: Bellman–Ford by layers, relaxing only from nodes whose cost improved in the last
    /// layer. A tiny per-hop penalty makes equal-trust paths prefer fewer hops and keeps
    /// zero-cost cycles out of the reconstruction; equal costs keep the first found (frontier
    /// visited in id order), so results are deterministic.
    ///
    /// - Complexity: O(hops · Σ_{reached v} k(v)).
    func boundedShortestPath(
        from s: Int, to t: Int, hops: Int, cost: [Double], removedNode: [Bool], removedEdges: Set<Int>
    ) -> [Int]? {
        let hopPenalty = 1e-9
        let n = nodeCount
        // layerCost[h][v]: best cost of reaching v with exactly h edges (if it improved on
        // every earlier layer); layerParent[h][v]: the predecessor at layer h − 1.
        var best = [Double](repeating: .infinity, count: n)
        var layerCost: [[Double]] = [[Double](repeating: .infinity, count: n)]
        var layerParent: [[Int32]] = [[Int32](repeating: -1, count: n)]
        layerCost[0][s] = 0
        best[s] = 0
        var frontier = [s]
        for h in 1...Swift.max(1, hops) {
            var cost_h = [Double](repeating: .infinity, count: n)
            var parent_h = [Int32](repeating: -1, count: n)
            var next: [Int] = []
            let prev = layerCost[h - 1]
            frontier.sort(by: idPrecedes)
            for u in frontier where u != t {
                let cu = prev[u]
                for p in offsets[u]..<offsets[u + 1] {
                    let v = Int(neighborStorage[p])
                    if removedNode[v] || v == s { continue }
                    let k = Int(edgeSlots[p])
                    if !removedEdges.isEmpty && removedEdges.contains(k) { continue }
                    let c = cu + cost[k] + hopPenalty
                    if best[v] <= c || cost_h[v] <= c { continue }
                    if cost_h[v] == .infinity { next.append(v) }
                    cost_h[v] = c
                    parent_h[v] = Int32(u)
                }
            }
            if next.isEmpty { break }
            for v in next where cost_h[v] < best[v] { best[v] = cost_h[v] }
            layerCost.append(cost_h)
            layerParent.append(parent_h)
            frontier = next
        }
        // The best layer for t.
        var bestLayer = -1
        var bestCost = Double.infinity
        for h in 1..<layerCost.count where layerCost[h][t] < bestCost {
            bestCost = layerCost[h][t]
            bestLayer = h
        }
        guard bestLayer > 0 else { return nil }
        var path = [t]
        var v = t
        var h = bestLayer
        while h > 0 {
            let u = Int(layerParent[h][v])
            guard u >= 0 else { return nil }
            v = u
            path.append(v)
            h -= 1
        }
        guard v == s else { return nil }
        path.reverse()
        // A walk that revisits a node is never cheaper than the simple path inside it (costs
        // are positive), but guard anyway.
        return Set(path).count == path.count ? path : nil
    }
}

extension RelationshipGraph {
    /// The trust of the best path from `source` to every node with at most
    /// `maxIntermediaries` nodes between (the same edge weights as `warmPaths`): hop-bounded
    /// Bellman–Ford, one relaxation round per hop. 0 for nodes out of reach, 1 for the source.
    /// What the scoring engine's `relationship` dimension credits when there is no direct tie.
    ///
    /// - Complexity: O(H · m), H = maxIntermediaries + 1; O(n) memory.
    public func bestTrust(from source: Int, asOf: Day, options o: WarmPathOptions = WarmPathOptions())
        -> [Double]
    {
        guard source >= 0, source < nodeCount else { return [Double](repeating: 0, count: nodeCount) }
        let trust = edges.map { Self.normalisedStrength($0, o) * Self.recency($0, asOf: asOf, o) }
        return Self.boundedBestTrust(
            nodeCount: nodeCount, source: source, ends: edges.map { ($0.a, $0.b) }, trust: trust,
            hops: Swift.max(1, o.maxIntermediaries + 1))
    }

    /// Hop-bounded Bellman–Ford for the most trusted path (product of edge trusts ≤ 1): round
    /// r holds the best trust using at most r ties.
    ///
    /// - Complexity: O(hops · m).
    static func boundedBestTrust(nodeCount: Int, source: Int, ends: [(Int, Int)], trust: [Double], hops: Int)
        -> [Double]
    {
        var frontier = [Double](repeating: 0, count: nodeCount)
        frontier[source] = 1
        for _ in 0..<hops {
            var next = frontier
            var changed = false
            for (k, (a, b)) in ends.enumerated() {
                let t = trust[k]
                if frontier[a] * t > next[b] {
                    next[b] = frontier[a] * t
                    changed = true
                }
                if frontier[b] * t > next[a] {
                    next[a] = frontier[b] * t
                    changed = true
                }
            }
            frontier = next
            if !changed { break }
        }
        return frontier
    }

    /// The best warm-path trust from the library to every organization of a workspace,
    /// straight from its ties: the same values as `RelationshipGraph(workspace:).bestTrust`
    /// (the same implicit person–organization ties, duplicates merged the same way: strongest
    /// strength, latest contact), without building the graph's id index, ranks and rows — the
    /// scoring engine needs only this table, for a million organizations at a time.
    ///
    /// - Complexity: O(ties + people) lookups, then O(H · m).
    public static func bestTrustToOrganizations(
        workspace w: Workspace, asOf: Day, options o: WarmPathOptions = WarmPathOptions(),
        personOrganizationStrength: Double = RelationshipGraph.defaultPersonOrganizationStrength
    ) -> [Double] {
        let orgCount = w.organizations.count
        let n = 1 + orgCount + w.people.count
        func node(_ id: String) -> Int? {
            if id == w.library.id { return 0 }
            if let k = w.organizationIndex[id] { return 1 + k }
            if let k = w.personIndex[id] { return 1 + orgCount + k }
            return id == LibraryProfile.party ? 0 : nil
        }
        var slot: [Int: Int] = [:]
        var merged: [Edge] = []
        merged.reserveCapacity(w.ties.count + w.people.count)
        func add(_ e: Edge) {
            guard e.a != e.b else { return }
            let key = Swift.min(e.a, e.b) &* 0x1_0000_0000 &+ Swift.max(e.a, e.b)
            guard let k = slot[key] else {
                slot[key] = merged.count
                merged.append(e)
                return
            }
            var last = merged[k]
            let latest = [last.lastContact, e.lastContact].compactMap { $0 }.max()
            if e.strength > last.strength || (last.implicit && !e.implicit) {
                last.strength = e.strength
                last.implicit = e.implicit
            }
            last.lastContact = latest
            merged[k] = last
        }
        for (k, p) in w.people.enumerated() {
            guard let org = p.organization, let oi = w.organizationIndex[org] else { continue }
            add(
                Edge(
                    a: 1 + orgCount + k, b: 1 + oi, strength: personOrganizationStrength, kind: "member",
                    implicit: true))
        }
        for t in w.ties {
            guard let a = node(t.source), let b = node(t.target) else { continue }
            add(Edge(a: a, b: b, strength: t.strength, kind: t.kind, lastContact: t.lastContact))
        }
        let trust = merged.map { normalisedStrength($0, o) * recency($0, asOf: asOf, o) }
        let best = boundedBestTrust(
            nodeCount: n, source: 0, ends: merged.map { ($0.a, $0.b) }, trust: trust,
            hops: Swift.max(1, o.maxIntermediaries + 1))
        return Array(best[1..<(1 + orgCount)])
    }
}
