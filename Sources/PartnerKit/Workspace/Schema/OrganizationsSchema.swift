/// `organizations.csv`: one row per candidate or current partner.
///
/// Adding a column is one case here (its name, type, example and documentation in `spec`);
/// the compiler then asks for the model field and the line that reads it
/// (`WorkspaceLoader.organizationRow`, and the fast path's `fastOrganization` when the column
/// must be checked there). The reader's column positions, the header checks, the `init`
/// template, the workspace README's table and `check`'s counts all follow from this list.
public enum OrganizationsSchema {
    /// The known columns, in canonical order; `rawValue` is the position in that order.
    public enum Column: Int, CaseIterable, Sendable {
        case id, name, sector, ntee, ein, mission, topics, values, audiences, offers, needs, flags
        case staffFTE, annualBudget, volunteers, replyDays, serviceArea, website

        public var spec: ColumnSpec {
            switch self {
            case .id: ColumnSpec("id", .id, required: true, example: "example-cu", doc: "unique id (no `;`)")
            case .name:
                ColumnSpec(
                    "name", .text, required: true, example: "Example Credit Union", doc: "display name")
            case .sector:
                ColumnSpec(
                    "sector", .choice(Sector.allCases.map(\.rawValue)), example: "nonprofit",
                    doc: "nonprofit, business, government, education, faith, grassroots, library or other")
            case .ntee:
                ColumnSpec(
                    "ntee", .code("NTEE code"), doc: "NTEE code for nonprofits (e.g. B70)")
            case .ein:
                ColumnSpec(
                    "ein", .code("EIN"), doc: "US employer identification number, 12-3456789")
            case .mission:
                ColumnSpec(
                    "mission", .text,
                    example: "\"Member-owned credit union offering free financial counselling.\"",
                    doc: "mission statement, free text")
            case .topics:
                ColumnSpec(
                    "topics", .tags(.topics), example: "financial-literacy;employment",
                    doc: "what they work on")
            case .values:
                ColumnSpec("values", .tags(.values), example: "equity;inclusion", doc: "what they stand for")
            case .audiences:
                ColumnSpec(
                    "audiences", .tags(.audiences), example: "job-seekers;families", doc: "whom they serve")
            case .offers:
                ColumnSpec(
                    "offers", .tags(.assets), example: "financial-expertise",
                    doc: "assets they can give (space, expertise, volunteers …)")
            case .needs:
                ColumnSpec(
                    "needs", .tags(.assets), example: "meeting-space", doc: "assets they are looking for")
            case .flags:
                ColumnSpec(
                    "flags", .tags(.flags), doc: "practices, matched against the library's dealbreakers")
            case .staffFTE:
                ColumnSpec(
                    "staff_fte", .number(positive: false, scale: nil), example: "25",
                    doc: "paid staff, full-time equivalents")
            case .annualBudget:
                ColumnSpec(
                    "annual_budget", .number(positive: false, scale: nil), example: "4000000",
                    doc: "US dollars a year")
            case .volunteers:
                ColumnSpec(
                    "volunteers", .number(positive: false, scale: nil), example: "10",
                    doc: "active volunteers")
            case .replyDays:
                ColumnSpec(
                    "reply_days", .number(positive: false, scale: nil), example: "3",
                    doc: "typical days to answer a message")
            case .serviceArea:
                ColumnSpec("service_area", .text, example: "County", doc: "where they work")
            case .website:
                ColumnSpec("website", .text, example: "https://example.org", doc: "their web address")
            }
        }

        /// The column of an organization's tag list.
        public init(_ field: TagField) {
            switch field {
            case .topics: self = .topics
            case .values: self = .values
            case .audiences: self = .audiences
            case .offers: self = .offers
            case .needs: self = .needs
            case .flags: self = .flags
            }
        }
    }

    public static let schema = CSVSchema(
        file: "organizations.csv", requiredFile: true, columns: Column.allCases.map(\.spec))

    /// The number columns, in the order the fast path reads them.
    static let numberColumns: [Column] = Column.allCases.filter {
        if case .number = $0.spec.type { true } else { false }
    }

    /// Validates one row given as column name → value, exactly as the reader would at `line`:
    /// every error and warning of the row itself (ids, sector, codes, numbers, tags against
    /// `vocabulary` with "did you mean"), sorted. What a row cannot know alone (an id already
    /// taken) is the caller's to check against the loaded workspace.
    public static func validate(
        row: [String: String], vocabulary: Vocabulary = Vocabulary(), file: String = "organizations.csv",
        line: Int = 2
    ) -> [Diagnostic] {
        var loader = WorkspaceLoader(directory: "", limits: .default)
        loader.vocabulary = vocabulary
        let fields = schema.fields(of: row, file: file, line: line, sink: loader.sink)
        _ = loader.organizationRow(
            line: line, fields: fields, index: Array(fields.indices), tagColumns: tagColumns, path: file)
        loader.reportUnknownTags()
        return loader.sink.diagnostics.sorted()
    }

    /// Per `TagField`: its position in `Column`.
    static let tagColumns: [Int] = TagField.allCases.map { Column($0).rawValue }
}
