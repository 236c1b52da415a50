/// What an NTEE code says about an organization, in the tag vocabulary.
public struct NTEEEntry: Sendable, Hashable {
    /// The group's or code's name (`Libraries`, `Human Services`).
    public var name: String
    public var topics: [String]
    public var audiences: [String]
    public var offers: [String]

    public init(name: String, topics: [String] = [], audiences: [String] = [], offers: [String] = []) {
        self.name = name
        self.topics = topics
        self.audiences = audiences
        self.offers = offers
    }
}

/// The crosswalk from NTEE codes to vocabulary tags (`Data/ntee.json`; its `description`
/// explains the rules). A code's first three characters pick a finer entry when there is one
/// (`B70I` reads as `B70`, Libraries), else the major group's (`B`, Education); whole words of
/// the organization's name add tags on top (`name_words`).
public struct NTEECrosswalk: Sendable {
    public private(set) var groups: [Character: NTEEEntry] = [:]
    public private(set) var codes: [String: NTEEEntry] = [:]
    /// Lowercased word or phrase → tags it adds; phrases of two or three words are matched too.
    public private(set) var nameWords: [String: NTEEEntry] = [:]

    public init(
        groups: [Character: NTEEEntry] = [:], codes: [String: NTEEEntry] = [:],
        nameWords: [String: NTEEEntry] = [:]
    ) {
        self.groups = groups
        self.codes = codes
        self.nameWords = nameWords
    }

    /// A code cleaned for use: upper case, trimmed, nil when it is not a letter followed by
    /// digits or letters (a blank code or noise such as `?`). `Z99Z` and `B70I` are kept.
    public static func clean(_ raw: String) -> String? {
        let u = raw.trimmingWhitespace.uppercased()
        let bytes = Array(u.utf8)
        guard bytes.count >= 1, bytes.count <= 6, (65...90).contains(bytes[0]) else { return nil }
        guard bytes.dropFirst().allSatisfy({ (48...57).contains($0) || (65...90).contains($0) }) else {
            return nil
        }
        return u
    }

    /// The major group letter of a cleaned code.
    public static func group(of code: String) -> Character? { code.first }

    /// The entry a code maps to (finer code first, then its major group), or nil.
    public func entry(for code: String) -> NTEEEntry? {
        guard let c = Self.clean(code), let letter = c.first else { return nil }
        if c.utf8.count >= 3, let fine = codes[String(c.prefix(3))] { return fine }
        return groups[letter]
    }

    /// The major group's name (`Education`) for a code, or nil.
    public func groupName(for code: String) -> String? {
        guard let c = Self.clean(code), let letter = c.first else { return nil }
        return groups[letter]?.name
    }

    /// The tags an organization named `name` with NTEE code `code` takes: the code's entry and
    /// every matching name word, without repeats, in a stable order.
    public func tags(code: String?, name: String) -> NTEEEntry {
        var out = NTEEEntry(name: "")
        func add(_ e: NTEEEntry) {
            for t in e.topics where !out.topics.contains(t) { out.topics.append(t) }
            for t in e.audiences where !out.audiences.contains(t) { out.audiences.append(t) }
            for t in e.offers where !out.offers.contains(t) { out.offers.append(t) }
        }
        if let code, let e = entry(for: code) {
            out.name = e.name
            add(e)
        }
        if !nameWords.isEmpty {
            let words = Self.words(name)
            var seen: Set<String> = []
            for n in 1...3 where words.count >= n {
                for k in 0...(words.count - n) {
                    let phrase = words[k..<(k + n)].joined(separator: " ")
                    if let e = nameWords[phrase], seen.insert(phrase).inserted { add(e) }
                }
            }
        }
        return out
    }

    /// A name's words, lowercased, `&` read as `and`.
    static func words(_ name: String) -> [String] {
        name.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "&") }).map {
            $0 == "&" ? "and" : String($0)
        }
    }

    // MARK: - Reading Data/ntee.json

    /// Reads the crosswalk. Problems (a missing key, a tag the vocabulary does not know) are
    /// reported against `file` by field path; unknown tags are dropped so no import invents one.
    public static func parse(_ bytes: [UInt8], file: String, vocabulary: Vocabulary?) -> (
        crosswalk: NTEECrosswalk, diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var crosswalk = NTEECrosswalk()
        let root: JSONNode
        switch JSONParser.parse(bytes) {
        case .success(let r): root = r
        case .failure(let e):
            return (crosswalk, [.error(file, .lineColumn(e.line, e.column), e.message)])
        }
        func entry(_ node: JSONNode, path: String, defaultName: String) -> NTEEEntry {
            var e = NTEEEntry(name: defaultName)
            if case .string(let s)? = node["name"]?.value { e.name = s }
            func list(_ key: String, _ category: TagCategory) -> [String] {
                guard let n = node[key] else { return [] }
                guard case .array(let items) = n.value else {
                    diagnostics.append(.error(file, .field("\(path).\(key)"), "must be a list of tags"))
                    return []
                }
                var out: [String] = []
                for (k, item) in items.enumerated() {
                    guard case .string(let raw) = item.value else {
                        diagnostics.append(.error(file, .field("\(path).\(key)[\(k)]"), "must be a tag"))
                        continue
                    }
                    let t = Tag.normalize(raw)
                    if let vocabulary, !vocabulary.isEmpty {
                        guard let canonical = vocabulary.canonical(t, in: category) else {
                            let near = vocabulary.suggestion(for: t, in: category)
                            diagnostics.append(
                                .error(
                                    file, .field("\(path).\(key)[\(k)]"),
                                    "\"\(raw)\" is not in the vocabulary's \(category.rawValue)",
                                    hint: near.map { "did you mean \"\($0)\"?" }))
                            continue
                        }
                        out.append(canonical)
                    } else {
                        out.append(t)
                    }
                }
                return out
            }
            e.topics = list("topics", .topics)
            e.audiences = list("audiences", .audiences)
            e.offers = list("offers", .assets)
            return e
        }
        func members(_ key: String) -> [(key: String, value: JSONNode)] {
            guard let n = root[key] else { return [] }
            guard case .object(let m) = n.value else {
                diagnostics.append(.error(file, .field(key), "must be an object"))
                return []
            }
            return m
        }
        for (k, v) in members("groups") {
            guard k.count == 1, let letter = k.uppercased().first, letter.isLetter else {
                diagnostics.append(.error(file, .field("groups.\(k)"), "a major group is one letter A–Z"))
                continue
            }
            crosswalk.groups[letter] = entry(v, path: "groups.\(k)", defaultName: k)
        }
        for (k, v) in members("codes") {
            guard let c = clean(k), c.utf8.count == 3 else {
                diagnostics.append(
                    .error(file, .field("codes.\(k)"), "a finer code is a letter and two digits, like B70"))
                continue
            }
            crosswalk.codes[c] = entry(v, path: "codes.\(k)", defaultName: c)
        }
        for (k, v) in members("name_words") {
            let phrase = words(k).joined(separator: " ")
            guard !phrase.isEmpty else { continue }
            crosswalk.nameWords[phrase] = entry(v, path: "name_words.\(k)", defaultName: k)
        }
        if crosswalk.groups.isEmpty {
            diagnostics.append(.error(file, .field("groups"), "the crosswalk has no major groups"))
        }
        return (crosswalk, diagnostics)
    }
}
