/// `people.csv` (see `PeopleSchema`).
extension WorkspaceLoader {
    func readPeople(organizationIndex: [String: Int]) -> [Person] {
        let schema = PeopleSchema.schema
        guard let (p, bytes) = readBytes(schema.file, required: schema.requiredFile) else { return [] }
        var index: [Int] = []
        var rows: [(line: Int, fields: [String])] = []
        streamTable(schema, bytes, path: p) { line, fields, columns in
            index = columns
            rows.append((line, fields))
        }
        var out: [Person] = []
        for row in rows {
            if let person = personRow(
                line: row.line, fields: row.fields, index: index, path: p,
                organizationIDs: { organizationIndex[$0] != nil },
                organizationList: { Array(organizationIndex.keys) })
            {
                out.append(person)
            }
        }
        return out
    }

    /// One row of people.csv: every check, reported with its line, and the person (nil when
    /// unusable). `organizationIDs` says whether an id is an organization (nil: not checked).
    func personRow(
        line: Int, fields: [String], index: [Int], path p: String, organizationIDs: ((String) -> Bool)?,
        organizationList: () -> [String]
    ) -> Person? {
        typealias Column = PeopleSchema.Column
        func cell(_ c: Column) -> String {
            let i = index[c.rawValue]
            return i >= 0 ? fields[i] : ""
        }
        let id = cell(.id)
        if id.isEmpty { sink.error(p, .line(line), "id: must not be empty"); return nil }
        if id.utf8.contains(UInt8(ascii: ";")) {
            sink.error(p, .line(line), "id: \"\(id)\" may not contain ';'"); return nil
        }
        let org = cell(.organization)
        let organizations = OrganizationsSchema.schema.file
        if !org.isEmpty, let isOrganization = organizationIDs, !isOrganization(org),
            !failures.skip(into: [organizations])
        {
            sink.error(
                p, .line(line),
                "organization: \"\(org)\" is not an id in organizations.csv"
                    + failures.because(org, in: [organizations]),
                hint: nearest(org, in: organizationList()).map {
                    "did you mean \"\($0)\"?"
                })
        }
        let email = cell(.email)
        if !email.isEmpty && !email.utf8.contains(UInt8(ascii: "@")) {
            // The value is not echoed: contact details stay private even in diagnostics.
            sink.warning(p, .line(line), "email: does not look like an email address (it has no @)")
        }
        let name = cell(.name)
        if name.isEmpty { sink.error(p, .line(line), "name: must not be empty") }
        return Person(
            id: id, name: name.isEmpty ? id : name, organization: org.nilIfEmpty,
            role: cell(.role).nilIfEmpty,
            email: email.nilIfEmpty, phone: cell(.phone).nilIfEmpty, line: line)
    }
}
