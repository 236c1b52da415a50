import Foundation

/// What the page's first screen lists: one action, short, with the partnership it is about
/// and why, in one of the groups the rest of the actions are filed under.
struct PageAction: Sendable, Hashable {
    enum Group: String, Sendable, Hashable, CaseIterable {
        case dealbreaker, repair, deepen, uncovered, introduction, renew, bookkeeping
        /// The heading of the group on the page.
        var heading: String {
            switch self {
            case .dealbreaker: "Proposals to resolve or decline"
            case .repair: "Partnerships to repair"
            case .deepen: "Partnerships to deepen"
            case .uncovered: "Priorities nobody serves"
            case .introduction: "Introductions to make"
            case .renew: "Ties to renew"
            case .bookkeeping: "Records to bring up to date"
            }
        }
        /// The one word shown before an action.
        var tag: String {
            switch self {
            case .dealbreaker: "decide"
            case .repair: "repair"
            case .deepen: "deepen"
            case .uncovered: "uncovered"
            case .introduction: "introduce"
            case .renew: "renew"
            case .bookkeeping: "records"
            }
        }
    }
    var group: Group
    /// The partnership's title, or the organization or priority the action is about.
    var subject: String
    var sentence: String
    var why: String
    /// Organizations the action names, for the map.
    var organizations: [String]
}

extension ReviewHTML {
    /// The review's actions, most urgent first, in the order the review ranks its
    /// recommendations: partnerships in trouble, priorities nobody serves, the one fix for
    /// each amber partnership, growth (deepen), audiences unreached, ties gone quiet,
    /// introductions.
    var actions: [PageAction] {
        var out: [PageAction] = []
        let byHealth = r.partnerships.sorted { ($1.health, $0.title) < ($0.health, $1.title) }
        func fix(_ p: PortfolioReview.PartnershipHealth) -> PageAction {
            let issue = p.issues.first { $0.major } ?? p.issues.first
            let bookkeeping =
                issue.map { ["goal_unreported", "smart_goals", "in_writing"].contains($0.code) } ?? false
            return PageAction(
                group: p.health == .amber && bookkeeping ? .bookkeeping : .repair,
                subject: p.title, sentence: sentenceCase(issue?.fix ?? p.suggestion.text),
                why: sentenceCase(issue.map { "\($0.text) (\(p.health.rawValue))" } ?? p.health.rawValue),
                organizations: p.partners)
        }
        for p in byHealth where p.health == .red { out.append(fix(p)) }
        for c in r.coverage where c.partnerships == 0 {
            let best = c.candidates.first
            out.append(
                PageAction(
                    group: .uncovered, subject: c.label,
                    sentence: best.map {
                        "Talk to \(w.displayName($0.id)), the best fit (\(Int($0.score.rounded())) of 100)"
                    }
                        ?? "Look for a partner who works on it",
                    why: "No active partnership serves this priority (weight \(formatNumber(c.weight)))"
                        + (c.candidates.count > 1
                            ? "; also fit: "
                                + c.candidates.dropFirst().map { w.displayName($0.id) }.joined(
                                    separator: ", ")
                            : ""),
                    organizations: c.candidates.map(\.id)))
        }
        for p in byHealth where p.health == .amber { out.append(fix(p)) }
        for p in byHealth where p.health == .green && p.suggestion.kind == .deepen {
            let step = p.suggestion.text.components(separatedBy: "deepen it: ").last ?? p.suggestion.text
            out.append(
                PageAction(
                    group: .deepen, subject: p.title, sentence: sentenceCase(firstSentence(step)),
                    why: "Healthy, and edging toward \(p.edgingToward ?? "the next level")",
                    organizations: p.partners))
        }
        for a in r.audiences where a.partnerships.isEmpty && a.weight >= 2 {
            out.append(
                PageAction(
                    group: .uncovered, subject: a.label,
                    sentence: "Find a partnership that reaches \(a.label)",
                    why:
                        "An audience the library weighs \(formatNumber(a.weight)); no active partnership reaches it",
                    organizations: []))
        }
        let lib = w.library.id
        for t in r.quietTies where t.a == lib || t.b == lib {
            let other = t.a == lib ? t.b : t.a
            out.append(
                PageAction(
                    group: .renew, subject: w.displayName(other),
                    sentence: "Get back in touch with \(w.displayName(other))",
                    why:
                        "A strong tie (\(formatNumber(t.strength)) of 4), quiet for \(t.daysQuiet.map { "\($0) days" } ?? "a long time")",
                    organizations: [other]))
        }
        for i in r.introductions {
            out.append(
                PageAction(
                    group: .introduction, subject: "\(w.displayName(i.a)) and \(w.displayName(i.b))",
                    sentence: "Introduce \(w.displayName(i.a)) to \(w.displayName(i.b))",
                    why: sentenceCase(i.reason.components(separatedBy: "; ").first ?? i.reason),
                    organizations: [i.a, i.b]))
        }
        return out
    }

    func sentenceCase(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }

    func firstSentence(_ s: String) -> String {
        if let r = s.range(of: " (moves this") { return String(s[..<r.lowerBound]) }
        return s
    }
}
