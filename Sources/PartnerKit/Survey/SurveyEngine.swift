/// Turns the answers of the two-sided health survey into results a manager can read: per
/// partnership and round, per factor, each side's mean, the gap between the library and each
/// partner, the band, and the trend since the round before.
///
/// How the numbers are made (and why):
/// - **Rounds** are calendar quarters of the answer dates, as the quarterly review is; answers
///   dated after the as-of date are not counted yet.
/// - **A respondent's factor score** is the mean of their ratings on that factor's items
///   (Wilder: a factor is the mean of its statements); "don't know" (a blank rating) is left out,
///   never counted as a low score.
/// - **A party's mean** is the mean of its respondents' factor scores, so a talkative respondent
///   who rated more items does not outweigh a colleague.
/// - **The factor mean** is the mean of the party means: the library and each partner weigh
///   the same, however many people each sent (a partnership is mutual; ten library staff must
///   not drown out one partner).
/// - **The gap** is the largest difference between the library's mean and a partner's; it is
///   flagged at the rubric's threshold, one point by default (Frey et al. 2006: disagreement
///   between partners is a finding to discuss).
/// - **Trust and value** per party are the means of its own factor means over the rubric's
///   trust factors (trust, communication, aligned values: PARTNER's reliability, openness and
///   support of mission) and value factors (mutual benefit, mutual contribution, shared power:
///   PARTNER's resources, involvement and power/influence).
/// Means are rounded to two decimals before gaps are taken, so the numbers printed always add
/// up to the gap printed.
public enum SurveyEngine {
    /// Results for the workspace's partnerships (`only`: these ids, in that order).
    /// - Complexity: O(answers + partnerships × factors × parties).
    public static func results(workspace w: Workspace, rubric: SurveyRubric, asOf: Day, only: [String]? = nil)
        -> SurveyResults
    {
        var byPartnership: [String: [SurveyAnswer]] = [:]
        for a in w.surveys where a.date <= asOf { byPartnership[a.partnership, default: []].append(a) }
        let chosen: [Partnership] =
            only.map { ids in ids.compactMap { w.partnership($0) } } ?? w.partnerships
        var out: [PartnershipSurvey] = []
        var notAsked: [String] = []
        for p in chosen {
            let answers = byPartnership[p.id] ?? []
            if answers.isEmpty {
                if p.status == .active || p.status == .paused || only != nil { notAsked.append(p.id) }
                continue
            }
            out.append(survey(p, answers: answers, rubric: rubric))
        }
        return SurveyResults(asOf: asOf, rubric: rubric.name, partnerships: out, notAsked: notAsked)
    }

    /// One partnership's rounds and trend, from its answers (already limited to the as-of date).
    public static func survey(_ p: Partnership, answers: [SurveyAnswer], rubric: SurveyRubric)
        -> PartnershipSurvey
    {
        var parties = [LibraryProfile.party]
        for partner in p.partners where !parties.contains(partner) { parties.append(partner) }
        var byQuarter: [Quarter: [SurveyAnswer]] = [:]
        for a in answers { byQuarter[a.date.quarter, default: []].append(a) }
        let rounds = byQuarter.keys.sorted().map { q in
            round(q, answers: byQuarter[q] ?? [], parties: parties, rubric: rubric)
        }
        var trend: [FactorTrend] = []
        if rounds.count >= 2 {
            let now = rounds[rounds.count - 1], before = rounds[rounds.count - 2]
            for f in now.factors {
                guard let c = f.mean, let b = before.factors.first(where: { $0.factor == f.factor })?.mean
                else { continue }
                trend.append(
                    FactorTrend(factor: f.factor, previous: b, current: c, previousQuarter: before.quarter))
            }
        }
        return PartnershipSurvey(id: p.id, title: p.title, parties: parties, rounds: rounds, trend: trend)
    }

    static func round(_ q: Quarter, answers: [SurveyAnswer], parties: [String], rubric: SurveyRubric)
        -> SurveyRound
    {
        let dates = answers.map(\.date)
        var respondents: [String: Set<String>] = [:]
        for a in answers { respondents[a.party, default: []].insert(a.respondent) }
        let counts = parties.map { PartyCount(party: $0, count: respondents[$0]?.count ?? 0) }

        // Ratings per factor, party and respondent.
        var ratings: [HealthFactor: [String: [String: [Double]]]] = [:]
        var dontKnow: [HealthFactor: Int] = [:]
        var dontKnowParties: [HealthFactor: Set<String>] = [:]
        for a in answers {
            guard let item = rubric.item(a.item) else { continue }
            if let r = a.rating {
                ratings[item.factor, default: [:]][a.party, default: [:]][a.respondent, default: []].append(r)
            } else {
                dontKnow[item.factor, default: 0] += 1
                dontKnowParties[item.factor, default: []].insert(a.party)
            }
        }

        var factors: [FactorResult] = []
        var cautions: [Caution] = []
        for c in counts where c.count == 0 { cautions.append(.noAnswers(party: c.party)) }
        for c in counts where c.count > 0 && c.count < rubric.minRespondents {
            cautions.append(.fewRespondents(party: c.party, count: c.count, minimum: rubric.minRespondents))
        }
        for f in rubric.askedFactors {
            let perParty = ratings[f] ?? [:]
            let byParty = parties.map { party -> PartyMean in
                let scores = (perParty[party] ?? [:]).values.map(mean)
                return PartyMean(party: party, mean: scores.isEmpty ? nil : rounded(mean(scores)))
            }
            let given = byParty.compactMap(\.mean)
            let overall = given.isEmpty ? nil : rounded(mean(given))
            var gap: Double?
            var gapParty: String?
            if let lib = byParty.first?.mean {
                for pm in byParty.dropFirst() {
                    guard let m = pm.mean else { continue }
                    let d = rounded(abs(lib - m))
                    if gap.map({ d > $0 }) ?? true {
                        gap = d
                        gapParty = pm.party
                    }
                }
            }
            let n = perParty.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } }
            let dk = dontKnow[f] ?? 0
            if n == 0 && dk > 0 {
                cautions.append(.allDontKnow(factor: f))
            } else {
                for party in parties
                where perParty[party] == nil && dontKnowParties[f]?.contains(party) == true {
                    cautions.append(.partyDontKnow(party: party, factor: f))
                }
            }
            factors.append(
                FactorResult(
                    factor: f, mean: overall, band: overall.map(rubric.band), byParty: byParty, ratings: n,
                    dontKnow: dk, gap: gap, gapParty: gapParty,
                    flagged: gap.map { $0 >= rubric.gapFlag - 1e-9 } ?? false))
        }

        let summaries = counts.filter { $0.count > 0 }.map { c -> PartySummary in
            func summary(_ list: [HealthFactor]) -> Double? {
                let ms = factors.filter { list.contains($0.factor) }.compactMap { $0.mean(of: c.party) }
                return ms.isEmpty ? nil : rounded(mean(ms))
            }
            return PartySummary(
                party: c.party, trust: summary(rubric.trustFactors), value: summary(rubric.valueFactors))
        }
        return SurveyRound(
            quarter: q, firstDate: dates.min() ?? q.first, lastDate: dates.max() ?? q.first,
            respondents: counts,
            factors: factors, summaries: summaries, cautions: cautions)
    }

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }

    /// Two decimals, the precision the results are read at.
    static func rounded(_ d: Double) -> Double { (d * 100).rounded() / 100 }
}
