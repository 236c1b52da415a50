/// How well a score ranks past outcomes: Harrell's concordance index (Harrell, Califf, Pryor,
/// Lee & Rosati 1982).
///
/// Over every pair of examples whose outcomes differ, the share in which the better outcome
/// has the higher score; a tie in score counts one half. 1 means the score always put the
/// better partnership first, 0.5 is a coin toss, below 0.5 it ranks them backwards. With two
/// kinds of outcome it is exactly the area under the ROC curve (the Mann–Whitney U divided by
/// the number of good–poor pairs); with three (met its goals > partly > poor) it also asks
/// that a partnership that met its goals outrank one that only partly did.
///
public enum Concordance {
    /// - Returns: nil when no pair has different outcomes (nothing to rank).
    /// - Complexity: O(n²), for the tens to hundreds of outcomes a library has.
    public static func of(scores: [Double], outcomes: [Double]) -> Double? {
        let n = min(scores.count, outcomes.count)
        var pairs = 0.0, agree = 0.0
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) where outcomes[i] != outcomes[j] {
                pairs += 1
                let better = outcomes[i] > outcomes[j] ? i : j
                let worse = better == i ? j : i
                if scores[better] > scores[worse] {
                    agree += 1
                } else if scores[better] == scores[worse] {
                    agree += 0.5
                }
            }
        }
        return pairs > 0 ? agree / pairs : nil
    }
}
