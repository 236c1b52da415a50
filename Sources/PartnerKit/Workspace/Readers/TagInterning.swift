extension WorkspaceLoader {
    /// Splits a `;`-separated cell (or takes a list), normalises, maps synonyms, interns.
    mutating func internTags(
        _ items: [String], category: TagCategory, file: String, location: Diagnostic.Location
    ) -> [UInt32] {
        var out: [UInt32] = []
        for raw in items {
            let n = Tag.normalize(raw)
            if n.isEmpty { continue }
            let canonical: String
            if let c = vocabulary.canonical(n, in: category) {
                canonical = c
            } else {
                canonical = n
                if vocabulary.terms[category] != nil {
                    if var use = unknownTags[category]?[n] {
                        use.count += 1
                        unknownTags[category]?[n] = use
                    } else {
                        unknownTags[category, default: [:]][n] = TagUse(
                            count: 1, file: file, location: location)
                    }
                }
            }
            out.append(tags.intern(canonical))
        }
        return out.sorted().uniqued()
    }

    /// What one raw list item interned to, remembered per category: spreadsheets repeat the
    /// same few dozen tags on every row, so each distinct spelling is normalised and looked
    /// up once.
    struct InternedItem {
        var id: UInt32
        /// The normalised tag when the vocabulary does not know it (counted per use).
        var unknown: String?
    }
    mutating func internCell(_ cell: String, category: TagCategory, file: String, line: Int) -> [UInt32] {
        if cell.isEmpty { return [] }
        var out: [UInt32] = []
        for piece in cell.split(separator: ";") {
            let raw = String(piece)
            let slot = category.slot
            if let hit = internCache[slot][raw] {
                out.append(hit.id)
                if let n = hit.unknown { unknownTags[category]?[n]?.count += 1 }
                continue
            }
            let n = Tag.normalize(raw)
            if n.isEmpty { continue }
            // `flags` = `none`: practices checked, nothing found (CONTRACT). Known, and empty.
            if category == .flags && n == "none" { continue }
            let ids = internTags([raw], category: category, file: file, location: .line(line))
            guard let id = ids.first else { continue }
            let isUnknown = unknownTags[category]?[n] != nil
            internCache[slot][raw] = InternedItem(id: id, unknown: isUnknown ? n : nil)
            out.append(id)
        }
        if out.count > 1 {
            out.sort()
            out = out.uniqued()
        }
        return out
    }

    func reportUnknownTags() {
        let nouns: [TagCategory: String] = [
            .values: "value", .audiences: "audience", .topics: "topic", .assets: "asset", .flags: "flag",
        ]
        for (category, uses) in unknownTags {
            for (tag, use) in uses {
                let times = use.count == 1 ? "used once" : "used \(use.count) times"
                var hint = "add it to vocabulary.json under \"\(category.rawValue)\" if it is meant"
                if let s = vocabulary.suggestion(for: tag, in: category) {
                    hint = "did you mean \"\(s)\"? (or " + hint + ")"
                }
                sink.warning(
                    use.file, use.location,
                    "unknown \(nouns[category] ?? "tag") \"\(tag)\" (\(times), first here)", hint: hint)
            }
        }
    }
}
