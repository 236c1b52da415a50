/// The exempt-organization record `vet` shows under its scorecard: EIN, NTEE code and group,
/// and whether an imported IRS master file lists the organization, with the limits of that.
/// Kept apart from the scorecard's own rendering so that each can change on its own.
public enum ExemptRecordReport {
    /// Nil when there is nothing to say (no EIN, no NTEE code, no master file).
    public static func text(_ r: ExemptRecord, markdown: Bool = false) -> String? {
        guard r.ein != nil || r.ntee != nil else { return nil }
        var s = markdown ? "\n## Exempt-organization record\n\n" : "\nExempt-organization record:\n"
        let bullet = markdown ? "- " : "  "
        var facts: [String] = []
        if let ein = r.ein { facts.append("EIN \(ein)") }
        if let ntee = r.ntee {
            let kind = [r.nteeGroup, r.nteeName].compactMap { $0 }.joined(separator: ": ")
            facts.append("NTEE \(ntee)" + (kind.isEmpty ? "" : " (\(kind))"))
        }
        s +=
            bullet
            + (markdown ? Escape.markdown(facts.joined(separator: ", ")) : facts.joined(separator: ", "))
            + "\n"
        if r.inMasterFile {
            let files = r.masterFiles.map { "\($0.file), imported \($0.date)" }.joined(separator: "; ")
            s +=
                bullet
                + "Appears in an imported IRS master file (\(markdown ? Escape.markdown(files) : files)).\n"
            s += bullet + "Limits: " + ExemptRecord.limits + ".\n"
        } else if r.ein != nil && r.masterFilesImported {
            s +=
                bullet
                + "Not found in the imported IRS master files: check the IRS Tax Exempt Organization Search before relying on its exempt status.\n"
        }
        return s
    }

    public static func json(_ r: ExemptRecord) -> JSONOutput {
        .object([
            ("ein", .optional(r.ein)), ("ntee", .optional(r.ntee)), ("ntee_group", .optional(r.nteeGroup)),
            ("ntee_name", .optional(r.nteeName)), ("in_master_file", .bool(r.inMasterFile)),
            ("master_files_imported", .bool(r.masterFilesImported)),
            (
                "master_files",
                .array(
                    r.masterFiles.map {
                        .object([("file", .string($0.file)), ("imported", .string($0.date))])
                    })
            ),
            ("limits", .string(ExemptRecord.limits)),
        ])
    }
}
