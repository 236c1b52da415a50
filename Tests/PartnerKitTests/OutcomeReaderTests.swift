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
