/// Thresholds of the health rules. The defaults follow DOMAIN.md: communication is what most
/// partnerships fail on, but different organizations keep different rhythms, so a cadence
/// gets some grace before it counts as silence.
public struct ReviewPolicy: Sendable {
    /// Contact counts as overdue after `cadence_days × communicationGrace` days of silence.
    public var communicationGrace = 1.5
    /// …and as a red flag after `cadence_days × silenceRed`.
    public var silenceRed = 3.0
    /// Without an agreed cadence, silence longer than this is an issue.
    public var defaultSilenceDays = 90
    /// A strong tie (strength ≥ this) not contacted for `quietDays` is "gone quiet".
    public var strongTie = 3.0
    public var quietDays = 180
    /// Major issues that make a partnership red (one makes it amber).
    public var majorForRed = 2
    /// Readiness gaps that make an otherwise healthy partnership amber.
    public var gapsForAmber = 2
    public init() {}
}

/// Builds the quarterly review from a workspace. A pure function of its inputs: the
/// workspace, the spectrum rubric, the quarter, "today", and the previous snapshot if any.
public enum ReviewEngine {
    public static func review(
        workspace w: Workspace, spectrum: SpectrumRubric, quarter: Quarter, asOf: Day,
        previous: ReviewSnapshot?, policy: ReviewPolicy = ReviewPolicy(),
        candidates: (LibraryProfile.Priority) -> [(id: String, name: String, score: Double)] = { _ in [] },
        introductions: [PortfolioReview.IntroductionNote] = []
    ) -> PortfolioReview {
        let previousByID = Dictionary(
            (previous?.partnerships ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var reviewed: [PortfolioReview.PartnershipHealth] = []
        var proposed: [PortfolioReview.PartnershipHealth] = []
        for p in w.partnerships.sorted(by: { $0.id < $1.id }) {
            let include: Bool
            switch p.status {
            case .active, .paused, .proposed: include = true
            case .ended: include = p.ends.map { quarter.contains($0) } ?? false
            }
            guard include else { continue }
            let placement = SpectrumEngine.place(p, workspace: w, rubric: spectrum, asOf: asOf)
            let h = health(
                p, placement: placement, spectrum: spectrum, workspace: w, quarter: quarter, asOf: asOf,
                policy: policy,
                previous: previousByID[p.id], previousQuarter: previous?.quarter)
            if p.status == .proposed { proposed.append(h) } else { reviewed.append(h) }
        }

        // Coverage and reach, by one rule: what an active partnership declares (a goal's
        // priority, its audiences); failing that, for a real partnership (not a promotion or a
        // transaction) that declares nothing, what its partners work on or serve.
        let active = w.partnerships.filter { $0.status == .active }
        let kinds = Dictionary(reviewed.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        func throughPartners(_ p: Partnership) -> Bool { kinds[p.id] == .partnership }
        var coverage: [PortfolioReview.PriorityCoverage] = []
        for pr in w.library.priorities {
            var byGoal: [String] = [], byTopic: [String] = []
            for p in active.sorted(by: { $0.id < $1.id }) {
                if p.goals.contains(where: { $0.priority == pr.id }) {
                    byGoal.append(p.id)
                } else if throughPartners(p), !p.goals.contains(where: { $0.priority != nil }),
                    p.partners.contains(where: { id in
                        w.organization(id).map {
                            sortedIntersectionCount($0.tags[.topics], pr.topics.sorted()) > 0
                        } ?? false
                    })
                {
                    byTopic.append(p.id)
                }
            }
            let uncovered = byGoal.isEmpty && byTopic.isEmpty
            coverage.append(
                .init(
                    priority: pr.id, label: pr.label, weight: pr.weight, byGoal: byGoal, byTopic: byTopic,
                    candidates: uncovered ? Array(candidates(pr).prefix(3)) : []))
        }

        var audiences: [PortfolioReview.AudienceReach] = []
        for a in w.library.audiences {
            let name = w.tags.name(a.tag)
            var declared: [String] = [], via: [String] = []
            for p in active {
                if p.audiences.contains(where: {
                    w.vocabulary.canonical(Tag.normalize($0), in: .audiences) ?? Tag.normalize($0) == name
                }) {
                    declared.append(p.id)
                } else if p.audiences.isEmpty, throughPartners(p),
                    p.partners.contains(where: {
                        w.organization($0)?.tags[.audiences].contains(a.tag) ?? false
                    })
                {
                    via.append(p.id)
                }
            }
            audiences.append(
                .init(
                    tag: name, label: w.label(a.tag, .audiences), weight: a.weight,
                    partnerships: (declared + via).sorted(), viaPartners: via.sorted()))
        }

        let quiet = quietTies(w, asOf: asOf, policy: policy)
        var newTies: [(a: String, b: String)]?
        if let before = previous?.ties {
            newTies = tieKeys(w).subtracting(before).sorted().map { key in
                let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
                return (parts.first ?? key, parts.count > 1 ? parts[1] : "")
            }
        }

        var movement: [String] = []
        if let previous {
            for h in reviewed {
                if let m = h.movement { movement.append("\(h.title): \(m)") }
                if let before = h.previous, before.health != h.health {
                    movement.append("\(h.title): health \(before.health.rawValue) → \(h.health.rawValue)")
                }
            }
            let now = Set(reviewed.map(\.id) + proposed.map(\.id))
            for gone in previous.partnerships.map(\.id).sorted() where !now.contains(gone) {
                movement.append(
                    "\(w.partnership(gone)?.title ?? gone): no longer in the review (ended or removed)")
            }
            for c in coverage {
                let was = previous.coverage[c.priority] ?? 0
                if was != c.partnerships {
                    movement.append(
                        "Priority \(c.label): \(was) → \(c.partnerships) partnership\(c.partnerships == 1 ? "" : "s")"
                    )
                }
            }
            if let n = newTies, !n.isEmpty {
                movement.append("\(n.count) new tie\(n.count == 1 ? "" : "s") in the relationship graph")
            }
        }

        let recs = recommendations(
            workspace: w, reviewed: reviewed, proposed: proposed, coverage: coverage, audiences: audiences,
            quiet: quiet, introductions: introductions, asOf: asOf)
        return PortfolioReview(
            libraryName: w.library.name, quarter: quarter, asOf: asOf, spectrumName: spectrum.name,
            levels: spectrum.levels.map { ($0.id, $0.name) }, partnerships: reviewed, proposed: proposed,
            coverage: coverage, audiences: audiences, quietTies: quiet, newTies: newTies,
            introductions: introductions,
            previousQuarter: previous?.quarter, movement: movement, actions: recs, ties: tieKeys(w).sorted())
    }

    /// Every tie as "a|b" with a < b: what a snapshot records to tell new ties later.
    public static func tieKeys(_ w: Workspace) -> Set<String> {
        Set(w.ties.map { $0.source < $0.target ? "\($0.source)|\($0.target)" : "\($0.target)|\($0.source)" })
    }

    /// Strong ties gone quiet, the longest-quiet first: the same rule as `network`'s nudge
    /// list (`RelationshipGraph.staleTies`), with the policy's thresholds.
    static func quietTies(_ w: Workspace, asOf: Day, policy: ReviewPolicy) -> [PortfolioReview.QuietTie] {
        RelationshipGraph(workspace: w).staleTies(
            asOf: asOf, days: policy.quietDays, strongStrength: policy.strongTie, logged: w.loggedContacts()
        )
        .map {
            .init(
                a: $0.source, b: $0.target, strength: $0.strength, lastContact: $0.lastContact,
                daysQuiet: $0.daysSince)
        }
    }

    /// The health rules, one by one.
    static func health(
        _ p: Partnership, placement: Placement, spectrum: SpectrumRubric, workspace w: Workspace,
        quarter: Quarter, asOf: Day, policy: ReviewPolicy,
        previous: SnapshotEntry?, previousQuarter: Quarter?
    ) -> PortfolioReview.PartnershipHealth {
        typealias Issue = PortfolioReview.Issue
        var issues: [Issue] = []
        var severeSilence = false
        let live = p.status == .active

        // 1. Milestones past due and not done.
        for (i, m) in p.milestones.enumerated() {
            guard let due = m.due, due < asOf, m.done == nil else { continue }
            let name = m.title.map { "\"\($0)\"" } ?? "milestone \(i + 1)"
            issues.append(
                Issue(
                    code: .milestoneOverdue,
                    text: "\(name) was due \(due) (\(counted(asOf - due, "day")) ago) and is not done",
                    major: live, fix: "Get \(name) done with the partner, or agree a new date", due: due))
        }
        // 2. Communication: silence longer than the agreed cadence allows. A seasonal
        // partnership is judged against its season: only in-season days of silence count.
        let last = p.communication?.log.max()
        let recorded = p.season
        let season = recorded ?? inferredSeason(p, asOf: asOf)
        let inSeason = season.map { $0.contains(asOf) }
        let partnerNames = p.partners.map { w.displayName($0) }.joined(separator: ", ")
        if live {
            if let cadence = p.communication?.cadenceDays, cadence > 0 {
                let limit = Int((cadence * policy.communicationGrace).rounded(.up))
                let from = last ?? p.started
                var since = from.map { asOf - $0 } ?? Int.max
                if let season, let from { since = season.daysIn(from: from, to: asOf) }
                if since > limit {
                    let when =
                        last.map { "last logged contact \($0), \(counted(asOf - $0, "day")) ago" }
                        ?? "no contact logged"
                    issues.append(
                        Issue(
                            code: .communicationOverdue,
                            text:
                                "contact is overdue: agreed every \(formatNumber(cadence)) days\(season == nil ? "" : " in season"), \(when)",
                            major: true,
                            fix: "Get in touch with \(partnerNames) this week and log it",
                            due: last.map { $0 + limit }))
                    if Double(since) > cadence * policy.silenceRed { severeSilence = true }
                }
            } else if let last, asOf - last > policy.defaultSilenceDays,
                season.map({ $0.daysIn(from: last, to: asOf) > policy.defaultSilenceDays }) ?? true
            {
                issues.append(
                    Issue(
                        code: .communicationOverdue,
                        text: "no agreed cadence and no contact logged for \(counted(asOf - last, "day"))",
                        major: true,
                        fix: "Get in touch, and agree how often to meet"))
            }
        }
        // 3. Goals due by now in this quarter: no recorded result (bookkeeping), or missed.
        for (i, g) in p.goals.enumerated() {
            guard let due = g.due, quarter.contains(due), due <= asOf else { continue }
            let name = g.text.map { "\"\(shortened($0))\"" } ?? "goal \(i + 1)"
            if let achieved = g.achieved {
                guard let target = g.target, achieved < target else { continue }
                issues.append(
                    Issue(
                        code: .goalMissed,
                        text:
                            "\(name) was due \(due): \(formatNumber(achieved)) of \(formatNumber(target))\(g.metric.map { " \($0)" } ?? ""), not met",
                        major: live,
                        fix:
                            "Review \(name) with \(partnerNames): what held it back, and whether to change the plan or the target",
                        due: due))
            } else {
                issues.append(
                    Issue(
                        code: .goalUnreported, text: "\(name) was due \(due) and has no recorded result",
                        major: false,
                        fix: "Record the result of \(name) (the number reached against its target)",
                        bookkeeping: true))
            }
        }
        // 4. A party contributing nothing.
        let parties = [LibraryProfile.party] + p.partners
        for party in parties
        where !p.contributions.contains(where: {
            $0.party == party || (party == LibraryProfile.party && w.isLibrary($0.party))
        }) {
            let name = party == LibraryProfile.party ? w.library.name : w.displayName(party)
            issues.append(
                Issue(
                    code: .noContribution, text: "\(name) contributes nothing recorded",
                    major: live && !p.contributions.isEmpty,
                    fix: "Agree what \(name) puts in (time, space, expertise, money) and write it down"))
        }
        // 5. Readiness gaps from the spectrum engine (milestone/communication gaps are above).
        // (Goal results are judged above, for the quarter.)
        for r in placement.readiness where !r.ok && r.check != .milestones && r.check != .goalResults {
            if r.check == .communicationPlan
                && issues.contains(where: { $0.code == .communicationOverdue })
            {
                continue
            }
            issues.append(
                Issue(
                    code: .readiness(r.check), text: "\(r.name): \(r.detail)", major: false,
                    fix: r.fixes.first ?? "Fix the plan: \(r.detail)", bookkeeping: r.check == .priorityLink
                ))
        }

        // 6. The design and the practice: a collaborate or empower placement describes how
        // the work is designed; long silence says the practice has drifted from it.
        var drift: String?
        // A seasonal partnership is judged on its in-season silence; between seasons, quiet
        // is drift only when work that was due has not been done (the next season unplanned).
        if live, placement.position >= 3.5, let from = last ?? p.started {
            let since = asOf - from
            let rhythm =
                p.communication?.cadenceDays.map { $0 * policy.silenceRed }
                ?? Double(2 * policy.defaultSilenceDays)
            let limit = max(rhythm, Double(policy.defaultSilenceDays))
            let inSeasonQuiet = season.map { $0.daysIn(from: from, to: asOf) } ?? since
            let neglected =
                inSeason == false && issues.contains { $0.code == .milestoneOverdue }
            // Between seasons, say why the quiet is not the expected kind: work due before the
            // next season left undone, or silence already too long in the last season. Never
            // "quiet is expected" beside "drifted" (two lines that contradict each other).
            let longInSeason = Double(inSeasonQuiet) > limit
            if longInSeason || (neglected && Double(since) > limit) {
                let why =
                    inSeason != false
                    ? ""
                    : longInSeason
                        ? ", far longer than its season allows"
                        : " and work due before the next season is not done"
                drift =
                    "placed at \(placement.levelName) by its design, but no contact has been logged for \(counted(since, "day"))\(why): in practice it has drifted from working together"
                    + (season != nil && inSeason == false ? "; reconnect before the next season starts" : "")
            }
        }

        let major = issues.count { $0.major }
        let gaps = issues.count { !$0.major && !$0.bookkeeping }
        var health: PortfolioReview.Health = .green
        if major >= policy.majorForRed || severeSilence {
            health = .red
        } else if major >= 1 || gaps >= policy.gapsForAmber {
            health = .amber
        }

        // Movement on the spectrum since the last snapshot.
        var movement: String?
        if let previous {
            if previous.level != placement.level {
                let order = placement.level
                let up = (previous.position ?? 0) < placement.position
                movement = "\(up ? "up" : "down") from \(previous.level) to \(order)"
            }
        } else if previousQuarter != nil {
            movement = "new since \(previousQuarter.map { "\($0)" } ?? "the last review")"
        }

        // The suggestion: deepen, repair, keep, or pause/end gracefully. The one fix is the
        // change that matters most to the work; bookkeeping only when nothing else is wrong.
        let suggestion: PortfolioReview.Suggestion
        let work = issues.filter { !$0.bookkeeping }
        // Talking comes first: overdue work cannot be re-planned without the partner.
        let majors = work.filter(\.major)
        let lead = majors.first { $0.code == .communicationOverdue } ?? majors.first
        let first = lead ?? work.first ?? issues.first
        var firstFix = first?.fix ?? ""
        var deadline = first?.due
        let offSeason = season != nil && inSeason == false
        if offSeason, let season, let start = season.nextStart(after: asOf) {
            // "either way": the deadline is the whole step's (after "or agree a new date" alone
            // it read as the new date's). The fix stays first: the advice begins with it.
            firstFix +=
                "; either way, before the season starts (\(start), in \(counted(start - asOf, "day")))"
            deadline = start
        }
        // Why the one fix: the problem it mends first, then at most one other serious problem
        // (another major issue, or the drift from the design); never the lesser gaps.
        var because = first.map { [$0.text] } ?? []
        if let other = majors.first(where: { $0 != first }) {
            because.append(other.text)
        } else if let drift {
            because.append(drift)
        }
        if health == .red && previous?.health == .red && !offSeason {
            suggestion = .init(
                kind: p.status == .paused ? .end : .pause,
                advice:
                    "red two quarters running: \(p.status == .paused ? "end" : "pause") it gracefully, and keep the relationship (ending a project is not ending the relationship)",
                because: because)
        } else if p.status == .paused && health != .green {
            suggestion = .init(
                kind: .repair,
                advice:
                    "paused with work outstanding: decide with \(partnerNames) whether to resume it (and re-plan what is overdue) or end it gracefully",
                because: Array(work.prefix(2).map(\.text)))
        } else if health == .red {
            suggestion = .init(
                kind: .repair, leadIn: .repairFirst, advice: firstFix, deadline: deadline, because: because)
        } else if health == .amber {
            suggestion = .init(
                kind: .repair, leadIn: .fixFirst, advice: firstFix, deadline: deadline, because: because)
        } else if let drift {
            suggestion = .init(
                kind: .repair,
                advice:
                    "the practice has drifted from the design: get back in touch with \(partnerNames) and agree how you will keep working together",
                because: [drift])
        } else if let up = placement.edgingToward,
            let target = spectrum.levels.first(where: { $0.id == up })?.position, target > placement.position,
            placement.kind == .partnership
        {
            let when =
                offSeason
                ? (season?.nextStart(after: asOf)).map {
                    " as you plan the next season with \(partnerNames) (it starts \($0))"
                } ?? "" : ""
            let toward = spectrum.levels.first { $0.id == up }?.name ?? up
            let because = ["It is healthy and already edging toward a deeper level."]
            if let step = placement.nextSteps.first {
                suggestion = .init(
                    kind: .deepen, leadIn: .deepen(toward: toward, timing: when), advice: step,
                    because: because)
            } else {
                suggestion = .init(
                    kind: .deepen, advice: "healthy and edging toward \(toward): deepen it\(when)",
                    because: because)
            }
        } else if offSeason, let season, let start = season.nextStart(after: asOf) {
            suggestion = .init(
                kind: .keep,
                advice:
                    "healthy, and quiet between seasons as expected: plan the next season with \(partnerNames) before it starts (\(start))"
            )
        } else {
            suggestion = .init(kind: .keep, advice: "healthy: keep going")
        }

        return .init(
            id: p.id, title: p.title, status: p.status, partners: p.partners, health: health, issues: issues,
            level: placement.level, levelName: placement.levelName, position: placement.position,
            edgingToward: placement.edgingToward, namedEdging: placement.namedEdging, kind: placement.kind,
            previous: previous,
            movement: movement,
            suggestion: suggestion, lastContact: last, goals: p.goals, season: season,
            seasonInferred: recorded == nil && season != nil, inSeason: inSeason, drift: drift)
    }

    /// A season read from the dates of the work: all its logged contact and finished
    /// milestones (at least four dates, in at least two different years) fall within the same
    /// five months of the year: tax preparation, summer reading. A recurrence, not one burst
    /// of activity followed by silence (that is drift, and must not be excused as a season).
    static func inferredSeason(_ p: Partnership, asOf: Day) -> Partnership.Season? {
        let dates = ((p.communication?.log ?? []) + p.milestones.compactMap(\.done)).filter { $0 <= asOf }
        guard dates.count >= 4, Set(dates.map { $0.components.year }).count >= 2 else { return nil }
        // Day of a non-leap year, 0-364, for each date; the season is the year minus the
        // widest gap between consecutive dates (going round the new year).
        func dayOfYear(_ d: Day) -> Int {
            let c = d.components
            let base = Day(
                year: 2001, month: c.month, day: min(c.day, Day.daysIn(month: c.month, year: 2001)))
            return (base?.ordinal ?? 0) - (Day(year: 2001, month: 1, day: 1)?.ordinal ?? 0)
        }
        let days = Set(dates.map(dayOfYear)).sorted()
        guard let first = days.first, let lastDay = days.last else { return nil }
        var widest = first + 365 - lastDay, start = first
        for (a, b) in zip(days, days.dropFirst()) where b - a > widest {
            widest = b - a
            start = b
        }
        guard 365 - widest <= 150 else { return nil }
        let end = (start + 365 - widest) % 365
        func monthDay(_ k: Int) -> (month: Int, day: Int) {
            let d = (Day(year: 2001, month: 1, day: 1) ?? Day(ordinal: 0)) + k
            let c = d.components
            return (c.month, c.day)
        }
        return .init(from: monthDay(start), to: monthDay(end))
    }

}

extension ReviewEngine {
    /// The review with everything the other engines add: for each uncovered priority the
    /// best-fitting organizations that are not partners yet (scoring engine), and the top
    /// introductions to make this quarter (network engine).
    public static func fullReview(
        workspace w: Workspace, spectrum: SpectrumRubric, scoring: Rubric, quarter: Quarter, asOf: Day,
        previous: ReviewSnapshot?, policy: ReviewPolicy = ReviewPolicy()
    ) -> PortfolioReview {
        let engine = ScoringEngine.withWarmPaths(workspace: w, rubric: scoring, asOf: asOf)
        var partnered = Set<String>()
        for p in w.partnerships where p.status != .ended { partnered.formUnion(p.partners) }
        let candidates: (LibraryProfile.Priority) -> [(id: String, name: String, score: Double)] = { pr in
            let topics = pr.topics.sorted()
            var scored: [(id: String, name: String, score: Double)] = []
            for (i, o) in w.organizations.enumerated() where !partnered.contains(o.id) {
                guard sortedIntersectionCount(o.tags[.topics], topics) > 0 else { continue }
                let e = engine.evaluate(i)
                if e.dealbreaker { continue }
                scored.append((o.id, o.name, e.score))
            }
            return scored.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        }
        let intros = Introductions.suggest(w, options: IntroductionOptions(top: 3)).map {
            PortfolioReview.IntroductionNote(
                a: $0.a, b: $0.b, score: $0.score, reason: $0.reasons.joined(separator: "; "))
        }
        var result = review(
            workspace: w, spectrum: spectrum, quarter: quarter, asOf: asOf, previous: previous,
            policy: policy,
            candidates: candidates, introductions: intros)
        result.outcomes = OutcomeTally.byQuarter(w.partnerships, through: quarter)
        result.survey = ReviewSurvey.build(review: result, workspace: w, spectrum: spectrum)
        if let talk = result.survey?.recommendations(workspace: w), !talk.isEmpty {
            result.actions = Recommendation.ordered(result.actions + talk, asOf: asOf)
        }
        return result
    }
}
