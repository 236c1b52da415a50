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
    /// Body bytes per parallel chunk of organizations.csv (nil: the default). Tests set it
    /// small to read tiny files in chunks.
    var chunkBytes: Int?
    /// Tag spellings already seen in organizations.csv, by bytes (see `internPieces`).
    var pieceCache = ByteKeyTable()
    var pieceItems: [InternedItem] = []

    init(directory: String, limits: InputLimits, memory: [String: [UInt8]]? = nil) {
        self.directory = directory
        self.limits = limits
        self.memory = memory
    }

    /// Loads a workspace from in-memory files named as in a folder (`library.json`,
    /// `organizations.csv`, …). Used by the fuzz targets and tests; the result is exactly what
    /// reading a folder with those files would give.
    public static func load(
        files: [String: [UInt8]], directory: String = "mem", defaultVocabulary: [UInt8]? = nil,
        limits: InputLimits = .default
    ) -> LoadResult {
        load(
            files: files, directory: directory, defaultVocabulary: defaultVocabulary, limits: limits,
            chunkBytes: nil)
    }

    /// As `load(files:…)`, reading organizations.csv in chunks of `chunkBytes` (tests).
    static func load(
        files: [String: [UInt8]], directory: String = "mem", defaultVocabulary: [UInt8]? = nil,
        limits: InputLimits = .default, chunkBytes: Int?
    ) -> LoadResult {
        var memory = files
        if let v = defaultVocabulary, memory["vocabulary.json"] == nil { memory["vocabulary.json"] = v }
        var loader = WorkspaceLoader(directory: directory, limits: limits, memory: memory)
        loader.chunkBytes = chunkBytes
        return loader.run(defaultVocabulary: nil)
    }

    /// Reads one workspace file, from memory or disk.
    func readFile(_ p: String) -> Result<[UInt8], Files.ReadError> {
        guard let memory else { return Files.read(p, limit: limits.maxFileBytes) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let name = p.hasPrefix(prefix) ? String(p.dropFirst(prefix.count)) : p
        guard let bytes = memory[name] else { return .failure(.missing) }
        return bytes.count > limits.maxFileBytes
            ? .failure(.tooLarge(limit: limits.maxFileBytes)) : .success(bytes)
    }

    /// Loads the workspace in `directory`. `defaultVocabulary` is the toolkit's
    /// `Data/vocabulary.json`, used unless the workspace has its own `vocabulary.json`.
    public static func load(
        directory: String, defaultVocabulary: String? = nil, limits: InputLimits = .default
    )
        -> LoadResult
    {
        var loader = WorkspaceLoader(directory: directory, limits: limits)
        return loader.run(defaultVocabulary: defaultVocabulary)
    }

    func path(_ file: String) -> String {
        directory == "." || directory.isEmpty
            ? file : (directory.hasSuffix("/") ? directory + file : "\(directory)/\(file)")
    }

    mutating func run(defaultVocabulary: String?) -> LoadResult {
        guard memory != nil || Files.isDirectory(directory) else {
            sink.error(
                directory, .file,
                Files.exists(directory) ? "is a file, not a workspace folder" : "workspace folder not found",
                hint: "create one with `partnerkit init \(directory)`")
            return LoadResult(workspace: nil, diagnostics: sink.diagnostics)
        }
        let ownVocabulary = path("vocabulary.json")
        if let memory {
            if let bytes = memory["vocabulary.json"],
                let root = Self.parseJSON(bytes, file: ownVocabulary, sink: sink, limits: limits)
            {
                vocabulary = VocabularyReader.parse(root, file: ownVocabulary, sink: sink) ?? Vocabulary()
            }
        } else if Files.exists(ownVocabulary) {
            vocabulary =
                VocabularyReader.read(path: ownVocabulary, sink: sink, limits: limits) ?? Vocabulary()
        } else if let d = defaultVocabulary {
            vocabulary = VocabularyReader.read(path: d, sink: sink, limits: limits) ?? Vocabulary()
        } else {
            sink.warning(
                directory, .file, "no tag vocabulary found: tags are not checked against one",
                hint:
                    "put a vocabulary.json in the workspace, or set PARTNERKIT_HOME to the toolkit folder (the one with Data/vocabulary.json)"
            )
        }

        let library = readLibrary()
        let organizations = readOrganizations()
        // One index per kind of node, built once: the duplicate checks, the reference checks
        // of people, ties and partnerships, and the workspace's own lookups all use them.
        let libraryID = library?.id
        let duplicateHint = "ids must be unique across the library, organizations and people"
        var organizationIndex: [String: Int] = [:]
        organizationIndex.reserveCapacity(organizations.count)
        for (k, o) in organizations.enumerated() {
            if o.id == libraryID {
                sink.error(
                    path("organizations.csv"), .line(o.line),
                    "duplicate id \"\(o.id)\" (already used in library.json)", hint: duplicateHint)
            } else if let first = organizationIndex[o.id] {
                sink.error(
                    path("organizations.csv"), .line(o.line),
                    "duplicate id \"\(o.id)\" (already used in organizations.csv:\(organizations[first].line))",
                    hint: duplicateHint)
            } else {
                organizationIndex[o.id] = k
            }
        }
        let people = readPeople(organizationIndex: organizationIndex)
        var personIndex: [String: Int] = [:]
        personIndex.reserveCapacity(people.count)
        for (k, p) in people.enumerated() {
            let first: String? =
                p.id == libraryID
                ? "library.json"
                : organizationIndex[p.id].map { "organizations.csv:\(organizations[$0].line)" }
                    ?? personIndex[p.id].map { "people.csv:\(people[$0].line)" }
            if let first {
                sink.error(
                    path("people.csv"), .line(p.line), "duplicate id \"\(p.id)\" (already used in \(first))",
                    hint: duplicateHint)
            } else {
                personIndex[p.id] = k
            }
        }
        // Node numbers for ties: the library 0, organizations 1…, people after them.
        let orgCount = organizations.count
        let ties = readTies(
            libraryID: libraryID,
            node: { id in
                if id == libraryID { return 0 }
                if let k = organizationIndex[id] { return 1 + k }
                return personIndex[id].map { 1 + orgCount + $0 }
            },
            allIDs: {
                [libraryID].compactMap { $0 } + organizationIndex.keys + personIndex.keys
            })
        let partnerships = readPartnerships(library: library, organizations: organizationIndex)
        reportUnknownTags()

        let diagnostics = sink.diagnostics.sorted()
        guard let lib = library, !diagnostics.hasErrors else {
            return LoadResult(workspace: nil, diagnostics: diagnostics)
        }
        let ws = Workspace(
            directory: directory, library: lib, organizations: organizations, people: people, ties: ties,
            partnerships: partnerships, vocabulary: vocabulary, tags: tags,
            organizationIndex: organizationIndex,
            personIndex: personIndex)
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
                        unknownTags[category, default: [:]][n] = TagUse(
                            count: 1, file: file, location: location)
                    }
                }
            }
            out.append(tags.intern(canonical))
        }
        return out.sorted().uniqued()
    }

    /// What one raw list item interned to, remembered per category: spreadsheets repeat the
    /// same few dozen tags on every row, so each distinct spelling is normalised and looked
    /// up once.
    struct InternedItem {
        var id: UInt32
        /// The normalised tag when the vocabulary does not know it (counted per use).
        var unknown: String?
    }
    var internCache: [[String: InternedItem]] = Array(repeating: [:], count: TagCategory.allCases.count)

    mutating func internCell(_ cell: String, category: TagCategory, file: String, line: Int) -> [UInt32] {
        if cell.isEmpty { return [] }
        var out: [UInt32] = []
        for piece in cell.split(separator: ";") {
            let raw = String(piece)
            let slot = TagCategory.allCases.firstIndex(of: category) ?? 0
            if let hit = internCache[slot][raw] {
                out.append(hit.id)
                if let n = hit.unknown { unknownTags[category]?[n]?.count += 1 }
                continue
            }
            let n = Tag.normalize(raw)
            if n.isEmpty { continue }
            // `flags` = `none`: practices checked, nothing found (CONTRACT). Known, and empty.
            if category == .flags && n == "none" { continue }
            let ids = internTags([raw], category: category, file: file, location: .line(line))
            guard let id = ids.first else { continue }
            let isUnknown = unknownTags[category]?[n] != nil
            internCache[slot][raw] = InternedItem(id: id, unknown: isUnknown ? n : nil)
            out.append(id)
        }
        if out.count > 1 {
            out.sort()
            out = out.uniqued()
        }
        return out
    }

    func reportUnknownTags() {
        let nouns: [TagCategory: String] = [
            .values: "value", .audiences: "audience", .topics: "topic", .assets: "asset", .flags: "flag",
        ]
        for (category, uses) in unknownTags {
            for (tag, use) in uses {
                let times = use.count == 1 ? "used once" : "used \(use.count) times"
                var hint = "add it to vocabulary.json under \"\(category.rawValue)\" if it is meant"
                if let s = vocabulary.suggestion(for: tag, in: category) {
                    hint = "did you mean \"\(s)\"? (or " + hint + ")"
                }
                sink.warning(
                    use.file, use.location,
                    "unknown \(nouns[category] ?? "tag") \"\(tag)\" (\(times), first here)", hint: hint)
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
                sink.error(
                    p, .file, "required file is missing",
                    hint: "every workspace needs \(file); `partnerkit init` writes a template")
            }
            return nil
        case .failure(let e):
            sink.error(p, .file, e.message)
            return nil
        case .success(let bytes):
            return Self.parseJSON(bytes, file: p, sink: sink, limits: limits)
        }
    }

    static func parseJSON(_ bytes: [UInt8], file: String, sink: DiagnosticSink, limits: InputLimits)
        -> JSONNode?
    {
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
        r.warnUnknownKeys([
            "id", "name", "priorities", "values", "audiences", "offers", "needs", "dealbreakers",
            "description", "notes",
        ])
        let id = r.string("id", required: true)
        if let id, id.utf8.contains(UInt8(ascii: ";")) { r.child("id")?.error("an id may not contain ';'") }
        let name = r.string("name", required: true)
        var priorities: [LibraryProfile.Priority] = []
        var seen = Set<String>()
        for p in r.array("priorities") ?? [] {
            guard p.expectObject() else { continue }
            p.warnUnknownKeys(["id", "label", "weight", "topics", "description"])
            guard let pid = p.string("id", required: true) else { continue }
            if !seen.insert(pid).inserted { p.child("id")?.error("duplicate priority id \"\(pid)\"") }
            let weight = p.number("weight", positive: true) ?? 1
            let topics = internTags(
                p.stringList("topics") ?? [], category: .topics, file: file,
                location: .field(p.childPath("topics")))
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

    mutating func readPartnerships(library: LibraryProfile?, organizations: [String: Int]) -> [Partnership] {
        guard let root = readJSON("partnerships.json", required: false) else { return [] }
        let reader = PartnershipReader(
            file: path("partnerships.json"), sink: sink, library: library,
            organizationIDs: Set(organizations.keys),
            unknownPartnerIsError: true)
        return reader.readWorkspaceFile(root, vocabulary: vocabulary)
    }

    // MARK: - CSV files

    /// Header checks shared by the CSV files: required columns present, unknown ones warned,
    /// duplicates an error. Returns column name → index.
    func columns(
        _ header: [String], file: String, known: [String], required: [String],
        into target: DiagnosticSink? = nil
    ) -> [String: Int]? {
        let sink = target ?? self.sink
        var map: [String: Int] = [:]
        var ok = true
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingWhitespace.lowercased().split(whereSeparator: { $0 == " " }).joined(
                separator: "_")
            if name.isEmpty { continue }
            if map[name] != nil {
                sink.error(file, .line(1), "column \"\(name)\" appears twice")
                ok = false
                continue
            }
            map[name] = i
            if !known.contains(name) {
                let near = nearest(name, in: known, maxDistance: 2)
                sink.warning(
                    file, .line(1), "unknown column \"\(name)\" is ignored",
                    hint: near.map { "did you mean \"\($0)\"?" })
            }
        }
        for r in required where map[r] == nil {
            sink.error(
                file, .line(1), "required column \"\(r)\" is missing",
                hint: "the header row must name: \(required.joined(separator: ", "))")
            ok = false
        }
        return ok ? map : nil
    }

    /// Reads a CSV file's bytes, reporting a missing (when required) or unreadable file.
    func readCSVBytes(_ file: String, required: Bool) -> (path: String, bytes: [UInt8])? {
        let p = path(file)
        switch readFile(p) {
        case .failure(.missing):
            if required {
                sink.error(
                    p, .file, "required file is missing",
                    hint: "every workspace needs \(file); `partnerkit init` writes a template")
            }
            return nil
        case .failure(let e):
            sink.error(p, .file, e.message)
            return nil
        case .success(let bytes):
            return (p, bytes)
        }
    }

    /// A row whose field count differs from the header's, with what usually causes it.
    static func fieldCountError(_ file: String, line: Int, expected: Int, found: Int) -> Diagnostic {
        .error(
            file, .line(line), "expected \(expected) fields, found \(found)",
            hint: found > expected
                ? "a comma inside a value needs the value in double quotes"
                : "a missing comma, or a line break inside a value that is not in double quotes")
    }

    /// Streams a CSV file: `header` gets the header row (and returns false to skip the body),
    /// then `row` gets each record with the right number of fields, as trimmed strings in a
    /// reused array. No table of all rows is ever built, so a million-row file costs only the
    /// values kept. Field-count and UTF-8 problems are reported with their line.
    /// - Complexity: O(n) in the file's size.
    static func streamTable(
        _ bytes: [UInt8], path p: String, sink: DiagnosticSink, limits: InputLimits,
        header: ([String]) -> Bool, row: (Int, [String]) -> Void
    ) {
        var headerCount = -1
        var skip = false
        var fields: [String] = []
        let diagnostics = bytes.withUnsafeBufferPointer { buf in
            CSVParser.parse(buf, file: p, limits: limits) { record in
                if skip { return }
                let badUTF8 = !record.trimmedFields(into: &fields)
                if badUTF8 {
                    sink.error(
                        p, .line(record.line), "text is not valid UTF-8", hint: "save the file as UTF-8")
                }
                if headerCount < 0 {
                    headerCount = fields.count
                    skip = !header(fields)
                    return
                }
                if fields.count != headerCount {
                    sink.add(
                        Self.fieldCountError(p, line: record.line, expected: headerCount, found: fields.count)
                    )
                    return
                }
                if !badUTF8 { row(record.line, fields) }
            }
        }
        diagnostics.forEach(sink.add)
        if headerCount < 0 && !diagnostics.hasErrors {
            sink.error(p, .file, "the file is empty: it needs at least a header row")
        }
    }

    /// Parses a number as people write it in spreadsheets (`1200`, `1,200`, `$1,200.50`).
    /// Empty means unknown (nil, no error); text, NaN or infinity is an error.
    func number(_ cell: String, column: String, file: String, line: Int, positive: Bool = false) -> Double? {
        if cell.isEmpty { return nil }
        // Fast path: plain digits with at most one point, as most cells are.
        var plain = true
        var points = 0
        for c in cell.utf8 {
            if c == UInt8(ascii: ".") { points += 1 } else if c < 48 || c > 57 { plain = false; break }
        }
        if plain, points <= 1, cell.utf8.count < 20, let d = Double(cell) {
            if positive && d <= 0 {
                sink.error(file, .line(line), "\(column): must be a positive number, found \(cell)")
                return nil
            }
            return d
        }
        let cleaned = cell.filter { $0 != "," && $0 != "$" && $0 != "_" && $0 != " " }
        guard let d = Double(cleaned), d.isFinite, cleaned.lowercased() != "nan",
            !cleaned.lowercased().contains("inf")
        else {
            sink.error(file, .line(line), "\(column): \"\(cell)\" is not a number")
            return nil
        }
        if positive ? d <= 0 : d < 0 {
            sink.error(
                file, .line(line),
                "\(column): must be \(positive ? "a positive number" : "zero or more"), found \(cell)")
            return nil
        }
        return d
    }

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

    /// `node` gives an id's node number (nil when unknown); `allIDs` every id, for "did you
    /// mean" (only called when an end is unknown).
    func readTies(libraryID: String?, node: (String) -> Int?, allIDs: () -> [String]) -> [Tie] {
        // "Did you mean" for an unknown end: the id list built once, each bad spelling's hint
        // computed once (a file naming organizations by name instead of id has many).
        var idList: [String]?
        var hints: [String: String?] = [:]
        func hint(_ end: String) -> String? {
            if let h = hints[end] { return h }
            if idList == nil { idList = allIDs() }
            let h = nearest(end, in: idList ?? []).map { "did you mean \"\($0)\"?" }
            hints[end] = h
            return h
        }
        guard let (p, bytes) = readCSVBytes("relationships.csv", required: false) else { return [] }
        let t = (path: p, ())
        let names = Self.relationshipColumns
        var index: [Int] = []
        var out: [Tie] = []
        out.reserveCapacity(bytes.count / 40)
        // Each node id gets a number so that a pair of ends is one integer key.
        var pairs: [Int: Int] = [:]
        var kinds: [String: String] = [:]  // spelling → normalised kind, computed once each
        Self.streamTable(
            bytes, path: p, sink: sink, limits: limits,
            header: { header in
                guard let c = columns(header, file: p, known: names, required: ["source", "target"]) else {
                    return false
                }
                index = names.map { c[$0] ?? -1 }
                return true
            }
        ) { line, fields in
            let row = (line: line, fields: fields)
            func cell(_ k: Int) -> String { index[k] >= 0 ? fields[index[k]] : "" }
            let source = cell(0), target = cell(1)
            var ok = true
            func checkEnd(_ label: String, _ end: String) -> Int {
                if end.isEmpty {
                    sink.error(t.path, .line(row.line), "\(label): must not be empty")
                    ok = false
                    return -1
                }
                // `library` names the library (as `src`/`dst` below map it), whatever else it is.
                if end == "library", let l = libraryID { return node(l) ?? 0 }
                if let k = node(end) { return k }
                sink.error(
                    t.path, .line(row.line),
                    "\(label): \"\(end)\" is not the library, an organization or a person",
                    hint: hint(end))
                ok = false
                return -1
            }
            let a = checkEnd("source", source)
            let b = checkEnd("target", target)
            var strength = 1.0
            let s = cell(3)
            if !s.isEmpty {
                if let v = number(s, column: "strength", file: t.path, line: row.line, positive: true) {
                    strength = v
                    if v < 1 || v > 4 {
                        sink.warning(
                            t.path, .line(row.line),
                            "strength: \(s) is outside the 1–4 scale (1 acquainted, 2 working contact, 3 trusted, 4 close partner)"
                        )
                    }
                } else {
                    ok = false
                }
            }
            var last: Day?
            let lc = cell(4)
            if !lc.isEmpty {
                last = Day(lc)
                if last == nil {
                    sink.error(
                        t.path, .line(row.line),
                        "last_contact: \"\(lc)\" is not a date: write YYYY-MM-DD (a real calendar date)")
                    ok = false
                }
            }
            guard ok else { return }
            let src = source == "library" ? (libraryID ?? source) : source
            let dst = target == "library" ? (libraryID ?? target) : target
            if src == dst {
                sink.warning(t.path, .line(row.line), "a tie from \"\(src)\" to itself is ignored")
                return
            }
            let key = min(a, b) &* 0x1_0000_0000 &+ max(a, b)
            if let first = pairs[key] {
                sink.warning(
                    t.path, .line(row.line),
                    "\"\(src)\" and \"\(dst)\" are already tied at line \(first); the stronger tie is kept")
            } else {
                pairs[key] = row.line
            }
            let rawKind = cell(2)
            let kind: String
            if let k = kinds[rawKind] {
                kind = k
            } else {
                kind = Tag.normalize(rawKind)
                kinds[rawKind] = kind
            }
            out.append(
                Tie(
                    source: src, target: dst, kind: kind.isEmpty ? "knows" : kind, strength: strength,
                    lastContact: last,
                    note: cell(5).nilIfEmpty, line: row.line))
        }
        return out
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
