/// `partnerkit check`'s output besides the diagnostics themselves (which the executable prints
/// to standard error, compiler-style): the closing line with the counts, and the JSON.
public enum CheckReport {
    /// `58 organizations, 30 people, 191 ties, 18 partnerships`, from `WorkspaceFiles.counted`.
    public static func counts(_ w: Workspace) -> String {
        WorkspaceFiles.counted.map { "\($0.count(w)) \($0.noun)" }.joined(separator: ", ")
    }

    /// The closing line: `DIR: counts — 0 errors, 0 warnings`, or without counts when the
    /// workspace could not be read at all.
    public static func summary(workspace path: String, _ w: Workspace?, _ d: [Diagnostic]) -> String {
        guard let w else { return "\(path): \(d.summary)" }
        return "\(path): \(counts(w)) — \(d.summary)"
    }

    /// `workspace`, `ok`, `errors`, `warnings`, `counts` (when the workspace was read) and every
    /// diagnostic.
    public static func json(workspace path: String, _ w: Workspace?, _ d: [Diagnostic]) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("workspace", .string(path)), ("ok", .bool(!d.hasErrors)),
            ("errors", .int(d.errorCount)), ("warnings", .int(d.warningCount)),
        ]
        if let w {
            members.append(("counts", .object(WorkspaceFiles.counted.map { ($0.noun, .int($0.count(w))) })))
        }
        members.append(("diagnostics", .array(d.map(\.json))))
        return .object(members)
    }

    public static func markdown(workspace path: String, _ d: [Diagnostic]) -> String {
        d.markdown(title: "Workspace check: \(path)")
    }
}
