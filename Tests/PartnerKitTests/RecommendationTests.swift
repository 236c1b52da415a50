import Testing

@testable import PartnerKit

/// The review's advice as data: groups, urgency and order, and a goal's recorded result.
@Suite struct RecommendationTests {
    @Test func aDealbreakerProposalIsTheFirstRecommendation() throws {
        var broker = SpectrumFixture.completePlan()
        broker.id = "sponsor"
        broker.title = "Summer sponsorship"
        broker.partners = ["broker"]
        broker.status = .proposed
        broker.contributions = [
            .init(party: "library", kind: .space), .init(party: "broker", kind: .funding),
        ]
        broker.roles = [.init(party: "library", does: "room"), .init(party: "broker", does: "money")]
        broker.benefits = [
            .init(party: "library", what: "money"), .init(party: "broker", what: "visibility"),
        ]
        var red = SpectrumFixture.completePlan()
        red.communication = .init(cadenceDays: 30, log: [Day("2026-06-01")].compactMap { $0 })
        let r = ReviewTests.review([red, broker])
        let first = try #require(r.actions.first)
        #expect(first.group == .dealbreaker)
        #expect(first.partnership == "sponsor")
        #expect(first.organizations == ["broker"])
        #expect(first.text.contains("Data Broker Inc"))
        #expect(first.text.contains("sells personal data"))
        #expect(first.evidence.contains { $0.contains("sells personal data") })
        #expect(r.recommendations.first == first.line)
        #expect(r.actions.filter { $0.group == .dealbreaker }.count == 1)
    }

    @Test func orderedIsMostUrgentFirstAndStable() {
        let list = [
            Recommendation(group: .introduction, text: "a", why: "", urgency: .later),
            Recommendation(group: .repair, text: "b", why: "", urgency: .soon),
            Recommendation(group: .dealbreaker, text: "c", why: "", urgency: .now),
            Recommendation(group: .repair, text: "d", why: "", urgency: .soon),
        ]
        #expect(Recommendation.ordered(list).map(\.text) == ["c", "b", "d", "a"])
    }

    @Test func aGoalsAchievedIsReadAndMetAgainstItsTarget() throws {
        let json = """
            { "partnerships": [ { "id": "p1", "title": "Money clinic", "partners": ["cu"], "status": "active",
              "goals": [ { "text": "20 clinics", "priority": "work", "target": 20, "achieved": 22 },
                         { "text": "old name", "target": 5, "result": 3 },
                         { "text": "no result", "target": 5 } ] } ] }
            """
        let (result, _) = MiniWorkspace.load(["partnerships.json": json])
        let goals = try #require(result.workspace?.partnerships.first?.goals)
        #expect(goals.map(\.achieved) == [22, 3, nil])
        #expect(goals.map(\.met) == [true, false, nil])
    }

    @Test func aGoalsAchievedIsValidated() {
        let json = """
            { "partnerships": [ { "id": "p1", "title": "Money clinic", "partners": ["cu"], "status": "active",
              "goals": [ { "text": "a", "target": 20, "achieved": "lots" },
                         { "text": "b", "target": 5, "achieved": 4, "result": 4 } ] } ] }
            """
        let (result, folder) = MiniWorkspace.load(["partnerships.json": json])
        let errors = result.diagnostics.filter { $0.severity == .error }.rendered(in: folder)
        #expect(errors.contains { $0.contains("goals[0].achieved") })
        #expect(errors.contains { $0.contains("goals[1].result") && $0.contains("achieved") })
    }
}

extension RecommendationTests {
    @Test func theReviewJSONCarriesGoalsAndActions() throws {
        var p = SpectrumFixture.completePlan()
        p.goals[0].achieved = 120
        let r = ReviewTests.review([p])
        let json = ReviewReport(review: r, workspace: SpectrumFixture.workspace()).json.serialized()
        #expect(json.contains("\"achieved\": 120"))
        #expect(json.contains("\"met\": true"))
        #expect(json.contains("\"actions\": ["))
    }
}

extension RecommendationTests {
    /// Which unreached audiences are "highly weighted" depends on the weights relative to each
    /// other, not on their size: scaling every weight by 1e300 or 1e-300 names the same ones,
    /// and when all weigh the same none is singled out.
    @Test(arguments: [1.0, 1e300, 1e-300])
    func unreachedAudiencesAreJudgedByRelativeWeight(scale: Double) {
        let w = SpectrumFixture.workspace()
        let audiences = [("families", 3.0), ("seniors", 2.0), ("teens", 1.0)].map {
            PortfolioReview.AudienceReach(tag: $0.0, label: $0.0, weight: $0.1 * scale, partnerships: [])
        }
        func named(_ a: [PortfolioReview.AudienceReach]) -> [String] {
            ReviewEngine.recommendations(
                workspace: w, reviewed: [], proposed: [], coverage: [], audiences: a, quiet: [],
                introductions: []
            ).filter { $0.group == .uncoveredAudience }.map(\.text)
        }
        let texts = named(audiences)
        #expect(texts.count == 2)
        #expect(texts.contains { $0.contains("reaches families") })
        #expect(texts.contains { $0.contains("reaches seniors") })
        let equal = audiences.map {
            var a = $0; a.weight = 2 * scale; return a
        }
        #expect(named(equal).isEmpty)
    }
}

extension RecommendationTests {
    /// A date still ahead (lost if missed: the start of a season) comes before dates already
    /// past, whatever their order on the calendar; past dates keep earliest first.
    @Test func anUpcomingDeadlineComesBeforeOnesAlreadyPast() throws {
        let asOf = try #require(Day("2026-11-29"))
        func rec(_ t: String, _ d: String) -> Recommendation {
            Recommendation(group: .repair, text: t, why: "", urgency: .soon, deadline: Day(d))
        }
        let list = [
            rec("late-oct", "2026-10-31"), rec("season", "2027-01-20"), rec("late-sep", "2026-09-30"),
        ]
        #expect(Recommendation.ordered(list, asOf: asOf).map(\.text) == ["season", "late-sep", "late-oct"])
    }
}
