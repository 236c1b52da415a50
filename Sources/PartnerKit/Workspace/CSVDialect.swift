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
