import Foundation

/// PartnerKit's own word tokenizer for mission statements, working on UTF-8 bytes so that the
/// scoring loop never builds a `String` per organization.
///
/// A token is a run of ASCII letters and digits or non-ASCII bytes (letters of other scripts);
/// everything else separates, including the General Punctuation block (U+2000–U+206F: dashes,
/// curly quotes), so `children’s` gives `children`. ASCII is case-folded. A light suffix rule,
/// applied identically to the priorities and to the missions, lets `careers`/`career` and
/// `training`/`trains` meet: drop `'s`; `-ies` → `-y`; drop `-ing` or `-ed` (words of 5+
/// letters); drop a final `-s` (not `-ss`, words of 4+ letters).
public enum MissionTokenizer {
    /// Words too common in mission statements to say anything about a match.
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of",
        "on", "or", "our", "that", "the", "their", "this", "to", "we", "with", "who", "all", "through",
        "help",
        "support", "serve", "community", "people", "provide", "across", "so", "can", "more", "every",
    ]

    /// Calls `body(start, end, appendY)` for each token of `bytes`, after suffix stripping:
    /// the token is `bytes[start..<end]` case-folded, followed by `y` when `appendY`.
    ///
    /// - Complexity: O(bytes), no allocation.
    @inlinable
    public static func forEachToken(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int, _ appendY: Bool) -> Void
    ) {
        let n = bytes.count
        var i = 0
        while i < n {
            // Skip separators.
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if isASCIIWordByte(b) { break }
                    i += 1
                    continue
                }
                if b == 0xE2, i + 1 < n, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
                    i += 3
                    continue
                }
                break
            }
            guard i < n else { return }
            let start = i
            // Keep "'s" handling simple: an apostrophe ends the word and "s" after it is
            // skipped as a separate one-letter token below.
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if !isASCIIWordByte(b) { break }
                } else if b == 0xE2, i + 1 < n, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
                    break
                }
                i += 1
            }
            var end = i
            var appendY = false
            let len = end - start
            @inline(__always) func lower(_ k: Int) -> UInt8 {
                let b = bytes[k]
                return b >= 65 && b <= 90 ? b | 0x20 : b
            }
            if len >= 4, lower(end - 3) == 0x69, lower(end - 2) == 0x65, lower(end - 1) == 0x73 {  // ies
                end -= 3
                appendY = true
            } else if len >= 5, lower(end - 3) == 0x69, lower(end - 2) == 0x6E, lower(end - 1) == 0x67 {
                end -= 3  // ing
            } else if len >= 5, lower(end - 2) == 0x65, lower(end - 1) == 0x64 {  // ed
                end -= 2
            } else if len >= 4, lower(end - 1) == 0x73, lower(end - 2) != 0x73 {  // s, not ss
                end -= 1
            }
            if len > 1 { body(start, end, appendY) }
        }
    }

    @inlinable @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || isASCIIWordByte(b) }

    /// An ASCII letter or digit (`b` < 0x80), by one shift of a bit set: digits are bits 48–57
    /// of the low word (bytes 0–63); letters bits 1–26 and 33–58 of the high word (64–127).
    @inlinable @inline(__always)
    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        let set: UInt64 = b < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_07FF_FFFE
        return (set >> UInt64(b & 63)) & 1 != 0
    }

    /// The tokens of a text as strings (for building queries and for tests).
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { mbuf in
            let buf = UnsafeBufferPointer(mbuf)
            forEachToken(buf) { s, e, y in
                var t = [UInt8]()
                t.reserveCapacity(e - s + 1)
                for k in s..<e {
                    let b = buf[k]
                    t.append(b >= 65 && b <= 90 ? b | 0x20 : b)
                }
                if y { t.append(UInt8(ascii: "y")) }
                out.append(String(decoding: t, as: UTF8.self))
            }
        }
        return out
    }
}

/// The words of the library's priorities (labels and topic names), looked up in mission text
/// with TF-IDF weights.
///
/// Each priority contributes the stemmed, non-stop words of its label and topics; at most 64
/// distinct terms are kept (heaviest priorities first) so that a mission's matches fit in one
/// `UInt64` bit mask. Lookup is an open-addressing table keyed by a hash of the case-folded
/// token's first sixteen bytes packed in two words, compared as those words (and the rest byte
/// for byte, for a longer term) on a hit.
public struct MissionQuery: Sendable {
    public static let maxTerms = 64

    /// Stemmed terms.
    public private(set) var terms: [String] = []
    /// A word as written in the priority that produced each term, for reasons.
    public private(set) var display: [String] = []
    /// For each priority (in `LibraryProfile.priorities` order), the mask of its terms.
    public private(set) var priorityMasks: [UInt64] = []

    private var termBytes: [[UInt8]] = []
    /// Each term's first sixteen bytes as two little-endian words (zero above its end) and its
    /// length: a token is packed the same way and compared in two word comparisons.
    private var termLo: [UInt64] = []
    private var termHi: [UInt64] = []
    private var termLength: [Int] = []
    private var slots: [Int32] = []
    private var slotMask = 0
    /// Bit b set when some term starts with byte b (case-folded), and the term lengths: most
    /// tokens of a mission fail these checks and are never hashed.
    private var firstBytes = SIMD4<UInt64>(repeating: 0)
    private var shortestTerm = Int.max
    private var longestTerm = 0

    public init(library: LibraryProfile, tags: TagTable) {
        var termIndex: [String: Int] = [:]
        priorityMasks = Array(repeating: 0, count: library.priorities.count)
        let order = library.priorities.indices.sorted {
            let a = library.priorities[$0], b = library.priorities[$1]
            return a.weight != b.weight ? a.weight > b.weight : $0 < $1
        }
        for p in order {
            let priority = library.priorities[p]
            var words = priority.label.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(
                String.init)
            for t in priority.topics { words += tags.name(t).split(separator: "-").map(String.init) }
            for word in words {
                for term in MissionTokenizer.tokens(word) where !MissionTokenizer.stopWords.contains(term) {
                    var idx = termIndex[term]
                    if idx == nil, terms.count < Self.maxTerms {
                        idx = terms.count
                        termIndex[term] = terms.count
                        terms.append(term)
                        display.append(word.lowercased())
                    }
                    if let idx { priorityMasks[p] |= 1 << UInt64(idx) }
                }
            }
        }
        termBytes = terms.map { Array($0.utf8) }
        var size = 16
        while size < terms.count * 4 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        slotMask = size - 1
        for t in termBytes {
            if let f = t.first { firstBytes[Int(f >> 6)] |= 1 << UInt64(f & 63) }
            shortestTerm = Swift.min(shortestTerm, t.count)
            longestTerm = Swift.max(longestTerm, t.count)
        }
        for (i, t) in termBytes.enumerated() {
            let (lo, hi) = t.withUnsafeBufferPointer { b in
                (
                    Self.packed(b, from: 0, count: Swift.min(b.count, 8)),
                    b.count > 8 ? Self.packed(b, from: 8, count: Swift.min(b.count - 8, 8)) : 0
                )
            }
            termLo.append(lo)
            termHi.append(hi)
            termLength.append(t.count)
            var h = Self.slot(lo, hi, t.count)
            while slots[h & slotMask] >= 0 { h &+= 1 }
            slots[h & slotMask] = Int32(i)
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The mask of query terms present in `text`.
    ///
    /// - Complexity: O(bytes of text); no allocation for native strings.
    public func matches(_ text: String) -> UInt64 {
        guard !terms.isEmpty else { return 0 }
        var text = text
        return text.withUTF8 { matches($0) }
    }

    func matches(_ buf: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var mask: UInt64 = 0
        let shortest = shortestTerm, longest = longestTerm, first = firstBytes
        // The closure only filters (small enough to be inlined into the tokenizer's loop); the
        // few tokens that pass are looked up out of line.
        MissionTokenizer.forEachToken(buf) { s, e, y in
            let len = e - s + (y ? 1 : 0)
            guard len >= shortest, len <= longest else { return }
            let f0 = buf[s] >= 65 && buf[s] <= 90 ? buf[s] | 0x20 : buf[s]
            guard first[Int(f0 >> 6)] & (1 << UInt64(f0 & 63)) != 0 else { return }
            mask |= lookup(buf, s, e, y)
        }
        return mask
    }

    /// The bit of the term `buf[s..<e]` (case-folded, then `y` when `y`) is, or 0.
    @inline(never)
    private func lookup(_ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ y: Bool) -> UInt64 {
        let m = e - s
        let len = m + (y ? 1 : 0)
        // The token's first sixteen bytes, case-folded, with the `y` of `-ies` → `-y`.
        var lo = Self.packed(buf, from: s, count: Swift.min(m, 8))
        var hi = m > 8 ? Self.packed(buf, from: s + 8, count: Swift.min(m - 8, 8)) : 0
        if y && m < 16 {
            if m < 8 { lo |= 0x79 << UInt64(8 * m) } else { hi |= 0x79 << UInt64(8 * (m - 8)) }
        }
        var slot = Self.slot(lo, hi, len)
        while true {
            let t = slots[slot & slotMask]
            if t < 0 { return 0 }
            let k = Int(t)
            if termLo[k] == lo && termHi[k] == hi && termLength[k] == len
                && (len <= 16 || sameTail(buf, s, e, y, termBytes[k]))
            {
                return 1 << UInt64(t)
            }
            slot &+= 1
        }
    }

    /// Up to eight bytes of `buf` from `from`, ASCII case-folded, little-endian, zero above.
    @inline(__always)
    static func packed(_ buf: UnsafeBufferPointer<UInt8>, from: Int, count: Int) -> UInt64 {
        guard count > 0 else { return 0 }
        var w: UInt64 = 0
        if from + 8 <= buf.count, let base = buf.baseAddress {
            w = UInt64(
                littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: from, as: UInt64.self))
        } else {
            for k in 0..<count { w |= UInt64(buf[from + k]) << UInt64(8 * k) }
        }
        // A token's ASCII bytes are letters and digits: setting 0x20 folds A–Z and keeps the
        // rest (digits have it); bytes of 0x80 and above are left alone.
        w |= (~w & 0x8080_8080_8080_8080) >> 2
        return count == 8 ? w : w & ((1 << UInt64(8 * count)) - 1)
    }

    @inline(__always)
    static func slot(_ lo: UInt64, _ hi: UInt64, _ len: Int) -> Int {
        let h = (lo ^ (hi &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(len)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: h >> 29)
    }

    /// Whether a token longer than sixteen bytes ends as `term` does after its first sixteen.
    private func sameTail(_ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ y: Bool, _ term: [UInt8])
        -> Bool
    {
        var j = 16
        for k in (s + 16)..<Swift.max(s + 16, e) {
            let b = buf[k]
            if (b >= 65 && b <= 90 ? b | 0x20 : b) != term[j] { return false }
            j += 1
        }
        // A `y` at index 16 is in the packed bytes' length but not in them.
        return !y || term[term.count - 1] == UInt8(ascii: "y")
    }

    /// Smoothed inverse document frequency, as scikit-learn's `TfidfVectorizer` computes it:
    /// idf(t) = ln((1 + N) / (1 + df(t))) + 1, so a word in every mission still counts a little.
    public static func idf(documents: Int, frequency: Int) -> Double {
        log(Double(1 + documents) / Double(1 + frequency)) + 1
    }
}
