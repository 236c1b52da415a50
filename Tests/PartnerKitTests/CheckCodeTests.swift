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
}
