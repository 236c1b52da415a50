/// The relationship graph of a workspace: the library, organizations and people as nodes with
/// dense integer ids, undirected ties in compressed sparse row (CSR) form.
///
/// Each node's neighbours are one contiguous, ascending slice of `neighborStorage`, so that
/// membership is a binary search, intersections are merges, and two-hop sums run over a dense
/// scratch array (see `LinkPrediction.swift`). Memory is O(n + m).
///
/// Conventions:
/// - Self-ties are dropped (networkx's measures on the reference graphs have none).
/// - Duplicate ties between the same two nodes (in either direction) are merged into one:
///   the strongest strength, the latest last contact, and the kind and note of the strongest.
/// - A person is tied to their organization implicitly, with strength
///   `personOrganizationStrength` (default 3, "trusted": the people of an organization are the
///   way in) and kind `member`, unless `relationships.csv` states that tie itself.
public struct RelationshipGraph: Sendable {
    /// What a node stands for.
    public enum NodeKind: String, Sendable, Hashable {
        case library, organization, person, other
    }

    /// One undirected tie. `a < b` (node indices).
    public struct Edge: Sendable, Hashable {
        public var a: Int
        public var b: Int
        public var strength: Double
        public var kind: String
        public var lastContact: Day?
        public var note: String?
        /// True for the implicit person–organization tie.
        public var implicit: Bool

        public init(
            a: Int, b: Int, strength: Double = 1, kind: String = "knows", lastContact: Day? = nil,
            note: String? = nil, implicit: Bool = false
        ) {
            self.a = min(a, b)
            self.b = max(a, b)
            self.strength = strength
            self.kind = kind
            self.lastContact = lastContact
            self.note = note
            self.implicit = implicit
        }
    }

    /// The default strength of the implicit tie between a person and their organization.
    public static let defaultPersonOrganizationStrength = 3.0

    /// Node ids (library id, organization id, person id), index = node.
    public let ids: [String]
    public let kinds: [NodeKind]
    /// Merged, undirected edges, sorted by (a, b).
    public let edges: [Edge]
    /// CSR row offsets: node v's neighbours are `neighborStorage[offsets[v]..<offsets[v+1]]`.
    public let offsets: [Int]
    /// Neighbour node indices, ascending within each row.
    public let neighborStorage: [Int32]
    /// For each slot of `neighborStorage`, the index of its edge in `edges`.
    public let edgeSlots: [Int32]
    /// Rank of each tied node's id among the nodes with at least one tie, in ascending string
    /// order (then node index); -1 for a node without ties. Ranking only the tied nodes keeps
    /// the sort to the graph, not to every organization of a large list (1M organizations
    /// with a 100k-node graph: a 100k-string sort instead of 1M). Use `idPrecedes`.
    let tiedRank: [Int32]
    private let index: [String: Int]

    /// A graph from ids and edges. Edges naming a node out of range or a self-tie are ignored;
    /// duplicates are merged (strongest wins, latest contact kept).
    ///
    /// - Complexity: O(n + m log m).
    public init(ids: [String], kinds: [NodeKind]? = nil, edges rawEdges: [Edge]) {
        let n = ids.count
        self.ids = ids
        self.kinds = kinds ?? Array(repeating: .other, count: n)
        var index: [String: Int] = [:]
        index.reserveCapacity(n)
        for (i, id) in ids.enumerated() where index[id] == nil { index[id] = i }
        self.index = index

        var sorted = rawEdges.filter { $0.a != $0.b && $0.a >= 0 && $0.b < n }
        sorted.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        var merged: [Edge] = []
        merged.reserveCapacity(sorted.count)
        for e in sorted {
            if var last = merged.last, last.a == e.a, last.b == e.b {
                let latest = [last.lastContact, e.lastContact].compactMap { $0 }.max()
                if e.strength > last.strength || (last.implicit && !e.implicit) {
                    last.strength = e.strength
                    last.kind = e.kind
                    last.note = e.note
                    last.implicit = e.implicit
                }
                last.lastContact = latest
                merged[merged.count - 1] = last
            } else {
                merged.append(e)
            }
        }
        self.edges = merged

        var degree = [Int](repeating: 0, count: n + 1)
        for e in merged {
            degree[e.a] += 1
            degree[e.b] += 1
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { offsets[v + 1] = offsets[v] + degree[v] }
        // Edges are sorted by (a, b). Pass 1 puts each `a` into row `b`: the neighbours smaller
        // than b, arriving in ascending order. Pass 2 puts each `b` into row `a`: the larger
        // ones, ascending too. So every row comes out sorted without a sort.
        var fill = offsets
        var nbr = [Int32](repeating: 0, count: offsets[n])
        var slot = [Int32](repeating: 0, count: offsets[n])
        for (k, e) in merged.enumerated() {
            nbr[fill[e.b]] = Int32(e.a)
            slot[fill[e.b]] = Int32(k)
            fill[e.b] += 1
        }
        for (k, e) in merged.enumerated() {
            nbr[fill[e.a]] = Int32(e.b)
            slot[fill[e.a]] = Int32(k)
            fill[e.a] += 1
        }
        self.offsets = offsets
        self.neighborStorage = nbr
        self.edgeSlots = slot

        var tied = (0..<n).filter { offsets[$0 + 1] > offsets[$0] }
        tied.sort { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) }
        var rank = [Int32](repeating: -1, count: n)
        for (r, v) in tied.enumerated() { rank[v] = Int32(r) }
        self.tiedRank = rank
    }

    /// Whether `u`'s id sorts before `v`'s (ascending string order, then node index): the
    /// order of every deterministic tie-break. Two tied nodes compare by their precomputed
    /// rank; a node without ties by its id.
    ///
    /// - Complexity: O(1) for two tied nodes, else one string comparison.
    @inline(__always) public func idPrecedes(_ u: Int, _ v: Int) -> Bool {
        let ru = tiedRank[u], rv = tiedRank[v]
        if ru >= 0 && rv >= 0 { return ru < rv }
        let a = ids[u], b = ids[v]
        return a < b || (a == b && u < v)
    }

    /// Rank of each node's id in ascending string order (then node index), for callers that
    /// need every node's: computed on each call. - Complexity: O(n log n) string comparisons.
    public func idRanks() -> [Int32] {
        let order = (0..<nodeCount).sorted(by: idPrecedes)
        var rank = [Int32](repeating: 0, count: nodeCount)
        for (r, v) in order.enumerated() { rank[v] = Int32(r) }
        return rank
    }

    /// A plain graph for tests and benchmarks: nodes `"0"`…`"n-1"`, edges as (a, b, weight).
    public init(nodeCount: Int, edges: [(Int, Int, Double)]) {
        self.init(
            ids: (0..<nodeCount).map(String.init),
            edges: edges.map { Edge(a: $0.0, b: $0.1, strength: $0.2) })
    }

    /// A plain graph with named nodes, edges as (a, b, weight) by index.
    public init(ids: [String], weightedEdges: [(Int, Int, Double)]) {
        self.init(ids: ids, edges: weightedEdges.map { Edge(a: $0.0, b: $0.1, strength: $0.2) })
    }

    /// The graph of a workspace: the library, every organization, every person; the ties of
    /// `relationships.csv` plus each person's implicit tie to their organization. Ties naming
    /// an unknown id are skipped (`check` reports them).
    ///
    /// With `mergePeople`, each person who belongs to a known organization is folded into that
    /// organization (their ties become the organization's): the organization-level view that
    /// introductions reason about.
    ///
    /// - Complexity: O(n + m log m).
    public init(
        workspace w: Workspace,
        personOrganizationStrength: Double = RelationshipGraph.defaultPersonOrganizationStrength,
        mergePeople: Bool = false
    ) {
        var ids: [String] = [w.library.id]
        var kinds: [NodeKind] = [.library]
        var index: [String: Int] = [:]
        index[w.library.id] = 0
        for o in w.organizations where index[o.id] == nil {
            index[o.id] = ids.count
            ids.append(o.id)
            kinds.append(.organization)
        }
        var edges: [Edge] = []
        for p in w.people where index[p.id] == nil {
            if mergePeople, let org = p.organization, let oi = index[org], kinds[oi] == .organization {
                index[p.id] = oi
                continue
            }
            index[p.id] = ids.count
            ids.append(p.id)
            kinds.append(.person)
        }
        // `library` names the library in relationships.csv too, unless it is someone's id.
        if index[LibraryProfile.party] == nil { index[LibraryProfile.party] = 0 }
        if !mergePeople {
            for p in w.people {
                guard let org = p.organization, let oi = index[org], kinds[oi] == .organization,
                    let pi = index[p.id], pi != oi
                else { continue }
                edges.append(
                    Edge(a: pi, b: oi, strength: personOrganizationStrength, kind: "member", implicit: true))
            }
        }
        for t in w.ties {
            guard let a = index[t.source], let b = index[t.target], a != b else { continue }
            edges.append(
                Edge(a: a, b: b, strength: t.strength, kind: t.kind, lastContact: t.lastContact, note: t.note)
            )
        }
        self.init(ids: ids, kinds: kinds, edges: edges)
    }

    public var nodeCount: Int { ids.count }
    public var edgeCount: Int { edges.count }

    /// The node of an id, or nil.
    public func node(_ id: String) -> Int? { index[id] }

    /// - Complexity: O(1).
    @inline(__always) public func degree(_ v: Int) -> Int { offsets[v + 1] - offsets[v] }

    /// The neighbours of `v`, ascending. - Complexity: O(1).
    @inline(__always) public func neighbors(_ v: Int) -> ArraySlice<Int32> {
        neighborStorage[offsets[v]..<offsets[v + 1]]
    }

    /// The edge between `u` and `v`, if any. - Complexity: O(log deg(u)).
    public func edge(_ u: Int, _ v: Int) -> Edge? {
        slot(u, v).map { edges[Int(edgeSlots[$0])] }
    }

    /// Whether `u` and `v` are tied. - Complexity: O(log deg(u)).
    public func areTied(_ u: Int, _ v: Int) -> Bool { slot(u, v) != nil }

    /// The strength of the tie `u`–`v`, or 0.
    public func strength(_ u: Int, _ v: Int) -> Double { edge(u, v)?.strength ?? 0 }

    /// The storage slot of `v` in `u`'s row (binary search).
    func slot(_ u: Int, _ v: Int) -> Int? {
        var lo = offsets[u], hi = offsets[u + 1]
        let t = Int32(v)
        while lo < hi {
            let mid = (lo + hi) >> 1
            let x = neighborStorage[mid]
            if x == t { return mid }
            if x < t { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Weight of the slot `p` of the CSR storage.
    @inline(__always) func weight(slot p: Int) -> Double { edges[Int(edgeSlots[p])].strength }

    /// Connected components: a component label per node and the number of components.
    ///
    /// - Complexity: O(n + m).
    public func components() -> (label: [Int], count: Int) {
        let n = nodeCount
        var label = [Int](repeating: -1, count: n)
        var count = 0
        var stack: [Int] = []
        for s in 0..<n where label[s] < 0 {
            label[s] = count
            stack.append(s)
            while let v = stack.popLast() {
                for w in neighbors(v) where label[Int(w)] < 0 {
                    label[Int(w)] = count
                    stack.append(Int(w))
                }
            }
            count += 1
        }
        return (label, count)
    }
}
