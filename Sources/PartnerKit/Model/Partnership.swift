/// A proposed, active, paused or ended collaboration (`partnerships.json`, one element).
///
/// Only `id`, `title`, `partners` and `status` are required. Everything else may be missing
/// or incomplete: that is what the readiness checks report, not a reading error.
public struct Partnership: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable, Hashable { case proposed, active, paused, ended }
    public enum Initiator: String, Sendable, CaseIterable, Hashable { case library, partner, joint }
    /// Who holds final decision power.
    public enum Decisions: String, Sendable, CaseIterable, Hashable { case library, shared, partner }
    /// How the partner's input shapes the work.
    public enum PartnerInput: String, Sendable, CaseIterable, Hashable { case none, feedback, ongoing }
    public enum Agreement: String, Sendable, CaseIterable, Hashable { case none, email, mou, contract }

    public enum ContributionKind: String, Sendable, CaseIterable, Hashable {
        case space, staff, expertise, funding, promotion, materials, volunteers, data, service, equipment
    }

    public struct Contribution: Sendable, Hashable {
        /// `library` or a partner id.
        public var party: String
        public var kind: ContributionKind
        public var what: String?
        public init(party: String, kind: ContributionKind, what: String? = nil) {
            self.party = party
            self.kind = kind
            self.what = what
        }
    }

    public struct Benefit: Sendable, Hashable {
        public var party: String
        public var what: String?
        public init(party: String, what: String? = nil) {
            self.party = party
            self.what = what
        }
    }

    public struct Goal: Sendable, Hashable {
        public var text: String?
        public var metric: String?
        public var target: Double?
        public var due: Day?
        /// A library priority id.
        public var priority: String?
        /// The recorded result against `target`, once there is one (`achieved` in the file).
        public var achieved: Double?
        /// The day the result was recorded or measured (`achieved_on` in the file).
        public var achievedOn: Day?
        /// Whether the goal is met: `achieved ≥ target`; nil while either is unknown.
        public var met: Bool? {
            guard let achieved, let target else { return nil }
            return achieved >= target
        }
        public init(
            text: String? = nil, metric: String? = nil, target: Double? = nil, due: Day? = nil,
            priority: String? = nil, achieved: Double? = nil, achievedOn: Day? = nil
        ) {
            self.text = text
            self.metric = metric
            self.target = target
            self.due = due
            self.priority = priority
            self.achieved = achieved
            self.achievedOn = achievedOn
        }
    }

    public struct Milestone: Sendable, Hashable {
        public var title: String?
        public var due: Day?
        public var done: Day?
        public init(title: String? = nil, due: Day? = nil, done: Day? = nil) {
            self.title = title
            self.due = due
            self.done = done
        }
    }

    public struct Role: Sendable, Hashable {
        public var party: String
        public var does: String?
        public init(party: String, does: String? = nil) {
            self.party = party
            self.does = does
        }
    }

    public struct Communication: Sendable, Hashable {
        /// Agreed days between contacts.
        public var cadenceDays: Double?
        /// Dates of logged contact, sorted.
        public var log: [Day]
        public init(cadenceDays: Double? = nil, log: [Day] = []) {
            self.cadenceDays = cadenceDays
            self.log = log.sorted()
        }
    }

    /// The part of each year the work happens in (`"season": { "from": "01-20", "to": "04-15" }`),
    /// for seasonal work such as tax preparation or summer reading. `from` after `to` wraps
    /// around the new year (`11-01` to `02-28`).
    public struct Season: Sendable, Hashable {
        /// Month and day the season starts and ends, inclusive.
        public var from: (month: Int, day: Int)
        public var to: (month: Int, day: Int)
        public init(from: (month: Int, day: Int), to: (month: Int, day: Int)) {
            self.from = from
            self.to = to
        }
        public static func == (a: Season, b: Season) -> Bool {
            a.from == b.from && a.to == b.to
        }
        public func hash(into h: inout Hasher) {
            h.combine(from.month)
            h.combine(from.day)
            h.combine(to.month)
            h.combine(to.day)
        }

        static func key(_ m: Int, _ d: Int) -> Int { m * 100 + d }

        /// Whether `day` falls in the season.
        public func contains(_ day: Day) -> Bool {
            let c = day.components
            let k = Self.key(c.month, c.day), a = Self.key(from.month, from.day),
                b = Self.key(to.month, to.day)
            return a <= b ? (a...b).contains(k) : (k >= a || k <= b)
        }

        /// Days of the season in `start..<end`. - Complexity: O(days), at most a few thousand.
        public func daysIn(from start: Day, to end: Day) -> Int {
            guard start < end else { return 0 }
            var n = 0
            var d = start
            // Beyond ten years the exact count no longer matters: every season is long past.
            let stop = min(end.ordinal, start.ordinal + 3660)
            while d.ordinal < stop {
                if contains(d) { n += 1 }
                d = d + 1
            }
            return n
        }

        /// The next day the season starts, on or after `day`.
        public func nextStart(after day: Day) -> Day? {
            let y = day.components.year
            for year in [y, y + 1] {
                if let d = Day(
                    year: year, month: from.month,
                    day: min(from.day, Day.daysIn(month: from.month, year: year))),
                    d >= day
                {
                    return d
                }
            }
            return nil
        }

        /// "01-20 to 04-15".
        public var description: String {
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(two(from.month))-\(two(from.day)) to \(two(to.month))-\(two(to.day))"
        }
    }

    public var id: String
    public var title: String
    public var partners: [String]
    public var status: Status
    public var description: String?
    public var started: Day?
    public var ends: Day?
    public var initiatedBy: Initiator?
    public var decisions: Decisions?
    public var partnerInput: PartnerInput?
    public var coDesigned: Bool?
    public var libraryPays: Double?
    public var partnerPays: Double?
    public var contributions: [Contribution]
    public var benefits: [Benefit]
    public var goals: [Goal]
    public var milestones: [Milestone]
    public var roles: [Role]
    public var communication: Communication?
    public var agreement: Agreement?
    public var exitPlan: String?
    /// Normalised audience tags.
    public var audiences: [String]
    /// How it turned out, as the library judges it (an ended partnership, or an active one at
    /// a review); nil when not judged yet. What `calibrate` learns from.
    public var outcome: Outcome?
    /// Why it ended, in the library's words.
    public var endedReason: String?
    /// The part of the year the work happens in, when it is seasonal.
    public var season: Season? = nil
    /// Where it was read from, for messages: `partnerships.json: partnerships[3]`.
    public var source: String

    public init(
        id: String, title: String, partners: [String], status: Status, description: String? = nil,
        started: Day? = nil, ends: Day? = nil, initiatedBy: Initiator? = nil, decisions: Decisions? = nil,
        partnerInput: PartnerInput? = nil, coDesigned: Bool? = nil, libraryPays: Double? = nil,
        partnerPays: Double? = nil, contributions: [Contribution] = [], benefits: [Benefit] = [],
        goals: [Goal] = [], milestones: [Milestone] = [], roles: [Role] = [],
        communication: Communication? = nil, agreement: Agreement? = nil, exitPlan: String? = nil,
        audiences: [String] = [], outcome: Outcome? = nil, endedReason: String? = nil,
        source: String = ""
    ) {
        self.id = id
        self.title = title
        self.partners = partners
        self.status = status
        self.description = description
        self.started = started
        self.ends = ends
        self.initiatedBy = initiatedBy
        self.decisions = decisions
        self.partnerInput = partnerInput
        self.coDesigned = coDesigned
        self.libraryPays = libraryPays
        self.partnerPays = partnerPays
        self.contributions = contributions
        self.benefits = benefits
        self.goals = goals
        self.milestones = milestones
        self.roles = roles
        self.communication = communication
        self.agreement = agreement
        self.exitPlan = exitPlan
        self.audiences = audiences
        self.outcome = outcome
        self.endedReason = endedReason
        self.source = source
    }
}
