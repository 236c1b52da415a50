/// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
/// The candidate closest to `s` within `maxDistance` edits (default: 2, or a quarter of
/// the length of `s` when longer), ties broken by the smaller string, or nil: the one "did
/// you mean" search behind every suggestion (ids, tags, columns, keys, commands, options).
///
/// - Complexity: O(candidates · |s| · maxDistance) at worst; most candidates stop early.
public func nearest(_ s: String, in candidates: some Sequence<String>, maxDistance: Int? = nil) -> String? {
    let limit = maxDistance ?? max(2, s.count / 4)
    var best: (distance: Int, candidate: String)?
    for c in candidates {
        let d = editDistance(s, c, limit: limit)
        guard d <= limit else { continue }
        if let b = best, b.distance < d || (b.distance == d && b.candidate <= c) { continue }
        best = (d, c)
    }
    return best?.candidate
}

public func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if abs(x.count - y.count) > limit { return limit &+ 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var prev = Array(0...y.count)
    var cur = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        cur[0] = i
        var rowMin = cur[0]
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            rowMin = min(rowMin, cur[j])
        }
        if rowMin > limit { return limit &+ 1 }
        swap(&prev, &cur)
    }
    return prev[y.count]
}
