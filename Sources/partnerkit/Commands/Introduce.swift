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
            let forID = inv.args.value("--for")
            if let f = forID {
                if w.isLibrary(f) {
                    inv.console.report([
                        .error(
                            inv.workspaceFile("library.json"), .file,
                            "--for: \"\(f)\" is the library itself, which makes the introductions",
                            hint: "give an organization's id to see the introductions for it")
                    ])
                    return Exit.inputError
                }
                if w.organization(f) == nil
                    && w.person(f)?.organization.flatMap({ w.organization($0) }) == nil
                {
                    inv.reportUnknownID(
                        f, what: "organization (or person of one)", option: "--for",
                        candidates: w.organizations.lazy.map(\.id))
                    return Exit.inputError
                }
            }
            var options = IntroductionOptions(top: top, forID: forID)
            if let f = forID, let org = w.person(f)?.organization { options.forID = org }
            let list = Introductions.suggest(w, options: options)
            switch inv.format {
            case "json":
                inv.emit(
                    JSONOutput.object([
                        (
                            "introductions",
                            .array(
                                list.map { i in
                                    .object([
                                        ("a", .string(i.a)), ("b", .string(i.b)),
                                        ("score", .rounded(i.score, 6)),
                                        ("via", .strings(i.via)), ("reasons", .strings(i.reasons)),
                                        ("a_name", .string(w.displayName(i.a))),
                                        ("b_name", .string(w.displayName(i.b))),
                                        ("fit", .rounded(i.fit, 6)), ("proximity", .rounded(i.proximity, 6)),
                                        ("adamic_adar", .rounded(i.adamicAdar, 6)),
                                        ("trust", .rounded(i.trust, 6)),
                                    ])
                                })
                        )
                    ]).serialized())
            default:
                let md = inv.format == "markdown"
                var s = md ? "# Suggested introductions\n\n" : "Suggested introductions\n\n"
                if list.isEmpty {
                    s +=
                        "None yet: no two organizations you (or someone you trust) know both of have complementary needs and offers or a shared audience.\n"
                }
                for (n, i) in list.enumerated() {
                    let head = "\(w.displayName(i.a)) ↔ \(w.displayName(i.b))"
                    let via = i.via.map { w.displayName($0) }.joined(separator: ", ")
                    if md {
                        s +=
                            "\(n + 1). **\(head)** — score \(String(format: "%.2f", i.score)) of 1, via \(via)\n   \(i.reasons.joined(separator: "; ")).\n"
                    } else {
                        s +=
                            "\(n + 1). \(head)   score \(String(format: "%.2f", i.score)) of 1   via \(via)\n   \(i.reasons.joined(separator: "; ")).\n"
                    }
                }
                inv.emit(s)
            }
            return Exit.success
        })
}
