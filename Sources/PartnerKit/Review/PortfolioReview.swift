/// The quarterly portfolio review: every partnership's health, where the portfolio sits on
/// the participation spectrum, which library priorities and audiences it serves, what moved
/// since the last snapshot, and what to do next. A value: renderers turn it into text,
/// Markdown, JSON or an HTML report.
public struct PortfolioReview: Sendable {
    public enum Health: String, Sendable, Hashable, Comparable, CaseIterable {
        case green, amber, red
        var rank: Int { self == .green ? 0 : self == .amber ? 1 : 2 }
        public static func < (a: Health, b: Health) -> Bool { a.rank < b.rank }
    }

    /// One problem found in a partnership. `major` problems (overdue work, silence, a party
    /// giving nothing, a missed goal) weigh more than a readiness gap in the plan.
    public struct Issue: Sendable, Hashable {
        /// What kind of problem; `rawValue` is the JSON's `issue_details[].code`.
        public enum Code: Sendable, Hashable {
            case milestoneOverdue
            case communicationOverdue
            case goalMissed
            case goalUnreported
            case noContribution
            /// A readiness gap from the spectrum engine, coded by its check's name.
            case readiness(ReadinessCheck.Check)

            public var rawValue: String {
                switch self {
                case .milestoneOverdue: "milestone_overdue"
                case .communicationOverdue: "communication_overdue"
                case .goalMissed: "goal_missed"
                case .goalUnreported: "goal_unreported"
                case .noContribution: "no_contribution"
                case .readiness(let check): check.rawValue
                }
            }
        }

        public var code: Code
        public var text: String
        public var major: Bool
        /// The concrete thing to do about it.
        public var fix: String
        /// Records to complete (a goal's priority link, a result to enter): listed apart from
        /// the changes to the work, never "the one thing to fix first" while there is another.
        public var bookkeeping: Bool = false
        /// The date the problem is measured against, when it has one: a milestone's or a
        /// goal's due date, the day contact became overdue. Ranks repairs by how long overdue.
        public var due: Day? = nil
    }

    public struct Suggestion: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case keep, deepen, repair, pause, end }
        public var kind: Kind
        /// The words before the advice ("repair first"), as data: renderers choose.
        public var leadIn: Recommendation.LeadIn? = nil
        /// The advice proper, without its lead-in.
        public var advice: String
        /// The date the advice must be acted on by, when it has one (the start of the next
        /// season, the overdue date of the problem to fix first).
        public var deadline: Day? = nil
        /// Why this advice, the reason for this very step first, in plain words (the issue
        /// it mends, then at most one other serious problem): never the lesser gaps in the
        /// plan, which the partnership's issues list.
        public var because: [String] = []

        public init(
            kind: Kind, leadIn: Recommendation.LeadIn? = nil, advice: String, deadline: Day? = nil,
            because: [String] = []
        ) {
            self.kind = kind
            self.leadIn = leadIn
            self.advice = advice
            self.deadline = deadline
            self.because = because
        }

        /// The advice with its lead-in: "repair first: Get in touch …".
        public var text: String { leadIn.map { $0.before(advice) } ?? advice }
    }

    public struct PartnershipHealth: Sendable, Hashable {
        public var id: String
        public var title: String
        public var status: Partnership.Status
        public var partners: [String]
        public var health: Health
        public var issues: [Issue]
        public var level: String
        public var levelName: String
        public var position: Double
        public var edgingToward: String?
        /// The direction to name in words: the placement's (`Placement.namedEdging`: none when
        /// paused or with a dealbreaker); the JSON keeps `edging_toward`.
        public var namedEdging: String? = nil
        public var kind: Placement.Kind
        /// The level and health at the last snapshot, when there is one with this partnership.
        public var previous: SnapshotEntry?
        /// "up from consult", "down from collaborate", "new", or nil when unchanged/unknown.
        public var movement: String?
        public var suggestion: Suggestion
        public var lastContact: Day?
        /// The partnership's goals, with what was achieved against each target.
        public var goals: [Partnership.Goal] = []
        /// The season the work happens in, recorded or read from when its work clusters.
        public var season: Partnership.Season? = nil
        /// Whether the season was read from the dates of its work rather than recorded.
        public var seasonInferred = false
        /// Whether "today" falls in the season (nil when not seasonal).
        public var inSeason: Bool? = nil
        /// When the placement (the design) and the practice disagree: a collaborate or empower
        /// design with no logged contact for far longer than its rhythm allows.
        public var drift: String? = nil
    }

    public struct PriorityCoverage: Sendable, Hashable {
        public var priority: String
        public var label: String
        public var weight: Double
        /// Active partnerships with a goal for this priority.
        public var byGoal: [String]
        /// Active partnerships (real partnerships, not promotions or transactions) whose goals
        /// name no priority and whose partners work on the priority's topics.
        public var byTopic: [String]
        public var partnerships: Int { byGoal.count + byTopic.count }
        /// For an uncovered priority: the best-fitting organizations not yet partners.
        public var candidates: [(id: String, name: String, score: Double)]

        public static func == (a: PriorityCoverage, b: PriorityCoverage) -> Bool {
            a.priority == b.priority && a.byGoal == b.byGoal && a.byTopic == b.byTopic
                && a.candidates.map(\.id) == b.candidates.map(\.id)
        }
        public func hash(into h: inout Hasher) { h.combine(priority) }
    }

    /// Counted by the same rule as priorities: what an active partnership declares (its
    /// `audiences`), else, for a real partnership that declares none, what its partners serve.
    public struct AudienceReach: Sendable, Hashable {
        public var tag: String
        public var label: String
        public var weight: Double
        /// Every partnership counted, declared and through partners.
        public var partnerships: [String]
        /// The ones counted through their partners' audiences (declaring none themselves).
        public var viaPartners: [String] = []
    }

    public struct QuietTie: Sendable, Hashable {
        public var a: String
        public var b: String
        public var strength: Double
        public var lastContact: Day?
        public var daysQuiet: Int?
    }

    public struct IntroductionNote: Sendable, Hashable {
        public var a: String
        public var b: String
        public var score: Double
        public var reason: String
    }

    public var libraryName: String
    public var quarter: Quarter
    public var asOf: Day
    public var spectrumName: String
    /// The spectrum's levels in order: id and display name.
    public var levels: [(id: String, name: String)]
    public var partnerships: [PartnershipHealth]
    public var proposed: [PartnershipHealth]
    public var coverage: [PriorityCoverage]
    public var audiences: [AudienceReach]
    public var quietTies: [QuietTie]
    public var newTies: [(a: String, b: String)]?
    public var introductions: [IntroductionNote]
    public var previousQuarter: Quarter?
    /// What moved since the previous snapshot, in plain words.
    public var movement: [String]
    /// What to do next, as data, most urgent first (see `Recommendation`).
    public var actions: [Recommendation]
    /// The contract's `recommendations`: each action as one line, in the same order.
    public var recommendations: [String] { actions.map(\.line) }
    /// Outcomes recorded, by the quarter each partnership ended (`OutcomeTally.byQuarter`).
    public var outcomes: [OutcomeTally] = []
    /// The partners' view from the health survey (`ReviewSurvey`); nil without a surveys.csv.
    public var survey: ReviewSurvey? = nil
    /// Every tie as "a|b" with a < b, sorted (`ReviewEngine.tieKeys`): what a saved review keeps
    /// so that the next one can tell the new ties.
    public var ties: [String] = []

    /// How many reviewed partnerships sit at each level, in spectrum order.
    public var distribution: [(level: String, name: String, count: Int)] {
        levels.map { l in (l.id, l.name, partnerships.count { $0.level == l.id }) }
    }

    public var healthCounts: [Health: Int] {
        var c: [Health: Int] = [:]
        for p in partnerships { c[p.health, default: 0] += 1 }
        return c
    }
}
