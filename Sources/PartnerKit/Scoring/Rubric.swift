/// The five things PartnerKit rates a candidate partner on, each 0–1.
///
/// The raw values are the JSON keys of the CONTRACT (`value_alignment`, …): never rename them.
public enum Dimension: String, Sendable, CaseIterable, Hashable, Comparable {
    case valueAlignment = "value_alignment"
    case sharedAudience = "shared_audience"
    case complementaryAssets = "complementary_assets"
    case capacity
    case relationship

    /// How a librarian would say it: "value alignment".
    public var label: String { rawValue.replacingUnderscores }

    public static func < (a: Dimension, b: Dimension) -> Bool { a.index < b.index }

    /// Position in `allCases`, for flat per-dimension arrays.
    public var index: Int {
        switch self {
        case .valueAlignment: 0
        case .sharedAudience: 1
        case .complementaryAssets: 2
        case .capacity: 3
        case .relationship: 4
        }
    }
}

/// A scoring rubric: how much each dimension weighs and the parameters that shape them.
///
/// Read from JSON (`Rubrics/partner-fit.json`): `weights` are plain non-negative numbers,
/// normalised here to sum to 1; a dimension the rubric does not name weighs 0. Everything that
/// shapes a dimension (curves, half-lives, shares, bands, minimums) is a parameter of the
/// rubric, not a constant in code, so that a library can tune it and read why.
public struct Rubric: Sendable {
    public var name: String
    public var description: String
    /// The file it was read from ("" for a rubric built in code).
    public var file: String
    /// Normalised weights, indexed by `Dimension.index`, summing to 1.
    public var weights: [Double]
    /// Per-dimension floors: a candidate under one gets `below-minimum:DIMENSION`.
    public var minimums: [Dimension: Double]
    public var parameters: Parameters

    public func weight(_ d: Dimension) -> Double { weights[d.index] }

    /// The numbers that shape each dimension. Defaults are those of `partner-fit`.
    public struct Parameters: Sendable, Equatable {
        /// What an unknown input counts as (0–1): neither zero nor full marks.
        public var unknownValue = 0.4

        // value_alignment
        /// Share of value_alignment given by shared values.
        public var valuesShare = 0.35
        /// Share given by the organization's topics matching the library's priorities.
        public var topicsShare = 0.45
        /// Share given by mission-text similarity to the priorities (TF-IDF).
        public var missionShare = 0.2
        /// Shared values that earn full credit.
        public var valuesForFullCredit = 3.0
        /// Served priorities (counted by weight, heaviest first) that earn full credit.
        public var prioritiesForFullCredit = 2.0

        // shared_audience
        /// Shared audiences (counted by weight, heaviest first) that earn full credit.
        public var audiencesForFullCredit = 2.0

        // complementary_assets
        /// Matches in one direction giving half that direction's credit: n / (n + h).
        public var assetHalfSaturation = 0.5

        // capacity
        public var staffHalfSaturation = 5.0
        public var budgetHalfSaturation = 250_000.0
        public var volunteersHalfSaturation = 20.0
        /// Days of typical reply time that halve the responsiveness credit.
        public var replyDaysHalfLife = 7.0
        public var staffShare = 0.35
        public var budgetShare = 0.3
        public var volunteersShare = 0.15
        public var responsivenessShare = 0.2

        // relationship
        /// Days since last contact that halve a tie's credit.
        public var recencyHalfLifeDays = 365.0
        /// A tie with no last-contact date counts this fraction of its strength.
        public var undatedTieFactor = 0.5
        /// A warm path (no direct tie) counts this fraction of its strength.
        public var warmPathFactor = 0.5

        // bands (Wilder Collaboration Factors Inventory: ≥ 4.0 of 5 strength, ≥ 3.0 borderline)
        public var bandStrength = 0.8
        public var bandBorderline = 0.6

        public init() {}
    }

    public init(
        name: String, description: String = "", file: String = "", weights: [Dimension: Double],
        minimums: [Dimension: Double] = [:], parameters: Parameters = Parameters()
    ) {
        self.name = name
        self.description = description
        self.file = file
        // Scale by the largest weight first: two weights of 1e308 would otherwise sum to
        // infinity and normalise to zero, silently scoring every candidate 0.
        let unscaled = Dimension.allCases.map { d -> Double in
            let v = weights[d] ?? 0
            return v.isFinite && v > 0 ? v : 0
        }
        let largest = unscaled.max() ?? 0
        let raw = largest > 0 ? unscaled.map { $0 / largest } : unscaled
        let total = raw.reduce(0, +)
        self.weights = total > 0 ? raw.map { $0 / total } : raw.map { _ in 1 / Double(raw.count) }
        self.minimums = minimums
        self.parameters = parameters
    }

    /// The built-in equivalent of `Rubrics/partner-fit.json`, for tests and as a fallback.
    public static let partnerFit = Rubric(
        name: "partner-fit",
        description: "Built-in default: how well an organization fits the library's priorities.",
        weights: [
            .valueAlignment: 0.3, .sharedAudience: 0.2, .complementaryAssets: 0.25, .capacity: 0.1,
            .relationship: 0.15,
        ])

    /// The Wilder-style band of a dimension value.
    public func band(_ value: Double) -> Band {
        value >= parameters.bandStrength
            ? .strength : value >= parameters.bandBorderline ? .borderline : .concern
    }

    public enum Band: String, Sendable {
        case strength, borderline, concern
        /// Nothing the dimension uses is recorded: neither a strength nor a weakness, only
        /// lower confidence (`vet` says so instead of calling a default value a concern).
        case unknown
    }
}

/// Reads a rubric file, collecting every problem as a `Diagnostic` (`file: weights.reach:
/// error: …`) rather than stopping at the first.
public enum RubricReader {
    /// Parameter keys, their setters and their allowed ranges.
    struct ParameterSpec {
        var key: String
        var keyPath: WritableKeyPath<Rubric.Parameters, Double>
        var range: ClosedRange<Double>
        var positive: Bool
    }

    static var parameterSpecs: [ParameterSpec] {
        let share = 0.0...1.0
        let any = 0.0...Double.greatestFiniteMagnitude
        return [
            ParameterSpec(key: "unknown_value", keyPath: \.unknownValue, range: share, positive: false),
            ParameterSpec(key: "values_share", keyPath: \.valuesShare, range: share, positive: false),
            ParameterSpec(key: "topics_share", keyPath: \.topicsShare, range: share, positive: false),
            ParameterSpec(key: "mission_share", keyPath: \.missionShare, range: share, positive: false),
            ParameterSpec(
                key: "values_for_full_credit", keyPath: \.valuesForFullCredit, range: any, positive: true),
            ParameterSpec(
                key: "priorities_for_full_credit", keyPath: \.prioritiesForFullCredit, range: any,
                positive: true),
            ParameterSpec(
                key: "audiences_for_full_credit", keyPath: \.audiencesForFullCredit, range: any,
                positive: true),
            ParameterSpec(
                key: "asset_half_saturation", keyPath: \.assetHalfSaturation, range: any, positive: true),
            ParameterSpec(
                key: "staff_fte_half_saturation", keyPath: \.staffHalfSaturation, range: any, positive: true),
            ParameterSpec(
                key: "annual_budget_half_saturation", keyPath: \.budgetHalfSaturation, range: any,
                positive: true),
            ParameterSpec(
                key: "volunteers_half_saturation", keyPath: \.volunteersHalfSaturation, range: any,
                positive: true),
            ParameterSpec(
                key: "reply_days_half_life", keyPath: \.replyDaysHalfLife, range: any, positive: true),
            ParameterSpec(key: "capacity_staff_share", keyPath: \.staffShare, range: share, positive: false),
            ParameterSpec(
                key: "capacity_budget_share", keyPath: \.budgetShare, range: share, positive: false),
            ParameterSpec(
                key: "capacity_volunteers_share", keyPath: \.volunteersShare, range: share, positive: false),
            ParameterSpec(
                key: "capacity_responsiveness_share", keyPath: \.responsivenessShare, range: share,
                positive: false),
            ParameterSpec(
                key: "recency_half_life_days", keyPath: \.recencyHalfLifeDays, range: any, positive: true),
            ParameterSpec(
                key: "undated_tie_factor", keyPath: \.undatedTieFactor, range: share, positive: false),
            ParameterSpec(key: "warm_path_factor", keyPath: \.warmPathFactor, range: share, positive: false),
            ParameterSpec(key: "band_strength", keyPath: \.bandStrength, range: share, positive: false),
            ParameterSpec(key: "band_borderline", keyPath: \.bandBorderline, range: share, positive: false),
        ]
    }

    public static let knownKeys: Set<String> = [
        "name", "description", "weights", "weight_notes", "parameters", "minimums", "version", "source",
        "notes", "calibration",
    ]

    /// Loads and validates the rubric at `path`. Returns nil when it has errors (all in `sink`).
    public static func load(path: String, sink: DiagnosticSink) -> Rubric? {
        guard let root = JSONDocument.load(path: path, sink: sink) else { return nil }
        return read(root)
    }

    /// Parses rubric JSON text (for tests and for rubrics not on disk).
    public static func parse(_ text: String, file: String, sink: DiagnosticSink) -> Rubric? {
        guard let root = JSONDocument.parse(Array(text.utf8), file: file, sink: sink) else { return nil }
        return read(root)
    }

    /// - Complexity: O(size of the document).
    static func read(_ root: JSONField) -> Rubric? {
        let before = root.sink.diagnostics.errorCount
        // An object; another kind of rubric (a spectrum, a health survey) given where a scoring
        // one is wanted is said once, not as a list of unknown keys and a missing "weights".
        guard let (name, description) = RubricKind.readHeader(root, expected: .scoring, knownKeys: knownKeys)
        else { return nil }

        var weights: [Dimension: Double] = [:]
        if let w = root.required("weights"), w.expectObject(), case .object(let members) = w.node.value {
            for m in members {
                guard let field = w.child(m.key) ?? nullField(w, m.key) else { continue }
                guard let dim = Dimension(rawValue: m.key) else {
                    field.error(
                        "unknown dimension \"\(m.key)\"; the dimensions are \(Dimension.allCases.map(\.rawValue).joined(separator: ", "))",
                        hint: nearest(m.key, Dimension.allCases.map(\.rawValue)).map {
                            "did you mean \"\($0)\"?"
                        })
                    continue
                }
                guard let v = field.number else { continue }
                if v < 0 || !v.isFinite {
                    field.error("weight must not be negative, found \(formatNumber(v))")
                    continue
                }
                weights[dim] = v
            }
            // Only when every given weight was readable: "all zero" after a negative one would
            // repeat the same complaint.
            if weights.values.allSatisfy({ $0 == 0 }), root.sink.diagnostics.errorCount == before {
                w.error(
                    "every weight is zero (or none is given): at least one dimension must weigh something",
                    hint: "for example \"value_alignment\": 1")
            }
        }

        if let notes = root.child("weight_notes"), notes.expectObject(),
            case .object(let members) = notes.node.value
        {
            for m in members where Dimension(rawValue: m.key) == nil {
                notes.child(m.key)?.warning("note for unknown dimension \"\(m.key)\"")
            }
        }

        var parameters = Rubric.Parameters()
        if let p = root.child("parameters"), p.expectObject() {
            p.warnUnknownKeys(Set(parameterSpecs.map(\.key)))
            for spec in parameterSpecs {
                guard let field = p.child(spec.key), let v = documentedNumber(field) else { continue }
                if spec.positive && v <= 0 {
                    field.error("must be a positive number, found \(formatNumber(v))")
                } else if !spec.range.contains(v) {
                    field.error(
                        "must be from \(formatNumber(spec.range.lowerBound)) to \(formatNumber(spec.range.upperBound)), found \(formatNumber(v))"
                    )
                } else {
                    parameters[keyPath: spec.keyPath] = v
                }
            }
            if parameters.bandBorderline > parameters.bandStrength {
                (p.child("band_borderline") ?? p).error(
                    "band_borderline (\(formatNumber(parameters.bandBorderline))) must not exceed band_strength (\(formatNumber(parameters.bandStrength)))"
                )
            }
            if parameters.valuesShare + parameters.topicsShare + parameters.missionShare <= 0 {
                p.error(
                    "values_share, topics_share and mission_share are all zero: value_alignment would mean nothing"
                )
            }
            if parameters.staffShare + parameters.budgetShare + parameters.volunteersShare
                + parameters.responsivenessShare <= 0
            {
                p.error("the capacity_*_share parameters are all zero: capacity would mean nothing")
            }
        }

        var minimums: [Dimension: Double] = [:]
        if let mins = root.child("minimums"), mins.expectObject(), case .object(let members) = mins.node.value
        {
            for m in members {
                guard let field = mins.child(m.key) ?? nullField(mins, m.key) else { continue }
                guard let dim = Dimension(rawValue: m.key) else {
                    field.error(
                        "unknown dimension \"\(m.key)\"; the dimensions are \(Dimension.allCases.map(\.rawValue).joined(separator: ", "))",
                        hint: nearest(m.key, Dimension.allCases.map(\.rawValue)).map {
                            "did you mean \"\($0)\"?"
                        })
                    continue
                }
                guard let v = documentedNumber(field) else { continue }
                guard (0...1).contains(v) else {
                    field.error("a minimum is a dimension value from 0 to 1, found \(formatNumber(v))")
                    continue
                }
                minimums[dim] = v
            }
        }

        guard root.sink.diagnostics.errorCount == before else { return nil }
        return Rubric(
            name: name, description: description, file: root.file, weights: weights, minimums: minimums,
            parameters: parameters)
    }

    /// A number given plainly (`0.5`) or documented (`{ "value": 0.5, "description": "…" }`).
    static func documentedNumber(_ field: JSONField) -> Double? {
        if field.isObject {
            field.warnUnknownKeys(["value", "description", "unit"])
            guard let v = field.required("value")?.number else { return nil }
            return v
        }
        return field.number
    }

    /// A member that is present but `null`: reported as an error rather than skipped.
    private static func nullField(_ parent: JSONField, _ key: String) -> JSONField? {
        parent.sink.error(
            parent.file, .field(parent.path.isEmpty ? key : "\(parent.path).\(key)"),
            "expected a number, found null")
        return nil
    }

    static func nearest(_ s: String, _ options: [String]) -> String? {
        PartnerKit.nearest(s, in: options, maxDistance: max(3, s.count / 3))
    }
}
