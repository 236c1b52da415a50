import Foundation

/// One compact card per partnership: health (word, shape and colour), level, the trend since
/// the last review, goals met and the next step; the issues and the rest behind "Details".
extension ReviewHTML {
    /// "2 of 3 goals met": a goal is met when its recorded result (`achieved`) reaches its
    /// target (`Goal.met`, the same rule as the text review).
    func goalsMet(_ p: PortfolioReview.PartnershipHealth) -> String {
        let goals = p.goals
        let measurable = goals.filter { $0.target != nil }
        guard !goals.isEmpty else { return "no goals written down" }
        guard !measurable.isEmpty else {
            return "\(goals.count) goal\(goals.count == 1 ? "" : "s"), none with a target"
        }
        let met = measurable.count { $0.met == true }
        let reported = measurable.count { $0.met != nil }
        var s = "\(met) of \(measurable.count) goal\(measurable.count == 1 ? "" : "s") met"
        if reported < measurable.count { s += " (\(measurable.count - reported) without a result yet)" }
        return s
    }

    /// Health and level against the last saved review.
    func trend(_ p: PortfolioReview.PartnershipHealth) -> String {
        guard let q = r.previousQuarter else { return "no earlier review to compare with" }
        guard let before = p.previous else { return "new since \(q)" }
        var parts: [String] = []
        if before.health != p.health {
            parts.append("health \(before.health.rawValue) → \(p.health.rawValue)")
        }
        if let m = p.movement { parts.append(m) }
        return parts.isEmpty ? "unchanged since \(q)" : parts.joined(separator: "; ")
    }

    func card(_ p: PortfolioReview.PartnershipHealth) -> String {
        let partners = p.partners.map { w.displayName($0) }.joined(separator: ", ")
        var status = p.status == .active ? "" : " · \(p.status.rawValue)"
        if p.kind != .partnership { status += " · \(p.kind.rawValue)" }
        var s = "<article class=\"card \(p.health.rawValue)\">"
        s += "<h3>\(h(p.title))</h3><p class=\"partners\">\(h(partners + status))</p>"
        s += "<dl>"
        s += "<dt>Health</dt><dd>\(badge(p.health))</dd>"
        s +=
            "<dt>Level</dt><dd>\(h("\(p.levelName) \(String(format: "%.1f", p.position))"))\(p.namedEdging.map { " <span class=\"muted\">edging toward \(h($0))</span>" } ?? "")</dd>"
        s += "<dt>Trend</dt><dd>\(h(trend(p)))</dd>"
        s += "<dt>Goals</dt><dd>\(h(goalsMet(p)))</dd>"
        if let note = ReviewSurveyRendering.note(p.id, r, w) {
            s += "<dt>Partners' view</dt><dd>\(h(sentenceCase(note)))</dd>"
        }
        // The review's own "one thing first" (never data entry while there is real work).
        s += "<dt>Next step</dt><dd>\(h(sentence(p.suggestion.advice)))</dd>"
        s += "</dl>"
        s += "<details><summary>Details (\(p.issues.count) issue\(p.issues.count == 1 ? "" : "s"))</summary>"
        if p.issues.isEmpty {
            s += "<p class=\"muted\">No issues found.</p>"
        } else {
            s +=
                "<ul>"
                + p.issues.map {
                    "<li>\(h(sentenceCase($0.text))). <span class=\"muted\">\(h($0.fix)).</span></li>"
                }.joined() + "</ul>"
        }
        s += "<p><b>Suggestion:</b> \(h(p.suggestion.text))</p>"
        s += surveyDetail(p.id)
        if let d = w.partnership(p.id)?.description, !d.isEmpty { s += "<p class=\"muted\">\(h(d))</p>" }
        if let last = p.lastContact {
            s += "<p class=\"muted\">Last logged contact \(h(last.description)).</p>"
        }
        return s + "</details></article>"
    }

    /// What the partners say (the health survey) about one partnership, for its details:
    /// the factors by band, who answered (as counts), and where the views part. "" when the
    /// partnership was not surveyed (the card's "Partners' view" row says so).
    func surveyDetail(_ id: String) -> String {
        guard let s = r.survey, let e = s.entry(id), let round = e.survey.current else { return "" }
        let words = ReviewSurveyRendering.words(s, w)
        var out =
            "<p class=\"survey-detail\"><b>Health survey \(h(round.quarter.description)):</b> \(h(ReviewSurveyRendering.bands(round, s.rubric))) <span class=\"muted\">(\(h("respondents: " + ReviewSurveyRendering.respondents(round, words))))</span></p>"
        let findings = ReviewSurveyRendering.sentences(e, s, w)
        if !findings.isEmpty { out += "<ul>" + findings.map { "<li>\(h($0))</li>" }.joined() + "</ul>" }
        return out
    }

    var cards: String {
        var s =
            "<section id=\"cards\" class=\"cards-section\">\n<h2>Partnerships, one by one</h2>\n<div class=\"cards\">"
        for p in r.partnerships.sorted(by: { ($1.health, $0.title) < ($0.health, $1.title) }) { s += card(p) }
        s += "</div>\n"
        if !r.proposed.isEmpty {
            s += "<h2 class=\"sub2\">Proposed, not started</h2><div class=\"cards\">"
            for p in r.proposed {
                let gaps = p.issues.filter { !$0.major }.count
                s += "<article class=\"card proposed\"><h3>\(h(p.title))</h3>"
                s +=
                    "<p class=\"partners\">\(h(p.partners.map { w.displayName($0) }.joined(separator: ", ")))</p><dl>"
                s +=
                    "<dt>Would sit at</dt><dd>\(h("\(p.levelName) \(String(format: "%.1f", p.position)), \(p.kind.rawValue)"))</dd>"
                s += "<dt>Plan</dt><dd>\(gaps == 0 ? "ready" : "\(gaps) gap\(gaps == 1 ? "" : "s")")</dd>"
                if let first = p.issues.first {
                    s += "<dt>Next step</dt><dd>\(h(sentenceCase(first.fix)))</dd>"
                }
                s += "</dl>"
                if !p.issues.isEmpty {
                    s +=
                        "<details><summary>Details (\(p.issues.count))</summary><ul>"
                        + p.issues.map { "<li>\(h(sentenceCase($0.text)))</li>" }.joined() + "</ul></details>"
                }
                s += "</article>"
            }
            s += "</div>\n"
        }
        return s + "</section>\n"
    }
}
