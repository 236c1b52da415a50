import Foundation
import Testing

@testable import PartnerKit

/// The graph ranks only its tied nodes' ids (issue 13: the full string sort cost ~1 s at 1M
/// organizations). These tests hold `idPrecedes` to the order the old implementation used for
/// every node: ids ascending by `String <`, then node index, ranked over all nodes.
@Suite struct NetworkIdOrderTests {
    /// The old implementation: every node ranked by (id, index).
    static func oldRanks(_ ids: [String]) -> [Int32] {
        let order = (0..<ids.count).sorted { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) }
        var rank = [Int32](repeating: 0, count: ids.count)
        for (r, v) in order.enumerated() { rank[v] = Int32(r) }
        return rank
    }

    /// A seeded random graph whose ids repeat, differ only in case or accents, mix scripts,
    /// and include prefixes of each other; about a third of the nodes have no tie.
    ///
    /// Ids are in NFC: with a decomposed accent (`e` + U+0301) next to precomposed ones,
    /// Swift 6.3's `String <` is not transitive ("e\u{301}" < "éorg" < "éz" yet not
    /// "e\u{301}" < "éz"), so any sort of such ids, the old one included, depends on the
    /// algorithm's order of comparisons; no order could be "the same" there.
    static func graph(seed: UInt64, nodes: Int) -> RelationshipGraph {
        var state = seed
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        let pieces = [
            "org", "Org", "örg", "org-1", "org-10", "org-2", "é", "Ω", "a", "a-", "", "z",
        ]
        let ids = (0..<nodes).map { _ in pieces[next() % pieces.count] + pieces[next() % pieces.count] }
        var edges: [(Int, Int, Double)] = []
        let tied = nodes * 2 / 3
        for _ in 0..<(nodes * 2) {
            edges.append((next() % tied, next() % tied, Double(1 + next() % 4)))
        }
        return RelationshipGraph(ids: ids, weightedEdges: edges)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func idPrecedesIsTheOldRankOrderForEveryPair(seed: UInt64) {
        let g = Self.graph(seed: seed, nodes: 120)
        let old = Self.oldRanks(g.ids)
        var disagreements = 0
        for u in 0..<g.nodeCount {
            for v in 0..<g.nodeCount where g.idPrecedes(u, v) != (old[u] < old[v]) { disagreements += 1 }
        }
        #expect(disagreements == 0)
        #expect(g.idRanks() == old)
        // The graph has isolated nodes, and ids that repeat, so both code paths are exercised.
        #expect((0..<g.nodeCount).contains { g.degree($0) == 0 })
        #expect(Set(g.ids).count < g.nodeCount)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func linkOutputKeepsTheOldOrderAndOrientation(seed: UInt64) {
        let g = Self.graph(seed: seed, nodes: 90)
        let old = Self.oldRanks(g.ids)
        func oldPrecedes(_ x: LinkScore, _ y: LinkScore) -> Bool {
            if x.value != y.value { return x.value > y.value }
            if x.a != y.a { return old[x.a] < old[y.a] }
            return old[x.b] < old[y.b]
        }
        for measure in LinkMeasure.allCases {
            let all = g.links(measure, top: nil)
            #expect(all.allSatisfy { old[$0.a] < old[$0.b] }, "\(measure): pairs oriented by id")
            #expect(all == all.sorted(by: oldPrecedes), "\(measure): old order")
            // A top-k cut where values tie at the boundary keeps the old comparator's choice.
            for k in [1, 7, 25] {
                let top = g.links(measure, top: k)
                #expect(top == Array(all.prefix(k)), "\(measure) top \(k)")
            }
        }
    }

    @Test func isolatedNodesStillSortByTheirIds() {
        // "b" and "a" have no ties; "c"–"d" are tied.
        let g = RelationshipGraph(ids: ["b", "c", "a", "d"], weightedEdges: [(1, 3, 1)])
        #expect(g.idPrecedes(2, 0))  // a < b, both isolated
        #expect(g.idPrecedes(0, 1))  // b < c, one isolated
        #expect(!g.idPrecedes(3, 1))  // d > c, both tied
        #expect(!g.idPrecedes(1, 1))
        #expect(g.idRanks() == [1, 2, 0, 3])
    }
}
