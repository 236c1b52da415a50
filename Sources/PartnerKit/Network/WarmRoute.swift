/// Warm paths with every step named, as data: what `vet` keeps of the graph search so that
/// Render can show the paths without the graph (scoring never stores rendered output).
public struct WarmRoutes: Sendable, Equatable {
    /// The id the paths start from (the library) and the id they reach.
    public var from: String
    public var target: String
    /// Most trusted first.
    public var routes: [WarmRoute]

    public init(from: String, target: String, routes: [WarmRoute]) {
        self.from = from
        self.target = target
        self.routes = routes
    }
}

/// One warm path: its strength, the people and organizations it goes through, and its ties.
public struct WarmRoute: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var id: String
        public var name: String
        /// The node's kind (`RelationshipGraph.NodeKind` raw value: library, organization, person).
        public var kind: String
        /// For a person: their role (nil when not recorded); nil for an organization.
        public var role: String?
        public var isPerson: Bool
        /// For a person: "role, organization" as a reader knows them; nil otherwise.
        public var detail: String?
    }

    public struct Tie: Sendable, Equatable {
        public var kind: String
        public var strength: Double
        public var lastContact: Day?
    }

    public var strength: Double
    public var tieStrength: Double
    public var steps: [Step]
    public var ties: [Tie]

    /// "Library → Ana Ruiz (Outreach lead, Harbor CU) → Harbor CU".
    public var chain: String {
        steps.map { s in s.detail.map { "\(s.name) (\($0))" } ?? s.name }.joined(separator: " → ")
    }
}

extension WarmRoute {
    /// Names the steps of `path` from the workspace: people by name and role (and their
    /// organization), never by email or phone.
    public init(_ path: WarmPath, graph g: RelationshipGraph, workspace w: Workspace) {
        strength = path.strength
        tieStrength = path.tieStrength
        steps = path.nodes.map { v in
            let id = g.ids[v]
            if let p = w.person(id), g.kinds[v] == .person {
                let org = p.organization.map { w.displayName($0) }
                let detail = [p.role, org].compactMap { $0 }.joined(separator: ", ")
                return Step(
                    id: id, name: p.name, kind: g.kinds[v].rawValue, role: p.role, isPerson: true,
                    detail: detail.isEmpty ? nil : detail)
            }
            return Step(
                id: id, name: w.displayName(id), kind: g.kinds[v].rawValue, role: nil, isPerson: false,
                detail: nil)
        }
        ties = path.ties.map { Tie(kind: $0.kind, strength: $0.strength, lastContact: $0.lastContact) }
    }
}
