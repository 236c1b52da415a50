import Testing

@testable import PartnerKit

/// The review's health rules one by one (each starting from a complete, healthy plan and
/// breaking one thing), coverage, and a two-quarter sequence.
@Suite struct ReviewTests {
    static let asOf = SpectrumFixture.asOf  // 2026-11-29, in 2026-Q4
    static let quarter = Quarter(year: 2026, number: 4)

    static func review(
        _ partnerships: [Partnership], previous: ReviewSnapshot? = nil, workspace: Workspace? = nil
    ) -> PortfolioReview {
        var w = workspace ?? SpectrumFixture.workspace()
        w.partnerships = partnerships
        return ReviewEngine.review(
            workspace: w, spectrum: SpectrumFixture.rubric("spectrum-iap2"), quarter: quarter, asOf: asOf,
            previous: previous)
    }

    static func health(_ p: Partnership) -> PortfolioReview.PartnershipHealth? {
        review([p]).partnerships.first
    }

    @Test func completePlanIsGreen() throws {
        let h = try #require(Self.health(SpectrumFixture.completePlan()))
        #expect(h.health == .green, "\(h.issues.map(\.text))")
        #expect(h.issues.isEmpty)
    }

    @Test func overdueMilestone() throws {
        var p = SpectrumFixture.completePlan()
        p.milestones.append(.init(title: "Launch", due: Day("2026-10-01")))
        let h = try #require(Self.health(p))
        #expect(h.issues.map(\.code) == [.milestoneOverdue])
        #expect(h.health == .amber)
        #expect(h.suggestion.kind == .repair)
        #expect(h.suggestion.text.contains("\"Launch\""))
    }

    @Test func communicationWithinGraceIsFineAndPastItIsOverdue() throws {
        var p = SpectrumFixture.completePlan()
        // 40 days of silence: within 30 × 1.5.
        p.communication = .init(cadenceDays: 30, log: [Day("2026-10-20")].compactMap { $0 })
        #expect(try #require(Self.health(p)).issues.isEmpty)
        p.communication = .init(cadenceDays: 30, log: [Day("2026-10-01")].compactMap { $0 })  // 59 days
        let h = try #require(Self.health(p))
        #expect(h.issues.map(\.code) == [.communicationOverdue])
        #expect(h.health == .amber)
        // 151 days: past three cadences.
        p.communication = .init(cadenceDays: 30, log: [Day("2026-07-01")].compactMap { $0 })
        #expect(try #require(Self.health(p)).health == .red)
    }

    @Test func goalDueThisQuarterWithoutResult() throws {
        var p = SpectrumFixture.completePlan()
        p.goals.append(
            .init(
                text: "Reach 50 people", metric: "people", target: 50, due: Day("2026-11-01"),
                priority: "workforce"))
        let h = try #require(Self.health(p))
        #expect(h.issues.map(\.code) == [.goalUnreported])
        p.goals[1].achieved = 61
        #expect(try #require(Self.health(p)).issues.isEmpty)
    }

    @Test func aPartyContributingNothing() throws {
        var p = SpectrumFixture.completePlan()
        p.contributions.removeAll { $0.party == "cu" }
        let h = try #require(Self.health(p))
        #expect(h.issues.contains { $0.code == .noContribution && $0.text.contains("Harbor Credit Union") })
    }

    @Test func readinessGapsComeFromTheSpectrumEngine() throws {
        var p = SpectrumFixture.completePlan()
        p.exitPlan = nil
        p.roles = []
        let h = try #require(Self.health(p))
        #expect(Set(h.issues.map(\.code)) == [.readiness(.exitPlan), .readiness(.roles)])
        #expect(h.issues.allSatisfy { !$0.major })
        #expect(h.health == .amber, "two plan gaps make it amber")
    }

    @Test func twoMajorIssuesMakeItRed() throws {
        var p = SpectrumFixture.completePlan()
        p.milestones.append(.init(title: "A", due: Day("2026-09-01")))
        p.milestones.append(.init(title: "B", due: Day("2026-10-01")))
        #expect(try #require(Self.health(p)).health == .red)
    }

    @Test func proposedAreListedApartAndOldEndedOnesLeftOut() {
        var proposed = SpectrumFixture.completePlan()
        proposed.id = "new"
        proposed.status = .proposed
        var endedLong = SpectrumFixture.completePlan()
        endedLong.id = "old"
        endedLong.status = .ended
        endedLong.ends = Day("2025-06-30")
        var endedNow = endedLong
        endedNow.id = "recent"
        endedNow.ends = Day("2026-10-15")
        let r = Self.review([proposed, endedLong, endedNow])
        #expect(r.proposed.map(\.id) == ["new"])
        #expect(r.partnerships.map(\.id) == ["recent"])
    }

    @Test func coverageByGoalAndUncoveredPriorities() {
        var w = SpectrumFixture.workspace()
        w.library.priorities.append(.init(id: "climate", label: "Climate resilience", weight: 1))
        let r = Self.review([SpectrumFixture.completePlan()], workspace: w)
        #expect(r.coverage.map(\.priority) == ["workforce", "climate"])
        #expect(r.coverage[0].byGoal == ["clinic"])
        #expect(r.coverage[1].partnerships == 0)
        #expect(r.recommendations.contains { $0.contains("Climate resilience") })
    }

    @Test func twoQuarterSequenceShowsMovement() throws {
        // Q3: the clinic sat at consult and was amber; now it collaborates and is green.
        let previous = ReviewSnapshot(
            quarter: Quarter(year: 2026, number: 3),
            partnerships: [
                SnapshotEntry(id: "clinic", health: .amber, level: "consult", position: 2.0),
                SnapshotEntry(id: "gone", health: .red, level: "inform", position: 1.0),
            ],
            coverage: ["workforce": 0], ties: [], file: "reviews/2026-Q3.json")
        let r = Self.review([SpectrumFixture.completePlan()], previous: previous)
        let h = try #require(r.partnerships.first)
        #expect(h.movement?.hasPrefix("up from consult") == true, "\(String(describing: h.movement))")
        #expect(r.movement.contains { $0.contains("health amber → green") })
        #expect(r.movement.contains { $0.contains("gone") && $0.contains("no longer") })
        #expect(r.movement.contains { $0.contains("Workforce development: 0 → 1") })
        #expect(r.previousQuarter == Quarter(year: 2026, number: 3))
    }

    @Test func redTwoQuartersRunningSuggestsPausingGracefully() throws {
        var p = SpectrumFixture.completePlan()
        p.milestones.append(.init(title: "A", due: Day("2026-09-01")))
        p.milestones.append(.init(title: "B", due: Day("2026-10-01")))
        let previous = ReviewSnapshot(
            quarter: Quarter(year: 2026, number: 3),
            partnerships: [SnapshotEntry(id: "clinic", health: .red, level: "collaborate", position: 4.4)],
            coverage: [:], ties: nil, file: "x")
        let h = try #require(Self.review([p], previous: previous).partnerships.first)
        #expect(h.suggestion.kind == .pause)
        #expect(h.suggestion.text.contains("not ending the relationship"))
    }

    @Test func snapshotRoundTripsThroughTheArchiveReader() throws {
        var w = SpectrumFixture.workspace()
        w.partnerships = [SpectrumFixture.completePlan()]
        let r = Self.review(w.partnerships, workspace: w)
        let json = ReviewReport(review: r, workspace: w).json.serialized()
        let (snapshot, problems) = ReviewSnapshot.read(
            Array(json.utf8), file: "2026-Q4.json", quarter: Self.quarter)
        #expect(problems.isEmpty)
        let s = try #require(snapshot)
        #expect(s.partnerships.map(\.id) == ["clinic"])
        #expect(s.partnerships.first?.level == r.partnerships.first?.level)
        #expect(s.coverage["workforce"] == 1)
    }

    @Test func htmlEscapesHostileNames() {
        var w = SpectrumFixture.workspace()
        w.library.name = "<script>alert('lib')</script>"
        var p = SpectrumFixture.completePlan()
        p.title = "Tom & Jerry's \"<b>bold</b>\" club"
        w.partnerships = [p]
        let r = Self.review(w.partnerships, workspace: w)
        let page = ReviewHTML(report: ReviewReport(review: r, workspace: w)).page
        // The page's own script, and nothing else that could run.
        ReviewPageTests.checkOneScript(page)
        #expect(!page.replacingOccurrences(of: ReviewHTML.scriptElement, with: "").contains("<script>"))
        #expect(!page.contains("<b>bold</b>"))
        #expect(page.contains("&lt;script&gt;alert(&#39;lib&#39;)&lt;/script&gt;"))
        #expect(page.contains("Tom &amp; Jerry&#39;s &quot;&lt;b&gt;bold&lt;/b&gt;&quot; club"))
        #expect(!page.contains("http://") && !page.contains("https://"), "the page fetches nothing")
    }

    @Test func sameInputSameOutput() {
        var w = SpectrumFixture.workspace()
        w.partnerships = [SpectrumFixture.completePlan()]
        let a = ReviewReport(review: Self.review(w.partnerships, workspace: w), workspace: w)
        let b = ReviewReport(review: Self.review(w.partnerships, workspace: w), workspace: w)
        #expect(a.json.serialized() == b.json.serialized())
        #expect(ReviewHTML(report: a).page == ReviewHTML(report: b).page)
    }
}
