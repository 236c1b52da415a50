import Foundation
import Testing

@testable import PartnerKit

/// One networkx fixture (written by `Scripts/networkx_fixtures.py`).
struct NetworkxFixture {
    var graph: RelationshipGraph
    var pairs: [(String, String)]
    var links: [String: [Double]]
    var measures: [[String: Any]]

    static func load(_ name: String) throws -> NetworkxFixture {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/networkx"))
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let nodes = try #require(root["nodes"] as? [String])
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        var edges: [(Int, Int, Double)] = []
        for e in try #require(root["edges"] as? [[Any]]) {
            let sa = try #require(e[0] as? String), sb = try #require(e[1] as? String)
            let a = try #require(index[sa]), b = try #require(index[sb])
            edges.append((a, b, try #require((e[2] as? NSNumber)?.doubleValue)))
        }
        let pairs = try #require(root["pairs"] as? [[String]]).map { ($0[0], $0[1]) }
        var links: [String: [Double]] = [:]
        for (k, v) in try #require(root["links"] as? [String: [NSNumber]]) { links[k] = v.map(\.doubleValue) }
        return NetworkxFixture(
            graph: RelationshipGraph(ids: nodes, weightedEdges: edges), pairs: pairs, links: links,
            measures: try #require(root["measures"] as? [[String: Any]]))
    }
}

@Suite struct NetworkMeasuresTests {
    static let graphs = ["karate", "lesmis", "small"]

    @Test(arguments: graphs, LinkMeasure.allCases)
    func linksMatchNetworkx(graphName: String, measure: LinkMeasure) throws {
        let f = try NetworkxFixture.load(graphName)
        let g = f.graph
        let expected = try #require(f.links[measure.rawValue])
        let got = g.links(measure, top: nil)
        #expect(got.count == f.pairs.count)
        var byPair: [String: Double] = [:]
        for s in got {
            #expect(g.ids[s.a] < g.ids[s.b])
            #expect(!g.areTied(s.a, s.b))
            byPair[g.ids[s.a] + "\u{0}" + g.ids[s.b]] = s.value
        }
        var compared = 0
        for (i, (a, b)) in f.pairs.enumerated() {
            let v = try #require(byPair[a + "\u{0}" + b], "missing pair \(a) \(b)")
            #expect(
                abs(v - expected[i]) <= 1e-9, "\(measure.rawValue) \(a)–\(b): \(v) vs networkx \(expected[i])"
            )
            let na = try #require(g.node(a)), nb = try #require(g.node(b))
            #expect(abs(g.linkValue(measure, na, nb) - expected[i]) <= 1e-9)
            compared += 1
        }
        #expect(compared == f.pairs.count)
        // Output order: value desc, then a, b ascending.
        for (x, y) in zip(got, got.dropFirst()) {
            #expect(
                x.value > y.value
                    || (x.value == y.value && (g.ids[x.a], g.ids[x.b]) < (g.ids[y.a], g.ids[y.b])))
        }
    }

    @Test(arguments: graphs, LinkMeasure.allCases)
    func topNIsThePrefixOfTheFullOrder(graphName: String, measure: LinkMeasure) throws {
        let g = try NetworkxFixture.load(graphName).graph
        let all = g.links(measure, top: nil)
        for n in [1, 5, 40, all.count + 3] {
            let top = g.links(measure, top: n)
            #expect(top == Array(all.prefix(n)), "\(measure.rawValue) top \(n)")
        }
    }

    @Test(arguments: graphs, [false, true])
    func brokerageMatchesNetworkx(graphName: String, weighted: Bool) throws {
        let f = try NetworkxFixture.load(graphName)
        let b = f.graph.brokerage(weighted: weighted)
        for m in f.measures {
            let id = try #require(m["id"] as? String)
            let v = try #require(f.graph.node(id))
            #expect(b[v].degree == (m["degree"] as? Int))
            let suffix = weighted ? "_weighted" : ""
            var checks: [(String, Double?)] = [
                ("constraint" + suffix, b[v].constraint), ("effective_size" + suffix, b[v].effectiveSizeBurt),
            ]
            if weighted { checks.append(("effective_size_weighted_networkx_fast_path", b[v].effectiveSize)) }
            for (key, got) in checks {
                let want = (m[key] as? NSNumber)?.doubleValue
                if let want {
                    let got = try #require(got, "\(id) \(key)")
                    #expect(abs(got - want) <= 1e-9, "\(graphName) \(id) \(key): \(got) vs \(want)")
                } else {
                    #expect(got == nil, "\(id) \(key) should be null (isolated)")
                }
            }
        }
    }

    @Test func preferentialAttachmentTopDoesNotNeedAllPairs() {
        // A star plus a path: the hub's non-neighbours come first.
        let g = RelationshipGraph(
            nodeCount: 6, edges: [(0, 1, 1), (0, 2, 1), (0, 3, 1), (3, 4, 1), (4, 5, 1)])
        let top = g.links(.preferentialAttachment, top: 3)
        #expect(top == Array(g.links(.preferentialAttachment, top: nil).prefix(3)))
        #expect(top.first?.value == 6)
    }

    @Test func duplicateTiesMergeKeepingStrongestAndLatest() {
        let d1 = Day("2025-01-01"), d2 = Day("2026-01-01")
        let g = RelationshipGraph(
            ids: ["x", "y"],
            edges: [
                .init(a: 0, b: 1, strength: 2, kind: "knows", lastContact: d2),
                .init(a: 1, b: 0, strength: 4, kind: "board", lastContact: d1),
            ])
        #expect(g.edgeCount == 1)
        #expect(g.edge(0, 1)?.strength == 4)
        #expect(g.edge(1, 0)?.kind == "board")
        #expect(g.edge(0, 1)?.lastContact == d2)
    }
}
