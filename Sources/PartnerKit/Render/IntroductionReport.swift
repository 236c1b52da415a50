import Foundation

/// `partnerkit introduce`'s output: the suggested introductions in JSON (the contract's `a`,
/// `b`, `score`, `via`, `reasons`, plus the parts of the score), text and Markdown.
public enum IntroductionReport {
    public static func json(_ list: [Introduction], workspace w: Workspace) -> JSONOutput {
        .object([
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
        ])
    }

    /// A numbered list: the pair by name, the score of 1, who can introduce them, the reasons.
    public static func text(_ list: [Introduction], workspace w: Workspace, markdown md: Bool) -> String {
        var s = md ? "# Suggested introductions\n\n" : "Suggested introductions\n\n"
        if list.isEmpty {
            s +=
                "None yet: no two organizations you (or someone you trust) know both of have complementary needs and offers or a shared audience.\n"
        }
        for (n, i) in list.enumerated() {
            let head = "\(w.displayName(i.a)) ↔ \(w.displayName(i.b))"
            let via = i.via.map { w.displayName($0) }.joined(separator: ", ")
            let score = String(format: "%.2f", i.score)
            if md {
                s +=
                    "\(n + 1). **\(head)** — score \(score) of 1, via \(via)\n   \(i.reasons.joined(separator: "; ")).\n"
            } else {
                s +=
                    "\(n + 1). \(head)   score \(score) of 1   via \(via)\n   \(i.reasons.joined(separator: "; ")).\n"
            }
        }
        return s
    }
}
