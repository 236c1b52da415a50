import Foundation
import PartnerKitSynthetic
import Testing

@testable import PartnerKit

/// `score --top K` on the streaming path (`StreamingScore`) must print exactly what the full
/// path prints (text, JSON, Markdown, CSV, and the workspace's diagnostics), or decline (nil)
/// so that the full path runs. Checked on the sample, on generated workspaces, on hostile rows
/// and at block sizes down to a few bytes.
@Suite struct StreamingScoreDifferentialTests {
    static let asOf = Day("2026-11-29") ?? Day(ordinal: 0)

    /// What the full path gives: the load's diagnostics and, when it loads, the scorecard.
    static func full(_ files: [String: [UInt8]], rubric: Rubric, top: Int) -> (Scorecard?, [Diagnostic]) {
        let loaded = WorkspaceLoader.load(files: files)
        guard let w = loaded.workspace else { return (nil, loaded.diagnostics) }
        let engine = ScoringEngine.withWarmPaths(workspace: w, rubric: rubric, asOf: asOf)
        return (engine.score(top: top), loaded.diagnostics)
    }

    static func renderings(_ card: Scorecard) -> [String] {
        [
            ScoreRendering.text(card), ScoreRendering.text(card, explain: true),
            ScoreRendering.json(card).serialized(), ScoreRendering.markdown(card), ScoreRendering.csv(card),
        ]
    }

    /// Compares the two paths at several block sizes and tops. Returns how many runs streamed
    /// (did not decline), so a test can insist that the streaming path really ran.
    @discardableResult
    static func same(
        _ files: [String: [UInt8]], rubric: Rubric = .partnerFit, tops: [Int] = [1, 3, 10],
        blocks: [Int] = [16, 64, 300, 4096, 1 << 20]
    ) -> Int {
        var streamed = 0
        for top in tops {
            let (card, diagnostics) = full(files, rubric: rubric, top: top)
            for block in blocks {
                guard
                    let s = StreamingScore.score(
                        files: files, rubric: rubric, asOf: asOf, top: top, blockBytes: block)
                else { continue }
                streamed += 1
                // It never streams what the full path refuses.
                #expect(card != nil, "streamed a workspace that does not load (block \(block))")
                guard let card else { continue }
                #expect(s.diagnostics == diagnostics, "block \(block), top \(top)")
                #expect(s.scorecard.considered == card.considered)
                #expect(renderings(s.scorecard) == renderings(card), "block \(block), top \(top)")
                #expect(
                    s.scorecard.candidates.map(\.organizationIndex)
                        == card.candidates.map(\.organizationIndex))
            }
        }
        return streamed
    }

    /// Why the streaming path declines `files` (nil: it streams).
    static func declined(_ files: [String: [UInt8]], rubric: Rubric = .partnerFit, block: Int = 4096)
        -> String?
    {
        switch StreamingScore.outcome(files: files, rubric: rubric, asOf: asOf, top: 3, blockBytes: block) {
        case .success: nil
        case .failure(let d): d.reason
        }
    }

    static func sampleFiles() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let dir = repositoryRoot + "/Data/sample"
        for name in [
            "library.json", "organizations.csv", "people.csv", "relationships.csv", "partnerships.json",
            "surveys.csv",
        ] {
            if case .success(let bytes) = Files.read(dir + "/" + name) { files[name] = bytes }
        }
        if case .success(let v) = Files.read(toolkitVocabulary) { files["vocabulary.json"] = v }
        return files
    }

    static func text(_ files: [String: [UInt8]]) -> String {
        String(decoding: files["organizations.csv"] ?? [], as: UTF8.self)
    }

    @Test func sampleStreamsTheSameOutput() {
        let files = Self.sampleFiles()
        #expect(files["organizations.csv"] != nil)
        #expect(Self.declined(files) == nil)
        #expect(Self.same(files, tops: [1, 5, 40]) > 0)
    }

    @Test func sampleUnderTheGrantRubricStreamsTheSameOutput() {
        let path = repositoryRoot + "/Rubrics/grant-partner.json"
        let rubric = RubricReader.load(path: path, sink: DiagnosticSink())
        #expect(rubric != nil)
        if let rubric { #expect(Self.same(Self.sampleFiles(), rubric: rubric, tops: [3]) > 0) }
    }

    @Test func generatedWorkspacesStreamTheSameOutput() {
        for seed: UInt64 in [1, 42] {
            let plain = Synthetic.workspace(organizations: 400, ties: false, asOf: Self.asOf, seed: seed)
            #expect(Self.same(plain) > 0)
            // With ties: warm paths and direct credit come from the rows the ties name.
            let tied = Synthetic.workspace(organizations: 300, ties: true, asOf: Self.asOf, seed: seed)
            #expect(Self.same(tied, tops: [1, 10, 500]) > 0)
        }
    }

    @Test func rowsNeedingTheFullReaderDeclineOrMatch() {
        let base = Synthetic.workspace(organizations: 120, ties: false, asOf: Self.asOf)
        let body = Self.text(base)
        let hostile = [
            "bad-1,Bad One,spaceship,,employment,,,,,,,,,\n",  // an error
            "org-3,Duplicate,nonprofit,,reading,,,,,,,,,\n",  // a duplicate id
            " spaced , Spaced ,nonprofit,,reading,,,,,,,,,\n",  // trimming
            "uni,Caf\u{e9} Uni,nonprofit,caf\u{e9} literacy,reading,,,,,,,,,\n",  // non-ASCII (streams)
            "caf\u{e9},Id,nonprofit,,reading,,,,,,,,,\n",  // a non-ASCII id
            "nbsp,Name\u{a0},nonprofit,,reading,,,,,,,,,\n",  // a no-break space to trim
            "tag,Tag,nonprofit,,Unknown Topic,,,,,,,,,\n",  // an unknown tag (a warning)
            "num,Num,nonprofit,,reading,,,,,,1.5.1,,,\n",  // not a number
            "short,Short\n",  // a field count
            "q,Q,nonprofit,\"say \"\"hi\"\"\",reading,,,,,,,,,\n",  // quotes (streams)
            "mal,Mal,nonprofit,say \"hi\",reading,,,,,,,,,\n",  // a quote in an unquoted field
        ]
        for row in hostile {
            var files = base
            files["organizations.csv"] = Array((body + row).utf8)
            Self.same(files, tops: [1, 10])
        }
    }

    @Test func quotedLineBreaksBlankLinesCRLFAndBOMStreamTheSameOutput() {
        let base = Synthetic.workspace(organizations: 150, ties: false, asOf: Self.asOf)
        var lines = Self.text(base).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A mission with line breaks in quotes, blank lines between rows.
        lines.insert("ml,Multi Line,nonprofit,\"one\nliteracy two\n\nthree\",reading,,,,,,,,,", at: 5)
        lines.insert("", at: 9)
        lines.insert("", at: 9)
        let lf = lines.joined(separator: "\n")
        var files = base
        files["organizations.csv"] = Array(lf.utf8)
        #expect(Self.declined(files) == nil)
        #expect(Self.same(files) > 0)
        files["organizations.csv"] = Array(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(Self.same(files) > 0)
        files["organizations.csv"] = [0xEF, 0xBB, 0xBF] + Array(lf.utf8)
        #expect(Self.same(files) > 0)
    }

    @Test func errorsInOtherFilesDecline() {
        var files = Synthetic.workspace(organizations: 100, ties: false, asOf: Self.asOf)
        files["relationships.csv"] = Array("source,target,strength\nlibrary,no-such-org,3\n".utf8)
        #expect(Self.full(files, rubric: .partnerFit, top: 3).0 == nil)
        #expect(
            StreamingScore.score(files: files, rubric: .partnerFit, asOf: Self.asOf, top: 3, blockBytes: 64)
                == nil)
        // People and ties naming real organizations stream, with their credit.
        files["relationships.csv"] = Array(
            "source,target,strength,last_contact\nlibrary,org-7,4,2026-10-01\n".utf8)
        files["people.csv"] = Array("id,name,organization\np1,Pat,org-9\n".utf8)
        #expect(Self.same(files, tops: [1, 5]) > 0)
    }

    @Test func blocksAreSplitAtRecordEnds() {
        let bytes = Array("a,\"x\ny\"\nb,c\nd,\"e\nf".utf8)
        let split = bytes.withUnsafeBufferPointer {
            OrganizationBlocks.split($0, line: 2, end: false, pieces: 3)
        }
        // The last record is still open: the block ends after "b,c", three lines on.
        #expect(split?.cut == 12)
        #expect(split?.lines == 3)
        #expect(split?.starts.first?.line == 2)
        let open = Array("a,\"x\ny".utf8)
        #expect(
            open.withUnsafeBufferPointer { OrganizationBlocks.split($0, line: 2, end: false, pieces: 2) }
                == nil)
    }

    /// The duplicate-id check over sorted runs finds a repeat exactly when there is one: within
    /// a run, across runs, at either end, with empty runs among them.
    @Test func repeatsAcrossSortedRunsAreFound() {
        var rng = SeededGenerator(seed: 61)
        for round in 0..<400 {
            let runs = (0..<Int(rng.next() % 7)).map { _ in
                (0..<Int(rng.next() % 9)).map { _ in rng.next() % (round % 2 == 0 ? 40 : 1 << 40) }.sorted()
            }
            let all = runs.flatMap { $0 }
            #expect(StreamingScore.noRepeats(in: runs) == (Set(all).count == all.count), "\(runs)")
        }
        #expect(StreamingScore.noRepeats(in: []))
        #expect(!StreamingScore.noRepeats(in: [[1, 5], [], [5, 9]]))
        #expect(StreamingScore.noRepeats(in: [[1, 5], [], [6, 9], [0]]))
    }

    /// The byte-level sector check decides as `Sector(rawValue: text.lowercased())` does, for
    /// every case of every sector and for near misses, including non-ASCII cells whose
    /// lowercase could be ASCII.
    @Test func sectorBytesDecideAsTheSectorNamesDo() {
        var cells = [
            "", "librar", "libraryx", "other ", "non-profit", "\u{212A}", "\u{212A}ELVIN", "ÉDUCATION",
        ]
        for sector in Sector.allCases {
            cells += [sector.rawValue, sector.rawValue.uppercased(), sector.rawValue.capitalized]
        }
        for cell in cells {
            let bytes = Array(cell.utf8)
            let byBytes = bytes.withUnsafeBufferPointer { StreamingScore.isSectorOrEmpty($0) }
            #expect(byBytes == (cell.isEmpty || Sector(rawValue: cell.lowercased()) != nil), "\(cell)")
        }
    }

    /// The byte-level whole-number path gives what `CellParser.plainNumber` gives, and declines
    /// (so the `String` path decides) everything that is not 1 to 15 plain digits.
    @Test func wholeNumbersParseAsThePlainNumberReaderDoes() {
        let cells = [
            "0", "7", "007", "51", "3289182", "999999999999999", "1000000000000000", "12.5", ".5", "5.",
            "1,200", "-3", "+3", "1e3", " 4", "4 ", "", "٣",
        ]
        for cell in cells {
            let bytes = Array(cell.utf8)
            let whole = bytes.withUnsafeBufferPointer { StreamingScore.wholeNumber($0) }
            if let whole {
                #expect(whole == CellParser.plainNumber(cell), "\(cell)")
            } else {
                let plainDigits =
                    !bytes.isEmpty && bytes.count <= 15 && bytes.allSatisfy { $0 >= 48 && $0 <= 57 }
                #expect(!plainDigits, "\(cell)")
            }
        }
    }
}
