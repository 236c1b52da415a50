/// How many partnerships turned out each way, quarter by quarter: the outcome counts of the
/// quarterly review, and the record `calibrate` learns from.
public struct OutcomeTally: Sendable, Hashable {
    /// The quarter the partnership ended in (its `ends` date); nil for partnerships judged
    /// while still running (active or paused) or ended without an end date.
    public var quarter: Quarter?
    /// By outcome; outcomes with none are absent.
    public var counts: [Partnership.Outcome: Int]
    public var total: Int { counts.values.reduce(0, +) }

    public func count(_ o: Partnership.Outcome) -> Int { counts[o] ?? 0 }

    /// Every quarter up to and including `through` in which a partnership with an outcome
    /// ended, oldest first, then (when there are any) those still running or undated. A
    /// partnership that ended after `through` had not ended then and is left out; proposals
    /// are left out.
    ///
    /// - Complexity: O(n log n) for n partnerships.
    public static func byQuarter(_ partnerships: [Partnership], through: Quarter) -> [OutcomeTally] {
        var ended: [Quarter: [Partnership.Outcome: Int]] = [:]
        var running: [Partnership.Outcome: Int] = [:]
        for p in partnerships where p.status != .proposed {
            guard let o = p.outcome else { continue }
            if p.status == .ended, let end = p.ends {
                guard end <= through.last else { continue }
                ended[end.quarter, default: [:]][o, default: 0] += 1
            } else {
                running[o, default: 0] += 1
            }
        }
        var out = ended.keys.sorted().map { OutcomeTally(quarter: $0, counts: ended[$0] ?? [:]) }
        if !running.isEmpty { out.append(OutcomeTally(quarter: nil, counts: running)) }
        return out
    }
}
