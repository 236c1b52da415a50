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
        /// Whether the goal is met: `achieved ≥ target`; nil while either is unknown.
        public var met: Bool? {
            guard let achieved, let target else { return nil }
            return achieved >= target
        }
        public init(
            text: String? = nil, metric: String? = nil, target: Double? = nil, due: Day? = nil,
            priority: String? = nil, achieved: Double? = nil
        ) {
            self.text = text
            self.metric = metric
            self.target = target
            self.due = due
            self.priority = priority
            self.achieved = achieved
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
