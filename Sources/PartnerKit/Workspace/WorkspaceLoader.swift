import Foundation

/// What loading a workspace produced: the workspace when it has no errors, and every
/// diagnostic found (errors and warnings), sorted by file and line.
public struct LoadResult: Sendable {
    public var workspace: Workspace?
    public var diagnostics: [Diagnostic]
}

/// Reads and validates a workspace folder. Collects every problem rather than stopping at the
/// first, so that one `partnerkit check` lists all there is to fix.
public struct WorkspaceLoader {
    public static let organizationColumns = [
        "id", "name", "sector", "ntee", "ein", "mission", "topics", "values", "audiences", "offers", "needs",
        "flags", "staff_fte", "annual_budget", "volunteers", "reply_days", "service_area", "website",
    ]
    public static let peopleColumns = ["id", "name", "organization", "role", "email", "phone"]
    public static let relationshipColumns = ["source", "target", "kind", "strength", "last_contact", "note"]

    let directory: String
    let limits: InputLimits
    let sink = DiagnosticSink()
    var vocabulary = Vocabulary()
    var tags = TagTable()

    /// Unknown tags seen, per category: how many uses and the first place.
    struct TagUse {
        var count: Int
        var file: String
        var location: Diagnostic.Location
    }
    var unknownTags: [TagCategory: [String: TagUse]] = [:]

    /// In-memory files by name (for fuzzing and tests); nil reads the folder.
    var memory: [String: [UInt8]]?

    init(directory: String, limits: InputLimits, memory: [String: [UInt8]]? = nil) {
        self.directory = directory
        self.limits = limits
        self.memory = memory
    }

    /// Loads a workspace from in-memory files named as in a folder (`library.json`,
    /// `organizations.csv`, …). Used by the fuzz targets and tests; the result is exactly what
    /// reading a folder with those files would give.
    public static func load(files: [String: [UInt8]], directory: String = "mem", defaultVocabulary: [UInt8]? = nil,
        limits: InputLimits = .default) -> LoadResult
    {
        var memory = files
        if let v = defaultVocabulary, memory["vocabulary.json"] == nil { memory["vocabulary.json"] = v }
        var loader = WorkspaceLoader(directory: directory, limits: limits, memory: memory)
        return loader.run(defaultVocabulary: nil)
    }

    /// Reads one workspace file, from memory or disk.
    func readFile(_ p: String) -> Result<[UInt8], Files.ReadError> {
        guard let memory else { return Files.read(p, limit: limits.maxFileBytes) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let name = p.hasPrefix(prefix) ? String(p.dropFirst(prefix.count)) : p
        guard let bytes = memory[name] else { return .failure(.missing) }
        return bytes.count > limits.maxFileBytes ? .failure(.tooLarge(limit: limits.maxFileBytes)) : .success(bytes)
    }

    /// Loads the workspace in `directory`. `defaultVocabulary` is the toolkit's
    /// `Data/vocabulary.json`, used unless the workspace has its own `vocabulary.json`.
    public static func load(directory: String, defaultVocabulary: String? = nil, limits: InputLimits = .default)
        -> LoadResult
    {
        var loader = WorkspaceLoader(directory: directory, limits: limits)
        return loader.run(defaultVocabulary: defaultVocabulary)
    }

    func path(_ file: String) -> String {
        directory == "." || directory.isEmpty ? file : (directory.hasSuffix("/") ? directory + file : "\(directory)/\(file)")
    }

    mutating func run(defaultVocabulary: String?) -> LoadResult {
        guard memory != nil || Files.isDirectory(directory) else {
            sink.error(directory, .file, Files.exists(directory) ? "is a file, not a workspace folder" : "workspace folder not found",
                hint: "create one with `partnerkit init \(directory)`")
            return LoadResult(workspace: nil, diagnostics: sink.diagnostics)
        }
        let ownVocabulary = path("vocabulary.json")
        if let memory {
            if let bytes = memory["vocabulary.json"], let root = Self.parseJSON(bytes, file: ownVocabulary, sink: sink, limits: limits) {
                vocabulary = VocabularyReader.parse(root, file: ownVocabulary, sink: sink) ?? Vocabulary()
            }
        } else if Files.exists(ownVocabulary) {
            vocabulary = VocabularyReader.read(path: ownVocabulary, sink: sink, limits: limits) ?? Vocabulary()
        } else if let d = defaultVocabulary {
            vocabulary = VocabularyReader.read(path: d, sink: sink, limits: limits) ?? Vocabulary()
        }

        let library = readLibrary()
        let organizations = readOrganizations()
        let people = readPeople(organizations: organizations)
        var ids: [String: String] = [:]  // id → where first defined
        if let lib = library { ids[lib.id] = "library.json" }
        for o in organizations {
            if let first = ids[o.id] {
                sink.error(path("organizations.csv"), .line(o.line), "duplicate id \"\(o.id)\" (already used in \(first))",
                    hint: "ids must be unique across the library, organizations and people")
            } else { ids[o.id] = "organizations.csv:\(o.line)" }
        }
        for p in people {
            if let first = ids[p.id] {
                sink.error(path("people.csv"), .line(p.line), "duplicate id \"\(p.id)\" (already used in \(first))",
                    hint: "ids must be unique across the library, organizations and people")
            } else { ids[p.id] = "people.csv:\(p.line)" }
        }
        let ties = readTies(known: Set(ids.keys), libraryID: library?.id)
        let partnerships = readPartnerships(library: library, organizationIDs: Set(organizations.map(\.id)))
        reportUnknownTags()

        let diagnostics = sink.diagnostics.sorted()
        guard let lib = library, !diagnostics.hasErrors else {
            return LoadResult(workspace: nil, diagnostics: diagnostics)
        }
        let ws = Workspace(
            directory: directory, library: lib, organizations: organizations, people: people, ties: ties,
            partnerships: partnerships, vocabulary: vocabulary, tags: tags)
        return LoadResult(workspace: ws, diagnostics: diagnostics)
    }

    // MARK: - Tags

    /// Splits a `;`-separated cell (or takes a list), normalises, maps synonyms, interns.
    mutating func internTags(
        _ items: [String], category: TagCategory, file: String, location: Diagnostic.Location
    ) -> [UInt32] {
        var out: [UInt32] = []
        for raw in items {
            let n = Tag.normalize(raw)
            if n.isEmpty { continue }
            let canonical: String
            if let c = vocabulary.canonical(n, in: category) {
                canonical = c
            } else {
                canonical = n
                if vocabulary.terms[category] != nil {
                    if var use = unknownTags[category]?[n] {
                        use.count += 1
                        unknownTags[category]?[n] = use
                    } else {
                        unknownTags[category, default: [:]][n] = TagUse(count: 1, file: file, location: location)
                    }
                }
            }
            out.append(tags.intern(canonical))
        }
        return out.sorted().uniqued()
    }

    mutating func internCell(_ cell: String, category: TagCategory, file: String, line: Int) -> [UInt32] {
        internTags(cell.split(separator: ";").map(String.init), category: category, file: file, location: .line(line))
    }

    func reportUnknownTags() {
        let nouns: [TagCategory: String] = [.values: "value", .audiences: "audience", .topics: "topic", .assets: "asset", .flags: "flag"]
        for (category, uses) in unknownTags {
            for (tag, use) in uses {
                let times = use.count == 1 ? "used once" : "used \(use.count) times"
                var hint = "add it to vocabulary.json under \"\(category.rawValue)\" if it is meant"
                if let s = vocabulary.suggestion(for: tag, in: category) { hint = "did you mean \"\(s)\"? (or " + hint + ")" }
                sink.warning(use.file, use.location, "unknown \(nouns[category] ?? "tag") \"\(tag)\" (\(times), first here)", hint: hint)
            }
        }
    }

    // MARK: - JSON files

    /// Reads and parses a JSON file, reporting a syntax error at its line and column.
    func readJSON(_ file: String, required: Bool) -> JSONNode? {
        let p = path(file)
        switch readFile(p) {
        case .failure(.missing):
            if required {
                sink.error(p, .file, "required file is missing", hint: "every workspace needs \(file); `partnerkit init` writes a template")
            }
            return nil
        case .failure(let e):
            sink.error(p, .file, e.message)
            return nil
        case .success(let bytes):
            return Self.parseJSON(bytes, file: p, sink: sink, limits: limits)
        }
    }

    static func parseJSON(_ bytes: [UInt8], file: String, sink: DiagnosticSink, limits: InputLimits) -> JSONNode? {
        switch JSONParser.parse(bytes, maxDepth: limits.maxJSONDepth) {
        case .success(let n): return n
        case .failure(let e):
            sink.error(file, .lineColumn(e.line, e.column), e.message)
            return nil
        }
    }

    mutating func readLibrary() -> LibraryProfile? {
        let file = path("library.json")
        guard let root = readJSON("library.json", required: true) else { return nil }
        let r = JSONField(root: root, file: file, sink: sink)
        guard r.expectObject() else { return nil }
        r.warnUnknownKeys(["id", "name", "priorities", "values", "audiences", "offers", "needs", "dealbreakers", "description", "notes"])
        let id = r.string("id", required: true)
        if let id, id.contains(";") { r.child("id")?.error("an id may not contain ';'") }
        let name = r.string("name", required: true)
        var priorities: [LibraryProfile.Priority] = []
        var seen = Set<String>()
        for p in r.array("priorities") ?? [] {
            guard p.expectObject() else { continue }
            p.warnUnknownKeys(["id", "label", "weight", "topics", "description"])
            guard let pid = p.string("id", required: true) else { continue }
            if !seen.insert(pid).inserted { p.child("id")?.error("duplicate priority id \"\(pid)\"") }
            let weight = p.number("weight", positive: true) ?? 1
            let topics = internTags(p.stringList("topics") ?? [], category: .topics, file: file, location: .field(p.childPath("topics")))
            priorities.append(.init(id: pid, label: p.string("label") ?? pid, weight: weight, topics: topics))
        }
        var audiences: [LibraryProfile.Audience] = []
        for a in r.array("audiences") ?? [] {
            var tag: String?
            var weight = 1.0
            if case .string(let s) = a.node.value {
                tag = s
            } else if a.expectObject() {
                a.warnUnknownKeys(["tag", "weight", "label"])
                tag = a.string("tag", required: true)
                weight = a.number("weight", positive: true) ?? 1
            }
            guard let tag else { continue }
            for id in internTags([tag], category: .audiences, file: file, location: .field(a.path)) {
                audiences.append(.init(tag: id, weight: weight))
            }
        }
        func list(_ key: String, _ c: TagCategory) -> [UInt32] {
            internTags(r.stringList(key) ?? [], category: c, file: file, location: .field(key))
        }
        let values = list("values", .values)
        let offers = list("offers", .assets)
        let needs = list("needs", .assets)
        let dealbreakers = list("dealbreakers", .flags)
        guard let id, let name else { return nil }
        return LibraryProfile(
            id: id, name: name, priorities: priorities, values: values, audiences: audiences, offers: offers,
            needs: needs, dealbreakers: dealbreakers)
    }

    mutating func readPartnerships(library: LibraryProfile?, organizationIDs: Set<String>) -> [Partnership] {
        guard let root = readJSON("partnerships.json", required: false) else { return [] }
        let reader = PartnershipReader(
            file: path("partnerships.json"), sink: sink, library: library, organizationIDs: organizationIDs,
            unknownPartnerIsError: true)
        return reader.readWorkspaceFile(root, vocabulary: vocabulary)
    }

    // MARK: - CSV files

    /// Header checks shared by the CSV files: required columns present, unknown ones warned,
    /// duplicates an error. Returns column name → index.
    func columns(
        _ header: [String], file: String, known: [String], required: [String]
    ) -> [String: Int]? {
        var map: [String: Int] = [:]
        var ok = true
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingWhitespace.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: "_")
            if name.isEmpty { continue }
            if map[name] != nil {
                sink.error(file, .line(1), "column \"\(name)\" appears twice")
                ok = false
                continue
            }
            map[name] = i
            if !known.contains(name) {
                let near = known.min { editDistance(name, $0) < editDistance(name, $1) }
                sink.warning(file, .line(1), "unknown column \"\(name)\" is ignored",
                    hint: near.flatMap { editDistance(name, $0) <= 2 ? "did you mean \"\($0)\"?" : nil })
            }
        }
        for r in required where map[r] == nil {
            sink.error(file, .line(1), "required column \"\(r)\" is missing",
                hint: "the header row must name: \(required.joined(separator: ", "))")
            ok = false
        }
        return ok ? map : nil
    }

    /// Reads a CSV file into its header and rows of trimmed strings, checking field counts.
    func readTable(_ file: String, required: Bool) -> (path: String, header: [String], rows: [(line: Int, fields: [String])])? {
        let p = path(file)
        switch readFile(p) {
        case .failure(.missing):
            if required { sink.error(p, .file, "required file is missing", hint: "every workspace needs \(file); `partnerkit init` writes a template") }
            return nil
        case .failure(let e):
            sink.error(p, .file, e.message)
            return nil
        case .success(let bytes):
            let (rows, diags) = CSVParser.rows(bytes, file: p, limits: limits)
            diags.forEach(sink.add)
            guard let first = rows.first else {
                sink.error(p, .file, "the file is empty: it needs at least a header row")
                return nil
            }
            var body: [(line: Int, fields: [String])] = []
            for r in rows.dropFirst() {
                if r.fields.count != first.fields.count {
                    sink.error(p, .line(r.line), "expected \(first.fields.count) fields, found \(r.fields.count)",
                        hint: r.fields.count > first.fields.count ? "a comma inside a value needs the value in double quotes" : nil)
                    continue
                }
                body.append((r.line, r.fields.map(\.trimmingWhitespace)))
            }
            return (p, first.fields, body)
        }
    }

    /// Parses a number as people write it in spreadsheets (`1200`, `1,200`, `$1,200.50`).
    /// Empty means unknown (nil, no error); text, NaN or infinity is an error.
    func number(_ cell: String, column: String, file: String, line: Int, positive: Bool = false) -> Double? {
        if cell.isEmpty { return nil }
        let cleaned = cell.filter { $0 != "," && $0 != "$" && $0 != "_" && $0 != " " }
        guard let d = Double(cleaned), d.isFinite, cleaned.lowercased() != "nan", !cleaned.lowercased().contains("inf") else {
            sink.error(file, .line(line), "\(column): \"\(cell)\" is not a number")
            return nil
        }
        if positive ? d <= 0 : d < 0 {
            sink.error(file, .line(line), "\(column): must be \(positive ? "a positive number" : "zero or more"), found \(cell)")
            return nil
        }
        return d
    }

    mutating func readOrganizations() -> [Organization] {
        guard let t = readTable("organizations.csv", required: true) else { return [] }
        guard let col = columns(t.header, file: t.path, known: Self.organizationColumns, required: ["id", "name"]) else { return [] }
        var out: [Organization] = []
        out.reserveCapacity(t.rows.count)
        for row in t.rows {
            func cell(_ name: String) -> String { col[name].map { row.fields[$0] } ?? "" }
            let id = cell("id"), name = cell("name")
            if id.isEmpty { sink.error(t.path, .line(row.line), "id: must not be empty"); continue }
            if id.contains(";") { sink.error(t.path, .line(row.line), "id: \"\(id)\" may not contain ';'"); continue }
            if name.isEmpty { sink.error(t.path, .line(row.line), "name: must not be empty") }
            var sector: Sector?
            let s = cell("sector")
            if !s.isEmpty {
                sector = Sector(rawValue: s.lowercased())
                if sector == nil {
                    sink.error(t.path, .line(row.line), "sector: \"\(s)\" is not one of \(Sector.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            let ntee = cell("ntee").uppercased()
            if !ntee.isEmpty && !Self.looksLikeNTEE(ntee) {
                sink.warning(t.path, .line(row.line), "ntee: \"\(ntee)\" does not look like an NTEE code (a letter A–Z and two digits, e.g. B70)")
            }
            let ein = cell("ein")
            if !ein.isEmpty && !Self.looksLikeEIN(ein) {
                sink.warning(t.path, .line(row.line), "ein: \"\(ein)\" is not a 9-digit EIN (12-3456789)")
            }
            var lists: [TagField: [UInt32]] = [:]
            var known = Set<TagField>()
            for f in TagField.allCases {
                let c = cell(f.column)
                if col[f.column] != nil && !c.isEmpty { known.insert(f) }
                lists[f] = internCell(c, category: f.category, file: t.path, line: row.line)
            }
            let o = Organization(
                id: id, name: name.isEmpty ? id : name, sector: sector, ntee: ntee.isEmpty ? nil : ntee,
                ein: ein.isEmpty ? nil : ein, mission: cell("mission").nilIfEmpty, tags: TagLists(lists, known: known),
                staffFTE: number(cell("staff_fte"), column: "staff_fte", file: t.path, line: row.line),
                annualBudget: number(cell("annual_budget"), column: "annual_budget", file: t.path, line: row.line),
                volunteers: number(cell("volunteers"), column: "volunteers", file: t.path, line: row.line),
                replyDays: number(cell("reply_days"), column: "reply_days", file: t.path, line: row.line),
                serviceArea: cell("service_area").nilIfEmpty, website: cell("website").nilIfEmpty, line: row.line)
            out.append(o)
        }
        return out
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

    func readPeople(organizations: [Organization]) -> [Person] {
        guard let t = readTable("people.csv", required: false) else { return [] }
        guard let col = columns(t.header, file: t.path, known: Self.peopleColumns, required: ["id", "name"]) else { return [] }
        let orgIDs = Set(organizations.map(\.id))
        var out: [Person] = []
        for row in t.rows {
            func cell(_ name: String) -> String { col[name].map { row.fields[$0] } ?? "" }
            let id = cell("id")
            if id.isEmpty { sink.error(t.path, .line(row.line), "id: must not be empty"); continue }
            if id.contains(";") { sink.error(t.path, .line(row.line), "id: \"\(id)\" may not contain ';'"); continue }
            let org = cell("organization")
            if !org.isEmpty && !orgIDs.contains(org) {
                sink.error(t.path, .line(row.line), "organization: \"\(org)\" is not an id in organizations.csv",
                    hint: Self.nearest(org, in: orgIDs).map { "did you mean \"\($0)\"?" })
            }
            let email = cell("email")
            if !email.isEmpty && !email.contains("@") {
                sink.warning(t.path, .line(row.line), "email: \"\(email)\" does not look like an email address")
            }
            let name = cell("name")
            if name.isEmpty { sink.error(t.path, .line(row.line), "name: must not be empty") }
            out.append(Person(
                id: id, name: name.isEmpty ? id : name, organization: org.nilIfEmpty, role: cell("role").nilIfEmpty,
                email: email.nilIfEmpty, phone: cell("phone").nilIfEmpty, line: row.line))
        }
        return out
    }

    static func nearest(_ s: String, in candidates: some Collection<String>) -> String? {
        let limit = max(2, s.count / 4)
        var best: (Int, String)?
        for c in candidates {
            let d = editDistance(s, c, limit: limit)
            if d <= limit, best == nil || d < best!.0 || (d == best!.0 && c < best!.1) { best = (d, c) }
        }
        return best?.1
    }

    func readTies(known: Set<String>, libraryID: String?) -> [Tie] {
        guard let t = readTable("relationships.csv", required: false) else { return [] }
        guard let col = columns(t.header, file: t.path, known: Self.relationshipColumns, required: ["source", "target"]) else { return [] }
        var out: [Tie] = []
        var pairs: [String: Int] = [:]
        for row in t.rows {
            func cell(_ name: String) -> String { col[name].map { row.fields[$0] } ?? "" }
            let source = cell("source"), target = cell("target")
            var ok = true
            for (label, end) in [("source", source), ("target", target)] {
                if end.isEmpty {
                    sink.error(t.path, .line(row.line), "\(label): must not be empty")
                    ok = false
                } else if !known.contains(end) && end != "library" {
                    sink.error(t.path, .line(row.line), "\(label): \"\(end)\" is not the library, an organization or a person",
                        hint: Self.nearest(end, in: known).map { "did you mean \"\($0)\"?" })
                    ok = false
                }
            }
            var strength = 1.0
            let s = cell("strength")
            if !s.isEmpty {
                if let v = number(s, column: "strength", file: t.path, line: row.line, positive: true) {
                    strength = v
                    if v < 1 || v > 4 {
                        sink.warning(t.path, .line(row.line), "strength: \(s) is outside the 1–4 scale (1 acquainted, 2 working contact, 3 trusted, 4 close partner)")
                    }
                } else { ok = false }
            }
            var last: Day?
            let lc = cell("last_contact")
            if !lc.isEmpty {
                last = Day(lc)
                if last == nil {
                    sink.error(t.path, .line(row.line), "last_contact: \"\(lc)\" is not a date: write YYYY-MM-DD (a real calendar date)")
                    ok = false
                }
            }
            guard ok else { continue }
            let src = source == "library" ? (libraryID ?? source) : source
            let dst = target == "library" ? (libraryID ?? target) : target
            if src == dst {
                sink.warning(t.path, .line(row.line), "a tie from \"\(src)\" to itself is ignored")
                continue
            }
            let key = src < dst ? "\(src)\u{1}\(dst)" : "\(dst)\u{1}\(src)"
            if let first = pairs[key] {
                sink.warning(t.path, .line(row.line), "\"\(src)\" and \"\(dst)\" are already tied at line \(first); the stronger tie is kept")
            } else { pairs[key] = row.line }
            let kind = Tag.normalize(cell("kind"))
            out.append(Tie(
                source: src, target: dst, kind: kind.isEmpty ? "knows" : kind, strength: strength, lastContact: last,
                note: cell("note").nilIfEmpty, line: row.line))
        }
        return out
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
