/// Small helpers that keep the engines' sentences in plain, correct English: a count with
/// its noun in the right number, and a vocabulary label as it reads inside a sentence.

/// "1 organization", "2 organizations", "1 day": the noun in the number the count asks for.
func counted(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    n == 1 ? "1 \(noun)" : "\(n) \(plural ?? noun + "s")"
}

/// Words that keep their capital inside a sentence (languages and peoples).
private let properWords: Set<Substring> = [
    "English", "Spanish", "Indigenous", "Tribal", "Latino", "Latina", "Native", "Black", "Asian",
]

/// A vocabulary label ("Sells or brokers personal data") as it reads inside a sentence
/// ("sells or brokers personal data"). Acronyms ("LGBTQ+ people", "STEM") and proper words
/// ("Spanish speakers") keep their capital.
func midSentence(_ label: String) -> String {
    let first = label.prefix { $0 != " " && $0 != "," }
    guard let c = first.first, c.isUppercase else { return label }
    if first.count > 1 && first.dropFirst().contains(where: \.isUppercase) { return label }
    if properWords.contains(first) { return label }
    return c.lowercased() + label.dropFirst()
}

extension Workspace {
    /// A tag's label as it reads inside a sentence: `label(_:_:)`, lower-cased where a
    /// heading's capital would be wrong.
    func phrase(_ tag: UInt32, _ category: TagCategory) -> String {
        midSentence(label(tag, category))
    }
}

extension String {
    /// `sells-personal-data` → `sells personal data`: a tag name as words.
    var replacingHyphensWithSpaces: String { String(map { $0 == "-" ? " " : $0 }) }
}

/// A title shortened to at most `limit` characters for a line that quotes it
/// ("12,000 photographs online with…"): cut at the last word boundary that fits, never inside a
/// word, with trailing punctuation dropped and "…" to say something was left out. A title that
/// fits is returned unchanged. A single word longer than the limit (no space to cut at) is cut
/// at a character, the only place left. Counts characters as a reader sees them (grapheme
/// clusters), so accents and emoji are never split.
func shortened(_ s: String, to limit: Int = 40) -> String {
    guard s.count > limit, limit > 1 else { return s }
    let room = s.prefix(limit - 1)
    // A boundary at the cut itself: the character after the room is a space.
    let next = s[room.endIndex]
    var kept: Substring
    if next.isWhitespace {
        kept = room
    } else if let space = room.lastIndex(where: \.isWhitespace) {
        kept = room[..<space]
    } else {
        kept = room
    }
    while let last = kept.last, last.isWhitespace || ",;:-–—/(".contains(last) { kept = kept.dropLast() }
    return (kept.isEmpty ? room : kept) + "…"
}
