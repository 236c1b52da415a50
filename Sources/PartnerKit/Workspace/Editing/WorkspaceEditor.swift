import Foundation

/// One change an edit makes, as a manager would want to read it in `history.log`.
public struct Change: Sendable, Hashable {
    /// The workspace file (its name inside the workspace: `partnerships.json`).
    public var file: String
    /// Where in it: `12` (a CSV line) or `partnerships[1].communication.log` (a JSON path).
    public var location: String
    public var summary: String

    public init(file: String, location: String, summary: String) {
        self.file = file
        self.location = location
        self.summary = summary
    }

    /// `relationships.csv:3: last_contact 2026-11-12 → 2026-11-29`.
    public var formatted: String {
        location.isEmpty
            ? "\(file): \(summary)"
            : (location.first?.isNumber == true
                ? "\(file):\(location): \(summary)" : "\(file): \(location): \(summary)")
    }
}

/// An editing session on a workspace folder: reads every workspace file once, lets the
/// operations change them in memory, re-reads the result with the normal workspace reader,
/// and writes only if that finds no error and no file changed on disk in the meantime.
///
/// - Every file is read once into memory (`original`); the workspace the operations consult
///   is loaded from those very bytes, so what is checked is what is edited.
/// - `validate()` loads the edited files with `WorkspaceLoader` exactly as `check` would, and
///   refuses with the reader's own `file:line: error:` messages.
/// - `commit` re-reads each file it is about to replace and refuses, writing nothing, when any
///   differs from what was read (someone saved the spreadsheet meanwhile). Each file is
///   written with `Files.writeAtomically`, so a process killed at any moment leaves the old
///   file or the new one, never a torn one. Then one line is appended to `history.log`.
public struct WorkspaceEditor {
    public let directory: String
    /// Files as read, by name; nil for a file that did not exist.
    private(set) var original: [String: [UInt8]?] = [:]
    /// Edited files, by name.
    private(set) var staged: [String: [UInt8]] = [:]
    private let defaultVocabulary: [UInt8]?
    /// The workspace as read, before any edit.
    public let workspace: Workspace
    /// Warnings the workspace had before the edit (so that only new ones are shown).
    public let warnings: [Diagnostic]
    public private(set) var changes: [Change] = []
    /// Things the user should know that change nothing (a tie that is missing, a date
    /// already logged).
    public private(set) var notes: [String] = []

    /// The workspace files the readers know, read even when absent (so that a file created
    /// by an edit is checked for not having appeared meanwhile).
    public static let knownFiles = [
        "library.json", "organizations.csv", "people.csv", "relationships.csv", "partnerships.json",
        "vocabulary.json",
    ]
    public static let historyFile = "history.log"

    /// Opens the workspace in `directory`. Throws the workspace's errors (as `check` prints
    /// them) when it does not load: an edit starts from a valid workspace.
    public static func open(directory: String, defaultVocabulary: String?) throws(EditError)
        -> WorkspaceEditor
    {
        guard Files.isDirectory(directory) else {
            let (message, hint) = WorkspaceLoader.notAFolder(directory)
            throw EditError(directory, .file, message, hint: hint)
        }
        var original: [String: [UInt8]?] = [:]
        var names = Set(knownFiles)
        // Every other CSV or JSON file at the top level too: readers added later read them.
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) {
            for e in entries where e.hasSuffix(".csv") || e.hasSuffix(".json") { names.insert(e) }
        }
        var problems: [Diagnostic] = []
        for name in names.sorted() {
            let path = join(directory, name)
            switch Files.read(path) {
            case .success(let b): original[name] = b
            case .failure(.missing): original[name] = .some(nil)
            case .failure(.isDirectory): continue
            case .failure(let e): problems.append(.error(path, .file, e.message))
            }
        }
        if !problems.isEmpty { throw EditError(problems) }
        let vocabulary = defaultVocabulary.flatMap { try? Files.read($0).get() }
        let result = load(
            original.compactMapValues { $0 }, directory: directory, defaultVocabulary: vocabulary)
        guard let ws = result.workspace, !result.diagnostics.hasErrors else {
            throw EditError(result.diagnostics.filter { $0.severity == .error })
        }
        return WorkspaceEditor(
            directory: directory, original: original, defaultVocabulary: vocabulary, workspace: ws,
            warnings: result.diagnostics.filter { $0.severity != .error })
    }

    private init(
        directory: String, original: [String: [UInt8]?], defaultVocabulary: [UInt8]?, workspace: Workspace,
        warnings: [Diagnostic]
    ) {
        self.directory = directory
        self.original = original
        self.defaultVocabulary = defaultVocabulary
        self.workspace = workspace
        self.warnings = warnings
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory == "." || directory.isEmpty
            ? name : (directory.hasSuffix("/") ? directory + name : "\(directory)/\(name)")
    }

    /// A workspace file's path as the user named the workspace (for messages).
    public func path(_ name: String) -> String { Self.join(directory, name) }

    private static func load(_ files: [String: [UInt8]], directory: String, defaultVocabulary: [UInt8]?)
        -> LoadResult
    {
        WorkspaceLoader.load(files: files, directory: directory, defaultVocabulary: defaultVocabulary)
    }

    // MARK: - Files in memory

    /// The current bytes of a file (edited, else as read); nil when it does not exist.
    public func bytes(_ name: String) -> [UInt8]? { staged[name] ?? (original[name] ?? nil) }

    /// The file as a CSV editor; a missing file starts as a header of `columns`.
    func csv(_ name: String, columns: [String]) throws(EditError) -> CSVEditor {
        if let b = bytes(name) { return try CSVEditor(bytes: b, file: path(name)) }
        return CSVEditor(columns: columns, file: path(name))
    }

    func json(_ name: String, empty: String) throws(EditError) -> JSONEditor {
        try JSONEditor(bytes: bytes(name) ?? Array(empty.utf8), file: path(name))
    }

    mutating func stage(_ name: String, _ bytes: [UInt8]) { staged[name] = bytes }

    mutating func record(_ file: String, _ location: String, _ summary: String) {
        changes.append(Change(file: file, location: location, summary: summary))
    }

    mutating func note(_ text: String) { notes.append(text) }

    /// Names of the files the edit changes.
    public var changedFiles: [String] {
        staged.filter { $0.value != (original[$0.key] ?? nil) }.keys.sorted()
    }

    // MARK: - Checking and writing

    /// Reads the edited workspace with the normal reader. Throws its errors; returns the
    /// warnings the edit introduced (the workspace's old warnings are not repeated).
    public func validate() throws(EditError) -> [Diagnostic] {
        var files = original.compactMapValues { $0 }
        for (k, v) in staged { files[k] = v }
        let result = Self.load(files, directory: directory, defaultVocabulary: defaultVocabulary)
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw EditError(errors) }
        let before = Set(warnings.map { "\($0.file) \($0.message)" })
        return result.diagnostics.filter {
            $0.severity != .error && !before.contains("\($0.file) \($0.message)")
        }
    }

    /// Line-level differences of each changed file (for `--dry-run`).
    public func diffs() -> [FileDiff] {
        changedFiles.map { name in
            FileDiff(file: path(name), before: original[name] ?? nil, after: staged[name] ?? [])
        }
    }

    /// Validates, then writes every changed file atomically and appends one entry to
    /// `history.log`. Refuses, writing nothing, when a file changed on disk since it was read.
    /// Returns the warnings the edit introduced.
    @discardableResult
    public func commit(command: String, time: Date = Date(), user: String? = nil) throws(EditError)
        -> [Diagnostic]
    {
        let newWarnings = try validate()
        let files = changedFiles
        // Every file first, so that a refusal writes nothing at all.
        var changedOnDisk: [Diagnostic] = []
        for name in files {
            let now: [UInt8]?
            switch Files.read(path(name)) {
            case .success(let b): now = b
            case .failure(.missing): now = nil
            case .failure(let e): throw EditError(path(name), .file, e.message)
            }
            if now != (original[name] ?? nil) {
                changedOnDisk.append(
                    .error(
                        path(name), .file,
                        now == nil
                            ? "was removed since partnerkit read it; nothing was written"
                            : "changed on disk since partnerkit read it; nothing was written",
                        hint: "someone else saved it meanwhile: run the command again to edit the new version"
                    ))
            }
        }
        if !changedOnDisk.isEmpty { throw EditError(changedOnDisk) }
        for name in files {
            guard let bytes = staged[name] else { continue }
            // A file that did not exist must still not exist: never replace one created meanwhile.
            let existed = (original[name] ?? nil) != nil
            if case .failure(let e) = Files.writeAtomically(bytes, to: path(name), overwrite: existed) {
                throw EditError(path(name), .file, "\(e)")
            }
        }
        let entry = HistoryEntry(
            time: time, user: user ?? HistoryEntry.currentUser, command: command,
            changes: changes.map(\.formatted))
        if case .failure(let e) = HistoryLog.append(entry, directory: directory) {
            throw EditError(path(Self.historyFile), .file, "the change was saved but not logged: \(e)")
        }
        return newWarnings
    }
}

/// The lines of a file an edit changes, as hunks: each the line where it starts (in the old
/// file), the lines removed and the lines added.
public struct FileDiff: Sendable {
    public struct Hunk: Sendable, Equatable {
        /// 1-based line (in the file before the edit) of the first changed line.
        public var line: Int
        public var removed: [String]
        public var added: [String]
    }

    public var file: String
    public var isNew: Bool
    public var hunks: [Hunk]

    init(file: String, before: [UInt8]?, after: [UInt8]) {
        self.file = file
        isNew = before == nil
        func lines(_ b: [UInt8]) -> [String] {
            if b.isEmpty { return [] }
            return b.split(separator: 0x0A, omittingEmptySubsequences: false).map {
                var s = String(decoding: $0, as: UTF8.self)
                if s.hasSuffix("\r") { s.removeLast() }
                return s
            }
        }
        hunks = Self.hunks(lines(before ?? []), lines(after))
    }

    /// Common lines at both ends are skipped; the middle is compared line by line (longest
    /// common subsequence), which for the few spliced lines of an edit is small. A middle too
    /// large to compare cheaply is shown as one hunk.
    static func hunks(_ a: [String], _ b: [String]) -> [Hunk] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        if x.isEmpty && y.isEmpty { return [] }
        guard x.count * y.count <= 1 << 22 else { return [Hunk(line: prefix + 1, removed: x, added: y)] }
        // lcs[i][j]: length of the longest common subsequence of x[i...] and y[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [Hunk] = []
        var current: Hunk?
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                if let c = current { out.append(c) }
                current = nil
                i += 1
                j += 1
            } else if j < y.count, i == x.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                if current == nil { current = Hunk(line: prefix + i + 1, removed: [], added: []) }
                current?.added.append(y[j])
                j += 1
            } else {
                if current == nil { current = Hunk(line: prefix + i + 1, removed: [], added: []) }
                current?.removed.append(x[i])
                i += 1
            }
        }
        if let c = current { out.append(c) }
        return out
    }
}
