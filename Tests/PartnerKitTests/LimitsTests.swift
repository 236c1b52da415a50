import Foundation
import Testing

@testable import PartnerKit

/// Input limits and hostile bytes: every reader turns them into an error naming the file, the
/// place and (for a limit) the limit, never a crash, a stack overflow or a silent infinity.
@Suite struct LimitsTests {
    /// A JSON array nested 100,000 deep: recursion this deep would overflow the stack.
    static let deepArray = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    static let depthMessage = "nesting deeper than \(JSONParser.defaultMaxDepth) levels"

    /// The first error, as the user sees it, with the temporary folder removed.
    func firstError(_ diagnostics: [Diagnostic], in folder: TemporaryFolder) -> String? {
        diagnostics.filter { $0.severity == .error }.rendered(in: folder).first
    }

    // MARK: Nesting depth

    @Test(arguments: ["library.json", "partnerships.json", "vocabulary.json"])
    func deepJSONInAWorkspaceFileIsAnErrorNamingFileAndLimit(file: String) {
        let (result, folder) = MiniWorkspace.load([file: Self.deepArray])
        #expect(result.workspace == nil)
        let error = firstError(result.diagnostics, in: folder)
        #expect(error?.hasPrefix("\(file):1:") == true, "\(String(describing: error))")
        #expect(error?.contains(Self.depthMessage) == true)
    }

    @Test func deepJSONInMemoryIsAnError() {
        let files = [
            "library.json": Array(Self.deepArray.utf8), "organizations.csv": Array("id,name\na,A\n".utf8),
        ]
        let result = WorkspaceLoader.load(files: files)
        #expect(result.workspace == nil)
        #expect(
            result.diagnostics.contains {
                $0.file.hasSuffix("library.json") && $0.message.contains(Self.depthMessage)
            })
    }

    @Test func deepJSONScoringRubricIsAnErrorNamingTheFile() {
        let folder = TemporaryFolder()
        folder.write("deep.json", Self.deepArray)
        let sink = DiagnosticSink()
        #expect(RubricReader.load(path: folder.path + "/deep.json", sink: sink) == nil)
        let error = firstError(sink.diagnostics, in: folder)
        #expect(error?.hasPrefix("deep.json:1:") == true)
        #expect(error?.contains(Self.depthMessage) == true)
        // Nested inside a valid-looking rubric too.
        let inner = #"{"name":"x","description":"d","weights":{"capacity":"# + Self.deepArray + "}}"
        let sink2 = DiagnosticSink()
        #expect(RubricReader.parse(inner, file: "r.json", sink: sink2) == nil)
        #expect(sink2.diagnostics.contains { $0.file == "r.json" && $0.message.contains(Self.depthMessage) })
    }

    @Test func deepJSONSpectrumRubricIsAnErrorNamingTheFile() {
        let (rubric, diagnostics) = SpectrumRubric.read(bytes: Array(Self.deepArray.utf8), file: "s.json")
        #expect(rubric == nil)
        #expect(diagnostics.first?.prefix.hasPrefix("s.json:1:") == true)
        #expect(diagnostics.first?.message.contains(Self.depthMessage) == true)
    }

    @Test func deepJSONProposalIsAnError() throws {
        let (result, _) = MiniWorkspace.load()
        let w = try #require(result.workspace)
        let (list, diagnostics) = PartnershipReader.readProposal(
            Array(Self.deepArray.utf8), file: "p.json", workspace: w)
        #expect(list.isEmpty)
        #expect(diagnostics.contains { $0.file == "p.json" && $0.message.contains(Self.depthMessage) })
    }

    /// Deep objects, and deep nesting that never closes, fail the same way.
    @Test func deepObjectsAndUnclosedNesting() {
        let objects = String(repeating: #"{"a":"#, count: 100_000)
        let unclosed = String(repeating: "[", count: 100_000)
        for text in [objects, unclosed] {
            guard case .failure(let e) = JSONParser.parse(Array(text.utf8)) else {
                Issue.record("deep input parsed")
                continue
            }
            #expect(e.message == Self.depthMessage)
        }
    }

    // MARK: Size, field length, row count

    @Test func fileSizeLimitNamesTheFileAndTheLimit() {
        var limits = InputLimits()
        limits.maxFileBytes = 64
        let big = "id,name\n" + String(repeating: "a,A\n", count: 100)
        let result = WorkspaceLoader.load(
            files: [
                "library.json": Array(#"{"id":"l","name":"L"}"#.utf8),
                "organizations.csv": Array(big.utf8),
            ], limits: limits)
        #expect(result.workspace == nil)
        let d = result.diagnostics.first { $0.severity == .error }
        #expect(d?.file == "mem/organizations.csv")
        #expect(d?.message == "file is larger than the limit of 64 bytes")
    }

    @Test func fileSizeLimitOnDisk() {
        let folder = TemporaryFolder()
        folder.write("big.json", "[" + String(repeating: "1,", count: 100) + "1]")
        switch Files.read(folder.path + "/big.json", limit: 50) {
        case .failure(let e): #expect(e.message.contains("limit of 50 bytes"))
        case .success: Issue.record("a file over the limit was read")
        }
    }

    @Test func fieldLengthLimitThroughTheLoader() {
        var limits = InputLimits()
        limits.maxFieldBytes = 100
        let folder = MiniWorkspace.make()
        let long = String(repeating: "x", count: 101)
        let orgs = "id,name,mission\na,A,short\nb,B,\(long)\n"
        folder.write("organizations.csv", orgs)
        let result = WorkspaceLoader.load(
            directory: folder.path, defaultVocabulary: toolkitVocabulary, limits: limits)
        #expect(result.workspace == nil)
        #expect(
            firstError(result.diagnostics, in: folder)
                == "organizations.csv:3: error: mission: the field is longer than 100 bytes")
    }

    @Test func rowLimitThroughTheLoader() {
        var limits = InputLimits()
        limits.maxRows = 3
        let folder = MiniWorkspace.make()
        folder.write("organizations.csv", "id,name\na,A\nb,B\nc,C\nd,D\n")
        let result = WorkspaceLoader.load(
            directory: folder.path, defaultVocabulary: toolkitVocabulary, limits: limits)
        #expect(result.workspace == nil)
        #expect(
            firstError(result.diagnostics, in: folder)?.hasPrefix(
                "organizations.csv:4: error: more than 3 rows") == true)
    }

    @Test func tooManyFieldsInARow() {
        var limits = InputLimits()
        limits.maxFields = 10
        let wide = Array(repeating: "x", count: 11).joined(separator: ",")
        let (_, diagnostics) = CSVParser.rows(
            Array("a,b\n\(wide)\nc,d\n".utf8), file: "t.csv", limits: limits)
        #expect(diagnostics.map(\.formatted) == ["t.csv:2: error: more than 10 fields in one row"])
    }

    // MARK: Bytes that are not text

    @Test func invalidUTF8InACSVFileHasItsLine() {
        let folder = MiniWorkspace.make()
        let bytes = Array("id,name\na,A\n".utf8) + Array("b,B".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        try? Data(bytes).write(to: URL(fileURLWithPath: folder.path + "/organizations.csv"))
        let result = WorkspaceLoader.load(directory: folder.path, defaultVocabulary: toolkitVocabulary)
        #expect(result.workspace == nil)
        #expect(
            firstError(result.diagnostics, in: folder)
                == "organizations.csv:3: error: text is not valid UTF-8")
    }

    @Test func invalidUTF8InAJSONFileHasItsLineAndColumn() {
        let folder = MiniWorkspace.make()
        let bytes = Array("{\n  \"id\": \"lib\",\n  \"name\": \"".utf8) + [0xFF] + Array("\"\n}\n".utf8)
        try? Data(bytes).write(to: URL(fileURLWithPath: folder.path + "/library.json"))
        let result = WorkspaceLoader.load(directory: folder.path, defaultVocabulary: toolkitVocabulary)
        #expect(
            firstError(result.diagnostics, in: folder)
                == "library.json:3:11: error: string is not valid UTF-8")
    }

    @Test func nulBytesAreErrorsWithTheirLine() {
        let folder = MiniWorkspace.make()
        let csv = Array("id,name\na,A\nb,B".utf8) + [0] + Array("C\n".utf8)
        try? Data(csv).write(to: URL(fileURLWithPath: folder.path + "/organizations.csv"))
        let json = Array("{\n\"id\":\"lib\",\"name\":\"L".utf8) + [0] + Array("\"}".utf8)
        try? Data(json).write(to: URL(fileURLWithPath: folder.path + "/library.json"))
        let result = WorkspaceLoader.load(directory: folder.path, defaultVocabulary: toolkitVocabulary)
        let errors = result.diagnostics.filter { $0.severity == .error }.rendered(in: folder)
        #expect(errors.contains("library.json:2:21: error: control character inside a string"), "\(errors)")
        #expect(errors.contains("organizations.csv:3: error: NUL byte in the file"), "\(errors)")
        // A NUL outside any string in JSON.
        guard case .failure(let e) = JSONParser.parse(Array("[1,\n\0]".utf8)) else {
            Issue.record("NUL parsed")
            return
        }
        #expect(e.line == 2)
        #expect(e.message.contains("0x00"))
    }

    // MARK: Numbers that are not finite

    @Test(arguments: [
        "1e400", "-1e400", "NaN", "nan", "inf", "Infinity", "1" + String(repeating: "0", count: 400),
    ])
    func nonFiniteNumbersInCSVAreErrorsWithTheirLine(number: String) {
        let folder = MiniWorkspace.make()
        folder.write("organizations.csv", "id,name,staff_fte\na,A,3\nb,B,\(number)\n")
        folder.write("relationships.csv", "source,target,strength\nlib,a,2\nlib,b,\(number)\n")
        let result = WorkspaceLoader.load(directory: folder.path, defaultVocabulary: toolkitVocabulary)
        #expect(result.workspace == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }.rendered(in: folder)
        #expect(errors.contains { $0.hasPrefix("organizations.csv:3: error: staff_fte:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("relationships.csv:3: error: strength:") }, "\(errors)")
    }

    @Test(arguments: ["1e400", "-1e400", "NaN", "Infinity", "-Infinity"])
    func nonFiniteNumbersInJSONAreErrorsWithTheirLine(number: String) {
        let library =
            "{\n\"id\": \"lib\", \"name\": \"L\",\n\"audiences\": [ { \"tag\": \"x\", \"weight\": \(number) } ]\n}"
        let partnerships =
            "{ \"partnerships\": [\n { \"id\": \"p\", \"title\": \"T\", \"partners\": [\"cu\"], \"status\": \"active\",\n \"library_pays\": \(number) } ] }"
        let (result, folder) = MiniWorkspace.load([
            "library.json": library, "partnerships.json": partnerships,
        ])
        #expect(result.workspace == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }.rendered(in: folder)
        #expect(errors.contains { $0.hasPrefix("library.json:3:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("partnerships.json:3:") }, "\(errors)")
    }

    @Test func nonFiniteNumbersInRubricsAreErrors() {
        let sink = DiagnosticSink()
        #expect(
            RubricReader.parse(
                #"{"name":"x","description":"d","weights":{"capacity":1e400}}"#, file: "r.json", sink: sink)
                == nil)
        #expect(sink.diagnostics.first?.formatted.hasPrefix("r.json:1:") == true)
        #expect(sink.diagnostics.first?.message.contains("out of range") == true)
        let (s, d) = SpectrumRubric.read(bytes: Array(#"{"name":"x","levels":NaN}"#.utf8), file: "s.json")
        #expect(s == nil)
        #expect(d.first?.formatted.hasPrefix("s.json:1:") == true)
    }

    @Test(arguments: ["a\r\nb", "a\nb", "a\rb", "a,b", "a\"b"])
    func csvCellsWithBreaksOrQuotesAreQuoted(cell: String) {
        let out = Escape.csvCell(cell)
        #expect(out.hasPrefix("\"") && out.hasSuffix("\""), "\(out.debugDescription)")
        let parsed = CSVParser.rows(Array((out + "\n").utf8), file: "t.csv").rows
        #expect(parsed.map(\.fields) == [[cell]])
    }

    /// A huge finite value is printed as a number, never as "inf" (1e308 × 100 overflows).
    @Test func hugeNumbersFormatAsNumbers() {
        #expect(formatNumber(1e308) == "1e+308")
        #expect(formatNumber(-1e300, maxFractionDigits: 4) == "-1e+300")
        #expect(formatNumber(2.5) == "2.5")
        #expect(formatNumber(1234567) == "1234567")
    }

    // MARK: CSV cells

    /// The CSV writers neutralise a cell whose first scalar a spreadsheet would act on,
    /// including a CRLF start (one Character in Swift, two scalars).
    @Test(arguments: ["=1+1", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "\r\n=1"])
    func csvCellsAreNeutralised(cell: String) {
        for out in [Escape.csvCell(cell), ScoreRendering.csvCell(cell)] {
            #expect(out.hasPrefix("'") || out.hasPrefix("\"'"), "\(out.debugDescription)")
        }
        #expect(Escape.csvCell("-2", numeric: true) == "-2")
    }

    // MARK: Fuzz regressions

    @Test func hugeCadenceIsAnErrorNamingTheField() throws {
        let w = try #require(MiniWorkspace.load().0.workspace)
        let text =
            #"{"id":"p","title":"T","partners":["cu"],"status":"active","communication":{"cadence_days":1e300}}"#
        let (_, diagnostics) = PartnershipReader.readProposal(Array(text.utf8), file: "p.json", workspace: w)
        #expect(
            diagnostics.filter { $0.severity == .error }.map(\.formatted) == [
                "p.json: communication.cadence_days: error: must be at most 36500 days (100 years), found 1e+300 (line 1)"
            ])
    }

    /// A saved review with a coverage count past Int's range once trapped in `Int(Double)`.
    @Test(arguments: ["1e300", "-1e300", "-3", "2.5"])
    func savedReviewWithAHugeCountIsAnError(_ count: String) {
        let text = #"{"partnerships":[],"coverage":[{"priority":"p","partnerships":"# + count + "}]}"
        let (snapshot, diagnostics) = ReviewSnapshot.read(
            Array(text.utf8), file: "reviews/2026-Q3.json", quarter: Quarter(year: 2026, number: 3))
        #expect(snapshot == nil)
        #expect(diagnostics.map(\.prefix) == ["reviews/2026-Q3.json: coverage[0].partnerships:"])
    }

    /// Every input a fuzz target once crashed on (Fuzz/regressions/TARGET-…): each must now
    /// read without crashing and keep the target's invariants.
    @Test func fuzzRegressionsKeepTheirInvariants() throws {
        let dir = repositoryRoot + "/Fuzz/regressions"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
            if name.hasPrefix("rubric-") {
                let sink = DiagnosticSink()
                let root = JSONDocument.parse(bytes, file: name, sink: sink)
                if let root, let rubric = RubricReader.read(root), !sink.hasErrors {
                    #expect(rubric.weights.allSatisfy { $0.isFinite && $0 >= 0 }, "\(name)")
                    #expect(abs(rubric.weights.reduce(0, +) - 1) < 1e-9, "\(name)")
                } else {
                    #expect(sink.hasErrors, "\(name): no rubric and no error")
                }
            } else if name.hasPrefix("spectrum-rubric-") {
                let (rubric, diagnostics) = SpectrumRubric.read(bytes: bytes, file: name)
                #expect(rubric != nil || diagnostics.hasErrors, "\(name)")
            } else if name.hasPrefix("workspace-") {
                let result = WorkspaceLoader.load(files: FuzzInput.files(bytes))
                #expect(result.workspace == nil || !result.diagnostics.hasErrors, "\(name)")
            } else if name.hasPrefix("review-archive-") {
                let q = Quarter(year: 2026, number: 3)
                let (snapshot, diagnostics) = ReviewSnapshot.read(bytes, file: name, quarter: q)
                #expect(snapshot != nil || diagnostics.hasErrors, "\(name)")
            } else if name.hasPrefix("proposal-") {
                let w = try #require(MiniWorkspace.load().0.workspace)
                let (list, diagnostics) = PartnershipReader.readProposal(bytes, file: name, workspace: w)
                guard !diagnostics.hasErrors else { continue }
                let spectrumBytes = [UInt8](
                    try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Rubrics/spectrum-iap2.json"))
                )
                let spectrum = try #require(
                    SpectrumRubric.read(bytes: spectrumBytes, file: "spectrum-iap2.json").rubric)
                let day = Day(year: 2026, month: 11, day: 29) ?? Day(ordinal: 0)
                for p in SpectrumEngine.place(list, workspace: w, rubric: spectrum, asOf: day) {
                    #expect(p.position >= 1 && p.position <= 5, "\(name)")
                }
                var withProposal = w
                withProposal.partnerships = list
                let review = ReviewEngine.fullReview(
                    workspace: withProposal, spectrum: spectrum, scoring: Rubric.partnerFit,
                    quarter: day.quarter, asOf: day,
                    previous: nil)
                _ = ReviewReport(review: review, workspace: withProposal).text
            } else if name.hasPrefix("chunked-") {
                // Reading organizations.csv in parallel chunks gives what the sequential reader gives.
                let files = [
                    "library.json": Array(#"{"id":"lib","name":"L","values":["v"]}"#.utf8),
                    "organizations.csv": bytes,
                ]
                let sequential = WorkspaceLoader.load(files: files, chunkBytes: 1 << 40)
                for chunk in [16, 64] {
                    let chunked = WorkspaceLoader.load(files: files, chunkBytes: chunk)
                    #expect(chunked.diagnostics == sequential.diagnostics, "\(name) in chunks of \(chunk)")
                    #expect(
                        chunked.workspace?.organizations.map(\.id)
                            == sequential.workspace?.organizations.map(\.id))
                }
            } else if name.hasPrefix("irs-bmf-") {
                // A master file read, planned and turned into names and ids.
                var scan = MasterFile.Scan()
                MasterFile.scan(bytes, file: name, into: &scan)
                #expect(!scan.records.isEmpty || scan.diagnostics.hasErrors, "\(name)")
                let w = try #require(MiniWorkspace.load().0.workspace)
                let plan = MasterFileImport.plan(
                    scan, existing: ExistingRecords(w),
                    crosswalk: NTEECrosswalk(groups: [:], codes: [:], nameWords: [:]))
                #expect(plan.summary.imported == plan.organizations.count, "\(name)")
            } else if name.hasPrefix("csv-") {
                _ = CSVParser.rows(bytes, file: name)
            } else {
                _ = JSONParser.parse(bytes)
            }
        }
    }
}

/// How the workspace fuzz target splits one input into files (see Fuzz/FuzzTargets.swift).
enum FuzzInput {
    static func files(_ bytes: [UInt8]) -> [String: [UInt8]] {
        let names = [
            "library.json", "organizations.csv", "people.csv", "relationships.csv", "partnerships.json",
            "vocabulary.json",
        ]
        var files: [String: [UInt8]] = [:]
        for (k, part) in bytes.split(separator: 0x1E, omittingEmptySubsequences: false).enumerated()
        where k < names.count {
            files[names[k]] = Array(part)
        }
        return files
    }
}
