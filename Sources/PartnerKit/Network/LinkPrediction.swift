import Dispatch
import Foundation

/// The classic link-prediction scores of an unconnected pair, as networkx defines them
/// (`networkx/algorithms/link_prediction.py`); Liben-Nowell & Kleinberg (2007), Lü & Zhou (2011)
/// survey them. Γ(u) are the neighbours of u, k(w) the degree of w:
///
/// - common neighbours: |Γ(u) ∩ Γ(v)|
/// - Jaccard: |Γ(u) ∩ Γ(v)| / |Γ(u) ∪ Γ(v)|, 0 when the union is empty (networkx's convention)
/// - Adamic–Adar (Adamic & Adar 2003): Σ_{w ∈ Γ(u)∩Γ(v)} 1 / log k(w)
/// - resource allocation (Zhou, Lü & Zhang 2009): Σ_{w ∈ Γ(u)∩Γ(v)} 1 / k(w)
/// - preferential attachment (Barabási & Albert 1999): k(u) · k(v)
public enum LinkMeasure: String, Sendable, CaseIterable {
    case commonNeighbors = "common-neighbors"
    case jaccard
    case adamicAdar = "adamic-adar"
    case resourceAllocation = "resource-allocation"
    case preferentialAttachment = "preferential-attachment"
}

/// One scored unconnected pair. `a` and `b` are node indices with `ids[a] < ids[b]`.
public struct LinkScore: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var value: Double
}

extension RelationshipGraph {
    /// The order of link output: value descending, then a's id, then b's id ascending.
    func linkPrecedes(_ x: LinkScore, _ y: LinkScore) -> Bool {
        if x.value != y.value { return x.value > y.value }
        if x.a != y.a { return idPrecedes(x.a, y.a) }
        return idPrecedes(x.b, y.b)
    }

    /// A pair in output orientation (`ids[a] < ids[b]`).
    func orientedPair(_ u: Int, _ v: Int, _ value: Double) -> LinkScore {
        idPrecedes(u, v) ? LinkScore(a: u, b: v, value: value) : LinkScore(a: v, b: u, value: value)
    }

    /// The value of `measure` for one pair (tied or not). - Complexity: O(k(u) + k(v)).
    public func linkValue(_ measure: LinkMeasure, _ u: Int, _ v: Int) -> Double {
        if measure == .preferentialAttachment { return Double(degree(u) * degree(v)) }
        var cn = 0
        var aa = 0.0, ra = 0.0
        var i = offsets[u], j = offsets[v]
        let ie = offsets[u + 1], je = offsets[v + 1]
        while i < ie && j < je {
            let x = neighborStorage[i], y = neighborStorage[j]
            if x == y {
                if Int(x) != u && Int(x) != v {
                    cn += 1
                    let k = Double(degree(Int(x)))
                    aa += 1 / log(k)
                    ra += 1 / k
                }
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        switch measure {
        case .commonNeighbors: return Double(cn)
        case .adamicAdar: return aa
        case .resourceAllocation: return ra
        case .jaccard:
            // networkx: len(set(G[u]) | set(G[v])); u ∈ Γ(v) only when they are tied.
            let union = degree(u) + degree(v) - cn
            return union == 0 ? 0 : Double(cn) / Double(union)
        case .preferentialAttachment: return Double(degree(u) * degree(v))
        }
    }

    /// The top `top` unconnected pairs by `measure` (all unconnected pairs when `top` is nil),
    /// in output order: value descending, then `a`, then `b` ascending by id, `a < b`.
    ///
    /// The neighbourhood measures enumerate each node's two-hop pairs with a dense scratch
    /// accumulator (cost Σ_w k(w)², never n²), split over the cores with Dispatch, each worker
    /// keeping a bounded heap. Pairs with no common neighbour all score 0; they are listed only
    /// when fewer than `top` pairs score above 0, in id order (this fill is the only part that
    /// may cost up to n² and only as long as output is still wanted). Preferential attachment
    /// walks pairs in descending degree product with a frontier heap, never all pairs.
    ///
    /// - Complexity: O(Σ k(w)² + P log top) where P is the number of two-hop pairs;
    ///   O(n log n + R log n) for preferential attachment, R the pairs it must inspect.
    public func links(_ measure: LinkMeasure, top: Int?) -> [LinkScore] {
        let n = nodeCount
        guard n >= 2 else { return [] }
        if measure == .preferentialAttachment, let top { return preferentialAttachmentTop(top) }
        let capacity = top ?? Int.max
        if measure == .preferentialAttachment {
            return allUnconnectedPairs { u, v in Double(degree(u) * degree(v)) }
        }

        // Two-hop accumulation in parallel: worker t takes sources u ≡ t (mod workers).
        let workers = n < 2_000 ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let collector = LinkCollector()
        let graph = self
        DispatchQueue.concurrentPerform(iterations: workers) { t in
            var heap = TopK<LinkScore>(
                capacity: capacity == Int.max ? Int.max : capacity, isBetter: graph.linkPrecedes)
            var all: [LinkScore] = []
            var scratch = [Double](repeating: 0, count: n)
            var count = [Int32](repeating: 0, count: n)
            var touched: [Int] = []
            var u = t
            while u < n {
                graph.accumulateTwoHop(
                    from: u, measure: measure, onlyGreater: true, scratch: &scratch, count: &count,
                    touched: &touched)
                for v in touched {
                    let value: Double
                    if measure == .jaccard {
                        let cn = Int(count[v])
                        let union = graph.degree(u) + graph.degree(v) - cn
                        value = union == 0 ? 0 : Double(cn) / Double(union)
                    } else {
                        value = scratch[v]
                    }
                    scratch[v] = 0
                    count[v] = 0
                    let s = graph.orientedPair(u, v, value)
                    if top == nil { all.append(s) } else { heap.insert(s) }
                }
                touched.removeAll(keepingCapacity: true)
                u += workers
            }
            collector.add(top == nil ? all : heap.heap)
        }
        var result = collector.items
        result.sort(by: linkPrecedes)
        if let top, result.count > top { result.removeLast(result.count - top) }
        if top == nil {
            // Every other unconnected pair has no common neighbour: value 0.
            var seen = Set<Int>()
            for s in result { seen.insert(s.a * n + s.b) }
            let zeros = allUnconnectedPairs { _, _ in 0 }.filter { !seen.contains($0.a * n + $0.b) }
            result += zeros
        } else if let top, result.count < top {
            result += zeroPairs(limit: top - result.count)
        }
        return result
    }

    /// Adds into `scratch[v]` the contribution of every common neighbour w of `u` and each
    /// two-hop node v (v not tied to u, v ≠ u; only v > u when `onlyGreater`), counting common
    /// neighbours in `count` and listing each v once in `touched`.
    ///
    /// - Complexity: O(Σ_{w ∈ Γ(u)} k(w)).
    func accumulateTwoHop(
        from u: Int, measure: LinkMeasure, onlyGreater: Bool, scratch: inout [Double], count: inout [Int32],
        touched: inout [Int]
    ) {
        let uRow = neighbors(u)
        for w32 in uRow {
            let w = Int(w32)
            let k = Double(degree(w))
            let add: Double
            switch measure {
            case .adamicAdar: add = 1 / log(k)
            case .resourceAllocation: add = 1 / k
            default: add = 1
            }
            for v32 in neighbors(w) {
                let v = Int(v32)
                if v == u || (onlyGreater && v < u) { continue }
                if count[v] == 0 {
                    // First visit: skip nodes already tied to u (count stays 0 for them, so
                    // mark them with -1 to avoid repeating the search).
                    if slot(u, v) != nil {
                        count[v] = -1
                        touched.append(v)
                        continue
                    }
                    touched.append(v)
                } else if count[v] < 0 {
                    continue
                }
                count[v] += 1
                scratch[v] += add
            }
        }
        // Drop the tied nodes from `touched`, resetting their mark.
        var kept = 0
        for i in 0..<touched.count {
            let v = touched[i]
            if count[v] < 0 {
                count[v] = 0
            } else {
                touched[kept] = v
                kept += 1
            }
        }
        touched.removeLast(touched.count - kept)
    }

    /// Every unconnected pair with its value. - Complexity: O(n² + m). Tests and small graphs.
    func allUnconnectedPairs(_ value: (Int, Int) -> Double) -> [LinkScore] {
        var out: [LinkScore] = []
        let n = nodeCount
        var mark = [Bool](repeating: false, count: n)
        for u in 0..<n {
            for w in neighbors(u) { mark[Int(w)] = true }
            for v in (u + 1)..<max(u + 1, n) where !mark[v] { out.append(orientedPair(u, v, value(u, v))) }
            for w in neighbors(u) { mark[Int(w)] = false }
        }
        out.sort(by: linkPrecedes)
        return out
    }

    /// The first `limit` unconnected pairs without a common neighbour, in id order.
    /// - Complexity: O(pairs inspected · (k(a) + k(b))), stopping at `limit`.
    func zeroPairs(limit: Int) -> [LinkScore] {
        var out: [LinkScore] = []
        guard limit > 0 else { return out }
        let order = (0..<nodeCount).sorted(by: idPrecedes)
        for (i, a) in order.enumerated() {
            for b in order[(i + 1)...] {
                if areTied(a, b) || linkValue(.commonNeighbors, a, b) > 0 { continue }
                out.append(LinkScore(a: a, b: b, value: 0))
                if out.count == limit { return out }
            }
        }
        return out
    }

    /// Preferential attachment's top pairs without enumerating all pairs: nodes sorted by
    /// degree descending, each row i's pairs (i, j > i) have non-increasing products, so a heap
    /// holding the head of every row yields all pairs in descending product order. We pop
    /// until `top` unconnected pairs are found and the product drops below the last one's
    /// (so that ties are then ordered by id, exactly).
    ///
    /// - Complexity: O((n + R) log n), R the pairs popped (top, plus tied pairs skipped, plus
    ///   pairs sharing the last product).
    func preferentialAttachmentTop(_ top: Int) -> [LinkScore] {
        let n = nodeCount
        guard top > 0, n >= 2 else { return [] }
        let order = (0..<n).sorted {
            degree($0) != degree($1) ? degree($0) > degree($1) : idPrecedes($0, $1)
        }
        let deg = order.map { degree($0) }
        struct Head { var i: Int; var j: Int; var product: Int }
        var frontier = MaxHeap<Head> { $0.product > $1.product }
        for i in 0..<(n - 1) { frontier.push(Head(i: i, j: i + 1, product: deg[i] * deg[i + 1])) }
        var found: [LinkScore] = []
        var cutoff: Int?
        while let h = frontier.pop() {
            if let c = cutoff, h.product < c { break }
            let u = order[h.i], v = order[h.j]
            if !areTied(u, v) {
                found.append(orientedPair(u, v, Double(h.product)))
                if found.count == top, cutoff == nil { cutoff = h.product }
            }
            if h.j + 1 < n { frontier.push(Head(i: h.i, j: h.j + 1, product: deg[h.i] * deg[h.j + 1])) }
        }
        found.sort(by: linkPrecedes)
        if found.count > top { found.removeLast(found.count - top) }
        return found
    }
}

/// Gathers per-worker results under a lock.
final class LinkCollector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var items: [LinkScore] = []
    func add(_ more: [LinkScore]) {
        lock.lock()
        items += more
        lock.unlock()
    }
}
