/// `people.csv`: contacts at organizations. Email and phone are private: no output shows them
/// without `--include-contacts`, and no diagnostic echoes them.
public enum PeopleSchema {
    /// The known columns, in canonical order; `rawValue` is the position in that order.
    public enum Column: Int, CaseIterable, Sendable {
        case id, name, organization, role, email, phone

        public var spec: ColumnSpec {
            switch self {
            case .id:
                ColumnSpec("id", .id, required: true, example: "example-person", doc: "unique id (no `;`)")
            case .name: ColumnSpec("name", .text, required: true, example: "Pat Example", doc: "their name")
            case .organization:
                ColumnSpec(
                    "organization", .reference("organizations.csv"), example: "example-cu",
                    doc: "the organization they work for (an organization id)")
            case .role: ColumnSpec("role", .text, example: "Community relations", doc: "their role there")
            case .email:
                ColumnSpec("email", .contact, example: "pat@example.org", doc: "email address (private)")
            case .phone: ColumnSpec("phone", .contact, example: "555-0100", doc: "phone number (private)")
            }
        }
    }

    public static let schema = CSVSchema(
        file: "people.csv", requiredFile: false, columns: Column.allCases.map(\.spec))

    /// Validates one row given as column name → value, exactly as the reader would at `line`.
    /// `organizationIDs`, when given, are the ids the `organization` column may name.
    public static func validate(
        row: [String: String], organizationIDs: Set<String>? = nil, file: String = "people.csv", line: Int = 2
    ) -> [Diagnostic] {
        let loader = WorkspaceLoader(directory: "", limits: .default)
        let fields = schema.fields(of: row, file: file, line: line, sink: loader.sink)
        _ = loader.personRow(
            line: line, fields: fields, index: Array(fields.indices), path: file,
            organizationIDs: organizationIDs.map { ids in { ids.contains($0) } },
            organizationList: { Array(organizationIDs ?? []) })
        return loader.sink.diagnostics.sorted()
    }
}
