/// A JSON value with the line and column where it starts, so that every later complaint
/// about it can point at the spot.
///
/// PartnerKit parses JSON itself rather than through Foundation: it needs the position of every
/// value (not only of syntax errors), a nesting limit that turns a 100,000-deep array into an
/// error instead of a stack overflow, and numbers such as `1e400` reported instead of becoming
/// infinity. RFC 8259 grammar, UTF-8 input.
public struct JSONNode: Sendable {
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        /// Members in document order.
        case object([(key: String, value: JSONNode)])
    }

    public var value: Value
    public var line: Int
    public var column: Int
    /// Byte offsets of the value in the parsed bytes, `start..<end` (for a string, from its
    /// opening quote to just past its closing one): what an editor splices to change one value
    /// and leave every other byte of the file as it was.
    public var start: Int = 0
    public var end: Int = 0

    public var byteRange: Range<Int> { start..<end }

    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }
}

public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}

public struct JSONParser {
    public static let defaultMaxDepth = 128

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private let maxDepth: Int

    /// Parses one JSON document.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) -> Result<
        JSONNode, JSONSyntaxError
    > {
        var p = JSONParser(bytes: bytes, maxDepth: maxDepth)
        do {
            // A UTF-8 byte order mark is tolerated, as editors on Windows write one.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                p.i = 3
                p.lineStart = 3
            }
            p.skipSpace()
            let v = try p.value(depth: 0)
            p.skipSpace()
            if p.i < bytes.count {
                throw p.fail("unexpected \(p.describeCurrent()) after the end of the document")
            }
            return .success(v)
        } catch let e as JSONSyntaxError {
            return .failure(e)
        } catch {
            return .failure(JSONSyntaxError(line: p.line, column: p.column, message: "\(error)"))
        }
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private var column: Int {
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        var c = 1
        var k = lineStart
        while k < i && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return c
    }

    private func fail(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column, message: message)
    }

    private func describeCurrent() -> String {
        guard i < bytes.count else { return "end of file" }
        let b = bytes[i]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return String(format: "byte 0x%02X", b)
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws -> JSONNode {
        let start = i
        var node = try bareValue(depth: depth)
        node.start = start
        node.end = i
        return node
    }

    private mutating func bareValue(depth: Int) throws -> JSONNode {
        guard i < bytes.count else { throw fail("unexpected end of file: expected a value") }
        let l = line, c = column
        switch bytes[i] {
        case UInt8(ascii: "{"): return JSONNode(value: try object(depth: depth + 1), line: l, column: c)
        case UInt8(ascii: "["): return JSONNode(value: try array(depth: depth + 1), line: l, column: c)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try string()), line: l, column: c)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(value: .bool(true), line: l, column: c)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(value: .bool(false), line: l, column: c)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(value: .null, line: l, column: c)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try number()), line: l, column: c)
        default:
            if bytes[i] == UInt8(ascii: "N") || bytes[i] == UInt8(ascii: "I") {
                throw fail("NaN and Infinity are not JSON numbers")
            }
            throw fail("unexpected \(describeCurrent()): expected a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + w.count <= bytes.count, bytes[i..<(i + w.count)].elementsEqual(w) else {
            throw fail("unexpected \(describeCurrent()): expected a value")
        }
        i += w.count
    }

    private mutating func object(depth: Int) throws -> JSONNode.Value {
        if depth > maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
        i += 1
        var members: [(key: String, value: JSONNode)] = []
        var seen = Set<String>()
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw fail("unexpected \(describeCurrent()): expected a member name in double quotes")
            }
            let kl = line, kc = column
            let key = try string()
            if !seen.insert(key).inserted {
                throw JSONSyntaxError(line: kl, column: kc, message: "duplicate member \"\(key)\"")
            }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw fail("unexpected \(describeCurrent()): expected ':' after member name")
            }
            i += 1
            skipSpace()
            members.append((key, try value(depth: depth)))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of file: expected ',' or '}'") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return .object(members)
            }
            throw fail("unexpected \(describeCurrent()): expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws -> JSONNode.Value {
        if depth > maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
        i += 1
        var items: [JSONNode] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value(depth: depth))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of file: expected ',' or ']'") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            throw fail("unexpected \(describeCurrent()): expected ',' or ']'")
        }
    }

    private mutating func number() throws -> Double {
        let start = i
        func digits() -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw fail("a number needs digits") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                throw fail("a number may not start with 0")
            }
        } else {
            _ = digits()
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw fail("a number needs digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            i = start
            throw fail("number \(text) is out of range")
        }
        return d
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("invalid \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private mutating func string() throws -> String {
        let openLine = line, openColumn = column
        i += 1
        var out: [UInt8] = []
        var runStart = i
        while true {
            guard i < bytes.count else {
                throw JSONSyntaxError(line: openLine, column: openColumn, message: "string never closes")
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[runStart..<i])
                i += 1
                break
            }
            if b < 0x20 {
                throw fail(
                    b == 0x0A ? "line break inside a string (write \\n)" : "control character inside a string"
                )
            }
            if b == UInt8(ascii: "\\") {
                out.append(contentsOf: bytes[runStart..<i])
                i += 1
                guard i < bytes.count else { throw fail("string never closes") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"),
                            bytes[i + 1] == UInt8(ascii: "u")
                        else { throw fail("unpaired surrogate in \\u escape") }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw fail("unpaired surrogate in \\u escape")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("unpaired surrogate in \\u escape")
                    }
                    guard scalar != 0 else { throw fail("NUL character (\\u0000) inside a string") }
                    guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    i -= 1
                    throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))'")
                }
                runStart = i
                continue
            }
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw JSONSyntaxError(line: openLine, column: openColumn, message: "string is not valid UTF-8")
        }
        return s
    }
}
