import Foundation

/// The quarterly review as one self-contained HTML page a manager reads in five minutes and
/// prints on four pages: first the five actions for this quarter beside the relationship map,
/// then every other action grouped, the portfolio's shape, and one compact card per
/// partnership with the long detail behind a toggle.
///
/// Inline CSS, inline SVG and one small inline script (zoom, pan, filter; the page reads the
/// same without it); nothing is fetched from anywhere. Every user-supplied string goes through
/// `Escape.html`. The page is a pure function of the report.
public struct ReviewHTML: Sendable {
    public var report: ReviewReport
    public init(report: ReviewReport) { self.report = report }

    var r: PortfolioReview { report.review }
    var w: Workspace { report.workspace }

    func h(_ s: String) -> String { Escape.html(s) }

    /// How many actions the first screen lists.
    public static let firstScreen = 5

    /// The number of actions on the first screen, for the command's one-line summary.
    public var actionCount: Int { min(Self.firstScreen, actions.count) }

    /// Nothing may be fetched: no URL of any kind, only the page's own inline style and its
    /// one inline script (and data: images, of which there are none today).
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// The line `review --html FILE` prints: "wrote FILE: 5 actions, 13 partnerships".
    public func summary(file: String) -> String {
        let n = r.partnerships.count
        return
            "wrote \(file): \(actionCount) action\(actionCount == 1 ? "" : "s"), \(n) partnership\(n == 1 ? "" : "s")"
    }

    /// The map of this review, with the organizations the actions name labelled.
    public var map: RelationshipMap {
        var named: [(id: String, note: String)] = []
        for a in actions {
            for o in a.organizations { named.append((o, mapNote(a, organization: o))) }
        }
        return RelationshipMap.layout(review: r, workspace: w, named: named)
    }

    public var page: String {
        // As in the text review: the work first (five, then by kind), the bookkeeping apart.
        let all = actions.filter { $0.group != .bookkeeping }
        let records = actions.filter { $0.group == .bookkeeping }
        let map = self.map
        var s = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <title>\(h("Partnership review \(r.quarter) — \(r.libraryName)"))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header id="top">
            <h1>Partnership review \(h(r.quarter.description)) <span class="lib">\(h(r.libraryName))</span></h1>
            <p class="sub">As of \(h(r.asOf.description)) · \(r.previousQuarter.map { "compared with " + h($0.description) } ?? "no earlier review to compare with") · \(summaryLine)</p>
            <p class="print-hint" id="summary-only">Printing for a meeting? <a href="#summary-only">Summary only</a> leaves out the partnership cards and the survey detail (four pages at most); <a href="#top">everything</a> prints them after.</p>
            </header>
            <main>
            <div class="first">

            """
        // Left: the five actions, then every other one grouped (closed); right: the map.
        s += "<div class=\"todo\">" + firstActions(Array(all.prefix(Self.firstScreen)))
        s += groupedActions(Array(all.dropFirst(Self.firstScreen))) + "</div>\n"
        s += mapSection(map)
        s += "</div>\n"
        s +=
            "<div class=\"two\">" + section("Where the portfolio sits on the spectrum", spectrumChart)
            + section("Library priorities served", coverage) + "</div>\n"
        s += tiesTable(map)
        if !r.movement.isEmpty {
            s += section(
                "What moved since \(r.previousQuarter.map { $0.description } ?? "the last review")",
                list(r.movement))
        }
        s += section("Audiences reached", audiences)
        s += cards
        s += recordsToComplete(records)
        // The partners' view across the portfolio, and who was not asked (the survey's own
        // section); each card's details carry its partnership's part.
        s += ReviewSurveyRendering.html(report)
        s += """
            </main>
            <footer>Made with partnerkit review on \(h(r.asOf.description)). Spectrum: \(h(r.spectrumName)). Contacts' emails and phones are never shown in this report. This page fetches nothing: it works offline and is safe to email.</footer>
            <output id="map-check" hidden></output>
            \(Self.scriptElement)
            </body>
            </html>

            """
        return s
    }

    var summaryLine: String {
        let c = r.healthCounts
        let covered = r.coverage.count { $0.partnerships > 0 }
        var parts = [
            "\(r.partnerships.count) partnership\(r.partnerships.count == 1 ? "" : "s"): "
                + PortfolioReview.Health.allCases.reversed().map { "\(c[$0] ?? 0) \($0.rawValue)" }.joined(
                    separator: ", "),
            "\(covered) of \(r.coverage.count) priorities served",
        ]
        if !r.proposed.isEmpty { parts.append("\(r.proposed.count) proposed") }
        return h(parts.joined(separator: " · "))
    }

    func section(_ title: String, _ body: String, id: String? = nil, cls: String? = nil) -> String {
        let attrs = (id.map { " id=\"\($0)\"" } ?? "") + (cls.map { " class=\"\($0)\"" } ?? "")
        return "<section\(attrs)>\n<h2>\(h(title))</h2>\n\(body)\n</section>\n"
    }

    func list(_ items: [String]) -> String {
        "<ul>" + items.map { "<li>\(h($0))</li>" }.joined() + "</ul>"
    }

    /// A health as a badge: the marker shape, the word, the colour.
    func badge(_ health: PortfolioReview.Health) -> String {
        "<span class=\"badge \(health.rawValue)\"><svg viewBox=\"0 0 14 14\" width=\"12\" height=\"12\" aria-hidden=\"true\">"
            + ReviewPalette.marker(health, x: 7, y: 7, r: 5.2)
            + "</svg>\(health.rawValue)</span>"
    }

    /// One action: its kind, what it is about, the advice in one sentence and why. On the
    /// first screen (`short`) the reason is its first clause; the grouped lists give it all.
    func actionItem(_ a: Recommendation, short: Bool) -> String {
        let (head, rest) = Self.headline(a.advice, why: a.why)
        let reason = short ? Self.firstClause(a.why) : a.why
        let why = [rest.map(sentence), sentence(reason)].compactMap { $0 }.joined(separator: " ")
        let subject = a.subject.map { "<b>\(h($0))</b>: " } ?? ""
        return
            "<li class=\"action\" data-group=\"\(a.group.rawValue)\"><span class=\"tag \(a.group.rawValue)\">\(h(a.group.tag))</span> \(subject)\(h(sentence(head)))<br><span class=\"why\">Why: \(h(why))</span></li>"
    }

    func firstActions(_ top: [Recommendation]) -> String {
        let body =
            top.isEmpty
            ? "<p class=\"muted\">Nothing to act on this quarter.</p>"
            : "<ol class=\"actions\">" + top.map { actionItem($0, short: true) }.joined() + "</ol>"
        return section(
            "This quarter: \(top.count) thing\(top.count == 1 ? "" : "s") to do", body, id: "actions")
    }

    /// Every other action, grouped under the review's own headings (the same groups as the
    /// text and Markdown reviews), each group a toggle with its count.
    func groupedActions(_ rest: [Recommendation]) -> String {
        guard !rest.isEmpty else { return "" }
        var s = ""
        for g in Recommendation.Group.allCases {
            let items = rest.filter { $0.group == g }
            guard !items.isEmpty else { continue }
            s +=
                "<details class=\"group\" data-group=\"\(g.rawValue)\"><summary><h3>\(h(g.heading)) <span class=\"count\">\(items.count)</span></h3></summary><ul class=\"actions\">"
                + items.map { actionItem($0, short: false) }.joined() + "</ul></details>\n"
        }
        return section("Everything else, by kind (\(rest.count))", s, id: "more")
    }

    /// Records to complete (bookkeeping: no change to the work), apart from the work, closed.
    func recordsToComplete(_ records: [Recommendation]) -> String {
        guard !records.isEmpty else { return "" }
        let g = Recommendation.Group.bookkeeping
        let body =
            "<details class=\"group\" data-group=\"\(g.rawValue)\"><summary><h3>\(h(g.heading)) <span class=\"count\">\(records.count)</span></h3></summary><p class=\"note\">No change to the work: entries the records lack.</p><ul class=\"actions\">"
            + records.map { actionItem($0, short: false) }.joined() + "</ul></details>\n"
        return section("Bookkeeping", body, id: "records")
    }

    func mapSection(_ map: RelationshipMap) -> String {
        var s = "<section id=\"map\">\n<h2>Relationship map</h2>\n"
        s += """
            <div class="map-controls" id="map-controls" hidden>
            <button type="button" data-zoom="in" aria-label="Zoom in">+</button>
            <button type="button" data-zoom="out" aria-label="Zoom out">−</button>
            <button type="button" data-zoom="reset">Reset</button>
            <label>Show <select id="map-filter"><option value="all">everyone</option>
            """
        for hl in PortfolioReview.Health.allCases.reversed() {
            s += "<option value=\"health:\(hl.rawValue)\">\(hl.rawValue) partners</option>"
        }
        for c in r.coverage {
            s += "<option value=\"priority:\(h(c.priority))\">\(h("priority: \(c.label)"))</option>"
        }
        s += "</select></label></div>\n<figure>"
        s += "<div class=\"map-frame\">" + map.svg(titleID: "map-caption") + "</div>"
        s += legend
        s +=
            "<figcaption id=\"map-caption\">The library in the middle; its partners, proposed partners and the organizations the actions name are labelled. Every other organization the library knows is a small dot, named when you point at it or tab to it. The table of ties below lists every line on the map.</figcaption>"
        return s + "</figure>\n</section>\n"
    }

    var legend: String {
        func item(_ svg: String, _ text: String) -> String {
            "<li><svg viewBox=\"0 0 20 14\" width=\"20\" height=\"14\" aria-hidden=\"true\">\(svg)</svg>\(h(text))</li>"
        }
        let a = ReviewPalette.accent, paper = ReviewPalette.paper
        var items = [
            item(ReviewPalette.marker(.green, x: 10, y: 7, r: 5.5), "partner, green (healthy)"),
            item(ReviewPalette.marker(.amber, x: 10, y: 7.5, r: 4.8), "partner, amber (needs attention)"),
            item(ReviewPalette.marker(.red, x: 10, y: 7, r: 5.5), "partner, red (in trouble)"),
            item(
                "<circle cx=\"10\" cy=\"7\" r=\"4.8\" fill=\"\(paper)\" stroke=\"\(a)\" stroke-width=\"2.5\"/>",
                "proposed partner"),
            item("<polygon points=\"10,1 16,7 10,13 4,7\" fill=\"\(a)\"/>", "named in an action"),
            item(
                "<circle cx=\"10\" cy=\"7\" r=\"4\" fill=\"\(ReviewPalette.neutral)\"/>",
                "other organization the library knows"),
        ]
        items += [
            item(
                "<line x1=\"1\" y1=\"7\" x2=\"19\" y2=\"7\" stroke=\"\(a)\" stroke-width=\"2.5\"/>",
                "the library's tie (thicker: stronger)"),
            item(
                "<line x1=\"1\" y1=\"7\" x2=\"19\" y2=\"7\" stroke=\"\(a)\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
                "a strong tie gone quiet"),
            item(
                "<line x1=\"1\" y1=\"7\" x2=\"19\" y2=\"7\" stroke=\"#b8c4ce\" stroke-width=\"1.5\"/>",
                "a tie between two organizations"),
        ]
        return "<ul class=\"legend\">" + items.joined() + "</ul>"
    }

    /// The map's text alternative: every tie it draws, as a table.
    func tiesTable(_ map: RelationshipMap) -> String {
        func name(_ id: String) -> String { id == map.libraryID ? map.libraryName : w.displayName(id) }
        let edges = map.edges.sorted {
            ($0.library ? 0 : 1, name($0.a), name($0.b)) < ($1.library ? 0 : 1, name($1.a), name($1.b))
        }
        var s =
            "<details class=\"ties\" id=\"ties\"><summary><h2>The ties on the map, as a table (\(edges.count))</h2></summary><table><thead><tr><th scope=\"col\">Between</th><th scope=\"col\">And</th><th scope=\"col\">Kind</th><th scope=\"col\">Strength (1–4)</th><th scope=\"col\">Last contact</th></tr></thead><tbody>"
        for e in edges {
            let (a, b) = e.b == map.libraryID ? (e.b, e.a) : (e.a, e.b)
            s +=
                "<tr><td>\(h(name(a)))</td><td>\(h(name(b)))</td><td>\(h(e.kind))</td><td>\(h(formatNumber(e.strength)))</td><td>\(h(e.lastContact?.description ?? "not recorded"))\(e.quiet ? " <b>(gone quiet)</b>" : "")</td></tr>"
        }
        return s + "</tbody></table></details>\n"
    }

    /// A column chart: one column per level, in spectrum order.
    var spectrumChart: String {
        let d = r.distribution
        let width = 460.0, height = 190.0, top = 20.0, bottom = 40.0
        let maxCount = Double(max(1, d.map(\.count).max() ?? 1))
        let slot = width / Double(max(1, d.count))
        var svg =
            "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(h("partnerships per spectrum level: " + d.map { "\($0.name) \($0.count)" }.joined(separator: ", ")))\">"
        svg +=
            "<line x1=\"0\" y1=\"\(height - bottom)\" x2=\"\(width)\" y2=\"\(height - bottom)\" stroke=\"#9aa5b1\"/>"
        for (k, level) in d.enumerated() {
            let barH = (height - top - bottom) * Double(level.count) / maxCount
            let x = Double(k) * slot + slot * 0.2
            let shade = 0.35 + 0.65 * Double(k + 1) / Double(d.count)
            svg +=
                "<rect x=\"\(fmt(x))\" y=\"\(fmt(height - bottom - barH))\" width=\"\(fmt(slot * 0.6))\" height=\"\(fmt(barH))\" fill=\"\(ReviewPalette.accent)\" fill-opacity=\"\(fmt(shade))\" rx=\"3\"/>"
            svg +=
                "<text x=\"\(fmt(x + slot * 0.3))\" y=\"\(fmt(height - bottom - barH - 5))\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"600\" fill=\"\(ReviewPalette.ink)\">\(level.count)</text>"
            svg +=
                "<text x=\"\(fmt(x + slot * 0.3))\" y=\"\(fmt(height - bottom + 17))\" text-anchor=\"middle\" font-size=\"13\" fill=\"\(ReviewPalette.ink)\">\(h(level.name))</text>"
        }
        svg +=
            "<text x=\"0\" y=\"\(fmt(height - 4))\" font-size=\"12\" fill=\"\(ReviewPalette.muted)\">less shared power</text>"
        svg +=
            "<text x=\"\(fmt(width))\" y=\"\(fmt(height - 4))\" font-size=\"12\" fill=\"\(ReviewPalette.muted)\" text-anchor=\"end\">more shared power</text>"
        return svg + "</svg>"
    }

    var coverage: String {
        let maxN = max(1, r.coverage.map(\.partnerships).max() ?? 1)
        var s = "<table class=\"cov\">"
        for c in r.coverage {
            let width = c.partnerships == 0 ? 0 : max(6, 140 * c.partnerships / maxN)
            s += "<tr><td>\(h(c.label)) <span class=\"muted\">×\(h(formatNumber(c.weight)))</span></td><td>"
            s +=
                c.partnerships == 0
                ? "<b class=\"red-text\">not served</b>"
                : "<span class=\"bar\" style=\"width:\(width)px\"></span> \(c.partnerships)"
            if !c.candidates.isEmpty {
                s +=
                    "<div class=\"muted\">candidates: "
                    + c.candidates.map { h("\(w.displayName($0.id)) (\(Int($0.score.rounded())))") }.joined(
                        separator: ", ") + "</div>"
            }
            s += "</td></tr>"
        }
        return s + "</table>"
    }

    var audiences: String {
        list(
            r.audiences.map { a in
                "\(a.label) (weight \(formatNumber(a.weight))): "
                    + (a.partnerships.isEmpty
                        ? "not reached by any active partnership"
                        : "\(a.partnerships.count) partnership\(a.partnerships.count == 1 ? "" : "s")")
            })
    }

    func fmt(_ d: Double) -> String { d.isFinite ? String(format: "%.1f", d) : "0" }
}
