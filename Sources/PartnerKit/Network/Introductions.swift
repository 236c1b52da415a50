import Foundation

/// A suggested introduction: two organizations not yet tied, both known to the library or to
/// someone the library trusts.
public struct Introduction: Sendable, Hashable {
    /// Organization ids, `a < b`.
    public var a: String
    public var b: String
    /// fit × proximity × trust.
    public var score: Double
    public var fit: Double
    /// Resource allocation index of the pair on the organization-level graph.
    public var proximity: Double
    /// Adamic–Adar index (the tie-breaker).
    public var adamicAdar: Double
    /// The best broker's trust: product of normalised strengths of its ties to a and b (and of
    /// the library's tie to it, unless it is the library).
    public var trust: Double
    /// Who can make the introduction, most trusted first (the library's id first when it can).
    public var via: [String]
    public var reasons: [String]
}

/// Settings of the introduction engine.
public struct IntroductionOptions: Sendable, Hashable {
    /// How many to return.
    public var top: Int = 10
    /// Only pairs involving this organization (or the organization of this person).
    public var forID: String?
    /// A tie this strong from the library makes its other end a trusted broker (3 = trusted).
    public var trustedStrength: Double = 3
    /// Strength counted as full trust (normalisation).
    public var fullStrength: Double = 4
    public init(top: Int = 10, forID: String? = nil) {
        self.top = top
        self.forID = forID
    }
}

/// A candidate pair while the introductions are being ranked.
struct Scored: Sendable {
    var u: Int
    var v: Int
    var score: Double
    var aa: Double
    var fit: Double
    var ra: Double
    var trust: Double

    /// Best first: score, then Adamic–Adar, then the ids' ranks (deterministic).
    static func precedes(_ g: RelationshipGraph) -> (Scored, Scored) -> Bool {
        { x, y in
            if x.score != y.score { return x.score > y.score }
            if x.aa != y.aa { return x.aa > y.aa }
            // The pair's first and last id in id order, compared first with first, then last.
            let (xa, xb) = g.idPrecedes(x.u, x.v) ? (x.u, x.v) : (x.v, x.u)
            let (ya, yb) = g.idPrecedes(y.u, y.v) ? (y.u, y.v) : (y.v, y.u)
            if xa != ya { return g.idPrecedes(xa, ya) }
            return g.idPrecedes(xb, yb)
        }
    }
}

public enum Introductions {
    /// Suggests introductions: pairs of organizations (i) not tied — at the organization level,
    /// counting the ties of their people — (ii) neither of them the library, (iii) with at
    /// least one common neighbour who is the library or someone the library trusts
    /// (tie strength ≥ `trustedStrength`).
    ///
    /// Score = fit (`PairFit`) × proximity × trust of the best broker's ties. Proximity is the
    /// resource allocation index (the strongest classic local predictor in Lü & Zhou 2011,
    /// "Link prediction in complex networks: a survey", Physica A 390), saturated as
    /// RA / (RA + 1/k_library): resource allocation divides each common neighbour's credit by
    /// its degree, and the library is a hub by design ("the table"), so raw RA would bury
    /// exactly the introductions only the library can make. Saturated, a pair known only
    /// through the library gets proximity ½ and more shared neighbours raise it towards 1;
    /// fit and trust decide the rest. Ties broken by Adamic–Adar, then ids.
    ///
    /// Runs on the organization-level graph (each person folded into their organization) with
    /// a dense scratch accumulator over each organization's two-hop neighbourhood.
    ///
    /// - Complexity: O(Σ_w k(w)² + P·t + P log top), P the candidate pairs, t tags per pair.
    public static func suggest(_ w: Workspace, options o: IntroductionOptions = IntroductionOptions())
        -> [Introduction]
    {
        let g = RelationshipGraph(workspace: w, mergePeople: true)
        let n = g.nodeCount
        let lib = 0
        let full = o.fullStrength
        /// A tie's strength as a share of full trust, in 0…1.
        @Sendable func ns(_ s: Double) -> Double { Swift.min(1, Swift.max(0, s / full)) }

        // Brokers: the library, and everyone the library's tie marks as trusted.
        var brokerFactor = [Double](repeating: 0, count: n)
        brokerFactor[lib] = 1
        for p in g.offsets[lib]..<g.offsets[lib + 1] {
            let c = Int(g.neighborStorage[p])
            let s = g.weight(slot: p)
            if s >= o.trustedStrength { brokerFactor[c] = ns(s) }
        }
        var tagsOf = [TagLists?](repeating: nil, count: n)
        for org in w.organizations {
            if let v = g.node(org.id), g.kinds[v] == .organization { tagsOf[v] = org.tags }
        }

        var sources: [Int]
        var restrictTo: Int?
        if let f = o.forID {
            guard let v = g.node(f), g.kinds[v] == .organization else { return [] }
            sources = [v]
            restrictTo = v
        } else {
            sources = (0..<n).filter { g.kinds[$0] == .organization }
        }

        let rho = 1 / Double(Swift.max(1, g.degree(lib)))
        // The two-hop walks are independent per source organization: split them over the
        // cores, interleaved (hubs have low ids in real and generated graphs alike, so
        // contiguous ranges would leave one core with all the work), each with its own
        // scratch arrays and bounded heap; the heaps merge in a fixed order.
        let parts = Swift.max(1, Swift.min(sources.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let sourceList = sources, tagLists = tagsOf, brokerTrust = brokerFactor, onlyFor = restrictTo

        let partial: [[Scored]] = parallelMap((0..<parts).map { $0..<($0 + 1) }) { part in
            var heap = TopK<Scored>(capacity: o.top, isBetter: Scored.precedes(g))
            var ra = [Double](repeating: 0, count: n)
            var aa = [Double](repeating: 0, count: n)
            var trust = [Double](repeating: 0, count: n)
            var mark = [Bool](repeating: false, count: n)  // tied to u (or u itself)
            var seen = [Bool](repeating: false, count: n)
            var touched: [Int] = []
            for u in stride(from: part.lowerBound, to: sourceList.count, by: parts).map({ sourceList[$0] }) {
                guard let tu = tagLists[u] else { continue }
                mark[u] = true
                for x in g.neighbors(u) { mark[Int(x)] = true }
                for p in g.offsets[u]..<g.offsets[u + 1] {
                    let c = Int(g.neighborStorage[p])
                    let k = Double(g.degree(c))
                    let bf = brokerTrust[c]
                    let su = g.weight(slot: p)
                    for q in g.offsets[c]..<g.offsets[c + 1] {
                        let v = Int(g.neighborStorage[q])
                        if mark[v] || g.kinds[v] != .organization { continue }
                        if onlyFor == nil && v < u { continue }
                        if !seen[v] {
                            seen[v] = true
                            touched.append(v)
                        }
                        ra[v] += 1 / k
                        aa[v] += 1 / log(k)
                        if bf > 0 {
                            trust[v] = Swift.max(
                                trust[v], bf * ns(su) * ns(g.weight(slot: q)))
                        }
                    }
                }
                for v in touched {
                    if trust[v] > 0, let tv = tagLists[v] {
                        let fit = PairFit.quickScore(tu, tv)
                        if fit.hasPurpose && fit.score > 0 {
                            heap.insert(
                                Scored(
                                    u: u, v: v, score: fit.score * (ra[v] / (ra[v] + rho)) * trust[v],
                                    aa: aa[v],
                                    fit: fit.score, ra: ra[v], trust: trust[v]))
                        }
                    }
                    ra[v] = 0
                    aa[v] = 0
                    trust[v] = 0
                    seen[v] = false
                }
                touched.removeAll(keepingCapacity: true)
                mark[u] = false
                for x in g.neighbors(u) { mark[Int(x)] = false }
            }
            return heap.sortedBestFirst()
        }
        var heap = TopK<Scored>(capacity: o.top, isBetter: Scored.precedes(g))
        for list in partial { for x in list { heap.insert(x) } }

        return heap.sortedBestFirst().map { s in
            let (a, b) = g.idPrecedes(s.u, s.v) ? (s.u, s.v) : (s.v, s.u)
            // Brokers of this pair, most trusted first.
            var brokers: [(id: Int, trust: Double, sa: Double, sb: Double)] = []
            for c32 in g.neighbors(a) {
                let c = Int(c32)
                guard brokerFactor[c] > 0, let sb = g.edge(c, b)?.strength, let sa = g.edge(c, a)?.strength
                else { continue }
                brokers.append((c, brokerFactor[c] * ns(sa) * ns(sb), sa, sb))
            }
            brokers.sort { $0.trust != $1.trust ? $0.trust > $1.trust : g.idPrecedes($0.id, $1.id) }
            let fit = tagsOf[a].flatMap { ta in tagsOf[b].map { PairFit(ta, $0) } }
            var reasons = fit.map { explain($0, a: g.ids[a], b: g.ids[b], w) } ?? []
            if let best = brokers.first {
                let pair = "(\(strengthText(best.sa)), \(strengthText(best.sb)))"
                if best.id == lib {
                    let well = Swift.min(best.sa, best.sb) >= o.trustedStrength ? " well" : ""
                    reasons.append("you know both\(well) \(pair)")
                } else {
                    let libTie = g.strength(lib, best.id)
                    reasons.append(
                        "\(w.displayName(g.ids[best.id])), whom you trust (\(strengthText(libTie))), knows both \(pair)"
                    )
                }
            }
            return Introduction(
                a: g.ids[a], b: g.ids[b], score: s.score, fit: s.fit, proximity: s.ra, adamicAdar: s.aa,
                trust: s.trust,
                via: brokers.map { g.ids[$0.id] }, reasons: reasons)
        }
    }

    /// A strength as a person writes it in a reason: `4`, `2.5` (renderers use `formatNumber`).
    static func strengthText(_ s: Double) -> String {
        formatNumber(s)
    }

    /// Plain-words reasons for a pair fit: "Both serve job seekers; Eastside Jobs needs
    /// financial expertise and Harbor Credit Union offers it".
    static func explain(_ f: PairFit, a: String, b: String, _ w: Workspace) -> [String] {
        func list(_ tags: [UInt32], _ c: TagCategory) -> String {
            let labels = tags.map { w.label($0, c) }
            switch labels.count {
            case 0: return ""
            case 1: return labels[0]
            default: return labels.dropLast().joined(separator: ", ") + " and " + (labels.last ?? "")
            }
        }
        var out: [String] = []
        let nameA = w.displayName(a), nameB = w.displayName(b)
        if !f.sharedAudiences.isEmpty { out.append("Both serve \(list(f.sharedAudiences, .audiences))") }
        if !f.bOffersANeeds.isEmpty {
            out.append("\(nameA) needs \(list(f.bOffersANeeds, .assets)) and \(nameB) offers it")
        }
        if !f.aOffersBNeeds.isEmpty {
            out.append("\(nameB) needs \(list(f.aOffersBNeeds, .assets)) and \(nameA) offers it")
        }
        if !f.sharedTopics.isEmpty { out.append("both work on \(list(f.sharedTopics, .topics))") }
        if !f.sharedValues.isEmpty { out.append("shared values: \(list(f.sharedValues, .values))") }
        return out
    }
}
