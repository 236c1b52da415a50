extension Array where Element: Equatable {
    /// Removes adjacent repeats (call on a sorted array).
    func uniqued() -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for e in self where out.last != e { out.append(e) }
        return out
    }
}

/// Calls `body` with each common element of two sorted, repeat-free sequences, in order: the
/// one merge walk behind `sortedIntersectionCount` and `sortedIntersection`.
///
/// - Complexity: O(m + n).
@inlinable
public func forEachSortedCommon<A: Collection, B: Collection>(_ a: A, _ b: B, _ body: (UInt32) -> Void)
where A.Element == UInt32, B.Element == UInt32 {
    var i = a.startIndex, j = b.startIndex
    while i != a.endIndex && j != b.endIndex {
        let x = a[i], y = b[j]
        if x == y {
            body(x)
            a.formIndex(after: &i)
            b.formIndex(after: &j)
        } else if x < y {
            a.formIndex(after: &i)
        } else {
            b.formIndex(after: &j)
        }
    }
}

/// Counts of common elements of two sorted, repeat-free sequences. O(m + n).
@inlinable
public func sortedIntersectionCount<A: Collection, B: Collection>(_ a: A, _ b: B) -> Int
where A.Element == UInt32, B.Element == UInt32 {
    var n = 0
    forEachSortedCommon(a, b) { _ in n += 1 }
    return n
}

/// The common elements of two sorted, repeat-free sequences. O(m + n).
public func sortedIntersection<A: Collection, B: Collection>(_ a: A, _ b: B) -> [UInt32]
where A.Element == UInt32, B.Element == UInt32 {
    var out: [UInt32] = []
    forEachSortedCommon(a, b) { out.append($0) }
    return out
}
