import Foundation

/// What loading a workspace produced: the workspace when it has no errors, and every
/// diagnostic found (errors and warnings), sorted by file and line.
public struct LoadResult: Sendable {
    public var workspace: Workspace?
    public var diagnostics: [Diagnostic]
}

/// Reads and validates a workspace folder. Collects every problem rather than stopping at the
/// first, so that one `partnerkit check` lists all there is to fix.
public struct WorkspaceLoader {
    /// The known columns of each CSV file, from its schema.
    public static var organizationColumns: [String] { OrganizationsSchema.schema.names }
    public static var peopleColumns: [String] { PeopleSchema.schema.names }
    public static var relationshipColumns: [String] { RelationshipsSchema.schema.names }

    let directory: String
    let limits: InputLimits
    let sink = DiagnosticSink()
    /// Files that did not load, and the references into them not checked.
    let failures = LoadFailures()
    /// Ids of organizations.csv rows that could not be read, with their lines.
    var rejectedIDs: [String: Int] = [:]
    var vocabulary = Vocabulary()
    var tags = TagTable()

    /// Unknown tags seen, per category: how many uses and the first place.
    struct TagUse {
        var count: Int
        var file: String
        var location: Diagnostic.Location
    }
    var unknownTags: [TagCategory: [String: TagUse]] = [:]

    /// In-memory files by name (for fuzzing and tests); nil reads the folder.
    var memory: [String: [UInt8]]?
    /// Body bytes per parallel chunk of organizations.csv (nil: the default). Tests set it
    /// small to read tiny files in chunks.
    var chunkBytes: Int?
    /// Tag spellings already seen in organizations.csv, by bytes (see `internPieces`).
    var pieceCache = ByteKeyTable()
    var pieceItems: [InternedItem] = []
    var internCache: [[String: InternedItem]] = Array(repeating: [:], count: TagCategory.allCases.count)

    init(directory: String, limits: InputLimits, memory: [String: [UInt8]]? = nil) {
        self.directory = directory
        self.limits = limits
        self.memory = memory
    }

    /// Loads a workspace from in-memory files named as in a folder (`library.json`,
    /// `organizations.csv`, …). Used by the fuzz targets and tests; the result is exactly what
    /// reading a folder with those files would give.
    public static func load(
        files: [String: [UInt8]], directory: String = "mem", defaultVocabulary: [UInt8]? = nil,
        limits: InputLimits = .default
    ) -> LoadResult {
        load(
            files: files, directory: directory, defaultVocabulary: defaultVocabulary, limits: limits,
            chunkBytes: nil)
    }

    /// As `load(files:…)`, reading organizations.csv in chunks of `chunkBytes` (tests).
    static func load(
        files: [String: [UInt8]], directory: String = "mem", defaultVocabulary: [UInt8]? = nil,
        limits: InputLimits = .default, chunkBytes: Int?
    ) -> LoadResult {
        var memory = files
        if let v = defaultVocabulary, memory["vocabulary.json"] == nil { memory["vocabulary.json"] = v }
        var loader = WorkspaceLoader(directory: directory, limits: limits, memory: memory)
        loader.chunkBytes = chunkBytes
        return loader.run(defaultVocabulary: nil)
    }

    /// Files by name read instead of the folder's or `memory`'s (the streaming path's
    /// organizations.csv of the rows it needs, see `StreamingScore`).
    var overlay: [String: [UInt8]] = [:]

    /// Reads one workspace file, from memory or disk.
    func readFile(_ p: String) -> Result<[UInt8], Files.ReadError> {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let name = p.hasPrefix(prefix) ? String(p.dropFirst(prefix.count)) : p
        if let bytes = overlay[name] { return .success(bytes) }
        guard let memory else { return Files.read(p, limit: limits.maxFileBytes) }
        guard let bytes = memory[name] else { return .failure(.missing) }
        return bytes.count > limits.maxFileBytes
            ? .failure(.tooLarge(limit: limits.maxFileBytes)) : .success(bytes)
    }

    /// Reads one workspace file by name, reporting a missing (when required) or unreadable file
    /// and recording it as not loaded (see `LoadFailures`).
    func readBytes(_ file: String, required: Bool) -> (path: String, bytes: [UInt8])? {
        let p = path(file)
        switch readFile(p) {
        case .failure(.missing):
            if required {
                sink.error(
                    p, .file, "required file is missing",
                    hint: "every workspace needs \(file); `partnerkit init` writes a template")
                failures.fail(file)
            }
            return nil
        case .failure(let e):
            sink.error(p, .file, e.message)
            failures.fail(file)
            return nil
        case .success(let bytes):
            return (p, bytes)
        }
    }

    /// Loads the workspace in `directory`. `defaultVocabulary` is the toolkit's
    /// `Data/vocabulary.json`, used unless the workspace has its own `vocabulary.json`.
    public static func load(
        directory: String, defaultVocabulary: String? = nil, limits: InputLimits = .default
    )
        -> LoadResult
    {
        var loader = WorkspaceLoader(directory: directory, limits: limits)
        return loader.run(defaultVocabulary: defaultVocabulary)
    }

    /// Why `directory` cannot be a workspace, and what to do: a link that loops is not a
    /// missing folder (creating one there would fail too).
    static func notAFolder(_ directory: String) -> (message: String, hint: String) {
        switch Files.kind(directory) {
        case .symlinkLoop:
            (
                "is a symbolic link that leads back to itself (a loop of links), not a workspace folder",
                "point the link at the workspace folder (`ls -l \(directory)` shows where it leads)"
            )
        case .missing: ("workspace folder not found", "create one with `partnerkit init \(directory)`")
        case .regular, .special:
            ("is a file, not a workspace folder", "give the folder that holds library.json")
        case .folder: ("cannot read the workspace folder", "check its permissions")
        }
    }

    func path(_ file: String) -> String {
        joinPath(directory, file)
    }

    /// The tag vocabulary: the workspace's own `vocabulary.json`, else `defaultVocabulary`
    /// (the toolkit's), else none (a warning).
    mutating func readVocabulary(defaultVocabulary: String?) {
        let ownVocabulary = path("vocabulary.json")
        if let memory {
            if let bytes = memory["vocabulary.json"],
                let root = Self.parseJSON(bytes, file: ownVocabulary, sink: sink, limits: limits)
            {
                vocabulary = VocabularyReader.parse(root, file: ownVocabulary, sink: sink) ?? Vocabulary()
            }
        } else if Files.exists(ownVocabulary) {
            vocabulary =
                VocabularyReader.read(path: ownVocabulary, sink: sink, limits: limits) ?? Vocabulary()
        } else if let d = defaultVocabulary {
            vocabulary = VocabularyReader.read(path: d, sink: sink, limits: limits) ?? Vocabulary()
        } else {
            sink.warning(
                directory, .file, "no tag vocabulary found: tags are not checked against one",
                hint:
                    "put a vocabulary.json in the workspace, or set PARTNERKIT_HOME to the toolkit folder (the one with Data/vocabulary.json)"
            )
        }
    }

    mutating func run(defaultVocabulary: String?) -> LoadResult {
        guard memory != nil || Files.isDirectory(directory) else {
            let (message, hint) = Self.notAFolder(directory)
            sink.error(directory, .file, message, hint: hint)
            return LoadResult(workspace: nil, diagnostics: sink.diagnostics)
        }
        readVocabulary(defaultVocabulary: defaultVocabulary)

        let library = readLibrary()
        let organizations = readOrganizations()
        let organizationsFile = OrganizationsSchema.schema.file
        failures.rejectedIDs[organizationsFile] = rejectedIDs
        failures.noteErrors(in: organizationsFile, path: path(organizationsFile), among: sink.diagnostics)
        // One index per kind of node, built once: the duplicate checks, the reference checks
        // of people, ties and partnerships, and the workspace's own lookups all use them.
        let libraryID = library?.id
        let duplicateHint = "ids must be unique across the library, organizations and people"
        var organizationIndex: [String: Int] = [:]
        organizationIndex.reserveCapacity(organizations.count)
        for (k, o) in organizations.enumerated() {
            if o.id == libraryID {
                sink.error(
                    path("organizations.csv"), .line(o.line),
                    "duplicate id \"\(o.id)\" (already used in library.json)", hint: duplicateHint)
            } else if let first = organizationIndex[o.id] {
                sink.error(
                    path("organizations.csv"), .line(o.line),
                    "duplicate id \"\(o.id)\" (already used in organizations.csv:\(organizations[first].line))",
                    hint: duplicateHint)
            } else {
                organizationIndex[o.id] = k
            }
        }
        let people = readPeople(organizationIndex: organizationIndex)
        let peopleFile = PeopleSchema.schema.file
        failures.noteErrors(in: peopleFile, path: path(peopleFile), among: sink.diagnostics)
        var personIndex: [String: Int] = [:]
        personIndex.reserveCapacity(people.count)
        for (k, p) in people.enumerated() {
            let first: String? =
                p.id == libraryID
                ? "library.json"
                : organizationIndex[p.id].map { "organizations.csv:\(organizations[$0].line)" }
                    ?? personIndex[p.id].map { "people.csv:\(people[$0].line)" }
            if let first {
                sink.error(
                    path("people.csv"), .line(p.line), "duplicate id \"\(p.id)\" (already used in \(first))",
                    hint: duplicateHint)
            } else {
                personIndex[p.id] = k
            }
        }
        // Node numbers for ties: the library 0, organizations 1…, people after them.
        let orgCount = organizations.count
        let ties = readTies(
            libraryID: libraryID,
            node: { id in
                if id == libraryID { return 0 }
                if let k = organizationIndex[id] { return 1 + k }
                return personIndex[id].map { 1 + orgCount + $0 }
            },
            allIDs: {
                [libraryID].compactMap { $0 } + organizationIndex.keys + personIndex.keys
            })
        let partnerships = readPartnerships(library: library, organizations: organizationIndex)
        let surveys = readSurveys(library: library, partnerships: partnerships)
        reportUnknownTags()

        // The real errors first, then one note per file that did not load for the references
        // into it that were not checked.
        let diagnostics = sink.diagnostics.sorted() + failures.summaries(path: path)
        guard let lib = library, !diagnostics.hasErrors else {
            return LoadResult(workspace: nil, diagnostics: diagnostics)
        }
        var ws = Workspace(
            directory: directory, library: lib, organizations: organizations, people: people, ties: ties,
            partnerships: partnerships, vocabulary: vocabulary, tags: tags,
            organizationIndex: organizationIndex,
            personIndex: personIndex)
        (ws.surveys, ws.surveyRubric) = surveys
        return LoadResult(workspace: ws, diagnostics: diagnostics)
    }

    /// Reads and parses a JSON file, reporting a syntax error at its line and column.
    func readJSON(_ file: String, required: Bool) -> JSONNode? {
        guard let (p, bytes) = readBytes(file, required: required) else { return nil }
        guard let root = Self.parseJSON(bytes, file: p, sink: sink, limits: limits) else {
            failures.fail(file)
            return nil
        }
        return root
    }

    /// Parses JSON bytes, reporting a syntax error at its line and column (`JSONDocument`).
    static func parseJSON(_ bytes: [UInt8], file: String, sink: DiagnosticSink, limits: InputLimits)
        -> JSONNode?
    {
        JSONDocument.parse(bytes, file: file, sink: sink, limits: limits)?.node
    }

    /// `partnerships.json` (see `PartnershipsSchema`), read by `PartnershipReader`.
    mutating func readPartnerships(library: LibraryProfile?, organizations: [String: Int]) -> [Partnership] {
        let schema = PartnershipsSchema.schema
        guard let root = readJSON(schema.file, required: schema.requiredFile) else { return [] }
        var reader = PartnershipReader(
            file: path(schema.file), sink: sink, library: library,
            organizationIDs: Set(organizations.keys),
            unknownPartnerIsError: true)
        reader.loadFailures = failures
        return reader.readWorkspaceFile(root, vocabulary: vocabulary)
    }
}
