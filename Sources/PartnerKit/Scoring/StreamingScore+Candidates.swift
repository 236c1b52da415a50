import Foundation

/// The rows the single pass of `StreamingScore` keeps while the mission IDF is still unknown,
/// and why a row it drops cannot be in the final top K.
///
/// **Scores before the IDF is known.** During the pass each row (except those other files
/// name, which are read in full anyway) is scored by a *provisional* engine: the same library
/// and rubric, mission mask 0. Its final score differs only in the mission term of value
/// alignment, so:
///
/// - a row with no mission, or whose mission uses no query word (mask 0), has its final score
///   already (`missionShare × unknown` resp. coverage 0 are the same under any IDF);
/// - otherwise, with `P` the provisional and `F` the final score, `P ≤ F ≤ P + bound`, where
///   `bound = missionSwing × missionCoverageBound(mask)` (`ScoringEngine`). The lower bound
///   holds exactly in floating point: the coverage is ≥ 0 and every step from the alignment
///   total to the clamped score (`+`, `/ shares`, `× weight`, `× 100`, `min`/`max`) is monotone
///   under IEEE rounding. The upper bound holds up to a few ulps of 100, far below `margin`
///   (1e-6): the coverage is at most `missionCoverageBound` (each priority's IDF-weighted share
///   is ≤ 1 because every IDF is ≥ 1), the term adds at most `missionSwing × coverage` before
///   the clamp, and the clamp at 0 or 100 only narrows a difference.
///
/// The final order is the CONTRACT's: no dealbreaker first, score descending, id ascending (a
/// total order: the ids are proved unique). A row can be dropped as soon as K rows of the file
/// are certain to rank strictly before it, whatever the IDF: then it is not among the first K.
/// The bucket drops a row `r` in three cases only:
///
/// 1. **Below the cutoff.** `cutoff` is the K-th best provisional score among K kept
///    non-dealbreaker rows, so K rows `a` have `F(a) ≥ P(a) ≥ cutoff`. A non-dealbreaker `r`
///    with `P(r) + bound(r) + margin < cutoff` has `F(r) < cutoff ≤ F(a)`: all K rank before it.
///    Dealbreaker rows have their own cutoff, by the same argument among dealbreakers.
/// 2. **Dealbreakers after K others.** Once K non-dealbreaker rows are known (`closed`), they
///    rank before every dealbreaker row.
/// 3. **Ties.** Two rows with equal `ScoreKey` and `Group` get equal final scores under any IDF
///    (the key holds the bit patterns of every input of the score formula but the mission
///    coverage, and the group holds the mask that fixes it) and the same dealbreaker status; of
///    such rows only the K with the smallest ids are kept, the others have K rows before them
///    (the brief said "smallest ordinals": the tie-break is the id, so it is the ids).
///
/// The K rows that justify a cutoff are never dropped themselves (they are above it, and a tie
/// drop replaces a row by K rows with the same score), so the argument holds at every step,
/// and a dropped row never comes back. At the end the candidates are scored by the final
/// engine exactly as the two-pass path scores a row, and sorted in the final order; the first
/// K are the file's top K. If the candidates ever exceed `maxCandidates` (scores so close that
/// the bound keeps most rows) the bucket overflows and the caller falls back to a second pass.
///
/// - Complexity: O(1) amortized per row rejected by the cutoff; a kept row costs its fields as
///   strings and O(log c) amortized for the compactions (sorts of c candidates, c doubling).
extension StreamingScore {
    /// Slack for the rounding in the upper bound (scores are 0–100).
    static let margin = 1e-6
    /// Above this many candidates the single pass gives up (the second pass decides).
    public static let maxCandidates = 65_536

    /// The inputs of a score other than the mission coverage, as bit patterns: value
    /// alignment's total before the mission term and the other four dimension values. With
    /// the same `Group`, equal keys give equal final scores.
    struct ScoreKey: Hashable {
        var alignment: UInt64
        var values: SIMD4<UInt64>

        init(_ e: ScoringEngine.Evaluation) {
            alignment = e.alignmentBeforeMission.bitPattern
            values = SIMD4(
                e.values[1].bitPattern, e.values[2].bitPattern, e.values[3].bitPattern,
                e.values[4].bitPattern)
        }

        static func precedes(_ a: ScoreKey, _ b: ScoreKey) -> Bool {
            if a.alignment != b.alignment { return a.alignment < b.alignment }
            for k in 0..<4 where a.values[k] != b.values[k] { return a.values[k] < b.values[k] }
            return false
        }
    }

    /// What fixes the mission term and the ranking class: the query words the mission uses,
    /// whether there is a mission at all, and whether the row trips a dealbreaker.
    struct Group: Hashable {
        var mask: UInt64
        var hasMission: Bool
        var dealbreaker: Bool

        static func precedes(_ a: Group, _ b: Group) -> Bool {
            if a.mask != b.mask { return a.mask < b.mask }
            return !a.hasMission && b.hasMission
        }
    }

    /// A row that may still be in the top K: where it is, its fields (for the subset file),
    /// its provisional score and bound, and the inputs to score it again with the final IDF.
    struct Candidate {
        var ordinal: Int
        var line: Int
        var id: String
        var fields: [String]
        var provisional: Double
        var bound: Double
        var key: ScoreKey
        var group: Group
        var tags: TagLists
        var numbers: StreamingScore.RowNumbers

        /// The most its final score can be.
        var ceiling: Double { provisional + bound + StreamingScore.margin }
    }

    /// The cutoffs a bucket has proved: each backed by K kept rows (or by K rows of the whole
    /// file, for a piece seeded from the block's bucket).
    struct Cutoffs {
        var nonDealbreaker = -Double.infinity
        var dealbreaker = -Double.infinity
        /// K non-dealbreaker rows are known: no dealbreaker row can rank.
        var closed = false
    }

    /// The candidates of a piece or of the file so far, compacted as they grow.
    struct Bucket {
        let top: Int
        let limit: Int
        var items: [Candidate] = []
        var cutoffs: Cutoffs
        var overflowed = false
        var nextCompaction: Int

        init(top: Int, limit: Int, cutoffs: Cutoffs = Cutoffs()) {
            self.top = top
            self.limit = limit
            self.cutoffs = cutoffs
            nextCompaction = 2 * top + 256
        }

        /// Whether a row with this provisional score, bound and dealbreaker status may rank.
        @inline(__always)
        func admits(provisional: Double, bound: Double, dealbreaker: Bool) -> Bool {
            if overflowed { return false }
            let ceiling = provisional + bound + StreamingScore.margin
            if dealbreaker { return !cutoffs.closed && ceiling >= cutoffs.dealbreaker }
            return ceiling >= cutoffs.nonDealbreaker
        }

        mutating func insert(_ c: Candidate) {
            guard !overflowed else { return }
            items.append(c)
            if items.count >= nextCompaction { compact() }
        }

        /// Appends `other`'s candidates (a later part of the file) with their ordinals moved by
        /// `base`, and its cutoffs (backed by its rows, now these).
        mutating func merge(_ other: Bucket, ordinalBase base: Int) {
            if other.overflowed { overflowed = true }
            guard !overflowed else {
                items = []
                return
            }
            for var c in other.items {
                c.ordinal += base
                items.append(c)
            }
            cutoffs.nonDealbreaker = max(cutoffs.nonDealbreaker, other.cutoffs.nonDealbreaker)
            cutoffs.dealbreaker = max(cutoffs.dealbreaker, other.cutoffs.dealbreaker)
            cutoffs.closed = cutoffs.closed || other.cutoffs.closed
            if items.count >= nextCompaction { compact() }
        }

        /// Provisional order: dealbreakers last, provisional score descending, then key and
        /// group (so equal ones are adjacent), then id.
        static func order(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.group.dealbreaker != b.group.dealbreaker { return !a.group.dealbreaker }
            if a.provisional != b.provisional { return a.provisional > b.provisional }
            if a.key != b.key { return ScoreKey.precedes(a.key, b.key) }
            if a.group != b.group { return Group.precedes(a.group, b.group) }
            return a.id < b.id
        }

        /// Drops the rows that K others are certain to rank before (see the file's comment).
        mutating func compact() {
            guard !overflowed else { return }
            items.sort(by: Self.order)
            var kept: [Candidate] = []
            kept.reserveCapacity(items.count)
            var run = 0
            var nonDealbreakers = 0, dealbreakers = 0
            for (k, c) in items.enumerated() {
                if k > 0, items[k - 1].key == c.key, items[k - 1].group == c.group {
                    run += 1
                } else {
                    run = 0
                }
                if run >= top { continue }  // K rows with the same score and smaller ids.
                if c.group.dealbreaker {
                    dealbreakers += 1
                    if dealbreakers == top { cutoffs.dealbreaker = max(cutoffs.dealbreaker, c.provisional) }
                } else {
                    nonDealbreakers += 1
                    if nonDealbreakers == top {
                        cutoffs.nonDealbreaker = max(cutoffs.nonDealbreaker, c.provisional)
                        cutoffs.closed = true
                    }
                }
                kept.append(c)
            }
            let cut = cutoffs
            kept.removeAll { c in
                c.group.dealbreaker
                    ? cut.closed || c.ceiling < cut.dealbreaker : c.ceiling < cut.nonDealbreaker
            }
            items = kept
            if items.count > limit {
                overflowed = true
                items = []
            }
            nextCompaction = max(2 * items.count, 2 * top + 256)
        }
    }

    /// The file's top K rows from the single pass's candidates, scored with the final engine
    /// (the corpus-wide IDF) as the second pass would score them, in the final order; nil when
    /// the bucket overflowed or a final score left its proved bounds (then the second pass runs).
    static func finalists(_ bucket: Bucket, engine: ScoringEngine, scansMissions: Bool) -> [Row]? {
        var bucket = bucket
        bucket.compact()
        guard !bucket.overflowed else { return nil }
        var scored: [(score: Double, candidate: Candidate)] = []
        scored.reserveCapacity(bucket.items.count)
        for c in bucket.items {
            let n = c.numbers
            let e = engine.evaluate(
                tags: c.tags, hasMission: c.group.hasMission, missionMask: scansMissions ? c.group.mask : 0,
                staffFTE: n[0], annualBudget: n[1], volunteers: n[2], replyDays: n[3], index: nil)
            // The proof's premises, checked on every kept row.
            guard e.dealbreaker == c.group.dealbreaker, e.score >= c.provisional, e.score <= c.ceiling else {
                return nil
            }
            scored.append((e.score, c))
        }
        scored.sort { a, b in
            ranksBefore(
                dealbreakerA: a.candidate.group.dealbreaker, scoreA: a.score, idA: a.candidate.id,
                dealbreakerB: b.candidate.group.dealbreaker, scoreB: b.score, idB: b.candidate.id)
        }
        return scored.prefix(bucket.top).map { s in
            Row(ordinal: s.candidate.ordinal, line: s.candidate.line, fields: s.candidate.fields)
        }
    }
}
