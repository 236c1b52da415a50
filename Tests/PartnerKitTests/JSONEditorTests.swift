import Foundation
import Testing

@testable import PartnerKit

/// The JSON editor changes only the value it is asked to, in the file's own layout.
@Suite struct JSONEditorTests {
    func edit(_ text: String, _ body: (inout JSONEditor) throws -> Void) throws -> String {
        var doc = try JSONEditor(bytes: Array(text.utf8), file: "t.json")
        try body(&doc)
        return String(decoding: doc.bytes, as: UTF8.self)
    }

    @Test func nodesKnowTheirBytes() throws {
        let text = #"{"a": [1, "x\"y"], "b": {"c": null}}"#
        guard case .success(let root) = JSONParser.parse(Array(text.utf8)) else {
            Issue.record("does not parse")
            return
        }
        let bytes = Array(text.utf8)
        func slice(_ n: JSONNode?) -> String {
            n.map { String(decoding: bytes[$0.byteRange], as: UTF8.self) } ?? "?"
        }
        #expect(slice(root) == text)
        #expect(slice(root["a"]) == #"[1, "x\"y"]"#)
        #expect(slice(root["b"]?["c"]) == "null")
        if case .array(let items)? = root["a"]?.value { #expect(slice(items[1]) == #""x\"y""#) }
    }

    @Test func replaceKeepsEverythingElse() throws {
        let before = "{\n  \"z\": 1,\n  \"status\":   \"active\" ,\n  \"unknown\": {\"k\": [1,2]}\n}\n"
        let after = try edit(before) { try $0.replace([.key("status")], with: .string("ended")) }
        #expect(after == "{\n  \"z\": 1,\n  \"status\":   \"ended\" ,\n  \"unknown\": {\"k\": [1,2]}\n}\n")
    }

    @Test func appendToInlineArray() throws {
        let after = try edit(#"{"log": ["2026-01-01", "2026-02-01"]}"#) {
            try $0.insert(.string("2026-03-01"), into: [.key("log")])
        }
        #expect(after == #"{"log": ["2026-01-01", "2026-02-01", "2026-03-01"]}"#)
    }

    @Test func insertInTheMiddleOfAMultiLineArray() throws {
        let before = "{\n  \"log\": [\n    \"2026-01-01\",\n    \"2026-03-01\"\n  ]\n}"
        let after = try edit(before) { try $0.insert(.string("2026-02-01"), into: [.key("log")], at: 1) }
        #expect(
            after == "{\n  \"log\": [\n    \"2026-01-01\",\n    \"2026-02-01\",\n    \"2026-03-01\"\n  ]\n}")
    }

    @Test func objectInAOneLineArrayStaysOnTheLine() throws {
        let before = "{\n  \"log\": [\"2026-01-01\"]\n}"
        let after = try edit(before) {
            try $0.insert(
                .object([.init("date", .string("2026-02-01")), .init("note", .string("n"))]),
                into: [.key("log")])
        }
        #expect(after == "{\n  \"log\": [\"2026-01-01\", {\"date\": \"2026-02-01\", \"note\": \"n\"}]\n}")
    }

    @Test func insertIntoEmptyArray() throws {
        let after = try edit("{\n  \"log\": []\n}") {
            try $0.insert(.string("2026-01-01"), into: [.key("log")])
        }
        #expect(after == "{\n  \"log\": [\"2026-01-01\"]\n}")
    }

    @Test func newMemberFollowsItsNeighbours() throws {
        let before = "{\n    \"a\": 1,\n    \"b\": 2\n}\n"
        let after = try edit(before) { try $0.set("c", in: [], to: .string("x")) }
        #expect(after == "{\n    \"a\": 1,\n    \"b\": 2,\n    \"c\": \"x\"\n}\n")
    }

    @Test func newMemberOfAnInlineObjectStaysInline() throws {
        let after = try edit(#"[{"title": "First", "due": "2026-01-01"}]"#) {
            try $0.set("done", in: [.index(0)], to: .string("2026-01-03"))
        }
        #expect(after == #"[{"title": "First", "due": "2026-01-01", "done": "2026-01-03"}]"#)
    }

    @Test func existingMemberIsReplacedNotDuplicated() throws {
        let after = try edit(#"{"done": null, "x": 1}"#) {
            try $0.set("done", in: [], to: .string("2026-01-03"))
        }
        #expect(after == #"{"done": "2026-01-03", "x": 1}"#)
    }

    @Test func newObjectIsIndentedLikeTheFile() throws {
        let before = "{\n  \"partnerships\": [\n    {\n      \"id\": \"a\"\n    }\n  ]\n}\n"
        let after = try edit(before) {
            try $0.insert(
                .object([.init("id", .string("b")), .init("partners", .strings(["x", "y"]))]),
                into: [.key("partnerships")])
        }
        #expect(
            after
                == "{\n  \"partnerships\": [\n    {\n      \"id\": \"a\"\n    },\n    {\n      \"id\": \"b\",\n      \"partners\": [\"x\", \"y\"]\n    }\n  ]\n}\n"
        )
    }

    @Test func stringsAreEscaped() throws {
        let after = try edit(#"{"n": 1}"#) { try $0.set("note", in: [], to: .string("a \"b\"\n\\ c")) }
        #expect(after == #"{"n": 1, "note": "a \"b\"\n\\ c"}"#)
        guard case .success(let root) = JSONParser.parse(Array(after.utf8)),
            case .string(let s)? = root["note"]?.value
        else {
            Issue.record("does not read back")
            return
        }
        #expect(s == "a \"b\"\n\\ c")
    }

    @Test func keysWithEscapedQuotesAreFound() throws {
        let after = try edit(#"{"a\"b": 1, "c": 2}"#) { try $0.set("d", in: [], to: .number(2.5)) }
        #expect(after == #"{"a\"b": 1, "c": 2, "d": 2.5}"#)
    }

    @Test func missingPathIsAnError() throws {
        var doc = try JSONEditor(bytes: Array(#"{"a": 1}"#.utf8), file: "t.json")
        #expect(throws: EditError.self) { try doc.replace([.key("b")], with: .null) }
    }
}
