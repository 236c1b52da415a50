import Foundation

/// Phase 2 of scoring: the reasons, in words a librarian reads, for the candidates shown.
/// Every sentence here restates a number `evaluate` computed from the same tables; nothing is
/// scored in this file.
extension ScoringEngine {
    /// The explained candidate for organization `i`.
    ///
    /// - Complexity: O(tags of the organization + priorities + audiences); strings built here only.
    public func explain(_ i: Int) -> Candidate {
        let org = workspace.organizations[i]
        let e = evaluate(i)
        let lib = workspace.library
        let p = rubric.parameters
        let tags = org.tags
        let counted = "counted as \(formatNumber(p.unknownValue)), neither zero nor full marks"

        func names(_ ids: [UInt32], _ c: TagCategory) -> String {
            ids.map { workspace.label($0, c) }.joined(separator: ", ")
        }

        // value_alignment
        var va: [String] = []
        if libraryValueCount > 0, p.valuesShare > 0 {
            if tags.isKnown(.values) {
                let shared = sortedIntersection(tags[.values], lib.values)
                va.append(
                    shared.isEmpty
                        ? "shares none of the library's values (\(names(lib.values, .values)))"
                        : "shares the library's values: \(names(shared, .values))")
            } else {
                va.append("its values are not recorded (\(counted))")
            }
        }
        if hasPriorityTopics, p.topicsShare > 0 {
            if tags.isKnown(.topics) {
                var served: [String] = []
                for pr in lib.priorities.prefix(64) {
                    let hit = sortedIntersection(tags[.topics], pr.topics)
                    if !hit.isEmpty { served.append("\(pr.label) (\(names(hit, .topics)))") }
                }
                va.append(
                    served.isEmpty
                        ? "its topics (\(names(Array(tags[.topics]), .topics))) match none of the library's priorities"
                        : "its topics serve the priorities \(served.joined(separator: "; "))")
            } else {
                va.append("its topics are not recorded (\(counted))")
            }
        }
        if !query.isEmpty, p.missionShare > 0 {
            if org.mission != nil {
                let mask = missionMask(i)
                if mask == 0 {
                    va.append("its mission does not use the words of the library's priorities")
                } else {
                    var words: [String] = []
                    var m = mask
                    while m != 0 {
                        let b = m.trailingZeroBitCount
                        words.append(query.display[b])
                        m &= m - 1
                    }
                    var served: [String] = []
                    for (k, pm) in query.priorityMasks.prefix(64).enumerated() where pm & mask != 0 {
                        served.append(lib.priorities[k].label)
                    }
                    va.append(
                        "its mission matches the words \(words.map { "“\($0)”" }.joined(separator: ", ")) of \(served.joined(separator: "; ")) (\(percent(missionCoverage(mask))) of that priority's wording, rarer words counting more)"
                    )
                }
            } else {
                va.append("no mission statement (\(counted))")
            }
        }
        if va.isEmpty { va.append("the library's profile lists no values or priorities to align with") }

        // shared_audience
        var sa: [String] = []
        if lib.audiences.isEmpty {
            sa.append("the library lists no audiences (\(counted))")
        } else if !tags.isKnown(.audiences) {
            sa.append("its audiences are not recorded (\(counted))")
        } else {
            let shared = lib.audiences.filter { a in tags[.audiences].contains(a.tag) }
            if shared.isEmpty {
                let own = tags[.audiences].map { workspace.label($0, .audiences) }
                sa.append(
                    own.isEmpty
                        ? "serves none of the library's audiences (\(lib.audiences.map { workspace.label($0.tag, .audiences) }.joined(separator: ", ")))"
                        : "serves \(own.joined(separator: ", ")), not one of the library's named audiences (\(lib.audiences.map { workspace.label($0.tag, .audiences) }.joined(separator: ", ")))"
                )
            } else {
                sa.append(
                    "serves the library's audiences "
                        + shared.map {
                            "\(workspace.label($0.tag, .audiences)) (weight \(formatNumber($0.weight)))"
                        }.joined(separator: ", "))
            }
        }

        // complementary_assets
        var ca: [String] = []
        if !lib.needs.isEmpty {
            if tags.isKnown(.offers) {
                let hit = sortedIntersection(tags[.offers], lib.needs)
                ca.append(
                    hit.isEmpty
                        ? "offers nothing the library needs"
                        : "offers what the library needs: \(names(hit, .assets))")
            } else {
                ca.append("what it offers is not recorded (\(counted))")
            }
        }
        if !lib.offers.isEmpty {
            if tags.isKnown(.needs) {
                let hit = sortedIntersection(tags[.needs], lib.offers)
                ca.append(
                    hit.isEmpty
                        ? "needs nothing the library offers"
                        : "needs what the library offers: \(names(hit, .assets))")
            } else {
                ca.append("what it needs is not recorded (\(counted))")
            }
        }
        if e.oneWay {
            let gives = !sortedIntersection(tags[.offers], lib.needs).isEmpty
            ca.append(
                gives
                    ? "one-way: it offers what the library needs but needs nothing the library offers, so benefit flows one way: so far a service or a gift rather than a partnership"
                    : "one-way: it needs what the library offers but offers nothing the library needs, so benefit flows one way: so far a service the library gives rather than a partnership"
            )
        }
        if ca.isEmpty { ca.append("the library lists nothing it offers or needs (\(counted))") }

        // capacity
        var cap: [String] = []
        var have: [String] = []
        if let s = org.staffFTE { have.append("\(formatNumber(s)) staff FTE") }
        if let b = org.annualBudget { have.append("annual budget \(formatMoney(b, .compact))") }
        if let v = org.volunteers { have.append("\(formatNumber(v)) volunteers") }
        if let r = org.replyDays {
            have.append("replies in about \(formatNumber(r)) day\(r == 1 ? "" : "s")")
        }
        if !have.isEmpty { cap.append(have.joined(separator: ", ")) }
        let missingCapacity = missingCapacityInputs(org)
        if !missingCapacity.isEmpty {
            cap.append(
                have.isEmpty
                    ? "unknown: \(missingCapacity.joined(separator: ", ")) (\(counted))"
                    : "not recorded: \(missingCapacity.joined(separator: ", ")); judged on what is known, so this lowers the confidence, not the capacity"
            )
        }

        // relationship
        var rel: [String] = []
        if directTie[i] >= 0 {
            let t = workspace.ties[Int(directTie[i])]
            rel.append(describeTie(t, organization: org.id))
        } else if e.viaWarmPath {
            let strength = p.warmPathFactor > 0 ? e.values[4] / p.warmPathFactor : 0
            rel.append(
                "no direct tie, but a warm path (strength \(formatNumber(strength, maxFractionDigits: 2)) of 1) through people the library knows; an introduction counts for less than a tie of its own (\(formatNumber(p.warmPathFactor)) of the path's strength)"
            )
        } else {
            rel.append(
                "no recorded tie between the library (or its people) and this organization (or its people)")
        }

        let dims: [DimensionScore] = Dimension.allCases.map { d in
            let r: [String]
            switch d {
            case .valueAlignment: r = va
            case .sharedAudience: r = sa
            case .complementaryAssets: r = ca
            case .capacity: r = cap
            case .relationship: r = rel
            }
            return DimensionScore(dimension: d, value: e.values[d.index], known: e.known[d.index], reasons: r)
        }

        // Flags.
        var flags: [String] = []
        let hits = sortedIntersection(tags[.flags], lib.dealbreakers)
        flags += hits.map { "dealbreaker:\(workspace.tags.name($0))" }
        if e.oneWay { flags.append("one-way") }
        for d in Dimension.allCases where e.belowMinimum & (1 << UInt8(d.index)) != 0 {
            flags.append("below-minimum:\(d.rawValue)")
        }
        flags.sort()

        // Headline reasons: dealbreakers, then the dimensions by weighted contribution, then
        // what is unknown.
        var reasons: [String] = []
        for h in hits {
            reasons.append(
                "dealbreaker: its recorded practices (\(workspace.phrase(h, .flags))) are on the library's dealbreaker list; ranked last"
            )
        }
        let order = Dimension.allCases.filter { rubric.weight($0) > 0 }.sorted {
            let a = rubric.weight($0) * e.values[$0.index], b = rubric.weight($1) * e.values[$1.index]
            // Equal up to rounding is a tie (0.2 × 0.5 against 0.25 × 0.4): the order must not
            // hang on the last bit, which changes when every weight is scaled (issue 18).
            return abs(a - b) > 1e-12 ? a > b : $0 < $1
        }
        let support = support(org)
        if let support { reasons.append(Self.funderNote(support)) }
        for d in order {
            let v = e.values[d.index]
            let lead = dims[d.index].reasons.first ?? ""
            reasons.append("\(d.label) \(formatNumber(v, maxFractionDigits: 2)) of 1: \(lead)")
        }
        for d in Dimension.allCases where e.belowMinimum & (1 << UInt8(d.index)) != 0 {
            let minimum = rubric.minimums[d] ?? 0
            reasons.append(
                "below the rubric's minimum for \(d.label): \(formatNumber(e.values[d.index], maxFractionDigits: 2)) of 1, the minimum being \(formatNumber(minimum))"
            )
        }
        let missing = missingInputs(i)
        if !missing.isEmpty {
            reasons.append(
                "confidence \(percent(e.confidence)): unknown (not recorded): \(missing.joined(separator: ", "))"
            )
        }
        if !lib.dealbreakers.isEmpty && !tags.isKnown(.flags) {
            reasons.append(
                "its practices have not been checked against the library's dealbreakers (an empty flags cell; write none once checked and clean)"
            )
        }

        var candidate = Candidate(
            id: org.id, name: org.name, organizationIndex: i, score: e.score, confidence: e.confidence,
            dimensions: dims, flags: flags, reasons: reasons)
        candidate.support = support
        return candidate
    }

    /// Whether it funds the library, and what it gives, in words: a `funder` tie with the
    /// library or its people, and money it puts into the library's active partnerships. The
    /// fit rubrics score a programme partner; a funder's rank needs this said beside it.
    /// Starts with `ScoringEngine.funderPrefix`.
    /// What the organization already gives the library, as data; nil when nothing.
    func support(_ org: Organization) -> Candidate.Support? {
        var gives: [String] = []
        for p in workspace.partnerships where p.status == .active && p.partners.contains(org.id) {
            if p.contributions.contains(where: { $0.party == org.id && $0.kind == .funding }) {
                gives.append(p.title)
            }
        }
        let tie = workspace.organizationIndex[org.id].flatMap { funderTie[$0] }.map { workspace.ties[$0] }
        guard tie != nil || !gives.isEmpty else { return nil }
        return .init(
            funderTieStrength: tie?.strength, funderTieNote: tie?.note.flatMap { $0.isEmpty ? nil : $0 },
            funds: gives)
    }

    /// The support in words, starting with `funderPrefix`.
    static func funderNote(_ s: Candidate.Support) -> String {
        var parts: [String] = []
        if let strength = s.funderTieStrength {
            var t = "a funder of the library (funder tie, strength \(formatNumber(strength)) of 4"
            if let note = s.funderTieNote { t += ": \(note)" }
            parts.append(t + ")")
        }
        if !s.funds.isEmpty { parts.append("puts money into \(s.funds.joined(separator: ", "))") }
        return funderPrefix + parts.joined(separator: "; ")
            + "; this rubric scores fit as a programme partner, not the value of its support"
    }

    /// How `funderNote` begins, so renderers can find it among the reasons.
    public static let funderPrefix = "support: "

    /// The capacity inputs an organization left empty, in words.
    func missingCapacityInputs(_ org: Organization) -> [String] {
        let p = rubric.parameters
        var out: [String] = []
        if org.staffFTE == nil && p.staffShare > 0 { out.append("staff") }
        if org.annualBudget == nil && p.budgetShare > 0 { out.append("annual budget") }
        if org.volunteers == nil && p.volunteersShare > 0 { out.append("volunteers") }
        if org.replyDays == nil && p.responsivenessShare > 0 { out.append("typical reply time") }
        return out
    }

    /// Every input that is unknown and carries rubric weight, in words ("annual budget").
    public func missingInputs(_ i: Int) -> [String] {
        let org = workspace.organizations[i]
        let tags = org.tags
        let lib = workspace.library
        let p = rubric.parameters
        var out: [String] = []
        if rubric.weight(.valueAlignment) > 0 {
            if libraryValueCount > 0 && p.valuesShare > 0 && !tags.isKnown(.values) { out.append("values") }
            if hasPriorityTopics && p.topicsShare > 0 && !tags.isKnown(.topics) { out.append("topics") }
            if !query.isEmpty && p.missionShare > 0 && org.mission == nil { out.append("mission") }
        }
        if rubric.weight(.sharedAudience) > 0 && !lib.audiences.isEmpty && !tags.isKnown(.audiences) {
            out.append("audiences")
        }
        if rubric.weight(.complementaryAssets) > 0 {
            if !lib.needs.isEmpty && !tags.isKnown(.offers) { out.append("what it offers") }
            if !lib.offers.isEmpty && !tags.isKnown(.needs) { out.append("what it needs") }
        }
        if rubric.weight(.capacity) > 0 { out += missingCapacityInputs(org) }
        if !lib.dealbreakers.isEmpty && !tags.isKnown(.flags) {
            out.append("whether its practices hit a dealbreaker")
        }
        if rubric.weight(.relationship) > 0, directTie[i] >= 0,
            workspace.ties[Int(directTie[i])].lastContact == nil
        {
            out.append("date of last contact")
        }
        return out
    }

    /// "trusted tie (partnered) between Ana Ruiz (Outreach librarian) and Lee Park (Director),
    /// last contact 2026-09-01 (89 days ago)": people by name and role, never by email or phone.
    public func describeTie(_ t: Tie, organization: String) -> String {
        // Words only: the strength's number and the tie's credit are in the JSON's `ties` and
        // behind `vet --explain`; the relationship dimension's own value is shown beside it.
        var s =
            "\(RelationshipsSchema.strengthWord(t.strength)) tie (\(t.kind)) between \(who(t.source)) and \(who(t.target))"
        if let last = t.lastContact {
            let days = asOf - last
            s += ", last contact \(last) (\(days >= 0 ? "\(days) days ago" : "in \(-days) days"))"
        } else {
            s += ", last contact not recorded, so it counts for less"
        }
        return s
    }

    /// A node by name, with a person's role and organization.
    func who(_ id: String) -> String {
        if let p = workspace.person(id) {
            var parts: [String] = []
            if let r = p.role { parts.append(r) }
            if let o = p.organization { parts.append(workspace.displayName(o)) }
            return parts.isEmpty ? p.name : "\(p.name) (\(parts.joined(separator: ", ")))"
        }
        return workspace.displayName(id)
    }
}
