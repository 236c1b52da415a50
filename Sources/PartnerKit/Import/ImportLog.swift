/// `imports.csv` in a workspace: which organizations appeared in which imported master file,
/// and when it was imported. `vet` reads it to say whether an organization appears in an
/// imported IRS master file (a proxy for current exempt status). One row per EIN and file; an
/// organization already in the workspace whose EIN the file lists gets a row too.
///
/// Columns: `date` (YYYY-MM-DD of the import), `source` (`irs-bmf`), `file` (the file's
/// name), `ein` (12-3456789), `organization` (the organization's id).
public struct ImportLogEntry: Sendable, Hashable {
    public var date: String
    public var source: String
    public var file: String
    public var ein: String
    public var organization: String

    public init(date: String, source: String, file: String, ein: String, organization: String) {
        self.date = date
        self.source = source
        self.file = file
        self.ein = ein
        self.organization = organization
    }
}

public enum ImportLog {
    public static let fileName = "imports.csv"
    public static let columns = ["date", "source", "file", "ein", "organization"]

    /// The entries of `imports.csv`; rows that do not read are left out (the log is a note,
    /// not data the scores depend on).
    public static func read(_ bytes: [UInt8]) -> [ImportLogEntry] {
        let (rows, _) = CSVParser.rows(bytes, file: fileName)
        guard let header = rows.first?.fields.map({ $0.trimmingWhitespace.lowercased() }) else { return [] }
        let index = columns.map { header.firstIndex(of: $0) }
        var out: [ImportLogEntry] = []
        for row in rows.dropFirst() {
            func cell(_ k: Int) -> String {
                guard let i = index[k], i < row.fields.count else { return "" }
                return row.fields[i].trimmingWhitespace
            }
            guard !cell(3).isEmpty else { continue }
            out.append(
                ImportLogEntry(
                    date: cell(0), source: cell(1), file: cell(2), ein: cell(3), organization: cell(4)))
        }
        return out
    }

    /// The entries a master-file plan adds: every organization imported, and every one skipped
    /// because the workspace has its EIN already.
    public static func entries(for plan: ImportPlan, date: String) -> [ImportLogEntry] {
        func base(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }
        var out: [ImportLogEntry] = []
        for o in plan.organizations {
            guard let ein = o.ein else { continue }
            out.append(
                ImportLogEntry(
                    date: date, source: "irs-bmf", file: base(o.file), ein: ein, organization: o.id))
        }
        for s in plan.skips {
            guard case .alreadyPresent(let id, let match) = s.reason, match == "EIN", let ein = s.ein else {
                continue
            }
            out.append(
                ImportLogEntry(date: date, source: "irs-bmf", file: base(s.file), ein: ein, organization: id))
        }
        return out
    }

    /// `imports.csv` with the entries it does not have yet (same EIN and file) appended through
    /// the CSV appender; nil when there is nothing new, so a repeated import writes nothing.
    public static func appending(_ entries: [ImportLogEntry], to bytes: [UInt8]?, file: String)
        throws(EditError)
        -> [UInt8]?
    {
        let existing = Set(read(bytes ?? []).map { "\($0.ein)|\($0.file)" })
        var seen = existing
        let new = entries.filter { seen.insert("\($0.ein)|\($0.file)").inserted }
        guard !new.isEmpty else { return nil }
        var csv =
            try bytes.map { b throws(EditError) in try CSVEditor(bytes: b, file: file) }
            ?? CSVEditor(columns: columns, file: file)
        for c in columns where !csv.hasColumn(c) { try csv.addColumn(c) }
        try csv.appendRows(
            new.map {
                [
                    "date": $0.date, "source": $0.source, "file": $0.file, "ein": $0.ein,
                    "organization": $0.organization,
                ]
            })
        return csv.bytes
    }
}

/// What the imported files say about one organization's exempt status, for `vet`.
public struct ExemptRecord: Sendable, Hashable {
    public var ein: String?
    public var ntee: String?
    /// `Education` for B70.
    public var nteeGroup: String?
    /// `Libraries` for B70, when the crosswalk has a finer entry.
    public var nteeName: String?
    /// The imported master files that list its EIN.
    public var masterFiles: [ImportLogEntry]
    /// Whether any master file was imported into the workspace at all.
    public var masterFilesImported: Bool

    public init(organization o: Organization, log: [ImportLogEntry], crosswalk: NTEECrosswalk) {
        ein = o.ein
        ntee = o.ntee
        nteeGroup = o.ntee.flatMap { crosswalk.groupName(for: $0) }
        let entry = o.ntee.flatMap { crosswalk.entry(for: $0) }
        nteeName = entry?.name == nteeGroup ? nil : entry?.name
        let digits = ExistingRecords.einDigits(o.ein)
        masterFiles = digits.map { d in log.filter { ExistingRecords.einDigits($0.ein) == d } } ?? []
        masterFilesImported = !log.isEmpty
    }

    public var inMasterFile: Bool { !masterFiles.isEmpty }

    /// The honest limits of the evidence, in plain words.
    public static let limits =
        "a sign of tax-exempt status when the file was published, not proof of it today; the IRS file can be months old, and it is not a charity evaluation (check the IRS Tax Exempt Organization Search for revocations)"
}
