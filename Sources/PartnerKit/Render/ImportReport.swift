/// What `partnerkit import` prints: the column match (spreadsheets), the summary, the first
/// organizations added, and what changed in which file. Contact details never appear.
public struct ImportReport: Sendable {
    public var plan: ImportPlan
    public var addedColumns: [String]
    public var dryRun: Bool
    /// The spreadsheet's column match (empty for master files).
    public var columns: [Spreadsheet.ColumnMatch]
    public var organizationsFile: String
    public var peopleFile: String
    /// How many added organizations to list in text (all of them in JSON).
    public var listLimit = 20
    /// Show the contacts added with their email and phone (`--include-contacts`).
    public var includeContacts = false

    public init(
        plan: ImportPlan, addedColumns: [String], dryRun: Bool, columns: [Spreadsheet.ColumnMatch] = [],
        organizationsFile: String, peopleFile: String
    ) {
        self.plan = plan
        self.addedColumns = addedColumns
        self.dryRun = dryRun
        self.columns = columns
        self.organizationsFile = organizationsFile
        self.peopleFile = peopleFile
    }

    /// The column match as a table a person reads before anything is written.
    public func columnMatchText(markdown: Bool = false) -> String {
        guard !columns.isEmpty else { return "" }
        var s = markdown ? "## Columns matched\n\n" : "Columns matched:\n"
        let width = min(32, (columns.map { $0.header.count + 2 }.max() ?? 10) + 1)
        for m in columns {
            let target: String
            switch (m.field, m.how) {
            case (let f?, _) where f.isContact:
                target = "\(f.rawValue) (to people.csv; private)"
            case (let f?, .map): target = "\(f.rawValue) (from --map)"
            case (let f?, _): target = f.rawValue
            case (nil, .ignored): target = "not imported (--map says null)"
            case (nil, _):
                target = "not imported" + (m.suggestion.map { " (did you mean \"\($0)\"? use --map)" } ?? "")
            }
            let header = m.header.isEmpty ? "(no header)" : "\"\(m.header)\""
            if markdown {
                s += "- \(Escape.markdown(header)) → \(Escape.markdown(target))\n"
            } else {
                let pad = String(repeating: " ", count: max(1, width - header.count))
                s += "  \(header)\(pad)→ \(target)\n"
            }
        }
        return s
    }

    public func text(markdown: Bool = false) -> String {
        var s = ""
        if !columns.isEmpty { s += columnMatchText(markdown: markdown) + "\n" }
        let sum = plan.summary
        let verb = dryRun ? "Would import" : "Imported"
        let sentence = sum.sentence
        let lead = verb + sentence.dropFirst("imported".count)
        if markdown { s += "## Summary\n\n" }
        s += "\(lead).\n"
        s += "Read \(sum.rowsRead) row\(sum.rowsRead == 1 ? "" : "s").\n"
        if sum.careOfRemoved > 0 {
            s +=
                "\(sum.careOfRemoved) name\(sum.careOfRemoved == 1 ? "" : "s") had a care-of part (\"C/O …\") removed.\n"
        }
        if sum.unknownBudget > 0 {
            s +=
                "\(sum.unknownBudget) organization\(sum.unknownBudget == 1 ? " has" : "s have") no usable revenue (missing, zero or negative): budget left unknown.\n"
        }
        if !addedColumns.isEmpty {
            s +=
                "\(dryRun ? "Would add" : "Added") column\(addedColumns.count == 1 ? "" : "s") \(addedColumns.joined(separator: ", ")) at the end of \(organizationsFile): each existing row \(dryRun ? "would gain" : "gained") an empty cell there, nothing else in it changed.\n"
        }
        let orgs = plan.organizations
        if !orgs.isEmpty {
            s += markdown ? "\n## Organizations\n\n" : "\n"
            let shown = orgs.prefix(listLimit)
            let idWidth = min(40, (shown.map(\.id.count).max() ?? 2) + 2)
            for o in shown {
                if markdown {
                    s += "- `\(o.id)` \(Escape.markdown(o.name))\(o.ein.map { " (EIN \($0))" } ?? "")\n"
                } else {
                    let pad = String(repeating: " ", count: max(1, idWidth - o.id.count))
                    s += "  \(o.id)\(pad)\(o.name)\(o.ein.map { "  EIN \($0)" } ?? "")\n"
                }
            }
            if orgs.count > shown.count { s += "  … and \(orgs.count - shown.count) more\n" }
        }
        let present = plan.skips.filter {
            if case .alreadyPresent = $0.reason { return true }
            return false
        }
        if !present.isEmpty {
            s += markdown ? "\n## Already present\n\n" : "\nAlready present (not added again):\n"
            for k in present.prefix(10) {
                s += (markdown ? "- " : "  ") + "\(k.file):\(k.line) \(k.name): \(k.explanation)\n"
            }
            if present.count > 10 { s += "  … and \(present.count - 10) more\n" }
        }
        if plan.summary.peopleImported > 0 {
            s +=
                "\n\(plan.summary.peopleImported) contact\(plan.summary.peopleImported == 1 ? "" : "s") \(dryRun ? "would go" : "went") to \(peopleFile)"
                + (includeContacts
                    ? ":\n" : " (email and phone are private: add --include-contacts to see them).\n")
            if includeContacts {
                for p in plan.people {
                    let v = p.values
                    let details = [v["role"], v["email"], v["phone"]].compactMap { $0 }.joined(
                        separator: ", ")
                    s +=
                        (markdown ? "- " : "  ")
                        + "\(v["name"] ?? p.id) (\(p.organization))\(details.isEmpty ? "" : ": " + details)\n"
                }
            }
        }
        if dryRun {
            s += "\nNothing was written (--dry-run).\n"
        } else if orgs.isEmpty {
            s += "\nNothing to add: \(organizationsFile) is unchanged.\n"
        }
        return s
    }

    public var json: JSONOutput {
        let sum = plan.summary
        var members: [(String, JSONOutput)] = [
            ("imported", .int(sum.imported)), ("skipped_present", .int(sum.skippedPresent)),
            ("skipped_filtered", .int(sum.skippedFiltered)), ("without_ntee", .int(sum.withoutNTEE)),
            (
                "organizations",
                .array(
                    plan.organizations.map {
                        .object([
                            ("id", .string($0.id)), ("name", .string($0.name)), ("ein", .optional($0.ein)),
                        ])
                    })
            ),
            ("dry_run", .bool(dryRun)), ("rows_read", .int(sum.rowsRead)),
            ("skipped_other", .int(sum.skippedOther)),
            ("odd_ntee", .int(sum.oddNTEE)), ("without_topics", .int(sum.withoutTopics)),
            ("unknown_budget", .int(sum.unknownBudget)), ("care_of_removed", .int(sum.careOfRemoved)),
            ("people_imported", .int(sum.peopleImported)), ("added_columns", .strings(addedColumns)),
            (
                "skipped",
                .array(
                    plan.skips.map { k in
                        var m: [(String, JSONOutput)] = [
                            ("file", .string(k.file)), ("line", .int(k.line)), ("name", .string(k.name)),
                        ]
                        switch k.reason {
                        case .alreadyPresent(let id, let match):
                            m += [
                                ("reason", .string("already_present")), ("existing", .string(id)),
                                ("match", .string(match)),
                            ]
                        case .repeatedInImport(let first):
                            m += [("reason", .string("repeated")), ("first_line", .int(first))]
                        case .noName: m.append(("reason", .string("no_name")))
                        }
                        return .object(m)
                    })
            ),
        ]
        if !columns.isEmpty {
            members.append(
                (
                    "columns",
                    .array(
                        columns.map {
                            .object([
                                ("header", .string($0.header)), ("field", .optional($0.field?.rawValue)),
                                ("how", .string($0.how.rawValue)), ("suggestion", .optional($0.suggestion)),
                            ])
                        })
                ))
        }
        return .object(members)
    }
}
