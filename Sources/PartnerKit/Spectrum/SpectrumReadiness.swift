import Foundation

// The readiness of the plan: one check per nut and bolt, each with its detail and fixes.

extension SpectrumEngine {
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
                    check: .smartGoals, ok: false,
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
                let label = "goal \(i + 1)" + (g.text.map { " (\"\(shortened($0))\")" } ?? "")
                gaps.append("\(label) has no \(joinAnd(lacks.map { replacingPrefix($0, "a ", "") }, "or"))")
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
                    check: .smartGoals, ok: ok,
                    detail: ok
                        ? "\(p.goals.count) goal\(p.goals.count == 1 ? "" : "s"), each specific, measurable and dated"
                        : gaps.joined(separator: "; "),
                    fixes: fixes))
            // priority_link: which library priority each goal serves (bookkeeping, not a flaw
            // of the goal itself).
            let unlinked = p.goals.enumerated().filter { $0.element.priority == nil }
            let labels = unlinked.map { i, g in
                "goal \(i + 1)" + (g.text.map { " (\"\(shortened($0))\")" } ?? "")
            }
            out.append(
                unlinked.isEmpty
                    ? ReadinessCheck(
                        check: .priorityLink, ok: true,
                        detail: "every goal is linked to a library priority")
                    : ReadinessCheck(
                        check: .priorityLink, ok: false,
                        detail:
                            "\(joinAnd(labels)) \(unlinked.count == 1 ? "is" : "are") not linked to a library priority",
                        fixes: labels.map { "Link \($0) to the library priority it serves" }))
            // goal_results: achieved against target, once recorded or due.
            var results: [String] = []
            var missed = false
            for (i, g) in p.goals.enumerated() {
                let label = "goal \(i + 1)" + (g.text.map { " (\"\(shortened($0))\")" } ?? "")
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
                        check: .goalResults, ok: !missed, detail: results.joined(separator: "; ")))
            }
        }

        // milestones
        let dated = p.milestones.filter { $0.due != nil }
        let lastGoalDue = p.goals.compactMap(\.due).max()
        // A paused partnership's late work is still late (the review lists it as overdue too).
        let overdue =
            live || p.status == .paused
            ? dated.filter { m in m.done == nil && (m.due.map { $0 < asOf } ?? false) } : []
        if dated.isEmpty {
            out.append(
                ReadinessCheck(
                    check: .milestones, ok: false,
                    detail: "no dated milestones: drift will not show until the goal is missed",
                    fixes: ["Add two or three dated milestones on the way to the goals, so drift shows early"]
                ))
        } else if let lastGoalDue, !dated.contains(where: { ($0.due ?? lastGoalDue) < lastGoalDue }) {
            out.append(
                ReadinessCheck(
                    check: .milestones, ok: false,
                    detail: "no milestone falls before the goals are due (\(lastGoalDue))",
                    fixes: ["Add milestones dated before \(lastGoalDue), when the goals are due"]))
        } else if !overdue.isEmpty {
            let list = overdue.map {
                "\"\($0.title ?? "untitled")\" (due \($0.due.map(String.init(describing:)) ?? "?"))"
            }
            out.append(
                ReadinessCheck(
                    check: .milestones, ok: false,
                    detail: "overdue and not done: \(list.joined(separator: ", "))",
                    fixes: overdue.map {
                        "Get \"\($0.title ?? "untitled")\" done with the partner, or agree a new date"
                    }, overdue: true))
        } else {
            let done = dated.count { $0.done != nil }
            out.append(
                ReadinessCheck(
                    check: .milestones, ok: true,
                    detail:
                        "\(dated.count) dated milestone\(dated.count == 1 ? "" : "s"), \(done) done, none overdue"
                ))
        }

        // roles
        let noRole = f.parties.filter { party in !p.roles.contains { $0.party == party && $0.does != nil } }
        out.append(
            noRole.isEmpty
                ? ReadinessCheck(check: .roles, ok: true, detail: "every party has written responsibilities")
                : ReadinessCheck(
                    check: .roles, ok: false,
                    detail: "no written responsibilities for \(noRole.map(f.name).joined(separator: ", "))",
                    fixes: noRole.map { "Write down what \(f.name($0)) does" }))

        // communication_plan
        if let cadence = p.communication?.cadenceDays {
            var detail = "contact every \(formatNumber(cadence)) days"
            var fixes: [String] = []
            var overdue = false
            if let last = p.communication?.log.last {
                let days = asOf - last
                detail += "; last contact \(last) (\(days) days ago)"
                if live, Double(days) > cadence {
                    detail += ", overdue"
                    overdue = true
                    fixes.append(
                        "Get in touch with \(p.partners.map(f.name).joined(separator: ", ")): the last contact was \(counted(days, "day")) ago and the plan is every \(formatNumber(cadence)) days"
                    )
                }
            } else {
                detail += "; no contact logged yet"
            }
            out.append(
                ReadinessCheck(
                    check: .communicationPlan, ok: true, detail: detail, fixes: fixes, overdue: overdue))
        } else {
            out.append(
                ReadinessCheck(
                    check: .communicationPlan, ok: false, detail: "no agreed cadence of contact",
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
                    check: .inWriting, ok: false,
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
                        check: .inWriting, ok: false,
                        detail:
                            "agreed in writing (\(a == .mou ? "an MOU" : "an email summary")), but money changes hands: a contract is expected",
                        fixes: ["Put the payment and the work in a contract"]))
            } else {
                out.append(
                    ReadinessCheck(
                        check: .inWriting, ok: true,
                        detail: a == .mou ? "an MOU" : a == .email ? "an email summary" : "a contract"))
            }
        }

        // exit_plan
        out.append(
            p.exitPlan == nil
                ? ReadinessCheck(
                    check: .exitPlan, ok: false, detail: "no exit plan",
                    fixes: [
                        "Agree how this ends: a contingency and exit plan that ends the project without ending the relationship"
                    ])
                : ReadinessCheck(check: .exitPlan, ok: true, detail: shortened(p.exitPlan ?? "", to: 80)))

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
                check: .balance, ok: nonContributors.isEmpty, detail: detail,
                fixes: nonContributors.map { "Agree what \(f.name($0)) puts in (staff, space, expertise, …)" }
                    + (imbalances.isEmpty
                        ? [] : ["Discuss the imbalance up front: \(imbalances.joined(separator: "; "))"])))
        return out
    }
}
