import Foundation
import PartnerKit

/// Exit statuses: 0 success (warnings alone do not change it), 1 the workspace or an input has
/// errors, 2 bad usage.
enum Exit {
    static let success: Int32 = 0
    static let inputError: Int32 = 1
    static let usage: Int32 = 2
}

/// What a command receives: its parsed arguments and the common settings.
struct Invocation {
    var args: ParsedArguments
    var console: Console
    var command: Command
    var workspacePath: String
    var format: String
    var asOf: Day
    var includeContacts: Bool

    /// Loads the workspace, printing its errors (and a pointer to `check` for warnings).
    /// Returns nil when it has errors.
    func loadWorkspace() -> Workspace? {
        let result = WorkspaceLoader.load(
            directory: workspacePath, defaultVocabulary: Resources.defaultVocabulary)
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            console.report(errors)
            console.err(
                "\(result.diagnostics.summary): fix the errors above (`partnerkit check --workspace \(workspacePath)` lists everything)\n"
            )
            return nil
        }
        noteWarnings(result.diagnostics)
        return result.workspace
    }

    /// The one line a command prints about a workspace's warnings (`check` lists them).
    func noteWarnings(_ diagnostics: [Diagnostic]) {
        let w = diagnostics.warningCount
        if w > 0 {
            console.err(
                "note: the workspace has \(w) warning\(w == 1 ? "" : "s"); `partnerkit check --workspace \(workspacePath)` lists them\n"
            )
        }
    }

    /// A workspace file's path as the user named the workspace (`Data/sample/people.csv`).
    func workspaceFile(_ name: String) -> String {
        joinPath(workspacePath, name)
    }

    /// Reports an id the workspace does not have, like every other input problem: the file it
    /// would be in, what was asked for, a "did you mean" among `candidates`, else where to look
    /// the ids up.
    func reportUnknownID(
        _ id: String, what: String, option: String? = nil, file: String = "organizations.csv",
        candidates: some Sequence<String>,
        lookUp: String = "`partnerkit score` lists the organizations with their ids"
    ) {
        console.report([
            UnknownID.diagnostic(
                id, what: what, option: option, file: workspaceFile(file), candidates: candidates,
                lookUp: lookUp)
        ])
    }

    /// Prints output; adds a final newline when missing.
    func emit(_ text: String) {
        // Bytes, not Characters: "\r\n" is one Character, so `hasSuffix("\n")` is false for
        // CRLF text (the CSV outputs) and a stray blank line would follow.
        console.out(text.utf8.last == 0x0A || text.isEmpty ? text : text + "\n")
    }
}

/// One subcommand, declared as data: its name, help and options, and the function that runs it.
struct Command: Sendable {
    var name: String
    var summary: String
    var usage: String
    var discussion: String = ""
    /// Allowed `--format` values; the first is the default.
    var formats: [String] = ["text", "json", "markdown"]
    var options: [OptionSpec] = []
    /// How many positional arguments it takes.
    var positionals: ClosedRange<Int> = 0...0
    var needsWorkspace = true
    var run: @Sendable (Invocation) throws -> Int32

    var allOptions: [OptionSpec] {
        var all = options
        if needsWorkspace { all.append(CommonOptions.workspace) }
        all.append(CommonOptions.format(formats))
        all += [CommonOptions.asOf, CommonOptions.noColor, CommonOptions.help]
        return all
    }

    var help: String {
        var s = "\(summary)\n\nUsage: \(usage)\n"
        if !discussion.isEmpty { s += "\n\(discussion)\n" }
        s += "\nOptions:\n"
        let opts = allOptions
        let width = min(32, (opts.map(\.display.count).max() ?? 10) + 2)
        for o in opts {
            let d = o.display
            let pad =
                d.count < width
                ? String(repeating: " ", count: width - d.count)
                : "\n" + String(repeating: " ", count: width + 2)
            s += "  \(d)\(pad)\(o.help)\n"
        }
        return s
    }
}

/// The real date in UTC, as a `Day`.
func today() -> Day {
    Day(ordinal: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
}
