/// A JSON value to print. Members keep the order they were built in, and numbers print in
/// the shortest form that reads back exactly, so the same result always gives the same bytes.
public indirect enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    public static func == (a: JSONOutput, b: JSONOutput) -> Bool { a.serialized() == b.serialized() }

    public static func optional(_ s: String?) -> JSONOutput { s.map { .string($0) } ?? .null }
    public static func optional(_ d: Double?) -> JSONOutput { d.map { .number($0) } ?? .null }
    public static func strings(_ list: [String]) -> JSONOutput { .array(list.map { .string($0) }) }

    /// A number rounded to `digits` decimals, for scores a person reads.
    public static func rounded(_ d: Double, _ digits: Int = 4) -> JSONOutput {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return .number((d * scale).rounded() / scale)
    }

    /// Pretty-printed with two-space indentation and a final newline.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : -1)
        if pretty { out.append("\n") }
        return out
    }

    private func write(into out: inout String, indent: Int) {
        let pretty = indent >= 0
        func newline(_ level: Int) {
            guard pretty else { return }
            out.append("\n")
            out.append(String(repeating: "  ", count: level))
        }
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(String(i))
        case .number(let d): out.append(Self.format(d))
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                newline(indent + 1)
                item.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            newline(indent)
            out.append("]")
        case .object(let members):
            if members.isEmpty { out.append("{}"); return }
            out.append("{")
            for (i, (k, v)) in members.enumerated() {
                if i > 0 { out.append(",") }
                newline(indent + 1)
                Self.quote(k, into: &out)
                out.append(pretty ? ": " : ":")
                v.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            newline(indent)
            out.append("}")
        }
    }

    /// Integers print without a fraction; non-finite numbers (which JSON cannot hold) print
    /// as null rather than as invalid JSON.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func quote(_ s: String, into out: inout String) {
        out.append("\"")
        for u in s.unicodeScalars {
            switch u {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{2028}": out.append("\\u2028")
            case "\u{2029}": out.append("\\u2029")
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out.append("\"")
    }
}

extension Diagnostic {
    /// The diagnostic as JSON, for `check --format json`.
    public var json: JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("severity", .string(severity.rawValue)), ("file", .string(file)),
        ]
        switch location {
        case .file: break
        case .line(let l): members.append(("line", .int(l)))
        case .lineColumn(let l, let c): members += [("line", .int(l)), ("column", .int(c))]
        case .field(let p): members.append(("field", .string(p)))
        }
        members.append(("message", .string(message)))
        if let hint { members.append(("hint", .string(hint))) }
        return .object(members)
    }
}

extension [Diagnostic] {
    /// The diagnostics as a Markdown list, to paste into a ticket or a handover note.
    public func markdown(title: String) -> String {
        var s = "# \(Escape.markdown(title))\n\n\(summary)\n"
        if !isEmpty { s += "\n" }
        for d in self {
            s += "- `\(d.prefix)` **\(d.severity.rawValue)**: \(Escape.markdown(d.message))"
            s += d.hint.map { " — \(Escape.markdown($0))" } ?? ""
            s += "\n"
        }
        return s
    }
}
