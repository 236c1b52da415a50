/// What a milestone or goal name refers to.
public enum NameMatch: Sendable, Equatable {
    case found(Int)
    /// Unknown or ambiguous, with the choices.
    case problem(String)
}

/// The routine updates of a workspace: new organizations, people, ties and partnerships
/// (appended), and the contacts, milestones, goal results and status changes that a review
/// asks for (spliced into `partnerships.json`). Each records its changes; none writes until
/// `commit`.
extension WorkspaceEditor {
    // MARK: - Ids and tags

    /// Where an id is already used (`organizations.csv:5`), or nil when it is free.
    public func idUse(_ id: String) -> String? {
        if id == workspace.library.id || id == LibraryProfile.party { return "library.json" }
        if let o = workspace.organization(id) { return "organizations.csv:\(o.line)" }
        if let p = workspace.person(id) { return "people.csv:\(p.line)" }
        return nil
    }

    private func checkNewID(_ id: String, file: String) throws(EditError) {
        if id.isEmpty { throw EditError(path(file), .file, "an id must not be empty") }
        if id.contains(";") { throw EditError(path(file), .file, "id \"\(id)\" may not contain ';'") }
        if let used = idUse(id) {
            throw EditError(
                path(file), .file, "id \"\(id)\" is already taken (\(used))",
                hint: "ids are unique across the library, organizations and people; choose another")
        }
    }

    /// A `;`-separated tag list normalised and mapped through the vocabulary, each unknown tag
    /// an error with a "did you mean" (unless `allowNew`, when it is kept as written).
    public func checkedTags(_ cell: String, field: TagField, option: String, allowNew: Bool) throws(EditError)
        -> String
    {
        var out: [String] = []
        var problems: [Diagnostic] = []
        for piece in cell.split(separator: ";") {
            let n = Tag.normalize(piece)
            if n.isEmpty { continue }
            // `none` in flags: practices checked, nothing found.
            if field == .flags && n == "none" {
                out.append(n)
                continue
            }
            if let c = workspace.vocabulary.canonical(n, in: field.category) {
                if !out.contains(c) { out.append(c) }
                continue
            }
            if allowNew || workspace.vocabulary.terms[field.category] == nil {
                out.append(n)
                continue
            }
            var hint =
                "add it to the workspace's vocabulary.json under \"\(field.category.rawValue)\", or pass --new-tags to keep it"
            if let s = workspace.vocabulary.suggestion(for: n, in: field.category) {
                hint = "did you mean \"\(s)\"? (or " + hint + ")"
            }
            problems.append(.error(option, .file, "\"\(n)\" is not a known \(field.column) tag", hint: hint))
        }
        if !problems.isEmpty { throw EditError(problems) }
        return out.joined(separator: ";")
    }

    private func unknown(_ id: String, what: String, file: String, candidates: [String]) -> EditError {
        EditError(
            path(file), .file, "no \(what) with id \"\(id)\"",
            hint: nearest(id, in: candidates, maxDistance: max(2, id.count / 3)).map {
                "did you mean \"\($0)\"?"
            })
    }

    private func requireOrganization(_ id: String) throws(EditError) {
        guard workspace.organization(id) == nil else { return }
        throw unknown(
            id, what: "organization", file: "organizations.csv", candidates: workspace.organizations.map(\.id)
        )
    }

    // MARK: - Adding rows

    /// Appends an organization. `fields` are column → value (`topics` as `a;b`); tag columns
    /// are checked against the vocabulary; `addColumns` adds a column the file lacks instead of
    /// refusing.
    public mutating func addOrganization(
        id: String, fields: [String: String], allowNewTags: Bool = false, addColumns: Bool = false
    ) throws(EditError) {
        try checkNewID(id, file: "organizations.csv")
        var values = fields
        values["id"] = id
        guard let name = values["name"], !name.trimmingWhitespace.isEmpty else {
            throw EditError(path("organizations.csv"), .file, "an organization needs a name (--name)")
        }
        for f in TagField.allCases {
            if let cell = values[f.column] {
                values[f.column] = try checkedTags(
                    cell, field: f, option: "--\(f.column)", allowNew: allowNewTags)
            }
        }
        if let s = values["sector"] {
            let t = s.lowercased()
            guard Sector(rawValue: t) != nil else {
                let all = Sector.allCases.map(\.rawValue)
                throw EditError(
                    "--sector", .file, "\"\(s)\" is not one of \(all.joined(separator: ", "))",
                    hint: nearest(t, in: all).map { "did you mean \"\($0)\"?" })
            }
            values["sector"] = t
        }
        let line = try appendRow(
            to: "organizations.csv", columns: WorkspaceLoader.organizationColumns, values: values,
            addColumns: addColumns)
        record("organizations.csv", "\(line)", "added organization \(id) (\(name))")
    }

    /// Appends a person to `people.csv` (created with its header when missing).
    public mutating func addPerson(id: String, fields: [String: String], addColumns: Bool = false)
        throws(EditError)
    {
        try checkNewID(id, file: "people.csv")
        var values = fields
        values["id"] = id
        guard let name = values["name"], !name.trimmingWhitespace.isEmpty else {
            throw EditError(path("people.csv"), .file, "a person needs a name (--name)")
        }
        if let org = values["organization"], !org.isEmpty { try requireOrganization(org) }
        let line = try appendRow(
            to: "people.csv", columns: WorkspaceLoader.peopleColumns, values: values, addColumns: addColumns)
        let at = values["organization"].map { " at \(workspace.displayName($0))" } ?? ""
        record("people.csv", "\(line)", "added person \(id) (\(name)\(at))")
    }

    /// Appends a tie to `relationships.csv`. Both ends must exist and not be tied already.
    public mutating func addTie(
        source: String, target: String, kind: String, strength: Double, lastContact: Day?, note: String?
    ) throws(EditError) {
        let all = [workspace.library.id] + workspace.organizations.map(\.id) + workspace.people.map(\.id)
        for end in [source, target] where idUse(end) == nil {
            throw EditError(
                path("relationships.csv"), .file,
                "\"\(end)\" is not the library, an organization or a person",
                hint: nearest(end, in: all).map { "did you mean \"\($0)\"?" })
        }
        let a = workspace.isLibrary(source) ? workspace.library.id : source
        let b = workspace.isLibrary(target) ? workspace.library.id : target
        if a == b { throw EditError(path("relationships.csv"), .file, "a tie needs two different ends") }
        if let t = workspace.ties.first(where: {
            ($0.source == a && $0.target == b) || ($0.source == b && $0.target == a)
        }) {
            throw EditError(
                path("relationships.csv"), .line(t.line),
                "\"\(a)\" and \"\(b)\" are already tied (\(t.kind), \(formatNumber(t.strength)))",
                hint: "edit that row instead; `partnerkit log` refreshes its last contact")
        }
        let k = Tag.normalize(kind)
        var values = [
            "source": source, "target": target, "kind": k.isEmpty ? "knows" : k,
            "strength": formatNumber(strength),
        ]
        if let lastContact { values["last_contact"] = "\(lastContact)" }
        if let note { values["note"] = note }
        let line = try appendRow(
            to: "relationships.csv", columns: WorkspaceLoader.relationshipColumns, values: values,
            addColumns: false)
        record(
            "relationships.csv", "\(line)",
            "added tie \(source) — \(target) (\(values["kind"] ?? k), strength \(formatNumber(strength)))")
    }

    private mutating func appendRow(
        to name: String, columns: [String], values: [String: String], addColumns: Bool
    )
        throws(EditError) -> Int
    {
        var csv = try csv(name, columns: columns)
        let given = values.filter { !$0.value.isEmpty }
        let missing = given.keys.filter { !csv.hasColumn($0) }.sorted()
        if !missing.isEmpty {
            guard addColumns else {
                throw EditError(
                    path(name), .line(1),
                    "the header row has no column \(missing.map { "\"\($0)\"" }.joined(separator: ", "))",
                    hint:
                        "add the column to the header row, or pass --add-columns to add it (one more field at the end of every row)"
                )
            }
            for c in missing {
                try csv.addColumn(c)
                record(name, "1", "added column \(c)")
            }
        }
        let line = try csv.appendRow(given)
        stage(name, csv.bytes)
        return line
    }

    // MARK: - Partnerships

    /// The index of a partnership in `partnerships.json`'s `partnerships` array.
    func partnershipIndex(_ id: String, in doc: JSONEditor) throws(EditError) -> Int {
        guard case .array(let items)? = doc.node(at: [.key("partnerships")])?.value else {
            throw EditError(path("partnerships.json"), .field("partnerships"), "no partnerships list")
        }
        for (k, item) in items.enumerated() {
            if case .string(let s)? = item["id"]?.value, s.trimmingWhitespace == id { return k }
        }
        var e = unknown(
            id, what: "partnership", file: "partnerships.json", candidates: workspace.partnerships.map(\.id))
        if e.diagnostics[0].hint == nil {
            e.diagnostics[0].hint =
                "the partnership ids are the \"id\" fields of partnerships.json; `partnerkit review` lists them"
        }
        throw e
    }

    private func partnershipsDocument() throws(EditError) -> JSONEditor {
        guard bytes("partnerships.json") != nil else {
            throw EditError(
                path("partnerships.json"), .file, "there is no partnerships.json yet",
                hint: "add one with `partnerkit add partnership ID --title … --partners …`")
        }
        return try json("partnerships.json", empty: "")
    }

    /// Appends a partnership (creating `partnerships.json` when missing).
    public mutating func addPartnership(
        id: String, title: String, partners: [String], status: Partnership.Status = .proposed,
        started: Day? = nil,
        description: String? = nil
    ) throws(EditError) {
        let file = "partnerships.json"
        if id.isEmpty || id.contains(";") {
            throw EditError(path(file), .file, "a partnership id must be non-empty and without ';'")
        }
        if workspace.partnership(id) != nil {
            throw EditError(path(file), .file, "partnership id \"\(id)\" is already taken")
        }
        if title.trimmingWhitespace.isEmpty {
            throw EditError(path(file), .file, "a partnership needs a title (--title)")
        }
        if partners.isEmpty {
            throw EditError(path(file), .file, "a partnership needs at least one partner (--partners)")
        }
        for p in partners { try requireOrganization(p) }
        var doc = try json(file, empty: "{\n  \"partnerships\": []\n}\n")
        if doc.node(at: [.key("partnerships")]) == nil {
            try doc.set("partnerships", in: [], to: .array([]))
        }
        var members: [JSONLiteral.Member] = [
            .init("id", .string(id)), .init("title", .string(title)), .init("partners", .strings(partners)),
            .init("status", .string(status.rawValue)),
        ]
        if let description { members.append(.init("description", .string(description))) }
        if let started { members.append(.init("started", .string("\(started)"))) }
        try doc.insert(.object(members), into: [.key("partnerships")])
        stage(file, doc.bytes)
        let count: Int
        if case .array(let items)? = doc.node(at: [.key("partnerships")])?.value {
            count = items.count
        } else {
            count = 0
        }
        record(file, "partnerships[\(count - 1)]", "added partnership \(id) (\(title)), \(status.rawValue)")
    }

    /// A milestone or goal named by its number (1-based) or a unique prefix of its title.
    /// Ambiguous or unknown names are errors that list the choices.
    public static func resolve(_ name: String, titles: [String?], what: String, in partnership: String)
        -> NameMatch
    {
        // A number names by position; one out of range may still start a title ("2027 season…").
        let number = Int(name)
        if let n = number, n >= 1, n <= titles.count { return .found(n - 1) }
        let wanted = name.trimmingWhitespace.lowercased()
        let exact = titles.indices.filter { titles[$0]?.trimmingWhitespace.lowercased() == wanted }
        if exact.count == 1 { return .found(exact[0]) }
        let matches = titles.indices.filter { titles[$0]?.lowercased().hasPrefix(wanted) == true }
        func list(_ ks: [Int]) -> String {
            ks.map { "\($0 + 1) \"\(titles[$0] ?? "(untitled)")\"" }.joined(separator: ", ")
        }
        if matches.count == 1 { return .found(matches[0]) }
        if matches.isEmpty, let n = number {
            return .problem("\(partnership) has no \(what) \(n) (it has \(titles.count))")
        }
        if matches.isEmpty {
            return .problem(
                "\(partnership) has no \(what) starting \"\(name)\"; its \(what)s: \(titles.isEmpty ? "none" : list(Array(titles.indices)))"
            )
        }
        return .problem(
            "\"\(name)\" matches \(matches.count) \(what)s of \(partnership): \(list(matches)); name one by its number"
        )
    }

    private func items(_ key: String, at k: Int, in doc: JSONEditor) -> [JSONNode] {
        if case .array(let list)? = doc.node(at: [.key("partnerships"), .index(k), .key(key)])?.value {
            return list
        }
        return []
    }

    private static func text(_ n: JSONNode?) -> String? {
        if case .string(let s)? = n?.value { return s }
        return nil
    }

    /// Records a contact: the date in the partnership's `communication.log` (in date order,
    /// once; with `note`, as `{ "date", "note" }`), and `last_contact` on the library's tie
    /// with each partner brought up to that date.
    public mutating func logContact(partnership id: String, date: Day, note: String? = nil) throws(EditError)
    {
        var doc = try partnershipsDocument()
        let k = try partnershipIndex(id, in: doc)
        let base: [JSONPathItem] = [.key("partnerships"), .index(k)]
        let entry: JSONLiteral =
            note.map { .object([.init("date", .string("\(date)")), .init("note", .string($0))]) }
            ?? .string("\(date)")
        let where_ = (base + [.key("communication"), .key("log")]).display
        if doc.node(at: base + [.key("communication")]).map({
            if case .object = $0.value { true } else { false }
        }) != true {
            try doc.set("communication", in: base, to: .object([.init("log", .array([entry]))]))
            record("partnerships.json", where_, "added \(date)")
        } else if case .array(let log)? = doc.node(at: base + [.key("communication"), .key("log")])?.value {
            let dates = log.map { n -> Day? in
                if let s = Self.text(n) { return Day(s.trimmingWhitespace) }
                return Self.text(n["date"]).flatMap { Day($0.trimmingWhitespace) }
            }
            if dates.contains(date) && note == nil {
                self.note("\(id): a contact on \(date) is already logged")
            } else {
                // In date order: before the first later entry (the end when there is none).
                let at = dates.firstIndex { ($0 ?? date) > date } ?? log.count
                try doc.insert(entry, into: base + [.key("communication"), .key("log")], at: at)
                record("partnerships.json", where_, "added \(date)\(note.map { " (\($0))" } ?? "")")
            }
        } else {
            try doc.set("log", in: base + [.key("communication")], to: .array([entry]))
            record("partnerships.json", where_, "added \(date)")
        }
        stage("partnerships.json", doc.bytes)
        try refreshTies(partnership: id, date: date)
    }

    /// Brings `last_contact` of the library's tie with each partner up to `date`.
    private mutating func refreshTies(partnership id: String, date: Day) throws(EditError) {
        guard let p = workspace.partnership(id) else { return }
        let name = "relationships.csv"
        guard bytes(name) != nil else {
            note("no relationships.csv: no tie to refresh (add one with `partnerkit add tie`)")
            return
        }
        var csv = try csv(name, columns: WorkspaceLoader.relationshipColumns)
        guard csv.hasColumn("last_contact") else {
            note("relationships.csv has no last_contact column: no tie refreshed")
            return
        }
        var changed = false
        for partner in p.partners {
            let row = csv.rows.indices.first { r in
                let s = csv.value(row: r, column: "source") ?? "",
                    t = csv.value(row: r, column: "target") ?? ""
                return (workspace.isLibrary(s) && t == partner) || (workspace.isLibrary(t) && s == partner)
            }
            guard let row else {
                note(
                    "the library has no tie with \(partner) in relationships.csv; add one with `partnerkit add tie \(workspace.library.id) \(partner) --kind partnered --strength N`"
                )
                continue
            }
            let old = csv.value(row: row, column: "last_contact") ?? ""
            if let d = Day(old), d >= date { continue }
            try csv.set(row: row, column: "last_contact", to: "\(date)")
            record(
                name, "\(csv.rows[row].line)",
                "last_contact \(old.isEmpty ? "(none)" : old) → \(date) (library — \(partner))")
            changed = true
        }
        if changed { stage(name, csv.bytes) }
    }

    /// Marks a milestone done on `date`.
    public mutating func markDone(partnership id: String, milestone name: String, date: Day) throws(EditError)
    {
        var doc = try partnershipsDocument()
        let k = try partnershipIndex(id, in: doc)
        let list = items("milestones", at: k, in: doc)
        let m: Int
        switch Self.resolve(name, titles: list.map { Self.text($0["title"]) }, what: "milestone", in: id) {
        case .found(let i): m = i
        case .problem(let why):
            throw EditError(path("partnerships.json"), .field("partnerships[\(k)].milestones"), why)
        }
        let at: [JSONPathItem] = [.key("partnerships"), .index(k), .key("milestones"), .index(m)]
        let title = Self.text(list[m]["title"]) ?? "milestone \(m + 1)"
        let old = Self.text(list[m]["done"])
        if old == "\(date)" {
            note("\(id): \"\(title)\" is already done on \(date)")
            return
        }
        try doc.set("done", in: at, to: .string("\(date)"))
        stage("partnerships.json", doc.bytes)
        record(
            "partnerships.json", (at + [.key("done")]).display,
            "\"\(title)\" done \(date)\(old.map { " (was \($0))" } ?? "")")
    }

    /// Records a goal's result: `achieved` on the goal (or the older `result` key, where the
    /// goal already has one, so the two never disagree) and the day in `achieved_on`.
    public mutating func recordResult(partnership id: String, goal name: String, achieved: Double, date: Day)
        throws(EditError)
    {
        var doc = try partnershipsDocument()
        let k = try partnershipIndex(id, in: doc)
        let list = items("goals", at: k, in: doc)
        let g: Int
        switch Self.resolve(name, titles: list.map { Self.text($0["text"]) }, what: "goal", in: id) {
        case .found(let i): g = i
        case .problem(let why):
            throw EditError(path("partnerships.json"), .field("partnerships[\(k)].goals"), why)
        }
        let at: [JSONPathItem] = [.key("partnerships"), .index(k), .key("goals"), .index(g)]
        let text = Self.text(list[g]["text"]) ?? "goal \(g + 1)"
        var old: String?
        if case .number(let d)? = (list[g]["achieved"] ?? list[g]["result"])?.value { old = formatNumber(d) }
        // A goal written with the older key `result` keeps it (the reader refuses both at once).
        let key = list[g]["result"] != nil && list[g]["achieved"] == nil ? "result" : "achieved"
        try doc.set(key, in: at, to: .number(achieved))
        // The day of the result, beside it (`achieved_on`), so that a later review can tell a
        // result of this quarter from last year's.
        let oldDay = Self.text(list[g]["achieved_on"])
        try doc.set("achieved_on", in: at, to: .string("\(date)"))
        stage("partnerships.json", doc.bytes)
        var target = ""
        if case .number(let t)? = list[g]["target"]?.value { target = " of \(formatNumber(t))" }
        record(
            "partnerships.json", (at + [.key("achieved")]).display,
            "\"\(text)\": achieved \(formatNumber(achieved))\(target) on \(date)\(old.map { " (was \($0)\(oldDay.map { " on \($0)" } ?? ""))" } ?? "")"
        )
    }

    /// Changes a partnership's status. Ending one records its `outcome` (and `ended_reason`)
    /// and sets `ends` to `date` unless it already ended by then; starting one sets `started`
    /// when missing.
    public mutating func setStatus(
        partnership id: String, status: Partnership.Status, outcome: String?, reason: String?, date: Day
    ) throws(EditError) {
        var doc = try partnershipsDocument()
        let k = try partnershipIndex(id, in: doc)
        let at: [JSONPathItem] = [.key("partnerships"), .index(k)]
        let file = "partnerships.json"
        let old = Self.text(doc.node(at: at + [.key("status")])) ?? "(none)"
        if old != status.rawValue {
            try doc.set("status", in: at, to: .string(status.rawValue))
            record(file, (at + [.key("status")]).display, "\(id): status \(old) → \(status.rawValue)")
        }
        if status == .ended {
            let ends = Self.text(doc.node(at: at + [.key("ends")])).flatMap { Day($0.trimmingWhitespace) }
            if ends.map({ $0 > date }) ?? true {
                try doc.set("ends", in: at, to: .string("\(date)"))
                record(
                    file, (at + [.key("ends")]).display, "ends \(ends.map { "\($0)" } ?? "(none)") → \(date)")
            }
            if let outcome {
                try doc.set("outcome", in: at, to: .string(outcome))
                record(file, (at + [.key("outcome")]).display, "outcome \(outcome)")
            }
            if let reason {
                try doc.set("ended_reason", in: at, to: .string(reason))
                record(file, (at + [.key("ended_reason")]).display, "ended_reason \"\(reason)\"")
            }
        } else if status == .active, Self.text(doc.node(at: at + [.key("started")])) == nil {
            try doc.set("started", in: at, to: .string("\(date)"))
            record(file, (at + [.key("started")]).display, "started \(date)")
        }
        if changes.isEmpty { note("\(id) is already \(status.rawValue)") }
        stage(file, doc.bytes)
    }
}
