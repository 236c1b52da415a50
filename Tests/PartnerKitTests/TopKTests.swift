import Testing

@testable import PartnerKit

@Suite struct TopKTests {
    /// A deterministic shuffle of 0..<n with repeats (values mod 37), so ties occur.
    static func values(_ n: Int, seed: UInt64) -> [Int] {
        var state = seed
        return (0..<n).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % 37)
        }
    }

    @Test(arguments: [0, 1, 5, 36, 200])
    func keepsTheBestKLikeASort(k: Int) {
        let xs = Self.values(200, seed: UInt64(k) + 7)
        var top = TopK<Int>(k, by: >)
        for x in xs { top.insert(x) }
        #expect(top.sortedBestFirst() == Array(xs.sorted(by: >).prefix(k)))
        #expect(top.count == min(k, xs.count))
    }

    @Test func admitsOnlyWhatBeatsTheWorstWhenFull() {
        var top = TopK<Int>(2, by: >)
        #expect(top.admits(1))
        top.insert(5)
        top.insert(3)
        #expect(top.worst == 3)
        #expect(!top.admits(3))
        #expect(top.admits(4))
        top.insert(4)
        #expect(top.sortedBestFirst() == [5, 4])
    }

    @Test func maxHeapPopsHighestFirst() {
        let xs = Self.values(100, seed: 3)
        var heap = MaxHeap<Int>(isHigher: >)
        for x in xs { heap.push(x) }
        var out: [Int] = []
        while let x = heap.pop() { out.append(x) }
        #expect(out == xs.sorted(by: >))
        #expect(heap.isEmpty)
        heap.replaceTop(9)
        #expect(heap.top == 9)
    }
}
