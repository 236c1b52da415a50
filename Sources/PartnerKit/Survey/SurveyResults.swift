/// What the health survey says about one partnership: its rounds (answers grouped by calendar
/// quarter), the latest one in full, and how it moved since the round before. Values only;
/// `SurveyReport` turns them into words.
public struct PartnershipSurvey: Sendable, Hashable {
    public var id: String
    public var title: String
    /// `library` first, then the partners in the partnership's order.
    public var parties: [String]
    /// Every round with answers on or before the as-of date, oldest first.
    public var rounds: [SurveyRound]
    /// Per factor, the latest round's mean against the round before's (when both have one).
    public var trend: [FactorTrend]

    /// The latest round (nil only when there are no answers).
    public var current: SurveyRound? { rounds.last }
    public var previous: SurveyRound? { rounds.count >= 2 ? rounds[rounds.count - 2] : nil }

    public func factor(_ f: HealthFactor) -> FactorResult? { current?.factors.first { $0.factor == f } }
}

/// One round of answers: a calendar quarter.
public struct SurveyRound: Sendable, Hashable {
    public var quarter: Quarter
    public var firstDate: Day
    public var lastDate: Day
    /// Distinct respondents per party, every party of the partnership listed (0 when it gave
    /// no answer), library first.
    public var respondents: [PartyCount]
    public var factors: [FactorResult]
    /// Per party that answered: its trust and value summaries.
    public var summaries: [PartySummary]
    /// What the reader must know to read the numbers: one side only, too few respondents,
    /// nothing but "don't know".
    public var cautions: [Caution]

    public func respondents(of party: String) -> Int { respondents.first { $0.party == party }?.count ?? 0 }
}

public struct PartyCount: Sendable, Hashable {
    public var party: String
    public var count: Int
}

public struct PartyMean: Sendable, Hashable {
    public var party: String
    /// nil when every answer of this party on the factor was "don't know".
    public var mean: Double?
}

/// One factor in one round.
public struct FactorResult: Sendable, Hashable {
    public var factor: HealthFactor
    /// The mean of the party means (each side weighs the same whatever its number of
    /// respondents); nil when no party gave a rating.
    public var mean: Double?
    public var band: SurveyRubric.Band?
    /// Every party of the partnership, library first; a party that gave no rating has nil.
    public var byParty: [PartyMean]
    /// Ratings given and "don't know" answers, over all respondents.
    public var ratings: Int
    public var dontKnow: Int
    /// The largest difference between the library's mean and a partner's; nil unless both
    /// the library and at least one partner rated the factor.
    public var gap: Double?
    /// The partner behind `gap`.
    public var gapParty: String?
    /// `gap` ≥ the rubric's threshold (one point by default).
    public var flagged: Bool

    public func mean(of party: String) -> Double? { byParty.first { $0.party == party }?.mean ?? nil }
}

/// A party's trust and value summaries: the mean of its own factor means over the rubric's
/// trust factors (trust, communication, aligned values) and value factors (mutual benefit,
/// mutual contribution, shared power), after PARTNER's trust and value scores.
public struct PartySummary: Sendable, Hashable {
    public var party: String
    public var trust: Double?
    public var value: Double?
}

public struct FactorTrend: Sendable, Hashable {
    public var factor: HealthFactor
    public var previous: Double
    public var current: Double
    public var previousQuarter: Quarter
    public var change: Double { current - previous }
}

/// Something stated beside the numbers rather than hidden in them.
public enum Caution: Sendable, Hashable {
    /// This party gave no answer at all in the round: the results are one side's view.
    case noAnswers(party: String)
    /// Fewer respondents than the rubric's minimum for this party.
    case fewRespondents(party: String, count: Int, minimum: Int)
    /// Every answer on this factor was "don't know".
    case allDontKnow(factor: HealthFactor)
    /// This party answered the factor, but only with "don't know" (others rated it).
    case partyDontKnow(party: String, factor: HealthFactor)

    /// The JSON name of the kind.
    public var kind: String {
        switch self {
        case .noAnswers: "one_side_only"
        case .fewRespondents: "few_respondents"
        case .allDontKnow: "all_dont_know"
        case .partyDontKnow: "party_dont_know"
        }
    }
}

/// The survey results of a workspace: every surveyed partnership, and the current ones that
/// were never asked.
public struct SurveyResults: Sendable, Hashable {
    public var asOf: Day
    public var rubric: String
    public var partnerships: [PartnershipSurvey]
    /// Active and paused partnerships with no answers on or before the as-of date.
    public var notAsked: [String]
}
