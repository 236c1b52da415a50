/// The library's own profile (`library.json`): what it cares about, whom it serves, what it
/// offers and needs, and what it will not accept in a partner.
public struct LibraryProfile: Sendable {
    public struct Priority: Sendable, Hashable {
        public var id: String
        public var label: String
        /// Positive; relative to the other priorities (default 1).
        public var weight: Double
        /// Interned topic tags, sorted.
        public var topics: [UInt32]
        public init(id: String, label: String, weight: Double = 1, topics: [UInt32] = []) {
            self.id = id
            self.label = label
            self.weight = weight
            self.topics = topics
        }
    }

    public struct Audience: Sendable, Hashable {
        public var tag: UInt32
        public var weight: Double
        public init(tag: UInt32, weight: Double = 1) {
            self.tag = tag
            self.weight = weight
        }
    }

    /// The library's node in the relationship graph.
    public var id: String
    public var name: String
    public var priorities: [Priority]
    public var values: [UInt32]
    /// Sorted by tag id.
    public var audiences: [Audience]
    public var offers: [UInt32]
    public var needs: [UInt32]
    public var dealbreakers: [UInt32]

    public init(
        id: String, name: String, priorities: [Priority] = [], values: [UInt32] = [],
        audiences: [Audience] = [], offers: [UInt32] = [], needs: [UInt32] = [], dealbreakers: [UInt32] = []
    ) {
        self.id = id
        self.name = name
        self.priorities = priorities
        self.values = values.sorted().uniqued()
        self.audiences = audiences.sorted { $0.tag < $1.tag }
        self.offers = offers.sorted().uniqued()
        self.needs = needs.sorted().uniqued()
        self.dealbreakers = dealbreakers.sorted().uniqued()
    }

    public func priority(_ id: String) -> Priority? { priorities.first { $0.id == id } }
}

extension LibraryProfile {
    /// The word that names the library as a party or a tie end in every workspace file
    /// (`"party": "library"` in partnerships.json, `library` in relationships.csv and
    /// surveys.csv), whatever the library's own id is.
    public static let party = "library"
}
