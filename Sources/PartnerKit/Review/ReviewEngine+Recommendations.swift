extension ReviewEngine {
    /// The partners of a proposed or active partnership whose recorded practices hit the
    /// library's dealbreakers, with the hits' labels, in partner order.
    static func dealbreakerHits(_ p: Partnership, workspace w: Workspace) -> [(
        organization: Organization, labels: [String]
    )] {
        guard p.status == .proposed || p.status == .active, !w.library.dealbreakers.isEmpty else { return [] }
        var out: [(Organization, [String])] = []
        for id in p.partners {
            guard let o = w.organization(id) else { continue }
            let hits = sortedIntersection(o.tags[.flags], w.library.dealbreakers)
            if !hits.isEmpty { out.append((o, hits.map { w.phrase($0, .flags) })) }
        }
        return out
    }

    /// The review's advice, most urgent first: a dealbreaker on a proposed or active
    /// partnership before everything; then partnerships in trouble, priorities and audiences
    /// nobody serves, growth (deepen, reconnect, introduce), and bookkeeping last.
    static func recommendations(
        workspace w: Workspace, reviewed: [PortfolioReview.PartnershipHealth],
        proposed: [PortfolioReview.PartnershipHealth], coverage: [PortfolioReview.PriorityCoverage],
        audiences: [PortfolioReview.AudienceReach], quiet: [PortfolioReview.QuietTie],
        introductions: [PortfolioReview.IntroductionNote], asOf: Day? = nil
    ) -> [Recommendation] {
        var recs: [Recommendation] = []
        let byHealth = reviewed.sorted { ($1.health, $0.title) < ($0.health, $1.title) }

        for h in proposed + byHealth {
            guard let p = w.partnership(h.id) else { continue }
            for hit in dealbreakerHits(p, workspace: w) {
                let what = hit.labels.joined(separator: " and ")
                let line =
                    hit.organization.line > 0 ? " (organizations.csv line \(hit.organization.line))" : ""
                recs.append(
                    Recommendation(
                        group: .dealbreaker, partnership: h.id, subject: h.title,
                        text:
                            "\(hit.organization.name) hits the library's dealbreaker\(hit.labels.count == 1 ? "" : "s") (\(what)): resolve the dealbreaker or decline (\(SpectrumEngine.resolvingDealbreaker([hit.organization.name]))).",
                        why:
                            "The library does not partner with an organization whose recorded practices are on its dealbreaker list (here: \(what)); this \(p.status == .proposed ? "proposal" : "active partnership") should not go further until that is resolved.",
                        urgency: .now, organizations: [hit.organization.id],
                        evidence: ["\(hit.organization.name)'s recorded practices: \(what)\(line)"]))
            }
        }
        // The reason for the step itself, first (the suggestion's own `because`).
        func why(_ h: PortfolioReview.PartnershipHealth) -> String {
            h.suggestion.because.isEmpty
                ? "health is \(h.health.rawValue)" : h.suggestion.because.joined(separator: "; ")
        }
        for h in byHealth where h.health == .red {
            recs.append(
                Recommendation(
                    group: .repair, partnership: h.id, subject: h.title, leadIn: h.suggestion.leadIn,
                    text: h.suggestion.advice, why: why(h), urgency: .now, organizations: h.partners,
                    deadline: h.suggestion.deadline))
        }
        for c in coverage where c.partnerships == 0 {
            var s = "no active partnership serves this priority"
            if !c.candidates.isEmpty {
                s +=
                    "; consider "
                    + c.candidates.map { "\($0.name) (fit \(Int(($0.score).rounded())) of 100)" }.joined(
                        separator: ", ")
            }
            recs.append(
                Recommendation(
                    group: .uncoveredPriority, subject: "Priority \"\(c.label)\"", text: s + ".",
                    why:
                        "The library weighs this priority \(formatNumber(c.weight)), and nothing in the portfolio works on it.",
                    urgency: .soon, organizations: c.candidates.map(\.id)))
        }
        // Among this quarter's repairs, shared work comes before a transaction or promotion:
        // the library stands to lose more when a partnership drifts than a purchase.
        let amberRepairs = byHealth.filter { $0.health == .amber || ($0.health == .green && $0.drift != nil) }
        for h in amberRepairs.filter({ $0.kind == .partnership })
            + amberRepairs.filter({ $0.kind != .partnership })
        {
            recs.append(
                Recommendation(
                    group: .repair, partnership: h.id, subject: h.title, leadIn: h.suggestion.leadIn,
                    text: h.suggestion.advice, why: why(h), urgency: .soon, organizations: h.partners,
                    deadline: h.suggestion.deadline))
        }
        for h in byHealth where h.health == .green && h.suggestion.kind == .deepen {
            recs.append(
                Recommendation(
                    group: .deepen, partnership: h.id, subject: h.title, leadIn: h.suggestion.leadIn,
                    text: h.suggestion.advice,
                    why: "It is healthy and already edging toward a deeper level.", urgency: .later,
                    organizations: h.partners))
        }
        // "Highly weighted" is relative, so that scaling every weight changes nothing: at least
        // two thirds of the heaviest audience's weight and above the lightest (on the usual
        // 1–3 scale: weights 2 and 3; when all weigh the same, none stands out).
        let heaviest = audiences.map(\.weight).max() ?? 0
        let lightest = audiences.map(\.weight).min() ?? 0
        for a in audiences
        where a.partnerships.isEmpty && a.weight >= heaviest * 2 / 3 && a.weight > lightest {
            recs.append(
                Recommendation(
                    group: .uncoveredAudience,
                    text:
                        "No active partnership reaches \(a.label), an audience the library weighs \(formatNumber(a.weight)).",
                    why: "A highly weighted audience with no partnership serving it.", urgency: .soon))
        }
        let ownQuiet = quiet.filter { $0.a == w.library.id || $0.b == w.library.id }
        // A partner the review already tells the library to contact is not told twice: one a
        // repair says to get in touch with, or a seasonal partner between seasons (quiet is
        // expected; the advice is to plan the next season with them). The tie to renew is the
        // longest-quiet one no other advice covers (a person counts with their organization).
        var toldAlready = Set<String>()
        for h in byHealth {
            let getInTouch =
                (h.health != .green || h.drift != nil)
                && (h.drift != nil || h.issues.contains { $0.code == .communicationOverdue })
            let offSeason = h.season != nil && h.inSeason == false && h.drift == nil
            if getInTouch || offSeason { toldAlready.formUnion(h.partners) }
        }
        func otherEnd(_ t: PortfolioReview.QuietTie) -> String { t.a == w.library.id ? t.b : t.a }
        func covered(_ t: PortfolioReview.QuietTie) -> Bool {
            let id = otherEnd(t)
            return toldAlready.contains(id) || (w.person(id)?.organization).map(toldAlready.contains) ?? false
        }
        if let t = ownQuiet.first(where: { !covered($0) }) {
            let other = otherEnd(t)
            let first = t == ownQuiet.first ? "the first" : "the first not already in the advice above"
            // One count per thing: the library's own quiet ties, out of the network's total
            // (the same list `network` prints as its nudge list).
            let more =
                ownQuiet.count > 1
                ? " (\(first) of the library's own \(ownQuiet.count) strong ties gone quiet; \(quiet.count) across the whole network)"
                : ""
            recs.append(
                Recommendation(
                    group: .renewTie,
                    text:
                        "Get back in touch with \(w.displayName(other)): a strong tie, quiet for \(t.daysQuiet.map { counted($0, "day") } ?? "a long time")\(more).",
                    why: "Strong ties that go quiet weaken; a short call keeps them.", urgency: .later,
                    organizations: [other]))
        }
        for i in introductions.prefix(3) {
            recs.append(
                Recommendation(
                    group: .introduction,
                    text: "Introduce \(w.displayName(i.a)) and \(w.displayName(i.b)): \(i.reason)",
                    why: i.reason, urgency: .later, organizations: [i.a, i.b]))
        }
        for h in proposed + byHealth {
            let records = h.issues.filter(\.bookkeeping)
            guard !records.isEmpty else { continue }
            recs.append(
                Recommendation(
                    group: .bookkeeping, partnership: h.id, subject: h.title,
                    text: "complete the records: "
                        + records.map { lowerFirst($0.fix) }.joined(separator: "; ") + ".",
                    why:
                        "Records only: the work itself does not change, but the review can count it properly.",
                    urgency: .later, organizations: h.partners))
        }
        return Recommendation.ordered(recs, asOf: asOf)
    }
}

func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
