/// What a workspace CSV cell holds, and so how its reader parses it. An empty cell always means
/// *unknown*: only `id`-like columns marked `nonEmpty` reject it.
public enum CellType: Sendable, Hashable {
    /// An id: non-empty, no `;`, unique across the library, organizations and people.
    case id
    /// Free text, kept as written (trimmed).
    case text
    /// One of a fixed list of words, case-insensitive (`sector`).
    case choice([String])
    /// A code checked for its shape only; a wrong shape is a warning (`ntee`, `ein`).
    case code(String)
    /// `;`-separated tags of one vocabulary category.
    case tags(TagCategory)
    /// A number as spreadsheets write it (`1200`, `1,200`, `$1,200.50`); `positive` rejects 0,
    /// otherwise negative numbers are rejected. `scale` is the range outside which it is a
    /// warning (a tie's 1–4 strength).
    case number(positive: Bool, scale: ClosedRange<Double>?)
    /// A calendar date, `YYYY-MM-DD`.
    case day
    /// The id of something in another file (`organizations.csv`, or any node for a tie end).
    case reference(String)
    /// Contact details: private, never echoed in any output or diagnostic.
    case contact

    /// A few words for the README's column table.
    public var summary: String {
        switch self {
        case .id: "id"
        case .text: "text"
        case .choice: "one of a list"
        case .code(let what): what
        case .tags: "tags, `;`-separated"
        case .number: "number"
        case .day: "date (YYYY-MM-DD)"
        case .reference(let file): "an id in \(file)"
        case .contact: "private text"
        }
    }
}

/// One column of a workspace CSV file: the single place its name, type, whether the header must
/// name it, an example value (the `init` template) and its one line of documentation live.
public struct ColumnSpec: Sendable, Hashable {
    public var name: String
    public var type: CellType
    /// The header row must name this column.
    public var required: Bool
    /// A value may not be empty (only meaningful for required columns).
    public var nonEmpty: Bool
    /// The value in the template's example row, written as a CSV cell (quoted where needed).
    public var example: String
    /// One line for people: what goes in the column.
    public var doc: String

    public init(
        _ name: String, _ type: CellType, required: Bool = false, nonEmpty: Bool? = nil, example: String = "",
        doc: String
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.nonEmpty = nonEmpty ?? required
        self.example = example
        self.doc = doc
    }
}

/// The columns of one workspace CSV file, in their canonical order (the order `init` writes;
/// files may order them freely and add columns PartnerKit does not know, which are kept by
/// writers and warned about by readers).
public struct CSVSchema: Sendable {
    /// The file name inside a workspace, `organizations.csv`.
    public let file: String
    /// The file must exist.
    public let requiredFile: Bool
    public let columns: [ColumnSpec]
    /// Column names in canonical order.
    public let names: [String]
    /// The columns a header must name.
    public let required: [String]

    public init(file: String, requiredFile: Bool, columns: [ColumnSpec]) {
        self.file = file
        self.requiredFile = requiredFile
        self.columns = columns
        self.names = columns.map(\.name)
        self.required = columns.filter(\.required).map(\.name)
    }

    /// The canonical header row, `id,name,…`.
    public var header: String { names.joined(separator: ",") }

    /// The template's example row: every column's example.
    public var exampleRow: String { columns.map(\.example).joined(separator: ",") }

    /// The README's table of columns (Markdown).
    public var markdownTable: String {
        var out = "| column | meaning |\n| --- | --- |\n"
        for c in columns { out += "| \(c.name) | \(c.doc) |\n" }
        return out
    }

    public func column(_ name: String) -> ColumnSpec? { columns.first { $0.name == name } }

    /// Checks a row given as column name → value (what `add` commands and importers write)
    /// against the schema's column names: unknown names are warnings, a missing required column
    /// an error. Returns the values as fields in canonical order (absent columns empty).
    func fields(of row: [String: String], file: String, line: Int, sink: DiagnosticSink) -> [String] {
        for name in row.keys.sorted() where !names.contains(name) {
            sink.warning(
                file, .line(line), "unknown column \"\(name)\" is ignored",
                hint: nearest(name, in: names, maxDistance: 2).map { "did you mean \"\($0)\"?" })
        }
        return names.map { (row[$0] ?? "").trimmingWhitespace }
    }
}
