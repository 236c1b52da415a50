import Foundation

// The six criteria of a partnership (mutual benefit and contribution, shared goals and
// power, aligned values, clear roles), each met or not with its evidence.

extension SpectrumEngine {
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
                || (party == LibraryProfile.party
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
                    "\(org.name)'s recorded practices (\(joinAnd(hits.map { workspace.phrase($0, .flags) }))) are on the library's dealbreaker list"
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
}
