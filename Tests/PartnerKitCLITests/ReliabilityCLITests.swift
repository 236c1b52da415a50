import Foundation
import Testing

/// Issue 18 end to end: files that are not files, messages that point at the real cause, and
/// what a stopped writer leaves behind.
@Suite struct ReliabilityCLITests {
    static func sample() -> (Scratch, String) {
        let s = Scratch()
        let w = s.path + "/w"
        try? FileManager.default.copyItem(atPath: CLI.repositoryRoot + "/Data/sample", toPath: w)
        return (s, w)
    }

    // MARK: Files that are not regular files

    /// A FIFO in place of a workspace file: exit 1 at once with "is not a regular file" (before
    /// the fix the reader blocked forever waiting for a writer: a hang fails this test).
    @Test(arguments: ["organizations.csv", "people.csv", "library.json"])
    func aFIFOWorkspaceFileIsAnError(file: String) {
        let (s, w) = Self.sample()
        _ = s
        try? FileManager.default.removeItem(atPath: w + "/" + file)
        #expect(mkfifo(w + "/" + file, 0o644) == 0)
        let r = CLI.run(["check", "--workspace", w])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("\(w)/\(file): error: is not a regular file but a FIFO (named pipe)"),
            "\(r.stderr)")
    }

    /// `/dev/zero` as a rubric never ends: refused before any read (before the fix it grew
    /// to gigabytes), directly and through a link.
    @Test func scoreWithDevZeroAsTheRubricIsAnError() {
        let (s, w) = Self.sample()
        #expect(symlink("/dev/zero", s.path + "/zero.json") == 0)
        for rubric in ["/dev/zero", s.path + "/zero.json"] {
            let r = CLI.run(["score", "--workspace", w, "--rubric", rubric])
            #expect(r.status == 1)
            #expect(
                r.stderr.contains("\(rubric): error: is not a regular file but a character device"),
                "\(r.stderr)")
        }
    }

    // MARK: Messages that name the real cause

    @Test func aWorkspaceThatIsALoopOfLinksSaysSo() {
        let s = Scratch()
        let loop = s.path + "/loop"
        #expect(symlink(loop, loop) == 0)
        let r = CLI.run(["check", "--workspace", loop])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("\(loop): error: is a symbolic link that leads back to itself"), "\(r.stderr)")
        #expect(!r.stderr.contains("not found"))
        #expect(!r.stderr.contains("init"))
    }

    @Test(arguments: [false, true])
    func htmlToAFolderSaysItIsAFolder(force: Bool) throws {
        let (s, w) = Self.sample()
        let out = s.path + "/pages"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let r = CLI.run(
            ["review", "--workspace", w, "--as-of", "2026-11-29", "--html", out] + (force ? ["--force"] : []))
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(out): error: is a folder, not a file"), "\(r.stderr)")
        #expect(!r.stderr.contains("file exists"))
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: out, isDirectory: &isDir) && isDir.boolValue)
    }

    // MARK: Stopped mid-write

    /// SIGTERM (or SIGINT) while `network export --out` writes a 6 MB file: the handler
    /// removes the temporary file before the process ends, so nothing is left beside the
    /// target, which still holds its old content (the write was stopped before the rename).
    /// Before the fix a hidden `.graph.graphml.tmp-…` stayed until the next write.
    @Test func aStoppedWriteLeavesNoTemporaryFile() throws {
        let s = Scratch()
        BigWorkspace.write(into: s.path + "/w", organizations: 6_000, people: 3_000)
        let dir = s.path + "/out"
        let target = dir + "/graph.graphml"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let old = Data("OLD CONTENT\n".utf8)
        let args = [
            "network", "export", "--to", "graphml", "--out", target, "--force", "--workspace", s.path + "/w",
        ]
        var rounds = 0, midWrite = 0
        // Up to 24 rounds, until two signals have landed inside the write (a busy machine
        // makes the window of a few milliseconds hard to hit).
        while rounds < 24 && midWrite < 2 {
            let sig = rounds % 2 == 0 ? SIGTERM : SIGINT
            rounds += 1
            try old.write(to: URL(fileURLWithPath: target))
            let outcome = try KillHarness.run(
                args, signal: sig,
                at: .whenWriting(patience: 60, jitterMicros: 300) {
                    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).contains {
                        $0.hasPrefix(".graph.graphml.tmp-")
                    }
                })
            let entries = try FileManager.default.contentsOfDirectory(atPath: dir)
            #expect(entries == ["graph.graphml"], "round \(rounds) (signal \(sig)): left \(entries)")
            for e in entries where e != "graph.graphml" {
                try? FileManager.default.removeItem(atPath: dir + "/" + e)
            }
            let now = try Data(contentsOf: URL(fileURLWithPath: target))
            if outcome.signalled && outcome.sentWhileWriting && now == old { midWrite += 1 }
        }
        #expect(midWrite > 0, "no signal landed while the temporary file existed (\(rounds) rounds)")
    }
}
