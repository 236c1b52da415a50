import Foundation
import Testing

@testable import PartnerKit

/// The health survey in the quarterly review: findings beside the record-based health, the
/// partners not asked, the recommendation to talk, and every format's output.
@Suite struct ReviewSurveyTests {
    static let asOf = Day("2026-11-29") ?? Day(ordinal: 0)

    /// The review of `SurveyWorkspace` (p1 money clinic, decisions shared, with cu; p2 job hub
    /// with cu and wf; p3 with wf) with these survey rows.
    static func review(_ rows: [String], partnerships: String = SurveyWorkspace.partnerships) throws -> (
        PortfolioReview, Workspace
    ) {
        let (result, _) = MiniWorkspace.load([
            "partnerships.json": partnerships, "surveys.csv": SurveyWorkspace.csv(rows),
        ])
        let w = try #require(result.workspace)
        let review = ReviewEngine.fullReview(
            workspace: w, spectrum: SpectrumFixture.rubric("spectrum-iap2"), scoring: Rubric.partnerFit,
            quarter: asOf.quarter, asOf: asOf, previous: nil)
        return (review, w)
    }

    static func entry(_ r: PortfolioReview, _ id: String) throws -> ReviewSurvey.Entry {
        try #require(r.survey?.entry(id))
    }

    static func outputs(_ r: PortfolioReview, _ w: Workspace) -> [String: String] {
        let report = ReviewReport(review: r, workspace: w)
        return [
            "text": report.text, "markdown": report.markdown, "json": report.json.serialized(),
            "html": ReviewHTML(report: report).page,
        ]
    }

    // The records say decisions are shared (p1); the library agrees, the partner does not.
    static let powerApart = [
        "p1,lib-1,library,power-together,4,2026-10-01", "p1,lib-1,library,power-heard,4,2026-10-01",
        "p1,cu-1,cu,power-together,2,2026-10-03", "p1,cu-1,cu,power-heard,2,2026-10-03",
    ]

    @Test func theRecordsSayShareThePartnerSaysNot() throws {
        let (r, w) = try Self.review(Self.powerApart)
        let e = try Self.entry(r, "p1")
        let first = try #require(e.findings.first)
        guard case .recordsDisagree(let records, let party, let partnerMean, let libraryMean) = first else {
            Issue.record("first finding is \(first)")
            return
        }
        #expect(records.factor == .sharedPower && records.met)
        #expect(records.evidence == "final decisions are shared")
        #expect(party == "cu" && partnerMean == 2 && libraryMean == 4)
        // The two sides are also two points apart: a finding of its own, in the data…
        #expect(
            e.findings.contains(
                .sidesDisagree(factor: .sharedPower, party: "cu", libraryMean: 4, partnerMean: 2, gap: 2)))
        // …said once in words, beside the record-based health.
        let text = ReviewReport(review: r, workspace: w).text
        #expect(
            text.contains(
                "The records say final decisions are shared (\(e.levelName)) and the library rates it 4.0, but Harbor Credit Union rates shared power 2.0: talk about who decides."
            ), "\(text)")
        #expect(!text.contains("Harbor Credit Union rates shared power 2.0, the library 4.0"))
        #expect(text.contains("Money clinic — records: \(e.health.rawValue)"))
        #expect(text.contains("health survey 2026-Q4: seen differently: shared power"))
    }

    @Test func theRecordsSayShareBothSidesSayNot() throws {
        let (r, w) = try Self.review([
            "p1,lib-1,library,power-together,2,2026-10-01", "p1,cu-1,cu,power-together,2,2026-10-03",
        ])
        let e = try Self.entry(r, "p1")
        #expect(e.findings.first?.kind == "records_disagree")
        let text = ReviewReport(review: r, workspace: w).text
        #expect(
            text.contains(
                "The records say final decisions are shared (\(e.levelName)), but both the library (2.0) and Harbor Credit Union (2.0) rate shared power low: talk about who decides, and correct the record if it is out of date."
            ), "\(text)")
        // Said once: not again as a concern both sides share.
        #expect(!text.contains("Shared power is a concern for both sides"))
    }

    @Test func aDisagreementBecomesATalkRecommendation() throws {
        let (r, _) = try Self.review(Self.powerApart)
        let talk = try #require(r.actions.first { $0.group == .discuss })
        #expect(talk.partnership == "p1" && talk.urgency == .soon && talk.organizations == ["cu"])
        #expect(talk.text.hasPrefix("talk with Harbor Credit Union about who decides"))
        // The line itself gives the numbers a manager would raise, not just "sees it differently".
        #expect(talk.text.contains("Harbor Credit Union rates shared power 2"))
        #expect(
            talk.why.contains(
                "The records say final decisions are shared; Harbor Credit Union rates shared power 2"))
        #expect(r.recommendations.contains(talk.line))
        // Ordered with the rest: after everything urgent now and this quarter's repairs.
        let at = try #require(r.actions.firstIndex { $0.group == .discuss })
        #expect(r.actions[..<at].allSatisfy { $0.urgency <= .soon })
        #expect(
            !r.actions[at...].contains { $0.urgency == .now || ($0.urgency == .soon && $0.group == .repair) })
    }

    @Test func agreementMakesNoRecommendation() throws {
        let (r, _) = try Self.review([
            "p1,lib-1,library,power-together,4,2026-10-01", "p1,cu-1,cu,power-together,4,2026-10-03",
        ])
        #expect(try Self.entry(r, "p1").findings.allSatisfy { !$0.isDisagreement })
        #expect(!r.actions.contains { $0.group == .discuss })
    }

    @Test func theRecordsUnderstateWhatBothSidesRateAStrength() throws {
        // p2 records no decisions: the records do not show shared power; both sides rate it 5.
        let (r, w) = try Self.review([
            "p2,lib-1,library,power-together,5,2026-10-01", "p2,cu-1,cu,power-together,5,2026-10-01",
            "p2,wf-1,wf,power-together,5,2026-10-01",
        ])
        let e = try Self.entry(r, "p2")
        guard case .recordsDisagree(let records, let party, let m, _) = e.findings.first else {
            Issue.record("\(e.findings)")
            return
        }
        #expect(!records.met && party == "cu" && m == 5)
        #expect(!r.actions.contains { $0.group == .discuss })
        #expect(
            ReviewReport(review: r, workspace: w).text.contains(
                "The records do not show shared power (who holds final decisions is not recorded), but Harbor Credit Union rates it 5.0, a strength: if that is how the work runs now, update the record."
            ))
    }

    @Test(arguments: [
        (
            ["p3,lib-1,library,power-together,2,2026-10-01", "p3,wf-1,wf,power-together,2,2026-10-01"],
            "Shared power is a concern for both sides (2.0 on average): talk about who decides. The records do not show it either: who holds final decisions is not recorded."
        ),
        (
            ["p3,lib-1,library,power-together,2,2026-10-01"],
            "Shared power is a concern for the library (2.0): talk about who decides."
        ),
    ])
    func aConcernBothSidesShareIsSaidOnce(rows: [String], sentence: String) throws {
        let (r, w) = try Self.review(rows)
        let e = try Self.entry(r, "p3")
        #expect(e.findings.contains(.sharedConcern(factor: .sharedPower, mean: 2)))
        #expect(!e.findings.contains { $0.isDisagreement })
        #expect(ReviewReport(review: r, workspace: w).text.contains(sentence))
    }

    @Test func answersFromOneSideOnlyAreSaidAndNotCompared() throws {
        let (r, w) = try Self.review([
            "p1,lib-1,library,power-together,2,2026-10-01", "p1,lib-2,library,power-together,2,2026-10-01",
        ])
        let e = try Self.entry(r, "p1")
        #expect(e.findings.contains(.caution(.noAnswers(party: "cu"))))
        #expect(!e.findings.contains { if case .sidesDisagree = $0 { true } else { false } })
        #expect(!e.findings.contains { if case .recordsDisagree = $0 { true } else { false } })
        let text = ReviewReport(review: r, workspace: w).text
        #expect(text.contains("Only the library answered: Harbor Credit Union gave no answers this round"))
        // The short line says who is missing, and never "no disagreement" for one side alone.
        #expect(text.contains("Harbor Credit Union has not answered: one side's view only"))
        #expect(!text.contains("no disagreement") && !text.contains("both sides see it alike"))
        // The page names the command to send the form without Markdown's backticks.
        let html = ReviewSurveyRendering.html(ReviewReport(review: r, workspace: w))
        #expect(html.contains("(send the form: partnerkit survey form p1)"))
        #expect(!html.contains("`"))
    }

    @Test func allDontKnowHasNoScoreAndNoFinding() throws {
        let (r, w) = try Self.review([
            "p1,lib-1,library,power-together,,2026-10-01", "p1,cu-1,cu,power-together,,2026-10-01",
        ])
        let e = try Self.entry(r, "p1")
        #expect(e.findings.contains(.caution(.allDontKnow(factor: .sharedPower))))
        #expect(!e.findings.contains { $0.isDisagreement })
        let outputs = Self.outputs(r, w)
        #expect(outputs["text"]?.contains("Every answer on shared power was \"don't know\"") == true)
        #expect(outputs["text"]?.contains("no score: ") == true)
        #expect(outputs["json"]?.contains("\"kind\": \"all_dont_know\"") == true)
        #expect(outputs["json"]?.contains("\"mean\": 0") == false)
    }

    @Test func aSingleRespondentIsStated() throws {
        let (r, w) = try Self.review([
            "p1,lib-1,library,trust-promises,4,2026-10-01", "p1,cu-1,cu,trust-promises,4,2026-10-01",
        ])
        let e = try Self.entry(r, "p1")
        #expect(e.findings.contains(.caution(.fewRespondents(party: "cu", count: 1, minimum: 2))))
        #expect(e.findings.contains(.caution(.fewRespondents(party: "library", count: 1, minimum: 2))))
        #expect(
            ReviewReport(review: r, workspace: w).text.contains(
                "Only one person answered for Harbor Credit Union (the survey asks for at least 2)"))
    }

    /// Trust has no counterpart in the records: only the two sides' gap can flag it.
    @Test(arguments: [(3, true), (3.5, false), (4, false), (5, true)] as [(Double, Bool)])
    func aGapOfOnePointIsFlagged(partner: Double, flagged: Bool) throws {
        let (r, _) = try Self.review([
            "p3,lib-1,library,trust-promises,4,2026-10-01", "p3,lib-1,library,trust-interest,4,2026-10-01",
            "p3,wf-1,wf,trust-promises,\(Int(partner.rounded(.down))),2026-10-01",
            "p3,wf-1,wf,trust-interest,\(Int(partner.rounded(.up))),2026-10-01",
        ])
        let e = try Self.entry(r, "p3")
        let apart = e.findings.contains {
            if case .sidesDisagree(.trust, "wf", 4, partner, _) = $0 { true } else { false }
        }
        #expect(apart == flagged, "\(e.findings)")
        #expect(r.actions.contains { $0.group == .discuss && $0.partnership == "p3" } == flagged)
    }

    @Test func theTrendAgainstThePreviousRoundIsAFinding() throws {
        let (r, w) = try Self.review([
            "p1,lib-1,library,trust-promises,4,2026-08-01", "p1,cu-1,cu,trust-promises,5,2026-08-01",
            "p1,lib-1,library,trust-promises,4,2026-10-01", "p1,cu-1,cu,trust-promises,3,2026-10-01",
            // Moved by a quarter point only: in the trend, not called out.
            "p1,lib-1,library,values-fit,4,2026-08-01", "p1,cu-1,cu,values-fit,4,2026-08-01",
            "p1,lib-1,library,values-fit,4,2026-10-01", "p1,cu-1,cu,values-fit,5,2026-10-01",
            "p1,cu-1,cu,values-people,4,2026-10-01",
        ])
        let e = try Self.entry(r, "p1")
        let since = Quarter(year: 2026, number: 3)
        #expect(e.findings.contains(.moved(factor: .trust, previous: 4.5, current: 3.5, since: since)))
        #expect(!e.findings.contains { if case .moved(.alignedValues, _, _, _) = $0 { true } else { false } })
        #expect(e.survey.trend.contains { $0.factor == .alignedValues })
        let text = ReviewReport(review: r, workspace: w).text
        #expect(text.contains("Trust down from 4.5 to 3.5 since 2026-Q3."))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(ReviewReport(review: r, workspace: w).json.serialized().utf8))
                as? [String: Any])
        let p1 = try #require(
            (json["partnerships"] as? [[String: Any]])?.first { $0["id"] as? String == "p1" })
        let survey = try #require(p1["survey"] as? [String: Any])
        #expect(survey["previous_round"] as? String == "2026-Q3")
        #expect((survey["trend"] as? [[String: Any]])?.count == 2)
    }

    @Test func notAskedInTheLastTwoQuartersIsListed() throws {
        let (r, w) = try Self.review([
            "p1,lib-1,library,trust-promises,4,2026-07-15",  // the quarter before: still asked
            "p2,lib-1,library,trust-promises,4,2026-03-01",  // two quarters back: not asked
            "p3,lib-1,library,trust-promises,4,2026-12-10",  // after --as-of: not yet
        ])
        let s = try #require(r.survey)
        #expect(s.since.description == "2026-Q3" && s.quarter.description == "2026-Q4")
        #expect(s.asked.map(\.id) == ["p1"])
        #expect(
            s.notAsked == [
                .init(id: "p2", title: "Job hub", lastAsked: Quarter(year: 2026, number: 1)),
                .init(id: "p3", title: "Quiet one", lastAsked: nil),
            ])
        let outputs = Self.outputs(r, w)
        let text = try #require(outputs["text"])
        #expect(text.contains("health survey: not asked in 2026-Q3 or 2026-Q4 (last asked 2026-Q1)"))
        #expect(text.contains("    - Job hub (p2): last asked 2026-Q1\n"))
        #expect(text.contains("    - Quiet one (p3): never asked\n"))
        #expect(outputs["markdown"]?.contains("- Quiet one (p3): never asked") == true)
        #expect(outputs["html"]?.contains("<li>Quiet one (p3): never asked</li>") == true)
        // The page has the survey's section once.
        #expect(outputs["html"]?.components(separatedBy: "<section class=\"survey\">").count == 2)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data((outputs["json"] ?? "").utf8)) as? [String: Any])
        let top = try #require(json["survey"] as? [String: Any])
        #expect((top["not_asked"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["p2", "p3"])
        let p3 = try #require(
            (json["partnerships"] as? [[String: Any]])?.first { $0["id"] as? String == "p3" })
        #expect((p3["survey"] as? [String: Any])?["asked"] as? Bool == false)
    }

    @Test func aProposalIsNeitherAskedNorNotAsked() throws {
        let partnerships = """
            { "partnerships": [
              { "id": "p1", "title": "Money clinic", "partners": ["cu"], "status": "active" },
              { "id": "p4", "title": "Idea", "partners": ["wf"], "status": "proposed" } ] }
            """
        let (r, w) = try Self.review(
            ["p1,lib-1,library,trust-promises,4,2026-10-01"], partnerships: partnerships)
        #expect(r.survey?.asked.map(\.id) == ["p1"] && r.survey?.notAsked.isEmpty == true)
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(ReviewReport(review: r, workspace: w).json.serialized().utf8))
                as? [String: Any])
        let p4 = try #require((json["proposed"] as? [[String: Any]])?.first { $0["id"] as? String == "p4" })
        #expect(p4["survey"] is NSNull)
    }

    @Test func aPastQuarterIsReviewedWithItsOwnAnswers() throws {
        let (result, _) = MiniWorkspace.load([
            "partnerships.json": SurveyWorkspace.partnerships,
            "surveys.csv": SurveyWorkspace.csv([
                "p1,lib-1,library,trust-promises,4,2026-08-01",
                "p1,lib-1,library,trust-promises,2,2026-10-01",
            ]),
        ])
        let w = try #require(result.workspace)
        let r = ReviewEngine.fullReview(
            workspace: w, spectrum: SpectrumFixture.rubric("spectrum-iap2"), scoring: Rubric.partnerFit,
            quarter: Quarter(year: 2026, number: 3), asOf: Self.asOf, previous: nil)
        let e = try Self.entry(r, "p1")
        #expect(e.survey.current?.quarter.description == "2026-Q3")
        #expect(e.survey.factor(.trust)?.mean == 4)
    }

    @Test func withoutSurveysTheReviewSaysNothingOfThem() throws {
        let (result, _) = MiniWorkspace.load()
        let w = try #require(result.workspace)
        let r = ReviewEngine.fullReview(
            workspace: w, spectrum: SpectrumFixture.rubric("spectrum-iap2"), scoring: Rubric.partnerFit,
            quarter: Self.asOf.quarter, asOf: Self.asOf, previous: nil)
        #expect(r.survey == nil)
        for (format, out) in Self.outputs(r, w) {
            #expect(!out.contains("health survey"), "\(format)")
        }
        #expect(ReviewReport(review: r, workspace: w).json.serialized().contains("\"survey\": null"))
    }

    @Test func noEmailPhoneOrRespondentInAnyFormat() throws {
        let (r, w) = try Self.review(
            Self.powerApart + [
                "p2,lib-9,library,trust-promises,4,2026-10-01", "p2,wf-7,wf,trust-promises,1,2026-10-01",
            ])
        #expect(r.survey?.asked.count == 2)
        for (format, out) in Self.outputs(r, w) {
            #expect(out.contains("Harbor Credit Union"), "\(format)")
            for secret in ["ana@example.org", "555-0100", "Ana Ruiz", "lib-1", "cu-1", "lib-9", "wf-7"] {
                #expect(!out.contains(secret), "\(secret) in the \(format) review")
            }
        }
    }

    @Test func theHTMLSectionEscapesEveryString() throws {
        let partnerships = """
            { "partnerships": [ { "id": "p1", "title": "<script>x</script> & \\"co\\"", "partners": ["cu"],
              "status": "active", "decisions": "shared" } ] }
            """
        let (r, w) = try Self.review(Self.powerApart, partnerships: partnerships)
        let html = ReviewSurveyRendering.html(ReviewReport(review: r, workspace: w))
        #expect(html.hasPrefix("<section class=\"survey\">"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt; &amp; &quot;co&quot;"))
        #expect(ReviewSurveyRendering.section(r, w, markdown: true).contains(#"\<script\>"#))
    }

    /// 2.96 is a concern: printed "3.0" it would read as borderline.
    @Test func aMeanJustUnderABandIsNotRoundedOntoIt() throws {
        let (_, w) = try Self.review(Self.powerApart)
        let rubric = try #require(w.surveyRubric)
        #expect(SurveyReport.shown(2.96, rubric) == "2.96")
        #expect(SurveyReport.shown(2.8, rubric) == "2.8")
        #expect(SurveyReport.shown(3.96, rubric) == "3.96")
        #expect(SurveyReport.shown(4.04, rubric) == "4.0")
    }
}

/// One helper tells every rubric reader that it was given another kind of rubric.
@Suite struct RubricKindTests {
    static func bytes(_ name: String) -> [UInt8] { SpectrumFixture.rubricBytes(name) }

    @Test func aHealthSurveyGivenAsASpectrum() {
        let (r, d) = SpectrumRubric.read(bytes: Self.bytes("health-survey"), file: "health-survey.json")
        #expect(r == nil)
        #expect(d.count == 1, "\(d.map(\.formatted))")
        #expect(
            d.first?.message.hasPrefix("this is a health survey (it has \"items\"), not a spectrum rubric")
                == true)
        #expect(d.first?.hint?.contains("--spectrum takes spectrum-iap2") == true)
    }

    @Test func aHealthSurveyGivenAsAScoringRubric() {
        let sink = DiagnosticSink()
        let text = String(decoding: Self.bytes("health-survey"), as: UTF8.self)
        #expect(RubricReader.parse(text, file: "h.json", sink: sink) == nil)
        #expect(sink.diagnostics.count == 1, "\(sink.diagnostics.map(\.formatted))")
        #expect(sink.diagnostics.first?.message.contains("this is a health survey") == true)
    }

    @Test(arguments: [("spectrum-iap2", "a spectrum rubric"), ("partner-fit", "a scoring rubric")])
    func anotherKindGivenAsTheSurvey(name: String, kind: String) {
        let (r, d) = SurveyRubricReader.read(bytes: Self.bytes(name), file: "\(name).json")
        #expect(r == nil)
        #expect(d.count == 1, "\(d.map(\.formatted))")
        #expect(d.first?.message.hasPrefix("this is \(kind)") == true)
        #expect(d.first?.message.contains("not a health survey") == true)
    }
}
