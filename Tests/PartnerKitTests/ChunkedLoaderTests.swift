import PartnerKitSynthetic
import Testing

@testable import PartnerKit

/// organizations.csv is read in parallel chunks when large; reading the same bytes in chunks
/// must give exactly what the sequential reader gives: organizations, tag ids, diagnostics.
@Suite struct ChunkedLoaderTests {
    static let asOf = Day("2026-11-29") ?? Day(ordinal: 0)

    func same(_ files: [String: [UInt8]]) {
        let sequential = WorkspaceLoader.load(files: files, chunkBytes: 1 << 40)
        for chunk in [64, 1000, 4096] {
            let chunked = WorkspaceLoader.load(files: files, chunkBytes: chunk)
            #expect(chunked.diagnostics == sequential.diagnostics, "chunk \(chunk)")
            #expect(chunked.workspace?.tags.names == sequential.workspace?.tags.names)
            let a = chunked.workspace?.organizations ?? [], b = sequential.workspace?.organizations ?? []
            #expect(a.count == b.count)
            for (x, y) in zip(a, b) {
                #expect(
                    x.id == y.id && x.name == y.name && x.line == y.line && x.tags == y.tags
                        && x.mission == y.mission)
                #expect(
                    x.staffFTE == y.staffFTE && x.annualBudget == y.annualBudget && x.replyDays == y.replyDays
                )
            }
        }
    }

    @Test func cleanWorkspaceReadsTheSameInChunks() {
        same(Synthetic.workspace(organizations: 300, ties: false, asOf: Self.asOf))
    }

    @Test func rowProblemsAreReportedTheSameInChunks() {
        var files = Synthetic.workspace(organizations: 200, ties: false, asOf: Self.asOf)
        var text = String(decoding: files["organizations.csv"] ?? [], as: UTF8.self)
        text += "bad-1,Bad One,spaceship,\"multi\nline mission\",employment;Unknown Topic,,,,,,x12,,,\n"
        text += "bad-2,,nonprofit,\"say \"\"hi\"\"\",reading,equity,families,,,,,,,\n"
        text += "org-3,Duplicate,nonprofit,,reading,,,,,,,,,\n"
        text += " spaced , Spaced Name ,nonprofit,,  early literacy ; Reading ,,,,,,,,,\n"
        text += "short,row\n"
        text += Array(repeating: "x", count: 3).joined(separator: ",") + "\n"
        text += "café,Café Ünïcode,other,,arts,,,,,,,,,\n"
        for i in 0..<200 { text += "late-\(i),Late \(i),other,,local-history;stem,,teens,,,,\(i),,,\n" }
        files["organizations.csv"] = Array(text.utf8)
        same(files)
    }

    @Test func malformedQuotingFallsBackToTheSequentialReader() {
        var files = Synthetic.workspace(organizations: 200, ties: false, asOf: Self.asOf)
        var text = String(decoding: files["organizations.csv"] ?? [], as: UTF8.self)
        text += "q-1,Quote \"inside\" name,other,,,,,,,,,,,\n"
        for i in 0..<100 {
            text += "after-\(i),After \(i),other,\"a \"\"quoted\"\" mission\",arts,,,,,,,,,\n"
        }
        text += "q-2,\"never closes,other,,,,,,,,,,,\n"
        for i in 0..<50 { text += "tail-\(i),Tail \(i),other,,arts,,,,,,,,,\n" }
        files["organizations.csv"] = Array(text.utf8)
        same(files)
    }
}
