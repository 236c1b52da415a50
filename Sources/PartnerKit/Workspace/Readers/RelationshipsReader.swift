/// `relationships.csv` (see `RelationshipsSchema`).
extension WorkspaceLoader {
    /// What the tie rows share while one file is read: the pairs already tied and each kind's
    /// spelling normalised once.
    struct TieRowState {
        /// Each node id gets a number so that a pair of ends is one integer key → first line.
        var pairs: [Int: Int] = [:]
        /// Spelling → normalised kind, computed once each.
        var kinds: [String: String] = [:]
        /// "Did you mean" per unknown end, computed once (a file naming organizations by name
        /// instead of id has many), from the id list built once.
        var hints: [String: String?] = [:]
        var idList: [String]?
    }

    /// `node` gives an id's node number (nil when unknown); `allIDs` every id, for "did you
    /// mean" (only called when an end is unknown).
    func readTies(libraryID: String?, node: (String) -> Int?, allIDs: () -> [String]) -> [Tie] {
        let schema = RelationshipsSchema.schema
        guard let (p, bytes) = readBytes(schema.file, required: schema.requiredFile) else { return [] }
        var out: [Tie] = []
        out.reserveCapacity(bytes.count / 40)
        var state = TieRowState()
        let decimalComma = CSVDialect.detect(bytes).decimalComma
        streamTable(schema, bytes, path: p) { line, fields, index in
            if let tie = tieRow(
                line: line, fields: fields, index: index, path: p, libraryID: libraryID, node: node,
                allIDs: allIDs, state: &state, decimalComma: decimalComma)
            {
                out.append(tie)
            }
        }
        return out
    }

    /// One row of relationships.csv: every check, reported with its line, and the tie (nil when
    /// unusable or ignored).
    func tieRow(
        line: Int, fields: [String], index: [Int], path p: String, libraryID: String?, node: (String) -> Int?,
        allIDs: () -> [String], state: inout TieRowState, decimalComma: Bool = false
    ) -> Tie? {
        typealias Column = RelationshipsSchema.Column
        func cell(_ c: Column) -> String {
            let i = index[c.rawValue]
            return i >= 0 ? fields[i] : ""
        }
        func hint(_ end: String) -> String? {
            if let h = state.hints[end] { return h }
            if state.idList == nil { state.idList = allIDs() }
            let h = nearest(end, in: state.idList ?? []).map { "did you mean \"\($0)\"?" }
            state.hints[end] = h
            return h
        }
        let source = cell(.source), target = cell(.target)
        var ok = true
        // An unknown end could be any node: unchecked when a file of nodes did not load.
        let nodeFiles = [LibrarySchema.file, OrganizationsSchema.schema.file, PeopleSchema.schema.file]
        func checkEnd(_ label: String, _ end: String) -> Int {
            if end.isEmpty {
                sink.error(p, .line(line), "\(label): must not be empty")
                ok = false
                return -1
            }
            // `library` names the library (as `src`/`dst` below map it), whatever else it is.
            if end == LibraryProfile.party, let l = libraryID { return node(l) ?? 0 }
            if let k = node(end) { return k }
            ok = false
            if failures.skip(into: nodeFiles) { return -1 }
            sink.error(
                p, .line(line),
                "\(label): \"\(end)\" is not the library, an organization or a person"
                    + failures.because(end, in: Array(nodeFiles.dropFirst())),
                hint: hint(end))
            return -1
        }
        let a = checkEnd("source", source)
        let b = checkEnd("target", target)
        var strength = 1.0
        let s = cell(.strength)
        if !s.isEmpty {
            switch CellParser.number(s, positive: true, decimalComma: decimalComma) {
            case .ambiguous(let x, let y):
                sink.add(Self.ambiguousNumber(s, column: "strength", file: p, line: line, x, y))
                ok = false
            case .value(let v):
                strength = v
                if v < 1 || v > 4 {
                    sink.warning(
                        p, .line(line),
                        "strength: \(s) is outside the 1–4 scale (\(RelationshipsSchema.strengthScale))")
                }
            case .notANumber:
                sink.error(
                    p, .line(line),
                    "strength: \"\(s)\" is not a number: write 1–4 (\(RelationshipsSchema.strengthScale))",
                    hint: RelationshipsSchema.strength(word: s).map { "\"\(s)\" is \($0) on that scale" })
                ok = false
            case .outOfRange:
                sink.error(p, .line(line), "strength: must be a positive number, found \(s)")
                ok = false
            }
        }
        var last: Day?
        let lc = cell(.lastContact)
        if !lc.isEmpty {
            last = Day(lc)
            if last == nil {
                sink.error(
                    p, .line(line),
                    "last_contact: \"\(lc)\" is not a date: \(Day.spelling(of: lc))")
                ok = false
            }
        }
        guard ok else { return nil }
        let src = source == LibraryProfile.party ? (libraryID ?? source) : source
        let dst = target == LibraryProfile.party ? (libraryID ?? target) : target
        if src == dst {
            sink.warning(p, .line(line), "a tie from \"\(src)\" to itself is ignored")
            return nil
        }
        let key = min(a, b) &* 0x1_0000_0000 &+ max(a, b)
        if let first = state.pairs[key] {
            sink.warning(
                p, .line(line),
                "\"\(src)\" and \"\(dst)\" are already tied at line \(first); the stronger tie is kept")
        } else {
            state.pairs[key] = line
        }
        let rawKind = cell(.kind)
        let kind: String
        if let k = state.kinds[rawKind] {
            kind = k
        } else {
            kind = Tag.normalize(rawKind)
            state.kinds[rawKind] = kind
        }
        return Tie(
            source: src, target: dst, kind: kind.isEmpty ? "knows" : kind, strength: strength,
            lastContact: last,
            note: cell(.note).nilIfEmpty, line: line)
    }
}
