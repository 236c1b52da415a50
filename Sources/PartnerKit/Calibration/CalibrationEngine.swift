/// Learns, from the partnerships a library has already run, how much each scoring factor
/// mattered — honestly, on the ten to a hundred outcomes a library actually has.
///
/// The method, step by step (Documentation/Calibration.md says why):
/// 1. **Examples.** Every partnership with an `outcome` that is not a proposal. Its factors are
///    the scoring engine's five dimension values for its partners, measured as of the day it
///    started (else as of `asOf`), with the rubric's parameters; with several partners, the
///    mean of each factor over them (each partner counts equally: the library chose them
///    together). Partners not in organizations.csv are left out; a partnership with none left
///    is skipped and reported.
/// 2. **Labels.** met-goals 1, partly ½, fizzled / ended-early / harmful 0. "Went well" is a
///    label of ½ or more.
/// 3. **Refusal.** Fewer than `minimumExamples` examples, or fewer than `minimumPerSide` that
///    went well or that went poorly: nothing is fitted and nothing suggested.
/// 4. **Fit.** Each factor standardised over the examples (mean 0, standard deviation 1; a
///    factor that does not vary is left out), then `PenalisedLogistic` with penalty λ. The
///    effect of a factor is its coefficient: the change in the log-odds of a good outcome for
///    one standard deviation more of it.
/// 5. **Suggested weights.** A rubric scores Σ wⱼ xⱼ on the raw 0–1 factors, and the fitted
///    model ranks by Σ βⱼ (xⱼ − mⱼ) / sⱼ, so the rubric that ranks as the model does has wⱼ
///    proportional to βⱼ / sⱼ. Rubric weights cannot be negative: a negative coefficient (more
///    of it went with worse outcomes) gives weight 0. The rest are normalised to sum to 1.
/// 6. **Cross-validation.** Leave-one-out: for each example, steps 4–5 on the others, and the
///    held-out example scored by those weights (the current weights when a fold suggests
///    nothing). The concordance of those held-out scores is compared with the concordance of
///    the current weights and of equal weights, which are not fitted and need no holding out.
///
/// - Complexity: one scoring engine per distinct start date (O(workspace) each), then
///   O(n² · k²) for the n leave-one-out fits over k = 5 factors.
public enum CalibrationEngine {
    /// The fit's target for an outcome.
    public static func label(_ outcome: Partnership.Outcome) -> Double {
        switch outcome {
        case .metGoals: 1
        case .partly: 0.5
        case .fizzled, .endedEarly, .harmful: 0
        }
    }

    public static func calibrate(
        workspace w: Workspace, rubric: Rubric, asOf: Day, settings: Calibration.Settings = .init()
    ) -> Calibration {
        let (examples, skipped) = collectExamples(workspace: w, rubric: rubric, asOf: asOf)
        return calibrate(
            examples: examples, skipped: skipped, rubric: rubric, asOf: asOf, settings: settings)
    }

    /// Steps 3–6 on examples already measured (for tests, and for examples built elsewhere).
    public static func calibrate(
        examples input: [Calibration.Example], skipped: [Calibration.Skipped] = [], rubric: Rubric,
        asOf: Day, settings: Calibration.Settings = .init()
    ) -> Calibration {
        let dims = Dimension.allCases
        // An example built in code with the wrong number of factors cannot be fitted.
        var skipped = skipped
        var examples: [Calibration.Example] = []
        for e in input {
            if e.factors.count == dims.count, e.factors.allSatisfy(\.isFinite), (0...1).contains(e.label) {
                examples.append(e)
            } else {
                skipped.append(.init(id: e.id, reason: "its factors or label could not be read"))
            }
        }
        let x = examples.map(\.factors)
        let y = examples.map(\.label)
        let stats = dims.map { d in meanAndSpread(x.map { $0[d.index] }) }
        let uniform = [Double](repeating: 1 / Double(dims.count), count: dims.count)
        var result = Calibration(
            rubric: rubric.name, rubricFile: rubric.file, asOf: asOf, settings: settings, examples: examples,
            skipped: skipped,
            factors: dims.map { d in
                Calibration.Factor(
                    dimension: d, currentWeight: rubric.weight(d), suggestedWeight: nil, effect: 0,
                    standardError: nil, mean: stats[d.index].mean, spread: stats[d.index].spread,
                    varies: stats[d.index].spread > minimumSpread)
            },
            refusal: nil, enoughData: false,
            currentConcordance: Concordance.of(scores: x.map { score($0, rubric.weights) }, outcomes: y),
            suggestedConcordance: nil,
            uniformConcordance: Concordance.of(scores: x.map { score($0, uniform) }, outcomes: y))

        let good = y.count { $0 >= 0.5 }, poor = y.count - good
        if examples.count < settings.minimumExamples {
            result.refusal = .tooFew(examples: examples.count, needed: settings.minimumExamples)
            return result
        }
        if good < settings.minimumPerSide || poor < settings.minimumPerSide {
            result.refusal = .oneSided(good: good, poor: poor, needed: settings.minimumPerSide)
            return result
        }
        result.enoughData = true
        guard let full = fitWeights(x, y, penalty: settings.penalty) else {
            result.refusal = .noVariation
            return result
        }
        for d in dims {
            result.factors[d.index].effect = full.effects[d.index]
            result.factors[d.index].standardError = full.standardErrors[d.index]
        }
        guard let weights = full.weights else {
            result.refusal = .noPositiveEffect
            return result
        }
        for d in dims { result.factors[d.index].suggestedWeight = weights[d.index] }

        // Leave-one-out: weights learned without example i, then example i scored by them.
        var heldOut: [Double] = []
        for i in examples.indices {
            var xs = x, ys = y
            xs.remove(at: i)
            ys.remove(at: i)
            let w = fitWeights(xs, ys, penalty: settings.penalty)?.weights ?? rubric.weights
            let s = score(x[i], w)
            heldOut.append(s)
            examples[i].heldOutScore = s
        }
        result.examples = examples
        result.suggestedConcordance = Concordance.of(scores: heldOut, outcomes: y)
        return result
    }

    /// A factor whose standard deviation is below this does not vary: left out of the fit.
    static let minimumSpread = 1e-9

    /// Σ wⱼ xⱼ.
    static func score(_ factors: [Double], _ weights: [Double]) -> Double {
        zip(factors, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Mean and population standard deviation.
    static func meanAndSpread(_ v: [Double]) -> (mean: Double, spread: Double) {
        guard !v.isEmpty else { return (0, 0) }
        let mean = v.reduce(0, +) / Double(v.count)
        let variance = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count)
        return (mean, variance.squareRoot())
    }

    /// Steps 4–5 on one set of examples: the effects (0 for a factor that does not vary),
    /// their standard errors (nil for such a factor), and the suggested weights (nil when no
    /// effect is positive). Nil when no factor varies or the fit fails.
    static func fitWeights(_ x: [[Double]], _ y: [Double], penalty: Double) -> (
        effects: [Double], standardErrors: [Double?], weights: [Double]?
    )? {
        let k = Dimension.allCases.count
        let stats = (0..<k).map { j in meanAndSpread(x.map { $0[j] }) }
        let columns = (0..<k).filter { stats[$0].spread > minimumSpread }
        guard !columns.isEmpty else { return nil }
        let z = x.map { row in columns.map { (row[$0] - stats[$0].mean) / stats[$0].spread } }
        guard let model = PenalisedLogistic.fit(x: z, y: y, lambda: penalty) else { return nil }
        var effects = [Double](repeating: 0, count: k)
        var errors = [Double?](repeating: nil, count: k)
        var raw = [Double](repeating: 0, count: k)
        for (c, j) in columns.enumerated() {
            effects[j] = model.coefficients[c]
            errors[j] = model.standardErrors[c]
            raw[j] = max(0, model.coefficients[c]) / stats[j].spread
        }
        let total = raw.reduce(0, +)
        return (effects, errors, total > 0 && total.isFinite ? raw.map { $0 / total } : nil)
    }

    /// Step 1: the examples, and the partnerships with an outcome that could not be used.
    public static func collectExamples(workspace w: Workspace, rubric: Rubric, asOf: Day) -> (
        examples: [Calibration.Example], skipped: [Calibration.Skipped]
    ) {
        var skipped: [Calibration.Skipped] = []
        var wanted: [(p: Partnership, partners: [(id: String, index: Int)], day: Day)] = []
        for p in w.partnerships {
            guard p.outcome != nil else { continue }
            if p.status == .proposed {
                skipped.append(.init(id: p.id, reason: "a proposal has no outcome yet"))
                continue
            }
            let partners = p.partners.compactMap { id in w.organizationIndex[id].map { (id, $0) } }
            if partners.isEmpty {
                skipped.append(.init(id: p.id, reason: "none of its partners is in organizations.csv"))
                continue
            }
            let day = p.started.map { min($0, asOf) } ?? asOf
            wanted.append((p, partners, day))
        }
        // Factors are measured with the rubric's parameters and equal weights: a dimension the
        // rubric weighs 0 is still measured in full (the engine skips the mission scan, and
        // warm paths, for a dimension that weighs nothing).
        var measuring = rubric
        measuring.weights = [Double](repeating: 1 / Double(Dimension.allCases.count), count: 5)
        // One engine per start date, built and dropped in turn (an engine holds tables the
        // size of the workspace); the examples keep partnerships.json's order.
        var examples = [Calibration.Example?](repeating: nil, count: wanted.count)
        let byDay = Dictionary(grouping: wanted.indices, by: { wanted[$0].day })
        for day in byDay.keys.sorted() {
            let engine = ScoringEngine.withWarmPaths(workspace: w, rubric: measuring, asOf: day)
            for k in byDay[day] ?? [] {
                let (p, partners, _) = wanted[k]
                guard let outcome = p.outcome else { continue }
                var factors = [Double](repeating: 0, count: Dimension.allCases.count)
                for (_, index) in partners {
                    let e = engine.evaluate(index)
                    for d in Dimension.allCases {
                        factors[d.index] += e.values[d.index] / Double(partners.count)
                    }
                }
                examples[k] = .init(
                    id: p.id, title: p.title, partners: partners.map(\.id), outcome: outcome,
                    label: label(outcome), measuredOn: day, factors: factors,
                    currentScore: score(factors, rubric.weights), heldOutScore: nil)
            }
        }
        return (examples.compactMap { $0 }, skipped)
    }
}
