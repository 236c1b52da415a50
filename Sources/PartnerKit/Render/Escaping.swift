/// Output escaping, in one place, for every renderer: HTML/XML text and attributes, and CSV
/// cells safe to open in a spreadsheet.
public enum Escape {
    /// HTML and XML text, safe inside element content and quoted attribute values. Control
    /// characters that XML 1.0 cannot hold are dropped.
    ///
    /// - Complexity: O(n).
    public static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// One RFC 4180 CSV cell, quoted when needed, with spreadsheet formula injection
    /// neutralised: a cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a
    /// leading apostrophe (OWASP, "CSV Injection"). Numbers we format ourselves pass
    /// `numeric: true` so a negative number stays a number.
    public static func csvCell(_ s: String, numeric: Bool = false) -> String {
        var v = s
        if !numeric, let f = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(f) {
            v = "'" + v
        }
        // By byte: "\r\n" is one Character, equal to neither "\n" nor "\r", so a Character test
        // left a CRLF inside a name unquoted and split the row.
        if v.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            var quoted = "\""
            for ch in v {
                if ch == "\"" { quoted += "\"\"" } else { quoted.append(ch) }
            }
            return quoted + "\""
        }
        return v
    }

    /// Markdown text safe inside a paragraph or a table cell: characters that would start
    /// markup or end a cell are backslash-escaped, line breaks become spaces.
    public static func markdown(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "|", "*", "_", "`", "[", "]", "<", ">", "\\":
                out.append("\\")
                out.append(ch)
            case "\n", "\r", "\r\n": out.append(" ")
            default: out.append(ch)
            }
        }
        return out
    }
}
