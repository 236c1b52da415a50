/// One dimension of a candidate's assessment: its value, how much of its input was known, and
/// the sentences that explain it.
public struct DimensionScore: Sendable, Equatable {
    public var dimension: Dimension
    /// 0–1. Unknown inputs count as the rubric's `unknown_value`, never silently as zero.
    public var value: Double
    /// 0–1: the share of this dimension's inputs that were known.
    public var known: Double
    public var reasons: [String]

    public init(dimension: Dimension, value: Double, known: Double, reasons: [String] = []) {
        self.dimension = dimension
        self.value = value
        self.known = known
        self.reasons = reasons
    }
}

/// A candidate organization rated against the library: the CONTRACT's candidate object.
public struct Candidate: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Index in `Workspace.organizations`.
    public var organizationIndex: Int
    /// 0–100: the weighted sum of the dimension values.
    public var score: Double
    /// 0–1: the share of rubric weight whose inputs are known.
    public var confidence: Double
    /// In `Dimension.allCases` order.
    public var dimensions: [DimensionScore]
    /// `dealbreaker:TAG`, `one-way`, `below-minimum:DIMENSION`, sorted.
    public var flags: [String]
    /// The headline reasons, most telling first.
    public var reasons: [String]

    public func dimension(_ d: Dimension) -> DimensionScore { dimensions[d.index] }
    /// How it already supports the library (a funder tie, money into active partnerships),
    /// when it does: the fit rubrics rate a programme partner, so a funder's rank needs this
    /// said beside it.
    public var support: Support? = nil

    /// What an organization already gives the library.
    public struct Support: Sendable, Equatable {
        /// The strength (1–4) of its strongest `funder` tie with the library, when it has one.
        public var funderTieStrength: Double?
        /// That tie's note ("Funds the summer reading prizes").
        public var funderTieNote: String?
        /// The titles of the active partnerships it puts money into.
        public var funds: [String]
    }

    public var hasDealbreaker: Bool { flags.contains { $0.hasPrefix("dealbreaker:") } }

    public init(
        id: String, name: String, organizationIndex: Int, score: Double, confidence: Double,
        dimensions: [DimensionScore], flags: [String], reasons: [String]
    ) {
        self.id = id
        self.name = name
        self.organizationIndex = organizationIndex
        self.score = score
        self.confidence = confidence
        self.dimensions = dimensions
        self.flags = flags
        self.reasons = reasons
    }
}

/// The result of `score`: the ranked candidates (best first) and what they were rated against.
public struct Scorecard: Sendable, Equatable {
    public var rubric: String
    public var asOf: Day
    /// Organizations considered (the ranking may hold fewer, with `--top`).
    public var considered: Int
    public var candidates: [Candidate]

    public init(rubric: String, asOf: Day, considered: Int, candidates: [Candidate]) {
        self.rubric = rubric
        self.asOf = asOf
        self.considered = considered
        self.candidates = candidates
    }
}

/// The CONTRACT ranking: candidates without a dealbreaker first, then score descending, ties by
/// id ascending. `score` is compared unrounded; equal doubles fall back to the id.
@inlinable
func ranksBefore(
    dealbreakerA: Bool, scoreA: Double, idA: String, dealbreakerB: Bool, scoreB: Double, idB: String
) -> Bool {
    if dealbreakerA != dealbreakerB { return !dealbreakerA }
    if scoreA != scoreB { return scoreA > scoreB }
    return idA < idB
}
