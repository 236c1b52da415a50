/// Weights are relative: only their ratios matter, so weights 3, 2, 1 and 3e300, 2e300, 1e300
/// must give the same answer. Summing raw weights breaks that at the extremes (two weights of
/// 1e308 add up to infinity, and everything divided by it to 0), so every place that combines
/// weights first divides them by the largest one, which puts them all in 0…1 (issue 18).
enum Weights {
    /// `weights` divided by the largest of them; a negative, zero, NaN or infinite weight
    /// counts as 0. All zeros stay zeros.
    /// - Complexity: O(n)
    static func relative(_ weights: [Double]) -> [Double] {
        let clean = weights.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        guard let largest = clean.max(), largest > 0 else { return clean }
        return clean.map { $0 / largest }
    }
}
