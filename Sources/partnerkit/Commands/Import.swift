import Foundation
import PartnerKit

extension Commands {
    static let importCommand = Command(
        name: "import",
        summary: "Add organizations from the IRS master file or the library's own spreadsheet",
        usage:
            "partnerkit import irs-bmf FILE… [--city C]… [--zip PREFIX]… [--ntee CODES] [--min-revenue N] [--dry-run]\n       partnerkit import csv FILE [--map MAP.json] [--dry-run] [--include-contacts]",
        discussion: """
            irs-bmf: reads IRS Exempt Organizations Business Master File extracts (one CSV per
            state, eo_xx.csv) and adds the organizations that pass every filter given: --city
            (repeatable, any case; "S Burlington" is "South Burlington"), --zip PREFIX
            (repeatable: 054 is every ZIP starting 054), --ntee B70,P,J20 (codes or major-group
            letters), --min-revenue N (USD; missing, zero or negative revenue never passes).

            csv: reads a spreadsheet with any column names (Organization, Org Name, Website,
            Contact email, Focus areas…), comma or semicolon separated, UTF-8 or Windows-1252.
            The column match is printed first; --map MAP.json overrides it:
            { "columns": { "Your header": "name", "Notes": null } }. Contact columns go to
            people.csv and are never shown without --include-contacts.

            Organizations already in organizations.csv (same EIN, id, or name and city) are
            skipped, so importing the same file twice changes nothing the second time. Existing
            rows stay byte for byte; a column the file lacks (ein, ntee, service_area) is added
            at the end, existing rows getting an empty cell there. Nothing is written when
            anything is wrong, nor with --dry-run.
            """,
        formats: ["text", "json", "markdown"],
        options: [
            .value("--city", "CITY", "only organizations in this city (repeatable)", repeatable: true),
            .value("--zip", "PREFIX", "only ZIP codes starting with PREFIX (repeatable)", repeatable: true),
            .value("--ntee", "CODES", "only these NTEE codes or major groups, e.g. B70,P,J20"),
            .value("--min-revenue", "USD", "only organizations with at least this revenue"),
            .value("--map", "MAP.json", "csv: which spreadsheet column is which field"),
            .flag("--dry-run", "show what would be imported; write nothing"),
            CommonOptions.includeContacts,
        ],
        positionals: 2...10_000,
        run: { inv in try runImport(inv) })

    /// The NTEE crosswalk (`Data/ntee.json`) and its problems; nil when it cannot be found.
    static func loadCrosswalk(vocabulary: Vocabulary) -> (
        path: String, crosswalk: NTEECrosswalk, problems: [Diagnostic]
    )? {
        guard let path = Resources.toolkitRoot().map({ "\($0)/Data/ntee.json" }),
            case .success(let bytes) = Files.read(path)
        else { return nil }
        let (c, problems) = NTEECrosswalk.parse(bytes, file: path, vocabulary: vocabulary)
        return (path, c, problems)
    }

    /// What the imported files say about an organization (for `vet`).
    static func exemptRecord(_ o: Organization, inv: Invocation, workspace: Workspace) -> ExemptRecord {
        let crosswalk = loadCrosswalk(vocabulary: workspace.vocabulary)?.crosswalk ?? NTEECrosswalk()
        var log: [ImportLogEntry] = []
        if case .success(let b) = Files.read(inv.workspaceFile(ImportLog.fileName)) {
            log = ImportLog.read(b)
        }
        return ExemptRecord(organization: o, log: log, crosswalk: crosswalk)
    }

    static func runImport(_ inv: Invocation) throws -> Int32 {
        let kind = inv.args.positionals[0]
        let files = Array(inv.args.positionals.dropFirst())
        guard kind == "irs-bmf" || kind == "csv" else {
            let near = nearest(kind, in: ["irs-bmf", "csv"], maxDistance: 3)
            throw UsageError(
                message: "unknown source '\(kind)': choose irs-bmf or csv"
                    + (near.map { " (did you mean '\($0)'?)" } ?? ""))
        }
        if kind == "csv" {
            guard files.count == 1 else { throw UsageError(message: "import csv takes one FILE") }
            for o in ["--city", "--zip", "--ntee", "--min-revenue"] where inv.args.value(o) != nil {
                throw UsageError(message: "\(o) filters a master file (import irs-bmf), not a spreadsheet")
            }
        } else if inv.args.value("--map") != nil {
            throw UsageError(message: "--map is for import csv; a master file's columns are fixed")
        }
        var filter = MasterFileFilter(
            cities: inv.args.values["--city"] ?? [], zipPrefixes: inv.args.values["--zip"] ?? [])
        if let ntee = inv.args.value("--ntee") {
            let (prefixes, bad) = MasterFileFilter.parseNTEE(ntee)
            guard let prefixes else {
                throw UsageError(
                    message:
                        "--ntee takes NTEE codes or major-group letters separated by commas (B70,P,J20), not \"\(bad ?? ntee)\""
                )
            }
            filter.nteePrefixes = prefixes
        }
        filter.minRevenue = try inv.args.number("--min-revenue", range: 0...1e13)
        for z in filter.zipPrefixes where z.isEmpty || !z.allSatisfy(\.isNumber) {
            throw UsageError(message: "--zip takes the first digits of a ZIP code (054), not \"\(z)\"")
        }

        guard let workspace = inv.loadWorkspace() else { return Exit.inputError }
        let existing = ExistingRecords(workspace)
        var plan: ImportPlan
        var columns: [Spreadsheet.ColumnMatch] = []
        if kind == "irs-bmf" {
            guard let (_, crosswalk, problems) = loadCrosswalk(vocabulary: workspace.vocabulary) else {
                inv.console.report([
                    .error(
                        "Data/ntee.json", .file, "the NTEE crosswalk is missing",
                        hint: "set PARTNERKIT_HOME to the folder of the PartnerKit repository")
                ])
                return Exit.inputError
            }
            if problems.hasErrors {
                inv.console.report(problems)
                return Exit.inputError
            }
            var scan = MasterFile.Scan()
            let showProgress = isatty(STDERR_FILENO) == 1
            for f in files {
                var lastShown = 0
                MasterFile.scan(path: f, file: f, filter: filter, into: &scan) { rows in
                    // Progress only on a terminal and only for big files (over ~100,000 rows).
                    if showProgress, rows > 100_000, rows - lastShown >= 50_000 {
                        lastShown = rows
                        inv.console.err("\rreading \(f): \(rows) rows…")
                    }
                }
                if lastShown > 0 { inv.console.err("\r\u{1B}[K") }
            }
            if scan.diagnostics.hasErrors {
                inv.console.report(scan.diagnostics.sorted())
                inv.console.err("nothing was imported: fix the file\(files.count == 1 ? "" : "s") above\n")
                return Exit.inputError
            }
            plan = MasterFileImport.plan(scan, existing: existing, crosswalk: crosswalk)
        } else {
            let file = files[0]
            var map: [String: Spreadsheet.Field?] = [:]
            if let mapPath = inv.args.value("--map") {
                switch Files.read(mapPath, limit: 1 << 20) {
                case .failure(let e):
                    inv.console.report([.error(mapPath, .file, e.message)])
                    return Exit.inputError
                case .success(let bytes):
                    let (m, problems) = Spreadsheet.parseMap(bytes, file: mapPath)
                    if problems.hasErrors {
                        inv.console.report(problems)
                        return Exit.inputError
                    }
                    map = m
                }
            }
            let bytes: [UInt8]
            switch Files.read(file) {
            case .failure(let e):
                inv.console.report([.error(file, .file, e.message)])
                return Exit.inputError
            case .success(let b): bytes = b
            }
            let reading = Spreadsheet.read(bytes, file: file, map: map, vocabulary: workspace.vocabulary)
            columns = reading.columns
            if reading.diagnostics.hasErrors {
                if !columns.isEmpty {
                    inv.console.err(
                        ImportReport(
                            plan: ImportPlan(), addedColumns: [], dryRun: true, columns: columns,
                            organizationsFile: "", peopleFile: ""
                        ).columnMatchText())
                }
                inv.console.report(reading.diagnostics.sorted())
                inv.console.err("nothing was imported: fix \(file) (or the --map) and try again\n")
                return Exit.inputError
            }
            plan = ImportPlan()
            plan.diagnostics = reading.diagnostics
            plan.summary.rowsRead = reading.rows
            ImportPlanner.plan(reading.candidates, existing: existing, into: &plan)
        }

        let orgFile = inv.workspaceFile("organizations.csv")
        let peopleFile = inv.workspaceFile("people.csv")
        func read(_ path: String) -> [UInt8]? {
            if case .success(let b) = Files.read(path) { return b }
            return nil
        }
        let output = ImportWriter.apply(
            plan, organizations: read(orgFile), organizationsFile: orgFile, people: read(peopleFile),
            peopleFile: peopleFile)
        var problems = output.problems
        if problems.isEmpty && (output.organizations != nil || output.people != nil) {
            var memory: [String: [UInt8]] = [:]
            for name in ImportWriter.workspaceFiles {
                if let b = read(inv.workspaceFile(name)) { memory[name] = b }
            }
            if let o = output.organizations { memory["organizations.csv"] = o }
            if let p = output.people { memory["people.csv"] = p }
            let vocabulary = Resources.defaultVocabulary.flatMap(read)
            problems = ImportWriter.validate(
                files: memory, directory: inv.workspacePath, defaultVocabulary: vocabulary)
        }
        // The column match first, before anything is written; then the warnings (unknown
        // words, odd values) on stderr; errors stop everything.
        var report = ImportReport(
            plan: plan, addedColumns: output.addedColumns, dryRun: inv.args.has("--dry-run"),
            columns: columns,
            organizationsFile: orgFile, peopleFile: peopleFile)
        report.includeContacts = inv.includeContacts
        if inv.format != "json" && !columns.isEmpty {
            inv.emit(report.columnMatchText(markdown: inv.format == "markdown") + "\n")
            report.columns = []
        }
        let warnings = plan.diagnostics.filter { $0.severity != .error }
        if !warnings.isEmpty { inv.console.report(warnings.sorted()) }
        if !problems.isEmpty {
            inv.console.report(problems.sorted())
            inv.console.err(
                "nothing was imported: the import would leave the workspace with the errors above\n")
            return Exit.inputError
        }
        let dryRun = inv.args.has("--dry-run")
        // Which organizations the master file lists, for `vet` (imports.csv; see ImportLog).
        var logBytes: [UInt8]?
        let logFile = inv.workspaceFile(ImportLog.fileName)
        if kind == "irs-bmf" {
            do {
                logBytes = try ImportLog.appending(
                    ImportLog.entries(for: plan, date: inv.asOf.description), to: read(logFile), file: logFile
                )
            } catch {
                inv.console.report(error.diagnostics)
                inv.console.err("nothing was imported: \(logFile) could not be read\n")
                return Exit.inputError
            }
        }
        if !dryRun {
            if let o = output.organizations {
                if case .failure(let e) = Files.writeAtomically(o, to: orgFile, overwrite: true) {
                    inv.console.err("\(e)\n")
                    return Exit.inputError
                }
            }
            if let p = output.people {
                if case .failure(let e) = Files.writeAtomically(p, to: peopleFile, overwrite: true) {
                    inv.console.err("\(e)\n")
                    return Exit.inputError
                }
            }
            if let l = logBytes {
                if case .failure(let e) = Files.writeAtomically(l, to: logFile, overwrite: true) {
                    inv.console.err("\(e)\n")
                    return Exit.inputError
                }
            }
        }
        switch inv.format {
        case "json": inv.emit(report.json.serialized())
        case "markdown": inv.emit(report.text(markdown: true))
        default:
            inv.emit(report.text())
            if !dryRun && !plan.organizations.isEmpty {
                inv.emit(
                    "Next: partnerkit check --workspace \(inv.workspacePath), then partnerkit score --workspace \(inv.workspacePath)"
                )
            }
        }
        return Exit.success
    }
}
