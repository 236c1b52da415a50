/// What `calibrate` learned from the library's own past partnerships: for each scoring factor,
/// how strongly it went with good outcomes, the weight the rubric gives it and the weight the
/// record suggests, and how well each set of weights would have ranked those partnerships.
///
/// A value, built by `CalibrationEngine.calibrate`; renderers turn it into words and JSON.
public struct Calibration: Sendable {
    /// One past partnership with an outcome, as the fit saw it.
    public struct Example: Sendable, Equatable {
        public var id: String
        public var title: String
        /// The partners whose factors were measured (those found in organizations.csv).
        public var partners: [String]
        public var outcome: Partnership.Outcome
        /// The fit's target: 1 met its goals, ½ partly, 0 fizzled, ended early or did harm.
        public var label: Double
        /// The day the factors were measured as of: the partnership's start, else "today".
        public var measuredOn: Day
        /// Factor values (0–1) by `Dimension.index`: the mean over the partners.
        public var factors: [Double]
        /// The current rubric's weighted score, 0–1.
        public var currentScore: Double
        /// The score under weights learned without this partnership (leave-one-out), 0–1.
        public var heldOutScore: Double?

        public var wentWell: Bool { label >= 0.5 }
    }

    /// One scoring factor (a rubric dimension).
    public struct Factor: Sendable, Equatable {
        public var dimension: Dimension
        public var currentWeight: Double
        /// Nil when there is not enough data or no factor went with good outcomes.
        public var suggestedWeight: Double?
        /// The fitted coefficient: change in the log-odds of a good outcome per standard
        /// deviation of the factor. 0 (the penalty's prior: "no evidence") when nothing was
        /// fitted, because the data were too few or the factor does not vary.
        public var effect: Double
        /// Its standard error (√ of the penalised Hessian's inverse diagonal); nil when the
        /// effect was not estimated.
        public var standardError: Double?
        /// Mean and standard deviation of the factor over the examples.
        public var mean: Double
        public var spread: Double
        /// False when every example has (nearly) the same value: nothing to learn.
        public var varies: Bool

        /// effect / standard error: how many "give or take"s the effect is from zero.
        public var signal: Double? {
            guard let standardError, standardError > 0 else { return nil }
            return effect / standardError
        }
    }

    /// Why nothing is suggested.
    public enum Refusal: Sendable, Equatable {
        /// Fewer outcomes than `needed`.
        case tooFew(examples: Int, needed: Int)
        /// Too few that went well or too few that went poorly.
        case oneSided(good: Int, poor: Int, needed: Int)
        /// Every example has the same value of every factor.
        case noVariation
        /// No factor went with better outcomes: there is no non-negative weighting to suggest.
        case noPositiveEffect
    }

    /// A partnership with an outcome that could not be used, and why.
    public struct Skipped: Sendable, Equatable {
        public var id: String
        public var reason: String
    }

    /// The fixed choices of the method, reported with every result.
    public struct Settings: Sendable, Equatable {
        /// λ, the L2 penalty on the standardised coefficients (prior N(0, 1/λ)).
        public var penalty = 1.0
        /// Fewer outcomes than this: no suggestion.
        public var minimumExamples = 8
        /// Fewer than this that went well, or that went poorly: no suggestion.
        public var minimumPerSide = 2
        public init() {}
    }

    public var rubric: String
    /// The rubric file calibrated ("" for a built-in rubric).
    public var rubricFile: String
    public var asOf: Day
    public var settings: Settings
    public var examples: [Example]
    public var skipped: [Skipped]
    /// In `Dimension.allCases` order.
    public var factors: [Factor]
    /// Nil when suggestions were made; otherwise why not.
    public var refusal: Refusal?
    /// The CONTRACT's `enough_data`: enough outcomes of both kinds to fit at all.
    public var enoughData: Bool
    /// Concordance of the current weights over all examples (nothing is fitted, so nothing
    /// needs cross-validating).
    public var currentConcordance: Double?
    /// Leave-one-out concordance of the suggested weights: each example scored by weights
    /// fitted without it.
    public var suggestedConcordance: Double?
    /// Concordance of equal weights (the naive baseline), over all examples.
    public var uniformConcordance: Double?

    public var wentWell: Int { examples.count { $0.wentWell } }
    public var wentPoorly: Int { examples.count { !$0.wentWell } }

    /// How many examples had each outcome, best first; outcomes with none are left out.
    public var outcomeCounts: [(outcome: Partnership.Outcome, count: Int)] {
        Partnership.Outcome.allCases.compactMap { o in
            let n = examples.count { $0.outcome == o }
            return n > 0 ? (o, n) : nil
        }
    }

    /// The suggested weights by `Dimension.index`, when there are any.
    public var suggestedWeights: [Double]? {
        let w = factors.map(\.suggestedWeight)
        guard w.allSatisfy({ $0 != nil }) else { return nil }
        return w.map { $0 ?? 0 }
    }
}
