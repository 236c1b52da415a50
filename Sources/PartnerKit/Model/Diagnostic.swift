/// Something the user must know about an input: an error that stops a command, or a warning
/// that does not. Every reader reports problems as values of this one type, collected rather
/// than thrown, so that one run lists everything there is to fix.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// Where in the file the problem is.
    public enum Location: Sendable, Hashable {
        /// The whole file (a missing file, an unreadable one).
        case file
        /// A 1-based physical line of a text file (a CSV header is line 1).
        case line(Int)
        /// A 1-based line and column (a JSON syntax error).
        case lineColumn(Int, Int)
        /// A field path in a JSON document, such as `partnerships[2].goals[0].due`.
        case field(String)
    }

    public var severity: Severity
    /// The file, as the user named it (relative to the workspace where it is in one).
    public var file: String
    public var location: Location
    public var message: String
    /// What to do about it, when that is not obvious from the message.
    public var hint: String?

    public init(
        _ severity: Severity, file: String, _ location: Location = .file, _ message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(
        _ file: String, _ location: Location = .file, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, file: file, location, message, hint: hint)
    }

    public static func warning(
        _ file: String, _ location: Location = .file, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, file: file, location, message, hint: hint)
    }

    /// The compiler-style prefix: `file:line:`, `file:line:col:` or `file: field.path:`.
    public var prefix: String {
        switch location {
        case .file: "\(file):"
        case .line(let l): "\(file):\(l):"
        case .lineColumn(let l, let c): "\(file):\(l):\(c):"
        case .field(let path): "\(file): \(path):"
        }
    }

    /// One line, `organizations.csv:4: error: expected 14 fields, found 3`.
    public var formatted: String { "\(prefix) \(severity.rawValue): \(message)" }

    /// Orders by file, then position, then severity, so output is stable whatever order the
    /// readers found things in.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        let (al, ac) = a.location.sortKey
        let (bl, bc) = b.location.sortKey
        if al != bl { return al < bl }
        if ac != bc { return ac < bc }
        if case .field(let ap) = a.location, case .field(let bp) = b.location, ap != bp {
            return ap < bp
        }
        if a.severity != b.severity { return a.severity < b.severity }
        return a.message < b.message
    }
}

extension Diagnostic.Location {
    fileprivate var sortKey: (Int, Int) {
        switch self {
        case .file: (0, 0)
        case .line(let l): (l, 0)
        case .lineColumn(let l, let c): (l, c)
        case .field: (Int.max, 0)
        }
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// `2 errors, 1 warning` — the closing line of `check`.
    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
        return "\(plural(errorCount, "error")), \(plural(warningCount, "warning"))"
    }
}

/// A collector that readers append to; a class so that nested readers share one list.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []
    public init() {}
    public func add(_ d: Diagnostic) { diagnostics.append(d) }
    public func error(_ file: String, _ location: Diagnostic.Location, _ message: String, hint: String? = nil)
    {
        add(.error(file, location, message, hint: hint))
    }
    public func warning(
        _ file: String, _ location: Diagnostic.Location, _ message: String, hint: String? = nil
    ) {
        add(.warning(file, location, message, hint: hint))
    }
    public var hasErrors: Bool { diagnostics.hasErrors }
}
