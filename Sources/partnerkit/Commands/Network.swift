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

    static func networkLinks(_ inv: Invocation, _ w: Workspace, measure: LinkMeasure, top: Int) -> Int32 {
        let links = PredictedLinks(workspace: w, measure: measure, top: top)
        switch inv.format {
        case "json": inv.emit(NetworkReport.json(links).serialized())
        case "csv": inv.emit(NetworkReport.csv(links))
        default:
            inv.emit(
                NetworkReport.text(
                    links, workspace: w, explain: inv.args.has("--explain"),
                    markdown: inv.format == "markdown"))
        }
        return Exit.success
    }

    static func networkMeasures(_ inv: Invocation, _ w: Workspace) -> Int32 {
        let measures = NodeMeasures(workspace: w, weighted: inv.args.has("--weighted"))
        switch inv.format {
        case "json": inv.emit(NetworkReport.json(measures).serialized())
        case "csv": inv.emit(NetworkReport.csv(measures))
        default:
            inv.emit(
                NetworkReport.text(
                    measures, workspace: w, explain: inv.args.has("--explain"),
                    markdown: inv.format == "markdown"))
        }
        return Exit.success
    }

    static func networkSummary(_ inv: Invocation, _ w: Workspace, staleDays: Int, topBrokers: Int) -> Int32 {
        let s = NetworkSummary(workspace: w, asOf: inv.asOf, staleDays: staleDays, topBrokers: topBrokers)
        if inv.format == "json" {
            inv.emit(NetworkReport.json(s, workspace: w, asOf: inv.asOf).serialized())
        } else {
            inv.emit(
                NetworkReport.text(
                    s, workspace: w, asOf: inv.asOf, explain: inv.args.has("--explain"),
                    markdown: inv.format == "markdown"))
        }
        return Exit.success
    }
}
