import Testing

@testable import PartnerKit

/// Every validation rule of the workspace reader, each provoked once on an otherwise valid
/// workspace, and the valid workspace itself read cleanly.
@Suite struct WorkspaceLoaderTests {
    @Test func validWorkspaceLoadsCleanly() throws {
        let (result, folder) = MiniWorkspace.load()
        #expect(result.diagnostics.rendered(in: folder) == [])
        let w = try #require(result.workspace)
        #expect(w.organizations.map(\.id) == ["cu", "wf"])
        #expect(w.organizations[0].annualBudget == 1_200_000)
        #expect(w.organizations[1].annualBudget == nil, "an empty cell is unknown, not zero")
        #expect(w.people.count == 1)
        #expect(w.ties.count == 3)
        #expect(w.partnerships.map(\.id) == ["p1"])
        #expect(w.library.priorities.first?.weight == 3)
    }

    struct Rule: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var text: String?
        /// Fragments that must each appear in one rendered diagnostic, e.g. "organizations.csv:3: error: …".
        var expect: [String]
        var isError = true
        var testDescription: String { name }
    }

    static let org = "id,name,sector,topics,audiences,offers,needs,staff_fte,annual_budget\n"
    static let tie = "source,target,kind,strength,last_contact,note\n"

    static let rules: [Rule] = [
        Rule(
            name: "missing library.json", file: "library.json", text: nil,
            expect: ["library.json: error: required file is missing"]),
        Rule(
            name: "missing organizations.csv", file: "organizations.csv", text: nil,
            expect: ["organizations.csv: error: required file is missing"]),
        Rule(
            name: "JSON syntax error has line:column", file: "library.json",
            text: "{\n  \"id\": \"lib\",\n  \"name\": \n}\n",
            expect: ["library.json:4:1: error:"]),
        Rule(
            name: "library field type", file: "library.json",
            text: #"{"id": "lib", "name": 5, "priorities": [{"id": "w", "label": "W", "weight": -1}]}"#,
            expect: ["library.json: name: error:", "library.json: priorities[0].weight: error:"]),
        Rule(
            name: "missing required column", file: "organizations.csv", text: "id,sector\ncu,business\n",
            expect: ["organizations.csv:1: error: required column \"name\" is missing"]),
        Rule(
            name: "unknown column warns", file: "organizations.csv",
            text: "id,name,colour\ncu,CU,red\nwf,WF,blue\n",
            expect: ["organizations.csv:1: warning: unknown column \"colour\""], isError: false),
        Rule(
            name: "wrong field count", file: "organizations.csv",
            text: org + "cu,CU\nwf,WF,government,,,,,,\n",
            expect: ["organizations.csv:2: error: expected 9 fields, found 2"]),

        Rule(
            name: "duplicate id across files", file: "people.csv",
            text: "id,name,organization,role,email,phone\ncu,Ana,cu,lead,,\n",
            expect: ["people.csv:2: error: duplicate id \"cu\""]),
        Rule(
            name: "duplicate organization id", file: "organizations.csv",
            text: org + "cu,A,,,,,,,\ncu,B,,,,,,,\nwf,W,,,,,,,\n",
            expect: ["organizations.csv:3: error: duplicate id \"cu\""]),
        Rule(
            name: "not a number", file: "organizations.csv",
            text: org + "cu,CU,business,,,,,lots,\nwf,W,,,,,,,\n",
            expect: ["organizations.csv:2: error: staff_fte: \"lots\" is not a number"]),
        Rule(
            name: "negative budget", file: "organizations.csv",
            text: org + "cu,CU,business,,,,,,-5\nwf,W,,,,,,,\n",
            expect: ["organizations.csv:2: error: annual_budget:"]),
        Rule(
            name: "NaN is not a number", file: "organizations.csv",
            text: org + "cu,CU,business,,,,,nan,\nwf,W,,,,,,,\n",
            expect: ["organizations.csv:2: error: staff_fte:"]),
        Rule(
            name: "sector enumeration", file: "organizations.csv",
            text: org + "cu,CU,bank,,,,,,\nwf,W,,,,,,,\n",
            expect: ["organizations.csv:2: error: sector: \"bank\" is not one of"]),
        Rule(
            name: "unclosed quote at the opening line", file: "organizations.csv",
            text: org + "wf,W,,,,,,,\ncu,\"Credit Union,business,,,,,,\n",
            expect: ["organizations.csv:3: error:"]),
        Rule(
            name: "person's organization resolves", file: "people.csv",
            text: "id,name,organization,role,email,phone\nana,Ana,nowhere,lead,,\n",
            expect: ["people.csv:2: error: organization: \"nowhere\" is not an id in organizations.csv"]),
        Rule(
            name: "tie endpoint resolves", file: "relationships.csv",
            text: tie + "lib,ghost,knows,2,2026-01-01,\n",
            expect: ["relationships.csv:2: error:", "\"ghost\""]),
        Rule(
            name: "tie date is a real date", file: "relationships.csv",
            text: tie + "lib,cu,knows,2,2026-02-30,\n",
            expect: ["relationships.csv:2: error: last_contact: \"2026-02-30\" is not a date"]),
        Rule(
            name: "tie strength positive", file: "relationships.csv", text: tie + "lib,cu,knows,0,,\n",
            expect: ["relationships.csv:2: error: strength:"]),
        Rule(
            name: "tie strength outside 1-4 warns", file: "relationships.csv",
            text: tie + "lib,cu,knows,7,,\n",
            expect: ["relationships.csv:2: warning: strength: 7 is outside the 1–4 scale"], isError: false),
        Rule(
            name: "self tie warns", file: "relationships.csv", text: tie + "cu,cu,knows,2,,\n",
            expect: ["relationships.csv:2: warning: a tie from \"cu\" to itself"], isError: false),
        Rule(
            name: "partnership partner resolves", file: "partnerships.json",
            text:
                #"{"partnerships": [{"id": "p", "title": "T", "partners": ["nobody"], "status": "active"}]}"#,
            expect: ["partnerships.json: partnerships[0].partners[0]: error:"]),
        Rule(
            name: "partnership status enumeration", file: "partnerships.json",
            text: #"{"partnerships": [{"id": "p", "title": "T", "partners": ["cu"], "status": "done"}]}"#,
            expect: ["partnerships.json: partnerships[0].status: error:"]),
        Rule(
            name: "partnership required fields", file: "partnerships.json",
            text: #"{"partnerships": [{"id": "p"}]}"#,
            expect: [
                "partnerships[0].title: error: required field is missing", "partnerships[0].partners: error:",
            ]),
        Rule(
            name: "goal priority resolves", file: "partnerships.json",
            text:
                #"{"partnerships": [{"id": "p", "title": "T", "partners": ["cu"], "status": "active", "goals": [{"text": "x", "priority": "nope"}]}]}"#,
            expect: ["partnerships[0].goals[0].priority: error:"]),
        Rule(
            name: "contribution party resolves", file: "partnerships.json",
            text:
                #"{"partnerships": [{"id": "p", "title": "T", "partners": ["cu"], "status": "active", "contributions": [{"party": "wf", "kind": "staff"}]}]}"#,
            expect: ["partnerships[0].contributions[0].party: error:"]),
        Rule(
            name: "contribution kind enumeration", file: "partnerships.json",
            text:
                #"{"partnerships": [{"id": "p", "title": "T", "partners": ["cu"], "status": "active", "contributions": [{"party": "cu", "kind": "cash"}]}]}"#,
            expect: ["partnerships[0].contributions[0].kind: error:"]),
        Rule(
            name: "partnership date", file: "partnerships.json",
            text:
                #"{"partnerships": [{"id": "p", "title": "T", "partners": ["cu"], "status": "active", "started": "2025-31-01"}]}"#,
            expect: ["partnerships[0].started: error:"]),
    ]

    @Test(arguments: rules)
    func rule(_ r: Rule) {
        let (result, folder) = MiniWorkspace.load([r.file: r.text])
        let rendered = result.diagnostics.rendered(in: folder)
        for fragment in r.expect {
            #expect(rendered.contains { $0.contains(fragment) }, "missing \(fragment) in \(rendered)")
        }
        #expect(result.diagnostics.hasErrors == r.isError, "\(rendered)")
        #expect((result.workspace == nil) == r.isError)
    }

    @Test func aWrongFieldCountSaysWhatUsuallyCausesIt() {
        let (fewer, _) = MiniWorkspace.load(["organizations.csv": Self.org + "cu,CU\nwf,WF,,,,,,,\n"])
        #expect(
            fewer.diagnostics.first { $0.message.contains("found 2") }?.hint?.contains("missing comma")
                == true)
        let (more, _) = MiniWorkspace.load([
            "organizations.csv": Self.org + "cu,CU,,,,,,,,x,y\nwf,WF,,,,,,,\n"
        ])
        #expect(
            more.diagnostics.first { $0.message.contains("found 11") }?.hint?.contains("double quotes")
                == true)
    }

    @Test func unknownTagIsOneWarningWithCountAndSuggestion() {
        let text =
            Self.org
            + "cu,CU,business,,job-seeker,,,,\nwf,W,,,job-seeker,,,,\nx,X,,,job-seeker;families,,,,\n"
        let (result, folder) = MiniWorkspace.load(["organizations.csv": text])
        let rendered = result.diagnostics.rendered(in: folder)
        let about = rendered.filter { $0.contains("job-seeker\"") }
        #expect(about.count == 1, "\(rendered)")
        #expect(about.first?.hasPrefix("organizations.csv:2: warning:") == true)
        #expect(about.first?.contains("3 times") == true)
        #expect(
            result.diagnostics.first { $0.message.contains("job-seeker\"") }?.hint?.contains("job-seekers")
                == true)
    }

    @Test func synonymsMapToCanonicalTags() throws {
        let text = Self.org + "cu,CU,business,,Unemployed,,,,\nwf,W,,,,,,,\n"
        let (result, _) = MiniWorkspace.load(["organizations.csv": text])
        let w = try #require(result.workspace)
        #expect(w.tagNames(w.organizations[0].tags[.audiences]) == ["job-seekers"])
        #expect(result.diagnostics.warningCount == 0)
    }

    @Test func collectsAllErrorsAcrossFiles() {
        let (result, _) = MiniWorkspace.load([
            "organizations.csv": Self.org + "cu,CU,bank,,,,,x,\nwf,W,,,,,,,-1\n",
            "relationships.csv": Self.tie + "lib,ghost,knows,2,2026-13-01,\n",
        ])
        #expect(result.diagnostics.errorCount >= 5)
    }

    @Test func acceptsBOMCRLFQuotedNewlinesAndNonASCII() throws {
        let text =
            "\u{FEFF}id,name,mission\r\ncu,\"Asociación \"\"Latina\"\", Harbor\",\"Line one\r\nline two\"\r\nwf,Café Lumière,\r\n"
        let (result, folder) = MiniWorkspace.load(["organizations.csv": text])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.rendered(in: folder))")
        let w = try #require(result.workspace)
        #expect(w.organizations.map(\.name) == ["Asociación \"Latina\", Harbor", "Café Lumière"])
        #expect(w.organizations[0].mission == "Line one\r\nline two")
        #expect(w.organizations[1].line == 4)
    }

    @Test func missingFolderIsAnError() {
        let result = WorkspaceLoader.load(
            directory: "/nonexistent/partnerkit-\(UInt64.random(in: 0...UInt64.max))")
        #expect(result.workspace == nil)
        #expect(result.diagnostics.first?.message.contains("not found") == true)
    }
}

@Suite struct InMemoryLoadingTests {
    @Test func inMemoryFilesGiveTheSameResultAsAFolder() throws {
        let folder = MiniWorkspace.make()
        var files: [String: [UInt8]] = [:]
        for name in [
            "library.json", "organizations.csv", "people.csv", "relationships.csv", "partnerships.json",
            "vocabulary.json",
        ] {
            files[name] = Array((folder.read(name) ?? "").utf8)
        }
        files["organizations.csv"]? += Array("bad,Bad,bank,,,,,,\n".utf8)
        let memory = WorkspaceLoader.load(files: files, directory: folder.path)
        folder.write("organizations.csv", String(decoding: files["organizations.csv"] ?? [], as: UTF8.self))
        let disk = WorkspaceLoader.load(directory: folder.path)
        #expect(memory.diagnostics == disk.diagnostics)
        #expect(memory.diagnostics.errorCount == 1)
    }
}
