import Foundation

/// The quarterly review as one self-contained HTML page: inline CSS and inline SVG, no
/// scripts, fonts or images fetched from anywhere, readable on screen and printable. Every
/// user-supplied string goes through `Escape.html`. The network map's layout is a pure
/// function of the workspace (nodes placed on rings in id order), so the same input always
/// draws the same picture.
public struct ReviewHTML: Sendable {
    public var report: ReviewReport
    public init(report: ReviewReport) { self.report = report }

    var r: PortfolioReview { report.review }
    var w: Workspace { report.workspace }

    func h(_ s: String) -> String { Escape.html(s) }

    static let colors: [PortfolioReview.Health: String] = [
        .green: "#2e7d32", .amber: "#ef8f00", .red: "#c62828",
    ]

    public var page: String {
        var s = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h("Partnership review \(r.quarter) — \(r.libraryName)"))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header>
            <h1>Partnership review \(h(r.quarter.description))</h1>
            <p class="sub">\(h(r.libraryName)) · as of \(h(r.asOf.description)) · \(r.previousQuarter.map { "compared with " + h($0.description) } ?? "no earlier snapshot to compare with")</p>
            </header>

            """
        s += summary
        s += section("Recommendations", recommendations)
        s +=
            "<div class=\"two\">" + section("Where the portfolio sits on the spectrum", spectrumChart)
            + section("Library priorities served", coverage) + "</div>"
        s += section("Partnership health", healthTable)
        s += ReviewSurveyRendering.html(report)
        if !r.proposed.isEmpty { s += section("Proposed", proposedList) }
        s += section("The network this quarter", networkNotes)
        s += section("Relationship map", networkMap)
        if !r.movement.isEmpty {
            s += section(
                "What moved since \(r.previousQuarter.map { $0.description } ?? "the last review")",
                list(r.movement))
        }
        s += section("Audiences reached", audiences)
        s += """
            <footer>Made with partnerkit review on \(h(r.asOf.description)). Spectrum: \(h(r.spectrumName)). Contacts' emails and phones are never shown in this report.</footer>
            </body>
            </html>

            """
        return s
    }

    static let css = """
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --bg: #f8fafc; --accent: #245b8f; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
               max-width: 1100px; margin: 0 auto; padding: 24px; background: #fff; }
        header h1 { margin: 0 0 4px; font-size: 26px; color: var(--accent); }
        .sub { margin: 0 0 16px; color: var(--muted); }
        h2 { font-size: 17px; margin: 0 0 10px; color: var(--accent); border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        section { margin: 18px 0; break-inside: avoid; }
        .two { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
        .cards { display: flex; gap: 12px; flex-wrap: wrap; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 120px; background: var(--bg); }
        .card b { display: block; font-size: 24px; }
        .card span { color: var(--muted); font-size: 12px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 7px 8px; border-bottom: 1px solid var(--line); }
        th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
        tr { break-inside: avoid; }
        .badge { display: inline-block; padding: 2px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; }
        .green { background: #2e7d32; } .amber { background: #ef8f00; } .red { background: #c62828; }
        ul.issues { margin: 4px 0 0; padding-left: 18px; color: var(--muted); font-size: 13px; }
        .muted { color: var(--muted); }
        .bar { height: 12px; background: var(--accent); border-radius: 3px; display: inline-block; vertical-align: middle; }
        .bar.zero { background: #c62828; width: 4px; }
        .cov td { border: none; padding: 4px 6px; }
        ol.recs li { margin-bottom: 6px; }
        svg text { font-family: inherit; }
        footer { margin-top: 28px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
        @media (max-width: 800px) { .two { display: block; } }
        @media print { body { padding: 0; max-width: none; } .two { grid-template-columns: 1fr 1fr; } h2 { break-after: avoid; } }
        """

    func section(_ title: String, _ body: String) -> String {
        "<section>\n<h2>\(h(title))</h2>\n\(body)\n</section>\n"
    }

    func list(_ items: [String]) -> String {
        "<ul>" + items.map { "<li>\(h($0))</li>" }.joined() + "</ul>"
    }

    var summary: String {
        let c = r.healthCounts
        let covered = r.coverage.count { $0.partnerships > 0 }
        var cards: [(String, String, String)] = [
            ("\(c[.green] ?? 0)", "healthy (green)", "green"),
            ("\(c[.amber] ?? 0)", "need attention (amber)", "amber"),
            ("\(c[.red] ?? 0)", "in trouble (red)", "red"),
            ("\(covered) / \(r.coverage.count)", "priorities served", ""),
            ("\(r.proposed.count)", "proposed", ""), ("\(r.quietTies.count)", "strong ties gone quiet", ""),
        ]
        if let n = r.newTies { cards.append(("\(n.count)", "new ties", "")) }
        return "<div class=\"cards\">"
            + cards.map { v, label, cls in
                "<div class=\"card\"><b\(cls.isEmpty ? "" : " style=\"color:\(Self.colors[PortfolioReview.Health(rawValue: cls) ?? .green] ?? "#000")\"")>\(h(v))</b><span>\(h(label))</span></div>"
            }.joined() + "</div>\n"
    }

    var recommendations: String {
        r.recommendations.isEmpty
            ? "<p class=\"muted\">Nothing to act on this quarter.</p>"
            : "<ol class=\"recs\">" + r.recommendations.map { "<li>\(h($0))</li>" }.joined() + "</ol>"
    }

    /// A column chart: one column per level, in spectrum order.
    var spectrumChart: String {
        let d = r.distribution
        let width = 460.0, height = 200.0, top = 20.0, bottom = 40.0
        let maxCount = Double(max(1, d.map(\.count).max() ?? 1))
        let slot = width / Double(max(1, d.count))
        var svg =
            "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"partnerships per spectrum level\">"
        svg +=
            "<line x1=\"0\" y1=\"\(height - bottom)\" x2=\"\(width)\" y2=\"\(height - bottom)\" stroke=\"#9aa5b1\"/>"
        for (k, level) in d.enumerated() {
            let barH = (height - top - bottom) * Double(level.count) / maxCount
            let x = Double(k) * slot + slot * 0.2
            let shade = 0.35 + 0.65 * Double(k + 1) / Double(d.count)
            svg +=
                "<rect x=\"\(fmt(x))\" y=\"\(fmt(height - bottom - barH))\" width=\"\(fmt(slot * 0.6))\" height=\"\(fmt(barH))\" fill=\"#245b8f\" fill-opacity=\"\(fmt(shade))\" rx=\"3\"/>"
            svg +=
                "<text x=\"\(fmt(x + slot * 0.3))\" y=\"\(fmt(height - bottom - barH - 5))\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\">\(level.count)</text>"
            svg +=
                "<text x=\"\(fmt(x + slot * 0.3))\" y=\"\(fmt(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"12\">\(h(level.name))</text>"
        }
        svg +=
            "<text x=\"0\" y=\"\(fmt(height - 4))\" font-size=\"10\" fill=\"#616e7c\">less shared power</text>"
        svg +=
            "<text x=\"\(fmt(width))\" y=\"\(fmt(height - 4))\" font-size=\"10\" fill=\"#616e7c\" text-anchor=\"end\">more shared power</text>"
        return svg + "</svg>"
    }

    var coverage: String {
        let maxN = max(1, r.coverage.map(\.partnerships).max() ?? 1)
        var s = "<table class=\"cov\">"
        for c in r.coverage {
            let width = c.partnerships == 0 ? 0 : max(6, 160 * c.partnerships / maxN)
            s += "<tr><td>\(h(c.label)) <span class=\"muted\">×\(h(formatNumber(c.weight)))</span></td><td>"
            s +=
                c.partnerships == 0
                ? "<span class=\"bar zero\"></span> <b style=\"color:#c62828\">not served</b>"
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

    /// A small track from position 1 to 5 with the partnership's dot on it.
    func positionTrack(_ position: Double, _ health: PortfolioReview.Health) -> String {
        let x = 6 + (min(5, max(1, position)) - 1) / 4 * 108
        var svg =
            "<svg viewBox=\"0 0 120 14\" width=\"120\" height=\"14\" aria-hidden=\"true\"><line x1=\"6\" y1=\"7\" x2=\"114\" y2=\"7\" stroke=\"#d9e2ec\" stroke-width=\"3\"/>"
        for k in 0..<5 {
            svg +=
                "<line x1=\"\(fmt(6 + Double(k) * 27))\" y1=\"3\" x2=\"\(fmt(6 + Double(k) * 27))\" y2=\"11\" stroke=\"#9aa5b1\"/>"
        }
        svg += "<circle cx=\"\(fmt(x))\" cy=\"7\" r=\"5\" fill=\"\(Self.colors[health] ?? "#000")\"/></svg>"
        return svg
    }

    var healthTable: String {
        var s =
            "<table><thead><tr><th>Health</th><th>Partnership</th><th>Spectrum</th><th>Issues</th><th>Suggestion</th></tr></thead><tbody>"
        for p in r.partnerships.sorted(by: { ($1.health, $0.title) < ($0.health, $1.title) }) {
            let partners = p.partners.map { w.displayName($0) }.joined(separator: ", ")
            s += "<tr><td><span class=\"badge \(p.health.rawValue)\">\(p.health.rawValue)</span></td>"
            s +=
                "<td><b>\(h(p.title))</b><br><span class=\"muted\">\(h(partners))\(p.status == .active ? "" : " · " + h(p.status.rawValue))\(p.kind == .partnership ? "" : " · " + h(p.kind.rawValue))</span></td>"
            s +=
                "<td>\(positionTrack(p.position, p.health))<br>\(h(p.levelName)) \(String(format: "%.1f", p.position))"
            if let e = p.edgingToward { s += "<br><span class=\"muted\">edging toward \(h(e))</span>" }
            if let m = p.movement { s += "<br><span class=\"muted\">\(h(m))</span>" }
            s += "</td><td>"
            s +=
                p.issues.isEmpty
                ? "<span class=\"muted\">none</span>"
                : "<ul class=\"issues\">" + p.issues.map { "<li>\(h($0.text))</li>" }.joined() + "</ul>"
            s += "</td><td>\(h(p.suggestion.text))</td></tr>"
        }
        return s + "</tbody></table>"
    }

    var proposedList: String {
        list(
            r.proposed.map { p in
                let gaps = p.issues.filter { !$0.major }.count
                return
                    "\(p.title) (\(p.partners.map { w.displayName($0) }.joined(separator: ", "))): would sit at \(p.levelName) \(String(format: "%.1f", p.position)), \(p.kind.rawValue); \(gaps == 0 ? "plan ready" : "\(gaps) gap\(gaps == 1 ? "" : "s") in the plan")"
            })
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

    var networkNotes: String {
        var items: [String] = []
        if let n = r.newTies {
            items.append("\(n.count) new tie\(n.count == 1 ? "" : "s") since the last review")
        }
        for t in r.quietTies.prefix(8) {
            items.append(
                "Gone quiet: \(w.displayName(t.a)) — \(w.displayName(t.b)) (strength \(formatNumber(t.strength)))"
                    + (t.lastContact.map { ", last contact \($0) (\(t.daysQuiet ?? 0) days)" }
                        ?? ", no contact date"))
        }
        if r.quietTies.count > 8 { items.append("…and \(r.quietTies.count - 8) more strong ties gone quiet") }
        for i in r.introductions {
            items.append("Introduce \(w.displayName(i.a)) and \(w.displayName(i.b)): \(i.reason)")
        }
        return items.isEmpty ? "<p class=\"muted\">No changes to report.</p>" : list(items)
    }

    /// The library in the middle; on the inner ring the organizations in reviewed
    /// partnerships (coloured by their worst health), on the outer ring the other
    /// organizations the library is tied to directly. Both rings in id order.
    var networkMap: String {
        let lib = w.library.id
        var worst: [String: PortfolioReview.Health] = [:]
        for p in r.partnerships { for o in p.partners { worst[o] = max(worst[o] ?? .green, p.health) } }
        var libraryTie: [String: Tie] = [:]
        for t in w.ties {
            let other = t.source == lib ? t.target : (t.target == lib ? t.source : nil)
            if let other, w.organization(other) != nil { libraryTie[other] = t }
        }
        let inner = worst.keys.filter { w.organization($0) != nil }.sorted()
        let outer = libraryTie.keys.filter { worst[$0] == nil }.sorted()
        let size = 640.0, c = size / 2
        var pos: [String: (Double, Double, Double)] = [lib: (c, c, 0)]
        func place(_ ids: [String], radius: Double, offset: Double) {
            for (k, id) in ids.enumerated() {
                let a = offset + 2 * Double.pi * Double(k) / Double(max(1, ids.count))
                pos[id] = (c + radius * cos(a), c + radius * sin(a), a)
            }
        }
        place(inner, radius: 105, offset: -Double.pi / 2)
        place(outer, radius: 262, offset: -Double.pi / 2 + 0.1)
        var svg =
            "<svg viewBox=\"-80 -60 \(Int(size) + 160) \(Int(size) + 120)\" width=\"100%\" style=\"max-width:860px;display:block;margin:auto\" role=\"img\" aria-label=\"relationship map\">"
        // Ties between organizations on the map, then the library's own ties on top.
        for t in w.ties {
            guard t.source != lib, t.target != lib, let a = pos[t.source], let b = pos[t.target] else {
                continue
            }
            svg +=
                "<line x1=\"\(fmt(a.0))\" y1=\"\(fmt(a.1))\" x2=\"\(fmt(b.0))\" y2=\"\(fmt(b.1))\" stroke=\"#cbd2d9\" stroke-width=\"0.8\"/>"
        }
        let quiet = Set(r.quietTies.map { "\($0.a)|\($0.b)" })
        for (id, t) in libraryTie.sorted(by: { $0.key < $1.key }) {
            guard let p = pos[id] else { continue }
            let dashed = quiet.contains("\(t.source)|\(t.target)") ? " stroke-dasharray=\"4 3\"" : ""
            svg +=
                "<line x1=\"\(fmt(c))\" y1=\"\(fmt(c))\" x2=\"\(fmt(p.0))\" y2=\"\(fmt(p.1))\" stroke=\"#245b8f\" stroke-opacity=\"0.55\" stroke-width=\"\(fmt(max(0.5, t.strength * 0.8)))\"\(dashed)/>"
        }
        for (ring, ids) in [(0, inner), (1, outer)] {
            for id in ids {
                guard let p = pos[id] else { continue }
                let fill = ring == 0 ? (Self.colors[worst[id] ?? .green] ?? "#000") : "#9aa5b1"
                let name = w.displayName(id)
                svg +=
                    "<circle cx=\"\(fmt(p.0))\" cy=\"\(fmt(p.1))\" r=\"\(ring == 0 ? 7 : 4.5)\" fill=\"\(fill)\" stroke=\"#fff\"><title>\(h(name))</title></circle>"
                // Labels point outward along the radius; on the left half they are flipped to read left to right.
                let deg = p.2 * 180 / Double.pi
                let left = cos(p.2) < 0
                let lx = p.0 + (ring == 0 ? 10 : 7) * cos(p.2), ly = p.1 + (ring == 0 ? 10 : 7) * sin(p.2)
                let limit = ring == 0 ? 19 : 24
                let label = name.count > limit ? String(name.prefix(limit - 1)) + "…" : name
                svg +=
                    "<text x=\"\(fmt(lx))\" y=\"\(fmt(ly))\" font-size=\"\(ring == 0 ? 9.5 : 8)\" stroke=\"#fff\" stroke-width=\"2.5\" paint-order=\"stroke\" dominant-baseline=\"middle\" text-anchor=\"\(left ? "end" : "start")\" transform=\"rotate(\(fmt(left ? deg + 180 : deg)) \(fmt(lx)) \(fmt(ly)))\" fill=\"\(ring == 0 ? "#1f2933" : "#616e7c")\">\(h(label))</text>"
            }
        }
        svg +=
            "<circle cx=\"\(fmt(c))\" cy=\"\(fmt(c))\" r=\"14\" fill=\"#245b8f\"><title>\(h(w.library.name))</title></circle>"
        svg +=
            "<text x=\"\(fmt(c))\" y=\"\(fmt(c + 28))\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"600\">\(h(w.library.name))</text>"
        svg +=
            "</svg><p class=\"muted\">Inner ring: partners in reviewed partnerships, coloured by health. Outer ring: other organizations the library knows directly. Line width: tie strength; dashed: a strong tie gone quiet.</p>"
        return svg
    }

    func fmt(_ d: Double) -> String { d.isFinite ? String(format: "%.1f", d) : "0" }
}
