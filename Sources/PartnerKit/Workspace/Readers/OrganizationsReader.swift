extension WorkspaceLoader {
    mutating func readOrganizations() -> [Organization] {
        guard let (p, bytes) = readCSVBytes("organizations.csv", required: true) else { return [] }
        if let parallel = bytes.withUnsafeBufferPointer({ readOrganizationsInChunks($0, path: p) }) {
            return parallel
        }
        var index: [Int] = []  // column position per known column name, -1 when absent
        var out: [Organization] = []
        out.reserveCapacity(bytes.count / 200)
        let known = Self.organizationColumns
        let tagColumns = TagField.allCases.map { f in known.firstIndex(of: f.column) ?? -1 }
        Self.streamTable(
            bytes, path: p, sink: sink, limits: limits,
            header: { header in
                guard let c = columns(header, file: p, known: known, required: ["id", "name"]) else {
                    return false
                }
                index = known.map { c[$0] ?? -1 }
                return true
            }
        ) { line, fields in
            if let o = organizationRow(
                line: line, fields: fields, index: index, tagColumns: tagColumns, path: p)
            {
                out.append(o)
            }
        }
        return out
    }

    /// One row of organizations.csv with the right number of valid UTF-8, trimmed fields:
    /// every check, reported with its line, and the organization (nil when unusable).
    mutating func organizationRow(
        line: Int, fields: [String], index: [Int], tagColumns: [Int], path p: String
    ) -> Organization? {
        let t = (path: p, ())
        let row = (line: line, fields: fields)
        // `k` is the position in `organizationColumns`; absent columns read as empty.
        func cell(_ k: Int) -> String {
            let i = k >= 0 ? index[k] : -1
            return i >= 0 ? fields[i] : ""
        }
        let id = cell(0 /* id */), name = cell(1 /* name */)
        if id.isEmpty { sink.error(t.path, .line(row.line), "id: must not be empty"); return nil }
        if id.utf8.contains(UInt8(ascii: ";")) {
            sink.error(t.path, .line(row.line), "id: \"\(id)\" may not contain ';'"); return nil
        }
        if name.isEmpty { sink.error(t.path, .line(row.line), "name: must not be empty") }
        var sector: Sector?
        let s = cell(2 /* sector */)
        if !s.isEmpty {
            sector = Sector(rawValue: s.lowercased())
            if sector == nil {
                sink.error(
                    t.path, .line(row.line),
                    "sector: \"\(s)\" is not one of \(Sector.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
        }
        let ntee = cell(3 /* ntee */).uppercased()
        if !ntee.isEmpty && !Self.looksLikeNTEE(ntee) {
            sink.warning(
                t.path, .line(row.line),
                "ntee: \"\(ntee)\" does not look like an NTEE code (a letter A–Z and two digits, e.g. B70)")
        }
        let ein = cell(4 /* ein */)
        if !ein.isEmpty && !Self.looksLikeEIN(ein) {
            sink.warning(t.path, .line(row.line), "ein: \"\(ein)\" is not a 9-digit EIN (12-3456789)")
        }
        var lists: [[UInt32]] = []
        var knownMask: UInt8 = 0
        for f in TagField.allCases {
            let c = cell(tagColumns[f.rawValue])
            if !c.isEmpty { knownMask |= 1 << UInt8(f.rawValue) }
            lists.append(internCell(c, category: f.category, file: t.path, line: row.line))
        }
        let o = Organization(
            id: id, name: name.isEmpty ? id : name, sector: sector, ntee: ntee.isEmpty ? nil : ntee,
            ein: ein.isEmpty ? nil : ein, mission: cell(5 /* mission */).nilIfEmpty,
            tags: TagLists(sortedFields: lists, knownMask: knownMask),
            staffFTE: number(cell(12 /* staff_fte */), column: "staff_fte", file: t.path, line: row.line),
            annualBudget: number(
                cell(13 /* annual_budget */), column: "annual_budget", file: t.path, line: row.line),
            volunteers: number(
                cell(14 /* volunteers */), column: "volunteers", file: t.path, line: row.line),
            replyDays: number(cell(15 /* reply_days */), column: "reply_days", file: t.path, line: row.line),
            serviceArea: cell(16 /* service_area */).nilIfEmpty, website: cell(17 /* website */).nilIfEmpty,
            line: row.line)
        return o
    }

    static func looksLikeNTEE(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 3, u.count <= 6, (65...90).contains(u[0]) else { return false }
        return u.dropFirst().allSatisfy { (48...57).contains($0) || (65...90).contains($0) }
            && (48...57).contains(u[1])
    }

    static func looksLikeEIN(_ s: String) -> Bool {
        let digits = s.filter(\.isASCII).filter(\.isNumber)
        return digits.count == 9 && s.allSatisfy { $0.isNumber || $0 == "-" }
    }
}
