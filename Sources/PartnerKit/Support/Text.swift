extension String {
    /// `smart_goals` → `smart goals`: a JSON key or check id as words.
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
