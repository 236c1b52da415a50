import Foundation
import Testing

@testable import PartnerKit

/// The fitting code against values computed independently: `Scripts/calibration_fixtures.py`
/// fits the same penalised likelihood with numpy (Newton/IRLS) and scipy (BFGS), checks that
/// they agree to 1e-6, and runs the whole calibrate method (standardising, suggested weights,
/// leave-one-out) in numpy; the results are in `Fixtures/calibration/reference.json`.
@Suite struct CalibrationFitTests {
    struct Reference: Decodable {
        struct Fit: Decodable {
            var name: String
            var x: [[Double]]
            var y: [Double]
            var lambda: Double
            var intercept: Double
            var coefficients: [Double]
            var standard_errors: [Double]
            var objective: Double
        }
        struct Whole: Decodable {
            var name: String
            var x: [[Double]]
            var y: [Double]
            var current: [Double]
            var lambda: Double
            var effects: [Double?]
            var standard_errors: [Double?]
            var weights: [Double]?
            var held_out_scores: [Double]
            var concordance_suggested: Double
            var concordance_current: Double
            var concordance_uniform: Double
        }
        var fits: [Fit]
        var calibrations: [Whole]
    }

    static let reference: Reference? = {
        guard
            let url = Bundle.module.url(
                forResource: "reference", withExtension: "json", subdirectory: "Fixtures/calibration"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    @Test func referenceFixtureLoads() {
        #expect(Self.reference?.fits.count == 5)
        #expect(Self.reference?.calibrations.count == 2)
    }

    @Test(arguments: ["A", "A-weak-penalty", "B", "C", "C-strong-penalty"])
    func penalisedFitMatchesNumpyAndScipy(_ name: String) throws {
        let f = try #require(Self.reference?.fits.first { $0.name == name })
        let model = try #require(PenalisedLogistic.fit(x: f.x, y: f.y, lambda: f.lambda))
        #expect(model.converged)
        #expect(abs(model.intercept - f.intercept) < 1e-7)
        #expect(model.coefficients.count == f.coefficients.count)
        for (a, b) in zip(model.coefficients, f.coefficients) { #expect(abs(a - b) < 1e-7, "\(name)") }
        for (a, b) in zip(model.standardErrors, f.standard_errors) { #expect(abs(a - b) < 1e-7, "\(name)") }
        #expect(abs(model.objective - f.objective) < 1e-8)
    }

    /// Examples with the given factors and labels (1 met-goals, ½ partly, 0 fizzled).
    static func examples(_ x: [[Double]], _ y: [Double]) -> [Calibration.Example] {
        zip(x, y).enumerated().map { k, pair in
            let outcome: Partnership.Outcome = pair.1 == 1 ? .metGoals : pair.1 == 0.5 ? .partly : .fizzled
            return Calibration.Example(
                id: "e\(k)", title: "E\(k)", partners: ["o\(k)"], outcome: outcome, label: pair.1,
                measuredOn: Day(ordinal: 0), factors: pair.0, currentScore: 0, heldOutScore: nil)
        }
    }

    static func rubric(_ w: [Double]) -> Rubric {
        Rubric(name: "r", weights: Dictionary(uniqueKeysWithValues: zip(Dimension.allCases, w)))
    }

    @Test(arguments: ["soft-labels", "binary"])
    func wholeMethodMatchesNumpy(_ name: String) throws {
        let r = try #require(Self.reference?.calibrations.first { $0.name == name })
        let c = CalibrationEngine.calibrate(
            examples: Self.examples(r.x, r.y), rubric: Self.rubric(r.current), asOf: Day(ordinal: 0))
        #expect(c.enoughData)
        #expect(c.refusal == nil)
        for f in c.factors {
            let j = f.dimension.index
            #expect(abs(f.effect - (r.effects[j] ?? 0)) < 1e-7, "\(name) effect \(f.dimension)")
            #expect(f.varies == (r.effects[j] != nil))
            if let se = r.standard_errors[j] {
                #expect(abs((f.standardError ?? .nan) - se) < 1e-7)
            } else {
                #expect(f.standardError == nil)
            }
            #expect(abs((f.suggestedWeight ?? .nan) - (r.weights?[j] ?? .nan)) < 1e-7, "\(name) weight")
        }
        for (e, s) in zip(c.examples, r.held_out_scores) { #expect(abs((e.heldOutScore ?? .nan) - s) < 1e-7) }
        #expect(abs((c.suggestedConcordance ?? .nan) - r.concordance_suggested) < 1e-12)
        #expect(abs((c.currentConcordance ?? .nan) - r.concordance_current) < 1e-12)
        #expect(abs((c.uniformConcordance ?? .nan) - r.concordance_uniform) < 1e-12)
    }

    @Test func unusableInputIsNilNotACrash() {
        #expect(PenalisedLogistic.fit(x: [], y: [], lambda: 1) == nil)
        #expect(PenalisedLogistic.fit(x: [[1], [2, 3]], y: [0, 1], lambda: 1) == nil)
        #expect(PenalisedLogistic.fit(x: [[1], [2]], y: [0, 2], lambda: 1) == nil)
        #expect(PenalisedLogistic.fit(x: [[1], [.nan]], y: [0, 1], lambda: 1) == nil)
        #expect(PenalisedLogistic.fit(x: [[1], [2]], y: [0, 1], lambda: -1) == nil)
        // Collinear columns with no penalty: the Hessian is singular.
        #expect(PenalisedLogistic.fit(x: [[1, 2], [2, 4], [3, 6]], y: [0, 1, 1], lambda: 0) == nil)
        // The same with a penalty is fine.
        #expect(PenalisedLogistic.fit(x: [[1, 2], [2, 4], [3, 6]], y: [0, 1, 1], lambda: 1) != nil)
    }

    @Test func aSeparableSetStaysFinite() throws {
        let m = try #require(
            PenalisedLogistic.fit(x: [[-1], [-0.5], [0.5], [1]], y: [0, 0, 1, 1], lambda: 1))
        #expect(m.coefficients[0] > 0 && m.coefficients[0].isFinite)
        #expect(m.probability([1]) > 0.5 && m.probability([-1]) < 0.5)
    }
}

/// Concordance against cases counted by hand.
@Suite struct ConcordanceTests {
    @Test func twoLevelsIsTheAUC() {
        // Good 0.9, 0.4; poor 0.6, 0.2. Pairs: (0.9 > 0.6) yes, (0.9 > 0.2) yes,
        // (0.4 > 0.6) no, (0.4 > 0.2) yes: 3 of 4.
        #expect(Concordance.of(scores: [0.9, 0.4, 0.6, 0.2], outcomes: [1, 1, 0, 0]) == 0.75)
    }

    @Test func aTieInScoreCountsHalf() {
        // (0.5 = 0.5) half, (0.5 > 0.1) yes: 1.5 of 2.
        #expect(Concordance.of(scores: [0.5, 0.5, 0.1], outcomes: [1, 0, 0]) == 0.75)
    }

    @Test func threeLevelsAlsoRankMetAbovePartly() {
        // met 0.3, partly 0.5, poor 0.1: (met > partly) no, (met > poor) yes, (partly > poor)
        // yes: 2 of 3.
        let c = Concordance.of(scores: [0.3, 0.5, 0.1], outcomes: [1, 0.5, 0])
        #expect(abs((c ?? 0) - 2.0 / 3.0) < 1e-15)
    }

    @Test func perfectAndBackwards() {
        #expect(Concordance.of(scores: [3, 2, 1], outcomes: [1, 0.5, 0]) == 1)
        #expect(Concordance.of(scores: [1, 2, 3], outcomes: [1, 0.5, 0]) == 0)
    }

    @Test func nothingToRankIsNil() {
        #expect(Concordance.of(scores: [0.1, 0.9], outcomes: [1, 1]) == nil)
        #expect(Concordance.of(scores: [], outcomes: []) == nil)
    }
}

/// When calibrate must say nothing, and the suggested rubric it writes.
@Suite struct CalibrationRefusalTests {
    static func examples(_ labels: [Double], factors: (Int) -> [Double]) -> [Calibration.Example] {
        CalibrationFitTests.examples(labels.indices.map(factors), labels)
    }

    /// A factor row where value alignment and shared audience go with the label.
    static func row(_ k: Int, _ labels: [Double]) -> [Double] {
        let l = labels[k]
        return [0.3 + 0.4 * l + 0.01 * Double(k % 3), 0.2 + 0.5 * l - 0.02 * Double(k % 4), 0.5, 0.4, 0.1]
    }

    @Test func fewerThanEightOutcomesSuggestNothing() {
        let labels: [Double] = [1, 0, 1, 0, 1, 0, 1]
        let c = CalibrationEngine.calibrate(
            examples: Self.examples(labels) { Self.row($0, labels) }, rubric: .partnerFit,
            asOf: Day(ordinal: 0))
        #expect(c.refusal == .tooFew(examples: 7, needed: 8))
        #expect(!c.enoughData)
        #expect(
            c.factors.allSatisfy { $0.suggestedWeight == nil && $0.effect == 0 && $0.standardError == nil })
        #expect(c.suggestedConcordance == nil)
        #expect(c.currentConcordance != nil)
        let json = CalibrationReport(c).json.serialized()
        #expect(json.contains("\"enough_data\": false"))
        #expect(!json.contains("\"suggested_weight\": 0"))
        #expect(CalibrationReport(c).text.contains("Only 7 past partnerships have an outcome"))
        #expect(CalibrationReport(c).suggestedRubric(.partnerFit, name: "x") == nil)
    }

    @Test func allGoodIsOneSided() {
        let labels: [Double] = [1, 0.5, 1, 1, 0.5, 1, 1, 1, 0.5, 1]
        let c = CalibrationEngine.calibrate(
            examples: Self.examples(labels) { Self.row($0, labels) }, rubric: .partnerFit,
            asOf: Day(ordinal: 0))
        #expect(c.refusal == .oneSided(good: 10, poor: 0, needed: 2))
        #expect(!c.enoughData)
        #expect(c.suggestedWeights == nil)
        #expect(CalibrationReport(c).text.contains("All 10 recorded outcomes went well"))
    }

    @Test func onePoorAmongManyIsOneSided() {
        let labels: [Double] = [1, 1, 1, 1, 0, 1, 1, 1, 1, 1]
        let c = CalibrationEngine.calibrate(
            examples: Self.examples(labels) { Self.row($0, labels) }, rubric: .partnerFit,
            asOf: Day(ordinal: 0))
        #expect(c.refusal == .oneSided(good: 9, poor: 1, needed: 2))
        #expect(c.factors.allSatisfy { $0.suggestedWeight == nil })
        #expect(CalibrationReport(c).text.contains("Only 1 of 10 went poorly"))
    }

    @Test func allPoorIsOneSided() {
        let labels: [Double] = [0, 0, 0, 0, 0, 0, 0, 0]
        let c = CalibrationEngine.calibrate(
            examples: Self.examples(labels) { Self.row($0, labels) }, rubric: .partnerFit,
            asOf: Day(ordinal: 0))
        #expect(c.refusal == .oneSided(good: 0, poor: 8, needed: 2))
        #expect(CalibrationReport(c).text.contains("All 8 recorded outcomes went poorly"))
    }

    @Test func identicalFactorsHaveNothingToSay() {
        let labels: [Double] = [1, 0, 1, 0, 1, 0, 1, 0]
        let c = CalibrationEngine.calibrate(
            examples: Self.examples(labels) { _ in [0.5, 0.5, 0.5, 0.5, 0.5] }, rubric: .partnerFit,
            asOf: Day(ordinal: 0))
        #expect(c.refusal == .noVariation)
        #expect(c.enoughData)
        #expect(c.suggestedWeights == nil)
        #expect(c.factors.allSatisfy { !$0.varies })
    }

    @Test func onlyNegativeEffectsSuggestNothing() {
        // More of every factor that varies went with worse outcomes.
        let labels: [Double] = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]
        let c = CalibrationEngine.calibrate(
            examples: Self.examples(labels) { k in
                let l = labels[k]
                return [0.8 - 0.5 * l + 0.01 * Double(k), 0.7 - 0.4 * l, 0.5, 0.5, 0.5]
            }, rubric: .partnerFit, asOf: Day(ordinal: 0))
        #expect(c.refusal == .noPositiveEffect)
        #expect(c.enoughData)
        #expect(c.suggestedWeights == nil)
        #expect(c.factors[0].effect < 0 && c.factors[1].effect < 0)
    }

    @Test func theWrittenRubricReadsBackWithItsWeightsAndNoWarnings() throws {
        let labels: [Double] = [1, 0, 1, 0, 1, 0.5, 1, 0, 0.5, 0, 1, 0]
        let c = CalibrationEngine.calibrate(
            examples: Self.examples(labels) { Self.row($0, labels) }, rubric: .partnerFit,
            asOf: Day(ordinal: 0))
        let weights = try #require(c.suggestedWeights)
        let json = try #require(CalibrationReport(c).suggestedRubric(.partnerFit, name: "fit-calibrated"))
        let text = json.serialized()
        #expect(text.contains("\"calibration\""))
        #expect(text.contains("\"examples\": 12"))
        let sink = DiagnosticSink()
        let back = try #require(RubricReader.parse(text, file: "fit-calibrated.json", sink: sink))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(back.name == "fit-calibrated")
        for (a, b) in zip(back.weights, weights) { #expect(abs(a - b) < 1e-4) }
        #expect(back.parameters == Rubric.partnerFit.parameters)
    }
}

/// A workspace whose outcomes were drawn from a planted weighting (`PlantedOutcomes`):
/// calibrate must find the planted strong factor and rank better than equal weights.
@Suite struct CalibrationPlantedTests {
    static let planted: [PartnerKit.Dimension: Double] = [.sharedAudience: 2.5, .capacity: 0.5]

    @Test(arguments: [40, 80, 160])
    func thePlantedStrongFactorComesFirst(_ n: Int) throws {
        let c = try #require(PlantedOutcomes.calibrate(partnerships: n, planted: Self.planted))
        #expect(c.examples.count == n)
        #expect(c.enoughData)
        let byEffect = c.factors.sorted { $0.effect > $1.effect }
        #expect(byEffect.first?.dimension == .sharedAudience, "n = \(n)")
        let byWeight = c.factors.sorted { ($0.suggestedWeight ?? 0) > ($1.suggestedWeight ?? 0) }
        #expect(byWeight.first?.dimension == .sharedAudience, "n = \(n)")
        let suggested = try #require(c.suggestedConcordance)
        let uniform = try #require(c.uniformConcordance)
        #expect(suggested > uniform, "n = \(n): \(suggested) vs \(uniform)")
    }

    @Test func moreOutcomesGiveAClearerAnswer() throws {
        let small = try #require(PlantedOutcomes.calibrate(partnerships: 20, planted: Self.planted))
        let large = try #require(PlantedOutcomes.calibrate(partnerships: 160, planted: Self.planted))
        let audience = PartnerKit.Dimension.sharedAudience.index
        // The uncertainty shrinks (8× the outcomes; by less than √8 because at 20 the penalty's
        // prior bounds it: about 0.6× on this workspace, so 0.7 leaves room for scoring changes),
        // and the gain over equal weights does not.
        #expect(
            (large.factors[audience].standardError ?? 1) < (small.factors[audience].standardError ?? 0) * 0.7)
        #expect(
            (large.suggestedConcordance ?? 0) - (large.uniformConcordance ?? 1)
                >= (small.suggestedConcordance ?? 1) - (small.uniformConcordance ?? 0) - 0.05)
        #expect((large.factors[audience].signal ?? 0) > 3)
    }

    @Test func tooFewPlantedOutcomesAreRefused() throws {
        let c = try #require(PlantedOutcomes.calibrate(partnerships: 6, planted: Self.planted))
        #expect(c.examples.count == 6)
        #expect(c.refusal == .tooFew(examples: 6, needed: 8))
        #expect(c.factors.allSatisfy { $0.suggestedWeight == nil })
    }
}
