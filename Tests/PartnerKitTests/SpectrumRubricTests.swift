import Testing

@testable import PartnerKit

@Suite struct SpectrumRubricTests {
    typealias F = SpectrumFixture

    @Test(arguments: ["spectrum-iap2", "spectrum-dessert"])
    func shippedRubricsLoadWithoutDiagnostics(_ name: String) {
        let bytes = F.rubricBytes(name)
        #expect(!bytes.isEmpty, "Rubrics/\(name).json not found")
        let (rubric, diagnostics) = SpectrumRubric.read(bytes: bytes, file: "\(name).json")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(rubric?.name == name)
    }

    @Test func levelsAreOnTheIAP2Scale() {
        #expect(
            F.rubric("spectrum-iap2").levels.map(\.id) == [
                "inform", "consult", "involve", "collaborate", "empower",
            ])
        #expect(F.rubric("spectrum-iap2").levels.map(\.position) == [1, 2, 3, 4, 5])
        let dessert = F.rubric("spectrum-dessert")
        #expect(dessert.levels.map(\.id) == ["inform", "consult", "collaborate", "empower"])
        #expect(dessert.levels.map(\.position) == [1, 2, 4, 5])
        #expect(dessert.levels.allSatisfy { $0.metaphor != nil })
    }

    /// Replaces the first occurrence of `a` with `b` in the shipped IAP2 rubric.
    static func broken(_ a: String, _ b: String) -> [UInt8] {
        let text = String(decoding: F.rubricBytes("spectrum-iap2"), as: UTF8.self)
        guard let r = text.range(of: a) else { return [] }
        return Array(text.replacingCharacters(in: r, with: b).utf8)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var from: String
        var to: String
        var field: String
        var severity: Diagnostic.Severity
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(
            name: "negative weight", from: "\"value\": 1.2,", to: "\"value\": -1.2,",
            field: "signals.decisions.shared.value", severity: .error),
        BadCase(
            name: "positions not increasing", from: "\"position\": 3", to: "\"position\": 1.5",
            field: "levels[2].position", severity: .error),
        BadCase(
            name: "missing levels", from: "\"levels\":", to: "\"lvls\":", field: "levels", severity: .error),
        BadCase(
            name: "unknown key", from: "\"source\":", to: "\"sauce\":", field: "sauce", severity: .warning),
        BadCase(
            name: "shared weighs less than library", from: "\"value\": 1.8,", to: "\"value\": 0.1,",
            field: "signals.decisions.partner", severity: .error),
        BadCase(
            name: "missing signal weight", from: "\"money_not_one_way\": {", to: "\"money_not_1_way\": {",
            field: "signals.money_not_one_way", severity: .error),
        BadCase(
            name: "position off the scale", from: "\"position\": 5", to: "\"position\": 7",
            field: "levels[4].position", severity: .error),
    ]

    @Test(arguments: badCases)
    func validationNamesFileAndField(_ c: BadCase) {
        let bytes = Self.broken(c.from, c.to)
        #expect(!bytes.isEmpty)
        let (rubric, diagnostics) = SpectrumRubric.read(bytes: bytes, file: "Rubrics/bad.json")
        let hit = diagnostics.first { d in
            if case .field(let path) = d.location { return path == c.field && d.severity == c.severity }
            return false
        }
        #expect(hit != nil, "\(diagnostics.map(\.formatted))")
        #expect(hit?.formatted.hasPrefix("Rubrics/bad.json: \(c.field): \(c.severity.rawValue):") == true)
        if c.severity == .error { #expect(rubric == nil) } else { #expect(rubric != nil) }
    }

    @Test func syntaxErrorsHaveLineAndColumn() {
        let (rubric, diagnostics) = SpectrumRubric.read(bytes: Array("{ \"name\": ".utf8), file: "x.json")
        #expect(rubric == nil)
        if case .lineColumn = diagnostics.first?.location {
        } else {
            Issue.record("expected a line:column error")
        }
    }
}
