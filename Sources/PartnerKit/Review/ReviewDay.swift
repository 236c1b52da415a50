extension Quarter {
    /// The day a review of this quarter is "as of". Reviewing a past quarter means reviewing
    /// it as it stood at its end, so "today" is the quarter's last day, unless the user named
    /// a day (`--as-of`), which always wins; the current or a future quarter keeps `asOf`.
    ///
    /// - Parameters:
    ///   - asOf: the day the review is run (the real date or `--as-of`).
    ///   - asOfGiven: whether the user named `asOf` explicitly.
    public func reviewDay(asOf: Day, asOfGiven: Bool) -> Day {
        !asOfGiven && last < asOf ? last : asOf
    }
}
