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

    /// The paths with their steps named (the data `vet` keeps too).
    public var routes: WarmRoutes {
        WarmRoutes(
            from: graph.ids[from], target: targetID,
            routes: paths.map { WarmRoute($0, graph: graph, workspace: workspace) })
    }

    /// `{ "from", "target", "paths": [ { "nodes", "strength", … } ] }`.
    public var json: JSONOutput { routes.json }

    /// One line per path: "Library → Ana Ruiz (Outreach lead, Harbor CU) → Harbor CU".
    public func chain(_ p: WarmPath) -> String { WarmRoute(p, graph: graph, workspace: workspace).chain }

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

extension WarmRoutes {
    /// The contract's `path` object: `{ "from", "target", "paths": [ { "nodes", "strength",
    /// "tie_strength", "steps", "ties" } ] }`. People by name and role, never contact details.
    public var json: JSONOutput {
        let list: [JSONOutput] = routes.map { r in
            .object([
                ("nodes", .strings(r.steps.map(\.id))),
                ("strength", .number(r.strength)),
                ("tie_strength", .number(r.tieStrength)),
                (
                    "steps",
                    .array(
                        r.steps.map { s in
                            var m: [(String, JSONOutput)] = [
                                ("id", .string(s.id)), ("name", .string(s.name)), ("type", .string(s.kind)),
                            ]
                            if s.isPerson { m.append(("role", .optional(s.role))) }
                            return .object(m)
                        })
                ),
                (
                    "ties",
                    .array(
                        r.ties.map { e in
                            .object([
                                ("kind", .string(e.kind)), ("strength", .number(e.strength)),
                                ("last_contact", .optional(e.lastContact?.description)),
                            ])
                        })
                ),
            ])
        }
        return .object([("from", .string(from)), ("target", .string(target)), ("paths", .array(list))])
    }

    /// The paths in words, best first, each with its ties' strengths in the scale's words
    /// ("Library → Ana Ruiz (…) → Org (ties: close partner, trusted)", "Library → Org (direct:
    /// trusted)").
    public var lines: [String] {
        routes.map { r in
            let words = r.ties.map { RelationshipsSchema.strengthWord($0.strength) }
            return "\(r.chain) (\(words.count == 1 ? "direct" : "ties"): \(words.joined(separator: ", ")))"
        }
    }

    /// The paths with the path strength's number (`vet --explain`): "strength 0.42 of 1: Library
    /// → Ana Ruiz (…) → Org": the ties' strengths out of 4 multiplied, each discounted when
    /// untouched for more than a year (`WarmPathOptions`).
    public var explainedLines: [String] {
        routes.map { "strength \(formatNumber($0.strength, maxFractionDigits: 2)) of 1: \($0.chain)" }
    }
}
