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

    // MARK: Only regular files, and never more than the limit

    /// A FIFO with no writer would block `open` and then `read` forever: it is refused, by
    /// kind, before any read (a hang here is the failure).
    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() {
        let folder = TemporaryFolder()
        let fifo = folder.path + "/people.csv"
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(Files.read(fifo) == .failure(.notRegular(kind: "FIFO (named pipe)")))
        #expect(Files.read(fifo).failureMessage?.contains("is not a regular file") == true)
    }

    /// `/dev/zero` never ends: refused before any read, also through a symbolic link.
    @Test func aDeviceIsRefusedAlsoThroughALink() {
        let folder = TemporaryFolder()
        let link = folder.path + "/rubric.json"
        #expect(symlink("/dev/zero", link) == 0)
        #expect(Files.read("/dev/zero") == .failure(.notRegular(kind: "character device")))
        #expect(Files.read(link) == .failure(.notRegular(kind: "character device")))
    }

    /// A link to a regular file is an ordinary way to keep a workspace file elsewhere.
    @Test func aLinkToARegularFileReads() {
        let folder = TemporaryFolder()
        folder.write("real.csv", "id,name\na,A\n")
        #expect(symlink(folder.path + "/real.csv", folder.path + "/organizations.csv") == 0)
        #expect(Files.read(folder.path + "/organizations.csv") == .success(Array("id,name\na,A\n".utf8)))
    }

    @Test func aLoopOfLinksSaysSo() {
        let folder = TemporaryFolder()
        #expect(symlink(folder.path + "/b", folder.path + "/a") == 0)
        #expect(symlink(folder.path + "/a", folder.path + "/b") == 0)
        #expect(Files.read(folder.path + "/a") == .failure(.symlinkLoop))
        #expect(Files.kind(folder.path + "/a") == .symlinkLoop)
        #expect(Files.read(folder.path + "/missing") == .failure(.missing))
        #expect(Files.read(folder.path) == .failure(.isDirectory))
    }

    /// The reading itself stops at the limit: a source that never ends (a pipe fed without
    /// pause) comes back "too large" after limit + one block, instead of growing without bound
    /// until it is all read and only then compared with the limit.
    @Test func readingStopsAtTheLimitWhileReading() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let (reader, writer) = (fds[0], fds[1])
        let feeding = Thread {
            let block = [UInt8](repeating: 0x41, count: 4096)
            // Until the reader closes its end (EPIPE; SIGPIPE is ignored below).
            while block.withUnsafeBytes({ write(writer, $0.baseAddress, $0.count) }) > 0 {}
            close(writer)
        }
        signal(SIGPIPE, SIG_IGN)
        feeding.start()
        let limit = 1 << 20
        let result = Files.read(reader, sizeHint: 0, limit: limit)
        close(reader)
        #expect(result == .failure(.tooLarge(limit: limit)))
    }

    /// A file longer than its size said (a file that grew, or one in /proc) is still read whole
    /// when it is within the limit, and refused when it is not.
    @Test func aFileLongerThanItsSizeHintIsReadToTheLimit() {
        let folder = TemporaryFolder()
        let text = String(repeating: "abcdefghij", count: 10_000)
        folder.write("grown.csv", text)
        let fd = open(folder.path + "/grown.csv", O_RDONLY)
        defer { close(fd) }
        #expect(Files.read(fd, sizeHint: 10, limit: 1 << 20) == .success(Array(text.utf8)))
        lseek(fd, 0, SEEK_SET)
        #expect(Files.read(fd, sizeHint: 10, limit: 99_999) == .failure(.tooLarge(limit: 99_999)))
        lseek(fd, 0, SEEK_SET)
        #expect(Files.read(fd, sizeHint: 10, limit: 100_000) == .success(Array(text.utf8)))
        #expect(Files.read(folder.path + "/grown.csv", limit: 99_999) == .failure(.tooLarge(limit: 99_999)))
    }

    // MARK: Writing to a folder, and signals during a write

    @Test func writingOverAFolderSaysItIsAFolder() {
        let folder = TemporaryFolder()
        try? FileManager.default.createDirectory(
            atPath: folder.path + "/out", withIntermediateDirectories: true)
        for overwrite in [false, true] {
            let result = Files.writeAtomically(
                Array("x".utf8), to: folder.path + "/out", overwrite: overwrite)
            if case .failure(let e) = result {
                #expect(e == .isFolder(folder.path + "/out"))
            } else {
                Issue.record("wrote over a folder (overwrite: \(overwrite))")
            }
        }
        #expect(Files.isDirectory(folder.path + "/out"))
    }

    /// What the signal handler removes: every temporary file of a write in flight, and nothing
    /// once the write is over.
    @Test func temporaryFilesAreRegisteredOnlyWhileWriting() {
        let slot = TemporaryFiles.register("/tmp/.x.tmp-1-2")
        #expect(slot != nil)
        #expect(TemporaryFiles.registered.contains("/tmp/.x.tmp-1-2"))
        TemporaryFiles.unregister(slot)
        #expect(!TemporaryFiles.registered.contains("/tmp/.x.tmp-1-2"))
        #expect(TemporaryFiles.register(String(repeating: "a", count: 5000)) == nil, "too long for a slot")
        let folder = TemporaryFolder()
        _ = Files.writeAtomically(Array("done".utf8), to: folder.path + "/out.txt")
        #expect(!TemporaryFiles.registered.contains { $0.hasPrefix(folder.path) })
    }
}

extension Result where Failure == Files.ReadError {
    var failureMessage: String? {
        if case .failure(let e) = self { return e.message }
        return nil
    }
}
