import Foundation

/// One edit in `history.log`: when, by whom, the command, and what it changed.
public struct HistoryEntry: Sendable, Hashable {
    public var time: Date
    public var user: String
    public var command: String
    public var changes: [String]
    /// The physical line in `history.log` (0 for an entry not yet written).
    public var line: Int = 0

    public init(time: Date, user: String, command: String, changes: [String], line: Int = 0) {
        self.time = time
        self.user = user
        self.command = command
        self.changes = changes
        self.line = line
    }

    /// The login name of whoever runs the command (`USER`, else `LOGNAME`, else "unknown").
    public static var currentUser: String {
        let env = ProcessInfo.processInfo.environment
        return env["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LOGNAME"] ?? "unknown"
    }

    /// The day (UTC) of the entry.
    public var day: Day { Day(ordinal: Int((time.timeIntervalSince1970 / 86_400).rounded(.down))) }

    /// `2026-11-29T14:05:09Z`.
    public var timestamp: String { HistoryLog.format(time) }
}

/// `history.log` in the workspace: one line per edit, appended by every command that writes,
/// so a manager can see who changed what when, and undo a change by hand.
///
/// Each line is tab-separated: the UTC time (`2026-11-29T14:05:09Z`), the user, the command as
/// typed, then one field per change (`partnerships.json: partnerships[1].communication.log:
/// added 2026-11-29`). Tabs and line breaks inside a field are written as spaces. It is plain
/// text a person can read and a spreadsheet can open.
public enum HistoryLog {
    public static func path(directory: String) -> String {
        WorkspaceEditor.join(directory, WorkspaceEditor.historyFile)
    }

    /// The entry as one line (with its final LF).
    public static func line(_ e: HistoryEntry) -> String {
        func clean(_ s: String) -> String {
            String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        }
        return ([format(e.time), clean(e.user), clean(e.command)] + e.changes.map(clean)).joined(
            separator: "\t")
            + "\n"
    }

    /// Appends `entry` to the workspace's `history.log` (creating it), atomically: the log is
    /// re-read just before and written whole, so an entry appended meanwhile by another edit
    /// is kept.
    public static func append(_ entry: HistoryEntry, directory: String) -> Result<Void, Files.WriteError> {
        let p = path(directory: directory)
        var bytes: [UInt8] = []
        switch Files.read(p) {
        case .success(let b): bytes = b
        case .failure(.missing): break
        case .failure(let e): return .failure(.failed(p, e.message))
        }
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        let existed = !bytes.isEmpty || Files.exists(p)
        bytes += Array(line(entry).utf8)
        return Files.writeAtomically(bytes, to: p, overwrite: existed)
    }

    /// Parses the log. Lines that are not entries (edited by hand) are reported as warnings
    /// with their line and skipped.
    public static func parse(_ bytes: [UInt8], file: String) -> (
        entries: [HistoryEntry], diagnostics: [Diagnostic]
    ) {
        var entries: [HistoryEntry] = []
        var diagnostics: [Diagnostic] = []
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (k, raw) in lines.enumerated() {
            var text = String(decoding: raw, as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            if text.trimmingWhitespace.isEmpty { continue }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, let time = parse(time: fields[0]) else {
                diagnostics.append(
                    .warning(
                        file, .line(k + 1),
                        "not a history entry (time, user, command, changes separated by tabs)"))
                continue
            }
            entries.append(
                HistoryEntry(
                    time: time, user: fields[1], command: fields[2], changes: Array(fields.dropFirst(3)),
                    line: k + 1))
        }
        return (entries, diagnostics)
    }

    /// Reads the workspace's log, the entries on or after `since` (UTC days). A workspace
    /// without a log has no entries.
    public static func read(directory: String, since: Day? = nil) -> (
        entries: [HistoryEntry], diagnostics: [Diagnostic]
    ) {
        let p = path(directory: directory)
        switch Files.read(p) {
        case .failure(.missing): return ([], [])
        case .failure(let e): return ([], [.error(p, .file, e.message)])
        case .success(let b):
            let (entries, diagnostics) = parse(b, file: p)
            return (entries.filter { e in since.map { e.day >= $0 } ?? true }, diagnostics)
        }
    }

    static func format(_ t: Date) -> String {
        let seconds = Int(t.timeIntervalSince1970.rounded(.down))
        let day = Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        let s = seconds - day.ordinal * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))Z"
    }

    static func parse(time s: String) -> Date? {
        let u = Array(s.utf8)
        guard u.count == 20, u[10] == UInt8(ascii: "T"), u[19] == UInt8(ascii: "Z"),
            let day = Day(String(decoding: u[0..<10], as: UTF8.self)),
            let h = Int(String(decoding: u[11..<13], as: UTF8.self)),
            let m = Int(String(decoding: u[14..<16], as: UTF8.self)),
            let sec = Int(String(decoding: u[17..<19], as: UTF8.self)), h < 24, m < 60, sec < 61
        else { return nil }
        return Date(timeIntervalSince1970: Double(day.ordinal * 86_400 + h * 3600 + m * 60 + sec))
    }
}
