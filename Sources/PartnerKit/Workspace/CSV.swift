/// Limits that keep a hostile or mistaken file from exhausting memory or time. Each one,
/// when hit, is an error naming the file and the limit.
public struct InputLimits: Sendable {
    /// Largest file any reader accepts.
    public var maxFileBytes: Int = 2 << 30
    /// Longest single CSV field (a mission statement is a few hundred bytes).
    public var maxFieldBytes: Int = 64 << 10
    /// Most CSV records in one file.
    public var maxRows: Int = 10_000_000
    /// Most fields in one CSV record.
    public var maxFields: Int = 1_000
    /// Deepest JSON nesting.
    public var maxJSONDepth: Int = JSONParser.defaultMaxDepth

    public init() {}
    public static let `default` = InputLimits()
}

/// One record of a CSV file, valid only inside the callback that receives it (its storage is
/// reused for the next record, so reading a million rows allocates almost nothing).
public struct CSVRecord: ~Copyable {
    /// The physical line (1-based) where the record starts.
    public internal(set) var line: Int = 0
    /// Physical lines the record spans (more than one when a quoted field holds a line break).
    public internal(set) var lineCount: Int = 1
    /// Per field: where its bytes are, in `source` or (a quoted field with `""` escapes) in
    /// `scratch`. One array, so a field costs one append.
    @usableFromInline var fields: [Field] = []
    @usableFromInline var scratch: [UInt8] = []
    @usableFromInline var source: UnsafeBufferPointer<UInt8>
    /// The OR of every byte of the record's fields: below 0x80 when the record is all ASCII.
    public internal(set) var byteUnion: UInt8 = 0

    @usableFromInline
    struct Field {
        @usableFromInline var start: Int
        @usableFromInline var end: Int
        @usableFromInline var inScratch: Bool
    }

    init(source: UnsafeBufferPointer<UInt8>) { self.source = source }

    public var count: Int { fields.count }

    /// Whether every byte of every field is ASCII.
    public var isASCII: Bool { byteUnion < 0x80 }

    /// The raw bytes of field `i` (quotes removed, `""` unescaped).
    @inlinable
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let f = fields[i]
        if f.inScratch {
            return try scratch.withUnsafeBufferPointer {
                try body(UnsafeBufferPointer(rebasing: $0[f.start..<f.end]))
            }
        }
        return try body(UnsafeBufferPointer(rebasing: source[f.start..<f.end]))
    }

    /// Field `i` as text, or nil when it is not valid UTF-8.
    public func string(_ i: Int) -> String? {
        withBytes(i) { String(validating: $0, as: UTF8.self) }
    }

    mutating func reset(line: Int) {
        self.line = line
        lineCount = 1
        byteUnion = 0
        fields.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
    }
}

/// A byte-level RFC 4180 reader: quoted fields, `""` escapes, line breaks inside quotes,
/// LF, CRLF or CR line ends, and a UTF-8 byte order mark. It never builds a `String` per
/// row; callers turn only the fields they need into text.
///
/// A malformed record is reported (`file:line: error: …`) and skipped, and reading goes on,
/// so one run lists every problem. A quoted field that never closes is reported at the line
/// where it opened.
public enum CSVParser {
    /// Calls `body` for each record in order. Returns the problems found.
    /// - Complexity: O(n) in the size of the input.
    ///
    /// `delimiter` separates fields; nil (the default) detects it from the header line when
    /// reading from the start of a file (`startLine` 1, see `CSVDialect.detect`) and means a
    /// comma otherwise. A header that could be either is reported and read with commas.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, limits: InputLimits = .default,
        startLine: Int = 1, delimiter: UInt8? = nil, _ body: (borrowing CSVRecord) -> Void
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let n = bytes.count
        var i = 0
        // A byte order mark counts only at the very start of a file (`startLine` 1).
        if startLine == 1, n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var line = startLine
        var record = CSVRecord(source: bytes)
        var rows = 0
        let detected = delimiter == nil && startLine == 1 ? CSVDialect.detect(bytes) : nil
        if let problem = detected?.problem(file: file) { diagnostics.append(problem) }
        let comma = delimiter ?? detected?.delimiter ?? UInt8(ascii: ",")
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        // The bytes below 64 that end or break a field, as bit sets; a delimiter of 64 or
        // above (`|`) is `highComma`, compared on its own (0, never a byte above 63, otherwise).
        let quotedStops: UInt64 = 1 | 1 << UInt64(quote) | 1 << UInt64(lf) | 1 << UInt64(cr)
        let unquotedStops = quotedStops | (comma < 64 ? 1 << UInt64(comma) : 0)
        let highComma: UInt8 = comma >= 64 ? comma : 0
        var union: UInt8 = 0
        // Fields are scanned sixteen bytes at a time up to their first stop (`ByteLanes.skip`);
        // the bytes passed over are ORed into `seen`, folded into `union` at the record's end.
        let raw = bytes.baseAddress.map { UnsafeRawPointer($0) }
        let lanes = ByteLanes(quote: quote, comma: comma)
        var seen = ByteLanes.Lanes(repeating: 0)
        // The header's names (the first record of a file read from its start), so that a field
        // over the length limit names its column (issue 18).
        var header: [String]?

        /// A field over the length limit: its column by name when the header gives one.
        func tooLong(field k: Int, at line: Int) -> Diagnostic {
            let limit = "the field is longer than \(limits.maxFieldBytes) bytes"
            if let name = header.flatMap({ k < $0.count && !$0[k].isEmpty ? $0[k] : nil }) {
                return .error(file, .line(line), "\(name): \(limit)")
            }
            return .error(file, .line(line), "column \(k + 1): \(limit)")
        }

        /// Skips the rest of a broken record up to and including the next line end.
        func skipLine() {
            while i < n {
                let c = bytes[i]
                i += 1
                if c == lf { line += 1; return }
                if c == cr {
                    if i < n, bytes[i] == lf { i += 1 }
                    line += 1
                    return
                }
            }
        }

        recordLoop: while i < n {
            let recordLine = line
            record.reset(line: recordLine)
            union = 0
            seen = .init(repeating: 0)
            // A blank line is not a record.
            if bytes[i] == lf || bytes[i] == cr {
                if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                continue
            }
            rows += 1
            if rows > limits.maxRows {
                diagnostics.append(
                    .error(
                        file, .line(recordLine),
                        "more than \(limits.maxRows) rows: the file is too large to read"))
                return diagnostics
            }
            fieldLoop: while true {
                if record.count >= limits.maxFields {
                    diagnostics.append(
                        .error(file, .line(recordLine), "more than \(limits.maxFields) fields in one row"))
                    skipLine()
                    continue recordLoop
                }
                if i < n && bytes[i] == quote {
                    // Quoted field.
                    let openLine = line
                    i += 1
                    let start = i
                    var usesScratch = false
                    var scratchStart = 0
                    var runStart = i
                    while true {
                        if let raw { i = lanes.skip(raw, from: i, count: n, quoted: true, seen: &seen) }
                        // The last few bytes, one at a time, up to a quote, NUL, LF or CR (a test
                        // of a bit set); after a skip that found one, none.
                        while i < n {
                            let c = bytes[i]
                            if c < 64 && (quotedStops >> UInt64(c)) & 1 != 0 { break }
                            union |= c
                            i += 1
                        }
                        guard i < n else {
                            diagnostics.append(
                                .error(
                                    file, .line(openLine), "quoted field never closes",
                                    hint:
                                        "a field that starts with \" must end with \"; write a quote inside a field as \"\""
                                ))
                            return diagnostics
                        }
                        let c = bytes[i]
                        union |= c
                        if c == quote {
                            if i + 1 < n && bytes[i + 1] == quote {
                                // An escaped quote: from here on the field is built in scratch.
                                if !usesScratch {
                                    usesScratch = true
                                    scratchStart = record.scratch.count
                                }
                                record.scratch.append(
                                    contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<(i + 1)]))
                                i += 2
                                runStart = i
                                continue
                            }
                            break
                        }
                        if c == 0 {
                            diagnostics.append(
                                .error(
                                    file, .line(line), "NUL byte in the file",
                                    hint: "is this really a text CSV file?"))
                            skipLine()
                            continue recordLoop
                        }
                        if c == lf {
                            line += 1
                        } else if c == cr {
                            if !(i + 1 < n && bytes[i + 1] == lf) { line += 1 }
                        }
                        i += 1
                    }
                    // bytes[i] is the closing quote.
                    let end = i
                    i += 1
                    let field: CSVRecord.Field
                    if usesScratch {
                        record.scratch.append(
                            contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
                        field = .init(start: scratchStart, end: record.scratch.count, inScratch: true)
                    } else {
                        field = .init(start: start, end: end, inScratch: false)
                    }
                    record.fields.append(field)
                    if field.end - field.start > limits.maxFieldBytes {
                        diagnostics.append(tooLong(field: record.count - 1, at: openLine))
                        skipLine()
                        continue recordLoop
                    }
                    guard i < n else { break fieldLoop }
                    let c = bytes[i]
                    if c == comma {
                        i += 1
                        continue fieldLoop
                    }
                    if c == lf || c == cr { break fieldLoop }
                    diagnostics.append(
                        .error(
                            file, .line(line), "unexpected text after a closing quote",
                            hint: "enclose the whole field in quotes and write a quote inside it as \"\""))
                    skipLine()
                    continue recordLoop
                } else {
                    // Unquoted field.
                    let start = i
                    if let raw { i = lanes.skip(raw, from: i, count: n, quoted: false, seen: &seen) }
                    while i < n {
                        let c = bytes[i]
                        union |= c
                        // Most bytes stop nothing: one test of a bit set (a delimiter at 64
                        // or above is compared on its own).
                        if c >= 64 {
                            if c == highComma { break }
                            i += 1
                            continue
                        }
                        if (unquotedStops >> UInt64(c)) & 1 == 0 {
                            i += 1
                            continue
                        }
                        if c == comma || c == lf || c == cr { break }
                        if c == quote {
                            diagnostics.append(
                                .error(
                                    file, .line(line), "a quote inside an unquoted field",
                                    hint: "enclose the field in quotes and write the quote as \"\""))
                            skipLine()
                            continue recordLoop
                        }
                        if c == 0 {
                            diagnostics.append(
                                .error(
                                    file, .line(line), "NUL byte in the file",
                                    hint: "is this really a text CSV file?"))
                            skipLine()
                            continue recordLoop
                        }
                        i += 1
                    }
                    if i - start > limits.maxFieldBytes {
                        diagnostics.append(tooLong(field: record.count, at: line))
                        skipLine()
                        continue recordLoop
                    }
                    record.fields.append(.init(start: start, end: i, inScratch: false))
                    if i < n && bytes[i] == comma {
                        i += 1
                        continue fieldLoop
                    }
                    break fieldLoop
                }
            }
            // At a line end or the end of input.
            if i < n {
                if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                i += 1
                line += 1
            }
            record.lineCount = line - recordLine + (i >= n ? 1 : 0)
            record.byteUnion = union | ByteLanes.union(seen)
            if rows == 1 && startLine == 1 {
                header = (0..<record.count).map { record.string($0)?.trimmingWhitespace ?? "" }
            }
            body(record)
        }
        return diagnostics
    }

    /// Convenience for small files and tests: every record as an array of strings. Fields that
    /// are not valid UTF-8 are reported and replaced by an empty string.
    public static func rows(
        _ bytes: [UInt8], file: String, limits: InputLimits = .default, delimiter: UInt8? = nil
    )
        -> (rows: [(line: Int, fields: [String])], diagnostics: [Diagnostic])
    {
        var rows: [(line: Int, fields: [String])] = []
        var extra: [Diagnostic] = []
        let d = bytes.withUnsafeBufferPointer { buf in
            parse(buf, file: file, limits: limits, delimiter: delimiter) { record in
                var fields: [String] = []
                fields.reserveCapacity(record.count)
                var bad = false
                for k in 0..<record.count {
                    if let s = record.string(k) {
                        fields.append(s)
                    } else {
                        fields.append("")
                        bad = true
                    }
                }
                if bad {
                    extra.append(
                        .error(
                            file, .line(record.line), "text is not valid UTF-8",
                            hint: "save the file as UTF-8"))
                }
                rows.append((record.line, fields))
            }
        }
        return (rows, (d + extra).sorted())
    }
}

extension CSVRecord {
    /// Every field as trimmed text, into `fields` (cleared first, capacity kept). Returns false
    /// when a field is not valid UTF-8; that field reads as empty and the caller reports it.
    func trimmedFields(into fields: inout [String]) -> Bool {
        fields.removeAll(keepingCapacity: true)
        var valid = true
        for k in 0..<count {
            if let s = string(k) {
                fields.append(s.trimmingWhitespace)
            } else {
                fields.append("")
                valid = false
            }
        }
        return valid
    }
}
