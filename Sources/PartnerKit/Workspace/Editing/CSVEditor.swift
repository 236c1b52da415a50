/// Edits a CSV file the way a careful person would by hand: appends rows, changes a cell or
/// adds a column, and leaves every other byte exactly as it was — the line endings (LF, CRLF
/// or CR), the separator (`,` or `;`), the quoting style, the column order, columns
/// PartnerKit does not know, and a final line end or its absence.
///
/// Values are addressed by column name, normalised as the readers normalise header names
/// (`Staff FTE` is `staff_fte`). New fields are quoted only where they must be (a separator, a
/// quote or a line break inside), unless every field of the file is quoted, in which case new
/// ones are too.
///
/// The editor checks only the CSV structure; the workspace's meaning (ids, tags, dates) is
/// checked by `WorkspaceEditor`, which re-reads the edited file with the normal reader.
///
/// ```swift
/// var csv = try CSVEditor(bytes: bytes, file: "organizations.csv")
/// try csv.appendRow(["id": "tidewater", "name": "Tidewater Food Bank", "topics": "food-security"])
/// Files.writeAtomically(csv.bytes, to: path, overwrite: true)
/// ```
public struct CSVEditor: Sendable {
    /// One record after the header.
    public struct Row: Sendable {
        /// The physical line (1-based) where the record starts.
        public var line: Int
        /// Field values, quotes removed and `""` unescaped (not trimmed).
        public var fields: [String]
        /// Per field, its bytes in the file including any quotes.
        var ranges: [Range<Int>]
        var quoted: [Bool]
        /// The record's bytes, without its line end.
        var range: Range<Int>
    }

    /// The file as named in messages.
    public let file: String
    /// The file's current bytes, edits included.
    public private(set) var bytes: [UInt8]
    public private(set) var dialect: CSVDialect
    /// The line end the file uses (that of its first line; LF when it has none).
    public private(set) var lineEnding: [UInt8] = [0x0A]
    /// Whether every field of the file is in double quotes (then new fields are too).
    public private(set) var quotesEverything = false
    /// Header names as written (trimmed).
    public private(set) var header: [String] = []
    /// Header names normalised as the readers do: lowercased, spaces as underscores.
    public private(set) var columnNames: [String] = []
    public private(set) var rows: [Row] = []
    private var headerRow: Row?
    /// Physical lines in the file (for the line number of an appended row).
    private var lineCount = 0

    /// Reads `bytes`. Throws when the file has no header row or its CSV is malformed (the
    /// reader's own message and line).
    public init(bytes: [UInt8], file: String) throws(EditError) {
        self.file = file
        self.bytes = bytes
        self.dialect = CSVDialect.detect(bytes)
        try rescan()
    }

    /// A new, empty file with `columns` as its header (LF line ends, a final line end).
    public init(columns: [String], file: String) {
        self.file = file
        self.dialect = CSVDialect()
        var text: [UInt8] = []
        for (k, c) in columns.enumerated() {
            if k > 0 { text.append(CSVDialect.comma) }
            text += Self.encode(c, delimiter: CSVDialect.comma, quote: false)
        }
        text.append(0x0A)
        self.bytes = text
        // A header we wrote ourselves always scans.
        try? rescan()
    }

    /// Normalises a header name as the workspace readers do.
    public static func normalizeColumn(_ raw: String) -> String {
        raw.trimmingWhitespace.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: "_")
    }

    /// The position of a column by name, or nil.
    public func column(_ name: String) -> Int? {
        columnNames.firstIndex(of: Self.normalizeColumn(name))
    }

    public func hasColumn(_ name: String) -> Bool { column(name) != nil }

    /// The trimmed value of `column` in row `row`, or nil when there is no such column.
    public func value(row: Int, column name: String) -> String? {
        guard let c = column(name), rows.indices.contains(row), c < rows[row].fields.count else { return nil }
        return rows[row].fields[c].trimmingWhitespace
    }

    /// The first row whose trimmed `column` equals `value`.
    public func firstRow(where name: String, is value: String) -> Int? {
        guard let c = column(name) else { return nil }
        return rows.firstIndex { c < $0.fields.count && $0.fields[c].trimmingWhitespace == value }
    }

    // MARK: - Editing

    /// Appends one row, values by column name; columns not named are left empty. A name that is
    /// not a column of the file is an error (see `addColumn`). Returns the new row's line.
    @discardableResult
    public mutating func appendRow(_ values: [String: String]) throws(EditError) -> Int {
        try appendRows([values])[0]
    }

    /// Appends rows in order; the lines they start at.
    @discardableResult
    public mutating func appendRows(_ list: [[String: String]]) throws(EditError) -> [Int] {
        var unknown: [String] = []
        var prepared: [[String]] = []
        for values in list {
            var fields = Array(repeating: "", count: columnNames.count)
            for (name, v) in values {
                if let c = column(name) {
                    fields[c] = v
                } else if !unknown.contains(Self.normalizeColumn(name)) {
                    unknown.append(Self.normalizeColumn(name))
                }
            }
            prepared.append(fields)
        }
        if !unknown.isEmpty {
            throw EditError(
                file, .line(1),
                "no column \(unknown.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) in the header row",
                hint: "add the column to the header row first (or leave the value out)")
        }
        var lines: [Int] = []
        for fields in prepared { lines.append(appendFields(fields)) }
        return lines
    }

    private mutating func appendFields(_ fields: [String]) -> Int {
        let endsWithLineEnd = bytes.last == 0x0A || bytes.last == 0x0D
        if !endsWithLineEnd {
            bytes += lineEnding
            lineCount += 1
        }
        let line = lineCount + (endsWithLineEnd ? 1 : 0)
        let start = bytes.count
        var ranges: [Range<Int>] = []
        var quoted: [Bool] = []
        for (k, f) in fields.enumerated() {
            if k > 0 { bytes.append(dialect.delimiter) }
            let q = quotesEverything || Self.needsQuotes(f, delimiter: dialect.delimiter)
            let s = bytes.count
            bytes += Self.encode(f, delimiter: dialect.delimiter, quote: q)
            ranges.append(s..<bytes.count)
            quoted.append(q)
        }
        let range = start..<bytes.count
        let breaks = fields.reduce(0) { $0 + $1.utf8.count { $0 == 0x0A } }
        if endsWithLineEnd {
            bytes += lineEnding
            lineCount += 1 + breaks
        } else {
            lineCount += breaks
        }
        rows.append(Row(line: line, fields: fields, ranges: ranges, quoted: quoted, range: range))
        return line
    }

    /// Sets one field, keeping it quoted if it was. Every other byte stays.
    public mutating func set(row: Int, column name: String, to value: String) throws(EditError) {
        guard let c = column(name) else {
            throw EditError(file, .line(1), "no column \"\(Self.normalizeColumn(name))\" in the header row")
        }
        guard rows.indices.contains(row), c < rows[row].ranges.count else {
            throw EditError(file, .file, "no row \(row + 1) with a field \"\(name)\"")
        }
        let q =
            rows[row].quoted[c] || quotesEverything || Self.needsQuotes(value, delimiter: dialect.delimiter)
        bytes.replaceSubrange(
            rows[row].ranges[c], with: Self.encode(value, delimiter: dialect.delimiter, quote: q))
        try rescan()
    }

    /// Adds a column at the end of the header, with an empty field at the end of every row.
    /// This touches every line (one separator each); nothing else changes.
    public mutating func addColumn(_ name: String) throws(EditError) {
        let n = Self.normalizeColumn(name)
        guard !n.isEmpty else { throw EditError(file, .line(1), "a column needs a name") }
        if columnNames.contains(n) { return }
        guard let headerRow else { throw EditError(file, .file, "the file has no header row") }
        // From the end, so earlier offsets stay valid.
        for r in rows.reversed() {
            bytes.insert(dialect.delimiter, at: r.range.upperBound)
        }
        let q = quotesEverything || Self.needsQuotes(name, delimiter: dialect.delimiter)
        bytes.insert(
            contentsOf: [dialect.delimiter] + Self.encode(name, delimiter: dialect.delimiter, quote: q),
            at: headerRow.range.upperBound)
        try rescan()
    }

    // MARK: - Encoding

    static func needsQuotes(_ s: String, delimiter: UInt8) -> Bool {
        s.utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    static func encode(_ s: String, delimiter: UInt8, quote: Bool) -> [UInt8] {
        guard quote else { return Array(s.utf8) }
        var out: [UInt8] = [0x22]
        for c in s.utf8 {
            if c == 0x22 { out.append(0x22) }
            out.append(c)
        }
        out.append(0x22)
        return out
    }

    // MARK: - Scanning

    /// Finds every record's and field's bytes. The workspace reader has read this file
    /// already; this scan follows the same grammar (RFC 4180, blank lines skipped) and only
    /// needs the boundaries it leaves out.
    private mutating func rescan() throws(EditError) {
        let b = bytes
        let n = b.count
        let delimiter = dialect.delimiter
        var i = 0
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        var line = 1
        var found: [Row] = []
        var firstLineEnd: [UInt8]?
        var allQuoted = true
        func lineEnd(at k: Int) -> Int {
            // Length of the line end at k (0 when none).
            if k < n, b[k] == 0x0D { return k + 1 < n && b[k + 1] == 0x0A ? 2 : 1 }
            return k < n && b[k] == 0x0A ? 1 : 0
        }
        while i < n {
            let blank = lineEnd(at: i)
            if blank > 0 {
                i += blank
                line += 1
                continue
            }
            let recordLine = line
            let start = i
            var fields: [String] = []
            var ranges: [Range<Int>] = []
            var quoted: [Bool] = []
            while true {
                let fieldStart = i
                if i < n, b[i] == 0x22 {
                    var value: [UInt8] = []
                    i += 1
                    while true {
                        guard i < n else {
                            throw EditError(file, .line(recordLine), "quoted field never closes")
                        }
                        if b[i] == 0x22 {
                            if i + 1 < n, b[i + 1] == 0x22 {
                                value.append(0x22)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        let e = lineEnd(at: i)
                        if e > 0 {
                            value += b[i..<(i + e)]
                            i += e
                            line += 1
                            continue
                        }
                        value.append(b[i])
                        i += 1
                    }
                    fields.append(String(decoding: value, as: UTF8.self))
                    quoted.append(true)
                } else {
                    while i < n, b[i] != delimiter, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
                    fields.append(String(decoding: b[fieldStart..<i], as: UTF8.self))
                    quoted.append(false)
                    allQuoted = false
                }
                ranges.append(fieldStart..<i)
                if i < n, b[i] == delimiter {
                    i += 1
                    continue
                }
                if i < n, lineEnd(at: i) == 0 {
                    throw EditError(file, .line(line), "unexpected text after a closing quote")
                }
                break
            }
            let range = start..<i
            let e = lineEnd(at: i)
            if e > 0 {
                if firstLineEnd == nil { firstLineEnd = Array(b[i..<(i + e)]) }
                i += e
                line += 1
            }
            found.append(Row(line: recordLine, fields: fields, ranges: ranges, quoted: quoted, range: range))
        }
        guard let first = found.first else {
            throw EditError(file, .file, "the file is empty: it needs at least a header row")
        }
        headerRow = first
        header = first.fields.map(\.trimmingWhitespace)
        columnNames = header.map(Self.normalizeColumn)
        rows = Array(found.dropFirst())
        for r in rows where r.fields.count != header.count {
            throw EditError(
                file, .line(r.line), "expected \(header.count) fields, found \(r.fields.count)")
        }
        lineEnding = firstLineEnd ?? lineEnding
        quotesEverything = allQuoted && !found.isEmpty
        // Lines so far: a final line end starts no new line of content.
        lineCount = (b.last == 0x0A || b.last == 0x0D) ? line - 1 : line
    }
}
