import Foundation
import Testing

@testable import PartnerKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects GraphML structure while parsing.
final class GraphMLCounter: NSObject, XMLParserDelegate {
    var nodes = 0, edges = 0, keys = 0
    var nodeIDs: [String] = []
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "node":
            nodes += 1
            nodeIDs.append(attributes["id"] ?? "")
        case "edge": edges += 1
        case "key": keys += 1
        default: break
        }
    }
}

@Suite struct NetworkExportTests {
    @Test(arguments: [false, true])
    func graphMLParses(includeContacts: Bool) throws {
        let w = networkTestWorkspace()
        let g = RelationshipGraph(workspace: w)
        let xml = GraphExport.render(
            RelationshipGraph(workspace: w), workspace: w, format: .graphml, includeContacts: includeContacts)
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = GraphMLCounter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.nodes == g.nodeCount)
        #expect(counter.edges == g.edgeCount)
        #expect(counter.nodeIDs.contains("maria"))
        #expect(xml.contains("Ana &lt;Kim&gt; &amp; &quot;Co&quot;"))
        #expect(xml.contains("maria@eastside.example") == includeContacts)
        #expect(xml.contains("555-0101") == includeContacts)
    }

    @Test func kumuIsJSONWithElementsAndConnections() throws {
        let w = networkTestWorkspace()
        let text = GraphExport.render(RelationshipGraph(workspace: w), workspace: w, format: .kumu)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let elements = try #require(root["elements"] as? [[String: Any]])
        let connections = try #require(root["connections"] as? [[String: Any]])
        #expect(elements.count == RelationshipGraph(workspace: w).nodeCount)
        #expect(connections.count == RelationshipGraph(workspace: w).edgeCount)
        #expect(elements.allSatisfy { $0["label"] is String && $0["email"] == nil && $0["phone"] == nil })
        #expect(connections.allSatisfy { $0["from"] is String && $0["to"] is String })
    }

    @Test func dotQuotesEverything() {
        let w = networkTestWorkspace()
        let dot = GraphExport.render(RelationshipGraph(workspace: w), workspace: w, format: .dot)
        #expect(dot.hasPrefix("graph relationships {"))
        #expect(dot.hasSuffix("}\n"))
        #expect(dot.contains(#"label="Ana <Kim> & \"Co\"""#))
        #expect(!dot.contains("@"))
        #expect(GraphExport.dotQuote("a\\b\"c\nd") == #""a\\b\"c\nd""#)
    }

    @Test func csvCellsAreNeutralised() {
        #expect(Escape.csvCell("=SUM(A1)") == "'=SUM(A1)")
        #expect(Escape.csvCell("a,b") == "\"a,b\"")
        #expect(Escape.csvCell("-1.5", numeric: true) == "-1.5")
        #expect(Escape.csvCell("@x") == "'@x")
    }
}
