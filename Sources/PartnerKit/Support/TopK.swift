/// A binary heap whose root is its highest element by `isHigher`: the package's one heap. It
/// is the priority queue of Yen's K shortest paths and, bounded, the store of `TopK`.
///
/// - Complexity: O(log n) `push`, `pop` and `replaceTop`; O(1) `top`.
struct MaxHeap<Element> {
    let isHigher: (Element, Element) -> Bool
    /// The elements in heap order: a parent is never lower than its children.
    private(set) var items: [Element] = []

    init(isHigher: @escaping (Element, Element) -> Bool) { self.isHigher = isHigher }

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    /// The highest element.
    var top: Element? { items.first }

    mutating func reserveCapacity(_ n: Int) { items.reserveCapacity(n) }

    mutating func push(_ e: Element) {
        items.append(e)
        siftUp(items.count - 1)
    }

    /// Removes and returns the highest element.
    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        siftDown(0)
        return top
    }

    /// Replaces the highest element by `e` (a push when empty): one sift instead of a pop and a push.
    mutating func replaceTop(_ e: Element) {
        guard !items.isEmpty else { return push(e) }
        items[0] = e
        siftDown(0)
    }

    private mutating func siftUp(_ i0: Int) {
        var i = i0
        while i > 0 {
            let p = (i - 1) / 2
            guard isHigher(items[i], items[p]) else { return }
            items.swapAt(i, p)
            i = p
        }
    }

    private mutating func siftDown(_ i0: Int) {
        var i = i0
        let n = items.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n, isHigher(items[l], items[m]) { m = l }
            if r < n, isHigher(items[r], items[m]) { m = r }
            if m == i { return }
            items.swapAt(i, m)
            i = m
        }
    }
}

/// Keeps the best `capacity` elements seen, by `isBetter`: a `MaxHeap` ordered worst-first, so
/// its root is the first to go.
///
/// - Complexity: O(log k) per `insert`, O(k log k) for `sortedBestFirst`; O(k) memory.
/// Used by scoring (the top N candidates), link prediction and introductions.
public struct TopK<Element> {
    public let capacity: Int
    let isBetter: (Element, Element) -> Bool
    private var store: MaxHeap<Element>

    public init(capacity: Int, isBetter: @escaping (Element, Element) -> Bool) {
        self.capacity = max(0, capacity)
        self.isBetter = isBetter
        store = MaxHeap { isBetter($1, $0) }
        store.reserveCapacity(min(self.capacity, 1 << 16))
    }

    /// `before(a, b)`: a ranks strictly ahead of b.
    public init(_ k: Int, by before: @escaping (Element, Element) -> Bool) {
        self.init(capacity: k, isBetter: before)
    }

    public var k: Int { capacity }
    public var count: Int { store.count }
    /// The kept elements in heap order (worst at the root), for merging partial results.
    var heap: [Element] { store.items }
    var isFull: Bool { store.count >= capacity }
    /// The worst element kept (the first to go).
    var worst: Element? { store.top }

    /// Would `e` be kept?
    func admits(_ e: Element) -> Bool {
        guard capacity > 0 else { return false }
        guard isFull, let w = store.top else { return true }
        return isBetter(e, w)
    }

    public mutating func insert(_ e: Element) {
        guard capacity > 0 else { return }
        if store.count < capacity {
            store.push(e)
        } else if let w = store.top, isBetter(e, w) {
            store.replaceTop(e)
        }
    }

    /// The kept elements, best first.
    public func sortedBestFirst() -> [Element] { store.items.sorted(by: isBetter) }

    /// The kept elements, best first (the same as `sortedBestFirst`).
    public func sorted() -> [Element] { sortedBestFirst() }
}
