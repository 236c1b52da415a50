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
            if inv.format == "json" {
                var members: [(String, JSONOutput)] = [
                    ("workspace", .string(inv.workspacePath)), ("ok", .bool(!d.hasErrors)),
                    ("errors", .int(d.errorCount)), ("warnings", .int(d.warningCount)),
                ]
                if let w = result.workspace {
                    members.append(
                        (
                            "counts",
                            .object([
                                ("organizations", .int(w.organizations.count)),
                                ("people", .int(w.people.count)),
                                ("ties", .int(w.ties.count)), ("partnerships", .int(w.partnerships.count)),
                            ])
                        ))
                }
                members.append(("diagnostics", .array(d.map(\.json))))
                inv.emit(JSONOutput.object(members).serialized())
            } else if inv.format == "markdown" {
                inv.emit(d.markdown(title: "Workspace check: \(inv.workspacePath)"))
            } else {
                inv.console.report(d)
                if let w = result.workspace {
                    inv.emit(
                        "\(inv.workspacePath): \(w.organizations.count) organizations, \(w.people.count) people, \(w.ties.count) ties, \(w.partnerships.count) partnerships — \(d.summary)"
                    )
                } else {
                    inv.console.err("\(inv.workspacePath): \(d.summary)\n")
                }
            }
            return d.hasErrors ? Exit.inputError : Exit.success
        })
}
