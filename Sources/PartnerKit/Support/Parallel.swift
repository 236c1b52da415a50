import Dispatch

/// A buffer that parallel chunks write to at disjoint indices. `@unchecked Sendable` is sound
/// only under that rule: every index is written by exactly one iteration, and the buffer is
/// read only after `concurrentPerform` has returned (which is a full barrier).
struct DisjointWrites<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    @inline(__always) func write(_ i: Int, _ value: Element) { base[i] = value }
}

/// Runs `body(chunk)` for each chunk concurrently on the cores Dispatch offers, collecting each
/// chunk's result in chunk order (so the outcome never depends on thread timing).
///
/// - Complexity: the sum of the chunks' work divided over the cores, plus O(chunks).
func parallelMap<R>(_ chunks: [Range<Int>], _ body: @Sendable (Range<Int>) -> R) -> [R] {
    guard chunks.count > 1 else { return chunks.map(body) }
    var results = [R?](repeating: nil, count: chunks.count)
    results.withUnsafeMutableBufferPointer { buf in
        let out = DisjointWrites(base: buf)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            out.write(c, body(chunks[c]))
        }
    }
    return results.compactMap { $0 }
}
