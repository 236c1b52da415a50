import Foundation

/// An open-addressing table from (slot, bytes) to an integer, comparing bytes exactly: the
/// cache of tag spellings already seen, looked up without building a `String`.
struct ByteKeyTable {
    private var keys: [UInt8] = []
    /// Per entry: start in `keys`, length, slot, value, and the key's hash (compared before
    /// the bytes, so a probe past another key costs no byte comparison).
    private var entries: [(start: Int, count: Int, slot: Int, value: Int, hash: Int)] = []
    private var buckets = [Int32](repeating: -1, count: 64)

    /// Eight bytes at a time (the last word zero-padded), mixed with the slot and length.
    static func hash(_ slot: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: slot) ^ (UInt64(b.count) << 32)
        let n = b.count
        var i = 0
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 31
                i += 8
            }
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(b[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    func find(_ slot: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = Self.hash(slot, b)
        return buckets.withUnsafeBufferPointer { buckets in
            entries.withUnsafeBufferPointer { entries in
                keys.withUnsafeBufferPointer { keys in
                    let mask = buckets.count - 1
                    var i = h & mask
                    while true {
                        let e = Int(buckets[i])
                        if e < 0 { return nil }
                        let entry = entries[e]
                        if entry.hash == h, entry.count == b.count, entry.slot == slot,
                            Self.same(keys, entry.start, b)
                        {
                            return entry.value
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether `keys[start...]` begins with the bytes of `b`.
    private static func same(
        _ keys: UnsafeBufferPointer<UInt8>, _ start: Int, _ b: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard start >= 0, start + b.count <= keys.count else { return false }
        guard let k = keys.baseAddress, let p = b.baseAddress else { return b.isEmpty }
        return memcmp(k + start, p, b.count) == 0
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
        let h = Self.hash(slot, b)
        let mask = buckets.count - 1
        var i = h & mask
        while buckets[i] >= 0 { i = (i + 1) & mask }
        buckets[i] = Int32(entries.count)
        entries.append((keys.count, b.count, slot, value, h))
        keys.append(contentsOf: b)
    }
}
