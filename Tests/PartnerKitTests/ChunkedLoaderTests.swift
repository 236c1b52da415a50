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

    /// `counts` works eight bytes at a time; it must agree with a byte-by-byte count for every
    /// range, aligned or not, including CR LF pairs split across the range's end.
    @Test func byteCountsAgreeWithANaiveCount() {
        var rng = SeededGenerator(seed: 13)
        let alphabet: [UInt8] = [0x22, 0x0A, 0x0D, 0x41, 0x2C, 0xE2, 0x80, 0x7F, 0xFF, 0x00]
        // Longer than one batch of the vector count (255 steps of 16 bytes).
        let bytes = (0..<9000).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        bytes.withUnsafeBufferPointer { b in
            for _ in 0..<400 {
                let x = Int(rng.next() % 9001), y = Int(rng.next() % 9001)
                let range = min(x, y)..<max(x, y)
                var quotes = 0, lines = 0
                for i in range {
                    if b[i] == 0x22 { quotes += 1 }
                    if b[i] == 0x0A { lines += 1 }
                    if b[i] == 0x0D && !(i + 1 < b.count && b[i + 1] == 0x0A) { lines += 1 }
                }
                let counted = WorkspaceLoader.counts(b, range)
                #expect(counted.quotes == quotes && counted.lines == lines, "\(range)")
            }
        }
        // Every byte a match: a lane that overflowed its byte would show here.
        for byte: UInt8 in [0x22, 0x0A] {
            let same = [UInt8](repeating: byte, count: 8200)
            let counted = same.withUnsafeBufferPointer { WorkspaceLoader.counts($0, 0..<8200) }
            #expect(byte == 0x22 ? counted.quotes == 8200 : counted.lines == 8200)
        }
        let crlf = [UInt8](repeating: 0, count: 8200).indices.map { $0 % 2 == 0 ? UInt8(0x0D) : 0x0A }
        let counted = crlf.withUnsafeBufferPointer { WorkspaceLoader.counts($0, 0..<8200) }
        #expect(counted.lines == 4100)
    }

    /// A row's tag list is its tags sorted without repeats, after what came before it, short
    /// lists (inserted in order) and long ones (sorted) alike.
    @Test func tagListsAreSortedWithoutRepeats() {
        var rng = SeededGenerator(seed: 53)
        for _ in 0..<500 {
            let before: [UInt32] = [9, 1, 5]
            let items = (0..<Int(rng.next() % 24)).map { _ in UInt32(rng.next() % 12) }
            var storage = before
            WorkspaceLoader.appendSortedUnique(items, to: &storage)
            #expect(storage == before + Set(items).sorted(), "\(items)")
        }
    }
}
