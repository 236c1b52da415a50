import Foundation
import Testing

@testable import PartnerKit

/// The review page (`review --html`): the first screen's five actions and the rest grouped as
/// the review groups them, a map whose labels never overlap (on the sample and on hostile,
/// long and wide names), colours that meet WCAG AA, headings in order, and one script of
/// ours only.
@Suite struct ReviewPageTests {
    /// The sample workspace's review, as `review --html` builds it.
    static func sample() throws -> ReviewHTML {
        let result = WorkspaceLoader.load(
            directory: repositoryRoot + "/Data/sample", defaultVocabulary: toolkitVocabulary)
        let w = try #require(result.workspace)
        let scoring = try #require(
            RubricReader.load(path: repositoryRoot + "/Rubrics/partner-fit.json", sink: DiagnosticSink()))
        let asOf = try #require(Day("2026-11-29"))
        let r = ReviewEngine.fullReview(
            workspace: w, spectrum: SpectrumFixture.rubric("spectrum-iap2"), scoring: scoring,
            quarter: asOf.quarter, asOf: asOf, previous: nil)
        return ReviewHTML(report: ReviewReport(review: r, workspace: w))
    }

    /// Names a browser would render, a layout would choke on, or a narrow column would cut.
    static let awkwardNames = [
        "<script>alert(1)</script>", #"=HYPERLINK("http://x")"#, #""quotes" & ampersands"#,
        "The Extraordinarily Long-Named Regional Consortium for Workforce, Literacy and Lifelong Learning of the Greater Harbor Area",
        "Supercalifragilisticexpialidociousorganizationwithoutanyspacesatall",
        String(repeating: "W", count: 48), "港湾市立図書館友の会と地域学習支援センター協議会",
        "جمعية المكتبة العامة في مدينة الميناء",
        "Two\r\nLines\tand a tab", "📚🏳️‍🌈 Reading Rainbow Collective 🌈📚", "A", "Ünïcödé Ćômbïnïng Märks Société",
    ]

    /// A library with `n` partners (two in three of them in an active partnership, the rest
    /// tied to the library only) named from `awkwardNames`, plus `others` organizations the
    /// library merely knows.
    static func crowded(_ n: Int, others: Int = 10) -> ReviewHTML {
        let base = SpectrumFixture.workspace()
        var orgs = base.organizations
        var ties: [Tie] = []
        var partnerships: [Partnership] = []
        for k in 0..<(n + others) {
            let id = "o\(k)"
            orgs.append(Organization(id: id, name: "\(awkwardNames[k % awkwardNames.count]) \(k)"))
            ties.append(Tie(source: "library", target: id, kind: "partnered", strength: Double(1 + k % 4)))
            if k > 0 { ties.append(Tie(source: "o\(k - 1)", target: id, kind: "knows", strength: 2)) }
            guard k < n, k % 3 != 2 else { continue }
            var p = SpectrumFixture.completePlan()
            p.id = "p\(k)"
            p.title = "Partnership \(k) with \(awkwardNames[k % awkwardNames.count])"
            p.partners = [id]
            p.contributions = [.init(party: "library", kind: .space), .init(party: id, kind: .expertise)]
            p.roles = [.init(party: "library", does: "room"), .init(party: id, does: "work")]
            p.benefits = [.init(party: "library", what: "reach"), .init(party: id, what: "space")]
            if k % 2 == 1 { p.milestones.append(.init(title: "Overdue \(k)", due: Day("2026-09-01"))) }
            partnerships.append(p)
        }
        let w = Workspace(
            library: base.library, organizations: orgs, ties: ties, partnerships: partnerships,
            tags: base.tags)
        let r = ReviewTests.review(partnerships, workspace: w)
        return ReviewHTML(report: ReviewReport(review: r, workspace: w))
    }

    /// A name as the map writes it: whitespace runs as one space.
    static func flat(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func checkMap(_ page: ReviewHTML) {
        let map = page.map
        #expect(map.overlaps.isEmpty, "overlapping: \(map.overlaps.prefix(5))")
        for l in map.labels + [map.libraryLabel] {
            #expect(l.box.x >= 0 && l.box.y >= 0, "\(l.node) off the canvas")
            #expect(l.box.maxX <= map.width && l.box.maxY <= map.height, "\(l.node) off the canvas")
        }
        // Every partner in a reviewed partnership carries its full name, never cut short.
        let partners = Set(page.r.partnerships.flatMap(\.partners))
        let labelled = Dictionary(map.labels.map { ($0.node, $0) }, uniquingKeysWith: { a, _ in a })
        for id in partners {
            let label = labelled[id]
            #expect(label != nil, "\(id) has no label")
            if let label {
                #expect(label.lines.joined(separator: " ") == flat(page.w.displayName(id)))
            }
        }
    }

    @Test func theSampleMapHasFullLabelsThatDoNotOverlap() throws {
        let page = try Self.sample()
        Self.checkMap(page)
        // The organizations the actions name are labelled too (candidates, quiet ties).
        let labelled = Set(page.map.labels.map(\.node))
        for a in page.r.actions {
            for o in a.organizations where page.w.organization(o) != nil {
                #expect(labelled.contains(o), "\(o), named by \(a.group), has no label")
            }
        }
    }

    @Test(arguments: [1, 7, 24, 60])
    func hostileLongAndWideNamesDoNotOverlap(partners: Int) {
        Self.checkMap(Self.crowded(partners))
    }

    /// The check itself: a label moved onto another is reported.
    @Test func anOverlapIsFound() throws {
        var map = try Self.sample().map
        #expect(map.labels.count >= 2)
        map.labels[1].box = map.labels[0].box
        #expect(map.overlaps.contains { $0.0 == map.labels[0].node && $0.1 == map.labels[1].node })
    }

    @Test func hostileNamesAreTextInTheMapAndTheCards() {
        let page = Self.crowded(12).page
        let svg = page.components(separatedBy: "<svg id=\"map-svg\"").last?.components(separatedBy: "</svg>")
            .first
        let cards = page.components(separatedBy: "<section id=\"cards\"").last?.components(
            separatedBy: "</main>"
        )
        .first
        for part in [svg, cards] {
            #expect(part?.contains("&lt;script&gt;alert(1)&lt;/script&gt;") == true)
            #expect(part?.contains("<script") == false)
        }
        // An organization the library only knows is named on hover, as text too.
        #expect(svg?.contains("&quot;quotes&quot; &amp; ampersands 2") == true)
        Self.checkOneScript(page)
    }

    /// The page's only script is ours, word for word: no `src`, no other script element.
    static func checkOneScript(_ page: String) {
        #expect(page.components(separatedBy: "<script").count == 2, "exactly one script element")
        #expect(page.contains(ReviewHTML.scriptElement))
        let rest = page.replacingOccurrences(of: ReviewHTML.scriptElement, with: "")
        #expect(!rest.lowercased().contains("<script"))
        #expect(!ReviewHTML.script.contains("http") && !ReviewHTML.script.contains("src"))
        #expect(page.contains("Content-Security-Policy"))
        #expect(ReviewHTML.contentSecurityPolicy.hasPrefix("default-src 'none'"))
    }

    @Test func theFirstScreenListsFiveActionsAndGroupsTheRest() throws {
        let html = try Self.sample()
        let page = html.page
        let all = html.r.actions
        #expect(all.count > 5, "the sample has more than five things to do")
        let first =
            try #require(page.components(separatedBy: "<section id=\"actions\">").last)
            .components(separatedBy: "</section>").first ?? ""
        #expect(first.components(separatedBy: "<li class=\"action\"").count - 1 == 5)
        #expect(html.actionCount == 5)
        // The five are the review's first five, in its order.
        for (k, a) in all.prefix(5).enumerated() {
            let item = first.components(separatedBy: "<li class=\"action\"").dropFirst()[k + 1]
            #expect(item.contains("data-group=\"\(a.group.rawValue)\""))
            if let s = a.subject { #expect(item.contains(Escape.html(s))) }
        }
        // The rest: one collapsible group per kind, headed as the review names it, with counts.
        let rest = all.dropFirst(5)
        let more = try #require(page.components(separatedBy: "<section id=\"more\">").last)
        for g in Recommendation.Group.allCases {
            let n = rest.count { $0.group == g }
            let head =
                "<details class=\"group\" data-group=\"\(g.rawValue)\"><summary><h3>\(Escape.html(g.heading)) <span class=\"count\">\(n)</span>"
            #expect(more.contains(head) == (n > 0), "\(g): \(n)")
        }
        #expect(more.components(separatedBy: "<li class=\"action\"").count - 1 >= rest.count)
    }

    @Test func eachActionIsOneShortSentence() {
        let intro = ReviewHTML.headline("Introduce A and B: Both serve families", why: "Both serve families")
        #expect(intro.head == "Introduce A and B" && intro.rest == nil)
        let long = ReviewHTML.headline(
            "no active partnership serves this priority; consider "
                + String(repeating: "Some Organization (fit 50 of 100), ", count: 4))
        #expect(long.head == "no active partnership serves this priority")
        #expect(long.rest?.hasPrefix("consider Some Organization") == true)
    }

    @Test func thePaletteMeetsWCAGAA() {
        for p in ReviewPalette.textPairs {
            #expect(
                ReviewPalette.contrast(p.fg, p.bg) >= 4.5, "\(p.name): \(ReviewPalette.contrast(p.fg, p.bg))")
        }
        for p in ReviewPalette.graphicPairs {
            #expect(ReviewPalette.contrast(p.fg, p.bg) >= 3, "\(p.name)")
        }
        // The check can fail: light grey on white does not pass.
        #expect(ReviewPalette.contrast("#aaaaaa", "#ffffff") < 4.5)
        #expect(abs(ReviewPalette.contrast("#000000", "#ffffff") - 21) < 0.01)
    }

    /// Health is a word and a shape as well as a colour, on the cards and on the map.
    @Test func colourIsNeverTheOnlySignal() throws {
        let html = try Self.sample()
        let page = html.page
        let shapes = Set(
            PortfolioReview.Health.allCases.map { ReviewPalette.marker($0, x: 0, y: 0, r: 1).prefix(5) })
        #expect(shapes.count == 3, "three different shapes")
        for p in html.r.partnerships {
            let card = try #require(
                page.components(separatedBy: "<h3>\(Escape.html(p.title))</h3>").dropFirst().first)
            let badge = card.components(separatedBy: "</dd>").first ?? ""
            #expect(badge.contains("</svg>\(p.health.rawValue)</span>"), "\(p.id)")
        }
        #expect(page.contains("partner, amber (needs attention)"), "the legend says it in words")
        // The next step is the advice itself, without the review's lead-in.
        #expect(!page.contains("<dt>Next step</dt><dd>The one thing to fix first"))
        #expect(!page.contains("<dt>Next step</dt><dd>Repair first"))
    }

    @Test func headingsAreInOrder() throws {
        let page = try Self.sample().page
        var levels: [Int] = []
        var rest = page[...]
        while let r = rest.range(of: "<h") {
            let after = rest[r.upperBound...]
            if let d = after.first, let n = d.wholeNumberValue, (1...6).contains(n) { levels.append(n) }
            rest = after
        }
        #expect(levels.first == 1)
        #expect(levels.count { $0 == 1 } == 1)
        for (a, b) in zip(levels, levels.dropFirst()) { #expect(b <= a + 1, "h\(a) then h\(b)") }
    }

    @Test func thePageFetchesNothing() throws {
        let page = try Self.sample().page
        Self.checkOneScript(page)
        for url in ["http:", "https:", "src=", "url(", "@import", "//fonts", "<link", "<img", "<iframe"] {
            #expect(!page.contains(url), "\(url) in the page")
        }
        // Links only within the page.
        for part in page.components(separatedBy: "href=\"").dropFirst() { #expect(part.hasPrefix("#")) }
    }

    @Test func theOneLineSummary() throws {
        #expect(try Self.sample().summary(file: "r.html") == "wrote r.html: 5 actions, 13 partnerships")
    }
}

extension ReviewPageTests {
    /// The text and Markdown reviews have the page's shape: the same first five actions,
    /// numbered, then every other one under its group's heading with that group's count, and
    /// nothing listed twice or lost.
    @Test func textAndMarkdownGroupTheActionsAsThePageDoes() throws {
        let page = try Self.sample()
        let work = page.r.actions.filter { $0.group != .bookkeeping }
        let first = work.prefix(ReviewHTML.firstScreen)
        let rest = work.dropFirst(ReviewHTML.firstScreen)
        #expect(rest.count > 0, "the sample has more than five actions")
        let text = page.report.text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "WHAT TO DO FIRST THIS QUARTER"))
        let numbered = lines[(start + 1)...].prefix { !$0.isEmpty }.filter { !$0.hasPrefix("     ") }
        #expect(numbered.count == first.count)
        for (k, (line, a)) in zip(numbered, first).enumerated() {
            #expect(line == "  \(k + 1). \(ReviewReport.listLine(a))", "action \(k + 1)")
        }
        #expect(text.contains("EVERYTHING ELSE, BY KIND (\(rest.count))"))
        #expect(!text.contains("  \(ReviewHTML.firstScreen + 1). "), "only the first five are numbered")
        let markdown = page.report.markdown
        var listed = 0
        for g in Recommendation.Group.allCases where g != .bookkeeping {
            let items = rest.filter { $0.group == g }
            if items.isEmpty {
                #expect(!text.contains("  \(g.heading) ("))
                continue
            }
            #expect(text.contains("  \(g.heading) (\(items.count))\n"), "\(g)")
            #expect(markdown.contains("### \(g.heading) (\(items.count))"), "\(g)")
            for a in items { #expect(text.contains("    - \(ReviewReport.listLine(a))\n")) }
            listed += items.count
        }
        #expect(listed == rest.count)
        #expect(markdown.contains("## What to do first this quarter"))
        // The amber lead-in is said by the partnership's own line, not repeated down the lists.
        let lists = try #require(text.components(separatedBy: "WHAT TO DO FIRST THIS QUARTER").last)
        #expect(work.contains { $0.leadIn == .fixFirst }, "the sample has amber repairs")
        #expect(!lists.contains("the one thing to fix first"), "\(lists)")
        #expect(text.contains("→ the one thing to fix first: "))
        #expect(lists.contains(": repair first: "), "red keeps its lead-in")
    }
}
