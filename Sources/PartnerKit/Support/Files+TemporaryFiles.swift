import Foundation

/// The temporary files of the atomic writes in flight, removed when the process is stopped by
/// SIGTERM, SIGINT or SIGHUP, so that a stopped `review --save` or `add` leaves nothing hidden
/// behind. (SIGKILL cannot be caught: the next write to the same target removes what it left,
/// see `Files.removeAbandonedTemporaries`.)
///
/// A signal handler may call only async-signal-safe functions (POSIX.1-2017, section 2.4.3):
/// `unlink`, `signal` and `raise` are; `malloc`, locks and most of the Swift runtime are not. So
/// the paths live in a fixed table of C strings allocated once, before the handlers are
/// installed; writers fill a slot under a lock and the handler only reads the table. After
/// removing the files the handler restores the default action and raises the signal again, so
/// the process ends exactly as it would have (status "killed by SIGTERM" for the parent).
enum TemporaryFiles {
    /// Writes in flight at once (a path longer than `pathBytes`, or a 33rd write, simply goes
    /// unregistered and is left to the next write's cleanup).
    static let slots = 32
    /// PATH_MAX on Linux, the terminating NUL included.
    static let pathBytes = 4096

    /// `slots` NUL-terminated paths, `pathBytes` apart.
    nonisolated(unsafe) static let table: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slots * pathBytes)
        p.initialize(repeating: 0, count: slots * pathBytes)
        return p
    }()
    /// 1 while slot `i` holds a live temporary path.
    nonisolated(unsafe) static let inUse: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slots)
        p.initialize(repeating: 0, count: slots)
        return p
    }()
    static let lock = NSLock()

    /// Installs the handlers once, the first time a write registers (after the table exists).
    static let installed: Bool = {
        _ = table
        _ = inUse
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            let previous = signal(sig, removeTemporariesAndReraise)
            // A signal the parent chose to ignore (nohup, a background job) stays ignored, and
            // a handler someone else installed stays theirs.
            if previous != nil { signal(sig, previous) }
        }
        return true
    }()

    /// Records `path` as a temporary file to remove on a stopping signal; the slot to pass to
    /// `unregister`, or nil when it could not be recorded.
    static func register(_ path: String) -> Int? {
        _ = installed
        let bytes = Array(path.utf8)
        guard bytes.count < pathBytes, !bytes.contains(0) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<slots where inUse[i] == 0 {
            let dst = table + i * pathBytes
            for (k, b) in bytes.enumerated() { dst[k] = CChar(bitPattern: b) }
            dst[bytes.count] = 0
            inUse[i] = 1  // only now can the handler see it: never a half-copied path
            return i
        }
        return nil
    }

    /// The write is over (renamed, or removed on failure): nothing to clean up any more.
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        inUse[slot] = 0
        lock.unlock()
    }

    /// The paths registered now (tests).
    static var registered: [String] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<slots).filter { inUse[$0] != 0 }.map { String(cString: table + $0 * pathBytes) }
    }
}

/// The signal handler: unlink every registered temporary file, then end the process with the
/// signal's default action. Async-signal-safe: reads the preallocated table, calls `unlink`,
/// `signal` and `raise` only.
private func removeTemporariesAndReraise(_ sig: Int32) {
    let table = TemporaryFiles.table
    let inUse = TemporaryFiles.inUse
    var i = 0
    while i < TemporaryFiles.slots {
        if inUse[i] != 0 { unlink(table + i * TemporaryFiles.pathBytes) }
        i += 1
    }
    signal(sig, SIG_DFL)
    raise(sig)
}
