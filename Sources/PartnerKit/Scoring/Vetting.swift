/// One organization examined in depth for a grant partnership: its scorecard with a
/// Wilder-style band per dimension, its ties with the library, and a readiness checklist.
public struct Vetting: Sendable, Equatable {
    /// One item of the grant-readiness checklist (`{ "check", "ok", "detail" }`).
    public struct Check: Sendable, Equatable {
        /// Which check; the raw value is the JSON's `check` (CONTRACT.md).
        public enum Code: String, Sendable, Hashable, CaseIterable {
            case minimumsMet = "minimums_met"
            case existingRelationship = "existing_relationship"
            case sharedPriority = "shared_priority"
            case mutualBenefit = "mutual_benefit"
            case dataComplete = "data_complete"
            case noDealbreaker = "no_dealbreaker"
        }

        public var check: Code
        public var ok: Bool
        public var detail: String
        public init(check: Code, ok: Bool, detail: String) {
            self.check = check
            self.ok = ok
            self.detail = detail
        }
    }

    /// A tie between the library's side and the organization's side. People appear by name and
    /// role only: never email or phone.
    public struct TieDetail: Sendable, Equatable {
        public var from: String
        public var fromName: String
        public var to: String
        public var toName: String
        public var kind: String
        public var strength: Double
        public var lastContact: Day?
        /// Days since last contact as of the vetting date.
        public var daysSince: Int?
        /// The tie's credit after the recency discount.
        public var credit: Double
        public var description: String
    }

    public var candidate: Candidate
    /// Per dimension (in `Dimension.allCases` order): strength, borderline or concern.
    public var bands: [Rubric.Band]
    public var ties: [TieDetail]
    public var readiness: [Check]
    /// The inputs still missing, in words, for "ask for: …".
    public var missing: [String]
    /// The most trusted chains from the library to the organization, as data (Render shows them
    /// as the contract's `path` object and in words), filled by `vetWithWarmPaths`; nil when not
    /// computed or when nobody reaches it.
    public var warmPaths: WarmRoutes?
    /// When there is no direct tie: the people or organizations the best warm path goes through.
    public var warmPathVia: [String] = []

    public var ready: Bool { readiness.allSatisfy(\.ok) }
}

extension ScoringEngine {
    /// Vets one organization by id; nil when the workspace has no such organization.
    ///
    /// - Complexity: O(ties + tags of the organization).
    public func vet(_ id: String) -> Vetting? {
        guard let i = workspace.organizationIndex[id] else { return nil }
        let c = explain(i)
        let org = workspace.organizations[i]
        let lib = workspace.library
        let p = rubric.parameters

        var ties: [Vetting.TieDetail] = []
        for t in workspace.ties {
            let (a, b) = (Self.side(t.source, workspace), Self.side(t.target, workspace))
            let libFirst: Bool
            switch (a, b) {
            case (.library, .organization(let x)) where x == i: libFirst = true
            case (.organization(let x), .library) where x == i: libFirst = false
            default: continue
            }
            let from = libFirst ? t.source : t.target, to = libFirst ? t.target : t.source
            ties.append(
                Vetting.TieDetail(
                    from: from, fromName: who(from), to: to, toName: who(to), kind: t.kind,
                    strength: t.strength,
                    lastContact: t.lastContact, daysSince: t.lastContact.map { asOf - $0 },
                    credit: Self.tieCredit(t, asOf: asOf, p),
                    description: describeTie(t, organization: org.id)))
        }
        ties.sort { $0.credit != $1.credit ? $0.credit > $1.credit : ($0.from, $0.to) < ($1.from, $1.to) }

        var checks: [Vetting.Check] = []
        let below = Dimension.allCases.filter { d in
            rubric.minimums[d].map { c.dimension(d).value < $0 } ?? false
        }
        // A dimension with nothing recorded is unknown, not weak: it lowers the confidence.
        let bands = c.dimensions.map { $0.known == 0 ? Rubric.Band.unknown : rubric.band($0.value) }
        // Bands and minimums tell one story: meeting the minimums does not hide a weak band.
        let weak = Dimension.allCases.filter {
            rubric.weight($0) > 0 && bands[$0.index] == .concern && !below.contains($0)
        }
        let weakList = weak.map {
            "\($0.label.lowercased()) (\(formatNumber(c.dimension($0).value, maxFractionDigits: 2)) of 1)"
        }
        let weakNote =
            weak.isEmpty
            ? ""
            : ", but \(weak.count == 1 ? "one dimension is" : "\(weak.count) dimensions are") weak: \(joinAnd(weakList))"
        if rubric.minimums.isEmpty {
            checks.append(
                .init(
                    check: .minimumsMet, ok: true,
                    detail: "the rubric \(rubric.name) sets no minimums\(weakNote)"))
        } else if below.isEmpty {
            checks.append(
                .init(
                    check: .minimumsMet, ok: true,
                    detail: "meets the \(rubric.name) rubric's minimum on every dimension\(weakNote)"))
        } else {
            let list = below.map {
                "\($0.label.lowercased()) \(formatNumber(c.dimension($0).value, maxFractionDigits: 2)) of 1, under the minimum of \(formatNumber(rubric.minimums[$0] ?? 0))"
            }
            checks.append(
                .init(
                    check: .minimumsMet, ok: false,
                    detail:
                        "below the minimum: \(list.joined(separator: "; "))\(weak.isEmpty ? "" : "; also weak: \(joinAnd(weakList))")"
                ))
        }

        if let best = ties.first {
            let quiet = (best.daysSince ?? 0) > Int(p.recencyHalfLifeDays / 2)
            let note =
                !quiet
                ? ""
                : best.strength >= 3
                    ? " — a strong tie gone quiet: get back in touch before asking"
                    : " — not in touch for a while: reconnect before asking"
            checks.append(.init(check: .existingRelationship, ok: true, detail: best.description + note))
        } else {
            // `vetWithWarmPaths` rewrites this when a warm path exists.
            checks.append(
                .init(
                    check: .existingRelationship, ok: false,
                    detail:
                        "no direct tie between the library (or its people) and \(org.name) (or its people): look for a warm path or an introduction"
                ))
        }

        var served: [String] = []
        for pr in lib.priorities where !sortedIntersection(org.tags[.topics], pr.topics).isEmpty {
            served.append(pr.label)
        }
        if !query.priorityMasks.isEmpty {
            let mask = missionMask(i)
            for (k, pm) in query.priorityMasks.prefix(64).enumerated()
            where pm & mask != 0 && !served.contains(lib.priorities[k].label) {
                served.append(lib.priorities[k].label)
            }
        }
        checks.append(
            served.isEmpty
                ? .init(
                    check: .sharedPriority, ok: false,
                    detail: org.tags.isKnown(.topics) || org.mission != nil
                        ? "its topics and mission serve none of the library's priorities"
                        : "unknown: its topics and mission are not recorded")
                : .init(
                    check: .sharedPriority, ok: true, detail: "serves \(served.joined(separator: "; "))"))

        let give = sortedIntersection(org.tags[.offers], lib.needs)
        let take = sortedIntersection(org.tags[.needs], lib.offers)
        func names(_ ids: [UInt32]) -> String {
            ids.map { workspace.label($0, .assets) }.joined(separator: ", ")
        }
        if !give.isEmpty && !take.isEmpty {
            checks.append(
                .init(
                    check: .mutualBenefit, ok: true,
                    detail: "it offers \(names(give)); the library offers \(names(take))"))
        } else if !give.isEmpty || !take.isEmpty {
            // One direction matched; the other may be a real "no" or simply not recorded.
            let otherKnown = !give.isEmpty ? org.tags.isKnown(.needs) : org.tags.isKnown(.offers)
            let detail: String
            if !give.isEmpty {
                detail =
                    otherKnown
                    ? "one-way: it offers \(names(give)) but needs nothing the library offers — find what the library can give"
                    : "it offers \(names(give)); what it needs is not recorded — ask what the library could give"
            } else {
                detail =
                    otherKnown
                    ? "one-way: it needs \(names(take)) but offers nothing the library needs — find what it can give"
                    : "it needs \(names(take)); what it offers is not recorded — ask what it could bring"
            }
            checks.append(.init(check: .mutualBenefit, ok: false, detail: detail))
        } else {
            checks.append(
                .init(
                    check: .mutualBenefit, ok: false,
                    detail: org.tags.isKnown(.offers) || org.tags.isKnown(.needs)
                        ? "no recorded offer or need matches the library's"
                        : "unknown: what it offers and needs is not recorded"))
        }

        let missing = missingInputs(i)
        checks.append(
            missing.isEmpty
                ? .init(check: .dataComplete, ok: true, detail: "every input the rubric uses is recorded")
                : .init(
                    check: .dataComplete, ok: false,
                    detail:
                        "not recorded: \(missing.joined(separator: ", ")) (confidence \(percent(c.confidence)))"
                ))

        if c.hasDealbreaker {
            let tags = c.flags.filter { $0.hasPrefix("dealbreaker:") }.map {
                String($0.dropFirst("dealbreaker:".count))
            }
            checks.insert(
                .init(
                    check: .noDealbreaker, ok: false,
                    detail:
                        "its practices hit the library's dealbreakers: \(joinAnd(tags.map { midSentence(workspace.vocabulary.label(of: $0, in: .flags) ?? $0.replacingHyphensWithSpaces) }))"
                ),
                at: 0)
        } else {
            checks.insert(
                .init(
                    check: .noDealbreaker, ok: lib.dealbreakers.isEmpty || org.tags.isKnown(.flags),
                    detail: lib.dealbreakers.isEmpty
                        ? "the library lists no dealbreakers"
                        : org.tags.isKnown(.flags)
                            ? (org.tags[.flags].isEmpty
                                ? "its practices were checked: none of the library's dealbreakers"
                                : "its recorded practices include none of the library's dealbreakers")
                            : "not checked yet: its practices are not recorded, so the library's dealbreakers could not be checked (once checked and clean, write none in its flags cell)"
                ),
                at: 0)
        }

        return Vetting(
            candidate: c, bands: bands, ties: ties, readiness: checks,
            missing: missing,
            warmPaths: nil)
    }
}
