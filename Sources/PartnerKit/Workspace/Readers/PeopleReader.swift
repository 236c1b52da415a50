extension WorkspaceLoader {
    func readPeople(organizationIndex: [String: Int]) -> [Person] {
        guard let (p, bytes) = readCSVBytes("people.csv", required: false) else { return [] }
        let t = (path: p, ())
        var col: [String: Int] = [:]
        var rows: [(line: Int, fields: [String])] = []
        Self.streamTable(
            bytes, path: p, sink: sink, limits: limits,
            header: { header in
                guard let c = columns(header, file: p, known: Self.peopleColumns, required: ["id", "name"])
                else { return false }
                col = c
                return true
            }
        ) { line, fields in rows.append((line, fields)) }
        var out: [Person] = []
        for row in rows {
            func cell(_ name: String) -> String { col[name].map { row.fields[$0] } ?? "" }
            let id = cell("id")
            if id.isEmpty { sink.error(t.path, .line(row.line), "id: must not be empty"); continue }
            if id.utf8.contains(UInt8(ascii: ";")) {
                sink.error(t.path, .line(row.line), "id: \"\(id)\" may not contain ';'"); continue
            }
            let org = cell("organization")
            if !org.isEmpty && organizationIndex[org] == nil {
                sink.error(
                    t.path, .line(row.line), "organization: \"\(org)\" is not an id in organizations.csv",
                    hint: nearest(org, in: organizationIndex.keys).map {
                        "did you mean \"\($0)\"?"
                    })
            }
            let email = cell("email")
            if !email.isEmpty && !email.utf8.contains(UInt8(ascii: "@")) {
                // The value is not echoed: contact details stay private even in diagnostics.
                sink.warning(
                    t.path, .line(row.line), "email: does not look like an email address (it has no @)")
            }
            let name = cell("name")
            if name.isEmpty { sink.error(t.path, .line(row.line), "name: must not be empty") }
            out.append(
                Person(
                    id: id, name: name.isEmpty ? id : name, organization: org.nilIfEmpty,
                    role: cell("role").nilIfEmpty,
                    email: email.nilIfEmpty, phone: cell("phone").nilIfEmpty, line: row.line))
        }
        return out
    }
}
