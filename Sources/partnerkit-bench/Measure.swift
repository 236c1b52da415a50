import Foundation
import PartnerKit

#if canImport(Glibc)
    import Glibc
#endif

/// Wall-clock timing, peak memory and child processes for the benchmark.
enum Measure {
    /// Seconds since an arbitrary origin (monotonic).
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `body` `repeats` times and returns the fastest time and the last result: the
    /// minimum is the least noisy estimate on a shared machine.
    static func best<R>(_ repeats: Int, _ body: () -> R) -> (seconds: Double, result: R) {
        var bestTime = Double.infinity
        var last: R?
        for _ in 0..<max(1, repeats) {
            let t0 = now()
            let r = body()
            bestTime = min(bestTime, now() - t0)
            last = r
        }
        // `last` is set: the loop runs at least once.
        return (bestTime, last ?? body())
    }

    /// This process's peak resident set (VmHWM in /proc/self/status), in bytes.
    static func peakRSS() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Int($0) }
            return (digits.first ?? 0) * 1024
        }
        return 0
    }

    /// What one child process cost.
    struct Child {
        var seconds: Double
        var status: Int32
        /// Peak resident set of that child (ru_maxrss from wait4), bytes.
        var peakRSS: Int
        /// User + system CPU seconds of that child (ru_utime + ru_stime from wait4): less
        /// sensitive than wall time to other jobs on a shared machine.
        var cpuSeconds: Double = 0
    }

    /// Spawns `argv` (stdout and stderr to /dev/null), waits, and reports its time and peak
    /// memory. Nil when it cannot be started.
    static func spawn(_ argv: [String]) -> Child? {
        guard let program = argv.first else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cargs.append(nil)
        defer { for p in cargs { free(p) } }
        var pid: pid_t = 0
        let t0 = now()
        let rc = posix_spawnp(&pid, program, &actions, nil, cargs, environ)
        guard rc == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { return nil }
        }
        let dt = now() - t0
        return Child(
            seconds: dt, status: exitCode(waitStatus: status), peakRSS: peakBytes(maxRSS: usage.ru_maxrss),
            cpuSeconds: cpuSeconds(user: usage.ru_utime, system: usage.ru_stime))
    }

    /// A shell-style exit code from a wait status: the exit status when the child exited,
    /// 128 + the signal number when a signal ended it.
    static func exitCode(waitStatus status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// `ru_maxrss` is in kilobytes on Linux; bytes here (0 for a nonsensical negative value).
    static func peakBytes(maxRSS: Int) -> Int { max(0, maxRSS) &* 1024 }

    /// CPU seconds of two rusage times.
    static func cpuSeconds(user: timeval, system: timeval) -> Double {
        Double(user.tv_sec) + Double(system.tv_sec) + (Double(user.tv_usec) + Double(system.tv_usec)) / 1e6
    }

    /// The `_spawn` helper's report, "seconds status rss cpu", or nil when it is not that.
    static func parseReport(_ text: String) -> Child? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard parts.count == 4, let s = Double(parts[0]), s.isFinite, s >= 0, let st = Int32(parts[1]),
            let rss = Int(parts[2]), rss >= 0, let cpu = Double(parts[3]), cpu.isFinite, cpu >= 0
        else { return nil }
        return Child(seconds: s, status: st, peakRSS: rss, cpuSeconds: cpu)
    }

    /// Fastest of `repeats` runs of a child process.
    static func spawnBest(_ repeats: Int, _ argv: [String]) -> Child? {
        var best: Child?
        for _ in 0..<max(1, repeats) {
            guard let c = spawn(argv) else { return nil }
            if best == nil || c.seconds < (best?.seconds ?? .infinity) { best = c }
        }
        return best
    }

    /// Runs `argv` through this executable's hidden `_spawn` helper, fastest of `repeats`.
    ///
    /// Why a helper: Linux carries a process's peak RSS across fork and exec, so a child spawned
    /// straight from this (large) process would report at least our own peak. The helper starts
    /// small, spawns the real command and reports that child's own `ru_maxrss` and time.
    static func spawnMeasured(_ repeats: Int, _ argv: [String]) -> Child? {
        let self_ =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let report = NSTemporaryDirectory() + "partnerkit-bench-\(getpid()).txt"
        defer { unlink(report) }
        var best: Child?
        for _ in 0..<max(1, repeats) {
            guard let helper = spawn([self_, "_spawn", report] + argv), helper.status == 0,
                let text = try? String(contentsOfFile: report, encoding: .utf8),
                let c = parseReport(text)
            else { return nil }
            if best == nil || c.seconds < (best?.seconds ?? .infinity) { best = c }
        }
        return best
    }

    /// The helper's side of `spawnMeasured`: run `argv`, write "seconds status rss cpu" to `report`.
    static func helper(report: String, argv: [String]) -> Int32 {
        guard let c = spawn(argv) else { return 1 }
        let text = "\(c.seconds) \(c.status) \(c.peakRSS) \(c.cpuSeconds)"
        return (try? text.write(toFile: report, atomically: true, encoding: .utf8)) == nil ? 1 : 0
    }

    /// The folder holding this executable (the sibling `partnerkit` is found there).
    static func executableDirectory() -> String {
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return (exe as NSString).deletingLastPathComponent
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1e6) }
    static func seconds(_ s: Double) -> String {
        s < 0.01
            ? String(format: "%.2f ms", s * 1000)
            : (s < 10 ? String(format: "%.3f s", s) : String(format: "%.1f s", s))
    }
}
