/// The review's outcome counts in words and JSON.
extension OutcomeTally {
    /// `[ { "quarter": "2025-Q3" | null, "met-goals": n, …, "total": n } ]`, every outcome
    /// named (0 when none); a null quarter holds the partnerships judged while still running.
    public static func json(_ tallies: [OutcomeTally]) -> JSONOutput {
        .array(
            tallies.map { t in
                .object(
                    [("quarter", .optional(t.quarter?.description))]
                        + Partnership.Outcome.allCases.map { ($0.rawValue, .int(t.count($0))) }
                        + [("total", .int(t.total))])
            })
    }

    /// One line: "Outcomes recorded: 2025-Q2 1 met its goals; …; still running 4 partly." Nil
    /// when no outcome is recorded.
    public static func sentence(_ tallies: [OutcomeTally], reviewing quarter: Quarter) -> String? {
        guard !tallies.isEmpty else { return nil }
        let parts = tallies.map { t in
            let when =
                t.quarter.map { $0 == quarter ? "\($0) (this quarter)" : "\($0)" } ?? "judged while running"
            let counts = Partnership.Outcome.allCases.compactMap { o in
                t.count(o) > 0 ? "\(t.count(o)) \(CalibrationReport.counted(o))" : nil
            }
            return "\(when): \(counts.joined(separator: ", "))"
        }
        return "Outcomes recorded — " + parts.joined(separator: "; ") + "."
    }
}
