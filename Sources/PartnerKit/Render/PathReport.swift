import Foundation

/// Warm paths as JSON (the contract's `path` object), text and Markdown. People are shown by
/// name and role (and their organization), never by email or phone.
public struct PathReport: Sendable {
    public var workspace: Workspace
    public var graph: RelationshipGraph
    public var from: Int
    public var targetID: String
    public var paths: [WarmPath]
    public var maxIntermediaries: Int

    public init(
        workspace: Workspace, graph: RelationshipGraph, from: Int, targetID: String, paths: [WarmPath],
        maxIntermediaries: Int
    ) {
        self.workspace = workspace
        self.graph = graph
        self.from = from
        self.targetID = targetID
        self.paths = paths
        self.maxIntermediaries = maxIntermediaries
    }

    /// A node as a reader knows it: name, and for a person their role and organization.
    func step(_ v: Int) -> (id: String, name: String, detail: String?) {
        let w = workspace, g = graph
        let id = g.ids[v]
        if let p = w.person(id), g.kinds[v] == .person {
            let org = p.organization.map { w.displayName($0) }
            let detail = [p.role, org].compactMap { $0 }.joined(separator: ", ")
            return (id, p.name, detail.isEmpty ? nil : detail)
        }
        return (id, w.displayName(id), nil)
    }

    /// `{ "from", "target", "paths": [ { "nodes", "strength", … } ] }`.
    public var json: JSONOutput {
        let g = graph, w = workspace
        let list: [JSONOutput] = paths.map { p in
            .object([
                ("nodes", .strings(p.nodes.map { g.ids[$0] })),
                ("strength", .number(p.strength)),
                ("tie_strength", .number(p.tieStrength)),
                (
                    "steps",
                    .array(
                        p.nodes.map { v in
                            let s = step(v)
                            var m: [(String, JSONOutput)] = [
                                ("id", .string(s.id)), ("name", .string(s.name)),
                                ("type", .string(g.kinds[v].rawValue)),
                            ]
                            if let person = w.person(s.id), g.kinds[v] == .person {
                                m.append(("role", .optional(person.role)))
                            }
                            return .object(m)
                        })
                ),
                (
                    "ties",
                    .array(
                        p.ties.map { e in
                            .object([
                                ("kind", .string(e.kind)), ("strength", .number(e.strength)),
                                ("last_contact", .optional(e.lastContact?.description)),
                            ])
                        })
                ),
            ])
        }
        return .object([
            ("from", .string(g.ids[from])), ("target", .string(targetID)), ("paths", .array(list)),
        ])
    }

    /// One line per path: "Library → Ana Ruiz (Outreach lead, Harbor CU) → Harbor CU".
    public func chain(_ p: WarmPath) -> String {
        p.nodes.map { v -> String in
            let st = step(v)
            return st.detail.map { "\(st.name) (\($0))" } ?? st.name
        }.joined(separator: " → ")
    }

    var emptyMessage: String {
        let cap = maxIntermediaries
        return
            "No path within \(cap) intermediar\(cap == 1 ? "y" : "ies"): nobody you know is connected to \(workspace.displayName(targetID)) yet. Try --max-intermediaries \(cap + 2), or record more ties in relationships.csv.\n"
    }

    public var text: String { render(markdown: false) }
    public var markdown: String { render(markdown: true) }

    func render(markdown md: Bool) -> String {
        let w = workspace
        var s =
            md
            ? "# Warm paths to \(w.displayName(targetID))\n\n"
            : "Warm paths from \(w.displayName(graph.ids[from])) to \(w.displayName(targetID))\n\n"
        if paths.isEmpty { s += emptyMessage }
        for (i, p) in paths.enumerated() {
            let ties = p.ties.map { "\($0.kind) \(formatNumber($0.strength)) of 4" }.joined(
                separator: ", ")
            let strength = String(format: "%.2f", p.strength) + " of 1"
            if md {
                s += "\(i + 1). \(chain(p)) — strength \(strength) (\(ties))\n"
            } else {
                s += "\(i + 1). strength \(strength)  \(chain(p))\n   ties: \(ties)\n"
            }
        }
        return s
    }
}
