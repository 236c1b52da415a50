/// `organizations.csv` (see `OrganizationsSchema`), read sequentially; the parallel path for
/// large files is in `OrganizationsReader+Chunks.swift`.
extension WorkspaceLoader {
    mutating func readOrganizations() -> [Organization] {
        let schema = OrganizationsSchema.schema
        guard let (p, bytes) = readBytes(schema.file, required: schema.requiredFile) else { return [] }
        if let parallel = bytes.withUnsafeBufferPointer({ readOrganizationsInChunks($0, path: p) }) {
            return parallel
        }
        var out: [Organization] = []
        out.reserveCapacity(bytes.count / 200)
        var rejected: [(line: Int, fields: [String], index: [Int])] = []
        let decimalComma = CSVDialect.detect(bytes).decimalComma
        streamTable(schema, bytes, path: p, rejected: { rejected.append(($0, $1, $2)) }) {
            line, fields, index in
            if let o = organizationRow(
                line: line, fields: fields, index: index, tagColumns: OrganizationsSchema.tagColumns, path: p,
                decimalComma: decimalComma)
            {
                out.append(o)
            }
        }
        for r in rejected { rejectOrganization(line: r.line, fields: r.fields, index: r.index) }
        return out
    }

    /// Remembers the id of a row that could not be read (wrong field count, bad UTF-8), so
    /// that a reference to it says why it is missing.
    mutating func rejectOrganization(line: Int, fields: [String], index: [Int]) {
        let i = index.isEmpty ? -1 : index[OrganizationsSchema.Column.id.rawValue]
        guard i >= 0, i < fields.count, !fields[i].isEmpty else { return }
        if rejectedIDs[fields[i]] == nil { rejectedIDs[fields[i]] = line }
    }

    /// One row of organizations.csv with the right number of valid UTF-8, trimmed fields:
    /// every check, reported with its line, and the organization (nil when unusable).
    /// `index` gives each `OrganizationsSchema.Column`'s field position (-1: absent, read as
    /// empty); `tagColumns` each `TagField`'s column.
    mutating func organizationRow(
        line: Int, fields: [String], index: [Int], tagColumns: [Int], path p: String,
        decimalComma: Bool = false
    ) -> Organization? {
        typealias Column = OrganizationsSchema.Column
        func cell(_ c: Column) -> String { cell(c.rawValue) }
        func cell(_ k: Int) -> String {
            let i = k >= 0 ? index[k] : -1
            return i >= 0 ? fields[i] : ""
        }
        func number(_ c: Column) -> Double? {
            self.number(cell(c), column: c.spec.name, file: p, line: line, decimalComma: decimalComma)
        }
        let id = cell(.id), name = cell(.name)
        if id.isEmpty { sink.error(p, .line(line), "id: must not be empty"); return nil }
        if id.utf8.contains(UInt8(ascii: ";")) {
            sink.error(p, .line(line), "id: \"\(id)\" may not contain ';'"); return nil
        }
        if name.isEmpty { sink.error(p, .line(line), "name: must not be empty") }
        var sector: Sector?
        let s = cell(.sector)
        if !s.isEmpty {
            sector = Sector(rawValue: s.lowercased())
            if sector == nil {
                sink.error(
                    p, .line(line),
                    "sector: \"\(s)\" is not one of \(Sector.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
        }
        let ntee = cell(.ntee).uppercased()
        if !ntee.isEmpty && !CellParser.looksLikeNTEE(ntee) {
            sink.warning(
                p, .line(line),
                "ntee: \"\(ntee)\" does not look like an NTEE code (a letter A–Z and two digits, e.g. B70)")
        }
        let ein = cell(.ein)
        if !ein.isEmpty && !CellParser.looksLikeEIN(ein) {
            sink.warning(p, .line(line), "ein: \"\(ein)\" is not a 9-digit EIN (12-3456789)")
        }
        var lists: [[UInt32]] = []
        var knownMask: UInt8 = 0
        for f in TagField.allCases {
            let c = cell(tagColumns[f.rawValue])
            if !c.isEmpty { knownMask |= 1 << UInt8(f.rawValue) }
            lists.append(internCell(c, category: f.category, file: p, line: line))
        }
        return Organization(
            id: id, name: name.isEmpty ? id : name, sector: sector, ntee: ntee.isEmpty ? nil : ntee,
            ein: ein.isEmpty ? nil : ein, mission: cell(.mission).nilIfEmpty,
            tags: TagLists(sortedFields: lists, knownMask: knownMask),
            staffFTE: number(.staffFTE), annualBudget: number(.annualBudget), volunteers: number(.volunteers),
            replyDays: number(.replyDays), serviceArea: cell(.serviceArea).nilIfEmpty,
            website: cell(.website).nilIfEmpty, line: line)
    }
}
