import Foundation
import PartnerKit

extension Commands {
    static let network = Command(
        name: "network",
        summary: "Graph measures and export: summary, links, measures, export",
        usage: """
            partnerkit network [--stale-days N]
                   partnerkit network links --measure common-neighbors|jaccard|adamic-adar|resource-allocation|preferential-attachment [--top N]
                   partnerkit network measures [--weighted]
                   partnerkit network export --to graphml|dot|kumu [--include-contacts] [--out FILE [--force]]
            """,
        discussion: """
            `network` alone summarises the relationship graph: size, density, components, the
            library's degree, Burt's constraint and effective size (how much it bridges), the
            top brokers, isolated organizations and strong ties (strength ≥ 3) not contacted in
            --stale-days days (default 180). `links` scores every unconnected pair as networkx
            does (unweighted; a < b; value descending). `measures` gives each node's degree,
            constraint and effective size (null for isolated nodes), weighted by strength with
            --weighted (then `effective_size` is what networkx's effective_size(G, weight=…)
            returns for all nodes, and `effective_size_burt` Burt's per-node formula; networkx
            3.6's two code paths differ when weighted). `export` writes GraphML (Gephi,
            Cytoscape), DOT (Graphviz) or Kumu JSON to standard output, or with --out FILE to a
            file, written atomically (a temporary file renamed into place, so the file is never
            left half-written) and never over an existing one without --force; people's email
            and phone only with --include-contacts.
            """,
        formats: ["text", "json", "markdown", "csv"],
        options: [
            .value("--measure", "NAME", "links: the measure (default adamic-adar)"),
            explainOption,
            .value("--top", "N", "links: how many pairs (default 20); summary: how many brokers (default 5)"),
            .flag("--weighted", "measures: weight ties by strength"),
            .value("--to", "FORMAT", "export: graphml, dot or kumu"),
            .value("--out", "FILE", "export: write to FILE (atomically) instead of standard output"),
            .value("--output", "FILE", "export: the same as --out"),
            .flag("--force", "export: let --out replace an existing file"),
            .value(
                "--stale-days", "N",
                "summary: a strong tie is stale after N days without contact (default 180)"),
            CommonOptions.includeContacts,
        ],
        positionals: 0...1,
        run: { inv in
            let sub = inv.args.positionals.first ?? "summary"
            switch sub {
            case "summary", "links", "measures", "export": break
            default:
                throw UsageError(
                    message:
                        "unknown network subcommand '\(sub)'; choose links, measures or export (or nothing for the summary)"
                )
            }
            if inv.format == "csv" && (sub == "summary" || sub == "export") {
                throw UsageError(message: "--format csv is for `network links` and `network measures`")
            }
            let top = try inv.args.int("--top", range: 1...10_000_000)
            let staleDays = try inv.args.int("--stale-days", range: 0...36_500) ?? 180
            var measure = LinkMeasure.adamicAdar
            if let m = inv.args.value("--measure") {
                guard let lm = LinkMeasure(rawValue: m) else {
                    throw UsageError(
                        message:
                            "--measure \(m) is not one of \(LinkMeasure.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                measure = lm
            }
            var exportFormat = GraphExportFormat.graphml
            if sub == "export" {
                guard let t = inv.args.value("--to") else {
                    throw UsageError(message: "network export needs --to graphml|dot|kumu")
                }
                guard let f = GraphExportFormat(rawValue: t) else {
                    throw UsageError(message: "--to \(t): choose graphml, dot or kumu")
                }
                exportFormat = f
            }
            guard let w = inv.loadWorkspace() else { return Exit.inputError }
            switch sub {
            case "links": return networkLinks(inv, w, measure: measure, top: top ?? 20)
            case "measures": return networkMeasures(inv, w)
            case "export":
                let text = GraphExport.render(w, format: exportFormat, includeContacts: inv.includeContacts)
                if let out = inv.args.value("--out") ?? inv.args.value("--output") {
                    switch Files.writeAtomically(
                        Array(text.utf8), to: out, overwrite: inv.args.has("--force"))
                    {
                    case .success: inv.console.err("Wrote \(out)\n")
                    case .failure(let e):
                        inv.console.err("\(e)\n")
                        return Exit.inputError
                    }
                } else {
                    inv.console.out(text)
                }
                return Exit.success
            default: return networkSummary(inv, w, staleDays: staleDays, topBrokers: top ?? 5)
            }
        })

    static func fmt(_ d: Double?, _ digits: Int = 4) -> String {
        guard let d else { return "—" }
        return String(format: "%.\(digits)f", d)
    }

    static func networkLinks(_ inv: Invocation, _ w: Workspace, measure: LinkMeasure, top: Int) -> Int32 {
        let g = RelationshipGraph(workspace: w)
        let links = g.links(measure, top: top)
        switch inv.format {
        case "json":
            inv.emit(
                JSONOutput.object([
                    ("measure", .string(measure.rawValue)),
                    (
                        "links",
                        .array(
                            links.map {
                                .object([
                                    ("a", .string(g.ids[$0.a])), ("b", .string(g.ids[$0.b])),
                                    ("value", .number($0.value)),
                                ])
                            })
                    ),
                ]).serialized())
        case "csv":
            var s = "a,b,value\n"
            for l in links {
                s +=
                    "\(GraphExport.csvCell(g.ids[l.a])),\(GraphExport.csvCell(g.ids[l.b])),\(JSONOutput.number(l.value).serialized(pretty: false))\n"
            }
            inv.emit(s)
        default:
            let explain = inv.args.has("--explain")
            let column = explain ? measure.rawValue : "score"
            var t = TextTable(["a", "b", column], alignments: [.left, .left, .right])
            for l in links {
                t.add([w.displayName(g.ids[l.a]), w.displayName(g.ids[l.b]), fmt(l.value, explain ? 4 : 2)])
            }
            let what =
                "\(plainMeasure(measure))\(explain ? " (\(measure.rawValue), as networkx computes it)" : "")"
            if inv.format == "markdown" {
                var s =
                    "# Pairs not yet tied, by \(what)\n\n| a | b | \(column) |\n| --- | --- | ---: |\n"
                for r in t.rows { s += "| \(r.map(markdownCell).joined(separator: " | ")) |\n" }
                inv.emit(s)
            } else {
                inv.emit(
                    "Pairs not yet tied who could be introduced, by \(what) (top \(top); higher is a likelier fit)\n\n"
                        + t.render())
            }
        }
        return Exit.success
    }

    static func markdownCell(_ s: String) -> String { Escape.markdown(s) }

    /// A link measure in a librarian's words.
    static func plainMeasure(_ m: LinkMeasure) -> String {
        switch m {
        case .commonNeighbors: "contacts in common"
        case .jaccard: "the share of their contacts they have in common"
        case .adamicAdar: "contacts in common, a contact with few ties counting more"
        case .resourceAllocation: "contacts in common, weighted by how few ties each contact has"
        case .preferentialAttachment: "how well connected both are (their numbers of ties multiplied)"
        }
    }

    static func networkMeasures(_ inv: Invocation, _ w: Workspace) -> Int32 {
        let g = RelationshipGraph(workspace: w)
        let weighted = inv.args.has("--weighted")
        let b = g.brokerage(weighted: weighted)
        let order = (0..<g.nodeCount).sorted { g.ids[$0] < g.ids[$1] }
        switch inv.format {
        case "json":
            inv.emit(
                JSONOutput.object([
                    ("weighted", .bool(weighted)),
                    (
                        "nodes",
                        .array(
                            order.map { v in
                                .object([
                                    ("id", .string(g.ids[v])), ("degree", .int(b[v].degree)),
                                    ("constraint", .optional(b[v].constraint)),
                                    ("effective_size", .optional(b[v].effectiveSize)),
                                    ("effective_size_burt", .optional(b[v].effectiveSizeBurt)),
                                ])
                            })
                    ),
                ]).serialized())
        case "csv":
            var s = "id,degree,constraint,effective_size\n"
            for v in order {
                s +=
                    "\(GraphExport.csvCell(g.ids[v])),\(b[v].degree),\(b[v].constraint.map { String($0) } ?? ""),\(b[v].effectiveSize.map { String($0) } ?? "")\n"
            }
            inv.emit(s)
        default:
            let explain = inv.args.has("--explain")
            var t = TextTable(
                explain
                    ? ["id", "name", "degree", "constraint", "effective size"]
                    : ["id", "name", "ties", "reliance on few contacts", "independent contacts"],
                alignments: [.left, .left, .right, .right, .right])
            for v in order {
                t.add([
                    g.ids[v], w.displayName(g.ids[v]), String(b[v].degree), fmt(b[v].constraint),
                    fmt(b[v].effectiveSize),
                ])
            }
            if inv.format == "markdown" {
                var s =
                    "# Who bridges separate groups\(weighted ? ", weighted by strength" : "")\n\n| \(t.headers.map(markdownCell).joined(separator: " | ")) |\n| --- | --- | ---: | ---: | ---: |\n"
                for r in t.rows { s += "| \(r.map(markdownCell).joined(separator: " | ")) |\n" }
                inv.emit(s)
            } else {
                inv.emit(
                    (explain
                        ? "Brokerage (Burt's constraint and effective size\(weighted ? ", weighted by strength" : ""))\n\n"
                        : "Who bridges separate groups\(weighted ? " (ties weighted by strength)" : ""): independent contacts are contacts not tied to each other; reliance on few contacts runs from 0 (many separate circles) to about 1 (everything through one circle)\n\n")
                        + t.render())
            }
        }
        return Exit.success
    }

    static func networkSummary(_ inv: Invocation, _ w: Workspace, staleDays: Int, topBrokers: Int) -> Int32 {
        let s = NetworkSummary(workspace: w, asOf: inv.asOf, staleDays: staleDays, topBrokers: topBrokers)
        func broker(_ b: NetworkSummary.Broker) -> JSONOutput {
            .object([
                ("id", .string(b.id)), ("name", .string(w.displayName(b.id))), ("degree", .int(b.degree)),
                ("constraint", .optional(b.constraint)), ("effective_size", .optional(b.effectiveSize)),
            ])
        }
        if inv.format == "json" {
            inv.emit(
                JSONOutput.object([
                    ("as_of", .string(inv.asOf.description)),
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
                ]).serialized())
            return Exit.success
        }
        let md = inv.format == "markdown"
        let explain = inv.args.has("--explain")
        let h = md ? "## " : ""
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var out = md ? "# Relationship network\n\n" : "Relationship network (as of \(inv.asOf))\n\n"
        out +=
            "\(plural(s.nodes, "node")) (\(plural(s.organizations, "organization")), \(s.people) \(s.people == 1 ? "person" : "people")), "
        // One count per thing: say where the derived ties come from, so this number and
        // `check`'s relationships.csv count can be read together.
        out += "\(plural(s.ties, "tie")): \(s.recordedTies) from relationships.csv"
        if s.recordedTies != s.relationshipRows {
            out += " (\(s.relationshipRows) rows, repeated pairs counted once)"
        }
        out +=
            " and \(s.implicitTies) linking people to their own organizations; "
        out +=
            "\(plural(s.components, "separate group")) (the largest \(s.largestComponent))\(explain ? ", density \(fmt(s.density))" : "")\n\n"
        let lib = s.library
        out += "\(h)The library as a bridge\n\n"
        out += "\(w.library.name): \(plural(lib.degree, "direct tie"))"
        if let e = lib.effectiveSize, lib.degree > 0 {
            out +=
                "; \(Int((100 * e / Double(lib.degree)).rounded()))% of them reach people and organizations not tied to each other, so the library brings separate groups together"
        }
        if explain {
            out += " (constraint \(fmt(lib.constraint)), effective size \(fmt(lib.effectiveSize)); Burt 1992)"
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
                    ? [w.displayName(b.id), String(b.degree), fmt(b.constraint), fmt(b.effectiveSize)]
                    : [w.displayName(b.id), String(b.degree), fmt(b.effectiveSize, 1)])
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
            "\n\(h)Strong ties (strength 3 or more) with no contact for \(s.staleDays) days or more: \(s.staleTies.count), \(own) of them the library's own (a nudge list)\n\n"
        if s.staleTies.isEmpty { out += "none\n" }
        for st in s.staleTies {
            out +=
                "- \(w.displayName(st.source)) — \(w.displayName(st.target)) (\(st.kind), \(Introductions.strengthText(st.strength))): last contact \(st.lastContact), \(st.daysSince) days ago\n"
        }
        inv.emit(out)
        return Exit.success
    }
}
