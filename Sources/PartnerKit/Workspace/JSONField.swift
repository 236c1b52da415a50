/// Reads typed values out of a `JSONNode`, reporting every problem to a sink with the file,
/// the field path (`partnerships[2].goals[0].due`) and the line, and carrying on, so that one
/// run lists all the problems of a file.
public struct JSONField {
    public let node: JSONNode
    /// Dotted path from the document root; empty at the root.
    public let path: String
    public let file: String
    public let sink: DiagnosticSink

    public init(root: JSONNode, file: String, sink: DiagnosticSink) {
        self.node = root
        self.path = ""
        self.file = file
        self.sink = sink
    }

    private init(node: JSONNode, path: String, file: String, sink: DiagnosticSink) {
        self.node = node
        self.path = path
        self.file = file
        self.sink = sink
    }

    public var displayPath: String { path.isEmpty ? "(top level)" : path }

    public func error(_ message: String, hint: String? = nil) {
        sink.error(file, .field(displayPath), located(message), hint: hint)
    }

    public func warning(_ message: String, hint: String? = nil) {
        sink.warning(file, .field(displayPath), located(message), hint: hint)
    }

    /// The message with this field's line, placed right after what is wrong and before any
    /// " — because …" clause about another file, and then naming its own file, so that
    /// "(line 6)" never reads as the other file's line.
    func located(_ message: String) -> String {
        guard let dash = message.range(of: " — ") else { return "\(message) (line \(node.line))" }
        let own = file.split(separator: "/").last.map(String.init) ?? file
        return "\(message[..<dash.lowerBound]) (\(own) line \(node.line))\(message[dash.lowerBound...])"
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member, or nil when it is missing or `null` (both mean "not given").
    public func child(_ key: String) -> JSONField? {
        guard let n = node[key] else { return nil }
        if case .null = n.value { return nil }
        return JSONField(node: n, path: childPath(key), file: file, sink: sink)
    }

    /// The member, reporting an error when it is missing or null.
    public func required(_ key: String) -> JSONField? {
        if let c = child(key) { return c }
        sink.error(file, .field(childPath(key)), "required field is missing (line \(node.line))")
        return nil
    }

    public var isObject: Bool {
        if case .object = node.value { return true }
        return false
    }

    /// Checks that this is an object, reporting an error if not.
    public func expectObject() -> Bool {
        if isObject { return true }
        error("expected an object, found \(node.typeName)")
        return false
    }

    /// Members this reader does not know are a warning (a typo such as `parnters` would otherwise
    /// be silently ignored).
    public func warnUnknownKeys(_ known: Set<String>) {
        guard case .object(let members) = node.value else { return }
        for m in members where !known.contains(m.key) {
            let hint = nearest(m.key, in: known.sorted(), maxDistance: 3).map { "did you mean \"\($0)\"?" }
            sink.warning(
                file, .field(childPath(m.key)),
                "unknown field \"\(m.key)\" is ignored (line \(m.value.line))",
                hint: hint)
        }
    }

    // MARK: - Typed values of this node

    public var string: String? {
        if case .string(let s) = node.value { return s }
        error("expected a string, found \(node.typeName)")
        return nil
    }

    public var number: Double? {
        if case .number(let d) = node.value { return d }
        error("expected a number, found \(node.typeName)")
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = node.value { return b }
        error("expected true or false, found \(node.typeName)")
        return nil
    }

    public var array: [JSONField]? {
        guard case .array(let items) = node.value else {
            error("expected an array, found \(node.typeName)")
            return nil
        }
        return items.enumerated().map {
            JSONField(node: $0.element, path: "\(path)[\($0.offset)]", file: file, sink: sink)
        }
    }

    // MARK: - Typed members

    /// A string member; an empty or blank string counts as missing.
    public func string(_ key: String, required: Bool = false) -> String? {
        guard let c = required ? self.required(key) : child(key), let s = c.string else { return nil }
        let t = s.trimmingWhitespace
        if t.isEmpty {
            if required { c.error("must not be empty") }
            return nil
        }
        return t
    }

    public func number(_ key: String, nonNegative: Bool = true, positive: Bool = false) -> Double? {
        guard let c = child(key), let d = c.number else { return nil }
        if positive && d <= 0 {
            c.error("must be a positive number, found \(formatNumber(d))")
            return nil
        }
        if nonNegative && d < 0 {
            c.error("must not be negative, found \(formatNumber(d))")
            return nil
        }
        return d
    }

    public func bool(_ key: String) -> Bool? { child(key)?.bool }

    /// A `YYYY-MM-DD` date member.
    public func day(_ key: String) -> Day? {
        guard let c = child(key), let s = c.string else { return nil }
        return c.parseDay(s)
    }

    func parseDay(_ s: String) -> Day? {
        if let d = Day(s.trimmingWhitespace) { return d }
        error("\"\(s)\" is not a date: write YYYY-MM-DD (a real calendar date)")
        return nil
    }

    public func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard let c = child(key), let s = c.string else { return nil }
        let t = s.trimmingWhitespace.lowercased()
        if let e = E(rawValue: t) { return e }
        let all = E.allCases.map(\.rawValue)
        c.error(
            "\"\(s)\" is not one of \(all.joined(separator: ", "))",
            hint: nearest(t, in: all, maxDistance: 2).map { "did you mean \"\($0)\"?" })
        return nil
    }

    public func array(_ key: String) -> [JSONField]? { child(key)?.array }

    /// A list of strings; blank items are dropped with an error.
    public func stringList(_ key: String) -> [String]? {
        guard let items = array(key) else { return nil }
        var out: [String] = []
        for item in items {
            guard let s = item.string else { continue }
            let t = s.trimmingWhitespace
            if t.isEmpty { item.error("must not be empty") } else { out.append(t) }
        }
        return out
    }
}

extension StringProtocol {
    /// Trims spaces, tabs and line breaks at both ends.
    public var trimmingWhitespace: String {
        // Fast path: nothing to trim when both ends are visible ASCII.
        let s8 = String(self)
        if let f = s8.utf8.first, let l = s8.utf8.last, f > 0x20, f < 0x7F, l > 0x20, l < 0x7F { return s8 }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Loads a JSON file for a reader: missing, unreadable, too large or malformed files are
/// reported to the sink (syntax errors at `file:line:col`), and nil returned.
public enum JSONDocument {
    public static func load(path: String, sink: DiagnosticSink, limits: InputLimits = .default) -> JSONField?
    {
        switch Files.read(path, limit: limits.maxFileBytes) {
        case .failure(let e):
            sink.error(path, .file, e.message)
            return nil
        case .success(let bytes):
            return parse(bytes, file: path, sink: sink, limits: limits)
        }
    }

    public static func parse(
        _ bytes: [UInt8], file: String, sink: DiagnosticSink, limits: InputLimits = .default
    )
        -> JSONField?
    {
        switch JSONParser.parse(bytes, maxDepth: limits.maxJSONDepth) {
        case .success(let n): return JSONField(root: n, file: file, sink: sink)
        case .failure(let e):
            sink.error(file, .lineColumn(e.line, e.column), e.message)
            return nil
        }
    }
}
