import Foundation
import Testing

@testable import PartnerKit

@Suite struct ScoringRubricTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().path

    func read(_ text: String) -> (Rubric?, [Diagnostic]) {
        let sink = DiagnosticSink()
        let r = RubricReader.parse(text, file: "rubrics/bad.json", sink: sink)
        return (r, sink.diagnostics)
    }

    /// Each kind of invalid rubric is an error naming the rubric file and the field path.
    @Test(arguments: [
        (#"{"name":"x","description":"d","weights":{"reach":1}}"#, "weights.reach", "unknown dimension"),
        (
            #"{"name":"x","description":"d","weights":{"capacity":-1,"relationship":1}}"#, "weights.capacity",
            "negative"
        ),
        (
            #"{"name":"x","description":"d","weights":{"capacity":0,"relationship":0}}"#, "weights",
            "every weight is zero"
        ),
        (#"{"name":"x","description":"d","weights":{}}"#, "weights", "every weight is zero"),
        (#"{"name":"x","description":"d"}"#, "weights", "required"),
        (#"{"description":"d","weights":{"capacity":1}}"#, "name", "required"),
        (
            #"{"name":"x","description":"d","weights":{"capacity":"high"}}"#, "weights.capacity",
            "expected a number"
        ),
        (
            #"{"name":"x","description":"d","weights":{"capacity":1},"parameters":{"staff_fte_half_saturation":{"value":0}}}"#,
            "parameters.staff_fte_half_saturation", "positive"
        ),
        (
            #"{"name":"x","description":"d","weights":{"capacity":1},"minimums":{"capacity":{"value":2}}}"#,
            "minimums.capacity", "from 0 to 1"
        ),
        (
            #"{"name":"x","description":"d","weights":{"capacity":1},"minimums":{"capcity":0.3}}"#,
            "minimums.capcity", "unknown dimension"
        ),
        (
            #"{"name":"x","description":"d","weights":{"capacity":1},"parameters":{"band_strength":0.5,"band_borderline":0.7}}"#,
            "parameters.band_borderline", "must not exceed"
        ),
    ])
    func invalidRubricsAreErrors(text: String, path: String, message: String) {
        let (rubric, diagnostics) = read(text)
        #expect(rubric == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        #expect(
            errors.contains {
                $0.file == "rubrics/bad.json" && $0.location == .field(path) && $0.message.contains(message)
            },
            "\(errors.map(\.formatted))")
    }

    @Test func syntaxErrorsHaveLineAndColumn() {
        let (rubric, diagnostics) = read("{\n  \"name\": \"x\",,\n}")
        #expect(rubric == nil)
        if case .lineColumn(let l, _) = diagnostics.first?.location {
            #expect(l == 2)
        } else {
            Issue.record("no line:col")
        }
    }

    @Test func weightsAreNormalisedAndUnnamedDimensionsWeighZero() {
        let (rubric, diagnostics) = read(
            #"{"name":"x","description":"d","weights":{"capacity":3,"relationship":1}}"#)
        #expect(diagnostics.isEmpty)
        #expect(rubric?.weight(.capacity) == 0.75)
        #expect(rubric?.weight(.relationship) == 0.25)
        #expect(rubric?.weight(.valueAlignment) == 0)
    }

    @Test func unknownParametersAreWarnedNotFatal() {
        let (rubric, diagnostics) = read(
            #"{"name":"x","description":"d","weights":{"capacity":1},"parameters":{"staf_fte_half_saturation":3}}"#
        )
        #expect(rubric != nil)
        #expect(
            diagnostics.contains {
                $0.severity == .warning && $0.hint?.contains("staff_fte_half_saturation") == true
            })
    }

    /// Both shipped rubrics load without a single diagnostic, and every weight and parameter
    /// is documented in the file.
    @Test(arguments: ["partner-fit", "grant-partner"])
    func shippedRubricsLoadClean(name: String) throws {
        let path = "\(Self.repoRoot)/Rubrics/\(name).json"
        let sink = DiagnosticSink()
        let rubric = try #require(RubricReader.load(path: path, sink: sink))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics.map(\.formatted))")
        #expect(rubric.name == name)
        #expect(abs(rubric.weights.reduce(0, +) - 1) < 1e-12)

        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let weights = try #require(json["weights"] as? [String: Any])
        let notes = try #require(json["weight_notes"] as? [String: String])
        #expect(Set(weights.keys) == Set(notes.keys))
        let parameters = try #require(json["parameters"] as? [String: [String: Any]])
        #expect(Set(parameters.keys) == Set(RubricReader.parameterSpecs.map(\.key)))
        for (_, p) in parameters { #expect((p["description"] as? String)?.isEmpty == false) }
    }

    @Test func grantPartnerWeighsCapacityAndRelationshipMore() throws {
        let sink = DiagnosticSink()
        let fit = try #require(
            RubricReader.load(path: "\(Self.repoRoot)/Rubrics/partner-fit.json", sink: sink))
        let grant = try #require(
            RubricReader.load(path: "\(Self.repoRoot)/Rubrics/grant-partner.json", sink: sink))
        #expect(grant.weight(.capacity) > fit.weight(.capacity))
        #expect(grant.weight(.relationship) > fit.weight(.relationship))
        #expect(!grant.minimums.isEmpty)
    }

    /// The built-in default agrees with the shipped file.
    @Test func builtInPartnerFitMatchesTheFile() throws {
        let sink = DiagnosticSink()
        let file = try #require(
            RubricReader.load(path: "\(Self.repoRoot)/Rubrics/partner-fit.json", sink: sink))
        #expect(file.weights == Rubric.partnerFit.weights)
        #expect(file.parameters == Rubric.partnerFit.parameters)
    }
}

/// A rubric of the other kind is named as such, in one error, not as a list of strange keys.
@Suite struct WrongKindOfRubricTests {
    @Test func aSpectrumGivenAsAScoringRubric() {
        let sink = DiagnosticSink()
        let r = RubricReader.parse(#"{"name": "s", "levels": [], "signals": {}}"#, file: "s.json", sink: sink)
        #expect(r == nil)
        #expect(sink.diagnostics.count == 1, "\(sink.diagnostics.map(\.formatted))")
        #expect(sink.diagnostics.first?.message.contains("spectrum rubric") == true)
    }

    @Test func aScoringRubricGivenAsASpectrum() {
        let (r, d) = SpectrumRubric.read(
            bytes: Array(#"{"name": "p", "weights": {"capacity": 1}}"#.utf8), file: "p.json")
        #expect(r == nil)
        #expect(d.count == 1, "\(d.map(\.formatted))")
        #expect(d.first?.message.contains("scoring rubric") == true)
    }
}
