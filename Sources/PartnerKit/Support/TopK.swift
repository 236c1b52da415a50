/// Keeps the best `capacity` elements seen, by `isBetter`, in a binary heap whose root is the
/// worst kept element.
///
/// - Complexity: O(log k) per `insert`, O(k log k) for `sortedBestFirst`; O(k) memory.
/// Used by scoring (the top N candidates), link prediction and introductions.
public struct TopK<Element> {
    public let capacity: Int
    let isBetter: (Element, Element) -> Bool
    private(set) var heap: [Element] = []

    public init(capacity: Int, isBetter: @escaping (Element, Element) -> Bool) {
        self.capacity = max(0, capacity)
        self.isBetter = isBetter
        heap.reserveCapacity(min(self.capacity, 1 << 16))
    }

    /// `before(a, b)`: a ranks strictly ahead of b.
    public init(_ k: Int, by before: @escaping (Element, Element) -> Bool) {
        self.init(capacity: k, isBetter: before)
    }

    public var k: Int { capacity }
    public var count: Int { heap.count }
    var isFull: Bool { heap.count >= capacity }
    /// The worst element kept (the first to go).
    var worst: Element? { heap.first }

    /// Would `e` be kept?
    func admits(_ e: Element) -> Bool {
        guard capacity > 0 else { return false }
        guard isFull, let w = heap.first else { return true }
        return isBetter(e, w)
    }

    public mutating func insert(_ e: Element) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(e)
            siftUp(heap.count - 1)
        } else if let w = heap.first, isBetter(e, w) {
            heap[0] = e
            siftDown(0)
        }
    }

    /// The kept elements, best first.
    public func sortedBestFirst() -> [Element] { heap.sorted(by: isBetter) }

    /// The kept elements, best first (the same as `sortedBestFirst`).
    public func sorted() -> [Element] { sortedBestFirst() }

    // The root is the worst: a parent is never better than its children.
    private mutating func siftUp(_ i0: Int) {
        var i = i0
        while i > 0 {
            let p = (i - 1) / 2
            guard isBetter(heap[p], heap[i]) else { return }
            heap.swapAt(p, i)
            i = p
        }
    }

    private mutating func siftDown(_ i0: Int) {
        var i = i0
        let n = heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n, isBetter(heap[m], heap[l]) { m = l }
            if r < n, isBetter(heap[m], heap[r]) { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}

/// A plain binary max-heap (by `isHigher`). - Complexity: O(log n) push and pop.
struct MaxHeap<Element> {
    let isHigher: (Element, Element) -> Bool
    private var items: [Element] = []
    init(isHigher: @escaping (Element, Element) -> Bool) { self.isHigher = isHigher }
    var isEmpty: Bool { items.isEmpty }
    mutating func push(_ e: Element) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard isHigher(items[i], items[p]) else { break }
            items.swapAt(i, p)
            i = p
        }
    }
    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        let n = items.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n, isHigher(items[l], items[m]) { m = l }
            if r < n, isHigher(items[r], items[m]) { m = r }
            if m == i { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }
}
