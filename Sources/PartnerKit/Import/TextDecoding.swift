/// How the bytes of a spreadsheet were turned into text.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with a byte order mark"
    case windows1252 = "Windows-1252"
}

/// Spreadsheets saved by Excel on Windows are often Windows-1252 ("ANSI"), not UTF-8. A file
/// that is valid UTF-8 is read as UTF-8; anything else is read as Windows-1252, which maps every
/// byte to a character, so nothing is ever lost or fails to decode.
public enum TextDecoding {
    /// The bytes as UTF-8 (without the byte order mark), re-encoded from Windows-1252 when they
    /// are not valid UTF-8; and which it was.
    public static func utf8(_ bytes: [UInt8]) -> (bytes: [UInt8], encoding: TextEncoding) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let rest = Array(bytes[3...])
            if String(validating: rest, as: UTF8.self) != nil { return (rest, .utf8BOM) }
            return (Array(windows1252(rest).utf8), .windows1252)
        }
        if String(validating: bytes, as: UTF8.self) != nil { return (bytes, .utf8) }
        return bytes.withUnsafeBufferPointer { (Array(windows1252($0).utf8), .windows1252) }
    }

    /// Windows-1252 bytes as text. The five bytes 1252 leaves undefined read as the C1 control
    /// characters of the same value (as Windows itself does).
    public static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes {
            if b >= 0x80 && b <= 0x9F {
                s.append(Unicode.Scalar(high[Int(b - 0x80)]) ?? Unicode.Scalar(b))
            } else {
                s.append(Unicode.Scalar(b))
            }
        }
        return String(s)
    }

    /// Code points of 0x80–0x9F in Windows-1252.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
