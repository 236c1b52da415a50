/// One of the eight things the partnership health survey asks about: the six criteria of a
/// partnership (DOMAIN.md) plus communication and trust.
///
/// The raw values are the CONTRACT's factor names (`shared_power`, …): never rename them.
public enum HealthFactor: String, Sendable, Hashable, CaseIterable, Comparable {
    case mutualBenefit = "mutual_benefit"
    case mutualContribution = "mutual_contribution"
    case sharedGoals = "shared_goals"
    case sharedPower = "shared_power"
    case alignedValues = "aligned_values"
    case clearRoles = "clear_roles"
    case communication
    case trust

    /// Position in `allCases`.
    public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: HealthFactor, b: HealthFactor) -> Bool { a.index < b.index }
}

/// The partnership health survey (`Rubrics/health-survey.json`): the statements each party
/// rates, the rating scale, the bands a factor mean falls in, and the thresholds that decide
/// what the results point out. A library can edit any of it in its own `rubrics/` copy.
public struct SurveyRubric: Sendable {
    /// One statement of the survey, rated on the scale.
    public struct Item: Sendable, Hashable {
        public var id: String
        public var factor: HealthFactor
        public var text: String
        public init(id: String, factor: HealthFactor, text: String) {
            self.id = id
            self.factor = factor
            self.text = text
        }
    }

    /// Wilder's reading of a factor mean: ≥ strength a strength, ≥ borderline borderline, else
    /// a concern.
    public enum Band: String, Sendable, Hashable {
        case strength, borderline, concern
    }

    /// How a factor is named in plain words and what to talk about when the sides disagree.
    public struct Wording: Sendable, Hashable {
        public var label: String
        /// Completes "talk about …": "who decides".
        public var discuss: String
        public init(label: String, discuss: String) {
            self.label = label
            self.discuss = discuss
        }
    }

    public var name: String
    public var description: String
    /// The file it was read from ("" when built in code).
    public var file: String
    /// The lowest and highest rating, whole numbers.
    public var scaleMin: Int
    public var scaleMax: Int
    /// The words for each rating, lowest first (may be empty).
    public var labels: [(value: Int, label: String)]
    public var strength: Double
    public var borderline: Double
    /// A library-vs-partner difference of this many points or more is flagged.
    public var gapFlag: Double
    /// Fewer respondents than this for one party in a round is stated.
    public var minRespondents: Int
    public var items: [Item]
    /// The factors whose mean makes a party's trust, and its value, summary.
    public var trustFactors: [HealthFactor]
    public var valueFactors: [HealthFactor]
    var wordings: [HealthFactor: Wording]

    public init(
        name: String, description: String = "", file: String = "", scaleMin: Int = 1, scaleMax: Int = 5,
        labels: [(value: Int, label: String)] = [], strength: Double = 4, borderline: Double = 3,
        gapFlag: Double = 1, minRespondents: Int = 2, items: [Item],
        trustFactors: [HealthFactor] = [.trust, .communication, .alignedValues],
        valueFactors: [HealthFactor] = [.mutualBenefit, .mutualContribution, .sharedPower],
        wordings: [HealthFactor: Wording] = [:]
    ) {
        self.name = name
        self.description = description
        self.file = file
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.labels = labels
        self.strength = strength
        self.borderline = borderline
        self.gapFlag = gapFlag
        self.minRespondents = minRespondents
        self.items = items
        self.trustFactors = trustFactors
        self.valueFactors = valueFactors
        self.wordings = wordings
        itemIndex = Dictionary(
            items.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    private var itemIndex: [String: Int]

    public func item(_ id: String) -> Item? { itemIndex[id].map { items[$0] } }

    public func band(_ mean: Double) -> Band {
        mean >= strength ? .strength : mean >= borderline ? .borderline : .concern
    }

    /// "shared power".
    public func label(_ f: HealthFactor) -> String {
        wordings[f]?.label ?? f.rawValue.split(separator: "_").joined(separator: " ")
    }

    /// What to talk about when the sides see `f` differently: "who decides".
    public func discuss(_ f: HealthFactor) -> String {
        wordings[f]?.discuss ?? label(f)
    }

    /// The factors that have at least one item, in contract order.
    public var askedFactors: [HealthFactor] {
        HealthFactor.allCases.filter { f in items.contains { $0.factor == f } }
    }
}

/// One answer in `surveys.csv`: a respondent of one party rating one statement about one
/// partnership on one day. `rating` nil is "don't know", which is not a zero.
public struct SurveyAnswer: Sendable, Hashable {
    public var partnership: String
    /// An identifier (`lib-1`, `cu-2`), never a name or an email.
    public var respondent: String
    /// `library` or a partner id (the library's own id is read as `library`).
    public var party: String
    public var item: String
    public var rating: Double?
    public var date: Day
    /// The line in surveys.csv.
    public var line: Int

    public init(
        partnership: String, respondent: String, party: String, item: String, rating: Double?, date: Day,
        line: Int = 0
    ) {
        self.partnership = partnership
        self.respondent = respondent
        self.party = party
        self.item = item
        self.rating = rating
        self.date = date
        self.line = line
    }
}
