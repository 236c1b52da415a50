/// The relationship graph at a glance: size, density, components, how much the library
/// bridges (Burt 1992: low constraint, high effective size = "being the table"), the top
/// brokers, isolated organizations, and strong ties gone quiet.
public struct NetworkSummary: Sendable {
    public struct Broker: Sendable, Hashable {
        public var id: String
        public var degree: Int
        public var constraint: Double?
        public var effectiveSize: Double?
    }

    /// A strong tie not touched for a long time: a nudge.
    public struct StaleTie: Sendable, Hashable {
        public var source: String
        public var target: String
        public var strength: Double
        public var kind: String
        public var lastContact: Day
        public var daysSince: Int
    }

    public var nodes: Int
    public var organizations: Int
    public var people: Int
    /// Every tie of the graph: `recordedTies` plus `implicitTies`.
    public var ties: Int
    /// Ties from relationships.csv (duplicates merged into one).
    public var recordedTies: Int
    /// The ties added between each person and their organization (CONTRACT: "a person is tied
    /// to their organization implicitly"), not already recorded.
    public var implicitTies: Int
    /// Rows of relationships.csv, as `check` counts them.
    public var relationshipRows: Int
    /// 2m / (n(n − 1)), 0 for fewer than two nodes.
    public var density: Double
    public var components: Int
    public var largestComponent: Int
    /// The library's own position.
    public var library: Broker
    /// Highest effective size first (the library excluded), at most `topBrokers`.
    public var brokers: [Broker]
    /// Organizations with no tie at all (not even through their people).
    public var isolatedOrganizations: [String]
    /// Organizations the library cannot reach by any chain.
    public var unreachableOrganizations: [String]
    /// Strength ≥ `strongStrength` and last contact more than `staleDays` before as-of, oldest first.
    public var staleTies: [StaleTie]
    public var staleDays: Int
}

extension NetworkSummary {
    /// Summarises a workspace's graph as of `asOf`.
    ///
    /// - Complexity: O(Σ k(v)²) for the brokerage measures, O(n + m) for the rest.
    public init(
        workspace w: Workspace, asOf: Day, staleDays: Int = 180, strongStrength: Double = 3,
        topBrokers: Int = 5,
        weighted: Bool = false
    ) {
        let g = RelationshipGraph(workspace: w)
        let n = g.nodeCount
        let b = g.brokerage(weighted: weighted)
        let (label, count) = g.components()
        var sizes = [Int](repeating: 0, count: count)
        for l in label { sizes[l] += 1 }
        nodes = n
        organizations = g.kinds.filter { $0 == .organization }.count
        people = g.kinds.filter { $0 == .person }.count
        ties = g.edgeCount
        implicitTies = g.edges.count { $0.implicit }
        recordedTies = g.edgeCount - implicitTies
        relationshipRows = w.ties.count
        density = n < 2 ? 0 : 2 * Double(g.edgeCount) / (Double(n) * Double(n - 1))
        components = count
        largestComponent = sizes.max() ?? 0
        func broker(_ v: Int) -> Broker {
            Broker(
                id: g.ids[v], degree: b[v].degree, constraint: b[v].constraint,
                effectiveSize: b[v].effectiveSize)
        }
        library = broker(0)
        var ranked = (1..<max(1, n)).filter { b[$0].effectiveSize != nil }
        ranked.sort {
            let x = b[$0].effectiveSize ?? 0, y = b[$1].effectiveSize ?? 0
            return x != y ? x > y : g.idPrecedes($0, $1)
        }
        brokers = ranked.prefix(topBrokers).map(broker)
        let orgs = (0..<n).filter { g.kinds[$0] == .organization }
        isolatedOrganizations = orgs.filter { g.degree($0) == 0 }.map { g.ids[$0] }.sorted()
        unreachableOrganizations = orgs.filter { label[$0] != label[0] }.map { g.ids[$0] }.sorted()
        self.staleDays = staleDays
        staleTies = g.staleTies(
            asOf: asOf, days: staleDays, strongStrength: strongStrength, logged: w.loggedContacts())
    }
}

extension RelationshipGraph {
    /// Strong ties gone quiet: strength ≥ `strongStrength` and last contact more than `days`
    /// before `asOf`, oldest first; implicit person–organization ties and ties with no date are
    /// not counted (there is nothing to be late on). Duplicate ties count once (merged). The
    /// one definition behind `network`'s nudge list and the review's quiet ties.
    ///
    /// `logged` holds contact recorded elsewhere (`Workspace.loggedContacts`: a partnership's
    /// communication log): a tie's last contact is the later of its `last_contact` and that, so
    /// a partner the review says was contacted in May is not listed as quiet since April.
    ///
    /// - Complexity: O(m log m).
    public func staleTies(
        asOf: Day, days: Int, strongStrength: Double = 3, logged: [TiePair: Day] = [:]
    ) -> [NetworkSummary.StaleTie] {
        var stale: [NetworkSummary.StaleTie] = []
        for e in edges where !e.implicit && e.strength >= strongStrength {
            let elsewhere = logged.isEmpty ? nil : logged[TiePair(ids[e.a], ids[e.b])]
            guard let last = [e.lastContact, elsewhere].compactMap({ $0 }).max(), asOf - last > days
            else { continue }
            stale.append(
                .init(
                    source: ids[e.a], target: ids[e.b], strength: e.strength, kind: e.kind,
                    lastContact: last, daysSince: asOf - last))
        }
        stale.sort { ($0.lastContact, $0.source, $0.target) < ($1.lastContact, $1.source, $1.target) }
        return stale
    }
}

/// Two parties of a tie, in either order.
public struct TiePair: Hashable, Sendable {
    public let first: String
    public let second: String
    public init(_ a: String, _ b: String) {
        (first, second) = a <= b ? (a, b) : (b, a)
    }
}

extension Workspace {
    /// The latest contact logged (`communication.log`) in a partnership between the library
    /// and one partner, by pair: contact recorded there is contact on their tie. A log of a
    /// partnership with several partners does not say which of them was in touch, so it moves
    /// no tie (a quiet member of a lively partnership is worth knowing about).
    ///
    /// - Complexity: O(total log entries).
    public func loggedContacts() -> [TiePair: Day] {
        var out: [TiePair: Day] = [:]
        for p in partnerships where p.partners.count == 1 {
            guard let last = p.communication?.log.max() else { continue }
            let key = TiePair(library.id, p.partners[0])
            if out[key].map({ $0 < last }) ?? true { out[key] = last }
        }
        return out
    }
}
