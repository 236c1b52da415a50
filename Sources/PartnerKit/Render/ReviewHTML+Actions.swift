import Foundation

/// The page's actions are the review's own `Recommendation`s, in the review's order (most
/// urgent first): the first five on the first screen, the rest grouped under the same
/// `Recommendation.Group` headings the text and Markdown reviews use.
extension Recommendation.Group {
    /// The one word shown before an action on the page.
    var tag: String {
        switch self {
        case .dealbreaker: "decide"
        case .repair: "repair"
        case .discuss: "discuss"
        case .deepen: "deepen"
        case .uncoveredPriority: "uncovered"
        case .uncoveredAudience: "unreached"
        case .renewTie: "renew"
        case .introduction: "introduce"
        case .bookkeeping: "records"
        }
    }
}

extension ReviewHTML {
    /// The review's actions, most urgent first.
    var actions: [Recommendation] { r.actions }

    /// What the map says about an organization an action names.
    func mapNote(_ a: Recommendation, organization id: String) -> String {
        switch a.group {
        case .dealbreaker: return "hits a dealbreaker"
        case .uncoveredPriority:
            let c = r.coverage.first { c in c.partnerships == 0 && c.candidates.contains { $0.id == id } }
            return c.map { "candidate for \($0.label)" } ?? "candidate partner"
        case .introduction: return "introduction to make"
        case .renewTie: return "tie gone quiet"
        case .repair, .discuss, .deepen, .uncoveredAudience, .bookkeeping: return a.group.tag
        }
    }

    /// The action as one short sentence: the advice proper (the page leaves out a lead-in
    /// such as "repair first", `Recommendation.leadIn`: its tag already says it) and, when it
    /// still runs long, without a closing aside in parentheses, then cut at its first "; ";
    /// what was cut (a list of candidates) is returned to be shown under "Why".
    static func headline(_ advice: String, why: String = "", limit: Int = 130) -> (
        head: String, rest: String?
    ) {
        var t = advice.trimmingCharacters(in: .whitespaces)
        // "Introduce A and B: <the reason>" when the reason is shown under "Why" anyway.
        if !why.isEmpty, t.hasSuffix(": " + why) { t = String(t.dropLast(why.count + 2)) }
        if t.count > limit, t.hasSuffix(").") || t.hasSuffix(")"),
            let open = t.range(of: " (", options: .backwards)
        {
            t = String(t[..<open.lowerBound])
        }
        guard t.count > limit else { return (t, nil) }
        for sep in ["; ", " — "] {
            if let range = t.range(of: sep), t.distance(from: t.startIndex, to: range.lowerBound) >= 12 {
                let rest = String(t[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                return (String(t[..<range.lowerBound]), rest.isEmpty ? nil : rest)
            }
        }
        return (t, nil)
    }

    /// A reason cut to its first clause, for the first screen (the card has all of it).
    static func firstClause(_ why: String) -> String {
        why.components(separatedBy: "; ").first ?? why
    }

    func sentenceCase(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }

    /// "Text." with exactly one full stop (or the sentence's own ! or ?).
    func sentence(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard let last = t.last else { return t }
        return ".!?…".contains(last) ? sentenceCase(t) : sentenceCase(t) + "."
    }
}
