/// A loaded, validated workspace: one library and its community. Engines take this value and
/// never read files themselves.
public struct Workspace: Sendable {
    /// The folder it was read from, as the user named it (for messages).
    public var directory: String
    public var library: LibraryProfile
    public var organizations: [Organization]
    public var people: [Person]
    public var ties: [Tie]
    public var partnerships: [Partnership]
    public var vocabulary: Vocabulary
    public var tags: TagTable
    /// The answers of `surveys.csv` (empty without one), and the health-survey rubric they were
    /// checked against (nil without a surveys.csv).
    public var surveys: [SurveyAnswer] = []
    public var surveyRubric: SurveyRubric?

    public private(set) var organizationIndex: [String: Int] = [:]
    public private(set) var personIndex: [String: Int] = [:]

    public init(
        directory: String = ".", library: LibraryProfile, organizations: [Organization],
        people: [Person] = [],
        ties: [Tie] = [], partnerships: [Partnership] = [], vocabulary: Vocabulary = Vocabulary(),
        tags: TagTable = TagTable()
    ) {
        self.init(
            directory: directory, library: library, organizations: organizations, people: people, ties: ties,
            partnerships: partnerships, vocabulary: vocabulary, tags: tags, organizationIndex: [:],
            personIndex: [:])
        reindex()
    }

    /// The loader's form: the indexes it already built (organization id → position, first
    /// occurrence; likewise people), so a million organizations are not hashed twice.
    init(
        directory: String, library: LibraryProfile, organizations: [Organization], people: [Person],
        ties: [Tie],
        partnerships: [Partnership], vocabulary: Vocabulary, tags: TagTable, organizationIndex: [String: Int],
        personIndex: [String: Int]
    ) {
        self.directory = directory
        self.library = library
        self.organizations = organizations
        self.people = people
        self.ties = ties
        self.partnerships = partnerships
        self.vocabulary = vocabulary
        self.tags = tags
        self.organizationIndex = organizationIndex
        self.personIndex = personIndex
    }

    public mutating func reindex() {
        organizationIndex = Dictionary(
            organizations.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        personIndex = Dictionary(
            people.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    public func organization(_ id: String) -> Organization? {
        organizationIndex[id].map { organizations[$0] }
    }

    public func person(_ id: String) -> Person? { personIndex[id].map { people[$0] } }

    public func partnership(_ id: String) -> Partnership? { partnerships.first { $0.id == id } }

    /// Whether `party` names the library in a partnership (`library` or the library's id).
    public func isLibrary(_ party: String) -> Bool { party == LibraryProfile.party || party == library.id }

    /// The name a person would recognise for any node id: the library's, an organization's or a
    /// person's name (never a contact detail).
    public func displayName(_ id: String) -> String {
        if isLibrary(id) { return library.name }
        if let o = organization(id) { return o.name }
        if let p = person(id) { return p.name }
        return id
    }

    /// Tag names for interned ids, in the order given.
    public func tagNames<C: Collection>(_ ids: C) -> [String] where C.Element == UInt32 {
        ids.map { tags.name($0) }
    }

    /// A tag's display label from the vocabulary (`job-seekers` → "job seekers" when no label).
    public func label(_ tag: UInt32, _ category: TagCategory) -> String {
        let name = tags.name(tag)
        return vocabulary.label(of: name, in: category) ?? name.replacingOccurrences(of: "-", with: " ")
    }
}

extension String {
    fileprivate func replacingOccurrences(of a: Character, with b: Character) -> String {
        String(map { $0 == a ? b : $0 })
    }
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        guard a.count == 1, b.count == 1, let ca = a.first, let cb = b.first else { return self }
        return replacingOccurrences(of: ca, with: cb)
    }
}
