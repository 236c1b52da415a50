import Foundation
import Testing

@testable import PartnerKit

/// The held-out judgement cases: `Fixtures/judgement/riverside`, a small workspace written
/// apart from the sample (Documentation/Judgement.md describes it). Each test states what a
/// careful library manager would decide and checks that PartnerKit decides the same.
enum HeldOutJudgement {
    static let path = repositoryRoot + "/Tests/PartnerKitTests/Fixtures/judgement/riverside"
    static let asOf = SpectrumFixture.asOf  // 2026-11-29
    static let quarter = Quarter(year: 2026, number: 4)

    static func workspace() -> Workspace? {
        let result = WorkspaceLoader.load(directory: path, defaultVocabulary: toolkitVocabulary)
        if !result.diagnostics.isEmpty { Issue.record("the held-out workspace has diagnostics") }
        return result.workspace
    }

    static func review(_ w: Workspace, previous: ReviewSnapshot? = nil) -> PortfolioReview {
        ReviewEngine.review(
            workspace: w, spectrum: SpectrumFixture.rubric("spectrum-iap2"), quarter: quarter, asOf: asOf,
            previous: previous)
    }

    static func place(_ id: String, _ w: Workspace) -> Placement? {
        w.partnership(id).map {
            SpectrumEngine.place(
                $0, workspace: w, rubric: SpectrumFixture.rubric("spectrum-iap2"), asOf: asOf)
        }
    }
}

@Suite struct HeldOutJudgementTests {
    /// A proposal from a partner that sells personal data: decline or resolve, first, in every
    /// format, and nothing else to do with it.
    @Test func aDealbreakerProposalComesFirstWithOneNextStep() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let r = HeldOutJudgement.review(w)
        let first = try #require(r.actions.first)
        #expect(first.group == .dealbreaker)
        #expect(first.partnership == "data-sponsorship")
        #expect(first.organizations == ["adtrack"])
        #expect(first.urgency == .now)
        #expect(r.actions.count { $0.group == .dealbreaker } == 1)
        #expect(!r.actions.contains { $0.partnership == "data-sponsorship" && $0.group != .dealbreaker })

        let report = ReviewReport(review: r, workspace: w)
        let text = report.text
        let firstLine = try #require(
            text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("1. ") })
        #expect(firstLine.contains("AdTrack Data Co."))
        #expect(firstLine.contains("resolve the dealbreaker or decline"))
        #expect(firstLine.contains("sells or brokers personal data"))
        let md = report.markdown
        let mdFirst = try #require(md.split(separator: "\n").first { $0.hasPrefix("1. ") })
        #expect(mdFirst.contains("resolve the dealbreaker or decline"))
        let json = report.json.serialized()
        let obj = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let actions = try #require(obj["actions"] as? [[String: Any]])
        #expect(actions.first?["group"] as? String == "dealbreaker")
        #expect((obj["recommendations"] as? [String])?.first?.contains("decline") == true)

        let placement = try #require(HeldOutJudgement.place("data-sponsorship", w))
        #expect(placement.nextSteps.count == 1)
    }

    /// Practices checked and recorded as `none`: the dealbreaker check passes, and the data
    /// is complete with full confidence. The same org left empty would be "not checked".
    @Test func practicesRecordedAsNoneAreCheckedAndClean() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let rubric = try #require(JudgementTests.grantPartner())
        let engine = ScoringEngine(workspace: w, rubric: rubric, asOf: HeldOutJudgement.asOf)
        let readers = try #require(engine.vet("readers"))
        #expect(readers.readiness.first { $0.check == .noDealbreaker }?.ok == true)
        #expect(readers.readiness.first { $0.check == .dataComplete }?.ok == true)
        #expect(readers.candidate.confidence == 1)
        let unchecked = try #require(engine.vet("unchecked"))
        #expect(unchecked.readiness.first { $0.check == .noDealbreaker }?.ok == false)
        #expect(unchecked.readiness.first { $0.check == .dataComplete }?.ok == false)
        #expect(unchecked.candidate.confidence < 1)
    }

    /// An empower-level lab nobody has spoken to since March: the design says empower, the
    /// practice has drifted; repair it now.
    @Test func aLongQuietHighPlacementIsSaidToHaveDrifted() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let r = HeldOutJudgement.review(w)
        let lab = try #require(r.partnerships.first { $0.id == "tutoring-lab" })
        #expect(lab.level == "empower")
        #expect(lab.drift != nil)
        #expect(lab.health == .red)
        let repair = try #require(r.actions.first { $0.partnership == "tutoring-lab" })
        #expect(repair.group == .repair && repair.urgency == .now)
        #expect(ReviewReport(review: r, workspace: w).text.contains("drifted"))
    }

    /// 14 regular learners against a target of 10: met, in the review and in the spectrum.
    @Test func aMetGoalIsCreditedAsMet() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let r = HeldOutJudgement.review(w)
        let circle = try #require(r.partnerships.first { $0.id == "reading-circle" })
        #expect(circle.goals.first?.met == true)
        #expect(circle.health == .green)
        let goalCodes: [PortfolioReview.Issue.Code] = [
            .goalMissed, .goalUnreported, .readiness(.goalResults),
        ]
        #expect(!circle.issues.contains { goalCodes.contains($0.code) })
        let placement = try #require(HeldOutJudgement.place("reading-circle", w))
        #expect(placement.readiness.first { $0.check == .goalResults }?.ok == true)
        #expect(ReviewReport(review: r, workspace: w).text.contains("14 of 10 regular learners, met"))
    }

    /// Tax help, done for the season in April, quiet since: expected, never paused, not
    /// drifted; the only advice is to plan the next season before it starts.
    @Test func aSeasonalPartnershipQuietOffSeasonIsNotPaused() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let previous = ReviewSnapshot(
            quarter: Quarter(year: 2026, number: 3),
            partnerships: [.init(id: "tax-season", health: .red, level: "collaborate", position: 4.4)],
            coverage: [:], ties: nil, file: "reviews/2026-Q3.json")
        let r = HeldOutJudgement.review(w, previous: previous)
        let tax = try #require(r.partnerships.first { $0.id == "tax-season" })
        #expect(tax.inSeason == false)
        #expect(tax.suggestion.kind != .pause && tax.suggestion.kind != .end)
        #expect(tax.health == .green)
        #expect(tax.drift == nil)
        #expect(tax.suggestion.text.contains("2027-01-15"))
        #expect(!r.actions.contains { $0.partnership == "tax-season" && $0.group == .repair })
    }

    /// The community fund ranks low as a programme partner; its vet says it funds the
    /// library and why the score is still low.
    @Test func aFunderIsExplainedInWords() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let rubric = try #require(JudgementTests.grantPartner())
        let engine = ScoringEngine(workspace: w, rubric: rubric, asOf: HeldOutJudgement.asOf)
        let v = try #require(engine.vet("fund"))
        #expect(v.candidate.support?.funderTieStrength == 4)
        let text = ScoreRendering.text(v, rubric: rubric.name, asOf: HeldOutJudgement.asOf)
        #expect(text.contains("Funds the adult reading prizes every year"))
        #expect(text.contains("not the value of its support"))
        let md = ScoreRendering.markdown(v, rubric: rubric.name, asOf: HeldOutJudgement.asOf)
        #expect(md.contains("Already supports the library"))
    }

    /// The why of each repair is the reason for that step first, never a lesser gap beside
    /// it: the same rule as on the sample (`JudgementTests.theWhyOfAnActionIsTheReasonForThatStepFirst`).
    @Test func theWhyOfEachRepairIsTheReasonForThatStep() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let r = HeldOutJudgement.review(w)
        JudgementTests.expectWhyMatchesTheStep(r)
        let lab = try #require(r.actions.first { $0.partnership == "tutoring-lab" })
        #expect(lab.leadIn == .repairFirst)
        #expect(lab.why.hasPrefix("contact is overdue"))
    }

    /// Said once: no action in the first five is followed by a "why" that repeats the end of
    /// its own line (an introduction's reason), in text or Markdown.
    @Test func noWhyRepeatsItsOwnLine() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let scoring = try #require(
            RubricReader.load(path: repositoryRoot + "/Rubrics/partner-fit.json", sink: DiagnosticSink()))
        let r = ReviewEngine.fullReview(
            workspace: w, spectrum: SpectrumFixture.rubric("spectrum-iap2"), scoring: scoring,
            quarter: HeldOutJudgement.quarter, asOf: HeldOutJudgement.asOf, previous: nil)
        #expect(r.actions.prefix(5).contains { $0.group == .introduction })
        for out in [
            ReviewReport(review: r, workspace: w).text, ReviewReport(review: r, workspace: w).markdown,
        ] {
            let lines = out.components(separatedBy: "\n")
            for (line, next) in zip(lines, lines.dropFirst()) {
                for prefix in ["     why: ", "   - Why: "] where next.hasPrefix(prefix) {
                    #expect(!line.hasSuffix(String(next.dropFirst(prefix.count))), "\(next)")
                }
            }
        }
    }

    /// The long-quiet lab: spectrum's first next step is to get in touch, before any step up.
    @Test func theLongQuietLabsFirstNextStepIsToGetInTouch() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let lab = try #require(HeldOutJudgement.place("tutoring-lab", w))
        #expect(lab.nextSteps.first?.hasPrefix("Get in touch with Second Chapter Tutors") == true)
    }
}
