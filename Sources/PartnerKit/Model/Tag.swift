/// Tags are the shared language of profiles: values, audiences, topics, assets (what an
/// organization offers or needs) and flags (practices matched against dealbreakers).
///
/// A tag as written (`"Job Seekers "`) is normalised (`job-seekers`), mapped through the
/// vocabulary's synonyms to its canonical form, and interned to a small integer so that the
/// engines compare sorted integer arrays, never strings.
public enum TagCategory: String, Sendable, CaseIterable, Hashable {
    case values, audiences, topics, assets, flags
}

public enum Tag {
    /// Case-folds, trims, and turns runs of white space and underscores into one hyphen:
    /// `"  Job  Seekers"` → `job-seekers`.
    public static func normalize(_ raw: some StringProtocol) -> String {
        if let ascii = normalizeASCII(raw.utf8) { return ascii }
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        var pendingHyphen = false
        for ch in raw.lowercased() {
            if ch.isWhitespace || ch == "_" || ch == "-" {
                pendingHyphen = !out.isEmpty
                continue
            }
            if pendingHyphen {
                out.append("-")
                pendingHyphen = false
            }
            out.append(ch)
        }
        return out
    }
}

extension Tag {
    /// The same as `normalize` for pure-ASCII text, on bytes (no `Character` work): the
    /// common case in real spreadsheets. Nil when the text has any non-ASCII byte.
    static func normalizeASCII(_ u: some Collection<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var pendingHyphen = false
        for c in u {
            if c >= 0x80 { return nil }
            switch c {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, UInt8(ascii: "_"), UInt8(ascii: "-"):
                pendingHyphen = !out.isEmpty
            default:
                if pendingHyphen {
                    out.append(UInt8(ascii: "-"))
                    pendingHyphen = false
                }
                out.append(c >= 65 && c <= 90 ? c + 32 : c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
