extension WorkspaceLoader {
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
}
