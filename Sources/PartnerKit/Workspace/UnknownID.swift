/// The one rule for an id the workspace does not have (`vet harbor-c`, `path --from libary`,
/// `spectrum ferry-book-clb`): an error naming the file the id would be in, with a "did you
/// mean" when a known id is close, else a pointer to where the ids are listed.
///
/// Close means within max(2, a third of its length) edits (Levenshtein), so short ids still
/// get a suggestion and long ones are not matched to anything.
public enum UnknownID {
    /// The nearest of `candidates` to `id`, when one is close enough to suggest.
    ///
    /// - Complexity: O(Σ |id| × |candidate|).
    public static func suggestion(for id: String, among candidates: some Sequence<String>) -> String? {
        nearest(id, in: candidates, maxDistance: max(2, id.count / 3))
    }

    /// `file: error: [option: ]no WHAT with id "ID"` with a "did you mean" among `candidates`,
    /// else `lookUp`.
    public static func diagnostic(
        _ id: String, what: String, option: String? = nil, file: String, candidates: some Sequence<String>,
        lookUp: String
    ) -> Diagnostic {
        let hint = suggestion(for: id, among: candidates).map { "did you mean \"\($0)\"?" } ?? lookUp
        return .error(
            file, .file, "\(option.map { "\($0): " } ?? "")no \(what) with id \"\(id)\"", hint: hint)
    }

    /// An organization id not in `workspace`: ids compared case-insensitively for the
    /// suggestion (shown with its name), and an organization's *name* recognised as such.
    public static func organization(_ id: String, in workspace: Workspace, file: String) -> Diagnostic {
        let lowered = id.lowercased()
        var hint: String?
        if let near = suggestion(for: lowered, among: workspace.organizations.lazy.map { $0.id.lowercased() })
            .flatMap({ n in workspace.organizations.first { $0.id.lowercased() == n } })
        {
            hint = "did you mean \"\(near.id)\" (\(near.name))?"
        } else if let byName = workspace.organizations.first(where: { $0.name.lowercased() == lowered }) {
            hint = "that is the name of \"\(byName.id)\"; vet takes the id"
        }
        return .error(
            file, .file, "no organization with id \"\(id)\"",
            hint: hint ?? "`partnerkit score` lists the organizations with their ids")
    }

    /// A partnership id not in `workspace`; without a close one, the first few known ids.
    public static func partnership(_ id: String, in workspace: Workspace, file: String) -> Diagnostic {
        let ids = workspace.partnerships.map(\.id)
        let fallback =
            ids.isEmpty
            ? "the workspace has no partnerships.json entries"
            : "known ids: \(ids.prefix(8).joined(separator: ", "))"
        return diagnostic(id, what: "partnership", file: file, candidates: ids, lookUp: fallback)
    }
}
