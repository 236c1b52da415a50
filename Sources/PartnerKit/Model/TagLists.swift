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
