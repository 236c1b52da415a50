/// Reads partnerships from JSON: the workspace's `partnerships.json`, or a proposal file given
/// to `spectrum --file` (one partnership object, a bare array, or the `{ "partnerships": […] }`
/// form). Missing optional fields are not errors: the readiness checks report them.
public struct PartnershipReader {
    /// A partnership object's fields (`PartnershipsSchema.partnership`).
    public static let knownKeys: Set<String> = PartnershipsSchema.partnership.names

    let file: String
    let sink: DiagnosticSink
    let library: LibraryProfile?
    let organizationIDs: Set<String>
    /// In the workspace a partner missing from organizations.csv is an error; in a proposal
    /// (a collaboration not yet entered) it is a warning.
    let unknownPartnerIsError: Bool
    /// In the workspace: the files that did not load, so that partners are not reported as
    /// unknown when organizations.csv could not be read (one root cause, one error).
    var loadFailures: LoadFailures?

    public init(
        file: String, sink: DiagnosticSink, library: LibraryProfile?, organizationIDs: Set<String>,
        unknownPartnerIsError: Bool
    ) {
        self.file = file
        self.sink = sink
        self.library = library
        self.organizationIDs = organizationIDs
        self.unknownPartnerIsError = unknownPartnerIsError
    }

    /// Reads a proposal file's bytes (for `spectrum --file`).
    public static func readProposal(
        _ bytes: [UInt8], file: String, workspace: Workspace, limits: InputLimits = .default
    ) -> (partnerships: [Partnership], diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let root = WorkspaceLoader.parseJSON(bytes, file: file, sink: sink, limits: limits) else {
            return ([], sink.diagnostics)
        }
        let reader = PartnershipReader(
            file: file, sink: sink, library: workspace.library,
            organizationIDs: Set(workspace.organizations.map(\.id)),
            unknownPartnerIsError: false)
        let list = reader.readAny(root, vocabulary: workspace.vocabulary)
        return (list, sink.diagnostics.sorted())
    }

    func readWorkspaceFile(_ root: JSONNode, vocabulary: Vocabulary) -> [Partnership] {
        let r = JSONField(root: root, file: file, sink: sink)
        guard r.expectObject() else { return [] }
        r.warnUnknownKeys(PartnershipsSchema.schema.names)
        guard let items = r.required("partnerships")?.array else { return [] }
        return readList(items, vocabulary: vocabulary)
    }

    func readAny(_ root: JSONNode, vocabulary: Vocabulary) -> [Partnership] {
        let r = JSONField(root: root, file: file, sink: sink)
        if case .array = root.value { return readList(r.array ?? [], vocabulary: vocabulary) }
        guard r.expectObject() else { return [] }
        if r.child("partnerships") != nil {
            return readList(r.required("partnerships")?.array ?? [], vocabulary: vocabulary)
        }
        return readList([r], vocabulary: vocabulary)
    }

    func readList(_ items: [JSONField], vocabulary: Vocabulary) -> [Partnership] {
        var out: [Partnership] = []
        var seen: [String: String] = [:]
        var unknownAudiences: [String: (count: Int, path: String)] = [:]
        for item in items {
            guard item.expectObject() else { continue }
            guard let p = readOne(item, vocabulary: vocabulary, unknownAudiences: &unknownAudiences) else {
                continue
            }
            if let first = seen[p.id] {
                item.child("id")?.error("duplicate partnership id \"\(p.id)\" (first at \(first))")
                continue
            }
            seen[p.id] = item.path
            out.append(p)
        }
        for (tag, use) in unknownAudiences.sorted(by: { $0.key < $1.key }) {
            let hint = vocabulary.suggestion(for: tag, in: .audiences).map { "did you mean \"\($0)\"?" }
            sink.warning(
                file, .field(use.path),
                "unknown audience \"\(tag)\" (used \(use.count == 1 ? "once" : "\(use.count) times"), first here)",
                hint: hint)
        }
        return out
    }

    /// A goal's recorded result: `achieved` (the contract's name), or `result`, the name
    /// earlier workspaces used; both at once is an error, since they could disagree.
    func achieved(_ g: JSONField) -> Double? {
        let value = g.number("achieved", nonNegative: false)
        guard let legacy = g.child("result") else { return value }
        if g.child("achieved") != nil {
            legacy.error("give the goal's result once, as \"achieved\" (\"result\" is its older name)")
            return value
        }
        return g.number("result", nonNegative: false)
    }

    func isLibraryParty(_ s: String) -> Bool { s == "library" || s == library?.id }

    func readOne(
        _ r: JSONField, vocabulary: Vocabulary, unknownAudiences: inout [String: (count: Int, path: String)]
    ) -> Partnership? {
        r.warnUnknownKeys(Self.knownKeys)
        let id = r.string("id", required: true)
        let title = r.string("title", required: true)
        let status = r.required("status") != nil ? r.enumeration("status", Partnership.Status.self) : nil
        var partners: [String] = []
        if let pf = r.required("partners") {
            // Each partner is reported at its own path (`partnerships[2].partners[1]`).
            var items: [(String, JSONField)] = []
            if case .string(let s) = pf.node.value {
                items = [(s.trimmingWhitespace, pf)]
            } else if let list = pf.array {
                for item in list {
                    guard let s = item.string else { continue }
                    let t = s.trimmingWhitespace
                    if t.isEmpty { item.error("must not be empty") } else { items.append((t, item)) }
                }
            }
            if items.isEmpty { pf.error("a partnership needs at least one partner") }
            for (p, field) in items {
                if isLibraryParty(p) {
                    field.error(
                        "the library is always a party; list only the other organizations in partners")
                } else if !organizationIDs.contains(p) {
                    let organizations = OrganizationsSchema.schema.file
                    if loadFailures?.skip(into: [organizations]) == true {
                        partners.append(p)
                        continue
                    }
                    let hint = nearest(p, in: organizationIDs).map {
                        "did you mean \"\($0)\"?"
                    }
                    let msg =
                        "\"\(p)\" is not an id in organizations.csv"
                        + (loadFailures?.because(p, in: [organizations]) ?? "")
                    if unknownPartnerIsError {
                        field.error(msg, hint: hint)
                    } else {
                        field.warning(msg, hint: hint)
                    }
                    partners.append(p)
                } else {
                    partners.append(p)
                }
            }
        }
        let parties = Set(partners)
        func checkParty(_ f: JSONField) -> String? {
            guard let party = f.string("party", required: true) else { return nil }
            if isLibraryParty(party) { return "library" }
            if !parties.contains(party) {
                f.child("party")?.error(
                    "\"\(party)\" is not \"library\" or one of this partnership's partners (\(partners.joined(separator: ", ")))"
                )
                return nil
            }
            return party
        }
        var contributions: [Partnership.Contribution] = []
        for c in r.array("contributions") ?? [] where c.expectObject() {
            c.warnUnknownKeys(["party", "kind", "what"])
            let party = checkParty(c)
            let kind =
                c.required("kind") != nil ? c.enumeration("kind", Partnership.ContributionKind.self) : nil
            if let party, let kind {
                contributions.append(.init(party: party, kind: kind, what: c.string("what")))
            }
        }
        var benefits: [Partnership.Benefit] = []
        for b in r.array("benefits") ?? [] where b.expectObject() {
            b.warnUnknownKeys(["party", "what"])
            if let party = checkParty(b) { benefits.append(.init(party: party, what: b.string("what"))) }
        }
        var roles: [Partnership.Role] = []
        for b in r.array("roles") ?? [] where b.expectObject() {
            b.warnUnknownKeys(["party", "does"])
            if let party = checkParty(b) { roles.append(.init(party: party, does: b.string("does"))) }
        }
        var goals: [Partnership.Goal] = []
        for g in r.array("goals") ?? [] where g.expectObject() {
            g.warnUnknownKeys([
                "text", "metric", "target", "due", "priority", "achieved", "result", "achieved_on",
            ])
            let priority = g.string("priority")
            if let priority, let library, library.priority(priority) == nil {
                let hint = nearest(priority, in: library.priorities.map(\.id)).map {
                    "did you mean \"\($0)\"?"
                }
                g.child("priority")?.error("\"\(priority)\" is not a priority id in library.json", hint: hint)
            }
            goals.append(
                .init(
                    text: g.string("text"), metric: g.string("metric"),
                    target: g.number("target", nonNegative: false),
                    due: g.day("due"), priority: priority, achieved: achieved(g),
                    achievedOn: g.day("achieved_on")))
        }
        var milestones: [Partnership.Milestone] = []
        for m in r.array("milestones") ?? [] where m.expectObject() {
            m.warnUnknownKeys(["title", "due", "done"])
            milestones.append(.init(title: m.string("title"), due: m.day("due"), done: m.day("done")))
        }
        var communication: Partnership.Communication?
        if let c = r.child("communication"), c.expectObject() {
            c.warnUnknownKeys(["cadence_days", "log", "channel", "notes"])
            var log: [Day] = []
            for e in c.array("log") ?? [] {
                // A contact is a date, or `{ "date": …, "note": … }` (as `partnerkit log --note` writes).
                if e.isObject {
                    e.warnUnknownKeys(["date", "note"])
                    if e.required("date") != nil, let d = e.day("date") { log.append(d) }
                } else if let s = e.string, let d = e.parseDay(s) {
                    log.append(d)
                }
            }
            var cadence = c.number("cadence_days", positive: true)
            // A cadence is counted in whole days downstream; beyond a century it is a typo,
            // and past Int's range it would trap when rounded.
            if let d = cadence, d > 36_500 {
                c.child("cadence_days")?.error(
                    "must be at most 36500 days (100 years), found \(formatNumber(d))")
                cadence = nil
            }
            communication = .init(cadenceDays: cadence, log: log)
        }
        var audiences: [String] = []
        if let list = r.stringList("audiences") {
            for (i, a) in list.enumerated() {
                let n = Tag.normalize(a)
                if let c = vocabulary.canonical(n, in: .audiences) {
                    audiences.append(c)
                } else {
                    audiences.append(n)
                    if vocabulary.terms[.audiences] != nil {
                        let prior = unknownAudiences[n]
                        unknownAudiences[n] = (
                            (prior?.count ?? 0) + 1, prior?.path ?? "\(r.path).audiences[\(i)]"
                        )
                    }
                }
            }
        }
        let started = r.day("started"), ends = r.day("ends")
        if let started, let ends, ends < started {
            r.child("ends")?.error("ends (\(ends)) is before started (\(started))")
        }
        let outcome = r.enumeration("outcome", Partnership.Outcome.self)
        if outcome != nil, status == .proposed {
            r.child("outcome")?.warning(
                "a proposed partnership has no outcome yet; calibrate ignores it",
                hint: "record the outcome once it has run (ended, or at a review while active)")
        }
        let season = readSeason(r)
        guard let id, let title, let status else { return nil }
        if id.utf8.contains(UInt8(ascii: ";")) { r.child("id")?.error("an id may not contain ';'") }
        var out = Partnership(
            id: id, title: title, partners: partners, status: status, description: r.string("description"),
            started: started, ends: ends,
            initiatedBy: r.enumeration("initiated_by", Partnership.Initiator.self),
            decisions: r.enumeration("decisions", Partnership.Decisions.self),
            partnerInput: r.enumeration("partner_input", Partnership.PartnerInput.self),
            coDesigned: r.bool("co_designed"),
            libraryPays: r.number("library_pays"), partnerPays: r.number("partner_pays"),
            contributions: contributions,
            benefits: benefits, goals: goals, milestones: milestones, roles: roles,
            communication: communication,
            agreement: r.enumeration("agreement", Partnership.Agreement.self),
            exitPlan: r.string("exit_plan"),
            audiences: audiences, outcome: outcome, endedReason: r.string("ended_reason"),
            source: "\(file): \(r.path)")
        out.season = season
        return out
    }

    /// `"season": { "from": "MM-DD", "to": "MM-DD" }`, each a real day of the year (02-29
    /// allowed).
    func readSeason(_ r: JSONField) -> Partnership.Season? {
        guard let f = r.child("season"), f.expectObject() else { return nil }
        f.warnUnknownKeys(["from", "to", "notes"])
        func monthDay(_ key: String) -> (month: Int, day: Int)? {
            guard let c = f.required(key), let text = f.string(key) else { return nil }
            let parts = text.trimmingWhitespace.split(separator: "-")
            if parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let m = Int(parts[0]),
                let d = Int(parts[1]),
                (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: 2000)
            {
                return (m, d)
            }
            c.error("\"\(text)\" is not a day of the year: write MM-DD, e.g. \"01-20\"")
            return nil
        }
        let from = monthDay("from"), to = monthDay("to")
        guard let from, let to else { return nil }
        return .init(from: from, to: to)

    }
}

/// Reads a tag vocabulary file: for each category, a list of `{ "tag", "label", "synonyms" }`.
public enum VocabularyReader {
    public static func read(path: String, sink: DiagnosticSink, limits: InputLimits = .default) -> Vocabulary?
    {
        switch Files.read(path, limit: limits.maxFileBytes) {
        case .failure(let e):
            sink.error(path, .file, e.message)
            return nil
        case .success(let bytes):
            guard let root = WorkspaceLoader.parseJSON(bytes, file: path, sink: sink, limits: limits) else {
                return nil
            }
            return parse(root, file: path, sink: sink)
        }
    }

    public static func parse(_ root: JSONNode, file: String, sink: DiagnosticSink) -> Vocabulary? {
        let r = JSONField(root: root, file: file, sink: sink)
        guard r.expectObject() else { return nil }
        r.warnUnknownKeys(Set(TagCategory.allCases.map(\.rawValue) + ["description", "notes"]))
        var v = Vocabulary()
        for category in TagCategory.allCases {
            guard let items = r.array(category.rawValue) else { continue }
            var seen: [String: String] = [:]
            for item in items {
                var term: VocabularyTerm?
                if case .string(let s) = item.node.value {
                    term = VocabularyTerm(tag: s)
                } else if item.expectObject() {
                    item.warnUnknownKeys(["tag", "label", "synonyms", "description"])
                    if let tag = item.string("tag", required: true) {
                        term = VocabularyTerm(
                            tag: tag, label: item.string("label"), synonyms: item.stringList("synonyms") ?? []
                        )
                    }
                }
                guard let term else { continue }
                for spelling in [term.tag] + term.synonyms {
                    let n = Tag.normalize(spelling)
                    if let other = seen[n] {
                        item.error("\"\(n)\" is already defined by \"\(other)\" in \(category.rawValue)")
                    }
                    seen[n] = Tag.normalize(term.tag)
                }
                v.add(term, to: category)
            }
        }
        return v
    }
}
