import PartnerKitSynthetic
import Testing

@testable import PartnerKit

/// The vector skip of the CSV reader against the plain definition: it stops at the first stop
/// byte inside a whole sixteen-byte step, or where the whole steps end, and has seen exactly the
/// bytes before that.
struct ByteLanesTests {
    @Test func skipStopsAtTheFirstStopByte() {
        var rng = SeededGenerator(seed: 41)
        // Mostly ordinary bytes, so that many steps pass before a stop.
        let ordinary: [UInt8] = [0x41, 0x61, 0x20, 0x7A, 0xC3, 0xA9, 0xFF, 0x3B, 0x7C]
        let special: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x00, 0x7C]
        for round in 0..<600 {
            let count = Int(rng.next() % 90)
            let bytes = (0..<count).map { _ in
                rng.next() % 12 == 0
                    ? special[Int(rng.next() % UInt64(special.count))]
                    : ordinary[Int(rng.next() % UInt64(ordinary.count))]
            }
            let quoted = round % 2 == 0
            let comma: UInt8 = round % 3 == 0 ? 0x7C : 0x2C
            let from = count == 0 ? 0 : Int(rng.next() % UInt64(count))
            let isStop: (UInt8) -> Bool = { b in
                b == 0x22 || b == 0x0A || b == 0x0D || b == 0 || (!quoted && b == comma)
            }
            let wholeSteps = from + (count - from) / 16 * 16
            let first = bytes.indices.first { $0 >= from && isStop(bytes[$0]) }
            let expected = first.map { $0 < wholeSteps ? $0 : wholeSteps } ?? wholeSteps
            let lanes = ByteLanes(quote: 0x22, comma: comma)
            var seen = ByteLanes.Lanes(repeating: 0)
            let got = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return from }
                return lanes.skip(base, from: from, count: count, quoted: quoted, seen: &seen)
            }
            #expect(got == expected, "round \(round)")
            let union = bytes[from..<max(from, expected)].reduce(UInt8(0)) { $0 | $1 }
            #expect(ByteLanes.union(seen) == union, "round \(round)")
        }
    }
}
