/// Sixteen bytes at a time past the bytes a CSV field never stops at: the reader's fast path
/// over long missions and tag lists. A step compares one vector of bytes with each stop byte
/// at once, and the first stop's lane comes from the matches read as two words.
struct ByteLanes {
    typealias Lanes = SIMD16<UInt8>

    // Stored, not static: a static would be a lazy global, checked on every step.
    private let quote: Lanes
    private let comma: Lanes
    private let lineFeed = Lanes(repeating: 0x0A)
    private let carriageReturn = Lanes(repeating: 0x0D)
    private let nul = Lanes(repeating: 0)

    init(quote: UInt8, comma: UInt8) {
        self.quote = Lanes(repeating: quote)
        self.comma = Lanes(repeating: comma)
    }

    /// The offset of the first stop at or after `i` (a quote, LF, CR or NUL, and outside quotes
    /// the delimiter too) found in whole steps of sixteen bytes before `count`; when fewer than
    /// sixteen bytes are left, where the last step ended. Every byte passed over is ORed into
    /// `seen`.
    @inline(__always)
    func skip(_ raw: UnsafeRawPointer, from i: Int, count: Int, quoted: Bool, seen: inout Lanes) -> Int {
        var i = i
        while i + 16 <= count {
            let v = raw.loadUnaligned(fromByteOffset: i, as: Lanes.self)
            var stop = (v .== quote) .| (v .== lineFeed) .| (v .== carriageReturn) .| (v .== nul)
            if !quoted { stop = stop .| (v .== comma) }
            // The stop lanes as 0xFF bytes, read as two words: the first set byte is the stop.
            let matched = Lanes(repeating: 0).replacing(with: 0xFF, where: stop)
            let words = unsafeBitCast(matched, to: SIMD2<UInt64>.self)
            if words[0] | words[1] != 0 {
                let k = Self.firstSetByte(words)
                let before = laneIndex .< Lanes(repeating: UInt8(k))
                seen |= Lanes(repeating: 0).replacing(with: v, where: before)
                return i + k
            }
            seen |= v
            i += 16
        }
        return i
    }

    private let laneIndex = Lanes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)

    /// The lane (0–15) of the first nonzero byte of sixteen bytes read as two words.
    @inline(__always)
    static func firstSetByte(_ words: SIMD2<UInt64>) -> Int {
        #if _endian(little)
            words[0] != 0 ? words[0].trailingZeroBitCount >> 3 : 8 + (words[1].trailingZeroBitCount >> 3)
        #else
            words[0] != 0 ? words[0].leadingZeroBitCount >> 3 : 8 + (words[1].leadingZeroBitCount >> 3)
        #endif
    }

    /// The OR of every lane.
    static func union(_ lanes: Lanes) -> UInt8 {
        var u: UInt8 = 0
        for k in 0..<Lanes.scalarCount { u |= lanes[k] }
        return u
    }
}
