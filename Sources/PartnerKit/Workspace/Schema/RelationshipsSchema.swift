/// `relationships.csv`: undirected ties between the library, organizations and people.
public enum RelationshipsSchema {
    /// The known columns, in canonical order; `rawValue` is the position in that order.
    public enum Column: Int, CaseIterable, Sendable {
        case source, target, kind, strength, lastContact, note

        public var spec: ColumnSpec {
            switch self {
            case .source:
                ColumnSpec(
                    "source", .reference("the workspace"), required: true, example: "library",
                    doc: "one end: `library`, the library's id, an organization id or a person id")
            case .target:
                ColumnSpec(
                    "target", .reference("the workspace"), required: true, example: "example-person",
                    doc: "the other end, named the same way")
            case .kind:
                ColumnSpec(
                    "kind", .text, example: "knows",
                    doc: "knows, partnered, coalition, board, funder, referral, … (default knows)")
            case .strength:
                ColumnSpec(
                    "strength", .number(positive: true, scale: 1...4), example: "2",
                    doc: "1 acquainted, 2 working contact, 3 trusted, 4 close partner (default 1)")
            case .lastContact:
                ColumnSpec(
                    "last_contact", .day, example: "2026-01-15", doc: "the last time they were in touch")
            case .note:
                ColumnSpec("note", .text, example: "Met at the job fair", doc: "anything worth remembering")
            }
        }
    }

    public static let schema = CSVSchema(
        file: "relationships.csv", requiredFile: false, columns: Column.allCases.map(\.spec))

    /// What to write in `strength`, for messages: the scale in words.
    public static let strengthScale = "1 acquainted, 2 working contact, 3 trusted, 4 close partner"

    /// A strength in the scale's words ("trusted"), rounded to the nearest step of 1–4.
    public static func strengthWord(_ strength: Double) -> String {
        switch Int(min(4, max(1, strength.rounded()))) {
        case 4: "close partner"
        case 3: "trusted"
        case 2: "working contact"
        default: "acquainted"
        }
    }

    /// Validates one row given as column name → value, exactly as the reader would at `line`.
    /// `knownIDs`, when given, are the ids an end may name (besides `library` and `libraryID`).
    public static func validate(
        row: [String: String], knownIDs: Set<String>? = nil, libraryID: String? = nil,
        file: String = "relationships.csv", line: Int = 2
    ) -> [Diagnostic] {
        let loader = WorkspaceLoader(directory: "", limits: .default)
        let fields = schema.fields(of: row, file: file, line: line, sink: loader.sink)
        var state = WorkspaceLoader.TieRowState()
        let ids = Array(knownIDs ?? []) + [libraryID].compactMap { $0 }
        var numbers: [String: Int] = [:]
        for (k, id) in ids.enumerated() { numbers[id] = k + 1 }
        _ = loader.tieRow(
            line: line, fields: fields, index: Array(fields.indices), path: file, libraryID: libraryID,
            node: { knownIDs == nil ? 0 : numbers[$0] }, allIDs: { ids }, state: &state)
        return loader.sink.diagnostics.sorted()
    }
}

extension RelationshipsSchema {
    /// The number a word of the strength scale stands for (`close` → 4), for the hint when a
    /// spreadsheet has the word instead of the number.
    public static func strength(word: String) -> Int? {
        switch Tag.normalize(word) {
        case "acquainted", "acquaintance", "acquaintances": 1
        case "working", "working-contact", "contact": 2
        case "trusted", "trust": 3
        case "close", "close-partner", "partner": 4
        default: nil
        }
    }
}
