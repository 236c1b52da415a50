import Foundation

/// Places collaborations on a participation spectrum (IAP2's Spectrum of Public Participation,
/// or the library dessert spectrum), tells a partnership from a transaction or promotion,
/// checks the six criteria and the readiness of the plan, and suggests next steps.
///
/// A pure function of the workspace, the partnership, the rubric and the as-of date: it never
/// reads files or prints, and the same inputs always give the same placement.
public enum SpectrumEngine {
    /// Places every partnership given, in the order given.
    public static func place(
        _ partnerships: [Partnership], workspace: Workspace, rubric: SpectrumRubric, asOf: Day
    ) -> [Placement] {
        partnerships.map { place($0, workspace: workspace, rubric: rubric, asOf: asOf) }
    }

    public static func place(_ p: Partnership, workspace: Workspace, rubric: SpectrumRubric, asOf: Day)
        -> Placement
    {
        let facts = Facts(p, workspace: workspace, rubric: rubric)
        let (kind, kindReasons) = classify(facts)
        let reading = position(facts.signals, rubric: rubric)
        let (level, edging) = levelAndEdge(reading.position, rubric: rubric)
        let criteria = assessCriteria(facts, workspace: workspace, rubric: rubric)
        let readiness = checkReadiness(facts, workspace: workspace, asOf: asOf)
        var confidence = 1.0
        for s in reading.readings {
            if ["initiated_by", "decisions", "partner_input", "co_designed"].contains(s.signal) {
                if s.value == nil { confidence -= rubric.confidenceMissingSignal }
                if s.fromCue != nil { confidence -= rubric.confidenceCue }
            }
        }
        if p.contributions.isEmpty { confidence -= rubric.confidenceMissingSignal }
        var reasons = reading.reasons
        if let ceiling = reading.ceiling {
            reasons.append(ceiling)
        }
        let steps = nextSteps(
            facts, kind: kind, position: reading.position, level: level, criteria: criteria,
            readiness: readiness,
            rubric: rubric)
        return Placement(
            id: p.id, title: p.title, kind: kind, kindReasons: kindReasons, level: level.id,
            levelName: level.name,
            position: reading.position, edgingToward: edging?.id,
            edgingDirection: edging.map { $0.position > level.position ? "up" : "down" },
            confidence: max(0, (confidence * 100).rounded() / 100),
            signals: reading.readings, reasons: reasons, criteria: criteria, readiness: readiness,
            nextSteps: steps)
    }

    // MARK: - Facts

    /// The level signals after filling missing fields from description cue words.
    struct Signals: Hashable {
        var initiatedBy: Partnership.Initiator?
        var decisions: Partnership.Decisions?
        var partnerInput: Partnership.PartnerInput?
        var coDesigned: Bool?
        /// Every partner contributes something other than promotion or money.
        var partnerResources: Bool
        /// Money flows one way only.
        var moneyOneWay: Bool
        /// signal → the cue phrase it was read from.
        var cues: [String: String] = [:]
    }

    /// What the engine needs to know about one partnership, worked out once.
    struct Facts {
        let p: Partnership
        let parties: [String]
        var signals: Signals
        let libraryPaysMoney: Bool
        let partnerPaysMoney: Bool
        var moneyChangesHands: Bool { libraryPaysMoney || partnerPaysMoney }
        let workspace: Workspace

        init(_ p: Partnership, workspace: Workspace, rubric: SpectrumRubric) {
            self.p = p
            self.workspace = workspace
            parties = ["library"] + p.partners
            libraryPaysMoney =
                (p.libraryPays ?? 0) > 0
                || p.contributions.contains { $0.party == "library" && $0.kind == .funding }
            partnerPaysMoney =
                (p.partnerPays ?? 0) > 0
                || p.contributions.contains { $0.party != "library" && $0.kind == .funding }
            let substantive: Set<Partnership.ContributionKind> = Set(Partnership.ContributionKind.allCases)
                .subtracting([.promotion, .funding])
            let partnerResources =
                !p.partners.isEmpty
                && p.partners.allSatisfy { partner in
                    p.contributions.contains { $0.party == partner && substantive.contains($0.kind) }
                }
            signals = Signals(
                initiatedBy: p.initiatedBy, decisions: p.decisions, partnerInput: p.partnerInput,
                coDesigned: p.coDesigned,
                partnerResources: partnerResources, moneyOneWay: libraryPaysMoney != partnerPaysMoney)
            let text = (p.description ?? "").lowercased()
            guard !text.isEmpty else { return }
            func cue(_ s: SpectrumRubric.CueSignal) -> (value: String, phrase: String)? {
                for c in rubric.cues where c.signal == s {
                    if let phrase = c.phrases.first(where: { !$0.isEmpty && SpectrumEngine.affirms(text, $0) }
                    ) {
                        return (c.value, phrase)
                    }
                }
                return nil
            }
            if signals.initiatedBy == nil, let c = cue(.initiatedBy),
                let v = Partnership.Initiator(rawValue: c.value)
            {
                signals.initiatedBy = v
                signals.cues["initiated_by"] = c.phrase
            }
            if signals.decisions == nil, let c = cue(.decisions),
                let v = Partnership.Decisions(rawValue: c.value)
            {
                signals.decisions = v
                signals.cues["decisions"] = c.phrase
            }
            if signals.partnerInput == nil, let c = cue(.partnerInput),
                let v = Partnership.PartnerInput(rawValue: c.value)
            {
                signals.partnerInput = v
                signals.cues["partner_input"] = c.phrase
            }
            if signals.coDesigned == nil, let c = cue(.coDesigned), let v = Bool(c.value) {
                signals.coDesigned = v
                signals.cues["co_designed"] = c.phrase
            }
        }

        func name(_ party: String) -> String {
            workspace.displayName(party == "library" ? workspace.library.id : party)
        }
    }

    // MARK: - Kind

    /// Promotion when every contribution on every side is promotion (and no money moves);
    /// transaction when money flows one way with no co-design and no shared or handed-over
    /// decisions; otherwise a partnership.
    static func classify(_ f: Facts) -> (Placement.Kind, [String]) {
        let c = f.p.contributions
        if !c.isEmpty, !f.moneyChangesHands, c.allSatisfy({ $0.kind == .promotion }) {
            return (
                .promotion,
                [
                    "every contribution on every side is promotion (\(c.count)): publicity exchanged, nothing created together"
                ]
            )
        }
        let s = f.signals
        let sharedDecisions = s.decisions == .shared || s.decisions == .partner
        if s.moneyOneWay, s.coDesigned != true, !sharedDecisions {
            let payer = f.libraryPaysMoney ? "the library pays" : "the partner pays"
            let amount = f.libraryPaysMoney ? f.p.libraryPays : f.p.partnerPays
            let money = amount.map { "\(payer) \(formatMoney($0))" } ?? payer
            let forWhat =
                f.partnerPaysMoney && c.contains { $0.party == "library" && $0.kind == .promotion }
                ? "for recognition (a sponsorship)" : "for a service"
            return (
                .transaction,
                ["money flows one way (\(money)) \(forWhat), with no co-design and no shared decisions"]
            )
        }
        var why: [String] = []
        if c.isEmpty {
            why.append(
                "no contributions recorded: a partnership by default, but mutual contribution is not shown")
        }
        if sharedDecisions {
            why.append("final decisions are \(s.decisions == .shared ? "shared" : "the partner's")")
        }
        if s.coDesigned == true { why.append("designed together") }
        if !c.isEmpty, !c.allSatisfy({ $0.kind == .promotion }) {
            let kinds = Set(c.map(\.kind.rawValue)).sorted()
            why.append("contributions are more than promotion (\(kinds.joined(separator: ", ")))")
        }
        if !f.signals.moneyOneWay {
            why.append(f.moneyChangesHands ? "both sides put in money" : "no money for a service")
        }
        return (.partnership, why)
    }

    // MARK: - Position

    struct Reading {
        var position: Double
        var readings: [Placement.SignalReading]
        var reasons: [String]
        var ceiling: String?
    }

    /// The rubric's base plus each signal's weight, capped by the ceiling for whoever holds
    /// final decisions (empower needs the partner to decide), clamped to 1–5 and rounded to
    /// two decimals so that output is stable.
    static func position(_ s: Signals, rubric: SpectrumRubric) -> Reading {
        let w = rubric.weights
        var readings: [Placement.SignalReading] = []
        var reasons: [String] = []
        func add(_ signal: String, _ value: String?, _ weight: Double, _ sentence: String) {
            readings.append(.init(signal: signal, value: value, weight: weight, fromCue: s.cues[signal]))
            var r = sentence
            if let cue = s.cues[signal] {
                r += " (read from \"\(cue)\" in the description: lower confidence)"
            }
            reasons.append(r)
        }
        var raw = w.base
        let wi = s.initiatedBy.flatMap { w.initiatedBy[$0] } ?? 0
        raw += wi
        add(
            "initiated_by", s.initiatedBy?.rawValue, wi,
            s.initiatedBy.map { "initiated by \($0.rawValue): +\(formatNumber(wi))" }
                ?? "who initiated it is not recorded: +0")
        let wd = s.decisions.flatMap { w.decisions[$0] } ?? 0
        raw += wd
        add(
            "decisions", s.decisions?.rawValue, wd,
            s.decisions.map { "final decisions: \($0.rawValue): +\(formatNumber(wd))" }
                ?? "who holds final decisions is not recorded (taken as the library): +0")
        let wp = s.partnerInput.flatMap { w.partnerInput[$0] } ?? 0
        raw += wp
        add(
            "partner_input", s.partnerInput?.rawValue, wp,
            s.partnerInput.map { "partner input: \($0.rawValue): +\(formatNumber(wp))" }
                ?? "how the partner's input shapes the work is not recorded: +0")
        let wc = s.coDesigned.flatMap { w.coDesigned[$0] } ?? 0
        raw += wc
        add(
            "co_designed", s.coDesigned.map { String($0) }, wc,
            s.coDesigned.map { $0 ? "designed together: +\(formatNumber(wc))" : "designed by one side: +0" }
                ?? "whether it was designed together is not recorded: +0")
        let wr = s.partnerResources ? w.partnerResources : 0
        raw += wr
        add(
            "partner_resources", String(s.partnerResources), wr,
            s.partnerResources
                ? "every partner carries part of the work: +\(formatNumber(wr))"
                : "not every partner contributes more than promotion or money: +0")
        let wm = s.moneyOneWay ? 0 : w.moneyNotOneWay
        raw += wm
        add(
            "money_not_one_way", String(!s.moneyOneWay), wm,
            s.moneyOneWay
                ? "money flows one way: +0" : "money does not flow only one way: +\(formatNumber(wm))")
        let holder = s.decisions ?? .library
        let cap = w.ceilings[holder] ?? 5
        var ceiling: String?
        var pos = raw
        if pos > cap {
            pos = cap
            ceiling =
                "capped at \(formatNumber(cap)) because final decisions are \(holder == .library ? "the library's alone" : holder.rawValue)"
        }
        pos = min(5, max(1, pos))
        pos = (pos * 100).rounded() / 100
        return Reading(position: pos, readings: readings, reasons: reasons, ceiling: ceiling)
    }

    /// The level nearest the position (ties go to the lower level: the cautious reading), and
    /// the neighbour it leans toward when it is at least `rubric.edging` of the way there.
    static func levelAndEdge(_ position: Double, rubric: SpectrumRubric) -> (
        SpectrumRubric.Level, SpectrumRubric.Level?
    ) {
        let levels = rubric.levels
        guard var best = levels.first else {
            return (
                SpectrumRubric.Level(id: "inform", name: "Inform", position: 1, goal: "", promise: ""), nil
            )
        }
        var index = 0
        for (i, l) in levels.enumerated()
        where abs(l.position - position) < abs(best.position - position) - 1e-9 {
            best = l
            index = i
        }
        var edge: SpectrumRubric.Level?
        if position > best.position, index + 1 < levels.count {
            let next = levels[index + 1]
            if (position - best.position) / (next.position - best.position) >= rubric.edging - 1e-9 {
                edge = next
            }
        } else if position < best.position, index > 0 {
            let prev = levels[index - 1]
            if (best.position - position) / (best.position - prev.position) >= rubric.edging - 1e-9 {
                edge = prev
            }
        }
        return (best, edge)
    }

    // MARK: - Criteria

    static func assessCriteria(_ f: Facts, workspace: Workspace, rubric: SpectrumRubric) -> Criteria {
        let p = f.p
        func missing(_ has: (String) -> Bool) -> [String] { f.parties.filter { !has($0) } }
        func names(_ parties: [String]) -> String { parties.map(f.name).joined(separator: ", ") }

        let noBenefit = missing { party in p.benefits.contains { $0.party == party } }
        let benefit =
            noBenefit.isEmpty
            ? Criterion(
                true,
                "every party benefits: "
                    + p.benefits.map { "\(f.name($0.party)): \($0.what ?? "(unspecified)")" }.joined(
                        separator: "; "))
            : Criterion(false, "no benefit recorded for \(names(noBenefit))")

        let noContribution = missing { party in
            p.contributions.contains { $0.party == party }
                || (party == "library"
                    ? (p.libraryPays ?? 0) > 0 : (p.partnerPays ?? 0) > 0 && p.partners.count == 1)
        }
        let contribution =
            noContribution.isEmpty
            ? Criterion(
                true,
                "every party contributes (\(p.contributions.count) contribution\(p.contributions.count == 1 ? "" : "s"))"
            )
            : Criterion(false, "no contribution recorded for \(names(noContribution))")

        let s = f.signals
        let together =
            s.coDesigned == true || s.initiatedBy == .joint || s.decisions == .shared
            || s.decisions == .partner
        let goals: Criterion
        if p.goals.isEmpty {
            goals = Criterion(false, "no goals recorded")
        } else if together {
            goals = Criterion(
                true,
                "\(p.goals.count) goal\(p.goals.count == 1 ? "" : "s"), defined together (co-designed, a joint start or shared decisions)"
            )
        } else {
            goals = Criterion(
                false,
                "\(p.goals.count) goal\(p.goals.count == 1 ? "" : "s"), but nothing shows they were defined together (not co-designed, not a joint start, decisions not shared)"
            )
        }

        let power: Criterion
        switch s.decisions {
        case .shared: power = Criterion(true, "final decisions are shared")
        case .partner: power = Criterion(true, "final decisions are the partner's")
        case .library: power = Criterion(false, "the library holds final decisions alone")
        case nil: power = Criterion(false, "who holds final decisions is not recorded")
        }

        var valueNotes: [String] = []
        var aligned = !p.partners.isEmpty
        let lib = workspace.library
        for partner in p.partners {
            guard let org = workspace.organization(partner) else {
                aligned = false
                valueNotes.append("\(partner): not in organizations.csv, values unknown")
                continue
            }
            let hits = sortedIntersection(org.tags[.flags], lib.dealbreakers)
            if !hits.isEmpty {
                aligned = false
                valueNotes.append(
                    "\(org.name)'s recorded practices include \(joinAnd(hits.map { workspace.phrase($0, .flags) })), on the library's dealbreaker list"
                )
                continue
            }
            guard org.tags.isKnown(.values) else {
                aligned = false
                valueNotes.append("\(org.name): values unknown")
                continue
            }
            let shared = sortedIntersection(org.tags[.values], lib.values)
            if Double(shared.count) >= rubric.alignedValuesMinShared {
                valueNotes.append(
                    "\(org.name) shares \(joinAnd(shared.map { workspace.label($0, .values) }))")
            } else {
                aligned = false
                valueNotes.append("\(org.name) shares no value with the library")
            }
        }
        let values = Criterion(
            aligned, valueNotes.isEmpty ? "no partners" : valueNotes.joined(separator: "; "))

        let noRole = missing { party in p.roles.contains { $0.party == party && $0.does != nil } }
        let roles =
            noRole.isEmpty
            ? Criterion(true, "every party has a written role")
            : Criterion(false, "no written role for \(names(noRole))")

        return Criteria(
            mutualBenefit: benefit, mutualContribution: contribution, sharedGoals: goals, sharedPower: power,
            alignedValues: values, clearRoles: roles)
    }

    // MARK: - Readiness

    /// The nuts and bolts of a plan (DOMAIN.md): SMART goals, milestones, roles, a
    /// communication plan, something in writing, an exit plan, and a discussed balance.
    static func checkReadiness(_ f: Facts, workspace: Workspace, asOf: Day) -> [ReadinessCheck] {
        let p = f.p
        var out: [ReadinessCheck] = []
        let live = p.status == .proposed || p.status == .active

        // smart_goals
        if p.goals.isEmpty {
            out.append(
                ReadinessCheck(
                    check: "smart_goals", ok: false,
                    detail: "no goals: begin at the end and define the outcome together",
                    fixes: [
                        "Begin at the end: write down together the outcome you both want, with a metric, a target and a due date"
                    ]))
        } else {
            var gaps: [String] = []
            var fixes: [String] = []
            for (i, g) in p.goals.enumerated() {
                // SMART: specific (a statement), measurable (a metric and a target), achievable
                // (every party commits resources, below), relevant and time-bound (a due
                // date). The link to a library priority is checked on its own (`priority_link`).
                var lacks: [String] = []
                if g.text == nil { lacks.append("a statement of what it is") }
                if g.metric == nil { lacks.append("a metric") }
                if g.target == nil { lacks.append("a target") }
                if g.due == nil { lacks.append("a due date") }
                guard !lacks.isEmpty else { continue }
                let label = "goal \(i + 1)" + (g.text.map { " (\"\(shorten($0))\")" } ?? "")
                gaps.append("\(label) has no \(joinAnd(lacks.map { $0.replacingPrefix("a ", "") }, "or"))")
                fixes.append("Add \(joinAnd(lacks)) to \(label)")
            }
            let nonContributors = f.parties.filter { party in !p.contributions.contains { $0.party == party }
            }
            if !nonContributors.isEmpty {
                gaps.append(
                    "not achievable as recorded: \(nonContributors.map(f.name).joined(separator: ", ")) commit\(nonContributors.count == 1 ? "s" : "") no resources"
                )
            }
            let ok = gaps.isEmpty
            out.append(
                ReadinessCheck(
                    check: "smart_goals", ok: ok,
                    detail: ok
                        ? "\(p.goals.count) goal\(p.goals.count == 1 ? "" : "s"), each specific, measurable and dated"
                        : gaps.joined(separator: "; "),
                    fixes: fixes))
            // priority_link: which library priority each goal serves (bookkeeping, not a flaw
            // of the goal itself).
            let unlinked = p.goals.enumerated().filter { $0.element.priority == nil }
            let labels = unlinked.map { i, g in
                "goal \(i + 1)" + (g.text.map { " (\"\(shorten($0))\")" } ?? "")
            }
            out.append(
                unlinked.isEmpty
                    ? ReadinessCheck(
                        check: "priority_link", ok: true,
                        detail: "every goal is linked to a library priority")
                    : ReadinessCheck(
                        check: "priority_link", ok: false,
                        detail:
                            "\(joinAnd(labels)) \(unlinked.count == 1 ? "is" : "are") not linked to a library priority",
                        fixes: labels.map { "Link \($0) to the library priority it serves" }))
            // goal_results: achieved against target, once recorded or due.
            var results: [String] = []
            var missed = false
            for (i, g) in p.goals.enumerated() {
                let label = "goal \(i + 1)" + (g.text.map { " (\"\(shorten($0))\")" } ?? "")
                let due = g.due.map { $0 <= asOf } ?? false
                if let a = g.achieved, let t = g.target {
                    let unit = g.metric.map { " \($0)" } ?? ""
                    let met = a >= t
                    if !met && due { missed = true }
                    results.append(
                        "\(label): \(formatNumber(a)) of \(formatNumber(t))\(unit), \(met ? "met" : due ? "not met" : "not met yet")"
                    )
                } else if let a = g.achieved {
                    results.append("\(label): \(formatNumber(a)) reached, no target to judge it by")
                } else if due, p.status != .proposed {
                    results.append("\(label): due \(g.due.map { "\($0)" } ?? ""), no result recorded")
                }
            }
            if !results.isEmpty {
                out.append(
                    ReadinessCheck(
                        check: "goal_results", ok: !missed, detail: results.joined(separator: "; ")))
            }
        }

        // milestones
        let dated = p.milestones.filter { $0.due != nil }
        let lastGoalDue = p.goals.compactMap(\.due).max()
        let overdue = live ? dated.filter { m in m.done == nil && (m.due.map { $0 < asOf } ?? false) } : []
        if dated.isEmpty {
            out.append(
                ReadinessCheck(
                    check: "milestones", ok: false,
                    detail: "no dated milestones: drift will not show until the goal is missed",
                    fixes: ["Add two or three dated milestones on the way to the goals, so drift shows early"]
                ))
        } else if let lastGoalDue, !dated.contains(where: { ($0.due ?? lastGoalDue) < lastGoalDue }) {
            out.append(
                ReadinessCheck(
                    check: "milestones", ok: false,
                    detail: "no milestone falls before the goals are due (\(lastGoalDue))",
                    fixes: ["Add milestones dated before \(lastGoalDue), when the goals are due"]))
        } else if !overdue.isEmpty {
            let list = overdue.map {
                "\"\($0.title ?? "untitled")\" (due \($0.due.map(String.init(describing:)) ?? "?"))"
            }
            out.append(
                ReadinessCheck(
                    check: "milestones", ok: false,
                    detail: "overdue and not done: \(list.joined(separator: ", "))",
                    fixes: overdue.map {
                        "Mark \"\($0.title ?? "untitled")\" done or agree a new date with the partner"
                    }))
        } else {
            let done = dated.count { $0.done != nil }
            out.append(
                ReadinessCheck(
                    check: "milestones", ok: true,
                    detail:
                        "\(dated.count) dated milestone\(dated.count == 1 ? "" : "s"), \(done) done, none overdue"
                ))
        }

        // roles
        let noRole = f.parties.filter { party in !p.roles.contains { $0.party == party && $0.does != nil } }
        out.append(
            noRole.isEmpty
                ? ReadinessCheck(check: "roles", ok: true, detail: "every party has written responsibilities")
                : ReadinessCheck(
                    check: "roles", ok: false,
                    detail: "no written responsibilities for \(noRole.map(f.name).joined(separator: ", "))",
                    fixes: noRole.map { "Write down what \(f.name($0)) does" }))

        // communication_plan
        if let cadence = p.communication?.cadenceDays {
            var detail = "contact every \(formatNumber(cadence)) days"
            var fixes: [String] = []
            if let last = p.communication?.log.last {
                let days = asOf - last
                detail += "; last contact \(last) (\(days) days ago)"
                if live, Double(days) > cadence {
                    detail += ", overdue"
                    fixes.append(
                        "Get in touch with \(p.partners.map(f.name).joined(separator: ", ")): the last contact was \(days) days ago and the plan is every \(formatNumber(cadence))"
                    )
                }
            } else {
                detail += "; no contact logged yet"
            }
            out.append(ReadinessCheck(check: "communication_plan", ok: true, detail: detail, fixes: fixes))
        } else {
            out.append(
                ReadinessCheck(
                    check: "communication_plan", ok: false, detail: "no agreed cadence of contact",
                    fixes: [
                        "Agree how and how often you will talk (a cadence in days), respecting each side's norms"
                    ]))
        }

        // in_writing
        let money = f.moneyChangesHands
        switch p.agreement {
        case nil, .some(.none):
            out.append(
                ReadinessCheck(
                    check: "in_writing", ok: false,
                    detail: money
                        ? "nothing in writing, and money changes hands: a contract is expected"
                        : "nothing in writing",
                    fixes: [
                        money
                            ? "Put the payment and the work in a contract"
                            : "Write a one-page MOU: who does what, by when, and how it ends"
                    ]))
        case .some(let a):
            if money && a != .contract {
                out.append(
                    ReadinessCheck(
                        check: "in_writing", ok: false,
                        detail:
                            "agreed in writing (\(a == .mou ? "an MOU" : "an email summary")), but money changes hands: a contract is expected",
                        fixes: ["Put the payment and the work in a contract"]))
            } else {
                out.append(
                    ReadinessCheck(
                        check: "in_writing", ok: true,
                        detail: a == .mou ? "an MOU" : a == .email ? "an email summary" : "a contract"))
            }
        }

        // exit_plan
        out.append(
            p.exitPlan == nil
                ? ReadinessCheck(
                    check: "exit_plan", ok: false, detail: "no exit plan",
                    fixes: [
                        "Agree how this ends: a contingency and exit plan that ends the project without ending the relationship"
                    ])
                : ReadinessCheck(check: "exit_plan", ok: true, detail: shorten(p.exitPlan ?? "", 80)))

        // balance
        var parts: [String] = []
        var kindsBy: [String: Int] = [:]
        for party in f.parties {
            let kinds = Set(p.contributions.filter { $0.party == party }.map(\.kind.rawValue)).sorted()
            kindsBy[party] = kinds.count
            parts.append("\(f.name(party)): \(kinds.isEmpty ? "nothing" : kinds.joined(separator: ", "))")
        }
        let nonContributors = f.parties.filter { (kindsBy[$0] ?? 0) == 0 }
        var imbalances: [String] = []
        if f.libraryPaysMoney != f.partnerPaysMoney {
            imbalances.append("only \(f.libraryPaysMoney ? "the library" : "the partner") puts in money")
        }
        let counts = f.parties.map { kindsBy[$0] ?? 0 }
        if let hi = counts.max(), let lo = counts.min(), lo > 0, hi >= 2 * lo + 1 {
            imbalances.append("contributions are uneven (from \(lo) to \(hi) kinds)")
        }
        var detail = parts.joined(separator: "; ")
        if !imbalances.isEmpty {
            detail += ". Imbalance to discuss up front: " + imbalances.joined(separator: "; ")
        }
        out.append(
            ReadinessCheck(
                check: "balance", ok: nonContributors.isEmpty, detail: detail,
                fixes: nonContributors.map { "Agree what \(f.name($0)) puts in (staff, space, expertise, …)" }
                    + (imbalances.isEmpty
                        ? [] : ["Discuss the imbalance up front: \(imbalances.joined(separator: "; "))"])))
        return out
    }

    // MARK: - Next steps

    /// Moving up the spectrum first (the one-step signal changes that raise the position most,
    /// in the rubric's words), then fixes for a dealbreaker, the criteria and the readiness gaps.
    static func nextSteps(
        _ f: Facts, kind: Placement.Kind, position: Double, level: SpectrumRubric.Level, criteria: Criteria,
        readiness: [ReadinessCheck], rubric: SpectrumRubric
    ) -> [String] {
        // A partner on the library's dealbreaker list: one next step, and only one.
        let hits = f.p.partners.compactMap { id -> String? in
            guard let org = f.workspace.organization(id) else { return nil }
            let h = sortedIntersection(org.tags[.flags], f.workspace.library.dealbreakers)
            return h.isEmpty
                ? nil
                : "\(org.name)'s recorded practices include \(joinAnd(h.map { f.workspace.phrase($0, .flags) }))"
        }
        if !hits.isEmpty {
            return [
                "Resolve the dealbreaker or decline: \(hits.joined(separator: "; ")), which the library will not accept. Go no further until that is settled."
            ]
        }
        var steps: [String] = []
        switch kind {
        case .transaction:
            steps.append(
                "This is a transaction, which is fine for a service; if a partnership is wanted, design the next phase together and share the decisions"
            )
        case .promotion:
            steps.append(
                "This is an exchange of promotion; to make it a partnership, create something together that each side puts staff, space or expertise into"
            )
        case .partnership: break
        }
        if f.p.status != .ended, let up = rubric.levels.first(where: { $0.position > level.position }) {
            var options: [(delta: Double, key: String, signals: Signals)] = []
            let s = f.signals
            func consider(_ key: String, _ change: (inout Signals) -> Void) {
                var t = s
                change(&t)
                let delta = Self.position(t, rubric: rubric).position - position
                if delta > 0.001 { options.append((delta, key, t)) }
            }
            if s.decisions == nil || s.decisions == .library {
                consider("decisions.shared") { $0.decisions = .shared }
            }
            if s.decisions == .shared { consider("decisions.partner") { $0.decisions = .partner } }
            if s.coDesigned != true { consider("co_designed.true") { $0.coDesigned = true } }
            switch s.partnerInput {
            case nil, .some(.none): consider("partner_input.feedback") { $0.partnerInput = .feedback }
            case .some(.feedback): consider("partner_input.ongoing") { $0.partnerInput = .ongoing }
            case .some(.ongoing): break
            }
            if s.initiatedBy == nil || s.initiatedBy == .library {
                consider("initiated_by.joint") { $0.initiatedBy = .joint }
            }
            if !s.partnerResources { consider("partner_resources") { $0.partnerResources = true } }
            if s.moneyOneWay { consider("money_not_one_way") { $0.moneyOneWay = false } }
            options.sort { $0.delta != $1.delta ? $0.delta > $1.delta : $0.key < $1.key }
            for o in options.prefix(2) {
                guard let template = rubric.steps[o.key] else { continue }
                steps.append(
                    template.replacingOccurrences(of: "{from}", with: level.name).replacingOccurrences(
                        of: "{to}", with: up.name))
            }
        }
        if !criteria.mutualBenefit.met {
            steps.append("Name what each side gets out of it: \(criteria.mutualBenefit.evidence)")
        }
        if !criteria.alignedValues.met, !criteria.alignedValues.evidence.contains("dealbreaker") {
            steps.append(
                "Check that values are aligned enough for the work: \(criteria.alignedValues.evidence)")
        }
        for r in readiness { steps += r.fixes }
        var seen = Set<String>()
        return steps.filter { seen.insert($0).inserted }
    }
}

// MARK: - Small text helpers

fileprivate func shorten(_ s: String, _ limit: Int = 40) -> String {
    s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
}

fileprivate func joinAnd(_ items: [String], _ word: String = "and") -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " \(word) " + (items.last ?? "")
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, _ with: String) -> String {
        hasPrefix(prefix) ? with + dropFirst(prefix.count) : self
    }
}

extension SpectrumEngine {
    /// Words that, just before a cue phrase, say the opposite ("it was *not* co-designed", "we
    /// gathered *no* feedback").
    static let negations: Set<Substring> = [
        "not", "no", "never", "without", "neither", "nor", "isn't", "wasn't", "weren't", "didn't", "don't",
        "doesn't", "hasn't", "haven't",
    ]

    /// Whether `text` (lowercased) states `phrase`: some occurrence not negated by one of the
    /// three words before it.
    static func affirms(_ text: String, _ phrase: String) -> Bool {
        var from = text.startIndex
        while let r = text.range(of: phrase, range: from..<text.endIndex) {
            let before = text[..<r.lowerBound].split(whereSeparator: { !$0.isLetter && $0 != "'" }).suffix(3)
            if !before.contains(where: { negations.contains($0) }) { return true }
            from = r.upperBound
        }
        return false
    }
}
