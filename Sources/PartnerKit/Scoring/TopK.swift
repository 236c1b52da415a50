/// Keeps the `k` best elements seen, by a strict "ranks before" order, in a binary heap whose
/// root is the worst of those kept — so each new element costs one comparison when it does not
/// qualify, and O(log k) when it does.
///
/// - Complexity: O(n log k) for n insertions, O(k) memory; `sorted()` is O(k log k).
public struct TopK<Element> {
    public let k: Int
    private var heap: [Element] = []
    private let before: (Element, Element) -> Bool

    /// `before(a, b)`: a ranks strictly ahead of b.
    public init(_ k: Int, by before: @escaping (Element, Element) -> Bool) {
        self.k = max(0, k)
        self.before = before
        heap.reserveCapacity(min(self.k, 1 << 16))
    }

    public var count: Int { heap.count }

    public mutating func insert(_ e: Element) {
        guard k > 0 else { return }
        if heap.count < k {
            heap.append(e)
            siftUp(heap.count - 1)
        } else if let worst = heap.first, before(e, worst) {
            heap[0] = e
            siftDown(0)
        }
    }

    /// The kept elements, best first.
    public func sorted() -> [Element] { heap.sorted(by: before) }

    // The root is the element that ranks last: a "max-heap" on rank position.
    private func worse(_ a: Element, _ b: Element) -> Bool { before(b, a) }

    private mutating func siftUp(_ i0: Int) {
        var i = i0
        while i > 0 {
            let p = (i - 1) / 2
            guard worse(heap[i], heap[p]) else { return }
            heap.swapAt(i, p)
            i = p
        }
    }

    private mutating func siftDown(_ i0: Int) {
        var i = i0
        let n = heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n && worse(heap[l], heap[m]) { m = l }
            if r < n && worse(heap[r], heap[m]) { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}
