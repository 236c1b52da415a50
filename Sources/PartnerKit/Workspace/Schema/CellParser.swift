/// The parsers behind `CellType`, shared by the sequential reader, the parallel fast path and
/// `validate(row:)`, so that a cell means the same thing whichever path reads it.
enum CellParser {
    enum Number: Equatable {
        case value(Double)
        case notANumber
        /// Negative (or, for a positive column, zero).
        case outOfRange
        /// In a decimal-comma file, `1.234`: 1234 or 1.234 (see `CSVDialect.decimalCommaNumber`).
        case ambiguous(Double, Double)
    }

    /// Plain digits with at most one point and under 20 bytes, as most cells are: the value,
    /// or nil when the cell needs the general parser.
    @inline(__always)
    static func plainNumber(_ cell: String) -> Double? {
        var points = 0
        for c in cell.utf8 {
            if c == UInt8(ascii: ".") { points += 1 } else if c < 48 || c > 57 { return nil }
        }
        guard points <= 1, cell.utf8.count < 20 else { return nil }
        return Double(cell)
    }

    /// A number as people write it in spreadsheets (`1200`, `1,200`, `$1,200.50`). Text, NaN or
    /// infinity is not a number. Call only on a non-empty cell (empty means unknown).
    /// `decimalComma`: the file is `;`-separated, so `0,5` is a half (see `CSVDialect`).
    static func number(_ cell: String, positive: Bool, decimalComma: Bool = false) -> Number {
        if decimalComma {
            switch CSVDialect.decimalCommaNumber(cell) {
            case .value(let d): return (positive ? d <= 0 : d < 0) ? .outOfRange : .value(d)
            case .ambiguous(let a, let b): return .ambiguous(a, b)
            case .notANumber: return .notANumber
            }
        }
        if let d = plainNumber(cell) {
            return positive && d <= 0 ? .outOfRange : .value(d)
        }
        let cleaned = cell.filter { $0 != "," && $0 != "$" && $0 != "_" && $0 != " " }
        guard let d = Double(cleaned), d.isFinite, cleaned.lowercased() != "nan",
            !cleaned.lowercased().contains("inf")
        else { return .notANumber }
        if positive ? d <= 0 : d < 0 { return .outOfRange }
        return .value(d)
    }

    /// An NTEE code's shape: a capital letter, a digit, then up to four digits or capitals.
    static func looksLikeNTEE(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 3, u.count <= 6, (65...90).contains(u[0]) else { return false }
        return u.dropFirst().allSatisfy { (48...57).contains($0) || (65...90).contains($0) }
            && (48...57).contains(u[1])
    }

    /// An EIN's shape: nine digits, hyphens allowed (`12-3456789`).
    static func looksLikeEIN(_ s: String) -> Bool {
        let digits = s.filter(\.isASCII).filter(\.isNumber)
        return digits.count == 9 && s.allSatisfy { $0.isNumber || $0 == "-" }
    }
}
