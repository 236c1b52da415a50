import Foundation
import Testing

@testable import PartnerKit

/// `vet` keeps its warm paths as data (`WarmRoutes`), not as rendered output: the steps are
/// named people and organizations, and Render turns them into the same `path` object and lines
/// as `partnerkit path`.
@Suite struct WarmRouteTests {
    @Test func vetKeepsWarmPathsAsDataThatRenderAsThePathCommandDoes() throws {
        let result = WorkspaceLoader.load(
            directory: repositoryRoot + "/Data/sample", defaultVocabulary: toolkitVocabulary)
        let w = try #require(result.workspace)
        let asOf = try #require(Day("2026-11-29"))
        let rubric = try #require(
            RubricReader.load(path: repositoryRoot + "/Rubrics/grant-partner.json", sink: DiagnosticSink()))
        let v = try #require(
            ScoringEngine.withWarmPaths(workspace: w, rubric: rubric, asOf: asOf).vetWithWarmPaths(
                "shipyards"))
        let routes = try #require(v.warmPaths)
        #expect(routes.from == w.library.id && routes.target == "shipyards")
        #expect(!routes.routes.isEmpty)
        for r in routes.routes {
            #expect(r.steps.first?.id == w.library.id && r.steps.last?.id == "shipyards")
            #expect(r.ties.count == r.steps.count - 1)
            #expect(r.strength > 0 && r.strength <= 1)
        }
        // The same search rendered by the path command's report gives the same JSON and words.
        let g = RelationshipGraph(workspace: w)
        let from = try #require(g.node(w.library.id))
        let to = try #require(g.node("shipyards"))
        let paths = g.warmPaths(from: from, to: to, asOf: asOf)
        let report = PathReport(
            workspace: w, graph: g, from: from, targetID: "shipyards", paths: paths, maxIntermediaries: 3)
        #expect(report.json.serialized() == routes.json.serialized())
        #expect(paths.map(report.chain) == routes.routes.map(\.chain))
        // People appear with their role and organization, never their contact details.
        let people = routes.routes.flatMap(\.steps).filter(\.isPerson)
        for p in people { #expect(p.detail != nil) }
        let json = routes.json.serialized()
        #expect(!json.contains("@") && !json.contains("555-"))
    }
}
