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
