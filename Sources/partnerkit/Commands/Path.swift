import Foundation
import PartnerKit

extension Commands {
    static let path = Command(
        name: "path",
        summary: "The most trusted chains of people and organizations to reach TARGET",
        usage:
            "partnerkit path TARGET [--from ID] [--paths K] [--max-intermediaries N] [--format text|json|markdown]",
        discussion: """
            Finds the K most trusted simple paths from the library (or --from) to TARGET, an
            organization or person id: Yen's algorithm on the ties' normalised strengths
            (strength ÷ 4), each discounted when the tie has not been touched in over a year
            (halving per further year, at least 0.25; 0.75 when no date is recorded). A path's
            strength is the product of those, in (0, 1], strongest first; `tie_strength` in
            the JSON is the product without the recency discount. A person is tied to their
            organization implicitly (strength 3). People are shown by name and role, never by
            email or phone. An unreachable target prints a message and no paths (exit 0).
            """,
        options: [
            .value("--from", "ID", "start from this node (default: the library)"),
            .value("--paths", "K", "how many alternative paths (default 3)"),
            .value(
                "--max-intermediaries", "N", "at most N people/organizations between the ends (default 3)"),
        ],
        positionals: 1...1,
        run: { inv in
            let paths = try inv.args.int("--paths", range: 1...50) ?? 3
            let cap = try inv.args.int("--max-intermediaries", range: 0...20) ?? 3
            guard let w = inv.loadWorkspace() else { return Exit.inputError }
            let g = RelationshipGraph(workspace: w)
            let targetID = inv.args.positionals[0]
            let fromID = inv.args.value("--from") ?? w.library.id
            guard let target = g.node(targetID) else {
                inv.console.err(
                    "partnerkit: error: no organization or person with id '\(targetID)' in \(w.directory)\(suggestion(targetID, g))\n"
                )
                return Exit.inputError
            }
            guard let from = g.node(fromID) else {
                inv.console.err(
                    "partnerkit: error: --from: no node with id '\(fromID)' in \(w.directory)\(suggestion(fromID, g))\n"
                )
                return Exit.inputError
            }
            let found = g.warmPaths(
                from: from, to: target, asOf: inv.asOf,
                options: WarmPathOptions(paths: paths, maxIntermediaries: cap))
            func step(_ v: Int) -> (id: String, name: String, detail: String?) {
                let id = g.ids[v]
                if let p = w.person(id), g.kinds[v] == .person {
                    let org = p.organization.map { w.displayName($0) }
                    let detail = [p.role, org].compactMap { $0 }.joined(separator: ", ")
                    return (id, p.name, detail.isEmpty ? nil : detail)
                }
                return (id, w.displayName(id), nil)
            }
            switch inv.format {
            case "json":
                let list: [JSONOutput] = found.map { p in
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
                                    if let p = w.person(s.id), g.kinds[v] == .person {
                                        m.append(("role", .optional(p.role)))
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
                inv.emit(
                    JSONOutput.object([
                        ("from", .string(g.ids[from])), ("target", .string(targetID)),
                        ("paths", .array(list)),
                    ]).serialized())
            default:
                let md = inv.format == "markdown"
                var s =
                    md
                    ? "# Warm paths to \(w.displayName(targetID))\n\n"
                    : "Warm paths from \(w.displayName(g.ids[from])) to \(w.displayName(targetID))\n\n"
                if found.isEmpty {
                    s +=
                        "No path within \(cap) intermediar\(cap == 1 ? "y" : "ies"): nobody you know is connected to \(w.displayName(targetID)) yet. Try --max-intermediaries \(cap + 2), or record more ties in relationships.csv.\n"
                }
                for (i, p) in found.enumerated() {
                    let chain = p.nodes.map { v -> String in
                        let st = step(v)
                        return st.detail.map { "\(st.name) (\($0))" } ?? st.name
                    }
                    let ties = p.ties.map { "\($0.kind) \(Introductions.strengthText($0.strength))" }.joined(
                        separator: ", ")
                    let strength = String(format: "%.3f", p.strength)
                    if md {
                        s += "\(i + 1). \(chain.joined(separator: " → ")) — strength \(strength) (\(ties))\n"
                    } else {
                        s +=
                            "\(i + 1). strength \(strength)  \(chain.joined(separator: " → "))\n   ties: \(ties)\n"
                    }
                }
                inv.emit(s)
            }
            return Exit.success
        })

    /// " (did you mean 'x'?)" for a near id, or "".
    static func suggestion(_ id: String, _ g: RelationshipGraph) -> String {
        var best: (Int, String)?
        for cand in g.ids {
            let d = editDistance(id, cand, limit: 3)
            if d <= 3, best == nil || d < best?.0 ?? .max { best = (d, cand) }
        }
        return best.map { " (did you mean '\($0.1)'?)" } ?? ""
    }
}
