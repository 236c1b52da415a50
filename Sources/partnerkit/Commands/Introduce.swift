import Foundation
import PartnerKit

extension Commands {
    static let introduce = Command(
        name: "introduce",
        summary: "Suggest introductions: who the library should introduce to whom",
        usage: "partnerkit introduce [--for ID] [--top N] [--format text|json|markdown]",
        discussion: """
            Pairs of organizations that are not tied yet (counting their people's ties), both
            known to the library or to someone the library trusts (a tie of strength 3 or more),
            and that would benefit: one offers what the other needs, or both serve the same
            audience. Score = fit × proximity (resource allocation) × trust of the broker's ties.
            """,
        options: [
            .value(
                "--for", "ID",
                "only introductions involving this organization (or this person's organization)"),
            .value("--top", "N", "how many (default 10)"),
        ],
        run: { inv in
            let top = try inv.args.int("--top", range: 1...10_000) ?? 10
            guard let w = inv.loadWorkspace() else { return Exit.inputError }
            var options = IntroductionOptions(top: top)
            if let f = inv.args.value("--for") {
                switch Introductions.target(f, in: w) {
                case .organization(let org): options.forID = org
                case .library:
                    inv.console.report([
                        .error(
                            inv.workspaceFile("library.json"), .file,
                            "--for: \"\(f)\" is the library itself, which makes the introductions",
                            hint: "give an organization's id to see the introductions for it")
                    ])
                    return Exit.inputError
                case .unknown:
                    inv.reportUnknownID(
                        f, what: "organization (or person of one)", option: "--for",
                        candidates: w.organizations.lazy.map(\.id))
                    return Exit.inputError
                }
            }
            let list = Introductions.suggest(w, options: options)
            switch inv.format {
            case "json": inv.emit(IntroductionReport.json(list, workspace: w).serialized())
            default: inv.emit(IntroductionReport.text(list, workspace: w, markdown: inv.format == "markdown"))
            }
            return Exit.success
        })
}
