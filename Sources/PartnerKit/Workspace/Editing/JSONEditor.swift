/// A JSON value to write into a file (the editor's counterpart of `JSONNode.Value`).
public indirect enum JSONLiteral: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONLiteral])
    /// Members in the order to write them.
    case object([Member])

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONLiteral
        public init(_ key: String, _ value: JSONLiteral) {
            self.key = key
            self.value = value
        }
    }

    public static func strings(_ list: [String]) -> JSONLiteral { .array(list.map { .string($0) }) }
}

/// One step of a path into a JSON document.
public enum JSONPathItem: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): ".\(k)"
        case .index(let i): "[\(i)]"
        }
    }
}

extension [JSONPathItem] {
    /// `partnerships[2].milestones[0].done`, as the readers name fields.
    public var display: String {
        var s = ""
        for item in self {
            switch item {
            case .key(let k): s += s.isEmpty ? k : ".\(k)"
            case .index(let i): s += "[\(i)]"
            }
        }
        return s.isEmpty ? "(top level)" : s
    }
}

/// Edits a JSON file by splicing: a changed value replaces exactly its own bytes; a new member
/// or array element is inserted with the separator and indentation its neighbours use. Key
/// order, unknown fields, comments-free formatting choices (inline arrays, one-line objects)
/// and every other byte stay as they were.
///
/// After each edit the document is parsed again (files here are small), so paths always refer
/// to the current bytes.
public struct JSONEditor: Sendable {
    public let file: String
    public private(set) var bytes: [UInt8]
    public private(set) var root: JSONNode

    public init(bytes: [UInt8], file: String) throws(EditError) {
        self.file = file
        self.bytes = bytes
        switch JSONParser.parse(bytes) {
        case .success(let n): root = n
        case .failure(let e): throw EditError(file, .lineColumn(e.line, e.column), e.message)
        }
    }

    /// The node at `path`, or nil.
    public func node(at path: [JSONPathItem]) -> JSONNode? {
        var n = root
        for item in path {
            switch (item, n.value) {
            case (.key(let k), .object):
                guard let c = n[k] else { return nil }
                n = c
            case (.index(let i), .array(let items)):
                guard items.indices.contains(i) else { return nil }
                n = items[i]
            default: return nil
            }
        }
        return n
    }

    /// Replaces the value at `path` (which must exist).
    public mutating func replace(_ path: [JSONPathItem], with value: JSONLiteral) throws(EditError) {
        guard let n = node(at: path) else { throw missing(path) }
        let text = render(value, indent: indentation(ofLineAt: n.start))
        try splice(n.byteRange, with: text)
    }

    /// Sets member `key` of the object at `path`: replaces its value when present, else
    /// appends the member after the object's last one.
    public mutating func set(_ key: String, in path: [JSONPathItem], to value: JSONLiteral) throws(EditError) {
        guard let object = node(at: path) else { throw missing(path) }
        guard case .object(let members) = object.value else {
            throw EditError(file, .field(path.display), "expected an object, found \(object.typeName)")
        }
        if members.contains(where: { $0.key == key }) {
            try replace(path + [.key(key)], with: value)
            return
        }
        let (separator, memberIndent) = memberLayout(object, members.map(\.value))
        let rendered = "\"\(Self.escape(key))\": " + render(value, indent: memberIndent)
        if let last = members.last {
            try splice(last.value.end..<last.value.end, with: separator + rendered)
        } else {
            // `{}` or `{ }`: the member goes inside, on the same line.
            try splice((object.start + 1)..<(object.end - 1), with: rendered)
        }
    }

    /// Inserts `value` into the array at `path`, at `index` (default: the end).
    public mutating func insert(_ value: JSONLiteral, into path: [JSONPathItem], at index: Int? = nil)
        throws(EditError)
    {
        guard let array = node(at: path) else { throw missing(path) }
        guard case .array(let items) = array.value else {
            throw EditError(file, .field(path.display), "expected an array, found \(array.typeName)")
        }
        let k = min(max(index ?? items.count, 0), items.count)
        let (separator, itemIndent) = memberLayout(array, items)
        let rendered = render(value, indent: itemIndent)
        if items.isEmpty {
            let nested: Bool
            switch value {
            case .array, .object: nested = true
            default: nested = false
            }
            if separator.contains("\n") && nested {
                let close = indentation(ofLineAt: array.start)
                try splice((array.start + 1)..<(array.end - 1), with: "\n\(itemIndent)\(rendered)\n\(close)")
            } else {
                try splice((array.start + 1)..<(array.end - 1), with: rendered)
            }
        } else if k == items.count {
            let end = items[k - 1].end
            try splice(end..<end, with: separator + rendered)
        } else {
            let start = items[k].start
            try splice(start..<start, with: rendered + separator)
        }
    }

    // MARK: - Layout

    /// The separator between members or items of a container (`, ` or `,\n      `) and the
    /// indentation of a member's line, read from the container itself; for an empty or
    /// one-element container, from its opening bracket.
    private func memberLayout(_ container: JSONNode, _ items: [JSONNode]) -> (String, String) {
        let outer = indentation(ofLineAt: container.start)
        if items.count >= 2 {
            // Between the end of one member and the start of the next (skipping a key).
            let a = items[items.count - 2].end
            let b = keyStart(before: items[items.count - 1], in: container)
            let gap = text(a..<b)
            let ws = gap.drop { $0 != "," }.dropFirst()
            return ("," + ws, lastLineIndent(String(ws)) ?? outer)
        }
        if let first = items.first {
            let lead = text((container.start + 1)..<keyStart(before: first, in: container))
            if lead.contains("\n"), let ind = lastLineIndent(lead) { return (",\n" + ind, ind) }
            return (", ", outer)
        }
        // Empty: a new member goes on its own line one step in when the file is indented.
        let unit = indentUnit()
        return (unit.isEmpty ? ", " : ",\n", outer + unit)
    }

    /// Where a member's key starts (for an array item, the item itself).
    private func keyStart(before value: JSONNode, in container: JSONNode) -> Int {
        guard case .object = container.value else { return value.start }
        // Back from the value over spaces, ':', spaces, then the quoted key.
        var i = value.start - 1
        while i > container.start, Self.isSpace(bytes[i]) { i -= 1 }
        if i > container.start, bytes[i] == UInt8(ascii: ":") { i -= 1 }
        while i > container.start, Self.isSpace(bytes[i]) { i -= 1 }
        // bytes[i] is the key's closing quote; find its opening quote (not an escaped one).
        i -= 1
        while i > container.start {
            if bytes[i] == 0x22 {
                var slashes = 0
                var j = i - 1
                while j > container.start, bytes[j] == UInt8(ascii: "\\") {
                    slashes += 1
                    j -= 1
                }
                if slashes % 2 == 0 { return i }
            }
            i -= 1
        }
        return value.start
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func text(_ r: Range<Int>) -> String {
        guard r.lowerBound <= r.upperBound, r.upperBound <= bytes.count else { return "" }
        return String(decoding: bytes[r], as: UTF8.self)
    }

    private func lastLineIndent(_ s: String) -> String? {
        guard let nl = s.lastIndex(of: "\n") else { return nil }
        return String(s[s.index(after: nl)...].prefix { $0 == " " || $0 == "\t" })
    }

    /// The leading spaces of the line containing byte `offset`.
    func indentation(ofLineAt offset: Int) -> String {
        var s = min(offset, bytes.count)
        while s > 0, bytes[s - 1] != 0x0A { s -= 1 }
        var e = s
        while e < bytes.count, bytes[e] == 0x20 || bytes[e] == 0x09 { e += 1 }
        return text(s..<e)
    }

    /// One level of indentation in this file: the smallest indentation of any line (two spaces
    /// when none is indented; empty when the whole document is on one line).
    func indentUnit() -> String {
        var best: String?
        var i = 0
        var atLineStart = false
        var lines = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                atLineStart = true
                lines += 1
                i += 1
                continue
            }
            if atLineStart {
                var e = i
                while e < bytes.count, bytes[e] == 0x20 || bytes[e] == 0x09 { e += 1 }
                if e > i, e < bytes.count, bytes[e] != 0x0A, best.map({ e - i < $0.utf8.count }) ?? true {
                    best = text(i..<e)
                }
                atLineStart = false
                i = e
                continue
            }
            i += 1
        }
        if lines == 0 { return "" }
        return best ?? "  "
    }

    // MARK: - Writing values

    /// Renders a new value in the file's style: scalars and arrays of scalars on one line,
    /// objects and arrays of objects one member per line, indented one level from `indent`.
    func render(_ v: JSONLiteral, indent: String) -> String {
        let unit = indentUnit()
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return Self.number(d)
        case .string(let s): return "\"\(Self.escape(s))\""
        case .array(let items):
            if items.isEmpty { return "[]" }
            let simple = items.allSatisfy {
                switch $0 {
                case .array, .object: false
                default: true
                }
            }
            if simple || unit.isEmpty {
                return "[" + items.map { render($0, indent: indent) }.joined(separator: ", ") + "]"
            }
            let inner = indent + unit
            return "[\n" + items.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            if unit.isEmpty {
                return "{"
                    + members.map { "\"\(Self.escape($0.key))\": \(render($0.value, indent: indent))" }.joined(
                        separator: ", ") + "}"
            }
            let inner = indent + unit
            return "{\n"
                + members.map { "\(inner)\"\(Self.escape($0.key))\": \(render($0.value, indent: inner))" }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    // MARK: - Splicing

    private mutating func splice(_ range: Range<Int>, with text: String) throws(EditError) {
        var next = bytes
        next.replaceSubrange(range, with: Array(text.utf8))
        switch JSONParser.parse(next) {
        case .success(let n):
            bytes = next
            root = n
        case .failure(let e):
            // Not reachable from well-formed input; refuse rather than write a broken file.
            throw EditError(file, .lineColumn(e.line, e.column), "the edit would break the file: \(e.message)")
        }
    }

    private func missing(_ path: [JSONPathItem]) -> EditError {
        EditError(file, .field(path.display), "not found")
    }
}
