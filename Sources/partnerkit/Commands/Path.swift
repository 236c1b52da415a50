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
            organization or person id: the strongest chains first (a K-shortest-paths search) on the ties' normalised strengths
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
                inv.reportUnknownID(
                    targetID, what: "organization or person", candidates: g.ids,
                    lookUp: "`partnerkit score` lists organizations, people.csv the people")
                return Exit.inputError
            }
            guard let from = g.node(fromID) else {
                inv.reportUnknownID(
                    fromID, what: "organization or person", option: "--from", candidates: g.ids,
                    lookUp: "`partnerkit score` lists organizations, people.csv the people")
                return Exit.inputError
            }
            let found = g.warmPaths(
                from: from, to: target, asOf: inv.asOf,
                options: WarmPathOptions(paths: paths, maxIntermediaries: cap))
            let report = PathReport(
                workspace: w, graph: g, from: from, targetID: targetID, paths: found, maxIntermediaries: cap)
            switch inv.format {
            case "json": inv.emit(report.json.serialized())
            case "markdown": inv.emit(report.markdown)
            default: inv.emit(report.text)
            }
            return Exit.success
        })

}
