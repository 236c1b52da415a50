/// `library.json` (see `LibrarySchema`).
extension WorkspaceLoader {
    /// The library's profile; nil, with `library.json` recorded as not loaded, when it has no
    /// usable id and name (or is not a JSON object).
    mutating func readLibrary() -> LibraryProfile? {
        let library = readLibraryProfile()
        if library == nil { failures.fail(LibrarySchema.file) }
        return library
    }

    mutating func readLibraryProfile() -> LibraryProfile? {
        let schema = LibrarySchema.schema
        let file = path(schema.file)
        guard let root = readJSON(schema.file, required: schema.requiredFile) else { return nil }
        let r = JSONField(root: root, file: file, sink: sink)
        guard r.expectObject() else { return nil }
        r.warnUnknownKeys(schema.names)
        let id = r.string("id", required: true)
        if let id, id.utf8.contains(UInt8(ascii: ";")) { r.child("id")?.error("an id may not contain ';'") }
        let name = r.string("name", required: true)
        var priorities: [LibraryProfile.Priority] = []
        var seen = Set<String>()
        for p in r.array("priorities") ?? [] {
            guard p.expectObject() else { continue }
            p.warnUnknownKeys(schema.field("priorities")?.names ?? [])
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
                a.warnUnknownKeys(schema.field("audiences")?.names ?? [])
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
}
