/// What the partners' own ratings add to the quarterly review: for each reviewed partnership
/// surveyed in the review's quarter or the one before, its latest survey round beside the
/// record-based health, and the findings where the two views part — the records say the
/// factor holds and a partner says it does not (or the reverse), the library and a partner
/// rate a factor a point or more apart, both sides rate it a concern, or it moved since the
/// round before. Current partnerships with no answers in those two quarters are "not asked".
///
/// Values only (`ReviewSurveyFinding` is data); `ReviewSurveyRendering` words them. Built from
/// `SurveyEngine` (the same means, gaps and cautions as `partnerkit survey results`) and from
/// the spectrum placement and health issues the review already judged.
public struct ReviewSurvey: Sendable {
    /// What the library's own records say about one factor: the spectrum engine's criterion
    /// (mutual benefit … clear roles), or for communication the review's contact rule. Trust
    /// has no counterpart in the records.
    public struct RecordView: Sendable, Hashable {
        public var factor: HealthFactor
        /// The records say the factor holds.
        public var met: Bool
        /// The evidence, in the words of the engine that judged it.
        public var evidence: String
    }

    /// One reviewed partnership with a survey round in the window.
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var title: String
        /// The record-based health and level, as the review judged them.
        public var health: PortfolioReview.Health
        public var levelName: String
        public var position: Double
        /// Every round on or before the as-of date; `survey.current` is in the window.
        public var survey: PartnershipSurvey
        /// What the records say about each factor they speak to, in factor order.
        public var records: [RecordView]
        /// Most pressing first: records against the partner, the two sides apart, shared
        /// concerns, movement since the round before, then the cautions.
        public var findings: [ReviewSurveyFinding]
    }

    /// A current partnership not surveyed in the window.
    public struct NotAsked: Sendable, Hashable {
        public var id: String
        public var title: String
        /// The last quarter with answers, when there is one before the window.
        public var lastAsked: Quarter?
    }

    public var rubric: SurveyRubric
    /// The first quarter of the window (the one before the review's quarter); the window ends
    /// with the review's quarter.
    public var since: Quarter
    public var quarter: Quarter
    public var asked: [Entry]
    public var notAsked: [NotAsked]

    public func entry(_ id: String) -> Entry? { asked.first { $0.id == id } }

    /// A movement between two rounds of at least this many points is a finding (smaller ones
    /// are in the trend, not called out).
    public static let notableChange = 0.5
}

/// One thing the review says about a partnership's survey, as data.
public enum ReviewSurveyFinding: Sendable, Hashable {
    /// The records and a partner disagree on a factor: `records.met` true and the partner's
    /// mean below the borderline band (the records say "collaborate", the partner says
    /// decisions are not shared), or `records.met` false and the partner's mean a strength.
    case recordsDisagree(
        records: ReviewSurvey.RecordView, party: String, partnerMean: Double, libraryMean: Double?)
    /// The library and a partner rate a factor `gap` points apart, at or above the rubric's
    /// threshold (one point by default).
    case sidesDisagree(
        factor: HealthFactor, party: String, libraryMean: Double, partnerMean: Double, gap: Double)
    /// Every side that rated the factor agrees it is a concern (mean below the borderline band).
    case sharedConcern(factor: HealthFactor, mean: Double)
    /// The factor moved by `ReviewSurvey.notableChange` or more since the round before.
    case moved(factor: HealthFactor, previous: Double, current: Double, since: Quarter)
    /// What to keep in mind reading the numbers (one side only, one respondent, "don't know").
    case caution(Caution)

    /// The JSON name of the kind.
    public var kind: String {
        switch self {
        case .recordsDisagree: "records_disagree"
        case .sidesDisagree: "sides_disagree"
        case .sharedConcern: "shared_concern"
        case .moved: "moved"
        case .caution(let c): c.kind
        }
    }

    /// The factor it is about, when it is about one.
    public var factor: HealthFactor? {
        switch self {
        case .recordsDisagree(let r, _, _, _): r.factor
        case .sidesDisagree(let f, _, _, _, _), .sharedConcern(let f, _), .moved(let f, _, _, _): f
        case .caution(.allDontKnow(let f)), .caution(.partyDontKnow(_, let f)): f
        case .caution: nil
        }
    }

    /// A disagreement worth a conversation with the partner (and a recommendation).
    public var isDisagreement: Bool {
        switch self {
        case .recordsDisagree(let r, _, _, _): r.met
        case .sidesDisagree: true
        default: false
        }
    }
}

extension ReviewSurvey {
    /// The survey side of `review`, or nil when the workspace has no survey (no surveys.csv):
    /// a library that does not use the survey is not told, every quarter, that nobody was asked.
    /// - Complexity: O(answers + reviewed partnerships × factors × parties).
    public static func build(
        review: PortfolioReview, workspace w: Workspace, spectrum: SpectrumRubric
    ) -> ReviewSurvey? {
        guard let rubric = w.surveyRubric else { return nil }
        let quarter = review.quarter, since = quarter.previous
        // Answers up to "today", and none after the reviewed quarter (a past quarter's review).
        let through = min(review.asOf, quarter.last)
        var answers: [String: [SurveyAnswer]] = [:]
        for a in w.surveys where a.date <= through { answers[a.partnership, default: []].append(a) }
        var asked: [Entry] = []
        var notAsked: [NotAsked] = []
        for h in review.partnerships {
            guard let p = w.partnership(h.id) else { continue }
            let mine = answers[h.id] ?? []
            let survey = mine.isEmpty ? nil : SurveyEngine.survey(p, answers: mine, rubric: rubric)
            guard let survey, let round = survey.current, !(round.quarter < since) else {
                // An ended partnership (in the review for its last quarter) is not asked any more.
                if p.status == .active || p.status == .paused {
                    notAsked.append(.init(id: h.id, title: h.title, lastAsked: survey?.current?.quarter))
                }
                continue
            }
            let placement = SpectrumEngine.place(p, workspace: w, rubric: spectrum, asOf: review.asOf)
            let records = recordViews(h, placement: placement)
            asked.append(
                Entry(
                    id: h.id, title: h.title, health: h.health, levelName: h.levelName, position: h.position,
                    survey: survey, records: records,
                    findings: findings(survey, round: round, records: records, rubric: rubric)))
        }
        // The order the review lists partnerships in: worst health first, then by title.
        asked.sort { ($1.health, $0.title) < ($0.health, $1.title) }
        notAsked.sort { ($0.title, $0.id) < ($1.title, $1.id) }
        return ReviewSurvey(rubric: rubric, since: since, quarter: quarter, asked: asked, notAsked: notAsked)
    }

    /// The records' view of each factor they speak to.
    static func recordViews(_ h: PortfolioReview.PartnershipHealth, placement: Placement) -> [RecordView] {
        let c = placement.criteria
        var out: [RecordView] = [
            .init(factor: .mutualBenefit, met: c.mutualBenefit.met, evidence: c.mutualBenefit.evidence),
            .init(
                factor: .mutualContribution, met: c.mutualContribution.met,
                evidence: c.mutualContribution.evidence),
            .init(factor: .sharedGoals, met: c.sharedGoals.met, evidence: c.sharedGoals.evidence),
            .init(factor: .sharedPower, met: c.sharedPower.met, evidence: c.sharedPower.evidence),
            .init(factor: .alignedValues, met: c.alignedValues.met, evidence: c.alignedValues.evidence),
            .init(factor: .clearRoles, met: c.clearRoles.met, evidence: c.clearRoles.evidence),
        ]
        // Communication: the review's contact rule. Without a logged contact the records are
        // silent rather than negative.
        if let overdue = h.issues.first(where: { $0.code == .communicationOverdue }) {
            out.append(.init(factor: .communication, met: false, evidence: overdue.text))
        } else if let last = h.lastContact {
            out.append(
                .init(
                    factor: .communication, met: true,
                    evidence: "contact is logged on schedule (last \(last))"))
        }
        return out
    }

    /// The findings of the current round, most pressing first.
    static func findings(
        _ s: PartnershipSurvey, round: SurveyRound, records: [RecordView], rubric: SurveyRubric
    ) -> [ReviewSurveyFinding] {
        var disagree: [ReviewSurveyFinding] = [], apart: [ReviewSurveyFinding] = []
        var concerns: [ReviewSurveyFinding] = [], moved: [ReviewSurveyFinding] = []
        for f in round.factors {
            let lib = f.mean(of: "library")
            let partners = f.byParty.dropFirst().compactMap { pm in pm.mean.map { (pm.party, $0) } }
            if let view = records.first(where: { $0.factor == f.factor }) {
                // The partner furthest from what the records say (first in partner order on a tie).
                let against =
                    view.met
                    ? partners.filter { $0.1 < rubric.borderline }.min { $0.1 < $1.1 }
                    : partners.filter { $0.1 >= rubric.strength }.max { $0.1 < $1.1 }
                if let (party, m) = against {
                    disagree.append(
                        .recordsDisagree(records: view, party: party, partnerMean: m, libraryMean: lib))
                }
            }
            if f.flagged, let party = f.gapParty, let lib, let m = f.mean(of: party), let gap = f.gap {
                apart.append(
                    .sidesDisagree(factor: f.factor, party: party, libraryMean: lib, partnerMean: m, gap: gap)
                )
            } else if let m = f.mean, f.band == .concern,
                f.byParty.allSatisfy({ $0.mean.map { $0 < rubric.borderline } ?? true })
            {
                concerns.append(.sharedConcern(factor: f.factor, mean: m))
            }
        }
        for t in s.trend where abs(t.change) >= notableChange - 1e-9 {
            moved.append(
                .moved(factor: t.factor, previous: t.previous, current: t.current, since: t.previousQuarter))
        }
        return disagree + apart + concerns + moved + round.cautions.map { .caution($0) }
    }

    /// One recommendation per partnership where a partner sees things differently from the
    /// library or its records: talk about it (the first disagreement names what). The others
    /// are the reason.
    public func recommendations(workspace w: Workspace) -> [Recommendation] {
        asked.compactMap { e -> Recommendation? in
            let talks = e.findings.filter(\.isDisagreement)
            guard let first = talks.first, let factor = first.factor else { return nil }
            var party = ""
            var why: [String] = []
            for t in talks {
                switch t {
                case .recordsDisagree(let r, let p, let m, _):
                    if party.isEmpty { party = p }
                    why.append(
                        "the records say \(r.evidence); \(w.displayName(p)) rates \(rubric.label(r.factor)) \(formatNumber(m))"
                    )
                case .sidesDisagree(let f, let p, let lib, let m, _):
                    if party.isEmpty { party = p }
                    why.append(
                        "\(w.displayName(p)) rates \(rubric.label(f)) \(formatNumber(m)), the library \(formatNumber(lib))"
                    )
                default: continue
                }
            }
            return Recommendation(
                group: .discuss, partnership: e.id, subject: e.title,
                text:
                    "talk with \(w.displayName(party)) about \(rubric.discuss(factor)): \(why.first ?? "the partner sees \(rubric.label(factor)) differently") (health survey \(e.survey.current?.quarter.description ?? "")).",
                why: why.joined(separator: "; ").prefix(1).uppercased()
                    + why.joined(separator: "; ").dropFirst() + ".",
                urgency: .soon,
                organizations: [party])
        }
    }
}
