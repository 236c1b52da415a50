import Foundation
import Testing

@testable import PartnerKit

/// The editing session: what it checks before writing, and that it never overwrites a file
/// someone else changed meanwhile.
@Suite struct WorkspaceEditorTests {
    static let partnerships = """
        { "partnerships": [ { "id": "p1", "title": "Money clinic", "partners": ["cu"], "status": "active",
          "goals": [ { "text": "20 clinics", "priority": "work", "target": 20 } ],
          "milestones": [ { "title": "First clinic", "due": "2026-01-01" } ] } ] }
        """

    typealias Operation = @Sendable (inout WorkspaceEditor) throws(EditError) -> Void
    static let day = Day("2026-11-29") ?? Day(ordinal: 0)

    static let operations: [(String, Operation)] = [
        (
            "add organization",
            { (e: inout WorkspaceEditor) throws(EditError) in
                try e.addOrganization(id: "new", fields: ["name": "New"])
            }
        ),
        (
            "add person",
            { (e: inout WorkspaceEditor) throws(EditError) in
                try e.addPerson(id: "bo", fields: ["name": "Bo", "organization": "wf"])
            }
        ),
        (
            "add tie",
            { (e: inout WorkspaceEditor) throws(EditError) in
                try e.addTie(
                    source: "lib", target: "wf", kind: "knows", strength: 2, lastContact: nil, note: nil)
            }
        ),
        (
            "add partnership",
            { (e: inout WorkspaceEditor) throws(EditError) in
                try e.addPartnership(id: "p2", title: "T", partners: ["wf"])
            }
        ),
        (
            "log",
            { (e: inout WorkspaceEditor) throws(EditError) in try e.logContact(partnership: "p1", date: day) }
        ),
        (
            "done",
            { (e: inout WorkspaceEditor) throws(EditError) in
                try e.markDone(partnership: "p1", milestone: "first", date: day)
            }
        ),
        (
            "result",
            { (e: inout WorkspaceEditor) throws(EditError) in
                try e.recordResult(partnership: "p1", goal: "1", achieved: 21, date: day)
            }
        ),
        (
            "status",
            { (e: inout WorkspaceEditor) throws(EditError) in
                try e.setStatus(
                    partnership: "p1", status: .ended, outcome: "met-goals", reason: nil, date: day)
            }
        ),
    ]

    static var names: [String] { operations.map(\.0) }

    static func operation(_ name: String) -> Operation? { operations.first { $0.0 == name }?.1 }

    /// A mini workspace with `partnerships`, and an editor that has done the named operation
    /// (nothing committed yet).
    static func edited(by name: String) throws -> (TemporaryFolder, WorkspaceEditor) {
        let folder = MiniWorkspace.make(["partnerships.json": Self.partnerships])
        var editor = try WorkspaceEditor.open(directory: folder.path, defaultVocabulary: toolkitVocabulary)
        let operation = try #require(Self.operation(name))
        try operation(&editor)
        return (folder, editor)
    }

    @Test(arguments: names)
    func writesAndLogs(name: String) throws {
        let (folder, editor) = try Self.edited(by: name)
        #expect(!editor.changedFiles.isEmpty)
        try editor.commit(command: "partnerkit \(name)", user: "tester")
        let reloaded = WorkspaceLoader.load(directory: folder.path, defaultVocabulary: toolkitVocabulary)
        #expect(!reloaded.diagnostics.hasErrors, "\(reloaded.diagnostics.map(\.formatted))")
        let (entries, problems) = HistoryLog.read(directory: folder.path)
        #expect(problems.isEmpty)
        #expect(entries.count == 1)
        #expect(entries.first?.command == "partnerkit \(name)")
        #expect(entries.first?.user == "tester")
        #expect(entries.first?.changes == editor.changes.map(\.formatted))
    }

    /// Concurrent-edit protection: the file is changed on disk after it was read; the commit
    /// refuses, writes nothing, and the other change survives.
    @Test(arguments: names)
    func refusesWhenAFileChangedOnDisk(name: String) throws {
        let (folder, editor) = try Self.edited(by: name)
        let victim = try #require(editor.changedFiles.first)
        let others = editor.changedFiles.dropFirst().map { ($0, folder.read($0)) }
        let theirs = (folder.read(victim) ?? "") + "\n"
        folder.write(victim, theirs)
        #expect {
            try editor.commit(command: name)
        } throws: { error in
            (error as? EditError)?.diagnostics.first?.message.contains("changed on disk") == true
        }
        #expect(folder.read(victim) == theirs)
        for (f, text) in others { #expect(folder.read(f) == text, "\(f) was written") }
        #expect(folder.read("history.log") == nil)
    }

    @Test func refusesAnEditTheReaderRejects() throws {
        let folder = MiniWorkspace.make()
        var editor = try WorkspaceEditor.open(directory: folder.path, defaultVocabulary: toolkitVocabulary)
        try editor.addOrganization(id: "x", fields: ["name": "X", "annual_budget": "a lot"])
        #expect {
            _ = try editor.validate()
        } throws: { error in
            (error as? EditError)?.diagnostics.first?.formatted.contains(
                "organizations.csv:4: error: annual_budget") == true
        }
        #expect(throws: EditError.self) { try editor.commit(command: "add") }
        #expect(folder.read("organizations.csv") == MiniWorkspace.organizations + "\n")
    }

    @Test func refusesAWorkspaceWithErrors() {
        let folder = MiniWorkspace.make(["library.json": "{"])
        #expect(throws: EditError.self) {
            _ = try WorkspaceEditor.open(directory: folder.path, defaultVocabulary: toolkitVocabulary)
        }
    }

    @Test func newFilesAreCreatedWithTheirHeader() throws {
        let folder = MiniWorkspace.make([
            "people.csv": nil, "relationships.csv": nil, "partnerships.json": nil,
        ])
        var editor = try WorkspaceEditor.open(directory: folder.path, defaultVocabulary: toolkitVocabulary)
        try editor.addPerson(id: "bo", fields: ["name": "Bo", "organization": "cu"])
        try editor.addTie(
            source: "lib", target: "cu", kind: "Knows", strength: 3, lastContact: nil, note: nil)
        try editor.addPartnership(id: "p", title: "T", partners: ["cu"])
        try editor.commit(command: "add")
        #expect(folder.read("people.csv") == "id,name,organization,role,email,phone\nbo,Bo,cu,,,\n")
        #expect(
            folder.read("relationships.csv")
                == "source,target,kind,strength,last_contact,note\nlib,cu,knows,3,,\n")
        #expect(
            folder.read("partnerships.json")
                == "{\n  \"partnerships\": [\n    {\n      \"id\": \"p\",\n      \"title\": \"T\",\n      \"partners\": [\"cu\"],\n      \"status\": \"proposed\"\n    }\n  ]\n}\n"
        )
    }

    @Test func milestonesAndGoalsByNumberOrPrefix() {
        let titles: [String?] = ["First sailing", "First deposit", "Terminal table", nil]
        #expect(WorkspaceEditor.resolve("3", titles: titles, what: "milestone", in: "p") == .found(2))
        #expect(WorkspaceEditor.resolve("term", titles: titles, what: "milestone", in: "p") == .found(2))
        #expect(
            WorkspaceEditor.resolve("First deposit", titles: titles, what: "milestone", in: "p") == .found(1))
        guard
            case .problem(let why) = WorkspaceEditor.resolve(
                "first", titles: titles, what: "milestone", in: "p")
        else {
            Issue.record("an ambiguous prefix must not resolve")
            return
        }
        #expect(why.contains(#"1 "First sailing", 2 "First deposit""#))
        #expect(WorkspaceEditor.resolve("9", titles: titles, what: "milestone", in: "p") != .found(8))
    }

    @Test func historyLinesRoundTrip() {
        let e = HistoryEntry(
            time: Date(timeIntervalSince1970: 1_796_000_000), user: "ana",
            command: "partnerkit log p --note 'a\tb'",
            changes: ["x.json: a: b", "y.csv:3: c\nd"])
        let line = HistoryLog.line(e)
        #expect(line.hasPrefix(HistoryLog.format(e.time) + "\tana\t"))
        let (entries, problems) = HistoryLog.parse(
            Array((line + "hand-written note\n").utf8), file: "history.log")
        #expect(entries.first?.time == e.time)
        #expect(entries.first?.changes == ["x.json: a: b", "y.csv:3: c d"])
        #expect(problems.count == 1)
        #expect(problems.first?.location == .line(2))
    }
}
