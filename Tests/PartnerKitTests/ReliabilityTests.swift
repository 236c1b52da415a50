import Foundation
import Testing

@testable import PartnerKit

/// Issue 18 at the level of the readers: partners listed twice, the strength scale in words,
/// and the date and field-length messages.
@Suite struct ReliabilityTests {
    @Test func aPartnerListedTwiceIsAWarningAndCountsOnce() throws {
        let (result, folder) = MiniWorkspace.load([
            "partnerships.json":
                #"{"partnerships": [{"id": "p1", "title": "T", "status": "active", "partners": ["cu", "wf", " cu "]}]}"#
        ])
        let rendered = result.diagnostics.rendered(in: folder)
        #expect(
            rendered.contains(
                "partnerships.json: partnerships[0].partners[2]: warning: \"cu\" is listed twice in partners (first at partnerships[0].partners[0], line 1); it counts once (line 1)"
            ), "\(rendered)")
        #expect(!result.diagnostics.hasErrors, "\(rendered)")
        let w = try #require(result.workspace)
        #expect(w.partnerships.first?.partners == ["cu", "wf"])
    }

    @Test func aPartnerListedTwiceInAProposalCountsOnce() throws {
        let (loaded, _) = MiniWorkspace.load()
        let w = try #require(loaded.workspace)
        let (list, diagnostics) = PartnershipReader.readProposal(
            Array(#"{"id": "x", "title": "X", "status": "proposed", "partners": ["wf", "wf"]}"#.utf8),
            file: "p.json", workspace: w)
        #expect(list.first?.partners == ["wf"])
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("listed twice") })
    }

    /// A word of the strength scale where the number belongs says which number it is.
    @Test func strengthInWordsSaysWhichNumber() {
        let (result, folder) = MiniWorkspace.load([
            "relationships.csv":
                "source,target,kind,strength,last_contact,note\nlib,cu,partnered,close,2026-10-01,\n"
        ])
        let d = result.diagnostics.first { $0.message.contains("strength") }
        #expect(
            d?.formatted.replacingOccurrences(of: folder.path + "/", with: "").hasPrefix(
                "relationships.csv:2: error: strength: \"close\" is not a number: write 1–4 (1 acquainted, 2 working contact, 3 trusted, 4 close partner)"
            ) == true, "\(String(describing: d?.formatted))")
        #expect(d?.hint == "\"close\" is 4 on that scale")
    }

    // MARK: Messages that say what to write

    @Test(arguments: [
        ("11/12/2026", "write 2026-11-12 (month first, as in the US) or 2026-12-11 (day first)"),
        ("11/30/2026", "write 2026-11-30"),
        ("3/7/2026", "write 2026-03-07 (month first, as in the US) or 2026-07-03 (day first)"),
        ("7/7/2026", "write 2026-07-07"),
        ("25.12.2026", "write 2026-12-25"),
        ("2026/11/12", "write 2026-11-12"),
        ("13/13/2026", "write YYYY-MM-DD (a real calendar date)"),
        ("2026-02-30", "write YYYY-MM-DD (a real calendar date)"),
        ("next week", "write YYYY-MM-DD (a real calendar date)"),
        ("11/12/26", "write YYYY-MM-DD (a real calendar date)"),
    ])
    func aDateWrittenAnotherWaySaysHowToWriteIt(text: String, advice: String) {
        #expect(Day.spelling(of: text) == advice)
    }

    @Test func aUSDateInAWorkspaceFileOffersTheISOSpelling() {
        let (result, folder) = MiniWorkspace.load([
            "relationships.csv":
                "source,target,kind,strength,last_contact,note\nlib,cu,partnered,4,11/30/2026,\n",
            "partnerships.json":
                #"{"partnerships": [{"id": "p1", "title": "T", "status": "active", "partners": ["cu"], "started": "11/12/2026"}]}"#,
        ])
        let rendered = result.diagnostics.rendered(in: folder)
        #expect(
            rendered.contains(
                "relationships.csv:2: error: last_contact: \"11/30/2026\" is not a date: write 2026-11-30"),
            "\(rendered)")
        #expect(
            rendered.contains(
                "partnerships.json: partnerships[0].started: error: \"11/12/2026\" is not a date: write 2026-11-12 (month first, as in the US) or 2026-12-11 (day first) (line 1)"
            ), "\(rendered)")
    }

    /// A field over the length limit names its column (from the header), also when quoted.
    @Test func aFieldOverTheLengthLimitNamesItsColumn() {
        var limits = InputLimits()
        limits.maxFieldBytes = 100
        let long = String(repeating: "x", count: 101)
        let orgs = "id,name,mission,website\na,A,short,\nb,B,,\"\(long)\"\nc,C,\(long),\n"
        let (_, diagnostics) = CSVParser.rows(Array(orgs.utf8), file: "organizations.csv", limits: limits)
        #expect(
            diagnostics.map(\.formatted) == [
                "organizations.csv:3: error: website: the field is longer than 100 bytes",
                "organizations.csv:4: error: mission: the field is longer than 100 bytes",
            ])
        let (_, headerless) = CSVParser.rows(Array("\(long),b\n".utf8), file: "f.csv", limits: limits)
        #expect(
            headerless.map(\.formatted) == ["f.csv:1: error: column 1: the field is longer than 100 bytes"])
    }
}
