import Dispatch
import Foundation

/// Rates every organization of a workspace against the library, under one rubric, as of one day.
///
/// Two phases, so that a million organizations cost little more than reading them:
/// 1. **Numbers only** (`evaluate`): each organization's five dimension values, what was known,
///    its score and flags, from interned tags looked up in dense per-tag tables, a precomputed
///    mission-word mask and a precomputed best tie. No strings are built and nothing is
///    allocated per organization. Run over chunks on all cores with
///    `DispatchQueue.concurrentPerform`, each chunk keeping its own bounded top-k heap.
/// 2. **Explanations** (`explain`): reasons, in words, only for the candidates that are shown.
///
/// - Complexity: building the engine is O(n · mission bytes + ties); `score(top: k)` is
///   O(n · tags per organization + n log k), then O(k · (tags + ties)) to explain.
public struct ScoringEngine: Sendable {
    public let workspace: Workspace
    public let rubric: Rubric
    public let asOf: Day
    /// Optional credit for an organization the library has no direct tie with: the strength
    /// (0–1, the product of normalised tie strengths) of the best warm path to it, supplied by
    /// the network engine. Counted at the rubric's `warm_path_factor`. Called from several
    /// threads at once and once per untied organization: it must be cheap and thread-safe.
    public var warmPathStrength: (@Sendable (_ organizationIndex: Int) -> Double?)?

    // MARK: Precomputed tables (dense, indexed by tag id, organization index or priority)

    /// Per tag id: bit 0 a library value, 1 a library need, 2 a library offer, 3 a dealbreaker.
    let tagBits: [UInt8]
    /// Per tag id: the library's weight for that audience (0 when not one of its audiences).
    let audienceWeight: [Double]
    /// Per tag id: the priorities (bit = priority index, first 64) whose topics include the tag.
    let topicPriorities: [UInt64]
    /// Priority weights, first 64.
    let priorityWeights: [Double]
    /// The priority weight that earns full credit (the heaviest `priorities_for_full_credit`).
    let priorityFullCredit: Double
    let audienceFullCredit: Double
    let libraryValueCount: Int
    let hasPriorityTopics: Bool

    public let query: MissionQuery
    /// Per query term: its smoothed IDF over the workspace's missions.
    public let idf: [Double]
    /// Per priority: the sum of its terms' IDF (the denominator of its text coverage).
    let priorityIDFTotal: [Double]
    /// Per organization: the query terms its mission contains.
    let missionMasks: [UInt64]
    /// Whether `missionMasks` was filled (only when the rubric weighs mission text): the
    /// explanations of a few candidates match their missions on demand otherwise.
    let missionsScanned: Bool

    /// Per organization: credit (0–1) of its strongest direct tie with the library, or -1.
    let directCredit: [Double]
    /// Per organization: index in `workspace.ties` of that tie, or -1.
    let directTie: [Int32]
    /// Organizations with a `funder` tie to the library (or its people): organization index →
    /// index in `workspace.ties` of the strongest such tie. Sparse: funders are few.
    let funderTie: [Int: Int]

    public init(
        workspace: Workspace, rubric: Rubric, asOf: Day,
        warmPathStrength: (@Sendable (Int) -> Double?)? = nil
    ) {
        self.init(
            workspace: workspace, rubric: rubric, asOf: asOf, warmPathStrength: warmPathStrength,
            missions: nil)
    }

    /// Which missions' words the IDF weights count: those of `workspace.organizations` (nil),
    /// or `missions`, counted over the whole file by the streaming path (`StreamingScore`),
    /// whose workspace holds only the rows it needs.
    init(
        workspace: Workspace, rubric: Rubric, asOf: Day, warmPathStrength: (@Sendable (Int) -> Double?)?,
        missions: MissionStatistics?
    ) {
        self.workspace = workspace
        self.rubric = rubric
        self.asOf = asOf
        self.warmPathStrength = warmPathStrength
        let lib = workspace.library
        let p = rubric.parameters

        var maxTag = workspace.tags.count
        for list in [lib.values, lib.needs, lib.offers, lib.dealbreakers] {
            maxTag = max(maxTag, Int(list.max() ?? 0) + 1)
        }
        for a in lib.audiences { maxTag = max(maxTag, Int(a.tag) + 1) }
        for pr in lib.priorities { maxTag = max(maxTag, Int(pr.topics.max() ?? 0) + 1) }
        var bits = [UInt8](repeating: 0, count: maxTag)
        for t in lib.values { bits[Int(t)] |= 1 }
        for t in lib.needs { bits[Int(t)] |= 2 }
        for t in lib.offers { bits[Int(t)] |= 4 }
        for t in lib.dealbreakers { bits[Int(t)] |= 8 }
        var aw = [Double](repeating: 0, count: maxTag)
        // Relative to the largest weight, so no sum of weights can overflow (issue 18).
        let audienceWeights = Weights.relative(lib.audiences.map(\.weight))
        for (a, w) in zip(lib.audiences, audienceWeights) { aw[Int(a.tag)] = w }
        var tp = [UInt64](repeating: 0, count: maxTag)
        let pcount = min(64, lib.priorities.count)
        for i in 0..<pcount {
            for t in lib.priorities[i].topics { tp[Int(t)] |= 1 << UInt64(i) }
        }
        tagBits = bits
        audienceWeight = aw
        topicPriorities = tp
        priorityWeights = Weights.relative(lib.priorities.prefix(64).map(\.weight))
        priorityFullCredit = Self.fullCredit(priorityWeights, p.prioritiesForFullCredit)
        audienceFullCredit = Self.fullCredit(audienceWeights, p.audiencesForFullCredit)
        libraryValueCount = lib.values.count
        hasPriorityTopics = lib.priorities.prefix(64).contains { !$0.topics.isEmpty }

        let q = MissionQuery(library: lib, tags: workspace.tags)
        query = q
        let orgs = workspace.organizations
        let n = orgs.count
        let termIDF: [Double]
        if Self.scansMissions(q, rubric) {
            var (masks, df, documents) = Self.scanMissions(orgs, q)
            if let missions { (df, documents) = (missions.df, missions.documents) }
            missionMasks = masks
            missionsScanned = true
            termIDF = df.prefix(q.terms.count).map { MissionQuery.idf(documents: documents, frequency: $0) }
        } else {
            missionMasks = [UInt64](repeating: 0, count: n)
            missionsScanned = false
            termIDF = q.terms.map { _ in 1 }
        }
        idf = termIDF
        priorityIDFTotal = q.priorityMasks.map { m in Self.sum(termIDF, over: m) }

        let ties = Self.directTies(workspace, asOf: asOf, parameters: p)
        directCredit = ties.credit
        directTie = ties.tie
        funderTie = ties.funders
    }

    /// The weight of the `k` heaviest entries (a fractional `k` takes part of the next one);
    /// at least the smallest positive weight, so a full-credit divisor is never zero.
    static func fullCredit(_ weights: [Double], _ k: Double) -> Double {
        let sorted = weights.filter { $0 > 0 }.sorted(by: >)
        guard !sorted.isEmpty else { return 1 }
        var total = 0.0
        var left = k
        for w in sorted where left > 0 {
            total += w * min(1, left)
            left -= 1
        }
        return max(total, sorted.last ?? 1)
    }

    @inline(__always)
    static func sum(_ values: [Double], over mask: UInt64) -> Double {
        var m = mask
        var s = 0.0
        while m != 0 {
            let b = m.trailingZeroBitCount
            if b < values.count { s += values[b] }
            m &= m - 1
        }
        return s
    }

    /// Chunks for the parallel passes: a few per core so that uneven chunks even out.
    static func chunks(_ n: Int) -> [Range<Int>] {
        guard n > 0 else { return [] }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let count = max(1, min(cores * 4, n / 2048))
        let size = (n + count - 1) / count
        return stride(from: 0, to: n, by: size).map { $0..<min(n, $0 + size) }
    }

    /// Pass 1: which query words each mission contains, and in how many missions each occurs.
    ///
    /// - Complexity: O(total mission bytes), parallel over chunks.
    static func scanMissions(_ orgs: [Organization], _ q: MissionQuery) -> (
        masks: [UInt64], df: [Int], documents: Int
    ) {
        let n = orgs.count
        let parts = chunks(n)
        var masks = [UInt64](repeating: 0, count: n)
        let counts: [[Int]] = masks.withUnsafeMutableBufferPointer { mbuf in
            let out = DisjointWrites(base: mbuf)
            return parallelMap(parts) { range in
                // local[t]: missions containing term t; local[64]: missions at all.
                var local = [Int](repeating: 0, count: 65)
                for i in range {
                    guard var text = orgs[i].mission else { continue }
                    local[64] += 1
                    let m = text.withUTF8 { q.matches($0) }
                    out.write(i, m)
                    var rest = m
                    while rest != 0 {
                        local[rest.trailingZeroBitCount] += 1
                        rest &= rest - 1
                    }
                }
                return local
            }
        }
        var df = [Int](repeating: 0, count: 65)
        for local in counts {
            for t in 0..<65 { df[t] += local[t] }
        }
        return (masks, Array(df.prefix(64)), df[64])
    }

    /// Which side of the library/organization divide a graph node sits on.
    enum Side {
        case library
        case organization(Int)
        case none
    }

    static func side(_ id: String, _ w: Workspace) -> Side {
        if w.isLibrary(id) { return .library }
        if let o = w.organizationIndex[id] { return .organization(o) }
        if let p = w.person(id), let org = p.organization {
            if w.isLibrary(org) { return .library }
            if let o = w.organizationIndex[org] { return .organization(o) }
        }
        return .none
    }

    /// A tie's credit: strength on the 1–4 convention divided by 4, halved every
    /// `recency_half_life_days` since last contact (undated: `undated_tie_factor`).
    static func tieCredit(_ t: Tie, asOf: Day, _ p: Rubric.Parameters) -> Double {
        let s = min(4, max(0, t.strength)) / 4
        guard let last = t.lastContact else { return s * p.undatedTieFactor }
        let days = Double(max(0, asOf - last))
        return s * exp2(-days / p.recencyHalfLifeDays)
    }

    /// The strongest direct tie between the library (or its people) and each organization (or
    /// its people). - Complexity: O(ties).
    static func directTies(_ w: Workspace, asOf: Day, parameters p: Rubric.Parameters) -> (
        credit: [Double], tie: [Int32], funders: [Int: Int]
    ) {
        var credit = [Double](repeating: -1, count: w.organizations.count)
        var tie = [Int32](repeating: -1, count: w.organizations.count)
        var funders: [Int: Int] = [:]
        for (k, t) in w.ties.enumerated() {
            let o: Int
            switch (side(t.source, w), side(t.target, w)) {
            case (.library, .organization(let x)), (.organization(let x), .library): o = x
            default: continue
            }
            let c = tieCredit(t, asOf: asOf, p)
            if c > credit[o] {
                credit[o] = c
                tie[o] = Int32(k)
            }
            if Tag.normalize(t.kind) == "funder", funders[o].map({ w.ties[$0].strength < t.strength }) ?? true
            {
                funders[o] = k
            }
        }
        return (credit, tie, funders)
    }

    // MARK: Phase 1: numbers

    /// The share of confidence that rests on the organization's practices having been checked
    /// against the library's dealbreakers (when the library lists any).
    public static let practicesShare = 0.1

    public struct Evaluation: Sendable, Equatable {
        /// Dimension values by `Dimension.index` (lanes 5–7 unused).
        public var values = SIMD8<Double>(repeating: 0)
        /// The known share of each dimension's inputs.
        public var known = SIMD8<Double>(repeating: 0)
        public var score = 0.0
        public var confidence = 0.0
        public var dealbreaker = false
        public var oneWay = false
        /// Bit `Dimension.index` set when under the rubric's minimum.
        public var belowMinimum: UInt8 = 0
        /// Relationship credit came from a warm path, not a direct tie.
        public var viaWarmPath = false
        /// The value-alignment total (share-weighted, not yet divided by the shares) before the
        /// mission term is added: with the mission mask and `hasMission`, it fixes `values[0]`
        /// whatever the mission IDF (the streaming path's candidates, `StreamingScore.ScoreKey`).
        var alignmentBeforeMission = 0.0
    }

    /// Whether the rubric weighs mission words, so that every mission is scanned for IDF.
    static func scansMissions(_ q: MissionQuery, _ rubric: Rubric) -> Bool {
        !q.isEmpty && rubric.parameters.missionShare > 0 && rubric.weight(.valueAlignment) > 0
    }

    /// - Complexity: O(tags of the organization + priorities), no allocation.
    public func evaluate(_ i: Int) -> Evaluation {
        let org = workspace.organizations[i]
        return evaluate(
            tags: org.tags, hasMission: org.mission != nil, missionMask: missionMasks[i],
            staffFTE: org.staffFTE,
            annualBudget: org.annualBudget, volunteers: org.volunteers, replyDays: org.replyDays, index: i)
    }

    /// `evaluate(i)` from an organization's parts: the one scoring formula, shared with the
    /// streaming path, which scores rows straight from their bytes. `index` nil: an
    /// organization with no tie at all (no direct tie, no warm path).
    func evaluate(
        tags: TagLists, hasMission: Bool, missionMask: UInt64, staffFTE: Double?, annualBudget: Double?,
        volunteers: Double?, replyDays: Double?, index: Int?
    ) -> Evaluation {
        let p = rubric.parameters
        let unknown = p.unknownValue
        var e = Evaluation()

        // value_alignment: shared values, topics against priorities, mission words.
        do {
            var total = 0.0, shares = 0.0, known = 0.0
            if libraryValueCount > 0, p.valuesShare > 0 {
                shares += p.valuesShare
                if tags.isKnown(.values) {
                    var n = 0
                    for t in tags[.values] where Int(t) < tagBits.count && tagBits[Int(t)] & 1 != 0 { n += 1 }
                    total +=
                        p.valuesShare
                        * min(1, Double(n) / min(p.valuesForFullCredit, Double(libraryValueCount)))
                    known += p.valuesShare
                } else {
                    total += p.valuesShare * unknown
                }
            }
            if hasPriorityTopics, p.topicsShare > 0 {
                shares += p.topicsShare
                if tags.isKnown(.topics) {
                    var mask: UInt64 = 0
                    for t in tags[.topics] where Int(t) < topicPriorities.count {
                        mask |= topicPriorities[Int(t)]
                    }
                    total +=
                        p.topicsShare * min(1, Self.sum(priorityWeights, over: mask) / priorityFullCredit)
                    known += p.topicsShare
                } else {
                    total += p.topicsShare * unknown
                }
            }
            e.alignmentBeforeMission = total
            if !query.isEmpty, p.missionShare > 0 {
                shares += p.missionShare
                if hasMission {
                    total += p.missionShare * missionCoverage(missionMask)
                    known += p.missionShare
                } else {
                    total += p.missionShare * unknown
                }
            }
            e.values[0] = shares > 0 ? total / shares : unknown
            e.known[0] = shares > 0 ? known / shares : 0
        }

        // shared_audience: the library's audience weight it also serves.
        if audienceFullCredit > 0, !workspace.library.audiences.isEmpty {
            if tags.isKnown(.audiences) {
                var w = 0.0
                for t in tags[.audiences] where Int(t) < audienceWeight.count { w += audienceWeight[Int(t)] }
                e.values[1] = min(1, w / audienceFullCredit)
                e.known[1] = 1
            } else {
                e.values[1] = unknown
            }
        } else {
            e.values[1] = unknown
        }

        // complementary_assets: each direction n / (n + h); the mean over both directions, so
        // that a two-way match always beats a one-way one.
        do {
            var total = 0.0, directions = 0.0, known = 0.0
            var forward = -1, backward = -1
            if !workspace.library.needs.isEmpty {
                directions += 1
                if tags.isKnown(.offers) {
                    var n = 0
                    for t in tags[.offers] where Int(t) < tagBits.count && tagBits[Int(t)] & 2 != 0 { n += 1 }
                    total += Double(n) / (Double(n) + p.assetHalfSaturation)
                    known += 1
                    forward = n
                } else {
                    total += unknown
                }
            }
            if !workspace.library.offers.isEmpty {
                directions += 1
                if tags.isKnown(.needs) {
                    var n = 0
                    for t in tags[.needs] where Int(t) < tagBits.count && tagBits[Int(t)] & 4 != 0 { n += 1 }
                    total += Double(n) / (Double(n) + p.assetHalfSaturation)
                    known += 1
                    backward = n
                } else {
                    total += unknown
                }
            }
            e.values[2] = directions > 0 ? total / directions : unknown
            e.known[2] = directions > 0 ? known / directions : 0
            e.oneWay = forward >= 0 && backward >= 0 && (forward > 0) != (backward > 0)
        }

        // capacity: saturating curves x / (x + half), responsiveness halving every half-life.
        do {
            var total = 0.0, shares = 0.0, known = 0.0
            func part(_ share: Double, _ value: Double?) {
                guard share > 0 else { return }
                shares += share
                if let value {
                    total += share * value
                    known += share
                }
            }
            part(p.staffShare, staffFTE.map { $0 / ($0 + p.staffHalfSaturation) })
            part(p.budgetShare, annualBudget.map { $0 / ($0 + p.budgetHalfSaturation) })
            part(p.volunteersShare, volunteers.map { $0 / ($0 + p.volunteersHalfSaturation) })
            part(p.responsivenessShare, replyDays.map { exp2(-max(0, $0) / p.replyDaysHalfLife) })
            // Capacity is one quantity seen through several inputs: when some are known, the
            // unknown ones are read from the known evidence (a 700-staff employer with no
            // budget on file is not weak), and only the confidence drops. With nothing known
            // it is the rubric's unknown value.
            e.values[3] = known > 0 ? min(1, max(0, total / known)) : unknown
            e.known[3] = shares > 0 ? known / shares : 0
        }

        // relationship: the strongest direct tie, else a discounted warm path, else none.
        let direct = index.map { directCredit[$0] } ?? -1
        if let i = index, direct >= 0 {
            e.values[4] = direct
            let undated = directTie[i] >= 0 && workspace.ties[Int(directTie[i])].lastContact == nil
            e.known[4] = undated ? 0.5 : 1
        } else if let i = index, let warm = warmPathStrength?(i), warm > 0 {
            e.values[4] = min(1, warm) * p.warmPathFactor
            e.known[4] = 1
            e.viaWarmPath = true
        } else {
            e.values[4] = 0
            e.known[4] = 1
        }

        if workspace.library.dealbreakers.count > 0 {
            for t in tags[.flags] where Int(t) < tagBits.count && tagBits[Int(t)] & 8 != 0 {
                e.dealbreaker = true
                break
            }
        }
        var score = 0.0, confidence = 0.0
        for d in 0..<5 {
            let w = rubric.weights[d]
            score += w * e.values[d]
            confidence += w * e.known[d]
        }
        e.score = min(100, max(0, score * 100))
        // Whether its practices were checked against the library's dealbreakers is part of
        // what is known: an empty `flags` cell is "not checked" (`none` is "checked, clean").
        if workspace.library.dealbreakers.count > 0 {
            let share = Self.practicesShare
            confidence = confidence * (1 - share) + (tags.isKnown(.flags) ? share : 0)
        }
        e.confidence = min(1, max(0, confidence))
        for (d, minimum) in rubric.minimums where e.values[d.index] < minimum {
            e.belowMinimum |= 1 << UInt8(d.index)
        }
        return e
    }

    /// How well a mission's words cover the priorities: per priority, the IDF-weighted share of
    /// its words present; then weighted by priority and saturated like the topics.
    @inline(__always)
    func missionCoverage(_ mask: UInt64) -> Double {
        guard mask != 0 else { return 0 }
        var total = 0.0
        for (k, pm) in query.priorityMasks.prefix(64).enumerated() where pm & mask != 0 {
            let denom = priorityIDFTotal[k]
            guard denom > 0 else { continue }
            total += priorityWeights[k] * Self.sum(idf, over: pm & mask) / denom
        }
        return min(1, total / priorityFullCredit)
    }

    /// The most the mission term can add to a score: `100 × weight(value_alignment) ×
    /// mission_share / shares`, where `shares` is the sum of the value-alignment shares that
    /// `evaluate` counts (values, topics, mission). A mission's coverage is in 0…1, so its term
    /// adds `mission_share × coverage` to the alignment total, `… / shares` to `values[0]`, and
    /// `100 × weight × …` to the score (before the clamp, which only narrows the change).
    var missionSwing: Double {
        let p = rubric.parameters
        guard !query.isEmpty, p.missionShare > 0 else { return 0 }
        var shares = 0.0
        if libraryValueCount > 0, p.valuesShare > 0 { shares += p.valuesShare }
        if hasPriorityTopics, p.topicsShare > 0 { shares += p.topicsShare }
        shares += p.missionShare
        return 100 * max(0, rubric.weight(.valueAlignment)) * p.missionShare / shares
    }

    /// An upper bound of `missionCoverage(mask)` under any IDF weights: each priority's
    /// IDF-weighted share of its words present is at most 1 (the IDF is positive,
    /// `MissionQuery.idf` ≥ 1), so the coverage is at most the saturated weight of the
    /// priorities the mask touches. 0 when the mask is empty (then the coverage is exactly 0).
    func missionCoverageBound(_ mask: UInt64) -> Double {
        guard mask != 0 else { return 0 }
        var total = 0.0
        for (k, pm) in query.priorityMasks.prefix(64).enumerated() where pm & mask != 0 {
            total += priorityWeights[k]
        }
        return min(1, total / priorityFullCredit)
    }

    // MARK: Ranking

    struct Ranked {
        var index: Int32
        var score: Double
        var dealbreaker: Bool
    }

    func before(_ a: Ranked, _ b: Ranked) -> Bool {
        if a.dealbreaker != b.dealbreaker { return !a.dealbreaker }
        if a.score != b.score { return a.score > b.score }
        return workspace.organizations[Int(a.index)].id < workspace.organizations[Int(b.index)].id
    }

    /// The indices of the best `top` organizations (all when nil), ranked: no dealbreaker
    /// first, then score descending, then id.
    ///
    /// - Complexity: O(n · tags / cores + n log k).
    public func rank(top: Int? = nil) -> [Int] {
        let n = workspace.organizations.count
        let k = min(n, top ?? n)
        guard k > 0 else { return [] }
        let results = parallelMap(Self.chunks(n)) { range in
            var heap = TopK<Ranked>(k, by: before)
            for i in range {
                let e = evaluate(i)
                heap.insert(Ranked(index: Int32(i), score: e.score, dealbreaker: e.dealbreaker))
            }
            return heap.sorted()
        }
        var merged = TopK<Ranked>(k, by: before)
        for r in results {
            for x in r { merged.insert(x) }
        }
        return merged.sorted().map { Int($0.index) }
    }

    /// Scores the workspace: the best `top` candidates (all when nil), explained.
    public func score(top: Int? = nil) -> Scorecard {
        let ranked = rank(top: top)
        return Scorecard(
            rubric: rubric.name, asOf: asOf, considered: workspace.organizations.count,
            candidates: ranked.map { explain($0) })
    }

    /// The candidate for one organization id, or nil when there is none.
    public func candidate(_ id: String) -> Candidate? {
        workspace.organizationIndex[id].map { explain($0) }
    }
}

extension ScoringEngine {
    /// The query words organization `i`'s mission contains: the precomputed mask, or matched
    /// now when the rubric did not need every mission scanned.
    func missionMask(_ i: Int) -> UInt64 {
        if missionsScanned { return missionMasks[i] }
        return workspace.organizations[i].mission.map { query.matches($0) } ?? 0
    }
}
