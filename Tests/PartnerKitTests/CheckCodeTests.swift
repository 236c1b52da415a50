import Testing

@testable import PartnerKit

/// Readiness checks and review issues are enums; their raw values are the JSON's `check` and
/// `issue_details[].code` (CONTRACT.md), so these pin the strings a tool reading the JSON sees.
@Suite struct CheckCodeTests {
    @Test func readinessChecksKeepTheirJSONNames() {
        #expect(
            ReadinessCheck.Check.allCases.map(\.rawValue) == [
                "smart_goals", "priority_link", "goal_results", "milestones", "roles", "communication_plan",
                "in_writing", "exit_plan", "balance",
            ])
    }

    @Test func reviewIssueCodesKeepTheirJSONNames() {
        let codes: [PortfolioReview.Issue.Code] = [
            .milestoneOverdue, .communicationOverdue, .goalMissed, .goalUnreported, .noContribution,
        ]
        #expect(
            codes.map(\.rawValue) == [
                "milestone_overdue", "communication_overdue", "goal_missed", "goal_unreported",
                "no_contribution",
            ])
    }

    /// A readiness gap reported by the review keeps the check's name as its code.
    @Test(arguments: ReadinessCheck.Check.allCases)
    func aReadinessGapsIssueCodeIsItsChecksName(_ check: ReadinessCheck.Check) {
        #expect(PortfolioReview.Issue.Code.readiness(check).rawValue == check.rawValue)
    }

    /// Whether values are aligned is told by the engine's data, not by the word "dealbreaker"
    /// in the evidence: a partner whose name holds the word still gets the values step.
    @Test func aPartnerNamedDealbreakerStillGetsTheValuesStep() {
        let base = SpectrumFixture.workspace()
        let w = Workspace(
            library: base.library,
            organizations: base.organizations + [Organization(id: "db", name: "Dealbreaker Games")],
            tags: base.tags)
        var plan = SpectrumFixture.completePlan()
        plan.partners = ["db"]
        plan.contributions = [.init(party: "library", kind: .space), .init(party: "db", kind: .expertise)]
        let p = SpectrumEngine.place(
            plan, workspace: w, rubric: SpectrumFixture.rubric("spectrum-iap2"), asOf: SpectrumFixture.asOf)
        #expect(!p.criteria.alignedValues.met)
        #expect(p.dealbreakerPartners.isEmpty)
        #expect(
            p.nextSteps.contains { $0.hasPrefix("Check that values are aligned enough for the work:") },
            "\(p.nextSteps)")
    }

    @Test func vettingChecksKeepTheirJSONNames() {
        #expect(
            Vetting.Check.Code.allCases.map(\.rawValue) == [
                "minimums_met", "existing_relationship", "shared_priority", "mutual_benefit", "data_complete",
                "no_dealbreaker",
            ])
    }

    /// Vetting lists every check once, in the contract's order, and the JSON's `check` is the
    /// code's raw value while the text names it in plain words.
    @Test func vettingListsEveryCheckOnceAndNamesItInWords() throws {
        let (engine, rubric) = try JudgementTests.checkedAndUnchecked()
        let v = try #require(engine.vet("cu"))
        #expect(Set(v.readiness.map(\.check)) == Set(Vetting.Check.Code.allCases))
        #expect(v.readiness.count == Vetting.Check.Code.allCases.count)
        let json = ScoreRendering.json(v, rubric: rubric.name, asOf: JudgementTests.asOf).serialized(
            pretty: false)
        for c in Vetting.Check.Code.allCases { #expect(json.contains("\"check\":\"\(c.rawValue)\"")) }
        let text = ScoreRendering.text(v, rubric: rubric.name, asOf: JudgementTests.asOf)
        #expect(text.contains("No dealbreaker") && !text.contains("no_dealbreaker"), "\(text)")
        let explained = ScoreRendering.text(v, rubric: rubric.name, asOf: JudgementTests.asOf, explain: true)
        #expect(explained.contains("no_dealbreaker"))
    }

    /// What comes first in the next steps is read from the checks' `overdue` flag, never from
    /// their wording: an overdue milestone and contact later than the cadence are flagged; a
    /// plan that merely lacks dated milestones, or is on schedule, is not.
    @Test func overdueIsAFlagNotAWord() {
        var late = SpectrumFixture.completePlan()
        late.milestones[1].due = Day("2026-10-01")
        late.communication = .init(cadenceDays: 30, log: [Day("2026-08-01")].compactMap { $0 })
        let p = SpectrumFixture.place(late)
        let milestones = p.readiness.first { $0.check == .milestones }
        let contact = p.readiness.first { $0.check == .communicationPlan }
        #expect(milestones?.overdue == true && milestones?.ok == false)
        #expect(contact?.overdue == true && contact?.ok == true)
        // Contact first, then the work, before anything else.
        #expect(p.nextSteps.first?.hasPrefix("Get in touch with") == true, "\(p.nextSteps)")
        #expect(
            p.nextSteps.dropFirst().first == "Get \"Half way\" done with the partner, or agree a new date")

        #expect(!SpectrumFixture.place(SpectrumFixture.completePlan()).readiness.contains { $0.overdue })
        var undated = SpectrumFixture.completePlan()
        undated.milestones = []
        let gap = SpectrumFixture.place(undated).readiness.first { $0.check == .milestones }
        #expect(gap?.ok == false && gap?.overdue == false)
    }
}
