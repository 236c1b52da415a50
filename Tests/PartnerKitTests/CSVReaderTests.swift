import Foundation
import Testing

@testable import PartnerKit

/// The CSV reader's edge cases, as a table: input bytes → the rows (with their physical start
/// line) and the errors it must report.
@Suite struct CSVReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: String
        var rows: [[String]]
        var lines: [Int] = []
        var errors: [String] = []  // "line: fragment of the message"
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain", input: "a,b\n1,2\n", rows: [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case(name: "no final newline", input: "a,b\n1,2", rows: [["a", "b"], ["1", "2"]]),
        Case(name: "CRLF", input: "a,b\r\n1,2\r\n", rows: [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case(name: "bare CR", input: "a,b\r1,2\r", rows: [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case(name: "BOM", input: "\u{FEFF}id,name\nx,y\n", rows: [["id", "name"], ["x", "y"]]),
        Case(name: "quoted comma", input: "\"a,b\",c\n", rows: [["a,b", "c"]]),
        Case(name: "doubled quote", input: "\"say \"\"hi\"\"\",x\n", rows: [["say \"hi\"", "x"]]),
        Case(
            name: "quoted newline keeps physical lines", input: "h\n\"two\nlines\"\nnext\n",
            rows: [["h"], ["two\nlines"], ["next"]], lines: [1, 2, 4]),
        Case(
            name: "quoted CRLF", input: "\"a\r\nb\",c\r\nd,e\r\n", rows: [["a\r\nb", "c"], ["d", "e"]],
            lines: [1, 3]),
        Case(name: "empty fields", input: ",,\n", rows: [["", "", ""]]),
        Case(name: "empty quoted", input: "\"\",x\n", rows: [["", "x"]]),
        Case(name: "blank lines skipped", input: "a\n\n\nb\n", rows: [["a"], ["b"]], lines: [1, 4]),
        Case(
            name: "non-ASCII", input: "Asociación,Café Lumière,日本\n",
            rows: [["Asociación", "Café Lumière", "日本"]]),
        Case(
            name: "unclosed quote reported where it opened", input: "h\nok\n\"never\ncloses\n",
            rows: [["h"], ["ok"]], errors: ["3: quote"]),
        Case(
            name: "quote inside unquoted field", input: "ab\"c,d\nx,y\n", rows: [["x", "y"]],
            errors: ["1: quote"]),
        Case(
            name: "text after closing quote", input: "\"ab\"c,d\nx,y\n", rows: [["x", "y"]],
            errors: ["1: after"]),
        Case(name: "NUL byte", input: "a\u{0}b,c\nx,y\n", rows: [["x", "y"]], errors: ["1: NUL"]),
        Case(
            name: "errors on several lines are all reported", input: "a\"b\nok\nc\"d\n", rows: [["ok"]],
            errors: ["1: quote", "3: quote"]),
    ]

    @Test(arguments: cases)
    func readsCase(_ c: Case) {
        let (rows, diagnostics) = CSVParser.rows(Array(c.input.utf8), file: "t.csv")
        #expect(rows.map(\.fields) == c.rows)
        if !c.lines.isEmpty { #expect(rows.map(\.line) == c.lines) }
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == c.errors.count, "\(diagnostics.map(\.formatted))")
        for (d, want) in zip(errors, c.errors) {
            let parts = want.split(separator: ":", maxSplits: 1)
            #expect(d.formatted.hasPrefix("t.csv:\(parts[0]): error:"), "\(d.formatted)")
            #expect(
                d.message.localizedLowercase.contains(
                    parts[1].trimmingCharacters(in: .whitespaces).lowercased()), "\(d.formatted)")
        }
    }

    @Test func invalidUTF8IsReportedWithItsLine() {
        let bytes: [UInt8] = Array("a,b\n".utf8) + [0x66, 0xFF, 0x2C, 0x78, 0x0A]
        let (rows, diagnostics) = CSVParser.rows(bytes, file: "t.csv")
        #expect(rows.count == 2)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.formatted.hasPrefix("t.csv:2: error:") == true)
        #expect(diagnostics.first?.message.contains("UTF-8") == true)
    }

    @Test func fieldLengthLimit() {
        var limits = InputLimits()
        limits.maxFieldBytes = 8
        let (rows, diagnostics) = CSVParser.rows(
            Array("short,x\n0123456789abc,y\nok,z\n".utf8), file: "t.csv", limits: limits)
        #expect(rows.map(\.fields) == [["short", "x"], ["ok", "z"]])
        #expect(diagnostics.map { $0.prefix } == ["t.csv:2:"])
    }

    @Test func rowLimitStopsWithAnError() {
        var limits = InputLimits()
        limits.maxRows = 2
        let (_, diagnostics) = CSVParser.rows(Array("a\nb\nc\nd\n".utf8), file: "t.csv", limits: limits)
        #expect(diagnostics.hasErrors)
    }

    /// `isASCII` says whether any field byte of the record is 0x80 or above, wherever it sits:
    /// an unquoted field, a quoted one, one with `""` escapes, or one with a line break.
    @Test func recordsKnowWhetherTheyAreASCII() {
        let input = "a,b\nsé,x\n\"é\",x\n\"\"\"é\",x\n\"a\nb\",c\n\"q\"\"\",x\nz,ü\n"
        var seen: [Bool] = []
        let bytes = Array(input.utf8)
        _ = bytes.withUnsafeBufferPointer { buf in
            CSVParser.parse(buf, file: "t.csv") { record in seen.append(record.isASCII) }
        }
        #expect(seen == [true, false, false, false, true, true, false])
        // A delimiter above 63 (`|`) still splits fields.
        let piped = Array("a|b\nc|\"d|e\"\n".utf8)
        var fields: [[String]] = []
        _ = piped.withUnsafeBufferPointer { buf in
            CSVParser.parse(buf, file: "t.csv", delimiter: UInt8(ascii: "|")) { record in
                fields.append((0..<record.count).map { record.string($0) ?? "?" })
            }
        }
        #expect(fields == [["a", "b"], ["c", "d|e"]])
    }
}
