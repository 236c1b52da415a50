import Foundation
import Testing

@testable import PartnerKit

@Suite struct NetworkReportTests {
    @Test func linksCarryIDsInTheEngineOrder() throws {
        let w = networkTestWorkspace()
        let links = PredictedLinks(workspace: w, measure: .commonNeighbors, top: 5)
        let g = RelationshipGraph(workspace: w)
        let direct = g.links(.commonNeighbors, top: 5)
        #expect(links.pairs.map(\.a) == direct.map { g.ids[$0.a] })
        #expect(links.pairs.map(\.b) == direct.map { g.ids[$0.b] })
        #expect(links.pairs.allSatisfy { $0.a < $0.b })
        let csv = NetworkReport.csv(links)
        #expect(csv.hasPrefix("a,b,value\n"))
        #expect(csv.split(separator: "\n").count == links.pairs.count + 1)
        let text = NetworkReport.text(links, workspace: w, explain: false, markdown: false)
        #expect(text.hasPrefix("Pairs not yet tied who could be introduced, by contacts in common (top 5;"))
        let explained = NetworkReport.text(links, workspace: w, explain: true, markdown: true)
        #expect(
            explained.hasPrefix("# Pairs not yet tied, by contacts in common (common-neighbors, as networkx"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(NetworkReport.json(links).serialized().utf8))
                as? [String: Any])
        #expect(json["measure"] as? String == "common-neighbors")
        #expect((json["links"] as? [Any])?.count == links.pairs.count)
    }

    @Test func measuresAreInIDOrderAndIsolatedNodesHaveNoConstraint() {
        let w = networkTestWorkspace()
        let m = NodeMeasures(workspace: w, weighted: false)
        #expect(m.nodes.map(\.id) == m.nodes.map(\.id).sorted())
        let csv = NetworkReport.csv(m)
        #expect(csv.hasPrefix("id,degree,constraint,effective_size\n"))
        let text = NetworkReport.text(m, workspace: w, explain: false, markdown: false)
        #expect(text.hasPrefix("Who bridges separate groups: independent contacts"))
        let weighted = NetworkReport.text(
            NodeMeasures(workspace: w, weighted: true), workspace: w, explain: true, markdown: false)
        #expect(weighted.hasPrefix("Brokerage (Burt's constraint and effective size, weighted by strength)"))
    }

    @Test func summaryListsStaleStrongTiesWithPlainStrengths() throws {
        let w = networkTestWorkspace()
        let asOf = try #require(Day("2026-11-29"))
        let s = NetworkSummary(workspace: w, asOf: asOf, staleDays: 180, topBrokers: 3)
        let text = NetworkReport.text(s, workspace: w, asOf: asOf, explain: false, markdown: false)
        #expect(text.hasPrefix("Relationship network (as of 2026-11-29)\n\n"))
        #expect(text.contains("The library as a bridge\n\nHarbor City Library: "))
        // harbor-cu's strength-3 tie to the library was last touched 2026-03-01: 273 days.
        #expect(
            text.contains(
                "- Harbor City Library — Harbor Credit Union (partnered, 3): last contact 2026-03-01, 273 days ago\n"
            ))
        let md = NetworkReport.text(s, workspace: w, asOf: asOf, explain: true, markdown: true)
        #expect(md.hasPrefix("# Relationship network\n\n"))
        #expect(md.contains("## The library as a bridge"))
        #expect(md.contains("Burt 1992"))
    }
}
