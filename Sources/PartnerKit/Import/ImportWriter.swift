/// The new bytes of the workspace files after an import, computed in memory; the caller
/// writes them with `Files.writeAtomically` only when `problems` is empty.
public struct ImportOutput: Sendable {
    /// New `organizations.csv`, or nil when nothing is added.
    public var organizations: [UInt8]?
    /// New `people.csv`, or nil when no contact is added.
    public var people: [UInt8]?
    /// Columns added at the end of `organizations.csv` (every existing row gained one empty
    /// cell per added column, and nothing else).
    public var addedColumns: [String] = []
    public var addedPeopleColumns: [String] = []
    /// Errors that stop the import; nothing may be written when there are any.
    public var problems: [Diagnostic] = []
}

/// Applies a plan to the bytes of `organizations.csv` and `people.csv` through the CSV
/// appender (`CSVEditor`), so that every existing row stays byte for byte: its line end, its
/// quoting, its separator and the columns PartnerKit does not know.
///
/// A column the new rows need that the file lacks (`ein`, `ntee`, `service_area` in a file
/// made before they existed) is added at the end of the header, and each existing row gains
/// one empty cell (one separator at its end): the only change to existing lines, reported to
/// the user. Then the whole workspace is read again with the normal reader, and any error
/// there (an id, a tag, a number) stops the import before anything is written.
public enum ImportWriter {
    /// The workspace files a validation reads (the ones the workspace reader knows).
    public static let workspaceFiles = [
        "library.json", "organizations.csv", "people.csv", "relationships.csv", "partnerships.json",
        "vocabulary.json",
    ]

    public static func apply(
        _ plan: ImportPlan, organizations: [UInt8]?, organizationsFile: String, people: [UInt8]?,
        peopleFile: String
    ) -> ImportOutput {
        var out = ImportOutput()
        if !plan.organizations.isEmpty {
            do {
                var csv =
                    try organizations.map { b throws(EditError) in
                        try CSVEditor(bytes: b, file: organizationsFile)
                    }
                    ?? CSVEditor(columns: WorkspaceLoader.organizationColumns, file: organizationsFile)
                for c in plan.columnsUsed where !csv.hasColumn(c) {
                    try csv.addColumn(c)
                    out.addedColumns.append(c)
                }
                try csv.appendRows(plan.organizations.map(\.values))
                out.organizations = csv.bytes
            } catch {
                out.problems += error.diagnostics
            }
        }
        if !plan.people.isEmpty {
            do {
                var csv =
                    try people.map { b throws(EditError) in try CSVEditor(bytes: b, file: peopleFile) }
                    ?? CSVEditor(columns: WorkspaceLoader.peopleColumns, file: peopleFile)
                var used: Set<String> = []
                for p in plan.people { for (k, v) in p.values where !v.isEmpty { used.insert(k) } }
                for c in WorkspaceLoader.peopleColumns where used.contains(c) && !csv.hasColumn(c) {
                    try csv.addColumn(c)
                    out.addedPeopleColumns.append(c)
                }
                try csv.appendRows(plan.people.map(\.values))
                out.people = csv.bytes
            } catch {
                out.problems += error.diagnostics
            }
        }
        return out
    }

    /// Reads the workspace as it would be after the import (`files`: every workspace file by
    /// name, with the new bytes in place) and returns its errors; empty when it is sound.
    public static func validate(
        files: [String: [UInt8]], directory: String, defaultVocabulary: [UInt8]?
    ) -> [Diagnostic] {
        let result = WorkspaceLoader.load(
            files: files, directory: directory, defaultVocabulary: defaultVocabulary)
        return result.diagnostics.filter { $0.severity == .error }
    }
}
