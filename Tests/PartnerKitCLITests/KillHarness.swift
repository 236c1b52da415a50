import Foundation

/// SIGKILLs a run of the built binary again and again — half the rounds at a random moment
/// of the whole run, half just after its writing starts (inside the write, flush and rename,
/// a window of a few milliseconds) — and lets the test check after each round what was left.
/// Shared by the tests of every command that writes a file (`network export --out`, the
/// editing commands), so that each proves the same thing the same way.
enum KillHarness {
    struct Tally {
        var rounds = 0
        /// Rounds that ended by the signal (not by finishing first).
        var killed = 0
        /// Killed rounds that left a temporary file: the kill landed inside the write.
        var midWrite = 0
    }

    /// - Parameters:
    ///   - elapsed: how long one uninterrupted run takes (the random moments span it).
    ///   - minimumRounds: rounds always run; up to `maximumRounds` more until a kill has
    ///     landed inside the write, so that a busy machine that makes the window hard to hit
    ///     does not fail the test.
    ///   - prepare: puts the files back as they were before each round (gets the round).
    ///   - writing: whether the writing has started (a temporary file appeared).
    ///   - inspect: checks what the round left (gets the round); returns whether a temporary
    ///     file was left, after removing it.
    static func run(
        _ arguments: [String], elapsed: TimeInterval, minimumRounds: Int, maximumRounds: Int,
        prepare: (Int) throws -> Void, writing: () -> Bool, inspect: (Int) throws -> Bool
    ) throws -> Tally {
        var rng = SystemRandomNumberGenerator()
        var tally = Tally()
        while tally.rounds < minimumRounds || (tally.midWrite == 0 && tally.rounds < maximumRounds) {
            let round = tally.rounds
            tally.rounds += 1
            try prepare(round)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = arguments
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            if round % 2 == 0 {
                usleep(UInt32(Double.random(in: 0...1.05, using: &rng) * elapsed * 1_000_000))
            } else {
                let deadline = Date().addingTimeInterval(10 * elapsed + 5)
                while p.isRunning, Date() < deadline, !writing() { usleep(100) }
                usleep(UInt32.random(in: 0...700, using: &rng))
            }
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            let killed = p.terminationReason == .uncaughtSignal
            if killed { tally.killed += 1 }
            if try inspect(round), killed { tally.midWrite += 1 }
        }
        return tally
    }

    /// Whether `directory` holds a hidden temporary file (`.NAME.tmp-…`, as
    /// `Files.writeAtomically` names them).
    static func hasTemporaryFile(in directory: String, prefix: String = ".") -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).contains {
            $0.hasPrefix(prefix) && $0.contains(".tmp")
        }
    }
}
