import Foundation

/// `partnerkit network`'s three read-only outputs (the summary, `links`, `measures`) in every
/// format. The engines (`NetworkSummary`, `PredictedLinks`, `NodeMeasures`) compute; this only
/// formats, with the workspace for display names.
public enum NetworkReport {
    /// A number with `digits` decimals, or `—` when there is none (an isolated node).
    static func fixed(_ d: Double?, _ digits: Int = 4) -> String {
        guard let d else { return "—" }
        return String(format: "%.\(digits)f", d)
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// A link measure in a librarian's words.
    public static func plainWords(_ m: LinkMeasure) -> String {
        switch m {
        case .commonNeighbors: "contacts in common"
        case .jaccard: "the share of their contacts they have in common"
        case .adamicAdar: "contacts in common, a contact with few ties counting more"
        case .resourceAllocation: "contacts in common, weighted by how few ties each contact has"
        case .preferentialAttachment: "how well connected both are (their numbers of ties multiplied)"
        }
    }

    // MARK: links

    /// `network links --format json`: the contract's `measure` and `links[]` with `a`, `b`, `value`.
    public static func json(_ l: PredictedLinks) -> JSONOutput {
        .object([
            ("measure", .string(l.measure.rawValue)),
            (
                "links",
                .array(
                    l.pairs.map {
                        .object([("a", .string($0.a)), ("b", .string($0.b)), ("value", .number($0.value))])
                    })
            ),
        ])
    }

    /// `network links --format csv`: `a,b,value`, cells neutralised for spreadsheets.
    public static func csv(_ l: PredictedLinks) -> String {
        var s = "a,b,value\n"
        for p in l.pairs {
            s +=
                "\(Escape.csvCell(p.a)),\(Escape.csvCell(p.b)),\(JSONOutput.number(p.value).serialized(pretty: false))\n"
        }
        return s
    }

    /// `network links` as text or Markdown; `explain` names the measure and shows 4 decimals.
    public static func text(_ l: PredictedLinks, workspace w: Workspace, explain: Bool, markdown: Bool)
        -> String
    {
        let column = explain ? l.measure.rawValue : "score"
        var t = TextTable(["a", "b", column], alignments: [.left, .left, .right])
        for p in l.pairs {
            t.add([w.displayName(p.a), w.displayName(p.b), fixed(p.value, explain ? 4 : 2)])
        }
        let what =
            "\(plainWords(l.measure))\(explain ? " (\(l.measure.rawValue), as networkx computes it)" : "")"
        if markdown {
            var s = "# Pairs not yet tied, by \(what)\n\n| a | b | \(column) |\n| --- | --- | ---: |\n"
            for r in t.rows { s += "| \(r.map(Escape.markdown).joined(separator: " | ")) |\n" }
            return s
        }
        return
            "Pairs not yet tied who could be introduced, by \(what) (top \(l.top); higher is a likelier fit)\n\n"
            + t.render()
    }

    // MARK: measures

    /// `network measures --format json`: `weighted` and `nodes[]` with the contract's keys.
    public static func json(_ m: NodeMeasures) -> JSONOutput {
        .object([
            ("weighted", .bool(m.weighted)),
            (
                "nodes",
                .array(
                    m.nodes.map { n in
                        .object([
                            ("id", .string(n.id)), ("degree", .int(n.brokerage.degree)),
                            ("constraint", .optional(n.brokerage.constraint)),
                            ("effective_size", .optional(n.brokerage.effectiveSize)),
                            ("effective_size_burt", .optional(n.brokerage.effectiveSizeBurt)),
                        ])
                    })
            ),
        ])
    }

    /// `network measures --format csv`: `id,degree,constraint,effective_size` (empty for none).
    public static func csv(_ m: NodeMeasures) -> String {
        var s = "id,degree,constraint,effective_size\n"
        for n in m.nodes {
            let b = n.brokerage
            s +=
                "\(Escape.csvCell(n.id)),\(b.degree),\(b.constraint.map { String($0) } ?? ""),\(b.effectiveSize.map { String($0) } ?? "")\n"
        }
        return s
    }

    /// `network measures` as text or Markdown; `explain` uses Burt's names for the columns.
    public static func text(_ m: NodeMeasures, workspace w: Workspace, explain: Bool, markdown: Bool)
        -> String
    {
        let weighted = m.weighted
        var t = TextTable(
            explain
                ? ["id", "name", "degree", "constraint", "effective size"]
                : ["id", "name", "ties", "reliance on few contacts", "independent contacts"],
            alignments: [.left, .left, .right, .right, .right])
        for n in m.nodes {
            t.add([
                n.id, w.displayName(n.id), String(n.brokerage.degree), fixed(n.brokerage.constraint),
                fixed(n.brokerage.effectiveSize),
            ])
        }
        if markdown {
            var s =
                "# Who bridges separate groups\(weighted ? ", weighted by strength" : "")\n\n| \(t.headers.map(Escape.markdown).joined(separator: " | ")) |\n| --- | --- | ---: | ---: | ---: |\n"
            for r in t.rows { s += "| \(r.map(Escape.markdown).joined(separator: " | ")) |\n" }
            return s
        }
        return
            (explain
            ? "Brokerage (Burt's constraint and effective size\(weighted ? ", weighted by strength" : ""))\n\n"
            : "Who bridges separate groups\(weighted ? " (ties weighted by strength)" : ""): independent contacts are contacts not tied to each other; reliance on few contacts runs from 0 (many separate circles) to about 1 (everything through one circle)\n\n")
            + t.render()
    }

    // MARK: summary

    /// `network --format json`: the summary's counts, the library's and the brokers' positions,
    /// isolated and unreachable organizations, and the stale strong ties.
    public static func json(_ s: NetworkSummary, workspace w: Workspace, asOf: Day) -> JSONOutput {
        func broker(_ b: NetworkSummary.Broker) -> JSONOutput {
            .object([
                ("id", .string(b.id)), ("name", .string(w.displayName(b.id))), ("degree", .int(b.degree)),
                ("constraint", .optional(b.constraint)), ("effective_size", .optional(b.effectiveSize)),
            ])
        }
        return .object([
            ("as_of", .string(asOf.description)),
            ("nodes", .int(s.nodes)), ("organizations", .int(s.organizations)),
            ("people", .int(s.people)),
            ("ties", .int(s.ties)), ("density", .number(s.density)),
            ("components", .int(s.components)),
            ("largest_component", .int(s.largestComponent)),
            ("library", broker(s.library)),
            ("brokers", .array(s.brokers.map(broker))),
            ("isolated_organizations", .strings(s.isolatedOrganizations)),
            ("unreachable_organizations", .strings(s.unreachableOrganizations)),
            ("stale_days", .int(s.staleDays)),
            (
                "stale_ties",
                .array(
                    s.staleTies.map { t in
                        .object([
                            ("source", .string(t.source)), ("target", .string(t.target)),
                            ("kind", .string(t.kind)),
                            ("strength", .number(t.strength)),
                            ("last_contact", .string(t.lastContact.description)),
                            ("days_since", .int(t.daysSince)),
                        ])
                    })
            ),
        ])
    }

    /// `network` as text or Markdown, in a librarian's words (`explain` adds Burt's measures).
    public static func text(
        _ s: NetworkSummary, workspace w: Workspace, asOf: Day, explain: Bool, markdown md: Bool
    ) -> String {
        let h = md ? "## " : ""
        var out = md ? "# Relationship network\n\n" : "Relationship network (as of \(asOf))\n\n"
        out +=
            "\(plural(s.nodes, "node")) (\(plural(s.organizations, "organization")), \(s.people) \(s.people == 1 ? "person" : "people")), "
        // One count per thing: say where the derived ties come from, so this number and
        // `check`'s relationships.csv count can be read together.
        out += "\(plural(s.ties, "tie")): \(s.recordedTies) from relationships.csv"
        if s.recordedTies != s.relationshipRows {
            out += " (\(s.relationshipRows) rows, repeated pairs counted once)"
        }
        out += " and \(s.implicitTies) linking people to their own organizations; "
        out +=
            "\(plural(s.components, "separate group")) (the largest \(s.largestComponent))\(explain ? ", density \(fixed(s.density))" : "")\n\n"
        let lib = s.library
        out += "\(h)The library as a bridge\n\n"
        out += "\(w.library.name): \(plural(lib.degree, "direct tie"))"
        if let e = lib.effectiveSize, lib.degree > 0 {
            out +=
                "; \(Int((100 * e / Double(lib.degree)).rounded()))% of them reach people and organizations not tied to each other, so the library brings separate groups together"
        }
        if explain {
            out +=
                " (constraint \(fixed(lib.constraint)), effective size \(fixed(lib.effectiveSize)); Burt 1992)"
        }
        out += "\n\n\(h)Who else bridges separate groups\n\n"
        var t = TextTable(
            explain
                ? ["name", "degree", "constraint", "effective size"]
                : ["name", "ties", "independent contacts"],
            alignments: [.left, .right, .right, .right])
        for b in s.brokers {
            t.add(
                explain
                    ? [w.displayName(b.id), String(b.degree), fixed(b.constraint), fixed(b.effectiveSize)]
                    : [w.displayName(b.id), String(b.degree), fixed(b.effectiveSize, 1)])
        }
        if !explain { out += "(independent contacts: contacts not tied to each other)\n\n" }
        out += t.render() + "\n"
        out += "\(h)Organizations with no ties at all\n\n"
        out +=
            s.isolatedOrganizations.isEmpty
            ? "none\n"
            : s.isolatedOrganizations.map { "- \(w.displayName($0))" }.joined(separator: "\n") + "\n"
        let isolated = Set(s.isolatedOrganizations)
        let unreachable = s.unreachableOrganizations.filter { !isolated.contains($0) }
        if !unreachable.isEmpty {
            out +=
                "\nNot reachable from the library by any chain: \(unreachable.map { w.displayName($0) }.joined(separator: ", "))\n"
        }
        let own = s.staleTies.count { w.isLibrary($0.source) || w.isLibrary($0.target) }
        out +=
            "\n\(h)Strong ties (strength 3 or more) with no contact for more than \(s.staleDays) days: \(s.staleTies.count), \(own) of them the library's own (a nudge list)\n\n"
        if s.staleTies.isEmpty { out += "none\n" }
        for st in s.staleTies {
            out +=
                "- \(w.displayName(st.source)) — \(w.displayName(st.target)) (\(st.kind), \(formatNumber(st.strength))): last contact \(st.lastContact), \(st.daysSince) days ago\n"
        }
        return out
    }
}
