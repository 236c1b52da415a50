/// One root cause, one error. When a workspace file does not load at all (missing, unreadable,
/// empty, a bad header, a JSON syntax error, a `library.json` without an id), every reference
/// into it would fail too: hundreds of errors burying the one that matters. The readers ask
/// here before reporting a reference they cannot resolve; references into a failed file are
/// counted instead, and reported as one note after the real errors. A reference into a file
/// that loaded with errors is still reported, naming both files.
final class LoadFailures {
    /// Files (workspace names, `organizations.csv`) that did not load, in the order read.
    private(set) var failed: [String] = []
    /// Per file that loaded with errors: the line of its first error (nil: a whole-file error).
    private var firstError: [String: Int?] = [:]
    /// Ids whose own row was rejected, per file, with the row's line.
    var rejectedIDs: [String: [String: Int]] = [:]
    /// References not checked, by the failed files they could point into.
    private var unchecked: [[String]: Int] = [:]

    func fail(_ file: String) {
        if !failed.contains(file) { failed.append(file) }
    }

    func didFail(_ file: String) -> Bool { failed.contains(file) }

    /// Records where `file`'s first error is, when it loaded but with errors.
    func noteErrors(in file: String, path: String, among diagnostics: [Diagnostic]) {
        guard !didFail(file) else { return }
        var first: Int?? = nil
        for d in diagnostics where d.severity == .error && d.file == path {
            let line: Int?
            switch d.location {
            case .line(let l), .lineColumn(let l, _): line = l
            case .file, .field: line = nil
            }
            switch (first, line) {
            case (.none, _): first = .some(line)
            case (.some(.some(let f)), .some(let l)) where l < f: first = .some(line)
            case (.some(.some), .none): first = .some(nil)
            default: break
            }
        }
        if let first { firstError[file] = first }
    }

    /// True when a reference that could point into any of `files` should not be checked
    /// because one of them failed; the reference is counted for the summary.
    func skip(into files: [String]) -> Bool {
        let down = files.filter(didFail)
        guard !down.isEmpty else { return false }
        unchecked[down, default: 0] += 1
        return true
    }

    /// What an unresolved reference to `id` depends on, as a clause to append to its error:
    /// its own row was rejected, or the file it points into has errors. Empty otherwise.
    func because(_ id: String, in files: [String]) -> String {
        for file in files {
            if let line = rejectedIDs[file]?[id] { return " — its row, \(file):\(line), did not load" }
        }
        for file in files {
            if let first = firstError[file] {
                return first.map { " — \(file) failed to load at line \($0)" }
                    ?? " — \(file) did not load completely"
            }
        }
        return ""
    }

    /// One note per group of failed files: how many references were not checked, and why.
    func summaries(path: (String) -> String) -> [Diagnostic] {
        unchecked.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { files, count in
            let nouns = files.map(Self.noun)
            let what =
                nouns.count == 1
                ? nouns[0] : nouns.dropLast().joined(separator: ", ") + " or " + (nouns.last ?? "")
            let references = count == 1 ? "1 reference" : "\(count) references"
            let names =
                files.count == 1
                ? files[0] : files.dropLast().joined(separator: ", ") + " and " + (files.last ?? "")
            return Diagnostic(
                .note, file: path(files[0]), .file,
                "\(references) to \(what) \(count == 1 ? "was" : "were") not checked because \(names) did not load",
                hint: "fix the error\(files.count == 1 ? "" : "s") in \(names) first")
        }
    }

    private static func noun(_ file: String) -> String {
        switch file {
        case LibrarySchema.file: "the library"
        case OrganizationsSchema.schema.file: "organizations"
        case PeopleSchema.schema.file: "people"
        default: file
        }
    }
}
