/// The pairs of `network links`, by id: what the engine found, ready for any renderer.
public struct PredictedLinks: Sendable, Hashable {
    /// One unconnected pair; `a < b` by id.
    public struct Pair: Sendable, Hashable {
        public var a: String
        public var b: String
        public var value: Double
    }

    public var measure: LinkMeasure
    /// How many were asked for.
    public var top: Int
    /// Value descending, then a, then b ascending (as `RelationshipGraph.links` orders them).
    public var pairs: [Pair]

    /// The `top` best unconnected pairs of the workspace's graph by `measure` (unweighted, as
    /// networkx computes it).
    public init(workspace: Workspace, measure: LinkMeasure, top: Int) {
        let g = RelationshipGraph(workspace: workspace)
        self.measure = measure
        self.top = top
        self.pairs = g.links(measure, top: top).map { Pair(a: g.ids[$0.a], b: g.ids[$0.b], value: $0.value) }
    }
}

/// Every node's brokerage for `network measures`, by id, in id order.
public struct NodeMeasures: Sendable, Hashable {
    public struct Node: Sendable, Hashable {
        public var id: String
        public var brokerage: Brokerage
    }

    public var weighted: Bool
    /// Ascending by id.
    public var nodes: [Node]

    /// Burt's constraint and effective size of every node (Burt 1992, as networkx computes them).
    public init(workspace: Workspace, weighted: Bool) {
        let g = RelationshipGraph(workspace: workspace)
        let b = g.brokerage(weighted: weighted)
        self.weighted = weighted
        self.nodes = (0..<g.nodeCount).sorted { g.ids[$0] < g.ids[$1] }.map {
            Node(id: g.ids[$0], brokerage: b[$0])
        }
    }
}
