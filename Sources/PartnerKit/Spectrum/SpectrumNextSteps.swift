import Foundation

// The next steps for a placement: the biggest risk first, then up the spectrum, then the fixes.

extension SpectrumEngine {
    /// In order: a dealbreaker's one step (and nothing else); a paused partnership's decision
    /// (resume or end); repairs (contact overdue, then work overdue: the biggest risk before any
    /// step up); moving up the spectrum (the one-step signal changes that raise the position
    /// most, in the rubric's words); fixes for the criteria and the other readiness gaps. A
    /// proposal's step up comes after its gaps: a plan is made before it is deepened.
    static func nextSteps(
        _ f: Facts, kind: Placement.Kind, position: Double, level: SpectrumRubric.Level, criteria: Criteria,
        readiness: [ReadinessCheck], rubric: SpectrumRubric
    ) -> [String] {
        // A partner on the library's dealbreaker list: one next step, and only one.
        var who: [String] = []
        let hits = f.p.partners.compactMap { id -> String? in
            guard let org = f.workspace.organization(id) else { return nil }
            let h = sortedIntersection(org.tags[.flags], f.workspace.library.dealbreakers)
            if h.isEmpty { return nil }
            who.append(org.name)
            return "\(org.name)'s recorded practices (\(joinAnd(h.map { f.workspace.phrase($0, .flags) })))"
        }
        if !hits.isEmpty {
            return [
                "Resolve the dealbreaker or decline: the library will not accept \(hits.joined(separator: "; ")); \(Self.resolvingDealbreaker(who)). Go no further until that is settled."
            ]
        }
        // The biggest risk first: contact overdue, then work overdue (talking comes first:
        // overdue work cannot be re-planned without the partner), before any step up.
        var steps: [String] = []
        // A paused partnership: the decision comes first, and it is the review's ("paused with
        // work outstanding: decide with …"); neither finishing overdue work nor a step up is
        // advised before it, since both presume that the work resumes.
        let paused = f.p.status == .paused
        if paused {
            let names = f.p.partners.map(f.name).joined(separator: ", ")
            steps.append(
                readiness.contains(where: \.overdue)
                    ? "Decide with \(names) whether to resume it (and re-plan what is overdue) or end it gracefully"
                    : "Decide with \(names) when to resume it, or end it gracefully")
        }
        // (A plan that lacks a cadence or milestones is a gap, listed with the others below.)
        let overdueContact = readiness.filter { $0.check == .communicationPlan && $0.overdue }
        let overdueWork = readiness.filter { $0.check == .milestones && $0.overdue }
        for r in overdueContact + overdueWork where !paused { steps += r.fixes }
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
        // The steps up the spectrum: first for running work, last for a proposal, whose plan
        // (goals, roles, a way of talking, an agreement) must exist before it is deepened.
        var up: [String] = []
        if f.p.status != .ended, !paused,
            let next = rubric.levels.first(where: { $0.position > level.position })
        {
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
                up.append(
                    template.replacingOccurrences(of: "{from}", with: level.name).replacingOccurrences(
                        of: "{to}", with: next.name))
            }
        }
        let proposal = f.p.status == .proposed
        if !proposal { steps += up }
        if !criteria.mutualBenefit.met {
            steps.append("Name what each side gets out of it: \(criteria.mutualBenefit.evidence)")
        }
        // A dealbreaker returned its one step above, so unaligned values here are never one
        // (this used to be told by the word "dealbreaker" in the evidence, which a partner's
        // name could hold too).
        if !criteria.alignedValues.met {
            steps.append(
                "Check that values are aligned enough for the work: \(criteria.alignedValues.evidence)")
        }
        for r in readiness where !(paused && r.overdue) { steps += r.fixes }
        if proposal { steps += up }
        var seen = Set<String>()
        return steps.filter { seen.insert($0).inserted }
    }
}

extension SpectrumEngine {
    /// What "resolve the dealbreaker" asks of the library, said where the advice is given (the
    /// spectrum's one next step and the review's first recommendation): the organization's
    /// practices are not the library's to change, so the way out is evidence.
    static func resolvingDealbreaker(_ organizations: [String]) -> String {
        "to resolve it, \(joinAnd(organizations)) must show that the record is wrong or that the practice has stopped, and its flags in organizations.csv are corrected"
    }
}
