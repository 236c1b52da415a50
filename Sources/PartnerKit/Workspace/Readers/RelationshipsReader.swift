extension WorkspaceLoader {
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
