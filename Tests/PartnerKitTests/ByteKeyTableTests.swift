import PartnerKitSynthetic
import Testing

@testable import PartnerKit

/// The tag-spelling cache: every key inserted is found with its value under its own slot and
/// nowhere else, across growth, for keys that share prefixes, differ only in the padding of
/// their last word, or only in slot.
@Suite struct ByteKeyTableTests {
    @Test func findsExactlyWhatWasInserted() {
        var rng = SeededGenerator(seed: 7)
        var table = ByteKeyTable()
        var model: [[UInt8]: Int] = [:]
        for n in 0..<600 {
            let length = rng.below(21)
            var key = (0..<length).map { _ in UInt8(97 + rng.below(3)) }
            if n % 7 == 0 { key += [0] }  // a trailing zero byte must not equal the padding
            let slot = rng.below(5)
            let full = [UInt8(slot)] + key
            guard model[full] == nil else { continue }
            model[full] = n
            key.withUnsafeBufferPointer { table.insert(slot, $0, value: n) }
        }
        for (full, value) in model {
            let key = Array(full.dropFirst())
            let slot = Int(full[0])
            #expect(key.withUnsafeBufferPointer { table.find(slot, $0) } == value)
            let other = (slot + 1) % 5
            let expected = model[[UInt8(other)] + key]
            #expect(key.withUnsafeBufferPointer { table.find(other, $0) } == expected)
            let longer = key + [98]
            #expect(longer.withUnsafeBufferPointer { table.find(slot, $0) } == model[[UInt8(slot)] + longer])
        }
    }
}
