import PartnerKit

enum Commands {}

extension Commands {
    static let check = Command(
        name: "check",
        summary: "Validate the workspace: every error and warning, with file and line",
        usage: "partnerkit check [--workspace DIR] [--format text|json]",
        discussion: """
            Reads every workspace file and reports all problems at once, compiler-style
            (file:line: error: message), on standard error. Exit status 1 when there are errors;
            warnings alone exit 0.
            """,
        formats: ["text", "json", "markdown"],
        run: { inv in
            let result = WorkspaceLoader.load(
                directory: inv.workspacePath, defaultVocabulary: Resources.defaultVocabulary)
            let d = result.diagnostics
            let path = inv.workspacePath
            switch inv.format {
            case "json": inv.emit(CheckReport.json(workspace: path, result.workspace, d).serialized())
            case "markdown": inv.emit(CheckReport.markdown(workspace: path, d))
            default:
                inv.console.report(d)
                let line = CheckReport.summary(workspace: path, result.workspace, d)
                // Counted, the line is the output; without a workspace, one more problem report.
                if result.workspace != nil { inv.emit(line) } else { inv.console.err(line + "\n") }
            }
            return d.hasErrors ? Exit.inputError : Exit.success
        })
}
