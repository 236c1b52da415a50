import Foundation

/// Writes the relationship graph for other tools: GraphML (Gephi, Cytoscape, yEd; the GraphML
/// primer, graphdrawing.org), Graphviz DOT, and Kumu's JSON import (`elements` and
/// `connections`). Private fields of people (email, phone) are written only with
/// `includeContacts`.
public enum GraphExportFormat: String, Sendable, CaseIterable {
    case graphml, dot, kumu
}

public enum GraphExport {
    /// One node's attributes, in a fixed order.
    static func attributes(_ w: Workspace, _ g: RelationshipGraph, _ v: Int, includeContacts: Bool) -> [(
        String, String
    )] {
        let id = g.ids[v]
        var out: [(String, String)] = [("label", w.displayName(id)), ("type", g.kinds[v].rawValue)]
        if let o = w.organization(id), g.kinds[v] == .organization {
            if let s = o.sector { out.append(("sector", s.rawValue)) }
            out.append(("topics", w.tagNames(o.tags[.topics]).joined(separator: ";")))
            out.append(("audiences", w.tagNames(o.tags[.audiences]).joined(separator: ";")))
            if let site = o.website { out.append(("website", site)) }
        }
        if let p = w.person(id), g.kinds[v] == .person {
            if let org = p.organization { out.append(("organization", org)) }
            if let r = p.role { out.append(("role", r)) }
            if includeContacts {
                if let e = p.email { out.append(("email", e)) }
                if let ph = p.phone { out.append(("phone", ph)) }
            }
        }
        return out
    }

    static let nodeKeys = [
        "label", "type", "sector", "topics", "audiences", "website", "organization", "role", "email", "phone",
    ]

    /// Renders the workspace's graph `g` (the engine's, built by the caller; the workspace gives
    /// the nodes' attributes). - Complexity: O(n + m) output.
    public static func render(
        _ g: RelationshipGraph, workspace w: Workspace, format: GraphExportFormat,
        includeContacts: Bool = false
    ) -> String {
        switch format {
        case .graphml: return graphML(w, g, includeContacts: includeContacts)
        case .dot: return dot(w, g, includeContacts: includeContacts)
        case .kumu: return kumu(w, g, includeContacts: includeContacts)
        }
    }

    /// A DOT double-quoted string (Graphviz: only `"` and `\` need escaping; newlines as `\n`).
    public static func dotQuote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    static func number(_ d: Double) -> String { JSONOutput.format(d) }

    static func graphML(_ w: Workspace, _ g: RelationshipGraph, includeContacts: Bool) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for k in nodeKeys where includeContacts || (k != "email" && k != "phone") {
            s += "  <key id=\"\(k)\" for=\"node\" attr.name=\"\(k)\" attr.type=\"string\"/>\n"
        }
        s += "  <key id=\"strength\" for=\"edge\" attr.name=\"strength\" attr.type=\"double\"/>\n"
        s += "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        s += "  <key id=\"last_contact\" for=\"edge\" attr.name=\"last_contact\" attr.type=\"string\"/>\n"
        s += "  <key id=\"implicit\" for=\"edge\" attr.name=\"implicit\" attr.type=\"boolean\"/>\n"
        s += "  <graph id=\"relationships\" edgedefault=\"undirected\">\n"
        for v in 0..<g.nodeCount {
            s += "    <node id=\"\(Escape.html(g.ids[v]))\">\n"
            for (k, value) in attributes(w, g, v, includeContacts: includeContacts) {
                s += "      <data key=\"\(k)\">\(Escape.html(value))</data>\n"
            }
            s += "    </node>\n"
        }
        for (i, e) in g.edges.enumerated() {
            s +=
                "    <edge id=\"e\(i)\" source=\"\(Escape.html(g.ids[e.a]))\" target=\"\(Escape.html(g.ids[e.b]))\">\n"
            s += "      <data key=\"strength\">\(number(e.strength))</data>\n"
            s += "      <data key=\"kind\">\(Escape.html(e.kind))</data>\n"
            if let d = e.lastContact { s += "      <data key=\"last_contact\">\(d)</data>\n" }
            s += "      <data key=\"implicit\">\(e.implicit)</data>\n"
            s += "    </edge>\n"
        }
        s += "  </graph>\n</graphml>\n"
        return s
    }

    static func dot(_ w: Workspace, _ g: RelationshipGraph, includeContacts: Bool) -> String {
        var s = "graph relationships {\n  node [shape=box, style=rounded];\n"
        for v in 0..<g.nodeCount {
            let attrs = attributes(w, g, v, includeContacts: includeContacts)
            var parts = attrs.map { "\($0.0 == "label" ? "label" : "pk_" + $0.0)=\(dotQuote($0.1))" }
            switch g.kinds[v] {
            case .library: parts.append("shape=doubleoctagon")
            case .person: parts.append("shape=ellipse")
            default: break
            }
            s += "  \(dotQuote(g.ids[v])) [\(parts.joined(separator: ", "))];\n"
        }
        for e in g.edges {
            var parts = [
                "label=\(dotQuote(e.kind))", "weight=\(number(e.strength))", "penwidth=\(number(e.strength))",
            ]
            if let d = e.lastContact { parts.append("pk_last_contact=\(dotQuote(d.description))") }
            if e.implicit { parts.append("style=dashed") }
            s += "  \(dotQuote(g.ids[e.a])) -- \(dotQuote(g.ids[e.b])) [\(parts.joined(separator: ", "))];\n"
        }
        return s + "}\n"
    }

    static func kumu(_ w: Workspace, _ g: RelationshipGraph, includeContacts: Bool) -> String {
        let elements: [JSONOutput] = (0..<g.nodeCount).map { v in
            var m: [(String, JSONOutput)] = [("id", .string(g.ids[v]))]
            for (k, value) in attributes(w, g, v, includeContacts: includeContacts) {
                m.append((k, .string(value)))
            }
            return .object(m)
        }
        let connections: [JSONOutput] = g.edges.map { e in
            var m: [(String, JSONOutput)] = [
                ("from", .string(g.ids[e.a])), ("to", .string(g.ids[e.b])), ("type", .string(e.kind)),
                ("direction", .string("undirected")), ("strength", .number(e.strength)),
            ]
            if let d = e.lastContact { m.append(("last_contact", .string(d.description))) }
            return .object(m)
        }
        return JSONOutput.object([("elements", .array(elements)), ("connections", .array(connections))])
            .serialized()
    }
}
