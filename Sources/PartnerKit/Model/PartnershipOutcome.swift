extension Partnership {
    /// How a partnership turned out (`outcome` in `partnerships.json`), from best to worst.
    ///
    /// Recorded by the library when a partnership ends, or at a review while it runs. The raw
    /// values are the CONTRACT's: never rename them.
    public enum Outcome: String, Sendable, CaseIterable, Hashable {
        /// It did what the partners set out to do.
        case metGoals = "met-goals"
        /// Some of it: useful, short of the goals.
        case partly
        /// It faded out without a decision.
        case fizzled
        /// One side ended it before it was done.
        case endedEarly = "ended-early"
        /// It did damage (to people served, to trust, to the library's name).
        case harmful

        /// How a librarian would say it: "met its goals".
        public var label: String {
            switch self {
            case .metGoals: "met its goals"
            case .partly: "partly met its goals"
            case .fizzled: "fizzled out"
            case .endedEarly: "ended early"
            case .harmful: "did harm"
            }
        }
    }
}
