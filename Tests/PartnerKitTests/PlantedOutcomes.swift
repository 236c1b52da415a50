import PartnerKitSynthetic

@testable import PartnerKit

/// A synthetic workspace (the seeded generator's organizations, ties and library) with a
/// `partnerships.json` of ended partnerships whose outcomes were drawn from a known, planted
/// weighting of the scoring factors: the ground truth `calibrate` should recover.
///
/// Each partnership has one partner, chosen in order from the organizations. Its factors are
/// measured exactly as `CalibrationEngine` measures them (the rubric's parameters, equal
/// weights, warm paths, as of `asOf`); the planted log-odds of a good outcome is
/// Σ coefficientⱼ · zⱼ, with zⱼ the factor standardised over the chosen partners; the outcome
/// is met-goals with that probability, else fizzled, drawn from the seeded generator.
enum PlantedOutcomes {
    static let asOf = Day("2026-11-29") ?? Day(ordinal: 0)

    /// The workspace files, ready for `WorkspaceLoader.load(files:)`.
    static func workspace(
        partnerships count: Int, planted: [Dimension: Double], organizations: Int = 400, seed: UInt64 = 2026
    ) -> [String: [UInt8]] {
        var files = Synthetic.workspace(organizations: organizations, asOf: asOf, seed: seed)
        guard let w = WorkspaceLoader.load(files: files).workspace else { return files }
        let (engine, chosen) = measure(w, count: count)
        let x = chosen.map { i in Dimension.allCases.map { engine.evaluate(i).values[$0.index] } }
        let stats = Dimension.allCases.map { d in CalibrationEngine.meanAndSpread(x.map { $0[d.index] }) }
        var rng = SeededGenerator(seed: seed &+ 77)
        var items: [String] = []
        for (k, i) in chosen.enumerated() {
            var logit = 0.0
            for (d, c) in planted where stats[d.index].spread > 0 {
                logit += c * (x[k][d.index] - stats[d.index].mean) / stats[d.index].spread
            }
            let u = Double(rng.next() >> 11) / Double(1 << 53)
            let outcome = u < sigmoid(logit) ? "met-goals" : "fizzled"
            items.append(
                """
                {"id": "p-\(k)", "title": "Past partnership \(k)", "partners": ["\(w.organizations[i].id)"],
                 "status": "ended", "outcome": "\(outcome)"}
                """)
        }
        files["partnerships.json"] = Array("{\"partnerships\": [\(items.joined(separator: ",\n"))]}".utf8)
        return files
    }

    /// The engine that measures factors as calibrate does, and the first `count`
    /// organizations without a dealbreaker (a library would not have partnered with them).
    static func measure(_ w: Workspace, count: Int) -> (ScoringEngine, [Int]) {
        var rubric = Rubric.partnerFit
        rubric.weights = [Double](repeating: 0.2, count: 5)
        let engine = ScoringEngine.withWarmPaths(workspace: w, rubric: rubric, asOf: asOf)
        let chosen = w.organizations.indices.filter { !engine.evaluate($0).dealbreaker }.prefix(count)
        return (engine, Array(chosen))
    }

    static func calibrate(partnerships count: Int, planted: [Dimension: Double], seed: UInt64 = 2026)
        -> Calibration?
    {
        let files = workspace(partnerships: count, planted: planted, seed: seed)
        guard let w = WorkspaceLoader.load(files: files).workspace else { return nil }
        return CalibrationEngine.calibrate(workspace: w, rubric: .partnerFit, asOf: asOf)
    }
}
