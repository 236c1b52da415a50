import Foundation

/// Names as the IRS writes them (`GREATER BURLINGTON YOUNG MENS CHRISTIAN ASSOCIATION INC`)
/// turned into names a person would write, and the ids derived from them.
public enum OrganizationName {
    /// Words always written in capitals: organizations known by their initials, and Roman
    /// numerals. Words without a vowel (`VT`, `NH`; `CSSU` has one, so it is not) are treated
    /// as initials too, except the abbreviations in `abbreviations` (`ST`, `MT`, `JR`…). Keep
    /// these lists small and obvious.
    public static let acronyms: Set<String> = [
        "YMCA", "YWCA", "YMHA", "VFW", "AARP", "NAACP", "USA", "US", "PTA", "PTO", "PTSA", "4-H", "LGBTQ",
        "LGBT", "AFL", "CIO", "AFSCME", "IBEW", "UAW", "SEIU", "NEA", "AFT", "NALC", "BPOE", "IOOF", "AMVETS",
        "LLC", "CPA", "ESL", "ALS", "AIDS", "HIV", "UVM", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
    ]

    /// Abbreviations without a vowel that are words, not initials: `ST ALBANS` is `St Albans`.
    public static let abbreviations: Set<String> = [
        "ST", "MT", "FT", "JR", "SR", "DR", "MR", "MRS", "MS", "TR", "CTR", "JCT", "RD", "HWY", "BLVD",
        "PKWY",
        "FDTN", "SVC", "SVCS", "NATL", "INTL", "CMNTY", "SCTY", "FLS", "BRTHRHD",
    ]

    /// Short words written in lower case inside a name (never as its first word).
    public static let minorWords: Set<String> = [
        "a", "an", "and", "as", "at", "by", "de", "du", "for", "in", "la", "le", "of", "on", "or", "the",
        "to",
        "with", "dba",
    ]

    /// `THE YWCA OF VERMONT INC` → `The YWCA of Vermont Inc`. A name that already has lower-case
    /// letters was typed by a person and is kept as it is (only trimmed).
    public static func titleCased(_ raw: String) -> String {
        let name = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if name.contains(where: \.isLowercase) { return name }
        var out: [String] = []
        for (k, word) in name.split(separator: " ").enumerated() {
            out.append(titleCaseWord(String(word), first: k == 0))
        }
        return out.joined(separator: " ")
    }

    static func titleCaseWord(_ word: String, first: Bool) -> String {
        if acronyms.contains(word) { return word }
        let lower = word.lowercased()
        if !first && minorWords.contains(lower) { return lower }
        if abbreviations.contains(word) { return capitalize(lower) }
        let letters = word.filter(\.isLetter)
        // No vowel at all: initials (VT, NH, JMM), unless it is a plain word like "by".
        if letters.count >= 2, letters.count <= 5, !letters.contains(where: { "AEIOUY".contains($0) }) {
            return word
        }
        // Hyphens and slashes: each part on its own (`CARPENTER-CARSE` → `Carpenter-Carse`).
        for sep: Character in ["-", "/"] where word.contains(sep) && word.count > 1 {
            return word.split(separator: sep, omittingEmptySubsequences: false).map {
                $0.isEmpty ? "" : titleCaseWord(String($0), first: true)
            }.joined(separator: String(sep))
        }
        return capitalize(lower)
    }

    /// `o'brien` → `O'Brien`, `children's` → `Children's`, `mcclure` → `McClure`.
    static func capitalize(_ lower: String) -> String {
        // One string per character: upper-casing one character can give several (`ß` → `SS`),
        // which `Character(_:)` would refuse with a trap.
        var chars = lower.map(String.init)
        guard let i = chars.firstIndex(where: { $0.first?.isLetter == true }) else { return lower }
        chars[i] = chars[i].uppercased()
        if chars.firstIndex(of: "'") == i + 1, i + 3 < chars.count {
            chars[i + 2] = chars[i + 2].uppercased()
        }
        // At least four characters from the first letter on, so `i + 2` is inside the word
        // wherever the letter is (`...m`, `03050000M` once trapped here).
        if chars.count - i > 3, chars[i] == "M", chars[i + 1] == "c" {
            chars[i + 2] = chars[i + 2].uppercased()
        }
        return chars.joined()
    }

    /// The name without a care-of part the IRS sometimes appends (`… INC C/O J A SCOTT`,
    /// `… % JOHN DOE`). Returns the name and whether anything was removed.
    public static func withoutCareOf(_ raw: String) -> (name: String, removed: Bool) {
        // Searched in the name itself, not in an upper-cased copy: upper-casing can change the
        // length (`ß` → `SS`), and an offset found in the copy once cut the name in the wrong
        // place or past its end.
        for marker in [" C/O ", " % ", " ATTN "] {
            if let r = raw.range(of: marker, options: .caseInsensitive) {
                let kept = raw[..<r.lowerBound].trimmingWhitespace
                if !kept.isEmpty { return (kept, true) }
            }
        }
        return (raw.trimmingWhitespace, false)
    }

    /// Words left out of an id: legal forms say nothing about who an organization is.
    static let legalWords: Set<String> = [
        "inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc", "the", "tr", "trust",
    ]

    /// The id stem of a name: lower-case ASCII words joined by hyphens, accents folded, legal
    /// forms and a leading "the" dropped, at most 60 characters cut at a word boundary.
    /// `The YWCA of Vermont Inc` → `ywca-of-vermont`. Empty when the name has no letters or digits.
    public static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .lowercased()
        var words: [String] = []
        var current = ""
        for u in folded.unicodeScalars {
            if (u >= "a" && u <= "z") || (u >= "0" && u <= "9") {
                current.unicodeScalars.append(u)
            } else if u == "'" {
                continue  // children's → childrens
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        let meaningful = words.filter { !legalWords.contains($0) }
        let chosen = meaningful.isEmpty ? words : meaningful
        var out = ""
        for w in chosen {
            let next = out.isEmpty ? w : out + "-" + w
            if next.count > 60 && !out.isEmpty { break }
            out = next
        }
        return String(out.prefix(60))
    }
}

/// Hands out ids that are unique against every id already in the workspace and every id
/// handed out before: the name's slug, else slug + city, else slug + city + the EIN's last four
/// digits, else a number. The same names in the same order always get the same ids.
public struct IDAllocator: Sendable {
    public private(set) var taken: Set<String>

    public init(taken: Set<String>) { self.taken = taken }

    /// Takes `id` as it is; false when it is already in use.
    public mutating func reserve(_ id: String) -> Bool { taken.insert(id).inserted }

    public mutating func allocate(name: String, city: String?, ein: String?) -> String {
        var stem = OrganizationName.slug(name)
        if stem.isEmpty { stem = "organization" }
        var tries = [stem]
        let citySlug = city.map(OrganizationName.slug) ?? ""
        if !citySlug.isEmpty { tries.append("\(stem)-\(citySlug)") }
        let digits = (ein ?? "").filter(\.isNumber)
        if digits.count >= 4 {
            tries.append((citySlug.isEmpty ? stem : "\(stem)-\(citySlug)") + "-\(digits.suffix(4))")
        }
        for t in tries where !taken.contains(t) {
            taken.insert(t)
            return t
        }
        let base = tries[tries.count - 1]
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        taken.insert("\(base)-\(n)")
        return "\(base)-\(n)"
    }
}
