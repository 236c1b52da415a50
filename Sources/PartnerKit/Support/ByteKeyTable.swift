/// An open-addressing table from (slot, bytes) to an integer, comparing bytes exactly: the
/// cache of tag spellings already seen, looked up without building a `String`.
struct ByteKeyTable {
    private var keys: [UInt8] = []
    /// Per entry: start in `keys`, length, slot, value.
    private var entries: [(start: Int, count: Int, slot: Int, value: Int)] = []
    private var buckets = [Int32](repeating: -1, count: 64)

    private static func hash(_ slot: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(slot)
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    func find(_ slot: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = buckets.count - 1
        var i = Self.hash(slot, b) & mask
        while true {
            let e = Int(buckets[i])
            if e < 0 { return nil }
            let entry = entries[e]
            if entry.slot == slot, entry.count == b.count {
                var same = true
                for j in 0..<b.count where keys[entry.start + j] != b[j] {
                    same = false
                    break
                }
                if same { return entry.value }
            }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ slot: Int, _ b: UnsafeBufferPointer<UInt8>, value: Int) {
        if (entries.count + 1) * 2 > buckets.count {
            buckets = [Int32](repeating: -1, count: buckets.count * 2)
            let old = entries
            entries = []
            let oldKeys = keys
            keys = []
            for e in old {
                oldKeys.withUnsafeBufferPointer { k in
                    insert(
                        e.slot, UnsafeBufferPointer(rebasing: k[e.start..<(e.start + e.count)]),
                        value: e.value)
                }
            }
        }
        let mask = buckets.count - 1
        var i = Self.hash(slot, b) & mask
        while buckets[i] >= 0 { i = (i + 1) & mask }
        buckets[i] = Int32(entries.count)
        entries.append((keys.count, b.count, slot, value))
        keys.append(contentsOf: b)
    }
}
