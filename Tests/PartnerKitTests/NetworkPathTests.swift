import Testing

@testable import PartnerKit

@Suite struct NetworkPathTests {
    let asOf = Day("2026-11-29") ?? Day(ordinal: 0)

    /// s–a–t (4, 4), s–b–t (4, 4): two equally strong paths; s–c–d–t (4, 4, 4).
    func diamond() -> RelationshipGraph {
        RelationshipGraph(
            ids: ["s", "a", "b", "t", "c", "d", "x"],
            weightedEdges: [
                (0, 1, 4), (1, 3, 4), (0, 2, 4), (2, 3, 4), (0, 4, 4), (4, 5, 4), (5, 3, 4),
            ])
    }

    @Test func strongestFirstAndTiesBrokenById() throws {
        let g = diamond()
        let paths = g.warmPaths(
            from: 0, to: 3, asOf: asOf, options: WarmPathOptions(paths: 5, maxIntermediaries: 3))
        let names = paths.map { $0.nodes.map { g.ids[$0] } }
        #expect(names == [["s", "a", "t"], ["s", "b", "t"], ["s", "c", "d", "t"]])
        for p in paths {
            #expect(p.strength > 0 && p.strength <= 1)
            #expect(Set(p.nodes).count == p.nodes.count)
        }
        // Unknown contact dates: 0.75 per tie.
        #expect(abs(paths[0].strength - 0.75 * 0.75) < 1e-12)
        #expect(abs(paths[0].tieStrength - 1) < 1e-12)
        for (x, y) in zip(paths, paths.dropFirst()) { #expect(x.strength >= y.strength) }
    }

    @Test func intermediaryCapIsExact() {
        let g = diamond()
        let one = g.warmPaths(
            from: 0, to: 3, asOf: asOf, options: WarmPathOptions(paths: 5, maxIntermediaries: 1))
        #expect(one.count == 2)
        #expect(one.allSatisfy { $0.nodes.count <= 3 })
        let zero = g.warmPaths(
            from: 0, to: 3, asOf: asOf, options: WarmPathOptions(paths: 5, maxIntermediaries: 0))
        #expect(zero.isEmpty)
    }

    @Test func strongerLongerPathBeatsWeakShortOne() {
        // s–t directly at strength 1 (0.25); s–a–t at 4, 4 (1 × 1).
        let g = RelationshipGraph(
            ids: ["s", "a", "t"],
            edges: [
                .init(a: 0, b: 2, strength: 1, lastContact: Day("2026-11-01")),
                .init(a: 0, b: 1, strength: 4, lastContact: Day("2026-11-01")),
                .init(a: 1, b: 2, strength: 4, lastContact: Day("2026-11-01")),
            ])
        let paths = g.warmPaths(from: 0, to: 2, asOf: asOf, options: WarmPathOptions(paths: 3))
        #expect(paths.map(\.nodes) == [[0, 1, 2], [0, 2]])
        #expect(abs(paths[0].strength - 1) < 1e-12)
        #expect(abs(paths[1].strength - 0.25) < 1e-12)
    }

    @Test func recencyDiscountsOldTies() {
        // Two routes of equal strength; one tie is three years old.
        let old = Day("2023-11-29"), recent = Day("2026-10-01")
        let g = RelationshipGraph(
            ids: ["s", "a", "b", "t"],
            edges: [
                .init(a: 0, b: 1, strength: 3, lastContact: old),
                .init(a: 1, b: 3, strength: 3, lastContact: recent),
                .init(a: 0, b: 2, strength: 3, lastContact: recent),
                .init(a: 2, b: 3, strength: 3, lastContact: recent),
            ])
        let paths = g.warmPaths(from: 0, to: 3, asOf: asOf)
        #expect(paths.first?.nodes == [0, 2, 3])
        #expect(paths.count == 2)
        #expect(paths[0].tieStrength == paths[1].tieStrength)
    }

    @Test func unreachableTargetGivesNoPaths() {
        let g = diamond()
        #expect(g.warmPaths(from: 0, to: 6, asOf: asOf).isEmpty)
        #expect(g.warmPaths(from: 0, to: 0, asOf: asOf).isEmpty)
    }

    @Test func yenFindsAllSimplePathsInOrderOnAGrid() {
        // 3×3 grid, all strength 2: paths from corner to corner with ≤ 3 intermediaries have 4 edges: 6 of them.
        var edges: [(Int, Int, Double)] = []
        for r in 0..<3 {
            for c in 0..<3 {
                let v = r * 3 + c
                if c < 2 { edges.append((v, v + 1, 2)) }
                if r < 2 { edges.append((v, v + 3, 2)) }
            }
        }
        let g = RelationshipGraph(nodeCount: 9, edges: edges)
        let paths = g.warmPaths(
            from: 0, to: 8, asOf: asOf, options: WarmPathOptions(paths: 20, maxIntermediaries: 3))
        #expect(paths.count == 6)
        #expect(Set(paths.map(\.nodes)).count == 6)
        let again = g.warmPaths(
            from: 0, to: 8, asOf: asOf, options: WarmPathOptions(paths: 20, maxIntermediaries: 3))
        #expect(again == paths)
        // Lexicographic order by id among equals.
        let ids = paths.map { $0.nodes.map { g.ids[$0] } }
        for (x, y) in zip(ids, ids.dropFirst()) { #expect(x.lexicographicallyPrecedes(y)) }
    }
}

/// The scoring engine's shortcut (trust straight from the ties) must equal the graph's.
@Suite struct BestTrustTests {
    @Test func shortcutEqualsTheGraphOnTheSampleWorkspace() throws {
        let result = WorkspaceLoader.load(
            directory: repositoryRoot + "/Data/sample", defaultVocabulary: toolkitVocabulary)
        let w = try #require(result.workspace)
        let asOf = try #require(Day("2026-11-29"))
        let g = RelationshipGraph(workspace: w)
        let viaGraph = g.bestTrust(from: try #require(g.node(w.library.id)), asOf: asOf)
        let shortcut = RelationshipGraph.bestTrustToOrganizations(workspace: w, asOf: asOf)
        #expect(shortcut.count == w.organizations.count)
        var reached = 0
        for (k, o) in w.organizations.enumerated() {
            let want = viaGraph[try #require(g.node(o.id))]
            #expect(abs(shortcut[k] - want) < 1e-12, "\(o.id): \(shortcut[k]) vs \(want)")
            if want > 0 { reached += 1 }
        }
        #expect(reached > 40, "the sample's library reaches most organizations")
        // The best single path found by Yen's algorithm has the same trust.
        let target = try #require(g.node("shipyards"))
        let best = g.warmPaths(from: 0, to: target, asOf: asOf).first?.strength
        #expect(abs((best ?? 0) - viaGraph[target]) < 1e-12)
    }
}
