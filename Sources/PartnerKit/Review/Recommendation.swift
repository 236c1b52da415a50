/// One thing the review advises the library to do, as data: what kind of advice it is, which
/// partnership (if any) it is about, the advice in one short sentence, the plain reason, and
/// how soon it matters. The review keeps them ordered most urgent first; renderers group and
/// word them (the contract's `recommendations` strings are `line` of each).
///
/// The ordering rule (CONTRACT "Judgement keys"): a proposed or active partnership whose
/// partner hits one of the library's dealbreakers comes before everything else; then
/// partnerships in trouble; then gaps in what the portfolio serves; then growth; and data
/// entry ("bookkeeping") last, apart from the advice that changes the work.
public struct Recommendation: Sendable, Hashable {
    /// What kind of advice this is. Raw values are the JSON names.
    public enum Group: String, Sendable, Hashable, CaseIterable {
        /// A partner's recorded practices hit a library dealbreaker: resolve it or decline.
        case dealbreaker
        /// A partnership in trouble (red or amber): the one change that matters most.
        case repair
        /// A partner sees the partnership differently from the library or its records (the
        /// health survey): talk about it. Added for the survey (issue 12).
        case discuss
        /// A healthy partnership ready to move toward a deeper level.
        case deepen
        /// A library priority no active partnership serves.
        case uncoveredPriority = "uncovered_priority"
        /// An audience the library weighs highly that no active partnership reaches.
        case uncoveredAudience = "uncovered_audience"
        /// A strong tie of the library's gone quiet.
        case renewTie = "renew_tie"
        /// Two contacts the library could introduce.
        case introduction
        /// Records to complete (a goal's priority link, a result to enter): no change to the work.
        case bookkeeping

        /// The words a heading uses for the group.
        public var heading: String {
            switch self {
            case .dealbreaker: "Dealbreakers to resolve first"
            case .repair: "Partnerships to repair"
            case .discuss: "Conversations to have with partners"
            case .deepen: "Partnerships ready to deepen"
            case .uncoveredPriority: "Priorities no partnership serves"
            case .uncoveredAudience: "Audiences no partnership reaches"
            case .renewTie: "Contacts to renew"
            case .introduction: "Introductions to make"
            case .bookkeeping: "Records to complete"
            }
        }
    }

    /// How soon it matters. Compared most urgent first (`now` < `soon` < `later`).
    public enum Urgency: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Before anything else is done with this partnership.
        case now
        /// This quarter.
        case soon
        /// When there is time.
        case later

        var rank: Int { self == .now ? 0 : self == .soon ? 1 : 2 }
        public static func < (a: Urgency, b: Urgency) -> Bool { a.rank < b.rank }
    }

    /// The words that may come before the advice proper ("repair first: Get in touch …"):
    /// data, so that each renderer chooses whether to show them. Text, Markdown and JSON
    /// show them; the page's headline, which already says "repair", leaves them out.
    public enum LeadIn: Sendable, Hashable {
        /// "repair first": a red partnership's one change.
        case repairFirst
        /// "the one thing to fix first": an amber partnership's one change.
        case fixFirst
        /// "healthy and edging toward LEVEL: deepen it": the step that deepens a healthy
        /// partnership; `timing` is an aside such as " as you plan the next season …".
        case deepen(toward: String, timing: String)

        /// The lead-in as it reads before the advice, without the colon.
        public var words: String {
            switch self {
            case .repairFirst: "repair first"
            case .fixFirst: "the one thing to fix first"
            case .deepen(let toward, let timing): "healthy and edging toward \(toward): deepen it\(timing)"
            }
        }

        /// "lead-in: advice".
        func before(_ advice: String) -> String { "\(words): \(advice)" }
    }

    public var group: Group
    /// The partnership id it is about, when it is about one.
    public var partnership: String?
    /// What the sentence is about, as a reader names it: a partnership's title, a priority's
    /// label, an organization's name. Nil when `text` stands alone.
    public var subject: String?
    /// The words before the advice, when it has any (a repair's "repair first").
    public var leadIn: LeadIn?
    /// The advice proper, one short sentence, without its lead-in.
    public var advice: String
    /// The advice as a sentence with its lead-in: "repair first: Get in touch …".
    public var text: String { leadIn.map { $0.before(advice) } ?? advice }
    /// The plain reason for it.
    public var why: String
    public var urgency: Urgency
    /// The organizations it concerns (partner ids), when any.
    public var organizations: [String]
    /// The recorded facts it rests on, in plain words (for a dealbreaker: the partner's
    /// recorded practices and where they were read from).
    public var evidence: [String]
    /// The date it must be acted on by, when it has one: ranks it within its urgency.
    public var deadline: Day?

    public init(
        group: Group, partnership: String? = nil, subject: String? = nil, leadIn: LeadIn? = nil, text: String,
        why: String,
        urgency: Urgency, organizations: [String] = [], evidence: [String] = [], deadline: Day? = nil
    ) {
        self.group = group
        self.partnership = partnership
        self.subject = subject
        self.leadIn = leadIn
        self.advice = text
        self.why = why
        self.urgency = urgency
        self.organizations = organizations
        self.evidence = evidence
        self.deadline = deadline
    }

    /// The recommendation as one line: "Subject: text".
    public var line: String {
        subject.map { "\($0): \(text)" } ?? text
    }

    /// Sorts most urgent first. Within one urgency a dealbreaker always leads; then advice
    /// with a deadline before advice without one: given `asOf`, a deadline still ahead (a date
    /// that is lost if missed, such as the start of a season) comes before one already past (a
    /// late milestone can still be mended next week), each the earliest date first; then by
    /// group in declaration order; otherwise keeps the order given (stable). Groups are
    /// declared in the order they rank.
    public static func ordered(_ list: [Recommendation], asOf: Day? = nil) -> [Recommendation] {
        let groupRank = Dictionary(uniqueKeysWithValues: Group.allCases.enumerated().map { ($1, $0) })
        return list.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if a.urgency != b.urgency { return a.urgency < b.urgency }
            if (a.group == .dealbreaker) != (b.group == .dealbreaker) { return a.group == .dealbreaker }
            switch (a.deadline, b.deadline) {
            case (let da?, let db?) where da != db:
                if let asOf, (da >= asOf) != (db >= asOf) { return da >= asOf }
                return da < db
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            let (ga, gb) = (groupRank[a.group] ?? 0, groupRank[b.group] ?? 0)
            if ga != gb { return ga < gb }
            return x.offset < y.offset
        }.map(\.element)
    }
}
