extension String {
    /// `smart_goals` → `smart goals`: a JSON key or check id as words.
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// "a", "a and b", "a, b and c" (or another last word, such as "or"): the one list-in-words
/// join of the engines' prose.
func joinAnd(_ items: [String], _ word: String = "and") -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " \(word) " + (items.last ?? "")
    }
}
