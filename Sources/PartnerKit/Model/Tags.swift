/// Tags are the shared language of profiles: values, audiences, topics, assets (what an
/// organization offers or needs) and flags (practices matched against dealbreakers).
///
/// A tag as written (`"Job Seekers "`) is normalised (`job-seekers`), mapped through the
/// vocabulary's synonyms to its canonical form, and interned to a small integer so that the
/// engines compare sorted integer arrays, never strings.
public enum TagCategory: String, Sendable, CaseIterable, Hashable {
    case values, audiences, topics, assets, flags
}

public enum Tag {
    /// Case-folds, trims, and turns runs of white space and underscores into one hyphen:
    /// `"  Job  Seekers"` → `job-seekers`.
    public static func normalize(_ raw: some StringProtocol) -> String {
        if let ascii = normalizeASCII(raw.utf8) { return ascii }
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        var pendingHyphen = false
        for ch in raw.lowercased() {
            if ch.isWhitespace || ch == "_" || ch == "-" {
                pendingHyphen = !out.isEmpty
                continue
            }
            if pendingHyphen {
                out.append("-")
                pendingHyphen = false
            }
            out.append(ch)
        }
        return out
    }
}

extension Tag {
    /// The same as `normalize` for pure-ASCII text, on bytes (no `Character` work): the
    /// common case in real spreadsheets. Nil when the text has any non-ASCII byte.
    static func normalizeASCII(_ u: some Collection<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var pendingHyphen = false
        for c in u {
            if c >= 0x80 { return nil }
            switch c {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, UInt8(ascii: "_"), UInt8(ascii: "-"):
                pendingHyphen = !out.isEmpty
            default:
                if pendingHyphen {
                    out.append(UInt8(ascii: "-"))
                    pendingHyphen = false
                }
                out.append(c >= 65 && c <= 90 ? c + 32 : c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One canonical tag of the vocabulary.
public struct VocabularyTerm: Sendable, Hashable {
    public var tag: String
    public var label: String
    public var synonyms: [String]
    public init(tag: String, label: String? = nil, synonyms: [String] = []) {
        self.tag = tag
        self.label = label ?? tag
        self.synonyms = synonyms
    }
}

/// The known tags of each category with their synonyms (`Data/vocabulary.json`, or a
/// workspace's own `vocabulary.json`).
public struct Vocabulary: Sendable {
    public private(set) var terms: [TagCategory: [VocabularyTerm]] = [:]
    /// normalised spelling (canonical or synonym) → canonical, per category.
    private var canonicalOf: [TagCategory: [String: String]] = [:]

    public init(terms: [TagCategory: [VocabularyTerm]] = [:]) {
        for (category, list) in terms {
            for term in list { add(term, to: category) }
        }
    }

    public mutating func add(_ term: VocabularyTerm, to category: TagCategory) {
        let canonical = Tag.normalize(term.tag)
        var t = term
        t.tag = canonical
        terms[category, default: []].append(t)
        canonicalOf[category, default: [:]][canonical] = canonical
        for s in term.synonyms {
            canonicalOf[category, default: [:]][Tag.normalize(s)] = canonical
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The canonical tag for a normalised spelling, or nil when the vocabulary does not know it.
    public func canonical(_ normalized: String, in category: TagCategory) -> String? {
        canonicalOf[category]?[normalized]
    }

    public func label(of tag: String, in category: TagCategory) -> String? {
        terms[category]?.first { $0.tag == tag }?.label
    }

    /// The closest known spelling within a small edit distance, for "did you mean".
    public func suggestion(for normalized: String, in category: TagCategory) -> String? {
        guard let known = canonicalOf[category] else { return nil }
        let limit = max(2, normalized.count / 4)
        var best: (distance: Int, spelling: String, canonical: String)?
        for (spelling, canonical) in known {
            let d = editDistance(normalized, spelling, limit: limit)
            guard d <= limit else { continue }
            if let b = best, b.distance < d || (b.distance == d && b.spelling <= spelling) { continue }
            best = (d, spelling, canonical)
        }
        return best?.canonical
    }
}

/// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
/// The candidate closest to `s` within `maxDistance` edits (default: 2, or a quarter of
/// the length of `s` when longer), ties broken by the smaller string, or nil: the one "did
/// you mean" search behind every suggestion (ids, tags, columns, keys, commands, options).
///
/// - Complexity: O(candidates · |s| · maxDistance) at worst; most candidates stop early.
public func nearest(_ s: String, in candidates: some Sequence<String>, maxDistance: Int? = nil) -> String? {
    let limit = maxDistance ?? max(2, s.count / 4)
    var best: (distance: Int, candidate: String)?
    for c in candidates {
        let d = editDistance(s, c, limit: limit)
        guard d <= limit else { continue }
        if let b = best, b.distance < d || (b.distance == d && b.candidate <= c) { continue }
        best = (d, c)
    }
    return best?.candidate
}

public func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if abs(x.count - y.count) > limit { return limit &+ 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var prev = Array(0...y.count)
    var cur = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        cur[0] = i
        var rowMin = cur[0]
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            rowMin = min(rowMin, cur[j])
        }
        if rowMin > limit { return limit &+ 1 }
        swap(&prev, &cur)
    }
    return prev[y.count]
}

/// Interns tag strings to dense integer ids. One table per workspace; ids are stable for the
/// life of the table and meaningless outside it.
public struct TagTable: Sendable {
    public private(set) var names: [String] = []
    private var ids: [String: UInt32] = [:]

    public init() {}

    public mutating func intern(_ tag: String) -> UInt32 {
        if let id = ids[tag] { return id }
        let id = UInt32(names.count)
        names.append(tag)
        ids[tag] = id
        return id
    }

    public func id(_ tag: String) -> UInt32? { ids[tag] }
    public func name(_ id: UInt32) -> String { Int(id) < names.count ? names[Int(id)] : "#\(id)" }
    public var count: Int { names.count }
}

/// Which list of an organization a tag belongs to.
public enum TagField: Int, Sendable, CaseIterable, Hashable {
    case topics, values, audiences, offers, needs, flags

    /// The CSV column.
    public var column: String {
        switch self {
        case .topics: "topics"
        case .values: "values"
        case .audiences: "audiences"
        case .offers: "offers"
        case .needs: "needs"
        case .flags: "flags"
        }
    }

    public var category: TagCategory {
        switch self {
        case .topics: .topics
        case .values: .values
        case .audiences: .audiences
        case .offers, .needs: .assets
        case .flags: .flags
        }
    }
}

/// An organization's six tag lists in one allocation: interned ids, each list sorted and
/// without repeats. `knownMask` records which lists were given (an empty cell is unknown, not
/// an empty list).
public struct TagLists: Sendable, Hashable {
    public private(set) var storage: [UInt32] = []
    private var ends = SIMD8<UInt16>(repeating: 0)
    /// Bit `field.rawValue` set when the column had a value.
    public private(set) var knownMask: UInt8 = 0

    public init() {}

    public init(_ lists: [TagField: [UInt32]], known: Set<TagField>? = nil) {
        var total = 0
        for f in TagField.allCases {
            var l = lists[f] ?? []
            l.sort()
            l = l.uniqued()
            storage.append(contentsOf: l)
            total += l.count
            ends[f.rawValue] = UInt16(clamping: total)
            if known?.contains(f) ?? !(lists[f]?.isEmpty ?? true) { knownMask |= 1 << UInt8(f.rawValue) }
        }
    }

    /// Builds from one sorted, duplicate-free list per field, in `TagField` order (the
    /// loader's fast path: no dictionary per row).
    public init(sortedFields lists: [[UInt32]], knownMask: UInt8) {
        var total = 0
        storage.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for f in TagField.allCases {
            let l = f.rawValue < lists.count ? lists[f.rawValue] : []
            storage.append(contentsOf: l)
            total += l.count
            ends[f.rawValue] = UInt16(clamping: total)
        }
        self.knownMask = knownMask
    }

    /// Lists already flattened: `storage` holds the six fields in `TagField` order, field f
    /// ending at `ends[f]`; each list sorted and without repeats.
    init(storage: [UInt32], ends: SIMD8<UInt16>, knownMask: UInt8) {
        self.storage = storage
        self.ends = ends
        self.knownMask = knownMask
    }

    /// Renumbers every id through `table` (old id → new id), keeping each list sorted.
    /// Used when lists were interned against a chunk-local table read in parallel.
    mutating func renumber(_ table: UnsafeBufferPointer<UInt32>) {
        var start = 0
        for f in 0..<TagField.allCases.count {
            let end = Int(ends[f])
            var sorted = true
            for k in start..<end {
                storage[k] = table[Int(storage[k])]
                if k > start && storage[k - 1] > storage[k] { sorted = false }
            }
            if !sorted { storage[start..<end].sort() }
            start = end
        }
    }

    /// Where field `field`'s list sits in `storage`.
    @inline(__always)
    public func bounds(_ field: TagField) -> Range<Int> {
        (field.rawValue == 0 ? 0 : Int(ends[field.rawValue - 1]))..<Int(ends[field.rawValue])
    }

    /// How many tags field `f` of `self` shares with field `g` of `other`, on raw buffers (no
    /// slices, no reference counting): the inner loop of pair fit.
    ///
    /// - Complexity: O(length of both lists).
    @inline(__always)
    public func sharedCount(_ f: TagField, with other: TagLists, _ g: TagField) -> Int {
        let ra = bounds(f), rb = other.bounds(g)
        if ra.isEmpty || rb.isEmpty { return 0 }
        return storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                var i = ra.lowerBound, j = rb.lowerBound, n = 0
                while i < ra.upperBound && j < rb.upperBound {
                    let x = a[i], y = b[j]
                    if x == y {
                        n += 1
                        i += 1
                        j += 1
                    } else if x < y {
                        i += 1
                    } else {
                        j += 1
                    }
                }
                return n
            }
        }
    }

    public subscript(field: TagField) -> ArraySlice<UInt32> {
        let start = field.rawValue == 0 ? 0 : Int(ends[field.rawValue - 1])
        let end = Int(ends[field.rawValue])
        return storage[start..<end]
    }

    public func isKnown(_ field: TagField) -> Bool { knownMask & (1 << UInt8(field.rawValue)) != 0 }
}

extension Array where Element: Equatable {
    /// Removes adjacent repeats (call on a sorted array).
    func uniqued() -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for e in self where out.last != e { out.append(e) }
        return out
    }
}

/// Counts of common elements of two sorted, repeat-free sequences. O(m + n).
@inlinable
public func sortedIntersectionCount<A: Collection, B: Collection>(_ a: A, _ b: B) -> Int
where A.Element == UInt32, B.Element == UInt32 {
    var i = a.startIndex, j = b.startIndex, n = 0
    while i != a.endIndex && j != b.endIndex {
        let x = a[i], y = b[j]
        if x == y {
            n += 1
            a.formIndex(after: &i)
            b.formIndex(after: &j)
        } else if x < y {
            a.formIndex(after: &i)
        } else {
            b.formIndex(after: &j)
        }
    }
    return n
}

/// The common elements of two sorted, repeat-free sequences. O(m + n).
public func sortedIntersection<A: Collection, B: Collection>(_ a: A, _ b: B) -> [UInt32]
where A.Element == UInt32, B.Element == UInt32 {
    var i = a.startIndex, j = b.startIndex
    var out: [UInt32] = []
    while i != a.endIndex && j != b.endIndex {
        let x = a[i], y = b[j]
        if x == y {
            out.append(x)
            a.formIndex(after: &i)
            b.formIndex(after: &j)
        } else if x < y {
            a.formIndex(after: &i)
        } else {
            b.formIndex(after: &j)
        }
    }
    return out
}

extension String {
    /// `smart_goals` → `smart goals`: a JSON key or check id as words.
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
