import Foundation

/// Runs the built binary and stops it with a signal, for the tests that check what a stopped
/// writer leaves behind: at a random moment of the run, or just after its writing starts.
///
/// The child is started with `posix_spawn`, its signal mask emptied and SIGTERM, SIGINT and
/// SIGHUP at their default action, as a shell would start it. (`Process` passes on the mask of
/// the thread that starts it, and the test runner's threads block those signals, so a child
/// started that way could never receive a SIGTERM.)
enum KillHarness {
    enum Moment {
        /// A random moment of a run that takes about `seconds` in all (up to 5% past its end).
        case random(seconds: Double)
        /// As soon as `writing()` is true (polled every 100 µs, for at most `patience`
        /// seconds), then up to `jitterMicros` later.
        case whenWriting(patience: Double, jitterMicros: UInt32, writing: () -> Bool)
    }

    struct Outcome {
        /// The process ended by a signal (it had not finished first).
        var signalled: Bool
        /// `writing()` was true when the signal was sent.
        var sentWhileWriting: Bool
    }

    struct Tally {
        var rounds = 0
        /// Rounds that ended by the signal (not by finishing first).
        var killed = 0
        /// Killed rounds that left a temporary file: the kill landed inside the write.
        var midWrite = 0
    }

    /// SIGKILLs a run of the built binary again and again — half the rounds at a random moment
    /// of the whole run, half just after its writing starts (inside the write, flush and rename,
    /// a window of a few milliseconds) — and lets the test check after each round what was left.
    /// Shared by the tests of every command that writes a file (`network export --out`, the
    /// editing commands), so that each proves the same thing the same way.
    ///
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
        prepare: (Int) throws -> Void, writing: @escaping () -> Bool, inspect: (Int) throws -> Bool
    ) throws -> Tally {
        var tally = Tally()
        while tally.rounds < minimumRounds || (tally.midWrite == 0 && tally.rounds < maximumRounds) {
            let round = tally.rounds
            tally.rounds += 1
            try prepare(round)
            let moment: Moment =
                round % 2 == 0
                ? .random(seconds: elapsed)
                : .whenWriting(patience: 10 * elapsed + 5, jitterMicros: 700, writing: writing)
            let outcome = try run(arguments, signal: SIGKILL, at: moment)
            if outcome.signalled { tally.killed += 1 }
            if try inspect(round), outcome.signalled { tally.midWrite += 1 }
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

    struct SpawnError: Error { var errno: Int32 }

    static func run(_ arguments: [String], signal: Int32, at moment: Moment) throws -> Outcome {
        var rng = SystemRandomNumberGenerator()
        let child = try Child(arguments)
        var whileWriting = false
        switch moment {
        case .random(let seconds):
            usleep(UInt32(Double.random(in: 0...1.05, using: &rng) * seconds * 1_000_000))
        case .whenWriting(let patience, let jitter, let writing):
            let deadline = Date().addingTimeInterval(patience)
            while child.isRunning, Date() < deadline, !writing() { usleep(100) }
            usleep(UInt32.random(in: 0...jitter, using: &rng))
            whileWriting = writing()
        }
        if child.isRunning { kill(child.pid, signal) }
        let status = child.wait()
        // WIFSIGNALED: the low 7 bits hold the signal number, 0 for a normal exit.
        let term = status & 0x7f
        return Outcome(signalled: term != 0 && term != 0x7f, sentWhileWriting: whileWriting)
    }

    /// A spawned `partnerkit` with its output thrown away.
    final class Child {
        let pid: pid_t
        private var status: Int32?

        init(_ arguments: [String]) throws {
            var attr = posix_spawnattr_t()
            posix_spawnattr_init(&attr)
            defer { posix_spawnattr_destroy(&attr) }
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attr, &none)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            for s in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, s) }
            posix_spawnattr_setsigdefault(&attr, &defaults)
            posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv: [UnsafeMutablePointer<CChar>?] = ([CLI.binary] + arguments).map { strdup($0) } + [nil]
            defer { for a in argv { free(a) } }
            var pid: pid_t = 0
            let rc = posix_spawn(&pid, CLI.binary, &actions, &attr, argv, environ)
            guard rc == 0 else { throw SpawnError(errno: rc) }
            self.pid = pid
        }

        var isRunning: Bool {
            if status != nil { return false }
            var s: Int32 = 0
            if waitpid(pid, &s, WNOHANG) == pid { status = s }
            return status == nil
        }

        /// Waits for the end; the raw wait status.
        func wait() -> Int32 {
            if let status { return status }
            var s: Int32 = 0
            while waitpid(pid, &s, 0) < 0 && errno == EINTR {}
            status = s
            return s
        }
    }
}
