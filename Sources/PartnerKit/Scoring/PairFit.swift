/// How much two organizations would gain from knowing each other, 0–1, from their profiles
/// alone: what one offers that the other needs (either way), the audiences, topics and values
/// they share. The network engine's introductions combine it with graph proximity ("they are
/// close") — fit says "they would benefit".
public struct PairFit: Sendable, Equatable {
    public var value: Double
    /// A offers, B needs.
    public var aOffersBNeeds: [UInt32]
    /// B offers, A needs.
    public var bOffersANeeds: [UInt32]
    public var sharedAudiences: [UInt32]
    public var sharedTopics: [UInt32]
    public var sharedValues: [UInt32]
    public var reasons: [String]

    /// The shares of each component; they sum to 1. Complementary assets weigh most: an
    /// introduction is worth making when each side has something the other lacks.
    public struct Weights: Sendable, Equatable {
        public var complementary = 0.45
        public var audience = 0.25
        public var topics = 0.15
        public var values = 0.15
        public init() {}
    }

    /// n / (n + h): the first match counts most, later ones less (h = 1 here).
    @inline(__always)
    static func saturate(_ n: Int, _ h: Double = 1) -> Double { Double(n) / (Double(n) + h) }

    /// The fit value without reasons, for scanning many pairs. Both directions of assets are
    /// averaged, so a two-way exchange beats a one-way one.
    ///
    /// - Complexity: O(tags of a + tags of b), no allocation.
    public static func value(_ a: TagLists, _ b: TagLists, weights w: Weights = Weights()) -> Double {
        quickScore(a, b, weights: w).score
    }
}

extension PairFit {
    /// The fit of two tag profiles with the shared lists (no reasons: those need names).
    ///
    /// - Complexity: O(total tags of both), sorted-array merges.
    public init(_ a: TagLists, _ b: TagLists, weights: Weights = Weights()) {
        self.init(
            value: PairFit.value(a, b, weights: weights),
            aOffersBNeeds: sortedIntersection(a[.offers], b[.needs]),
            bOffersANeeds: sortedIntersection(b[.offers], a[.needs]),
            sharedAudiences: sortedIntersection(a[.audiences], b[.audiences]),
            sharedTopics: sortedIntersection(a[.topics], b[.topics]),
            sharedValues: sortedIntersection(a[.values], b[.values]),
            reasons: [])
    }

    /// The fit, 0–1 (the name the network engine uses).
    public var score: Double { value }

    /// Whether the pair has a reason to meet: complementary assets or a shared audience.
    public var hasPurpose: Bool {
        !aOffersBNeeds.isEmpty || !bOffersANeeds.isEmpty || !sharedAudiences.isEmpty
    }

    /// The fit value and whether the pair has a purpose, without allocating: what the
    /// introductions engine computes for every candidate pair before keeping the best.
    ///
    /// - Complexity: O(total tags of both).
    public static func quickScore(_ a: TagLists, _ b: TagLists, weights w: Weights = Weights())
        -> (score: Double, hasPurpose: Bool)
    {
        let ab = a.sharedCount(.offers, with: b, .needs)
        let ba = b.sharedCount(.offers, with: a, .needs)
        let audiences = a.sharedCount(.audiences, with: b, .audiences)
        let comp = (saturate(ab, 0.5) + saturate(ba, 0.5)) / 2
        let aud = saturate(audiences)
        let top = saturate(a.sharedCount(.topics, with: b, .topics))
        let val = saturate(a.sharedCount(.values, with: b, .values), 1.5)
        let score = w.complementary * comp + w.audience * aud + w.topics * top + w.values * val
        return (score, ab > 0 || ba > 0 || audiences > 0)
    }
}

extension ScoringEngine {
    /// The fit between two organizations of the workspace, with reasons that name the tags.
    public func fit(between a: Int, and b: Int, weights: PairFit.Weights = PairFit.Weights()) -> PairFit {
        Self.fit(workspace, between: a, and: b, weights: weights)
    }

    /// The same, without building a scoring engine (the network engine calls this).
    ///
    /// - Complexity: O(tags of a + tags of b).
    public static func fit(
        _ w: Workspace, between a: Int, and b: Int, weights: PairFit.Weights = PairFit.Weights()
    ) -> PairFit {
        let oa = w.organizations[a], ob = w.organizations[b]
        let ta = oa.tags, tb = ob.tags
        let ab = sortedIntersection(ta[.offers], tb[.needs])
        let ba = sortedIntersection(tb[.offers], ta[.needs])
        let aud = sortedIntersection(ta[.audiences], tb[.audiences])
        let top = sortedIntersection(ta[.topics], tb[.topics])
        let val = sortedIntersection(ta[.values], tb[.values])
        func names(_ ids: [UInt32], _ c: TagCategory) -> String {
            ids.map { w.label($0, c) }.joined(separator: ", ")
        }
        var reasons: [String] = []
        if !ab.isEmpty { reasons.append("\(oa.name) offers what \(ob.name) needs: \(names(ab, .assets))") }
        if !ba.isEmpty { reasons.append("\(ob.name) offers what \(oa.name) needs: \(names(ba, .assets))") }
        if ab.isEmpty != ba.isEmpty { reasons.append("one-way: the benefit flows in one direction only") }
        if !aud.isEmpty { reasons.append("both serve \(names(aud, .audiences))") }
        if !top.isEmpty { reasons.append("both work on \(names(top, .topics))") }
        if !val.isEmpty { reasons.append("shared values: \(names(val, .values))") }
        if reasons.isEmpty { reasons.append("their profiles share nothing recorded") }
        return PairFit(
            value: PairFit.value(ta, tb, weights: weights), aOffersBNeeds: ab, bOffersANeeds: ba,
            sharedAudiences: aud,
            sharedTopics: top, sharedValues: val, reasons: reasons)
    }
}
