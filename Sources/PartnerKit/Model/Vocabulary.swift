/// One canonical tag of the vocabulary.
public struct VocabularyTerm: Sendable, Hashable {
    public var tag: String
    public var label: String
    public var synonyms: [String]
    public init(tag: String, label: String? = nil, synonyms: [String] = []) {
        self.tag = tag
        self.label = label ?? tag
        self.synonyms = synonyms
    }
}

/// The known tags of each category with their synonyms (`Data/vocabulary.json`, or a
/// workspace's own `vocabulary.json`).
public struct Vocabulary: Sendable {
    public private(set) var terms: [TagCategory: [VocabularyTerm]] = [:]
    /// normalised spelling (canonical or synonym) → canonical, per category.
    private var canonicalOf: [TagCategory: [String: String]] = [:]

    public init(terms: [TagCategory: [VocabularyTerm]] = [:]) {
        for (category, list) in terms {
            for term in list { add(term, to: category) }
        }
    }

    public mutating func add(_ term: VocabularyTerm, to category: TagCategory) {
        let canonical = Tag.normalize(term.tag)
        var t = term
        t.tag = canonical
        terms[category, default: []].append(t)
        canonicalOf[category, default: [:]][canonical] = canonical
        for s in term.synonyms {
            canonicalOf[category, default: [:]][Tag.normalize(s)] = canonical
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The canonical tag for a normalised spelling, or nil when the vocabulary does not know it.
    public func canonical(_ normalized: String, in category: TagCategory) -> String? {
        canonicalOf[category]?[normalized]
    }

    public func label(of tag: String, in category: TagCategory) -> String? {
        terms[category]?.first { $0.tag == tag }?.label
    }

    /// The closest known spelling within a small edit distance, for "did you mean".
    public func suggestion(for normalized: String, in category: TagCategory) -> String? {
        guard let known = canonicalOf[category] else { return nil }
        let limit = max(2, normalized.count / 4)
        var best: (distance: Int, spelling: String, canonical: String)?
        for (spelling, canonical) in known {
            let d = editDistance(normalized, spelling, limit: limit)
            guard d <= limit else { continue }
            if let b = best, b.distance < d || (b.distance == d && b.spelling <= spelling) { continue }
            best = (d, spelling, canonical)
        }
        return best?.canonical
    }
}
