import Testing

@testable import PartnerKit

/// `outcome` and `ended_reason` in partnerships.json: read, validated like every field.
@Suite struct OutcomeReaderTests {
    static func partnership(_ extra: String, status: String = "ended") -> String {
        #"{"partnerships": [{"id": "p", "title": "T", "partners": ["cu"], "status": "\#(status)"\#(extra)}]}"#
    }

    static func load(_ extra: String, status: String = "ended") -> (LoadResult, [String]) {
        let (result, folder) = MiniWorkspace.load(["partnerships.json": partnership(extra, status: status)])
        return (result, result.diagnostics.rendered(in: folder))
    }

    @Test(arguments: Partnership.Outcome.allCases)
    func everyOutcomeReads(_ o: Partnership.Outcome) {
        let (result, messages) = Self.load(#", "outcome": "\#(o.rawValue)""#)
        #expect(messages.isEmpty, "\(messages)")
        #expect(result.workspace?.partnerships.first?.outcome == o)
    }

    @Test func endedReasonReads() {
        let (result, messages) = Self.load(#", "outcome": "ended-early", "ended_reason": "The grant ended.""#)
        #expect(messages.isEmpty)
        #expect(result.workspace?.partnerships.first?.endedReason == "The grant ended.")
        #expect(result.workspace?.partnerships.first?.outcome == .endedEarly)
    }

    @Test func missingOutcomeIsNil() {
        let (result, messages) = Self.load("")
        #expect(messages.isEmpty)
        #expect(result.workspace?.partnerships.first?.outcome == nil)
        #expect(result.workspace?.partnerships.first?.endedReason == nil)
    }

    @Test func outcomeIsCaseInsensitive() {
        let (result, _) = Self.load(#", "outcome": " Met-Goals ""#)
        #expect(result.workspace?.partnerships.first?.outcome == .metGoals)
    }

    @Test(arguments: [
        ("met goals", "met-goals"), ("fizzle", "fizzled"), ("ended_early", "ended-early"),
        ("harmfull", "harmful"), ("Partley", "partly"),
    ])
    func anUnknownOutcomeIsAnErrorWithASuggestion(_ wrong: String, _ meant: String) {
        let (result, messages) = Self.load(#", "outcome": "\#(wrong)""#)
        #expect(result.workspace == nil)
        #expect(messages.count == 1, "\(messages)")
        let m = messages.first ?? ""
        #expect(m.hasPrefix("partnerships.json: partnerships[0].outcome: error:"), "\(m)")
        #expect(m.contains("met-goals, partly, fizzled, ended-early, harmful"))
        #expect(result.diagnostics.first?.hint == "did you mean \"\(meant)\"?")
    }

    @Test func anOutcomeMustBeText() {
        let (_, messages) = Self.load(#", "outcome": 3"#)
        #expect(messages.contains { $0.hasPrefix("partnerships.json: partnerships[0].outcome: error:") })
    }

    @Test func anEndedReasonMustBeText() {
        let (_, messages) = Self.load(#", "ended_reason": ["x"]"#)
        #expect(messages.contains { $0.hasPrefix("partnerships.json: partnerships[0].ended_reason: error:") })
    }

    @Test func anOutcomeOnAProposalIsAWarning() {
        let (result, messages) = Self.load(#", "outcome": "met-goals""#, status: "proposed")
        #expect(result.workspace != nil)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("partnerships.json: partnerships[0].outcome: warning:") == true)
    }

    @Test func anActiveOrPausedPartnershipMayHaveAnOutcome() {
        for status in ["active", "paused"] {
            let (result, messages) = Self.load(#", "outcome": "partly""#, status: status)
            #expect(messages.isEmpty)
            #expect(result.workspace?.partnerships.first?.outcome == .partly)
        }
    }
}

/// The review's outcome counts per quarter.
@Suite struct OutcomeTallyTests {
    static func p(
        _ id: String, _ status: Partnership.Status, _ outcome: Partnership.Outcome?, ends: String? = nil
    ) -> Partnership {
        Partnership(
            id: id, title: id, partners: ["x"], status: status, ends: ends.flatMap { Day($0) },
            outcome: outcome)
    }

    @Test func countsByTheQuarterEachEnded() {
        let list = [
            Self.p("a", .ended, .metGoals, ends: "2025-05-17"),
            Self.p("b", .ended, .fizzled, ends: "2025-06-30"),
            Self.p("c", .ended, .metGoals, ends: "2025-08-29"), Self.p("d", .active, .partly),
            Self.p("e", .paused, .endedEarly), Self.p("f", .ended, .harmful),
            Self.p("g", .proposed, .metGoals), Self.p("h", .active, nil),
            Self.p("late", .ended, .metGoals, ends: "2026-01-02"),
        ]
        let t = OutcomeTally.byQuarter(list, through: Quarter(year: 2025, number: 4))
        #expect(t.map(\.quarter) == [Quarter(year: 2025, number: 2), Quarter(year: 2025, number: 3), nil])
        #expect(t[0].counts == [.metGoals: 1, .fizzled: 1])
        #expect(t[1].counts == [.metGoals: 1])
        // Running, paused and undated ended ones; not the proposal, not the one ending later.
        #expect(t[2].counts == [.partly: 1, .endedEarly: 1, .harmful: 1])
        #expect(t.map(\.total).reduce(0, +) == 6)
        let line = OutcomeTally.sentence(t, reviewing: Quarter(year: 2025, number: 3)) ?? ""
        #expect(line.contains("2025-Q2: 1 met their goals, 1 fizzled out"))
        #expect(line.contains("2025-Q3 (this quarter): 1 met their goals"))
        #expect(line.contains("judged while running: 1 partly, 1 ended early, 1 did harm"))
        let json = OutcomeTally.json(t).serialized(pretty: false)
        #expect(json.hasPrefix(#"[{"quarter":"2025-Q2","met-goals":1,"partly":0,"fizzled":1"#))
    }

    @Test func noOutcomesNoLine() {
        let t = OutcomeTally.byQuarter([Self.p("h", .active, nil)], through: Quarter(year: 2025, number: 4))
        #expect(t.isEmpty)
        #expect(OutcomeTally.sentence(t, reviewing: Quarter(year: 2025, number: 4)) == nil)
    }
}
