import Foundation
import Testing

@testable import PartnerKit

/// The one atomic-write helper: refuses to replace without `overwrite`, replaces with it, and
/// clears what a killed writer of the same file left behind.
@Suite struct FilesTests {
    @Test func writesRefusesAndReplaces() {
        let folder = TemporaryFolder()
        let path = folder.path + "/sub/out.txt"
        #expect(
            (try? Files.writeAtomically(Array("one".utf8), to: path).get()) != nil, "creates missing folders")
        #expect(folder.read("sub/out.txt") == "one")
        if case .failure(let e) = Files.writeAtomically(Array("two".utf8), to: path) {
            #expect(e == .exists(path))
        } else {
            Issue.record("replaced a file without overwrite")
        }
        #expect(folder.read("sub/out.txt") == "one")
        #expect((try? Files.writeAtomically(Array("three".utf8), to: path, overwrite: true).get()) != nil)
        #expect(folder.read("sub/out.txt") == "three")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/sub")) ?? []
        #expect(entries == ["out.txt"], "no temporary file left")
    }

    @Test func removesTemporariesOfDeadWritersOnly() {
        let folder = TemporaryFolder()
        let dead = ".out.txt.tmp-2147483647-42"  // no such process
        let alive = ".out.txt.tmp-\(getpid())-7"  // this process: a writer still at work
        let other = ".other.txt.tmp-2147483647-1"  // another target's: not ours to touch
        for name in [dead, alive, other] { folder.write(name, "partial") }
        _ = Files.writeAtomically(Array("done".utf8), to: folder.path + "/out.txt")
        let entries = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        #expect(!entries.contains(dead))
        #expect(entries.contains(alive))
        #expect(entries.contains(other))
        #expect(entries.contains("out.txt"))
    }
}
