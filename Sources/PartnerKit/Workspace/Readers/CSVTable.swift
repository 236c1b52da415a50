extension WorkspaceLoader {
    /// The field position of each of `schema`'s columns in canonical order (-1 where the header
    /// lacks it), or nil when the header is unusable (its problems reported): the one header
    /// check of every workspace CSV reader.
    func columnIndex(_ header: [String], file: String, schema: CSVSchema) -> [Int]? {
        guard let c = columns(header, file: file, known: schema.names, required: schema.required) else {
            return nil
        }
        return schema.names.map { c[$0] ?? -1 }
    }

    /// Header checks shared by the CSV files: required columns present, unknown ones warned,
    /// duplicates an error. Returns column name → index.
    func columns(
        _ header: [String], file: String, known: [String], required: [String],
        into target: DiagnosticSink? = nil
    ) -> [String: Int]? {
        let sink = target ?? self.sink
        var map: [String: Int] = [:]
        var ok = true
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingWhitespace.lowercased().split(whereSeparator: { $0 == " " }).joined(
                separator: "_")
            if name.isEmpty { continue }
            if map[name] != nil {
                sink.error(file, .line(1), "column \"\(name)\" appears twice")
                ok = false
                continue
            }
            map[name] = i
            if !known.contains(name) {
                let near = nearest(name, in: known, maxDistance: 2)
                sink.warning(
                    file, .line(1), "unknown column \"\(name)\" is ignored",
                    hint: near.map { "did you mean \"\($0)\"?" })
            }
        }
        for r in required where map[r] == nil {
            sink.error(
                file, .line(1), "required column \"\(r)\" is missing",
                hint: "the header row must name: \(required.joined(separator: ", "))")
            ok = false
        }
        return ok ? map : nil
    }

    /// `1.234` or `120,000` in a `;`-separated file: a lone mark before three digits may group
    /// thousands or mark decimals (see `CSVDialect.decimalCommaNumber`).
    static func ambiguousNumber(
        _ cell: String, column: String, file: String, line: Int, _ a: Double, _ b: Double
    ) -> Diagnostic {
        let a = formatNumber(a, maxFractionDigits: 6), b = formatNumber(b, maxFractionDigits: 6)
        // The decimal reading written so that it is not ambiguous: `1,2340` (a fourth digit).
        let decimal = b.contains(".") ? b.replacingOccurrences(of: ".", with: ",") + "0" : b
        return .error(
            file, .line(line),
            "\(column): \"\(cell)\" could be \(a) or \(b): in a ';'-separated file the mark may group thousands or be the decimal comma",
            hint: "write it as \(a) (no separator) or as \(decimal), whichever you mean")
    }

    /// A row whose field count differs from the header's, with what usually causes it.
    static func fieldCountError(_ file: String, line: Int, expected: Int, found: Int) -> Diagnostic {
        .error(
            file, .line(line), "expected \(expected) fields, found \(found)",
            hint: found > expected
                ? "a comma inside a value needs the value in double quotes"
                : "a missing comma, or a line break inside a value that is not in double quotes")
    }

    /// Streams one workspace CSV through its schema: the header checked against it
    /// (`columnIndex`), then `row` gets each good record with the field position of every
    /// schema column (-1 when absent) and `rejected` each record that is not passed on. A file
    /// that does not load is marked failed, so references into it are not each reported (one
    /// root cause, one error). The one loop behind the organizations, people and ties readers.
    @discardableResult
    func streamTable(
        _ schema: CSVSchema, _ bytes: [UInt8], path p: String,
        rejected: (_ line: Int, _ fields: [String], _ index: [Int]) -> Void = { _, _, _ in },
        row: (_ line: Int, _ fields: [String], _ index: [Int]) -> Void
    ) -> Bool {
        var index: [Int] = []
        let loaded = Self.streamTable(
            bytes, path: p, sink: sink, limits: limits,
            header: { header in
                guard let i = columnIndex(header, file: p, schema: schema) else { return false }
                index = i
                return true
            },
            rejected: { rejected($0, $1, index) }
        ) { row($0, $1, index) }
        if !loaded { failures.fail(schema.file) }
        return loaded
    }

    /// Streams a CSV file: `header` gets the header row (and returns false to skip the body),
    /// then `row` gets each record with the right number of fields, as trimmed strings in a
    /// reused array. No table of all rows is ever built, so a million-row file costs only the
    /// values kept. Field-count and UTF-8 problems are reported with their line.
    /// `rejected` gets each record that is not passed to `row` (wrong field count, bad UTF-8).
    /// Returns false when the file did not load: empty, or a header that `header` rejected.
    /// - Complexity: O(n) in the file's size.
    @discardableResult
    static func streamTable(
        _ bytes: [UInt8], path p: String, sink: DiagnosticSink, limits: InputLimits,
        header: ([String]) -> Bool, rejected: (Int, [String]) -> Void = { _, _ in },
        row: (Int, [String]) -> Void
    ) -> Bool {
        var headerCount = -1
        var skip = false
        var fields: [String] = []
        let diagnostics = bytes.withUnsafeBufferPointer { buf in
            CSVParser.parse(buf, file: p, limits: limits) { record in
                if skip { return }
                let badUTF8 = !record.trimmedFields(into: &fields)
                if badUTF8 {
                    sink.error(
                        p, .line(record.line), "text is not valid UTF-8", hint: "save the file as UTF-8")
                }
                if headerCount < 0 {
                    headerCount = fields.count
                    skip = !header(fields)
                    return
                }
                if fields.count != headerCount {
                    sink.add(
                        Self.fieldCountError(p, line: record.line, expected: headerCount, found: fields.count)
                    )
                    rejected(record.line, fields)
                    return
                }
                if badUTF8 { rejected(record.line, fields) } else { row(record.line, fields) }
            }
        }
        diagnostics.forEach(sink.add)
        if headerCount < 0 && !diagnostics.hasErrors {
            sink.error(p, .file, "the file is empty: it needs at least a header row")
        }
        return headerCount >= 0 && !skip
    }

    /// A number cell (see `CellParser.number`): empty means unknown (nil, no error); text,
    /// NaN, infinity or a value out of range is an error naming the column.
    func number(
        _ cell: String, column: String, file: String, line: Int, positive: Bool = false,
        decimalComma: Bool = false
    ) -> Double? {
        if cell.isEmpty { return nil }
        switch CellParser.number(cell, positive: positive, decimalComma: decimalComma) {
        case .ambiguous(let a, let b):
            sink.add(Self.ambiguousNumber(cell, column: column, file: file, line: line, a, b))
        case .value(let d):
            return d
        case .notANumber:
            sink.error(file, .line(line), "\(column): \"\(cell)\" is not a number")
        case .outOfRange:
            sink.error(
                file, .line(line),
                "\(column): must be \(positive ? "a positive number" : "zero or more"), found \(cell)")
        }
        return nil
    }
}
