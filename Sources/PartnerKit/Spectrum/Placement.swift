/// Where one collaboration sits on a participation spectrum, what kind of relationship it is,
/// whether it meets the six criteria of a partnership, how ready its plan is, and what to do
/// next — each with the reasons a librarian can check.
public struct Placement: Sendable, Hashable {
    /// A partnership, or one of the two things often called one and not (DOMAIN.md).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Every party benefits, contributes and works toward shared goals.
        case partnership
        /// Money one way for a service or for recognition (a sponsorship), with no co-design
        /// and no shared decisions.
        case transaction
        /// Every contribution on every side is publicity: nothing is created together.
        case promotion
    }

    /// One signal as read, and how far it moved the position.
    public struct SignalReading: Sendable, Hashable {
        /// `initiated_by`, `decisions`, `partner_input`, `co_designed`, `partner_resources`,
        /// `money_not_one_way`.
        public var signal: String
        /// The value used (`shared`, `true`, …), or nil when the signal was missing.
        public var value: String?
        /// Added to the position by this signal.
        public var weight: Double
        /// Where the value came from: the structured field, or a cue phrase in the description.
        public var fromCue: String?
    }

    public var id: String
    public var title: String
    public var kind: Kind
    /// Which rule decided the kind.
    public var kindReasons: [String]
    /// The id of the spectrum's level nearest the position.
    public var level: String
    public var levelName: String
    /// Continuous, on the IAP2 scale: inform 1.0 … empower 5.0.
    public var position: Double
    /// The neighbouring level the position leans toward noticeably, else nil.
    public var edgingToward: String?
    /// `up` when `edgingToward` is the next level up, `down` when it is the one below (the
    /// position sits in the lower part of its level), nil when not edging.
    public var edgingDirection: String?
    /// 0–1: lower when level signals are missing or read from cue words.
    public var confidence: Double
    public var signals: [SignalReading]
    /// Why the position is what it is, in sentences.
    public var reasons: [String]
    public var criteria: Criteria
    public var readiness: [ReadinessCheck]
    /// Ordered by impact: moving up the spectrum first, then what the plan lacks.
    public var nextSteps: [String]
    /// The partners whose recorded practices hit a library dealbreaker. When any does, the
    /// only next step is to resolve it or decline, and no direction up the spectrum is named.
    public var dealbreakerPartners: [String] = []
    /// The partnership is paused: its next step is to decide whether it resumes, and no
    /// direction along the spectrum is named in words.
    public var paused = false

    /// The direction to name in words, agreeing with the next steps: none for a placement with
    /// a dealbreaker (its one step is to resolve it or decline) or a paused one (its first step
    /// is to decide whether it resumes). The JSON keeps `edging_toward`, a fact of the position.
    public var namedEdging: String? { dealbreakerPartners.isEmpty && !paused ? edgingToward : nil }
}

/// One criterion of a partnership, met or not, with the evidence.
public struct Criterion: Sendable, Hashable {
    public var met: Bool
    public var evidence: String
    public init(_ met: Bool, _ evidence: String) {
        self.met = met
        self.evidence = evidence
    }
}

/// The six criteria of a partnership (DOMAIN.md): a collaboration that meets all six is a
/// partnership in the full sense.
public struct Criteria: Sendable, Hashable {
    /// Every party gets something (not necessarily equal).
    public var mutualBenefit: Criterion
    /// Every party puts something in.
    public var mutualContribution: Criterion
    /// The same end point, defined together.
    public var sharedGoals: Criterion
    /// Final decisions are not one party's alone.
    public var sharedPower: Criterion
    /// Aligned enough within the work (partner values vs the library's values and dealbreakers).
    public var alignedValues: Criterion
    /// Every party has written responsibilities.
    public var clearRoles: Criterion

    /// In contract order, with the JSON keys.
    public var all: [(key: String, criterion: Criterion)] {
        [
            ("mutual_benefit", mutualBenefit), ("mutual_contribution", mutualContribution),
            ("shared_goals", sharedGoals), ("shared_power", sharedPower), ("aligned_values", alignedValues),
            ("clear_roles", clearRoles),
        ]
    }

    public var allMet: Bool { all.allSatisfy(\.criterion.met) }
}

/// One "nuts and bolts" check of a plan: `smart_goals`, `milestones`, `roles`,
/// `communication_plan`, `in_writing`, `exit_plan`, `balance`.
public struct ReadinessCheck: Sendable, Hashable {
    /// Which check; the raw value is the JSON's `check` (CONTRACT.md).
    public enum Check: String, Sendable, Hashable, CaseIterable {
        case smartGoals = "smart_goals"
        case priorityLink = "priority_link"
        case goalResults = "goal_results"
        case milestones
        case roles
        case communicationPlan = "communication_plan"
        case inWriting = "in_writing"
        case exitPlan = "exit_plan"
        case balance
    }

    public var check: Check
    public var ok: Bool
    /// A sentence a librarian can read.
    public var detail: String
    /// Concrete fixes, one per gap ("add a target to goal 2").
    public var fixes: [String]
    /// Something dated has passed: contact later than the agreed cadence (`communication_plan`,
    /// which is still `ok`: the plan exists) or milestones due and not done (`milestones`).
    /// The next steps put these first; read this, never the wording of `detail`.
    public var overdue: Bool

    /// The check's name in plain words ("SMART goals", "linked to a priority").
    public var name: String {
        switch check {
        case .smartGoals: "SMART goals"
        case .priorityLink: "linked to a priority"
        case .goalResults: "goal results"
        default: check.rawValue.replacingUnderscores
        }
    }

    public init(check: Check, ok: Bool, detail: String, fixes: [String] = [], overdue: Bool = false) {
        self.check = check
        self.ok = ok
        self.detail = detail
        self.fixes = fixes
        self.overdue = overdue
    }
}
