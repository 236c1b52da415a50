/// Which separator a CSV file uses, read from its header line.
///
/// Excel saves "CSV" with `;` between fields wherever the decimal separator is a comma (most
/// of Europe and Latin America). The header row of a workspace file is a list of plain column
/// names, so the separator is the one of `,` and `;` that occurs there outside quotes. A header
/// with both is ambiguous: it is reported, with how to fix it, rather than guessed silently.
public struct CSVDialect: Sendable, Equatable {
    public static let comma = UInt8(ascii: ",")
    public static let semicolon = UInt8(ascii: ";")

    /// The field separator to read the file with.
    public var delimiter: UInt8
    /// True when the header line has both separators outside quotes.
    public var ambiguous: Bool

    public init(delimiter: UInt8 = CSVDialect.comma, ambiguous: Bool = false) {
        self.delimiter = delimiter
        self.ambiguous = ambiguous
    }

    /// The separator as text, for messages.
    public var name: String { delimiter == Self.semicolon ? "';'" : "','" }

    /// Detects the separator from the first record of `bytes` (after a byte order mark).
    /// - Complexity: O(length of the header line).
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> CSVDialect {
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var commas = 0, semicolons = 0, quoted = false
        while i < n {
            let c = bytes[i]
            i += 1
            if c == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted {
                if c == 0x0A || c == 0x0D {
                    if commas + semicolons > 0 { break }
                    continue  // blank lines before the header
                }
                if c == comma { commas += 1 } else if c == semicolon { semicolons += 1 }
            }
        }
        if semicolons == 0 { return CSVDialect() }
        if commas == 0 { return CSVDialect(delimiter: semicolon) }
        return CSVDialect(delimiter: semicolons > commas ? semicolon : comma, ambiguous: true)
    }

    public static func detect(_ bytes: [UInt8]) -> CSVDialect {
        bytes.withUnsafeBufferPointer { detect($0) }
    }

    /// The error to report for an ambiguous header, at line 1 of `file`; nil when clear.
    public func problem(file: String) -> Diagnostic? {
        guard ambiguous else { return nil }
        return .error(
            file, .line(1),
            "the header line has both ',' and ';' between column names, so the separator is unclear",
            hint:
                "save the file with one separator: in Excel, Save As \"CSV UTF-8 (Comma delimited)\"; a column name that itself contains ',' or ';' must be in double quotes"
        )
    }
}

// MARK: - Numbers in a `;`-separated file

extension CSVDialect {
    /// True for a `;`-separated file: one saved by Excel where the decimal separator is a
    /// comma, so its numbers read `0,5` and `1.234,5`.
    public var decimalComma: Bool { delimiter == Self.semicolon }

    /// What a number cell of a decimal-comma file says.
    public enum DecimalCommaNumber: Sendable, Equatable {
        case value(Double)
        /// `1.234`: a thousands point (1234) or a decimal point (1.234); the readings, in that order.
        case ambiguous(Double, Double)
        case notANumber
    }

    /// A number as a spreadsheet with a decimal comma writes it: `0,5`, `12,75`, `1.234,5`,
    /// `1.234.567`, `€ 1 234,50`. When both `.` and `,` appear, the last is the decimal mark
    /// and the other groups thousands; a mark that repeats groups thousands; a lone mark is
    /// decimal (`0,5`, and `2.5` typed the English way). A lone mark followed by exactly three
    /// digits (`1.234`, `120,000`) could group thousands or mark decimals, and is reported as
    /// ambiguous rather than read 1000 times too large or too small — unless a currency sign
    /// says whose convention it is: `$` and `£` write `120,000.50`, `€` writes `120.000,50`.
    /// - Complexity: O(length of the cell).
    public static func decimalCommaNumber(_ cell: String) -> DecimalCommaNumber {
        let ignored: Set<Character> = ["$", "€", "£", " ", "\u{00A0}", "\u{202F}", "_", "'"]
        let english = cell.contains("$") || cell.contains("£"), european = cell.contains("€")
        var s = cell.filter { !ignored.contains($0) }
        if english {
            // `$1,200.50`: commas group thousands, the point is decimal.
            s = s.filter { $0 != "," }
        }
        let points = s.filter { $0 == "." }.count, commas = s.filter { $0 == "," }.count
        func parse(_ t: String) -> Double? {
            let l = t.lowercased()
            guard let d = Double(t), d.isFinite, !l.contains("nan"), !l.contains("inf") else { return nil }
            return d
        }
        /// Digits grouped by `mark` in threes after the first group (`1.234.567`).
        func grouped(_ t: Substring, by mark: Character) -> String? {
            let groups = t.split(separator: mark, omittingEmptySubsequences: false)
            guard let first = groups.first, first.contains(where: \.isNumber),
                groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) })
            else { return nil }
            return groups.joined()
        }
        func value(_ t: String?) -> DecimalCommaNumber { t.flatMap(parse).map { .value($0) } ?? .notANumber }
        /// A lone `mark`: decimal, or ambiguous when three digits follow a whole part other than 0.
        func lone(_ mark: Character) -> DecimalCommaNumber {
            guard let at = s.firstIndex(of: mark) else { return .notANumber }
            let whole = s[..<at].filter(\.isNumber), fraction = s[s.index(after: at)...]
            let asDecimal = parse(s.replacingOccurrences(of: String(mark), with: "."))
            if !english, !european, fraction.count == 3, fraction.allSatisfy(\.isNumber), !whole.isEmpty,
                whole != "0", let asDecimal,
                let asThousands = parse(s.replacingOccurrences(of: String(mark), with: ""))
            {
                return .ambiguous(asThousands, asDecimal)
            }
            if european && mark == "." { return value(grouped(s[...], by: ".")) }
            return asDecimal.map { .value($0) } ?? .notANumber
        }
        switch (points, commas) {
        case (0, 0):
            return value(s)
        case (0, 1):
            return lone(",")
        case (1, 0):
            return lone(".")
        case (_, 0):
            return value(grouped(s[...], by: "."))
        case (0, _):
            return value(grouped(s[...], by: ","))
        default:
            // Both: the last mark is the decimal one and appears once.
            guard let lastPoint = s.lastIndex(of: "."), let lastComma = s.lastIndex(of: ",") else {
                return .notANumber
            }
            let (decimal, thousands): (Character, Character) = lastComma > lastPoint ? (",", ".") : (".", ",")
            let parts = s.split(separator: decimal, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].contains(thousands),
                let whole = grouped(parts[0], by: thousands)
            else { return .notANumber }
            return value(whole + "." + parts[1])
        }
    }
}
