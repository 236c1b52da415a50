import Foundation
import Testing

@testable import PartnerKit

/// The health survey: the shipped rubric, the rubric reader's errors, the surveys.csv checks,
/// and the engine's means, gaps, cautions and trend.
@Suite struct SurveyRubricTests {
    static let shipped = repositoryRoot + "/Rubrics/health-survey.json"

    @Test func shippedRubricLoadsCleanWithEveryFactor() {
        let (rubric, diagnostics) = SurveyRubricReader.load(path: Self.shipped)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        guard let rubric else {
            Issue.record("the shipped health survey did not load")
            return
        }
        #expect((15...25).contains(rubric.items.count))
        #expect(rubric.askedFactors == HealthFactor.allCases)
        #expect(rubric.scaleMin == 1 && rubric.scaleMax == 5)
        #expect(rubric.strength == 4 && rubric.borderline == 3 && rubric.gapFlag == 1)
        #expect(Set(rubric.items.map(\.id)).count == rubric.items.count)
        #expect(rubric.discuss(.sharedPower) == "who decides")
    }

    /// The shipped rubric with one edit; the error must name `field`.
    @Test(
        arguments: [
            (
                #""factor": "shared_power""#, #""factor": "shared_pwer""#, "items[6].factor",
                "did you mean \"shared_power\"?"
            ),
            (#""max": 5"#, #""max": 1"#, "scale.max", nil),
            (#""max": 5"#, #""max": 4.5"#, "scale.max", nil),
            (#""borderline": 3.0"#, #""borderline": 4.5"#, "bands.borderline", nil),
            (#""strength": 4.0"#, #""strength": 9"#, "bands.strength", nil),
            (#""id": "benefit-worth""#, #""id": "benefit-value""#, "items[1].id", nil),
            (#""5": "strongly agree""#, #""7": "strongly agree""#, "labels.7", nil),
            (#""value": 1.0"#, #""value": 0"#, "thresholds.gap", nil),
            (#""value": 2,"#, #""value": 1.5,"#, "thresholds.min_respondents", nil),
            (
                #""factors": ["trust", "communication", "aligned_values"]"#,
                #""factors": ["trust", "comms"]"#,
                "summaries.trust.factors[1]", nil
            ),
            (
                #""clear_roles": { "label""#, #""clear_rolls": { "label""#, "factors.clear_rolls",
                "did you mean \"clear_roles\"?"
            ),
        ] as [(String, String, String, String?)])
    func brokenRubricNamesTheField(find: String, replace: String, field: String, hint: String?) throws {
        let text = try String(contentsOfFile: Self.shipped, encoding: .utf8)
        #expect(text.contains(find))
        var edited = text
        if let r = edited.range(of: find) { edited.replaceSubrange(r, with: replace) }
        let (rubric, diagnostics) = SurveyRubricReader.read(
            bytes: Array(edited.utf8), file: "health-survey.json")
        #expect(rubric == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.location == .field(field) }, "\(diagnostics.map(\.formatted))")
        if let hint { #expect(errors.contains { $0.hint == hint }) }
    }

    @Test func missingItemsAndScaleAreErrors() {
        let (rubric, diagnostics) = SurveyRubricReader.read(
            bytes: Array(
                #"{"name": "s", "description": "d", "bands": {"strength": 4, "borderline": 3}}"#.utf8),
            file: "s.json")
        #expect(rubric == nil)
        let fields = diagnostics.compactMap { d -> String? in
            if case .field(let f) = d.location, d.severity == .error { return f }
            return nil
        }
        #expect(fields.contains("items") && fields.contains("scale"))
    }

    @Test func aScoringRubricIsNamedAsSuch() {
        let (rubric, diagnostics) = SurveyRubricReader.load(
            path: repositoryRoot + "/Rubrics/partner-fit.json")
        #expect(rubric == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("scoring rubric") == true)
    }

    @Test func syntaxErrorHasLineAndColumn() {
        let (rubric, diagnostics) = SurveyRubricReader.read(
            bytes: Array("{\n  \"name\": \n}".utf8), file: "s.json")
        #expect(rubric == nil)
        #expect(diagnostics.first?.location == .lineColumn(3, 1))
    }
}

/// Workspaces with a surveys.csv, read from disk like the CLI does.
enum SurveyWorkspace {
    static let partnerships = """
        { "partnerships": [
          { "id": "p1", "title": "Money clinic", "partners": ["cu"], "status": "active", "decisions": "shared" },
          { "id": "p2", "title": "Job hub", "partners": ["cu", "wf"], "status": "active" },
          { "id": "p3", "title": "Quiet one", "partners": ["wf"], "status": "active" } ] }
        """

    static func load(_ surveys: String) -> (LoadResult, TemporaryFolder) {
        MiniWorkspace.load(["partnerships.json": partnerships, "surveys.csv": surveys])
    }

    /// Rows `partnership,respondent,party,item,rating,date` with the header.
    static func csv(_ rows: [String]) -> String {
        (["partnership,respondent,party,item,rating,date"] + rows).joined(separator: "\n") + "\n"
    }

    static func results(_ rows: [String], asOf: String = "2026-11-29") -> (SurveyResults, Workspace)? {
        let (result, _) = load(csv(rows))
        guard let w = result.workspace, let rubric = w.surveyRubric, let day = Day(asOf) else { return nil }
        return (SurveyEngine.results(workspace: w, rubric: rubric, asOf: day), w)
    }
}

@Suite struct SurveyReaderTests {
    @Test func aValidFileLoadsWithItsRubric() {
        let (result, folder) = SurveyWorkspace.load(
            SurveyWorkspace.csv([
                "p1,lib-1,library,power-together,4,2026-10-01", "p1,lib-1,lib,power-heard,,2026-10-01",
                "p1,cu-1,cu,power-together,2,2026-10-03",
            ]))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.rendered(in: folder))")
        let answers = result.workspace?.surveys ?? []
        #expect(answers.count == 3)
        // The library's own id is read as `library`; a blank rating is "don't know", not zero.
        #expect(answers[1].party == "library")
        #expect(answers[1].rating == nil)
        #expect(result.workspace?.surveyRubric?.name == "health-survey")
    }

    @Test func withoutSurveysNoRubricIsRead() {
        let (result, _) = MiniWorkspace.load()
        #expect(result.workspace?.surveys.isEmpty == true)
        #expect(result.workspace?.surveyRubric == nil)
    }

    /// Each problem, on its own line, with the message and hint the user sees.
    @Test(
        arguments: [
            (
                "p9,lib-1,library,power-together,4,2026-10-01", "partnership: \"p9\" is not an id",
                "did you mean \"p1\"?"
            ),
            ("p1,wf-1,wf,power-together,4,2026-10-01", "party: \"wf\" is not a party to p1", nil),
            (
                "p1,cu-1,cuu,power-together,4,2026-10-01", "party: \"cuu\" is not a party to p1",
                "did you mean \"cu\"?"
            ),
            (
                "p1,lib-1,library,power-togther,4,2026-10-01", "item: \"power-togther\" is not an item",
                "did you mean \"power-together\"?"
            ),
            ("p1,lib-1,library,power-together,6,2026-10-01", "rating: 6 is outside the scale 1 to 5", nil),
            ("p1,lib-1,library,power-together,0,2026-10-01", "rating: 0 is outside the scale 1 to 5", nil),
            ("p1,lib-1,library,power-together,3.5,2026-10-01", "rating: 3.5 is not a whole number", nil),
            ("p1,lib-1,library,power-together,high,2026-10-01", "rating: \"high\" is not a number", nil),
            ("p1,lib-1,library,power-together,4,2026-13-01", "date: \"2026-13-01\" is not a date", nil),
            ("p1,lib-1,library,power-together,4,", "date: must not be empty", nil),
            ("p1,,library,power-together,4,2026-10-01", "respondent: must not be empty", nil),
        ] as [(String, String, String?)])
    func eachProblemIsAnErrorAtItsLine(row: String, message: String, hint: String?) {
        let (result, folder) = SurveyWorkspace.load(
            SurveyWorkspace.csv(["p1,lib-2,library,power-say,4,2026-10-01", row]))
        #expect(result.workspace == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(result.diagnostics.rendered(in: folder))")
        let e = errors.first
        #expect(e?.location == .line(3))
        #expect(e?.file.hasSuffix("surveys.csv") == true)
        #expect(e?.message.hasPrefix(message) == true, "\(e?.message ?? "")")
        if let hint { #expect(e?.hint == hint) }
    }

    @Test func duplicateAnswersInOneRoundAreErrorsButNextRoundIsNot() {
        let (result, folder) = SurveyWorkspace.load(
            SurveyWorkspace.csv([
                "p1,lib-1,library,power-together,4,2026-10-01",
                "p1,lib-1,library,power-together,5,2026-11-20",  // same quarter: a duplicate
                "p1,lib-1,library,power-together,5,2026-07-20",  // an earlier round: fine
            ]))
        let rendered = result.diagnostics.rendered(in: folder)
        #expect(
            rendered == [
                "surveys.csv:3: error: duplicate answer: respondent \"lib-1\" already answered power-together for p1 in 2026-Q4 (line 2)"
            ])
    }

    @Test func oneRespondentCannotAnswerForTwoParties() {
        let (result, _) = SurveyWorkspace.load(
            SurveyWorkspace.csv([
                "p1,x-1,library,power-together,4,2026-10-01", "p1,x-1,cu,power-heard,4,2026-10-01",
            ]))
        #expect(result.diagnostics.errorCount == 1)
        #expect(
            result.diagnostics.first?.message.contains("answers for library at line 2 and for cu here")
                == true)
    }

    @Test func anEmailAsRespondentIsAnErrorThatDoesNotEchoIt() {
        let (result, _) = SurveyWorkspace.load(
            SurveyWorkspace.csv(["p1,ana@example.org,library,power-together,4,2026-10-01"]))
        #expect(result.diagnostics.errorCount == 1)
        for d in result.diagnostics {
            #expect(!d.formatted.contains("ana@"))
            #expect(!(d.hint ?? "").contains("ana@"))
        }
    }

    @Test func everyProblemIsCollectedInOneRun() {
        let (result, _) = SurveyWorkspace.load(
            SurveyWorkspace.csv([
                "p9,a,library,power-together,4,2026-10-01", "p1,b,wf,power-together,4,2026-10-01",
                "p1,c,library,nope,4,2026-10-01", "p1,d,library,power-together,9,2026-10-01",
                "p1,e,library,power-together,4,2026-10-01", "p1,e,library,power-together,3,2026-10-02",
            ]))
        let lines = result.diagnostics.filter { $0.severity == .error }.map(\.location)
        #expect(lines == [.line(2), .line(3), .line(4), .line(5), .line(7)])
    }

    @Test func headerProblemsAreReported() {
        let (result, folder) = SurveyWorkspace.load(
            "partnership,respondent,party,item,date,factor,text,colour\np1,a,library,power-together,2026-10-01,x,y,z\n"
        )
        let rendered = result.diagnostics.rendered(in: folder)
        #expect(rendered.contains("surveys.csv:1: error: required column \"rating\" is missing"))
        #expect(rendered.contains("surveys.csv:1: warning: unknown column \"colour\" is ignored"))
        #expect(!rendered.contains { $0.contains("\"factor\"") || $0.contains("\"text\"") })
    }

    /// A mini workspace with one answer (rated 4) to item `answer`, and its own
    /// `rubrics/health-survey.json` of one item, loaded.
    static func loadWithRubric(
        name: String, max: Int, strength: Double, borderline: Double, item: String, factor: String,
        answer: String
    ) -> (TemporaryFolder, LoadResult) {
        let rubric =
            #"{"name": "\#(name)", "description": "d", "scale": {"min": 1, "max": \#(max)}, "bands": {"strength": \#(formatNumber(strength)), "borderline": \#(formatNumber(borderline))}, "items": [{"id": "\#(item)", "factor": "\#(factor)", "text": "t"}]}"#
        let folder = MiniWorkspace.make([
            "surveys.csv": SurveyWorkspace.csv(["p1,a,library,\(answer),4,2026-10-01"]),
            "rubrics/health-survey.json": rubric,
        ])
        return (folder, WorkspaceLoader.load(directory: folder.path, defaultVocabulary: toolkitVocabulary))
    }

    @Test func aBrokenWorkspaceRubricIsReportedOnceAndTheAnswersNotJudged() {
        let (folder, result) = Self.loadWithRubric(
            name: "x", max: 5, strength: 4, borderline: 3, item: "a", factor: "trusst", answer: "anything")
        let errors = result.diagnostics.filter { $0.severity == .error }.rendered(in: folder)
        #expect(errors.count == 1, "\(errors)")
        #expect(
            errors.first?.hasPrefix("rubrics/health-survey.json: items[0].factor: error: unknown factor")
                == true)
    }

    @Test func aWorkspaceRubricReplacesTheShippedOne() {
        let (folder, result) = Self.loadWithRubric(
            name: "ours", max: 4, strength: 3.5, borderline: 2.5, item: "own", factor: "trust", answer: "own")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.rendered(in: folder))")
        #expect(result.workspace?.surveyRubric?.name == "ours")
        #expect(result.workspace?.surveyRubric?.scaleMax == 4)
    }
}

@Suite struct SurveyEngineTests {
    func factor(_ r: SurveyResults, _ id: String, _ f: HealthFactor) -> FactorResult? {
        r.partnerships.first { $0.id == id }?.factor(f)
    }

    @Test func meansGapsAndBandsFollowTheParties() throws {
        let (r, _) = try #require(
            SurveyWorkspace.results([
                // Library: two respondents, shared power 4 and 4.5 → 4.25.
                "p1,lib-1,library,power-together,4,2026-10-01", "p1,lib-1,library,power-heard,4,2026-10-01",
                "p1,lib-2,library,power-together,5,2026-10-01", "p1,lib-2,library,power-heard,4,2026-10-01",
                // Partner: one respondent, 2 (a blank is left out, not a zero).
                "p1,cu-1,cu,power-together,2,2026-10-03", "p1,cu-1,cu,power-heard,,2026-10-03",
            ]))
        let f = try #require(factor(r, "p1", .sharedPower))
        #expect(f.mean(of: "library") == 4.25)
        #expect(f.mean(of: "cu") == 2)
        // Each side weighs the same: (4.25 + 2) / 2, not the mean of all five ratings.
        #expect(f.mean == 3.13)
        #expect(f.band == .borderline)
        #expect(f.gap == 2.25)
        #expect(f.gapParty == "cu")
        #expect(f.flagged)
        #expect(f.ratings == 5 && f.dontKnow == 1)
        let round = try #require(r.partnerships.first?.current)
        #expect(round.respondents(of: "library") == 2 && round.respondents(of: "cu") == 1)
        #expect(round.cautions == [.fewRespondents(party: "cu", count: 1, minimum: 2)])
    }

    /// The library's and the partner's ratings of the shared-power items (one respondent each).
    @Test(
        arguments: [
            ([4], [3], 1.0, true), ([4], [4, 3], 0.5, false), ([3], [4], 1.0, true),
            ([5], [4, 5, 4], 0.67, false),
            ([5], [4, 4, 3], 1.33, true),
        ] as [([Int], [Int], Double, Bool)])
    func aGapOfOnePointIsFlagged(library: [Int], partner: [Int], gap: Double, flagged: Bool) throws {
        let items = ["power-together", "power-heard", "power-say"]
        let rows =
            library.enumerated().map { "p1,lib-1,library,\(items[$0.offset]),\($0.element),2026-10-01" }
            + partner.enumerated().map { "p1,cu-1,cu,\(items[$0.offset]),\($0.element),2026-10-01" }
        let (r, _) = try #require(SurveyWorkspace.results(rows))
        let f = try #require(factor(r, "p1", .sharedPower))
        #expect(f.gap == gap)
        #expect(f.flagged == flagged)
    }

    @Test func oneSideOnlyIsStatedAndHasNoGap() throws {
        let (r, w) = try #require(
            SurveyWorkspace.results(["p1,lib-1,library,power-together,4,2026-10-01"]))
        let s = try #require(r.partnerships.first)
        let round = try #require(s.current)
        #expect(round.cautions.contains(.noAnswers(party: "cu")))
        let f = try #require(s.factor(.sharedPower))
        #expect(f.gap == nil && !f.flagged)
        #expect(f.mean == 4)
        let rubric = try #require(w.surveyRubric)
        let text = SurveyReport(results: r, rubric: rubric, workspace: w).text
        #expect(text.contains("Only the library answered: Harbor Credit Union gave no answers this round"))
    }

    @Test func onlyThePartnerAnsweringIsStatedToo() throws {
        let (r, w) = try #require(SurveyWorkspace.results(["p1,cu-1,cu,trust-promises,2,2026-10-01"]))
        let round = try #require(r.partnerships.first?.current)
        #expect(round.cautions.contains(.noAnswers(party: "library")))
        let rubric = try #require(w.surveyRubric)
        #expect(
            SurveyReport(results: r, rubric: rubric, workspace: w).text.contains(
                "The library gave no answers"))
    }

    @Test func allDontKnowGivesNoScoreAndSaysSo() throws {
        let (r, w) = try #require(
            SurveyWorkspace.results([
                "p1,lib-1,library,power-together,,2026-10-01", "p1,cu-1,cu,power-together,,2026-10-01",
                "p1,cu-1,cu,power-heard,,2026-10-01",
            ]))
        let s = try #require(r.partnerships.first)
        let f = try #require(s.factor(.sharedPower))
        #expect(f.mean == nil && f.band == nil && f.gap == nil && !f.flagged)
        #expect(f.ratings == 0 && f.dontKnow == 3)
        #expect(s.current?.cautions.contains(.allDontKnow(factor: .sharedPower)) == true)
        // A factor nobody was asked about has no score and no caution.
        #expect(s.factor(.trust)?.mean == nil)
        #expect(s.current?.cautions.contains(.allDontKnow(factor: .trust)) == false)
        // Summaries over nothing but "don't know" are unknown, not zero.
        #expect(s.current?.summaries.allSatisfy { $0.value == nil && $0.trust == nil } == true)
        let rubric = try #require(w.surveyRubric)
        let json = SurveyReport(results: r, rubric: rubric, workspace: w).json.serialized()
        #expect(json.contains("\"kind\": \"all_dont_know\""))
        #expect(!json.contains("\"mean\": 0"))
    }

    @Test func onePartyAllDontKnowIsStated() throws {
        let (r, _) = try #require(
            SurveyWorkspace.results([
                "p1,lib-1,library,power-together,4,2026-10-01", "p1,cu-1,cu,power-together,,2026-10-01",
            ]))
        let round = try #require(r.partnerships.first?.current)
        #expect(round.cautions.contains(.partyDontKnow(party: "cu", factor: .sharedPower)))
    }

    @Test func roundsAreQuartersAndTheTrendComparesTheLastTwo() throws {
        let (r, _) = try #require(
            SurveyWorkspace.results([
                "p1,lib-1,library,power-together,3,2026-02-10",  // Q1: an older round
                "p1,lib-1,library,power-together,4,2026-08-01", "p1,cu-1,cu,power-together,4,2026-09-30",
                "p1,lib-1,library,power-together,5,2026-10-01", "p1,cu-1,cu,power-together,2,2026-11-02",
                "p1,cu-1,cu,trust-promises,3,2026-11-02",  // trust: only in the latest round
                "p1,cu-1,cu,power-heard,1,2026-12-15",  // after --as-of: not counted yet
            ]))
        let s = try #require(r.partnerships.first)
        #expect(s.rounds.map(\.quarter.description) == ["2026-Q1", "2026-Q3", "2026-Q4"])
        #expect(s.previous?.quarter.description == "2026-Q3")
        #expect(s.trend.count == 1)
        let t = try #require(s.trend.first)
        #expect(t.factor == .sharedPower && t.previous == 4 && t.current == 3.5)
        #expect(t.previousQuarter.description == "2026-Q3")
        #expect(s.factor(.sharedPower)?.mean(of: "cu") == 2)
    }

    @Test func summariesAreMeansOfTheirFactors() throws {
        let (r, _) = try #require(
            SurveyWorkspace.results([
                "p1,cu-1,cu,trust-promises,2,2026-10-01", "p1,cu-1,cu,talk-open,4,2026-10-01",
                "p1,cu-1,cu,values-fit,3,2026-10-01", "p1,cu-1,cu,power-together,5,2026-10-01",
            ]))
        let summary = try #require(r.partnerships.first?.current?.summaries.first { $0.party == "cu" })
        #expect(summary.trust == 3)
        #expect(summary.value == 5)
    }

    @Test func notAskedListsCurrentPartnershipsWithoutAnswers() throws {
        let (r, _) = try #require(SurveyWorkspace.results(["p1,lib-1,library,power-together,4,2026-10-01"]))
        #expect(r.notAsked == ["p2", "p3"])
    }

    @Test func threePartiesCompareTheLibraryWithEachPartner() throws {
        let (r, w) = try #require(
            SurveyWorkspace.results([
                "p2,lib-1,library,power-together,5,2026-10-01", "p2,cu-1,cu,power-together,4,2026-10-01",
                "p2,wf-1,wf,power-together,2,2026-10-01",
            ]))
        let f = try #require(factor(r, "p2", .sharedPower))
        #expect(f.gap == 3 && f.gapParty == "wf" && f.flagged)
        let rubric = try #require(w.surveyRubric)
        let report = SurveyReport(results: r, rubric: rubric, workspace: w)
        #expect(
            report.text.contains(
                "Workforce Council rates shared power 2.0, the library 5.0: talk about who decides."))
    }
}

@Suite struct SurveyOutputTests {
    static let rows = [
        "p1,lib-1,library,power-together,4,2026-10-01", "p1,cu-1,cu,power-together,1,2026-10-03",
        "p1,cu-2,cu,power-together,2,2026-10-03",
    ]

    @Test func respondentsAndContactsNeverAppearInResults() throws {
        let (r, w) = try #require(SurveyWorkspace.results(Self.rows))
        let rubric = try #require(w.surveyRubric)
        let report = SurveyReport(results: r, rubric: rubric, workspace: w)
        for out in [report.text, report.markdown, report.json.serialized()] {
            for secret in ["lib-1", "cu-1", "cu-2", "ana@example.org", "555-0100", "Ana Ruiz"] {
                #expect(!out.contains(secret), "\(secret) in output")
            }
        }
    }

    @Test func jsonHasTheContractKeys() throws {
        let (r, w) = try #require(SurveyWorkspace.results(Self.rows))
        let rubric = try #require(w.surveyRubric)
        let json = SurveyReport(results: r, rubric: rubric, workspace: w).json.serialized()
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let p = try #require((root["partnerships"] as? [[String: Any]])?.first)
        #expect(p["id"] as? String == "p1")
        #expect((p["respondents"] as? [String: Int]) == ["library": 1, "cu": 2])
        let f = try #require(
            (p["factors"] as? [[String: Any]])?.first { $0["factor"] as? String == "shared_power" })
        #expect(f["mean"] as? Double == 2.75)
        #expect(f["band"] as? String == "concern")
        #expect((f["by_party"] as? [String: Double]) == ["library": 4, "cu": 1.5])
        #expect(f["gap"] as? Double == 2.5)
        #expect(f["flagged"] as? Bool == true)
        #expect(p["trend"] is [Any])
    }

    func form(title: String = "Money clinic") throws -> (SurveyForm, Workspace) {
        let (result, _) = MiniWorkspace.load([
            "partnerships.json":
                #"{ "partnerships": [ { "id": "p1", "title": "\#(title)", "partners": ["cu"], "status": "active" } ] }"#
        ])
        let w = try #require(result.workspace)
        let (rubric, _) = SurveyRubricReader.load(path: SurveyRubricTests.shipped)
        let p = try #require(w.partnership("p1"))
        return (
            SurveyForm(
                partnership: p, rubric: try #require(rubric), workspace: w, date: Day(ordinal: 20_000)), w
        )
    }

    @Test func csvFormHasOneRowPerItemAndPartyAndReadsBack() throws {
        let (form, _) = try form()
        let lines = form.csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "partnership,respondent,party,item,factor,text,rating,date")
        #expect(lines.count == 1 + 2 * form.rubric.items.count)
        #expect(lines[1].hasPrefix("p1,library-1,library,benefit-value,mutual_benefit,"))
        #expect(lines.last?.hasPrefix("p1,cu-1,cu,trust-mission,trust,") == true)
        // Filled in with a rating, it is a valid surveys.csv.
        let filled = lines.enumerated().map { i, l in
            i == 0 ? l : l.replacingOccurrences(of: ",,", with: ",3,")
        }
        let (result, folder) = MiniWorkspace.load(["surveys.csv": filled.joined(separator: "\r\n") + "\r\n"])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.rendered(in: folder))")
        #expect(result.workspace?.surveys.count == 2 * form.rubric.items.count)
        #expect(result.workspace?.surveys.allSatisfy { $0.rating == 3 } == true)
    }

    @Test func formsEscapeUserStrings() throws {
        let (form, _) = try form(title: #"<script>x</script> & \"q\""#)
        #expect(!form.html.contains("<script>"))
        #expect(form.html.contains("&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;"))
        #expect(form.markdown.contains(#"\<script\>"#))
        #expect(!form.html.contains("ana@example.org") && !form.markdown.contains("ana@example.org"))
    }

    @Test func csvFormNeutralisesFormulaStarts() throws {
        let (result, _) = MiniWorkspace.load([
            "partnerships.json":
                #"{ "partnerships": [ { "id": "=cmd", "title": "T", "partners": ["cu"], "status": "active" } ] }"#
        ])
        let w = try #require(result.workspace)
        let (rubric, _) = SurveyRubricReader.load(path: SurveyRubricTests.shipped)
        let p = try #require(w.partnership("=cmd"))
        let csv = SurveyForm(
            partnership: p, rubric: try #require(rubric), workspace: w, date: Day(ordinal: 20_000)
        ).csv
        #expect(csv.contains("\r\n'=cmd,"))
        #expect(!csv.contains("\r\n=cmd,"))
    }
}
